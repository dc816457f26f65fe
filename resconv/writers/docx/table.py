"""Word tables for the resolution's own tables: the grid, column widths and cell properties.

A model cell spans rows and columns; WordprocessingML has no row span. A cell spanning
rows is written once per row it covers: `w:vMerge w:val="restart"` where it starts and an
empty `w:vMerge` cell below, each with the cell's `w:gridSpan`. `table_grid` works out where
every such slot goes, and pads short rows, so each row fills the grid. The rest is the
properties Word needs: header rows repeated on each page (`w:tblHeader`), a fixed layout,
and the table style `ResolutionTable` of the template, which draws the UN's rules (thin above
and below the table, thick under the header); `docs/dev/decisions/docx-tables.md`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from lxml import etree

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.writers.docx.parts import element, w

__all__ = [
    "HEADER_RULE",
    "GridSlot",
    "cell_properties",
    "column_widths",
    "looks_numeric",
    "row_properties",
    "table_grid",
    "table_properties",
]

HEADER_RULE = "12"
"""The rule under the header rows, in eighths of a point (1.5 pt, as the UN prints it)."""
_MIN_WEIGHT = 4
_MAX_WEIGHT = 40
"""Bounds on a column's share, in characters: a column of one-digit numbers still gets
room for a heading word, and a column of long text does not squeeze the others out."""

_NUMBER = re.compile(r"[(\-−–+]?[$€£¥]?\s?\d[\d\s,.'\u00a0\u202f\u066b\u066c]*\)?\s?%?[*a-z]?")
"""An amount as tables print it: "1 234", "(12.5)", "−3", "45 %", "$1,200", "12a"."""


@dataclass(frozen=True, slots=True)
class GridSlot:
    """One `w:tc` of a Word row: a model cell, or a slot another cell merges into."""

    cell: int | None
    """Index of the model cell in its row; None for a merge continuation or padding."""
    column: int
    """First grid column the slot covers."""
    span: int
    """Grid columns covered (`w:gridSpan`)."""
    merge: Literal["restart", "continue"] | None = None
    """`w:vMerge`: "restart" for a cell spanning rows, "continue" in the rows below it."""


def table_grid(rows: Sequence[Sequence[tuple[int, int]]]) -> tuple[int, list[list[GridSlot]]]:
    """The number of grid columns and each row's slots, from each cell's (row span, col span).

    Cells fill a row left to right, skipping columns still covered by a cell from a row
    above (as HTML and Akoma Ntoso place them). A row span reaching past the last row is cut
    there, and a cell running into a column held from above stops short of it (a source
    error, but its text is kept). Rows shorter than the widest are padded with an empty slot.
    """
    covered: dict[int, dict[int, int]] = {}
    """row → {first column: span} of the cells from rows above that still cover it."""
    laid_out: list[list[GridSlot]] = []
    for row_index, cells in enumerate(rows):
        below = covered.pop(row_index, {})
        slots: list[GridSlot] = []
        column = 0
        for cell_index, (row_span, col_span) in enumerate(cells):
            while column in below:  # columns held by a cell from a row above
                span = below.pop(column)
                slots.append(GridSlot(None, column, span, "continue"))
                column += span
            # A cell running into a column held from above stops short of it.
            col_span = min([col_span, *(start - column for start in below if start > column)])
            slots.append(
                GridSlot(cell_index, column, col_span, "restart" if row_span > 1 else None)
            )
            for later in range(row_index + 1, min(row_index + row_span, len(rows))):
                covered.setdefault(later, {})[column] = col_span
            column += col_span
        for start in sorted(below):  # covered columns after the row's last cell
            if start > column:
                slots.append(GridSlot(None, column, start - column))
            slots.append(GridSlot(None, start, below[start], "continue"))
            column = start + below[start]
        laid_out.append(slots)
    columns = max((row[-1].column + row[-1].span for row in laid_out if row), default=1)
    for slots in laid_out:
        end = slots[-1].column + slots[-1].span if slots else 0
        if end < columns:
            slots.append(GridSlot(None, end, columns - end))
    return columns, laid_out


def column_widths(
    columns: int, texts: Sequence[tuple[int, int, str]], total: int, *, em: int = 220
) -> tuple[int, ...]:
    """Widths in twips summing to `total`: each column at least as wide as its longest word,
    the rest shared in proportion to its longest text.

    `texts` are (first column, span, text) of the cells; cells spanning several columns do
    not widen any one of them. `em` is the body font's em in twips (200 for 10 pt); a
    character counts 0.7 em (wide serif faces, bold and italic included), an East Asian
    wide one 1.4 em.
    """
    weights = [_MIN_WEIGHT] * columns
    longest_word = [0] * columns
    for column, span, text in texts:
        if span == 1 and column < columns:
            weights[column] = max(weights[column], min(_display_length(text), _MAX_WEIGHT))
            longest_word[column] = max(longest_word[column], _longest_word(text))
    minimum = [(length * em * 7) // 10 + _CELL_PADDING for length in longest_word]
    if sum(minimum) >= total:  # the words cannot all fit whole: share by them alone
        return tuple(_share(total, minimum))
    widths = [max(low, share) for low, share in zip(minimum, _share(total, weights), strict=True)]
    excess = sum(widths) - total
    slack = [width - low for width, low in zip(widths, minimum, strict=True)]
    if excess > 0:  # take it back from the columns above their minimum, in proportion
        taken = _share(excess, slack)
        widths = [width - cut for width, cut in zip(widths, taken, strict=True)]
    widths[-1] += total - sum(widths)
    return tuple(widths)


_CELL_PADDING = 2 * 85 + 20
"""The table style's left and right cell margins (twips), and a little air."""


