"""The PDF writer: text layer, fonts, page, footnotes, line breaking, determinism, safety."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings

import resconv
from resconv import build as b
from resconv.errors import MissingGlyphError, ResconvError
from resconv.lang import language
from resconv.model import (
    Heading,
    OperativeParagraph,
    Resolution,
    Text,
    iter_leaves,
    plain_text,
)
from resconv.writers.pdf.linebreak import NO_END, NO_START
from resconv.writers.pdf.writer import PdfWriter
from tests.strategies import resolutions

pytestmark = pytest.mark.usefixtures("font_cache_dir")  # never the user's own cache

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "A-RES-67-38.zh.txt"
A4 = (595.28, 841.89)


# A stress paragraph: every kind of closing and opening mark, numbers and symbols.
STRESS = (
    "回顾其关于裁军和不扩散领域的2001年11月29日第56/24T号决议，以及A/RES/67/38号决议、"
    "《联合国千年宣言》和“全面彻底裁军”的项目；又回顾（一）和平方法……并以正义——"
    "调整或解决足以破坏和平之国际争端或情势：促进裁军！是否？以及「条约」『议定书』"
    "【附件】〔草案〕。"
) * 3


def _zh_resolution() -> Resolution:
    return b.resolution(
        language="zh",
        title="促进裁军和不扩散领域的多边主义",
        authority="大会，",
        preamble=[
            b.preambular("决心促进严格遵循《联合国宪章》所载宗旨和原则，", initial_words="决心"),
            b.preambular(
                "还回顾《联合国千年宣言》，",
                b.ref("1"),
                "其中特别指出，世界各国必须共同承担责任，",
                initial_words="还回顾",
            ),
            b.preambular(STRESS, initial_words="回顾"),
        ],
        operative=[
            b.operative(
                "重申多边主义是在裁军和不扩散领域进行谈判的核心原则；",
                b.ref("2"),
                number="1.",
                initial_words="重申",
                subparagraphs=[
                    b.subparagraph("(a)", "加强普遍规范；"),
                    b.subparagraph(
                        "(b)", "扩大其范围：", subparagraphs=[b.subparagraph("㈠", "双边谈判；")]
                    ),
                ],
            ),
            b.heading("多边谈判", number="A."),
            b.operative("决定继续审议这一问题。", number="2.", initial_words="决定"),
        ],
        footnotes=[b.footnote("1", "第55/2号决议。"), b.footnote("2")],
        adoption=b.adoption("2012年12月3日", "第48次全体会议", meeting=48),
        annexes=[
            b.annex("附件", title="多边主义原则", body=[b.operative("各国应当合作。", number="1.")])
        ],
    )


def _en_resolution(text: str = "takes note of the report;") -> Resolution:
    return b.resolution(
        symbol="A/RES/80/7",
        title="Report of the International Atomic Energy Agency",
        preamble=[
            b.preambular(
                "Having received the report of the Agency for 2024,",
                b.ref("1"),
                initial_words="Having received",
            )
        ],
        operative=[b.operative(text, number="1.")],
        footnotes=[b.footnote("1", "See A/80/348.")],
        adoption=b.adoption("14 November 2025", "36th plenary meeting", meeting=36),
    )


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


_RTL_BLOCKS = (("\u0590", "\u08ff"), ("\ufb1d", "\ufdff"), ("\ufe70", "\ufeff"))
"""The Hebrew and Arabic blocks, which pypdf takes for right-to-left text whatever a
character's bidi class: after an Arabic comma (class CS) in an English line it reverses
the neutral characters that follow, "،:;" read back as "،;:"."""


def _extractor_reorders(char: str) -> bool:
    """Whether pypdf's text extraction may reorder the text around `char`."""
    return unicodedata.bidirectional(char) in ("R", "AL") or any(
        start <= char <= end for start, end in _RTL_BLOCKS
    )


def _is_subsequence(needle: str, haystack: str) -> bool:
    chars = iter(haystack)
    return all(char in chars for char in needle)


