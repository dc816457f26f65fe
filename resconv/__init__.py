"""resconv: United Nations General Assembly resolutions as structured, publishable documents.

Read a resolution (plain text as extracted from the official PDF, Akoma Ntoso, or
resconv's JSON) into one model, and write it as Akoma Ntoso (AKN4UN), JSON, DOCX or PDF::

    import resconv
    result = resconv.read("A-RES-67-38.zh.txt")
    xml = resconv.write(result.value, "akn")

Importing this package loads neither python-docx nor reportlab: writers are imported
when first used.
"""

from __future__ import annotations

from resconv import _collector

with _collector.held():  # start-up speed: no collections while importing (about 5 ms)
    from resconv import _codecache  # noqa: F401  (first: it speeds up every dataclass after it)
    from resconv._version import __version__
    from resconv.conversion import Conversion, convert, convert_bytes, read, read_bytes, write
    from resconv.diagnostics import Diagnostic, Result
    from resconv.errors import (
        FontError,
        InputDecodeError,
        InputNotFoundError,
        InternalError,
        InvalidTextError,
        MissingGlyphError,
        OutputError,
        OutputIOError,
        ResconvError,
        StrictModeError,
        StructureError,
        UnknownFormatError,
        UnsafeInputError,
        UsageError,
        ValidationError,
    )
    from resconv.model import (
        Adoption,
        Annex,
        CoverPage,
        Footnote,
        FootnoteRef,
        Heading,
        OperativeParagraph,
        PreambularParagraph,
        Resolution,
        Subparagraph,
        Text,
        Vote,
    )
    from resconv.writers import register_writer

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Any

    from resconv.batch import BatchResult, convert_many
    from resconv.validation import ValidationReport, validate


__all__ = [
    "Adoption",
    "Annex",
    "BatchResult",
    "Conversion",
    "CoverPage",
    "Diagnostic",
    "FontError",
    "Footnote",
    "FootnoteRef",
    "Heading",
    "InputDecodeError",
    "InputNotFoundError",
    "InternalError",
    "InvalidTextError",
    "MissingGlyphError",
    "OperativeParagraph",
    "OutputError",
    "OutputIOError",
    "PreambularParagraph",
    "ResconvError",
    "Resolution",
    "Result",
    "StrictModeError",
    "StructureError",
    "Subparagraph",
    "Text",
    "UnknownFormatError",
    "UnsafeInputError",
    "UsageError",
    "ValidationError",
    "ValidationReport",
    "Vote",
    "__version__",
    "convert",
    "convert_bytes",
    "convert_many",
    "read",
    "read_bytes",
    "register_writer",
    "validate",
    "write",
]

_LAZY = {
    "validate": "resconv.validation",
    "ValidationReport": "resconv.validation",
    "convert_many": "resconv.batch",
    "BatchResult": "resconv.batch",
}


def __getattr__(name: str) -> Any:
    """Load `validate` (lxml schemas) and `convert_many` only when first used."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'resconv' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value
