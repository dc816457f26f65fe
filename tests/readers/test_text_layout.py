"""The layout passes of the text reader, each alone."""

from __future__ import annotations

import re

import pytest

from resconv.diagnostics import Diagnostics
from resconv.lang.profile import profile
from resconv.readers.text import layout
from resconv.readers.text.footnotes import place_glued_markers
from resconv.readers.text.paragraphs import Para
from resconv.readers.text.repair import (
    join_marker_breaks,
    join_vote_lines,
    join_word_lines,
    rejoin_split_words,
    restore_scattered_words,
    restore_year_ranges,
)

EN = profile("en")
ZH = profile("zh")


def _lines(*texts: str) -> list[layout.Line]:
    return [layout.Line(no=i, text=t) for i, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("的 2001", "年 11 月 29日第56/24T号"), "的2001年11月29日第56/24T号"),
        (("总额不超过 100 000 美元", "；"), "总额不超过100 000美元；"),
        (("按照《宪章》，", "多边主义"), "按照《宪章》，多边主义"),
        # Runs of spaces and tabs go whole beside Han, and stay (as one space) elsewhere.
        (("第 1 \t 段 and  more",), "第1段and more"),
        (("Rev.1  和\tAdd.2 \t 号",), "Rev.1和Add.2号"),
    ],
)
def test_chinese_lines_join_without_spaces_next_to_han(
    lines: tuple[str, ...], expected: str
) -> None:
    assert layout.join_block(_lines(*lines), ZH)[0] == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("Recalling its", "resolution"), "Recalling its resolution"),
        (("a high-", "level meeting"), "a high-level meeting"),  # a real hyphen is kept
        (("its eighty- first session",), "its eighty-first session"),  # reflow artefact
        (("pre- and post-conflict",), "pre- and post-conflict"),  # suspended hyphen
        (("non\u2011proliferation",), "non\u2011proliferation"),
    ],
)
def test_english_lines_join_with_one_space(lines: tuple[str, ...], expected: str) -> None:
    assert layout.join_block(_lines(*lines), EN)[0] == expected


def test_markdown_references_become_marker_offsets() -> None:
    text, markers = layout.join_block(_lines("the Declaration,[^1] in which"), EN)
    assert text == "the Declaration, in which"
    assert markers == [(len("the Declaration,"), "1")]


def test_page_furniture_is_dropped_and_reported() -> None:
    diagnostics = Diagnostics()
    lines = _lines(
        "of the general debate of the",
        "_______________",
        "1 See resolution 169 (II).",
        "A/RES/80/1",
        "Participation by the State of Palestine",
        "25-15106",
        "2/2",
        "Assembly at its eightieth session",
    )
    content, notes = layout.strip_furniture(
        lines, EN, title="Participation by the State of Palestine", diagnostics=diagnostics
    )
    assert [line.text for line in content] == [
        "of the general debate of the",
        "Assembly at its eightieth session",
    ]
    assert content[1].page_break
    assert [(n.marker, n.lines) for n in notes] == [("1", ["See resolution 169 (II)."])]
    assert [d.code for d in diagnostics.items] == [
        "dropped-footnote-separator",
        "dropped-running-header",
        "dropped-running-title",
        "dropped-job-number",
        "dropped-page-number",
    ]


def test_a_resolution_number_is_not_a_page_number() -> None:
    diagnostics = Diagnostics()
    content, _ = layout.strip_furniture(_lines("66/32"), EN, title="x", diagnostics=diagnostics)
    assert [line.text for line in content] == ["66/32"]


def test_modes() -> None:
    seed_like = layout.split_lines(" 决心促进，\n\n 回顾其关于\n\n年 11 月的决议，\n\n 又回顾\n")
    assert layout.choose_mode(seed_like) == "indent"
    reflowed = layout.split_lines("\n\n".join(["Recalling its resolution,"] * 8))
    assert layout.choose_mode(reflowed) == "blank"
    wrapped = layout.split_lines(
        "\n\n".join(["Recalling its resolution on multilateral cooperation in the area of"] * 8)
    )
    assert layout.choose_mode(wrapped) == "punct"


@pytest.mark.parametrize(
    "line",
    [
        "26-12345 (E) 221026",  # page 1 footer: job number and date stamp
        "2/2 26-12345",  # page number and job number run together
        "26-12345 2/2",
        "A/RES/81/12 2/2",
        "25-18769 (E)",
        "*2518769*",
    ],
)
def test_page_furniture_in_its_combined_forms_is_dropped(line: str) -> None:
    lines = _lines("to support", line, "national efforts;")
    content, _ = layout.strip_furniture(lines, EN, title="Title", diagnostics=Diagnostics())
    assert [c.text for c in content] == ["to support", "national efforts;"]


@pytest.mark.parametrize("line", ["2/2 of the Member States", "in 26-12345 cases", "12/2024"])
def test_text_that_merely_contains_such_numbers_is_kept(line: str) -> None:
    lines = _lines(line)
    content, _ = layout.strip_furniture(lines, EN, title="Title", diagnostics=Diagnostics())
    assert [c.text for c in content] == [line]


def test_an_unruled_footnote_area_with_a_marker_after_its_bodies_is_a_footnote_area() -> None:
    # pdftotext on a PDF whose footnote rule is drawn: the markers stand apart from the
    # bodies, one of them after the last body, and the page number closes the page.
    text = (
        "Recalling article 31 of the Convention,1 outlining\n"
        "the outcome,2 stressing\n1\n\nResolution 217 A (III).\nResolution 73/1.\n2\n\n1/3\n"
        "\fA/RES/74/22\n\nactivities contribute,\n"
    )
    diagnostics = Diagnostics()
    content, notes = layout.strip_furniture(
        layout.split_lines(text), EN, title="World Chess Day", diagnostics=diagnostics
    )
    assert [line.text for line in content] == [
        "Recalling article 31 of the Convention,1 outlining",
        "the outcome,2 stressing",
        "activities contribute,",
    ]
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["Resolution 217 A (III)."]),
        ("2", ["Resolution 73/1."]),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # pieces that are not words of the language, whose whole is one
        ("the sessi on of the Assembly", "the session of the Assembly"),
        ("to e radicate colonialism", "to eradicate colonialism"),
        ("and bearing in mind a rticle 27", "and bearing in mind article 27"),
        ("recalling further it s resolution", "recalling further its resolution"),
        ("the parties c oncerned", "the parties concerned"),
        # real pairs of words stay, and so do elided words and single letters that name
        ("a new agenda and a part of it", "a new agenda and a part of it"),
        ("women’s and girls’ share", "women’s and girls’ share"),
        ("de l’entrée et qu’elle s’engage", "de l’entrée et qu’elle s’engage"),
        ("de l’alinéa e de l’Article 73", "de l’alinéa e de l’Article 73"),
    ],
)
def test_words_split_by_a_stray_space_are_rejoined_from_the_vocabulary(
    line: str, expected: str
) -> None:
    lang = "fr" if "l’" in line else "en"
    diagnostics = Diagnostics()
    assert rejoin_split_words([line], diagnostics, [1], lang=lang) == [expected]
    repaired = [d for d in diagnostics.items if d.code == "rejoined-split-word"]
    assert len(repaired) == (line != expected)


