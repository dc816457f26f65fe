"""Planned tables as reportlab tables: cells placed on a grid, widths from their text.

Cells spanning rows or columns are placed as the source lays them out (a cell skips the
columns that a cell above still covers); header rows repeat at the top of every page
the table runs over; a right-to-left table is mirrored, its first column on the right.
Column widths follow the natural width of each column's text, within the text width.
Each cell holds the same paragraphs as the rest of the document (kinsoku in Chinese,
shaped right to left in Arabic), so footnote markers and links in cells work as
elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from resconv.writers.pdf.plan import CellPlan, Run, TablePlan

__all__ = ["CellMaker", "table_flowable"]

_PADDING = 3.0
_VISUAL = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_MIRRORED = {"left": TA_RIGHT, "center": TA_CENTER, "right": TA_LEFT, "justify": TA_JUSTIFY}
"""A right-to-left paragraph reads its alignment from the right (start is right)."""

CellMaker = Callable[[list[Run], ParagraphStyle], Any]
"""Makes the flowable of one cell paragraph from its runs and style."""


def table_flowable(
    table: TablePlan,
    make: CellMaker,
    measure: Callable[[list[Run], float], float],
    style: ParagraphStyle,
    width: float,
    rtl: bool,
) -> Table:
    """A reportlab `Table` of `table`, `width` wide at most."""
    grid, spans, columns = _grid(table)
    if columns == 0:
        columns, grid = 1, [[None] for _ in table.rows] or [[None]]
    styles: dict[tuple[str, bool], ParagraphStyle] = {}
    data: list[list[Any]] = []
    natural = [0.0] * columns
    for row in grid:
        cells: list[Any] = []
        for column, cell in enumerate(row):
            if cell is None:
                cells.append("")
                continue
            cell_style = _style(styles, style, cell, rtl)
            cells.append([make(runs, cell_style) for runs in cell.paragraphs if runs] or "")
            if cell.col_span == 1:
                size = float(cell_style.fontSize)
                wide = max((measure(runs, size) for runs in cell.paragraphs), default=0.0)
                natural[column] = max(natural[column], wide + 2 * _PADDING)
        data.append(cells[::-1] if rtl else cells)
    widths = _widths(natural, width)
    if rtl:
        widths = widths[::-1]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        # As the UN rules its tables: a line above, a heavier one under the headers, one
        # below; no vertical lines.
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black),
    ]
    if table.header_rows:
        last_header = table.header_rows - 1
        commands.append(("LINEBELOW", (0, last_header), (-1, last_header), 0.75, colors.black))
    for (top, column), (rows, cols) in spans.items():
        first, last = column, column + cols - 1
        if rtl:
            first, last = columns - 1 - last, columns - 1 - first
        commands.append(("SPAN", (first, top), (last, top + rows - 1)))
    flowable = Table(
        data,
        colWidths=widths,
        repeatRows=table.header_rows,
        splitByRow=1,
        hAlign="CENTER",
        spaceBefore=style.leading * 0.5,
        spaceAfter=float(style.leading),
    )
    flowable.setStyle(TableStyle(commands))
    return flowable


def _grid(
    table: TablePlan,
) -> tuple[list[list[CellPlan | None]], dict[tuple[int, int], tuple[int, int]], int]:
    """Each row's cells by column (None where no cell starts), the spans, the columns."""
    covered: set[tuple[int, int]] = set()
    placed: list[dict[int, CellPlan]] = []
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    columns = 0
    rows = len(table.rows)
    for number, row in enumerate(table.rows):
        column = 0
        here: dict[int, CellPlan] = {}
        for cell in row:
            while (number, column) in covered:
                column += 1
            here[column] = cell
            row_span = min(cell.row_span, rows - number)
            for r in range(number, number + row_span):
                for c in range(column, column + cell.col_span):
                    covered.add((r, c))
            if row_span > 1 or cell.col_span > 1:
                spans[(number, column)] = (row_span, cell.col_span)
            column += cell.col_span
        columns = max(columns, column, *(c + 1 for r, c in covered if r == number))
        placed.append(here)
    grid = [[here.get(column) for column in range(columns)] for here in placed]
    return grid, spans, columns


def _style(
    styles: dict[tuple[str, bool], ParagraphStyle], base: ParagraphStyle, cell: CellPlan, rtl: bool
) -> ParagraphStyle:
    key = (cell.align, rtl)
    found = styles.get(key)
    if found is None:
        if cell.align == "start":
            alignment = TA_LEFT  # the start side: the left, or the right of an RTL paragraph
        else:
            alignment = (_MIRRORED if rtl else _VISUAL).get(cell.align, TA_LEFT)
        found = styles[key] = ParagraphStyle(
            f"cell-{cell.align}", base, alignment=alignment, firstLineIndent=0
        )
    return found


def _widths(natural: list[float], width: float) -> list[float]:
    """Column widths filling `width`: narrow columns keep their natural width, wide ones
    share the rest in proportion to theirs."""
    count = len(natural)
    natural = [max(value, 2 * _PADDING + 12.0) for value in natural]
    total = sum(natural)
    if total <= width:
        return [value * width / total for value in natural]
    fair = width / count
    narrow = [value for value in natural if value <= fair]
    rest = width - sum(narrow)
    wide_total = sum(value for value in natural if value > fair)
    return [value if value <= fair else value * rest / wide_total for value in natural]
