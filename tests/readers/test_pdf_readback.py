"""PDF made from the UN's AKN files, read back to the model it was made from.

Inputs are made at test time from the shared UN files, in all six languages: resconv's
own PDF, and LibreOffice's PDF of resconv's DOCX (a second, independent producer;
`render`, skipped without LibreOffice). A subset keeps CI fast;
`benchmarks/pdf_reading.py` runs every file and reports the rates. Equality is exact
except for what a printed page cannot tell (`tests/readers/readback.py`: a no-break
space prints as a space).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import resconv
from resconv.model import (
    Annex,
    FootnoteRef,
    Heading,
    OperativeParagraph,
    Resolution,
    Table,
    Text,
    plain_text,
)
from tests.readers.readback import differences, normalised
from tests.render.libreoffice import docx_to_pdfs, soffice

DEV = "corpus/dev/akn"
SAMPLES = {
    "en": f"{DEV}/A-RES-74-10.eng.xml",
    "fr": f"{DEV}/A-RES-74-10.fra.xml",
    "es": f"{DEV}/A-RES-74-10.spa.xml",
    "ru": f"{DEV}/A-RES-74-10.rus.xml",
    "zh": f"{DEV}/A-RES-74-110.zho.xml",
}
"""One resolution per language: footnotes, page breaks inside paragraphs, a cover."""


def _model(shared_dir: Path, relative: str) -> Resolution:
    return resconv.read(shared_dir / relative).value


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_resconv_pdf_reads_back_to_its_model(shared_dir: Path, language: str) -> None:
    model = _model(shared_dir, SAMPLES[language])
    data = resconv.write(model, "pdf")
    got = resconv.read(data).value
    assert got.language == language
    assert differences(model, got, nbsp=True) == []


@pytest.mark.parametrize(
    "name", ["A-RES-74-10", "A-RES-74-110", "A-RES-74-22", "A-RES-75-129", "A-RES-76-168"]
)
def test_resconv_arabic_pdf_reads_back_to_its_model(shared_dir: Path, name: str) -> None:
    """Right to left, in logical order: initial words printed bold, vowel marks drawn
    with their letter, quotation marks PDFium mirrors, "2011-2020" shown as
    "2020-2011", footnote markers after numbers; a bracket pair broken over two lines, a
    note of Latin text only, an empty bracket pair before a marker."""
    model = _model(shared_dir, f"{DEV}/{name}.ara.xml")
    got = resconv.read(resconv.write(model, "pdf")).value
    assert got.language == "ar"
    assert differences(model, got, nbsp=True) == []


def test_a_table_is_read_as_the_models_table(shared_dir: Path) -> None:
    """Rows and columns from positions, header rows from bold, amounts flush right; the
    header repeated on each page is read once. A row without any text (a rule between
    header rows) prints nothing: the AKN reader leaves the UN's empty rows out."""
    model = _model(shared_dir, f"{DEV}/A-RES-76-238.eng.xml")
    [table] = [block for block in model.operative if isinstance(block, Table)]
    got = resconv.read(resconv.write(model, "pdf")).value
    [read] = [block for block in got.operative if isinstance(block, Table)]
    printed = [row for row in table.rows if any(cell.content for cell in row.cells)]
    assert read.rows == tuple(printed)
    assert len(got.operative) == len(model.operative)


def test_markers_and_notes_come_back_in_place(shared_dir: Path) -> None:
    model = _model(shared_dir, SAMPLES["en"])
    got = resconv.read(resconv.write(model, "pdf")).value
    assert [n.marker for n in got.footnotes] == [str(n) for n in range(1, 8)]
    assert normalised(got.footnotes, True) == normalised(model.footnotes, True)
    assert all(n.text for n in got.footnotes)


def test_diagnostics_name_pages_not_lines(shared_dir: Path) -> None:
    model = _model(shared_dir, SAMPLES["en"])
    result = resconv.read(resconv.write(model, "pdf"))
    located = [d for d in result.diagnostics if "page " in d.message]
    assert located
    assert all(d.line is None for d in located)


@pytest.mark.render
@pytest.mark.parametrize("language", ["en", "ru", "zh", "fr"])
def test_libreoffice_pdf_of_resconv_docx_reads_back(
    shared_dir: Path, tmp_path: Path, language: str
) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    model = _model(shared_dir, SAMPLES[language])
    docx = tmp_path / "resolution.docx"
    docx.write_bytes(resconv.write(model, "docx"))
    [pdf] = docx_to_pdfs([docx], tmp_path)
    got = resconv.read(pdf).value
    assert differences(model, got, nbsp=True) == []


