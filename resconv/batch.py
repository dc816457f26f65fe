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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from resconv._atomic import prepare_output_dir, publish, remove_orphan_temps, resolved_path
from resconv.conversion import DEFAULT_MAX_BYTES, convert_bytes, load_source
from resconv.errors import (
    InputNotFoundError,
    InternalError,
    OutputError,
    ResconvError,
    UsageError,
)
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
    """Files named, files under directories (sorted), and matches of glob patterns.

    Directories and patterns contribute only files with an input suffix (`INPUT_SUFFIXES`),
    so that `out/*` does not feed a batch its own PDFs. A named file is always taken: if it
    cannot be read, its conversion says why.
    """
    for item in inputs:
        text = os.fspath(item)
        path = Path(text)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError):  # a name too long, a NUL byte: reported when read
            yield path
            continue
        if is_dir:
            yield from _input_files(sorted(path.rglob("*")))
        elif not exists and glob.has_magic(text):
            matches = list(_input_files(Path(m) for m in sorted(glob.glob(text, recursive=True))))
            if not matches:
                raise InputNotFoundError("no input file matches this pattern", source=text)
            yield from matches
        else:
            yield path


def _input_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.suffix.lower() in INPUT_SUFFIXES and path.is_file():
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
    paths = list(expand_inputs(inputs))
    job_stream = _jobs(
        paths, _Job(Path(), formats, out_dir, format, lang, strict, force, max_bytes)
    )
    if workers == 1:
        for job in job_stream:
            yield job if isinstance(job, BatchResult) else _run(job)
        return
    yield from _parallel(job_stream, workers)


def _jobs(paths: list[Path], template: _Job) -> Iterator[_Job | BatchResult]:
    """A job per input, or at once a failure when its outputs would clash.

    Two inputs with the same name (`a/x.txt`, `b/x.txt`) would write the same output in
    one output directory; an output may also be another input of the batch (`r.json`
    from `r.txt` when `r.json` is an input too). Either is refused for the later input,
    whatever --force says.
    """
    inputs = {resolved_path(path): path for path in paths}
    claimed: dict[Path, Path] = {}
    for path in paths:
        job = replace(template, path=path)
        started = time.perf_counter()
        try:
            targets = [resolved_path(t) for t in output_paths(path, job.formats, job.output_dir)]
        except (OSError, ValueError):
            yield job  # an unusable name: its conversion reports it
            continue
        clash = next((t for t in targets if t in claimed or t in inputs), None)
        if clash is None:
            claimed.update(dict.fromkeys(targets, path))
            yield job
            continue
        if clash in claimed:
            reason = f"output {clash.name} would also be written for {claimed[clash]}"
        elif inputs[clash] == path:
            yield _failed(
                str(path),
                OutputError("output would overwrite the input file", source=str(path)),
                started,
            )
            continue
        else:
            reason = f"output {clash.name} would overwrite {inputs[clash]}, an input of this batch"
        error = OutputError(
            f"{reason}; convert such inputs into separate output directories", source=str(path)
        )
        yield _failed(str(path), error, started)


def _parallel(job_stream: Iterator[_Job | BatchResult], workers: int) -> Iterator[BatchResult]:
    """Results in input order, with at most `4 * workers` documents in flight.

    A worker that dies (killed for memory, say) breaks the pool: its document is reported
    as failed and the documents still pending go to a new pool.
    """
    from concurrent.futures import ProcessPoolExecutor  # only batches pay for it
    from concurrent.futures.process import BrokenProcessPool

    window = 4 * workers
    pending: deque[tuple[_Job | BatchResult, Future[BatchResult]]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers)

    def submit(item: _Job | BatchResult) -> Future[BatchResult]:
        if isinstance(item, BatchResult):
            done: Future[BatchResult] = Future()
            done.set_result(item)
            return done
        try:
            return pool.submit(_run, item)
        except BrokenProcessPool as exc:  # the pool broke since: handled in order, below
            broken: Future[BatchResult] = Future()
            broken.set_exception(exc)
            return broken

    def next_result() -> BatchResult:
        nonlocal pool
        item, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            assert isinstance(item, _Job)
            # Any of the documents in flight may have killed the worker: run this one
            # alone to know, and give the others a new pool.
            pool.shutdown(wait=True, cancel_futures=True)
            # Workers killed with the pool may have left temporary files behind.
            for job in [item, *(other for other, _ in pending)]:
                if isinstance(job, _Job):
                    directory = job.output_dir or job.path.parent
                    remove_orphan_temps(directory)
            result = _run_isolated(item)
            pool = ProcessPoolExecutor(max_workers=workers)
            for index, (other, _) in enumerate(pending):
                pending[index] = (other, submit(other))
            return result

    try:
        for item in job_stream:
            pending.append((item, submit(item)))
            while len(pending) >= window:
                yield next_result()
        while pending:
            yield next_result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_isolated(job: _Job) -> BatchResult:
    """`_run` in a worker of its own; a worker that dies fails only this input."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=1) as alone:
        try:
            return alone.submit(_run, job).result()
        except BrokenProcessPool:
            remove_orphan_temps(job.output_dir or job.path.parent)
            error = InternalError(
                "the worker process converting this input died (out of memory?)",
                source=str(job.path),
            )
            return _failed(str(job.path), error, started)


def _run(job: _Job) -> BatchResult:
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
