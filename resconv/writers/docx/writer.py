"""The DOCX writer (``--to docx``): a Word document laid out like the UN's own.

The WordprocessingML is written directly with lxml rather than through python-docx, which
has no API for East Asian fonts, language tags, right-to-left paragraphs or footnotes, and
whose zip output carries the current time (`docs/dev/decisions/docx-writer.md`). Every
paragraph and character format is a named style from `resconv/templates/docx/word/styles.xml`,
so an editor can restyle the document; what differs per language is data in `lang.py`.

Page 1 has its own header and footer (`w:titlePg`): the UN masthead and the job number. Later
pages alternate even and odd running headers and footers: symbol, title, job number and
"n/N" page numbers (`docs/dev/decisions/docx-page-furniture.md`).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, ClassVar

from lxml import etree

from resconv import _dates as _dt  # start-up speed: resconv/_dates.py
from resconv._lazyimport import deferred
from resconv.errors import UsageError
from resconv.lang import authority_words, language
from resconv.model import (
    Annex,
    Block,
    Emphasis,
    Footnote,
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
    TableRow,
    Text,
    Vote,
    plain_text,
)
from resconv.writers.docx.lang import DocxLanguage, docx_language
from resconv.writers.docx.parts import (
    PACKAGE_ORDER,
    PPR_ORDER,
    W_NS,
    content_types_xml,
    core_xml,
    custom_xml,
    document_rels_xml,
    element,
    font_table_xml,
    footnotes_rels_xml,
    footnotes_root,
    insert_ordered,
    package_rels_xml,
    settings_xml,
    static_part,
    styles_xml,
    w,
    zip_package,
)

if TYPE_CHECKING:
    from resconv.writers.docx.table import GridSlot

__all__ = ["DocxWriter"]

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_P, _PPR, _PSTYLE, _BIDI = (w(tag) for tag in ("p", "pPr", "pStyle", "bidi"))
_R, _RPR, _RSTYLE, _RFONTS, _B, _BCS, _I, _ICS, _RTL, _T, _TAB, _BR = (
    w(tag)
    for tag in ("r", "rPr", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "rtl", "t", "tab", "br")
)
_VAL, _HINT, _HYPERLINK = w("val"), w("hint"), w("hyperlink")
"""Clark names of what every run is made of, computed once."""
_INDENT_STEP = 567
"""One indentation level in twips (1 cm), as in the template's subparagraph styles."""
_SUBPARAGRAPH_STYLES = ("Subparagraph", "Subparagraph2", "Subparagraph3")
_HEADING_STYLES = ("Heading1", "Heading2", "Heading3")
_FALLBACK_TIME = _dt.datetime(1980, 1, 1, tzinfo=_dt.UTC)
"""Creation time when neither the adoption date nor SOURCE_DATE_EPOCH gives one."""
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_TEXT_WIDTH = 11906 - 2 * 1247
"""A4 width less the left and right margins, in twips: the width of header tables."""
_MASTHEAD_COLUMNS = (5652, _TEXT_WIDTH - 5652)
_RUNNING_SYMBOL_WIDTH = 2835
"""The symbol's cell in the running header (5 cm); the title takes the rest."""
_THIN_RULE = "4"
_THICK_RULE = "24"
"""Border widths in eighths of a point: the masthead's rules under its two rows (½ pt, 3 pt)."""
_FIRST_LINK_ID = 11
"""Hyperlink relationships follow rId1–rId10 of the template's document relationships."""
_URI_CHARACTERS = ":/?#[]@!$&'()*+,;=%~"
"""What a URI keeps as it is besides letters, digits and -._ (RFC 3986), "%" included so
that a target already percent-encoded is not encoded twice."""
_JUSTIFICATION = {"justify": "both"}
"""The model's cell alignments that WordprocessingML spells otherwise."""
_JOB_LANGUAGE = re.compile(r"\s*\([A-Z]\)\s*$")
"""The language letter of a job number, "25-18769 (E)": later pages print "25-18769"."""

_FURNITURE: tuple[tuple[str, str, str, str], ...] = (
    ("headerReference", "first", "rId5", "word/header1.xml"),
    ("headerReference", "default", "rId6", "word/header2.xml"),
    ("headerReference", "even", "rId7", "word/header3.xml"),
    ("footerReference", "first", "rId8", "word/footer1.xml"),
    ("footerReference", "default", "rId9", "word/footer2.xml"),
    ("footerReference", "even", "rId10", "word/footer3.xml"),
)
"""Section references to the header and footer parts, with the relationship ids of
`templates/docx/word/_rels/document.xml.rels`. Word's "default" is the odd page."""


