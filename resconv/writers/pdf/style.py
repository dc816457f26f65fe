"""How a resolution is set in each language, as data for the PDF writer.

A role ("body", "title", …) names an ordered chain of faces (`resconv.fonts.FACES`):
each character is printed in the first face of the chain that has it, so Latin digits
inside Chinese text come out in Noto Serif and Han characters in Noto Serif SC. In
Chinese, the punctuation that Unicode shares between scripts (“ ” ‘ ’ … — ·) is
full-width and belongs to the Han face, as in the UN's own Chinese documents.
"""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py

__all__ = ["ROLES", "TYPOGRAPHY", "WIDE_PUNCTUATION", "Typography", "typography"]

ROLES = ("body", "bold", "italic", "title", "note")
"""Every role a `Typography` gives a face chain for."""

WIDE_PUNCTUATION = frozenset("“”‘’…—·")
"""Punctuation set full-width (in the Han face) when the document is Chinese."""

_LATIN_CHAINS: dict[str, tuple[str, ...]] = {
    "body": ("serif", "song", "naskh"),
    "bold": ("serif-bold", "hei", "naskh-bold"),
    "italic": ("serif-italic", "song", "naskh"),
    "title": ("serif-bold", "hei", "naskh-bold"),
    "note": ("serif", "song", "naskh"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Typography:
    """Faces, sizes and wrapping for one language (sizes in points)."""

    chains: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(_LATIN_CHAINS))
    wide_punctuation: bool = False
    """Whether `WIDE_PUNCTUATION` goes to the chain's Han face first."""
    word_wrap: Literal["CJK", "LTR"] = "LTR"
    """"CJK": break between any two characters, by the kinsoku rules."""
    body_size: float = 11.0
    body_leading: float = 14.0
    title_size: float = 12.0
    title_leading: float = 15.0
    note_size: float = 9.0
    note_leading: float = 11.0
    first_indent: float = 36.0
    """First-line indent of preambular paragraphs; operative numbers sit here too."""
    number_width: float = 36.0
    """Room for an operative paragraph number before its text."""
    sub_indent: float = 36.0
    """Extra left indent per subparagraph level."""
    title_number: str = "{}."
    """How the resolution number precedes the title."""


TYPOGRAPHY: dict[str, Typography] = {
    "zh": Typography(
        chains={
            "body": ("serif", "song", "naskh"),
            "bold": ("serif-bold", "hei", "naskh-bold"),
            "italic": ("serif-italic", "song", "naskh"),
            # SimHei carries the digits of a Chinese title too ("67/38."), so Hei first.
            "title": ("hei", "serif-bold", "naskh-bold"),
            "note": ("serif", "song", "naskh"),
        },
        wide_punctuation=True,
        word_wrap="CJK",
        body_size=11.0,
        body_leading=19.0,
        title_size=13.0,
        title_leading=20.0,
        note_size=9.0,
        note_leading=14.0,
        first_indent=22.0,
        number_width=22.0,
        sub_indent=22.0,
    ),
    "en": Typography(),
    "fr": Typography(),
    "es": Typography(),
    "ru": Typography(),
    # Set right to left by `pdf_rtl` (HarfBuzz shaping, bidi per line). Amiri looks
    # smaller than Noto Serif at the same size, and needs room for its tall letters.
    "ar": Typography(
        chains={
            "body": ("naskh", "serif", "song"),
            "bold": ("naskh-bold", "serif-bold", "hei"),
            # Amiri has no italic: initial words (and italics) print bold, as the UN's
            # Arabic mark-up sets them, so a reader of the page can tell them.
            "italic": ("naskh-bold", "serif-italic", "song"),
            "title": ("naskh-bold", "serif-bold", "hei"),
            "note": ("naskh", "serif", "song"),
        },
        body_size=13.0,
        body_leading=21.0,
        title_size=14.0,
        title_leading=22.0,
        note_size=10.0,
        note_leading=16.0,
        title_number="{} -",
    ),
}


def typography(code: str) -> Typography:
    """The typography of language `code` (a code of `resconv.lang.LANGUAGES`)."""
    return TYPOGRAPHY.get(code, TYPOGRAPHY["en"])
