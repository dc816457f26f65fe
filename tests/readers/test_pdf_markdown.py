"""How printed lines become Markdown: joins, hyphens, markers, emphasis."""

from __future__ import annotations

from dataclasses import replace

from resconv.readers.markup import LABEL, heading_lines, mark_initial, mend_roman_start
from resconv.readers.pdf.document import Line, Page, Span
from resconv.readers.pdf.furniture import PageText
from resconv.readers.pdf.lines import order_lines
from resconv.readers.pdf.markdown import _inline, _join, _Spelling, _spelling, write_markdown

WORDS = _Spelling(
    words=frozenset({"implementation", "self-determination", "self", "determination"}),
    opening_dashes=frozenset(),
)


def test_lines_join_with_a_space_and_chinese_lines_without() -> None:
    assert _join([("text", "the purposes"), ("join", ""), ("text", "and principles")]) == (
        "the purposes and principles"
    )
    chinese = [("text", "决心促进严格遵循"), ("join", ""), ("text", "《联合国宪章》")]
    assert _join(chinese, chinese=True) == "决心促进严格遵循《联合国宪章》"
    assert _join([("text", "第1515"), ("join", ""), ("text", "(2003)号")], chinese=True) == (
        "第1515(2003)号"
    )


def test_a_hyphen_at_a_line_end_stays_unless_the_document_spells_the_word_whole() -> None:
    broken = [("text", "the implemen-"), ("join", ""), ("text", "tation of")]
    assert _join(broken, words=WORDS) == "the implementation of"
    compound = [("text", "to self-"), ("join", ""), ("text", "determination")]
    assert _join(compound, words=WORDS) == "to self-determination"
    unknown = [("text", "multidrug-"), ("join", ""), ("text", "resistant")]
    assert _join(unknown, words=WORDS) == "multidrug-resistant"


def test_a_raised_marker_becomes_a_markdown_reference() -> None:
    pieces = [("text", "resolution 72/4;"), ("marker", "1"), ("text", " and")]
    assert _join(pieces) == "resolution 72/4;[^1] and"
    assert _join([("text", "session"), ("marker", "2"), ("text", "and")]) == "session[^2] and"


def test_only_a_proper_emphasised_prefix_is_marked() -> None:
    runs = [("1. ", False), ("Takes note", True), (" of the report", False)]
    assert mark_initial("1. Takes note of the report", runs) == "1. *Takes note* of the report"
    whole = [("30th plenary meeting", True)]
    assert mark_initial("30th plenary meeting", whole) == "30th plenary meeting"
    late = [("Recalling ", False), ("inter alia", True)]
    assert mark_initial("Recalling inter alia", late) == "Recalling inter alia"


def test_a_line_broken_in_a_range_or_a_symbol_joins_without_a_space() -> None:
    assert _join([("text", "Beijing, 4–"), ("join", ""), ("text", "15 September")]) == (
        "Beijing, 4–15 September"
    )
    assert _join([("text", "see A/"), ("join", ""), ("text", "RES/67/38")]) == "see A/RES/67/38"
    assert _join([("text", "peace –"), ("join", ""), ("text", "and")]) == "peace – and"
    assert _join([("text", "Decade (2018-"), ("join", ""), ("text", "2028)")]) == (
        "Decade (2018-2028)"
    )
    assert _join([("text", "ambiental—"), ("join", ""), ("text", "de forma")]) == (
        "ambiental— de forma"
    )
    assert _join([("text", "Goal 4-"), ("join", ""), ("text", "Education 2030")]) == (
        "Goal 4-Education 2030"
    )
    assert _join([("text", "засуху и/"), ("join", ""), ("text", "или")]) == "засуху и/или"
    assert _join([("text", "resolution 2375 ("), ("join", ""), ("text", "2017)")]) == (
        "resolution 2375 (2017)"
    )


def test_a_dash_the_document_glues_to_the_word_after_it_joins_that_word() -> None:
    aside = [("text", "los tres pilares —"), ("join", ""), ("text", "investigación y")]
    spanish = _Spelling(words=frozenset(), opening_dashes=frozenset({" —"}))
    assert _join(aside, words=spanish) == "los tres pilares —investigación y"
    assert _join(aside, words=WORDS) == "los tres pilares — investigación y"


