"""The Akoma Ntoso 3.0 writer (``--to akn``), following the AKN4UN guidelines for GA resolutions.

The mapping is the one of ``docs/dev/decisions/akn-*.md``: ``<statement name="resolution">``
with FRBR IRIs from `resconv.akn.frbr`, eIds from `resconv.akn.eid`, a TLC entry in
``references`` for every ``#id`` the document uses, and nothing taken from the clock, so
that the same model always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import ClassVar

from resconv.akn.eid import EidGenerator
from resconv.akn.frbr import COUNTRY, SUBTYPE, ResolutionIris, work_number
from resconv.akn.schema import AKN_NS
from resconv.errors import InternalError, StructureError, UsageError
from resconv.lang import Language, language
from resconv.model import (
    Annex,
    Block,
    CoverPage,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Text,
    Vote,
)
from resconv.xmlchars import XML_ILLEGAL

__all__ = ["AknWriter"]

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

HIERARCHY: tuple[str, ...] = ("section", "subsection", "division")
"""AKN element for a heading at nesting depth 1, 2, 3 and deeper (the last repeats)."""

PREAMBULAR_NAME_WHEN_EMPTY = "preambularParagraph"
"""``container/@name`` for a preambular paragraph printed without initial words."""

VOTE_COUNTS: tuple[tuple[str, str], ...] = (
    ("in_favour", "inFavour"),
    ("against", "against"),
    ("abstaining", "abstaining"),
)
"""`Vote` field → ``count/@refersTo`` TLC (the UN's own names)."""

TLC: dict[str, tuple[str, str, str]] = {
    # eId: (element, href, showAs). IRIs follow DGACM: /akn/ontology/{class}/un/{name}.
    "ga": ("TLCOrganization", "/akn/ontology/organization/un/generalAssembly", "General Assembly"),
    "resconv": ("TLCOrganization", "/akn/ontology/organization/resconv", "resconv"),
    "author": ("TLCRole", "/akn/ontology/role/un/author", "Author"),
    "editor": ("TLCRole", "/akn/ontology/role/un/editor", "Editor"),
    "adoptionDate": ("TLCConcept", "/akn/ontology/concept/un/dateOfAdoption", "Date of adoption"),
    "adopted": ("TLCConcept", "/akn/ontology/concept/un/adopted", "Adopted"),
    "symbol": ("TLCConcept", "/akn/ontology/reference/un/symbol", "Symbol"),
    "dateOfIssuance": ("TLCConcept", "/akn/ontology/concept/un/dateOfIssuance", "Date of issuance"),
    "distribution": ("TLCConcept", "/akn/ontology/concept/un/distribution", "Distribution"),
    "publicationJobNumber": (
        "TLCConcept",
        "/akn/ontology/concept/un/publicationJobNumber",
        "Publication job number",
    ),
    "resolutionTitle": (
        "TLCTerm",
        "/akn/ontology/reference/un/resolutionTitle",
        "Resolution title",
    ),
    "inFavour": ("TLCTerm", "/akn/ontology/concept/un/voting/inFavour", "In favour"),
    "against": ("TLCTerm", "/akn/ontology/concept/un/voting/against", "Against"),
    "abstaining": ("TLCTerm", "/akn/ontology/concept/un/voting/abstaining", "Abstaining"),
}
"""The fixed TLC entries resconv may refer to; only those used are written."""


class AknWriter:
    """Writes a resolution as AKN4UN XML: pretty-printed UTF-8 with an XML declaration."""

    name: ClassVar[str] = "akn"
    suffix: ClassVar[str] = ".xml"
    media_type: ClassVar[str] = "application/akn+xml"

    def write(self, resolution: Resolution, /) -> bytes:
        """The whole AKN file; `StructureError` when the model lacks what FRBR needs."""
        out = [_DECLARATION]
        _serialise(_Document(resolution).build(), 0, out)
        out.append("\n")
        text = "".join(out)
        if XML_ILLEGAL.search(text) is not None:  # the model refuses such text: a bug if seen
            raise InternalError("the AKN writer produced a character XML cannot hold")
        return text.encode("utf-8")


MIXED_CONTENT: frozenset[str] = frozenset(
    (
        "p", "heading", "num", "span", "docTitle", "docNumber", "docType", "docStatus",
        "docDate", "docProponent", "docketNumber", "session", "inline", "listIntroduction",
        "listWrapUp",
    )
)  # fmt: skip
"""Elements holding text: indentation stops at them, so no whitespace is added to the text."""


class _Node:
    """An element being built: tag, attributes, text, tail and children, as in an lxml tree.

    Writing the tree out directly costs a fraction of what building it with lxml does
    (a namespace lookup and attribute conversion for every element); `_serialise` gives
    the bytes lxml's ``tostring`` gives, indentation included.
    """

    __slots__ = ("attrib", "children", "tag", "tail", "text")

    def __init__(self, tag: str, attrib: dict[str, str] | None = None) -> None:
        self.tag = tag
        self.attrib = attrib
        self.text: str | None = None
        self.tail: str | None = None
        self.children: list[_Node] = []


def _escape_text(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


_ATTRIBUTE_SPECIAL = re.compile(r'[&<>"\t\n\r]')
_ATTRIBUTE_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\r": "&#13;",
}


def _escape_attribute(value: str) -> str:
    return _ATTRIBUTE_SPECIAL.sub(lambda m: _ATTRIBUTE_ESCAPES[m.group()], value)


_ESCAPED_IN_ATTRIBUTE = re.compile(r"[&<>\t\n\r]")
"""What an attribute value escapes besides the quote, counted apart."""


def _start_tag(node: _Node) -> str:
    """``<tag a="…"``: attributes written at once, escaped only when one needs it."""
    attrib = node.attrib
    if not attrib:
        return "<" + node.tag
    text = "".join([f' {name}="{value}"' for name, value in attrib.items()])
    if text.count('"') != 2 * len(attrib) or _ESCAPED_IN_ATTRIBUTE.search(text):
        text = "".join([f' {name}="{_escape_attribute(value)}"' for name, value in attrib.items()])
    return f"<{node.tag}{text}"


_INDENTS = tuple("\n" + "  " * depth for depth in range(64))


def _serialise(node: _Node, depth: int, out: list[str]) -> None:
    """`node` as XML text into `out`; element-only content is indented, mixed content kept
    exactly (the node's own tail is left to its parent)."""
    tag = node.tag
    out.append(_start_tag(node))
    children = node.children
    if tag in MIXED_CONTENT or not children:
        _serialise_content(node, out)
        return
    inner = _INDENTS[depth + 1] if depth + 1 < len(_INDENTS) else "\n" + "  " * (depth + 1)
    out.append(">")
    for child in children:
        out.append(inner)
        _serialise(child, depth + 1, out)
    out.append(inner[:-2])
    out.append(f"</{tag}>")


def _serialise_content(node: _Node, out: list[str]) -> None:
    """The rest of an element whose content is kept as built: text, children and tails."""
    text = node.text
    children = node.children
    if text is None and not children:
        out.append("/>")
        return
    out.append(">")
    if text:
        out.append(_escape_text(text))
    for child in children:
        out.append(_start_tag(child))
        _serialise_content(child, out)
        if child.tail:
            out.append(_escape_text(child.tail))
    out.append(f"</{node.tag}>")


def _el(parent: _Node, tag: str, attrib: dict[str, str] | None = None) -> _Node:
    child = _Node(tag, attrib)
    parent.children.append(child)
    return child


def _append_text(parent: _Node, text: str) -> None:
    if not text:
        return
    if parent.children:
        last = parent.children[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class _Document:
    """One write: the model, its eIds, the TLCs it refers to, and the footnotes placed."""

    def __init__(self, resolution: Resolution) -> None:
        self.r = resolution
        self.lang = self._language(resolution)
        self.date = self._adoption_date(resolution)
        if not resolution.number.strip():
            raise StructureError("the resolution number (field 'number') is empty; FRBR needs it")
        self.iris = ResolutionIris.for_resolution(
            resolution.number, self.date.isoformat(), self.lang.akn_code
        )
        self.ids = EidGenerator()
        self.used: dict[str, tuple[str, str, str]] = {}
        self.notes_placed: dict[str, str] = {}
        self.note_counter = 0

    @staticmethod
    def _language(resolution: Resolution) -> Language:
        try:
            return language(resolution.language)
        except UsageError as exc:
            raise StructureError(f"field 'language': {exc.message}") from None

    @staticmethod
    def _adoption_date(resolution: Resolution) -> dt.date:
        if resolution.adoption is None or resolution.adoption.date is None:
            raise StructureError(
                "the adoption date (field 'adoption.date') is missing; "
                "the Akoma Ntoso FRBR IRIs and dates need it"
            )
        return resolution.adoption.date

    def ref(self, eid: str, entry: tuple[str, str, str] | None = None) -> str:
        """``#eid``, remembering that a TLC entry for it must be written."""
        self.used.setdefault(eid, entry or TLC[eid])
        return "#" + eid

    # -- document ------------------------------------------------------------------------

    def build(self) -> _Node:
        root = _Node("akomaNtoso", {"xmlns": AKN_NS})
        statement = _el(root, "statement", {"name": "resolution", "contains": "originalVersion"})
        meta = _el(statement, "meta")
        self._identification(meta, self.iris, with_alias=True)
        self._workflow(meta)
        if self.r.vote is not None:
            self._analysis(meta, self.r.vote)
        if _has_cover(self.r.cover):
            self._cover_page(statement, self.r.cover)
        self._preface(statement)
        self._preamble(statement, self.r.preamble, self.r.authority, "")
        body = _el(statement, "mainBody")
        self._blocks(body, self.r.operative, "")
        if not body.children:
            _el(body, "p")
        self._conclusions(statement)
        if self.r.annexes:
            attachments = _el(statement, "attachments")
            for index, annex in enumerate(self.r.annexes, start=1):
                self._annex(attachments, annex, index)
        self._references(meta)
        return root

    # -- meta ----------------------------------------------------------------------------

    def _identification(self, meta: _Node, iris: ResolutionIris, *, with_alias: bool) -> None:
        date = self.date.isoformat()
        ident = _el(meta, "identification", {"source": self.ref("resconv")})
        work = _el(ident, "FRBRWork")
        _el(work, "FRBRthis", {"value": iris.work_this})
        _el(work, "FRBRuri", {"value": iris.work})
        if with_alias:
            _el(work, "FRBRalias", {"value": self.r.symbol, "name": "symbol"})
        _el(work, "FRBRdate", {"date": date, "name": "adoption"})
        _el(work, "FRBRauthor", {"href": self.ref("ga"), "as": self.ref("author")})
        _el(work, "FRBRcountry", {"value": COUNTRY})
        _el(work, "FRBRsubtype", {"value": SUBTYPE})
        number = work_number(self.r.number)
        _el(work, "FRBRnumber", {"value": number, "showAs": self.r.number})
        expression = _el(ident, "FRBRExpression")
        _el(expression, "FRBRthis", {"value": iris.expression_this})
        _el(expression, "FRBRuri", {"value": iris.expression})
        issued = self.r.cover.distribution_date
        if issued is not None:
            _el(expression, "FRBRdate", {"date": issued.isoformat(), "name": "publication"})
        else:
            _el(expression, "FRBRdate", {"date": date, "name": "adoption"})
        _el(expression, "FRBRauthor", {"href": self.ref("ga"), "as": self.ref("author")})
        _el(expression, "FRBRlanguage", {"language": self.lang.akn_code})
        manifestation = _el(ident, "FRBRManifestation")
        _el(manifestation, "FRBRthis", {"value": iris.manifestation_this})
        _el(manifestation, "FRBRuri", {"value": iris.manifestation_uri})
        # No clock: the manifestation carries the adoption date, named as such.
        _el(manifestation, "FRBRdate", {"date": date, "name": "adoption"})
        _el(manifestation, "FRBRauthor", {"href": self.ref("resconv"), "as": self.ref("editor")})
        _el(manifestation, "FRBRformat", {"value": "xml"})

    def _meeting_ref(self) -> str | None:
        adoption = self.r.adoption
        if adoption is None or not (adoption.meeting_text or adoption.meeting is not None):
            return None
        session = self.r.session
        if adoption.meeting is not None:
            eid = f"plenaryMeeting{adoption.meeting}"
            href = f"/akn/ontology/event/un/unga/{session or 0}/plenaryMeeting/{adoption.meeting}"
        else:
            eid = "adoptionMeeting"
            href = f"/akn/ontology/event/un/unga/{session or 0}/plenaryMeeting"
        show = adoption.meeting_text or str(adoption.meeting)
        return self.ref(eid, ("TLCEvent", href, show))

    def _workflow(self, meta: _Node) -> None:
        workflow = _el(meta, "workflow", {"source": self.ref("resconv")})
        attrib = {"date": self.date.isoformat(), "by": self.ref("ga")}
        meeting = self._meeting_ref()
        if meeting is not None:
            attrib["refersTo"] = meeting
        attrib["outcome"] = self.ref("adopted")
        _el(workflow, "step", attrib)

    def _analysis(self, meta: _Node, vote: Vote) -> None:
        analysis = _el(meta, "analysis", {"source": self.ref("resconv")})
        parliamentary = _el(analysis, "parliamentary")
        voting = _el(parliamentary, "voting", {"outcome": vote.outcome})
        for field, tlc in VOTE_COUNTS:
            value = getattr(vote, field)
            if value is not None:
                _el(voting, "count", {"value": str(value), "refersTo": self.ref(tlc)})
        if not voting.children:
            # No counts (adopted without a vote): the XSD wants a child; like the UN,
            # write an empty quorum.
            _el(voting, "quorum", {"value": ""})

    def _references(self, meta: _Node) -> None:
        references = _el(meta, "references", {"source": self.ref("resconv")})
        order = {name: index for index, name in enumerate(("TLCOrganization", "TLCEvent"))}
        entries = sorted(self.used.items(), key=lambda item: order.get(item[1][0], 9))
        assembly = language(
            self.r.language
        ).assembly  # the UN names the organ in the text's language
        for eid, (tag, href, show) in entries:
            if eid == "ga" and assembly:
                show = assembly
            _el(references, tag, {"eId": eid, "href": href, "showAs": show})

    # -- cover page, preface, preamble ------------------------------------------------------

    def _cover_page(self, statement: _Node, cover: CoverPage) -> None:
        page = _el(statement, "coverPage", {"eId": "coverPage"})
        _el(_el(page, "p"), "docNumber", {"refersTo": self.ref("symbol")}).text = self.r.symbol
        if cover.distribution:
            status = _el(_el(page, "p"), "docStatus", {"refersTo": self.ref("distribution")})
            status.text = cover.distribution
        date_text = cover.distribution_date_text
        if cover.distribution_date is not None:
            issued = {
                "date": cover.distribution_date.isoformat(),
                "refersTo": self.ref("dateOfIssuance"),
            }
            docdate = _el(_el(page, "p"), "docDate", issued)
            docdate.text = date_text  # as printed; @date carries the value
        elif date_text:
            _el(_el(page, "p"), "inline", {"name": "date of issuance"}).text = date_text
        if cover.session_text:
            attrib = {"refersTo": self.ref("ga")}
            if self.r.session is not None:
                attrib["value"] = str(self.r.session)
            _el(_el(page, "p"), "session", attrib).text = cover.session_text
        if cover.agenda_item:
            item = {"name": "agenda item", "title": cover.agenda_item}
            _el(_el(page, "p"), "inline", item).text = cover.agenda_item
        if cover.agenda_title:
            _el(_el(page, "p"), "inline", {"name": "agenda item name"}).text = cover.agenda_title
        if cover.adopted_line:
            _el(_el(page, "p"), "docTitle").text = cover.adopted_line
        if cover.committee_line:
            _el(_el(page, "p"), "docProponent").text = cover.committee_line
        if cover.job_number:
            docket = {"refersTo": self.ref("publicationJobNumber")}
            _el(_el(page, "p"), "docketNumber", docket).text = cover.job_number

    def _preface(self, statement: _Node) -> None:
        p = _el(_el(statement, "preface"), "p")
        _el(p, "docNumber").text = f"{self.r.number}."
        p.children[-1].tail = " "
        title = _el(p, "docTitle", {"refersTo": self.ref("resolutionTitle")})
        self._inlines(title, self.r.title)

    def _preamble(
        self,
        parent: _Node,
        paragraphs: tuple[PreambularParagraph, ...],
        formula: str,
        prefix: str,
    ) -> None:
        if not paragraphs and not formula:
            return
        base = f"{prefix}__preamble" if prefix else "preamble"
        preamble = _el(parent, "preamble")
        if formula:
            eid = self.ids.counted("formula", base)
            _el(
                _el(preamble, "formula", {"name": "enactingFormula", "eId": eid}), "p"
            ).text = formula
        for paragraph in paragraphs:
            eid = self.ids.counted("container", base)
            name = paragraph.initial_words.strip() or PREAMBULAR_NAME_WHEN_EMPTY
            container = _el(preamble, "container", {"name": name, "eId": eid})
            if paragraph.content or not paragraph.subparagraphs:
                p = _el(container, "p")
                self._inlines(p, paragraph.content, paragraph.initial_words)
            if paragraph.subparagraphs:
                self._block_list(container, paragraph.subparagraphs, paragraph.wrap_up, eid)
            elif paragraph.wrap_up:
                self._inlines(_el(container, "p"), paragraph.wrap_up)

    def _block_list(
        self,
        parent: _Node,
        subparagraphs: tuple[Subparagraph, ...],
        wrap_up: Inlines,
        parent_eid: str,
    ) -> None:
        """Preambular subparagraphs: a ``blockList`` (a ``list`` is not allowed in a container)."""
        eid = self.ids.counted("blockList", parent_eid)
        block_list = _el(parent, "blockList", {"eId": eid})
        for sub in subparagraphs:
            item_eid = self.ids.numbered("item", eid, sub.number)
            item = _el(block_list, "item", {"eId": item_eid})
            _el(item, "num").text = sub.number
            if sub.content or not sub.subparagraphs:
                self._inlines(_el(item, "p"), sub.content)
            if sub.subparagraphs:
                self._block_list(item, sub.subparagraphs, sub.wrap_up, item_eid)
            elif sub.wrap_up:
                self._inlines(_el(item, "p"), sub.wrap_up)
        if wrap_up:
            wrap = _el(block_list, "listWrapUp", {"eId": self.ids.single("listWrapUp", eid)})
            self._inlines(wrap, wrap_up)

    # -- operative part ------------------------------------------------------------------

    def _blocks(self, body: _Node, blocks: tuple[Block, ...], prefix: str) -> None:
        """Paragraphs, grouped under the headings that precede them.

        Operative numbers normally run through the whole part, so a paragraph is ``para_n``
        whatever its section (the naming convention does not repeat the parent then). Only
        when each section restarts its numbering ("1." under A. and under B.) is the section
        part of the eId: ``sec_A__para_1``.
        """
        restarts = _numbering_restarts(blocks)
        stack: list[tuple[int, _Node, str]] = [(0, body, prefix)]
        for block in blocks:
            if isinstance(block, Heading):
                while len(stack) > 1 and stack[-1][0] >= block.level:
                    stack.pop()
                element = HIERARCHY[min(len(stack), len(HIERARCHY)) - 1]
                eid = self.ids.numbered(element, stack[-1][2], block.number)
                node = _el(stack[-1][1], element, {"eId": eid})
                if block.number:
                    _el(node, "num").text = block.number
                self._inlines(_el(node, "heading"), block.text)
                stack.append((block.level, node, eid))
            else:
                parent_eid = stack[-1][2] if restarts else prefix
                self._paragraph(stack[-1][1], block, parent_eid)
        for node in _descendants(body, HIERARCHY):
            if node.children and node.children[-1].tag in ("num", "heading"):
                # A heading with nothing under it: the hierarchy needs content.
                _el(_el(node, "content"), "p")

    def _paragraph(self, parent: _Node, paragraph: OperativeParagraph, parent_eid: str) -> None:
        eid = self.ids.numbered("paragraph", parent_eid, paragraph.number)
        node = _el(parent, "paragraph", {"eId": eid})
        if paragraph.number:
            _el(node, "num").text = paragraph.number
        self._subdivided(
            node,
            eid,
            paragraph.content,
            paragraph.subparagraphs,
            paragraph.wrap_up,
            paragraph.initial_words,
        )

    def _subdivided(
        self,
        node: _Node,
        eid: str,
        content: Inlines,
        subparagraphs: tuple[Subparagraph, ...],
        wrap_up: Inlines,
        initial_words: str = "",
    ) -> None:
        """``content``, or a ``list`` of ``intro``, ``point``s and ``wrapUp``."""
        if not subparagraphs:
            body = _el(node, "content")
            self._inlines(_el(body, "p"), content, initial_words)
            if wrap_up:
                self._inlines(_el(body, "p"), wrap_up)
            return
        list_eid = self.ids.counted("list", eid)
        listing = _el(node, "list", {"eId": list_eid})
        if content:
            intro = _el(listing, "intro", {"eId": self.ids.single("intro", list_eid)})
            self._inlines(_el(intro, "p"), content, initial_words)
        for sub in subparagraphs:
            point_eid = self.ids.numbered("point", list_eid, sub.number)
            point = _el(listing, "point", {"eId": point_eid})
            _el(point, "num").text = sub.number
            self._subdivided(point, point_eid, sub.content, sub.subparagraphs, sub.wrap_up)
        if wrap_up:
            wrap = _el(listing, "wrapUp", {"eId": self.ids.single("wrapUp", list_eid)})
            self._inlines(_el(wrap, "p"), wrap_up)

    # -- conclusions and annexes ---------------------------------------------------------

    def _conclusions(self, statement: _Node) -> None:
        adoption = self.r.adoption
        assert adoption is not None  # checked in __init__
        conclusions = _el(statement, "conclusions")
        eid = self.ids.counted("container", "conclusions")
        p = _el(_el(conclusions, "container", {"name": "adoption", "eId": eid}), "p")
        # In the order the language prints them (Chinese: the date, then the meeting), so
        # that the text reads as the resolution does.
        lines = []
        for part in language(self.r.language).adoption_order:
            if part == "meeting":
                meeting = self._meeting_ref()
                if meeting is not None:
                    event = _Node("event", {"refersTo": meeting})
                    event.text = adoption.meeting_text  # as printed, nothing invented
                    lines.append(event)
            else:
                date = {"date": self.date.isoformat(), "refersTo": self.ref("adoptionDate")}
                doc_date = _Node("docDate", date)
                doc_date.text = adoption.date_text
                lines.append(doc_date)
        for index, line in enumerate(lines):
            if index:
                p.children.append(_Node("eol"))
            p.children.append(line)

    def _annex(self, attachments: _Node, annex: Annex, index: int) -> None:
        eid = self.ids.numbered("attachment", "", str(index))
        doc = _el(_el(attachments, "attachment", {"eId": eid}), "doc", {"name": "annex"})
        iris = self.iris.component(f"annex_{index}")
        self._identification(_el(doc, "meta"), iris, with_alias=False)
        preface = _el(doc, "preface")
        _el(_el(preface, "p"), "docType").text = annex.label
        if annex.title:
            self._inlines(_el(_el(preface, "p"), "docTitle"), annex.title)
        self._preamble(doc, annex.preamble, "", eid)
        body = _el(doc, "mainBody")
        self._blocks(body, annex.body, eid)
        if not body.children:
            _el(body, "p")

    # -- inline text ---------------------------------------------------------------------

    def _inlines(self, parent: _Node, inlines: Inlines, initial_words: str = "") -> None:
        """Text and footnotes into `parent`, the initial words set as the UN sets them."""
        pieces: Iterable[Text | FootnoteRef] = inlines
        words = initial_words.strip()
        first = inlines[0] if inlines else None
        if words and isinstance(first, Text):
            start = len(first.text) - len(first.text.lstrip())
            if first.text.startswith(words, start):
                _append_text(parent, first.text[:start])
                span = _el(parent, "span", {"class": self.lang.initial_words_style})
                span.text = words
                rest = first.text[start + len(words) :]
                if rest:
                    _append_text(parent, rest)
                pieces = inlines[1:]
        for piece in pieces:
            if isinstance(piece, Text):
                _append_text(parent, piece.text)
            else:
                self._note(parent, piece.marker)

    def _note(self, parent: _Node, marker: str) -> None:
        """An ``authorialNote`` where the marker was printed; a ``noteRef`` when it recurs."""
        placed = self.notes_placed.get(marker)
        if placed is not None:
            _el(parent, "noteRef", {"marker": marker, "href": "#" + placed})
            return
        eid = self.ids.numbered("authorialNote", "", marker)
        self.notes_placed[marker] = eid
        attrib = {"marker": marker, "placement": "bottom", "eId": eid}
        footnote = self.r.footnote(marker)
        if footnote is None or footnote.text is None:
            # The marker was printed but the note's text is not known: say so.
            attrib["status"] = "unknown"
        note = _el(parent, "authorialNote", attrib)
        p = _el(note, "p")
        if footnote is not None and footnote.text is not None:
            p.text = footnote.text


def _descendants(node: _Node, tags: tuple[str, ...]) -> list[_Node]:
    """The elements under `node` named one of `tags`, in document order."""
    found: list[_Node] = []
    for child in node.children:
        if child.tag in tags:
            found.append(child)
        found.extend(_descendants(child, tags))
    return found


def _numbering_restarts(blocks: tuple[Block, ...]) -> bool:
    """True when a paragraph number recurs only across sections, never within one."""
    groups: dict[int, list[str]] = {}
    section = 0
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            section = index + 1
        elif block.number:
            groups.setdefault(section, []).append(block.number)
    within = all(len(numbers) == len(set(numbers)) for numbers in groups.values())
    seen: set[str] = set()
    across = False
    for numbers in groups.values():
        across = across or not seen.isdisjoint(numbers)
        seen.update(numbers)
    return within and across


def _has_cover(cover: CoverPage) -> bool:
    return any(getattr(cover, name) is not None for name in cover.__slots__)
