"""Lines whose words an extractor printed out of order are reported, never read silently."""

from __future__ import annotations

from pathlib import Path

import resconv
from resconv.readers.text.order import out_of_order_lines

# Two paragraphs' last lines as an extractor that reads a passage's boxes out of order
# would print them: the closing comma first.
_PRINTED = ("Agency during 2025, \n", "1957, \n")
_SCRAMBLED = (", Agency during 2025 \n", ", 1957 \n")


def _report(shared_dir: Path) -> str:
    return (shared_dir / "corpus" / "en" / "A-RES-80-7.en.pdf.txt").read_text(encoding="utf-8")


def _warnings(text: str) -> list[resconv.Diagnostic]:
    result = resconv.read_bytes(text.encode("utf-8"), format="text")
    return [d for d in result.diagnostics if d.code == "words-out-of-order"]


def test_a_real_extraction_raises_no_alarm(shared_dir: Path) -> None:
    text = _report(shared_dir)
    assert out_of_order_lines(text) == []
    assert _warnings(text) == []


def test_scrambled_lines_are_named_once(shared_dir: Path) -> None:
    text = _report(shared_dir)
    for printed, scrambled in zip(_PRINTED, _SCRAMBLED, strict=True):
        assert text.count(printed) == 1
        text = text.replace(printed, scrambled)
    lines = text.splitlines(keepends=True)
    first, second = (lines.index(scrambled) + 1 for scrambled in _SCRAMBLED)
    warnings = _warnings(text)
    assert len(warnings) == 1
    assert warnings[0].severity == "warning"
    assert warnings[0].line == first
    assert warnings[0].message.startswith("2 lines")
    assert f"lines {first}, {second})" in warnings[0].message


def test_a_sentence_end_inside_a_line_is_no_alarm_before_a_capital() -> None:
    assert (
        out_of_order_lines("on the Court. The Assembly\nDistr. générale\nvol. and chap. i\n") == []
    )
    assert out_of_order_lines("of its rights. and the\n; the line\n") == [1, 2]
