"""The DOCX writer (``--to docx``): a Word document laid out like the UN's own.

The WordprocessingML is written directly with lxml rather than through python-docx, which
has no API for East Asian fonts, language tags, right-to-left paragraphs or footnotes, and
whose zip output carries the current time (`docs/dev/decisions/docx-writer.md`). Every
paragraph and character format is a named style from `resconv/templates/docx/word/styles.xml`,
so an editor can restyle the document; what differs per language is data in `docx_lang`.
"""

from __future__ import annotations

import datetime as _dt
import os
import unicodedata
from collections.abc import Iterator
from typing import ClassVar

from lxml import etree

from resconv.errors import UsageError
from resconv.lang import LANGUAGES
from resconv.model import (
    Annex,
    Block,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Text,
    plain_text,
)
from resconv.writers.docx_lang import DocxLanguage, docx_language
from resconv.writers.docx_parts import (
    PPR_ORDER,
    W_NS,
    core_xml,
    font_table_xml,
    footnotes_root,
    insert_ordered,
    settings_xml,
    static_part,
    styles_xml,
    w,
    zip_package,
)

__all__ = ["DocxWriter"]

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_INDENT_STEP = 567
"""One indentation level in twips (1 cm), as in the template's subparagraph styles."""
_SUBPARAGRAPH_STYLES = ("Subparagraph", "Subparagraph2", "Subparagraph3")
_HEADING_STYLES = ("Heading1", "Heading2", "Heading3")
_FALLBACK_TIME = _dt.datetime(1980, 1, 1, tzinfo=_dt.UTC)
"""Creation time when neither the adoption date nor SOURCE_DATE_EPOCH gives one."""


class DocxWriter:
    """Office Open XML (Word) for a resolution: A4, named styles, real footnotes."""

    name: ClassVar[str] = "docx"
    suffix: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )

    def write(self, resolution: Resolution, /) -> bytes:
        return _Document(resolution).package()


