"""Round trips through the AKN writer: the reader and writer agree on every document.

A model drawn at random may hold what AKN text cannot keep apart (layout whitespace,
heading levels that skip one), so the property is pandoc's: after one pass through
AKN the model is stable, and the second AKN file is byte for byte the first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import resconv
from resconv import build
from resconv.model import (
    Block,
    Emphasis,
    Heading,
    Inlines,
    OperativeParagraph,
    Paragraph,
    Resolution,
    Table,
    TableCell,
    TableRow,
    Text,
)
from tests import strategies
from tests.readers.test_akn_un_files import ALL, NS, SC, flat_points, squeeze, xml_text
from tests.xpath import nodes


def akn_round(resolution: Resolution) -> tuple[bytes, Resolution]:
    data = resconv.write(resolution, "akn")
    return data, resconv.read(data, format="akn").value


@pytest.fixture(params=ALL + [f"reference/akn/sc/{n}" for n in SC], ids=lambda p: Path(p).name)
def un_file(request: pytest.FixtureRequest, shared_dir: Path) -> Path:
    return shared_dir / request.param


def test_un_file_to_model_to_akn_and_back_is_stable(un_file: Path) -> None:
    model = resconv.read(un_file).value
    first, again = akn_round(model)
    assert again == model
    assert akn_round(again)[0] == first


def test_un_file_written_back_validates(un_file: Path) -> None:
    data = resconv.write(resconv.read(un_file).value, "akn")
    report = resconv.validate(data)
    assert report.valid, str(report)


def test_un_file_written_back_keeps_paragraphs_points_notes_and_texts(un_file: Path) -> None:
    from lxml import etree

    original = etree.parse(str(un_file))
    written = etree.fromstring(resconv.write(resconv.read(un_file).value, "akn"))
    body = "//a:statement/a:mainBody"
    for xpath in (
        "//a:preamble/a:container",
        f"{body}//a:point/a:content | {body}//a:point/a:list/a:intro",
        "//a:authorialNote",
    ):
        ours = nodes(written, xpath, NS)
        theirs = nodes(original, xpath, NS)
        assert [xml_text(n) for n in ours] == [xml_text(n) for n in theirs], xpath
    written_texts = [xml_text(n) for n in nodes(written, f"{body}//a:paragraph", NS)]
    paragraphs = nodes(original, f"{body}/a:paragraph", NS)
    # A UN paragraph holding only a sub-heading becomes a section heading in resconv's file.
    headings = nodes(written, f"{body}//a:heading", NS)
    assert len(written_texts) + len(headings) == len(paragraphs)
    texts = [xml_text(n) for n in paragraphs]
    assert all(text in texts for text in written_texts)


def test_the_seed_text_round_trips_through_akn(seed_bytes: bytes) -> None:
    model = resconv.read(seed_bytes, format="text").value
    first, again = akn_round(model)
    second, _ = akn_round(again)
    assert second == first


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=strategies.resolutions())
def test_any_model_is_stable_after_one_pass_through_akn(model: Resolution) -> None:
    _, once = akn_round(model)
    _, twice = akn_round(once)
    assert twice == once
    assert len(once.footnotes) == len(model.footnotes)
    assert len(once.preamble) == len(model.preamble)
    assert points(once) == points(model)


def test_resconv_s_own_file_keeps_a_comma_ended_paragraph_at_the_head_of_the_body() -> None:
    # The UN's files that set preambular paragraphs in the body are repaired on reading;
    # a file resconv wrote holds the model as it stands and is read back unchanged.
    model = build.resolution(
        symbol="A/RES/80/7",
        preamble=[build.preambular("Recalling its resolution 79/1,", initial_words="Recalling")],
        operative=[
            build.operative("Having heard the statements,"),
            build.operative("Decides to continue;", number="1.", initial_words="Decides"),
        ],
        adoption=build.adoption(
            "14 November 2025", "36th plenary meeting", meeting=36, date=dt.date(2025, 11, 14)
        ),
    )
    data, again = akn_round(model)
    assert again == model
    un_style = data.replace(b'source="#resconv"', b'source="#DGACM"')
    repaired = resconv.read(un_style, format="akn")
    assert len(repaired.value.preamble) == 2
    assert "akn-preamble-in-body" in {d.code for d in repaired.diagnostics}


def points(resolution: Resolution) -> list[str]:
    """The number of every operative subparagraph, whitespace removed, in reading order."""
    return [
        squeeze(point.number)
        for block in resolution.operative
        if isinstance(block, OperativeParagraph)
        for point in flat_points(block.subparagraphs)
    ]


_LEADING_STYLES = [(True, True), (True, False), (False, True)]


def _with_block(block: Block) -> Resolution:
    return build.resolution(
        symbol="A/RES/80/7",
        title=["Report"],
        operative=[block],
        adoption=build.adoption(
            "14 November 2025", "36th plenary meeting", meeting=36, date=dt.date(2025, 11, 14)
        ),
    )


def _leading(bold: bool, italic: bool) -> Inlines:
    return (Emphasis(content=(Text(text="0"),), bold=bold, italic=italic), Text(text="00"))


@pytest.mark.parametrize(("bold", "italic"), _LEADING_STYLES, ids=["bold-italic", "bold", "italic"])
@pytest.mark.parametrize("where", ["paragraph", "table cell", "heading", "numbered paragraph"])
def test_leading_emphasis_of_a_block_without_initial_words_is_kept(
    where: str, bold: bool, italic: bool
) -> None:
    text = _leading(bold, italic)
    block: Block
    if where == "paragraph":
        block = Paragraph(content=text)
    elif where == "numbered paragraph":
        block = OperativeParagraph(number="1.", initial_words="", content=text)
    elif where == "table cell":
        block = Table(rows=(TableRow(cells=(TableCell(content=(text,)),)),))
    else:
        block = Heading(number=None, text=text)
    model = _with_block(block)
    first, once = akn_round(model)
    assert once == model
    assert akn_round(once)[0] == first
    assert resconv.validate(first).valid


def test_initial_words_written_by_resconv_are_not_emphasis() -> None:
    paragraph = OperativeParagraph(
        number="1.", initial_words="Takes note", content=(Text(text="Takes note of it."),)
    )
    _, once = akn_round(_with_block(paragraph))
    assert once.operative == (paragraph,)
