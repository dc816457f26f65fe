"""The `resconv` command: convert, validate, formats.

Errors are one line on stderr and an exit status per kind (see `resconv.errors`), never
a traceback. Warnings go to stderr. Outputs are published atomically.
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # start-up speed: see `_handle_sigterm`
import contextlib
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence

from resconv import _collector, _lazyimport

with (
    _collector.held(),
    _lazyimport.deferred(
        ("ipaddress", "urllib.parse", "fnmatch"), calls=("urllib.parse.quote_from_bytes",)
    ),
):
    # `pathlib` imports `urllib.parse` (with `ipaddress`) for `Path.as_uri` and `fnmatch`
    # for `Path.match` and `glob`, which a conversion of named files never calls: 11 M
    # instructions of a one-file conversion (callgrind, text → AKN: `ipaddress` 6 M,
    # the others 5 M). Imported here first, before the modules below import `pathlib`.
    # The collector held off meanwhile (as for `import resconv`): argparse and pathlib
    # made two collections (text → AKN 184.4 → 183.9 M instructions, callgrind).
    import argparse
    from pathlib import Path

from resconv import __version__
from resconv._atomic import prepare_output_dir, publish, remove_if_empty
from resconv.conversion import DEFAULT_MAX_BYTES, Conversion, convert_bytes
from resconv.errors import (
    InputNotFoundError,
    InternalError,
    OutputIOError,
    ResconvError,
    UsageError,
)

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Any

    from resconv.job import BatchResult

__all__ = ["main"]

EXIT_INVALID = 1
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """SIGTERM (sent by `timeout`, job schedulers, `kill`): stop as for Ctrl-C."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


class _Parser(argparse.ArgumentParser):
    """argparse that raises `UsageError` instead of printing usage and exiting with 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> Any:
        raise UsageError(f"{message} (see '{self.prog} --help')")


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal's width.

    Speed: left to itself it imports `shutil` (with zlib, bz2 and lzma) to ask, on every
    start, even when no help is printed; about 3 ms of a one-file conversion.
    """

    def __init__(self, prog: str) -> None:
        try:
            width = int(os.environ.get("COLUMNS", "0")) or os.get_terminal_size(2).columns
        except (ValueError, OSError):
            width = 80
        super().__init__(prog, width=max(width - 2, 20))


def _add_convert_arguments(convert: argparse.ArgumentParser) -> None:
    convert.add_argument("inputs", nargs="+", metavar="INPUT")
    convert.add_argument(
        "-t",
        "--to",
        default="akn",
        metavar="FORMATS",
        help="comma-separated output formats: akn, json, docx, pdf (default: akn)",
    )
    convert.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="output directory, or '-' for standard output "
        "(default: beside each input; standard output for '-')",
    )
    convert.add_argument(
        "-f",
        "--from",
        dest="input_format",
        metavar="FORMAT",
        help="input format: text, akn, json, pdf, docx (default: detected)",
    )
    convert.add_argument(
        "--lang",
        metavar="CODE",
        help="language of text input: ar, zh, en, fr, ru, es (default: detected)",
    )
    convert.add_argument("--strict", action="store_true", help="treat warnings as errors")
    convert.add_argument("--force", action="store_true", help="replace existing output files")
    convert.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="parallel worker processes (default: number of cores)",
    )
    convert.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no warnings; errors only"
    )
    convert.add_argument("--report", metavar="FILE", help="write a JSON report of the batch")
    convert.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse inputs larger than N bytes (default: {DEFAULT_MAX_BYTES})",
    )


def _add_validate_arguments(validate: argparse.ArgumentParser) -> None:
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    validate.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse files larger than N bytes (default: {DEFAULT_MAX_BYTES})",
    )


def _add_no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


_COMMANDS = {
    "convert": (
        "convert resolutions (text, AKN or JSON) to other formats",
        "Convert resolutions. INPUT may be files, directories, glob patterns, "
        "or '-' for standard input.",
        _add_convert_arguments,
    ),
    "validate": (
        "validate Akoma Ntoso files (OASIS schema and resconv's AKN4UN profile)",
        "Exit status: 0 all valid, 1 some invalid, 65/66 unreadable input.",
        _add_validate_arguments,
    ),
    "formats": ("list the input and output formats", None, _add_no_arguments),
}
"""Each command: its line in `resconv --help`, its description, what adds its arguments."""