def test_a_hanging_indent_continues_its_labelled_line_over_a_page_break() -> None:
    # pdftotext -layout: subparagraph text runs at the column after its label, and the
    # next page's margin differs.
    text = (
        "      1.    Decides to establish the Forum of People of African Descent,\n"
        "with the mandate:\n"
        "          (a)      To contribute to the full inclusion of\n"
        "                   people of African descent;\n"
        "          (b)      To provide expert advice\n"
        "                   and recommendations to the Council on\n"
        "\f\n"
        "               all human rights;\n"
        "      2.    Also decides that the Forum shall meet;\n"
    )
    blocks = layout.segment(layout.split_lines(text), EN, boundary=re.compile(r"(?!)"))
    assert [[line.text for line in block.lines] for block in blocks] == [
        ["1.    Decides to establish the Forum of People of African Descent,", "with the mandate:"],
        ["(a)      To contribute to the full inclusion of", "people of African descent;"],
        [
            "(b)      To provide expert advice",
            "and recommendations to the Council on",
            "all human rights;",
        ],
        ["2.    Also decides that the Forum shall meet;"],
    ]


def test_words_of_a_widely_justified_line_are_put_back_in_their_line() -> None:
    # pdftotext prints the far-apart words of a justified line after the paragraph.
    text = (
        "2.\nс удовлетворением отмечает\nМеждународного года кооперативов;\n\n"
        "проведение\n\nв\n\n2012\n\nгоду\n\n3.\nрекомендует всем государствам;\n"
    )
    diagnostics = Diagnostics()
    restored = restore_scattered_words(text, diagnostics)
    assert [line for line in restored.split("\n") if line] == [
        "2.",
        "с удовлетворением отмечает проведение в 2012 году",
        "Международного года кооперативов;",
        "3.",
        "рекомендует всем государствам;",
    ]
    assert len(restored.split("\n")) == len(text.split("\n"))
    assert [d.line for d in diagnostics.items] == [2]  # the line they are put back in


def test_a_number_and_a_label_set_apart_are_not_scattered_words() -> None:
    text = "externas,\n1.\n\nDecide:\n\na)\n\nReprogramar la Conferencia;\n"
    assert restore_scattered_words(text, Diagnostics()) == text


def test_the_footnote_area_of_a_one_page_text_is_read() -> None:
    text = (
        "4.\nRequests the Secretary-General to submit a report.\n37th plenary meeting\n"
        "7 December 2020\n\n1\n2\n\nLeague of Nations, Treaty Series, vol. XCIV, No. 2138.\n"
        "A/75/137.\n\n1/1\n"
    )
    content, notes = layout.strip_furniture(
        layout.split_lines(text), EN, title="x", diagnostics=Diagnostics()
    )
    assert content[-1].text == "7 December 2020"
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["League of Nations, Treaty Series, vol. XCIV, No. 2138."]),
        ("2", ["A/75/137."]),
    ]


def test_a_note_on_its_marker_s_line_among_markers_alone_is_read() -> None:
    # pypdfium2 sets a note that opens with a link on its marker's line, the others apart.
    text = (
        "compliance with those agreements,\n1\n Official Records, Supplement No. 35.\n"
        "2 A/56/1026-S/2002/932, annex II, resolution 14/221.\n3\nS/2003/529, annex.\n1/4\n"
    )
    content, notes = layout.strip_furniture(
        layout.split_lines(text), EN, title="x", diagnostics=Diagnostics()
    )
    assert [line.text for line in content] == ["compliance with those agreements,"]
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["Official Records, Supplement No. 35."]),
        ("2", ["A/56/1026-S/2002/932, annex II, resolution 14/221."]),
        ("3", ["S/2003/529, annex."]),
    ]


def test_a_footnote_wrapped_after_an_abbreviation_is_one_footnote() -> None:
    text = (
        "minorities,3\nReaffirming that the promotion\n1\n\nSee resolution 2200 A (XXI), annex.\n"
        "See Official Records, Supplement No. 53 (A/75/53), chap.\nIV, sect. A.\n3\n"
        "See A/HRC/43/62.\n2\n\n1/7\n\fA/RES/76/168\n\ndiversity within societies,\n"
    )
    content, notes = layout.strip_furniture(
        layout.split_lines(text), EN, title="x", diagnostics=Diagnostics()
    )
    assert [line.text for line in content][-1] == "diversity within societies,"
    assert [(n.marker, len(n.lines)) for n in notes] == [("1", 1), ("2", 2), ("3", 1)]


def test_notes_that_open_with_a_year_are_notes_of_their_own() -> None:
    # Three markers, and after the first note two that open with a year: the markers'
    # count tells that each full stop before a year ends a note.
    text = (
        "the 2000 Review Conference,2 and the 2010 Review Conference,3 and\n\n1\n\n"
        "United Nations, Treaty Series, vol. 729, No. 10485.\n"
        "2000 Review Conference of the Parties to the Treaty, Final\n"
        "Document (NPT/CONF.2000/28).\n3\n"
        "2010 Review Conference of the Parties to the Treaty, Final\n"
        "Document (NPT/CONF.2010/50).\n2\n\n1/7\n\fA/RES/80/48\n\nalso reaffirm,\n"
    )
    diagnostics = Diagnostics()
    _, notes = layout.strip_furniture(
        layout.split_lines(text), EN, title="x", diagnostics=diagnostics
    )
    assert [(n.marker, n.lines[0][:4]) for n in notes] == [
        ("1", "Unit"),
        ("2", "2000"),
        ("3", "2010"),
    ]
    assert not any(d.code == "footnote-area-unpaired" for d in diagnostics.freeze())


def test_a_page_foot_of_notes_that_open_with_a_year_is_a_note_area() -> None:
    # pypdfium2: each marker on its line before its note, no blank line, no rule.
    text = (
        "Recalling the Treaty,1 the 2000 Review Conference,2 and the 2010 Review\n"
        "Conference,3 and also reaffirming the Treaty,\n1\n"
        " United Nations, Treaty Series, vol. 729, No. 10485.\n2\n"
        " 2000 Review Conference of the Parties to the Treaty, Final\n"
        "Document (NPT/CONF.2000/28).\n3\n"
        " 2010 Review Conference of the Parties to the Treaty, Final\n"
        "Document (NPT/CONF.2010/50).\n1/7\nA/RES/80/48\nNoting also the report,\n"
    )
    content, notes = layout.strip_furniture(
        layout.split_lines(text), EN, title="x", diagnostics=Diagnostics()
    )
    assert [n.marker for n in notes] == ["1", "2", "3"]
    assert [line.text for line in content][-1] == "Noting also the report,"


def test_a_marker_set_apart_higher_up_the_page_pairs_with_the_note_at_its_foot() -> None:
    # pdftotext put the page's marker between blank lines after "that:", its note last.
    text = (
        "1.\nDecides that:\n\n1\n\n(a)\n\nThe State may submit a statement;\n\n(b)\n\n"
        "The State may deliver statements;\n\nSee resolution 169 (II).\n\n1/2\n"
        "\fA/RES/80/1\n\n2.\nAlso decides to act.\n"
    )
    diagnostics = Diagnostics()
    content, notes = layout.strip_furniture(
        layout.split_lines(text), EN, title="x", diagnostics=diagnostics
    )
    assert [line.text for line in content] == [
        "1.",
        "Decides that:",
        "(a)",
        "The State may submit a statement;",
        "(b)",
        "The State may deliver statements;",
        "2.",
        "Also decides to act.",
    ]
    assert [(n.marker, n.lines) for n in notes] == [("1", ["See resolution 169 (II)."])]


