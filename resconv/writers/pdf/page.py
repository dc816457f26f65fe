"""The A4 page around the text: masthead, footnote area, running header, "n/N" footer.

reportlab has no footnotes. A marker fires the `NOTE_CALLBACK` when drawn, and the
document records the note on the current page; after the page's flowables, its notes
are drawn at the foot under a short rule, in room the frame gave up. That room is
known only after layout, so `Layout` carries it from one layout pass to the next.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from resconv.writers.pdf.plan import Masthead
from resconv.writers.pdf.text import NOTE_CALLBACK, LineText

__all__ = [
    "BODY_WIDTH",
    "FootnoteArea",
    "Layout",
    "MastheadFlowable",
    "PageDocument",
    "RunningLines",
    "numbered_canvas",
]

_MARGIN_X = 72.0
_MARGIN_TOP = 72.0
_MARGIN_BOTTOM = 64.0
_HEADER_GAP = 20.0
_HEADER_SIZE = 9.0
_NOTE_RULE = 72.0
_NOTE_GAP = 8.0
_PAGE_DIGITS = "0123456789/"

BODY_WIDTH = A4[0] - 2 * _MARGIN_X
"""The width of the text frame, in points."""


class Layout:
    """Footnote placement across passes: where markers landed, what room was kept."""

    def __init__(self) -> None:
        self.reserve: dict[int, float] = {}
        self.placed: dict[int, list[int]] = {}
        self.seen: set[int] = set()
        self.pages = 0

    def start_pass(self) -> None:
        self.placed, self.seen, self.pages = {}, set(), 0

    def record(self, page: int, note: int) -> None:
        """A note referenced twice is printed once, on the first page that refers to it."""
        if note not in self.seen:
            self.seen.add(note)
            self.placed.setdefault(page, []).append(note)


class PageDocument(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """A4 pages whose frame gives up the room its footnotes need."""

    def __init__(
        self,
        out: io.BytesIO,
        *,
        layout: Layout,
        draw_notes: Callable[[Canvas, list[int]], float],
        draw_header: Callable[[Canvas, int], None],
        **kwargs: Any,
    ) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=_MARGIN_X,
            rightMargin=_MARGIN_X,
            topMargin=_MARGIN_TOP,
            bottomMargin=_MARGIN_BOTTOM,
            **kwargs,
        )
        self._layout = layout
        self._draw_notes = draw_notes
        self._draw_header = draw_header
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self._frame_bottom, self._frame_height = frame.y1, frame.height
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])

    def _on_page(self, canv: Canvas, doc: Any) -> None:
        self._draw_header(canv, self.page)

    def beforeDocument(self) -> None:
        self.canv.setNamedCB(NOTE_CALLBACK, self._note_drawn)

    def beforePage(self) -> None:
        room = self._layout.reserve.get(self.page, 0.0)
        frame = self.pageTemplates[0].frames[0]
        frame.y1 = self._frame_bottom + room
        frame.height = self._frame_height - room
        frame._reset()

    def afterPage(self) -> None:
        self._layout.pages = self.page
        notes = self._layout.placed.get(self.page)
        if notes:
            self._draw_notes(self.canv, notes)

    def _note_drawn(self, canv: Canvas, kind: str, label: str | None) -> None:
        if label is not None and label.isdigit():
            self._layout.record(self.page, int(label))


def numbered_canvas(draw_footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each can show "n/N"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                draw_footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


class MastheadFlowable(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Page 1's masthead: organization and symbol over a rule, the Assembly, distribution.

    Mirrored in a right-to-left language: the organization and the Assembly on the right.
    """

    _ORG, _SYMBOL, _ASSEMBLY, _DISTR = 10.0, 12.0, 17.0, 9.0

    def __init__(self, masthead: Masthead, text: LineText, rtl: bool) -> None:
        super().__init__()
        self.masthead = masthead
        self.text = text
        self.rtl = rtl
        self.width = 0.0
        rows = max(len(masthead.distribution) * 11.0, self._ASSEMBLY + 6.0)
        self.height = self._SYMBOL + 6.0 + 8.0 + rows + 6.0
        self.spaceAfter = 14.0

    def lines(self) -> list[tuple[str, str, float]]:
        """Every (role, text, size) it prints, so that fonts hold their glyphs."""
        m = self.masthead
        found = [
            ("bold", m.organization, self._ORG),
            ("bold", m.symbol, self._SYMBOL),
            ("bold", m.assembly, self._ASSEMBLY),
        ]
        found += [("body", line, self._DISTR) for line in m.distribution]
        return [line for line in found if line[1]]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def _put(self, role: str, text: str, size: float, y: float, start: bool) -> None:
        if not text:
            return
        width = self.text.width(role, text, size)
        left = start != self.rtl  # the start side is the left in LTR, the right in RTL
        x = 0.0 if left else self.width - width
        self.text.draw(self.canv, role, text, size, x, y)

    def draw(self) -> None:
        m, canv = self.masthead, self.canv
        top = self.height
        first = top - self._SYMBOL
        self._put("bold", m.organization, self._ORG, first, True)
        self._put("bold", m.symbol, self._SYMBOL, first, False)
        rule = first - 6.0
        canv.saveState()
        canv.setLineWidth(1.5)
        canv.line(0, rule, self.width, rule)
        second = rule - 8.0 - self._ASSEMBLY + 3.0
        self._put("bold", m.assembly, self._ASSEMBLY, second, True)
        y = rule - 8.0 - self._DISTR
        for line in m.distribution:
            self._put("body", line, self._DISTR, y, False)
            y -= 11.0
        canv.setLineWidth(3.0)
        canv.line(0, 1.5, self.width, 1.5)
        canv.restoreState()


