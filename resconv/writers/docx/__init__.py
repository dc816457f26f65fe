"""The DOCX writer: a Word package built from an unzipped template."""

from resconv.writers.docx.writer import DocxWriter

__all__ = ["DocxWriter"]
