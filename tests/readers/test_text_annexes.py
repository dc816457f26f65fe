"""How the text reader starts an annex and ends a subparagraph: the annex label and its
title on one line, the annex's first number after a short title line, and text that a
line break split off a subparagraph before its next sibling."""

from __future__ import annotations

from resconv.model import Heading, OperativeParagraph, Resolution, plain_text
from resconv.readers.text.reader import TextReader

_COVER = """Resolution adopted by the General Assembly on 10 December 2024

79/999. Sustainable fisheries

The General Assembly,

"""
_ADOPTION = """
48th plenary meeting
10 December 2024
"""


def _read(body: str, annex: str = "") -> Resolution:
    return TextReader().read((_COVER + body + _ADOPTION + annex).encode(), lang="en").value


_BODY = "1. Adopts the code of conduct annexed to the present resolution.\n"


def test_an_annex_title_opening_with_a_roman_numeral_letter_is_no_annex_number() -> None:
    annex = "\nAnnex Code of conduct for fisheries\n\n1. States should fish with care.\n"
    read = _read(_BODY, annex)
    assert [a.label for a in read.annexes] == ["Annex"]
    assert plain_text(read.annexes[0].title) == "Code of conduct for fisheries"
    assert len(read.operative) == 1


def test_an_annex_number_on_the_label_line_stays_its_number() -> None:
    annex = "\nAnnex II\n\nCode of conduct\n\n1. States should fish with care.\n"
    read = _read(_BODY, annex)
    assert [a.label for a in read.annexes] == ["Annex II"]
    assert plain_text(read.annexes[0].title) == "Code of conduct"


# pypdf's shape: some first lines indented, the title centred, the annex's "1." not.
_PYPDF_ANNEX = """ 1. Adopts the code of conduct for sustainable fisheries that is annexed to
the present resolution, and invites States to apply it.
 48th plenary meeting
 10 December 2024
 Annex
 Code of conduct for responsible fisheries in the high
 seas and in the exclusive economic zones
1. States should manage the living resources of the sea so that future
generations can draw on them as the present ones do.
 2. States should cooperate with one another in the conservation and management
of straddling fish stocks.
"""


def test_the_annexs_first_number_after_a_short_title_line_starts_its_first_paragraph() -> None:
    text = _COVER.replace("\n\n", "\n") + _PYPDF_ANNEX
    read = TextReader().read(text.encode(), lang="en").value
    annex = read.annexes[0]
    assert plain_text(annex.title).endswith("in the exclusive economic zones")
    numbers = [b.number for b in annex.body if isinstance(b, OperativeParagraph)]
    assert numbers == ["1.", "2."]


_SPLIT_LIST = """1. Decides:

(a) That the fund shall be replenished. It shall report each year;

(b) That the fund shall be audited each year. The auditors shall be

independent of the fund and of its donors;

(c) That the fund shall close in 2030.
"""


def test_text_between_a_subparagraph_and_its_next_sibling_ends_the_first() -> None:
    paragraph = _read(_SPLIT_LIST).operative[0]
    assert isinstance(paragraph, OperativeParagraph)
    assert [s.number for s in paragraph.subparagraphs] == ["(a)", "(b)", "(c)"]
    assert plain_text(paragraph.subparagraphs[1].content) == (
        "That the fund shall be audited each year. The auditors shall be independent "
        "of the fund and of its donors;"
    )


def test_text_before_a_list_that_starts_again_is_not_the_subparagraphs() -> None:
    body = _SPLIT_LIST.replace("(c) That", "(a) That")
    read = _read(body)
    first = read.operative[0]
    assert isinstance(first, OperativeParagraph)
    assert plain_text(first.subparagraphs[1].content).endswith("The auditors shall be")


_NESTED_SPLIT = """1. Decides:

(a) That the fund shall:

(i) Be replenished each year. Its donors shall

pledge in March;

(ii) Be audited;

(b) That the fund shall close in 2030.
"""


