"""DOCX: resconv's own Word files, made from the UN's AKN files, read back exactly.

Made at test time from the shared UN files in six languages; a Word file keeps every
character (no-break spaces, no-break hyphens), so only what the text reader itself
normalises is set aside (`tests/readers/readback.py`). A subset keeps CI fast;
`benchmarks/pdf_reading.py` runs every file.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import resconv
from resconv.model import Table, plain_text
from resconv.readers.docx.reader import docx_markdown
from tests.readers.readback import differences

DEV = "corpus/dev/akn"
SAMPLES = {
    "en": f"{DEV}/A-RES-74-10.eng.xml",
    "fr": f"{DEV}/A-RES-74-10.fra.xml",
    "es": f"{DEV}/A-RES-74-10.spa.xml",
    "ru": f"{DEV}/A-RES-74-10.rus.xml",
    "zh": f"{DEV}/A-RES-74-110.zho.xml",
    "ar": f"{DEV}/A-RES-76-183.ara.xml",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_resconv_docx_reads_back_to_its_model(shared_dir: Path, language: str) -> None:
    model = resconv.read(shared_dir / SAMPLES[language]).value
    data = resconv.write(model, "docx")
    got = resconv.read(data).value
    assert got.language == language
    assert differences(model, got, nbsp=True) == []


def test_the_recorded_vote_after_the_adoption_comes_back(shared_dir: Path) -> None:
    model = resconv.read(shared_dir / SAMPLES["fr"]).value
    assert model.vote is not None and model.vote.against_names
    got = resconv.read(resconv.write(model, "docx")).value
    assert got.vote == model.vote
    assert len(got.operative) == len(model.operative)


def test_docx_markdown_shows_styles_markers_and_notes(shared_dir: Path) -> None:
    model = resconv.read(shared_dir / SAMPLES["en"]).value
    lines = docx_markdown(resconv.write(model, "docx")).splitlines()
    # masthead (first-page header) and job number (first-page footer) come first
    assert lines[:2] == ["United Nations", "A/RES/74/10"]
    assert "19-20903 (E)" in lines
    assert "*The General Assembly*," in lines
    assert "*Recalling also* its resolution 58/292 of 6 May 2004," in lines
    assert any(line.endswith("Palestinian People,[^1]") for line in lines)
    assert lines.count("[^1]: " + (model.footnotes[0].text or "")) == 1
    # running headers are furniture
    assert sum(1 for line in lines if line == "A/RES/74/10") == 1


def test_word_numbering_is_printed_as_numbers() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in (
        "67/38. Promoting multilateralism",
        "The General Assembly,",
        "Recalling its resolutions,",
    ):
        document.add_paragraph(text)
    for text in ("Decides to act;", "Requests a report."):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("48th plenary meeting")
    document.add_paragraph("3 December 2012")
    stream = io.BytesIO()
    document.save(stream)
    model = resconv.read(stream.getvalue()).value
    numbers = [getattr(block, "number", None) for block in model.operative]
    assert numbers == ["1.", "2."]
    assert model.adoption is not None and model.adoption.meeting == 48


_NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>
<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>
<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/>
<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/>
<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/>
<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def test_lists_of_one_abstract_numbering_count_on_and_a_start_override_restarts() -> None:
    from lxml import etree

    from resconv.readers.docx.styles import Numbering, Styles

    numbering = Numbering(etree.fromstring(_NUMBERING), Styles(None))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def label(num_id: str) -> str:
        paragraph = etree.fromstring(
            f'<w:p xmlns:w="{w}"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr></w:p>'
        )
        return numbering.label(paragraph, None)

    # LibreOffice: the first paragraph with list 3, the others with list 1, one count.
    assert [label(n) for n in ("3", "1", "1", "4", "4", "1")] == [
        "1.",
        "2.",
        "3.",
        "(a)",
        "(b)",
        "4.",
    ]
    # A second lettered list that overrides the start begins again at (a).
    assert [label(n) for n in ("5", "5")] == ["(a)", "(b)"]


def test_a_word_table_is_read_as_the_models_table(shared_dir: Path) -> None:
    model = resconv.read(shared_dir / DEV / "A-RES-76-238.eng.xml").value
    tables = [block for block in model.operative if isinstance(block, Table)]
    assert len(tables) == 1 and len(tables[0].rows) > 150
    got = resconv.read(resconv.write(model, "docx")).value
    assert [block for block in got.operative if isinstance(block, Table)] == tables
    assert len(got.operative) == len(model.operative)


def test_merged_cells_span_rows_and_columns() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("67/38. Promoting multilateralism", "The General Assembly,"):
        document.add_paragraph(text)
    document.add_paragraph("Decides that the shares shall be as follows:", style="List Number")
    table = document.add_table(rows=3, cols=3)
    values_by_row = (("State", "Share", ""), ("A", "1", "2"), ("B", "3", ""))
    for row, values in zip(table.rows, values_by_row, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(0, 1).merge(table.cell(0, 2))  # a heading over two columns
    table.cell(1, 0).merge(table.cell(2, 0))  # a name over two rows
    document.add_paragraph("Requests a report.", style="List Number")
    document.add_paragraph("48th plenary meeting")
    document.add_paragraph("3 December 2012")
    stream = io.BytesIO()
    document.save(stream)
    model = resconv.read(stream.getvalue()).value
    kinds = [type(block).__name__ for block in model.operative]
    assert kinds == ["OperativeParagraph", "Table", "OperativeParagraph"]
    read = model.operative[1]
    assert isinstance(read, Table)
    spans = [
        [(plain_text(c.content[0]) if c.content else "", c.row_span, c.col_span) for c in r.cells]
        for r in read.rows
    ]
    assert spans == [
        [("State", 1, 1), ("Share", 1, 2)],
        [("A", 2, 1), ("1", 1, 1), ("2", 1, 1)],
        [("3", 1, 1), ("", 1, 1)],
    ]


def _word_table(right_to_left: bool) -> Table:
    from lxml import etree

    from resconv.readers.docx.tables import W, read_table

    w = W.strip("{}")
    visual = "<w:bidiVisual/>" if right_to_left else ""
    xml = (
        f'<w:tbl xmlns:w="{w}"><w:tblPr>{visual}</w:tblPr><w:tr>'
        '<w:tc><w:p><w:pPr><w:bidi/><w:jc w:val="right"/></w:pPr>'
        "<w:r><w:t>أفغانستان</w:t></w:r></w:p></w:tc>"
        '<w:tc><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>0,006</w:t></w:r></w:p></w:tc>'
        "</w:tr></w:tbl>"
    )

    def pieces(paragraph: etree._Element) -> list[tuple[str, str | None]]:
        return [("".join(str(text) for text in paragraph.itertext()), None)]

    return read_table(etree.fromstring(xml.encode()), pieces)


def test_a_left_to_right_cell_at_the_right_of_a_right_to_left_table_is_at_its_start() -> None:
    """resconv's Arabic DOCX sets a number cell left to right and at the right, where a
    right-to-left table starts; a left-to-right table's right is its end."""
    (rtl_row,) = _word_table(right_to_left=True).rows
    assert [cell.align for cell in rtl_row.cells] == ["right", None]
    (ltr_row,) = _word_table(right_to_left=False).rows
    assert [cell.align for cell in ltr_row.cells] == ["right", "right"]
