"""Converting many files: in parallel processes, streamed, one result per input.

`convert_many` yields a `BatchResult` per input, in input order, while at most a few
documents per worker are in flight, so memory stays flat however many files there are.
A failing file is reported and the others go on.
"""

from __future__ import annotations

import contextlib
import io
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from resconv import _checks, _collector
from resconv._atomic import (
    check_output_dir,
    prepare_output_dir,
    remove_orphan_temps,
    remove_own_temps,
    resolved_path,
    temp_file,
)
from resconv.conversion import DEFAULT_MAX_BYTES
from resconv.errors import (
    InputNotFoundError,
    InternalError,
    OutputError,
    OutputIOError,
)
from resconv.job import (
    INPUT_SUFFIXES,
    BatchResult,
    Job,
    failed,
    input_overwritten,
    output_folder_key,
    output_keys,
    output_names,
    output_paths,
    path_key,
    resolved_dirs,
)
from resconv.job import run as _run  # one name to replace in tests
from resconv.writers import get_writer

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future
    from typing import IO

    OutputDirOf = Callable[[Path], Path | None]
    """Where an input's outputs go (None: beside it)."""

__all__ = [
    "Batch",
    "BatchResult",
    "Report",
    "check_report_path",
    "convert_many",
    "expand_inputs",
    "output_paths",
]

_MAX_CHUNK = 8


_MAGIC = frozenset("*?[")


def _has_magic(text: str) -> bool:
    """`glob.has_magic`, so that `glob` (with `fnmatch`) is imported only for a pattern:
    with `fnmatch` deferred for `pathlib` (`resconv.cli`), 5 M instructions of a one-file
    conversion's 205 M (callgrind)."""
    return not _MAGIC.isdisjoint(text)


def expand_inputs(
    inputs: Iterable[str | os.PathLike[str]], *, skip: Iterable[Path] = ()
) -> Iterator[Path]:
    """Files named, files under directories (sorted), and matches of glob patterns.

    Directories and patterns contribute only files with an input suffix (`INPUT_SUFFIXES`),
    so that `out/*` does not feed a batch its own PDFs, and none of the files in `skip`
    (resolved paths: the batch's report). A named file is always taken: if it cannot be
    read, its conversion says why.
    """
    for path, _ in _found_inputs(inputs, skip=skip):
        yield path


def _found_inputs(
    inputs: Iterable[str | os.PathLike[str]], *, skip: Iterable[Path] = ()
) -> Iterator[tuple[Path, Path]]:
    """`expand_inputs`, each file with its folder relative to the folder named that holds it
    (empty for files named and pattern matches): where its outputs go under `-o`, so that
    `en/x.xml` and `fr/x.xml` of one corpus do not claim the same output."""
    skipped = frozenset(skip)
    here = Path()
    for item in inputs:
        text = os.fspath(item)
        path = Path(text)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError):  # a name too long, a NUL byte: reported when read
            yield path, here
            continue
        if is_dir:
            found = [Path(root, name) for root, _, files in os.walk(path) for name in files]
            for file in _input_files(sorted(found)):
                if not _is_skipped(file, skipped):
                    yield file, file.parent.relative_to(path)
        elif not exists and _has_magic(text):
            import glob  # start-up speed: with `fnmatch`, only for a pattern (see `_has_magic`)

            matches = (Path(m) for m in sorted(glob.glob(text, recursive=True)))
            found = [m for m in _input_files(matches) if not _is_skipped(m, skipped)]
            if not found:
                raise InputNotFoundError("no input file matches this pattern", source=text)
            yield from ((m, here) for m in found)
        else:
            yield path, here


def _is_skipped(path: Path, skipped: frozenset[Path]) -> bool:
    """True when `path` is one of `skipped` (resolved only when a name matches)."""
    return any(s.name == path.name for s in skipped) and resolved_path(path) in skipped


