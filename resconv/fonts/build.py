"""A small TrueType font for one document, assembled from kept glyphs.

Each document gets, per face, a font holding only the glyphs of its own characters:
cheap to assemble (the glyphs are already converted), small to parse, and the same
bytes every time for the same characters, which keeps PDFs reproducible.

The tables are packed here directly, glyph data copied as kept: this is the one place
that writes the TrueType format, and it replaces fontTools' `FontBuilder`, which built
and compiled a table object per glyph for every document (about a third of the time of
printing a resolution in a batch). Only what reportlab reads and embeds is written: a
Unicode cmap (format 12), the metrics, the outlines, the names, `post` version 3.
`build_subset` packs, the same way, each subset of at most 256 one-byte codes that goes
into the PDF (`resconv.fonts.embedded.KeptFont`).
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from resconv.fonts.glyphs import Face, Glyph

__all__ = ["WEIGHT_CLASS", "bounds", "build_font", "build_subset", "notdef_advance"]

_FIXED_TIMESTAMP = 0
"""head.created/modified: constant, so the same glyphs always give the same bytes."""
WEIGHT_CLASS = 400
"""OS/2 usWeightClass of every font built here."""
_HEADER = struct.Struct(">hhhhh")
_HEAD = struct.Struct(">IIIIHHqqhhhhHHhhh")
_HHEA = struct.Struct(">IhhhHhhhhhhhhhhhH")
_MAXP = struct.Struct(">IHHHHHHHHHHHHHH")
_POST = struct.Struct(">IIhhIIIII")
_OS2 = struct.Struct(">HhHHHhhhhhhhhhhh10sIIII4sHHHhhhHHIIhhHHH")


_GLYPHS_REMEMBERED = 1 << 15
"""Outlines whose facts `_glyph_facts` keeps: more than a batch of resolutions prints in
all languages; an entry is a few integers, the outline being the face's own bytes."""


@lru_cache(maxsize=_GLYPHS_REMEMBERED)
def _glyph_facts(data: bytes) -> tuple[int, int, int, int, int, int, int]:
    """(contours, points, xMin, yMin, xMax, yMax, checksum) of a simple glyph's outline;
    the checksum is that of the outline padded to four bytes, as `glyf` holds it.

    Speed: kept per outline, so that a batch reads each glyph's header and sums its
    bytes once, not once per document printing it: the seed's four fonts (450 glyphs)
    took 2.2–3.4 ms a document in a warm batch, 1.1–1.6 ms with it.
    """
    checksum = _checksum(data)
    if not data:
        return (0, 0, 0, 0, 0, 0, checksum)
    contours, x_min, y_min, x_max, y_max = _HEADER.unpack_from(data)
    (last_point,) = struct.unpack_from(">H", data, _HEADER.size + 2 * (contours - 1))
    return (contours, last_point + 1, x_min, y_min, x_max, y_max, checksum)


def build_font(face: Face, glyphs: Mapping[int, Glyph], name_suffix: str = "") -> bytes:
    """The bytes of a TrueType font with exactly `glyphs` (code point → glyph) of `face`;
    `name_suffix` follows the face's PostScript name (fonts of one face, one document)."""
    codes = sorted(glyphs)
    return _font(face, [glyphs[cp] for cp in codes], codes, _cmap(codes), name_suffix)


def build_subset(
    face: Face, codes: Sequence[int], glyphs: Mapping[int, Glyph], name_suffix: str = ""
) -> bytes:
    """A font whose one-byte code n prints `glyphs[codes[n]]`: one of the subsets of at
    most 256 codes that reportlab embeds, in its form (a Macintosh Roman cmap of format
    6, a code point without a glyph on the blank .notdef), packed from the kept glyphs."""
    gid_of: dict[int, int] = {}
    kept: list[Glyph] = []
    gids: list[int] = []
    for cp in codes:
        gid = gid_of.get(cp)
        if gid is None:
            glyph = glyphs.get(cp)
            if glyph is not None:
                kept.append(glyph)
            gid = gid_of[cp] = len(kept) if glyph is not None else 0
        gids.append(gid)
    printed = sorted(cp for cp, gid in gid_of.items() if gid)
    return _font(face, kept, printed, _byte_cmap(gids), name_suffix)


