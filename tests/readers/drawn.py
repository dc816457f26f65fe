"""Lines of a PDF page drawn by hand, one span per character, for the PDF reader's tests."""

from __future__ import annotations

import unicodedata

from resconv.readers.pdf.document import Line, Span

MARKER = "\x00"
"""In a visual line, a piece opening with this sign is a raised note marker (smaller)."""


def drawn_line(*pieces: str) -> Line:
    """A line drawn left to right from `pieces` in visual order, one span per character;
    combining marks take no width, and a piece opening with `MARKER` is raised."""
    spans = []
    x = 72.0
    for piece in pieces:
        raised = piece.startswith(MARKER)
        for char in piece.lstrip(MARKER):
            width = 0.0 if unicodedata.category(char) == "Mn" else (4.0 if raised else 6.0)
            spans.append(
                Span(
                    text=char,
                    x0=x,
                    x1=x + width,
                    baseline=505.0 if raised else 500.0,
                    size=7.0 if raised else 12.0,
                    font="Amiri",
                    italic=False,
                    bold=False,
                    chars=[(char, x, x + width)],
                )
            )
            x += width
    return Line(spans=spans, page=1)