def test_a_dash_the_document_glues_to_the_word_before_it_closes_an_aside() -> None:
    """The aside's opening dash only ever ends a line; its closing one, glued to the word
    before ("ambiental—,"), says the document sets dashes against the aside."""
    lines = [
        Line(spans=[_span(text, 72.0, 700.0)], page=1)
        for text in ("económica, social y ambiental—, la",)
    ]
    assert _spelling(lines).opening_dashes == frozenset({" —"})
    spaced = [Line(spans=[_span("развития — экономическое", 72.0, 700.0)], page=1)]
    assert _spelling(spaced).opening_dashes == frozenset()
    ranges = [Line(spans=[_span("2015–, and 2030– 2040", 72.0, 700.0)], page=1)]
    assert _spelling(ranges).opening_dashes == frozenset()


def test_a_marker_keeps_the_space_drawn_after_it() -> None:
    french = [("text", "durables"), ("marker", "15"), ("text", " "), ("text", ";")]
    assert _join(french) == "durables[^15] ;"
    english = [("text", "durable"), ("marker", "15"), ("text", ";")]
    assert _join(english) == "durable[^15];"
    line_end = [("text", "国际日、"), ("marker", "11"), ("join", ""), ("text", "5 月 16 日")]
    assert _join(line_end, chinese=True) == "国际日、[^11] 5 月 16 日"


def test_pieces_of_one_printed_line_a_word_space_apart_are_joined_with_a_space() -> None:
    word = Line(spans=[_span("prolifération", 108.0, 474.6)], page=1)
    marker = Line(spans=[_span("3", 186.0, 479.9, size=7.0)], page=1)  # raised, touching
    semicolon = Line(spans=[_span(";", 195.5, 474.6)], page=1)  # 3.5 points on
    (line,) = order_lines([word, marker, semicolon])
    assert _inline([line], emphasis=False) == "prolifération[^3] ;"


def test_a_number_tabbed_to_its_text_is_set_off_by_a_space() -> None:
    label = _span("(vii)", 84.0, 392.8)
    text = _span("Violations of rights", 114.0, 392.8)
    assert _inline([Line(spans=[label, text], page=1)], emphasis=False) == (
        "(vii) Violations of rights"
    )


def _span(text: str, x0: float, baseline: float, *, size: float = 12.0, **style: bool) -> Span:
    return Span(
        text=text,
        x0=x0,
        x1=x0 + 6.0 * len(text),
        baseline=baseline,
        size=size,
        font="Serif",
        italic=style.get("italic", False),
        bold=style.get("bold", False),
    )


def _page(number: int, lines: list[list[Span]]) -> PageText:
    made = [Line(spans=spans, page=number) for spans in lines]
    return PageText(page=Page(number=number, width=564.0, height=800.0, lines=made), body=made)


def _body(last_line_of_page_one: list[Span], first_line_of_page_two: list[Span]) -> list[str]:
    """The paragraphs of two pages of 12-point text with no spacing between paragraphs:
    a title, four full lines, then the two lines either side of the page break."""
    full = "x" * 70  # 70 characters of 6 points: the full measure, 72 to 492 of 564
    page_one = [
        [_span("1/1. Title", 72.0, 760.0, bold=True)],
        *([_span(full, 72.0, 740.0 - 14.0 * i)] for i in range(4)),
        last_line_of_page_one,
    ]
    page_two = [first_line_of_page_two, [_span(full, 72.0, 746.0)]]
    text = write_markdown([_page(1, page_one), _page(2, page_two)]).text
    return [p for p in text.split("\n\n") if p.strip()]


def test_at_a_page_break_a_full_line_continues_its_paragraph() -> None:
    full_with_comma = [_span("x" * 69 + ",", 72.0, 684.0)]
    paragraphs = _body(full_with_comma, [_span("and so on", 72.0, 760.0)])
    assert paragraphs[-1].endswith("x, and so on " + "x" * 70)


