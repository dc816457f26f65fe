"""Right-to-left paragraphs for the PDF writer: shaped with HarfBuzz, broken, then reordered.

reportlab 5.1 cannot set Arabic: it neither joins letters nor lays words out right to
left, and reordering a whole paragraph before reportlab wraps it puts the lines in the
wrong order. So an RTL paragraph is set here:

1. the logical text gets its bidi levels once (`pdf_bidi.levels`);
2. it is cut into pieces of one face, size and level, each break space a piece of its
   own, and every piece is shaped once (`resconv.fonts.shaping`: joining forms,
   ligatures, mirrored brackets in RTL runs);
3. lines are broken at spaces in logical order, by the shaped widths;
4. each line's pieces are put in display order (UAX #9 rule L2) and drawn from the
   right edge, full lines justified by widening the spaces.

Shaped glyphs are printed through small per-document fonts whose code points are
private-use characters, one per (glyph, text) pair; the font's ToUnicode map gives each
code back the characters it stands for, so a glyph of a ligature extracts as its
letters. Glyphs are written to the page in logical order (each placed at its display
position), so text extractors that follow the content stream get the logical text.
"""

from __future__ import annotations

import io
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont
from reportlab.platypus.flowables import Flowable

from resconv.errors import FontError, InternalError
from resconv.fonts import Face, Glyph
from resconv.fonts.shaping import ShapedGlyph, shaper
from resconv.writers.pdf.bidi import levels, visual_order

__all__ = [
    "GlyphCodes",
    "Piece",
    "RtlParagraph",
    "ShapedFont",
    "Span",
    "draw_pieces",
    "register_fonts",
    "shape_spans",
]

_PUA_FIRST = 0xE000
_PUA_LAST = 0xF8FF
_FUZZ = 1e-6
_BREAK = " "
NOTE_LABEL_NONE = "none"


@dataclass(frozen=True, slots=True)
class Span:
    """Text in one face and size; `note` names a footnote marker ("3", "none")."""

    face: str
    text: str
    size: float
    rise: float = 0.0
    note: str | None = None


@dataclass(slots=True)
class Piece:
    """A shaped run of one span at one bidi level, or one break space."""

    face: str
    size: float
    rise: float
    level: int
    glyphs: tuple[ShapedGlyph, ...]
    codes: str
    """One private-use character per glyph, in the order of `glyphs`."""
    width: float
    space: bool = False
    note: str | None = None


class GlyphCodes:
    """One document's private-use code for each (face, glyph, text) it prints."""

    def __init__(self, face: Callable[[str], Face]) -> None:
        self._face = face
        self._codes: dict[str, dict[tuple[int, str, int], str]] = {}
        self.glyphs: dict[str, dict[int, tuple[int, str, int]]] = {}
        """face key → code point → (glyph id, text, advance)."""
        self._pieces: dict[tuple[str, str, bool], tuple[tuple[ShapedGlyph, ...], str, int]] = {}
        self.frozen = False
        """Set once the fonts are built: a new glyph then is a bug, not a missing glyph."""

    def face(self, key: str) -> Face:
        return self._face(key)

    def shaped(self, key: str, text: str, rtl: bool) -> tuple[tuple[ShapedGlyph, ...], str, int]:
        """(glyphs, codes, advance in font units) of `text` in face `key`."""
        memo = (key, text, rtl)
        found = self._pieces.get(memo)
        if found is None:
            glyphs = shaper(self._face(key)).shape(text, rtl)
            codes = "".join(self._code(key, glyph) for glyph in glyphs)
            found = self._pieces[memo] = (glyphs, codes, sum(g.advance for g in glyphs))
        return found

    def _code(self, key: str, glyph: ShapedGlyph) -> str:
        table = self._codes.setdefault(key, {})
        pair = (glyph.gid, glyph.text, glyph.advance)
        found = table.get(pair)
        if found is None:
            if self.frozen:
                raise InternalError(f"glyph {glyph.gid} of {key} shaped after the fonts were built")
            cp = _PUA_FIRST + len(table)
            if cp > _PUA_LAST:
                raise FontError(f"more distinct shaped glyphs than {_PUA_LAST - _PUA_FIRST + 1}")
            found = table[pair] = chr(cp)
            self.glyphs.setdefault(key, {})[cp] = pair
        return found

    def font_glyphs(self, key: str) -> dict[int, Glyph]:
        """Code point → glyph of the document font for face `key`.

        Each glyph carries the advance it was shaped with (kerning and joining included),
        so the PDF's widths match where the glyphs stand and extractors see no gaps.
        """
        pairs = self.glyphs.get(key, {})
        converted = self._face(key).glyphs_by_id({gid for gid, _, _ in pairs.values()})
        return {
            cp: replace(converted[gid], advance=max(advance, 0))
            for cp, (gid, _, advance) in pairs.items()
        }

    def to_unicode(self, key: str) -> dict[int, str]:
        return {cp: text for cp, (_, text, _) in self.glyphs.get(key, {}).items()}


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


