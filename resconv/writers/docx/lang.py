"""What the DOCX writer sets differently per language: fonts, language tags, sizes, direction.

One `DocxLanguage` per UN language, kept as data. Font names are the ones UN Word users
have (SimSun 宋体 for Chinese body text, SimHei 黑体 for Chinese titles, Times New Roman for
Latin and Cyrillic, Simplified Arabic for Arabic); `docs/dev/decisions/docx-fonts.md` says why.

The settings are named tuples, not dataclasses: building a frozen, slotted dataclass costs
about six times as much as a named tuple, and this module's three classes were a third of
the writer's own import time (about 2 ms of a process's start).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from resconv.errors import UsageError
from resconv.lang import LANGUAGES

__all__ = ["DOCX_LANGUAGES", "KNOWN_FONTS", "DocxLanguage", "FontSet", "KnownFont", "docx_language"]

Emphasis = Literal["bold", "italic"]


class FontSet(NamedTuple):
    """The four `w:rFonts` slots Word chooses between by script."""

    latin: str
    """`w:ascii` and `w:hAnsi`: Latin, Greek, Cyrillic."""
    east_asia: str
    """`w:eastAsia`: Han characters, kana, full-width punctuation."""
    complex: str
    """`w:cs`: Arabic, Hebrew and other complex scripts."""


class DocxLanguage(NamedTuple):
    """The DOCX settings for one language."""

    code: str
    """ISO 639-1, as in `Resolution.language`."""
    lang_val: str
    """`w:lang/@w:val`: the language of Latin-script text."""
    lang_east_asia: str
    """`w:lang/@w:eastAsia`, and the settings' `themeFontLang`."""
    lang_bidi: str
    """`w:lang/@w:bidi`: the language of complex-script text."""
    rtl: bool
    """Right-to-left: `w:bidi` on paragraphs and the section, `w:rtl` on runs."""
    body: FontSet
    title: FontSet
    """Resolution title, headings, annex labels and titles."""
    body_size: int
    """Half-points (`w:sz`): 24 is 12 pt."""
    title_size: int
    note_size: int
    initial_words: tuple[Emphasis, ...]
    """How preambular and operative initial words (and the authority) are set."""
    east_asian_punctuation: frozenset[str] = frozenset()
    """Characters Word would draw with the Latin font unless the run says `w:hint="eastAsia"`."""
    line: int = 240
    """Line spacing in 240ths of a line (`w:spacing/@w:line`, lineRule auto)."""
    running_title: bool = True
    """Whether the running header of later pages prints the title beside the symbol."""
    punctuation_inside: bool = False
    """Keep full-width punctuation inside the text's edge (`docx-hanging-punctuation.md`):
    LibreOffice hangs it past the edge by default and may then not draw it at all."""


class KnownFont(NamedTuple):
    """What `word/fontTable.xml` says about a font, so Word can substitute sensibly."""

    name: str
    alt_name: str | None
    panose: str
    charset: str
    family: Literal["roman", "swiss", "modern", "script", "decorative", "auto"]
    pitch: Literal["variable", "fixed", "default"]


KNOWN_FONTS: dict[str, KnownFont] = {
    font.name: font
    for font in (
        KnownFont(
            name="Times New Roman",
            alt_name=None,
            panose="02020603050405020304",
            charset="00",
            family="roman",
            pitch="variable",
        ),
        KnownFont(
            name="SimSun",
            alt_name="宋体",
            panose="02010600030101010101",
            charset="86",
            family="auto",
            pitch="variable",
        ),
        KnownFont(
            name="SimHei",
            alt_name="黑体",
            panose="02010609060101010101",
            charset="86",
            family="modern",
            pitch="fixed",
        ),
        KnownFont(
            name="Simplified Arabic",
            alt_name=None,
            panose="02020603050405020304",
            charset="B2",
            family="roman",
            pitch="variable",
        ),
    )
}

_SERIF = FontSet(latin="Times New Roman", east_asia="SimSun", complex="Times New Roman")
_SERIF_TITLE = FontSet(latin="Times New Roman", east_asia="SimHei", complex="Times New Roman")
_ARABIC = FontSet(latin="Times New Roman", east_asia="SimSun", complex="Simplified Arabic")
_ARABIC_TITLE = FontSet(latin="Times New Roman", east_asia="SimHei", complex="Simplified Arabic")

# U+00B7 ·, U+2014 —, U+2015 ―, U+2018–U+201D ‘ ’ “ ”, U+2026 …: ambiguous width.
_ZH_PUNCTUATION = frozenset("\u00b7\u2014\u2015\u2018\u2019\u201c\u201d\u2026")


def _latin(code: str) -> DocxLanguage:
    lang = LANGUAGES[code]
    return DocxLanguage(
        code=code,
        lang_val=lang.bcp47,
        lang_east_asia="zh-CN",
        lang_bidi="ar-SA",
        rtl=False,
        body=_SERIF,
        title=_SERIF,
        body_size=20,
        title_size=24,
        note_size=17,
        initial_words=(lang.initial_words_style,),
    )


DOCX_LANGUAGES: dict[str, DocxLanguage] = {
    "zh": DocxLanguage(
        code="zh",
        lang_val="en-US",
        lang_east_asia="zh-CN",
        lang_bidi="ar-SA",
        rtl=False,
        body=_SERIF,
        title=_SERIF_TITLE,
        body_size=24,
        title_size=28,
        note_size=18,
        initial_words=(LANGUAGES["zh"].initial_words_style,),
        east_asian_punctuation=_ZH_PUNCTUATION,
        line=320,
        # Chinese running headers carry the symbol alone.
        running_title=False,
        punctuation_inside=True,
    ),
    "ar": DocxLanguage(
        code="ar",
        lang_val="en-US",
        lang_east_asia="zh-CN",
        lang_bidi=LANGUAGES["ar"].bcp47,
        rtl=True,
        body=_ARABIC,
        title=_ARABIC_TITLE,
        body_size=28,
        title_size=32,
        note_size=22,
        # The UN's Arabic mark-up sets initial words <span class="bold italic">.
        initial_words=("bold", "italic"),
    ),
    # Every other language (en, fr, es, ru, and any added to `resconv.lang`) is set in Latin
    # fonts, left to right.
    **{code: _latin(code) for code in LANGUAGES if code not in ("zh", "ar")},
}


def docx_language(code: str) -> DocxLanguage:
    """The DOCX settings for language `code`; a usage error names the known ones."""
    try:
        return DOCX_LANGUAGES[code]
    except KeyError:
        known = ", ".join(sorted(DOCX_LANGUAGES))
        raise UsageError(f"no DOCX settings for language {code!r} (known: {known})") from None
