"""Publishing output files all-or-nothing.

Each output is written to a temporary file in its target directory, flushed and synced,
and only when every output of a document has been written are they renamed into place.
If anything fails, the temporary files are removed and any output already renamed in
this call is removed again, so a failed conversion leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from resconv.errors import OutputError, OutputIOError

__all__ = ["check_output_dir", "prepare_output_dir", "publish"]

_TEMP_PREFIX = ".resconv-"


def check_output_dir(directory: Path) -> None:
    """Fail early, before any conversion work, when `directory` cannot receive files."""
    if not directory.exists():
        raise OutputError("output directory does not exist", source=str(directory))
    if not directory.is_dir():
        raise OutputError("output path is not a directory", source=str(directory))


def prepare_output_dir(directory: Path) -> None:
    """Create the output directory if only its last component is missing, then check it.

    `-o out/` works on a fresh checkout; a deeper missing path is more likely a typo and
    is refused.
    """
    if not directory.exists() and directory.parent.is_dir():
        try:
            directory.mkdir()
        except FileExistsError:
            pass
        except OSError as exc:
            raise OutputError(
                f"cannot create directory: {exc.strerror}", source=str(directory)
            ) from None
    if not directory.exists():
        raise OutputError(
            "output directory does not exist (nor does its parent)", source=str(directory)
        )
    check_output_dir(directory)


def publish(
    outputs: Sequence[tuple[Path, bytes]], *, force: bool = False, inputs: Sequence[Path] = ()
) -> None:
    """Write every (path, data) pair, or none of them.

    An existing file is replaced only with `force`; an input file never is.
    """
    resolved_inputs = {_resolved(p) for p in inputs}
    for path, _ in outputs:
        if _resolved(path) in resolved_inputs:
            raise OutputError("output would overwrite the input file", source=str(path))
        if path.exists() and not force:
            raise OutputError("output file exists (use --force to replace it)", source=str(path))
        if path.is_dir():
            raise OutputError("output path is a directory", source=str(path))
        check_output_dir(path.parent)
    temps: list[tuple[Path, Path]] = []
    published: list[Path] = []
    try:
        for path, data in outputs:
            temps.append((_write_temp(path, data), path))
        for temp, path in temps:
            existed = path.exists()
            try:
                os.replace(temp, path)
            except OSError as exc:
                raise _output_error(exc, path) from None
            if not existed:
                published.append(path)
    except BaseException:
        for temp, _ in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        for path in published:
            with contextlib.suppress(OSError):
                path.unlink()
        raise


def _write_temp(path: Path, data: bytes) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _output_error(exc, path) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_umask())
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _output_error(exc, path) from None
    return temp


def _output_error(exc: OSError, path: Path) -> OutputError:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG):
        return OutputIOError(f"cannot write: {reason}", source=str(path))
    return OutputError(f"cannot create: {reason}", source=str(path))


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


_UMASK: int | None = None


def _umask() -> int:
    global _UMASK
    if _UMASK is None:
        current = os.umask(0)
        os.umask(current)
        _UMASK = current
    return _UMASK