def test_hyphens_the_extraction_dropped_are_restored_from_the_texts_own_compounds() -> None:
    full = "Noting the options for self-determination of the Non-Self-Governing Territories,"
    overlong = (
        "Concerned by the exploitation of the natural resources of the Non-SelfGoverning "
        "Territories by the administering Powers, and that the wishes of the people in respect "
        "of their right to self determination should be ascertained,"
    )
    lines = [full, overlong, "and recalling its resolution 74/10 ,", *[full] * 8]
    repaired = rejoin_split_words(lines, Diagnostics(), list(range(1, 12)), lang="en")
    assert "Non-Self-Governing Territories by" in repaired[1]
    assert "right to self-determination should" in repaired[1]
    assert repaired[2] == "and recalling its resolution 74/10,"
    # In a line of ordinary width two words stay two words.
    ordinary = rejoin_split_words([full, "to self determination"], Diagnostics(), [1, 2], lang="en")
    assert ordinary[1] == "to self determination"


def test_a_compound_of_the_language_gets_its_hyphen_back() -> None:
    lines = ["at its seventyfifth session", "an actionoriented declaration"]
    assert rejoin_split_words(lines, Diagnostics(), [1, 2], lang="en") == [
        "at its seventy-fifth session",
        "an action-oriented declaration",
    ]


def test_a_web_address_keeps_its_spelling() -> None:
    """The text prints "sendai-framework" in one address and "sendaiframework" in another:
    an address is spelt as it is, not repaired from the text's compounds."""
    lines = [
        "URL: sendaiframework-mtr.undrr.org/2023/mtr-sf-submissions-and-reports.",
        "URL: https://www.undrr.org/implementing-sendai-framework/sendaiframework-mtr.",
        "the implementation of the sendai-framework for disaster risk reduction",
    ]
    assert rejoin_split_words(lines, Diagnostics(), [1, 2, 3], lang="en")[:2] == lines[:2]


def test_a_space_before_punctuation_goes_where_the_text_glues_it_elsewhere() -> None:
    english = ["illicit financial flows ;", *["to combat them;", "and noting,"] * 3]
    assert rejoin_split_words(english, Diagnostics(), list(range(7)), lang="en")[0] == (
        "illicit financial flows;"
    )
    french = ["flux financiers illicites ;", *["pour les combattre ;", "et notant,"] * 3]
    assert rejoin_split_words(french, Diagnostics(), list(range(7)), lang="fr")[0] == (
        "flux financiers illicites ;"
    )


def test_a_line_broken_after_a_raised_marker_is_joined_back() -> None:
    # pypdfium2 ends the line after the superscript and starts the rest with a space.
    lines = layout.split_lines(
        "recalling the Universal Declaration of Human Rights,1\n as well as the purpose\n"
        "1\n Resolution 217 A (III).\n"
    )
    assert [line.text for line in join_marker_breaks(lines)] == [
        "recalling the Universal Declaration of Human Rights,1 as well as the purpose",
        "1",
        "Resolution 217 A (III).",
    ]


def test_a_marker_before_a_comma_stays_glued_to_the_comma() -> None:
    lines = layout.split_lines("des droits inaliénables du peuple palestinien1\n,\n")
    assert [line.text for line in join_marker_breaks(lines)] == [
        "des droits inaliénables du peuple palestinien1,"
    ]


def test_a_space_printed_before_punctuation_after_a_marker_is_kept() -> None:
    lines = layout.split_lines("prend note du rapport du Secrétaire général3\n ;\n")
    assert [line.text for line in join_marker_breaks(lines)] == [
        "prend note du rapport du Secrétaire général3 ;"
    ]


def test_a_space_the_language_sets_before_punctuation_comes_back_after_a_marker() -> None:
    # pdftotext breaks the line after a raised marker and prints the French ";" alone,
    # without the space before it; an English ";" stays glued to the marker.
    french = layout.split_lines("l’examen de ces difficultés9\n;\n")
    glued = profile("fr").glued_marks
    assert [line.text for line in join_marker_breaks(french, glued_marks=glued)] == [
        "l’examen de ces difficultés9 ;"
    ]
    english = layout.split_lines("the work of the Organization10\n;\n")
    assert [line.text for line in join_marker_breaks(english, glued_marks=EN.glued_marks)] == [
        "the work of the Organization10;"
    ]


def test_notes_on_their_markers_lines_at_an_unruled_page_foot_are_notes() -> None:
    # pypdf and pdfminer: no rule, each note opens with its number; the page number ends
    # the page. A paragraph that opens with a number is no note: its number has no marker.
    lines = _lines(
        "Recalling the Declaration,1 and the Convention,2",
        "Noting the report,",
        "1 Resolution 217 A (III).",
        "2 United Nations, Treaty Series, vol. 1577,",
        "No. 27531.",
        "1/2",
        "3 December 2019 was the date of the meeting,",
        "Welcoming the plan.",
        "2/2",
    )
    content, notes = layout.strip_furniture(lines, EN, title="Title", diagnostics=Diagnostics())
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["Resolution 217 A (III)."]),
        ("2", ["United Nations, Treaty Series, vol. 1577,", "No. 27531."]),
    ]
    assert [line.text for line in content] == [
        "Recalling the Declaration,1 and the Convention,2",
        "Noting the report,",
        "3 December 2019 was the date of the meeting,",
        "Welcoming the plan.",
    ]
    assert content[2].page_break


def test_a_one_space_indent_that_marks_paragraphs_is_not_a_break_after_a_marker() -> None:
    # pypdf indents each paragraph by one space; pypdfium2 breaks a line after a marker
    # and starts the rest with one space. Only the second is joined.
    pypdf = [
        layout.Line(1, "the Peace Summit in 2018,2"),
        layout.Line(2, "Recognizing also the value", indented=True, indent=1),
        layout.Line(3, "of sport,"),
        layout.Line(4, "Recalling the Charter,", indented=True, indent=1),
        layout.Line(5, "and noting,"),
        layout.Line(6, "Noting the report,", indented=True, indent=1),
        layout.Line(7, "and welcoming it,"),
        layout.Line(8, "Welcoming the plan.", indented=True, indent=1),
    ]
    assert len(join_marker_breaks(pypdf)) == 8
    pypdfium2 = [
        layout.Line(1, "the reports of 20101"),
        layout.Line(2, "and 20152", indented=True, indent=1),
        layout.Line(3, "auxquels ils ont", indented=True, indent=1),
    ]
    assert [line.text for line in join_marker_breaks(pypdfium2)] == [
        "the reports of 20101 and 20152 auxquels ils ont"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("adopted on 3 October 201 3 on the occasion", "adopted on 3 October 2013 on the occasion"),
        ("to foster sustainable development ”.", "to foster sustainable development”."),
        ("the Development Plan 2018 –2028,", "the Development Plan 2018–2028,"),
        ("resolution 201 4 and", "resolution 201 4 and"),  # 2014 is printed nowhere whole
        ("from 2018 – 2028,", "from 2018 – 2028,"),
        ("Le Caire, 5- 13 septembre 1994", "Le Caire, 5-13 septembre 1994"),
        ("micro- and small", "micro- and small"),
    ],
)
def test_stray_spaces_in_figures_and_before_quotes_go(text: str, expected: str) -> None:
    others = ["In 2013 and 2018, it said “yes”, “no”, “maybe”; then 2018–2019."]
    out = rejoin_split_words([text, *others], Diagnostics(), [1, 2], lang="en")
    assert out[0] == expected


def _para(text: str) -> Para:
    return Para(text=text, markers=[], line=1, first=text, lines=[text])


def test_a_repeated_reference_set_apart_is_glued_back() -> None:
    # pdftotext sets superscripts apart; a note cited again repeats its number as text.
    paras = [
        _para("Recalling the Convention against Corruption, 1 which entered into force,"),
        _para("Notes the report, 1 including its chapter, and the Convention against Corruption 1"),
        _para("Decides that the States of Goal 1 are invited;"),
    ]
    bodies = {"1": layout.Note("1", 9, ["Resolution 58/4."])}
    place_glued_markers(paras, bodies, EN, {})
    assert (paras[0].text, paras[0].markers) == (
        "Recalling the Convention against Corruption, which entered into force,",
        [(len("Recalling the Convention against Corruption,"), "1")],
    )
    assert paras[1].text == (
        "Notes the report,1 including its chapter, and the Convention against Corruption1"
    )
    # After a word, only the word the note's marker first followed counts.
    assert paras[2].text == "Decides that the States of Goal 1 are invited;"