ANNEXES_AND_HEADINGS = [
    "A-RES-75-129.eng",  # the annex title first in its body, "I." over a bold heading
    "A-RES-76-113.eng",  # headings over an annex's prose, "(a)" under an unnumbered opening
    "A-RES-74-4.spa",  # a part number as an empty numbered paragraph before its heading
    "A-RES-74-4.zho",  # label and title in one paragraph, "一 我们的承诺" on one line
    "A-RES-75-32.rus",  # lettered paragraphs ("а)", "b)") after the paragraph they belong to
]


@pytest.mark.parametrize("name", ANNEXES_AND_HEADINGS)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_annexes_and_headings_read_back(shared_dir: Path, name: str, fmt: str) -> None:
    """The UN's mark-up of annexes and headings, read as print shows it, comes back from
    resconv's PDF and DOCX as it was made."""
    model = _model(shared_dir, f"{DEV}/{name}.xml")
    got = resconv.read(resconv.write(model, fmt), format=fmt).value
    assert differences(model, got, nbsp=True) == []


@pytest.mark.parametrize("language", ["fra", "spa", "rus"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_short_paragraphs_set_as_running_text_stay_paragraphs(
    shared_dir: Path, language: str, fmt: str
) -> None:
    """Country names the UN's file holds after a table as unnumbered paragraphs, short
    and unpunctuated as headings are: the file sets them with a first-line indent, not
    bold and not centred, so they come back as paragraphs (a heading stays a heading:
    `test_annexes_and_headings_read_back`, A/RES/76/113's "Guideline 1")."""
    model = _model(shared_dir, f"{DEV}/A-RES-76-238.{language}.xml")
    after = [
        block
        for block in model.operative
        if isinstance(block, OperativeParagraph) and block.number is None
    ]
    assert len(after) >= 5
    got = resconv.read(resconv.write(model, fmt), format=fmt).value
    assert not any(isinstance(block, Heading) for block in got.operative)
    assert differences(model, got, nbsp=True) == []


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_chinese_annex_title_stops_before_paragraphs_set_as_running_text(
    shared_dir: Path, fmt: str
) -> None:
    """The lines "准则1" and "范围" after a Chinese annex title are unnumbered paragraphs in the
    UN's mark-up; nothing in plain Chinese tells them from the title's next lines, but
    the file sets them as running text."""
    model = _model(shared_dir, f"{DEV}/A-RES-76-113.zho.xml")
    got = resconv.read(resconv.write(model, fmt), format=fmt).value
    [annex] = got.annexes
    assert plain_text(annex.title) == plain_text(model.annexes[0].title)
    assert annex.body[:3] == model.annexes[0].body[:3]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_table_right_after_a_chinese_annex_title_is_the_annexs_body(
    shared_dir: Path, fmt: str
) -> None:
    """An annex of a title and a table (a staffing table): nothing in Chinese tells a
    title's next line from a heading, but a table is never a title's line, nor a
    preambular paragraph."""
    model = _model(shared_dir, f"{DEV}/A-RES-76-238.zho.xml")
    [table] = [block for block in model.operative if isinstance(block, Table)]
    annex = Annex(label="附件", title=(Text(text="2023年人员配置表"),), body=(table,))
    numbered = tuple(b for b in model.operative if isinstance(b, OperativeParagraph) and b.number)
    model = replace(model, operative=numbered, annexes=(annex,))
    got = resconv.read(resconv.write(model, fmt), format=fmt).value
    [read] = got.annexes
    assert read.title == annex.title
    assert [type(block) for block in read.body] == [Table]
    assert not read.preamble


def test_an_empty_arabic_bracket_pair_before_a_marker_compares_as_printed() -> None:
    """ "باريس()" before a note's marker prints as "باريس)(" (decision page
    arabic-comparison-print.md); elsewhere and in other languages brackets stay."""
    typed = (Text(text="(مبادئ باريس()"), FootnoteRef(marker="12"))
    shown = (Text(text="(مبادئ باريس)("), FootnoteRef(marker="12"))
    assert normalised(typed, True, arabic=True) == normalised(shown, True, arabic=True)
    assert normalised(typed, True) != normalised(shown, True)
    assert normalised((Text(text="انظر () هنا"),), True, arabic=True) == ({"text": "انظر () هنا"},)
