"""Inline content of AKN: text, footnotes, references and emphasis.

`inlines` turns the content of one or more blocks into `Inlines`. A link (``<a href>``,
``<ref href>``) becomes a `Reference` with its target as written; bold and italics
(``<b>``, ``<i>``, ``<span class="bold italic">``) become `Emphasis`, except the styled
opening words of a block, which are a paragraph's initial words or a title's typeface,
unless the writer marked them as emphasis. A footnote is kept once per
marker in the reading's footnotes.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lxml.etree import _Element

from resconv.akn.schema import OPENING_EMPHASIS_CLASS
from resconv.model import Emphasis, Footnote, FootnoteRef, Inlines, Reference, Text
from resconv.readers.akn.context import Reading
from resconv.readers.akn.nodes import (
    block_children,
    classes_of,
    descendants,
    local_name,
    ref_id,
    text_of,
)
from resconv.readers.akn.text import Close, Open, Piece, normalise, normalise_text

__all__ = ["initial_words", "inlines", "pieces", "reference_kind"]

_LINE_BREAKS = frozenset({"eol", "eop", "br"})
_LINKS = frozenset({"a", "ref", "mref", "rref"})
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em"})
_STYLE_ELEMENTS = frozenset({"span", "u", "sup", "sub", *_BOLD, *_ITALIC})
_EMPHASIS_CLASSES = frozenset({"bold", "italic"})
_NOT_TEXT = frozenset({"img", "object", "embeddedStructure", "subFlow"})
_MARKER_BRACKETS = frozenset({"(", ")", "[", "]", "（", "）"})
_EMPTY_MARKER = re.compile(r"^(?:\s*[(（]\s*[)）])+\s*")
"""The empty bracket pair that opens Arabic notes in the UN's files: "()\tA/77/612".

All leading pairs go at once, so that reading what resconv wrote gives the same text again.
"""
_RESOLUTION_NUMBER = re.compile(r"^(?:[A-Z]{1,3}-\d+/)?\d+/\d+")
"""A resolution cited by its number: "67/38", "ES-11/1", "S-26/2"."""
_DOCUMENT_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:\.\d+)?/\S")
"""A UN document symbol: "A/80/178", "S/RES/2661 (2022)", "E/2019/28", "A/C.5/80/L.1"."""


def reference_kind(text: str) -> str:
    """What a link's printed text names: "resolution", "document" or "link"."""
    text = text.strip()
    if _RESOLUTION_NUMBER.match(text):
        return "resolution"
    if _DOCUMENT_SYMBOL.match(text):
        return "document"
    return "link"


def inlines(reading: Reading, blocks: list[_Element]) -> Inlines:
    """The normalised text of `blocks`, one space between blocks."""
    return normalise(pieces(reading, blocks), reading.language)


def pieces(
    reading: Reading, blocks: list[_Element], *, skip: Collection[_Element] = ()
) -> list[Piece]:
    """The raw text, markers and wrappers of `blocks`, before normalisation; the elements
    in `skip` are left out (their tails are not)."""
    out: list[Piece] = []
    for index, block in enumerate(blocks):
        if index:
            out.append(" ")
        _collect(reading, block, out, skip)
    return out


def _collect(
    reading: Reading,
    node: _Element,
    out: list[Piece],
    skip: Collection[_Element] = (),
    *,
    top: bool = True,
) -> None:
    """The pieces of `node` into `out`; `top` for a block itself (its opening styling is
    initial words or typeface), not for an element inside one."""
    if node.text:
        out.append(node.text)
    children = list(node)
    for position, child in enumerate(children):
        if skip and child in skip:
            pass
        elif isinstance(child.tag, str):
            name = local_name(child)
            if name == "authorialNote":
                out.append(_note(reading, child))
            elif name == "noteRef":
                out.append(_note_ref(reading, child))
            elif name in _LINE_BREAKS:
                out.append(" ")
            elif name in _NOT_TEXT:
                reading.warn("akn-not-kept", f"<{name}> has no place in the model", child)
                _collect(reading, child, out, skip, top=False)
            elif name == "sup" and _is_marker_bracket(children, position):
                pass  # "(" and ")" printed around an Arabic footnote marker
            else:
                opening = top and not position and not (node.text or "").strip()
                wrapper = _wrapper(child, opening=opening)
                content = child
                inner = _only_emphasis_child(child) if isinstance(wrapper, Emphasis) else None
                if isinstance(wrapper, Emphasis) and inner is not None:
                    # <b><i>…</i></b> is one emphasis, bold and italic, as resconv writes it
                    both = _wrapper(inner, opening=False)
                    assert isinstance(both, Emphasis)
                    wrapper = Emphasis(
                        content=(),
                        bold=wrapper.bold or both.bold,
                        italic=wrapper.italic or both.italic,
                    )
                    content = inner
                if wrapper is not None:
                    out.append(Open(wrapper))
                _collect(reading, content, out, skip, top=False)
                if wrapper is not None:
                    out.append(Close())
        if child.tail:
            out.append(child.tail)


