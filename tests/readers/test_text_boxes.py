"""Blank lines that pdfminer sets between a paragraph's text boxes do not split it."""

from __future__ import annotations

import resconv
from resconv.diagnostics import Diagnostics
from resconv.lang.profile import profile
from resconv.model import plain_text
from resconv.readers.text.boxes import close_blanks_inside_sentences
from resconv.readers.text.layout import split_lines

EN = profile("en")

# A resolution as pdfminer prints it: a blank line after each text box, one of them
# after a justified line that leaves its sentence open.
_PDFMINER = """\
76/47.

Implementation of the Convention

The General Assembly,

Recalling its resolutions 63/71 of 2 December 2008 on the Convention on Cluster
Munitions and 70/54 of 7 December 2015, 71/45 of 5 December 2016, 72/54 of 4
December 2017, 73/54 of 5 December 2018, 74/62 of 12 December 2019 and 75/62 of 7
December 2020 on the implementation of the Convention,1

1  See  Official  Records  of  the  General  Assembly,  Seventy-second  Session,
Supplement No. 53A (A/72/53/Add.1), chap. III.

1/3

A/RES/76/47

Noting  that  a  total  of  123  States  have  joined  the  Convention,  110  as  States

parties and 13 as signatories,

Stressing  the  importance  of  the  work  of  the  Working  Group  on  Enforced  or

Involuntary Disappearances,

Welcoming the steps taken nationally, regionally and globally in recent years
aimed at prohibiting, restricting or suspending the use, stockpiling, production and
transfer of cluster munitions,

1.

Urges all States not parties to the Convention on Cluster Munitions to
ratify or accede to it as soon as possible, and all States parties that are in a position to
do so to promote adherence to the Convention through bilateral, subregional and
multilateral contacts, outreach and other means;

2.

Decides to remain seized of the matter.

46th plenary meeting
6 December 2021
"""


def _preamble(text: str) -> list[str]:
    resolution = resconv.read_bytes(text.encode("utf-8"), format="text").value
    return [" ".join(plain_text(p.content).split()) for p in resolution.preamble]


def test_a_blank_line_inside_a_sentence_does_not_split_the_paragraph() -> None:
    assert _preamble(_PDFMINER) == [
        "Recalling its resolutions 63/71 of 2 December 2008 on the Convention on Cluster "
        "Munitions and 70/54 of 7 December 2015, 71/45 of 5 December 2016, 72/54 of 4 "
        "December 2017, 73/54 of 5 December 2018, 74/62 of 12 December 2019 and 75/62 of 7 "
        "December 2020 on the implementation of the Convention,",  # its marker cut out
        "Noting that a total of 123 States have joined the Convention, 110 as States "
        "parties and 13 as signatories,",
        "Stressing the importance of the work of the Working Group on Enforced or "
        "Involuntary Disappearances,",
        "Welcoming the steps taken nationally, regionally and globally in recent years "
        "aimed at prohibiting, restricting or suspending the use, stockpiling, production "
        "and transfer of cluster munitions,",
    ]


def test_a_blank_line_before_a_paragraph_start_stays() -> None:
    lines = split_lines(
        "Noting  that  a  total  of  the  States  have  joined  and\n\n"
        "Welcoming the steps taken,\n\n"
        "Recalling its resolutions, and\n\n"
        "(a) To do something;\n\n"
        "the end,\n"
    )
    diagnostics = Diagnostics()
    close_blanks_inside_sentences(lines, EN, diagnostics)
    # Initial words, a label, and a capital after a line that is not justified all
    # still open a paragraph; lower case after an open clause goes on.
    assert [line.blank_before for line in lines] == [False, True, True, True, True]
    assert not any(d.code == "blank-line-inside-sentence" for d in diagnostics.freeze())


def test_lower_case_after_an_open_clause_goes_on() -> None:
    lines = split_lines("Recalling its resolutions\n\nof 5 December 2016,\n")
    diagnostics = Diagnostics()
    close_blanks_inside_sentences(lines, EN, diagnostics)
    assert [line.blank_before for line in lines] == [False, False]
    assert [d.code for d in diagnostics.freeze()] == ["blank-line-inside-sentence"]


def test_a_label_alone_keeps_the_blank_line_after_it() -> None:
    # pdftotext prints a subparagraph's label alone, then a blank line, then its text.
    lines = split_lines(
        "постановляет, что четвертая конференция:\nа)\n\nпройдет с 30 июня по 3 июля,\n"
        "включая глав государств;\nб)\n\nувенчается принятием документа;\n"
    )
    close_blanks_inside_sentences(lines, profile("ru"), Diagnostics())
    assert [line.blank_before for line in lines] == [False, False, True, False, False, True]


def test_text_with_a_blank_line_after_every_line_is_left_alone() -> None:
    lines = split_lines("Recalling its\n\nresolutions of\n\n5 December,\n")
    close_blanks_inside_sentences(lines, EN, Diagnostics())
    assert [line.blank_before for line in lines] == [False, True, True]


def test_a_note_whose_first_line_is_justified_is_read() -> None:
    resolution = resconv.read_bytes(_PDFMINER.encode("utf-8"), format="text").value
    assert [
        (note.marker, " ".join(plain_text(note.content).split())) for note in resolution.footnotes
    ] == [
        (
            "1",
            "See Official Records of the General Assembly, Seventy-second Session, "
            "Supplement No. 53A (A/72/53/Add.1), chap. III.",
        )
    ]
