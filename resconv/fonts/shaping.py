"""Text shaping with HarfBuzz: which glyphs a run of text is drawn with, and where.

Arabic letters take a different form at the start, middle and end of a word, and some
pairs become one ligature; the font's OpenType tables say how, and HarfBuzz applies
them. A cmap lookup per character (what reportlab does) gives isolated forms only.
Results are cached per face, text and direction: a resolution repeats its words.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from resconv.errors import FontError
from resconv.fonts.glyphs import Face

__all__ = ["ShapedGlyph", "Shaper", "shaper"]

_MEMO_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class ShapedGlyph:
    """One glyph of a shaped run, in drawing (left-to-right) order; font units."""

    gid: int
    text: str
    """The characters this glyph stands for: its cluster's text on the cluster's first
    glyph in logical order, "" on the other glyphs of the cluster."""
    advance: int
    dx: int
    dy: int
    cluster: int = 0
    """The index of the first character of the glyph's cluster in the shaped text: the
    glyphs of one cluster (a letter and its dots, a ligature) share it."""


class Shaper:
    """HarfBuzz over one face's font file, at the face's point of a variable font."""

    def __init__(self, face: Face) -> None:
        try:
            import uharfbuzz as hb
        except ImportError as exc:  # a declared dependency; a broken install says so
            raise FontError(f"uharfbuzz is needed to print complex scripts: {exc}") from exc
        self._hb = hb
        self.face = face
        self.units_per_em = face.metrics.units_per_em
        blob = hb.Blob(face.path.read_bytes())
        self._font: Any = hb.Font(hb.Face(blob))
        if face.spec.location:
            self._font.set_variations(dict(face.spec.location))
        self._memo: dict[tuple[str, bool], tuple[ShapedGlyph, ...]] = {}
        self._lock = threading.Lock()

    def shape(self, text: str, rtl: bool) -> tuple[ShapedGlyph, ...]:
        """The glyphs of `text` set in one direction (the caller resolved bidi levels)."""
        key = (text, rtl)
        found = self._memo.get(key)
        if found is not None:
            return found
        with self._lock:
            shaped = self._shape(text, rtl)
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = shaped
        return shaped

    def _shape(self, text: str, rtl: bool) -> tuple[ShapedGlyph, ...]:
        hb = self._hb
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.direction = "rtl" if rtl else "ltr"
        hb.shape(self._font, buf, {})
        infos, positions = buf.glyph_infos, buf.glyph_positions
        # HarfBuzz clusters are indices of the first character (UTF-32 here: add_str
        # counts code points); a cluster ends where the next higher one starts.
        starts = sorted({info.cluster for info in infos})
        ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
        logical = range(len(infos) - 1, -1, -1) if rtl else range(len(infos))
        owner: dict[int, int] = {}
        for i in logical:
            owner.setdefault(infos[i].cluster, i)
        glyphs: list[ShapedGlyph] = []
        for i, (info, pos) in enumerate(zip(infos, positions, strict=True)):
            cluster = info.cluster
            chars = text[cluster : ends[cluster]] if owner[cluster] == i else ""
            glyphs.append(
                ShapedGlyph(
                    info.codepoint, chars, pos.x_advance, pos.x_offset, pos.y_offset, cluster
                )
            )
        return tuple(glyphs)


_shapers: dict[int, Shaper] = {}
_shapers_lock = threading.Lock()


def shaper(face: Face) -> Shaper:
    """The shaper of `face`, made once per face object."""
    with _shapers_lock:
        found = _shapers.get(id(face))
        if found is None or found.face is not face:
            found = _shapers[id(face)] = Shaper(face)
        return found