def test_text_between_nested_siblings_ends_the_nested_subparagraph() -> None:
    paragraph = _read(_NESTED_SPLIT).operative[0]
    assert isinstance(paragraph, OperativeParagraph)
    (a, b) = paragraph.subparagraphs
    assert [s.number for s in a.subparagraphs] == ["(i)", "(ii)"]
    assert plain_text(a.subparagraphs[0].content).endswith("Its donors shall pledge in March;")
    assert b.number == "(b)"


# pypdf's shape again: a lead-in line short of the margin, then a nested label.
_LEAD_IN = """ 1. Requests an advisory opinion on the following questions:
 (a) What are the obligations of States to protect the climate system and
other parts of the environment for present and future generations;
 (b) What are the legal consequences under these obligations for States which
have caused significant harm to the climate system and other parts of the
environment, with respect to
(i) States that are specially affected by the adverse effects of climate
change;
 (ii) Peoples and individuals of the present and future generations?
"""


def test_a_label_after_a_short_lead_in_line_starts_a_subparagraph() -> None:
    text = _COVER.replace("\n\n", "\n") + _LEAD_IN + _ADOPTION.lstrip()
    paragraph = TextReader().read(text.encode(), lang="en").value.operative[0]
    assert isinstance(paragraph, OperativeParagraph)
    (_, b) = paragraph.subparagraphs
    assert plain_text(b.content).endswith("with respect to")
    assert [s.number for s in b.subparagraphs] == ["(i)", "(ii)"]


# pypdfium2's shape: no indent, no blank line; the last subparagraph left at a comma on
# a short line, then the list's wrap-up.
_COMMA_WRAP_UP = """1. Recalls:
(a) Its resolution 78/1 of 3 October 2023 on the work of the Organization,
which the Assembly adopted without a vote at its first meeting of the
seventy-eighth session,
and urges all States to implement it;
2. Decides to remain seized of the matter, which it will take up again at its
next session under the item entitled "Work of the Organization".
"""


def test_a_short_line_at_a_comma_ends_the_last_subparagraph_before_its_wrap_up() -> None:
    text = _COVER.replace("\n\n", "\n") + _COMMA_WRAP_UP + _ADOPTION.lstrip()
    paragraph = TextReader().read(text.encode(), lang="en").value.operative[0]
    assert isinstance(paragraph, OperativeParagraph)
    assert plain_text(paragraph.subparagraphs[0].content).endswith("seventy-eighth session,")
    assert plain_text(paragraph.wrap_up) == "and urges all States to implement it;"


# pypdf's shape: a heading's first line not indented, its second line indented.
_HEADING_UNINDENTED = """ 1. Takes note of the report of the Secretary-General on the budget of the
United Nations Logistics Base;
Budget estimates for the period from 1 July 2022 to 30 June 2023 for the
 Logistics Base at Brindisi, Italy
 2. Approves the cost estimates for the Logistics Base for the period from
1 July 2022 to 30 June 2023;
"""


def test_a_heading_whose_first_line_is_not_indented_stays_a_heading() -> None:
    text = _COVER.replace("\n\n", "\n") + _HEADING_UNINDENTED + _ADOPTION.lstrip()
    blocks = TextReader().read(text.encode(), lang="en").value.operative
    assert [type(b).__name__ for b in blocks] == [
        "OperativeParagraph",
        "Heading",
        "OperativeParagraph",
    ]
    assert plain_text(blocks[1].text).endswith("Logistics Base at Brindisi, Italy")  # type: ignore[union-attr]


_ROMAN_UNDER_C = """1. Decides:

(a) That the fund shall be replenished;

(b) That the fund shall be audited;

(c) That the fund shall report on:

(i) Its income;

(ii) Its spending;

(d) That the fund shall close in 2030.
"""


def test_a_roman_list_nests_under_a_letter_that_is_also_a_numeral() -> None:
    paragraph = _read(_ROMAN_UNDER_C).operative[0]
    assert isinstance(paragraph, OperativeParagraph)
    assert [s.number for s in paragraph.subparagraphs] == ["(a)", "(b)", "(c)", "(d)"]
    assert [s.number for s in paragraph.subparagraphs[2].subparagraphs] == ["(i)", "(ii)"]


