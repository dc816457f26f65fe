"""The DOCX writer on what real resolutions hold beyond paragraphs: tables, references,
emphasis, parts, collections and the States' names in a vote."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from lxml import etree

from resconv import build as b
from resconv.model import Resolution, Table
from resconv.writers.docx.writer import DocxWriter
from tests.writers.test_docx import (
    CJK,
    Resolver,
    W,
    assert_in_order,
    body_text,
    model_texts,
    paragraph_text,
    parts,
    runs_with_paragraphs,
    style_of,
)

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def budget(language: str = "en", *, chinese: bool = False) -> Resolution:
    """A resolution with a posts table (a cell spanning two rows, a total spanning three
    columns), a linked and an unlinked reference, emphasis, and two levels of parts."""
    words = (
        ("行动", "职位名称", "职类", "数目", "新设", "方案干事", "助理", "共计")
        if chinese
        else (
            "Action",
            "Title of post",
            "Category",
            "Number",
            "New",
            "Officer",
            "Assistant",
            "Total",
        )
    )
    action, title, category, number, new, officer, assistant, total = words
    table = b.table(
        b.row(action, title, category, b.cell(number, header=True, align="right"), header=True),
        b.row(b.cell(new, row_span=2), officer, "P-4", "2"),
        b.row(assistant, "G-5", "1 234"),
        b.row(b.cell(total, col_span=3), "1 236"),
        caption="Table 1",
    )
    return b.resolution(
        symbol="A/RES/79/995",
        language=language,
        title="Programme budget",
        authority="The General Assembly,",
        preamble=[
            b.preambular(
                "Recalling its resolution ",
                b.reference("A/RES/78/252", target="https://undocs.org/A/RES/78/252"),
                " and ",
                b.reference("A/RES/77/1", target="https://undocs.org/A/RES/78/252"),
                " and ",
                b.reference("A/78/7"),
                ",",
                initial_words="Recalling",
            )
        ],
        operative=[
            b.operative(
                "Decides to ",
                b.emphasis("approve", bold=True),
                " the ",
                b.emphasis("posts", b.ref("1"), italic=True),
                " and ",
                b.emphasis("both", bold=True, italic=True),
                ":",
                number="1.",
                initial_words="Decides",
            ),
            table,
            table,
        ],
        parts=[
            b.part(
                "I",
                "Questions",
                preamble=[b.preambular("Having considered the report,")],
                operative=[b.heading("Posts", number="A."), b.paragraph("A note.")],
                parts=[b.part("A", "Sub part", operative=[b.operative("Notes;", number="2.")])],
            )
        ],
        footnotes=[b.footnote("1", "See A/79/1.")],
        adoption=b.adoption("24 December 2024", "60th plenary meeting", date=dt.date(2024, 12, 24)),
        vote=b.vote(in_favour=["Albania", "Brazil"], against=["Denmark"]),
    )


@pytest.fixture(scope="module")
def package() -> dict[str, etree._Element]:
    return parts(DocxWriter().write(budget()))


def tables(document: etree._Element) -> list[etree._Element]:
    body = document.find(W + "body")
    assert body is not None
    return body.findall(W + "tbl")


def grid(table: etree._Element) -> list[list[tuple[str, int, str | None]]]:
    """Each row's cells as (text, gridSpan, vMerge) in XML order."""
    rows = []
    for row in table.findall(W + "tr"):
        cells = []
        for cell in row.findall(W + "tc"):
            span = cell.find(f"{W}tcPr/{W}gridSpan")
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            cells.append(
                (
                    "\n".join(paragraph_text(p) for p in cell.findall(W + "p")),
                    1 if span is None else int(span.get(W + "val", "1")),
                    None if merge is None else merge.get(W + "val", "continue"),
                )
            )
        rows.append(cells)
    return rows


