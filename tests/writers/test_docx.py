"""The DOCX writer, checked on its XML parts (never on zip bytes, except for determinism)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

import resconv
from resconv import build as b
from resconv import xmlsafe
from resconv.errors import UsageError
from resconv.model import (
    Block,
    CoverPage,
    FootnoteRef,
    Heading,
    OperativeParagraph,
    Part,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Table,
    Vote,
    plain_text,
)
from resconv.writers.docx.parts import PACKAGE_ORDER
from resconv.writers.docx.writer import DocxWriter
from tests import strategies

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
FURNITURE = tuple(f"word/{kind}{n}.xml" for kind in ("header", "footer") for n in (1, 2, 3))
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", *FURNITURE)
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "A-RES-67-38.zh.txt"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\U00020000-\U0002ffff]")
AMBIGUOUS = "“”‘’…—·"


# -- models ------------------------------------------------------------------------------


def chinese() -> Resolution:
    """A small resolution shaped like 67/38, with every kind of block."""
    return b.resolution(
        language="zh",
        title="促进裁军和不扩散领域的多边主义",
        authority="大会，",
        preamble=[
            b.preambular("决心促进严格遵循《联合国宪章》所载宗旨和原则，", initial_words="决心"),
            b.preambular(
                "还回顾《联合国千年宣言》，",
                b.ref("1"),
                "其中指出“全球”…——A<&>B·C，",
                initial_words="还回顾",
            ),
        ],
        operative=[
            b.operative(
                "重申多边主义是",
                number="1.",
                initial_words="重申",
                subparagraphs=[
                    b.subparagraph("(a)", "甲项：", subparagraphs=[b.subparagraph("㈠", "子项")])
                ],
                wrap_up="的核心原则；",
            ),
            b.heading("标题", number="A."),
            b.operative("决定列入", b.ref("2"), number="2.", initial_words="决定"),
            b.operative("请注意", b.ref("*"), number="3.", initial_words="请"),
        ],
        footnotes=[
            b.footnote("1", "见第55/2号决议。"),
            b.footnote("2"),
            b.footnote("*", "以“特别”方式重新印发。"),
        ],
        adoption=b.adoption(
            "2012年12月3日", "第48次全体会议", date=dt.date(2012, 12, 3), meeting=48
        ),
        annexes=[b.annex("附件", title="附件标题", body=[b.operative("附件段落", number="1.")])],
    )


def english() -> Resolution:
    return b.resolution(
        symbol="A/RES/80/7",
        title="Report of the International Atomic Energy Agency",
        preamble=[
            b.preambular(
                "Having received the report “for 2024”,",
                b.ref("1"),
                initial_words="Having received",
            )
        ],
        operative=[
            b.operative(
                "Takes note with appreciation of the report;",
                number="1.",
                initial_words="Takes note",
            )
        ],
        footnotes=[b.footnote("1", "A/80/250.")],
        cover=CoverPage(
            distribution="General",
            distribution_date=dt.date(2025, 11, 18),
            distribution_date_text="18 November 2025",
            session_text="Eightieth session",
            agenda_item="89",
            agenda_title="Report of the International Atomic Energy Agency",
            adopted_line="Resolution adopted by the General Assembly on 14 November 2025",
            committee_line="[without reference to a Main Committee (A/80/L.7)]",
            job_number="25-18769 (E)",
        ),
    )


def arabic() -> Resolution:
    return b.resolution(
        symbol="A/RES/77/306",
        language="ar",
        title="تمويل مركز الخدمات الإقليمي في عنتيبي، أوغندا",
        authority="إن الجمعية العامة،",
        preamble=[
            b.preambular(
                "إذ تشير إلى قرارها 69/307 المؤرخ 25 حزيران/يونيه 2015،", initial_words="إذ تشير"
            )
        ],
        operative=[
            b.operative("تؤكد من جديد قراراتها؛", number="1.", initial_words="تؤكد من جديد")
        ],
        cover=CoverPage(
            distribution="General",
            distribution_date=dt.date(2023, 7, 7),
            distribution_date_text="7 July 2023",
            session_text="الدورة السابعة والسبعون",
            job_number="23-12996 (A)",
        ),
        vote=Vote(outcome="adoptedWithoutVote"),
    )


# -- reading the package back ------------------------------------------------------------


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: xmlsafe.parse(archive.read(name), source=name).getroot()
            for name in archive.namelist()
        }


def run_text(run: etree._Element) -> str:
    out = []
    for child in run:
        if child.tag == W + "t":
            out.append(child.text or "")
        elif child.tag == W + "tab":
            out.append("\t")
        elif child.tag == W + "br":
            out.append("\n")
    return "".join(out)


def paragraph_text(paragraph: etree._Element) -> str:
    return "".join(run_text(run) for run in paragraph.iter(W + "r"))


def paragraph_texts(root: etree._Element) -> str:
    """The text of every paragraph of a part (header, footer), one per line."""
    return "\n".join(paragraph_text(p) for p in root.iter(W + "p") if paragraph_text(p))


def style_of(element: etree._Element, kind: str) -> str | None:
    found = element.find(f"{W}{kind}Pr/{W}{kind}Style")
    return None if found is None else found.get(W + "val")


class Resolver:
    """Resolve a run property as Word does: run → character style chain → paragraph style chain
    → document defaults, recording every rPr on the way."""

    def __init__(self, styles: etree._Element) -> None:
        self.styles = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}
        self.defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")

    def chain(self, style_id: str | None) -> Iterator[etree._Element]:
        seen = set()
        while style_id is not None and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]  # KeyError: a style that does not exist
            rpr = style.find(W + "rPr")
            if rpr is not None:
                yield rpr
            based = style.find(W + "basedOn")
            style_id = None if based is None else based.get(W + "val")

    def path(self, run: etree._Element, paragraph: etree._Element) -> list[etree._Element]:
        path = []
        own = run.find(W + "rPr")
        if own is not None:
            path.append(own)
        path.extend(self.chain(style_of(run, "r")))
        path.extend(self.chain(style_of(paragraph, "p") or "Normal"))
        assert self.defaults is not None
        path.append(self.defaults)
        return path

    def resolve(self, run: etree._Element, paragraph: etree._Element, tag: str, attr: str) -> str:
        for rpr in self.path(run, paragraph):
            element = rpr.find(W + tag)
            if element is not None and element.get(W + attr) is not None:
                return str(element.get(W + attr))
        return ""

    def toggled(self, run: etree._Element, paragraph: etree._Element, tag: str) -> bool:
        for rpr in self.path(run, paragraph):
            element = rpr.find(W + tag)
            if element is not None:
                return element.get(W + "val", "true") not in ("0", "false")
        return False


def runs_with_paragraphs(root: etree._Element) -> Iterator[tuple[etree._Element, etree._Element]]:
    for paragraph in root.iter(W + "p"):
        for run in paragraph.iter(W + "r"):
            yield run, paragraph


def body_text(document: etree._Element) -> str:
    """The text of the body without footnote marks (a repeated marker is printed as text)."""
    body = document.find(W + "body")
    assert body is not None
    return "\n".join(
        "".join(run_text(r) for r in p.iter(W + "r") if style_of(r, "r") != "FootnoteReference")
        for p in body.iter(W + "p")
    )


def model_texts(resolution: Resolution, within: str = "") -> list[str]:
    """Every piece of text of the model, in reading order (a collection's components last,
    each numbered by its letter)."""
    number = resolution.number.removeprefix(within + " ") if within else resolution.number
    out = [number, plain_text(resolution.title), resolution.authority]

    def subs(items: tuple[Subparagraph, ...]) -> None:
        for sub in items:
            out.extend([sub.number, plain_text(sub.content)])
            subs(sub.subparagraphs)
            out.append(plain_text(sub.wrap_up))

    def blocks(preamble: tuple[PreambularParagraph, ...], body: tuple[Block, ...]) -> None:
        for para in preamble:
            out.append(plain_text(para.content))
            subs(para.subparagraphs)
            out.append(plain_text(para.wrap_up))
        for block in body:
            if isinstance(block, Heading):
                out.extend([block.number or "", plain_text(block.text)])
            elif isinstance(block, OperativeParagraph):
                out.extend([block.number or "", plain_text(block.content)])
                subs(block.subparagraphs)
                out.append(plain_text(block.wrap_up))
            elif isinstance(block, Table):
                out.append(plain_text(block.caption))
                for row in block.rows:
                    for cell in row.cells:
                        out.extend(plain_text(paragraph) for paragraph in cell.content)
            else:
                out.append(plain_text(block.content))

    def parts(items: tuple[Part, ...]) -> None:
        for part in items:
            out.extend([part.number or "", plain_text(part.heading)])
            blocks(part.preamble, part.operative)
            parts(part.parts)

    blocks(resolution.preamble, resolution.operative)
    parts(resolution.parts)
    if resolution.adoption is not None:  # its two lines are in the language's order
        out.append(resolution.adoption.meeting_text)
    if resolution.vote is not None:
        vote = resolution.vote
        out.extend([*vote.in_favour_names, *vote.against_names, *vote.abstaining_names])
    for annex in resolution.annexes:
        out.extend([annex.label, plain_text(annex.title)])
        blocks(annex.preamble, annex.body)
    for component in resolution.components:
        out.extend(model_texts(component, resolution.number))
    return [text for text in out if text]


def referenced_markers(resolution: Resolution) -> set[str]:
    """The footnote markers a resolution's own text references (not its components')."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, FootnoteRef):
            found.add(value.marker)
        elif isinstance(value, tuple):
            for item in value:
                walk(item)
        elif dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                if field.name != "components":
                    walk(getattr(value, field.name))

    walk(resolution)
    return found


