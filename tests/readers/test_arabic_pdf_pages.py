"""Arabic paragraphs set left to right across a page break (LibreOffice printing pandoc's
Word files): where a line starts says nothing, so what ends a paragraph at the break is
the line before it ending short and the next line's number."""

from __future__ import annotations

from resconv.readers.pdf.document import Line, Page, Span
from resconv.readers.pdf.furniture import PageText
from resconv.readers.pdf.markdown import write_markdown

FULL = "ب" * 70  # 70 letters of 6 points: the full measure, 72 to 492 of 564


def _span(text: str, baseline: float, *, bold: bool = False, rtl: bool = False) -> Span:
    width = 6.0 * len(text)
    return Span(
        text=text,
        x0=492.0 - width if rtl else 72.0,
        x1=492.0 if rtl else 72.0 + width,
        baseline=baseline,
        size=12.0,
        font="Amiri",
        italic=False,
        bold=bold,
    )


def _paragraphs(last_of_page_one: str, first_of_page_two: str, *, rtl: bool = False) -> list[str]:
    """The paragraphs of two pages, set flush left with a left-to-right base or, with
    `rtl`, flush right with a right-to-left base (LibreOffice's right-to-left paragraphs)."""
    page_one = [
        _span("76/258. عنوان", 760.0, bold=True, rtl=rtl),
        *(_span(FULL, 740.0 - 14.0 * i, rtl=rtl) for i in range(4)),
        _span(last_of_page_one, 684.0, rtl=rtl),
    ]
    page_two = [_span(first_of_page_two, 760.0, rtl=rtl), _span(FULL, 746.0, rtl=rtl)]
    pages = []
    for number, spans in ((1, page_one), (2, page_two)):
        lines = [Line(spans=[span], page=number) for span in spans]
        for line in lines:
            line.rtl = rtl
        pages.append(
            PageText(page=Page(number=number, width=564.0, height=800.0, lines=lines), body=lines)
        )
    text = write_markdown(pages).text
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


def test_a_numbered_line_after_a_short_heading_at_a_page_foot_starts_anew() -> None:
    paragraphs = _paragraphs("مقدمة: من أولويات اسطنبول", "1 - قبل أربعين عاما")
    assert paragraphs[-2].endswith("مقدمة: من أولويات اسطنبول")
    assert paragraphs[-1].startswith("1 - قبل أربعين عاما")


def test_a_full_line_at_a_page_foot_goes_on_into_the_next_page() -> None:
    paragraphs = _paragraphs(FULL, "1 - في عام 2019")
    assert FULL + " 1 - في عام 2019 " + FULL in paragraphs[-1]


def test_a_numbered_line_after_a_short_right_to_left_heading_at_a_page_foot_starts_anew() -> None:
    """Set from the right without indents, the heading's line starts at the margin as a
    paragraph's next line would; it ends far short of the other edge."""
    paragraphs = _paragraphs("مقدمة: من أولويات اسطنبول", "1 - قبل أربعين عاما", rtl=True)
    assert paragraphs[-2].endswith("مقدمة: من أولويات اسطنبول")
    assert paragraphs[-1].startswith("1 - قبل أربعين عاما")
    paragraphs = _paragraphs(FULL, "1 - في عام 2019", rtl=True)
    assert FULL + " 1 - في عام 2019 " + FULL in paragraphs[-1]
