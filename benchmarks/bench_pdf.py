"""Benchmark of the PDF writer: one document in a fresh process, and a warm batch.

    python benchmarks/bench_pdf.py [--batch N]

Three figures for the seed (resolution 67/38, Chinese):
  * cold: a fresh process with an empty glyph cache (every glyph converted);
  * warm disk: a fresh process whose glyph cache is filled (the usual single conversion);
  * warm batch: milliseconds per document in one process converting N documents.
Targets: warm disk ≤ 1.0 s for the whole process, warm batch ≤ 60 ms per document.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "A-RES-67-38.zh.txt"

_ONE = (
    "import resconv, sys; "
    "sys.stdout.buffer.write(resconv.write(resconv.read(sys.argv[1]).value, 'pdf'))"
)


def _process(cache: Path) -> float:
    env = {**os.environ, "RESCONV_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _ONE, str(SEED)], env=env, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def _batch(cache: Path, count: int) -> tuple[list[float], list[float]]:
    os.environ["RESCONV_CACHE_DIR"] = str(cache)
    sys.path.insert(0, str(ROOT))
    import resconv
    from resconv.writers.pdf.writer import PdfWriter

    documents = [resconv.read(str(SEED)).value]
    english = ROOT.parent / "shared" / "corpus" / "en" / "A-RES-80-7.en.akn.xml"
    if english.exists():
        documents.append(resconv.read(str(english)).value)
    writer = PdfWriter()
    for document in documents:
        writer.write(document)  # warm-up: faces opened, glyphs in memory
    wall, cpu = [], []
    for i in range(count):
        start, start_cpu = time.perf_counter(), time.process_time()
        writer.write(documents[i % len(documents)])
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=40, help="documents in the warm batch")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="resconv-bench-") as tmp:
        cache = Path(tmp)
        cold = _process(cache)
        warm = [_process(cache) for _ in range(5)]
        batch, batch_cpu = _batch(cache, args.batch)
    print(f"cold process (empty glyph cache):   {cold:6.2f} s")
    print(
        f"fresh process, warm disk cache:     {statistics.median(warm):6.2f} s "
        f"(median of 5, min {min(warm):.2f})"
    )
    print(
        f"warm batch, per document:           {statistics.median(batch) * 1000:6.1f} ms "
        f"(median of {len(batch)}, max {max(batch) * 1000:.1f}; "
        f"CPU {statistics.median(batch_cpu) * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main()