def assert_in_order(haystack: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        assert found >= 0, f"{needle!r} missing after offset {position}"
        position = found + len(needle)


def footnote_bodies(notes: etree._Element) -> dict[str, etree._Element]:
    return {
        n.get(W + "id"): n
        for n in notes.iter(W + "footnote")
        if n.get(W + "type") not in ("separator", "continuationSeparator")
    }


# -- the tests ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def zh_parts() -> dict[str, etree._Element]:
    return parts(DocxWriter().write(chinese()))


def test_every_cjk_run_resolves_to_an_explicit_east_asian_font_and_zh_cn(
    zh_parts: dict[str, etree._Element],
) -> None:
    resolver = Resolver(zh_parts["word/styles.xml"])
    checked = 0
    per_part = dict.fromkeys(TEXT_PARTS, 0)
    for part in TEXT_PARTS:
        for run, paragraph in runs_with_paragraphs(zh_parts[part]):
            if not CJK.search(run_text(run)):
                continue
            checked += 1
            per_part[part] += 1
            for rpr in resolver.path(run, paragraph):
                fonts = rpr.find(W + "rFonts")
                if fonts is not None:
                    assert not [a for a in fonts.attrib if str(a).lower().endswith("theme")]
            font = resolver.resolve(run, paragraph, "rFonts", "eastAsia")
            assert font in ("SimSun", "SimHei"), run_text(run)
            assert resolver.resolve(run, paragraph, "lang", "eastAsia") == "zh-CN"
    assert checked > 20
    assert per_part["word/header1.xml"] == 2  # 联合国, 大会: the masthead is checked too


def test_titles_use_the_title_face_and_body_the_body_face(
    zh_parts: dict[str, etree._Element],
) -> None:
    resolver = Resolver(zh_parts["word/styles.xml"])
    faces = {}
    for run, paragraph in runs_with_paragraphs(zh_parts["word/document.xml"]):
        if CJK.search(run_text(run)):
            faces[style_of(paragraph, "p")] = resolver.resolve(run, paragraph, "rFonts", "eastAsia")
    assert faces["ResolutionTitle"] == "SimHei"
    masthead = {
        style_of(p, "p"): resolver.resolve(r, p, "rFonts", "eastAsia")
        for r, p in runs_with_paragraphs(zh_parts["word/header1.xml"])
        if CJK.search(run_text(r))
    }
    assert masthead == {"MastheadOrganization": "SimSun", "MastheadAssembly": "SimHei"}
    assert faces["AnnexTitle"] == "SimHei"
    assert faces["PreambularParagraph"] == "SimSun"
    assert faces["OperativeParagraph"] == "SimSun"


def test_no_theme_fonts_anywhere_and_theme_font_language_is_chinese(
    zh_parts: dict[str, etree._Element],
) -> None:
    for name, root in zh_parts.items():
        for fonts in root.iter(W + "rFonts"):
            assert not [a for a in fonts.attrib if "theme" in a.lower()], name
    theme_lang = zh_parts["word/settings.xml"].find(W + "themeFontLang")
    assert theme_lang is not None
    assert theme_lang.get(W + "eastAsia") == "zh-CN"
    styles = zh_parts["word/styles.xml"]
    for style in styles.iter(W + "style"):
        fonts = style.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None, style.get(W + "styleId")
        assert {fonts.get(W + k) for k in ("ascii", "hAnsi", "eastAsia", "cs")}.isdisjoint({None})


def test_ambiguous_punctuation_alone_carries_the_east_asian_hint(
    zh_parts: dict[str, etree._Element],
) -> None:
    hinted = plain = 0
    for part in TEXT_PARTS:
        for run, _ in runs_with_paragraphs(zh_parts[part]):
            text = run_text(run)
            fonts = run.find(f"{W}rPr/{W}rFonts")
            hint = fonts is not None and fonts.get(W + "hint") == "eastAsia"
            if any(c in AMBIGUOUS for c in text):
                assert hint and all(c in AMBIGUOUS for c in text), text
                hinted += 1
            elif text:
                assert not hint, text
                plain += 1
    assert hinted >= 4 and plain > 10


def test_initial_words_use_the_character_style_bold_in_chinese(
    zh_parts: dict[str, etree._Element],
) -> None:
    resolver = Resolver(zh_parts["word/styles.xml"])
    styled = [
        (run_text(run), resolver.toggled(run, p, "b"), resolver.toggled(run, p, "i"))
        for run, p in runs_with_paragraphs(zh_parts["word/document.xml"])
        if style_of(run, "r") == "InitialWords"
    ]
    assert [text for text, _, _ in styled] == ["大会", "决心", "还回顾", "重申", "决定", "请"]
    assert all(bold and not italic for _, bold, italic in styled)


def test_initial_words_are_italic_in_english_and_nothing_is_hinted() -> None:
    package = parts(DocxWriter().write(english()))
    resolver = Resolver(package["word/styles.xml"])
    document = package["word/document.xml"]
    styled = {
        run_text(run): (resolver.toggled(run, p, "i"), resolver.toggled(run, p, "b"))
        for run, p in runs_with_paragraphs(document)
        if style_of(run, "r") == "InitialWords"
    }
    assert styled == {
        "The General Assembly": (True, False),
        "Having received": (True, False),
        "Takes note": (True, False),
    }
    assert document.find(f".//{W}rFonts[@{W}hint]") is None
    assert package["word/settings.xml"].find(W + "themeFontLang").get(W + "val") == "en-US"


def test_every_footnote_reference_has_exactly_one_body_and_back(
    zh_parts: dict[str, etree._Element],
) -> None:
    references = [
        r.get(W + "id") for r in zh_parts["word/document.xml"].iter(W + "footnoteReference")
    ]
    bodies = footnote_bodies(zh_parts["word/footnotes.xml"])
    assert len(references) == len(set(references)) == 3
    assert set(references) == set(bodies)
    assert references == sorted(references, key=int)  # numbered in reading order
    first = bodies[references[0]]
    assert first.find(f".//{W}footnoteRef") is not None
    assert style_of(first.find(W + "p"), "p") == "FootnoteText"
    assert paragraph_text(first.find(W + "p")) == "\t见第55/2号决议。"
    # Footnote.text is None: still a real footnote, with an empty body.
    assert paragraph_text(bodies[references[1]].find(W + "p")) == ""
    # A marker Word would not number itself ("*") is a custom mark, printed in both places.
    custom = zh_parts["word/document.xml"].find(f".//{W}footnoteReference[@{W}customMarkFollows]")
    assert custom is not None and run_text(custom.getparent()) == "*"
    assert paragraph_text(bodies[custom.get(W + "id")].find(W + "p")).startswith("*\t以")


def test_footnote_references_sit_where_the_model_has_them(
    zh_parts: dict[str, etree._Element],
) -> None:
    for paragraph in zh_parts["word/document.xml"].iter(W + "p"):
        pieces = []
        for run in paragraph.iter(W + "r"):
            if run.find(W + "footnoteReference") is not None:
                pieces.append("^")
            else:
                pieces.append(run_text(run))
        text = "".join(pieces)
        if "宣言" in text:
            assert "《联合国千年宣言》，^其中指出" in text
        if text.startswith("2."):
            assert text.endswith("决定列入^")


def test_plumbing_of_the_footnotes_part() -> None:
    data = DocxWriter().write(chinese())
    package = parts(data)
    types = package["[Content_Types].xml"]
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/footnotes.xml"].endswith("wordprocessingml.footnotes+xml")
    rels = package["word/_rels/document.xml.rels"]
    targets = {r.get("Target"): r.get("Type") for r in rels}
    assert targets["footnotes.xml"].endswith("/relationships/footnotes")
    notes = package["word/footnotes.xml"]
    kinds = [n.get(W + "type") for n in notes.iter(W + "footnote")][:2]
    assert kinds == ["separator", "continuationSeparator"]
    style_ids = {s.get(W + "styleId") for s in package["word/styles.xml"].iter(W + "style")}
    assert {"FootnoteText", "FootnoteReference"} <= style_ids


def test_body_holds_every_character_of_the_model_in_order() -> None:
    resolution = chinese()
    package = parts(DocxWriter().write(resolution))
    assert_in_order(body_text(package["word/document.xml"]), model_texts(resolution))
    assert "A<&>B·C" in body_text(package["word/document.xml"])


def test_paragraph_styles_follow_the_resolution_structure(
    zh_parts: dict[str, etree._Element],
) -> None:
    body = zh_parts["word/document.xml"].find(W + "body")
    styles = [style_of(p, "p") for p in body.iter(W + "p")]
    assert styles == [
        "ResolutionTitle",
        "Authority",
        "PreambularParagraph",
        "PreambularParagraph",
        "OperativeParagraph",
        "Subparagraph",
        "Subparagraph2",
        "Continuation",
        "Heading1",
        "OperativeParagraph",
        "OperativeParagraph",
        "Adoption",
        "AnnexLabel",
        "AnnexTitle",
        "OperativeParagraph",
    ]
    texts = [paragraph_text(p) for p in body.iter(W + "p")]
    assert texts[0] == "67/38.\t促进裁军和不扩散领域的多边主义"
    assert texts[4] == "1.\t重申多边主义是"
    assert texts[6] == "㈠\t子项"
    assert texts[11] == "2012年12月3日\n第48次全体会议"  # Chinese prints the date first
    section = body.find(W + "sectPr")
    assert section.find(W + "pgSz").get(W + "w") == "11906"  # A4


def test_styles_hang_operative_numbers_and_indent_subparagraphs_deeper(
    zh_parts: dict[str, etree._Element],
) -> None:
    styles = {s.get(W + "styleId"): s for s in zh_parts["word/styles.xml"].iter(W + "style")}

    def indent(style_id: str) -> tuple[int, int]:
        ind = styles[style_id].find(f"{W}pPr/{W}ind")
        return int(ind.get(W + "left", 0)), int(ind.get(W + "hanging", 0))

    assert indent("OperativeParagraph")[1] > 0
    lefts = [
        indent(s)[0]
        for s in ("OperativeParagraph", "Subparagraph", "Subparagraph2", "Subparagraph3")
    ]
    assert lefts == sorted(set(lefts))
    assert styles["AnnexLabel"].find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert styles["ResolutionTitle"].find(f"{W}rPr/{W}b") is not None


def test_arabic_is_right_to_left_throughout() -> None:
    package = parts(DocxWriter().write(arabic()))
    document = package["word/document.xml"]
    body = document.find(W + "body")
    for paragraph in body.iter(W + "p"):
        assert paragraph.find(f"{W}pPr/{W}bidi") is not None
    for run, _ in runs_with_paragraphs(document):
        assert run.find(f"{W}rPr/{W}rtl") is not None
    assert body.find(f"{W}sectPr/{W}bidi") is not None
    resolver = Resolver(package["word/styles.xml"])
    run, paragraph = next(
        (r, p) for r, p in runs_with_paragraphs(document) if "تشير" in run_text(r)
    )
    assert resolver.resolve(run, paragraph, "rFonts", "cs") == "Simplified Arabic"
    assert resolver.resolve(run, paragraph, "lang", "bidi") == "ar-SA"
    assert resolver.toggled(run, paragraph, "bCs") and resolver.toggled(run, paragraph, "iCs")
    # the schema order of pPr: pStyle before bidi
    ppr = body.find(f"{W}p/{W}pPr")
    assert [etree.QName(c).localname for c in ppr] == ["pStyle", "bidi"]


def test_core_properties_and_reopening_with_python_docx() -> None:
    document = docx.Document(io.BytesIO(DocxWriter().write(chinese())))
    props = document.core_properties
    assert props.title == "67/38. 促进裁军和不扩散领域的多边主义"
    assert props.subject == "A/RES/67/38"
    assert props.language == "zh-CN"
    assert props.created == dt.datetime(2012, 12, 3, tzinfo=dt.UTC)  # adoption date, not today
    names = [p.style.name for p in document.paragraphs]
    assert names[:3] == ["Resolution Title", "Authority", "Preambular Paragraph"]
    assert "Initial Words" in [s.name for s in document.styles]
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert document.settings.odd_and_even_pages_header_footer
    masthead = section.first_page_header.tables[0]
    assert [c.text for c in masthead.rows[0].cells] == ["联合国", "A/RES/67/38"]
    assert masthead.rows[1].cells[0].text == "大会"
    assert section.even_page_header.tables[0].rows[0].cells[0].text == "A/RES/67/38"
    assert section.header.tables[0].rows[0].cells[1].text == "A/RES/67/38"
    assert section.header.paragraphs[-1].style.name == "Header"
    assert section.footer.tables[0].rows[0].cells[1].paragraphs[0].style.name == "Page Number"


def test_same_model_same_bytes_and_fixed_zip_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    first = DocxWriter().write(chinese())
    assert DocxWriter().write(chinese()) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
    optional = ("docProps/custom.xml", "word/_rels/footnotes.xml.rels")  # no vote, no note links
    assert [i.filename for i in infos] == [n for n in PACKAGE_ORDER if n not in optional]
    assert {i.date_time for i in infos} == {(2012, 12, 3, 0, 0, 0)}
    # Without an adoption date, SOURCE_DATE_EPOCH decides; bytes still repeat.
    undated = english()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one = DocxWriter().write(undated)
    assert one == DocxWriter().write(undated)
    with zipfile.ZipFile(io.BytesIO(one)) as archive:
        assert archive.infolist()[0].date_time[:3] == (2023, 11, 14)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError):
        DocxWriter().write(undated)


