"""The DOCX reader: the UN's Word originals and resconv's own DOCX.

The package is unpacked within limits (`package`), styles and numbering resolved
(`styles`), and the document written as Markdown-like text (`markdown`) for the text
reader, the one place that knows what a resolution looks like. Initial words are the
ones the file sets in italics (bold in Chinese).
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from resconv.diagnostics import Result
from resconv.errors import StrictModeError, StructureError
from resconv.model import Resolution, Table
from resconv.readers.docx.markdown import write_markdown
from resconv.readers.docx.package import LIMITS, Limits, open_package
from resconv.readers.markup import (
    apply_initial_words,
    apply_plain_paragraphs,
    apply_tables,
    apply_vote,
    mend_roman_start,
    take_vote,
)
from resconv.readers.title_paragraphs import apply_title_paragraphs

__all__ = ["DocxReader", "docx_markdown"]


class DocxReader:
    """Reads a Word document (.docx) holding one resolution."""

    name: ClassVar[str] = "docx"

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

        text, tables, plain = _read_markdown(data, source=source, limits=self.limits)
        markdown, vote = take_vote(mend_roman_start(text))
        try:
            result = get_reader("text").read(
                markdown.encode(), source=source, lang=lang, strict=strict
            )
        except StrictModeError as error:
            error.message = _where(error.line, markdown) + error.message
            error.line = None
            raise
        except StructureError as error:
            error.message = (
                f"the Word document is not a resolution resconv can read: {error.message}"
            )
            error.line = None
            raise
        diagnostics = tuple(
            replace(d, line=None, message=_where(d.line, markdown) + d.message)
            for d in result.diagnostics
        )
        resolution, placing = apply_tables(result.value, tables, markdown)
        resolution = apply_title_paragraphs(apply_plain_paragraphs(resolution, plain))
        resolution = apply_vote(apply_initial_words(resolution, markdown), vote)
        return Result(resolution, diagnostics + tuple(placing))


def _where(line: int | None, markdown: str) -> str:
    """A line of the Markdown as the Word paragraph it came from ("paragraph 12: ")."""
    if line is None:
        return ""
    paragraph = sum(1 for text in markdown.splitlines()[:line] if text.strip())
    return f"paragraph {paragraph}: " if paragraph else ""


def docx_markdown(data: bytes, *, source: str | None = None, limits: Limits = LIMITS) -> str:
    """The Markdown-like text of a Word document (a table shows as its mark)."""
    return _read_markdown(data, source=source, limits=limits)[0]


def _read_markdown(
    data: bytes, *, source: str | None, limits: Limits
) -> tuple[str, list[Table], set[str]]:
    package = open_package(data, source=source, limits=limits)
    with package.archive:
        return write_markdown(package)
