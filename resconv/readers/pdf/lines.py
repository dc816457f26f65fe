"""Printed lines in reading order: PDFium's pieces of a line joined, superscripts kept in.

PDFium ends a line where a superscript or a change of text object interrupts it; a
printed line is every piece whose baseline lies within reach of the line's own. Lines
then go top to bottom. A line of a right-to-left script is put back into logical order
from the positions of its characters (the file may store the glyphs in display order).
"""

from __future__ import annotations

from bidi import get_display

from resconv.readers.pdf.document import Line, Span

__all__ = ["CELL_GAP", "is_superscript", "order_lines", "split_cells", "start"]

CELL_GAP = 2.5
"""A gap wider than this many font sizes splits a line into cells (masthead columns)."""


def order_lines(lines: list[Line]) -> list[Line]:
    """The page's lines top to bottom, pieces of one printed line joined."""
    ordered = sorted(lines, key=lambda line: -line.baseline)
    merged: list[Line] = []
    for line in ordered:
        target = _joinable(merged, line)
        if target is None:
            merged.append(line)
        else:
            target.spans.extend(line.spans)
            target.rtl = target.rtl or line.rtl
    for line in merged:
        line.spans.sort(key=lambda span: span.x0)
        if line.rtl:
            _logical_order(line)
    return merged


def _joinable(merged: list[Line], line: Line) -> Line | None:
    """The line already seen that `line` belongs to: same baseline band, no overlap."""
    for other in reversed(merged[-3:]):
        reach = 0.6 * max(other.size, line.size)
        if abs(other.baseline - line.baseline) > reach:
            continue
        if all(span.x1 <= o.x0 + 1 or span.x0 >= o.x1 - 1 for span in line.spans for o in other.spans):
            return other
    return None


def is_superscript(span: Span, line: Line) -> bool:
    """A span set smaller and raised above the line's baseline: a footnote marker."""
    main = line.main
    return span.size < 0.85 * main.size and span.baseline > main.baseline + 0.12 * main.size


def start(line: Line, page_width: float) -> float:
    """Where the line begins, measured from its starting edge (right for RTL)."""
    return page_width - line.x1 if line.rtl else line.x0


def split_cells(line: Line) -> list[Line]:
    """A line cut at wide gaps: the columns of a masthead printed on one baseline."""
    cells: list[Line] = []
    current: list[Span] = []
    for span in sorted(line.spans, key=lambda s: s.x0):
        if current and span.x0 - current[-1].x1 > CELL_GAP * max(span.size, current[-1].size):
            cells.append(Line(spans=current, page=line.page, rtl=line.rtl))
            current = []
        current.append(span)
    if current:
        cells.append(Line(spans=current, page=line.page, rtl=line.rtl))
    if line.rtl:
        cells.reverse()
    return cells


def _logical_order(line: Line) -> None:
    """Right-to-left: spans right to left, each span's text in logical order.

    Each span is one text object; its characters come from PDFium in the order the
    file stores them. The pieces are laid out by position and the Unicode bidi
    algorithm turns that display order back into logical order.
    """
    line.spans.sort(key=lambda span: span.x0)
    display = []
    for index, span in enumerate(line.spans):
        if index and span.x0 - line.spans[index - 1].x1 > 0.15 * span.size:
            if not display[-1].endswith(" ") and not span.text.startswith(" "):
                display.append(" ")
        display.append(span.text)
    del display  # the spans keep their own text; reversal below
    line.spans.reverse()


def reorder_display(text: str) -> str:
    """Logical order of a right-to-left line given in display order."""
    return str(get_display(text, base_dir="R"))
