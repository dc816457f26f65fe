"""`resconv.build`: one-line models equal to the ones spelled out in full."""

from __future__ import annotations

import datetime as dt

from resconv import build as b
from resconv import model as m
from resconv import native


def test_strings_become_text_and_references_stay_where_they_are() -> None:
    assert b.text("x") == m.Text(text="x")
    assert b.inlines("Recalling", b.ref("1"), ",") == (
        m.Text(text="Recalling"),
        m.FootnoteRef(marker="1"),
        m.Text(text=","),
    )


def test_paragraphs_take_lists_and_give_the_model_tuples() -> None:
    built = b.operative(
        "Requests:",
        number="1.",
        initial_words="Requests",
        subparagraphs=[
            b.subparagraph("(a)", "to report;", subparagraphs=[b.subparagraph("(i)", "x")])
        ],
        wrap_up="and decides.",
    )
    assert built == m.OperativeParagraph(
        number="1.",
        initial_words="Requests",
        content=(m.Text(text="Requests:"),),
        subparagraphs=(
            m.Subparagraph(
                number="(a)",
                content=(m.Text(text="to report;"),),
                subparagraphs=(m.Subparagraph(number="(i)", content=(m.Text(text="x"),)),),
            ),
        ),
        wrap_up=(m.Text(text="and decides."),),
    )
    assert b.preambular("Noting,", wrap_up=["end", b.ref("2")]) == m.PreambularParagraph(
        initial_words="",
        content=(m.Text(text="Noting,"),),
        wrap_up=(m.Text(text="end"), m.FootnoteRef(marker="2")),
    )
    assert b.heading("Part A", number="A.", level=2) == m.Heading(
        number="A.", text=(m.Text(text="Part A"),), level=2
    )


def test_a_resolution_needs_no_argument_and_takes_its_number_from_the_symbol() -> None:
    default = b.resolution()
    assert (default.symbol, default.number, default.language) == ("A/RES/67/38", "67/38", "en")
    assert default.title == (m.Text(text="Title"),)
    assert default.cover == m.CoverPage()
    assert b.resolution(symbol="A/RES/ES-11/1").number == "ES-11/1"


def test_a_full_resolution_equals_its_spelled_out_form_and_survives_json() -> None:
    built = b.resolution(
        symbol="A/RES/80/7",
        title=["Report", b.ref("*")],
        preamble=[b.preambular("Having received the report,", initial_words="Having received")],
        operative=[b.operative("Takes note.", number="1.", initial_words="Takes note")],
        footnotes=[b.footnote("*", "Reissued."), b.footnote("1")],
        adoption=b.adoption("14 November 2025", "36th plenary meeting", meeting=36),
        annexes=[b.annex(title="Programme", body=[b.operative("Annex text")])],
    )
    spelled = m.Resolution(
        symbol="A/RES/80/7",
        number="80/7",
        language="en",
        title=(m.Text(text="Report"), m.FootnoteRef(marker="*")),
        authority="The General Assembly,",
        preamble=(
            m.PreambularParagraph(
                initial_words="Having received",
                content=(m.Text(text="Having received the report,"),),
            ),
        ),
        operative=(
            m.OperativeParagraph(
                number="1.", initial_words="Takes note", content=(m.Text(text="Takes note."),)
            ),
        ),
        footnotes=(
            m.Footnote(marker="*", content=(m.Text(text="Reissued."),)),
            m.Footnote(marker="1", content=None),
        ),
        adoption=m.Adoption(
            date=None, date_text="14 November 2025", meeting=36, meeting_text="36th plenary meeting"
        ),
        annexes=(
            m.Annex(
                label="Annex",
                title=(m.Text(text="Programme"),),
                body=(
                    m.OperativeParagraph(
                        number=None, initial_words="", content=(m.Text(text="Annex text"),)
                    ),
                ),
            ),
        ),
    )
    assert built == spelled
    assert hash(built) == hash(spelled)
    assert native.loads(native.dumps(built)) == built
    dated = b.adoption("3 December 2012", date=dt.date(2012, 12, 3))
    assert (dated.date, dated.meeting, dated.meeting_text) == (dt.date(2012, 12, 3), None, "")
