"""The DOCX page furniture: masthead, running headers and footers, job number, vote."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
import pytest
from lxml import etree

from resconv.model import CoverPage, Resolution, Vote
from resconv.writers.docx.writer import DocxWriter
from tests.writers.test_docx import (
    FURNITURE,
    R,
    W,
    arabic,
    body_text,
    chinese,
    english,
    paragraph_text,
    paragraph_texts,
    parts,
    read_resolution,
    style_of,
)

CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"


def cells(part: etree._Element) -> list[list[str]]:
    """The text of each table row of a header or footer, cell by cell, in XML order."""
    return [
        ["\n".join(paragraph_text(p) for p in cell.iter(W + "p")) for cell in row.iter(W + "tc")]
        for row in part.iter(W + "tr")
    ]


def jc(paragraph: etree._Element) -> str | None:
    found = paragraph.find(f"{W}pPr/{W}jc")
    return None if found is None else found.get(W + "val")


def paragraph_with(part: etree._Element, text: str) -> etree._Element:
    return next(p for p in part.iter(W + "p") if paragraph_text(p) == text)


def test_every_header_and_footer_is_a_related_typed_part_named_by_the_section() -> None:
    package = parts(DocxWriter().write(english()))
    section = package["word/document.xml"].find(f"{W}body/{W}sectPr")
    rels = {r.get("Id"): r for r in package["word/_rels/document.xml.rels"]}
    types = {
        o.get("PartName"): o.get("ContentType")
        for o in package["[Content_Types].xml"].iter(CONTENT_TYPES + "Override")
    }
    seen = {}
    for reference in section:
        kind = etree.QName(reference).localname
        if kind not in ("headerReference", "footerReference"):
            continue
        relationship = rels[reference.get(R + "id")]
        target = "word/" + relationship.get("Target")
        noun = kind.removesuffix("Reference")
        assert relationship.get("Type").endswith("/relationships/" + noun)
        assert types["/" + target].endswith(f"wordprocessingml.{noun}+xml")
        assert etree.QName(package[target]).localname == {"header": "hdr", "footer": "ftr"}[noun]
        seen[(noun, reference.get(W + "type"))] = target
    assert sorted(seen.values()) == sorted(FURNITURE)
    assert {kind for _, kind in seen} == {"first", "default", "even"}
    # schema order: references first, titlePg after cols
    names = [etree.QName(child).localname for child in section]
    assert names[:6] == ["headerReference"] * 3 + ["footerReference"] * 3
    assert names.index("titlePg") == names.index("cols") + 1
    assert package["word/settings.xml"].find(W + "evenAndOddHeaders") is not None


def test_masthead_prints_organization_symbol_assembly_distribution_and_date() -> None:
    package = parts(DocxWriter().write(english()))
    assert cells(package["word/header1.xml"]) == [
        ["United Nations", "A/RES/80/7"],
        ["General Assembly", "Distr.: General\n18 November 2025"],
    ]
    header = package["word/header1.xml"]
    assert style_of(paragraph_with(header, "General Assembly"), "p") == "MastheadAssembly"
    assert jc(paragraph_with(header, "A/RES/80/7")) == "right"
    # the thick rule under the masthead
    rules = [b.get(W + "sz") for b in header.iter(W + "bottom")]
    assert rules == ["4", "4", "24", "24"]
    assert paragraph_texts(package["word/footer1.xml"]) == "25-18769 (E)"


def test_the_cover_lines_lead_to_the_title_in_the_body() -> None:
    package = parts(DocxWriter().write(english()))
    body = package["word/document.xml"].find(W + "body")
    pairs = [(style_of(p, "p"), paragraph_text(p)) for p in body.iter(W + "p")][:6]
    assert pairs == [
        ("CoverLine", "Eightieth session"),
        ("CoverLine", "Agenda item 89"),
        ("AgendaTitle", "Report of the International Atomic Energy Agency"),
        ("AdoptedLine", "Resolution adopted by the General Assembly on 14 November 2025"),
        ("CommitteeLine", "[without reference to a Main Committee (A/80/L.7)]"),
        ("ResolutionTitle", "80/7.\tReport of the International Atomic Energy Agency"),
    ]
    assert "A/RES/80/7" not in body_text(package["word/document.xml"])  # the masthead has it


def test_only_the_cover_fields_present_are_printed() -> None:
    package = parts(DocxWriter().write(chinese()))  # no cover at all: like the printed seed
    assert cells(package["word/header1.xml"]) == [["联合国", "A/RES/67/38"], ["大会", ""]]
    assert paragraph_texts(package["word/footer1.xml"]) == ""
    assert "Distr" not in paragraph_texts(package["word/header1.xml"])
    dated = dataclasses.replace(
        chinese(),
        cover=CoverPage(distribution_date_text="4 January 2013", job_number="12-48591 (C)"),
    )
    package = parts(DocxWriter().write(dated))
    assert cells(package["word/header1.xml"])[1] == ["大会", "4 January 2013"]
    assert paragraph_texts(package["word/footer1.xml"]) == "12-48591 (C)"
    assert "12-48591" in paragraph_texts(package["word/footer2.xml"])
    assert "(C)" not in paragraph_texts(package["word/footer2.xml"])


@pytest.mark.parametrize(
    ("language", "line"),
    [("fr", "Distr. générale"), ("es", "Distr. general"), ("ru", "Distr.: General")],
)
def test_distribution_line_is_worded_per_language(language: str, line: str) -> None:
    word = line.rsplit(" ", 1)[1]
    model = dataclasses.replace(english(), language=language, cover=CoverPage(distribution=word))
    assert line in paragraph_texts(parts(DocxWriter().write(model))["word/header1.xml"])


def test_running_headers_put_the_symbol_on_the_outer_edge_with_the_title_in_english() -> None:
    package = parts(DocxWriter().write(english()))
    title = "Report of the International Atomic Energy Agency"
    assert cells(package["word/header3.xml"]) == [["A/RES/80/7", title]]  # even: symbol left
    assert cells(package["word/header2.xml"]) == [[title, "A/RES/80/7"]]  # odd: symbol right
    odd = package["word/header2.xml"]
    assert style_of(paragraph_with(odd, "A/RES/80/7"), "p") == "RunningSymbol"
    assert jc(paragraph_with(odd, "A/RES/80/7")) == "right"
    chinese_package = parts(DocxWriter().write(chinese()))
    assert cells(chinese_package["word/header2.xml"]) == [["", "A/RES/67/38"]]
    assert cells(chinese_package["word/header3.xml"]) == [["A/RES/67/38", ""]]


def test_running_footers_number_pages_n_of_total_on_the_outer_edge() -> None:
    package = parts(DocxWriter().write(english()))
    for name, page_cell in (("word/footer2.xml", 1), ("word/footer3.xml", 0)):
        footer = package[name]
        row = next(footer.iter(W + "tr"))
        page = list(row.iter(W + "tc"))[page_cell]
        fields = [f.get(W + "instr").strip() for f in page.iter(W + "fldSimple")]
        assert fields == ["PAGE", "NUMPAGES"]
        assert paragraph_text(next(page.iter(W + "p"))) == "1/1"  # shown until updated
        job = list(row.iter(W + "tc"))[1 - page_cell]
        assert paragraph_text(next(job.iter(W + "p"))) == "25-18769"
        assert style_of(next(page.iter(W + "p")), "p") == "PageNumber"
    for name in FURNITURE:  # a header or footer ends with a paragraph, not a table
        assert etree.QName(package[name][-1]).localname == "p"


def test_arabic_masthead_mirrors_and_keeps_latin_lines_left_to_right() -> None:
    package = parts(DocxWriter().write(arabic()))
    header = package["word/header1.xml"]
    for table in header.iter(W + "tbl"):
        assert table.find(f"{W}tblPr/{W}bidiVisual") is not None
    for text in ("الأمم المتحدة", "الجمعية العامة"):
        paragraph = paragraph_with(header, text)
        assert paragraph.find(f"{W}pPr/{W}bidi") is not None
        assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in paragraph.iter(W + "r"))
        assert jc(paragraph) == "left"  # the near edge: start, which is the right in Arabic
    # Latin lines are LTR paragraphs, so "7 July 2023" does not come out "July 2023 7";
    # their alignment is physical: the far cell's text goes to the left.
    for part, text, side in (
        (header, "A/RES/77/306", "left"),
        (header, "7 July 2023", "left"),
        (package["word/footer1.xml"], "23-12996 (A)", "right"),
    ):
        paragraph = paragraph_with(part, text)
        assert paragraph.find(f"{W}pPr/{W}bidi") is None
        assert all(r.find(f"{W}rPr/{W}rtl") is None for r in paragraph.iter(W + "r"))
        assert jc(paragraph) == side
    odd = package["word/header2.xml"]
    title = paragraph_with(odd, "تمويل مركز الخدمات الإقليمي في عنتيبي، أوغندا")
    assert title.find(f"{W}pPr/{W}bidi") is not None


def test_a_vote_is_kept_as_custom_properties_not_printed() -> None:
    package = parts(DocxWriter().write(arabic()))
    custom = package["docProps/custom.xml"]
    props = {p.get("name"): run_text_of(p) for p in custom}
    assert props == {"VoteOutcome": "adoptedWithoutVote"}
    assert [p.get("pid") for p in custom] == ["2"]
    overrides = {o.get("PartName") for o in package["[Content_Types].xml"]}
    assert "/docProps/custom.xml" in overrides
    targets = {r.get("Target"): r.get("Type") for r in package["_rels/.rels"]}
    assert targets["docProps/custom.xml"].endswith("/custom-properties")
    for name in ("word/document.xml", *FURNITURE):
        assert "adoptedWithoutVote" not in paragraph_texts(package[name])
    recorded = dataclasses.replace(
        english(), vote=Vote(outcome="adoptedRecordedVote", in_favour=120, against=3)
    )
    custom = parts(DocxWriter().write(recorded))["docProps/custom.xml"]
    values = {p.get("name"): (etree.QName(p[0]).localname, p[0].text) for p in custom}
    assert values == {
        "VoteOutcome": ("lpwstr", "adoptedRecordedVote"),
        "VotesInFavour": ("i4", "120"),
        "VotesAgainst": ("i4", "3"),
    }
    assert "docProps/custom.xml" not in parts(DocxWriter().write(english()))


def test_python_docx_reads_the_vote_as_a_custom_part_and_the_footers() -> None:

    document = docx.Document(io.BytesIO(DocxWriter().write(arabic())))
    section = document.sections[0]
    assert section.first_page_footer.paragraphs[0].text == "23-12996 (A)"
    assert section.footer.tables[0].rows[0].cells[0].text == "23-12996"


def run_text_of(prop: etree._Element) -> str:
    value = prop.find(VT + "lpwstr")
    return "" if value is None else value.text or ""


# -- real documents -----------------------------------------------------------------------


def test_english_80_7_masthead_and_job_number_from_the_corpus(shared_dir: Path) -> None:
    resolution = read_resolution(shared_dir / "corpus" / "en" / "A-RES-80-7.en.pdf.txt")
    package = parts(DocxWriter().write(resolution))
    masthead = cells(package["word/header1.xml"])
    assert masthead[0] == ["United Nations", "A/RES/80/7"]
    assert masthead[1][1] == "Distr.: General\n18 November 2025"
    assert paragraph_texts(package["word/footer1.xml"]) == "25-18769 (E)"
    assert cells(package["word/header3.xml"])[0] == [
        "A/RES/80/7",
        "Report of the International Atomic Energy Agency",
    ]


def test_arabic_77_306_from_the_un_akn(shared_dir: Path) -> None:
    resolution: Resolution = read_resolution(
        shared_dir / "reference" / "akn" / "ga" / "A_RES_77_306.ara.xml"
    )
    package = parts(DocxWriter().write(resolution))
    masthead = cells(package["word/header1.xml"])
    assert masthead[0] == ["الأمم المتحدة", "A/RES/77/306"]
    assert masthead[1] == ["الجمعية العامة", "Distr.: General\n7 July 2023"]
    footer = package["word/footer1.xml"]
    job = paragraph_with(footer, "23-12996 (A)")
    assert job.find(f"{W}pPr/{W}bidi") is None
    assert "VoteOutcome" in {p.get("name") for p in package["docProps/custom.xml"]}