def _model_text(res: Resolution) -> str:
    """Everything the model says, in reading order (markers where they were printed)."""
    parts = [res.symbol, res.number + ".", plain_text(res.title), res.authority]

    def inl(inlines: Any) -> str:
        return "".join(p.text if isinstance(p, Text) else p.marker for p in iter_leaves(inlines))

    def subs(items: Any) -> None:
        for sub in items:
            parts.extend([sub.number, inl(sub.content)])
            subs(sub.subparagraphs)
            parts.append(inl(sub.wrap_up))

    def blocks(items: Any) -> None:
        for block in items:
            if isinstance(block, Heading):
                parts.extend([block.number or "", inl(block.text)])
            else:
                parts.extend([block.number or "", inl(block.content)])
                subs(block.subparagraphs)
                parts.append(inl(block.wrap_up))

    for para in res.preamble:
        parts.append(inl(para.content))
        subs(para.subparagraphs)
        parts.append(inl(para.wrap_up))
    blocks(res.operative)
    if res.adoption is not None:
        lines = [res.adoption.meeting_text, res.adoption.date_text]
        parts.extend(reversed(lines) if res.language == "zh" else lines)  # as printed
    for annex in res.annexes:
        parts.extend([annex.label, inl(annex.title)])
        for para in annex.preamble:
            parts.append(inl(para.content))
        blocks(annex.body)
    return "".join(parts)


def _fonts(data: bytes) -> dict[str, Any]:
    """Every font the pages use, by base name, with its descriptor."""
    found: dict[str, Any] = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        resources: Any = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


@pytest.fixture(scope="module")
def zh_pdf() -> bytes:
    return PdfWriter().write(_zh_resolution())


def test_the_text_layer_holds_the_model_text_in_order(zh_pdf: bytes) -> None:
    text = _squeeze("".join(_pages(zh_pdf)))
    assert _is_subsequence(_squeeze(_model_text(_zh_resolution())), text)


def test_the_text_layer_of_a_one_page_document_is_exactly_its_text() -> None:
    res = _en_resolution()
    pages = _pages(PdfWriter().write(res))
    assert len(pages) == 1
    expected = _model_text(res)[len(res.symbol) :]  # the symbol heads the page
    body = _squeeze(pages[0])
    # The masthead first ("United Nations", the symbol, "General Assembly"); after the
    # body come the footnote ("1 See A/80/348.") and the page number.
    masthead = "United Nations" + res.symbol + "General Assembly"
    assert body == _squeeze(masthead + expected + "1See A/80/348." + "1/1")


def test_every_font_is_an_embedded_truetype_subset(zh_pdf: bytes) -> None:
    fonts = _fonts(zh_pdf)
    assert fonts
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+[\w-]+", name), name
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
    assert not any("Helvetica" in name for name in fonts)


def test_chinese_is_set_in_noto_serif_sc_with_the_title_in_bold_noto_sans_sc(
    zh_pdf: bytes,
) -> None:
    families = {name.split("+", 1)[1] for name in _fonts(zh_pdf)}
    assert {"NotoSerifSC-Regular", "NotoSansSC-Bold", "NotoSerif-Regular"} <= families


def test_english_initial_words_are_italic_and_latin_never_uses_a_cjk_face() -> None:
    families = {name.split("+", 1)[1] for name in _fonts(PdfWriter().write(_en_resolution()))}
    assert "NotoSerif-Italic" in families
    assert not any("SC" in family for family in families)


def test_pages_are_a4(zh_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(zh_pdf))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=0.5)


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(zh_pdf: bytes) -> None:
    lines = [line.strip() for page in _pages(zh_pdf) for line in page.splitlines()]
    lines = [line for line in lines if line]
    assert len(lines) > 20
    assert [line for line in lines if line[0] in NO_START] == []
    assert [line for line in lines if line[-1] in NO_END] == []


def test_numbers_and_symbols_are_never_split_across_lines(zh_pdf: bytes) -> None:
    text = "\n".join(_pages(zh_pdf))
    for token in ("A/RES/67/38", "56/24T", "2001"):
        assert text.count(token) >= STRESS.count(token) * 1, token
    assert text.count("56/24T") == STRESS.count("56/24T")


def test_a_footnote_is_printed_on_the_page_that_refers_to_it(zh_pdf: bytes) -> None:
    pages = _pages(zh_pdf)
    referring = next(i for i, page in enumerate(pages) if "千年宣言》，1" in page)
    assert "第55/2号决议。" in pages[referring]
    assert sum(page.count("第55/2号决议。") for page in pages) == 1


