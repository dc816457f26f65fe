"""How time and memory grow with the input: 1×, 2×, 4×, 8×, 16× the size, per step.

Each row of the registry `ENTRIES` is a name, a function making the input of size step n,
and the operation to time. Every (entry, step) runs in a fresh process: the time is the
CPU time of the process (other jobs on a shared machine do not count), best of a few
runs; the memory the peak resident set during the operation above what the
process held before it (the kernel's high-water mark, reset just before; Linux). Doubling
the input should at most double both (± noise); `--check` exits 1 when a step grows more
than `--tolerance` times that.

    python benchmarks/scaling.py                   # every entry
    python benchmarks/scaling.py --only validate   # entries whose name contains a word
    python benchmarks/scaling.py --check           # fail on growth faster than linear

To add a row, append an `Entry` to `ENTRIES` (here, or from a script of your own that
imports this one and calls `main()`): `make_input(n)` returns what `run` takes, and is not
timed.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import resconv  # noqa: E402

SEED = ROOT / "fixtures" / "A-RES-67-38.zh.txt"
STEPS = (1, 2, 4, 8, 16)


@dataclass(frozen=True)
class Entry:
    """One row: `run(make_input(n))` is timed for each step n."""

    name: str
    make_input: Callable[[int], Any]
    run: Callable[[Any], object]
    unit: str
    """What step 1 is, for the table: "200 paragraphs"."""


@cache
def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def paragraphs_text(n: int, per_step: int = 200) -> bytes:
    """The seed with `n * per_step` operative paragraphs (its first one, renumbered)."""
    text = _seed_text()
    match = re.search(r"^ *1\.\s", text, re.MULTILINE)
    assert match is not None
    end = text.index("\n", match.end())
    body = text[match.end() : end]
    extra = "".join(f"\n {k}. {body}" for k in range(2, 2 + n * per_step))
    return (text[:end] + extra + text[end:]).encode()


def long_paragraph_text(n: int, per_step: int = 50_000) -> bytes:
    """The seed with its first operative paragraph `n * per_step` characters longer."""
    text = _seed_text()
    match = re.search(r"^ *1\.\s", text, re.MULTILINE)
    assert match is not None
    end = text.index("\n", match.end())
    body = text[match.end() : end].strip()
    filler = (body * (n * per_step // len(body) + 1))[: n * per_step]
    return (text[:end] + filler + text[end:]).encode()


@cache
def model(n: int) -> resconv.Resolution:
    return resconv.read_bytes(paragraphs_text(n)).value


def invalid_attributes(n: int, per_step: int = 4_000) -> bytes:
    """The seed's AKN with `n * per_step` attributes the schema does not allow."""
    akn = resconv.write(model(1), "akn")
    bogus = b" ".join(b'bogus%d="x"' % i for i in range(n * per_step))
    return akn.replace(b"<preamble>", b"<preamble " + bogus + b">", 1)


def misnamed_paragraphs(n: int) -> bytes:
    """The AKN of `n * 200` paragraphs whose eIds break the naming convention: one profile
    finding (a warning with its message) per paragraph."""
    return resconv.write(model(n), "akn").replace(b'eId="para_', b'eId="x_para_')


def unnamed_paragraphs(n: int, per_step: int = 5_000) -> bytes:
    """The seed's AKN with `n * per_step` more paragraphs side by side, none with an eId:
    a profile warning each, from a rule whose context is a union of element names."""
    akn = resconv.write(model(1), "akn")
    extra = b"<paragraph><content><p/></content></paragraph>" * (n * per_step)
    return akn.replace(b"</mainBody>", extra + b"</mainBody>", 1)


def _read(form: str | None) -> Callable[[bytes], object]:
    return lambda data: resconv.read_bytes(data, format=form)