def notdef_advance(units_per_em: int) -> int:
    """The advance of glyph 0, the blank .notdef of every font built here."""
    return units_per_em // 2


def bounds(glyphs: Iterable[Glyph]) -> tuple[int, int, int, int]:
    """(xMin, yMin, xMax, yMax) of the outlines of `glyphs`, as the `head` table holds it."""
    drawn = [facts for facts in map(_glyph_facts, (g.data for g in glyphs)) if facts[0] > 0]
    return (
        min((entry[2] for entry in drawn), default=0),
        min((entry[3] for entry in drawn), default=0),
        max((entry[4] for entry in drawn), default=0),
        max((entry[5] for entry in drawn), default=0),
    )


def _font(face: Face, kept: list[Glyph], codes: list[int], cmap: bytes, name_suffix: str) -> bytes:
    """The font of glyphs `kept` (glyph n + 1 is `kept[n]`) mapped by `cmap`; `codes`, the
    code points printed, sorted (for OS/2)."""
    spec, metrics = face.spec, face.metrics
    count = len(kept) + 1  # glyph 0 is .notdef, blank
    stats = [_glyph_facts(glyph.data) for glyph in kept]

    outlines, offsets = [b""], [0, 0]
    for glyph in kept:
        data = glyph.data + b"\0" * (-len(glyph.data) % 4)
        outlines.append(data)
        offsets.append(offsets[-1] + len(data))
    advances = [glyph.advance for glyph in kept]
    right = min((g.advance - e[4] for g, e in zip(kept, stats, strict=True) if e[0] > 0), default=0)
    box = bounds(kept)
    tables = {
        "OS/2": _os2(metrics.ascender, metrics.descender, codes),
        "cmap": cmap,
        "glyf": b"".join(outlines),
        "head": _head(metrics.units_per_em, box),
        "hhea": _hhea(metrics.ascender, metrics.descender, advances, box, right, count),
        "hmtx": _hmtx(metrics.units_per_em, kept),
        "loca": struct.pack(f">{len(offsets)}I", *offsets),
        "maxp": _maxp(count, stats),
        "name": _name(
            {
                1: spec.family,
                2: spec.style,
                3: f"resconv:{spec.postscript_name}{name_suffix}:{face.digest[:16]}",
                4: f"{spec.family} {spec.style}",
                6: spec.postscript_name + name_suffix,
            }
        ),
        "post": _POST.pack(0x00030000, 0, -75, 50, 0, 0, 0, 0, 0),
    }
    return _sfnt(tables, {"glyf": sum(entry[6] for entry in stats) & 0xFFFFFFFF})


def _head(units_per_em: int, box: tuple[int, int, int, int]) -> bytes:
    version = revision = 0x00010000
    adjustment, magic, flags = 0, 0x5F0F3CF5, 0x0003  # adjustment: set by `_sfnt`
    created = modified = _FIXED_TIMESTAMP
    mac_style, smallest_ppem, direction, long_loca, glyph_format = 0, 3, 2, 1, 0
    return _HEAD.pack(
        version, revision, adjustment, magic, flags, units_per_em, created, modified,
        *box, mac_style, smallest_ppem, direction, long_loca, glyph_format,
    )  # fmt: skip


def _hhea(
    ascender: int,
    descender: int,
    advances: list[int],
    box: tuple[int, int, int, int],
    right: int,
    count: int,
) -> bytes:
    x_min, _, x_max, _ = box
    caret = (1, 0, 0)
    reserved = (0, 0, 0, 0)
    return _HHEA.pack(
        0x00010000, ascender, descender, 0, max(advances, default=0), x_min, right, x_max,
        *caret, *reserved, 0, count,
    )  # fmt: skip


def _hmtx(units_per_em: int, kept: list[Glyph]) -> bytes:
    pairs = [(notdef_advance(units_per_em), 0), *((glyph.advance, glyph.lsb) for glyph in kept)]
    return struct.pack(">" + "Hh" * len(pairs), *(value for pair in pairs for value in pair))


