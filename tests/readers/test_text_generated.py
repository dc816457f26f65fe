"""The text reader on layouts generated from the UN's AKN files of ../shared, seven languages.

Every General Assembly resolution in ``reference/akn``, ``corpus/en`` and
``corpus/un-structures`` (parts, tables, German) is read by resconv's
AKN reader (the expected model), laid out as users have it by the accuracy benchmark's
renderers (one line per paragraph, Markdown with ``[^n]`` footnotes, a web copy with the
footnotes at the end) and as resconv's PDF extracted by pypdf, then read back by the text
reader. Structure and every text unit must be exactly those of the UN's file, as the
benchmark defines them (``benchmarks/accuracy_suite/compare.py``).

Cases the reader does not get right yet are listed in `KNOWN_FAILURES` with the kind of
failure: they run, and each must keep failing (strict xfail) until the reader learns that
kind of input; then its entry goes.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import resconv
from benchmarks.accuracy_suite.compare import compare
from benchmarks.accuracy_suite.layouts import TEXT_LAYOUTS, render
from benchmarks.accuracy_suite.sources import SHARED, Unusable, expected_model
from resconv.model import Resolution

LAYOUTS = (*TEXT_LAYOUTS, "resconv-pdf:pypdf")

_MEETING = "PDF: adoption meeting not read"
_COUNTS = "PDF: paragraph boundaries (preambular/operative count)"

_TABLE_HEADING = "the UN's mark-up sets a table's lettered heading as a subparagraph"

KNOWN_FAILURES: dict[tuple[str, str], str] = {
    **{
        (name, layout): _TABLE_HEADING
        for name in ("A_RES_76_246.eng.xml", "A_RES_80_243.eng.xml", "A_RES_80_243.zho.xml")
        for layout in TEXT_LAYOUTS
    },
    **{
        (name, "resconv-pdf:pypdf"): _COUNTS
        for name in (
            "A_RES_75_246.eng.xml",
            "A_RES_75_246.zho.xml",
            "A_RES_76_246.eng.xml",
            "A_RES_80_243.eng.xml",
            "A_RES_80_243.zho.xml",
        )
    },
    ("A_RES_77_306.ara.xml", "resconv-pdf:pypdf"): _MEETING,
    ("A_RES_79_260.zho.xml", "resconv-pdf:pypdf"): _COUNTS,
}


def _sources(shared: Path) -> list[Path]:
    return (
        sorted((shared / "reference" / "akn").glob("*/*.xml"))
        + sorted((shared / "corpus" / "en").glob("*.akn.xml"))
        + sorted((shared / "corpus" / "un-structures").glob("*.xml"))
    )


FILES = [path.name for path in _sources(SHARED)] if (SHARED / "corpus").is_dir() else ["none"]


def _case(name: str, layout: str) -> object:
    reason = KNOWN_FAILURES.get((name, layout))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(name, layout, marks=marks, id=f"{name}-{layout}")


@pytest.fixture(scope="module")
def expected(shared_dir: Path) -> dict[str, Resolution | str]:
    """Each file's expected model, or why the model cannot serve as an expectation."""
    models: dict[str, Resolution | str] = {}
    for path in _sources(shared_dir):
        try:
            models[path.name] = expected_model(path)
        except Unusable as reason:
            models[path.name] = str(reason)
    return models


def _pypdf_text(model: Resolution) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(resconv.write(model, "pdf")))
    return "\n".join(page.extract_text() for page in reader.pages)


def _lay_out(model: Resolution, layout: str) -> str:
    return _pypdf_text(model) if layout == "resconv-pdf:pypdf" else render(model, layout)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "layout"), [_case(name, layout) for name in FILES for layout in LAYOUTS]
)
def test_generated_layout_reads_back_exactly(
    name: str, layout: str, expected: dict[str, Resolution | str]
) -> None:
    model = expected[name]
    if isinstance(model, str):
        # Security Council resolutions: the model's layouts are the General Assembly's.
        pytest.skip(f"not an expectation: {model}")
    text = _lay_out(model, layout)
    read = resconv.read_bytes(text.encode(), format="text", source=f"{name}.{layout}.txt")
    outcome = compare(model, read.value)
    assert outcome.exact, outcome.first_difference


def test_every_known_failure_is_a_case() -> None:
    if FILES == ["none"]:
        pytest.skip("../shared is not present")
    cases = {(name, layout) for name in FILES for layout in LAYOUTS}
    assert set(KNOWN_FAILURES) <= cases
