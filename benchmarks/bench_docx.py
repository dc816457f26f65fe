"""How long the DOCX writer takes per document in a warm process.

    /work/venv/bin/python benchmarks/bench_docx.py [rounds]

Times the seed (67/38, Chinese, no cover page) and, when ../shared is there, 80/7 (English,
full masthead and job number), 75/246 (the UN's AKN: staffing tables, links) and 80/243
(Chinese, 19 parts). Prints the median and the best time per document; the target is ≤ 30 ms
(median).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import resconv  # noqa: E402  (after the path set-up, to run from a checkout)
from resconv.writers.docx.writer import DocxWriter  # noqa: E402

STRUCTURES = ROOT.parent / "shared" / "corpus" / "un-structures"
SOURCES = (
    ("67/38 (zh)", ROOT / "fixtures" / "A-RES-67-38.zh.txt", "zh"),
    ("80/7 (en)", ROOT.parent / "shared" / "corpus" / "en" / "A-RES-80-7.en.pdf.txt", "en"),
    ("75/246 (en, AKN, tables)", STRUCTURES / "A_RES_75_246.eng.xml", None),
    ("80/243 (zh, AKN, parts)", STRUCTURES / "A_RES_80_243.zho.xml", None),
)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    for label, path, lang in SOURCES:
        if path.exists():
            measure(label, resconv.read(path, lang=lang).value, rounds)


def measure(label: str, resolution: resconv.Resolution, rounds: int) -> None:
    writer = DocxWriter()
    size = len(writer.write(resolution))  # warm-up: templates are parsed once per process
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        writer.write(resolution)
        times.append(time.perf_counter() - start)
    print(
        f"docx {label}: median {statistics.median(times) * 1000:.2f} ms, "
        f"best {min(times) * 1000:.2f} ms over {rounds} runs, {size} bytes"
    )


if __name__ == "__main__":
    main()