def test_unknown_language_is_a_usage_error() -> None:
    from dataclasses import replace

    with pytest.raises(UsageError):
        DocxWriter().write(replace(english(), language="xx"))


def test_registry_finds_the_writer() -> None:
    data = resconv.write(english(), "docx")
    assert data[:2] == b"PK"


_TEXT = st.text(
    alphabet=st.characters(
        exclude_categories=["Cs"],
        exclude_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11"
        "\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff",
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_TEXT, min_size=1, max_size=4), language=st.sampled_from(["zh", "en", "ar"]))
@example(texts=["A\r<&>  b\t\n𠀀“”", " lead", "trail ", "]]>&amp;"], language="zh")
def test_any_text_survives_exactly(texts: list[str], language: str) -> None:
    resolution = b.resolution(
        symbol="A/RES/1/1",
        language=language,
        title=texts[0],
        authority="",
        operative=[b.operative(*texts, number="1.")],
        footnotes=[b.footnote("1", texts[-1])],
    )
    package = parts(DocxWriter().write(resolution))
    paragraphs = list(package["word/document.xml"].iter(W + "p"))
    assert paragraph_text(paragraphs[-1]) == "1.\t" + "".join(texts)
    assert paragraph_text(paragraphs[0]) == "1/1.\t" + texts[0]
    if language != "zh":  # the running header prints the title; Chinese gives the symbol alone
        assert texts[0].strip() in paragraph_text(next(package["word/header2.xml"].iter(W + "p")))


