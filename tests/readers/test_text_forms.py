"""Forms of input the text reader recognises by structure: Markdown, page feet of PDF
extractions, deep subparagraphs, Arabic in visual order, and texts that are no single
whole resolution."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from resconv.errors import StructureError
from resconv.model import (
    Heading,
    Inlines,
    OperativeParagraph,
    Subparagraph,
    Table,
    Text,
    iter_leaves,
    plain_text,
)
from resconv.readers.text.reader import TextReader

CASES = Path(__file__).resolve().parents[2] / "fixtures" / "cases"

MARKDOWN = """# 80/99. Example resolution

The General Assembly,

*Recalling* its resolution 79/1,[^1]

**1.** *Decides* to remain seized of the matter.

99th plenary meeting 3 December 2025

[^1]: See A/79/1.
"""

EXTRACTED = """United Nations A/RES/80/99
General Assembly Distr.: General 5 December 2025
Eightieth session
Agenda item 99
80/99.
Example resolution
The General Assembly,
Recalling its resolution 79/1 of 2 December 2024, 1
Noting the report of the Secretary-
General, 2
1.
Decides to remain seized of the matter.
__________________
1
2
25-00001 (E)
See A/79/1.
A/80/2.
\f3 December 2025 99th plenary meeting
"""


def test_markdown_as_converters_write_it() -> None:
    resolution = TextReader().read(MARKDOWN.encode()).value
    assert resolution.number == "80/99"
    [preambular] = resolution.preamble
    assert preambular.initial_words == "Recalling"
    [operative] = resolution.operative
    assert isinstance(operative, OperativeParagraph)
    assert (operative.number, operative.initial_words) == ("1.", "Decides")
    assert [(f.marker, f.text) for f in resolution.footnotes] == [("1", "See A/79/1.")]
    assert resolution.adoption is not None
    assert (resolution.adoption.meeting, str(resolution.adoption.date)) == (99, "2025-12-03")


def test_page_foot_with_markers_apart_from_their_texts() -> None:
    result = TextReader().read(EXTRACTED.encode())
    resolution = result.value
    assert [p.initial_words for p in resolution.preamble] == ["Recalling", "Noting"]
    assert [(f.marker, f.text) for f in resolution.footnotes] == [
        ("1", "See A/79/1."),
        ("2", "A/80/2."),
    ]
    assert resolution.cover.distribution == "General"
    assert str(resolution.cover.distribution_date) == "2025-12-05"
    assert not result.warnings, [str(d) for d in result.warnings]


def test_three_levels_of_subparagraphs() -> None:
    text = "\n\n".join(
        [
            "80/99. 示例决议",
            "大会，",
            "回顾其第79/1号决议，",
            "1. 决定如下：",
            "(a) 第一项：",
            "㈠ 第一小项：",
            "① 第一分项；",
            "② 第二分项；",
            "㈡ 第二小项；",
            "(b) 第二项。",
            "2025年12月3日",
            "第99次全体会议",
        ]
    )
    [operative] = TextReader().read(text.encode()).value.operative
    assert isinstance(operative, OperativeParagraph)

    def tree(subs: tuple[Subparagraph, ...]) -> list[object]:
        return [(s.number, tree(s.subparagraphs)) for s in subs]

    assert tree(operative.subparagraphs) == [
        ("(a)", [("㈠", [("①", []), ("②", [])]), ("㈡", [])]),
        ("(b)", []),
    ]


def test_arabic_in_visual_order_is_put_back() -> None:
    logical = (CASES / "ar-sections-annex.txt").read_text(encoding="utf-8")
    expected = TextReader().read(logical.encode()).value
    visual = "\n".join(line[::-1] for line in logical.split("\n"))
    result = TextReader().read(visual.encode())
    assert result.value == expected
    assert "visual-order-repaired" in {d.code for d in result.diagnostics}


def test_arabic_in_visual_order_without_a_title_is_refused() -> None:
    logical = (CASES / "ar-sections-annex.txt").read_text(encoding="utf-8")
    lines = [line for line in logical.split("\n") if "/" not in line]  # no number line
    visual = "\n".join(line[::-1] for line in lines)
    with pytest.raises(StructureError, match="visual order"):
        TextReader().read(visual.encode())


def test_two_resolutions_pasted_together_are_refused() -> None:
    second = MARKDOWN.replace("80/99", "80/100")
    with pytest.raises(StructureError, match="second resolution starts at line 13"):
        TextReader().read((MARKDOWN + "\n" + second).encode())


@pytest.mark.parametrize("english_first", [True, False], ids=["en-then-zh", "zh-then-en"])
def test_two_resolutions_in_different_languages_pasted_together_are_refused(
    english_first: bool,
) -> None:
    chinese = (CASES.parent / "A-RES-67-38.zh.txt").read_text(encoding="utf-8")
    text = MARKDOWN + "\n" + chinese if english_first else chinese + "\n" + MARKDOWN
    with pytest.raises(StructureError, match="second resolution starts at line"):
        TextReader().read(text.encode())


def test_a_text_cut_short_is_reported_with_its_line() -> None:
    cut = EXTRACTED.split("\n1.\n")[0].replace(
        "General Assembly Distr.",
        "Resolution adopted by the General Assembly on 3 December 2025\nDistr.",
    )
    result = TextReader().read(cut.encode())
    [truncated] = [d for d in result.diagnostics if d.code == "text-truncated"]
    assert truncated.line == 10


TABLED = """80/98. Staffing

