"""resconv's own Arabic PDF read back to its model: the kinds of line each file holds.

Each file is made at test time from the shared UN file; the comparison is
`tests/readers/readback.differences` (what a page cannot show is not compared).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resconv
from resconv.model import Table
from tests.readers.readback import differences, normalised

DEV = "corpus/dev/akn"


def _read_back(shared_dir: Path, name: str) -> tuple[resconv.Resolution, resconv.Resolution]:
    model = resconv.read(shared_dir / DEV / f"{name}.ara.xml").value
    return model, resconv.read(resconv.write(model, "pdf"), format="pdf").value


def test_table_cells_of_several_words_read_right_to_left(shared_dir: Path) -> None:
    """A table's cells are cut from a line by position; the words inside one cell keep
    the line's reading order ("جزر القمر", not "القمر جزر")."""
    model, got = _read_back(shared_dir, "A-RES-76-238")
    cells = {
        "".join(getattr(piece, "text", "") for piece in content)
        for block in got.operative
        if isinstance(block, Table)
        for row in block.rows
        for cell in row.cells
        for content in cell.content
    }
    assert {"جزر القمر", "غينيا - بيساو"} <= cells
    assert differences(model, got, nbsp=True) == []


def test_a_note_citing_latin_text_opens_with_its_marker(shared_dir: Path) -> None:
    """A note of two document symbols joined by "و": its raised marker, set a space
    apart at the line's right-hand start, opens the note; it is no number ending the
    Latin text beside it ("A/76/281 (Part I 1)")."""
    model, got = _read_back(shared_dir, "A-RES-76-241")
    assert [note.marker for note in got.footnotes] == ["1", "2"]
    assert differences(model, got, nbsp=True) == []


@pytest.mark.parametrize("name", ["A-RES-76-251"])
def test_single_quote_labels_read_as_typed(shared_dir: Path, name: str) -> None:
    """PDFium mirrors single quote marks in a right-to-left line as it does double ones:
    the item labels "’1‘" read as typed, so the items are found."""
    model, got = _read_back(shared_dir, name)
    assert differences(model, got, nbsp=True) == []


def test_a_year_in_brackets_after_a_number_reads_without_a_space_inside(
    shared_dir: Path,
) -> None:
    """A year in brackets opening a note's second line ("2375 (2017)."): PDFium gives
    the bracket, then a word break, then the number on its right; the break lies
    between them, not inside the brackets ("2375 ( 2017).")."""
    model, got = _read_back(shared_dir, "A-RES-74-78")
    assert normalised(got.footnotes, True, arabic=True) == normalised(
        model.footnotes, True, arabic=True
    )
