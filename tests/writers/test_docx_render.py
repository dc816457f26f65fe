"""LibreOffice renders resconv's DOCX with CJK fonts (optional: skipped without soffice)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from resconv import build as b
from resconv.model import OperativeParagraph, Resolution, Text
from resconv.writers.docx.writer import DocxWriter
from tests.render.libreoffice import docx_to_pdfs, font_dirs, soffice
from tests.writers.test_docx import arabic, chinese, english

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(len(font_dirs()) < 3, reason="the pip font packages are not installed"),
]


def long_english() -> Resolution:
    """The English model with enough operative paragraphs to need a second page."""
    words = (
        "Requests the Secretary-General to report on the implementation of the present resolution"
    )
    extra = tuple(
        OperativeParagraph(number=f"{n}.", initial_words="Requests", content=(Text(text=words),))
        for n in range(2, 40)
    )
    model = english()
    return dataclasses.replace(model, operative=model.operative + extra)


def long_table() -> Resolution:
    """A Chinese resolution whose one table runs over three pages."""
    rows = [b.row("项目", "说明", b.cell("数目", header=True, align="right"), header=True)]
    rows += [b.row(f"第{n}项", "灯塔维护和人员培训费用", f"{n * 1250:,}") for n in range(1, 121)]
    model = chinese()
    return dataclasses.replace(model, operative=(*model.operative, b.table(*rows)))


def commas_at_line_ends() -> Resolution:
    """A Chinese resolution whose subparagraphs put an ideographic comma at every place of
    a line, so that one falls where the line ends (where LibreOffice hangs punctuation)."""
    subparagraphs = [
        b.subparagraph(f"({chr(ord('a') + k)})", "机" * (28 + k) + "、" + "关" * 40 + "；")
        for k in range(14)
    ]
    paragraph = b.operative(
        "决定如下：", number="4.", initial_words="决定", subparagraphs=subparagraphs
    )
    model = chinese()
    return dataclasses.replace(model, operative=(*model.operative, paragraph))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The models rendered by one LibreOffice run (a start costs seconds)."""
    workdir = tmp_path_factory.mktemp("docx-render")
    docxs = []
    models = (
        ("zh", chinese()),
        ("ar", arabic()),
        ("en", long_english()),
        ("table", long_table()),
        ("commas", commas_at_line_ends()),
    )
    for name, model in models:
        path = workdir / f"{name}.docx"
        path.write_bytes(DocxWriter().write(model))
        docxs.append(path)
    return {path.stem: path for path in docx_to_pdfs(docxs, workdir)}


def font_names(pdf: Path) -> set[str]:
    pypdf = pytest.importorskip("pypdf")
    names = set()
    for page in pypdf.PdfReader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def extracted(pdf: Path) -> str:
    pypdf = pytest.importorskip("pypdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    return re.sub(r"\s+", "", text)


def test_chinese_punctuation_at_a_line_end_is_drawn(pdfs: dict[str, Path]) -> None:
    # LibreOffice hangs full-width punctuation past the text's edge unless told not to,
    # and then may draw none of it: the print (and any reading of it) loses the comma.
    text = extracted(pdfs["commas"])
    assert text.count("机、关") == 14, text


def test_chinese_renders_with_cjk_fonts_and_extracts(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["zh"]
    names = font_names(pdf)
    assert any(name.startswith("NotoSerifSC") for name in names), names  # SimSun → body
    assert any(name.startswith("NotoSansSC") for name in names), names  # SimHei → title
    text = extracted(pdf)
    for needle in (
        "促进裁军和不扩散领域的多边主义",
        "还回顾《联合国千年宣言》",
        "见第55/2号决议。",
    ):
        assert needle in text


def test_arabic_renders_with_an_arabic_font(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["ar"]
    assert any(name.startswith("Amiri") for name in font_names(pdf))
    assert "الجمعية" in extracted(pdf)


def page_texts(pdf: Path) -> list[str]:
    pypdf = pytest.importorskip("pypdf")
    return [re.sub(r"\s+", " ", page.extract_text()) for page in pypdf.PdfReader(pdf).pages]


def test_english_first_page_masthead_and_running_furniture_after(pdfs: dict[str, Path]) -> None:
    pages = page_texts(pdfs["en"])
    assert len(pages) == 2
    first, second = pages
    for needle in (
        "United Nations",
        "A/RES/80/7",
        "General Assembly",
        "Distr.: General",
        "18 November 2025",
        "25-18769 (E)",
    ):
        assert needle in first
    assert "2/2" not in first  # page 1 has its own footer: no page number
    # page 2 (even): symbol and title in the header, "2/2" and the bare job number below
    assert "A/RES/80/7" in second and "Report of the International Atomic Energy Agency" in second
    assert "2/2" in second and "25-18769" in second
    assert "(E)" not in second and "Distr" not in second


def test_a_long_table_repeats_its_header_row_on_every_page(pdfs: dict[str, Path]) -> None:
    with_rows = [page for page in page_texts(pdfs["table"]) if re.search(r"第\d+\s*项", page)]
    assert len(with_rows) >= 3
    for page in with_rows:  # the header row ("项目 说明 数目") above the rows of each page
        assert re.search(r"项目\s*说明\s*数目", page), page[:200]
    numbers = [int(n) for page in with_rows for n in re.findall(r"第(\d+)\s*项", page)]
    assert numbers == list(range(1, 121))  # every row once, in order