The General Assembly,

Recalling its resolution 79/1,

1. Approves the changes to the staffing table below:

A.

A. Administration

Action\tTitle of post\tNumber
\t\t
New post\tChief\t1
Abolishment\tAssistant\t(1)

2. Decides to remain seized of the matter.

99th plenary meeting
3 December 2025
"""


def _table_texts(table: Table) -> list[list[str]]:
    return [
        [" ".join(plain_text(p) for p in cell.content) for cell in row.cells] for row in table.rows
    ]


@pytest.mark.parametrize("layout", ["tabs", "markdown"])
def test_a_table_copied_as_rows_of_cells_is_a_table_where_it_stands(layout: str) -> None:
    text = TABLED
    if layout == "markdown":
        rows = [line.split("\t") for line in TABLED.splitlines() if "\t" in line]
        markdown = ["| " + " | ".join(row) + " |" for row in rows]
        markdown.insert(1, "| --- | --- | --- |")
        text = TABLED.replace("\n".join("\t".join(r) for r in rows), "\n".join(markdown))
    r = TextReader().read(text.encode())
    first, heading, table, second = r.value.operative
    assert isinstance(first, OperativeParagraph) and first.number == "1."
    assert isinstance(heading, Heading)
    assert (heading.number, plain_text(heading.text)) == ("A.", "A. Administration")
    assert isinstance(table, Table)
    assert _table_texts(table) == [
        ["Action", "Title of post", "Number"],
        ["", "", ""],
        ["New post", "Chief", "1"],
        ["Abolishment", "Assistant", "(1)"],
    ]
    assert [row.header for row in table.rows] == [layout == "markdown", False, False, False]
    assert isinstance(second, OperativeParagraph) and second.number == "2."


def test_paragraphs_copied_with_a_tab_after_their_number_are_no_table() -> None:
    text = (
        "80/97. Example\n\nThe General Assembly,\n\nRecalling its resolution 79/1,\n\n"
        "1.\tDecides to act:\n\n\t(a)\tAt once;\n\n\t(b)\tLater;\n\n"
        "2.\tRequests a report.\n\n99th plenary meeting\n\n3 December 2025\n"
    )
    r = TextReader().read(text.encode())
    first, second = r.value.operative
    assert isinstance(first, OperativeParagraph) and isinstance(second, OperativeParagraph)
    assert [s.number for s in first.subparagraphs] == ["(a)", "(b)"]
    assert second.number == "2."
    assert not any(isinstance(block, Table) for block in r.value.operative)


IN_PARTS = """80/96. Special subjects

The General Assembly,

I

Conditions of service

Recalling its resolution 79/1,

Having considered the report of the Secretary-General,

1. Takes note of the report;

2. Decides to keep the matter under review.

II

Strategic heritage plan

Recalling its resolution 79/2,

Approves resources in the amount of 1,000 dollars,

III

Contingency fund

Notes the balance of the fund.

99th plenary meeting

