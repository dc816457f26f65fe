"""The PDF reader puts a line in the order it is printed, whatever order it was drawn in."""

from __future__ import annotations

from io import BytesIO

from reportlab.pdfgen import canvas

from resconv.readers.pdf.document import read_pages


def _drawn_out_of_order() -> bytes:
    """One text object draws "Alpha" and, 72 points further on, "Gamma" (as producers draw
    a fallback font's glyphs); a second object then draws "Beta" in the gap between."""
    out = BytesIO()
    page = canvas.Canvas(out, pagesize=(600, 800))
    page.setFont("Times-Roman", 12)
    text = page.beginText(72, 700)
    text._code.append("[(Alpha) -6000 (Gamma)] TJ")
    page.drawText(text)
    page.drawString(72 + page.stringWidth("Alpha", "Times-Roman", 12) + 20, 700, "Beta")
    page.drawString(72, 680, "A line drawn in order.")
    page.showPage()
    page.save()
    return out.getvalue()


def test_a_line_drawn_out_of_order_reads_in_printed_order() -> None:
    (page,) = read_pages(_drawn_out_of_order(), source=None)
    assert [line.text.strip() for line in page.lines] == [
        "Alpha Beta Gamma",
        "A line drawn in order.",
    ]
