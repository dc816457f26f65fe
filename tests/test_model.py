"""The model refuses what no writer could carry, and its JSON form is exact."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from resconv import build as b
from resconv import native
from resconv.errors import InvalidTextError, StructureError
from resconv.model import Footnote, Resolution, Text, Vote, find_illegal_characters, plain_text
from tests import strategies

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
    assert resolution.footnote("1") == Footnote(marker="1", content=None)
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


def structured_sample() -> Resolution:
    """A collection of two resolutions with parts, a table, references, emphasis and names."""
    link = b.reference("A/RES/67/38", target="https://undocs.org/A/RES/67/38")
    first = b.resolution(
        symbol="A/RES/80/243 A",
        title=["Budget ", b.emphasis("matters", bold=True)],
        preamble=[b.preambular("Recalling its resolution ", link, initial_words="Recalling")],
        operative=[
            b.operative("Decides;", number="1."),
            b.table(
                b.row("Year", "Amount", header=True),
                b.row("2026", b.cell("82,193,200", align="right", row_span=2)),
                caption="Appropriations",
            ),
            b.paragraph("Text the reader could not map"),
        ],
        parts=[
            b.part(
                "I",
                "Conditions of service",
                preamble=[b.preambular("Having considered the report,")],
                operative=[b.operative("Takes note;", number="1.")],
                parts=[b.part("A", "Judges")],
            )
        ],
        vote=b.vote(in_favour=["ALBANIA", "ANDORRA"], against=["中国"], abstaining=2),
    )
    second = b.resolution(symbol="A/RES/80/243 B", title="Second")
    return b.resolution(symbol="A/RES/80/243", title="Collection", components=[first, second])


def test_nested_inlines_flatten_in_reading_order() -> None:
    from resconv.model import iter_leaves, iter_text

    content = b.inlines(
        "See ",
        b.emphasis("resolution ", b.reference("67/38", kind="resolution"), italic=True),
        b.ref("1"),
        " now",
    )
    assert plain_text(content) == "See resolution 67/38 now"
    assert list(iter_text(content)) == ["See ", "resolution ", "67/38", " now"]
    assert [type(piece).__name__ for piece in iter_leaves(content)] == [
        "Text",
        "Text",
        "Text",
        "FootnoteRef",
        "Text",
    ]


def test_new_structures_survive_json_and_match_the_schema() -> None:
    text = native.dumps(structured_sample())
    assert native.loads(text) == structured_sample()
    assert native.dumps(native.loads(text)) == text
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(text), json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_json_written_before_the_new_fields_still_reads() -> None:
    document = json.loads(native.dumps(sample()))
    for key in ("parts", "components"):
        del document["resolution"][key]
    for key in ("in_favour_names", "against_names", "abstaining_names"):
        del document["resolution"]["vote"][key]
    assert native.loads(json.dumps(document)) == sample()


def test_vote_counts_follow_the_names_given() -> None:
    vote = b.vote(in_favour=["ALBANIA", "ANDORRA"], against=0)
    assert (vote.in_favour, vote.against, vote.abstaining) == (2, 0, None)
    assert vote.in_favour_names == ("ALBANIA", "ANDORRA")


@pytest.mark.parametrize(
    "make",
    [
        lambda: b.reference("x", kind="footnote"),
        lambda: b.cell("x", row_span=0),
        lambda: b.reference("x", target="https://undocs.org/\x00"),
        lambda: b.vote(in_favour=["ALB\x01"]),
    ],
    ids=["unknown-kind", "zero-span", "illegal-target", "illegal-name"],
)
def test_new_structures_refuse_what_no_writer_could_carry(make: object) -> None:
    assert callable(make)
    with pytest.raises(InvalidTextError):
        make()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolution=strategies.resolutions(structures=True))
def test_json_round_trip_is_the_identity_for_any_model(resolution: Resolution) -> None:
    assert native.loads(native.dumps(resolution)) == resolution


def _with_linked_note() -> Resolution:
    link = b.reference("A/79/1", target="https://undocs.org/en/A/79/1")
    return dataclasses.replace(
        sample(),
        footnotes=(b.footnote("1", "See ", link, ", ", b.emphasis("annex", italic=True), "."),),
    )


def test_a_note_keeps_its_links_and_says_its_plain_text() -> None:
    (note,) = _with_linked_note().footnotes
    assert note.text == "See A/79/1, annex."
    assert not note.is_plain
    assert b.footnote("1", "See A/79/1.").is_plain
    with pytest.raises(InvalidTextError):
        Footnote(marker="1", content=(Text(text="a"), b.ref("2")))


def test_json_of_a_linked_note_keeps_the_plain_text_older_readers_know() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    text = native.dumps(_with_linked_note())
    (note,) = json.loads(text)["resolution"]["footnotes"]
    assert note["text"] == "See A/79/1, annex."
    assert note["content"][1]["target"] == "https://undocs.org/en/A/79/1"
    assert native.loads(text) == _with_linked_note()
    jsonschema.validate(json.loads(text), json.loads(SCHEMA.read_text(encoding="utf-8")))
    # A plain note is written as it always was: no "content" key.
    plain = json.loads(native.dumps(sample()))["resolution"]["footnotes"]
    assert plain == [{"type": "Footnote", "marker": "1", "text": None}]


def test_older_json_with_a_plain_text_note_still_reads() -> None:
    document = json.loads(native.dumps(sample()))
    document["resolution"]["footnotes"] = [{"type": "Footnote", "marker": "1", "text": "Note."}]
    (note,) = native.loads(json.dumps(document)).footnotes
    assert note == Footnote(marker="1", content=(Text(text="Note."),))
    document["resolution"]["footnotes"][0]["content"] = [{"type": "Text", "text": "Other."}]
    with pytest.raises(StructureError):
        native.loads(json.dumps(document))


def test_older_json_of_an_annex_without_parts_still_reads() -> None:
    document = json.loads(native.dumps(sample()))
    (annex,) = document["resolution"]["annexes"]
    del annex["parts"]
    assert native.loads(json.dumps(document)) == sample()
