"""The model refuses what no writer could carry, and its JSON form is exact."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from resconv import build as b
from resconv import native
from resconv.errors import InvalidTextError, StructureError
from resconv.model import Footnote, Resolution, Text, Vote, find_illegal_characters, plain_text

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "resolution.schema.json"


def sample() -> Resolution:
    return b.resolution(
        language="zh",
        title="促进裁军和不扩散领域的多边主义",
        authority="大会，",
        preamble=[
            b.preambular(
                "还回顾《联合国千年宣言》，",
                b.ref("1"),
                "其中 <特别> & 指出，",
                initial_words="还回顾",
            )
        ],
        operative=[
            b.heading("总则", number="I"),
            b.operative(
                "请秘书长：",
                number="1.",
                initial_words="请",
                subparagraphs=[
                    b.subparagraph("(a)", "甲；", subparagraphs=[b.subparagraph("㈠", "子")])
                ],
            ),
            b.operative("无编号"),
        ],
        footnotes=[b.footnote("1")],
        adoption=b.adoption(
            "2012年12月3日", "第48次全体会议", date=dt.date(2012, 12, 3), meeting=48
        ),
        annexes=[b.annex("附件", title="标题")],
        vote=Vote(outcome="adoptedRecordedVote", in_favour=146, against=2, abstaining=1),
    )


@pytest.mark.parametrize("bad", ["\x00", "a\x0bb", "\x1f", "\ud800", "x\ufffe", "\uffff"])
def test_text_refuses_characters_xml_cannot_hold(bad: str) -> None:
    with pytest.raises(InvalidTextError):
        Text(text=bad)
    assert find_illegal_characters(bad)


def test_text_keeps_tabs_newlines_and_every_script() -> None:
    value = "\t大会，\nThe General Assembly — «Ассамблея» الجمعية العامة \U00020000"
    assert Text(text=value).text == value
    assert find_illegal_characters(value) == []


def test_plain_text_skips_footnote_markers() -> None:
    assert (
        plain_text(sample().preamble[0].content) == "还回顾《联合国千年宣言》，其中 <特别> & 指出，"
    )


def test_models_are_immutable_values() -> None:
    resolution = sample()
    with pytest.raises(dataclasses.FrozenInstanceError):
        resolution.number = "1/1"  # type: ignore[misc]
    assert hash(resolution) == hash(sample())
    assert resolution.session == 67
    assert resolution.footnote("1") == Footnote(marker="1", text=None)
    assert resolution.footnote("9") is None


def test_json_round_trip_is_the_identity() -> None:
    text = native.dumps(sample())
    assert native.loads(text) == sample()
    assert native.dumps(native.loads(text)) == text


def test_json_is_canonical_and_keeps_chinese_readable() -> None:
    text = native.dumps(sample())
    assert "促进裁军" in text
    document = json.loads(text)
    assert list(document["resolution"]) == sorted(document["resolution"])


def test_json_matches_its_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(native.dumps(sample())), schema)


@pytest.mark.parametrize(
    "document",
    [
        "[]",
        '{"resconv": 2, "resolution": {}}',
        '{"resconv": 1, "resolution": {"type": "Text", "text": "x"}}',
        '{"resconv": 1, "resolution": {"type": "Resolution", "symbol": 5}}',
        "{not json",
    ],
)
def test_bad_json_is_a_structure_error(document: str) -> None:
    with pytest.raises(StructureError):
        native.loads(document)


def test_bad_text_in_json_is_refused() -> None:
    text = native.dumps(sample()).replace("无编号", "\\u0000")
    with pytest.raises(InvalidTextError):
        native.loads(text)


@pytest.mark.parametrize(
    "document",
    ["[" * 100_000 + "]" * 100_000, '{"resconv": 1, "resolution": ' + "9" * 5000 + "}"],
    ids=["nested-too-deep", "huge-number"],
)
def test_json_the_parser_cannot_take_is_a_structure_error(document: str) -> None:
    with pytest.raises(StructureError):
        native.loads(document)


@pytest.mark.parametrize(
    ("field", "value"),
    [("symbol", "A/RES/\x00"), ("number", "6\ud8007"), ("authority", "大会\x0b")],
)
def test_every_string_of_the_model_refuses_illegal_characters(field: str, value: str) -> None:
    changes: dict[str, Any] = {field: value}
    with pytest.raises(InvalidTextError, match=field):
        dataclasses.replace(sample(), **changes)
    from resconv import model

    with pytest.raises(InvalidTextError, match="marker"):
        model.FootnoteRef(marker="\x01")
    with pytest.raises(InvalidTextError, match="number"):
        model.Subparagraph(number="(a\x1f)", content=())