# -- the seed and the English corpus -------------------------------------------------------


def read_resolution(path: Path) -> Resolution:
    """The model of a real document; a reader error fails the test that needs it."""
    return resconv.read(path).value


def test_seed_every_chinese_run_has_an_east_asian_font_and_real_footnotes() -> None:
    resolution = read_resolution(SEED)
    package = parts(DocxWriter().write(resolution))
    resolver = Resolver(package["word/styles.xml"])
    for part in TEXT_PARTS:
        for run, paragraph in runs_with_paragraphs(package[part]):
            if CJK.search(run_text(run)):
                assert resolver.resolve(run, paragraph, "rFonts", "eastAsia") in (
                    "SimSun",
                    "SimHei",
                )
                assert resolver.resolve(run, paragraph, "lang", "eastAsia") == "zh-CN"
    references = [
        r.get(W + "id") for r in package["word/document.xml"].iter(W + "footnoteReference")
    ]
    assert len(references) == 3
    assert set(references) == set(footnote_bodies(package["word/footnotes.xml"]))
    assert_in_order(body_text(package["word/document.xml"]), model_texts(resolution))


def test_english_resolution_80_7_footnotes_and_italic_initial_words(shared_dir: Path) -> None:
    resolution = read_resolution(shared_dir / "corpus" / "en" / "A-RES-80-7.en.pdf.txt")
    package = parts(DocxWriter().write(resolution))
    bodies = footnote_bodies(package["word/footnotes.xml"])
    assert len(bodies) == 3
    for note in bodies.values():
        assert paragraph_text(note.find(W + "p")).strip()
    resolver = Resolver(package["word/styles.xml"])
    styled = [
        (run, p)
        for run, p in runs_with_paragraphs(package["word/document.xml"])
        if style_of(run, "r") == "InitialWords"
    ]
    assert styled
    assert all(resolver.toggled(run, p, "i") for run, p in styled)