3 December 2025
"""


def test_a_resolution_in_parts_each_with_its_preamble_and_operative_paragraphs() -> None:
    r = TextReader().read(IN_PARTS.encode())
    resolution = r.value
    assert (resolution.preamble, resolution.operative) == ((), ())
    shapes = [
        (
            part.number,
            plain_text(part.heading),
            [plain_text(p.content)[:12] for p in part.preamble],
            [
                (b.number, plain_text(b.content)[:12])
                for b in part.operative
                if isinstance(b, OperativeParagraph)
            ],
        )
        for part in resolution.parts
    ]
    assert shapes == [
        (
            "I",
            "Conditions of service",
            ["Recalling it", "Having consi"],
            [("1.", "Takes note o"), ("2.", "Decides to k")],
        ),
        ("II", "Strategic heritage plan", ["Recalling it"], [(None, "Approves res")]),
        ("III", "Contingency fund", [], [(None, "Notes the ba")]),
    ]


def test_a_section_heading_before_operative_paragraphs_is_a_heading_not_a_part() -> None:
    text = (
        "80/95. Example\n\nThe General Assembly,\n\nRecalling its resolution 79/1,\n\n"
        "I\n\nPreparations\n\n1. Decides to act;\n\nII\n\nFollow-up\n\n"
        "2. Requests a report.\n\n99th plenary meeting\n\n3 December 2025\n"
    )
    resolution = TextReader().read(text.encode()).value
    assert resolution.parts == ()
    assert [type(b).__name__ for b in resolution.operative] == [
        "Heading",
        "OperativeParagraph",
        "Heading",
        "OperativeParagraph",
    ]


WEB_COPY_NOTES_AT_THE_END = """Resolution adopted by the General Assembly on 2 December 2024
[on the report of the First Committee (A/79/408, para. 114)]
79/45. Example resolution
The General Assembly,
Recalling its resolutions 63/51 of 2 December 2008 and 78/251,
Noting the work on HIV and AIDS,2 in particular on the programmes 2, 3, 17 and 25,
Recalling resolution 73/44 of 1 December 2018 and the decision EC-94/DEC.23,
1. Decides to remain seized of the matter.
43rd plenary meeting
2 December 2024
__________________
1 A/79/118.
2 A/79/119.
3 EC-96/DG.1.
"""


def _cited(inlines: Inlines) -> str:
    return "".join(
        piece.text if isinstance(piece, Text) else f"[^{piece.marker}]"
        for piece in iter_leaves(inlines)
    )


def test_bare_markers_are_placed_where_no_date_or_list_of_numbers_has_them() -> None:
    """A day before its month, a number dated after it, a list of numbers: no markers; a
    marker glued to a document number before punctuation, or after a capital and a comma."""
    resolution = TextReader().read(WEB_COPY_NOTES_AT_THE_END.encode()).value
    assert [_cited(p.content) for p in resolution.preamble] == [
        "Recalling its resolutions 63/51 of 2 December 2008 and 78/25[^1],",
        "Noting the work on HIV and AIDS,[^2] in particular on the programmes 2, 3, 17 and 25,",
        "Recalling resolution 73/44 of 1 December 2018 and the decision EC-94/DEC.2[^3],",
    ]


FRENCH_WEB_COPY = """Résolution adoptée par l’Assemblée générale le 21 mars 2025
[sans renvoi à une grande commission (A/79/L.59)]
79/274. Exemple
L’Assemblée générale,
Rappelant la décision WT/L/508/Add.1 du 25 juillet 2012,
Accueille avec satisfaction la proclamation de 2025 comme Année internationale de la paix,
Notant que l’objectif consistant à consacrer 0,7 pour cent du revenu national a été fixé,
1. Se félicite que les parties1 aient agi ;
2. Prie le Secrétaire général de lui présenter un rapport sur l’application de la résolution 78/72 ;
61e séance plénière
21 mars 2025
__________________
1 Voir A/79/1.
2 A/79/2.
"""


def test_a_french_web_copy_keeps_decimals_and_symbols_and_its_preamble() -> None:
    """ "0,7" and "Add.1" hold no marker; a preambular paragraph printed with an operative
    verb stays in the preamble when more preambular ones follow; "78/72 ;" ends with
    marker 2 before the French space and semicolon."""
    resolution = TextReader().read(FRENCH_WEB_COPY.encode()).value
    assert len(resolution.preamble) == 3
    assert "0,7 pour cent" in plain_text(resolution.preamble[2].content)
    assert "WT/L/508/Add.1 du" in plain_text(resolution.preamble[0].content)
    first, second = resolution.operative
    assert isinstance(first, OperativeParagraph) and isinstance(second, OperativeParagraph)
    assert _cited(first.content).endswith("parties[^1] aient agi ;")
    assert _cited(second.content).endswith("résolution 78/7[^2] ;")


def test_letters_doubled_past_z_stay_siblings() -> None:
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)] + ["aa", "bb", "cc", "dd"]
    lines = [f"({letter}) item {letter};" for letter in letters]
    text = "\n".join(
        [
            "80/99. Example resolution",
            "The General Assembly,",
            "1. Decides:",
            *lines,
            "99th plenary meeting",
            "3 December 2025",
        ]
    )
    [operative] = TextReader().read(text.encode()).value.operative
    assert isinstance(operative, OperativeParagraph)
    assert [sub.number for sub in operative.subparagraphs] == [f"({x})" for x in letters]


def test_a_section_heading_with_its_roman_number_on_one_line_in_an_annex() -> None:
    text = """80/99. Example resolution
