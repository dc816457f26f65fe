"""How long the DOCX writer takes for the seed (67/38, Chinese) in a warm process.

    /work/venv/bin/python benchmarks/bench_docx.py [rounds]

Prints the median and the best time per document; the target is ≤ 30 ms (median).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import resconv  # noqa: E402  (after the path set-up, to run from a checkout)
from resconv.writers.docx import DocxWriter  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    resolution = resconv.read(ROOT / "fixtures" / "A-RES-67-38.zh.txt").value
    writer = DocxWriter()
    size = len(writer.write(resolution))  # warm-up: templates are parsed once per process
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        writer.write(resolution)
        times.append(time.perf_counter() - start)
    print(
        f"docx 67/38 (zh): median {statistics.median(times) * 1000:.2f} ms, "
        f"best {min(times) * 1000:.2f} ms over {rounds} runs, {size} bytes"
    )


if __name__ == "__main__":
    main()