def test_at_a_page_break_a_paragraph_goes_on_past_notes_set_in_the_flow() -> None:
    """The page's notes read in the body's flow (a page foot too long to tell apart):
    the paragraph before them filled its line and ended no clause, so the next page's
    first line goes on with it, and the notes are definitions."""
    unfinished = [_span("x" * 67 + " du", 72.0, 684.0)]
    note = [_span("1", 72.0, 648.0, size=7.0), _span("Ibid., chap. IV.", 80.0, 644.0, size=10.0)]
    full = "x" * 70
    page_one = [
        [_span("1/1. Title", 72.0, 760.0, bold=True)],
        *([_span(full, 72.0, 740.0 - 14.0 * i)] for i in range(4)),
        unfinished,
        note,
    ]
    page_two = [[_span("29 septembre 2017 and so on", 72.0, 760.0)], [_span(full, 72.0, 746.0)]]
    text = write_markdown([_page(1, page_one), _page(2, page_two)]).text
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert any(p.endswith("x du 29 septembre 2017 and so on " + full) for p in paragraphs)
    assert "[^1]: Ibid., chap. IV." in text


def test_at_a_page_break_a_short_line_ending_a_clause_ends_its_paragraph() -> None:
    short = [_span("the end,", 72.0, 684.0)]
    paragraphs = _body(short, [_span("Noting the report", 72.0, 760.0)])
    assert paragraphs[-2].endswith("the end,")
    assert paragraphs[-1].startswith("Noting the report")


def test_at_a_page_break_initial_words_in_italics_open_a_paragraph() -> None:
    nearly_full = [_span("x" * 66 + ",", 72.0, 684.0)]
    opening = [_span("Noting", 72.0, 760.0, italic=True), _span(" the report", 108.0, 760.0)]
    paragraphs = _body(nearly_full, opening)
    assert paragraphs[-1].startswith("*Noting* the report")


def test_at_a_page_break_a_short_line_before_initial_words_ends_its_paragraph() -> None:
    unpunctuated = [_span("(2018-2028)", 72.0, 684.0)]  # the paragraph ends without a comma
    opening = [_span("Noting", 72.0, 760.0, italic=True), _span(" the report", 108.0, 760.0)]
    paragraphs = _body(unpunctuated, opening)
    assert paragraphs[-2].endswith("(2018-2028)")
    assert paragraphs[-1].startswith("*Noting* the report")


def test_at_a_page_break_a_line_of_asterisks_stands_alone() -> None:
    paragraphs = _body([_span("* * *", 72.0, 684.0)], [_span("Welcoming the report", 72.0, 760.0)])
    assert paragraphs[-2] == "* * *"
    assert paragraphs[-1].startswith("Welcoming the report")


def test_a_page_of_numbered_paragraphs_keeps_the_margin_of_the_pages_before() -> None:
    """Every line of page two hangs at a number's or its text's indent: the page shows no
    margin of its own, so the heading's line before it is not taken for a first line."""
    full = "x" * 70
    page_one = [
        [_span("1/1. Title", 72.0, 760.0, bold=True)],
        *([_span(full, 72.0, 740.0 - 14.0 * i)] for i in range(4)),
        [_span("The marine environment", 72.0, 670.0)],
    ]
    numbered = [_span("198.", 84.0, 760.0), _span("Stresses once again the need", 108.0, 760.0)]
    page_two = [numbered, *([_span("x" * 64, 108.0, 746.0 - 14.0 * i)] for i in range(3))]
    text = write_markdown([_page(1, page_one), _page(2, page_two)]).text
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert paragraphs[-2] == "The marine environment"
    assert paragraphs[-1].startswith("198. Stresses once again")


def _chinese_body(last_line_of_page_one: str, first_line_of_page_two: str) -> list[str]:
    """The paragraphs of two pages of 12-point Chinese, set ragged (each character an em
    wide, 35 to the full line), around a page break."""

    def line(text: str, baseline: float) -> list[Span]:
        return [replace(_span(text, 72.0, baseline), x1=72.0 + 12.0 * len(text))]

    full = "字" * 35
    page_one = [
        [_span("1/1. Title", 72.0, 760.0, bold=True)],
        *(line(full, 740.0 - 20.0 * i) for i in range(4)),
        line(last_line_of_page_one, 660.0),
    ]
    page_two = [line(first_line_of_page_two, 760.0), line(full, 740.0)]
    text = write_markdown([_page(1, page_one), _page(2, page_two)]).text
    return [p for p in text.split("\n\n") if p.strip()]


