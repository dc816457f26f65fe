"""The AKN reader on the UN's own files, checked against a plain XPath reading of each file.

Every expectation here is computed from the XML with a few XPath expressions, written
independently of the reader: counts of containers, paragraphs, points and notes, and the
text of each one with all whitespace removed (so layout whitespace cannot hide a dropped
or invented character).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

import resconv
from resconv.akn.schema import AKN_NS
from resconv.model import (
    Block,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    Paragraph,
    Resolution,
    Subparagraph,
    plain_text,
)
from tests.xpath import nodes, string, strings

NS = {"a": AKN_NS}
GA = [
    "A_RES_75_19.zho.xml",
    "A_RES_77_306.ara.xml",
    "A_RES_77_306.eng.xml",
    "A_RES_77_306.fra.xml",
    "A_RES_77_306.rus.xml",
    "A_RES_77_306.spa.xml",
    "A_RES_77_306.zho.xml",
    "A_RES_77_5.zho.xml",
    "A_RES_77_50.zho.xml",
    "A_RES_79_260.zho.xml",
]
CORPUS = ["A-RES-80-1.en.akn.xml", "A-RES-80-40.en.akn.xml", "A-RES-80-7.en.akn.xml"]
SC = ["S_RES_2661_2022.eng.xml", "S_RES_2661_2022.zho.xml"]
ALL = [f"reference/akn/ga/{n}" for n in GA] + [f"corpus/en/{n}" for n in CORPUS]


def squeeze(text: str) -> str:
    """Text without any whitespace, and without the "()" left by Arabic note brackets."""
    return re.sub(r"\s+", "", text).replace("()", "")


def xml_text(node: etree._Element) -> str:
    """The string value of `node` without its notes (XPath, not the reader)."""
    parts = strings(node, ".//text()[not(ancestor::a:authorialNote)]", NS)
    return squeeze("".join(parts))


def model_text(inlines: Inlines) -> str:
    return squeeze(plain_text(inlines))


def flat_points(items: tuple[Subparagraph, ...]) -> list[Subparagraph]:
    out: list[Subparagraph] = []
    for item in items:
        out.append(item)
        out.extend(flat_points(item.subparagraphs))
    return out


def refs(r: Resolution) -> list[str]:
    """Every footnote marker of the model, in reading order."""
    out: list[str] = []

    def take(inlines: Inlines) -> None:
        out.extend(p.marker for p in inlines if isinstance(p, FootnoteRef))

    def points(items: tuple[Subparagraph, ...]) -> None:
        for item in items:
            take(item.content)
            points(item.subparagraphs)
            take(item.wrap_up)

    def blocks(items: tuple[Block, ...]) -> None:
        for block in items:
            if isinstance(block, Heading):
                take(block.text)
            elif isinstance(block, OperativeParagraph):
                take(block.content)
                points(block.subparagraphs)
                take(block.wrap_up)
            elif isinstance(block, Paragraph):
                take(block.content)
            else:
                take(block.caption)
                for row in block.rows:
                    for cell in row.cells:
                        for inlines in cell.content:
                            take(inlines)

    take(r.title)
    for p in r.preamble:
        take(p.content)
        points(p.subparagraphs)
    blocks(r.operative)
    for annex in r.annexes:
        take(annex.title)
        blocks(annex.body)
    return out


@pytest.fixture(params=ALL, ids=lambda p: Path(p).name)
def un_file(request: pytest.FixtureRequest, shared_dir: Path) -> Path:
    return shared_dir / request.param


def read(path: Path) -> tuple[Resolution, etree._ElementTree]:
    result = resconv.read(path)
    return result.value, etree.parse(str(path))


def test_reads_without_error_and_language_from_frbr(un_file: Path) -> None:
    r, tree = read(un_file)
    code = string(tree, "string(//a:FRBRExpression/a:FRBRlanguage/@language)", NS)
    assert resconv.lang.language_for_akn(code).code == r.language


def test_number_symbol_title(un_file: Path) -> None:
    r, tree = read(un_file)
    number = string(tree, "string(//a:preface//a:docNumber)", NS).strip()
    assert r.number == number.removesuffix(".")
    symbol = string(tree, "string(//a:coverPage//a:docNumber)", NS).strip()
    assert r.symbol == symbol == f"A/RES/{r.number}"
    assert model_text(r.title) == xml_text(nodes(tree, "//a:preface//a:docTitle", NS)[0])


def test_preamble_containers_and_initial_words(un_file: Path) -> None:
    r, tree = read(un_file)
    containers = nodes(tree, "//a:statement/a:preamble/a:container", NS)
    assert len(r.preamble) == len(containers)
    for paragraph, container in zip(r.preamble, containers, strict=True):
        assert model_text(paragraph.content) == xml_text(container)
        span = string(container, "string(a:p/a:span[1])", NS).strip()
        assert paragraph.initial_words == " ".join(span.split())
        assert plain_text(paragraph.content).startswith(paragraph.initial_words)
    formula = nodes(tree, "//a:preamble/a:formula", NS)[0]
    assert squeeze(r.authority) == xml_text(formula)


def test_operative_paragraphs_headings_and_texts(un_file: Path) -> None:
    r, tree = read(un_file)
    paragraphs = nodes(tree, "//a:statement/a:mainBody/a:paragraph", NS)
    assert len(r.operative) == len(paragraphs)
    for block, node in zip(r.operative, paragraphs, strict=True):
        num = string(node, "string(a:num)", NS).strip() or None
        lead = nodes(node, "a:content | a:list/a:intro | a:heading | a:subheading", NS)
        assert len(lead) == 1
        if isinstance(block, Heading):
            assert model_text(block.text) == xml_text(lead[0])
            assert num is None
        else:
            assert isinstance(block, OperativeParagraph)
            assert block.number == num
            assert model_text(block.content) == xml_text(lead[0])
            if block.initial_words:
                assert plain_text(block.content).startswith(block.initial_words)
    headings = nodes(
        tree,
        "//a:statement/a:mainBody/a:paragraph[a:heading or a:subheading"
        " or (not(a:num) and a:content/a:p[count(*)=1"
        " and normalize-space(.)=normalize-space(a:span[contains(@class,'bold')])])]",
        NS,
    )
    assert sum(isinstance(b, Heading) for b in r.operative) == len(headings)


def test_points_at_any_depth(un_file: Path) -> None:
    r, tree = read(un_file)
    points = nodes(tree, "//a:statement/a:mainBody//a:point", NS)
    model_points = [
        p
        for block in r.operative
        if isinstance(block, OperativeParagraph)
        for p in flat_points(block.subparagraphs)
    ]
    assert len(model_points) == len(points)
    for point, node in zip(model_points, points, strict=True):
        assert point.number == string(node, "string(a:num)", NS).strip()
        assert model_text(point.content) == xml_text(nodes(node, "a:content", NS)[0])


def test_footnotes_at_their_places(un_file: Path) -> None:
    r, tree = read(un_file)
    notes = nodes(tree, "//a:authorialNote", NS)
    assert refs(r) == [n.get("marker") for n in notes]
    assert [f.marker for f in r.footnotes] == [n.get("marker") for n in notes]
    for footnote, note in zip(r.footnotes, notes, strict=True):
        assert footnote.text is not None
        assert squeeze(footnote.text) == squeeze("".join(map(str, note.itertext())))


def test_adoption_date_and_meeting(un_file: Path) -> None:
    r, tree = read(un_file)
    assert r.adoption is not None
    date = string(tree, "string(//a:conclusions//a:docDate/@date)", NS)
    assert r.adoption.date is not None and r.adoption.date.isoformat() == date
    work_date = string(tree, "string(//a:FRBRWork/a:FRBRdate/@date)", NS)
    assert date == work_date
    meeting = string(
        tree, "string(//a:conclusions//*[@name='adoptionMeeting' or self::a:location])", NS
    )
    assert squeeze(r.adoption.meeting_text) == squeeze(meeting)
    assert r.adoption.meeting == int(re.search(r"\d+", meeting).group())


def test_cover_page_and_vote(un_file: Path) -> None:
    r, tree = read(un_file)

    def text(xpath: str) -> str:
        return squeeze(string(tree, f"string({xpath})", NS))

    cover = r.cover
    assert squeeze(cover.session_text or "") == text("//a:coverPage//a:session")
    agenda_title = text("//a:coverPage//a:inline[@name='agenda item name']")
    assert squeeze(cover.agenda_title or "") == agenda_title
    assert squeeze(cover.adopted_line or "") == text("//a:coverPage//a:docTitle")
    assert squeeze(cover.committee_line or "") == text("//a:coverPage//a:docProponent")
    assert cover.distribution_date is not None
    assert cover.distribution_date.isoformat() == text("//a:coverPage//a:docDate/@date")
    assert cover.agenda_item is not None
    assert squeeze(cover.agenda_item) in text("//a:coverPage//*[@name='agenda item']")
    assert squeeze(cover.job_number or "") == text("//a:docketNumber")
    outcome = text("//a:voting/@outcome")
    assert r.vote is not None and r.vote.outcome == outcome
    for field, name in (
        ("in_favour", "inFavour"),
        ("against", "against"),
        ("abstaining", "abstaining"),
    ):
        value = text(f"//a:voting/a:count[@refersTo='{name}']/@value")
        assert getattr(r.vote, field) == (int(value) if value else None)


def test_annex_of_77_5(shared_dir: Path) -> None:
    path = shared_dir / "reference/akn/ga/A_RES_77_5.zho.xml"
    r, tree = read(path)
    (annex,) = r.annexes
    headings = nodes(tree, "//a:attachment//a:mainBody/a:paragraph/a:heading", NS)
    assert annex.label == headings[0].text.strip()
    assert model_text(annex.title) == squeeze(headings[1].text)
    # The file prints the points (a), (b) … as paragraphs without <num>, their label
    # inside the text: each is a subparagraph of the numbered paragraph before it.
    paragraphs = nodes(tree, "//a:attachment//a:mainBody/a:paragraph[a:content]", NS)
    numbered = [p for p in paragraphs if nodes(p, "a:num", NS)]
    assert len(annex.body) == len(numbered)
    expected: list[list[str]] = []
    for node in paragraphs:
        if nodes(node, "a:num", NS):
            expected.append([])
        else:
            expected[-1].append(xml_text(node))
    for block, node, points in zip(annex.body, numbered, expected, strict=True):
        assert isinstance(block, OperativeParagraph)
        assert model_text(block.content) == xml_text(node)[len(block.number or "") :]
        assert [s.number + model_text(s.content) for s in block.subparagraphs] == points


def test_sublist_points_nest_under_the_point_before_them(shared_dir: Path) -> None:
    r, tree = read(shared_dir / "reference/akn/ga/A_RES_79_260.zho.xml")
    first = r.operative[0]
    assert isinstance(first, OperativeParagraph)
    nested = strings(tree, "//a:sublist/a:point/a:num/text()", NS)
    owner = strings(tree, "//a:sublist/preceding-sibling::a:point[1]/a:num/text()", NS)
    (parent,) = [p for p in first.subparagraphs if p.subparagraphs]
    assert parent.number == owner[0]
    assert [p.number for p in parent.subparagraphs] == nested


def test_chinese_numbers_printed_in_the_text_nest_under_the_letter_before(
    shared_dir: Path,
) -> None:
    """A/RES/76/113's annex, in Chinese, sets "(b) …包括：" then "㈠\t…" and "㈡\t…" as
    unnumbered paragraphs, the number inside the text: the print shows a list under (b)."""
    r, _ = read(shared_dir / "corpus/dev/akn/A-RES-76-113.zho.xml")
    (opening,) = [
        b
        for b in r.annexes[0].body
        if isinstance(b, OperativeParagraph)
        and [s.number for s in b.subparagraphs] == ["(a)", "(b)"]
    ]
    inner = opening.subparagraphs[1].subparagraphs
    assert [s.number for s in inner] == ["㈠", "㈡"]
    assert plain_text(inner[0].content).startswith("国际组织或政府间会议")


def test_no_space_is_invented_between_han_characters(shared_dir: Path) -> None:
    r, _ = read(shared_dir / "reference/akn/ga/A_RES_77_306.zho.xml")
    text = plain_text(r.preamble[1].content)
    assert re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text) is None
    english, _ = read(shared_dir / "reference/akn/ga/A_RES_77_306.eng.xml")
    pieces = english.preamble[1].content
    after_note = pieces[pieces.index(FootnoteRef(marker="1")) + 1]
    assert plain_text((after_note,)).startswith(" and")


def test_arabic_note_brackets_are_part_of_the_marker(shared_dir: Path) -> None:
    r, _ = read(shared_dir / "reference/akn/ga/A_RES_77_306.ara.xml")
    assert "(" not in plain_text(r.preamble[1].content).replace("(ب)", "")
    assert all(not (f.text or "").startswith("(") for f in r.footnotes)


def test_the_names_of_the_states_voting_are_kept(shared_dir: Path) -> None:
    path = shared_dir / "reference/akn/ga/A_RES_77_50.zho.xml"
    result = resconv.read(path, strict=True)
    vote = result.value.vote
    assert vote is not None
    tree = etree.parse(str(path))
    for side, names in (
        ("inFavour", vote.in_favour_names),
        ("against", vote.against_names),
        ("abstaining", vote.abstaining_names),
    ):
        count = f"//a:voting/a:count[@refersTo='{side}']"
        expected = [
            " ".join(n.split())
            for n in strings(tree, f"{count}//*[local-name()='organization']/text()", NS)
        ]
        assert list(names) == expected
        value = strings(tree, f"{count}/@value", NS)
        assert value == ([str(len(names))] if names else value)
    assert vote.in_favour_names  # the file names the States


def test_strict_reading_of_a_file_the_model_holds_entirely(shared_dir: Path) -> None:
    result = resconv.read(shared_dir / "reference/akn/ga/A_RES_77_306.eng.xml", strict=True)
    assert result.warnings == ()


@pytest.mark.parametrize("name", SC)
def test_security_council_files(shared_dir: Path, name: str) -> None:
    path = shared_dir / "reference/akn/sc" / name
    r, tree = read(path)
    symbol = string(tree, "string(//a:coverPage//a:docNumber)", NS).strip()
    assert r.symbol == symbol and r.number == symbol.removeprefix("S/RES/")
    assert r.adoption is not None and r.adoption.date is not None
    date = string(tree, "string(//a:coverPage//a:docTitle//a:docDate/@date)", NS)
    assert r.adoption.date.isoformat() == date
    assert r.adoption.meeting == int(
        string(tree, "string(//*[@name='adoptionMeeting']/@title)", NS).rstrip("rdth")
    )
    paragraphs = nodes(tree, "//a:mainBody/a:paragraph", NS)
    assert len(r.operative) == len(paragraphs)
