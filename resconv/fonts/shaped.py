"""Shaped text as a document's own characters: one private-use code per cluster.

Shaping gives glyphs that no code point maps to (Arabic joining forms, ligatures,
letters drawn as a base and separate dots). A PDF text string can only name characters
of a font, so each document numbers the clusters it prints (the glyphs standing for
one run of characters, as placed by shaping) with private-use code points. The document
font built from them (`resconv.fonts.embedded.ShapedFont`) draws each code as its cluster's
glyphs combined into one outline, at the offsets shaping gave them, with the cluster's
advance; `to_unicode` gives each code the characters of its cluster. So every code
stands for text (no code extracts as nothing, which extractors would read as a Latin
byte), and a shaped run is one plain string: nothing in the PDF moves the pen or the
baseline inside a word, which extractors would read as a gap between two words.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace

from resconv.errors import FontError, InternalError
from resconv.fonts.glyphs import Face, Glyph
from resconv.fonts.shaping import ShapedGlyph, shaper

__all__ = ["BANK_SIZE", "GlyphCodes", "bank_key"]

_PUA_FIRST = 0xE000
_PUA_LAST = 0xF8FF


_Part = tuple[int, int, int]
"""A glyph of a cluster: (glyph id, x, y) from the cluster's origin, in font units."""
_Cluster = tuple[tuple[_Part, ...], str, int]
"""(glyphs, text, advance) of one cluster."""


BANK_SIZE = 150
"""Codes per document font: what reportlab puts in one embedded subset (256 codes, less
those it keeps for ASCII), so that a word never spans two subsets."""


class GlyphCodes:
    """One document's private-use code for each cluster of a face it prints.

    The codes of a face are kept in banks of at most `BANK_SIZE`, each printed through a
    font of its own (`bank_key` names it), and every word's clusters lie in one bank: a
    word whose clusters do not all fit in the current bank starts a new one, repeating
    the clusters it shares with earlier banks. A word is then one string in one font;
    a font change inside it would end the run an extractor reverses (pypdf).
    """

    def __init__(self, face: Callable[[str], Face]) -> None:
        self._face = face
        self._codes: dict[str, dict[_Cluster, str]] = {}
        self.glyphs: dict[str, dict[int, _Cluster]] = {}
        """bank key → code point → the cluster it prints."""
        self._banks: dict[str, int] = {}
        self._pieces: dict[tuple[str, str, bool], tuple[tuple[ShapedGlyph, ...], str, str]] = {}
        self.frozen = False
        """Set once the fonts are built: a new glyph then is a bug, not a missing glyph."""

    def face(self, key: str) -> Face:
        """The face of a face key or of a bank key."""
        return self._face(key.partition("#")[0])

    def shaped(self, key: str, text: str, rtl: bool) -> tuple[tuple[ShapedGlyph, ...], str, str]:
        """(glyphs, codes, bank key) of `text` in face `key`: one code per cluster, left
        to right, all in the font the bank key names."""
        memo = (key, text, rtl)
        found = self._pieces.get(memo)
        if found is None:
            glyphs = shaper(self._face(key)).shape(text, rtl)
            clusters = _clusters(glyphs)
            bank = self._bank(key, clusters)
            codes = "".join(self._code(bank, cluster) for cluster in clusters)
            found = self._pieces[memo] = (glyphs, codes, bank)
        return found

    def _bank(self, key: str, clusters: list[_Cluster]) -> str:
        number = self._banks.get(key, 0)
        bank = bank_key(key, number)
        table = self._codes.get(bank, {})
        new = len({cluster for cluster in clusters if cluster not in table})
        if new and len(table) + new > BANK_SIZE:
            if self.frozen:
                raise InternalError(f"a word of {key} shaped after the fonts were built")
            self._banks[key] = number + 1
            bank = bank_key(key, number + 1)
        return bank

    def _code(self, bank: str, cluster: _Cluster) -> str:
        table = self._codes.setdefault(bank, {})
        found = table.get(cluster)
        if found is None:
            if self.frozen:
                raise InternalError(f"a cluster of {bank} shaped after the fonts were built")
            cp = _PUA_FIRST + len(table)
            if cp > _PUA_LAST:
                raise FontError(f"more distinct shaped clusters than {_PUA_LAST - _PUA_FIRST + 1}")
            found = table[cluster] = chr(cp)
            self.glyphs.setdefault(bank, {})[cp] = cluster
        return found

    def font_glyphs(self, bank: str) -> dict[int, Glyph]:
        """Code point → glyph of the document font of `bank`: the cluster's glyphs as
        one outline, with the advance they were shaped with (kerning and joining
        included), so the PDF's widths match where the glyphs stand."""
        clusters = self.glyphs.get(bank, {})
        wanted = {gid for parts, _, _ in clusters.values() for gid, _, _ in parts}
        converted = self.face(bank).glyphs_by_id(wanted)
        return {
            cp: _combined(tuple((converted[gid], x, y) for gid, x, y in parts), max(advance, 0))
            for cp, (parts, _, advance) in clusters.items()
        }

    def to_unicode(self, bank: str) -> dict[int, str]:
        return {cp: cluster[1] for cp, cluster in self.glyphs.get(bank, {}).items()}


def bank_key(face: str, number: int) -> str:
    """The key of a face's bank of codes: the face key itself for the first."""
    return face if number == 0 else f"{face}#{number}"


def _clusters(glyphs: tuple[ShapedGlyph, ...]) -> list[_Cluster]:
    """The glyphs (left to right) grouped by cluster, each part placed from the origin."""
    found: list[_Cluster] = []
    start = 0
    while start < len(glyphs):
        stop = start + 1
        while stop < len(glyphs) and glyphs[stop].cluster == glyphs[start].cluster:
            stop += 1
        parts: list[_Part] = []
        pen = 0
        for glyph in glyphs[start:stop]:
            parts.append((glyph.gid, pen + glyph.dx, glyph.dy))
            pen += glyph.advance
        text = "".join(glyph.text for glyph in glyphs[start:stop])
        found.append((tuple(parts), text, pen))
        start = stop
    return found


@functools.lru_cache(maxsize=20_000)
def _combined(parts: tuple[tuple[Glyph, int, int], ...], advance: int) -> Glyph:
    """One glyph drawing every part at its offset, `advance` wide.

    Kept for the process: a batch of Arabic resolutions prints the same clusters again
    and again, and combining outlines is the slow part of building their fonts.
    """
    if len(parts) == 1 and parts[0][1:] == (0, 0):
        return replace(parts[0][0], advance=advance)
    from fontTools.pens.transformPen import TransformPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables._g_l_y_f import Glyph as TrueTypeGlyph

    pen = TTGlyphPen(None)
    for glyph, x, y in parts:
        if glyph.data:
            TrueTypeGlyph(glyph.data).draw(TransformPen(pen, (1, 0, 0, 1, x, y)), None)
    outline = pen.glyph()
    if not outline.numberOfContours:
        return Glyph(advance, 0, b"")
    outline.recalcBounds(None)
    return Glyph(advance, int(outline.xMin), outline.compile(None))
