"""Comparing a model read back from a PDF or DOCX with the model the file was made from."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from resconv import model
from resconv.model import FootnoteRef, Resolution, TableCell, Text

COMPARED = (
    "symbol",
    "number",
    "language",
    "title",
    "authority",
    "preamble",
    "operative",
    "footnotes",
    "adoption",
    "annexes",
)


def normalised(value: object, nbsp: bool, *, chinese: bool = False, arabic: bool = False) -> object:
    """`value` as a printed page can give it back.

    With `nbsp`: a no-break space is a space and a no-break hyphen a hyphen (they print
    as one, and a producer may map their glyphs so; the text reader reads a no-break
    space as a space), runs of spaces are one space, invisible format characters
    (left-to-right marks, zero-width spaces) are gone, and canonically equivalent text
    is equal (NFC: a shadda and a vowel on one letter print the same in either order,
    and a shaping engine puts them in canonical order), and a table cell set "justify"
    is set at the start (a cell's last line, most often its only one, prints so either
    way). With `nbsp` and `chinese`: no space next to a Han character or CJK punctuation
    (`without_spaces_near_han`). With `nbsp` and `arabic`: an empty bracket pair glued to
    the text before it is the ")(" it prints (`brackets_as_shown`).
    Always: no space at either end of a piece of text, which is layout rather than text.
    """
    if isinstance(value, str):
        text = value
        if nbsp:
            text = without_invisible(text.replace("\u00a0", " ").replace("\u2011", "-"))
            text = unicodedata.normalize("NFC", _SPACES.sub(" ", text))
            if chinese:
                text = without_spaces_near_han(text)
            if arabic:
                text = brackets_as_shown(text)
        return text.strip(" ")
    if isinstance(value, tuple):
        if any(isinstance(item, (Text, FootnoteRef, *_WRAPPERS)) for item in value):
            value = _as_printed(value)
        return tuple(normalised(item, nbsp, chinese=chinese, arabic=arabic) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if nbsp and isinstance(value, TableCell) and value.align == "justify":
            value = dataclasses.replace(value, align=None)
        return {
            f.name: normalised(getattr(value, f.name), nbsp, chinese=chinese, arabic=arabic)
            for f in dataclasses.fields(value)
        }
    return value


def without_invisible(text: str) -> str:
    """`text` without the format characters a page does not show (left-to-right and
    right-to-left marks and embeddings, zero-width spaces and joiners, soft hyphens)."""
    return _INVISIBLE.sub("", text)


def brackets_as_shown(text: str) -> str:
    """Arabic text with an empty bracket pair glued to the character before it, and to
    another or a note's marker after it, as the ")(" a page shows: the UN's files type a
    closing and an opening bracket in the order Word displays them ("(ب()1)" prints as
    "(ب)(1)"; decision page ``arabic-comparison-print.md``)."""
    return _BRACKETS_TYPED_AS_SHOWN.sub(")(", text)


def without_spaces_near_han(text: str) -> str:
    """Chinese text without the spaces next to a Han character or CJK punctuation.

    Chinese sets no space between words, and Word and LibreOffice put a gap of their own
    between Han and Latin letters or digits whether the text has a space there or not
    ("1 包括" and "1包括" print alike); the text reader drops such spaces, which text
    extractors print between most characters. So in Chinese they are not compared.
    """
    return _SPACE_NEAR_HAN.sub("", text)


def _as_printed(inlines: tuple[object, ...]) -> tuple[object, ...]:
    """Inlines as a page prints them: text and markers. A reference or an emphasis the
    source marked up (a link target, a word in italics inside a sentence) prints as its
    text; the structure is read back from the print, so it is compared as text."""
    out: list[object] = []
    for item in inlines:
        pieces = _as_printed(item.content) if isinstance(item, _WRAPPERS) else (item,)  # type: ignore[attr-defined]
        for piece in pieces:
            if isinstance(piece, Text) and out and isinstance(out[-1], Text):
                out[-1] = Text(text=out[-1].text + piece.text)
            else:
                out.append(piece)
    return tuple(out)


_WRAPPERS: tuple[type, ...] = tuple(
    getattr(model, name) for name in ("Reference", "Emphasis") if hasattr(model, name)
)
"""Inline wrappers of the model (references, emphasis), where the model has them."""
_SPACES = re.compile(" {2,}")
_BRACKETS_TYPED_AS_SHOWN = re.compile(r"(?<=\S)\(\)(?=\S|$)")
"""An empty pair before a character, or at the end of a text piece: before a marker."""
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff\u00ad]")
_HAN = "[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]"
_SPACE_NEAR_HAN = re.compile(rf"\s+(?={_HAN})|(?<={_HAN})\s+")


_TITLE_SEPARATOR = re.compile(r"\s*[-–—]\s+")


def without_title_separator(title: model.Inlines) -> model.Inlines:
    """The title without the dash printed between number and title, which some of the
    UN's Arabic files keep inside ``docTitle`` ("74/10. -\tTitle") and a reader of the
    printed line takes for the separator it is."""
    first = title[0] if title else None
    found = _TITLE_SEPARATOR.match(first.text) if isinstance(first, Text) else None
    if not isinstance(first, Text) or found is None:
        return title
    return (Text(text=first.text[found.end() :]), *title[1:])


def differences(expected: Resolution, got: Resolution, *, nbsp: bool = False) -> list[str]:
    """The parts of `got` that differ from `expected`, first difference of each (the
    title compared without the separator some sources print inside it)."""
    out = []
    chinese = expected.language == "zh"
    arabic = expected.language == "ar"
    for name in COMPARED:
        want, have = (
            normalised(
                without_title_separator(r.title) if name == "title" else getattr(r, name),
                nbsp,
                chinese=chinese,
                arabic=arabic,
            )
            for r in (expected, got)
        )
        if want == have:
            continue
        if isinstance(want, tuple) and isinstance(have, tuple):
            if len(want) != len(have):
                out.append(f"{name}: {len(have)} instead of {len(want)}")
                continue
            index = next(i for i, (a, b) in enumerate(zip(want, have, strict=True)) if a != b)
            out.append(f"{name}[{index}]: {str(have[index])[:160]} != {str(want[index])[:160]}")
        else:
            out.append(f"{name}: {str(have)[:160]} != {str(want)[:160]}")
    return out
