"""Document fonts in reportlab's registry, shaped fonts included.

reportlab keeps one process-global registry of fonts, keyed by name. Each document
registers its own fonts (`KeptFont`: the kept glyphs of the characters it prints) and
drops them again afterwards (`resconv.writers.pdf.fonts`). A shaped font (`ShapedFont`) prints
private-use codes (`resconv.fonts.shaped.GlyphCodes`) and writes a ToUnicode map that
gives each code back the text it was shaped from. Importing this module loads reportlab.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_SYMBOLIC,
    SUBSETN,
    TTEncoding,
    TTFNameBytes,
    TTFont,
    TTFontFace,
)

from resconv.errors import FontError
from resconv.fonts.build import WEIGHT_CLASS, bounds, build_subset, notdef_advance
from resconv.fonts.glyphs import Face, Glyph
from resconv.fonts.shaped import GlyphCodes

__all__ = ["Fonts", "KeptFont", "ShapedFont", "font_errors", "register_shaped_fonts"]


@dataclass(slots=True)
class Fonts:
    """The registered font name of each face key."""

    names: dict[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def font_errors(face: Face) -> Iterator[None]:
    """Building a font raises many kinds of error; none may escape as-is."""
    try:
        yield
    except FontError:
        raise
    except Exception as exc:
        raise FontError(f"cannot build the {face.spec.family} subset: {exc}") from exc


class _KeptFace(TTFontFace):  # type: ignore[misc]  # reportlab is untyped
    """What reportlab's `TTFontFace` reads from a font file, taken from the kept glyphs.

    The values are those `TTFontFace.extractInfo` finds in `build_font`'s font of the same
    glyphs (`test_pdf_fonts` compares them), so the PDF's widths and descriptors are alike.
    """

    def __init__(self, face: Face, glyphs: Mapping[int, Glyph], name_suffix: str) -> None:
        pdfmetrics.TypeFace.__init__(self, None)
        self._face, self._glyphs, self._suffix = face, glyphs, name_suffix
        metrics = face.metrics
        scale = _pdf_scale(metrics.units_per_em)
        self.name = TTFNameBytes((face.spec.postscript_name + name_suffix).encode("utf-8"))
        self.familyName = face.spec.family
        self.styleName = face.spec.style
        self.filename = "(ttf)"  # what reportlab calls a font read from memory
        self.subfontNameX = b""
        self.unitsPerEm = metrics.units_per_em
        self._pdfScale = scale
        self.bbox = [scale(value) for value in bounds(glyphs.values())]
        self.ascent, self.descent = scale(metrics.ascender), scale(metrics.descender)
        self.capHeight = scale(0)  # `build_font`'s OS/2 has none
        self.stemV = 50 + int((WEIGHT_CLASS / 65.0) ** 2)  # reportlab's estimate
        self.italicAngle = 0.0
        self.flags = FF_SYMBOLIC
        self._full_font = False
        self.numGlyphs = len(glyphs) + 1
        self.defaultWidth = scale(notdef_advance(metrics.units_per_em))
        codes = sorted(glyphs)
        self.charToGlyph = {cp: gid for gid, cp in enumerate(codes, start=1)}
        self.charWidths = {cp: scale(glyphs[cp].advance) for cp in codes}
        for space, alias in ((0x20, 0xA0), (0xA0, 0x20)):  # as `extractInfo` pairs them
            if space in self.charToGlyph:
                self.charToGlyph[alias] = self.charToGlyph[space]
                self.charWidths[alias] = self.charWidths[space]
                break

    def makeSubset(self, subset: list[int]) -> bytes:
        with font_errors(self._face):
            return build_subset(self._face, subset, self._glyphs, self._suffix)


def _pdf_scale(units_per_em: int) -> Callable[[int], float]:
    """Font units to thousandths of an em, the arithmetic of `TTFontFile.extractInfo`."""
    if units_per_em == 1000:
        return lambda value: value
    factor = 1000 / units_per_em
    return lambda value: value * factor


class KeptFont(TTFont):  # type: ignore[misc]  # reportlab is untyped
    """A document's font of one face, embedded from the kept glyphs without a font file.

    Speed: reportlab's `TTFont` parses the font file it is given (`extractInfo`: a loop
    per glyph over cmap, hmtx and loca) and, at save, subsets it again (`makeSubset`),
    though resconv has just built that file from its kept glyphs. Here the metrics come
    from the glyphs and each subset reportlab embeds is packed by `build_subset` directly:
    a warm seed document (four fonts, 450 glyphs) took 180.6 M instructions, 160.6 M
    with it (callgrind, collector off). The PDF is the same but for the font files' bytes.
    """

    def __init__(
        self, name: str, face: Face, glyphs: Mapping[int, Glyph], suffix: str = ""
    ) -> None:
        # `TTFont.__init__` without its `TTFontFace(file)`.
        self.fontName = name
        with font_errors(face):
            self.face = _KeptFace(face, glyphs, suffix)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = True

    def addObjects(self, doc: Any) -> None:
        """reportlab's PDF objects of each subset, its widths printed by `WidthArray` and
        its font file compressed by `FAST_FLATE`."""
        fonts = doc.idToObject["BasicFonts"].dict
        before = set(fonts)
        super().addObjects(doc)
        for name in fonts.keys() - before:
            pdf_font = fonts[name]
            pdf_font.Widths = WidthArray(pdf_font.Widths.sequence)
            font_file = doc.idToObject.get(f"fontFile:{self.face.filename}({pdf_font.BaseFont})")
            if font_file is not None and font_file.filters:
                font_file.filters = [FAST_FLATE]


_NUMBERS: dict[tuple[type, float], bytes] = {}
"""Each width as the PDF prints it; a few hundred values per face."""
_NUMBERS_KEPT = 1 << 14


class WidthArray(pdfdoc.PDFArray):  # type: ignore[misc]  # reportlab is untyped
    """A subset's widths, printed as reportlab's `PDFArray` prints them, each number once.

    Speed: reportlab formats every element of an array through its generic `format`
    (type tests, `fp_str`, an encoding) each time: about a thousand widths a document
    (up to 256 per subset). Here each distinct width is formatted once per process.
    The bytes are the same (`tests/test_kept_fonts.py` compares them); the seed's five
    arrays (869 widths) took 1.2 ms a document in a warm batch, 0.1 ms with it; a warm
    seed document 160.8 → 150.5 M instructions (callgrind, a private glyph cache).
    """

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # reportlab names it IND
        if (self.multiline and rl_config.pdfMultiLine) or self.multiline == "forced":
            return bytes(super().format(document, IND))
        if len(_NUMBERS) > _NUMBERS_KEPT:
            _NUMBERS.clear()
        items: list[bytes] = []
        for value in self.sequence:
            key = (value.__class__, value)
            text = _NUMBERS.get(key)
            if text is None:
                text = _NUMBERS[key] = pdfdoc.format(value, document)
            items.append(text)
        for i in reversed(range(10, len(items), 10)):  # reportlab's break every ten
            items.insert(i, b"\n ")
        return b"[ " + b" ".join(items) + b" ]"


class _FastFlate:
    """reportlab's Flate filter at zlib's fastest level, for the embedded font files.

    Speed: the font files are most of what a PDF compresses (the seed: 128 KB of fonts,
    23 KB of page text). At level 1 instead of zlib's default 6 they take 2.2 instead of
    3.5 ms a document for the seed and 3.3 instead of 6.9 ms for an Arabic resolution
    (A/RES/74/10), for 4–8 % larger font streams (the seed's PDF: 109.1 → 113.7 KB).
    The fonts decompress to the same bytes; the pages are the same. A warm seed document:
    150.5 → 144.9 M instructions (callgrind). docs/dev/decisions/pdf-font-compression.md.
    """

    pdfname = "FlateDecode"

    def encode(self, data: bytes) -> bytes:
        return zlib.compress(data, 1)

    def decode(self, data: bytes) -> bytes:
        return zlib.decompress(data)


FAST_FLATE = _FastFlate()


def _cmap_hex(text: str) -> str:
    return "".join(f"{unit:04X}" for unit in _utf16(text))


def _utf16(text: str) -> list[int]:
    data = text.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def _to_unicode_cmap(name: str, codes: Sequence[int], text: dict[int, str]) -> str:
    entries = [f"<{index:02X}> <{_cmap_hex(text.get(cp, ''))}>" for index, cp in enumerate(codes)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(codes) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class ShapedFont(KeptFont):
    """A document's font whose private-use codes extract as the text they were shaped from.

    reportlab writes each subset's ToUnicode map from the code points it printed; here
    those are private-use stand-ins, so the map is rewritten with the original text.
    """

    def __init__(
        self,
        name: str,
        face: Face,
        glyphs: Mapping[int, Glyph],
        suffix: str,
        text: dict[int, str],
    ) -> None:
        super().__init__(name, face, glyphs, suffix)
        self._shaped_text = text

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            name = _base_font_name(self, n)
            stream = doc.idToObject.get("toUnicodeCMap:" + name)
            if stream is not None:
                stream.content = _to_unicode_cmap(name, subset, self._shaped_text)


def _base_font_name(font: TTFont, n: int) -> str:
    name = b"".join((SUBSETN(n), b"+", font.face.name, font.face.subfontNameX))
    return str(name.decode("pdfdoc"))


def register_shaped_fonts(
    codes: GlyphCodes, name_of: Callable[[str, Face, Iterable[int]], str], fonts: Fonts
) -> None:
    """Register one shaped font per bank of codes the document used into `fonts`, named by
    `name_of(key, face, codes)`; the PostScript name of a bank's font has the bank as
    suffix (reportlab takes two fonts of one PostScript name for one)."""
    for key in sorted(codes.glyphs):
        face = codes.face(key)
        _, _, bank = key.partition("#")
        glyphs = codes.font_glyphs(key)
        font = ShapedFont(
            name_of(key, face, glyphs),
            face,
            glyphs,
            f"-{bank}" if bank else "",
            codes.to_unicode(key),
        )
        pdfmetrics.registerFont(font)
        fonts.names[key] = font.fontName
