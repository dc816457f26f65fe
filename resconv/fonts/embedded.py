"""Document fonts in reportlab's registry, shaped fonts included.

reportlab keeps one process-global registry of fonts, keyed by name. Each document
registers its own subsets under names derived from their bytes and drops them again
afterwards (`resconv.writers.pdf.fonts`). A shaped font (`ShapedFont`) prints
private-use codes (`resconv.fonts.shaped.GlyphCodes`) and writes a ToUnicode map that
gives each code back the text it was shaped from. Importing this module loads reportlab.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from resconv.fonts.glyphs import Face, Glyph
from resconv.fonts.shaped import GlyphCodes

__all__ = ["Fonts", "ShapedFont", "register_shaped_fonts"]


@dataclass(slots=True)
class Fonts:
    """The registered font name of each face key."""

    names: dict[str, str] = field(default_factory=dict)


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


class ShapedFont(TTFont):  # type: ignore[misc]  # reportlab is untyped
    """A TrueType font whose private-use codes extract as the text they were shaped from.

    reportlab writes each subset's ToUnicode map from the code points it printed; here
    those are private-use stand-ins, so the map is rewritten with the original text.
    """

    def __init__(self, name: str, data: bytes, text: dict[int, str]) -> None:
        super().__init__(name, io.BytesIO(data))
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
    codes: GlyphCodes,
    build: Callable[[Face, dict[int, Glyph], str], bytes],
    name_of: Callable[[str, bytes], str],
    fonts: Fonts,
) -> None:
    """Build and register one shaped font per bank of codes the document used, into
    `fonts`; `build` gets the face, the glyphs and a suffix for the PostScript name
    (reportlab takes two fonts of one PostScript name for one)."""
    for key in sorted(codes.glyphs):
        face = codes.face(key)
        _, _, bank = key.partition("#")
        data = build(face, codes.font_glyphs(key), f"-{bank}" if bank else "")
        name = name_of(key, data)
        pdfmetrics.registerFont(ShapedFont(name, data, codes.to_unicode(key)))
        fonts.names[key] = name