def _build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser of `argv`: every command listed, only the one `argv` names given its
    arguments.

    Speed: argparse formats each argument's usage as it is added (to check its metavar);
    the arguments of the commands not run cost 0.3 M instructions of a conversion and
    1.1 M of `resconv --help` (callgrind; benchmarks/README.md). The command argparse
    runs is the first word of `argv` that names one: the top level's options (`--help`,
    `--version`) take no value, so an earlier word naming a command would have been
    taken as the command.
    """
    parser = _Parser(
        prog="resconv",
        description="Convert UN General Assembly resolutions to Akoma Ntoso, JSON, DOCX and PDF.",
    )
    parser.add_argument("--version", action="version", version=f"resconv {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    named = next((word for word in argv if word in _COMMANDS), None)
    for name, (summary, description, add_arguments) in _COMMANDS.items():
        command = commands.add_parser(name, help=summary, description=description)
        if name == named:
            add_arguments(command)
    return parser


def console() -> int:
    """The `resconv` command (and `python -m resconv`): `main`, then the process ends."""
    status = main()
    _collector.freeze_for_exit()
    _end_process(status)
    return status  # `_end_process` left the ending to Python


def _end_process(status: int) -> None:
    """End the process now with `status`, as Python's own ending would, without tearing
    down every module and object first.

    Speed: Python's shutdown frees each object of the process one by one, about 20 M
    instructions of a one-file text → AKN conversion's 207 M (callgrind), for nothing
    the process still needs. The standard streams are flushed and the `atexit`
    functions run (resconv's code cache is saved by one), as at a normal exit. Returns,
    leaving the ending to Python, when that could differ: threads still running (a
    batch's pool), or a stream that cannot be flushed.
    """
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    if not _flush_standard_streams():
        return
    import atexit

    atexit._run_exitfuncs()
    if _flush_standard_streams():
        os._exit(status)
    # What an `atexit` function printed could not be flushed: Python's ending reports it.


def _flush_standard_streams() -> bool:
    """Flush stdout and stderr; whether both could be."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Python's collector is held off through the start and the first document (see
    `resconv._collector`), and given back as it was on return.
    """
    _collector.hold()
    try:
        return _main(argv)
    finally:
        _collector.release()  # the collector as the caller had it


def _main(argv: Sequence[str] | None) -> int:
    previous = _handle_sigterm()
    try:
        words = sys.argv[1:] if argv is None else list(argv)
        args = _build_parser(words).parse_args(words)
        if args.command == "convert":
            return _convert(args)
        if args.command == "validate":
            return _validate(args)
        if args.command == "formats":
            return _formats()
        raise UsageError("a command is required: convert, validate or formats (see --help)")
    except ResconvError as exc:
        _say(f"error: {exc}")
        return exc.exit_code
    except Terminated:
        _say("terminated")
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as exc:  # a bug: one line, not a traceback
        error = InternalError(f"internal error ({type(exc).__name__}: {exc}); please report it")
        _say(f"error: {error}")
        return error.exit_code
    finally:
        if previous is not None:
            _signal.signal(_signal.SIGTERM, previous)


def _handle_sigterm() -> Any:
    """Make SIGTERM unwind like Ctrl-C (temporary files removed); the previous handler.

    Only when SIGTERM still has its default action (a host application that installed its
    own keeps it) and from the main thread (Python allows no other: ValueError).

    Speed: through `_signal`, the C module `signal` wraps, whose handlers are plain ints
    instead of enum members: `signal` builds its three enums from `_signal`'s constants
    at import, 3.1 M instructions of a one-file conversion's 198.5 M (callgrind).
    """
    if _signal.getsignal(_signal.SIGTERM) != _signal.SIG_DFL:
        return None
    try:
        return _signal.signal(_signal.SIGTERM, _terminate)
    except ValueError:
        return None


_UNPRINTABLE = None


def printable(text: str) -> str:
    """`text` safe for a terminal: control characters, bidirectional overrides and
    undecodable bytes of file names shown as escapes (``\\n``, ``\\x1b``), never sent raw."""
    global _UNPRINTABLE
    if _UNPRINTABLE is None:
        _UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1] if match.group() != "\\" else "\\"


def _say(message: str) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"resconv: {printable(message)}", file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    # After a broken pipe, stop Python from complaining again while flushing at exit.
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _formats() -> int:
    from resconv.readers import available_readers
    from resconv.writers import available_writers

    _print_lines(
        ["input: " + ", ".join(available_readers()), "output: " + ", ".join(available_writers())]
    )
    return 0


def _formats_from(option: str) -> list[str]:
    formats = [name.strip() for name in option.split(",") if name.strip()]
    if not formats:
        raise UsageError("--to needs at least one format")
    from resconv.writers import get_writer

    for name in formats:
        get_writer(name)
    return formats


def _convert(args: argparse.Namespace) -> int:
    formats = _formats_from(args.to)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.max_bytes < 1:
        raise UsageError("--max-bytes must be at least 1")
    if args.report is not None and ("-" in args.inputs or args.output == "-"):
        raise UsageError("--report is for batches written to files, not standard output")
    if "-" in args.inputs:
        if len(args.inputs) > 1:
            raise UsageError("'-' (standard input) cannot be combined with other inputs")
        return _convert_stream(args, formats)
    if args.output == "-":
        return _convert_to_stdout(args, formats)
    return _convert_batch(args, formats)


def _convert_data(
    args: argparse.Namespace, formats: list[str], data: bytes, source: str
) -> Conversion:
    """`data` converted as `args` ask; its warnings go to standard error unless quiet."""
    conversion = convert_bytes(
        data,
        formats,
        format=args.input_format,
        lang=args.lang,
        strict=args.strict,
        source=source,
        max_bytes=args.max_bytes,
    )
    if not args.quiet:
        for diagnostic in conversion.diagnostics:
            if diagnostic.severity == "warning":
                _say(f"{source}: {diagnostic}")
    return conversion


def _convert_stream(args: argparse.Namespace, formats: list[str]) -> int:
    if args.output in (None, "-") and len(formats) != 1:
        raise UsageError("standard output takes one format; use -o DIR for several")
    if sys.stdin is None:  # started with standard input closed
        raise InputNotFoundError("standard input is closed", source="<stdin>")
    data = sys.stdin.buffer.read(args.max_bytes + 1)  # never more than the limit in memory
    conversion = _convert_data(args, formats, data, "<stdin>")
    if args.output in (None, "-"):
        _write_stdout(conversion.outputs[formats[0]])
        return 0
    from resconv.job import output_paths

    directory = Path(args.output)
    created = prepare_output_dir(directory)
    targets = output_paths(Path("stdin"), formats, directory)
    try:
        publish(
            [(t, conversion.outputs[f]) for t, f in zip(targets, formats, strict=True)],
            force=args.force,
        )
    finally:
        if created:
            remove_if_empty(directory)
    return 0


def _convert_to_stdout(args: argparse.Namespace, formats: list[str]) -> int:
    from resconv.batch import expand_inputs

    paths = list(expand_inputs(args.inputs))
    if len(paths) != 1 or len(formats) != 1:
        raise UsageError("standard output (-o -) takes exactly one input and one format")
    from resconv.conversion import load_source

    data, _ = load_source(paths[0], args.max_bytes)
    conversion = _convert_data(args, formats, data, str(paths[0]))
    _write_stdout(conversion.outputs[formats[0]])
    return 0


def _write_stdout(data: bytes) -> None:
    """Write an output to standard output; a full disk there is an I/O error, not a bug."""
    if sys.stdout is None:  # started with standard output closed
        raise OutputIOError("standard output is closed", source="<stdout>")
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputIOError(f"cannot write: {exc.strerror or exc}", source="<stdout>") from None
    except ValueError:  # a closed file object
        raise OutputIOError("standard output is closed", source="<stdout>") from None


def _print_lines(lines: list[str]) -> None:
    """Print `lines` (made safe for a terminal) to standard output, or fail with exit 74."""
    if lines:
        _write_stdout("".join(printable(line) + "\n" for line in lines).encode())


def _convert_batch(args: argparse.Namespace, formats: list[str]) -> int:
    created = args.output is not None and prepare_output_dir(Path(args.output))
    if len(args.inputs) == 1 and args.report is None and os.path.isfile(args.inputs[0]):
        try:
            return _report_results(args, [_convert_one(args, formats)], 1)
        finally:
            if created:
                remove_if_empty(Path(args.output))
    from resconv.batch import Batch

    try:
        batch = Batch(
            args.inputs,
            formats,
            args.output,
            jobs=args.jobs,
            format=args.input_format,
            lang=args.lang,
            strict=args.strict,
            force=args.force,
            max_bytes=args.max_bytes,
            report=args.report,
        )
        if not batch.paths:
            raise UsageError("no input files found")
        return _report_results(args, batch.run(), len(batch.paths))
    finally:
        if created:
            remove_if_empty(Path(args.output))


def _convert_one(args: argparse.Namespace, formats: list[str]) -> BatchResult:
    """One named file converted as a batch of it would be (`resconv.batch.Batch`), without
    importing the batch machinery (start-up speed: resconv/job.py)."""
    from resconv._atomic import remove_orphan_temps
    from resconv.job import Job, input_overwritten, output_keys, path_key, resolved_dirs, run

    path = Path(args.inputs[0])
    output_dir = None if args.output is None else Path(args.output)
    job = Job(
        path,
        tuple(formats),
        output_dir,
        args.input_format,
        args.lang,
        args.strict,
        args.force,
        args.max_bytes,
    )
    resolved_dirs.clear()
    remove_orphan_temps(output_dir or path.parent)  # what a killed run left behind
    started = time.perf_counter()
    try:
        overwritten = path_key(path) in output_keys(job)
    except (OSError, ValueError):
        overwritten = False  # an unusable name: its conversion reports it
    return input_overwritten(path, started) if overwritten else run(job)


def _report_results(args: argparse.Namespace, results: Iterable[BatchResult], total: int) -> int:
    """Each input's errors and warnings said as its result comes; the exit status."""
    failures: list[int] = []
    progress = _Progress(total, enabled=not args.quiet and total > 1)
    try:
        for result in results:
            if result.status == "error":
                failures.append(result.exit_code)
                progress.write(f"resconv: error: {result.error}")
            elif not args.quiet:
                for warning in result.warnings:
                    progress.write(f"resconv: {result.input}: {warning}")
            progress.advance()
    finally:
        progress.close()
    if not failures:
        return 0
    if total > 1:
        _say(f"{len(failures)} of {total} inputs failed")
    return failures[0] if len(set(failures)) == 1 else EXIT_INVALID


def _validate(args: argparse.Namespace) -> int:
    from resconv.validation import validate

    if args.max_bytes < 1:
        raise UsageError("--max-bytes must be at least 1")
    unreadable: list[int] = []
    invalid = 0
    for name in args.files:
        try:
            report = validate(Path(name), max_bytes=args.max_bytes)
        except ResconvError as exc:
            if exc.source is None:
                exc.source = name
            _say(f"error: {exc}")
            unreadable.append(exc.exit_code)
            continue
        issues = report.errors if args.quiet else report.issues
        lines = [issue.format(report.source) for issue in issues]
        if report.valid and not args.quiet:
            lines.append(f"{name}: valid")
        _print_lines(lines)
        invalid += not report.valid
    if unreadable:
        return unreadable[0]
    return EXIT_INVALID if invalid else 0


class _Progress:
    """A progress bar on a terminal (rich), nothing elsewhere."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar: Any = None
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(transient=True, console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task("converting", total=total)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def write(self, line: str) -> None:
        line = printable(line)
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            with contextlib.suppress(OSError):
                print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(console())
