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
