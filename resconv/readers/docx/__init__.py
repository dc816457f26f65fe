"""The DOCX reader: a Word document's paragraphs, styles and footnotes, read as text."""

from resconv.readers.docx.reader import DocxReader

__all__ = ["DocxReader"]
