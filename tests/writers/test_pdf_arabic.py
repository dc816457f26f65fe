"""Arabic in the PDF writer: joined letters, right-to-left lines, numbers, text layer."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdf
import pytest
from fontTools.ttLib import TTFont

import resconv
from resconv import build as b
from resconv.model import (
    CoverPage,
    Resolution,
    plain_text,
)
from resconv.writers.pdf.bidi import levels, visual_order
from resconv.writers.pdf.writer import PdfWriter

pytestmark = pytest.mark.usefixtures("font_cache_dir")  # never the user's own cache

A4 = (595.28, 841.89)
RIGHT_EDGE = A4[0] - 72.0
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")

# Long enough to wrap over several lines; joined letters in every word.
BODY = (
    "يطلب إلى الأمين العام أن يقدم إلى الجمعية العامة في دورتها الثامنة والستين تقريرا "
    "عن تنفيذ هذا القرار وفقا للقرار 67/38 المؤرخ 3 كانون الأول/ديسمبر 2012، "
    "وأن يواصل دعم الدول الأعضاء في جهودها الرامية إلى تعزيز التعاون المتعدد الأطراف"
)


def _ar_resolution() -> Resolution:
    return b.resolution(
        language="ar",
        title="تعزيز تعددية الأطراف في مجال نزع السلاح وعدم الانتشار",
        authority="إن الجمعية العامة،",
        preamble=[
            b.preambular(
                "إذ تشير إلى قرارها 56/24 المؤرخ 29 تشرين الثاني/نوفمبر 2001،",
                b.ref("1"),
                initial_words="إذ تشير",
            )
        ],
        operative=[b.operative(BODY, number="1 -", initial_words="يطلب")],
        footnotes=[b.footnote("1", "A/67/100.")],
        adoption=b.adoption("3 كانون الأول/ديسمبر 2012", "الجلسة العامة 48", meeting=48),
        cover=CoverPage(
            distribution="General",
            distribution_date_text="4 January 2013",
            session_text="الدورة السابعة والستون",
        ),
    )


@pytest.fixture(scope="module")
def ar_pdf() -> bytes:
    return PdfWriter().write(_ar_resolution())


@pytest.fixture(scope="module")
def un_ar(shared_dir: Path) -> tuple[Resolution, bytes]:
    path = shared_dir / "reference" / "akn" / "ga" / "A_RES_77_306.ara.xml"
    res = resconv.read(str(path)).value
    assert res.language == "ar"
    return res, PdfWriter().write(res)


def _runs(data: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """(text, x, y) of every string drawn on a page, in content-stream order."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():  # page coordinates: the flowable's translation plus the text's
            found.append(
                (text.strip(), float(cm[4]) + float(tm[4]), round(float(cm[5]) + float(tm[5]), 1))
            )

    reader = pypdf.PdfReader(io.BytesIO(data))
    reader.pages[page].extract_text(visitor_text=visit)
    return found


