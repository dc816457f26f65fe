"""Converting many files: in parallel processes, streamed, one result per input.

`convert_many` yields a `BatchResult` per input, in input order, while at most a few
documents per worker are in flight, so memory stays flat however many files there are.
A failing file is reported and the others go on.
"""

from __future__ import annotations

import glob
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from resconv._atomic import prepare_output_dir, publish
from resconv.conversion import DEFAULT_MAX_BYTES, convert_bytes
from resconv.errors import InputNotFoundError, InternalError, ResconvError, UsageError
from resconv.writers import get_writer

__all__ = ["BatchResult", "convert_many", "expand_inputs", "output_paths"]

INPUT_SUFFIXES = (".txt", ".xml", ".akn", ".json")
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


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, files under directories (sorted), and matches of glob patterns."""
    for item in inputs:
        text = os.fspath(item)
        path = Path(text)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in INPUT_SUFFIXES:
                    yield found
        elif not path.exists() and glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputNotFoundError("no file matches this pattern", source=text)
            yield from (Path(m) for m in matches)
        else:
            yield path


def output_paths(input_path: Path, formats: Sequence[str], output_dir: Path | None) -> list[Path]:
    """Where the outputs of `input_path` go: its name, minus its suffix, plus each writer's."""
    stem = input_path.name
    if Path(stem).suffix.lower() in INPUT_SUFFIXES:
        stem = Path(stem).stem
    directory = output_dir if output_dir is not None else input_path.parent
    return [directory / (stem + get_writer(name).suffix) for name in formats]


@dataclass(frozen=True, slots=True)
class _Job:
    path: Path
    formats: tuple[str, ...]
    output_dir: Path | None
    input_format: str | None
    lang: str | None
    strict: bool
    force: bool
    max_bytes: int


def convert_many(
    inputs: Iterable[str | os.PathLike[str]],
    to: Sequence[str] = ("akn",),
    output_dir: str | os.PathLike[str] | None = None,
    *,
    jobs: int | None = None,
    format: str | None = None,
    lang: str | None = None,
    strict: bool = False,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[BatchResult]:
    """Convert every input to every format of `to`, yielding one result per input in order.

    `jobs` worker processes (default: the number of cores) do the work; with one job, or
    one input, everything runs in this process.
    """
    formats = tuple(dict.fromkeys(to))
    if not formats:
        raise UsageError("no output format given")
    for name in formats:
        get_writer(name)
    out_dir = Path(output_dir) if output_dir is not None else None
    if out_dir is not None:
        prepare_output_dir(out_dir)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise UsageError("--jobs must be at least 1")
    job_stream = (
        _Job(path, formats, out_dir, format, lang, strict, force, max_bytes)
        for path in expand_inputs(inputs)
    )
    if workers == 1:
        for job in job_stream:
            yield _run(job)
        return
    yield from _parallel(job_stream, workers)


def _parallel(job_stream: Iterator[_Job], workers: int) -> Iterator[BatchResult]:
    first = next(job_stream, None)
    if first is None:
        return
    second = next(job_stream, None)
    if second is None:
        yield _run(first)
        return
    from concurrent.futures import ProcessPoolExecutor  # only batches pay for it

    window = 4 * workers
    pending: deque[Future[BatchResult]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for job in _chain(first, second, job_stream):
            pending.append(pool.submit(_run, job))
            while len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _chain(first: _Job, second: _Job, rest: Iterator[_Job]) -> Iterator[_Job]:
    yield first
    yield second
    yield from rest


def _run(job: _Job) -> BatchResult:
    """Convert one input and publish its outputs; never raises for a per-file failure."""
    started = time.perf_counter()
    name = str(job.path)
    try:
        try:
            data = job.path.read_bytes()
        except FileNotFoundError:
            raise InputNotFoundError("no such file", source=name) from None
        except IsADirectoryError:
            raise InputNotFoundError("is a directory", source=name) from None
        except OSError as exc:
            raise InputNotFoundError(f"cannot read: {exc.strerror}", source=name) from None
        if len(data) > job.max_bytes:
            from resconv.errors import InputDecodeError

            raise InputDecodeError(
                f"input is {len(data)} bytes, over the limit of {job.max_bytes}", source=name
            )
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
        return _failed(name, exc, started)
    except (MemoryError, RecursionError) as exc:
        return _failed(
            name, InternalError(f"{type(exc).__name__} while converting", source=name), started
        )
    except Exception as exc:  # a bug in resconv: report it for this file, go on with the others
        error = InternalError(
            f"internal error ({type(exc).__name__}: {exc}); please report it", source=name
        )
        return _failed(name, error, started)


def _failed(name: str, error: ResconvError, started: float) -> BatchResult:
    """The result of an input that failed with `error`, timed from `started`."""
    return BatchResult(
        input=name,
        status="error",
        error=str(error),
        exit_code=error.exit_code,
        seconds=time.perf_counter() - started,
    )
