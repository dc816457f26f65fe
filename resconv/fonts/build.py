"""A small TrueType font for one document, assembled from kept glyphs.

Each document gets, per face, a font holding only the glyphs of its own characters:
cheap to assemble (the glyphs are already converted), small to parse, and the same
bytes every time for the same characters, which keeps PDFs reproducible.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Mapping
from typing import Any

from resconv.fonts.glyphs import Face, Glyph

__all__ = ["build_font"]

_FIXED_TIMESTAMP = 0
"""head.created/modified: constant, so the same glyphs always give the same bytes."""


def _glyph_name(cp: int) -> str:
    return f"uni{cp:04X}" if cp <= 0xFFFF else f"u{cp:05X}"


_HEADER = struct.Struct(">hhhhh")


def _outline_stats(data: bytes) -> tuple[int, int, int, int, int, int]:
    """(contours, points, xMin, yMin, xMax, yMax) read from a simple glyph's header."""
    if not data:
        return (0, 0, 0, 0, 0, 0)
    contours, x_min, y_min, x_max, y_max = _HEADER.unpack_from(data)
    (last_point,) = struct.unpack_from(">H", data, _HEADER.size + 2 * (contours - 1))
    return (contours, last_point + 1, x_min, y_min, x_max, y_max)


def build_font(face: Face, glyphs: Mapping[int, Glyph], name_suffix: str = "") -> bytes:
    """The bytes of a TrueType font with exactly `glyphs` (code point → glyph) of `face`;
    `name_suffix` follows the face's PostScript name (fonts of one face, one document)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.ttLib import newTable
    from fontTools.ttLib.tables._g_l_y_f import Glyph as TTGlyph

    spec, metrics = face.spec, face.metrics
    order = [".notdef"] + [_glyph_name(cp) for cp in sorted(glyphs)]
    outlines: dict[str, TTGlyph] = {".notdef": TTGlyph()}
    hmtx: dict[str, tuple[int, int]] = {".notdef": (metrics.units_per_em // 2, 0)}
    for cp in sorted(glyphs):
        glyph, name = glyphs[cp], _glyph_name(cp)
        outlines[name] = TTGlyph(glyph.data)
        hmtx[name] = (glyph.advance, glyph.lsb)

    builder = FontBuilder(metrics.units_per_em, isTTF=True)
    # The kept glyph data is final: copy it as is instead of decompiling every glyph to
    # recompute bounds; `_set_bounds` fills in the summary tables from the glyph headers.
    builder.font.recalcBBoxes = False
    builder.updateHead(created=_FIXED_TIMESTAMP, modified=_FIXED_TIMESTAMP)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({cp: _glyph_name(cp) for cp in glyphs})
    # FontBuilder.setupGlyf would inspect every glyph; the kept data is already quadratic.
    builder.font["loca"] = newTable("loca")
    glyf = builder.font["glyf"] = newTable("glyf")
    glyf.glyphs = outlines
    glyf.glyphOrder = order
    builder.setupHorizontalMetrics(hmtx)
    builder.setupHorizontalHeader(ascent=metrics.ascender, descent=metrics.descender)
    builder.setupNameTable(
        {
            "familyName": spec.family,
            "styleName": spec.style,
            "uniqueFontIdentifier": f"resconv:{spec.postscript_name}{name_suffix}:"
            f"{face.digest[:16]}",
            "fullName": f"{spec.family} {spec.style}",
            "psName": spec.postscript_name + name_suffix,
        },
        mac=False,
    )
    builder.setupOS2(
        fsType=0,
        sTypoAscender=metrics.ascender,
        sTypoDescender=metrics.descender,
        usWinAscent=max(metrics.ascender, 0),
        usWinDescent=max(-metrics.descender, 0),
    )
    builder.setupPost(keepGlyphNames=False)
    _set_bounds(builder.font, glyphs)
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def _set_bounds(font: Any, glyphs: Mapping[int, Glyph]) -> None:
    stats = [_outline_stats(glyph.data) for glyph in glyphs.values()]
    drawn = [entry for entry in stats if entry[0] > 0]
    head, hhea, maxp = font["head"], font["hhea"], font["maxp"]
    if drawn:
        head.xMin = min(entry[2] for entry in drawn)
        head.yMin = min(entry[3] for entry in drawn)
        head.xMax = max(entry[4] for entry in drawn)
        head.yMax = max(entry[5] for entry in drawn)
    advances = [glyph.advance for glyph in glyphs.values()]
    hhea.advanceWidthMax = max(advances, default=0)
    hhea.minLeftSideBearing = min((entry[2] for entry in drawn), default=0)
    hhea.minRightSideBearing = min(
        (
            glyph.advance - entry[4]
            for glyph, entry in zip(glyphs.values(), stats, strict=True)
            if entry[0] > 0
        ),
        default=0,
    )
    hhea.xMaxExtent = max((entry[4] for entry in drawn), default=0)
    maxp.numGlyphs = len(glyphs) + 1
    maxp.maxPoints = max((entry[1] for entry in drawn), default=0)
    maxp.maxContours = max((entry[0] for entry in drawn), default=0)
