"""The library's own errors: one base class, one subclass per kind of failure.

Each class carries the exit status the command line uses for it (BSD sysexits), so
that a shell pipeline can tell bad input from a missing font from a full disk.
"""

from __future__ import annotations

__all__ = [
    "FontError",
    "InputDecodeError",
    "InputNotFoundError",
    "InternalError",
    "InvalidTextError",
    "MissingGlyphError",
    "OutputError",
    "OutputIOError",
    "ResconvError",
    "StrictModeError",
    "StructureError",
    "UnknownFormatError",
    "UnsafeInputError",
    "UsageError",
    "ValidationError",
]


class ResconvError(Exception):
    """Base of every error resconv raises on purpose."""

    exit_code: int = 70
    """Exit status of the command line for this kind of error."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        """The file (or "<stdin>") the error is about, when known."""
        self.line = line
        """1-based line in `source`, when known."""

    def __str__(self) -> str:
        where = ""
        if self.source is not None:
            where = self.source + (f":{self.line}" if self.line is not None else "") + ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        return where + self.message


class UsageError(ResconvError):
    """The command or call was given wrong arguments."""

    exit_code = 64


class UnknownFormatError(UsageError):
    """No reader or writer is registered under that name."""


class InputDecodeError(ResconvError):
    """The input's bytes cannot be decoded as text (or are a binary file)."""

    exit_code = 65


class InvalidTextError(InputDecodeError, ValueError):
    """Text holds characters no resolution can keep (XML-illegal, unpaired surrogates)."""


class StructureError(ResconvError):
    """The input decodes but is not a resolution resconv can read (empty, no title, …)."""

    exit_code = 65


class StrictModeError(StructureError):
    """A warning was raised while `strict` was asked for."""


class UnsafeInputError(ResconvError):
    """XML with a DOCTYPE, entity declaration, XInclude or external reference."""

    exit_code = 65


class ValidationError(ResconvError):
    """A document does not validate against the schema or the profile."""

    exit_code = 65


class InputNotFoundError(ResconvError):
    """An input file does not exist or cannot be opened."""

    exit_code = 66


class FontError(ResconvError):
    """A font needed for the output is missing or unusable."""

    exit_code = 69


class MissingGlyphError(FontError):
    """Characters of the text are in none of the configured fonts."""


class InternalError(ResconvError):
    """A bug: something failed that should not have."""

    exit_code = 70


class OutputError(ResconvError):
    """An output file cannot be created (missing directory, permission, same as input)."""

    exit_code = 73


class OutputIOError(OutputError):
    """Writing an output failed part-way (disk full, I/O error)."""

    exit_code = 74