def test_at_a_page_break_a_chinese_line_with_room_for_the_next_character_ends_its_paragraph() -> (
    None
):
    # Two ems short of the edge: the next page's first character would have fitted.
    paragraphs = _chinese_body("字" * 32 + "，", "回顾决议")
    assert paragraphs[-2].endswith("字，")
    assert paragraphs[-1].startswith("回顾决议")
    # One em short: a ragged line's remainder, the paragraph goes on.
    assert "字，回顾决议" in _chinese_body("字" * 33 + "，", "回顾决议")[-1]
    # Two ems short, but a comma follows the next character: both would have moved down.
    assert "字，回，决议" in _chinese_body("字" * 32 + "，", "回，决议")[-1]


def test_a_number_too_wide_for_its_tab_keeps_its_paragraph_together() -> None:
    lines = [
        [
            _span("(viii)", 84.0, 700.0),
            _span("Violations of the human rights and fundamental freedoms of", 144.0, 700.0),
        ],
        [_span("and girls, including unequal access", 108.0, 686.0)],
        [_span("(ix)", 84.0, 672.0), _span("Violations of the right to food", 108.0, 672.0)],
    ]
    margin = [[_span("x" * 70, 72.0, 740.0 - 14.0 * i)] for i in range(3)]
    title = [[_span("1/1. Title", 72.0, 760.0, bold=True)]]
    text = write_markdown([_page(1, [*title, *margin, *lines])]).text
    assert "(viii) Violations of the human rights and fundamental freedoms of and girls" in text
    assert "\n(ix) Violations of the right to food" in text


def test_a_title_set_in_larger_type_stays_one_paragraph() -> None:
    title = [
        [_span("80/1. A title long enough", 72.0, 760.0, size=16.0, bold=True)],
        [_span("to wrap onto a second line", 72.0, 740.0, size=16.0, bold=True)],
    ]
    body = [[_span("The General Assembly,", 72.0, 700.0 - 14.0 * i)] for i in range(4)]
    text = write_markdown([_page(1, [*title, *body])]).text
    assert "80/1. A title long enough to wrap onto a second line" in text


def test_a_heading_printed_with_its_number_is_read_as_number_then_text() -> None:
    assert heading_lines("I Our commitment") == "I\n\nOur commitment"
    assert heading_lines("IV. Наш призыв") == "IV.\n\nНаш призыв"
    assert heading_lines("A. Scope") == "A.\n\nScope"
    assert heading_lines("A Better Future") == "A Better Future"
    assert heading_lines("Individual approaches") == "Individual approaches"


def _adoption_page(block: list[list[Span]]) -> str:
    title = [[_span("1/1. Title", 72.0, 760.0, bold=True)]]
    text = [[_span("x" * 70, 72.0, 740.0 - 14.0 * i)] for i in range(4)]
    return write_markdown([_page(1, [*title, *text, *block])]).text


def test_a_line_set_far_in_that_wrapped_carries_on_and_one_that_ended_stands_alone() -> None:
    block = [
        [_span("54th (resumed) plenary hall", 300.0, 670.0)],  # ends at 462: no room
        [_span("meeting", 300.0, 656.0)],
        [_span("24 December 2021", 300.0, 642.0)],
    ]
    paragraphs = [p for p in _adoption_page(block).split("\n\n") if p.strip()]
    assert paragraphs[-2:] == ["54th (resumed) plenary hall meeting", "24 December 2021"]


def test_a_bold_lead_in_over_two_lines_stays_in_its_paragraph() -> None:
    lines = [
        [_span("h) ", 108.0, 670.0), _span("x" * 58, 144.0, 670.0, bold=True)],
        [_span("x" * 58, 144.0, 656.0, bold=True)],
        [_span("development", 144.0, 642.0, bold=True), _span(": we will", 210.0, 642.0)],
    ]
    paragraphs = [p for p in _adoption_page(lines).split("\n\n") if p.strip()]
    assert paragraphs[-1].startswith("h) xxx") and paragraphs[-1].endswith("development: we will")


