"""read, write and convert: the library's core calls, free of file output.

`convert_bytes` is a pure function (bytes in, bytes per format out): the unit that the
command line, `convert_many` and a distributed engine all map over documents.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from resconv.diagnostics import Diagnostic, Result
from resconv.errors import InputDecodeError, InputNotFoundError, StructureError
from resconv.model import Resolution
from resconv.readers import detect_format, get_reader
from resconv.writers import get_writer

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Conversion",
    "convert",
    "convert_bytes",
    "load_source",
    "read",
    "read_bytes",
    "write",
]

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""Inputs larger than this are refused: UN resolutions are well under 1 MB."""

Source = str | os.PathLike[str] | bytes


@dataclass(frozen=True, slots=True)
class Conversion:
    """The outputs of one document, by format name, and what was noticed on the way."""

    resolution: Resolution
    outputs: Mapping[str, bytes]
    diagnostics: tuple[Diagnostic, ...]


def read(
    source: Source,
    *,
    format: str | None = None,
    lang: str | None = None,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Result[Resolution]:
    """Read a resolution from a path or from bytes; the format is detected unless given."""
    data, name = load_source(source, max_bytes)
    return read_bytes(data, format=format, lang=lang, strict=strict, source=name)


def read_bytes(
    data: bytes,
    *,
    format: str | None = None,
    lang: str | None = None,
    strict: bool = False,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Result[Resolution]:
    """Read a resolution from `data`; `source` names it in messages."""
    if len(data) > max_bytes:
        raise InputDecodeError(
            f"input is {len(data)} bytes, over the limit of {max_bytes} "
            "(a resolution is well under 1 MB; raise max_bytes if this is intended)",
            source=source,
        )
    reader = get_reader(format or detect_format(data, source))
    return reader.read(data, source=source, lang=lang, strict=strict)


def write(resolution: Resolution, format: str) -> bytes:
    """The bytes of `resolution` in `format` ("akn", "json", "docx", "pdf", …)."""
    return get_writer(format).write(resolution)


def convert_bytes(
    data: bytes,
    to: Iterable[str],
    *,
    format: str | None = None,
    lang: str | None = None,
    strict: bool = False,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Conversion:
    """Read `data` and write it in every format of `to`; all in memory."""
    formats = list(dict.fromkeys(to))
    writers = [get_writer(name) for name in formats]  # unknown names fail before reading
    result = read_bytes(
        data, format=format, lang=lang, strict=strict, source=source, max_bytes=max_bytes
    )
    outputs = {
        name: writer.write(result.value) for name, writer in zip(formats, writers, strict=True)
    }
    return Conversion(result.value, outputs, result.diagnostics)


def convert(
    source: Source,
    to: Iterable[str] = ("akn",),
    *,
    format: str | None = None,
    lang: str | None = None,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Conversion:
    """Read a path or bytes and write it in every format of `to`."""
    data, name = load_source(source, max_bytes)
    return convert_bytes(
        data, to, format=format, lang=lang, strict=strict, source=name, max_bytes=max_bytes
    )


def load_source(source: Source, max_bytes: int) -> tuple[bytes, str | None]:
    """The bytes of a path (or of bytes), refusing what is missing or too big."""
    if isinstance(source, bytes | bytearray):
        return bytes(source), None
    path = Path(source)
    name = str(path)
    try:
        if path.is_dir():
            raise StructureError("is a directory, not a resolution file", source=name)
        size = path.stat().st_size
        if size > max_bytes:
            raise InputDecodeError(
                f"input is {size} bytes, over the limit of {max_bytes}", source=name
            )
        return path.read_bytes(), name
    except FileNotFoundError:
        raise InputNotFoundError("no such file", source=name) from None
    except PermissionError:
        raise InputNotFoundError("permission denied", source=name) from None
    except IsADirectoryError:
        raise StructureError("is a directory, not a resolution file", source=name) from None
    except OSError as exc:
        raise InputNotFoundError(f"cannot read: {exc.strerror}", source=name) from None
    except ValueError as exc:  # a NUL byte in the name
        raise InputNotFoundError(f"cannot read: {exc}", source=name) from None