def test_a_footnote_without_text_keeps_its_marker_at_the_foot(zh_pdf: bytes) -> None:
    pages = _pages(zh_pdf)
    referring = next(i for i, page in enumerate(pages) if "核心原则；2" in page)
    foot = pages[referring].rsplit("核心原则；2", 1)[1]
    assert re.search(r"^\s*2\s*$", foot, re.MULTILINE)


def test_the_annex_starts_a_new_page(zh_pdf: bytes) -> None:
    pages = _pages(zh_pdf)
    annex_page = next(i for i, page in enumerate(pages) if "多边主义原则" in page)
    assert "第48次全体会议" not in pages[annex_page]
    assert "附件" in pages[annex_page].splitlines()[1]  # after the running header


def test_pages_carry_the_symbol_and_their_number(zh_pdf: bytes) -> None:
    pages = _pages(zh_pdf)
    for number, page in enumerate(pages, start=1):
        # Page 1's masthead: "联合国" then the symbol then "大会"; later pages: a header.
        head = "联合国\nA/RES/67/38\n大会\n" if number == 1 else "A/RES/67/38"
        assert page.startswith(head)
        assert page.rstrip().endswith(f"{number}/{len(pages)}")


def test_metadata_title_subject_and_language(zh_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(zh_pdf))
    assert reader.metadata.title == "促进裁军和不扩散领域的多边主义"
    assert reader.metadata.subject == "A/RES/67/38"
    assert str(reader.root_object["/Lang"]) == "zh-CN"


def test_two_conversions_give_identical_bytes(zh_pdf: bytes) -> None:
    assert PdfWriter().write(_zh_resolution()) == zh_pdf


def test_another_process_with_an_empty_cache_gives_identical_bytes(
    zh_pdf: bytes, tmp_path: Path
) -> None:
    script = (
        "import sys; from tests.writers.test_pdf import _zh_resolution; "
        "from resconv.writers.pdf.writer import PdfWriter; "
        "sys.stdout.buffer.write(PdfWriter().write(_zh_resolution()))"
    )
    env = {**os.environ, "RESCONV_CACHE_DIR": str(tmp_path / "fresh")}
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, check=True
    )
    assert out.stdout == zh_pdf


@pytest.mark.parametrize(
    ("char", "code"),
    [("\U0001f600", "U+1F600"), ("\U00030000", "U+30000")],
    ids=["emoji", "cjk-ext-g"],
)
def test_a_character_in_no_font_is_a_missing_glyph_error(char: str, code: str) -> None:
    res = _en_resolution(f"takes note {char} of the report;")
    with pytest.raises(MissingGlyphError, match=re.escape(code)) as caught:
        PdfWriter().write(res)
    assert caught.value.exit_code == 69


def test_markup_in_the_text_is_printed_literally_and_never_evaluated() -> None:
    attack = "<font color=\"[[[getattr(pow, Word('__globals__'))]]]\">x</font> R&amp;D &nbsp;<b>"
    data = PdfWriter().write(_en_resolution(attack))
    assert _squeeze(attack) in _squeeze("".join(_pages(data)))


def test_cyrillic_and_arabic_are_printed_in_fitting_faces() -> None:
    import dataclasses

    ru = dataclasses.replace(_en_resolution("принимает к сведению доклад;"), language="ru")
    ar = dataclasses.replace(_en_resolution("تحيط علما بالتقرير؛"), language="ar")
    for res, family, word in ((ru, "NotoSerif-Regular", "сведению"), (ar, "Amiri", "بالتقرير")):
        data = PdfWriter().write(res)
        assert any(family in name for name in _fonts(data))
        text = "".join(_pages(data))
        # pypdf reverses runs of right-to-left letters drawn left to right.
        assert word in text or word[::-1] in text


