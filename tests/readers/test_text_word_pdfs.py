"""Text extracted from the PDF of a Word file (LibreOffice's): its page furniture and votes."""

from __future__ import annotations

import re

import resconv
from resconv.diagnostics import Diagnostics
from resconv.lang.profile import profile
from resconv.readers.text import layout
from resconv.readers.text.note_numbers import join_note_numbers
from resconv.readers.text.repair import join_vote_lines
from resconv.readers.text.vote_pages import join_votes_across_pages

EN = profile("en")
TITLE = "Follow-up to the Conference on the least developed countries"


def _content(text: str) -> list[str]:
    content, _ = layout.strip_furniture(
        layout.split_lines(text), EN, title=TITLE, diagnostics=Diagnostics()
    )
    return [line.text for line in content]


def test_a_running_title_wrapped_before_its_last_word_is_furniture() -> None:
    # The running title's last word, short, on a line of its own under the rest.
    assert _content(
        "and to support the Programme of\n"
        "24-24335\n"
        "\f\n"
        "A/RES/79/218\n"
        "Follow-up to the Conference on the least developed\n"
        "countries\n"
        "Action in favour of the least developed countries;\n"
    ) == ["and to support the Programme of", "Action in favour of the least developed countries;"]


def test_the_running_titles_last_word_beside_the_symbol_is_furniture() -> None:
    # pypdfium2: the title's start, then its last word with the symbol on one line.
    assert _content(
        "and to support the Programme of\n"
        "2/16 24-24335\n"
        "Follow-up to the Conference on the least developed\n"
        "countries A/RES/79/218\n"
        "Action in favour of the least developed countries;\n"
    ) == ["and to support the Programme of", "Action in favour of the least developed countries;"]


def test_a_running_title_wrapped_over_three_lines_ends_beside_the_symbol() -> None:
    # pypdf: a long running title wrapped twice, its last word beside the symbol.
    assert _content(
        "and to support the Programme of\n"
        "2/16 24-24335\n"
        "Follow-up to the Conference\n"
        "on the least developed\n"
        "countries A/RES/79/218\n"
        "Action in favour of the least developed countries;\n"
    ) == ["and to support the Programme of", "Action in favour of the least developed countries;"]


def test_a_running_title_whose_two_first_lines_stand_above_the_symbols_line_is_furniture() -> None:
    # pypdf: the page number, the title over two lines, its end beside the symbol.
    assert _content(
        "and to support the Programme of\n"
        "2/16\n"
        "Follow-up to the Conference on\n"
        "the least developed\n"
        "countries A/RES/79/218\n"
        "Action in favour of the least developed countries;\n"
    ) == ["and to support the Programme of", "Action in favour of the least developed countries;"]


def test_a_paragraph_number_set_between_the_symbol_and_the_running_title_stays() -> None:
    # pdftotext: the number printed apart in its column at the page's top comes first.
    assert _content(
        "and to support the Programme;\n"
        "24-24335\n"
        "\fA/RES/79/218\n"
        "3.\n"
        "Follow-up to the Conference on the least developed\n"
        "countries\n"
        "Urges the least developed countries;\n"
    ) == ["and to support the Programme;", "3.", "Urges the least developed countries;"]


def test_a_line_that_only_goes_on_like_the_title_away_from_a_page_head_stays() -> None:
    assert _content("the least developed\ncountries in need;\n") == [
        "the least developed",
        "countries in need;",
    ]


def _votes(text: str) -> list[str]:
    return join_votes_across_pages(join_vote_lines(text)).split("\n")


def test_a_vote_cut_by_a_page_foot_without_blank_lines_goes_on_after_it() -> None:
    # pypdf: the page's note, job and page numbers, the next page's header, then the
    # rest of the list, all on consecutive lines.
    assert _votes(
        "In favour: AFGHANISTAN, ALGERIA,\n"
        "BELIZE, BRUNEI\n"
        "10 See resolution 70/1.\n"
        "21-18260 3/4\n"
        f"A/RES/76/25 {TITLE}\n"
        "DARUSSALAM, BURKINA FASO,\n"
        "ZAMBIA, ZIMBABWE\n"
        "Against: ALBANIA, CANADA"
    ) == [
        "In favour: AFGHANISTAN, ALGERIA, BELIZE, BRUNEI DARUSSALAM, BURKINA FASO, ZAMBIA,"
        " ZIMBABWE",
        "",
        "10 See resolution 70/1.",
        "21-18260 3/4",
        f"A/RES/76/25 {TITLE}",
        "",
        "",
        "Against: ALBANIA, CANADA",
    ]


