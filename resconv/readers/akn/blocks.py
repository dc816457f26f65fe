"""Blocks of AKN: the preamble, paragraphs, points and lists, and hierarchy headings.

Paragraphs and points share one collector (`_Parts`): num, content/intro, points, lists,
wrap-up and headings, in document order, before they become model objects. The UN's
sibling sub-lists, its headings set as bold paragraphs and resconv's own nesting are all
read here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lxml.etree import _Element

from resconv.model import (
    Block,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    PreambularParagraph,
    Subparagraph,
)
from resconv.readers.akn.inline import InlineReading
from resconv.readers.akn.nodes import (
    BLOCKS,
    HIERARCHY,
    INTROS,
    LISTS,
    POINTS,
    WRAPS,
    block_children,
    child_elements,
    first_child,
    local_name,
    text_of,
)
from resconv.readers.akn.text import Piece, normalise, normalise_text, plain

__all__ = ["BlockReading"]

_PREAMBLE_PARAGRAPHS = frozenset({"container", "p", "recital", "citation", "blockContainer"})
_SENTENCE_ENDS = (".", ",", ";", ":", "。", "，", "；", "：", "،", "؛")
"""A paragraph ending so is text, even when set wholly in bold or italics."""


@dataclass
class _Parts:
    """What a paragraph or point holds, collected before it becomes a model object."""

    number: str | None = None
    lead: list[Piece] = field(default_factory=list)
    initial_words: str = ""
    subparagraphs: list[Subparagraph] = field(default_factory=list)
    wrap_up: list[Piece] = field(default_factory=list)
    headings: list[tuple[str, Inlines, int]] = field(default_factory=list)
    """Headings met inside: (number or "", text, depth below the paragraph)."""


class BlockReading(InlineReading):
    """The preamble and the body of a resolution or an annex, read into model blocks."""

    # -- preamble -------------------------------------------------------------------------

    def _preamble(self, preamble: _Element | None) -> tuple[str, tuple[PreambularParagraph, ...]]:
        if preamble is None:
            self.warn("akn-no-authority", "no preamble: the enacting formula is empty")
            return "", ()
        authority: str | None = None
        paragraphs: list[PreambularParagraph] = []
        for node in child_elements(preamble):
            name = local_name(node)
            if name == "formula" and authority is None:
                authority = plain(self.inlines(block_children(node) or [node]))
                if node.get("name") not in (None, "enactingFormula"):
                    self.info(
                        "akn-formula", f"formula {node.get('name')!r} read as authority", node
                    )
            elif name in _PREAMBLE_PARAGRAPHS or name in ("formula", "recitals", "citations"):
                if name in ("recitals", "citations"):
                    for inner in child_elements(node, "recital", "citation"):
                        paragraphs.append(self._preambular(inner))
                else:
                    paragraphs.append(self._preambular(node))
            else:
                self._unexpected(node, "preamble")
                paragraphs.append(self._preambular(node))
        if authority is None:
            self.warn("akn-no-authority", "no enacting formula in the preamble", preamble)
        return authority or "", tuple(paragraphs)

    def _preambular(self, node: _Element) -> PreambularParagraph:
        parts = (
            self._parts_of([node], paragraph=False)
            if local_name(node) == "p"
            else self._parts(node, paragraph=False)
        )
        if parts.number is not None:
            self.warn(
                "akn-preamble-num",
                f"a numbered preambular paragraph: {parts.number!r} kept at the start of the text",
                node,
            )
            parts.lead[:0] = [parts.number, " "]
        return PreambularParagraph(
            initial_words=self._checked_initial_words(parts, node),
            content=normalise(parts.lead, self.language),
            subparagraphs=tuple(parts.subparagraphs),
            wrap_up=normalise(parts.wrap_up, self.language),
        )

    def _checked_initial_words(self, parts: _Parts, node: _Element) -> str:
        words = parts.initial_words
        if words and not plain(normalise(parts.lead, self.language)).startswith(words):
            self.warn(
                "akn-initial-words",
                f"initial words {words!r} are not the start of the paragraph; not kept",
                node,
            )
            return ""
        return words

    # -- paragraphs and points ---------------------------------------------------------------

    def _parts(self, node: _Element, *, paragraph: bool) -> _Parts:
        """Everything inside a paragraph, point, container or list, in document order."""
        return self._parts_of(list(child_elements(node)), paragraph=paragraph)

    def _parts_of(self, nodes: list[_Element], *, paragraph: bool) -> _Parts:
        parts = _Parts()
        for child in nodes:
            self._add_part(parts, child, paragraph=paragraph)
        return parts

    def _add_part(self, parts: _Parts, child: _Element, *, paragraph: bool) -> None:
        name = local_name(child)
        if name == "num":
            text = normalise_text(text_of(child), self.language)
            if parts.number is None:
                parts.number = text
            else:
                self._append(parts, [text])
        elif name in ("heading", "subheading"):
            depth = 1 if name == "subheading" and parts.headings else 0
            parts.headings.append(("", self.inlines([child]), depth))
            if not paragraph:
                self.warn("akn-point-heading", "a heading inside a point is kept as text", child)
                self._append(parts, self.pieces([child]))
        elif name in ("content", *INTROS):
            for block in block_children(child) or [child]:
                self._add_block(parts, block)
        elif name in LISTS:
            self._add_list(parts, child)
        elif name in POINTS:
            parts.subparagraphs.append(self._point(child))
        elif name in WRAPS:
            if parts.wrap_up:
                parts.wrap_up.append(" ")
            parts.wrap_up.extend(self.pieces(block_children(child) or [child]))
        elif name in BLOCKS:
            self._add_block(parts, child)
        elif name in HIERARCHY or name == "paragraph":
            self.warn("akn-nested-paragraph", f"<{name}> inside a paragraph: text joined", child)
            inner = self._parts(child, paragraph=paragraph)
            self._append(parts, [inner.number or "", " ", *inner.lead])
            parts.subparagraphs.extend(inner.subparagraphs)
        else:
            parent = child.getparent()
            self._unexpected(child, local_name(parent) if parent is not None else "")
            self._append(parts, self.pieces([child]))

    def _add_block(self, parts: _Parts, block: _Element) -> None:
        name = local_name(block)
        if name in LISTS:
            self._add_list(parts, block)
            return
        if name in POINTS:
            parts.subparagraphs.append(self._point(block))
            return
        if name not in ("p", "block", "content", *INTROS):
            self.warn("akn-block", f"<{name}> has no place in the model; its text is kept", block)
        if parts.subparagraphs:
            if parts.wrap_up:
                parts.wrap_up.append(" ")
            parts.wrap_up.extend(self.pieces([block]))
            return
        if not parts.lead:
            parts.initial_words = self._initial_words(block)
        elif any(isinstance(p, FootnoteRef) or p.strip() for p in parts.lead):
            self.warn("akn-joined", "several blocks in one paragraph are joined by a space", block)
        self._append(parts, self.pieces([block]))

    def _append(self, parts: _Parts, pieces: list[Piece]) -> None:
        if parts.lead:
            parts.lead.append(" ")
        parts.lead.extend(pieces)

    def _add_list(self, parts: _Parts, node: _Element) -> None:
        for child in child_elements(node):
            name = local_name(child)
            if name in INTROS or name in BLOCKS:
                if parts.subparagraphs:
                    self.warn(
                        "akn-late-intro", "list introduction after points: kept as wrap-up", child
                    )
                    if parts.wrap_up:
                        parts.wrap_up.append(" ")
                    parts.wrap_up.extend(self.pieces(block_children(child) or [child]))
                else:
                    self._add_part(parts, child, paragraph=False)
            elif name in POINTS:
                parts.subparagraphs.append(self._point(child))
            elif name in LISTS:
                # DGACM's sibling <sublist> after point (b) holds (b)'s own points.
                inner = self._parts(child, paragraph=False)
                if inner.lead:
                    self.warn("akn-sublist-intro", "text of a sublist kept as a point", child)
                    inner.subparagraphs.insert(
                        0, Subparagraph(number="", content=normalise(inner.lead, self.language))
                    )
                if parts.subparagraphs and name == "sublist":
                    last = parts.subparagraphs[-1]
                    parts.subparagraphs[-1] = replace(
                        last, subparagraphs=last.subparagraphs + tuple(inner.subparagraphs)
                    )
                else:
                    parts.subparagraphs.extend(inner.subparagraphs)
            elif name in WRAPS or name == "num" or name in ("heading", "subheading"):
                self._add_part(parts, child, paragraph=False)
            else:
                self._unexpected(child, local_name(node))
                self._add_part(parts, child, paragraph=False)

    def _point(self, node: _Element) -> Subparagraph:
        parts = self._parts(node, paragraph=False)
        if parts.number is None:
            self.warn("akn-point-num", "a point without a number", node)
        return Subparagraph(
            number=parts.number or "",
            content=normalise(parts.lead, self.language),
            subparagraphs=tuple(parts.subparagraphs),
            wrap_up=normalise(parts.wrap_up, self.language),
        )

    def _blocks(self, body: _Element, *, depth: int) -> tuple[Block, ...]:
        """The operative part (or annex body): paragraphs and headings in order."""
        return tuple(self._blocks_of(list(child_elements(body)), depth, local_name(body)))

    def _blocks_of(self, nodes: list[_Element], depth: int, where: str) -> list[Block]:
        out: list[Block] = []
        for node in nodes:
            name = local_name(node)
            if name in ("p", "content") and _is_blank(node):
                continue  # the placeholder that keeps an empty body or section valid
            if name in HIERARCHY:
                out.extend(self._hierarchy(node, depth))
            elif name == "crossHeading":
                out.append(Heading(number=None, text=self.inlines([node]), level=depth + 1))
            elif name in ("componentRef", "documentRef"):
                self.warn("akn-not-kept", f"<{name}> has no place in the model", node)
            else:
                if name not in ("paragraph", "intro", "wrapUp", *POINTS, *LISTS, *BLOCKS):
                    self._unexpected(node, where)
                out.extend(self._paragraph(node, depth))
        return out

    def _hierarchy(self, node: _Element, depth: int) -> list[Block]:
        number_node = first_child(node, "num")
        number = (
            normalise_text(text_of(number_node), self.language) if number_node is not None else None
        )
        out: list[Block] = []
        heading = first_child(node, "heading")
        if heading is not None or number is not None:
            text = self.inlines([heading]) if heading is not None else ()
            out.append(Heading(number=number, text=text, level=depth + 1))
        for sub in child_elements(node, "subheading"):
            level = depth + 2 if out else depth + 1
            out.append(Heading(number=None, text=self.inlines([sub]), level=level))
        inner = [
            c for c in child_elements(node) if local_name(c) not in ("num", "heading", "subheading")
        ]
        out.extend(self._blocks_of(inner, depth + (1 if out else 0), local_name(node)))
        return out

    def _paragraph(self, node: _Element, depth: int) -> list[Block]:
        if local_name(node) in BLOCKS or local_name(node) in LISTS or local_name(node) in POINTS:
            parts = self._parts_of([node], paragraph=True)
        else:
            parts = self._parts(node, paragraph=True)
        out: list[Block] = []
        heading_number = parts.number if parts.headings and not _has_body(parts) else None
        for index, (_, text, extra) in enumerate(parts.headings):
            out.append(
                Heading(
                    number=heading_number if index == 0 else None,
                    text=text,
                    level=depth + 1 + extra,
                )
            )
        if _has_body(parts) or not parts.headings:
            if not _has_body(parts) and parts.number is None:
                self.info("akn-empty-paragraph", "an empty unnumbered paragraph", node)
            content = normalise(parts.lead, self.language)
            if _is_emphasised_heading(parts, content):
                self.info(
                    "akn-emphasis-heading",
                    "an unnumbered paragraph set wholly in bold or italics is read as a heading",
                    node,
                )
                return [Heading(number=None, text=content, level=depth + 1)]
            out.append(
                OperativeParagraph(
                    number=parts.number,
                    initial_words=self._checked_initial_words(parts, node),
                    content=normalise(parts.lead, self.language),
                    subparagraphs=tuple(parts.subparagraphs),
                    wrap_up=normalise(parts.wrap_up, self.language),
                )
            )
        return out


def _is_emphasised_heading(parts: _Parts, content: Inlines) -> bool:
    """The UN's Arabic files set sub-headings as a paragraph holding one bold span."""
    text = plain(content)
    return (
        parts.number is None
        and not parts.subparagraphs
        and not parts.wrap_up
        and bool(parts.initial_words)
        and text == parts.initial_words
        and all(not isinstance(piece, FootnoteRef) for piece in content)
        and not text.endswith(_SENTENCE_ENDS)
    )


def _is_blank(node: _Element) -> bool:
    return not text_of(node).strip() and not any(
        local_name(n) in ("authorialNote", "noteRef") for n in node.iter()
    )


def _has_body(parts: _Parts) -> bool:
    return bool(
        any(isinstance(p, FootnoteRef) or p.strip() for p in parts.lead)
        or parts.subparagraphs
        or parts.wrap_up
    )
