"""The Akoma Ntoso 3.0 writer (``--to akn``), following the AKN4UN guidelines for GA resolutions.

The mapping is the one of ``docs/dev/decisions/akn-*.md``: ``<statement name="resolution">``
with FRBR IRIs from `resconv.akn.frbr`, eIds from `resconv.akn.eid`, a TLC entry in
``references`` for every ``#id`` the document uses, and nothing taken from the clock, so
that the same model always gives the same bytes. Resolutions A, B … under one number are
a ``documentCollection`` whose components are full statements; parts are ``part``s
with their preamble in an ``hcontainer name="preamble"``; tables and plain paragraphs
stand in an ``hcontainer`` (``docs/dev/decisions/akn-structures.md``). The tree is
written out by `resconv.writers.akn.serialise`.
"""

from __future__ import annotations

import dataclasses

from resconv import _dates as dt  # start-up speed: resconv/_dates.py
from resconv.akn.eid import EidGenerator
from resconv.akn.frbr import COUNTRY, SUBTYPE, ResolutionIris, work_number
from resconv.akn.schema import AKN_NS, OPENING_EMPHASIS_CLASS, RESCONV_EID
from resconv.errors import InternalError, StructureError, UsageError
from resconv.lang import Language, language
from resconv.model import (
    Annex,
    Block,
    CoverPage,
    Emphasis,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    Paragraph,
    Part,
    PreambularParagraph,
    Reference,
    Resolution,
    Subparagraph,
    Table,
    Text,
    Vote,
)
from resconv.writers.akn.serialise import NOT_XML, Node, append_text, element, serialise

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import ClassVar

__all__ = ["AKN4UN_NS", "AknWriter", "build"]

AKN4UN_NS = "http://un.org/akn4un"
"""The UN's namespace for what AKN has no element for (the States' names in a vote)."""

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

HIERARCHY: tuple[str, ...] = ("section", "subsection", "division")
"""AKN element for a heading at nesting depth 1, 2, 3 and deeper (the last repeats)."""

PREAMBULAR_NAME_WHEN_EMPTY = "preambularParagraph"
"""``container/@name`` for a preambular paragraph printed without initial words."""


VOTE_COUNTS: tuple[tuple[str, str, str], ...] = (
    ("in_favour", "in_favour_names", "inFavour"),
    ("against", "against_names", "against"),
    ("abstaining", "abstaining_names", "abstaining"),
)
"""`Vote` count field, names field → ``count/@refersTo`` TLC (the UN's own names)."""

PART_PREAMBLE = "preamble"
"""``hcontainer/@name`` holding a part's preambular paragraphs."""
TABLE_CONTAINER = "table"
TEXT_CONTAINER = "text"
"""``hcontainer/@name`` of a table and of a plain paragraph standing among paragraphs."""