def test_a_vote_goes_on_after_a_page_break_and_the_running_title() -> None:
    # pdftotext: blank lines between, the page break a form feed.
    assert (
        _votes(
            f"76/25. {TITLE}\n\nIn favour: AFGHANISTAN, BRUNEI\n\n10\n\nSee resolution 70/1.\n\n"
            "21-18260\n\n3/4\n"
            f"\fA/RES/76/25\n\n{TITLE}\n\nDARUSSALAM, BURKINA FASO\n"
        )[2]
        == "In favour: AFGHANISTAN, BRUNEI DARUSSALAM, BURKINA FASO"
    )


def test_a_vote_side_that_ends_before_the_page_foot_takes_nothing_after_it() -> None:
    text = (
        f"76/25. {TITLE}\nAbstaining: CAMEROON, NAURU\n\n21-18260\n\n3/4\n\fA/RES/76/25\n\n"
        f"{TITLE}\n\nAnnex\n\nTHE PROGRAMME, IN PART\n"
    )
    assert _votes(text)[1] == "Abstaining: CAMEROON, NAURU"


def test_a_word_pdfs_vote_over_two_pages_is_read_whole_with_the_pages_note() -> None:
    text = "\n".join(
        [
            "Distr.: General",
            "8 December 2021",
            "Seventy-sixth session",
            "Agenda item 100",
            "Resolution adopted by the General Assembly on 6 December 2021",
            "76/25. Ethical imperatives",
            "The General Assembly,",
            "Recalling its resolution 75/73,",
            "1. Decides to include the item in its agenda at the next session as a matter",
            "of development10;",
            "45th plenary meeting",
            "6 December 2021",
            "In favour: AFGHANISTAN, ALGERIA, ANDORRA, ANGOLA, ARGENTINA, AUSTRIA, BAHAMAS,",
            "BELIZE, BHUTAN, BRUNEI",
            "10 See resolution 70/1.",
            "21-18260 2/2",
            "A/RES/76/25 Ethical imperatives",
            "DARUSSALAM, BURKINA FASO, CABO VERDE, CHILE,",
            "ZAMBIA, ZIMBABWE",
            "Against: ALBANIA, CANADA",
        ]
    )
    resolution = resconv.read_bytes(text.encode(), format="text").value
    assert resolution.vote is not None
    assert resolution.vote.in_favour_names == (
        *("AFGHANISTAN", "ALGERIA", "ANDORRA", "ANGOLA", "ARGENTINA", "AUSTRIA", "BAHAMAS"),
        *("BELIZE", "BHUTAN", "BRUNEI DARUSSALAM", "BURKINA FASO", "CABO VERDE", "CHILE"),
        *("ZAMBIA", "ZIMBABWE"),
    )
    assert resolution.vote.against_names == ("ALBANIA", "CANADA")
    assert [note.text for note in resolution.footnotes] == ["See resolution 70/1."]
    assert len(resolution.operative) == 1


def test_a_justified_first_line_after_a_page_break_opens_its_paragraph() -> None:
    # pypdf prints the spaces a justified line was widened by: "Taking  note".
    text = (
        "Stressing the importance of the talks that began in Geneva,\n"
        "\fTaking  note  of  the  report  of  the  Secretary-General  on  the\n"
        "implementation of resolution 79/292,\n"
        "1. Recognizes the right of return;\n"
    )
    blocks = layout.segment(layout.split_lines(text), EN, boundary=re.compile(r"(?!)"))
    starts = ["Stressing th", "Taking  note", "1. Recognize"]
    assert [block.first[:12] for block in blocks] == starts


def test_a_range_of_figures_broken_after_its_dash_joins_without_a_space() -> None:
    lines = [
        layout.Line(1, "held on 8–"),
        layout.Line(2, "10 September 2016 and from 2 –"),
        layout.Line(3, "the end"),
    ]
    assert layout.join_block(lines, EN)[0] == "held on 8–10 September 2016 and from 2 – the end"