class FootnoteArea:
    """The notes at the foot of a page, under a short rule on the start side.

    Each note's paragraph is made and measured once, and drawn on every layout pass.
    """

    def __init__(self, make: Callable[[int], Any], style: ParagraphStyle, rtl: bool) -> None:
        self._make = make
        self._style = style
        self._rtl = rtl
        self._paragraphs: dict[int, tuple[Any, float]] = {}

    def _paragraph(self, index: int) -> tuple[Any, float]:
        found = self._paragraphs.get(index)
        if found is None:
            para = self._make(index)
            found = self._paragraphs[index] = (para, float(para.wrap(BODY_WIDTH, A4[1])[1]))
        return found

    def height(self, indices: list[int]) -> float:
        """The room the notes `indices` take at the foot of a page."""
        gap = float(self._style.spaceAfter)
        return _NOTE_GAP + sum(self._paragraph(index)[1] + gap for index in indices)

    def draw(self, canv: Canvas, indices: list[int]) -> float:
        height = self.height(indices)
        top = _MARGIN_BOTTOM + height
        canv.saveState()
        canv.setLineWidth(0.5)
        rule_x = A4[0] - _MARGIN_X - _NOTE_RULE if self._rtl else _MARGIN_X
        canv.line(rule_x, top - 2, rule_x + _NOTE_RULE, top - 2)
        canv.restoreState()
        y = top - _NOTE_GAP
        for index in indices:
            para, h = self._paragraph(index)
            para.drawOn(canv, _MARGIN_X, y - h)
            y -= h + self._style.spaceAfter
        return height


class RunningLines:
    """The symbol over a rule at the top of every later page, and "n/N" at the foot."""

    def __init__(self, text: LineText, symbol: str, rtl: bool) -> None:
        self._text = text
        self._symbol = symbol
        self.rtl = rtl

    def texts(self) -> list[tuple[str, str, float]]:
        """Every (role, text, size) they print: right-to-left text is shaped beforehand."""
        digits = [("body", char, _HEADER_SIZE) for char in _PAGE_DIGITS]
        return [*digits, ("body", self._symbol, _HEADER_SIZE)]

    def glyph_text(self) -> str:
        """Every character they print, for choosing faces."""
        return self._symbol + _PAGE_DIGITS

    def header(self, canv: Canvas, page: int) -> None:
        if page == 1:
            return
        y = A4[1] - _MARGIN_TOP + _HEADER_GAP
        canv.saveState()
        symbol_width = self._text.width("body", self._symbol, _HEADER_SIZE)
        # The symbol sits on the outer edge: right on odd pages, left on even ones.
        x = A4[0] - _MARGIN_X - symbol_width if page % 2 else _MARGIN_X
        self._text.draw(canv, "body", self._symbol, _HEADER_SIZE, x, y)
        canv.setLineWidth(0.5)
        canv.line(_MARGIN_X, y - 4, A4[0] - _MARGIN_X, y - 4)
        canv.restoreState()

    def footer(self, canv: Canvas, page: int, total: int) -> None:
        canv.saveState()
        label = f"{page}/{total}"
        role = "digits" if self.rtl else "body"
        label_width = sum(self._text.width("body", char, _HEADER_SIZE) for char in label)
        x = (A4[0] - label_width) / 2
        self._text.draw(canv, role, label, _HEADER_SIZE, x, _MARGIN_BOTTOM / 2)
        canv.restoreState()