def shape_spans(spans: Sequence[Span], codes: GlyphCodes, rtl: bool = True) -> list[Piece]:
    """`spans` (logical order) as shaped pieces; every break space is a piece of its own."""
    text = "".join(span.text for span in spans)
    char_levels = levels(text, rtl)
    pieces: list[Piece] = []
    offset = 0
    for span in spans:
        start = offset
        end = offset + len(span.text)
        i = start
        while i < end:
            j = i + 1
            if text[i] != _BREAK:
                while j < end and text[j] != _BREAK and char_levels[j] == char_levels[i]:
                    j += 1
            pieces.append(_piece(span, text[i:j], char_levels[i], codes))
            i = j
        offset = end
    return pieces


def _piece(span: Span, text: str, level: int, codes: GlyphCodes) -> Piece:
    glyphs, chars, advance = codes.shaped(span.face, text, bool(level % 2))
    scale = span.size / codes.face(span.face).metrics.units_per_em
    return Piece(
        span.face,
        span.size,
        span.rise,
        level,
        glyphs,
        chars,
        advance * scale,
        space=text == _BREAK,
        note=span.note,
    )


@dataclass(slots=True)
class _Line:
    pieces: list[Piece]
    width: float
    last: bool
    first: bool


def _words(pieces: Sequence[Piece]) -> list[tuple[list[Piece], Piece | None]]:
    """Pieces grouped into words, each with the break space that follows it."""
    words: list[tuple[list[Piece], Piece | None]] = []
    current: list[Piece] = []
    for piece in pieces:
        if piece.space:
            if current:
                words.append((current, piece))
                current = []
        else:
            current.append(piece)
    if current:
        words.append((current, None))
    return words


def break_lines(pieces: Sequence[Piece], widths: Callable[[int], float]) -> list[_Line]:
    """Greedy line breaking at spaces; `widths(n)` is the room of line n."""
    lines: list[_Line] = []
    current: list[Piece] = []
    used = 0.0
    gap: Piece | None = None
    for word, space in _words(pieces):
        word_width = sum(piece.width for piece in word)
        room = widths(len(lines))
        extra = (gap.width if gap is not None and current else 0.0) + word_width
        if current and used + extra > room + _FUZZ:
            lines.append(_Line(current, used, False, not lines))
            current, used = [], 0.0
            extra = word_width
        if current and gap is not None:
            current.append(gap)
        current.extend(word)
        used += extra
        gap = space
    if current or not lines:
        lines.append(_Line(current, used, True, not lines))
    else:
        lines[-1].last = True
    return lines


@dataclass(slots=True)
class Fonts:
    """The registered font name of each face key."""

    names: dict[str, str] = field(default_factory=dict)


def draw_pieces(
    canv: Any,
    pieces: Sequence[Piece],
    x: float,
    y: float,
    fonts: Fonts,
    extra_per_space: float = 0.0,
    on_note: Callable[[str], None] | None = None,
) -> None:
    """Draw one line's pieces (logical order) from `x`, left to right in display order.

    Each glyph is placed at its display position but written in logical order, so the
    content stream reads as the text does.
    """
    order = visual_order([piece.level for piece in pieces])
    positions: dict[int, float] = {}
    cursor = x
    for index in order:
        positions[index] = cursor
        piece = pieces[index]
        cursor += piece.width + (extra_per_space if piece.space else 0.0)
    text = canv.beginText()
    for index, piece in enumerate(pieces):
        if piece.note is not None and on_note is not None:
            on_note(piece.note)
        if not piece.glyphs:
            continue
        _draw_piece(text, piece, positions[index], y, fonts)
    canv.drawText(text)


def _draw_piece(text: Any, piece: Piece, x: float, y: float, fonts: Fonts) -> None:
    """The glyphs in display order: one string per stretch of glyphs that need no offset
    (the embedded font's widths are the shaped advances), each mark placed on its own."""
    units = sum(g.advance for g in piece.glyphs)
    em = piece.width / units if units else piece.size / 1000.0
    text.setFont(fonts.names[piece.face], piece.size)
    pen = 0.0
    group: list[str] = []
    for glyph, code in zip(piece.glyphs, piece.codes, strict=True):
        if group and (glyph.dx or glyph.dy):
            text.textOut("".join(group))
            group = []
        if not group:
            text.setTextOrigin(x + (pen + glyph.dx) * em, y + piece.rise + glyph.dy * em)
        if glyph.dx or glyph.dy:
            text.textOut(code)
        else:
            group.append(code)
        pen += glyph.advance
    if group:
        text.textOut("".join(group))


def register_fonts(
    codes: GlyphCodes,
    build: Callable[[Face, dict[int, Glyph]], bytes],
    name_of: Callable[[str, bytes], str],
    fonts: Fonts,
) -> None:
    """Build and register one shaped font per face the document used, into `fonts`."""
    for key in sorted(codes.glyphs):
        face = codes.face(key)
        data = build(face, codes.font_glyphs(key))
        name = name_of(key, data)
        pdfmetrics.registerFont(ShapedFont(name, data, codes.to_unicode(key)))
        fonts.names[key] = name


