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
from collections.abc import Sequence
from pathlib import Path

from resconv.errors import OutputError, OutputIOError

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import BinaryIO

__all__ = [
    "check_output_dir",
    "prepare_output_dir",
    "publish",
    "remove_if_empty",
    "remove_orphan_temps",
    "remove_own_temps",
    "resolved_path",
    "temp_file",
]

_TEMP_PREFIX = ".resconv-"
_TEMP_SUFFIX = ".tmp"


def check_output_dir(directory: Path) -> None:
    """Fail early, before any conversion work, when `directory` cannot receive files."""
    if not directory.exists():
        raise OutputError("output directory does not exist", source=str(directory))
    if not directory.is_dir():
        raise OutputError("output path is not a directory", source=str(directory))


def prepare_output_dir(directory: Path) -> bool:
    """Create the output directory if only its last component is missing, then check it.

    `-o out/` works on a fresh checkout; a deeper missing path is more likely a typo and
    is refused. True when this call created the directory.
    """
    created = False
    if not directory.exists() and directory.parent.is_dir():
        try:
            directory.mkdir()
            created = True
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
    return created


def remove_if_empty(directory: Path) -> None:
    """Remove `directory` if nothing was written into it (a created one, after failures)."""
    with contextlib.suppress(OSError):
        directory.rmdir()  # refuses a directory that is not empty


def publish(
    outputs: Sequence[tuple[Path, bytes]], *, force: bool = False, inputs: Sequence[Path] = ()
) -> None:
    """Write every (path, data) pair, or none of them.

    An existing file is replaced only with `force`; an input file never is. An existing
    file that already holds exactly `data` is left as it is: running the same conversion
    again (or again after an interrupted batch) succeeds without --force.
    """
    resolved_inputs = {resolved_path(p) for p in inputs}
    try:
        for path, _ in outputs:
            if resolved_path(path) in resolved_inputs:
                raise OutputError("output would overwrite the input file", source=str(path))
            if path.is_dir():
                raise OutputError("output path is a directory", source=str(path))
            check_output_dir(path.parent)
        if not force:
            outputs = [(path, data) for path, data in outputs if not _holds(path, data)]
            for path, _ in outputs:
                if path.exists():
                    raise OutputError(
                        "output file exists with other content (use --force to replace it)",
                        source=str(path),
                    )
    except OSError as exc:  # a name too long for the file system, say
        raise _output_error(exc, path) from None
    temps: list[tuple[Path, Path, bytes]] = []
    published: list[Path] = []
    try:
        for path, data in outputs:
            temps.append((_write_temp(path, data), path, data))
        for temp, path, data in temps:
            if force:
                existed = path.exists()
                _rename(temp, path)
                if not existed:
                    published.append(path)
            elif _link_new(temp, path, data):
                published.append(path)
    except BaseException:
        for temp, _, _ in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        for path in published:
            with contextlib.suppress(OSError):
                path.unlink()
        raise


def _holds(path: Path, data: bytes) -> bool:
    """True when `path` is a file whose content is exactly `data`."""
    try:
        if not path.is_file() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _rename(temp: Path, path: Path) -> None:
    try:
        os.replace(temp, path)
    except OSError as exc:
        raise _output_error(exc, path) from None


def _link_new(temp: Path, path: Path, data: bytes) -> bool:
    """Publish `temp` as `path` only if `path` still does not exist (no check-then-act race).

    A hard link fails atomically when the name is taken, so two inputs of one batch that
    map to the same output cannot silently overwrite each other; when another process
    published exactly `data` meanwhile (two runs of the same conversion), that is success.
    File systems without hard links fall back to a checked rename. False when nothing was
    published because the file already held `data`.
    """
    try:
        os.link(temp, path)
    except FileExistsError:
        if _holds(path, data):
            with contextlib.suppress(OSError):
                temp.unlink()
            return False
        raise OutputError(
            "output file exists (use --force to replace it)", source=str(path)
        ) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise _output_error(exc, path) from None
        if path.exists():
            if _holds(path, data):
                with contextlib.suppress(OSError):
                    temp.unlink()
                return False
            raise OutputError(
                "output file exists (use --force to replace it)", source=str(path)
            ) from None
        _rename(temp, path)
        return True
    with contextlib.suppress(OSError):
        temp.unlink()
    return True