def _maxp(count: int, stats: list[tuple[int, int, int, int, int, int, int]]) -> bytes:
    points = max((entry[1] for entry in stats), default=0)
    contours = max((entry[0] for entry in stats), default=0)
    zones = 2
    return _MAXP.pack(0x00010000, count, points, contours, 0, 0, zones, *([0] * 8))


def _cmap(codes: list[int]) -> bytes:
    """A (3, 10) format-12 cmap: glyph n + 1 for the n-th code, in runs of consecutive codes."""
    groups: list[list[int]] = []
    for gid, cp in enumerate(codes, start=1):
        if groups and groups[-1][1] == cp - 1 and groups[-1][2] + cp - groups[-1][0] == gid:
            groups[-1][1] = cp
        else:
            groups.append([cp, cp, gid])
    body = b"".join(struct.pack(">III", *group) for group in groups)
    subtable = struct.pack(">HHIII", 12, 0, 16 + len(body), 0, len(groups)) + body
    return struct.pack(">HHHHI", 0, 1, 3, 10, 12) + subtable


def _byte_cmap(gids: list[int]) -> bytes:
    """A (1, 0) format-6 cmap: one-byte code n → glyph `gids[n]` (as reportlab writes it)."""
    subtable = struct.pack(f">HHHHH{len(gids)}H", 6, 10 + 2 * len(gids), 0, 0, len(gids), *gids)
    return struct.pack(">HHHHI", 0, 1, 1, 0, 12) + subtable


def _os2(ascender: int, descender: int, codes: list[int]) -> bytes:
    first = min(codes, default=0x20)
    last = max(codes, default=0x20)
    return _OS2.pack(
        3, 0, WEIGHT_CLASS, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, bytes(10), 0, 0, 0, 0, b"NONE",
        0x40, min(first, 0xFFFF), min(last, 0xFFFF), ascender, descender, 0,
        max(ascender, 0), max(-descender, 0), 0, 0, 0, 0, 0, 0x20, 0,
    )  # fmt: skip


def _name(names: dict[int, str]) -> bytes:
    """A format-0 name table, Windows Unicode English records."""
    records, strings = [], b""
    for name_id in sorted(names):
        data = names[name_id].encode("utf-16-be")
        records.append(struct.pack(">HHHHHH", 3, 1, 0x409, name_id, len(data), len(strings)))
        strings += data
    header = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    return header + b"".join(records) + strings


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF


def _sfnt(tables: dict[str, bytes], checksums: Mapping[str, int]) -> bytes:
    """The font file: table directory, then each table padded to four bytes; the head's
    checksum adjustment makes the whole file's checksum 0xB1B0AFBA. `checksums`: those
    of tables already known (`glyf`: the sum of its glyphs')."""
    tags = sorted(tables)
    power = 1 << (len(tags).bit_length() - 1)
    header = struct.pack(
        ">IHHHH", 0x00010000, len(tags), power * 16, power.bit_length() - 1,
        (len(tags) - power) * 16,
    )  # fmt: skip
    offset = len(header) + 16 * len(tags)
    directory, body, sums = [], [], []
    for tag in tags:
        data = tables[tag]
        sums.append(checksums[tag] if tag in checksums else _checksum(data))
        directory.append(struct.pack(">4sIII", tag.encode("ascii"), sums[-1], offset, len(data)))
        padded = data + b"\0" * (-len(data) % 4)
        body.append(padded)
        offset += len(padded)
    font = bytearray(header + b"".join(directory) + b"".join(body))
    head = len(header) + 16 * len(tags) + sum(len(p) for p in body[: tags.index("head")])
    # Speed: every part starts on a four-byte boundary, so the file's checksum is the sum
    # of its parts' and no byte is summed twice (the whole file was summed again: the
    # seed's four fonts took 3.2–5.0 ms a document in a warm batch, 2.2–3.4 ms without).
    whole = _checksum(header + b"".join(directory)) + sum(sums)
    adjustment = (0xB1B0AFBA - whole) & 0xFFFFFFFF
    struct.pack_into(">I", font, head + 8, adjustment)
    return bytes(font)
