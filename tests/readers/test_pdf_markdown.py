"""How printed lines become Markdown: joins, hyphens, markers, emphasis."""

from __future__ import annotations

from resconv.readers.markup import mark_initial
from resconv.readers.pdf.markdown import _join

WORDS = frozenset({"implementation", "self-determination", "self", "determination"})


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
