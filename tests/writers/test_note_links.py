"""Links inside footnotes stay links in DOCX (hyperlinks of the notes part) and in PDF
(link annotations where the note is printed)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from resconv import build as b
from resconv.model import Resolution
from resconv.writers.docx.writer import DocxWriter
from resconv.writers.pdf.writer import PdfWriter
from tests.render.libreoffice import docx_to_pdf, font_dirs, soffice
from tests.writers.test_docx import W, paragraph_text, parts

pytestmark = pytest.mark.usefixtures("font_cache_dir")

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
BODY_TARGET = "https://undocs.org/en/A/RES/78/252"
NOTE_TARGET = "https://undocs.org/en/A/79/1"


def linked_notes(language: str = "en") -> Resolution:
    """A body link, and two notes linking the same report, one of them with emphasis."""
    note_link = b.reference("A/79/1", target=NOTE_TARGET)
    return b.resolution(
        language=language,
        operative=[
            b.operative(
                "Recalls ",
                b.reference("A/RES/78/252", target=BODY_TARGET),
                b.ref("1"),
                " and the report",
                b.ref("2"),
                ".",
                number="1.",
            )
        ],
        footnotes=[
            b.footnote("1", "See ", note_link, "."),
            b.footnote("2", note_link, ", ", b.emphasis("annex", italic=True), "."),
        ],
    )


def _relationships(root: etree._Element) -> dict[str, str]:
    return {r.get("Id", ""): r.get("Target", "") for r in root.iter(RELS + "Relationship")}


def test_a_link_in_a_note_is_a_hyperlink_of_the_notes_part() -> None:
    package = parts(DocxWriter().write(linked_notes()))
    notes = package["word/footnotes.xml"]
    links = notes.findall(f".//{W}hyperlink")
    assert [paragraph_text(link) for link in links] == ["A/79/1", "A/79/1"]
    targets = _relationships(package["word/_rels/footnotes.xml.rels"])
    assert {targets[link.get(R + "id", "")] for link in links} == {NOTE_TARGET}
    assert len(targets) == 1  # one relationship per target
    # The body's link stays in the document's relationships, not in the notes'.
    document_targets = _relationships(package["word/_rels/document.xml.rels"]).values()
    assert BODY_TARGET in document_targets and NOTE_TARGET not in document_targets
    italic = [r for r in notes.iter(W + "r") if r.find(f"{W}rPr/{W}i") is not None]
    assert "".join(paragraph_text(r) for r in italic) == "annex"


def test_notes_without_links_write_no_relationships_part() -> None:
    model = b.resolution(
        operative=[b.operative("Text", b.ref("1"), number="1.")],
        footnotes=[b.footnote("1", "A/79/1.")],
    )
    assert "word/_rels/footnotes.xml.rels" not in parts(DocxWriter().write(model))


def _uris(data: bytes) -> list[str]:
    """The web targets of a PDF's link annotations (not links within the document)."""
    return [
        str(annot.get_object()["/A"]["/URI"])
        for page in pypdf.PdfReader(io.BytesIO(data)).pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/Subtype") == "/Link" and "/A" in annot.get_object()
    ]


@pytest.mark.parametrize("language", ["en", "zh", "ar"])
def test_a_link_in_a_note_is_a_link_annotation_in_the_pdf(language: str) -> None:
    uris = _uris(PdfWriter().write(linked_notes(language)))
    assert sorted(uris) == sorted([BODY_TARGET, NOTE_TARGET, NOTE_TARGET])


def test_an_unreferenced_note_keeps_its_link() -> None:
    model = b.resolution(
        operative=[b.operative("Text.", number="1.")],
        footnotes=[b.footnote("1", "See ", b.reference("A/79/1", target=NOTE_TARGET), ".")],
    )
    assert _uris(PdfWriter().write(model)) == [NOTE_TARGET]


@pytest.mark.render
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(len(font_dirs()) < 3, reason="the pip font packages are not installed")
def test_libreoffice_keeps_the_notes_hyperlinks(tmp_path: Path) -> None:
    docx = tmp_path / "notes.docx"
    docx.write_bytes(DocxWriter().write(linked_notes()))
    uris = _uris(docx_to_pdf(docx, tmp_path).read_bytes())
    assert sorted(uris) == sorted([BODY_TARGET, NOTE_TARGET, NOTE_TARGET])