def test_importing_resconv_does_not_import_reportlab_or_fonttools() -> None:
    script = (
        "import sys, resconv; "
        "print(any(m.startswith(('reportlab', 'fontTools')) for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_the_registry_gives_the_pdf_writer() -> None:
    writer = resconv.writers.get_writer("pdf")
    assert isinstance(writer, PdfWriter)
    assert (writer.suffix, writer.media_type) == (".pdf", "application/pdf")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_any_resolution_becomes_a_pdf_or_a_resconv_error(res: Resolution) -> None:
    try:
        data = PdfWriter().write(res)
    except ResconvError:
        return
    assert data.startswith(b"%PDF-")
    title, text = _squeeze(plain_text(res.title)), _squeeze("".join(_pages(data)))
    rtl = language(res.language).direction == "rtl"
    if rtl or any(_extractor_reorders(char) for char in title):
        # pypdf reorders right-to-left runs (and neutral ones in a right-to-left document,
        # "0:;" set as ";:0"): compare the characters, not their order.
        assert not Counter(title) - Counter(text)
    else:
        assert _is_subsequence(title, text)


# The seed, read by the text reader.


@pytest.fixture(scope="module")
def seed() -> Resolution:
    return resconv.read(str(SEED)).value


@pytest.fixture(scope="module")
def seed_pdf(seed: Resolution) -> bytes:
    return PdfWriter().write(seed)


def test_seed_embeds_a_simplified_chinese_subset_and_nothing_else(seed_pdf: bytes) -> None:
    fonts = _fonts(seed_pdf)
    assert any(name.endswith("+NotoSerifSC-Regular") for name in fonts)
    for font in fonts.values():
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert all(
        float(p.mediabox.width) == pytest.approx(A4[0], abs=0.5)
        for p in pypdf.PdfReader(io.BytesIO(seed_pdf)).pages
    )


def test_seed_text_layer_holds_every_character_of_the_seed_in_order(seed_pdf: bytes) -> None:
    source = SEED.read_text(encoding="utf-8")
    assert _is_subsequence(_squeeze(source), _squeeze("".join(_pages(seed_pdf))))


def test_seed_lines_obey_the_line_breaking_rules(seed_pdf: bytes) -> None:
    lines = [line.strip() for page in _pages(seed_pdf) for line in page.splitlines()]
    assert [line for line in lines if line and line[0] in NO_START] == []
    assert [line for line in lines if line and line[-1] in NO_END] == []


def test_seed_converts_to_identical_bytes_twice(seed: Resolution, seed_pdf: bytes) -> None:
    assert PdfWriter().write(seed) == seed_pdf


# Real English resolutions from ../shared.


def test_english_resolution_prints_its_footnotes_and_operative_text(shared_dir: Path) -> None:
    source = shared_dir / "corpus" / "en" / "A-RES-80-7.en.pdf.txt"
    res = resconv.read(str(source)).value
    text = _squeeze("".join(_pages(PdfWriter().write(res))))
    for note in res.footnotes:
        if note.text:
            assert _squeeze(note.text) in text
    for block in res.operative:
        if isinstance(block, OperativeParagraph):
            assert _squeeze(plain_text(block.content))[:40] in text


def test_english_resolution_from_un_akn_prints_footnotes_and_operative_text(
    shared_dir: Path,
) -> None:
    res = resconv.read(str(shared_dir / "corpus" / "en" / "A-RES-80-7.en.akn.xml")).value
    data = PdfWriter().write(res)
    pages = _pages(data)
    text = _squeeze("".join(pages))
    assert any(note.text for note in res.footnotes)
    for note in res.footnotes:
        if note.text:
            assert _squeeze(note.text) in text
    assert _is_subsequence(_squeeze(_model_text(res)), text)


def test_a_font_the_application_registered_under_the_same_face_name_is_not_used(
    font_cache_dir: Path,
) -> None:
    """reportlab maps a new font to any earlier one of the same PostScript name; a document
    must still embed its own subset (and leave the application's font registered)."""
    import io as _io

    from pypdf import PdfReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from resconv.fonts import build_font, library

    face = library().face("song")
    foreign = TTFont("app-font", _io.BytesIO(build_font(face, face.glyphs({ord("大")}))))
    pdfmetrics.registerFont(foreign)
    try:
        model = b.resolution(
            language="zh",
            authority="大会，",
            preamble=[b.preambular("回顾审议了全权证书委员会的报告，", initial_words="回顾")],
        )
        text = "".join(
            "".join(page.extract_text().split())
            for page in PdfReader(_io.BytesIO(resconv.write(model, "pdf"))).pages
        )
        assert "回顾审议了全权证书委员会的报告" in text
        assert pdfmetrics._dynFaceNames[foreign.face.name] is foreign
    finally:
        pdfmetrics._fonts.pop("app-font", None)
        pdfmetrics._dynFaceNames.pop(foreign.face.name, None)
