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
private-use characters, one per (glyph, text) pair (`resconv.fonts.shaped`); the font's
ToUnicode map gives each code back the characters it stands for
(`resconv.fonts.embedded`), so a glyph of a ligature extracts as its letters.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.platypus.flowables import Flowable

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.fonts.embedded import Fonts
from resconv.fonts.shaped import GlyphCodes
from resconv.fonts.shaping import ShapedGlyph
from resconv.writers.pdf.bidi import levels, visual_order

__all__ = ["Piece", "RtlParagraph", "Span", "draw_pieces", "shape_spans"]

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
    link: str | None = None


@dataclass(slots=True)
class Piece:
    """A shaped run of one span at one bidi level, or one break space."""

    face: str
    """The key of the document font that prints it (a bank of its face's codes)."""
    size: float
    rise: float
    level: int
    glyphs: tuple[ShapedGlyph, ...]
    codes: str
    """One private-use character per cluster of `glyphs`, left to right."""
    width: float
    space: bool = False
    note: str | None = None
    link: str | None = None


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
    glyphs, chars, font = codes.shaped(span.face, text, bool(level % 2))
    scale = span.size / codes.face(span.face).metrics.units_per_em
    return Piece(
        font,
        span.size,
        span.rise,
        level,
        glyphs,
        chars,
        sum(glyph.advance for glyph in glyphs) * scale,
        space=text == _BREAK,
        note=span.note,
        link=span.link,
    )


@dataclass(slots=True)
class _Line:
    """A line being filled: its pieces, their width, whether it ends or opens the paragraph."""

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

    Pieces are written in logical order, each placed at its display position, with a
    font operator of its own and its glyphs in one string, left to right: an extractor
    that reverses right-to-left text between font changes (pypdf) gets each word, and
    the words, in logical order. Marks and cursive attachment are in the glyphs' own
    outlines (`resconv.fonts.shaped`), so nothing moves the pen or the baseline inside
    a word (poppler took such a move for a gap between two words).
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
        text.setTextOrigin(positions[index], y)
        text.setFont(fonts.names[piece.face], piece.size)
        if piece.rise:
            text.setRise(piece.rise)
        text.textOut(piece.codes)
        if piece.rise:
            text.setRise(0)
        if piece.link is not None:
            left = positions[index]
            box = (left, y - piece.size * 0.3, left + piece.width, y + piece.size)
            canv.linkURL(piece.link, box, relative=1, thickness=0)
    canv.drawText(text)


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