def _align(style: Any) -> int:
    """The paragraph's alignment seen from the right: start is right, end is left."""
    alignment = int(style.alignment)
    if alignment == TA_LEFT:
        return int(TA_RIGHT)
    if alignment == TA_RIGHT:
        return int(TA_LEFT)
    return alignment


class RtlParagraph(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A right-to-left paragraph; `leftIndent`, `firstLineIndent` and `bulletIndent` of
    its style count from the right edge (the start of an RTL line)."""

    def __init__(
        self,
        pieces: list[Piece],
        style: Any,
        fonts: Fonts,
        bullet: list[Piece] | None = None,
        *,
        note_callback: str | None = None,
        lines: list[_Line] | None = None,
        continued: bool = False,
        first_line: int = 0,
        note_index: tuple[list[int], list[str]] | None = None,
    ) -> None:
        super().__init__()
        self.pieces = pieces
        self.style = style
        self.fonts = fonts
        self.bullet = bullet or []
        self.note_callback = note_callback
        self._lines = lines
        self._lines_width = -1.0
        self._continued = continued
        self._first_line = first_line
        """The index of this part's first line among the whole paragraph's lines."""
        self._note_index = note_index
        self.width = 0.0
        self.height = 0.0

    def _room(self, width: float) -> Callable[[int], float]:
        style = self.style
        start, end = float(style.leftIndent), float(style.rightIndent)
        first = float(style.firstLineIndent)

        def room(n: int) -> float:
            indent = start + (first if n == 0 and not self._continued else 0.0)
            return max(width - indent - end, 1.0)

        return room

    def lines(self, width: float) -> list[_Line]:
        if self._lines is None or (self._lines_width != width and not self._continued):
            self._lines = break_lines(self.pieces, self._room(width))
            self._lines_width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * float(self.style.leading)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        lines = self.lines(availWidth)
        leading = float(self.style.leading)
        fit = int((availHeight + _FUZZ) // leading)
        if fit >= len(lines):
            return [self]
        if len(lines) - fit < 2 and len(lines) >= 3:
            fit = len(lines) - 2  # no widow: at least two lines go over
        if fit < 2:
            return []  # no orphan: the whole paragraph moves on
        index = self._notes_index(lines)
        head = RtlParagraph(
            self.pieces,
            self.style,
            self.fonts,
            self.bullet,
            note_callback=self.note_callback,
            lines=lines[:fit],
            continued=self._continued,
            first_line=self._first_line,
            note_index=index,
        )
        head._lines_width = availWidth
        head.spaceAfter = 0
        tail = RtlParagraph(
            self.pieces,
            self.style,
            self.fonts,
            None,
            note_callback=self.note_callback,
            lines=lines[fit:],
            continued=True,
            first_line=self._first_line + fit,
            note_index=index,
        )
        tail.spaceBefore = 0
        return [head, tail]

    def notes(self) -> list[str]:
        """The labels of the footnote markers this paragraph (or part of one) prints.

        Looked up in an index of the whole paragraph's lines, built once, so that the
        parts of a paragraph over many pages do not each walk the lines after them.
        """
        if self.note_callback is None:
            return []
        if self._lines is None:
            return [piece.note for piece in self.pieces if piece.note is not None]
        numbers, labels = self._notes_index(self._lines)
        low = bisect_left(numbers, self._first_line)
        high = bisect_left(numbers, self._first_line + len(self._lines))
        return labels[low:high]

    def _notes_index(self, lines: list[_Line]) -> tuple[list[int], list[str]]:
        if self._note_index is None:
            numbers: list[int] = []
            labels: list[str] = []
            for number, line in enumerate(lines):
                for piece in line.pieces:
                    if piece.note is not None:
                        numbers.append(number)
                        labels.append(piece.note)
            self._note_index = (numbers, labels)
        return self._note_index

    def draw(self) -> None:
        canv = self.canv
        style = self.style
        width = self.width
        lines = self.lines(width)
        leading = float(style.leading)
        size = float(style.fontSize)
        align = _align(style)
        on_note: Callable[[str], None] | None = None
        if self.note_callback is not None:
            callback = canv.getNamedCB(self.note_callback)
            if callback is not None:

                def on_note(label: str) -> None:
                    callback(canv, "onDraw", label)

        start, end = float(style.leftIndent), float(style.rightIndent)
        for n, line in enumerate(lines):
            baseline = self.height - n * leading - size
            first = n == 0 and not self._continued
            right = width - start - (float(style.firstLineIndent) if first else 0.0)
            left = end
            spaces = sum(1 for piece in line.pieces if piece.space)
            extra = 0.0
            if align == TA_JUSTIFY and not line.last and spaces:
                x = left
                extra = max(right - left - line.width, 0.0) / spaces
            elif align == TA_LEFT:
                x = left
            elif align == TA_CENTER:
                x = left + (right - left - line.width) / 2
            else:
                x = right - line.width
            if first and self.bullet:
                bullet_width = sum(piece.width for piece in self.bullet)
                bullet_x = width - float(style.bulletIndent) - bullet_width
                draw_pieces(canv, self.bullet, bullet_x, baseline, self.fonts)
            draw_pieces(canv, line.pieces, x, baseline, self.fonts, extra, on_note)
