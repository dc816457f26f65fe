"""Reads Akoma Ntoso 3.0 resolutions (AKN4UN) back into the model.

Two dialects are read with the same code: resconv's own output (the skeleton of the
AKN4UN mapping spec) and the UN's production files (DGACM), which differ in eIds,
conclusions markup, sub-lists and headings. Elements are matched by local name, so a
namespace slip does not hide content. Text is kept, never dropped: what the model has
no place for is reported in the diagnostics with the element and its line.

The reading is split by what it reads: `akn_nodes` (element access and structure
tables), `akn_inline` (text, footnotes, emphasis), `akn_blocks` (preamble, paragraphs,
points, headings), `akn_meta` (identification, conclusions, cover page, vote) and
`akn_text` (whitespace). This module walks the document and its annexes.
"""

from __future__ import annotations

from typing import ClassVar

from lxml import etree
from lxml.etree import _Element

from resconv import xmlsafe
from resconv.diagnostics import Diagnostics, Result
from resconv.errors import StructureError, UnsafeInputError
from resconv.model import Annex, Heading, Inlines, Resolution
from resconv.readers.akn.blocks import BlockReading
from resconv.readers.akn.meta import MetaReading
from resconv.readers.akn.nodes import child_elements, descendants, first_child, line_of, local_name
from resconv.readers.akn.text import plain

__all__ = ["AKN_NAMESPACE", "AknReader"]

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

_ANNEX_LABELS: dict[str, tuple[str, ...]] = {
    "ar": ("المرفق", "مرفق"),
    "zh": ("附件",),
    "en": ("Annex",),
    "fr": ("Annexe",),
    "ru": ("Приложение",),
    "es": ("Anexo",),
}
"""How an annex label begins in each language, to tell it from the annex title."""


class _Document(BlockReading, MetaReading):
    """One reading of one document, from the root element to the annexes."""

    def __init__(
        self, root: _Element, diagnostics: Diagnostics, *, source: str | None, lang: str | None
    ) -> None:
        super().__init__(root, diagnostics, source=source)
        self.doc = self._document_element()
        self.language = self._language(lang)

    # -- the whole document -------------------------------------------------------------

    def resolution(self) -> Resolution:
        doc = self.doc
        meta = first_child(doc, "meta")
        cover = first_child(doc, "coverPage")
        number, symbol = self._number_and_symbol(doc, meta, cover)
        title = self._title(doc, cover)
        authority, preamble = self._preamble(first_child(doc, "preamble"))
        body = first_child(doc, "mainBody", "body", "mainContent", "judgmentBody", "debateBody")
        if body is None:
            raise StructureError(
                f"<{local_name(doc)}> has no mainBody: not a resolution", source=self.source
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
        if local_name(root) != "akomaNtoso":
            raise StructureError(
                f"root element is <{local_name(root) or root.tag}>, not <akomaNtoso>: "
                "not an Akoma Ntoso document",
                source=self.source,
                line=line_of(root),
            )
        namespace = root.tag.partition("}")[0].lstrip("{") if "}" in str(root.tag) else None
        if namespace != AKN_NAMESPACE:
            self.warn(
                "akn-namespace",
                f"namespace {namespace!r} is not Akoma Ntoso 3.0; read by element names",
                root,
            )
        doc = first_child(root, "documentCollection", "statement", "doc", "act", "bill")
        if doc is None:
            doc = first_child(root)
        if doc is None:
            raise StructureError("<akomaNtoso> is empty", source=self.source)
        if local_name(doc) == "documentCollection":
            raise StructureError(
                "a documentCollection (several resolutions under one number) is not supported; "
                "convert each component on its own",
                source=self.source,
                line=line_of(doc),
            )
        if local_name(doc) != "statement":
            self.info("akn-doctype", f"document type <{local_name(doc)}> read as a resolution", doc)
        return doc

    # -- annexes ---------------------------------------------------------------------------

    def _annexes(self, doc: _Element) -> tuple[Annex, ...]:
        attachments = first_child(doc, "attachments")
        if attachments is None:
            return ()
        annexes: list[Annex] = []
        for attachment in child_elements(attachments):
            inner = first_child(attachment, "doc", "statement", "act", "bill")
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
        preface = first_child(doc, "preface")
        if preface is not None:
            doc_type = next(descendants(preface, "docType"), None)
            if doc_type is None:
                doc_type = next(descendants(preface, "docNumber"), None)
            if doc_type is not None:
                label = plain(self.inlines([doc_type]))
            doc_title = next(descendants(preface, "docTitle"), None)
            if doc_title is not None:
                title = self.inlines([doc_title])
        preamble_node = first_child(doc, "preamble")
        preamble = self._preamble(preamble_node)[1] if preamble_node is not None else ()
        body = first_child(doc, "mainBody", "body")
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
                line=line_of(node),
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
