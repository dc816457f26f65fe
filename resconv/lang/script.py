"""Which characters are Han, which are full-width, and which are CJK, defined once.

Readers ask at line ends and between words ("is this CJK?") and over whole samples
("how much of this is Han?"); every such question uses these ranges. Two notions:
`is_wide` holds for characters full-width in any text (Han, kana, Hangul, full-width
forms); `is_cjk` also takes the dash, ellipsis, middle dot and curly quotes that Chinese
text sets full-width but Latin text sets narrow, so it is for text known to be CJK.
The tests bisect over the ranges rather than matching a regex class: compiling a class
this wide costs milliseconds, more than a reader spends asking.
"""

from __future__ import annotations

import bisect
import functools
import re

__all__ = [
    "CJK_RANGES",
    "HAN_RANGES",
    "WIDE_RANGES",
    "character_class",
    "cjk_pattern",
    "han_pattern",
    "is_cjk",
    "is_wide",
    "wide_pattern",
]

HAN_RANGES: tuple[tuple[str, str], ...] = (
    ("\u3400", "\u4dbf"),  # CJK Unified Ideographs Extension A
    ("\u4e00", "\u9fff"),  # CJK Unified Ideographs
    ("\uf900", "\ufaff"),  # CJK Compatibility Ideographs
    ("\U00020000", "\U0003ffff"),  # the Supplementary and Tertiary Ideographic Planes
)
"""Han characters (ideographs)."""

WIDE_RANGES: tuple[tuple[str, str], ...] = (
    ("\u2e80", "\u33ff"),  # radicals, CJK symbols and punctuation, kana, enclosed CJK
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uac00", "\ud7af"),  # Hangul syllables
    ("\uf900", "\ufaff"),
    ("\ufe30", "\ufe4f"),  # CJK compatibility forms
    ("\uff00", "\uffef"),  # half-width and full-width forms
    ("\U00020000", "\U0003ffff"),
)
"""Characters set full-width whatever the language: Han, kana, Hangul, CJK punctuation."""

CJK_RANGES: tuple[tuple[str, str], ...] = (
    ("\u00b7", "\u00b7"),  # ·
    ("\u2014", "\u2014"),  # —
    ("\u2018", "\u201d"),  # ‘ ’ “ ”
    ("\u2026", "\u2026"),  # …
    *WIDE_RANGES,
)
"""`WIDE_RANGES`, and the dash, ellipsis, middle dot and curly quotes that Chinese text
sets full-width."""

_CJK_STARTS = tuple(start for start, _ in CJK_RANGES)
_WIDE_STARTS = tuple(start for start, _ in WIDE_RANGES)


CJK_CHARACTERS = re.compile(
    "(?![\\s])["
    + "".join(f"{re.escape(start)}-{re.escape(end)}" for start, end in CJK_RANGES)
    + "]"
)
"""A character in `CJK_RANGES` that is no space: counted in C where a text has many
(`readers.text.layout.width` runs over every line of a document several times)."""


def is_cjk(char: str) -> bool:
    """Whether the character `char` is in `CJK_RANGES`: for text known to be CJK."""
    index = bisect.bisect_right(_CJK_STARTS, char) - 1
    return index >= 0 and char <= CJK_RANGES[index][1]


def is_wide(char: str) -> bool:
    """Whether the character `char` is in `WIDE_RANGES`: full-width in any text."""
    index = bisect.bisect_right(_WIDE_STARTS, char) - 1
    return index >= 0 and char <= WIDE_RANGES[index][1]


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


@functools.cache
def wide_pattern() -> re.Pattern[str]:
    """One full-width character (`WIDE_RANGES`); compiled on first use."""
    return re.compile(f"[{character_class(WIDE_RANGES)}]")
