"""Scaling of the PDF writer: one paragraph of 1×, 2×, 4×, 8× … the base length.

    python benchmarks/scaling_pdf.py [--base 50000] [--steps 5] [--languages zh,en,ar]

Each step runs in a fresh process: a real resolution (the Chinese seed; when `../shared`
is present, the UN's English A/RES/80/7 and Arabic A/RES/77/306) whose operative part is
replaced by one paragraph made by repeating the resolution's own preamble to the wanted
length. The process writes a small document first (fonts opened, glyphs in memory), then
the long one, and reports the time of that write (wall clock, and CPU time, which other
processes on the machine disturb less; the ratios use CPU time) and the growth of its
peak resident memory over the warm-up. Doubling the input should at most double both.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = {
    "zh": ROOT / "fixtures" / "A-RES-67-38.zh.txt",
    "en": SHARED / "corpus" / "en" / "A-RES-80-7.en.akn.xml",
    "ar": SHARED / "reference" / "akn" / "ga" / "A_RES_77_306.ara.xml",
}

_CHILD = """
import dataclasses, json, resource, sys, time
import resconv
from resconv.model import Text, plain_text

source, length = sys.argv[1], int(sys.argv[2])
res = resconv.read(source).value
body = " ".join(plain_text(p.content) for p in res.preamble)
text = (body * (length // len(body) + 1))[:length]
para = dataclasses.replace(res.operative[0], content=(Text(text=text),))
long = dataclasses.replace(res, operative=(para,), preamble=(), annexes=(), footnotes=())
resconv.write(dataclasses.replace(res, operative=res.operative[:1]), "pdf")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, start_cpu = time.perf_counter(), time.process_time()
pdf = resconv.write(long, "pdf")
seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "cpu": cpu, "growth_kb": after - before, "bytes": len(pdf)}))
"""


def _step(source: Path, length: int, cache: str) -> dict[str, float]:
    env = {**os.environ, "RESCONV_CACHE_DIR": cache, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(source), str(length)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=50_000, help="characters at 1×")
    parser.add_argument("--steps", type=int, default=5, help="1×, 2×, 4× … this many")
    parser.add_argument("--languages", default="zh,en,ar")
    args = parser.parse_args()
    print("| language | characters | time (CPU) | × previous | peak memory growth | × previous |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="resconv-scaling-") as cache:
        for lang in args.languages.split(","):
            source = SOURCES[lang]
            if not source.exists():
                print(f"| {lang} | (source {source.name} absent) | | | | |")
                continue
            previous: dict[str, float] | None = None
            for step in range(args.steps):
                length = args.base << step
                found = _step(source, length, cache)
                mb = found["growth_kb"] / 1024
                ratio_t = ratio_m = ""
                if previous is not None:
                    ratio_t = f"{found['cpu'] / previous['cpu']:.2f}"
                    ratio_m = f"{found['growth_kb'] / max(previous['growth_kb'], 1):.2f}"
                print(
                    f"| {lang} | {length:,} | {found['seconds']:.2f} s ({found['cpu']:.2f} s) "
                    f"| {ratio_t} "
                    f"| {mb:.0f} MB | {ratio_m} |",
                    flush=True,
                )
                previous = found


if __name__ == "__main__":
    main()
