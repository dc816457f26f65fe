"""An annex title of a right-to-left file kept to its one paragraph."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import resconv
from resconv.model import Adoption, Annex, Heading, OperativeParagraph, Resolution, Text, plain_text
from resconv.readers.title_paragraphs import apply_title_paragraphs

_TITLE = "برنامج عمل الدوحة لصالح أقل البلدان نموا"
_HEADING = "مقدمة: من أولويات اسطنبول إلى التزامات الدوحة"


def _resolution(language: str, title: str, heading: str) -> Resolution:
    annex = Annex(
        label="المرفق",
        title=(Text(text=title),),
        body=(
            Heading(number=None, text=(Text(text=heading),)),
            OperativeParagraph(
                number="1 -", initial_words="", content=(Text(text="قبل أربعين عاما."),)
            ),
        ),
    )
    return Resolution(
        symbol="A/RES/76/258",
        number="76/258",
        language=language,
        title=(Text(text="برنامج عمل الدوحة"),),
        authority="إن الجمعية العامة،",
        operative=(
            OperativeParagraph(
                number="1 -", initial_words="تعتمد", content=(Text(text="تعتمد برنامج العمل؛"),)
            ),
        ),
        adoption=Adoption(
            date=dt.date(2022, 4, 1),
            date_text="1 نيسان/أبريل 2022",
            meeting=66,
            meeting_text="الجلسة العامة 66",
        ),
        annexes=(annex,),
    )


def test_a_heading_after_an_arabic_annex_title_stays_a_heading() -> None:
    """Word and PDF files set title and heading as paragraphs of their own; no capital
    tells the text reader the heading is no title line."""
    model = _resolution("ar", _TITLE, _HEADING)
    for fmt in ("docx", "pdf"):
        (annex,) = resconv.read(resconv.write(model, fmt), format=fmt).value.annexes
        assert plain_text(annex.title) == _TITLE, fmt
        first = annex.body[0]
        assert isinstance(first, Heading) and plain_text(first.text) == _HEADING, fmt


def test_only_right_to_left_titles_are_parted() -> None:
    """A title the text reader ran on over two paragraphs is cut in Arabic only: in
    English a line in lower case continues a title ("of the Summit")."""
    joined = (Text(text="Title"), Text(text=" "), Text(text="of the Summit"))
    for language, title in (
        ("en", joined),
        ("ar", (Text(text=_TITLE), Text(text=" "), Text(text=_HEADING))),
    ):
        model = _resolution(language, "x", "y")
        annex = replace(model.annexes[0], title=title)
        parted = apply_title_paragraphs(replace(model, annexes=(annex,)))
        (read,) = parted.annexes
        if language == "en":
            assert read.title == joined and read.body == annex.body
        else:
            assert read.title == (Text(text=_TITLE),)
            assert read.body[0] == Heading(number=None, text=(Text(text=_HEADING),))
            assert read.body[1:] == annex.body