The General Assembly,
1. Adopts the declaration annexed to the present resolution.
99th plenary meeting
3 December 2025
Annex
Declaration
I. Governance
1. We commit ourselves.
II. Financing
2. We commit ourselves again.
"""
    [annex] = TextReader().read(text.encode()).value.annexes
    headings = [(b.number, plain_text(b.text)) for b in annex.body if isinstance(b, Heading)]
    assert headings == [("I.", "Governance"), ("II.", "Financing")]


def test_a_quotation_closing_the_last_paragraph_leaves_the_meeting_line_apart() -> None:
    text = """77/276. Beispiel
Die Generalversammlung,
1. beschließt, die folgende Frage zu stellen: „Welche Pflichten haben die Staaten?“
64. Plenarsitzung
29. März 2023
"""
    resolution = TextReader().read(text.encode()).value
    assert resolution.adoption is not None
    assert (resolution.adoption.meeting, resolution.adoption.date) == (64, dt.date(2023, 3, 29))
    assert len(resolution.operative) == 1


def test_notes_gathered_at_the_end_follow_each_other_without_a_full_stop() -> None:
    text = """80/99. Example resolution
The General Assembly,
Recalling the report of the Commission,1 in particular goals 2, 3 and 12,
1. Welcomes the work of the Commission2 and of its groups between the sessions;
99th plenary meeting
3 December 2025
__________________
1 Ibid., chap. VI, sect. B.2, and annex III
2 Ibid., sect. B.1.
"""
    resolution = TextReader().read(text.encode()).value
    assert [(note.marker, note.text) for note in resolution.footnotes] == [
        ("1", "Ibid., chap. VI, sect. B.2, and annex III"),
        ("2", "Ibid., sect. B.1."),
    ]
    [preambular] = resolution.preamble
    assert _cited(preambular.content).endswith("Commission,[^1] in particular goals 2, 3 and 12,")


WEB_COPY_HEADED = """80/95. Example

The General Assembly,

Recalling its resolution 79/1,

Noting with appreciation the work of the Programme,

Management of the Programme

1. Welcomes the report;

2. Decides to remain seized of the matter.

99th plenary meeting

3 December 2025
"""


def test_a_sub_heading_before_paragraph_1_heads_the_operative_part() -> None:
    resolution = TextReader().read(WEB_COPY_HEADED.encode()).value
    assert [p.initial_words for p in resolution.preamble] == [
        "Recalling",
        "Noting with appreciation",
    ]
    heading, first, _ = resolution.operative
    assert isinstance(heading, Heading)
    assert plain_text(heading.text) == "Management of the Programme"
    assert isinstance(first, OperativeParagraph) and first.number == "1."


def test_a_row_of_one_cell_stays_in_its_table() -> None:
    """A copied row of one cell has no tab: the tabbed rows around it keep it in."""
    text = TABLED.replace("\t\t\n", "(United States dollars)\n")
    [_, _, table, _] = TextReader().read(text.encode()).value.operative
    assert isinstance(table, Table)
    assert _table_texts(table)[1] == ["(United States dollars)"]


WEB_COPY_AMBIGUOUS_MARKERS = """80/94. Example

The General Assembly,

Recalling the Agenda of the Conference on Financing for Development, 1the Paris Agreement,

Noting the effects of the COVID‑19 pandemic and the statement on COVID‑192 of 28 April 2020,

1. Approves 74 611 100 dollars, of which 4 995 400 dollars for support, as listed3 ;

2. Decides to remain seized of the matter.

99th plenary meeting

3 December 2025

__________________

1 Resolution 69/313, annex.

2 See A/74/843.

