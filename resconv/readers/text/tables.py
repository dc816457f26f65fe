"""Tables in text: rows of tab-separated cells, or Markdown's ``| a | b |`` rows.

Copying a table from a web page, a Word file or a PDF viewer gives one line per row, its
cells separated by tabs; PDF-to-Markdown converters write ``| a | b |`` rows with a rule
``| --- | --- |`` under the header. Such a run of lines is lifted out of the text before
the layout passes (which would take each row for a heading or a paragraph) and stands
in it as placeholder lines, one per row, so that line numbers stay those of the input;
the paragraph pass puts the `Table` where its placeholder stood.

A tab also follows a paragraph's number in text copied from Word ("1.\\tDecides …"), so
a run whose first cell is a paragraph or subparagraph label is text, not a table; so is a
single line.
"""

from __future__ import annotations

import re
from dataclasses import field

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.lang.profile import LanguageProfile
from resconv.model import Inlines, Table, TableCell, TableRow, Text

__all__ = ["LiftedTables", "lift_tables"]

_MARK = "\ue000"
"""A private-use character: the start of a placeholder line, never in a resolution."""
_FIRST = 0xE100
_PLACEHOLDER = re.compile(f"{_MARK}([\ue100-\uf8ff])")
_RULE_CELL = re.compile(r":?-{3,}:?")
_LABEL_MAX = 8
"""Longest first cell that can be a paragraph's label ("(viii)", "12.")."""


@dataclass(slots=True)
class LiftedTables:
    """The tables taken out of a text, by placeholder."""

    tables: list[Table] = field(default_factory=list)

    def placeholder(self) -> str:
        return f"{_MARK}{chr(_FIRST + len(self.tables))}"

    def table_of(self, text: str) -> Table | None:
        """The table a placeholder line (or a paragraph made of it) stands for."""
        found = _PLACEHOLDER.match(text)
        if found is None:
            return None
        index = ord(found.group(1)) - _FIRST
        return self.tables[index] if index < len(self.tables) else None


def is_placeholder(text: str) -> bool:
    return text.startswith(_MARK)


def lift_tables(text: str, profile: LanguageProfile) -> tuple[str, LiftedTables]:
    """`text` with each table's rows replaced by its placeholder, and the tables."""
    lifted = LiftedTables()
    if "\t" not in text and "|" not in text:
        return text, lifted
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        end, table = _tab_table(lines, index, profile)
        if table is None:
            end, table = _markdown_table(lines, index)
        if table is None or len(lifted.tables) >= 0x1700:
            index += 1
            continue
        mark = lifted.placeholder()
        lifted.tables.append(table)
        lines[index:end] = [mark] * (end - index)
        index = end
    return "\n".join(lines), lifted


def _tab_table(lines: list[str], start: int, profile: LanguageProfile) -> tuple[int, Table | None]:
    end = start
    while end < len(lines) and (
        "\t" in lines[end].strip(" \r") or _one_cell_row(lines, start, end)
    ):
        end += 1
    if end - start < 2:
        return start, None
    rows = [[cell.strip() for cell in line.strip(" \r").split("\t")] for line in lines[start:end]]
    if any(_labelled(row, profile) for row in rows):
        return start, None
    if sum(1 for row in rows if any(row)) < 2:
        return start, None
    return end, _table(rows, header_rows=0)


def _one_cell_row(lines: list[str], start: int, at: int) -> bool:
    """Whether line `at`, without a tab, is a row of one cell inside a table ("(United
    States dollars)" under the header): a copied row of one cell has no tab, so it is
    told by the tabbed rows right before and after it."""
    return (
        start < at < len(lines) - 1
        and bool(lines[at].strip())
        and "\t" in lines[at - 1].strip(" \r")
        and "\t" in lines[at + 1].strip(" \r")
    )


def _labelled(cells: list[str], profile: LanguageProfile) -> bool:
    """Whether a row is a paragraph copied with a tab after its label ("1.\\tDecides")."""
    first = next((cell for cell in cells if cell), "")
    return len(first) <= _LABEL_MAX and bool(profile.structural.match(first + " "))


def _markdown_table(lines: list[str], start: int) -> tuple[int, Table | None]:
    end = start
    while end < len(lines) and _is_markdown_row(lines[end]):
        end += 1
    if end - start < 2:
        return start, None
    rows = [_markdown_cells(line) for line in lines[start:end]]
    rules = [i for i, row in enumerate(rows) if all(_RULE_CELL.fullmatch(c) for c in row)]
    if not rules:
        return start, None
    header_rows = rules[0]
    kept = [row for i, row in enumerate(rows) if i not in rules]
    return end, _table(kept, header_rows=header_rows)


def _is_markdown_row(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 2 and stripped.startswith("|") and stripped.endswith("|")


def _markdown_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip()[1:-1].split("|")]


def _table(rows: list[list[str]], *, header_rows: int) -> Table:
    return Table(
        rows=tuple(
            TableRow(
                cells=tuple(
                    TableCell(content=(_inlines(cell),) if cell else (), header=i < header_rows)
                    for cell in row
                ),
                header=i < header_rows,
            )
            for i, row in enumerate(rows)
        )
    )


def _inlines(cell: str) -> Inlines:
    return (Text(text=" ".join(cell.split())),)