TLC: dict[str, tuple[str, str, str]] = {
    # eId: (element, href, showAs). IRIs follow DGACM: /akn/ontology/{class}/un/{name}.
    "ga": ("TLCOrganization", "/akn/ontology/organization/un/generalAssembly", "General Assembly"),
    RESCONV_EID: ("TLCOrganization", "/akn/ontology/organization/resconv", "resconv"),
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
    "memberState": ("TLCConcept", "/akn/ontology/concept/un/memberState", "Member State"),
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
        serialise(build(resolution), 0, out)
        out.append("\n")
        text = "".join(out)
        if NOT_XML.search(text) is not None:  # the model refuses such text: a bug if seen
            raise InternalError("the AKN writer produced a character XML cannot hold")
        return text.encode("utf-8")


def build(resolution: Resolution) -> Node:
    """The element tree of the whole file: a statement, or a collection of them."""
    root = Node("akomaNtoso", {"xmlns": AKN_NS})
    if resolution.components:
        _Collection(resolution).build(root)
    else:
        _StatementBuilder(resolution).statement(root)
    if _names_voting(resolution):
        assert root.attrib is not None
        root.attrib["xmlns:akn4un"] = AKN4UN_NS
    return root


def _names_voting(resolution: Resolution) -> bool:
    vote = resolution.vote
    if vote is not None and (vote.in_favour_names or vote.against_names or vote.abstaining_names):
        return True
    return any(_names_voting(component) for component in resolution.components)


class _StatementBuilder:
    """One write: the model, its eIds, the TLCs it refers to, and the footnotes placed."""

    def __init__(
        self,
        resolution: Resolution,
        *,
        printed_number: str | None = None,
        date: dt.date | None = None,
    ) -> None:
        self.resolution = resolution
        self.printed_number = printed_number or f"{resolution.number}."
        """The preface's docNumber: "67/38.", or "A" for component A of a collection."""
        self.lang = self._language(resolution)
        self.date = date or self._adoption_date(resolution)
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

    def statement(self, parent: Node) -> Node:
        """The ``statement`` of this resolution, as the last child of `parent`."""
        statement = element(
            parent, "statement", {"name": "resolution", "contains": "originalVersion"}
        )
        meta = element(statement, "meta")
        self._identification(meta, self.iris, with_alias=True)
        self._workflow(meta)
        if self.resolution.vote is not None:
            self._analysis(meta, self.resolution.vote)
        if _has_cover(self.resolution.cover):
            self._cover_page(statement, self.resolution.cover)
        self._preface(statement)
        self._preamble(statement, self.resolution.preamble, self.resolution.authority, "")
        body = element(statement, "mainBody")
        self._blocks(body, self.resolution.operative, "")
        for part in self.resolution.parts:
            self._part(body, part, "")
        if not body.children:
            element(body, "p")
        self._conclusions(statement)
        if self.resolution.annexes:
            attachments = element(statement, "attachments")
            for index, annex in enumerate(self.resolution.annexes, start=1):
                self._annex(attachments, annex, index)
        self._references(meta)
        return statement

    # -- meta ----------------------------------------------------------------------------

    def _identification(self, meta: Node, iris: ResolutionIris, *, with_alias: bool) -> None:
        date = self.date.isoformat()
        ident = element(meta, "identification", {"source": self.ref(RESCONV_EID)})
        work = element(ident, "FRBRWork")
        element(work, "FRBRthis", {"value": iris.work_this})
        element(work, "FRBRuri", {"value": iris.work})
        if with_alias:
            element(work, "FRBRalias", {"value": self.resolution.symbol, "name": "symbol"})
        element(work, "FRBRdate", {"date": date, "name": "adoption"})
        element(work, "FRBRauthor", {"href": self.ref("ga"), "as": self.ref("author")})
        element(work, "FRBRcountry", {"value": COUNTRY})
        element(work, "FRBRsubtype", {"value": SUBTYPE})
        number = work_number(self.resolution.number)
        element(work, "FRBRnumber", {"value": number, "showAs": self.resolution.number})
        expression = element(ident, "FRBRExpression")
        element(expression, "FRBRthis", {"value": iris.expression_this})
        element(expression, "FRBRuri", {"value": iris.expression})
        issued = self.resolution.cover.distribution_date
        if issued is not None:
            element(expression, "FRBRdate", {"date": issued.isoformat(), "name": "publication"})
        else:
            element(expression, "FRBRdate", {"date": date, "name": "adoption"})
        element(expression, "FRBRauthor", {"href": self.ref("ga"), "as": self.ref("author")})
        element(expression, "FRBRlanguage", {"language": self.lang.akn_code})
        manifestation = element(ident, "FRBRManifestation")
        element(manifestation, "FRBRthis", {"value": iris.manifestation_this})
        element(manifestation, "FRBRuri", {"value": iris.manifestation_uri})
        # No clock: the manifestation carries the adoption date, named as such.
        element(manifestation, "FRBRdate", {"date": date, "name": "adoption"})
        element(
            manifestation, "FRBRauthor", {"href": self.ref(RESCONV_EID), "as": self.ref("editor")}
        )
        element(manifestation, "FRBRformat", {"value": "xml"})

    def _meeting_ref(self) -> str | None:
        adoption = self.resolution.adoption
        if adoption is None or not (adoption.meeting_text or adoption.meeting is not None):
            return None
        session = self.resolution.session
        if adoption.meeting is not None:
            eid = f"plenaryMeeting{adoption.meeting}"
            href = f"/akn/ontology/event/un/unga/{session or 0}/plenaryMeeting/{adoption.meeting}"
        else:
            eid = "adoptionMeeting"
            href = f"/akn/ontology/event/un/unga/{session or 0}/plenaryMeeting"
        show = adoption.meeting_text or str(adoption.meeting)
        return self.ref(eid, ("TLCEvent", href, show))

    def _workflow(self, meta: Node) -> None:
        workflow = element(meta, "workflow", {"source": self.ref(RESCONV_EID)})
        attrib = {"date": self.date.isoformat(), "by": self.ref("ga")}
        meeting = self._meeting_ref()
        if meeting is not None:
            attrib["refersTo"] = meeting
        attrib["outcome"] = self.ref("adopted")
        element(workflow, "step", attrib)

    def _analysis(self, meta: Node, vote: Vote) -> None:
        analysis = element(meta, "analysis", {"source": self.ref(RESCONV_EID)})
        parliamentary = element(analysis, "parliamentary")
        voting = element(parliamentary, "voting", {"outcome": vote.outcome})
        for field, names_field, tlc in VOTE_COUNTS:
            value = getattr(vote, field)
            names: tuple[str, ...] = getattr(vote, names_field)
            if value is None and names:
                value = len(names)
            if value is not None:
                count = element(voting, "count", {"value": str(value), "refersTo": self.ref(tlc)})
                if names:
                    # As the UN names them: <akn4un:voters><organization refersTo="#memberState">
                    voters = element(count, "akn4un:voters")
                    state = self.ref("memberState")
                    for name in names:
                        element(voters, "organization", {"refersTo": state}).text = name
        if not voting.children:
            # No counts (adopted without a vote): the XSD wants a child; like the UN,
            # write an empty quorum.
            element(voting, "quorum", {"value": ""})

    def _references(self, meta: Node) -> None:
        references = element(meta, "references", {"source": self.ref(RESCONV_EID)})
        order = {name: index for index, name in enumerate(("TLCOrganization", "TLCEvent"))}
        entries = sorted(self.used.items(), key=lambda item: order.get(item[1][0], 9))
        assembly = language(
            self.resolution.language
        ).assembly  # the UN names the organ in the text's language
        for eid, (tag, href, show) in entries:
            if eid == "ga" and assembly:
                show = assembly
            element(references, tag, {"eId": eid, "href": href, "showAs": show})

    # -- cover page, preface, preamble ------------------------------------------------------

    def _cover_page(self, statement: Node, cover: CoverPage) -> None:
        page = element(statement, "coverPage", {"eId": "coverPage"})
        element(
            element(page, "p"), "docNumber", {"refersTo": self.ref("symbol")}
        ).text = self.resolution.symbol
        if cover.distribution:
            status = element(
                element(page, "p"), "docStatus", {"refersTo": self.ref("distribution")}
            )
            status.text = cover.distribution
        date_text = cover.distribution_date_text
        if cover.distribution_date is not None:
            issued = {
                "date": cover.distribution_date.isoformat(),
                "refersTo": self.ref("dateOfIssuance"),
            }
            docdate = element(element(page, "p"), "docDate", issued)
            docdate.text = date_text  # as printed; @date carries the value
        elif date_text:
            element(element(page, "p"), "inline", {"name": "date of issuance"}).text = date_text
        if cover.session_text:
            attrib = {"refersTo": self.ref("ga")}
            if self.resolution.session is not None:
                attrib["value"] = str(self.resolution.session)
            element(element(page, "p"), "session", attrib).text = cover.session_text
        if cover.agenda_item:
            item = {"name": "agenda item", "title": cover.agenda_item}
            element(element(page, "p"), "inline", item).text = cover.agenda_item
        if cover.agenda_title:
            element(
                element(page, "p"), "inline", {"name": "agenda item name"}
            ).text = cover.agenda_title
        if cover.adopted_line:
            element(element(page, "p"), "docTitle").text = cover.adopted_line
        if cover.committee_line:
            element(element(page, "p"), "docProponent").text = cover.committee_line
        if cover.job_number:
            docket = {"refersTo": self.ref("publicationJobNumber")}
            element(element(page, "p"), "docketNumber", docket).text = cover.job_number

    def _preface(self, statement: Node) -> None:
        p = element(element(statement, "preface"), "p")
        element(p, "docNumber").text = self.printed_number
        p.children[-1].tail = " "
        title = element(p, "docTitle", {"refersTo": self.ref("resolutionTitle")})
        self._inlines(title, self.resolution.title)

    def _preamble(
        self,
        parent: Node,
        paragraphs: tuple[PreambularParagraph, ...],
        formula: str,
        prefix: str,
    ) -> None:
        if not paragraphs and not formula:
            return
        base = f"{prefix}__preamble" if prefix else "preamble"
        preamble = element(parent, "preamble")
        if formula:
            eid = self.ids.counted("formula", base)
            element(
                element(preamble, "formula", {"name": "enactingFormula", "eId": eid}), "p"
            ).text = formula
        for paragraph in paragraphs:
            eid = self.ids.counted("container", base)
            name = paragraph.initial_words.strip() or PREAMBULAR_NAME_WHEN_EMPTY
            container = element(preamble, "container", {"name": name, "eId": eid})
            if paragraph.content or not paragraph.subparagraphs:
                p = element(container, "p")
                self._inlines(p, paragraph.content, paragraph.initial_words)
            if paragraph.subparagraphs:
                self._block_list(container, paragraph.subparagraphs, paragraph.wrap_up, eid)
            elif paragraph.wrap_up:
                self._inlines(element(container, "p"), paragraph.wrap_up)

    def _block_list(
        self,
        parent: Node,
        subparagraphs: tuple[Subparagraph, ...],
        wrap_up: Inlines,
        parent_eid: str,
    ) -> None:
        """Preambular subparagraphs: a ``blockList`` (a ``list`` is not allowed in a container)."""
        eid = self.ids.counted("blockList", parent_eid)
        block_list = element(parent, "blockList", {"eId": eid})
        for sub in subparagraphs:
            item_eid = self.ids.numbered("item", eid, sub.number)
            item = element(block_list, "item", {"eId": item_eid})
            element(item, "num").text = sub.number
            if sub.content or not sub.subparagraphs:
                self._inlines(element(item, "p"), sub.content)
            if sub.subparagraphs:
                self._block_list(item, sub.subparagraphs, sub.wrap_up, item_eid)
            elif sub.wrap_up:
                self._inlines(element(item, "p"), sub.wrap_up)
        if wrap_up:
            wrap = element(block_list, "listWrapUp", {"eId": self.ids.single("listWrapUp", eid)})
            self._inlines(wrap, wrap_up)

    # -- operative part ------------------------------------------------------------------

    def _blocks(self, body: Node, blocks: tuple[Block, ...], prefix: str) -> None:
        """Paragraphs, grouped under the headings that precede them.

        Operative numbers normally run through the whole part, so a paragraph is ``para_n``
        whatever its section (the naming convention does not repeat the parent then). Only
        when each section restarts its numbering ("1." under A. and under B.) is the section
        part of the eId: ``sec_A__para_1``.
        """
        restarts = _numbering_restarts(blocks)
        stack: list[tuple[int, Node, str]] = [(0, body, prefix)]
        for block in blocks:
            if isinstance(block, Heading):
                while len(stack) > 1 and stack[-1][0] >= block.level:
                    stack.pop()
                tag = HIERARCHY[min(len(stack), len(HIERARCHY)) - 1]
                eid = self.ids.numbered(tag, stack[-1][2], block.number)
                node = element(stack[-1][1], tag, {"eId": eid})
                if block.number:
                    element(node, "num").text = block.number
                self._inlines(element(node, "heading"), block.text)
                stack.append((block.level, node, eid))
            elif isinstance(block, OperativeParagraph):
                parent_eid = stack[-1][2] if restarts else prefix
                self._paragraph(stack[-1][1], block, parent_eid)
            elif isinstance(block, Table):
                self._table(stack[-1][1], block, stack[-1][2])
            else:
                self._text(stack[-1][1], block, stack[-1][2])
        for node in _descendants(body, HIERARCHY):
            if node.children and node.children[-1].tag in ("num", "heading"):
                # A heading with nothing under it: the hierarchy needs content.
                element(element(node, "content"), "p")

    def _table(self, parent: Node, table: Table, parent_eid: str) -> None:
        """``hcontainer name="table"`` around the ``table``: a table cannot stand alone
        among paragraphs, and the container keeps its place."""
        eid = self.ids.counted("hcontainer", parent_eid)
        holder = element(parent, "hcontainer", {"name": TABLE_CONTAINER, "eId": eid})
        node = element(element(holder, "content"), "table", {"eId": self.ids.counted("table", eid)})
        if table.caption:
            self._inlines(element(node, "caption"), table.caption)
        if not table.rows:
            element(element(element(node, "tr"), "td"), "p")  # a table has a row
        for row in table.rows:
            tr = element(node, "tr", {"class": "header"} if row.header else None)
            for cell in row.cells:
                attrib: dict[str, str] = {}
                if cell.row_span != 1:
                    attrib["rowspan"] = str(cell.row_span)
                if cell.col_span != 1:
                    attrib["colspan"] = str(cell.col_span)
                if cell.align:
                    attrib["class"] = cell.align
                td = element(tr, "th" if cell.header else "td", attrib or None)
                for paragraph in cell.content:
                    self._inlines(element(td, "p"), paragraph)
                if not cell.content:
                    element(td, "p")
            if not row.cells:
                element(element(tr, "td"), "p")

    def _text(self, parent: Node, paragraph: Paragraph, parent_eid: str) -> None:
        """A plain paragraph: ``hcontainer name="text"``, apart from numbered paragraphs."""
        eid = self.ids.counted("hcontainer", parent_eid)
        holder = element(parent, "hcontainer", {"name": TEXT_CONTAINER, "eId": eid})
        self._inlines(element(element(holder, "content"), "p"), paragraph.content)

    def _part(self, parent: Node, part: Part, parent_eid: str) -> None:
        """A part: ``part`` with num and heading, its preamble in ``hcontainer
        name="preamble"`` (one unnumbered paragraph each), then its blocks and parts."""
        eid = self.ids.numbered("part", parent_eid, part.number)
        node = element(parent, "part", {"eId": eid})
        if part.number:
            element(node, "num").text = part.number
        if part.heading:
            self._inlines(element(node, "heading"), part.heading)
        if part.preamble:
            holder_eid = self.ids.counted("hcontainer", eid)
            holder = element(node, "hcontainer", {"name": PART_PREAMBLE, "eId": holder_eid})
            for paragraph in part.preamble:
                para_eid = self.ids.numbered("paragraph", holder_eid, None)
                para = element(holder, "paragraph", {"eId": para_eid})
                self._subdivided(
                    para,
                    para_eid,
                    paragraph.content,
                    paragraph.subparagraphs,
                    paragraph.wrap_up,
                    paragraph.initial_words,
                )
        self._blocks(node, part.operative, eid)
        for inner in part.parts:
            self._part(node, inner, eid)
        if len(node.children) == sum(1 for c in node.children if c.tag in ("num", "heading")):
            element(element(node, "content"), "p")  # a part with nothing under its heading

    def _paragraph(self, parent: Node, paragraph: OperativeParagraph, parent_eid: str) -> None:
        eid = self.ids.numbered("paragraph", parent_eid, paragraph.number)
        node = element(parent, "paragraph", {"eId": eid})
        if paragraph.number:
            element(node, "num").text = paragraph.number
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
        node: Node,
        eid: str,
        content: Inlines,
        subparagraphs: tuple[Subparagraph, ...],
        wrap_up: Inlines,
        initial_words: str = "",
    ) -> None:
        """``content``, or a ``list`` of ``intro``, ``point``s and ``wrapUp``."""
        if not subparagraphs:
            body = element(node, "content")
            self._inlines(element(body, "p"), content, initial_words)
            if wrap_up:
                self._inlines(element(body, "p"), wrap_up)
            return
        list_eid = self.ids.counted("list", eid)
        listing = element(node, "list", {"eId": list_eid})
        if content:
            intro = element(listing, "intro", {"eId": self.ids.single("intro", list_eid)})
            self._inlines(element(intro, "p"), content, initial_words)
        for sub in subparagraphs:
            point_eid = self.ids.numbered("point", list_eid, sub.number)
            point = element(listing, "point", {"eId": point_eid})
            element(point, "num").text = sub.number
            self._subdivided(point, point_eid, sub.content, sub.subparagraphs, sub.wrap_up)
        if wrap_up:
            wrap = element(listing, "wrapUp", {"eId": self.ids.single("wrapUp", list_eid)})
            self._inlines(element(wrap, "p"), wrap_up)

    # -- conclusions and annexes ---------------------------------------------------------

    def _conclusions(self, statement: Node) -> None:
        adoption = self.resolution.adoption
        assert adoption is not None  # checked in __init__
        conclusions = element(statement, "conclusions")
        eid = self.ids.counted("container", "conclusions")
        p = element(element(conclusions, "container", {"name": "adoption", "eId": eid}), "p")
        # In the order the language prints them (Chinese: the date, then the meeting), so
        # that the text reads as the resolution does.
        lines = []
        for part in language(self.resolution.language).adoption_order:
            if part == "meeting":
                meeting = self._meeting_ref()
                if meeting is not None:
                    event = Node("event", {"refersTo": meeting})
                    event.text = adoption.meeting_text  # as printed, nothing invented
                    lines.append(event)
            else:
                date = {"date": self.date.isoformat(), "refersTo": self.ref("adoptionDate")}
                doc_date = Node("docDate", date)
                doc_date.text = adoption.date_text
                lines.append(doc_date)
        for index, line in enumerate(lines):
            if index:
                p.children.append(Node("eol"))
            p.children.append(line)

    def _annex(self, attachments: Node, annex: Annex, index: int) -> None:
        eid = self.ids.numbered("attachment", "", str(index))
        doc = element(element(attachments, "attachment", {"eId": eid}), "doc", {"name": "annex"})
        iris = self.iris.component(f"annex_{index}")
        self._identification(element(doc, "meta"), iris, with_alias=False)
        preface = element(doc, "preface")
        element(element(preface, "p"), "docType").text = annex.label
        if annex.title:
            self._inlines(element(element(preface, "p"), "docTitle"), annex.title)
        self._preamble(doc, annex.preamble, "", eid)
        body = element(doc, "mainBody")
        self._blocks(body, annex.body, eid)
        for part in annex.parts:
            self._part(body, part, eid)
        if not body.children:
            element(body, "p")

    # -- inline text ---------------------------------------------------------------------

    def _inlines(
        self, parent: Node, inlines: Inlines, initial_words: str = "", *, opening: bool = True
    ) -> None:
        """Text, footnotes, references and emphasis into `parent`, the initial words set
        as the UN sets them; `opening` when `parent` is a block, whose opening styling
        would read as initial words or typeface."""
        pieces: Inlines = inlines
        words = initial_words.strip()
        first = inlines[0] if inlines else None
        if words and isinstance(first, Text):
            start = len(first.text) - len(first.text.lstrip())
            if first.text.startswith(words, start):
                append_text(parent, first.text[:start])
                span = element(parent, "span", {"class": self.lang.initial_words_style})
                span.text = words
                rest = first.text[start + len(words) :]
                if rest:
                    append_text(parent, rest)
                pieces = inlines[1:]
                opening = False
        for piece in pieces:
            if isinstance(piece, Text):
                append_text(parent, piece.text)
                opening = opening and not piece.text.strip()
                continue
            if isinstance(piece, FootnoteRef):
                self._note(parent, piece.marker)
            elif isinstance(piece, Reference):
                self._reference(parent, piece)
            else:
                self._emphasis(parent, piece, opening=opening)
            opening = False

    def _reference(self, parent: Node, reference: Reference) -> None:
        """``<ref href>`` (AKN4UN's link, where the UN writes ``<a href>``); a reference
        without a target is an ``inline``. The class keeps what the reference names."""
        if reference.target:
            node = element(parent, "ref", {"href": reference.target, "class": reference.kind})
        else:
            node = element(parent, "inline", {"name": "reference", "class": reference.kind})
        self._inlines(node, reference.content, opening=False)

    def _emphasis(self, parent: Node, emphasis: Emphasis, *, opening: bool = False) -> None:
        """``<b>``, ``<i>``, or ``<b><i>`` for both; the outer one marked when `opening`."""
        node = parent
        attrib = {"class": OPENING_EMPHASIS_CLASS} if opening else None
        if emphasis.bold:
            node = element(node, "b", attrib)
            attrib = None
        if emphasis.italic:
            node = element(node, "i", attrib)
        if node is parent:  # neither: the text stays as it is
            self._inlines(parent, emphasis.content, opening=opening)
            return
        self._inlines(node, emphasis.content, opening=False)

    def _note(self, parent: Node, marker: str) -> None:
        """An ``authorialNote`` where the marker was printed; a ``noteRef`` when it recurs."""
        placed = self.notes_placed.get(marker)
        if placed is not None:
            element(parent, "noteRef", {"marker": marker, "href": "#" + placed})
            return
        eid = self.ids.numbered("authorialNote", "", marker)
        self.notes_placed[marker] = eid
        attrib = {"marker": marker, "placement": "bottom", "eId": eid}
        footnote = self.resolution.footnote(marker)
        if footnote is None or footnote.text is None:
            # The marker was printed but the note's text is not known: say so.
            attrib["status"] = "unknown"
        note = element(parent, "authorialNote", attrib)
        p = element(note, "p")
        if footnote is not None and footnote.content is not None:
            # Links (``ref href``) and emphasis inside the note as in a paragraph; the
            # reader takes a note's opening styling as emphasis, so none is marked.
            self._inlines(p, footnote.content, opening=False)


