"""PDF made from the UN's AKN files, read back to the model it was made from.

Inputs are made at test time from the shared UN files, in all six languages: resconv's
own PDF, and LibreOffice's PDF of resconv's DOCX (a second, independent producer;
`render`, skipped without LibreOffice). A subset keeps CI fast;
`benchmarks/pdf_reading.py` runs every file and reports the rates. Equality is exact
except for what a printed page cannot tell (`tests/readers/readback.py`: a no-break
space prints as a space).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resconv
from resconv.model import Resolution
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


def test_resconv_arabic_pdf_reads_back_title_notes_and_adoption(shared_dir: Path) -> None:
    """Right to left, in logical order. resconv's Arabic PDF sets initial words in no
    style of their own (they come from the lexicon), and some of its ligatures map to
    their letters in another order, so paragraphs are measured by the benchmark."""
    model = _model(shared_dir, f"{DEV}/A-RES-74-10.ara.xml")
    got = resconv.read(resconv.write(model, "pdf")).value
    assert got.language == "ar"
    assert (got.number, got.title, got.authority) == (model.number, model.title, model.authority)
    assert got.adoption == model.adoption
    assert normalised(got.footnotes, True) == normalised(model.footnotes, True)
    assert len(got.preamble) == len(model.preamble)


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