# -- any valid model (tests/strategies.py) -----------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolution=strategies.resolutions(structures=True))
def test_any_resolution_keeps_its_text_fonts_and_footnotes(resolution: Resolution) -> None:
    data = DocxWriter().write(resolution)
    assert DocxWriter().write(resolution) == data
    package = parts(data)
    document, notes = package["word/document.xml"], package["word/footnotes.xml"]
    assert_in_order(body_text(document), model_texts(resolution))
    references = [r.get(W + "id") for r in document.iter(W + "footnoteReference")]
    assert len(references) == len(set(references))
    assert set(references) == set(footnote_bodies(notes))
    markers = sum(len(referenced_markers(r)) for r in (resolution, *resolution.components))
    assert len(references) == markers  # one note per marker of each resolution
    resolver = Resolver(package["word/styles.xml"])
    rtl = resolution.language == "ar"
    for part in (document, *footnote_bodies(notes).values()):
        for run, paragraph in runs_with_paragraphs(part):
            if CJK.search(run_text(run)):
                assert resolver.resolve(run, paragraph, "rFonts", "eastAsia") in (
                    "SimSun",
                    "SimHei",
                )
                assert resolver.resolve(run, paragraph, "lang", "eastAsia") == "zh-CN"
            # Right to left throughout, but for table cells without a right-to-left letter.
            in_table = paragraph.getparent().tag == W + "tc"
            bidi = paragraph.find(f"{W}pPr/{W}bidi") is not None
            assert (run.find(f"{W}rPr/{W}rtl") is not None) == (rtl and (bidi or not in_table))
    for name in FURNITURE:  # the masthead and running lines, CJK in the title face or body face
        for run, paragraph in runs_with_paragraphs(package[name]):
            if CJK.search(run_text(run)):
                font = resolver.resolve(run, paragraph, "rFonts", "eastAsia")
                assert font in ("SimSun", "SimHei")
                assert resolver.resolve(run, paragraph, "lang", "eastAsia") == "zh-CN"
    header = paragraph_texts(package["word/header1.xml"])
    assert resolution.symbol in header
    cover = resolution.cover
    if cover.distribution_date_text:
        assert cover.distribution_date_text in header
    footer = paragraph_texts(package["word/footer1.xml"])
    assert footer == (cover.job_number or "")
    votes = [r.vote for r in (resolution, *resolution.components) if r.vote is not None]
    assert bool(votes) == ("docProps/custom.xml" in package)


def test_a_reader_case_with_headings_subparagraphs_and_an_annex() -> None:
    resolution = read_resolution(
        ROOT / "fixtures" / "cases" / "zh-sections-subparagraphs-annex.txt"
    )
    package = parts(DocxWriter().write(resolution))
    body = package["word/document.xml"].find(W + "body")
    styles = [style_of(p, "p") for p in body.iter(W + "p")]
    assert "Heading1" in styles and "Subparagraph2" in styles
    label = styles.index("AnnexLabel")
    assert styles.index("Adoption") < label  # the annex follows the adoption block
    assert all(s != "Adoption" for s in styles[label:])
    assert_in_order(body_text(package["word/document.xml"]), model_texts(resolution))
