"""Which characters are Han, and which are set full-width in CJK text, defined once.

Readers ask at line ends and between words ("is this CJK?") and over whole samples
("how much of this is Han?"); both questions use these ranges. `is_cjk` bisects over
the ranges rather than matching a regex class: compiling a class this wide costs
milliseconds, more than a reader spends asking.
"""

from __future__ import annotations

import bisect
import functools
import re

__all__ = [
    "CJK_RANGES",
    "HAN_RANGES",
    "character_class",
    "cjk_pattern",
    "han_pattern",
    "is_cjk",
]

HAN_RANGES: tuple[tuple[str, str], ...] = (
    ("\u3400", "\u4dbf"),  # CJK Unified Ideographs Extension A
    ("\u4e00", "\u9fff"),  # CJK Unified Ideographs
    ("\uf900", "\ufaff"),  # CJK Compatibility Ideographs
    ("\U00020000", "\U0003ffff"),  # the Supplementary and Tertiary Ideographic Planes
)
"""Han characters (ideographs)."""

CJK_RANGES: tuple[tuple[str, str], ...] = (
    ("\u00b7", "\u00b7"),  # ·
    ("\u2014", "\u2014"),  # —
    ("\u2018", "\u201d"),  # ‘ ’ “ ”
    ("\u2026", "\u2026"),  # …
    ("\u2e80", "\u33ff"),  # radicals, CJK symbols and punctuation, kana, enclosed CJK
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\ufe30", "\ufe4f"),  # CJK compatibility forms
    ("\uff00", "\uffef"),  # half-width and full-width forms
    ("\U00020000", "\U0003ffff"),
)
"""Han, CJK punctuation and symbols, kana, full-width forms, and the dash, ellipsis, middle
dot and curly quotes that Chinese text sets full-width."""

_CJK_STARTS = tuple(start for start, _ in CJK_RANGES)


def is_cjk(char: str) -> bool:
    """Whether the character `char` is in `CJK_RANGES`."""
    index = bisect.bisect_right(_CJK_STARTS, char) - 1
    return index >= 0 and char <= CJK_RANGES[index][1]


def character_class(ranges: tuple[tuple[str, str], ...]) -> str:
    """The inside of a regex character class matching `ranges`: for lookarounds."""
    return "".join(start if start == end else f"{start}-{end}" for start, end in ranges)


@functools.cache
def han_pattern() -> re.Pattern[str]:
    """One Han character; compiled on first use (a class this wide is slow to compile)."""
    return re.compile(f"[{character_class(HAN_RANGES)}]")


@functools.cache
def cjk_pattern() -> re.Pattern[str]:
    """One CJK character; compiled on first use."""
    return re.compile(f"[{character_class(CJK_RANGES)}]")
