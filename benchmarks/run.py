"""resconv's benchmark suite: plain Python, runnable by anyone from the repository root.

    python benchmarks/run.py            # everything (a few minutes)
    python benchmarks/run.py --quick    # fewer repetitions, a smaller batch
    python benchmarks/run.py --startup  # only one-document processes and their imports
    python benchmarks/run.py --batch    # only 265 resolutions to AKN + DOCX + PDF, --jobs 2

Prints a table of:
- warm per-document times for each reader and writer (median of many runs in one process);
- whole-process times of `resconv convert` for one document, per format;
- a batch of many resolutions to AKN + DOCX + PDF with --jobs 1 and --jobs 2, with wall time,
  CPU time (all processes) and peak memory (largest process), at two batch sizes to show
  memory stays flat.

The batch inputs are copies of the bundled seed and, when ../shared is present, of the real
English resolutions and the UN's AKN files, renamed so that every output is distinct.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "A-RES-67-38.zh.txt"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import resconv  # noqa: E402
from resconv.writers import available_writers  # noqa: E402


def warm(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds of `fn` after a few warm-up calls."""
    for _ in range(5):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


_MEASURE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(time.perf_counter() - start, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)"
)


def process(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB, the largest of its processes) and CPU seconds (user +
    system, all its processes) of one command.

    A fresh wrapper process runs the command, so the figures are this command's alone
    (RUSAGE_CHILDREN covers the command and the workers it waited for).
    """
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024, float(out[2])


def startup(
    command: list[str], cwd: Path, runs: int, env: dict[str, str] | None = None
) -> tuple[float, float, float, float]:
    """Best and median wall seconds, then best and median CPU seconds (user + system), of
    `command` over `runs` runs, after one to warm caches.

    The best run is the figure to compare on a shared machine: other load only adds time.
    CPU time is what load inflates least: compare it between alternating runs.
    """
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
    wall, cpu = [], []
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall.append(time.perf_counter() - started)
        if status != 0:
            raise SystemExit(f"{' '.join(command)} failed")
        cpu.append(usage.ru_utime + usage.ru_stime)
    return min(wall), statistics.median(wall), min(cpu), statistics.median(cpu)


def import_top(
    command: list[str], cwd: Path, count: int = 10, env: dict[str, str] | None = None
) -> list[tuple[str, float]]:
    """The `count` modules with the largest cumulative import time (ms), from
    ``python -X importtime``, median over 5 runs."""
    totals: dict[str, list[float]] = {}
    for _ in range(5):
        err = subprocess.run(
            command,
            cwd=cwd,
            check=True,
            capture_output=True,
            text=True,
            env={**(os.environ if env is None else env), "PYTHONPROFILEIMPORTTIME": "1"},
        ).stderr
        for line in err.splitlines():
            parts = line.split("|")
            if line.startswith("import time:") and len(parts) == 3 and parts[1].strip().isdigit():
                totals.setdefault(parts[2].strip(), []).append(int(parts[1]) / 1000)
    ranked = sorted(totals.items(), key=lambda item: -statistics.median(item[1]))
    return [(name, statistics.median(ms)) for name, ms in ranked[:count]]


def batch_inputs(directory: Path, count: int) -> None:
    sources = [SEED]
    sources += sorted(SHARED.glob("corpus/en/*.txt"))
    sources += sorted(SHARED.glob("reference/akn/ga/*.xml"))
    sources += sorted(SHARED.glob("corpus/en/*.akn.xml"))
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source = sources[i % len(sources)]
        suffix = ".xml" if source.suffix == ".xml" else ".txt"
        shutil.copyfile(source, directory / f"doc-{i:04d}{suffix}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--startup", action="store_true", help="only the start-up figures and import top ten"
    )
    parser.add_argument(
        "--batch",
        action="store_true",
        help="only the batch of 265 resolutions to AKN + DOCX + PDF with --jobs 2",
    )
    parser.add_argument(
        "--python",
        metavar="PATH",
        help="with --startup or --batch: the interpreter to measure (a virtualenv's, after "
        "pip install .)",
    )
    args = parser.parse_args()
    if args.startup:
        startup_report(quick=args.quick, python=args.python)
        return
    if args.batch:
        batch_report(python=args.python)
        return
    repeat = 20 if args.quick else 200
    rows: list[tuple[str, str]] = []

    seed = SEED.read_bytes()
    model = resconv.read_bytes(seed).value
    rows.append(
        (
            "text → model, seed (warm)",
            f"{warm(lambda: resconv.read_bytes(seed), repeat) * 1000:.2f} ms",
        )
    )
    rows.append(
        (
            "text → AKN, seed (warm)",
            f"{warm(lambda: resconv.convert_bytes(seed, ['akn']), repeat) * 1000:.2f} ms",
        )
    )
    english = SHARED / "corpus" / "en" / "A-RES-80-7.en.pdf.txt"
    if english.exists():
        data = english.read_bytes()
        rows.append(
            (
                "text → model, A/RES/80/7 en (warm)",
                f"{warm(lambda: resconv.read_bytes(data), repeat) * 1000:.2f} ms",
            )
        )
    for fmt in available_writers():
        rounds = repeat if fmt in ("akn", "json") else max(10, repeat // 10)
        seconds = warm(lambda fmt=fmt: resconv.write(model, fmt), rounds)
        rows.append((f"model → {fmt}, seed (warm)", f"{seconds * 1000:.2f} ms"))
    akn = resconv.write(model, "akn")
    rows.append(
        (
            "AKN → model, seed (warm)",
            f"{warm(lambda: resconv.read_bytes(akn), repeat) * 1000:.2f} ms",
        )
    )
    un_file = SHARED / "reference" / "akn" / "ga" / "A_RES_77_306.eng.xml"
    if un_file.exists():
        un = un_file.read_bytes()
        rows.append(
            (
                "AKN → model, UN A/RES/77/306 eng (warm)",
                f"{warm(lambda: resconv.read_bytes(un), repeat) * 1000:.2f} ms",
            )
        )
    rows.append(
        (
            "validate AKN (XSD + profile), seed (warm)",
            f"{warm(lambda: resconv.validate(akn), max(10, repeat // 10)) * 1000:.2f} ms",
        )
    )

    exe = shutil.which("resconv") or sys.executable
    prefix = [exe] if exe.endswith("resconv") else [exe, "-m", "resconv"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for fmt in ("akn", "json", "docx", "pdf"):
            times = []
            for _ in range(3 if args.quick else 5):
                out = work / f"one-{fmt}"
                shutil.rmtree(out, ignore_errors=True)
                times.append(
                    process(
                        [*prefix, "convert", str(SEED), "--to", fmt, "-o", str(out), "--quiet"],
                        work,
                    )[0]
                )
            rows.append(
                (
                    f"whole process: resconv convert --to {fmt}, seed",
                    f"{statistics.median(times) * 1000:.0f} ms",
                )
            )
        # Memory must stay flat whatever the batch size: the largest batch runs with --jobs 2.
        plans = [(50, (1, 2))] if args.quick else [(50, (1, 2)), (265, (1, 2)), (1000, (2,))]
        for size, job_counts in plans:
            inputs = work / f"batch-{size}"
            batch_inputs(inputs, size)
            for jobs in job_counts:
                out = work / f"out-{size}-{jobs}"
                wall, peak, cpu = process(_batch_command(prefix, inputs, out, jobs), work)
                rows.append(
                    (
                        f"batch of {size} → AKN+DOCX+PDF, --jobs {jobs}",
                        f"{wall:.1f} s, CPU {cpu:.1f} s, peak {peak:.0f} MB",
                    )
                )

    width = max(len(name) for name, _ in rows)
    print(
        f"resconv {resconv.__version__} · Python {platform.python_version()} · "
        f"{platform.machine()} · {os.cpu_count()} cores · {platform.platform()}"
    )
    print(f"{'measure':<{width}}  figure")
    print(f"{'-' * width}  ------")
    for name, figure in rows:
        print(f"{name:<{width}}  {figure}")


def _batch_command(prefix: list[str], inputs: Path, out: Path, jobs: int) -> list[str]:
    return [
        *prefix,
        "convert",
        str(inputs),
        "--to",
        "akn,docx,pdf",
        "-o",
        str(out),
        "--jobs",
        str(jobs),
        "--quiet",
        "--report",
        str(out.parent / f"report-{out.name}.json"),
    ]


def batch_report(*, python: str | None) -> None:
    """The batch of 265 resolutions to AKN + DOCX + PDF with --jobs 2, three runs (the
    first also warms the system's file cache): wall, CPU (user + system of every process)
    and peak memory of each. `--python` runs another interpreter's installed resconv."""
    prefix = [sys.executable, "-m", "resconv"] if python is None else [python, "-m", "resconv"]
    if python is not None:
        os.environ.pop("PYTHONPATH", None)  # that interpreter's own resconv, not this checkout
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = work / "batch-265"
        batch_inputs(inputs, 265)
        for run in range(3):
            out = work / f"out-{run}"
            wall, peak, cpu = process(_batch_command(prefix, inputs, out, 2), work)
            print(
                f"batch of 265 → AKN+DOCX+PDF, --jobs 2: {wall:.1f} s, CPU {cpu:.1f} s, "
                f"peak {peak:.0f} MB"
            )


def startup_report(*, quick: bool, python: str | None) -> None:
    """Whole-process times of one-document conversions (text to AKN, JSON, DOCX and, a
    quarter as many times, PDF), and what their imports cost.

    Run with bytecode compiled (`python -m compileall resconv`). `--python` runs another
    interpreter, such as that of a scratch virtualenv with `pip install .` (as users get
    resconv: no editable install's import hook, which adds pathlib and more to every start):
    then the package it has installed is measured, not this checkout.
    """
    runs = 10 if quick else 40
    env = None
    interpreter = sys.executable
    if python is not None:
        interpreter = python
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    command = [interpreter, "-m", "resconv", "convert", str(SEED), "--quiet"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)

        def line(name: str, figures: tuple[float, float, float, float]) -> None:
            wall_best, wall_median, cpu_best, cpu_median = (f * 1000 for f in figures)
            print(
                f"{name}: best {wall_best:.0f} ms, median {wall_median:.0f} ms; "
                f"CPU best {cpu_best:.0f} ms, median {cpu_median:.0f} ms"
            )

        line("python -c pass", startup([interpreter, "-c", "pass"], work, runs, env))
        for fmt in ("akn", "json", "docx", "pdf"):
            one = [*command, "--to", fmt, "-o", str(work / fmt), "--force"]
            line(f"text → {fmt}", startup(one, work, runs // 4 if fmt == "pdf" else runs, env))
        for fmt in ("akn", "docx"):
            print(f"\nimport top ten, text → {fmt} (cumulative ms):")
            one = [*command, "--to", fmt, "-o", str(work / fmt), "--force"]
            for name, ms in import_top(one, work, env=env):
                print(f"  {ms:6.1f}  {name}")


if __name__ == "__main__":
    main()
