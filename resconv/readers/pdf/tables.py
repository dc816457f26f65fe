"""Tables on the page: rows of cells set apart by wide gaps, read as the model's `Table`.

A table row is a line that falls into cells (`split_cells`: gaps wider than a few font
sizes); two or more such lines in a row make a table. Its columns are the horizontal
bands the cells of all rows occupy, a cell over two bands spans two columns, and a line
of one cell inside a column continues the cell above it (wrapped text). The leading rows
set all in bold or all in italics are header rows; a producer repeats them on every
page, and those repeats are left out. A column whose cells end flush at one edge but
start unevenly is right-aligned (amounts; in a right-to-left table, flush left is the
end).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from resconv.model import FootnoteRef, Inlines, Table, TableCell, TableRow, Text
from resconv.readers.markup import LABEL
from resconv.readers.pdf.document import Line
from resconv.readers.pdf.lines import split_cells

__all__ = ["Found", "find_tables"]

_FLUSH = 1.5
"""Points within which cell edges count as aligned."""


@dataclass(slots=True)
class Found:
    """A table found among the lines: where it starts and ends, and the table."""

    start: int
    end: int
    table: Table


@dataclass(slots=True)
class _Row:
    cells: list[Line]
    lines: list[Line] = field(default_factory=list)
    """Every line of the row: its first and the wrapped lines of its cells."""
    extra: dict[int, list[Line]] = field(default_factory=dict)
    """Cell index → lines continuing that cell."""


def find_tables(lines: list[Line], inline: Callable[[list[Line]], str]) -> list[Found]:
    """The tables among `lines` (in order); `inline` writes a cell's lines as Markdown."""
    found: list[Found] = []
    index = 0
    while index < len(lines):
        if not _is_row(lines[index]):
            index += 1
            continue
        end, rows = _run(lines, index)
        if len(rows) >= 2:
            found.append(Found(index, end, _table(rows, inline)))
            index = end
        else:
            index += 1
    return found


def _is_row(line: Line) -> bool:
    cells = split_cells(line)
    if len(cells) < 2:
        return False
    label = LABEL.match(cells[0].text)
    return not (label and label.end() == len(cells[0].text))  # a hanging number


def _run(lines: list[Line], start: int) -> tuple[int, list[_Row]]:
    """Rows from `start` on, with the one-cell lines that continue a cell."""
    rows: list[_Row] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if _is_row(line) and (not rows or abs(line.size - rows[0].cells[0].size) < 1):
            rows.append(_Row(cells=split_cells(line), lines=[line]))
        elif rows and len(split_cells(line)) == 1 and _continues(rows[-1], line):
            column = _column_of(rows[-1], line)
            rows[-1].extra.setdefault(column, []).append(line)
            rows[-1].lines.append(line)
        else:
            break
        index += 1
    return index, rows


def _continues(row: _Row, line: Line) -> bool:
    """A line under a row, set like it, that starts where one of its cells starts."""
    last = row.lines[-1]
    close = line.page == last.page and last.baseline - line.baseline < 2 * line.size
    return close and abs(line.size - row.cells[0].size) < 1 and _column_of(row, line) >= 0


def _column_of(row: _Row, line: Line) -> int:
    for index, cell in enumerate(row.cells):
        if abs(cell.x0 - line.x0) < _FLUSH or abs(cell.x1 - line.x1) < _FLUSH:
            return index
    return -1


def _table(rows: list[_Row], inline: Callable[[list[Line]], str]) -> Table:
    rtl = rows[0].cells[0].rtl
    bands = _bands([cell for row in rows for cell in row.cells], rtl)
    header = 0
    while header < len(rows) and all(_styled(cell) for cell in rows[header].cells):
        header += 1
    if header == len(rows):
        header = 0
    heads = [_texts(row) for row in rows[:header]]
    kept = rows[:header] + [row for row in rows[header:] if _texts(row) not in heads]
    aligned = [
        _right_aligned([c for r in kept for c in r.cells if _band(c, bands) == band], rtl)
        for band in range(len(bands))
    ]
    table_rows = []
    for number, row in enumerate(kept):
        cells = []
        column = 0
        for index, cell in enumerate(row.cells):
            first, last = _band(cell, bands), _last_band(cell, bands)
            while column < first:
                cells.append(TableCell(header=number < header))
                column += 1
            text = inline([cell, *row.extra.get(index, [])])
            cells.append(
                TableCell(
                    content=(_inlines(text),) if text else (),
                    col_span=last - first + 1,
                    align="right" if aligned[first] else None,
                    header=number < header,
                )
            )
            column = last + 1
        while column < len(bands):
            cells.append(TableCell(header=number < header))
            column += 1
        table_rows.append(TableRow(cells=tuple(cells), header=number < header))
    return Table(rows=tuple(table_rows))


def _bands(cells: list[Line], rtl: bool) -> list[tuple[float, float]]:
    """Columns: the horizontal bands cells occupy, cells over several bands aside."""
    bands: list[tuple[float, float]] = []
    for cell in sorted(cells, key=lambda c: c.x1 - c.x0):
        overlapping = [b for b in bands if cell.x0 < b[1] and b[0] < cell.x1]
        if len(overlapping) > 1:
            continue  # spans columns
        if overlapping:
            band = overlapping[0]
            bands[bands.index(band)] = (min(band[0], cell.x0), max(band[1], cell.x1))
        else:
            bands.append((cell.x0, cell.x1))
    return sorted(bands, key=lambda b: -b[0] if rtl else b[0])


def _band(cell: Line, bands: list[tuple[float, float]]) -> int:
    return next((i for i, b in enumerate(bands) if cell.x0 < b[1] and b[0] < cell.x1), 0)


def _last_band(cell: Line, bands: list[tuple[float, float]]) -> int:
    found = [i for i, b in enumerate(bands) if cell.x0 < b[1] and b[0] < cell.x1]
    return max(found) if found else 0


def _right_aligned(cells: list[Line], rtl: bool) -> bool:
    """Cells flush at their end edge, ragged at their start (right to left: mirrored)."""
    if len(cells) < 2:
        return False
    ends = [cell.x0 if rtl else cell.x1 for cell in cells]
    starts = [cell.x1 if rtl else cell.x0 for cell in cells]
    return max(ends) - min(ends) < _FLUSH and max(starts) - min(starts) > _FLUSH


def _styled(cell: Line) -> bool:
    """Set all in bold or all in italics, as column headings are."""
    visible = [span for span in cell.spans if span.text.strip()]
    return all(span.bold for span in visible) or all(span.italic for span in visible)


def _texts(row: _Row) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row.cells]


_MARKER = re.compile(r"\[\^([^\]]+)\]")


def _inlines(text: str) -> Inlines:
    """A cell's Markdown as text and footnote markers."""
    out: list[Text | FootnoteRef] = []
    at = 0
    for match in _MARKER.finditer(text):
        if match.start() > at:
            out.append(Text(text=text[at : match.start()]))
        out.append(FootnoteRef(marker=match.group(1)))
        at = match.end()
    if at < len(text):
        out.append(Text(text=text[at:]))
    return tuple(out)