def test_a_table_is_a_word_table_with_spans_merges_and_a_repeated_header(
    package: dict[str, etree._Element],
) -> None:
    first, second = tables(package["word/document.xml"])
    assert grid(first) == [
        [
            ("Action", 1, None),
            ("Title of post", 1, None),
            ("Category", 1, None),
            ("Number", 1, None),
        ],
        [("New", 1, "restart"), ("Officer", 1, None), ("P-4", 1, None), ("2", 1, None)],
        [("", 1, "continue"), ("Assistant", 1, None), ("G-5", 1, None), ("1 234", 1, None)],
        [("Total", 3, None), ("1 236", 1, None)],
    ]
    rows = first.findall(W + "tr")
    assert [row.find(f"{W}trPr/{W}tblHeader") is not None for row in rows] == [
        True,
        False,
        False,
        False,
    ]
    columns = [int(c.get(W + "w")) for c in first.iter(W + "gridCol")]
    assert len(columns) == 4 and sum(columns) == int(first.find(f"{W}tblPr/{W}tblW").get(W + "w"))
    assert first.find(f"{W}tblPr/{W}tblStyle").get(W + "val") == "ResolutionTable"
    # the thick rule under the header row, on each of its cells
    header_rules = [c.find(f"{W}tcPr/{W}tcBorders/{W}bottom") for c in rows[0].findall(W + "tc")]
    assert all(rule is not None and rule.get(W + "sz") == "12" for rule in header_rules)
    assert second is not None  # two tables in a row stay two tables


def test_amounts_are_right_aligned_and_text_is_not(package: dict[str, etree._Element]) -> None:
    table = tables(package["word/document.xml"])[0]
    alignment = {}
    for paragraph in table.iter(W + "p"):
        jc = paragraph.find(f"{W}pPr/{W}jc")
        alignment[paragraph_text(paragraph)] = None if jc is None else jc.get(W + "val")
    assert alignment["2"] == alignment["1 234"] == alignment["1 236"] == "right"
    assert alignment["Number"] == "right"  # as the model says
    assert alignment["Officer"] is None and alignment["P-4"] is None


def test_header_cells_use_the_table_heading_style_in_the_language_emphasis(
    package: dict[str, etree._Element],
) -> None:
    resolver = Resolver(package["word/styles.xml"])
    table = tables(package["word/document.xml"])[0]
    header = table.find(W + "tr")
    for paragraph in header.iter(W + "p"):
        assert style_of(paragraph, "p") == "TableHeading"
        for run in paragraph.iter(W + "r"):
            assert resolver.toggled(run, paragraph, "i")  # italic, as initial words in English
    body_styles = {
        style_of(p, "p") for row in table.findall(W + "tr")[1:] for p in row.iter(W + "p")
    }
    assert body_styles == {"TableText"}


def test_chinese_cells_resolve_to_chinese_fonts() -> None:
    package = parts(DocxWriter().write(budget("zh", chinese=True)))
    resolver = Resolver(package["word/styles.xml"])
    table = tables(package["word/document.xml"])[0]
    checked = 0
    for run, paragraph in runs_with_paragraphs(table):
        if CJK.search(paragraph_text(paragraph)):
            assert resolver.resolve(run, paragraph, "rFonts", "eastAsia") in ("SimSun", "SimHei")
            assert resolver.resolve(run, paragraph, "lang", "eastAsia") == "zh-CN"
            checked += 1
    assert checked == 8
    header = table.find(W + "tr")
    assert all(resolver.toggled(r, p, "b") for r, p in runs_with_paragraphs(header))