def _descendants(node: Node, tags: tuple[str, ...]) -> list[Node]:
    """The elements under `node` named one of `tags`, in document order."""
    found: list[Node] = []
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
        elif isinstance(block, OperativeParagraph) and block.number:
            groups.setdefault(section, []).append(block.number)
    within = all(len(numbers) == len(set(numbers)) for numbers in groups.values())
    seen: set[str] = set()
    across = False
    for numbers in groups.values():
        across = across or not seen.isdisjoint(numbers)
        seen.update(numbers)
    return within and across


def _has_cover(cover: CoverPage) -> bool:
    return any(getattr(cover, f.name) is not None for f in dataclasses.fields(cover))


class _Collection:
    """Resolutions A, B … under one number: a ``documentCollection`` whose body refers to
    each component, the components following it as full statements (the UN's shape)."""

    def __init__(self, collection: Resolution) -> None:
        self.c = collection
        dated = [collection, *collection.components]
        found = next(
            (r.adoption.date for r in dated if r.adoption is not None and r.adoption.date),
            None,
        )
        self.document = _StatementBuilder(collection, date=found)

    def build(self, root: Node) -> None:
        document = self.document
        holder = element(root, "documentCollection", {"name": "resolution"})
        meta = element(holder, "meta")
        document._identification(meta, document.iris, with_alias=True)
        if self.c.vote is not None:
            document._analysis(meta, self.c.vote)
        if _has_cover(self.c.cover):
            document._cover_page(holder, self.c.cover)
        document._preface(holder)
        body = element(holder, "collectionBody")
        components = Node("components")
        for index, component in enumerate(self.c.components, start=1):
            eid = f"cmp_{index}"
            ref = element(body, "component", {"eId": f"body__{eid}"})
            letter = _component_letter(self.c.number, component.number)
            element(
                ref,
                "documentRef",
                {"eId": f"body__{eid}__dref", "href": f"#{eid}", "showAs": letter},
            )
            holder_node = element(components, "component", {"eId": eid})
            _StatementBuilder(component, printed_number=letter).statement(holder_node)
        if not self.c.components:
            raise StructureError("a collection without components cannot be written")
        root.children.append(components)
        document._references(meta)


def _component_letter(collection: str, number: str) -> str:
    """What a component's preface prints: "A" for 75/101 A of 75/101; else its number."""
    prefix = collection + " "
    return number[len(prefix) :] if number.startswith(prefix) else f"{number}."