def _input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The paths with an input suffix that are not folders. A FIFO or a dangling link is
    taken too: its conversion fails and says why, rather than it being left out unsaid."""
    for path in paths:
        if path.suffix.lower() in INPUT_SUFFIXES and not path.is_dir():
            yield path


def convert_many(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    to: Sequence[str] | str = ("akn",),
    output_dir: str | os.PathLike[str] | None = None,
    *,
    jobs: int | None = None,
    format: str | None = None,
    lang: str | None = None,
    strict: bool = False,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    report: str | os.PathLike[str] | None = None,
) -> Iterator[BatchResult]:
    """Convert every input to every format of `to`, yielding one result per input in order.

    `inputs` is a path (file, directory, glob pattern) or an iterable of them; `to` a
    format name or names. `jobs` worker processes (default: the number of cores, never
    more than there are inputs) do the work; with one, everything runs in this process.
    `report` names a JSON report file, written when the batch has run to its end.
    Arguments are checked at once, before the first result is asked for.
    """
    return Batch(
        inputs,
        to,
        output_dir,
        jobs=jobs,
        format=format,
        lang=lang,
        strict=strict,
        force=force,
        max_bytes=max_bytes,
        report=report,
    ).run()


class Batch:
    """A batch with its inputs found and its outputs and report checked, ready to run."""

    def __init__(
        self,
        inputs: object,
        to: object,
        output_dir: object = None,
        *,
        jobs: object = None,
        format: object = None,
        lang: object = None,
        strict: object = False,
        force: object = False,
        max_bytes: object = DEFAULT_MAX_BYTES,
        report: object = None,
    ) -> None:
        names = _checks.paths_argument(inputs, "inputs")
        formats = tuple(_checks.format_names(to, "to"))
        for name in formats:
            get_writer(name)
        out_dir = (
            None if output_dir is None else Path(_checks.path_argument(output_dir, "output_dir"))
        )
        workers = None if jobs is None else _checks.limit_argument(jobs, "jobs")
        report_path = None if report is None else Path(_checks.path_argument(report, "report"))
        self.template = Job(
            Path(),
            formats,
            out_dir,
            _checks.optional_name(format, "format"),
            _checks.optional_name(lang, "lang"),
            _checks.flag_argument(strict, "strict"),
            _checks.flag_argument(force, "force"),
            _checks.limit_argument(max_bytes, "max_bytes"),
        )
        if out_dir is not None:
            prepare_output_dir(out_dir)
        skip = [] if report_path is None else [resolved_path(report_path)]
        resolved_dirs.clear()
        found = list(_found_inputs(names, skip=skip))
        self.output_dirs: dict[Path, Path] = (
            {} if out_dir is None else {p: out_dir / sub for p, sub in reversed(found)}
        )
        """Each input's output folder under `-o`: the input folders' tree mirrored."""
        self.paths = _without_outputs_of_others(
            [p for p, _ in found], names, formats, self.output_dir_of
        )
        self.workers = min(workers or os.cpu_count() or 1, max(len(self.paths), 1))
        self.chunk_size = max(1, min(_MAX_CHUNK, len(self.paths) // (self.workers * _MAX_CHUNK)))
        """Documents sent to a worker at a time: 1 for small batches (every worker busy at
        once), up to `_MAX_CHUNK` for large ones."""
        self.report_path = report_path
        if report_path is not None:
            check_report_path(
                report_path, self.paths, formats, self.output_dir_of, force=self.template.force
            )

    def output_dir_of(self, path: Path) -> Path | None:
        """Where `path`'s outputs go: None for beside it."""
        return self.output_dirs.get(path)

    def run(self) -> Iterator[BatchResult]:
        """The results, one per input in input order; the report is finished at the end."""
        report = (
            None
            if self.report_path is None
            else Report(self.report_path, list(self.template.formats))
        )
        for directory in {self.output_dir_of(p) or p.parent for p in self.paths}:
            remove_orphan_temps(directory)  # what a killed run left behind
        failed = 0
        try:
            job_stream = _jobs(self.paths, self.template, self.output_dir_of)
            if self.workers == 1:
                results: Iterator[BatchResult] = (
                    job if isinstance(job, BatchResult) else _run(job) for job in job_stream
                )
            else:
                results = _parallel(job_stream, self.workers, self.chunk_size)
            for result in results:
                failed += result.status == "error"
                if report is not None:
                    report.add(result.as_dict())
                yield result
        except BaseException:
            if report is not None:
                report.abandon()
            raise
        if report is not None:
            report.close(len(self.paths), failed)


def _without_outputs_of_others(
    found: list[Path], named: list[str], formats: Sequence[str], output_dir_of: OutputDirOf
) -> list[Path]:
    """`found` without the files that other inputs of the batch would write.

    Running a batch again must not take the first run's outputs for inputs, when they are
    beside the inputs (`x.txt` → `x.xml`) or in an output folder inside the input folder.
    Only outputs of a source are left out (an input no other input writes, like `x.txt`):
    when `x.xml` and `x.json` would write each other, both stay and the clash is reported.
    A file named on the command line always stays.
    """
    named_paths = {Path(n) for n in named}
    keys = [path_key(path) for path in found]
    writers: dict[str, set[str]] = {}
    for path, key in zip(found, keys, strict=True):
        folder = output_folder_key(path, output_dir_of(path))
        for name in output_names(path.name, formats):
            writers.setdefault(os.path.join(folder, name), set()).add(key)
    sources = {k for k in keys if writers.get(k, {k}) <= {k}}
    return [
        path
        for path, key in zip(found, keys, strict=True)
        if path in named_paths or not any(w in sources for w in writers.get(key, ()) if w != key)
    ]


