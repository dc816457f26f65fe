"""The text reader on real pdftotext extractions (``../shared/corpus/dev``), against the UN's AKN.

Each of the 30 English texts is byte for byte what pdftotext made of the UN's PDF; the
expected model is the UN's Akoma Ntoso of the same resolution, read by resconv's AKN
reader, compared as the accuracy benchmark compares (``benchmarks/accuracy/compare.py``).

The structure must be exact. The text may differ only by what the extraction itself lost:
pdftotext splits some words with a stray space ("sessi on" where the whole word does not
occur elsewhere to rejoin it) and drops some hyphens ("two State" for "two-State"), so a
differing text unit must equal the UN's once spaces and hyphens are set aside.

Cases whose structure is not read right yet are strict xfails, each with its kind.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.accuracy_suite.compare import compare, summarise
from benchmarks.accuracy_suite.sources import SHARED, Unusable, expected_model
from resconv.readers.text.reader import TextReader

DEV = SHARED / "corpus" / "dev"
NAMES = (
    sorted(path.name.split(".en.")[0] for path in (DEV / "pdftotext").glob("*.en.txt"))
    if DEV.is_dir()
    else ["none"]
)

KNOWN_FAILURES = {
    "A-RES-75-129": "the UN's mark-up gives each annex heading its number's stop ('. Background')",
    "A-RES-76-113": "the annex title runs on into its first heading ('Guideline 1')",
    "A-RES-76-238": "a table: the text reader reads its rows as headings",
}
_LOSSES = re.compile(r"[\s\-‑]+")


def _case(name: str) -> object:
    reason = KNOWN_FAILURES.get(name)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(name, marks=marks, id=name)


@pytest.mark.shared
@pytest.mark.parametrize("name", [_case(name) for name in NAMES])
def test_real_extraction_reads_back(name: str, shared_dir: Path) -> None:
    dev = shared_dir / "corpus" / "dev"
    try:
        expected = expected_model(dev / "akn" / f"{name}.eng.xml")
    except Unusable as reason:
        pytest.skip(f"the model cannot hold the UN's file yet: {reason}")
    text = (dev / "pdftotext" / f"{name}.en.txt").read_bytes()
    read = TextReader().read(text, source=name).value
    outcome = compare(expected, read)
    assert outcome.structure_exact, outcome.first_difference
    for (key, theirs), (_, ours) in zip(
        summarise(expected).units, summarise(read).units, strict=True
    ):
        if ours != theirs:
            # Only the extraction's own losses: stray spaces, dropped hyphens.
            assert _LOSSES.sub("", ours) == _LOSSES.sub("", theirs), (key, theirs, ours)


def test_every_known_failure_is_a_case() -> None:
    if NAMES == ["none"]:
        pytest.skip("../shared is not present")
    assert set(KNOWN_FAILURES) <= set(NAMES)
