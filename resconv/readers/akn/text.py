"""Whitespace normalisation for text read from Akoma Ntoso.

AKN files carry layout whitespace inside their text: indentation, line breaks, the
tabs of ``xml:space="preserve"`` paragraphs. The model keeps text as printed, so runs
of XML whitespace become one space and paragraph edges are stripped. In Chinese, a
space between two full-width characters is never part of the printed text (it comes
from a line break or a footnote marker in the source), so it is dropped rather than
kept; the set of languages that do this is data (`JOINS_WIDE_CHARACTERS`).

Footnote markers travel through the normalisation in place, so that "Centre¹ and"
keeps its space after the marker and "报告¹ 以及" loses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from resconv.lang.script import CJK_RANGES, character_class
from resconv.model import FootnoteRef, Inlines, Text, plain_text

__all__ = ["JOINS_WIDE_CHARACTERS", "Piece", "normalise", "normalise_text", "plain"]

Piece = str | FootnoteRef
"""Raw inline content as collected from the XML, before normalisation."""

JOINS_WIDE_CHARACTERS: frozenset[str] = frozenset({"zh"})
"""Languages whose printed text has no space between two full-width characters."""

_XML_SPACE = re.compile(r"[ \t\r\n]+")
# NUL cannot occur in XML text, so it stands in for a footnote marker while the
# whole paragraph is normalised as one string.
_MARK = "\x00"
_WIDE = character_class(CJK_RANGES)
_WIDE_GAP = re.compile(f"(?<=[{_WIDE}])[ {_MARK}]*(?=[{_WIDE}])")


def normalise(pieces: Iterable[Piece], language: str) -> Inlines:
    """The inlines of `pieces` with XML layout whitespace removed."""
    refs: list[FootnoteRef] = []
    parts: list[str] = []
    for piece in pieces:
        if isinstance(piece, FootnoteRef):
            refs.append(piece)
            parts.append(_MARK)
        else:
            parts.append(piece.replace(_MARK, ""))
    text = _XML_SPACE.sub(" ", "".join(parts)).strip(" ")
    if language in JOINS_WIDE_CHARACTERS:
        text = _join_wide(text)
    out: list[Text | FootnoteRef] = []
    for index, chunk in enumerate(text.split(_MARK)):
        if index:
            out.append(refs[index - 1])
        if chunk:
            out.append(Text(text=chunk))
    return tuple(out)


def normalise_text(text: str, language: str) -> str:
    """`text` with runs of XML whitespace collapsed and its edges stripped."""
    collapsed = _XML_SPACE.sub(" ", text).strip(" ")
    return _join_wide(collapsed) if language in JOINS_WIDE_CHARACTERS else collapsed


def plain(inlines: Inlines) -> str:
    """The text of `inlines` without footnote markers."""
    return plain_text(inlines)


def _join_wide(text: str) -> str:
    return _WIDE_GAP.sub(lambda gap: gap.group().replace(" ", ""), text)