def test_a_number_inside_a_word_is_no_marker_when_the_marker_stands_glued_later() -> None:
    paras = [_para("la plateforme Youth4Disarmament créée à cet effet4, ainsi que")]
    bodies = {"4": layout.Note("4", 9, ["Voir youth4disarmament.org."])}
    place_glued_markers(paras, bodies, profile("fr"), {})
    assert paras[0].text == "la plateforme Youth4Disarmament créée à cet effet, ainsi que"
    assert paras[0].markers == [(len("la plateforme Youth4Disarmament créée à cet effet"), "4")]


def test_a_chinese_marker_before_a_character_is_no_number_inside_a_word() -> None:
    # Chinese glues every marker to the character after it: the first place stands.
    paras = [_para("注意到秘书长的报告，1和大会的决议，又注意到文件，1")]
    bodies = {"1": layout.Note("1", 9, ["A/79/1。"])}
    place_glued_markers(paras, bodies, ZH, {})
    assert paras[0].markers == [(len("注意到秘书长的报告，"), "1")]


def test_a_marker_that_lost_the_space_after_it_is_still_found() -> None:
    paras = [_para("Recalling the Declaration4and the Convention,")]
    bodies = {"4": layout.Note("4", 9, ["Resolution 217 A (III)."])}
    place_glued_markers(paras, bodies, EN, {})
    assert paras[0].markers == [(len("Recalling the Declaration"), "4")]


def test_a_count_is_not_glued_where_markers_are_glued() -> None:
    paras = [
        _para("Recalling the Convention against Corruption,1 which entered into force,"),
        _para("Decides that 143 national parliaments, 1 assembly are invited;"),
    ]
    bodies = {"1": layout.Note("1", 9, ["Resolution 58/4."])}
    place_glued_markers(paras, bodies, EN, {})
    assert paras[1].text == "Decides that 143 national parliaments, 1 assembly are invited;"


def test_a_count_in_a_list_of_figures_is_not_a_repeated_reference() -> None:
    paras = [
        _para("Recalling the Convention against Corruption, 1 which entered into force,"),
        _para("Notes that 143 national parliaments, 1 assembly and 20 others take part;"),
    ]
    bodies = {"1": layout.Note("1", 9, ["Resolution 58/4."])}
    place_glued_markers(paras, bodies, EN, {})
    assert (
        paras[1].text == "Notes that 143 national parliaments, 1 assembly and 20 others take part;"
    )


def test_words_of_a_justified_note_line_printed_apart_go_back_in_it() -> None:
    # pdftotext cuts a footnote line justified with wide gaps at its gaps and prints
    # the far words after the page's notes, each after a blank line, among the footer.
    lines = [
        layout.Line(1, "с резолюцией 194 (III),"),
        layout.Line(2, "1"),
        layout.Line(3, "A/74/307.", blank_before=True),
        layout.Line(5, "Официальные отчеты Генеральной"),
        layout.Line(6, "Приложение № 11, документ A/5700."),
        layout.Line(7, "2"),
        layout.Line(8, "Ассамблеи,", blank_before=True),
        layout.Line(9, "1/2", blank_before=True),
        layout.Line(10, "девятнадцатая", blank_before=True),
        layout.Line(11, "сессия,", blank_before=True),
        layout.Line(12, "напоминая о том, что", page_break=True),
    ]
    diagnostics = Diagnostics()
    content, notes = layout.strip_furniture(lines, EN, title="x", diagnostics=diagnostics)
    assert [line.text for line in content] == ["с резолюцией 194 (III),", "напоминая о том, что"]
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["A/74/307."]),
        (
            "2",
            [
                "Официальные отчеты Генеральной Ассамблеи, девятнадцатая сессия,",
                "Приложение № 11, документ A/5700.",
            ],
        ),
    ]
    assert "scattered-words-restored" in [d.code for d in diagnostics.items]


def test_the_sides_of_a_recorded_vote_wrapped_over_lines_are_joined() -> None:
    text = "\n".join(
        [
            "47th plenary meeting",
            "In favour: AFGHANISTAN, ALBANIA,",
            "ALGERIA, ANDORRA",
            "Against: ISRAEL, UNITED STATES",
            "Abstaining: CAMEROON, MICRONESIA",
            "(FEDERATED STATES OF), NAURU",
            "",
            "2/2",
        ]
    )
    assert join_vote_lines(text).split("\n") == [
        "47th plenary meeting",
        "In favour: AFGHANISTAN, ALBANIA, ALGERIA, ANDORRA",
        "",
        "Against: ISRAEL, UNITED STATES",
        "Abstaining: CAMEROON, MICRONESIA (FEDERATED STATES OF), NAURU",
        "",
        "",
        "2/2",
    ]


def test_a_layout_header_with_symbol_and_running_title_on_one_line_is_furniture() -> None:
    lines = layout.split_lines(
        "of the Agency;\n\f"
        "A/RES/74/119                          Cooperatives in social development\n"
        "3.    Encourages all Member States, as well as the United Nations, to share\n"
        "      practices identified through activities;\n"
    )
    content, _ = layout.strip_furniture(
        lines, EN, title="Cooperatives in social development", diagnostics=Diagnostics()
    )
    assert [line.text[:12] for line in content] == ["of the Agenc", "3.    Encour", "practices id"]
    assert content[1].hang == 6  # a label at the margin hangs its text
    assert content[2].indent == 6


def test_markers_in_a_run_between_blank_lines_pair_with_the_page_foot() -> None:
    # LibreOffice's PDF through pdftotext: "1." / "" / "1" / "2" / "" / its text / "" / notes.
    lines = [
        layout.Line(1, "implementation agreements,"),
        layout.Line(2, "1."),
        layout.Line(3, "1", blank_before=True),
        layout.Line(4, "2"),
        layout.Line(
            5, "Notes with regret that the refugees require assistance to", blank_before=True
        ),
        layout.Line(6, "meet basic needs;"),
        layout.Line(7, "Official Records, Supplement No. 13 (A/74/13).", blank_before=True),
        layout.Line(8, "A/71/849."),
        layout.Line(9, "19-21892 (E)", blank_before=True),
        layout.Line(10, "2.", page_break=True),
    ]
    content, notes = layout.strip_furniture(lines, EN, title="x", diagnostics=Diagnostics())
    assert [line.text[:10] for line in content] == [
        "implementa",
        "1.",
        "Notes with",
        "meet basic",
        "2.",
    ]
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["Official Records, Supplement No. 13 (A/74/13)."]),
        ("2", ["A/71/849."]),
    ]


def test_a_hyphen_before_a_figure_dropped_at_a_line_end_comes_back() -> None:
    texts = ["the post2015 development agenda,", "the post-2015 development agenda and COVID19"]
    out = rejoin_split_words(texts, Diagnostics(), [1, 2], lang="en")
    assert out == ["the post-2015 development agenda,", texts[1]]