def _shaped_fonts(data: bytes) -> list[tuple[dict[int, str], Any]]:
    """(ToUnicode code → text, embedded TrueType font) of every Amiri subset."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found = []
    seen = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            if "Amiri" not in name or id(font) in seen:
                continue
            seen.add(id(font))
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            chars = cmap.split("beginbfchar", 1)[1].split("endbfchar", 1)[0]
            codes = {}
            for code, hexes in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]*)>", chars):
                codes[int(code, 16)] = bytes.fromhex(hexes).decode("utf-16-be")
            data_ttf = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            found.append((codes, TTFont(io.BytesIO(data_ttf))))
    return found


def test_every_page_is_a4_and_every_font_an_embedded_amiri_subset(ar_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(ar_pdf))
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=0.01)
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font = ref.get_object()
            assert re.fullmatch(r"/[A-Z]{6}\+Amiri-(Regular|Bold)", str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"]
    assert b"Helvetica" not in ar_pdf


def test_letters_are_joined_one_letter_has_several_contextual_forms(ar_pdf: bytes) -> None:
    outlines: dict[str, set[bytes]] = {}
    for codes, font in _shaped_fonts(ar_pdf):
        cmap = font["cmap"].tables[0].cmap  # subset code → glyph, as reportlab embeds it
        glyf = font["glyf"]
        for code, text in codes.items():
            name = cmap.get(code)
            if name is not None and len(text) == 1 and ARABIC_LETTER.match(text):
                outlines.setdefault(text, set()).add(glyf[name].compile(glyf))
    # Beh-like and meem letters take initial, medial and final forms in running text.
    for letter in "يتم":
        assert len(outlines.get(letter, ())) >= 2, letter
    # Unshaped text would use one isolated form per letter.
    assert sum(len(forms) for forms in outlines.values()) > len(outlines) + 10


def test_lines_run_right_to_left_with_the_number_on_the_right(ar_pdf: bytes) -> None:
    runs = _runs(ar_pdf)
    first_x, line = next((x, y) for text, x, y in runs if text == "يطلب")
    on_line = [(text, x) for text, x, y in runs if y == line]
    words = [text for text, _ in sorted(on_line, key=lambda item: -item[1])]
    # Read from the right: the hanging number "1 -", then the text from its first word.
    assert words[:4] == ["1", "-", "يطلب", "إلى"]
    assert max(x for text, x in on_line if text == "1") > first_x
    # The first word's right end is the indent (36 + 36 pt from the right margin).
    assert first_x < RIGHT_EDGE - 72.0


def test_full_lines_are_justified_to_both_margins(ar_pdf: bytes) -> None:
    runs = _runs(ar_pdf)
    line = next(y for text, x, y in runs if text == "يطلب")
    left = min(x for _, x, y in runs if y == line)
    assert left == pytest.approx(72.0, abs=0.5)  # a full line reaches the left margin
    below = sorted({y for _, _, y in runs if line - 80 < y < line}, reverse=True)
    assert below  # the paragraph wraps
    second = [x for _, x, y in runs if y == below[0]]
    assert min(second) == pytest.approx(72.0, abs=0.5)


def test_numbers_keep_their_left_to_right_order(ar_pdf: bytes) -> None:
    texts = [text for text, _, _ in _runs(ar_pdf)]
    assert any("67/38" in text for text in texts)
    assert any("2012" in text for text in texts)
    assert any("56/24" in text for text in texts)


def test_text_extraction_gives_the_words_in_logical_order(ar_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(ar_pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    words = set(text.split())
    res = _ar_resolution()
    for word in [*plain_text(res.title).split(), "الأمم", "المتحدة", "الجمعية", "العامة"]:
        assert word.strip("،") in words or word in words, word
    assert "A/RES/67/38" in text and "Distr.: General" in text and "4 January 2013" in text


def test_two_conversions_give_identical_bytes(ar_pdf: bytes) -> None:
    assert PdfWriter().write(_ar_resolution()) == ar_pdf


def test_bidi_reordering_of_a_mixed_line() -> None:
    text = "قرار 67/38 (A/RES) نص"
    order = visual_order(levels(text, rtl=True))
    shown = "".join(text[i] for i in order)
    assert "67/38" in shown and "A/RES" in shown  # LTR runs keep their order
    assert shown.index("67/38") > shown.index("A/RES")  # ...placed right to left
    assert shown.startswith("صن")


def _arabic_words(text: str) -> list[str]:
    """The Arabic words of `text` in order: digits (footnote markers, numbers) and the
    direction marks poppler adds around left-to-right runs separate nothing else."""
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    tokens = (token.strip("،؛.:()[]") for token in re.findall(r"[^\s\d]+", text))
    return [token for token in tokens if ARABIC_LETTER.search(token)]


def _whole_and_in_order(res: Resolution, text: str) -> tuple[float, float]:
    """(share of the model's Arabic words found whole, share of the model's pairs of
    neighbouring Arabic words found next to each other in the same order)."""
    extracted = _arabic_words(text)
    found, pairs_found = set(extracted), set(itertools.pairwise(extracted))
    paragraphs = [
        _arabic_words(plain_text(getattr(para, "content", ())))
        for para in (*res.preamble, *res.operative)
    ]
    words = [word for para in paragraphs for word in para]
    pairs = [pair for para in paragraphs for pair in itertools.pairwise(para)]
    whole = sum(word in found for word in words) / len(words)
    ordered = sum(pair in pairs_found for pair in pairs) / len(pairs)
    return whole, ordered


def test_un_arabic_resolution_prints_on_a4_with_its_words(un_ar: tuple[Resolution, bytes]) -> None:
    _, data = un_ar
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A4, abs=0.01
        )
    text = " ".join(page.extract_text() for page in reader.pages)
    for word in ("الأمم", "المتحدة", "A/RES/77/306", "الدورة", "السابعة"):
        assert word in text


def test_pypdf_extracts_the_words_whole_and_in_logical_order(
    un_ar: tuple[Resolution, bytes],
) -> None:
    res, data = un_ar
    reader = pypdf.PdfReader(io.BytesIO(data))
    whole, ordered = _whole_and_in_order(res, "\n".join(p.extract_text() for p in reader.pages))
    # What is left: a slash at a line's end ("حزيران/" before the break) is put on the
    # other side of its word by pypdf's own handling of neutral characters.
    assert whole > 0.95
    assert ordered > 0.9


@pytest.mark.render
def test_pdftotext_extracts_the_words_whole_and_in_logical_order(
    un_ar: tuple[Resolution, bytes], tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) is not installed")
    res, data = un_ar
    path = tmp_path / "ar.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    whole, ordered = _whole_and_in_order(res, text)
    # What is left: poppler puts a vowel mark after the next letter ("تقريَري").
    assert whole > 0.95
    assert ordered > 0.9


def test_every_shaped_code_stands_for_text_and_a_word_lies_in_one_font(ar_pdf: bytes) -> None:
    """A code that extracts as nothing is read as a Latin byte by pypdf, and a font change
    inside a word splits it: both reversed parts of words."""
    for codes, _font in _shaped_fonts(ar_pdf):
        assert codes
        assert all(text for code, text in codes.items() if code >= 0x80 or 0 < code < 0x20)
    reader = pypdf.PdfReader(io.BytesIO(ar_pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    for word in BODY.replace("،", " ").split():
        assert word in text.split() or word + "،" in text.split(), word
