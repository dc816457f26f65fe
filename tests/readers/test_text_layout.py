"""The layout passes of the text reader, each alone."""

from __future__ import annotations

import pytest

from resconv.diagnostics import Diagnostics
from resconv.lang.profile import profile
from resconv.readers.text import layout

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