def test_notes_run_into_one_line_at_the_foot_of_a_first_page_are_parted() -> None:
    # pypdf on LibreOffice's PDF: one line for the page's notes; the job number ends page 1.
    lines = _lines(
        "Reaffirming the 2030 Agenda,1 and the Addis Ababa Action Agenda,2",
        "Takes note of the report;3",
        "1 Resolution 70/1.2 Resolution 69/313, annex.3 A/74/206.",
        "19-22039 (E)",
        "A/RES/74/119 Cooperatives in social development",
        "3. Encourages all Member States;",
    )
    content, notes = layout.strip_furniture(
        lines, EN, title="Cooperatives in social development", diagnostics=Diagnostics()
    )
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["Resolution 70/1."]),
        ("2", ["Resolution 69/313, annex."]),
        ("3", ["A/74/206."]),
    ]
    assert [line.text[:10] for line in content] == ["Reaffirmin", "Takes note", "3. Encoura"]


def test_notes_run_on_into_the_next_lines_and_a_header_opens_a_page() -> None:
    # pypdf: no form feeds and no page number on the first page; the header opens page 2.
    lines = _lines(
        "Recalling the declaration,6 the outcome7 and the Conference,8",
        "Requests the Secretary-General to act.9",
        "6 Resolution S-23/2, annex.7 Resolution S-23/3, annex.8 Report of the Conference,",
        "chap. I, resolution 1, annexes I and II.9 Resolution 70/1.",
        "A/RES/74/22 World Chess Day",
        "Decides to act;",
    )
    content, notes = layout.strip_furniture(
        lines, EN, title="World Chess Day", diagnostics=Diagnostics()
    )
    assert [(n.marker, n.lines) for n in notes] == [
        ("6", ["Resolution S-23/2, annex."]),
        ("7", ["Resolution S-23/3, annex."]),
        ("8", ["Report of the Conference,", "chap. I, resolution 1, annexes I and II."]),
        ("9", ["Resolution 70/1."]),
    ]
    assert [line.text[:10] for line in content] == ["Recalling ", "Requests t", "Decides to"]


def test_notes_on_their_markers_lines_open_the_area_before_markers_alone() -> None:
    # pypdfium2 on resconv's PDF: notes opening with a link stay on their marker's line.
    lines = [
        layout.Line(1, "Principles of 13 September 1993,5"),
        layout.Line(2, "to", indented=True),
        layout.Line(3, "1 A/74/307."),
        layout.Line(4, "2 A/74/332."),
        layout.Line(5, "3"),
        layout.Line(6, "Resolution 217 A (III).", indented=True),
        layout.Line(7, "4 A/48/486-S/26560, annex."),
        layout.Line(8, "1/2"),
        layout.Line(9, "commence negotiations;", page_break=True),
    ]
    content, notes = layout.strip_furniture(lines, EN, title="x", diagnostics=Diagnostics())
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["A/74/307."]),
        ("2", ["A/74/332."]),
        ("3", ["Resolution 217 A (III)."]),
        ("4", ["A/48/486-S/26560, annex."]),
    ]
    assert [line.text for line in content] == [lines[0].text, "to", "commence negotiations;"]


def test_a_line_of_text_opening_with_a_figure_opens_no_footnote_area() -> None:
    lines = _lines(
        "Recalling its resolutions 63/61 of",
        "2 December 2008, 64/51 of 2 December 2009 and 66/42 of 2 December 2011,",
        "Welcoming the meeting,1",
        "1",
        "A/78/111.",
    )
    content, notes = layout.strip_furniture(lines, EN, title="x", diagnostics=Diagnostics())
    assert [n.marker for n in notes] == []
    assert [line.text[:10] for line in content][:3] == ["Recalling ", "2 December", "Welcoming "]


def test_a_note_that_is_a_document_symbol_alone_ends_the_area() -> None:
    # pdftotext, Russian: markers alone, then the notes, the last one without a full stop.
    lines = [
        layout.Line(1, "обеспечение благополучия для всех в любом возрасте;"),
        layout.Line(2, "1"),
        layout.Line(3, "2"),
        layout.Line(4, "Резолюция 70/1.", blank_before=True),
        layout.Line(5, "A/75/61-E/2020/4"),
        layout.Line(6, "2/5", blank_before=True),
        layout.Line(7, "3.", page_break=True),
    ]
    content, notes = layout.strip_furniture(
        lines, profile("ru"), title="x", diagnostics=Diagnostics()
    )
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["Резолюция 70/1."]),
        ("2", ["A/75/61-E/2020/4"]),
    ]
    assert [line.text[:10] for line in content] == [lines[0].text[:10], "3."]


def _blocks(lines: list[layout.Line], lang: str) -> list[str]:
    language = profile(lang)
    boundary = re.compile(language.meeting.pattern)
    blocks = layout.segment(lines, language, boundary=boundary)
    return [layout.join_block(block.lines, language)[0] for block in blocks]


def test_a_paragraphs_last_line_printed_before_its_first_goes_back() -> None:
    # pdftotext: "8." / "meeting;" / "" / "Invites … the high-level" / "" / "9."
    lines = [
        layout.Line(1, "Invites the United Nations system to participate;"),
        layout.Line(2, "8.", blank_before=True),
        layout.Line(3, "meeting;"),
        layout.Line(
            4, "Invites the Inter-Parliamentary Union to the high-level", blank_before=True
        ),
        layout.Line(5, "9.", blank_before=True),
        layout.Line(6, "Invites non-governmental organizations to register;"),
    ]
    assert _blocks(lines, "en")[1:] == [
        "8. Invites the Inter-Parliamentary Union to the high-level meeting;",
        "9. Invites non-governmental organizations to register;",
    ]


def test_a_number_printed_after_its_paragraphs_first_line_is_not_taken_for_that() -> None:
    # The line before the number does not end a paragraph: the number goes first instead.
    lines = [
        layout.Line(1, "统有关组织、政府间组织和民间社会组织开展合作；"),
        layout.Line(
            2, "赞扬委员会工作组作出努力，协调国际和区域民间社会组织就巴勒斯坦问题所作的努"
        ),
        layout.Line(3, "6.", blank_before=True),
        layout.Line(4, "力；"),
        layout.Line(
            5,
            "请大会第194(III)号决议所设联合国巴勒斯坦和解委员会以及与巴勒斯坦问题有关的",
            blank_before=True,
        ),
        layout.Line(6, "7.", blank_before=True),
        layout.Line(7, "各方合作；"),
    ]
    blocks = _blocks(lines, "zh")
    assert (
        blocks[1]
        == "6.赞扬委员会工作组作出努力，协调国际和区域民间社会组织就巴勒斯坦问题所作的努力；"
    )


def test_an_operative_paragraph_runs_on_after_a_comma() -> None:
    # Chinese "并…" and initial words after a comma continue a numbered paragraph.
    lines = [
        layout.Line(1, "5."),
        layout.Line(
            2, "赞扬工程处为巴勒斯坦难民提供至关重要的援助，作为稳定因素在该区域发挥作用，"
        ),
        layout.Line(3, "并赞扬工程处工作人员为执行任务不懈努力；", blank_before=True),
        layout.Line(4, "6."),
        layout.Line(5, "又决定高级别会议的议事过程将进行网播，"),
        layout.Line(6, "鼓励大会主席尽可能广泛宣传这次高级别会议；"),
    ]
    assert len(_blocks(lines, "zh")) == 2


def test_pdfiums_line_end_hyphen_is_a_hyphen() -> None:
    from resconv.readers.text.decode import line_end_hyphens

    text = "the Secretary\ufffeGeneral and micro\ufffeand small entities"
    assert line_end_hyphens(text, EN) == "the Secretary-General and micro- and small entities"


def test_a_suspended_hyphen_at_a_line_end_keeps_its_space() -> None:
    assert layout.join_block(_lines("organizations and micro-", "and small entities"), EN)[0] == (
        "organizations and micro- and small entities"
    )


