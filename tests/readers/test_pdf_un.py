"""The UN's own PDFs (Word 2016 exports) read into the model.

What is asserted was read off the pages themselves (rendered with pdftoppm and read by
eye): the number and title, the adoption date and meeting, the cover, how many
preambular and operative paragraphs and footnotes each prints, and what the page
furniture is (running headers, footers, job numbers, barcodes) so that none of it
leaks into the text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import resconv
from resconv.model import OperativeParagraph, Resolution, plain_text
from resconv.readers.pdf.reader import pdf_markdown

# symbol: (date, meeting, preambular, operative numbers 1..n, footnotes, job number)
PRINTED = {
    "A_RES_73_3-EN.pdf": (dt.date(2018, 10, 10), 18, None, 53, 7, "18-16895 (E)"),
    "A_RES_73_6-EN.pdf": (dt.date(2018, 10, 26), 26, 25, 14, 6, "18-17962 (E)"),
    "A_RES_73_7-EN.pdf": (dt.date(2018, 10, 29), 28, 13, 28, 9, "18-18142 (E)"),
    "A_RES_73_8-EN.pdf": (dt.date(2018, 11, 1), 30, 8, 5, 1, "18-18418 (E)"),
}


@pytest.fixture(params=sorted(PRINTED), scope="module")
def un_pdf(request: pytest.FixtureRequest, shared_dir: Path) -> tuple[str, bytes]:
    name = str(request.param)
    return name, (shared_dir / "corpus" / "pdf" / name).read_bytes()


def _read(data: bytes) -> Resolution:
    return resconv.read(data).value


def test_un_pdf_number_adoption_cover_and_counts(un_pdf: tuple[str, bytes]) -> None:
    name, data = un_pdf
    date, meeting, preambular, operative, notes, job = PRINTED[name]
    model = _read(data)
    number = name.split("_", 2)[2].split("-")[0].replace("_", "/")
    assert model.number == number
    assert model.symbol == f"A/RES/{number}"
    assert model.adoption is not None
    assert (model.adoption.date, model.adoption.meeting) == (date, meeting)
    assert model.cover.job_number == job
    assert model.cover.distribution == "General"
    numbered = [b for b in model.operative if isinstance(b, OperativeParagraph) and b.number]
    assert [b.number for b in numbered] == [f"{n}." for n in range(1, operative + 1)]
    if preambular is not None:
        assert len(model.preamble) == preambular
        assert all(p.initial_words for p in model.preamble)
    assert [n.marker for n in model.footnotes] == [str(n) for n in range(1, notes + 1)]
    assert all(n.text for n in model.footnotes)


def test_un_pdf_furniture_stays_out_of_the_text(un_pdf: tuple[str, bytes]) -> None:
    _, data = un_pdf
    model = _read(data)
    texts = [plain_text(p.content) for p in model.preamble]
    texts += [plain_text(b.content) for b in model.operative if isinstance(b, OperativeParagraph)]
    texts += [n.text or "" for n in model.footnotes]
    job = (model.cover.job_number or "?").split()[0]
    for text in texts:
        assert job not in text
        assert model.symbol not in text.split()
        assert "\ufffe" not in text
        assert "recycle" not in text


def test_the_embargo_resolution_read_as_printed(shared_dir: Path) -> None:
    data = (shared_dir / "corpus" / "pdf" / "A_RES_73_8-EN.pdf").read_bytes()
    model = _read(data)
    assert plain_text(model.title) == (
        "Necessity of ending the economic, commercial and financial embargo imposed by "
        "the United States of America against Cuba"
    )
    assert model.authority == "The General Assembly,"
    assert [p.initial_words for p in model.preamble][:3] == [
        "Determined",
        "Reaffirming",
        "Recalling",
    ]
    first = model.operative[0]
    assert isinstance(first, OperativeParagraph)
    # the italic run is what the page prints; the footnote marker sits after "72/4;"
    assert first.initial_words == "Takes note"
    assert plain_text(first.content).endswith("implementation of resolution 72/4;")
    assert [type(piece).__name__ for piece in first.content][-1] == "FootnoteRef"
    second = model.operative[1]
    assert isinstance(second, OperativeParagraph)
    assert second.initial_words == "Reiterates its call upon"
    # a paragraph split by the page break is one paragraph, without the running header
    recalling = model.preamble[5]
    assert plain_text(recalling.content).startswith("Recalling its resolutions 47/19")
    assert "2002, 58/7 of 4 November 2003" in plain_text(recalling.content)
    assert model.footnotes[0].text == "A/73/85."


def test_un_pdf_markdown_has_one_paragraph_a_line(shared_dir: Path) -> None:
    data = (shared_dir / "corpus" / "pdf" / "A_RES_73_7-EN.pdf").read_bytes()
    lines = pdf_markdown(data).text.splitlines()
    assert "73/7. Report of the International Criminal Court" in lines
    assert "*The General Assembly*," in lines
    assert sum(1 for line in lines if line.startswith("[^")) == 9
    assert not any(line.startswith(("A/RES/73/7", "18-18142 ")) for line in lines[12:])
