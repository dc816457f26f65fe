"""Reads Akoma Ntoso 3.0 resolutions (AKN4UN) back into the model.

Two dialects are read with the same code: resconv's own output (the skeleton of the
AKN4UN mapping spec) and the UN's production files (DGACM), which differ in eIds,
conclusions markup, sub-lists and headings. Elements are matched by local name, so a
namespace slip does not hide content. Text is kept, never dropped: what the model has
no place for is reported in the diagnostics with the element and its line.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import ClassVar

from lxml import etree

from resconv import xmlsafe
from resconv.diagnostics import Diagnostics, Result
from resconv.errors import StructureError, UnsafeInputError, UsageError
from resconv.lang import LANGUAGES, language_for_akn
from resconv.model import (
    Adoption,
    Annex,
    Block,
    CoverPage,
    Footnote,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Vote,
)
from resconv.readers.akn_text import Piece, normalise, normalise_text, plain

__all__ = ["AKN_NAMESPACE", "AknReader"]

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

_Element = etree._Element

# Structure tables (bluebell keeps its eId rules as data in the same way).
_HIERARCHY = frozenset(
    {
        "section", "division", "part", "chapter", "title", "book", "tome", "subsection",
        "subdivision", "subpart", "subchapter", "subtitle", "hcontainer", "article", "clause",
        "subclause", "rule", "subrule", "level", "transitional",
    }
)  # fmt: skip
"""Containers whose num/heading become a `Heading` followed by their paragraphs."""
_POINTS = frozenset({"point", "subparagraph", "item", "indent", "alinea", "subpoint"})
_LISTS = frozenset({"list", "sublist", "blockList"})
_INTROS = frozenset({"intro", "listIntroduction"})
_WRAPS = frozenset({"wrapUp", "listWrapUp"})
_BLOCKS = frozenset({"p", "block", "blockContainer", "tblock", "foreign", "toc", "table"})
_PREAMBLE_PARAGRAPHS = frozenset({"container", "p", "recital", "citation", "blockContainer"})
_LINE_BREAKS = frozenset({"eol", "eop", "br"})
_STYLE_ELEMENTS = frozenset({"span", "i", "b", "u", "em", "strong", "sup", "sub"})
_EMPHASIS_CLASSES = frozenset({"bold", "italic"})
_MARKER_BRACKETS = frozenset({"(", ")", "[", "]", "（", "）"})
_EMPTY_MARKER = re.compile(r"^\s*[(（]\s*[)）]\s*")
"""The empty bracket pair that opens Arabic notes in the UN's files: "()\tA/77/612"."""
_SENTENCE_ENDS = (".", ",", ";", ":", "。", "，", "；", "：", "،", "؛")
"""A paragraph ending so is text, even when set wholly in bold or italics."""
_TLC_MEETING = re.compile(r"/plenaryMeeting/(\d+)$")
_DIGITS = re.compile(r"\d+")
_AGENDA_NUMBER = re.compile(r"\d.*$")
_DISTRIBUTION = re.compile(r"^\s*Distr\.?\s*:?\s*", re.IGNORECASE)
_COUNTS = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}
_ANNEX_LABELS: dict[str, tuple[str, ...]] = {
    "ar": ("المرفق", "مرفق"),
    "zh": ("附件",),
    "en": ("Annex",),
    "fr": ("Annexe",),
    "ru": ("Приложение",),
    "es": ("Anexo",),
}
"""How an annex label begins in each language, to tell it from the annex title."""


def _text(node: _Element) -> str:
    return "".join(t for t in node.itertext() if isinstance(t, str))


def _line(node: _Element | None) -> int | None:
    line = node.sourceline if node is not None else None
    return line if isinstance(line, int) else None


def _local(node: _Element) -> str:
    # String slicing, not etree.QName: a tag with an undeclared prefix
    # ("akn4un:footerFirstPage" without its xmlns) is no valid QName, and is still read.
    tag = node.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _children(node: _Element, *names: str) -> Iterator[_Element]:
    for child in node:
        if isinstance(child.tag, str) and (not names or _local(child) in names):
            yield child


def _child(node: _Element | None, *names: str) -> _Element | None:
    if node is None:
        return None
    return next(_children(node, *names), None)


def _descendants(node: _Element, name: str) -> Iterator[_Element]:
    for child in node.iter():
        if isinstance(child.tag, str) and _local(child) == name:
            yield child