def temp_file(directory: Path, path: Path) -> tuple[Path, BinaryIO]:
    """A new temporary file in `directory` for `path`, named after this process.

    The name (``.resconv-PID-….tmp``) lets `remove_orphan_temps` tell, on a later run,
    the files of a process that was killed from those of one still writing. Created as
    `tempfile.mkstemp` does (exclusive, not following links, private until published),
    without importing `tempfile`, which with `random` and `hashlib` costs a one-file
    conversion about 5 ms of start-up.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = directory / f"{_TEMP_PREFIX}{os.getpid()}-{os.urandom(6).hex()}{_TEMP_SUFFIX}"
        try:
            fd = os.open(name, flags, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _output_error(exc, path) from None
        return name, os.fdopen(fd, "wb")
    raise OutputError("cannot create a temporary file", source=str(directory))


def _write_temp(path: Path, data: bytes) -> Path:
    temp, handle = temp_file(path.parent, path)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_umask())
    except BaseException as exc:  # also Ctrl-C: never leave a temporary file behind
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise _output_error(exc, path) from None
        raise
    return temp


def remove_own_temps(directory: Path) -> None:
    """Remove this process's temporary files in `directory` (it is being stopped)."""
    with contextlib.suppress(OSError):
        for temp in _temps(directory, f"{_TEMP_PREFIX}{os.getpid()}-"):
            with contextlib.suppress(OSError):
                temp.unlink()


def remove_orphan_temps(directory: Path) -> None:
    """Remove temporary files left in `directory` by resconv processes that were killed.

    Each temporary file names the process writing it; one whose process is gone (a batch
    worker killed for memory, say) can never be published.
    """
    try:
        candidates = _temps(directory, _TEMP_PREFIX)
    except OSError:
        return
    for temp in candidates:
        pid_text, dash, _ = temp.name[len(_TEMP_PREFIX) :].partition("-")
        if not dash or not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            temp.unlink()


def _temps(directory: Path, start: str) -> list[Path]:
    """The entries of `directory` named `start` + anything + `_TEMP_SUFFIX`.

    Start-up speed: `Path.glob` imports `fnmatch` and compiles a pattern for the
    directory a one-file conversion writes to (with `fnmatch` deferred for `pathlib`,
    see `resconv.cli`; 1 M instructions of its 199 M, callgrind).
    """
    with os.scandir(directory) as entries:
        return [
            directory / entry.name
            for entry in entries
            if entry.name.startswith(start)
            and entry.name.endswith(_TEMP_SUFFIX)
            and len(entry.name) >= len(start) + len(_TEMP_SUFFIX)
        ]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is not ours to signal
        return True
    return True


def _output_error(exc: OSError, path: Path) -> OutputError:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG):
        return OutputIOError(f"cannot write: {reason}", source=str(path))
    return OutputError(f"cannot create: {reason}", source=str(path))


def resolved_path(path: Path) -> Path:
    """`path` made absolute with links resolved, as far as the file system allows."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL byte
        return path.absolute()


_UMASK: int | None = None


def _umask() -> int:
    """The process umask, read without changing it where the system allows.

    Setting and restoring it (the portable way) would race with other threads of a host
    application creating files.
    """
    global _UMASK
    if _UMASK is None:
        try:
            # Read as bytes: a text file would import the `ascii` codec for this alone
            # (text → AKN 186.5 → 185.7 M instructions, callgrind).
            with open("/proc/self/status", "rb") as status:
                for line in status:
                    if line.startswith(b"Umask:"):
                        _UMASK = int(line.split()[1], 8)
                        break
        except (OSError, ValueError):
            pass
        if _UMASK is None:
            current = os.umask(0o022)
            os.umask(current)
            _UMASK = current
    return _UMASK
