"""The PDF reader: the text layer, sorted out by position and style, read as text.

PDFium gives the characters with their font, size and position (`document`); lines are
put in reading order (`lines`); furniture and footnote areas are told apart
(`furniture`); what remains is written as Markdown-like text (`markdown`) and read by the
text reader, the one place that knows what a resolution looks like. Its diagnostics are
re-based from lines of that text to pages of the PDF.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from resconv.diagnostics import Diagnostic, Result
from resconv.errors import ResconvError
from resconv.model import Resolution
from resconv.readers.markup import (
    apply_initial_words,
    apply_plain_paragraphs,
    apply_tables,
    apply_vote,
    mend_roman_start,
    take_vote,
)
from resconv.readers.pdf.document import LIMITS, Limits, read_pages, require_text
from resconv.readers.pdf.furniture import sort_out
from resconv.readers.pdf.lines import set_direction
from resconv.readers.pdf.markdown import Markdown, write_markdown
from resconv.readers.title_paragraphs import apply_title_paragraphs

__all__ = ["PdfReader", "pdf_markdown"]

_WORD = re.compile(r"\w+")


class PdfReader:
    """Reads a PDF with a text layer (UN documents, resconv's own, LibreOffice's)."""

    name: ClassVar[str] = "pdf"

    def __init__(self, limits: Limits = LIMITS) -> None:
        self.limits = limits

    def read(
        self,
        data: bytes,
        /,
        *,
        source: str | None = None,
        lang: str | None = None,
        strict: bool = False,
    ) -> Result[Resolution]:
        from resconv.readers import get_reader

        markdown = pdf_markdown(data, source=source, limits=self.limits)
        markdown.text, vote = take_vote(mend_roman_start(markdown.text))
        try:
            result = get_reader("text").read(
                markdown.text.encode(), source=source, lang=lang, strict=strict
            )
        except ResconvError as error:
            if error.line is not None and 0 < error.line <= len(markdown.pages):
                error.message = f"page {markdown.pages[error.line - 1]}: {error.message}"
                error.line = None
            raise
        resolution, placing = apply_tables(result.value, markdown.tables, markdown.text)
        resolution = apply_title_paragraphs(apply_plain_paragraphs(resolution, markdown.plain))
        resolution = apply_vote(apply_initial_words(resolution, markdown.text), vote)
        diagnostics = (*(_on_page(d, markdown) for d in result.diagnostics), *placing)
        return Result(resolution, tuple(diagnostics))


def pdf_markdown(data: bytes, *, source: str | None = None, limits: Limits = LIMITS) -> Markdown:
    """The Markdown-like text a PDF shows, with the page of each line."""
    pages = list(read_pages(data, source=source, limits=limits))
    require_text(pages, source)
    set_direction(pages)
    title_words = {
        word.lower()
        for line in (pages[0].lines if pages else [])
        if all(span.bold for span in line.spans if span.text.strip())
        for word in _WORD.findall(line.text)
    }
    return write_markdown(sort_out(pages, title_words))


def _on_page(diagnostic: Diagnostic, markdown: Markdown) -> Diagnostic:
    line = diagnostic.line
    if line is None or not 0 < line <= len(markdown.pages):
        return diagnostic
    return replace(
        diagnostic, line=None, message=f"page {markdown.pages[line - 1]}: {diagnostic.message}"
    )
