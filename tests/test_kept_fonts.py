"""Document fonts embedded from kept glyphs (`KeptFont`): what reportlab would read from
the built font file, and subsets that print what reportlab's own subsets print."""

from __future__ import annotations

import copy
import dataclasses
import io
import zlib
from typing import Any

import pytest

from resconv.errors import FontError
from resconv.fonts import Face, FaceLibrary, Glyph, build_font
from resconv.fonts.build import build_subset
from resconv.fonts.embedded import KeptFont, WidthArray

TEXT = "大会，回顾《宪章》 2001 a"

_READ_BY_REPORTLAB = (
    "name", "bbox", "ascent", "descent", "capHeight", "stemV", "italicAngle", "flags",
    "defaultWidth", "charWidths", "charToGlyph", "unitsPerEm", "numGlyphs", "_full_font",
)  # fmt: skip


@pytest.fixture(scope="module")
def song() -> Face:
    return FaceLibrary(None).face("song")


def _with_units_per_em(face: Face, units: int) -> Face:
    """The face as if its outlines were drawn on another grid (the scale reportlab applies)."""
    other = copy.copy(face)
    other.metrics = dataclasses.replace(face.metrics, units_per_em=units)
    return other


@pytest.mark.parametrize("units_per_em", [1000, 2048])
def test_a_kept_font_has_the_metrics_reportlab_reads_from_the_built_font(
    song: Face, units_per_em: int
) -> None:
    from reportlab.pdfbase.ttfonts import TTFontFace

    face = song if units_per_em == 1000 else _with_units_per_em(song, units_per_em)
    glyphs = song.glyphs({ord(c) for c in TEXT})
    parsed = TTFontFace(io.BytesIO(build_font(face, glyphs, "-1")))
    kept = KeptFont("kept-test", face, glyphs, "-1").face
    for attribute in _READ_BY_REPORTLAB:
        assert getattr(kept, attribute) == getattr(parsed, attribute), attribute
    assert 0xA0 in kept.charWidths  # a no-break space prints as the space


def test_a_subset_prints_each_code_as_reportlabs_subset_does(song: Face) -> None:
    from fontTools.ttLib import TTFont as FontToolsFont
    from reportlab.pdfbase.ttfonts import TTFontFace

    glyphs = song.glyphs({ord(c) for c in TEXT})
    # reportlab's first subset: codes 0–31 for the first characters, then ASCII as itself;
    # "b" is ASCII but not in the document's font: it prints as .notdef in both.
    codes = [0, ord("大"), ord("会"), ord("，"), *([0] * 29), *range(32, 128)]
    ours = FontToolsFont(io.BytesIO(build_subset(song, codes, glyphs)))
    theirs_data = TTFontFace(io.BytesIO(build_font(song, glyphs))).makeSubset(codes)
    theirs = FontToolsFont(io.BytesIO(theirs_data))

    def printed(font: FontToolsFont) -> list[tuple[int, bytes]]:
        cmap = font["cmap"].getcmap(1, 0).cmap
        glyf, hmtx = font["glyf"], font["hmtx"]
        names = [cmap.get(n, ".notdef") for n in range(len(codes))]
        return [(hmtx[name][0], glyf[name].compile(glyf)) for name in names]

    assert printed(ours) == printed(theirs)
    assert printed(ours)[codes.index(ord("b"))][1] == b""  # .notdef: blank
    assert printed(ours)[codes.index(ord("大"))][1]  # drawn


def test_a_kept_font_measures_and_embeds_through_reportlab(song: Face) -> None:
    glyphs = song.glyphs({ord(c) for c in TEXT})
    font = KeptFont("kept-test-embed", song, glyphs)
    assert font.stringWidth("大会", 10) == pytest.approx(20.0)
    assert b"/FontFile2" in _drawn_pdf(font)


def test_a_subset_that_cannot_be_built_is_a_font_error(song: Face) -> None:
    broken = {ord("大"): Glyph(advance=1000, lsb=0, data=b"\x00")}  # a truncated outline
    with pytest.raises(FontError, match="Noto Serif SC subset"):
        KeptFont("kept-test-bad", song, broken)


@pytest.mark.parametrize("count", [0, 1, 10, 11, 20, 256])
def test_a_widths_array_prints_as_reportlabs_array_prints(count: int) -> None:
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDocument

    values = [500, 1000, 277.83203125, 0.5, 500.0, 333.3333333333333, 0][:count]
    values = [values[n % len(values)] + n for n in range(count)] if values else []
    document = PDFDocument(invariant=1)
    for _ in range(2):  # the second time from the remembered numbers
        assert WidthArray(values).format(document) == PDFArray(values).format(document)


def test_a_kept_font_embeds_its_subset_at_zlibs_fastest_level_with_its_widths(
    song: Face,
) -> None:
    import pypdf

    glyphs = song.glyphs({ord(c) for c in TEXT})
    font = KeptFont("kept-test-flate", song, glyphs)
    page = pypdf.PdfReader(io.BytesIO(_drawn_pdf(font))).pages[0]
    resources: Any = page["/Resources"]
    fonts = [f.get_object() for f in resources["/Font"].values()]
    (pdf_font,) = (f for f in fonts if "/FontDescriptor" in f)
    stream = pdf_font["/FontDescriptor"]["/FontFile2"].get_object()
    data = stream.get_data()
    assert stream["/Filter"] == ["/FlateDecode"]
    assert stream._data == zlib.compress(data, 1)
    assert stream["/Length1"] == len(data)
    # reportlab's codes: 1, 2 … for the first characters beyond ASCII, ASCII as itself
    printed = [float(width) for width in pdf_font["/Widths"]]
    assert printed[1:6] == [font.face.getCharWidth(ord(c)) for c in "大会，回顾"]
    assert printed[ord("2")] == font.face.getCharWidth(ord("2"))


def _drawn_pdf(font: KeptFont) -> bytes:
    """A one-page PDF drawing a line of the test text in `font`, registered only meanwhile."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(font)
    try:
        out = io.BytesIO()
        canvas = Canvas(out, invariant=1)
        canvas.setFont(font.fontName, 12)
        canvas.drawString(72, 720, "大会，回顾 2001")
        canvas.save()
    finally:
        font.unregister()
    return out.getvalue()
