"""The PDF reader: what a PDF's text layer shows, read into the text reader's Markdown."""

from resconv.readers.pdf.reader import PdfReader

__all__ = ["PdfReader"]
