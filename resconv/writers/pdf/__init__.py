"""The PDF writer: UN layout with embedded, subset fonts for every script."""

from resconv.writers.pdf.writer import PdfWriter

__all__ = ["PdfWriter"]
