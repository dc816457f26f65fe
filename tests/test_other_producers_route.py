"""The other-producers benchmark's second route for files LibreOffice never finishes."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import other_producers


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """LibreOffice stand-in: it never finishes a left-to-right DOCX (None), makes the rest;
    pandoc stand-in: writes its options into the file. Returns the DOCX names converted."""
    tried: list[str] = []

    def converted(docx: Path, suffix: str) -> Path | None:
        tried.append(docx.name)
        if "dir=rtl" not in docx.read_text():
            return None
        target = docx.with_suffix(suffix)
        target.write_text("made")
        return target

    def pandoc(text: str, target: Path, *options: str) -> None:
        target.write_text(" ".join(options))

    monkeypatch.setattr(other_producers, "_converted", converted)
    monkeypatch.setattr(other_producers, "_pandoc", pandoc)
    return tried


def test_a_right_to_left_file_not_finished_is_made_right_to_left(
    tmp_path: Path, conversions: list[str]
) -> None:
    docx, pdf, word = other_producers._made(tmp_path, Path("A_RES_1.xml"), "نص", "rtl")
    assert docx.read_text() == ""  # the pandoc DOCX itself stays left to right
    assert pdf is not None and pdf.name.endswith(".rtl.pdf")
    assert word is not None and word.name.endswith(".rtl.lo.docx")
    assert conversions[0] == docx.name and conversions[1].endswith(".rtl.docx")


def test_a_left_to_right_file_not_finished_stays_not_made(
    tmp_path: Path, conversions: list[str]
) -> None:
    _, pdf, word = other_producers._made(tmp_path, Path("A_RES_1.xml"), "text", "ltr")
    assert (pdf, word) == (None, None)
    assert not list(tmp_path.glob("*.rtl.docx"))