ENTRIES: list[Entry] = [
    Entry("read text, paragraphs", paragraphs_text, _read("text"), "200 paragraphs"),
    Entry("read text, one paragraph", long_paragraph_text, _read("text"), "50k characters"),
    Entry("read akn", lambda n: resconv.write(model(n), "akn"), _read("akn"), "200 paragraphs"),
    Entry(
        "read akn, one paragraph",
        lambda n: resconv.write(resconv.read_bytes(long_paragraph_text(n)).value, "akn"),
        _read("akn"),
        "50k characters",
    ),
    Entry("read json", lambda n: resconv.write(model(n), "json"), _read("json"), "200 paragraphs"),
    Entry("read pdf", lambda n: resconv.write(model(n), "pdf"), _read("pdf"), "200 paragraphs"),
    Entry("read docx", lambda n: resconv.write(model(n), "docx"), _read("docx"), "200 paragraphs"),
    Entry("write akn", model, lambda m: resconv.write(m, "akn"), "200 paragraphs"),
    Entry("write json", model, lambda m: resconv.write(m, "json"), "200 paragraphs"),
    Entry(
        "validate",
        lambda n: resconv.write(model(n), "akn"),
        resconv.validate,
        "200 paragraphs",
    ),
    Entry("validate, invalid attributes", invalid_attributes, resconv.validate, "4,000 errors"),
    Entry("validate, profile findings", misnamed_paragraphs, resconv.validate, "200 paragraphs"),
    Entry(
        "validate, sibling findings",
        unnamed_paragraphs,
        resconv.validate,
        "5,000 paragraphs without eId",
    ),
]


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def measure(entry: Entry, n: int, repeat: int) -> dict[str, float]:
    """CPU seconds (best of `repeat`) and peak MB above the start, of one step, in this process."""
    data = entry.make_input(n)
    size = len(data) if isinstance(data, bytes | str) else len(entry.make_input.__name__)
    entry.run(data)  # warm: imports, compiled schemas, caches
    gc.collect()
    before = _status_kb("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to now
    except OSError:
        before = None
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        entry.run(data)
        best = min(best, time.process_time() - started)
    peak = _status_kb("VmHWM")
    extra = (peak - before) / 1024 if peak is not None and before is not None else float("nan")
    return {"seconds": best, "mb": extra, "size": size}


def _child(name: str, n: int, repeat: int) -> None:
    entry = next(e for e in ENTRIES if e.name == name)
    print(json.dumps(measure(entry, n, repeat)))


def run_entry(entry: Entry, repeat: int) -> list[dict[str, float]]:
    rows = []
    for n in STEPS:
        out = subprocess.run(
            [sys.executable, __file__, "--child", entry.name, str(n), str(repeat)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows.append({"n": n, **json.loads(out.splitlines()[-1])})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="entries whose name contains this")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="exit 1 on growth beyond linear")
    parser.add_argument("--tolerance", type=float, default=1.5, help="allowed × per doubling / 2")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], int(args.child[1]), int(args.child[2]))
        return 0
    too_fast = []
    print("| operation | step 1 | " + " | ".join(f"{n}×" for n in STEPS) + " | worst doubling |")
    print("|---|---|" + "---|" * len(STEPS) + "---|")
    for entry in ENTRIES:
        if args.only not in entry.name:
            continue
        rows = run_entry(entry, args.repeat)
        cells = [f"{r['seconds'] * 1000:.0f} ms, {r['mb']:.0f} MB" for r in rows]
        worst_time = max(b["seconds"] / a["seconds"] for a, b in itertools.pairwise(rows))
        worst_mb = max(
            (b["mb"] / a["mb"] for a, b in itertools.pairwise(rows) if a["mb"] >= 1), default=0
        )
        print(
            f"| {entry.name} | {entry.unit} | "
            + " | ".join(cells)
            + f" | time ×{worst_time:.1f}, memory ×{worst_mb:.1f} |",
            flush=True,
        )
        limit = 2 * args.tolerance
        # Tiny steps are noise: only from 10 ms and 4 MB is growth judged.
        timed = [(a, b) for a, b in itertools.pairwise(rows) if a["seconds"] >= 0.01]
        sized = [(a, b) for a, b in itertools.pairwise(rows) if a["mb"] >= 4]
        if any(b["seconds"] > limit * a["seconds"] for a, b in timed) or any(
            b["mb"] > limit * a["mb"] for a, b in sized
        ):
            too_fast.append(entry.name)
    if too_fast:
        print(f"\ngrowing faster than linear: {', '.join(too_fast)}")
    return 1 if args.check and too_fast else 0


if __name__ == "__main__":
    sys.exit(main())
