"""A Word table (`w:tbl`) as the model's `Table`.

Rows marked `w:tblHeader` are header rows; `w:gridSpan` gives a cell's columns and a
`w:vMerge` run of cells one cell spanning rows; a cell's paragraphs stay its paragraphs,
with their footnote markers; the alignment is the paragraphs' own (`w:jc`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from resconv.model import FootnoteRef, Inlines, Table, TableCell, TableRow, Text

__all__ = ["read_table"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_ALIGNMENTS = {
    "left": "left",
    "start": "left",
    "right": "right",
    "end": "right",
    "center": "center",
    "both": "justify",
    "distribute": "justify",
}
"""WordprocessingML's `w:jc` values as the model's alignments."""

Piece = tuple[str, str | None]
"""A paragraph's text piece, or (``""``, marker) where a footnote is referenced."""


@dataclass(slots=True)
class _Cell:
    content: list[Inlines]
    col_span: int
    align: str | None
    row_span: int = 1


@dataclass(slots=True)
class _Row:
    cells: list[_Cell] = field(default_factory=list)
    header: bool = False


def read_table(table: etree._Element, pieces: Callable[[etree._Element], list[Piece]]) -> Table:
    """The table; `pieces` gives a paragraph's text and footnote markers in order."""
    rows: list[_Row] = []
    starts: dict[int, _Cell] = {}  # grid column → the cell a vertical merge continues
    right_to_left = table.find(f"{W}tblPr/{W}bidiVisual") is not None
    for element_row in table.iter(f"{W}tr"):
        if _nested(element_row, table):
            continue
        row = _Row(header=element_row.find(f"{W}trPr/{W}tblHeader") is not None)
        column = 0
        for element_cell in element_row.findall(f"{W}tc"):
            properties = element_cell.find(f"{W}tcPr")
            span = _int(properties, "gridSpan") or 1
            merge = properties.find(f"{W}vMerge") if properties is not None else None
            if merge is not None and merge.get(f"{W}val") in (None, "continue"):
                above = starts.get(column)
                if above is not None:
                    above.row_span += 1
                    column += span
                    continue
            cell = _cell(element_cell, span, pieces, right_to_left=right_to_left)
            row.cells.append(cell)
            if merge is not None:
                starts[column] = cell
            else:
                starts.pop(column, None)
            column += span
        rows.append(row)
    leading = next((i for i, row in enumerate(rows) if not row.header), len(rows))
    return Table(
        rows=tuple(
            TableRow(
                header=index < leading,
                cells=tuple(
                    TableCell(
                        content=tuple(cell.content),
                        row_span=cell.row_span,
                        col_span=cell.col_span,
                        align=cell.align,
                        header=index < leading,
                    )
                    for cell in row.cells
                ),
            )
            for index, row in enumerate(rows)
        )
    )


def _nested(row: etree._Element, table: etree._Element) -> bool:
    """A row of a table inside one of this table's cells (read as that cell's text)."""
    parent = row.getparent()
    while parent is not None and parent is not table:
        if parent.tag == f"{W}tbl":
            return True
        parent = parent.getparent()
    return False


def _int(properties: etree._Element | None, tag: str) -> int | None:
    found = properties.find(f"{W}{tag}") if properties is not None else None
    value = found.get(f"{W}val") if found is not None else None
    return int(value) if value is not None and value.isdigit() else None


def _cell(
    element: etree._Element,
    span: int,
    pieces: Callable[[etree._Element], list[Piece]],
    *,
    right_to_left: bool = False,
) -> _Cell:
    """A cell; in a right-to-left table (`right_to_left`) a left-to-right paragraph
    ("0,006", "P-4") set at the right is set at the table's start, as the cell's own
    right-to-left text would be: no alignment of its own."""
    content: list[Inlines] = []
    align: str | None = None
    for paragraph in element.iter(f"{W}p"):
        inlines = _inlines(pieces(paragraph))
        jc = paragraph.find(f"{W}pPr/{W}jc")
        if jc is not None and align is None:
            align = _ALIGNMENTS.get(jc.get(f"{W}val") or "")
            at_start = right_to_left and paragraph.find(f"{W}pPr/{W}bidi") is None
            if at_start and align == "right":
                align = None
        if inlines:
            content.append(inlines)
    return _Cell(content=content, col_span=span, align=align)


def _inlines(pieces: list[Piece]) -> Inlines:
    """Text and markers; layout whitespace as one space, none at either end."""
    out: list[Text | FootnoteRef] = []
    text = ""
    for piece, marker in pieces:
        if marker is None:
            text += piece
            continue
        if text:
            out.append(Text(text=text))
            text = ""
        out.append(FootnoteRef(marker=marker))
    if text:
        out.append(Text(text=text))
    cleaned: list[Text | FootnoteRef] = []
    for index, item in enumerate(out):
        if isinstance(item, Text):
            value = _SPACES.sub(" ", item.text)
            if index == 0:
                value = value.lstrip(" ")
            if index == len(out) - 1:
                value = value.rstrip(" ")
            if not value:
                continue
            item = Text(text=value)
        cleaned.append(item)
    return tuple(cleaned)


_SPACES = re.compile(r"[ \t\r\n\f\v]+")
"""Layout whitespace; a no-break space is text and stays."""