def test_right_to_left_tables_mirror_and_keep_amounts_left_to_right() -> None:
    model = budget("ar")
    arabic_cell = b.cell("المجموع", col_span=3)
    table = model.operative[1]
    assert isinstance(table, Table)
    rows = (
        *table.rows[:-1],
        dataclasses.replace(table.rows[-1], cells=(arabic_cell, b.cell("1 236"))),
    )
    model = dataclasses.replace(
        model, operative=(model.operative[0], dataclasses.replace(table, rows=rows))
    )
    document = parts(DocxWriter().write(model))["word/document.xml"]
    written = tables(document)[0]
    assert written.find(f"{W}tblPr/{W}bidiVisual") is not None
    by_text = {paragraph_text(p): p for p in written.iter(W + "p")}
    amount = by_text["1 236"]
    assert amount.find(f"{W}pPr/{W}bidi") is None  # "1 236", not "236 1"
    assert all(r.find(f"{W}rPr/{W}rtl") is None for r in amount.iter(W + "r"))
    total = by_text["المجموع"]
    assert total.find(f"{W}pPr/{W}bidi") is not None
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in total.iter(W + "r"))


def test_references_with_a_target_are_hyperlinks_one_relationship_per_target(
    package: dict[str, etree._Element],
) -> None:
    document = package["word/document.xml"]
    links = document.findall(f".//{W}hyperlink")
    assert [paragraph_text(link) for link in links] == ["A/RES/78/252", "A/RES/77/1"]
    assert {style_of(run, "r") for link in links for run in link.iter(W + "r")} == {"Hyperlink"}
    ids = [link.get(R + "id") for link in links]
    assert ids[0] == ids[1]  # the same target
    relationships = {
        r.get("Id"): r
        for r in package["word/_rels/document.xml.rels"].iter(PACKAGE_RELS + "Relationship")
    }
    link = relationships[ids[0]]
    assert link.get("Type") == HYPERLINK
    assert link.get("Target") == "https://undocs.org/A/RES/78/252"
    assert link.get("TargetMode") == "External"
    assert len(relationships) == 11  # the ten parts, one link
    assert "A/78/7" in body_text(document)  # a reference without a target is plain text


def test_emphasis_is_bold_italic_or_both_and_initial_words_stay_styled(
    package: dict[str, etree._Element],
) -> None:
    resolver = Resolver(package["word/styles.xml"])
    runs = {
        paragraph_text_of(run): (resolver.toggled(run, p, "b"), resolver.toggled(run, p, "i"))
        for run, p in runs_with_paragraphs(package["word/document.xml"])
    }
    assert runs["approve"] == (True, False)
    assert runs["posts"] == (False, True)
    assert runs["both"] == (True, True)
    assert runs["Decides"] == (False, True)  # the initial words' own style
    assert runs[" the "] == (False, False)


def paragraph_text_of(run: etree._Element) -> str:
    return "".join(t.text or "" for t in run.iter(W + "t"))


def test_a_footnote_inside_emphasis_is_a_real_footnote(package: dict[str, etree._Element]) -> None:
    reference = package["word/document.xml"].find(f".//{W}footnoteReference")
    assert reference is not None  # its mark keeps the footnote style, not the emphasis
    assert style_of(reference.getparent(), "r") == "FootnoteReference"
    assert reference.getparent().find(f"{W}rPr/{W}i") is None


def test_parts_are_headings_one_level_per_depth_with_their_own_paragraphs(
    package: dict[str, etree._Element],
) -> None:
    body = package["word/document.xml"].find(W + "body")
    shown = [(style_of(p, "p"), paragraph_text(p)) for p in body.findall(W + "p")]
    start = shown.index(("Heading1", "I\nQuestions"))
    assert shown[start : start + 6] == [
        ("Heading1", "I\nQuestions"),
        ("PreambularParagraph", "Having considered the report,"),
        ("Heading2", "A. Posts"),
        ("BodyText", "A note."),
        ("Heading2", "A\nSub part"),
        ("OperativeParagraph", "2.\tNotes;"),
    ]


