"""The DOCX reader: the UN's Word originals and resconv's own DOCX.

The package is unpacked within limits (`package`), styles and numbering resolved
(`styles`), and the document written as Markdown-like text (`markdown`) for the text
reader, the one place that knows what a resolution looks like. Initial words are the
ones the file sets in italics (bold in Chinese).
"""

from __future__ import annotations

from typing import ClassVar

from resconv.diagnostics import Result
from resconv.errors import StructureError
from resconv.model import Resolution
from resconv.readers.docx.markdown import write_markdown
from resconv.readers.docx.package import LIMITS, Limits, open_package
from resconv.readers.markup import apply_initial_words

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

        markdown = docx_markdown(data, source=source, limits=self.limits)
        try:
            result = get_reader("text").read(
                markdown.encode(), source=source, lang=lang, strict=strict
            )
        except StructureError as error:
            error.message = (
                f"the Word document is not a resolution resconv can read: {error.message}"
            )
            error.line = None
            raise
        return Result(apply_initial_words(result.value, markdown), result.diagnostics)


def docx_markdown(data: bytes, *, source: str | None = None, limits: Limits = LIMITS) -> str:
    """The Markdown-like text of a Word document."""
    package = open_package(data, source=source, limits=limits)
    with package.archive:
        return write_markdown(package)