def _marked(text: str, lang: str) -> list[str]:
    """The paragraphs `segment` and `join_block` make of `text`, markers as "^n"."""
    language = profile(lang)
    boundary = re.compile(language.meeting.pattern)
    out = []
    for block in layout.segment(layout.split_lines(text), language, boundary=boundary):
        lines, markers = block.lines_and_markers()
        joined, offsets = layout.join_block(lines, language, markers)
        for offset, marker in sorted(offsets, reverse=True):
            joined = f"{joined[:offset]}^{marker}{joined[offset:]}"
        out.append(joined)
    return out


def test_a_marker_printed_apart_stands_in_the_gap_it_left_in_the_line_below() -> None:
    # pdftotext prints a raised marker before the line it was raised over, and leaves a
    # gap where it stood ("годы ,"); a marker later than the one expected counts too.
    text = (
        "напоминая о принятии Рамочной стратегии Конвенции на\n"
        "3\n"
        "2018–2030 годы , включая новую стратегическую цель противодействия засухе,\n"
        "подтверждая Парижское соглашение,\n"
    )
    assert _marked(text, "ru") == [
        "напоминая о принятии Рамочной стратегии Конвенции на 2018–2030 годы^3, включая "
        "новую стратегическую цель противодействия засухе,",
        "подтверждая Парижское соглашение,",
    ]


def test_french_keeps_its_space_before_a_semicolon_after_a_marker_put_back() -> None:
    text = "1.\nDécide que la réunion portera sur la Convention\n2\nsur le climat ;\n"
    assert _marked(text, "fr") == [
        "1. Décide que la réunion portera sur la Convention sur le climat^2 ;"
    ]


def test_a_layout_keeping_extraction_shows_a_markers_word_by_its_column() -> None:
    # pdftotext -layout: the marker alone stands over the end of the word it follows.
    text = (
        "     1.    Recalls the adoption of the Treaty on the Prohibition of Nuclear\n"
        "        1\n"
        "Weapons on 7 July 2017;\n"
        "          2.       Welcomes the entry into force of the Treaty;\n"
    )
    assert _marked(text, "en") == [
        "1. Recalls the adoption of the Treaty on the Prohibition of Nuclear Weapons^1 on "
        "7 July 2017;",
        "2. Welcomes the entry into force of the Treaty;",
    ]


def test_a_preambular_paragraphs_last_line_printed_before_its_first_goes_back() -> None:
    # pdftotext: "… leur mandat," / "Rome," / "" / "Affirmant … du Statut de" / "" / "Soulignant"
    text = (
        "Considérant que l’Organisation et la Cour doivent respecter leur mandat,\n"
        "Rome,\n\n"
        "Affirmant de nouveau l’importance historique que revêt l’adoption du Statut de\n\n"
        "Soulignant que la justice est l’une des conditions de la pérennisation de la paix,\n"
    )
    assert _marked(text, "fr")[1:] == [
        "Affirmant de nouveau l’importance historique que revêt l’adoption du Statut de Rome,",
        "Soulignant que la justice est l’une des conditions de la pérennisation de la paix,",
    ]


def test_a_full_last_line_before_a_page_break_is_not_moved() -> None:
    text = (
        "Recalling its resolution 69/307 of 25 June 2015 concerning the financing of the\n"
        "Regional Service Centre in Entebbe, Uganda, and its subsequent resolutions thereon,\n"
        "the latest of which was resolution 76/278 of 29 June 2022,\n\n"
        "Having considered the reports of the Secretary-General on the financing of the\n"
        "\fRegional Service Centre and the related report of the Advisory Committee,\n"
    )
    assert [block[:20] for block in _marked(text, "en")] == [
        "Recalling its resolu",
        "Having considered th",
    ]


def test_a_meeting_wrapped_in_a_layout_keeping_extraction_is_one_line() -> None:
    text = (
        "      6.   постановляет включить в предварительную повестку дня своей\n"
        "восьмидесятой сессии пункт, озаглавленный «Всеобщее и полное разоружение».\n\n"
        "                                     55-е (возобновленное) пленарное\n"
        "                                     заседание\n"
    )
    assert _marked(text, "ru")[1:] == ["55-е (возобновленное) пленарное заседание"]


def test_a_running_title_starts_as_the_title_does() -> None:
    # After the running header, a line of text that is only somewhere in the title stays.
    title = "Осуществление Конвенции Организации Объединенных Наций по борьбе с опустыниванием"
    lines = [
        layout.Line(1, "использовать возможности осуществления Конвенции Организации"),
        layout.Line(2, "A/RES/77/166", page_break=True),
        layout.Line(3, "Объединенных Наций по борьбе с опустыниванием"),
        layout.Line(4, "4/5", page_break=True),
        layout.Line(5, "A/RES/77/166", page_break=True),
        layout.Line(6, "Осуществление Конвенции Организации Объединенных"),
        layout.Line(7, "Наций по борьбе с опустыниванием"),
        layout.Line(8, "подчеркивает важность,"),
    ]
    content, _ = layout.strip_furniture(
        lines, profile("ru"), title=title, diagnostics=Diagnostics()
    )
    assert [line.no for line in content] == [1, 3, 8]


def test_a_running_title_wrapped_onto_the_symbols_line_is_furniture() -> None:
    # LibreOffice's PDF of resconv's DOCX through pypdfium2: the header's long title
    # wraps, and its end stands beside the symbol.
    title = (
        "Effective promotion of the Declaration on the Rights of Persons Belonging to "
        "National or Ethnic, Religious and Linguistic Minorities"
    )
    lines = [
        layout.Line(1, "religious and linguistic minorities;"),
        layout.Line(2, "2/5 21-19233"),
        layout.Line(
            3,
            "Effective promotion of the Declaration on the Rights of Persons Belonging to "
            "National or",
        ),
        layout.Line(4, "Ethnic, Religious and Linguistic Minorities A/RES/76/168"),
        layout.Line(5, "6. Also recommends that States ensure that all measures"),
        layout.Line(6, "Effective promotion of the Declaration is the aim,"),
    ]
    content, _ = layout.strip_furniture(lines, EN, title=title, diagnostics=Diagnostics())
    assert [line.no for line in content] == [1, 5, 6]


def test_a_word_the_language_knows_is_not_made_its_compound() -> None:
    overlong = "x " * 60 + "to develop regular dialogue and cooperation with the Special Rapporteur"
    lines = [overlong, *["a line of ordinary width for the measure of the text"] * 20]
    repaired = rejoin_split_words(lines, Diagnostics(), list(range(1, 22)), lang="en")
    assert repaired[0].endswith("dialogue and cooperation with the Special Rapporteur")


def test_a_page_foot_with_a_long_list_of_symbols_pairs() -> None:
    symbols = [", ".join(f"A/C.6/{n}/SR.{k}" for k in range(10, 16)) + "," for n in range(64, 77)]
    lines = [
        layout.Line(1, "sobre el alcance de la jurisdicción universal1,"),
        layout.Line(2, "1"),
        layout.Line(3, "Véanse " + symbols[0], blank_before=True),
        *(layout.Line(4 + i, text) for i, text in enumerate(symbols[1:])),
        layout.Line(20, "A/C.6/80/SR.24."),
        layout.Line(21, "1/2", blank_before=True),
        layout.Line(22, "Observando también la decisión,", page_break=True),
    ]
    content, notes = layout.strip_furniture(
        lines, profile("es"), title="x", diagnostics=Diagnostics()
    )
    assert [line.no for line in content] == [1, 22]
    assert [(n.marker, len(n.lines)) for n in notes] == [("1", 14)]