class _Document:
    """One conversion: the body and footnotes being built for one resolution."""

    def __init__(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.profile: DocxLanguage = docx_language(resolution.language)
        self.root = etree.Element(w("document"), nsmap={"w": W_NS})
        self.body = etree.SubElement(self.root, w("body"))
        self.notes = footnotes_root()
        self.next_note_id = 1
        self.auto_number = 0
        self.referenced: set[str] = set()

    # -- the package --------------------------------------------------------------------

    def package(self) -> bytes:
        self._resolution()
        resolution, profile = self.resolution, self.profile
        when = _timestamp(resolution)
        bcp47 = LANGUAGES[resolution.language].bcp47
        title = plain_text(resolution.title).strip()
        parts = {
            "[Content_Types].xml": static_part("[Content_Types].xml"),
            "_rels/.rels": static_part("_rels/.rels"),
            "docProps/core.xml": core_xml(
                title=f"{resolution.number}. {title}" if title else resolution.number,
                subject=resolution.symbol,
                language=bcp47,
                when=when,
            ),
            "docProps/app.xml": static_part("docProps/app.xml"),
            "word/document.xml": _serialize(self.root),
            "word/_rels/document.xml.rels": static_part("word/_rels/document.xml.rels"),
            "word/styles.xml": styles_xml(profile),
            "word/settings.xml": settings_xml(profile),
            "word/fontTable.xml": font_table_xml(profile),
            "word/footnotes.xml": _serialize(self.notes),
        }
        return zip_package(parts.items(), when)

    # -- the resolution, in model order ---------------------------------------------------

    def _resolution(self) -> None:
        resolution = self.resolution
        self._cover()
        title = self._paragraph("ResolutionTitle")
        self._text(title, f"{resolution.number}.")
        self._tab(title)
        self._inlines(title, resolution.title)
        self._authority(resolution.authority)
        for preambular in resolution.preamble:
            self._preambular_paragraph(preambular)
        for block in resolution.operative:
            self._block(block)
        self._adoption()
        for annex in resolution.annexes:
            self._annex(annex)
        self._section()

    def _cover(self) -> None:
        cover = self.resolution.cover
        self._text(self._paragraph("CoverSymbol"), self.resolution.symbol)
        lines = [cover.session_text]
        if cover.agenda_item:
            lines.append(self.profile.agenda_item.format(cover.agenda_item))
        lines.append(cover.agenda_title)
        for line in lines:
            if line:
                self._text(self._paragraph("CoverLine"), line)
        if cover.adopted_line:
            self._text(self._paragraph("AdoptedLine"), cover.adopted_line)
        if cover.committee_line:
            self._text(self._paragraph("CommitteeLine"), cover.committee_line)

    def _authority(self, authority: str) -> None:
        if not authority:
            return
        words = authority.rstrip()
        while words and unicodedata.category(words[-1]).startswith("P"):
            words = words[:-1].rstrip()
        paragraph = self._paragraph("Authority")
        self._inlines(paragraph, (Text(text=authority),), initial_words=words)

    def _preambular_paragraph(self, preambular: PreambularParagraph) -> None:
        paragraph = self._paragraph("PreambularParagraph")
        self._inlines(paragraph, preambular.content, initial_words=preambular.initial_words)
        self._subparagraphs(preambular.subparagraphs, 1)
        self._wrap_up(preambular.wrap_up, 0)

    def _block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self._heading(block)
        else:
            self._operative_paragraph(block)

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

    def _heading(self, heading: Heading) -> None:
        style = _HEADING_STYLES[min(max(heading.level, 1), len(_HEADING_STYLES)) - 1]
        paragraph = self._paragraph(style)
        if heading.number:
            self._text(paragraph, heading.number + _number_separator(heading.number))
        self._inlines(paragraph, heading.text)

    def _adoption(self) -> None:
        adoption = self.resolution.adoption
        if adoption is None:
            return
        texts = {"date": adoption.date_text, "meeting": adoption.meeting_text}
        lines = [texts[key] for key in self.profile.adoption_order if texts[key]]
        if not lines:
            return
        paragraph = self._paragraph("Adoption")
        for index, line in enumerate(lines):
            if index:
                self._run(paragraph).append(etree.Element(w("br")))
            self._text(paragraph, line)

    def _annex(self, annex: Annex) -> None:
        self._text(self._paragraph("AnnexLabel"), annex.label)
        if annex.title:
            self._inlines(self._paragraph("AnnexTitle"), annex.title)
        for preambular in annex.preamble:
            self._preambular_paragraph(preambular)
        for block in annex.body:
            self._block(block)

    def _section(self) -> None:
        section = etree.SubElement(self.body, w("sectPr"))
        etree.SubElement(section, w("footnotePr")).append(_element("numFmt", val="decimal"))
        section.append(_element("pgSz", w="11906", h="16838"))  # A4
        section.append(
            _element(
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
        section.append(_element("cols", space="720"))
        if self.profile.rtl:
            section.append(_element("bidi"))

    # -- paragraphs and runs ----------------------------------------------------------------

    def _paragraph(self, style: str, parent: etree._Element | None = None) -> etree._Element:
        paragraph = etree.SubElement(self.body if parent is None else parent, w("p"))
        properties = etree.SubElement(paragraph, w("pPr"))
        properties.append(_element("pStyle", val=style))
        if self.profile.rtl:
            insert_ordered(properties, _element("bidi"), PPR_ORDER)
        return paragraph

    @staticmethod
    def _indent(paragraph: etree._Element, *, left: int, hanging: int = 0) -> None:
        properties = paragraph.find(w("pPr"))
        assert properties is not None  # every paragraph is made by _paragraph
        indent = _element("ind", left=str(left), hanging=str(hanging))
        insert_ordered(properties, indent, PPR_ORDER)
        if hanging:
            tabs = etree.Element(w("tabs"))
            tabs.append(_element("tab", val="left", pos=str(left)))
            insert_ordered(properties, tabs, PPR_ORDER)

    def _run(
        self, paragraph: etree._Element, *, style: str | None = None, hint: bool = False
    ) -> etree._Element:
        run = etree.SubElement(paragraph, w("r"))
        if style is None and not hint and not self.profile.rtl:
            return run
        properties = etree.SubElement(run, w("rPr"))
        if style is not None:
            properties.append(_element("rStyle", val=style))
        if hint:
            properties.append(_element("rFonts", hint="eastAsia"))
        if self.profile.rtl:
            properties.append(_element("rtl"))
        return run

    def _tab(self, paragraph: etree._Element) -> None:
        self._run(paragraph).append(etree.Element(w("tab")))

    def _text(self, paragraph: etree._Element, text: str, *, style: str | None = None) -> None:
        """Runs for `text`; Chinese ambiguous punctuation gets runs of its own with a hint."""
        if not text:
            return
        for segment, hint in _segments(text, self.profile.east_asian_punctuation):
            run = self._run(paragraph, style=style, hint=hint)
            for piece in _pieces(segment):
                if piece == "\t":
                    etree.SubElement(run, w("tab"))
                elif piece == "\n":
                    etree.SubElement(run, w("br"))
                else:
                    element = etree.SubElement(run, w("t"))
                    element.text = piece
                    if piece != piece.strip() or "  " in piece:
                        element.set(_XML_SPACE, "preserve")

    def _inlines(
        self, paragraph: etree._Element, inlines: Inlines, *, initial_words: str = ""
    ) -> None:
        """The text and footnote references of `inlines`, with the initial words styled."""
        remaining = len(initial_words) if plain_text(inlines).startswith(initial_words) else 0
        for piece in inlines:
            if isinstance(piece, FootnoteRef):
                self._footnote_reference(paragraph, piece.marker)
                continue
            text = piece.text
            if remaining:
                head, text = text[:remaining], text[remaining:]
                remaining -= len(head)
                if head:
                    self._text(paragraph, head, style="InitialWords")
            if text:
                self._text(paragraph, text)

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
            reference.append(_element("footnoteReference", id=note_id))
        else:
            reference.append(_element("footnoteReference", customMarkFollows="1", id=note_id))
            etree.SubElement(reference, w("t")).text = marker

        note = etree.SubElement(self.notes, w("footnote"))
        note.set(w("id"), note_id)
        body = self._paragraph("FootnoteText", parent=note)
        mark = self._run(body, style="FootnoteReference")
        if automatic:
            mark.append(etree.Element(w("footnoteRef")))
        else:
            etree.SubElement(mark, w("t")).text = marker
        footnote = self.resolution.footnote(marker)
        if footnote is not None and footnote.text is not None:
            self._tab(body)
            self._text(body, footnote.text)


def _element(tag: str, **attributes: str) -> etree._Element:
    element = etree.Element(w(tag))
    for key, value in attributes.items():
        element.set(w(key), value)
    return element


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _segments(text: str, hinted: frozenset[str]) -> Iterator[tuple[str, bool]]:
    """`text` cut into maximal pieces that are all hinted characters or none."""
    if not hinted:
        yield text, False
        return
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or (text[index] in hinted) != (text[start] in hinted):
            yield text[start:index], text[start] in hinted
            start = index


def _pieces(text: str) -> Iterator[str]:
    """`text` cut at tabs and line breaks, which WordprocessingML writes as elements."""
    start = 0
    for index, char in enumerate(text):
        if char in "\t\n":
            if index > start:
                yield text[start:index]
            yield char
            start = index + 1
    if start < len(text):
        yield text[start:]


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
