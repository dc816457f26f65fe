"""Inline content of AKN: text, footnotes and emphasis, and the state one reading keeps.

`InlineReading` is the base of the document reading (`akn._Document`): it holds the
language, the footnotes met so far and the diagnostics, and turns a block's content into
`Inlines`. Styling and links are counted, not kept; a footnote is kept once per marker.
"""

from __future__ import annotations

import re

from lxml.etree import _Element

from resconv.diagnostics import Diagnostics
from resconv.model import Footnote, FootnoteRef, Inlines
from resconv.readers.akn.nodes import (
    block_children,
    classes_of,
    descendants,
    line_of,
    local_name,
    ref_id,
    text_of,
)
from resconv.readers.akn.text import Piece, normalise, normalise_text

__all__ = ["InlineReading"]

_LINE_BREAKS = frozenset({"eol", "eop", "br"})
_STYLE_ELEMENTS = frozenset({"span", "i", "b", "u", "em", "strong", "sup", "sub"})
_EMPHASIS_CLASSES = frozenset({"bold", "italic"})
_MARKER_BRACKETS = frozenset({"(", ")", "[", "]", "（", "）"})
_EMPTY_MARKER = re.compile(r"^(?:\s*[(（]\s*[)）])+\s*")
"""The empty bracket pair that opens Arabic notes in the UN's files: "()\tA/77/612".

All leading pairs go at once, so that reading what resconv wrote gives the same text again.
"""


class InlineReading:
    """One reading of one document: the language, the footnotes met so far, diagnostics."""

    language: str
    """Set by the document once the identification has been read."""

    def __init__(self, root: _Element, diagnostics: Diagnostics, *, source: str | None) -> None:
        self.root = root
        self.diagnostics = diagnostics
        self.source = source
        self.footnotes: dict[str, Footnote] = {}
        self.links = 0
        self.styled = 0

    # -- diagnostics ------------------------------------------------------------------

    def warn(self, code: str, message: str, node: _Element | None = None) -> None:
        self.diagnostics.add(
            code,
            message,
            line=line_of(node),
            element=local_name(node) if node is not None else None,
        )

    def info(self, code: str, message: str, node: _Element | None = None) -> None:
        self.diagnostics.add(
            code,
            message,
            severity="info",
            line=line_of(node),
            element=local_name(node) if node is not None else None,
        )

    def _unexpected(self, node: _Element, where: str) -> None:
        self.warn(
            "akn-unexpected",
            f"<{local_name(node)}> is not expected in <{where}>; its text is kept",
            node,
        )

    # -- inline content ---------------------------------------------------------------------

    def inlines(self, blocks: list[_Element]) -> Inlines:
        """The normalised text of `blocks`, one space between blocks."""
        return normalise(self.pieces(blocks), self.language)

    def pieces(self, blocks: list[_Element]) -> list[Piece]:
        """The raw text and footnote markers of `blocks`, before normalisation."""
        out: list[Piece] = []
        for index, block in enumerate(blocks):
            if index:
                out.append(" ")
            self._collect(block, out)
        return out

    def _collect(self, node: _Element, out: list[Piece]) -> None:
        if node.text:
            out.append(node.text)
        children = list(node)
        for position, child in enumerate(children):
            if isinstance(child.tag, str):
                name = local_name(child)
                if name == "authorialNote":
                    out.append(self._note(child))
                elif name == "noteRef":
                    out.append(self._note_ref(child))
                elif name in _LINE_BREAKS:
                    out.append(" ")
                elif name in ("img", "object", "embeddedStructure", "subFlow"):
                    self.warn("akn-not-kept", f"<{name}> has no place in the model", child)
                    self._collect(child, out)
                elif name == "sup" and self._is_marker_bracket(children, position):
                    pass  # "(" and ")" printed around an Arabic footnote marker
                else:
                    if name == "a" or name == "ref":
                        self.links += 1
                    elif (
                        name in _STYLE_ELEMENTS
                        and (name != "span" or classes_of(child) & _EMPHASIS_CLASSES)
                        and (position or (node.text or "").strip())  # not opening words
                    ):
                        self.styled += 1
                    self._collect(child, out)
            if child.tail:
                out.append(child.tail)

    @staticmethod
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

    def _note(self, node: _Element) -> FootnoteRef:
        marker = (node.get("marker") or "").strip()
        if not marker:
            marker = str(len(self.footnotes) + 1)
            self.warn("akn-note-marker", f"authorialNote without a marker; numbered {marker}", node)
        for inner in descendants(node, "authorialNote"):
            if inner is not node:
                self.warn("akn-nested-note", "a note inside a note: its text is joined", inner)
        self._add_footnote(Footnote(marker=marker, text=self._note_text(node)), node)
        return FootnoteRef(marker=marker)

    def _note_text(self, node: _Element) -> str | None:
        pieces: list[Piece] = []
        for index, block in enumerate(block_children(node) or [node]):
            if index:
                pieces.append(" ")
            self._collect_note_text(block, pieces)
        text = normalise_text("".join(p for p in pieces if isinstance(p, str)), self.language)
        return _EMPTY_MARKER.sub("", text) or None

    def _collect_note_text(self, node: _Element, out: list[Piece]) -> None:
        if node.text:
            out.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                if local_name(child) in _LINE_BREAKS:
                    out.append(" ")
                else:
                    if local_name(child) in ("a", "ref"):
                        self.links += 1
                    self._collect_note_text(child, out)
            if child.tail:
                out.append(child.tail)

    def _note_ref(self, node: _Element) -> FootnoteRef:
        """A later reference to a note already printed (resconv writes these for repeats)."""
        marker = (node.get("marker") or "").strip()
        target = ref_id(node.get("href"))
        note = next(
            (
                n
                for n in descendants(self.root, "authorialNote")
                if target and n.get("eId") == target
            ),
            None,
        )
        if not marker and note is not None:
            marker = (note.get("marker") or "").strip()
        if not marker:
            marker = str(len(self.footnotes) + 1)
            self.warn("akn-note-marker", f"noteRef without a marker; numbered {marker}", node)
        if marker not in self.footnotes:
            if note is None:
                self.warn("akn-dangling-note", f"noteRef to {target!r}, not in the file", node)
            text = self._note_text(note) if note is not None else None
            self._add_footnote(Footnote(marker=marker, text=text), node)
        return FootnoteRef(marker=marker)

    def _add_footnote(self, note: Footnote, node: _Element) -> None:
        known = self.footnotes.get(note.marker)
        if known is None:
            self.footnotes[note.marker] = note
        elif known.text != note.text:
            self.warn(
                "akn-duplicate-note",
                f"footnote marker {note.marker!r} is used for two different notes; "
                "the first note is kept",
                node,
            )

    def _initial_words(self, block: _Element) -> str:
        """The emphasised opening words of `block` ("Recalling", "回顾"), if any."""
        if (block.text or "").strip():
            return ""
        first = next((c for c in block if isinstance(c.tag, str)), None)
        if first is None or any(not isinstance(c.tag, str) for c in list(block)[:1]):
            return ""
        name = local_name(first)
        if name == "span" and not classes_of(first) & _EMPHASIS_CLASSES:
            return ""
        if name not in ("span", "i", "b", "em", "strong"):
            return ""
        if any(local_name(c) in ("authorialNote", "noteRef") for c in first.iter()):
            return ""
        return normalise_text(text_of(first), self.language)