def check_report_path(
    path: Path,
    inputs: Sequence[Path],
    formats: Sequence[str],
    output_dir_of: OutputDirOf,
    *,
    force: bool,
) -> None:
    """Refuse, before any work, a report that could not be written or would replace a file
    the batch reads or writes."""
    directory = path.parent if str(path.parent) else Path(".")
    check_output_dir(directory)
    name = str(path)
    if path.is_dir():
        raise OutputError("the report path is a directory; name a file", source=name)
    target = resolved_path(path)
    if target in {resolved_path(p) for p in inputs}:
        raise OutputError("the report would overwrite an input file", source=name)
    for source in inputs:
        outputs = output_paths(source, formats, output_dir_of(source))
        if target in {resolved_path(t) for t in outputs}:
            raise OutputError(
                f"the report would replace an output of this batch (from {source}); "
                "name another file",
                source=name,
            )
    if path.exists() and not force:
        raise OutputError("report file exists (use --force to replace it)", source=name)


class Report:
    """The JSON batch report, streamed to a temporary file and renamed when complete."""

    def __init__(self, path: Path, formats: list[str]) -> None:
        self.path = path
        directory = path.parent if str(path.parent) else Path(".")
        remove_orphan_temps(directory)
        self.temp, handle = temp_file(directory, path)
        self.handle: IO[str] = io.TextIOWrapper(handle, encoding="utf-8")
        self.count = 0
        import json

        from resconv._version import __version__

        self._write(
            '{"resconv": '
            + json.dumps(__version__)
            + ', "formats": '
            + json.dumps(formats)
            + ', "results": [\n'
        )

    def add(self, entry: dict[str, object]) -> None:
        import json  # loaded by __init__: here a look-up

        self._write((",\n" if self.count else "") + json.dumps(entry, ensure_ascii=False))
        self.count += 1

    def _write(self, text: str) -> None:
        try:
            self.handle.write(text)
        except OSError as exc:
            raise OutputIOError(
                f"cannot write report: {exc.strerror or exc}", source=str(self.path)
            ) from None

    def abandon(self) -> None:
        """Remove the unfinished report (the batch was interrupted or failed)."""
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(OSError):
            self.temp.unlink()

    def close(self, total: int, failed: int) -> None:
        import json

        summary = {"inputs": total, "succeeded": total - failed, "failed": failed}
        try:
            self._write('\n], "summary": ' + json.dumps(summary) + "}\n")
            self.handle.close()
            os.replace(self.temp, self.path)
        except OSError as exc:
            self.abandon()
            raise OutputIOError(
                f"cannot write report: {exc.strerror or exc}", source=str(self.path)
            ) from None
        except BaseException:
            self.abandon()
            raise


def _jobs(
    paths: list[Path], template: Job, output_dir_of: OutputDirOf
) -> Iterator[Job | BatchResult]:
    """A job per input, or at once a failure when its outputs would clash.

    Two inputs with the same name (`a/x.txt`, `b/x.txt`) would write the same output in
    one output directory; an output may also be another input of the batch (`r.json`
    from `r.txt` when `r.json` is an input too). Either is refused for the later input,
    whatever --force says.
    """
    inputs = {path_key(path): path for path in paths}
    claimed: dict[str, Path] = {}
    for path in paths:
        job = replace(template, path=path, output_dir=output_dir_of(path))
        started = time.perf_counter()
        try:
            targets = output_keys(job)
        except (OSError, ValueError):
            yield job  # an unusable name: its conversion reports it
            continue
        clash = next((t for t in targets if t in claimed or t in inputs), None)
        if clash is None:
            claimed.update(dict.fromkeys(targets, path))
            yield job
            continue
        if clash in claimed:
            reason = f"output {os.path.basename(clash)} would also be written for {claimed[clash]}"
        elif inputs[clash] == path:
            yield input_overwritten(path, started)
            continue
        else:
            reason = (
                f"output {os.path.basename(clash)} would overwrite {inputs[clash]}, "
                "an input of this batch"
            )
        error = OutputError(
            f"{reason}; convert such inputs into separate output directories", source=str(path)
        )
        yield failed(str(path), error, started)


Chunk = list[Job | BatchResult]


