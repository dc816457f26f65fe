"""Fonts for the PDF writer: found in pip packages, converted once, subset per document.

`library().face(key)` gives a `Face` (see `sources.FACES`); `Face.glyphs` returns
TrueType glyphs converted once and cached; `build_font` assembles a document's font
(`build.build_subset`, one of the subsets reportlab embeds).
Importing this package loads neither fontTools nor reportlab.
"""

from __future__ import annotations

from resconv.fonts.build import build_font
from resconv.fonts.cache import CACHE_ENV, DiskCache, default_cache_dir
from resconv.fonts.glyphs import Face, FaceLibrary, Glyph, clear_memory, library
from resconv.fonts.sources import FACES, FaceSpec, face_spec, locate

__all__ = [
    "CACHE_ENV",
    "FACES",
    "DiskCache",
    "Face",
    "FaceLibrary",
    "FaceSpec",
    "Glyph",
    "build_font",
    "clear_memory",
    "default_cache_dir",
    "face_spec",
    "library",
    "locate",
]
