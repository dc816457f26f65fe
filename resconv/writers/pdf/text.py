"""Runs made printable: markup for reportlab's `Paragraph`, shaped pieces, single lines.

Left-to-right text goes to `Paragraph`, which reads markup: every piece of text is
escaped, and resconv writes only its own tags with constant attributes (a `<font name>`
per face, `<super>` and an `<onDraw>` callback for a footnote marker). Right-to-left
text is shaped and ordered by `pdf_rtl` instead. Both kinds of document also print
single lines (masthead, running header, page numbers) through `LtrText` or `RtlText`.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from resconv.fonts.embedded import Fonts
from resconv.fonts.shaped import GlyphCodes
from resconv.writers.pdf.bidi import base_direction
from resconv.writers.pdf.fonts import FaceChooser
from resconv.writers.pdf.plan import Run
from resconv.writers.pdf.rtl import Piece, Span, draw_pieces, shape_spans

__all__ = ["NOTE_CALLBACK", "LineText", "LtrText", "Markup", "RtlText"]

NOTE_CALLBACK = "resconv_note"
"""The canvas callback a footnote marker fires when drawn, labelled with the note's index."""


def _escape(text: str) -> str:
    """`text` as markup: what `xml.sax.saxutils.escape` does, without importing it (it
    imports `urllib.request`, and with it `http`, `email` and `ssl`: 25 ms of CPU)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _note_label(note: int) -> str:
    return str(note) if note >= 0 else "none"


class Markup:
    """Paragraph markup from runs: escaped text in resconv's own font tags."""

    def __init__(self, chooser: FaceChooser, fonts: Fonts, where: str) -> None:
        self._chooser = chooser
        self._fonts = fonts
        self._where = where

    def runs(self, runs: list[Run]) -> str:
        """The markup of `runs`, a `<font>` per face and an `<onDraw>` per marker."""
        parts: list[str] = []
        for run in runs:
            pieces = "".join(
                f'<font name="{self._fonts.names[key]}">{_escape(text)}</font>'
                for key, text in self._chooser.segments(run.role, run.text, self._where)
            )
            if run.link is not None:
                href = _escape(run.link).replace('"', "&quot;")
                parts.append(f'<a href="{href}">{pieces}</a>')
            elif run.note is None:
                parts.append(pieces)
            else:
                callback = f'<onDraw name="{NOTE_CALLBACK}" label="{_note_label(run.note)}"/>'
                parts.append(f"{callback}<super>{pieces}</super>")
        return "".join(parts)

    def width(self, runs: list[Run], size: float) -> float:
        """The width of `runs` on one line at `size`, in points."""
        return sum(
            float(pdfmetrics.stringWidth(text, self._fonts.names[key], size))
            for run in runs
            for key, text in self._chooser.segments(run.role, run.text, self._where)
        )


class LtrText:
    """Single lines (masthead, running header, page numbers) in code-point fonts."""

    def __init__(self, chooser: FaceChooser) -> None:
        self._chooser = chooser
        self.fonts = Fonts()
        """Filled once the document's fonts are registered."""

    def prepare(self, role: str, text: str, size: float) -> None:
        self._chooser.segments(role, text, "masthead")

    def width(self, role: str, text: str, size: float) -> float:
        return sum(
            float(pdfmetrics.stringWidth(piece, self.fonts.names[key], size))
            for key, piece in self._chooser.segments(role, text, "masthead")
        )

    def draw(self, canv: Canvas, role: str, text: str, size: float, x: float, y: float) -> None:
        for key, piece in self._chooser.segments(role, text, "masthead"):
            name = self.fonts.names[key]
            canv.setFont(name, size)
            canv.drawString(x, y, piece)
            x += float(pdfmetrics.stringWidth(piece, name, size))


class RtlText:
    """Runs shaped and ordered by `pdf_rtl`, for paragraphs and single lines alike.

    Every glyph must be shaped before the fonts are built (`prepare` for lines).
    """

    def __init__(self, chooser: FaceChooser) -> None:
        self._chooser = chooser
        self.codes = GlyphCodes(chooser.face)
        self.fonts = Fonts()
        self._lines: dict[tuple[str, str, float], list[Piece]] = {}

    def spans(
        self, runs: list[Run], size: float, where: str, *, callbacks: bool = True
    ) -> list[Span]:
        spans: list[Span] = []
        for run in runs:
            run_size, rise, note = size, 0.0, None
            if run.note is not None:
                run_size, rise = size * 0.65, size * 0.4
                if callbacks:
                    note = _note_label(run.note)
            for key, text in self._chooser.segments(run.role, run.text, where):
                spans.append(Span(key, text, run_size, rise, note, run.link))
                note = None  # one callback per marker
        return spans

    def pieces(
        self, runs: list[Run], size: float, where: str, *, callbacks: bool = True, rtl: bool = True
    ) -> list[Piece]:
        return shape_spans(self.spans(runs, size, where, callbacks=callbacks), self.codes, rtl)

    def prepare(self, role: str, text: str, size: float) -> None:
        self._line(role, text, size)

    def _line(self, role: str, text: str, size: float) -> list[Piece]:
        key = (role, text, size)
        found = self._lines.get(key)
        if found is None:
            # A line on its own takes the direction of its first strong character
            # (UAX #9 P2-P3): "7 July 2023" reads left to right on an Arabic page.
            found = self._lines[key] = self.pieces(
                [Run(role, text)], size, "masthead", rtl=base_direction(text) != "ltr"
            )
        return found

    def width(self, role: str, text: str, size: float) -> float:
        return sum(piece.width for piece in self._line(role, text, size))

    def draw(self, canv: Canvas, role: str, text: str, size: float, x: float, y: float) -> None:
        if role == "digits":  # page numbers: glyphs shaped one by one beforehand, set LTR
            pieces = [
                replace(piece, level=0) for char in text for piece in self._line("body", char, size)
            ]
        else:
            pieces = self._line(role, text, size)
        draw_pieces(canv, pieces, x, y, self.fonts)


LineText = LtrText | RtlText
"""What prints single lines in the document's direction."""