def _chunks(items: Iterator[Job | BatchResult], size: int) -> Iterator[Chunk]:
    chunk: Chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parallel(
    job_stream: Iterator[Job | BatchResult], workers: int, chunk_size: int = 1
) -> Iterator[BatchResult]:
    """Results in input order, with at most `2 * workers` chunks of documents in flight.

    Documents go to the workers `chunk_size` at a time: one round trip per chunk rather
    than per document (each costs the main process about half a millisecond, which on a
    two-core machine it takes from the workers). A worker that dies (killed for memory,
    say) breaks the pool: the documents of its chunk are run again one by one, each in a
    worker of its own, so that only the one that kills its worker fails; the chunks still
    pending go to a new pool. However this generator ends (finished, interrupted,
    terminated), the pool goes with it and the temporary files of workers that died are
    removed.
    """
    from concurrent.futures import Future, ProcessPoolExecutor  # only batches pay for them
    from concurrent.futures.process import BrokenProcessPool

    window = 2 * workers
    pending: deque[tuple[Chunk, Future[list[BatchResult]]]] = deque()
    directories: set[Path] = set()

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),)
        )

    _collector.release()  # before forking: the workers collect as usual
    pool = new_pool()

    def submit(chunk: Chunk) -> Future[list[BatchResult]]:
        jobs = [item for item in chunk if isinstance(item, Job)]
        directories.update(job.output_dir or job.path.parent for job in jobs)
        if not jobs:
            done: Future[list[BatchResult]] = Future()
            done.set_result([item for item in chunk if isinstance(item, BatchResult)])
            return done
        try:
            return pool.submit(_run_in_worker, chunk)
        except BrokenProcessPool as exc:  # the pool broke since: handled in order, below
            broken: Future[list[BatchResult]] = Future()
            broken.set_exception(exc)
            return broken

    def next_results() -> list[BatchResult]:
        nonlocal pool
        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            # Any of the documents in flight may have killed the worker: run these alone
            # to know, and give the others a new pool.
            pool.shutdown(wait=True, cancel_futures=True)
            for directory in directories:  # killed workers may have left temporary files
                remove_orphan_temps(directory)
            results = [_run_isolated(item) if isinstance(item, Job) else item for item in chunk]
            pool = new_pool()
            for index, (other, _) in enumerate(pending):
                pending[index] = (other, submit(other))
            return results

    try:
        for chunk in _chunks(job_stream, chunk_size):
            pending.append((chunk, submit(chunk)))
            while len(pending) >= window:
                yield from next_results()
        while pending:
            yield from next_results()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        for directory in directories:
            remove_orphan_temps(directory)


def _run_isolated(job: Job) -> BatchResult:
    """`_run` in a worker of its own; a worker that dies fails only this input."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    started = time.perf_counter()
    with ProcessPoolExecutor(
        max_workers=1, initializer=_start_worker, initargs=(os.getpid(),)
    ) as alone:
        try:
            return alone.submit(_run_in_worker, [job]).result()[0]
        except BrokenProcessPool:
            remove_orphan_temps(job.output_dir or job.path.parent)
            error = InternalError(
                "the worker process converting this input died (out of memory?)",
                source=str(job.path),
            )
            return failed(str(job.path), error, started)


class _Stop(BaseException):
    """Raised in a worker told to stop while converting, so that its temporary files go."""


_busy = False
"""True while a worker converts: a stop signal then unwinds instead of exiting at once."""


def _start_worker(parent: int) -> None:
    """First thing in each worker: leave Ctrl-C to the parent, die with it.

    Ctrl-C reaches every process of the terminal's group: the parent alone decides (it
    lets the documents in flight finish, then stops the pool). SIGTERM, and the parent's
    death however it happened (SIGKILL included), stop the worker at once, its temporary
    files removed.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Have the kernel send SIGTERM when the parent dies (Linux), and watch it anyway.

    The watch also covers systems without `prctl` and a parent that died before the
    request was made; it wakes once a second.
    """
    import signal
    import sys
    import threading

    if sys.platform == "linux":
        import ctypes

        pr_set_pdeathsig = 1
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGTERM))

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os.kill(os.getpid(), signal.SIGTERM)

    if os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGTERM)
    threading.Thread(target=watch, name="resconv-parent-watch", daemon=True).start()


def _stop_worker(signum: int, frame: object) -> None:
    if _busy:
        raise _Stop
    os._exit(128 + signum)


def _run_in_worker(chunk: Chunk) -> list[BatchResult]:
    """`_run` over a chunk in a worker, stopping the process if told to stop meanwhile.

    A stop can land between the creation of a temporary file and the code that would
    remove it: before exiting, the worker removes every temporary file its pid names.
    """
    global _busy
    _busy = True
    try:
        return [item if isinstance(item, BatchResult) else _run(item) for item in chunk]
    except _Stop:
        for job in chunk:
            if isinstance(job, Job):
                remove_own_temps(job.output_dir or job.path.parent)
        os._exit(143)
    finally:
        _busy = False