def test_a_title_set_with_wide_line_spacing_stays_one_paragraph_and_ends_at_the_text() -> None:
    title = [
        [_span("76/164. A title set in a", 72.0, 760.0, size=16.0)],
        [_span("fallback font, its lines", 72.0, 732.0, size=16.0)],  # 28 points apart
        [_span("far apart", 72.0, 704.0, size=16.0)],
    ]
    body = [[_span("The General Assembly,", 72.0, 672.0 - 14.0 * i)] for i in range(4)]
    text = write_markdown([_page(1, [*title, *body])]).text
    assert "76/164. A title set in a fallback font, its lines far apart\n\nThe General" in text


def test_where_space_sets_paragraphs_apart_a_short_line_does_not_end_one() -> None:
    lines: list[list[Span]] = [[_span("1/1. Title", 72.0, 760.0, bold=True)]]
    y = 730.0
    for number in range(1, 5):
        lines.append([_span(f"{number}. ", 84.0, y), _span("x" * 60, 108.0, y)])
        lines.append([_span("short, ragged line,", 108.0, y - 14.0)])  # room to spare
        lines.append([_span("x" * 60, 108.0, y - 28.0)])
        y -= 56.0  # 14 points of space between paragraphs
    paragraphs = [p for p in write_markdown([_page(1, lines)]).text.split("\n\n") if p.strip()]
    assert len(paragraphs) == 5
    assert paragraphs[1].startswith("1. ") and "ragged line, xxx" in paragraphs[1]


def test_a_line_at_the_margin_after_a_hanging_paragraph_starts_anew() -> None:
    hanging = [
        [_span("14. ", 84.0, 120.0), _span("x" * 64, 108.0, 120.0)],
        [_span("x" * 64, 108.0, 106.0)],
        [_span("x" * 63 + ";", 108.0, 92.0)],  # a full line: no room left at the break
    ]
    page_one = [[_span("1/1. Title", 72.0, 760.0, bold=True)]]
    page_one += [[_span("x" * 70, 72.0, 740.0 - 14.0 * i)] for i in range(3)]
    heading = [[_span("Budget estimates for 2022", 72.0, 760.0)]]
    page_two = [*heading, [_span("15. ", 84.0, 746.0), _span("Decides", 108.0, 746.0)]]
    text = write_markdown([_page(1, [*page_one, *hanging]), _page(2, page_two)]).text
    assert "\n\nBudget estimates for 2022\n\n" in text


def test_a_letter_a_list_numbering_gave_to_a_first_roman_item_is_put_back() -> None:
    carried_on = "(a) The persistence of:\n\n(b) Torture;\n\n(ii) Detention;\n\n(b) The refusal"
    assert mend_roman_start(carried_on) == (
        "(a) The persistence of:\n\n(i) Torture;\n\n(ii) Detention;\n\n(b) The refusal"
    )
    letters = "(g) Seventh;\n\n(h) Eighth;\n\n(i) Ninth;\n\n(j) Tenth"
    assert mend_roman_start(letters) == letters
    assert mend_roman_start("a) x\n\nb) y\n\nii) z") == "a) x\n\ni) y\n\nii) z"


def test_roman_numbers_without_an_opening_bracket_are_labels() -> None:
    for label in ("iii) ", "viii) ", "(iv) ", "b) "):
        assert LABEL.match(label + "Violations")


def test_a_marker_the_line_end_pushed_down_alone_stays_with_its_paragraph() -> None:
    lines = [
        [_span("1/1. Title", 72.0, 760.0, bold=True)],
        *([_span("x" * 70, 72.0, 740.0 - 14.0 * i)] for i in range(3)),
        [_span("Recalling the Declaration on the Right to Development,", 72.0, 698.0)],
        [_span("18", 72.0, 689.0, size=7.0)],  # raised, on a line of its own
        [_span("Encouraging States", 72.0, 670.0, italic=True), _span(" to", 186.0, 670.0)],
    ]
    text = write_markdown([_page(1, lines)]).text
    assert "Right to Development,[^18]\n\n*Encouraging States* to" in text
