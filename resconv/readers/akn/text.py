"""Whitespace normalisation for text read from Akoma Ntoso.

AKN files carry layout whitespace inside their text: indentation, line breaks, the
tabs of ``xml:space="preserve"`` paragraphs. The model keeps text as printed, so runs
of XML whitespace become one space and paragraph edges are stripped. In Chinese, a
space between two full-width characters is never part of the printed text (it comes
from a line break or a footnote marker in the source), so it is dropped rather than
kept; the set of languages that do this is data (`JOINS_WIDE_CHARACTERS`).

Footnote markers, and the start and end of a reference or an emphasis, travel through
the normalisation in place (as characters no XML text can hold), so that "Centre¹ and"
keeps its space after the marker, "报告¹ 以及" loses it, and a link keeps its exact text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from resconv.lang.script import CJK_RANGES, character_class
from resconv.model import Emphasis, FootnoteRef, Inline, Inlines, Reference, Text, plain_text

__all__ = [
    "JOINS_WIDE_CHARACTERS",
    "Close",
    "Open",
    "Piece",
    "join_lines",
    "normalise",
    "normalise_text",
    "plain",
]


@dataclass(frozen=True, slots=True)
class Open:
    """The start of a reference or an emphasis; its content follows until `Close`."""

    wrapper: Reference | Emphasis
    """The wrapper with empty content; the content is filled in by `normalise`."""


@dataclass(frozen=True, slots=True)
class Close:
    """The end of the innermost open reference or emphasis."""


Piece = str | FootnoteRef | Open | Close
"""Raw inline content as collected from the XML, before normalisation."""

JOINS_WIDE_CHARACTERS: frozenset[str] = frozenset({"zh"})
"""Languages whose printed text has no space between two full-width characters."""

_XML_SPACE = re.compile(r"[ \t\r\n]+")
# Characters no XML text can hold stand in for markers while the whole paragraph is
# normalised as one string: NUL for a footnote, SOH/STX for a wrapper's start and end.
_MARK = "\x00"
_OPEN = "\x01"
_CLOSE = "\x02"
_SENTINELS = re.compile("[\x00-\x02]")
_WIDE = character_class(CJK_RANGES)
_WIDE_GAP = re.compile(f"(?<=[{_WIDE}])[ {_MARK}{_OPEN}{_CLOSE}]*(?=[{_WIDE}])")
_WIDE_END = re.compile(f"[{_WIDE}]$")
_WIDE_START = re.compile(f"[{_WIDE}]")
_SPACE_ACROSS_WRAPPER = re.compile(f" ([{_OPEN}{_CLOSE}]+) ")
_LEADING = re.compile(f"^([{_OPEN}{_CLOSE}]*) +")
_TRAILING = re.compile(f" +([{_OPEN}{_CLOSE}]*)$")


def normalise(pieces: Iterable[Piece], language: str) -> Inlines:
    """The inlines of `pieces` with XML layout whitespace removed."""
    refs: list[FootnoteRef] = []
    wrappers: list[Reference | Emphasis] = []
    parts: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(_SENTINELS.sub("", piece))
        elif isinstance(piece, FootnoteRef):
            refs.append(piece)
            parts.append(_MARK)
        elif isinstance(piece, Open):
            wrappers.append(piece.wrapper)
            parts.append(_OPEN)
        else:
            parts.append(_CLOSE)
    text = _XML_SPACE.sub(" ", "".join(parts))
    if wrappers:
        # One space where a wrapper's edge splits two: "see <a> 67/38</a>" → "see 67/38".
        text = _SPACE_ACROSS_WRAPPER.sub(r" \1", text)
        text = _TRAILING.sub(r"\1", _LEADING.sub(r"\1", text))
    text = text.strip(" ")
    if language in JOINS_WIDE_CHARACTERS:
        text = _join_wide(text)
    if not wrappers:
        out: list[Inline] = []
        for index, chunk in enumerate(text.split(_MARK)):
            if index:
                out.append(refs[index - 1])
            if chunk:
                out.append(Text(text=chunk))
        return tuple(out)
    return _rebuild(text, iter(refs), iter(wrappers))


def _rebuild(
    text: str, refs: Iterable[FootnoteRef], wrappers: Iterable[Reference | Emphasis]
) -> Inlines:
    """The nested inlines of `text` with its sentinels replaced by what they stand for."""
    ref_iter = iter(refs)
    wrapper_iter = iter(wrappers)
    stack: list[tuple[Reference | Emphasis | None, list[Inline]]] = [(None, [])]
    for chunk in re.split(f"([{_MARK}{_OPEN}{_CLOSE}])", text):
        if chunk == _MARK:
            stack[-1][1].append(next(ref_iter))
        elif chunk == _OPEN:
            stack.append((next(wrapper_iter), []))
        elif chunk == _CLOSE:
            if len(stack) > 1:
                wrapper, content = stack.pop()
                _close(stack[-1][1], wrapper, content)
        elif chunk:
            _append_text(stack[-1][1], chunk)  # one run, where an empty wrapper was dropped
    while len(stack) > 1:  # an Open without its Close: closed at the end
        wrapper, content = stack.pop()
        _close(stack[-1][1], wrapper, content)
    return tuple(stack[0][1])


def _close(out: list[Inline], wrapper: Reference | Emphasis | None, content: list[Inline]) -> None:
    if not content:
        return
    if wrapper is None:
        for piece in content:
            if isinstance(piece, Text):
                _append_text(out, piece.text)
            else:
                out.append(piece)
    elif isinstance(wrapper, Reference):
        out.append(Reference(content=tuple(content), target=wrapper.target, kind=wrapper.kind))
    else:
        out.append(Emphasis(content=tuple(content), bold=wrapper.bold, italic=wrapper.italic))


def normalise_text(text: str, language: str) -> str:
    """`text` with runs of XML whitespace collapsed and its edges stripped."""
    collapsed = _XML_SPACE.sub(" ", text).strip(" ")
    return _join_wide(collapsed) if language in JOINS_WIDE_CHARACTERS else collapsed


def join_lines(lines: Iterable[Inlines], language: str = "") -> Inlines:
    """`lines` as one text, a space between each two (none between two full-width
    characters in a language that prints none): the lines of a heading."""
    out: list[Inline] = []
    for line in lines:
        if not line:
            continue
        if out and not (
            language in JOINS_WIDE_CHARACTERS
            and _WIDE_END.search(plain_text(tuple(out)))
            and _WIDE_START.match(plain_text(line))
        ):
            _append_text(out, " ")
        for piece in line:
            if isinstance(piece, Text):
                _append_text(out, piece.text)
            else:
                out.append(piece)
    return tuple(out)


def _append_text(out: list[Inline], text: str) -> None:
    """`text` at the end of `out`, joined to a `Text` there: the model keeps one run."""
    if out and isinstance(out[-1], Text):
        out[-1] = Text(text=out[-1].text + text)
    else:
        out.append(Text(text=text))


def plain(inlines: Inlines) -> str:
    """The text of `inlines` without footnote markers."""
    return plain_text(inlines)


def _join_wide(text: str) -> str:
    return _WIDE_GAP.sub(lambda gap: gap.group().replace(" ", ""), text)