def test_the_states_names_of_a_recorded_vote_follow_the_adoption(
    package: dict[str, etree._Element],
) -> None:
    body = package["word/document.xml"].find(W + "body")
    shown = [(style_of(p, "p"), paragraph_text(p)) for p in body.findall(W + "p")]
    adoption = [style for style, _ in shown].index("Adoption")
    assert shown[adoption + 1 : adoption + 3] == [
        ("VoteRecord", "In favour: Albania, Brazil"),
        ("VoteRecord", "Against: Denmark"),
    ]
    chinese = dataclasses.replace(budget(), language="zh")
    document = parts(DocxWriter().write(chinese))["word/document.xml"]
    assert "赞成： Albania、Brazil" in body_text(document)


def test_a_collection_writes_its_resolutions_one_after_another_each_with_its_notes() -> None:
    first = b.resolution(
        symbol="A/RES/75/999 A",
        number="75/999 A",
        title="First",
        operative=[b.operative("Decides", b.ref("1"), number="1.")],
        footnotes=[b.footnote("1", "Note of A.")],
        adoption=b.adoption("1 December 2020", "40th plenary meeting"),
    )
    second = dataclasses.replace(
        first,
        symbol="A/RES/75/999 B",
        number="75/999 B",
        title=b.inlines("Second"),
        footnotes=(b.footnote("1", "Note of B."),),
    )
    collection = b.resolution(
        symbol="A/RES/75/999", title="Both", authority="", components=[first, second]
    )
    package = parts(DocxWriter().write(collection))
    document = package["word/document.xml"]
    titles = [
        paragraph_text(p) for p in document.iter(W + "p") if style_of(p, "p") == "ResolutionTitle"
    ]
    assert titles == ["75/999.\tBoth", "A.\tFirst", "B.\tSecond"]
    assert_in_order(body_text(document), model_texts(collection))
    notes = [
        paragraph_text(n.find(W + "p"))
        for n in package["word/footnotes.xml"].iter(W + "footnote")
        if n.get(W + "type") is None
    ]
    assert [note.split("\t")[-1] for note in notes] == ["Note of A.", "Note of B."]
    assert "docProps/custom.xml" not in package  # no votes recorded
    voted = dataclasses.replace(
        collection,
        components=(
            dataclasses.replace(first, vote=b.vote(in_favour=120, against=3)),
            dataclasses.replace(second, vote=b.vote("adoptedWithoutVote")),
        ),
    )
    custom = parts(DocxWriter().write(voted))["docProps/custom.xml"]
    assert {p.get("name"): p[0].text for p in custom} == {
        "VoteOutcome A": "adoptedRecordedVote",
        "VotesInFavour A": "120",
        "VotesAgainst A": "3",
        "VoteOutcome B": "adoptedWithoutVote",
    }


def test_every_character_of_the_model_is_in_the_document(
    package: dict[str, etree._Element],
) -> None:
    assert_in_order(body_text(package["word/document.xml"]), model_texts(budget()))


def test_an_empty_table_writes_no_word_table_and_a_final_table_is_followed_by_a_paragraph() -> None:
    model = b.resolution(operative=[b.table(caption="Empty"), b.table(b.row("a", "1"))])
    body = parts(DocxWriter().write(model))["word/document.xml"].find(W + "body")
    assert len(body.findall(W + "tbl")) == 1
    assert [etree.QName(child).localname for child in body][-3:] == ["tbl", "p", "sectPr"]
    assert "Empty" in body_text(parts(DocxWriter().write(model))["word/document.xml"])


def test_a_link_target_with_spaces_or_non_ascii_letters_is_written_as_a_uri() -> None:
    model = b.resolution(
        operative=[
            b.operative(
                b.reference("文件", target="https://example.org/第 1 号?a=b&c=%20"), number="1."
            )
        ]
    )
    rels = parts(DocxWriter().write(model))["word/_rels/document.xml.rels"]
    targets = [r.get("Target") for r in rels.iter(PACKAGE_RELS + "Relationship")]
    assert targets[-1] == "https://example.org/%E7%AC%AC%201%20%E5%8F%B7?a=b&c=%20"
