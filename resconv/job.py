"""One input converted and its outputs published: a batch's unit of work, and the whole of
a one-file conversion.

Apart from `resconv.batch` so that converting one named file (the command line's most
common use) does not import the batch machinery: text → AKN 185.7 → 184.5 M instructions
(callgrind).
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

from resconv import _collector
from resconv._atomic import publish, resolved_path
from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.conversion import convert_bytes, load_source
from resconv.errors import InternalError, OutputError, ResconvError
from resconv.writers import get_writer

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Literal

__all__ = [
    "INPUT_SUFFIXES",
    "BatchResult",
    "Job",
    "failed",
    "input_overwritten",
    "output_keys",
    "output_names",
    "output_paths",
    "path_key",
    "run",
]

INPUT_SUFFIXES = (".txt", ".md", ".xml", ".akn", ".json", ".pdf", ".docx")
"""What a directory given as input contributes: files with these suffixes."""


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What happened to one input."""

    input: str
    status: Literal["ok", "error"]
    outputs: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    exit_code: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """The JSON-ready entry of the batch report."""
        return {
            "input": self.input,
            "status": self.status,
            "outputs": list(self.outputs),
            "warnings": list(self.warnings),
            "error": self.error,
            "exit_code": self.exit_code,
            "seconds": round(self.seconds, 4),
        }


def output_paths(input_path: Path, formats: Sequence[str], output_dir: Path | None) -> list[Path]:
    """Where the outputs of `input_path` go: its name, minus its suffix, plus each writer's."""
    directory = output_dir if output_dir is not None else input_path.parent
    return [directory / name for name in output_names(input_path.name, formats)]


def output_names(input_name: str, formats: Sequence[str]) -> list[str]:
    stem = input_name
    base, suffix = os.path.splitext(stem)
    if suffix.lower() in INPUT_SUFFIXES and base and base != ".":
        stem = base
    return [stem + get_writer(name).suffix for name in formats]


@dataclass(frozen=True, slots=True)
class Job:
    """One input to convert, with everything a worker needs to convert it."""

    path: Path
    formats: tuple[str, ...]
    output_dir: Path | None
    input_format: str | None
    lang: str | None
    strict: bool
    force: bool
    max_bytes: int


resolved_dirs: dict[str, str] = {}


def path_key(path: Path) -> str:
    """`path` absolute with its directory resolved, as a string: a cheap identity for
    comparing inputs and outputs (one system call per directory, not per file)."""
    parent, name = os.path.split(os.fspath(path))
    return os.path.join(folder_key(parent), name)


def folder_key(folder: str) -> str:
    """`folder` resolved, once per folder."""
    resolved = resolved_dirs.get(folder)
    if resolved is None:
        resolved = resolved_dirs[folder] = str(resolved_path(Path(folder or ".")))
    return resolved


def output_folder_key(path: Path, output_dir: Path | None) -> str:
    """The resolved folder `path`'s outputs go to."""
    if output_dir is None:
        return os.path.dirname(path_key(path))
    return folder_key(os.fspath(output_dir))


def run(job: Job) -> BatchResult:
    """Convert one input and publish its outputs; never raises for a per-file failure."""
    started = time.perf_counter()
    name = str(job.path)
    try:
        data, _ = load_source(job.path, job.max_bytes)
        targets = output_paths(job.path, job.formats, job.output_dir)
        conversion = convert_bytes(
            data,
            job.formats,
            format=job.input_format,
            lang=job.lang,
            strict=job.strict,
            source=name,
            max_bytes=job.max_bytes,
        )
        if job.output_dir is not None:
            _make_subfolder(job.output_dir)
        publish(
            [
                (target, conversion.outputs[fmt])
                for target, fmt in zip(targets, job.formats, strict=True)
            ],
            force=job.force,
            inputs=[job.path],
        )
        return BatchResult(
            input=name,
            status="ok",
            outputs=tuple(str(t) for t in targets),
            warnings=tuple(str(d) for d in conversion.diagnostics if d.severity == "warning"),
            seconds=time.perf_counter() - started,
        )
    except ResconvError as exc:
        if exc.source is None:
            exc.source = name
        return failed(name, exc, started)
    except (MemoryError, RecursionError) as exc:
        return failed(
            name, InternalError(f"{type(exc).__name__} while converting", source=name), started
        )
    except Exception as exc:  # a bug in resconv: report it for this file, go on with the others
        error = InternalError(
            f"internal error ({type(exc).__name__}: {exc}); please report it", source=name
        )
        return failed(name, error, started)
    finally:
        _collector.release()  # the process's start and first document are over


def output_keys(job: Job) -> list[str]:
    """The resolved paths `job` writes (`path_key`), to compare with other inputs' and
    outputs'; raises OSError or ValueError for an unusable name."""
    folder = output_folder_key(job.path, job.output_dir)
    return [os.path.join(folder, n) for n in output_names(job.path.name, job.formats)]


def input_overwritten(path: Path, started: float) -> BatchResult:
    """The failure of an input one of whose outputs would be itself (`r.xml` converted to
    AKN beside itself), refused before any work whatever --force says."""
    return failed(
        str(path), OutputError("output would overwrite the input file", source=str(path)), started
    )


def _make_subfolder(folder: Path) -> None:
    """Create a mirrored input folder under `-o` (which exists), when its first output is ready."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create directory: {exc.strerror}", source=str(folder)) from None


def failed(name: str, error: ResconvError, started: float) -> BatchResult:
    """The result of an input that failed with `error`, timed from `started`."""
    return BatchResult(
        input=name,
        status="error",
        error=str(error),
        exit_code=error.exit_code,
        seconds=time.perf_counter() - started,
    )
