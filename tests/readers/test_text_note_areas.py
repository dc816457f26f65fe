"""A page's footnote area printed without a rule, told from the resolution's own text.

Shapes of resconv's PDF as pdftotext and pypdfium2 extract them (held-out UN resolutions
of the accuracy benchmark): a cited figure that wraps onto a line of its own, a marker
set apart above the text it marks, a paragraph between markers and notes, document
symbols of a justified note printed apart after the page number, and a note's justified
line cut into words.
"""

from __future__ import annotations

from resconv.diagnostics import Diagnostics
from resconv.lang.profile import profile
from resconv.readers.text import layout
from resconv.readers.text.repair import join_word_lines

EN = profile("en")


def _strip(text: str) -> tuple[list[str], list[tuple[str, list[str]]], Diagnostics]:
    diagnostics = Diagnostics()
    content, notes = layout.strip_furniture(
        layout.split_lines(text), EN, title="x", diagnostics=diagnostics
    )
    return [line.text for line in content], [(n.marker, n.lines) for n in notes], diagnostics


def test_a_figure_cited_after_para_on_a_line_of_its_own_stays_in_its_note() -> None:
    # pdftotext (A/RES/77/65): "…, para." / "18." ends note 10, not an operative number.
    content, notes, _ = _strip(
        "Assembly resolution 68/32 of 5 December 2013, as contained in documents of the\n"
        "Conference,11\n\n9\n\nA/51/218, annex.\n"
        "See Official Records of the General Assembly, Sixty-fourth Session, Supplement No. "
        "27 (A/64/27), para.\n18.\n11\nSee CD/1999 and CD/2067.\n10\n\n3/7\n\n"
        "\fA/RES/77/65\n\nReaffirming also the importance of the Conference on\n"
    )
    assert content == [
        "Assembly resolution 68/32 of 5 December 2013, as contained in documents of the",
        "Conference,11",
        "Reaffirming also the importance of the Conference on",
    ]
    assert [(marker, lines[-1]) for marker, lines in notes] == [
        ("9", "A/51/218, annex."),
        ("10", "18."),
        ("11", "See CD/1999 and CD/2067."),
    ]


def test_a_number_alone_after_a_line_of_text_is_still_a_paragraph_label() -> None:
    # "18." after a line that stops on no abbreviation stays the text's, as before.
    content, notes, _ = _strip(
        "consultations on the matter,\n1\n\nSee resolution 70/1.\nto report thereon;\n"
        "18.\nDecides to remain seized of the matter.\n\n3/7\n"
    )
    assert notes == []
    assert "18." in content


def test_a_marker_alone_above_text_in_lower_case_is_the_text_s_marker() -> None:
    # pypdfium2 (A/RES/77/47): the superscript "2" on a line of its own, the clause it
    # marks going on under it; the page's notes come last, on their markers' lines.
    content, notes, _ = _strip(
        "Taking note of the report of the Secretary-General submitted pursuant to\n"
        "resolution 76/36,\n2\n and welcoming the fact that a large number of Member States\n"
        "contributed their views to this report,\n"
        "Noting the adoption of the Treaty on the Prohibition of Nuclear Weapons,3\n"
        "1. Underlines the strong support for taking urgent measures;\n"
        "2 A/77/99.\n3 A/CONF.229/2017/8.\n2/4\nA/RES/77/47\n"
        "4. Calls for the urgent commencement of negotiations;\n"
    )
    assert "and welcoming the fact that a large number of Member States" in content
    assert "4. Calls for the urgent commencement of negotiations;" in content
    assert notes == [("2", ["A/77/99."]), ("3", ["A/CONF.229/2017/8."])]


def test_a_paragraph_opening_after_a_clause_is_no_footnote_text() -> None:
    # pypdfium2 (A/RES/80/41): the marker "7" alone after "79/42,", then paragraphs
    # ("Mindful of …", "1. Calls upon …"), then the notes, the first one set apart.
    content, notes, _ = _strip(
        "Taking note of the report of the Secretary-General submitted pursuant to\n"
        "paragraph 5 of resolution 79/42,\n7\n"
        "Mindful of the urgent need for addressing this threat to humanity,\n"
        "1. Calls upon all Member States to support international efforts;\n"
        "2. Appeals to all Member States to consider early accession;\n"
        "4\nSee A/59/361.\n5 Resolution 60/1.\n6 Resolution 60/288.\n7 A/80/164.\n"
        "2/3\nA/RES/80/41\n3. Urges all Member States to take national measures;\n"
    )
    assert "Mindful of the urgent need for addressing this threat to humanity," in content
    assert "2. Appeals to all Member States to consider early accession;" in content
    assert notes == [
        ("4", ["See A/59/361."]),
        ("5", ["Resolution 60/1."]),
        ("6", ["Resolution 60/288."]),
        ("7", ["A/80/164."]),
    ]


def test_symbols_printed_apart_from_a_justified_note_go_back_one_a_line() -> None:
    # pdftotext (A/RES/78/113): each justified line of a note listing symbols loses its
    # last symbol, printed after the page number (the run joined as one word a line).
    content, notes, diagnostics = _strip(
        "long-term programme of work,\n1\n\n"
        "See A/C.6/64/SR.12, A/C.6/64/SR.13,\n"
        "A/C.6/65/SR.11, A/C.6/65/SR.12,\n"
        "A/C.6/78/SR.12 and A/C.6/78/SR.13.\n\n1/2\n\n"
        "A/C.6/65/SR.10, A/C.6/66/SR.13,\n\n"
        "\fA/RES/78/113\n\nReiterating its commitment to fighting impunity,\n"
    )
    assert content == [
        "long-term programme of work,",
        "Reiterating its commitment to fighting impunity,",
    ]
    assert notes == [
        (
            "1",
            [
                "See A/C.6/64/SR.12, A/C.6/64/SR.13, A/C.6/65/SR.10,",
                "A/C.6/65/SR.11, A/C.6/65/SR.12, A/C.6/66/SR.13,",
                "A/C.6/78/SR.12 and A/C.6/78/SR.13.",
            ],
        )
    ]
    assert [d.code for d in diagnostics.items].count("scattered-words-restored") == 2


def _texts(*texts: str) -> list[layout.Line]:
    return [layout.Line(no=i, text=t) for i, t in enumerate(texts, start=1)]


def test_a_short_word_with_a_period_opens_a_justified_line_cut_into_words() -> None:
    # pdftotext (A/RES/76/257 ru): a note's justified line cut at its wide gaps, "См."
    # ("see") first; it is a word, not a label, so the line is joined whole and the
    # page's note area pairs.
    joined = join_word_lines(
        _texts(
            "United Nations, Treaty Series, vol. 1760, No. 30619.",
            "См.",
            "Программа",
            "Организации",
            "Объединенных",
            "Наций",
            "документ UNEP/CBD/COP/10/27, приложение, решение X/1.",
        ),
        Diagnostics(),
        profile("ru"),
    )
    assert [line.text for line in joined][1] == "См. Программа Организации Объединенных Наций"


def test_labels_and_notes_alone_are_no_words_of_a_cut_line() -> None:
    lines = _texts("b)", "IV.", "iv.", "2.", "Décide", "Ibid.", "Ibid.", "Ibid.")
    assert [line.text for line in join_word_lines(lines, Diagnostics(), profile("fr"))] == [
        "b)",
        "IV.",
        "iv.",
        "2.",
        "Décide",
        "Ibid.",
        "Ibid.",
        "Ibid.",
    ]