def test_a_long_vote_side_goes_on_after_the_page_break_below_its_joined_lines() -> None:
    # The lines joined to the side are left empty: they do not count as the page's foot.
    names = [f"STATE {letter}、" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXY"]
    text = "\n".join(
        [
            "77/272. 联合国同禁止化学武器组织的合作",
            "赞成：",
            *names,
            "NORTH",
            "23-03414",
            "",
            "3/4",
            "",
            "\fA/RES/77/272",
            "",
            "MACEDONIA、NORWAY",
            "反对： BELARUS",
        ]
    )
    joined = _votes(text)
    assert joined[1].endswith("STATE Y、 NORTH MACEDONIA、NORWAY")
    assert joined[-1] == "反对： BELARUS"


def test_chinese_lines_wrapped_at_a_margin_without_blank_lines_are_not_one_paragraph_each() -> None:
    # LibreOffice sets about 38 characters a line: as wide as 76 letters, no short line.
    wrapped = [
        "回顾2021年3月7日至12日在日本京都举行的第十四届联合国预防犯罪和刑事司",
        "法大会的报告和《关于推进预防犯罪、刑事司法和法治：努力实现可持续发展",
        "议程的京都宣言》所述预防犯罪大会的成果，",
        "重申《京都宣言》中宣示的通过改造和重新融入社会减少再次犯罪的承诺，",
    ]
    assert layout.choose_mode(layout.split_lines("\n".join(wrapped * 3))) == "punct"
    assert layout.choose_mode(layout.split_lines("标准和规范，\n附件\n大会，\n回顾，")) == "line"


def _texts(*texts: str) -> list[layout.Line]:
    return [layout.Line(no, text) for no, text in enumerate(texts, start=1)]


def test_a_note_number_set_above_its_text_goes_back_on_its_line() -> None:
    # pypdfium2 breaks some of LibreOffice's notes at the tab after the number.
    lines = _texts(
        "1 See Official Records, Sixty-sixth Session, Supplement No. 53",
        "(A/66/53), chap. II, sect. A.",
        "2",
        "Ibid., Sixty-seventh Session, Supplement No. 53 (A/67/53).",
        "3",
        "Ibid., Sixty-eighth Session.",
        "10 Ibid., Seventy-sixth Session.",
    )
    assert [line.text for line in join_note_numbers(lines)] == [
        "1 See Official Records, Sixty-sixth Session, Supplement No. 53",
        "(A/66/53), chap. II, sect. A.",
        "2 Ibid., Sixty-seventh Session, Supplement No. 53 (A/67/53).",
        "3 Ibid., Sixty-eighth Session.",
        "10 Ibid., Seventy-sixth Session.",
    ]


def test_markers_printed_apart_from_their_notes_stay_apart() -> None:
    # pdftotext: a page's markers in a run, the notes after them.
    texts = ["of the Charter,", "1", "2", "3", "Resolution 217 A (III).", "Resolution 70/1."]
    assert [line.text for line in join_note_numbers(_texts(*texts))] == texts


def test_a_vote_line_that_pdfium_ran_into_the_page_number_keeps_the_vote_whole() -> None:
    # PDFium ends the page's last line of names with the page and job numbers.
    joined = _votes(
        "赞成： AFGHANISTAN、ALGERIA、\n"
        "REPUBLIC、TIMOR-4/5 19-20903\n"
        "A/RES/74/10\n"
        "LESTE、TUNISIA、ZIMBABWE\n"
        "反对： AUSTRALIA"
    )
    assert joined[0].startswith("赞成： AFGHANISTAN、ALGERIA、 REPUBLIC、TIMOR-4/5")
    assert joined[0].endswith("LESTE、TUNISIA、ZIMBABWE")
    assert joined[1:] == ["", "A/RES/74/10", "", "反对： AUSTRALIA"]


def test_a_number_alone_after_a_paragraph_line_at_a_comma_stays_a_marker() -> None:
    # A paragraph's last line opening with a figure ("5 October 2016,") is no note 5: a
    # note does not end at a comma, so the "6" alone under it is the page's next marker.
    texts = [
        "Recalling decision 2017/206 of the Economic and Social Council of",
        "5 October 2016,",
        "6",
        "See E/FFDF/2024/3.",
    ]
    assert [line.text for line in join_note_numbers(_texts(*texts))] == texts
