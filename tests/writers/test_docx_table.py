"""The DOCX table layout: grid slots for spanning cells, column widths, number alignment."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resconv.writers.docx.table import GridSlot, column_widths, looks_numeric, table_grid


def test_a_cell_spanning_two_rows_restarts_a_merge_and_continues_below() -> None:
    columns, rows = table_grid([[(2, 1), (1, 2)], [(1, 1), (1, 1)], [(1, 3)]])
    assert columns == 3
    assert rows[0] == [GridSlot(0, 0, 1, "restart"), GridSlot(1, 1, 2)]
    assert rows[1] == [GridSlot(None, 0, 1, "continue"), GridSlot(0, 1, 1), GridSlot(1, 2, 1)]
    assert rows[2] == [GridSlot(0, 0, 3)]


def test_a_merge_in_the_middle_and_a_short_row_padded() -> None:
    columns, rows = table_grid([[(1, 1), (3, 1), (1, 1)], [(1, 1)], [(1, 1), (1, 1)]])
    assert columns == 3
    assert rows[1] == [GridSlot(0, 0, 1), GridSlot(None, 1, 1, "continue"), GridSlot(None, 2, 1)]
    assert rows[2] == [GridSlot(0, 0, 1), GridSlot(None, 1, 1, "continue"), GridSlot(1, 2, 1)]


def test_a_row_span_past_the_last_row_is_cut() -> None:
    columns, rows = table_grid([[(5, 2)], [(1, 1)]])
    assert columns == 3
    assert rows[1] == [GridSlot(None, 0, 2, "continue"), GridSlot(0, 2, 1)]


spans = st.tuples(st.integers(1, 3), st.integers(1, 3))


@given(st.lists(st.lists(spans, max_size=4), min_size=1, max_size=6))
def test_every_row_fills_the_grid_and_every_cell_appears_once(
    rows: list[list[tuple[int, int]]],
) -> None:
    columns, laid_out = table_grid(rows)
    assert len(laid_out) == len(rows)
    for cells, slots in zip(rows, laid_out, strict=True):
        position = 0
        for slot in slots:  # contiguous, left to right, ending at the grid's edge
            assert slot.column == position and slot.span >= 1
            position += slot.span
        assert position == columns
        assert [s.cell for s in slots if s.cell is not None] == list(range(len(cells)))
        for slot in slots:
            if slot.cell is not None:
                row_span, col_span = cells[slot.cell]
                assert 1 <= slot.span <= col_span  # shorter only where it would overlap
                assert (slot.merge == "restart") == (row_span > 1)


def test_columns_share_the_width_by_their_longest_text_and_sum_exactly() -> None:
    widths = column_widths(
        3, [(0, 1, "Action"), (1, 1, "a long title of a post"), (2, 1, "12")], 9412
    )
    assert sum(widths) == 9412
    assert widths[1] > widths[0] > widths[2]
    # a short Chinese heading stays on one line; a long Chinese cell may break anywhere
    long_chinese = "调动(从行政领导和管理调至工作方案)"
    chinese = column_widths(3, [(0, 1, long_chinese), (1, 1, long_chinese), (2, 1, "数目")], 9412)
    assert chinese[2] >= 2 * 240 + 2 * 85 and sum(chinese) == 9412


def test_a_narrow_column_keeps_its_longest_word_whole() -> None:
    long_text = "Redeployment (from programme of work to executive direction and management)"
    texts = [(0, 1, long_text), (1, 1, long_text), (2, 1, "Number"), (2, 1, "1")]
    widths = column_widths(3, texts, 9412, em=200)
    assert widths[2] >= 6 * 200 * 7 // 10 + 2 * 85  # "Number" at 0.7 em a letter, and margins
    assert sum(widths) == 9412 and widths[0] == widths[1]


@pytest.mark.parametrize(
    ("text", "numeric"),
    [
        ("1 234", True),
        ("(12.5)", True),
        ("−3", True),
        ("45 %", True),
        ("12 345 600", True),
        ("Total", False),
        ("A/RES/75/246", False),
        ("", False),
        ("2024-2025", False),
    ],
)
def test_amounts_are_recognised_for_right_alignment(text: str, numeric: bool) -> None:
    assert looks_numeric(text) is numeric
