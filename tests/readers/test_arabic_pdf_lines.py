"""Arabic lines of a PDF back in logical order, whatever the paragraph's base direction.

The visual lines are made by the Unicode bidi algorithm itself (python-bidi), as a
producer that sets Arabic paragraphs left to right (flush left, the number on the
left of the title) displays them; the reader must undo that display.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bidi.algorithm import get_display

import resconv
from resconv.readers.pdf.document import Line, Page, Span
from resconv.readers.pdf.lines import order_lines, set_direction
from tests.readers.drawn import drawn_line as _line
from tests.readers.readback import normalised
from tests.render.libreoffice import docx_to_pdfs, soffice

LEFT_TO_RIGHT_LINES = [
    # a paragraph's number before its text, the clause's comma after it
    "1 - تشير إلى اعتماد الإعلان العالمي المرفق بالقرار 70/57؛",
    # a title's number and its full stop
    "76/48. الإعلان العالمي لتحقيق عالم خال من الأسلحة النووية",
    # a title's number, its collection's letter, then the stop: none beside the number
    "79/245 باء. – التقارير المالية والبيانات المالية المراجعة",
    # the closing comma of the authority line
    "إن الجمعية العامة،",
    # an Arabic number inside the run, and a run ending the line with a number
    "وإذ تشير إلى قرارها 73/57 المؤرخ 5 كانون الأول/ديسمبر 2018",
    # a date opening its line
    "6 كانون الأول/ديسمبر 2021",
    # a meeting's number ending its line
    "الجلسة العامة 45",
]


@pytest.mark.parametrize("logical", LEFT_TO_RIGHT_LINES)
def test_left_to_right_paragraph_lines_read_in_logical_order(logical: str) -> None:
    visual = get_display(logical, base_dir="L")
    assert visual != logical  # the display does reorder the line
    line = _line(visual)
    [ordered] = order_lines([line])
    assert ordered.text == logical


def test_subparagraph_letter_set_apart_at_the_left_reads_first() -> None:
    """A letter tabbed from its text: the text after the tab shows as one run."""
    text = "بذل مزيد من الجهود بقصد الحد من ترساناتها؛"
    visual = ")أ( " + get_display(text, base_dir="R")
    [ordered] = order_lines([_line(visual)])
    assert ordered.text == "(أ) " + text


@pytest.mark.parametrize("logical", LEFT_TO_RIGHT_LINES[2:4])
def test_right_to_left_paragraph_lines_still_read_in_logical_order(logical: str) -> None:
    visual = get_display(logical, base_dir="R")
    line = _line(visual)
    line.rtl = True
    [ordered] = order_lines([line])
    assert ordered.text == logical


def _page(lines: list[tuple[float, float]]) -> Page:
    """A page of Arabic lines with the given left and right edges."""
    page = Page(number=1, width=600.0, height=800.0)
    for index, (left, right) in enumerate(lines):
        span = Span(
            text="نص عربي",
            x0=left,
            x1=right,
            baseline=700.0 - 20 * index,
            size=12.0,
            font="Amiri",
            italic=False,
            bold=False,
        )
        page.lines.append(Line(spans=[span], page=1))
    return page


def test_base_direction_from_the_alignment_of_short_lines() -> None:
    flush_left = _page([(72, 528), (72, 528), (72, 200), (72, 528), (72, 300)])
    flush_right = _page([(72, 528), (72, 528), (400, 528), (72, 528), (300, 528)])
    centred = _page([(72, 528), (250, 350), (72, 528)])
    assert set_direction([flush_left])
    assert not any(line.rtl for line in flush_left.lines)
    assert set_direction([flush_right])
    assert all(line.rtl for line in flush_right.lines)
    set_direction([centred])  # no evidence: right to left, as Arabic is set
    assert all(line.rtl for line in centred.lines)


_MARKED_WORD = re.compile(r"[\w\u064b-\u0652]*[\u064b-\u0652][\w\u064b-\u0652]*")


def _strings(value: object) -> list[str]:
    """Every piece of text in a normalised part of a model."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = tuple(value.values())
    if isinstance(value, tuple):
        return [string for item in value for string in _strings(item)]
    return []


@pytest.mark.render
def test_libreoffice_arabic_keeps_vowel_marks_in_their_words(
    shared_dir: Path, tmp_path: Path
) -> None:
    """LibreOffice's PDF reports a word break before some vowel marks and, in stacked
    ligatures, letters out of order; the words come back whole."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = shared_dir / "reference" / "akn" / "ga" / "A_RES_77_306.ara.xml"
    if not source.exists():
        pytest.skip("shared UN file not available")
    model = resconv.read(source).value
    docx = tmp_path / "resolution.docx"
    docx.write_bytes(resconv.write(model, "docx"))
    [pdf] = docx_to_pdfs([docx], tmp_path)
    got = resconv.read(pdf).value
    text = " ".join(_strings(normalised((got.preamble, got.operative), nbsp=True)))
    wanted = {
        word
        for string in _strings(normalised((model.preamble, model.operative), nbsp=True))
        for word in _MARKED_WORD.findall(string)
    }
    found = set(text.split())
    assert wanted
    missing = {word for word in wanted if word not in found}
    assert len(missing) <= len(wanted) // 10, sorted(missing)
    assert not re.search(r"\s[\u064b-\u0652]", text)  # no mark set apart from its letter