# A web copy: one paragraph a line, no blank lines, headings as long as a printed line.
_WEB_PARAGRAPH = (
    "States shall, pursuant to their obligations under international law, take effective "
    "legislative, administrative, judicial and other measures to enhance the protection of "
    "the environment in relation to armed conflicts, which they shall report on each year."
)
_RECALLING = "Recalling the urgent need to reinforce the protection of the environment, "
_WEB_ANNEX = f"""Annex
Principles on protection of the environment in relation to armed conflicts
{_RECALLING}{_WEB_PARAGRAPH[:-1]},
Part one
Introduction to the principles of general application
{_WEB_PARAGRAPH}
Principle 3
Measures to enhance the protection of the environment
1. {_WEB_PARAGRAPH}
2. {_WEB_PARAGRAPH}
"""


def test_a_web_copys_long_headings_do_not_run_into_the_paragraphs_around_them() -> None:
    cover = _COVER.replace("\n\n", "\n")
    body = f"1. Adopts the principles annexed to the present resolution, {_WEB_PARAGRAPH}\n"
    text = cover + body + _ADOPTION.lstrip() + _WEB_ANNEX
    annex = TextReader().read(text.encode(), lang="en").value.annexes[0]
    assert plain_text(annex.title).endswith("in relation to armed conflicts")
    assert len(annex.preamble) == 1
    assert plain_text(annex.preamble[0].content).endswith("each year,")
    numbers = [getattr(block, "number", None) for block in annex.body]
    assert numbers == [None, None, None, None, None, "1.", "2."]


def test_a_clean_copys_annex_title_is_its_one_line_in_chinese() -> None:
    text = """2024年12月24日大会决议

79/233. 内陆发展中国家问题第三次联合国会议

大会，

1. 通过本决议附件所载《内陆发展中国家2024-2034年十年行动纲领》；

2. 决定将此项目列入第八十届会议临时议程。

2024年12月24日

第55次全体会议

附件

内陆发展中国家2024-2034年十年行动纲领

导言

1. 我们正处于一个决定性的历史时刻，我们现在所做的决定将决定内陆发展中国家的未来。

2. 多年来一连串的挑战威胁着可持续发展目标的实现。
"""
    annex = TextReader().read(text.encode(), lang="zh").value.annexes[0]
    assert plain_text(annex.title) == "内陆发展中国家2024-2034年十年行动纲领"
    assert plain_text(annex.body[0].text) == "导言"  # type: ignore[union-attr]


# pypdf's shape of an annex whose text opens under two headings, the second wrapped.
_TWO_HEADINGS = """ Annex
 Programme of Action for Landlocked Developing Countries
 for the Decade 2024-2034
 Introduction
 In quest of sustainable and resilient development in landlocked
developing countries for accelerating progress towards the
 Sustainable Development Goals
 1. We are at a decisive moment in history, when what we decide now will shape
the future of landlocked developing countries.
 2. We reaffirm our commitment to the programme.
"""


def test_two_unpunctuated_lines_before_an_annexs_first_number_are_headings() -> None:
    text = _COVER.replace("\n\n", "\n") + _BODY + _ADOPTION.lstrip() + _TWO_HEADINGS
    annex = TextReader().read(text.encode(), lang="en").value.annexes[0]
    assert plain_text(annex.title).endswith("for the Decade 2024-2034")
    assert not annex.preamble
    assert [type(b).__name__ for b in annex.body] == [
        "Heading",
        "Heading",
        "OperativeParagraph",
        "OperativeParagraph",
    ]
    assert isinstance(annex.body[0], Heading)
    assert plain_text(annex.body[0].text) == "Introduction"


# pypdf's shape: a centred heading wrapped after a comma, its second line indented.
_HEADING_AT_A_COMMA = """ 1. We commit to the priorities of the programme.
 XI. Role of the Office of the High Representative for the least developed countries,
 landlocked developing countries and small island developing States
 2. The Office should strengthen its functions so as to support the programme.
"""


