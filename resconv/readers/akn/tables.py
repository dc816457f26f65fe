"""Tables of AKN (``table``, ``tr``, ``th``, ``td``) into the model's `Table`.

Row and column spans come from ``rowspan``/``colspan``; the alignment of a cell from
resconv's ``class`` or from the UN's ``akn4un:data-justification`` (Word's words: "Left",
"Right", "Center", "Both"). A row of header cells only is a header row.
"""

from __future__ import annotations

from lxml.etree import _Element

from resconv.model import Inlines, Table, TableCell, TableRow
from resconv.readers.akn import inline
from resconv.readers.akn.context import Reading
from resconv.readers.akn.nodes import block_children, child_elements, classes_of, local_name

__all__ = ["ALIGNMENTS", "table"]

ALIGNMENTS: dict[str, str] = {
    "left": "left",
    "right": "right",
    "center": "center",
    "centre": "center",
    "both": "justify",
    "justify": "justify",
    "distribute": "justify",
}
"""Alignment words met in AKN files (lower-cased) → the model's `TableCell.align`."""


def table(reading: Reading, node: _Element) -> Table:
    """The rows of `node`, with its caption if it has one."""
    caption: Inlines = ()
    rows: list[TableRow] = []
    for child in child_elements(node):
        name = local_name(child)
        if name == "caption":
            caption = inline.inlines(reading, [child])
        elif name == "tr":
            rows.append(_row(reading, child))
        elif name in ("thead", "tbody", "tfoot"):
            rows.extend(_row(reading, tr) for tr in child_elements(child, "tr"))
        else:
            reading.unexpected(child, "table")
            cell = TableCell(content=(inline.inlines(reading, [child]),))
            rows.append(TableRow(cells=(cell,)))
    return Table(rows=tuple(_without_empty_rows(reading, node, rows)), caption=caption)


def _without_empty_rows(reading: Reading, node: _Element, rows: list[TableRow]) -> list[TableRow]:
    """`rows` without the rows that hold nothing (the UN's files set an empty row as space
    under a table's header; a page shows no row there). Kept when a cell spans rows,
    where an empty row may be one that a span covers."""
    if any(cell.row_span > 1 for row in rows for cell in row.cells):
        return rows
    kept = [row for row in rows if any(cell.content for cell in row.cells)]
    if not kept or len(kept) == len(rows):
        return rows
    reading.info(
        "akn-empty-table-row", f"{len(rows) - len(kept)} empty table row(s) left out", node
    )
    return kept


def _row(reading: Reading, node: _Element) -> TableRow:
    cells: list[TableCell] = []
    for child in child_elements(node):
        name = local_name(child)
        if name not in ("th", "td"):
            reading.unexpected(child, "tr")
        cells.append(_cell(reading, child, header=name == "th"))
    header = bool(cells) and all(cell.header for cell in cells)
    return TableRow(cells=tuple(cells), header=header)


def _cell(reading: Reading, node: _Element, *, header: bool) -> TableCell:
    blocks = block_children(node)
    if blocks:
        paragraphs = tuple(inline.inlines(reading, [block]) for block in blocks)
    else:
        only = inline.inlines(reading, [node])
        paragraphs = (only,) if only else ()
    return TableCell(
        content=tuple(p for p in paragraphs if p),
        row_span=_span(reading, node, "rowspan"),
        col_span=_span(reading, node, "colspan"),
        align=_alignment(node),
        header=header,
    )


def _span(reading: Reading, node: _Element, name: str) -> int:
    value = (node.get(name) or "1").strip()
    if value.isdigit() and int(value) >= 1:
        return int(value)
    reading.warn("akn-table-span", f"{name}={value!r} is not a number of cells; 1 is used", node)
    return 1


def _alignment(node: _Element) -> str | None:
    for word in classes_of(node):
        if word.lower() in ALIGNMENTS:
            return ALIGNMENTS[word.lower()]
    for key, value in node.attrib.items():
        if str(key).endswith("data-justification"):
            return ALIGNMENTS.get(str(value).strip().lower())
    return None
