"""What real resolutions hold, in the PDF: tables, parts, collections, links, emphasis.

And nothing lost: every character of the model's body is in the PDF's text layer, for
the UN's irregular shapes in ``../shared/corpus/un-structures/``.
"""

from __future__ import annotations

import dataclasses
import io
from collections import Counter
from pathlib import Path
from typing import Any

import pypdf
import pytest

import resconv
from resconv import build as b
from resconv.model import Heading, Part, Resolution, plain_text
from resconv.writers.pdf.writer import PdfWriter
from tests.lossless import missing, model_text

pytestmark = pytest.mark.usefixtures("font_cache_dir")

_ROWS = 90  # enough rows to run over two pages


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _drawn(data: bytes, page: int) -> list[tuple[str, float, float, str]]:
    """(text, x, y, font) of every string drawn on a page, in content-stream order."""
    found: list[tuple[str, float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            name = str(font.get("/BaseFont", "")) if font is not None else ""
            x, y = float(cm[4]) + float(tm[4]), float(cm[5]) + float(tm[5])
            found.append((text.strip(), x, round(y, 1), name))

    pypdf.PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return found


def _budget(language: str, header: tuple[str, str, str], label: str) -> Resolution:
    rows = [b.row(*header, header=True)]
    rows += [b.row(f"{label} {n}", f"P-{n % 5 + 1}", f"{n * 1234:,}") for n in range(1, _ROWS)]
    return b.resolution(
        language=language,
        title="Budget",
        operative=[
            b.operative("Approves the posts below:", number="1."),
            b.table(*rows),
            b.operative("Decides to remain seized of the matter.", number="2."),
        ],
    )


@pytest.mark.parametrize(
    ("language", "header", "label"),
    [
        ("en", ("Action", "Category", "Number"), "Redeployment"),
        ("zh", ("行动", "类别", "数目"), "调动"),
        ("ar", ("الإجراء", "الفئة", "العدد"), "نقل"),
    ],
)
def test_a_long_table_repeats_its_header_on_every_page_and_keeps_every_cell(
    language: str, header: tuple[str, str, str], label: str
) -> None:
    data = PdfWriter().write(_budget(language, header, label))
    pages = _pages(data)
    spanned = [text for text in pages if f"{label} " in text or label in text]
    assert len(spanned) >= 2
    for text in spanned:
        assert all(word in text for word in header), text[:200]
    squeezed = "".join("".join(text.split()) for text in pages)
    for n in range(1, _ROWS):
        assert f"{n * 1234:,}" in squeezed


def test_numbers_in_a_table_are_set_flush_right_and_a_right_to_left_table_is_mirrored() -> None:
    en = _drawn(PdfWriter().write(_budget("en", ("Action", "Category", "Number"), "Post")), 0)
    amounts = [(text, x) for text, x, _, _ in en if text.replace(",", "").isdigit()]
    assert len(amounts) > 10
    # Amounts of different lengths, right edges in one column: the shorter starts further right.
    short = min(x for text, x in amounts if len(text) == 5)
    long = min(x for text, x in amounts if len(text) == 6)
    assert short > long
    ar = _drawn(PdfWriter().write(_budget("ar", ("الإجراء", "الفئة", "العدد"), "نقل")), 0)
    first = next(x for text, x, _, _ in ar if text.startswith("الإجراء"))
    last = next(x for text, x, _, _ in ar if text.startswith("العدد"))
    assert first > last  # the first column stands on the right


def test_a_table_cell_spanning_columns_and_rows_keeps_its_text_and_the_grid_its_place() -> None:
    table = b.table(
        b.row(
            b.cell("Section", row_span=2, header=True), b.cell("Amount", col_span=2), header=True
        ),
        b.row("2025", "2026", header=True),
        b.row("Peacekeeping", "1,000", "1,200"),
    )
    res = b.resolution(operative=[b.operative("Approves:", number="1."), table])
    text = "".join(_pages(PdfWriter().write(res)))
    for word in ("Section", "Amount", "2025", "2026", "Peacekeeping", "1,000", "1,200"):
        assert word in text
    assert text.index("2025") < text.index("2026") < text.index("Peacekeeping")


def test_parts_and_the_resolutions_of_a_collection_come_one_after_another() -> None:
    part = b.part(
        "I",
        "Conditions of service",
        preamble=[b.preambular("Recalling its resolution 37/240,", initial_words="Recalling")],
        operative=[b.operative("Takes note of the report;", number="1.")],
        parts=[b.part("A.", "Judges", operative=[b.operative("Decides;", number="2.")])],
    )
    components = [
        b.resolution(number=f"75/101 {letter}", title=title, operative=[b.operative(body)])
        for letter, title, body in (
            ("A", "Small arms", "Welcomes the report on small arms;"),
            ("B", "Outer space", "Calls upon States to refrain from it;"),
        )
    ]
    res = b.resolution(
        symbol="A/RES/75/101",
        title="General and complete disarmament",
        parts=[part],
        components=components,
    )
    text = " ".join(" ".join(_pages(PdfWriter().write(res))).split())
    order = [
        "I",
        "Conditions of service",
        "Recalling its resolution",
        "Takes note",
        "A. Judges",
        "Decides;",
        "A Small arms",
        "Welcomes the report",
        "B Outer space",
        "Calls upon States",
    ]
    positions = [text.index(phrase) for phrase in order]
    assert positions == sorted(positions), list(zip(order, positions, strict=True))


def test_a_heading_number_is_printed_when_the_heading_text_opens_with_its_letter() -> None:
    """ "I" over "International Convention …": the text opens with the letter "I", not with
    the number; "A. Judges" already printed with its number keeps it once."""
    res = b.resolution(
        title="Racism",
        operative=[
            b.heading("International Convention on Racial Discrimination", number="I"),
            b.operative("Reaffirms the Convention;", number="1."),
            b.heading("A. Judges", number="A."),
            b.operative("Decides;", number="2."),
        ],
    )
    text = " ".join(" ".join(_pages(PdfWriter().write(res))).split())
    assert "I International Convention" in text
    assert text.count("A. Judges") == 1 and "A. A." not in text


@pytest.mark.parametrize("language", ["en", "zh", "ar"])
def test_a_reference_with_a_target_is_a_link_annotation(language: str) -> None:
    target = "https://undocs.org/A/RES/67/38"
    res = b.resolution(
        language=language,
        operative=[
            b.operative(
                "Recalls ", b.reference("A/RES/67/38", target=target), " and more.", number="1."
            ),
            b.operative("Recalls ", b.reference("A/77/612"), ".", number="2."),
        ],
    )
    reader = pypdf.PdfReader(io.BytesIO(PdfWriter().write(res)))
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    assert uris == [target]  # the reference without a target is text only


def test_emphasis_is_set_in_bold_and_italic_faces() -> None:
    res = b.resolution(
        operative=[
            b.operative(
                "Decides ",
                b.emphasis("firmly", bold=True),
                " and ",
                b.emphasis("mutatis mutandis", italic=True),
                " to act.",
                number="1.",
            )
        ]
    )
    drawn = _drawn(PdfWriter().write(res), 0)
    fonts = {text: font for text, _, _, font in drawn}
    assert "Bold" in next(font for text, font in fonts.items() if "firmly" in text)
    assert "Italic" in next(font for text, font in fonts.items() if "mutatis" in text)
    assert "Bold" not in next(font for text, font in fonts.items() if "to act" in text)


_UN_STRUCTURES = sorted(
    (Path(__file__).resolve().parents[3] / "shared" / "corpus" / "un-structures").glob("*.xml")
)


def _numbers_printed_once(value: object) -> Counter[str]:
    """The characters of every heading number that its heading's text repeats ("A." and
    "A. Pension Administration", as the UN's AKN has them): the PDF prints it once."""
    found: Counter[str] = Counter()
    if isinstance(value, Heading | Part):
        number = value.number or ""
        text = plain_text(value.text if isinstance(value, Heading) else value.heading)
        if number.strip() and text.lstrip().startswith(number.strip()):
            found.update(number.strip())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            child = getattr(value, field.name)
            for item in child if isinstance(child, tuple) else (child,):
                found.update(_numbers_printed_once(item))
    return found


@pytest.mark.parametrize("name", [path.name for path in _UN_STRUCTURES] or ["absent"])
def test_every_character_of_the_body_is_in_the_text_layer(shared_dir: Path, name: str) -> None:
    res = resconv.read(str(shared_dir / "corpus" / "un-structures" / name)).value
    text = "".join(_pages(PdfWriter().write(res)))
    lost = missing(model_text(res), text) - _numbers_printed_once(res)
    assert not lost, lost.most_common(20)