def test_a_note_whose_text_opens_with_a_number_and_a_word_is_a_note_of_its_own() -> None:
    # The UN's own text may repeat the marker in the note ("2 Voir …").
    lines = [
        layout.Line(1, "accords de désarmement2,"),
        layout.Line(2, "1", blank_before=True),
        layout.Line(3, "2"),
        layout.Line(4, "A/77/86.", blank_before=True),
        layout.Line(5, "2 Voir A/74/548, annexe."),
        layout.Line(6, "1/2", blank_before=True),
        layout.Line(7, "Consciente que l’emploi des armes,", page_break=True),
    ]
    _, notes = layout.strip_furniture(lines, profile("fr"), title="x", diagnostics=Diagnostics())
    assert [(n.marker, n.lines) for n in notes] == [
        ("1", ["A/77/86."]),
        ("2", ["2 Voir A/74/548, annexe."]),
    ]


def test_a_one_word_last_line_stays_apart_from_justified_words_opening_a_paragraph() -> None:
    lines = _lines(
        "культа в нарушение международного",
        "права,",
        "выражая",
        "обеспокоенность",
        "усиливающимися",
        "проявлениями",
        "нетерпимости на основе религии или убеждений,",
    )
    joined = join_word_lines(lines, Diagnostics(), profile("ru"))
    assert [line.text for line in joined] == [
        "культа в нарушение международного",
        "права,",
        "выражая обеспокоенность усиливающимися проявлениями",
        "нетерпимости на основе религии или убеждений,",
    ]


def test_scattered_words_go_back_into_the_one_short_line_above_them() -> None:
    # The words were cut from "(f)"'s line, not from the paragraph they follow.
    text = (
        "f)\n\nпостановка ядерного материала\nмеждународные гарантии;\n\n"
        "g)\n\nпроверка правильности и полноты исходных объявлений относительно\n"
        "ядерного материала после того, как соответствующее государство объявило\n"
        "о том, что оно более не имеет ядерного оружия или взрывных устройств;\n\n"
        "h)\n\nсредства доставки ядерного оружия;\n\nи\n\nядерных\n\nобъектов\n\nпод\n\n"
        "7.\nпросит Генерального секретаря оказать Группе всю необходимую помощь;\n"
    )
    restored = restore_scattered_words(text, Diagnostics()).split("\n")
    assert restored[2] == "постановка ядерного материала и ядерных объектов под"
    assert "под" not in restored[20:]


def test_lines_a_column_or_two_off_a_labels_text_continue_it() -> None:
    # pdftotext -layout sets "à" at column 16 and the lines under it at 14; a nested label
    # at the text's column opens an item of its own; Russian labels hang too.
    text = (
        "       12.    Encourage tous les États :\n"
        "       a)       à s’entraider dans les enquêtes pénales, poursuites pénales et\n"
        "              procédures d’extradition liées aux infractions graves ;\n"
        "       b)      Les tables rondes auront pour thèmes :\n"
        "               i)     Table ronde 1 : Faire progresser la mise en œuvre du\n"
        "                     Programme d’action mondial pour la jeunesse ;\n"
    )
    assert _marked(text, "fr") == [
        "12. Encourage tous les États :",
        "a) à s’entraider dans les enquêtes pénales, poursuites pénales et procédures "
        "d’extradition liées aux infractions graves ;",
        "b) Les tables rondes auront pour thèmes :",
        "i) Table ronde 1 : Faire progresser la mise en œuvre du Programme d’action mondial "
        "pour la jeunesse ;",
    ]
    russian = (
        "      14.   настоятельно призывает государства активизировать усилия по\n"
        "защите свободы мысли и с этой целью:\n"
        "     а)    обеспечивать, чтобы их конституционные и законодательные\n"
        "           системы предусматривали адекватные гарантии;\n"
    )
    assert len(_marked(russian, "ru")) == 2


def test_a_marker_printed_apart_before_a_line_without_a_gap_follows_its_first_word() -> None:
    # Markers 1–6 glued to their words came before: 7 is the one expected next.
    text = (
        "16.\nNotes the reports,1 the decisions2 and the plans,3 the programmes,4 the "
        "statements5 and the Global Compact on Refugees,6 and the summits;\n"
        "17.\nRecalls the adoption of the New York Declaration for Refugees and\n"
        "7\n"
        "Migrants at the high-level plenary meeting of the General Assembly;\n"
        "8\n\n"
        "18.\nCalls upon States to implement the Compact;\n"
    )
    assert _marked(text, "en")[1] == (
        "17. Recalls the adoption of the New York Declaration for Refugees and Migrants^7 at the "
        "high-level plenary meeting of the General Assembly;^8"
    )


def test_a_layout_keeping_extraction_puts_a_marker_after_the_punctuation_under_it() -> None:
    text = (
        "      18.   Also recalls the Global Compact on Refugees, affirmed on 17 December\n"
        "     9\n"
        "2018, and calls upon the international community to implement the Compact;\n"
        "      19.   Calls upon States to implement the Compact;\n"
    )
    assert _marked(text, "en")[0] == (
        "18. Also recalls the Global Compact on Refugees, affirmed on 17 December 2018,^9 and "
        "calls upon the international community to implement the Compact;"
    )


def test_an_overlong_line_gets_back_the_hyphen_of_its_first_line_end() -> None:
    # pdftotext set each paragraph on one line and dropped the hyphen where the first
    # printed line ended; the same words elsewhere in the line stay as printed.
    full = "the General Assembly takes note of the report of the Secretary-General on it, and its"
    texts = [full] * 30 + [
        "further enhance the level of cooperation with one another, such as through joint "
        "workplanning sessions, without prejudice to the independence of each, and high quality",
        "accompanied by other measures, such as providing access to basic services, high "
        "quality education and health-care services, and high quality food;",
        "as and when conducive to terrorism, develop relevant good practices and "
        "counterterrorism legislation, and support the victims of terrorism,",
    ]
    out = rejoin_split_words(texts, Diagnostics(), list(range(len(texts))), lang="en")
    assert "joint work-planning sessions" in out[30] and out[30].endswith("and high quality")
    assert "services, high-quality education" in out[31] and "high quality food" in out[31]
    assert "and counter-terrorism legislation" in out[32]
    assert "level of cooperation" in out[30]  # a word of the language keeps its form


def test_two_fragments_of_a_rare_word_are_joined_when_the_language_has_its_stem() -> None:
    texts = ["the principles of transparency, repre sentativity and equal opportunity,"]
    out = rejoin_split_words(texts, Diagnostics(), [1], lang="en")
    assert out == ["the principles of transparency, representativity and equal opportunity,"]
    # A split compound whose hyphen was lost as well gets it back.
    texts = ["the implementation of relevant fami lyoriented policies,"]
    out = rejoin_split_words(texts, Diagnostics(), [1], lang="en")
    assert out == ["the implementation of relevant family-oriented policies,"]
    # Two words of the language stay two.
    texts = ["the dimensions of sustain able development,"]
    assert rejoin_split_words(texts, Diagnostics(), [1], lang="en") == texts


def test_a_reference_repeated_after_the_name_it_first_followed_is_glued_back() -> None:
    # Notes 1 and 2 first follow "session" and "map"; cited again after the names that
    # their clause named, and after a semicolon, they are glued back.
    paras = [
        _para(
            "Affirming the principle of land for peace, the Arab Peace Initiative adopted by "
            "the Council of the League of Arab States at its fourteenth session 1 and the "
            "Quartet road map 2 to a permanent solution,"
        ),
        _para("Requests the Committee to act on the Arab Peace Initiative 1 and the road map; 2"),
        _para("Decides that the Initiative 1 States are invited;"),
    ]
    bodies = {str(n): layout.Note(str(n), 9, ["Resolution 58/4."]) for n in (1, 2)}
    place_glued_markers(paras, bodies, EN, {})
    assert "the Arab Peace Initiative1 and the road map;" in paras[1].text
    # A name not followed by a lower-case word stays as printed.
    assert paras[2].text == "Decides that the Initiative 1 States are invited;"