class DocxWriter:
    """Office Open XML (Word) for a resolution: A4, named styles, real footnotes."""

    name: ClassVar[str] = "docx"
    suffix: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )

    def write(self, resolution: Resolution, /) -> bytes:
        return _Conversion(resolution).package()


class _Conversion:
    """One conversion: the body and footnotes being built for one resolution."""

    def __init__(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.profile: DocxLanguage = docx_language(resolution.language)
        self.lang = language(resolution.language)
        self.root = etree.Element(w("document"), nsmap={"w": W_NS, "r": R_NS})
        self.body = etree.SubElement(self.root, w("body"))
        self.notes = footnotes_root()
        self.next_note_id = 1
        self.auto_number = 0
        self.referenced: set[str] = set()
        self.footnotes: dict[str, Footnote] = {}
        """The notes of the resolution being written (a collection's component has its own)."""
        self.links: dict[str, str] = {}
        """Hyperlink target → relationship id in `word/_rels/document.xml.rels`."""
        self.note_links: dict[str, str] = {}
        """The same for the notes, in `word/_rels/footnotes.xml.rels`."""

    # -- the package --------------------------------------------------------------------

    def package(self) -> bytes:
        self._resolution()
        resolution, profile = self.resolution, self.profile
        when = _timestamp(resolution)
        bcp47 = self.lang.bcp47
        title = plain_text(resolution.title).strip()
        custom = _vote_properties(resolution.vote)
        for component in resolution.components:  # "VoteOutcome A", … for each of them
            letter = component.number.removeprefix(resolution.number).strip()
            custom += _vote_properties(component.vote, f" {letter}" if letter else "")
        parts = {
            "[Content_Types].xml": content_types_xml(custom=bool(custom)),
            "_rels/.rels": package_rels_xml(custom=bool(custom)),
            "docProps/core.xml": core_xml(
                title=f"{resolution.number}. {title}" if title else resolution.number,
                subject=resolution.symbol,
                language=bcp47,
                when=when,
            ),
            "docProps/app.xml": static_part("docProps/app.xml"),
            "word/document.xml": _serialize(self.root),
            "word/_rels/document.xml.rels": document_rels_xml(tuple(self.links.items())),
            "word/styles.xml": styles_xml(profile),
            "word/settings.xml": settings_xml(profile),
            "word/fontTable.xml": font_table_xml(profile),
            "word/footnotes.xml": _serialize(self.notes),
        }
        if self.note_links:
            parts["word/_rels/footnotes.xml.rels"] = footnotes_rels_xml(
                tuple(self.note_links.items())
            )
        parts.update(self._furniture())
        if custom:
            parts["docProps/custom.xml"] = custom_xml(custom)
        return zip_package(((name, parts[name]) for name in PACKAGE_ORDER if name in parts), when)

    # -- the resolution, in model order ---------------------------------------------------

    def _resolution(self) -> None:
        self._cover()
        self._body(self.resolution)
        for component in self.resolution.components:  # resolutions A, B … one after another
            self._body(component, within=self.resolution.number)
        self._section()

    def _body(self, resolution: Resolution, *, within: str | None = None) -> None:
        """Title to annexes of one resolution, or only the title of a collection; a
        resolution `within` a collection is numbered by its letter: "A.", not "75/101 A."."""
        self.footnotes = {note.marker: note for note in resolution.footnotes}
        self.referenced = set()
        title = self._paragraph("ResolutionTitle")
        number = resolution.number
        if within is not None and number.startswith(within + " "):
            number = number[len(within) + 1 :]
        self._text(title, f"{number}.")
        self._tab(title)
        self._inlines(title, resolution.title)
        self._authority(resolution.authority)
        for preambular in resolution.preamble:
            self._preambular_paragraph(preambular)
        for block in resolution.operative:
            self._block(block)
        for part in resolution.parts:
            self._part(part, 1)
        self._adoption(resolution)
        self._vote(resolution.vote)
        for annex in resolution.annexes:
            self._annex(annex)

    def _cover(self) -> None:
        """The lines between the masthead and the title (the masthead is page 1's header)."""
        cover = self.resolution.cover
        item = self.lang.agenda_item.format(cover.agenda_item) if cover.agenda_item else None
        for line, style in (
            (cover.session_text, "CoverLine"),
            (item, "CoverLine"),
            (cover.agenda_title, "AgendaTitle"),
        ):
            if line:
                self._text(self._paragraph(style), line)
        if cover.adopted_line:
            self._text(self._paragraph("AdoptedLine"), cover.adopted_line)
        if cover.committee_line:
            self._text(self._paragraph("CommitteeLine"), cover.committee_line)

    def _authority(self, authority: str) -> None:
        if not authority:
            return
        paragraph = self._paragraph("Authority")
        self._inlines(paragraph, (Text(text=authority),), initial_words=authority_words(authority))

    def _preambular_paragraph(self, preambular: PreambularParagraph) -> None:
        paragraph = self._paragraph("PreambularParagraph")
        self._inlines(paragraph, preambular.content, initial_words=preambular.initial_words)
        self._subparagraphs(preambular.subparagraphs, 1)
        self._wrap_up(preambular.wrap_up, 0)

    def _block(self, block: Block, depth: int = 0) -> None:
        """A block of an operative part; `depth` parts enclose it (their headings go first)."""
        if isinstance(block, Heading):
            self._heading(block, depth)
        elif isinstance(block, Table):
            self._table_block(block)
        elif isinstance(block, Paragraph):
            self._inlines(self._paragraph("BodyText"), block.content)
        else:
            self._operative_paragraph(block)

    def _part(self, part: Part, depth: int) -> None:
        """A headed part: its heading one level below the part around it, then its own body."""
        self._heading_paragraph(depth, part.number, part.heading, own_line=True)
        for preambular in part.preamble:
            self._preambular_paragraph(preambular)
        for block in part.operative:
            self._block(block, depth)
        for inner in part.parts:
            self._part(inner, depth + 1)

    def _operative_paragraph(self, operative: OperativeParagraph) -> None:
        if operative.number is None:
            paragraph = self._paragraph("UnnumberedParagraph")
        else:
            paragraph = self._paragraph("OperativeParagraph")
            self._text(paragraph, operative.number)
            self._tab(paragraph)
        self._inlines(paragraph, operative.content, initial_words=operative.initial_words)
        self._subparagraphs(operative.subparagraphs, 1)
        self._wrap_up(operative.wrap_up, 0 if operative.number is None else _INDENT_STEP)

    def _subparagraphs(self, subparagraphs: tuple[Subparagraph, ...], depth: int) -> None:
        for subparagraph in subparagraphs:
            style = _SUBPARAGRAPH_STYLES[min(depth, len(_SUBPARAGRAPH_STYLES)) - 1]
            paragraph = self._paragraph(style)
            if depth > len(_SUBPARAGRAPH_STYLES):  # deeper than the styles go: indent directly
                left = _INDENT_STEP * (depth + 1)
                self._indent(paragraph, left=left, hanging=_INDENT_STEP)
            self._text(paragraph, subparagraph.number)
            self._tab(paragraph)
            self._inlines(paragraph, subparagraph.content)
            self._subparagraphs(subparagraph.subparagraphs, depth + 1)
            self._wrap_up(subparagraph.wrap_up, _INDENT_STEP * (depth + 1))

    def _wrap_up(self, inlines: Inlines, left: int) -> None:
        if not inlines:
            return
        paragraph = self._paragraph("Continuation")
        if left != _INDENT_STEP:
            self._indent(paragraph, left=left)
        self._inlines(paragraph, inlines)

    def _heading(self, heading: Heading, depth: int = 0) -> None:
        self._heading_paragraph(max(heading.level, 1) + depth, heading.number, heading.text)

    def _heading_paragraph(
        self, level: int, number: str | None, text: Inlines, *, own_line: bool = False
    ) -> None:
        """Heading 1–3 by level (deeper levels use Heading 3): "A. Title", "一、标题", or the
        number on a line of its own above the title, as the UN prints a part's "I"."""
        paragraph = self._paragraph(_HEADING_STYLES[min(level, len(_HEADING_STYLES)) - 1])
        if number and own_line:
            self._text(paragraph, number + ("\n" if text else ""))
        elif number:
            self._text(paragraph, number + (_number_separator(number) if text else ""))
        self._inlines(paragraph, text)

    def _adoption(self, resolution: Resolution) -> None:
        adoption = resolution.adoption
        if adoption is None:
            return
        texts = {"date": adoption.date_text, "meeting": adoption.meeting_text}
        lines = [texts[key] for key in self.lang.adoption_order if texts[key]]
        if not lines:
            return
        paragraph = self._paragraph("Adoption")
        for index, line in enumerate(lines):
            if index:
                self._run(paragraph).append(etree.Element(w("br")))
            self._text(paragraph, line)

    def _vote(self, vote: Vote | None) -> None:
        """The States' names in a recorded vote, when the source lists them."""
        for label, names in _vote_lines(vote, self.resolution.language):
            paragraph = self._paragraph("VoteRecord")
            self._text(paragraph, label, style="InitialWords")
            self._text(paragraph, " " + names)

    def _table_block(self, table: Table) -> None:
        """A Word table for `table`: header rows repeated, spans merged, amounts on the right."""
        if table.caption:
            self._inlines(self._paragraph("TableCaption"), table.caption)
        elif len(self.body) and self.body[-1].tag == w("tbl"):
            self._paragraph("TableText")  # Word would join two adjacent tables into one
        if not table.rows:  # no text to keep, and Word refuses a table without rows
            return
        # Loaded on first use: most resolutions have no table (a millisecond of start-up).
        from resconv.writers.docx.table import (
            column_widths,
            row_properties,
            table_grid,
            table_properties,
        )

        columns, grid = table_grid(
            [[(cell.row_span, cell.col_span) for cell in row.cells] for row in table.rows]
        )
        texts = [
            (slot.column, slot.span, "\n".join(plain_text(p) for p in row.cells[slot.cell].content))
            for row, slots in zip(table.rows, grid, strict=True)
            for slot in slots
            if slot.cell is not None
        ]
        widths = column_widths(columns, texts, _TEXT_WIDTH, em=self.profile.body_size * 10)
        element_table = etree.SubElement(self.body, w("tbl"))
        element_table.extend(table_properties(_TEXT_WIDTH, widths, rtl=self.profile.rtl))
        # Word repeats only the header rows that lead the table.
        leading = next((i for i, row in enumerate(table.rows) if not row.header), len(table.rows))
        last_header = leading - 1
        for index, (row, slots) in enumerate(zip(table.rows, grid, strict=True)):
            repeated = index < leading
            element_row = etree.SubElement(element_table, w("tr"))
            empty = not any(plain_text(p) for cell in row.cells for p in cell.content)
            element_row.append(row_properties(header=repeated, empty=empty))
            for slot in slots:
                self._table_cell(element_row, row, slot, widths, last_header=index == last_header)

    def _table_cell(
        self,
        element_row: etree._Element,
        row: TableRow,
        slot: GridSlot,
        widths: tuple[int, ...],
        *,
        last_header: bool,
    ) -> None:
        width = sum(widths[slot.column : slot.column + slot.span])
        element_cell = etree.SubElement(element_row, w("tc"))
        from resconv.writers.docx.table import cell_properties, looks_numeric

        element_cell.append(cell_properties(slot, width, last_header=last_header))
        cell = None if slot.cell is None else row.cells[slot.cell]
        if cell is None or not cell.content:
            empty = self._paragraph("TableText", element_cell)  # a cell holds a paragraph
            if cell is not None and cell.align is not None:
                _align(empty, _JUSTIFICATION.get(cell.align, cell.align))
            return
        style = "TableHeading" if cell.header or row.header else "TableText"
        for content in cell.content:
            text = plain_text(content)
            # In a right-to-left document, a cell without a right-to-left letter ("1 234",
            # "P-4") reads left to right, or the bidi algorithm reorders it ("234 1").
            ltr = self.profile.rtl and not _has_rtl(text)
            paragraph = self._paragraph(style, element_cell, ltr=ltr)
            align = cell.align or ("right" if looks_numeric(text) else None)
            if align is not None:
                _align(paragraph, _JUSTIFICATION.get(align, align))
            self._inlines(paragraph, content, ltr=ltr)

    def _annex(self, annex: Annex) -> None:
        self._text(self._paragraph("AnnexLabel"), annex.label)
        if annex.title:
            self._inlines(self._paragraph("AnnexTitle"), annex.title)
        for preambular in annex.preamble:
            self._preambular_paragraph(preambular)
        for block in annex.body:
            self._block(block)
        for part in annex.parts:
            self._part(part, 0)

    def _section(self) -> None:
        if len(self.body) and self.body[-1].tag == w("tbl"):
            self._paragraph("TableText")  # a body ends with a paragraph, not a table
        section = etree.SubElement(self.body, w("sectPr"))
        for tag, kind, rid, _ in _FURNITURE:
            reference = element(tag, type=kind)
            reference.set(f"{{{R_NS}}}id", rid)
            section.append(reference)
        etree.SubElement(section, w("footnotePr")).append(element("numFmt", val="decimal"))
        section.append(element("pgSz", w="11906", h="16838"))  # A4
        section.append(
            element(
                "pgMar",
                top="1440",
                right="1247",
                bottom="1440",
                left="1247",
                header="720",
                footer="720",
                gutter="0",
            )
        )
        section.append(element("cols", space="720"))
        section.append(element("titlePg"))  # page 1 has the masthead, not the running header
        if self.profile.rtl:
            section.append(element("bidi"))

    # -- paragraphs and runs ----------------------------------------------------------------

    def _paragraph(
        self, style: str, parent: etree._Element | None = None, *, ltr: bool = False
    ) -> etree._Element:
        paragraph = etree.SubElement(self.body if parent is None else parent, _P)
        properties = etree.SubElement(paragraph, _PPR)
        etree.SubElement(properties, _PSTYLE, {_VAL: style})
        if self.profile.rtl and not ltr:
            etree.SubElement(properties, _BIDI)  # after pStyle, as the schema orders them
        return paragraph

    @staticmethod
    def _indent(paragraph: etree._Element, *, left: int, hanging: int = 0) -> None:
        properties = paragraph.find(w("pPr"))
        assert properties is not None  # every paragraph is made by _paragraph
        indent = element("ind", left=str(left), hanging=str(hanging))
        insert_ordered(properties, indent, PPR_ORDER)
        if hanging:
            tabs = etree.Element(w("tabs"))
            tabs.append(element("tab", val="left", pos=str(left)))
            insert_ordered(properties, tabs, PPR_ORDER)

    def _run(
        self,
        paragraph: etree._Element,
        *,
        style: str | None = None,
        hint: bool = False,
        ltr: bool = False,
        emphasis: tuple[bool, bool] = (False, False),
    ) -> etree._Element:
        """A run; `emphasis` is (bold, italic) set directly, as the source set it."""
        run = etree.SubElement(paragraph, _R)
        if style is None and paragraph.tag == _HYPERLINK:
            style = "Hyperlink"
        rtl = self.profile.rtl and not ltr
        bold, italic = emphasis
        if style is None and not hint and not rtl and not bold and not italic:
            return run
        # SubElement, not element(): a detached element costs a document of its own, and
        # runs are the most numerous elements (a third of the time on long Chinese text).
        properties = etree.SubElement(run, _RPR)
        if style is not None:
            etree.SubElement(properties, _RSTYLE, {_VAL: style})
        if hint:
            etree.SubElement(properties, _RFONTS, {_HINT: "eastAsia"})
        for tag in (_B, _BCS) if bold else ():
            etree.SubElement(properties, tag)
        for tag in (_I, _ICS) if italic else ():
            etree.SubElement(properties, tag)
        if rtl:
            etree.SubElement(properties, _RTL)
        return run

    def _tab(self, paragraph: etree._Element) -> None:
        etree.SubElement(self._run(paragraph), _TAB)

    def _text(
        self,
        paragraph: etree._Element,
        text: str,
        *,
        style: str | None = None,
        ltr: bool = False,
        emphasis: tuple[bool, bool] = (False, False),
    ) -> None:
        """Runs for `text`; Chinese ambiguous punctuation gets runs of its own with a hint."""
        if not text:
            return
        for segment, hint in _segments(text, self.profile.east_asian_punctuation):
            run = self._run(paragraph, style=style, hint=hint, ltr=ltr, emphasis=emphasis)
            for piece in _pieces(segment):
                if piece == "\t":
                    etree.SubElement(run, _TAB)
                elif piece == "\n":
                    etree.SubElement(run, _BR)
                else:
                    element = etree.SubElement(run, _T)
                    element.text = piece
                    if piece != piece.strip() or "  " in piece:
                        element.set(_XML_SPACE, "preserve")

    def _inlines(
        self,
        paragraph: etree._Element,
        inlines: Inlines,
        *,
        initial_words: str = "",
        ltr: bool = False,
    ) -> None:
        """The text and footnote references of `inlines`, with the initial words styled."""
        remaining = len(initial_words) if plain_text(inlines).startswith(initial_words) else 0
        self._pieces(paragraph, inlines, [remaining], (False, False), ltr)

    def _pieces(
        self,
        parent: etree._Element,
        inlines: Inlines,
        remaining: list[int],
        emphasis: tuple[bool, bool],
        ltr: bool,
    ) -> None:
        """`inlines` into `parent` (a paragraph or a hyperlink); `remaining[0]` counts the
        characters of initial words still to style, across nested pieces."""
        for piece in inlines:
            if isinstance(piece, FootnoteRef):
                self._footnote_reference(parent, piece.marker)
            elif isinstance(piece, Emphasis):
                bold, italic = emphasis
                inner = (bold or piece.bold, italic or piece.italic)
                self._pieces(parent, piece.content, remaining, inner, ltr)
            elif isinstance(piece, Reference):
                linked = piece.target is not None and parent.tag != _HYPERLINK
                target = self._hyperlink(parent, piece.target) if linked else parent
                self._pieces(target, piece.content, remaining, emphasis, ltr)
            else:
                text = piece.text
                if remaining[0]:
                    head, text = text[: remaining[0]], text[remaining[0] :]
                    remaining[0] -= len(head)
                    self._text(parent, head, style="InitialWords", emphasis=emphasis, ltr=ltr)
                self._text(parent, text, emphasis=emphasis, ltr=ltr)

    def _hyperlink(self, paragraph: etree._Element, target: str | None) -> etree._Element:
        """A `w:hyperlink` to `target`, one relationship per distinct target.

        The target is written as a URI: spaces and non-ASCII characters of an IRI
        percent-encoded, since Word refuses a relationship target it cannot parse."""
        assert target is not None
        with deferred(("ipaddress",)):
            # Only for documents with links, and without `ipaddress`, which `urllib.parse`
            # imports for bracketed hosts `quote` never reads: 5 M instructions of a
            # text → DOCX process's 283 M (callgrind).
            from urllib.parse import quote

        uri = quote(target, safe=_URI_CHARACTERS)
        if paragraph.getroottree().getroot() is self.notes:
            rid = self.note_links.setdefault(uri, f"rId{1 + len(self.note_links)}")
        else:
            rid = self.links.setdefault(uri, f"rId{_FIRST_LINK_ID + len(self.links)}")
        link = etree.SubElement(paragraph, w("hyperlink"))
        link.set(f"{{{R_NS}}}id", rid)
        link.set(w("history"), "1")
        return link

    # -- page furniture: headers and footers ---------------------------------------------------

    def _furniture(self) -> dict[str, bytes]:
        """The six header and footer parts named in `_FURNITURE`, serialized."""
        made = {
            "word/header1.xml": self._masthead(),
            "word/header2.xml": self._running_header(even=False),
            "word/header3.xml": self._running_header(even=True),
            "word/footer1.xml": self._first_footer(),
            "word/footer2.xml": self._running_footer(even=False),
            "word/footer3.xml": self._running_footer(even=True),
        }
        return {name: _serialize(root) for name, root in made.items()}

    def _masthead(self) -> etree._Element:
        """Organisation and symbol; the organ, then distribution and date: only what is known."""
        lang, cover = self.lang, self.resolution.cover
        root = _part_root("hdr")
        table = self._table(root, _MASTHEAD_COLUMNS)
        top = etree.SubElement(table, w("tr"))
        for far, (style, text, width) in enumerate(
            zip(
                ("MastheadOrganization", "MastheadSymbol"),
                (lang.organization, self.resolution.symbol),
                _MASTHEAD_COLUMNS,
                strict=True,
            )
        ):
            cell = _cell(top, width, bottom=_THIN_RULE, align="bottom")
            self._edge_text(cell, style, text, far=bool(far))
        second = etree.SubElement(table, w("tr"))
        cell = _cell(second, _MASTHEAD_COLUMNS[0], bottom=_THICK_RULE, align="bottom")
        self._edge_text(cell, "MastheadAssembly", lang.assembly, far=False)
        cell = _cell(second, _MASTHEAD_COLUMNS[1], bottom=_THICK_RULE, align="bottom")
        lines = [
            lang.distribution.format(lang.distribution_word(cover.distribution))
            if cover.distribution
            else None,
            cover.distribution_date_text,
        ]
        for line in [line for line in lines if line] or [""]:  # a cell needs a paragraph
            self._edge_text(cell, "MastheadDistribution", line, far=True)
        self._paragraph("Header", root)  # a header ends with a paragraph; this one is the gap
        return root

    def _running_header(self, *, even: bool) -> etree._Element:
        """Symbol on the outer edge (left on even pages), the title beside it if printed."""
        root = _part_root("hdr")
        title = plain_text(self.resolution.title).strip() if self.profile.running_title else ""
        cells = [
            ("RunningSymbol", self.resolution.symbol, _RUNNING_SYMBOL_WIDTH),
            ("Header", title, _TEXT_WIDTH - _RUNNING_SYMBOL_WIDTH),
        ]
        if not even:
            cells.reverse()
        table = self._table(root, tuple(width for _, _, width in cells))
        row = etree.SubElement(table, w("tr"))
        for far, (style, text, width) in enumerate(cells):
            cell = _cell(row, width, bottom=_THIN_RULE, align="bottom")
            self._edge_text(cell, style, text, far=bool(far))
        self._spacer(root, "Header")
        return root

    def _first_footer(self) -> etree._Element:
        """The job number as printed, "25-18769 (E)", at the foot of page 1."""
        root = _part_root("ftr")
        self._edge_text(root, "Footer", self.resolution.cover.job_number or "", far=False)
        return root

    def _running_footer(self, *, even: bool) -> etree._Element:
        """Page numbers "n/N" on the outer edge, the job number without its language letter."""
        root = _part_root("ftr")
        job = _JOB_LANGUAGE.sub("", self.resolution.cover.job_number or "")
        widths = (_TEXT_WIDTH // 2, _TEXT_WIDTH - _TEXT_WIDTH // 2)
        row = etree.SubElement(self._table(root, widths), w("tr"))
        slots: list[str | None] = [None, job] if even else [job, None]  # None: the page number
        for far, (slot, width) in enumerate(zip(slots, widths, strict=True)):
            cell = _cell(row, width)
            if slot is not None:
                self._edge_text(cell, "Footer", slot, far=bool(far))
                continue
            paragraph = self._edge_text(cell, "PageNumber", "", far=bool(far), ltr=True)
            self._field(paragraph, "PAGE", "1")
            self._text(paragraph, "/", ltr=True)
            self._field(paragraph, "NUMPAGES", "1")
        self._spacer(root, "Footer")
        return root

    def _table(self, parent: etree._Element, widths: tuple[int, ...]) -> etree._Element:
        """A borderless fixed-width table, mirrored (`w:bidiVisual`) in right-to-left documents."""
        table = etree.SubElement(parent, w("tbl"))
        properties = etree.SubElement(table, w("tblPr"))
        if self.profile.rtl:
            properties.append(element("bidiVisual"))
        properties.append(element("tblW", w=str(sum(widths)), type="dxa"))
        properties.append(element("tblLayout", type="fixed"))
        margins = etree.SubElement(properties, w("tblCellMar"))
        for side in ("left", "right"):
            margins.append(element(side, w="0", type="dxa"))
        properties.append(element("tblLook", val="0000"))
        grid = etree.SubElement(table, w("tblGrid"))
        for width in widths:
            grid.append(element("gridCol", w=str(width)))
        return table

    def _spacer(self, root: etree._Element, style: str) -> None:
        """The paragraph a header or footer must end with, one point high after a table."""
        paragraph = self._paragraph(style, root)
        mark = etree.Element(w("rPr"))
        mark.append(element("sz", val="2"))
        mark.append(element("szCs", val="2"))
        insert_ordered(paragraph[0], mark, PPR_ORDER)

    def _edge_text(
        self,
        parent: etree._Element,
        style: str,
        text: str,
        *,
        far: bool,
        ltr: bool | None = None,
    ) -> etree._Element:
        """A header or footer line flush with the near or the far edge of `parent`.

        In a right-to-left document a line with no right-to-left letter ("A/RES/77/306",
        "7 July 2023", "23-12996 (A)") is a left-to-right paragraph, or the bidi algorithm
        would reorder it ("July 2023 7"); its alignment is then physical, so mirrored here.
        """
        if ltr is None:
            ltr = not _has_rtl(text)
        ltr = ltr and self.profile.rtl
        paragraph = self._paragraph(style, parent, ltr=ltr)
        if ltr:
            _align(paragraph, "left" if far else "right")
        else:  # w:bidi paragraphs read left/right as start/end
            _align(paragraph, "right" if far else "left")
        self._text(paragraph, text, ltr=ltr)
        return paragraph

    def _field(self, paragraph: etree._Element, instruction: str, shown: str) -> None:
        """A simple field (PAGE, NUMPAGES) with the value shown before Word updates it."""
        field = etree.SubElement(paragraph, w("fldSimple"))
        field.set(w("instr"), f" {instruction} ")
        etree.SubElement(self._run(field, ltr=True), w("t")).text = shown

    # -- footnotes ---------------------------------------------------------------------------

    def _footnote_reference(self, paragraph: etree._Element, marker: str) -> None:
        """A real footnote at this place; a second reference to a marker repeats the mark only."""
        if marker in self.referenced:
            self._text(paragraph, marker, style="FootnoteReference")
            return
        self.referenced.add(marker)
        note_id = str(self.next_note_id)
        self.next_note_id += 1
        automatic = marker == str(self.auto_number + 1)
        if automatic:
            self.auto_number += 1
        reference = self._run(paragraph, style="FootnoteReference")
        if automatic:
            reference.append(element("footnoteReference", id=note_id))
        else:
            reference.append(element("footnoteReference", customMarkFollows="1", id=note_id))
            etree.SubElement(reference, w("t")).text = marker

        note = etree.SubElement(self.notes, w("footnote"))
        note.set(w("id"), note_id)
        body = self._paragraph("FootnoteText", parent=note)
        mark = self._run(body, style="FootnoteReference")
        if automatic:
            mark.append(etree.Element(w("footnoteRef")))
        else:
            etree.SubElement(mark, w("t")).text = marker
        footnote = self.footnotes.get(marker)
        if footnote is not None and footnote.content is not None:
            self._tab(body)
            self._pieces(body, footnote.content, [0], (False, False), False)


def _part_root(tag: str) -> etree._Element:
    """The root of a header (`hdr`) or footer (`ftr`) part."""
    return etree.Element(w(tag), nsmap={"w": W_NS, "r": R_NS})


def _cell(
    row: etree._Element, width: int, *, bottom: str | None = None, align: str | None = None
) -> etree._Element:
    """A table cell of `width` twips, with a single bottom rule of `bottom` eighths of a point."""
    cell = etree.SubElement(row, w("tc"))
    properties = etree.SubElement(cell, w("tcPr"))
    properties.append(element("tcW", w=str(width), type="dxa"))
    if bottom is not None:
        borders = etree.SubElement(properties, w("tcBorders"))
        borders.append(element("bottom", val="single", sz=bottom, space="0", color="auto"))
    if align is not None:
        properties.append(element("vAlign", val=align))
    return cell


def _has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (Arabic, Hebrew…)."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _align(paragraph: etree._Element, value: str) -> None:
    """Direct alignment; in a `w:bidi` paragraph left/right read as start/end (so rendered by
    LibreOffice), so the same value mirrors in right-to-left documents."""
    properties = paragraph.find(w("pPr"))
    assert properties is not None  # every paragraph is made by _Conversion._paragraph
    insert_ordered(properties, element("jc", val=value), PPR_ORDER)


def _vote_properties(vote: Vote | None, suffix: str = "") -> list[tuple[str, str | int]]:
    """The vote as custom document properties: the UN does not print it in the resolution.
    `suffix` tells the resolutions of a collection apart ("VoteOutcome A")."""
    if vote is None:
        return []
    properties: list[tuple[str, str | int]] = [("VoteOutcome" + suffix, vote.outcome)]
    for name, count in (
        ("VotesInFavour", vote.in_favour),
        ("VotesAgainst", vote.against),
        ("VotesAbstaining", vote.abstaining),
    ):
        if count is not None:
            properties.append((name + suffix, count))
    return properties


def _vote_lines(vote: Vote | None, language: str) -> list[tuple[str, str]]:
    """(label, names) for each side of `vote` whose States the source names."""
    if vote is None:
        return []
    from resconv.lang.votes import vote_words  # only for votes that name the States

    words = vote_words(language)
    sides = (
        (words.in_favour, vote.in_favour_names),
        (words.against, vote.against_names),
        (words.abstaining, vote.abstaining_names),
    )
    return [(label, words.separator.join(names)) for label, names in sides if names]


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _segments(text: str, hinted: frozenset[str]) -> Iterator[tuple[str, bool]]:
    """`text` cut into maximal pieces that are all hinted characters or none."""
    if not hinted:
        yield text, False
        return
    start = 0
    for match in _hinted_runs(hinted).finditer(text):
        if match.start() > start:
            yield text[start : match.start()], False
        yield match.group(), True
        start = match.end()
    if start < len(text):
        yield text[start:], False


@cache
def _hinted_runs(hinted: frozenset[str]) -> re.Pattern[str]:
    """A run of hinted characters; the regex scans in C what a loop would do per character."""
    return re.compile("[" + "".join(re.escape(char) for char in sorted(hinted)) + "]+")


_BREAKS = re.compile(r"([\t\n])")


def _pieces(text: str) -> Iterator[str]:
    """`text` cut at tabs and line breaks, which WordprocessingML writes as elements."""
    return (piece for piece in _BREAKS.split(text) if piece)


def _number_separator(number: str) -> str:
    """Nothing after a full-width mark ("一、"), else a space ("I. ", "A. ")."""
    last = number[-1]
    if unicodedata.category(last).startswith("P") and unicodedata.east_asian_width(last) in "WF":
        return ""
    return " "


def _timestamp(resolution: Resolution) -> _dt.datetime:
    """The document's own date (adoption), else SOURCE_DATE_EPOCH, else a fixed date."""
    if resolution.adoption is not None and resolution.adoption.date is not None:
        date = resolution.adoption.date
        return _dt.datetime(date.year, date.month, date.day, tzinfo=_dt.UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH must be a number of seconds, not {epoch!r}"
            ) from None
    return _FALLBACK_TIME