def _share(total: int, weights: Sequence[int]) -> list[int]:
    """`total` split in proportion to `weights`, summing exactly to `total`."""
    whole = sum(weights) or len(weights)
    parts = [total * (weight if sum(weights) else 1) // whole for weight in weights]
    parts[-1] += total - sum(parts)
    return parts


def _display_length(text: str) -> int:
    """The longest line of `text`, in Latin character widths."""
    return max(
        (
            sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)
            for line in text.split("\n")
        ),
        default=0,
    )


def _longest_word(text: str) -> int:
    """The widest piece of `text` a line should not break, in character widths: a word, or
    up to `_WIDE_WORD` wide characters (East Asian text may break between any two, but a
    column heading such as 数目 should not)."""
    longest = latin = wide = 0
    for char in text:
        if char.isspace():
            latin = wide = 0
        elif unicodedata.east_asian_width(char) in "WF":
            latin, wide = 0, wide + 1
            longest = max(longest, 2 * min(wide, _WIDE_WORD))
        else:
            latin, wide = latin + 1, 0
            longest = max(longest, latin)
    return longest


_WIDE_WORD = 4


def looks_numeric(text: str) -> bool:
    """Whether a cell holds an amount, which tables align on the right."""
    return bool(text) and _NUMBER.fullmatch(text.strip()) is not None


def table_properties(width: int, widths: Sequence[int], *, rtl: bool) -> list[etree._Element]:
    """`w:tblPr` and `w:tblGrid` of a table of `widths` twips, mirrored when `rtl`."""
    properties = etree.Element(w("tblPr"))
    properties.append(element("tblStyle", val="ResolutionTable"))
    if rtl:
        properties.append(element("bidiVisual"))
    properties.append(element("tblW", w=str(width), type="dxa"))
    properties.append(element("tblLayout", type="fixed"))
    properties.append(element("tblLook", val="0020", firstRow="1", noVBand="1"))
    grid = etree.Element(w("tblGrid"))
    for column in widths:
        grid.append(element("gridCol", w=str(column)))
    return [properties, grid]


def row_properties(*, header: bool, empty: bool = False) -> etree._Element:
    """`w:trPr`: a row never breaks across pages; header rows repeat on each page; a row
    with no text at all (the UN's rule between two header rows) is a hairline, not a line."""
    properties = etree.Element(w("trPr"))
    properties.append(element("cantSplit"))
    if empty:
        properties.append(element("trHeight", val=_EMPTY_ROW_HEIGHT, hRule="exact"))
    if header:
        properties.append(element("tblHeader"))
    return properties


_EMPTY_ROW_HEIGHT = "57"
"""One millimetre, in twips."""


def cell_properties(slot: GridSlot, width: int, *, last_header: bool) -> etree._Element:
    """`w:tcPr` of a slot `width` twips wide, with the header's rule under the last header row."""
    properties = etree.Element(w("tcPr"))
    properties.append(element("tcW", w=str(width), type="dxa"))
    if slot.span > 1:
        properties.append(element("gridSpan", val=str(slot.span)))
    if slot.merge == "restart":
        properties.append(element("vMerge", val="restart"))
    elif slot.merge == "continue":
        properties.append(element("vMerge"))
    if last_header:
        borders = etree.SubElement(properties, w("tcBorders"))
        borders.append(element("bottom", val="single", sz=HEADER_RULE, space="0", color="auto"))
    properties.append(element("vAlign", val="bottom" if last_header else "top"))
    return properties