def test_a_section_number_alone_heads_what_follows_an_unpunctuated_title() -> None:
    text = (
        "The General Assembly\nEndorses the declaration annexed.\n"
        "Annex\nGearing up for a decade of action: political declaration of the Sustainable\n"
        "Development Goals Summit\nI\nOur commitment\n1.\nWe, the Heads of State, have met.\n"
    )
    assert _marked(text, "en")[-2:] == ["I Our commitment", "1. We, the Heads of State, have met."]


def test_a_paragraphs_last_line_printed_before_its_number_goes_back() -> None:
    text = (
        "Rappelant sa résolution 14 (I) et le rôle qui revient au Comité\n"
        "consultatif, organe subsidiaire qui relève d’elle,\n"
        "2023 ;\n\n1.\n\nAccueille avec satisfaction le rapport du Comité des conférences pour\n"
        "I Calendrier des conférences et des réunions\n\n2.\nApprouve le projet de calendrier ;\n"
    )
    assert _marked(text, "fr")[1].startswith(
        "1. Accueille avec satisfaction le rapport du Comité des conférences pour 2023 ;"
    )


def test_a_lower_case_line_after_a_short_item_is_the_lists_wrap_up() -> None:
    text = (
        "75. Prie de nouveau le Secrétaire général de faire figurer les éléments suivants :\n"
        "a) un résumé ;\nb) un rappel des faits utiles à connaître ;\n"
        "et demande de nouveau que les conclusions et recommandations figurant dans\n"
        "tous les documents apparaissent en caractères gras ;\n76. Note avec préoccupation "
        "que seuls 73 pour cent des départements ont atteint l’objectif ;\n"
    )
    assert _marked(text, "fr")[3] == (
        "et demande de nouveau que les conclusions et recommandations figurant dans tous les "
        "documents apparaissent en caractères gras ;"
    )


def test_a_heading_wrapped_over_three_lines_before_a_number_is_one_heading() -> None:
    text = (
        "12. Approuve les montants, compte tenu des réaffectations de postes ;\n"
        "Modalités de financement des montants inscrits au compte d’appui\n"
        "aux opérations de maintien de la paix pour les exercices allant du 1er juillet 2023\n"
        "au 30 juin 2024 et du 1er juillet 2025 au 30 juin 2026\n"
        "13. Décide que les montants seront financés comme suit :\n"
    )
    assert len(_marked(text, "fr")) == 3


def test_a_short_line_left_open_is_a_heading_before_a_capital() -> None:
    text = (
        "The General Assembly,\nTakes note of the guidelines annexed.\n"
        "Annex\nText of the guidelines\nGuideline 1\nScope\n"
        "The present guidelines concern the provisional application of treaties by States\n"
        "or by international organizations.\n"
    )
    assert _marked(text, "en")[-3:] == [
        "Guideline 1",
        "Scope",
        "The present guidelines concern the provisional application of treaties by States or "
        "by international organizations.",
    ]


def test_a_colon_before_a_title_inside_a_numbered_paragraph_runs_on() -> None:
    text = (
        "34.\nNotes the policy proposals put forward by the Conference on Trade and\n"
        "Development in its World Investment Report 2022:\n"
        "International Tax Reform and Sustainable Investment, in particular that the\n"
        "international community should support developing countries;\n"
        "35.\nTakes note of the report;\n"
    )
    assert len(_marked(text, "en")) == 2


def test_the_adoption_date_is_no_note_on_its_markers_line() -> None:
    lines = [
        layout.Line(
            1, "14. Requests the Special Committee to report, and recalls the 2030 Agenda,1"
        ),
        layout.Line(2, "49th plenary meeting"),
        layout.Line(3, "9 December 2021"),
        layout.Line(4, "1 Resolution 70/1."),
        layout.Line(5, "1/1"),
    ]
    content, notes = layout.strip_furniture(lines, EN, title="x", diagnostics=Diagnostics())
    assert [line.no for line in content] == [1, 2, 3]
    assert [(n.marker, n.lines) for n in notes] == [("1", ["Resolution 70/1."])]


def test_a_word_cut_from_a_line_printed_before_the_page_foot_goes_back_first() -> None:
    text = (
        "The development of open-source software, open data and open artificial intelligence\n"
        "systems, with a view to leveraging existing United Nations and other mechanisms;\n\n"
        "(d)\n\nThe interoperability and\ngovernance approaches;\n\n(e)\n\n"
        "Respect for and protection and promotion of human rights in the field of\n"
        "artificial intelligence;\n\ncompatibility\n\nSee resolution 70/1.\n\n2/4\n\n"
        "of\n\nartificial\n\nintelligence\n\n\fA/RES/79/325\n\n(f)\n\nThe transparency;\n"
    )
    restored = restore_scattered_words(text, Diagnostics()).split("\n")
    assert restored[5] == "The interoperability and compatibility of artificial intelligence"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Recalling its resolution 67/38,", 28),
        ("回顾其 2012 年\u3000决议，", 18),  # han and full-width punctuation count two
        ("  \t第 56/24 号 ", 9),  # no space counts (the ideographic one neither)
    ],
)
def test_a_lines_printed_width_counts_cjk_two_and_spaces_nothing(text: str, expected: int) -> None:
    assert layout.width(text) == expected


def test_a_recorded_vote_is_taken_out_with_its_label_in_bold_and_a_text_without_is_kept() -> None:
    from resconv.readers.markup import take_vote

    text = "1. Decides;\n\n**In favour:** Albania, Andorra\n**Against:** Belarus\nEnd."
    kept, vote = take_vote(text)
    assert vote == {"in_favour": ("Albania", "Andorra"), "against": ("Belarus",)}
    assert kept == "1. Decides;\n\n\n\nEnd."  # the lines stay, empty
    plain = "1. Decides that the favour of States: *Albania*;\n"
    assert take_vote(plain) == (plain, {})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Decenio (20182027) sería", "Decenio (2018-2027) sería"),
        ("联合国家庭农业十年(20192028年)和", "联合国家庭农业十年(2019-2028年)和"),
        ("the years 20282018 and", "the years 20282018 and"),  # falling: no range
        ("document 19992105", "document 19992105"),  # more than a century apart
    ],
)
def test_two_years_glued_are_a_range_whose_line_end_hyphen_went(text: str, expected: str) -> None:
    assert restore_year_ranges(text, Diagnostics()) == expected


def test_a_spanish_aside_dash_at_a_line_end_opens_the_next_word() -> None:
    # The UN's Spanish glues an aside's opening dash to its first word; Russian spaces it.
    lines = ("en sus tres dimensiones —", "económica, social y ambiental—;")
    assert layout.join_block(_lines(*lines), profile("es"))[0] == (
        "en sus tres dimensiones —económica, social y ambiental—;"
    )
    assert layout.join_block(_lines("три измерения —", "экономическое"), profile("ru"))[0] == (
        "три измерения — экономическое"
    )


def test_a_range_of_dates_whose_line_end_hyphen_went_gets_it_back() -> None:
    texts = ["Johannesburg, 26 août4 septembre 2002 (publication", "le 5 juin, du 3 au 14 juin"]
    out = rejoin_split_words(texts, Diagnostics(), [1, 2], lang="fr")
    assert out == ["Johannesburg, 26 août-4 septembre 2002 (publication", texts[1]]