3 See A/79/3.
"""


def test_markers_glued_to_words_the_text_prints_elsewhere_and_no_figure_taken() -> None:
    """ "1the" holds marker 1 before "the", "COVID‑192" marker 2 after "COVID‑19" (both
    printed elsewhere); "4 995 400" is a figure, not marker 3."""
    resolution = TextReader().read(WEB_COPY_AMBIGUOUS_MARKERS.encode()).value
    first, second = resolution.preamble
    assert "Development,[^1]the Paris" in _cited(first.content)
    assert "statement on COVID‑19[^2] of 28 April" in _cited(second.content)
    operative = resolution.operative[0]
    assert isinstance(operative, OperativeParagraph)
    assert _cited(operative.content).endswith("4 995 400 dollars for support, as listed[^3] ;")


def test_a_marker_is_not_put_past_every_place_of_the_next_one() -> None:
    """ "报告1以及" is marker 1 although "，1" stands later: marker 2 stands only before it."""
    text = (
        "80/93. 示例\n大会，\n审议了秘书长的报告1以及咨询委员会的有关报告，2\n"
        "1. 决定在第二期间审议第1项和第2项，1增加经费；\n2. 决定继续处理此案。\n"
        "2025年12月3日\n第99次全体会议\n__________________\n1 A/80/1。\n2 A/80/2。\n"
    )
    resolution = TextReader().read(text.encode()).value
    [preambular] = resolution.preamble
    assert _cited(preambular.content) == "审议了秘书长的报告[^1]以及咨询委员会的有关报告，[^2]"


def test_a_clean_copy_keeps_the_texts_own_spacing() -> None:
    """One paragraph a line: "de mostrar" and "11º ," are the text's, never repaired."""
    text = (
        "Resolución aprobada por la Asamblea General el 3 de diciembre de 2025\n\n"
        "80/92. Ejemplo\n\nLa Asamblea General,\n\n"
        "Recordando la oportunidad de mostrar la unidad, y demostrar su compromiso,\n\n"
        "1. Toma nota de los períodos de sesiones 10º y 11º , celebrados en Viena;\n\n"
        "2. Decide seguir ocupándose de la cuestión.\n\n"
        "99ª sesión plenaria\n\n3 de diciembre de 2025\n"
    )
    resolution = TextReader().read(text.encode()).value
    assert "oportunidad de mostrar la unidad" in plain_text(resolution.preamble[0].content)
    first = resolution.operative[0]
    assert isinstance(first, OperativeParagraph)
    assert "10º y 11º , celebrados" in plain_text(first.content)


def test_a_markdown_reference_ending_a_line_ends_its_paragraph() -> None:
    """ "…,[^1]" ends its paragraph as "…,1" does, even where a paragraph before it has no
    closing punctuation (so the text does not mark paragraphs by blank lines alone)."""
    text = (
        "# 80/91. Example\n\nThe General Assembly,\n\n"
        "*Aware* that friendly relations among nations are among the purposes of the Charter\n\n"
        "*Bearing in mind* the Universal Declaration of Human Rights,[^1]\n\n"
        "*Recalling* the United Nations Millennium Declaration,[^2]\n\n"
        "*Stressing* the urgency of peace,\n\n"
        "**1.** *Decides* to remain seized of the matter.\n\n"
        "99th plenary meeting\n\n3 December 2025\n\n---\n\n"
        "[^1]: Resolution 217 A (III).\n\n[^2]: Resolution 55/2.\n"
    )
    resolution = TextReader().read(text.encode()).value
    assert [p.initial_words for p in resolution.preamble] == [
        "Aware",
        "Bearing in mind",
        "Recalling",
        "Stressing",
    ]


def test_a_paragraph_number_printed_without_its_stop_is_its_number() -> None:
    """ "32 notes …" between "31." and "33." is paragraph 32; a figure opening a
    paragraph elsewhere is no number."""
    text = (
        "80/90. Example\n\nThe General Assembly,\n\nRecalling its resolution 79/1,\n\n"
        "1. Welcomes the report;\n\n2 Notes the progress made;\n\n"
        "3. Decides to remain seized of the matter.\n\n"
        "99th plenary meeting\n\n3 December 2025\n"
    )
    operative = TextReader().read(text.encode()).value.operative
    assert [getattr(block, "number", None) for block in operative] == ["1.", "2", "3."]


def test_a_text_cut_after_a_paragraph_number_is_reported_with_its_line() -> None:
    """A copy cut right after "2." ends with a number alone: it is cut short, whatever
    the cover says about the adoption date."""
    text = (
        "Resolution adopted by the General Assembly on 3 December 2025\n\n"
        "80/89. Example\n\nThe General Assembly,\n\nRecalling its resolution 79/1,\n\n"
        "1. Welcomes the report;\n\n2."
    )
    result = TextReader().read(text.encode())
    [truncated] = [d for d in result.diagnostics if d.code == "text-truncated"]
    assert truncated.line == 11


def test_a_subparagraph_right_after_a_table_is_kept_with_a_diagnostic() -> None:
    text = TABLED.replace("\n\n2. Decides", "\n\n(a) Posts abolished in 2026;\n\n2. Decides")
    result = TextReader().read(text.encode())
    [kept] = [d for d in result.diagnostics if d.code == "subparagraph-without-paragraph"]
    assert kept.line == 18
    kept_text = result.value.operative[3]
    assert isinstance(kept_text, OperativeParagraph)
    assert "Posts abolished in 2026;" in plain_text(kept_text.content)