def _wrapper(node: _Element, *, opening: bool) -> Reference | Emphasis | None:
    """The reference or emphasis `node` stands for, if any.

    Styling that opens a block is not emphasis: it is the initial words of a paragraph, or
    the typeface of a whole title or heading, which the block's kind already says; unless
    resconv marked it as emphasis (`OPENING_EMPHASIS_CLASS`).
    """
    name = local_name(node)
    if name in _LINKS:
        href = (node.get("href") or "").strip()
        kind = node.get("class")
        if kind not in ("document", "resolution", "link"):
            kind = reference_kind(text_of(node))
        if not href or href.startswith("#"):
            return Reference(content=(), target=None, kind=kind) if kind != "link" else None
        return Reference(content=(), target=href, kind=kind)
    classes = classes_of(node)
    if name not in _STYLE_ELEMENTS or (opening and OPENING_EMPHASIS_CLASS not in classes):
        return None
    bold = name in _BOLD or "bold" in classes
    italic = name in _ITALIC or "italic" in classes
    if not (bold or italic):
        return None
    return Emphasis(content=(), bold=bold, italic=italic)


def _only_emphasis_child(node: _Element) -> _Element | None:
    """The one emphasis element `node` wraps with nothing around it, if so."""
    children = list(node)
    if len(children) != 1 or (node.text or "").strip() or (children[0].tail or "").strip():
        return None
    child = children[0]
    return child if isinstance(_wrapper(child, opening=False), Emphasis) else None


def _is_marker_bracket(siblings: list[_Element], position: int) -> bool:
    node = siblings[position]
    if len(node) or (node.text or "").strip() not in _MARKER_BRACKETS:
        return False
    text = (node.text or "").strip()
    if text in ("(", "[", "（"):
        if (node.tail or "").strip():
            return False
        neighbour = siblings[position + 1] if position + 1 < len(siblings) else None
    else:
        neighbour = siblings[position - 1] if position > 0 else None
        if neighbour is not None and (neighbour.tail or "").strip():
            return False
    return neighbour is not None and local_name(neighbour) == "authorialNote"


def _note(reading: Reading, node: _Element) -> FootnoteRef:
    marker = (node.get("marker") or "").strip()
    if not marker:
        marker = str(len(reading.footnotes) + 1)
        reading.warn("akn-note-marker", f"authorialNote without a marker; numbered {marker}", node)
    _add_footnote(reading, Footnote(marker=marker, content=_note_content(reading, node)), node)
    return FootnoteRef(marker=marker)


def _note_content(reading: Reading, node: _Element) -> Inlines | None:
    """The note's inlines, its links and emphasis kept; None for an empty note.

    A note holds no marker: a note inside a note is joined as text, with a warning.
    """
    nested = [inner for inner in descendants(node, "authorialNote") if inner is not node]
    for inner in nested:
        reading.warn("akn-nested-note", "a note inside a note: its text is joined", inner)
    out: list[Piece] = []
    for index, block in enumerate(block_children(node) or [node]):
        if index:
            out.append(" ")
        if nested:
            out.append(text_of(block))
        else:
            # Styling that opens a note is emphasis: a note has no initial words.
            _collect(reading, block, out, top=False)
    content = normalise(out, reading.language)
    if content and isinstance(content[0], Text):
        # The empty "()" that opens the UN's Arabic notes decorates the marker.
        lead = _EMPTY_MARKER.sub("", content[0].text)
        content = ((Text(text=lead),) if lead else ()) + content[1:]
    return content or None


def _note_ref(reading: Reading, node: _Element) -> FootnoteRef:
    """A later reference to a note already printed (resconv writes these for repeats)."""
    marker = (node.get("marker") or "").strip()
    target = ref_id(node.get("href"))
    note = next(
        (
            n
            for n in descendants(reading.root, "authorialNote")
            if target and n.get("eId") == target
        ),
        None,
    )
    if not marker and note is not None:
        marker = (note.get("marker") or "").strip()
    if not marker:
        marker = str(len(reading.footnotes) + 1)
        reading.warn("akn-note-marker", f"noteRef without a marker; numbered {marker}", node)
    if marker not in reading.footnotes:
        if note is None:
            reading.warn("akn-dangling-note", f"noteRef to {target!r}, not in the file", node)
        content = _note_content(reading, note) if note is not None else None
        _add_footnote(reading, Footnote(marker=marker, content=content), node)
    return FootnoteRef(marker=marker)


def _add_footnote(reading: Reading, note: Footnote, node: _Element) -> None:
    known = reading.footnotes.get(note.marker)
    if known is None:
        reading.footnotes[note.marker] = note
    elif known.text != note.text:
        reading.warn(
            "akn-duplicate-note",
            f"footnote marker {note.marker!r} is used for two different notes; "
            "the first note is kept",
            node,
        )


def initial_words(reading: Reading, block: _Element) -> str:
    """The emphasised opening words of `block` ("Recalling", "回顾"), if any."""
    if (block.text or "").strip():
        return ""
    first = next((c for c in block if isinstance(c.tag, str)), None)
    if first is None or any(not isinstance(c.tag, str) for c in list(block)[:1]):
        return ""
    name = local_name(first)
    if OPENING_EMPHASIS_CLASS in classes_of(first):
        return ""  # resconv's mark: an emphasis, not initial words
    if name == "span" and not classes_of(first) & _EMPHASIS_CLASSES:
        return ""
    if name not in ("span", "i", "b", "em", "strong"):
        return ""
    if any(local_name(c) in ("authorialNote", "noteRef", *_LINKS) for c in first.iter()):
        return ""
    # Python's strip: a no-break space after the words is no part of them either.
    return normalise_text(text_of(first), reading.language).strip()