def _classes(node: _Element) -> set[str]:
    return set((node.get("class") or "").split())


def _ref(value: str | None) -> str:
    return (value or "").lstrip("#")


def _iso_date(value: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


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


class _Document:
    """One reading of one document: the language, the footnotes met so far, diagnostics."""

    def __init__(
        self, root: _Element, diagnostics: Diagnostics, *, source: str | None, lang: str | None
    ) -> None:
        self.root = root
        self.diagnostics = diagnostics
        self.source = source
        self.doc = self._document_element()
        self.language = self._language(lang)
        self.footnotes: dict[str, Footnote] = {}
        self.links = 0
        self.styled = 0

    # -- diagnostics ------------------------------------------------------------------

    def warn(self, code: str, message: str, node: _Element | None = None) -> None:
        self.diagnostics.add(
            code,
            message,
            line=_line(node),
            element=_local(node) if node is not None else None,
        )

    def info(self, code: str, message: str, node: _Element | None = None) -> None:
        self.diagnostics.add(
            code,
            message,
            severity="info",
            line=_line(node),
            element=_local(node) if node is not None else None,
        )

    # -- the whole document -------------------------------------------------------------

    def resolution(self) -> Resolution:
        doc = self.doc
        meta = _child(doc, "meta")
        cover = _child(doc, "coverPage")
        number, symbol = self._number_and_symbol(doc, meta, cover)
        title = self._title(doc, cover)
        authority, preamble = self._preamble(_child(doc, "preamble"))
        body = _child(doc, "mainBody", "body", "mainContent", "judgmentBody", "debateBody")
        if body is None:
            raise StructureError(
                f"<{_local(doc)}> has no mainBody: not a resolution", source=self.source
            )
        operative = self._blocks(body, depth=0)
        adoption = self._adoption(doc, meta, cover)
        annexes = self._annexes(doc)
        cover_page = self._cover_page(cover, meta)
        vote = self._vote(meta)
        self._report_summary(doc)
        return Resolution(
            symbol=symbol,
            number=number,
            language=self.language,
            title=title,
            authority=authority,
            preamble=preamble,
            operative=operative,
            footnotes=tuple(self.footnotes.values()),
            adoption=adoption,
            annexes=annexes,
            cover=cover_page,
            vote=vote,
        )

    def _document_element(self) -> _Element:
        root = self.root
        if _local(root) != "akomaNtoso":
            raise StructureError(
                f"root element is <{_local(root) or root.tag}>, not <akomaNtoso>: "
                "not an Akoma Ntoso document",
                source=self.source,
                line=_line(root),
            )
        namespace = root.tag.partition("}")[0].lstrip("{") if "}" in str(root.tag) else None
        if namespace != AKN_NAMESPACE:
            self.warn(
                "akn-namespace",
                f"namespace {namespace!r} is not Akoma Ntoso 3.0; read by element names",
                root,
            )
        doc = _child(root, "documentCollection", "statement", "doc", "act", "bill")
        if doc is None:
            doc = _child(root)
        if doc is None:
            raise StructureError("<akomaNtoso> is empty", source=self.source)
        if _local(doc) == "documentCollection":
            raise StructureError(
                "a documentCollection (several resolutions under one number) is not supported; "
                "convert each component on its own",
                source=self.source,
                line=_line(doc),
            )
        if _local(doc) != "statement":
            self.info("akn-doctype", f"document type <{_local(doc)}> read as a resolution", doc)
        return doc

    def _language(self, lang: str | None) -> str:
        node = next((n for n in _descendants(self.root, "FRBRlanguage") if n.get("language")), None)
        code = node.get("language") if node is not None else None
        if code is None:
            if lang is None:
                raise StructureError(
                    "no FRBRlanguage in the identification; give the language (lang=)",
                    source=self.source,
                )
            if lang not in LANGUAGES:
                raise UsageError(f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})")
            return lang
        try:
            found = language_for_akn(code).code
        except UsageError:
            if lang in LANGUAGES:
                self.warn("akn-language", f"unknown FRBRlanguage {code!r}; read as {lang}", node)
                return lang
            raise StructureError(
                f"FRBRlanguage {code!r} is none of the six UN languages "
                f"({', '.join(x.akn_code for x in LANGUAGES.values())})",
                source=self.source,
                line=_line(node),
            ) from None
        if lang is not None and lang != found:
            self.warn(
                "akn-language", f"the file says {code} ({found}), not {lang}; read as {found}", node
            )
        return found

    # -- identification -------------------------------------------------------------------

    def _number_and_symbol(
        self, doc: _Element, meta: _Element | None, cover: _Element | None
    ) -> tuple[str, str]:
        number = ""
        preface = _child(doc, "preface")
        doc_number = next(_descendants(preface, "docNumber"), None) if preface is not None else None
        if doc_number is not None:
            number = normalise_text(_text(doc_number), self.language)
            number = number[:-1] if number.endswith((".", "．")) else number
        work = _child(_child(meta, "identification"), "FRBRWork")
        if not number and work is not None:
            frbr_number = _child(work, "FRBRnumber")
            if frbr_number is not None:
                number = frbr_number.get("showAs") or (frbr_number.get("value") or "").replace(
                    "-", "/"
                )
        symbol = ""
        if work is not None:
            for alias in _children(work, "FRBRalias"):
                if alias.get("name") == "symbol" and alias.get("value"):
                    symbol = alias.get("value") or ""
        if not symbol and cover is not None:
            for node in _descendants(cover, "docNumber"):
                if _ref(node.get("refersTo")) == "symbol" or not symbol:
                    symbol = normalise_text(_text(node), self.language)
        if not number and symbol:
            number = symbol.split("/RES/", 1)[-1]
        if not number and work is not None:
            uri = _child(work, "FRBRuri")
            value = (uri.get("value") or "") if uri is not None else ""
            number = value.rstrip("/").rsplit("/", 1)[-1].replace("-", "/")
        if not number:
            raise StructureError(
                "no resolution number (preface docNumber, FRBRnumber or symbol)",
                source=self.source,
            )
        if not symbol:
            symbol = f"A/RES/{number}"
            self.info("akn-symbol", f"no symbol in the file; {symbol} made from the number")
        return number, symbol

    def _title(self, doc: _Element, cover: _Element | None) -> Inlines:
        preface = _child(doc, "preface")
        node = next(_descendants(preface, "docTitle"), None) if preface is not None else None
        if node is None:
            self.warn("akn-no-title", "no docTitle in the preface; the title is empty", preface)
            return ()
        return self.inlines([node])

    # -- inline content ---------------------------------------------------------------------

    def inlines(self, blocks: list[_Element]) -> Inlines:
        """The normalised text of `blocks`, one space between blocks."""
        return normalise(self.pieces(blocks), self.language)

    def pieces(self, blocks: list[_Element]) -> list[Piece]:
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
                name = _local(child)
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
                        and (name != "span" or _classes(child) & _EMPHASIS_CLASSES)
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
        return neighbour is not None and _local(neighbour) == "authorialNote"

    def _note(self, node: _Element) -> FootnoteRef:
        marker = (node.get("marker") or "").strip()
        if not marker:
            marker = str(len(self.footnotes) + 1)
            self.warn("akn-note-marker", f"authorialNote without a marker; numbered {marker}", node)
        for inner in _descendants(node, "authorialNote"):
            if inner is not node:
                self.warn("akn-nested-note", "a note inside a note: its text is joined", inner)
        self._add_footnote(Footnote(marker=marker, text=self._note_text(node)), node)
        return FootnoteRef(marker=marker)

    def _note_text(self, node: _Element) -> str | None:
        pieces: list[Piece] = []
        for index, block in enumerate(_block_children(node) or [node]):
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
                if _local(child) in _LINE_BREAKS:
                    out.append(" ")
                else:
                    if _local(child) in ("a", "ref"):
                        self.links += 1
                    self._collect_note_text(child, out)
            if child.tail:
                out.append(child.tail)

    def _note_ref(self, node: _Element) -> FootnoteRef:
        """A later reference to a note already printed (resconv writes these for repeats)."""
        marker = (node.get("marker") or "").strip()
        target = _ref(node.get("href"))
        note = next(
            (
                n
                for n in _descendants(self.root, "authorialNote")
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
        name = _local(first)
        if name == "span" and not _classes(first) & _EMPHASIS_CLASSES:
            return ""
        if name not in ("span", "i", "b", "em", "strong"):
            return ""
        if any(_local(c) in ("authorialNote", "noteRef") for c in first.iter()):
            return ""
        return normalise_text(_text(first), self.language)

    # -- preamble -------------------------------------------------------------------------

    def _preamble(self, preamble: _Element | None) -> tuple[str, tuple[PreambularParagraph, ...]]:
        if preamble is None:
            self.warn("akn-no-authority", "no preamble: the enacting formula is empty")
            return "", ()
        authority: str | None = None
        paragraphs: list[PreambularParagraph] = []
        for node in _children(preamble):
            name = _local(node)
            if name == "formula" and authority is None:
                authority = plain(self.inlines(_block_children(node) or [node]))
                if node.get("name") not in (None, "enactingFormula"):
                    self.info(
                        "akn-formula", f"formula {node.get('name')!r} read as authority", node
                    )
            elif name in _PREAMBLE_PARAGRAPHS or name in ("formula", "recitals", "citations"):
                if name in ("recitals", "citations"):
                    for inner in _children(node, "recital", "citation"):
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
            if _local(node) == "p"
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
        return self._parts_of(list(_children(node)), paragraph=paragraph)

    def _parts_of(self, nodes: list[_Element], *, paragraph: bool) -> _Parts:
        parts = _Parts()
        for child in nodes:
            self._add_part(parts, child, paragraph=paragraph)
        return parts

    def _add_part(self, parts: _Parts, child: _Element, *, paragraph: bool) -> None:
        name = _local(child)
        if name == "num":
            text = normalise_text(_text(child), self.language)
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
        elif name in ("content", *_INTROS):
            for block in _block_children(child) or [child]:
                self._add_block(parts, block)
        elif name in _LISTS:
            self._add_list(parts, child)
        elif name in _POINTS:
            parts.subparagraphs.append(self._point(child))
        elif name in _WRAPS:
            if parts.wrap_up:
                parts.wrap_up.append(" ")
            parts.wrap_up.extend(self.pieces(_block_children(child) or [child]))
        elif name in _BLOCKS:
            self._add_block(parts, child)
        elif name in _HIERARCHY or name == "paragraph":
            self.warn("akn-nested-paragraph", f"<{name}> inside a paragraph: text joined", child)
            inner = self._parts(child, paragraph=paragraph)
            self._append(parts, [inner.number or "", " ", *inner.lead])
            parts.subparagraphs.extend(inner.subparagraphs)
        else:
            parent = child.getparent()
            self._unexpected(child, _local(parent) if parent is not None else "")
            self._append(parts, self.pieces([child]))

    def _add_block(self, parts: _Parts, block: _Element) -> None:
        name = _local(block)
        if name in _LISTS:
            self._add_list(parts, block)
            return
        if name in _POINTS:
            parts.subparagraphs.append(self._point(block))
            return
        if name not in ("p", "block", "content", *_INTROS):
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
        for child in _children(node):
            name = _local(child)
            if name in _INTROS or name in _BLOCKS:
                if parts.subparagraphs:
                    self.warn(
                        "akn-late-intro", "list introduction after points: kept as wrap-up", child
                    )
                    if parts.wrap_up:
                        parts.wrap_up.append(" ")
                    parts.wrap_up.extend(self.pieces(_block_children(child) or [child]))
                else:
                    self._add_part(parts, child, paragraph=False)
            elif name in _POINTS:
                parts.subparagraphs.append(self._point(child))
            elif name in _LISTS:
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
            elif name in _WRAPS or name == "num" or name in ("heading", "subheading"):
                self._add_part(parts, child, paragraph=False)
            else:
                self._unexpected(child, _local(node))
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
        return tuple(self._blocks_of(list(_children(body)), depth, _local(body)))

    def _blocks_of(self, nodes: list[_Element], depth: int, where: str) -> list[Block]:
        out: list[Block] = []
        for node in nodes:
            name = _local(node)
            if name in ("p", "content") and _is_blank(node):
                continue  # the placeholder that keeps an empty body or section valid
            if name in _HIERARCHY:
                out.extend(self._hierarchy(node, depth))
            elif name == "crossHeading":
                out.append(Heading(number=None, text=self.inlines([node]), level=depth + 1))
            elif name in ("componentRef", "documentRef"):
                self.warn("akn-not-kept", f"<{name}> has no place in the model", node)
            else:
                if name not in ("paragraph", "intro", "wrapUp", *_POINTS, *_LISTS, *_BLOCKS):
                    self._unexpected(node, where)
                out.extend(self._paragraph(node, depth))
        return out

    def _hierarchy(self, node: _Element, depth: int) -> list[Block]:
        number_node = _child(node, "num")
        number = (
            normalise_text(_text(number_node), self.language) if number_node is not None else None
        )
        out: list[Block] = []
        heading = _child(node, "heading")
        if heading is not None or number is not None:
            text = self.inlines([heading]) if heading is not None else ()
            out.append(Heading(number=number, text=text, level=depth + 1))
        for sub in _children(node, "subheading"):
            level = depth + 2 if out else depth + 1
            out.append(Heading(number=None, text=self.inlines([sub]), level=level))
        inner = [c for c in _children(node) if _local(c) not in ("num", "heading", "subheading")]
        out.extend(self._blocks_of(inner, depth + (1 if out else 0), _local(node)))
        return out

    def _paragraph(self, node: _Element, depth: int) -> list[Block]:
        if _local(node) in _BLOCKS or _local(node) in _LISTS or _local(node) in _POINTS:
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

    def _unexpected(self, node: _Element, where: str) -> None:
        self.warn(
            "akn-unexpected",
            f"<{_local(node)}> is not expected in <{where}>; its text is kept",
            node,
        )

    # -- conclusions, annexes, cover page, vote ----------------------------------------------

    def _adoption(
        self, doc: _Element, meta: _Element | None, cover: _Element | None
    ) -> Adoption | None:
        conclusions = _child(doc, "conclusions")
        where = conclusions
        if where is None and cover is not None:
            titles = _descendants(cover, "docTitle")
            where = next((t for t in titles if _ref(t.get("refersTo")) == "adoption"), None)
        work_date = None
        work = _child(_child(meta, "identification"), "FRBRWork")
        if work is not None:
            dates = list(_children(work, "FRBRdate"))
            chosen = next((d for d in dates if d.get("name") == "adoption"), None)
            chosen = chosen if chosen is not None else (dates[0] if dates else None)
            work_date = _iso_date(chosen.get("date")) if chosen is not None else None
        if where is None:
            if work_date is None:
                return None
            self.info("akn-no-conclusions", "no conclusions: adoption date from FRBRWork")
            return Adoption(date=work_date, date_text="", meeting=None, meeting_text="")
        date_node = next(_descendants(where, "docDate"), None)
        date = None
        date_text = ""
        if date_node is not None:
            date_text = normalise_text(_text(date_node), self.language)
            date = _iso_date(date_node.get("date"))
            if date is None:
                self.warn(
                    "akn-date", f"docDate date={date_node.get('date')!r} is not a date", date_node
                )
        if date is None:
            date = work_date
        meeting_node = self._meeting_node(where)
        meeting_text = ""
        meeting = None
        if meeting_node is not None:
            meeting_text = normalise_text(_text_without(meeting_node, "docDate"), self.language)
            meeting = self._meeting_number(meeting_node, meeting_text)
        if conclusions is not None:
            self._check_conclusions(conclusions, date_node, meeting_node)
        return Adoption(date=date, date_text=date_text, meeting=meeting, meeting_text=meeting_text)

    def _meeting_number(self, node: _Element, text: str) -> int | None:
        """From the TLCEvent the meeting refers to (resconv), else its title or text (UN)."""
        target = _ref(node.get("refersTo"))
        for tlc in _descendants(self.root, "TLCEvent"):
            if target and tlc.get("eId") == target:
                found = _TLC_MEETING.search(tlc.get("href") or "")
                return int(found.group(1)) if found else None
        return _first_number(node.get("title"), text)

    @staticmethod
    def _meeting_node(where: _Element) -> _Element | None:
        for node in where.iter():
            if not isinstance(node.tag, str):
                continue
            name = _local(node)
            if name == "inline" and node.get("name") == "adoptionMeeting":
                return node
            if name == "location":
                return node
        for node in _descendants(where, "event"):
            if _text_without(node, "docDate").strip():
                return node
        return None

    def _check_conclusions(
        self, conclusions: _Element, date_node: _Element | None, meeting_node: _Element | None
    ) -> None:
        kept = {id(n) for n in (date_node, meeting_node) if n is not None}
        for node in conclusions.iter():
            if id(node) in kept or not isinstance(node.tag, str):
                continue
            for text in (node.text, node.tail):
                if text and text.strip() and not _inside(node, kept, text is node.tail):
                    self.warn(
                        "akn-conclusions-text",
                        f"text {text.strip()!r} in the conclusions is not kept",
                        node,
                    )

    def _annexes(self, doc: _Element) -> tuple[Annex, ...]:
        attachments = _child(doc, "attachments")
        if attachments is None:
            return ()
        annexes: list[Annex] = []
        for attachment in _children(attachments):
            inner = _child(attachment, "doc", "statement", "act", "bill")
            if inner is None:
                self._unexpected(attachment, "attachments")
                continue
            if inner.get("name") not in ("annex", None):
                self.info(
                    "akn-attachment", f"attachment {inner.get('name')!r} read as an annex", inner
                )
            annexes.append(self._annex(inner))
        return tuple(annexes)

    def _annex(self, doc: _Element) -> Annex:
        label = ""
        title: Inlines = ()
        preface = _child(doc, "preface")
        if preface is not None:
            doc_type = next(_descendants(preface, "docType"), None)
            if doc_type is None:
                doc_type = next(_descendants(preface, "docNumber"), None)
            if doc_type is not None:
                label = plain(self.inlines([doc_type]))
            doc_title = next(_descendants(preface, "docTitle"), None)
            if doc_title is not None:
                title = self.inlines([doc_title])
        preamble_node = _child(doc, "preamble")
        preamble = self._preamble(preamble_node)[1] if preamble_node is not None else ()
        body = _child(doc, "mainBody", "body")
        blocks = list(self._blocks(body, depth=0)) if body is not None else []
        first = blocks[0] if blocks else None
        if not label and isinstance(first, Heading) and self._is_label(first):
            label = plain(first.text)
            blocks.pop(0)
            second = blocks[0] if blocks else None
            if not title and isinstance(second, Heading) and second.number is None:
                title = second.text
                blocks.pop(0)
        if not label:
            label = _ANNEX_LABELS[self.language][0]
            self.info("akn-annex-label", f"annex without a label; {label!r} used", doc)
        return Annex(label=label, title=title, preamble=preamble, body=tuple(blocks))

    def _is_label(self, heading: Heading) -> bool:
        text = plain(heading.text)
        return heading.number is None and text.startswith(_ANNEX_LABELS[self.language])

    def _cover_page(self, cover: _Element | None, meta: _Element | None) -> CoverPage:
        job = next(
            (
                n
                for where in (cover, meta)
                if where is not None
                for n in _descendants(where, "docketNumber")
            ),
            None,
        )
        job_number = normalise_text(_text(job), self.language) if job is not None else ""
        if cover is None:
            return CoverPage(job_number=job_number or None)
        values: dict[str, str | None] = {}
        distribution_date = None
        for node in cover.iter():
            if not isinstance(node.tag, str):
                continue
            name = _local(node)
            text = normalise_text(_text(node), self.language)
            if name == "docStatus":
                values["distribution"] = _DISTRIBUTION.sub("", text) or None
            elif name == "docDate" and _ancestor(node, "docTitle") is None:
                values["distribution_date_text"] = text or None
                distribution_date = _iso_date(node.get("date"))
            elif name == "inline" and node.get("name") == "date of issuance":
                values["distribution_date_text"] = text or None
            elif name == "session":
                values["session_text"] = text or None
            elif name == "inline" and node.get("name") == "agenda item":
                found = _AGENDA_NUMBER.search(text)
                values["agenda_item"] = node.get("title") or (found.group() if found else text)
            elif name == "inline" and node.get("name") == "agenda item name":
                values["agenda_title"] = text or None
            elif name == "docTitle" and _ref(node.get("refersTo")) in ("", "adoption"):
                values["adopted_line"] = text or None
            elif name == "docProponent":
                values["committee_line"] = text or None
        return CoverPage(
            distribution=values.get("distribution"),
            distribution_date=distribution_date,
            distribution_date_text=values.get("distribution_date_text"),
            session_text=values.get("session_text"),
            agenda_item=values.get("agenda_item"),
            agenda_title=values.get("agenda_title"),
            adopted_line=values.get("adopted_line"),
            committee_line=values.get("committee_line"),
            job_number=job_number or None,
        )

    def _vote(self, meta: _Element | None) -> Vote | None:
        voting = next(_descendants(meta, "voting"), None) if meta is not None else None
        if voting is None or not voting.get("outcome"):
            return None
        counts: dict[str, int | None] = {}
        for count in _children(voting, "count"):
            key = _COUNTS.get(_ref(count.get("refersTo")))
            value = count.get("value") or ""
            if key is None or not value.isdigit():
                self.warn(
                    "akn-vote", f"vote count {count.get('refersTo')!r}={value!r} not kept", count
                )
                continue
            counts[key] = int(value)
            voters = [v for v in count.iter() if _local(v) == "organization"]
            if voters:
                self.warn(
                    "akn-voters",
                    f"the {len(voters)} names voting {_ref(count.get('refersTo'))} are not kept "
                    "(the model holds the counts only)",
                    count,
                )
        return Vote(
            outcome=voting.get("outcome") or "",
            in_favour=counts.get("in_favour"),
            against=counts.get("against"),
            abstaining=counts.get("abstaining"),
        )

    def _report_summary(self, doc: _Element) -> None:
        if self.links:
            self.info("akn-links", f"{self.links} links kept as their text")
        if self.styled:
            self.info("akn-styling", f"{self.styled} styled spans (italic, bold, sup) kept as text")
        meta = _child(doc, "meta")
        if meta is not None:
            dropped = sorted(
                {_local(c) for c in _children(meta)}
                - {"identification", "analysis", "presentation", "references"}
            )
            if dropped:
                self.info("akn-metadata", f"metadata not kept: {', '.join(dropped)}")


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


def _block_children(node: _Element) -> list[_Element]:
    """The block-level children of `node`; none when it holds inline text itself."""
    blocks = _BLOCKS | _LISTS | _POINTS
    return [c for c in _children(node) if _local(c) in blocks]


def _is_blank(node: _Element) -> bool:
    return not _text(node).strip() and not any(
        _local(n) in ("authorialNote", "noteRef") for n in node.iter()
    )


def _has_body(parts: _Parts) -> bool:
    return bool(
        any(isinstance(p, FootnoteRef) or p.strip() for p in parts.lead)
        or parts.subparagraphs
        or parts.wrap_up
    )


def _text_without(node: _Element, skip: str) -> str:
    out: list[str] = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str) and _local(child) != skip:
            out.append(_text_without(child, skip))
        out.append(child.tail or "")
    return "".join(out)


def _first_number(*candidates: str | None) -> int | None:
    for candidate in candidates:
        found = _DIGITS.search(candidate or "")
        if found:
            return int(found.group())
    return None


def _ancestor(node: _Element, name: str) -> _Element | None:
    parent = node.getparent()
    while parent is not None:
        if _local(parent) == name:
            return parent
        parent = parent.getparent()
    return None


def _inside(node: _Element, kept: set[int], is_tail: bool) -> bool:
    start = node.getparent() if is_tail else node
    while start is not None:
        if id(start) in kept:
            return True
        start = start.getparent()
    return False


def _refuse_prolog_instructions(root: _Element, source: str | None) -> None:
    """Refuse ``<?xml-stylesheet?>`` outside the root, which `xmlsafe.parse` does not visit."""
    around = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in around:
        if not isinstance(node, etree._ProcessingInstruction):
            continue
        target = str(node.target)
        if target.lower() in ("xml-stylesheet", "xinclude"):
            raise UnsafeInputError(
                f"processing instruction <?{target}?> is refused",
                source=source,
                line=_line(node),
            )


class AknReader:
    """Akoma Ntoso 3.0 (AKN4UN) in, `Resolution` out; parsed by `resconv.xmlsafe` only."""

    name: ClassVar[str] = "akn"

    def read(
        self,
        data: bytes,
        /,
        *,
        source: str | None = None,
        lang: str | None = None,
        strict: bool = False,
    ) -> Result[Resolution]:
        tree = xmlsafe.parse(data, source=source)
        _refuse_prolog_instructions(tree.getroot(), source)
        diagnostics = Diagnostics(strict=strict, source=source)
        document = _Document(tree.getroot(), diagnostics, source=source, lang=lang)
        return Result(document.resolution(), diagnostics.freeze())
