"""read, write and convert: the library's core calls, free of file output.

`convert_bytes` is a pure function (bytes in, bytes per format out): the unit that the
command line, `convert_many` and a distributed engine all map over documents.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping

from resconv import _checks
from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.errors import InputDecodeError, InputNotFoundError, StructureError

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from resconv.diagnostics import Diagnostic, Result
    from resconv.model import Resolution

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Conversion",
    "check_size",
    "convert",
    "convert_bytes",
    "load_source",
    "read",
    "read_bytes",
    "write",
]

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""Inputs larger than this are refused: UN resolutions are well under 1 MB.

Every way in (a path, bytes, standard input, a batch) goes through `check_size` or
`load_source`, so a raised `max_bytes` is honoured everywhere.
"""

Source = str | os.PathLike[str] | bytes | bytearray | memoryview


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
    return read_bytes(
        data, format=format, lang=lang, strict=strict, source=name, max_bytes=max_bytes
    )


def read_bytes(
    data: bytes | bytearray | memoryview,
    *,
    format: str | None = None,
    lang: str | None = None,
    strict: bool = False,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Result[Resolution]:
    """Read a resolution from `data`; `source` names it in messages."""
    data = _checks.bytes_argument(data, "data")
    format = _checks.optional_name(format, "format")
    lang = _checks.optional_name(lang, "lang")
    strict = _checks.flag_argument(strict, "strict")
    source = _checks.optional_name(source, "source")
    check_size(len(data), max_bytes, source)
    from resconv.readers import detect_format, get_reader

    reader = get_reader(format or detect_format(data, source))
    return reader.read(data, source=source, lang=lang, strict=strict)


def write(resolution: Resolution, format: str) -> bytes:
    """The bytes of `resolution` in `format` ("akn", "json", "docx", "pdf", …)."""
    _check_resolution(resolution)
    if not isinstance(format, str):
        raise TypeError(f"format must be a format name (str), not {type(format).__name__}")
    from resconv.writers import get_writer

    return get_writer(format).write(resolution)


def convert_bytes(
    data: bytes | bytearray | memoryview,
    to: Iterable[str],
    *,
    format: str | None = None,
    lang: str | None = None,
    strict: bool = False,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Conversion:
    """Read `data` and write it in every format of `to` (a name or names); all in memory."""
    from resconv.writers import get_writer

    formats = _checks.format_names(to, "to")
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
    to: Iterable[str] | str = ("akn",),
    *,
    format: str | None = None,
    lang: str | None = None,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Conversion:
    """Read a path or bytes and write it in every format of `to` (a name or names)."""
    _checks.format_names(to, "to")  # before reading anything
    data, name = load_source(source, max_bytes)
    return convert_bytes(
        data, to, format=format, lang=lang, strict=strict, source=name, max_bytes=max_bytes
    )


def check_size(size: int, max_bytes: int, source: str | None) -> None:
    """Refuse an input of `size` bytes over `max_bytes`: the one check of the size limit."""
    max_bytes = _checks.limit_argument(max_bytes, "max_bytes")
    if size > max_bytes:
        raise InputDecodeError(
            f"input is larger than the limit of {max_bytes} bytes (a resolution is well "
            "under 1 MB; raise max_bytes, --max-bytes on the command line, if this is intended)",
            source=source,
        )


def load_source(
    source: Source, max_bytes: int = DEFAULT_MAX_BYTES, *, argument: str = "source"
) -> tuple[bytes, str | None]:
    """The bytes of a path (or of bytes), refusing what is missing, too big or not a file.

    At most ``max_bytes + 1`` bytes are read, whatever the file system says of the size:
    files under /proc report 0, and a device never ends. A FIFO, socket or device is refused
    (they can block or never end; standard input is the way to pipe data in).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        check_size(len(data), max_bytes, None)
        return data, None
    name = _checks.path_argument(source, argument)
    _checks.limit_argument(max_bytes, "max_bytes")
    try:
        # O_NONBLOCK: opening a FIFO without a writer must not hang; it is refused below.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise StructureError("is a directory, not a resolution file", source=name)
            if not stat.S_ISREG(info.st_mode):
                raise StructureError(
                    "is not a regular file (a device, FIFO or socket); "
                    "pipe its content to standard input instead ('-')",
                    source=name,
                )
            check_size(info.st_size, max_bytes, name)
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            data = _read_at_most(fd, max_bytes + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise InputNotFoundError("no such file", source=name) from None
    except PermissionError:
        raise InputNotFoundError("permission denied", source=name) from None
    except IsADirectoryError:
        raise StructureError("is a directory, not a resolution file", source=name) from None
    except OSError as exc:
        raise InputNotFoundError(f"cannot read: {exc.strerror or exc}", source=name) from None
    except ValueError as exc:  # a NUL byte in the name
        raise InputNotFoundError(f"cannot read: {exc}", source=name) from None
    check_size(len(data), max_bytes, name)
    return data, name


def _read_at_most(fd: int, limit: int) -> bytes:
    """Up to `limit` bytes of `fd`, in as few reads as the file allows."""
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _check_resolution(value: object) -> None:
    from resconv.model import Resolution

    if not isinstance(value, Resolution):
        raise TypeError(
            f"resolution must be a resconv.Resolution, not {type(value).__name__} "
            "(read one with resconv.read)"
        )