def test_a_heading_wrapped_after_a_comma_is_one_heading() -> None:
    annex = "".join(_TWO_HEADINGS.splitlines(keepends=True)[:3]) + _HEADING_AT_A_COMMA
    text = _COVER.replace("\n\n", "\n") + _BODY + _ADOPTION.lstrip() + annex
    body = TextReader().read(text.encode(), lang="en").value.annexes[0].body
    assert [type(b).__name__ for b in body] == [
        "OperativeParagraph",
        "Heading",
        "OperativeParagraph",
    ]
    heading = body[1]
    assert isinstance(heading, Heading)
    assert plain_text(heading.text).endswith(
        ", landlocked developing countries and small island developing States"
    )


# pdftotext's shape: no blank line, no indent; each target printed after a bullet.
_BULLETS = """Annex
Programme of Action for Landlocked Developing Countries
1. We commit to structural transformation.
Targets:
• Increase the productivity of labour and the opportunities for decent work in
all productive sectors by 50 per cent by 2034.
• Double the output of the services sectors by 2034, in particular tourism and
knowledge-intensive sectors.
2. We reaffirm our commitment to the programme.
"""


def test_a_bullet_opens_a_paragraph() -> None:
    text = _COVER.replace("\n\n", "\n") + _BODY + _ADOPTION.lstrip() + _BULLETS
    body = TextReader().read(text.encode(), lang="en").value.annexes[0].body
    texts = [plain_text(b.content)[:12] for b in body if isinstance(b, OperativeParagraph)]
    assert texts == ["We commit to", "Targets:", "• Increase t", "• Double the", "We reaffirm "]


# pypdf's shape: first lines indented, but not a section's heading at the top of a page.
_SECTION_AT_THE_MARGIN = """ 1. Welcomes the work of the Commission on the continental shelf and its
efforts to promote cooperation and capacity development;
XIV Open-ended Informal Consultative Process on Oceans and the Law of the Sea
 2. Welcomes the report of the Co-Chairs on the work of the Informal
Consultative Process at its twenty-third meeting.
"""


def test_a_section_number_at_the_margin_after_a_clauses_end_opens_a_heading() -> None:
    text = _COVER.replace("\n\n", "\n") + _SECTION_AT_THE_MARGIN + _ADOPTION.lstrip()
    blocks = TextReader().read(text.encode(), lang="en").value.operative
    assert [getattr(b, "number", None) for b in blocks] == ["1.", "XIV", "2."]


_LIST_UNDER_A_HEADING = """1. We commit to the following actions.

Domestic public resources

(a) We will strengthen tax systems and the transparency of public finances;

(b) We will promote budget transparency and accountability.

2. We reaffirm our commitment to the programme.
"""


def test_a_list_right_under_a_heading_is_a_paragraph_numbered_with_its_first_label() -> None:
    result = TextReader().read((_COVER + _LIST_UNDER_A_HEADING + _ADOPTION).encode(), lang="en")
    blocks = result.value.operative
    assert [getattr(b, "number", None) for b in blocks] == ["1.", None, "(a)", "2."]
    listed = blocks[2]
    assert isinstance(listed, OperativeParagraph)
    assert plain_text(listed.content).startswith("We will strengthen tax systems")
    assert [s.number for s in listed.subparagraphs] == ["(b)"]
    assert "subparagraph-without-paragraph" in [d.code for d in result.diagnostics]


_LETTERED_HEADING = """1. Least developed countries continue to face huge infrastructure gaps.

(a) Transport

2. Notwithstanding the efforts made, least developed countries face costly transport.

3. We commit to the following:

(a) Investing in transport;

(b) Investing in energy.
"""


def test_a_labelled_line_without_punctuation_after_a_finished_paragraph_is_a_heading() -> None:
    blocks = _read(_LETTERED_HEADING).operative
    assert [getattr(b, "number", None) for b in blocks] == ["1.", "(a)", "2.", "3."]
    heading = blocks[1]
    assert isinstance(heading, Heading)
    assert plain_text(heading.text) == "Transport"
    listed = blocks[3]
    assert isinstance(listed, OperativeParagraph)
    assert [s.number for s in listed.subparagraphs] == ["(a)", "(b)"]
