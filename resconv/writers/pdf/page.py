"""The A4 page around the text: masthead, footnote area, running header, "n/N" footer.

reportlab has no footnotes. A marker fires the `NOTE_CALLBACK` when drawn, and the
document records the note on the current page; after the page's flowables, its notes
are drawn at the foot under a short rule, in room the frame gave up. The frame knows
which notes each paragraph (or part of one) prints, and gives up their room as it
places it, so each page is laid out once. "n/N" is drawn when the last page is known.
"""

from __future__ import annotations

import copy
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
_FUZZ = 1e-6

BODY_WIDTH = A4[0] - 2 * _MARGIN_X
"""The width of the text frame, in points."""


class Layout:
    """Where footnote markers landed: the notes of each page, in the order drawn."""

    def __init__(self) -> None:
        self.placed: dict[int, list[int]] = {}
        self.seen: set[int] = set()
        self.pages = 0

    def record(self, page: int, note: int) -> None:
        """A note referenced twice is printed once, on the first page that refers to it."""
        if note not in self.seen:
            self.seen.add(note)
            self.placed.setdefault(page, []).append(note)

    def new(self, labels: list[str]) -> list[int]:
        """The notes among `labels` that no page has printed yet, each once."""
        found: list[int] = []
        for label in labels:
            if label.isdigit():
                note = int(label)
                if note not in self.seen and note not in found:
                    found.append(note)
        return found


class _NoteFrame(Frame):  # type: ignore[misc]  # reportlab is untyped
    """A frame whose bottom rises by the room the notes of what it holds need.

    A flowable is placed only if it fits together with the notes it brings to the page;
    a paragraph that must be split is split so that its first part fits with its own
    notes. The page is laid out once: nothing is measured again in a second pass.
    """

    def __init__(self, *args: Any, notes: _PageNotes, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._notes = notes

    def _add(self, flowable: Any, canv: Canvas, trySplit: int = 0) -> int:
        extra = self._notes.extra(flowable)
        if not extra:
            return int(super()._add(flowable, canv, trySplit))
        self._y1p += extra
        added = int(super()._add(flowable, canv, trySplit))
        if not added:
            self._y1p -= extra
        return added

    add = _add

    def __deepcopy__(self, memo: dict[int, Any]) -> _NoteFrame:
        """A copy for reportlab's trial layouts (`KeepTogether`), sharing the notes."""
        clone = copy.copy(self)
        for name, value in self.__dict__.items():
            if name != "_notes":
                setattr(clone, name, copy.deepcopy(value, memo))
        return clone

    def _reset(self) -> None:
        super()._reset()
        self._geom()  # a new page: the bottom drops back where the notes raised it

    def split(self, flowable: Any, canv: Canvas) -> list[Any]:
        extra = self._notes.extra(flowable)
        best: list[Any] = []
        for _ in range(4):  # room for all its notes first, then for the first part's only
            self._y1p += extra
            try:
                parts: list[Any] = super().split(flowable, canv)
            finally:
                self._y1p -= extra
            if not parts:
                break
            need = self._notes.extra(parts[0])
            if need > extra + _FUZZ:
                break
            best = parts
            if need >= extra - _FUZZ:
                break
            extra = need
        return best


class _PageNotes:
    """The room the notes of a flowable add to the foot of the current page."""

    def __init__(
        self,
        layout: Layout,
        page: Callable[[], int],
        labels: Callable[[Any], list[str]],
        height: Callable[[list[int]], float],
        limit: float,
    ) -> None:
        self._layout = layout
        self._page = page
        self._labels = labels
        self._height = height
        self._limit = limit

    def extra(self, flowable: Any) -> float:
        new = self._layout.new(self._labels(flowable))
        if not new:
            return 0.0
        placed = self._layout.placed.get(self._page(), [])
        before = self._room(placed)
        return self._room([*placed, *new]) - before

    def _room(self, notes: list[int]) -> float:
        # Notes taller than half the page are drawn over the text rather than never placed.
        return min(self._height(notes), self._limit) if notes else 0.0


class PageDocument(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """A4 pages whose frame gives up the room its footnotes need."""

    def __init__(
        self,
        out: io.BytesIO,
        *,
        layout: Layout,
        note_labels: Callable[[Any], list[str]],
        notes_height: Callable[[list[int]], float],
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
        notes = _PageNotes(
            layout, lambda: int(self.page), note_labels, notes_height, self.height / 2
        )
        frame = _NoteFrame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
            notes=notes,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])

    def _on_page(self, canv: Canvas, doc: Any) -> None:
        self._draw_header(canv, self.page)

    def beforeDocument(self) -> None:
        self.canv.setNamedCB(NOTE_CALLBACK, self._note_drawn)

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
