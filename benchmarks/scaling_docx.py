"""How the DOCX writer's time and memory grow with its input: 1×, 2×, 4×, 8×.

    /work/venv/bin/python benchmarks/scaling_docx.py [--steps 4] [--rounds 3]

Two shapes of huge input, each in Chinese (ambiguous punctuation gets runs of its own, so it
is the costly language) with a footnote every 2,000 characters:

- one operative paragraph of 131,072 characters at 1×, 1,048,576 (3 MB of UTF-8) at 8×;
- 1,250 operative paragraphs at 1×, 10,000 at 8×, each with a subparagraph, plus a table
  of as many rows as paragraphs / 10.

Each step runs in a fresh process (so memory peaks do not mix): the best CPU time of `rounds`
writes (CPU time, so that other processes on a shared machine do not blur the ratios), and
the peak resident memory the write added on top of the process with the model
built (`ru_maxrss`, which counts lxml's C allocations too; tracemalloc would miss them).
Linear means each doubling of the input roughly doubles time and memory (ratio ≈ 2).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCE = "大会重申“多边主义”是裁军谈判的核心原则……并呼吁各国——包括核武器国家——充分履约。"
"""33 characters with every kind of Chinese ambiguous punctuation (one run each)."""


def model(shape: str, scale: int) -> object:
    """The input model of `shape` ("paragraph" or "paragraphs") at `scale` (1, 2, 4, 8)."""
    from resconv import build as b

    notes: list[object] = []

    def text_with_notes(characters: int) -> list[object]:
        pieces: list[object] = []
        written = 0
        while written < characters:
            chunk = (SENTENCE * (2000 // len(SENTENCE) + 1))[: min(2000, characters - written)]
            pieces.append(chunk)
            written += len(chunk)
            marker = str(len(notes) + 1)
            pieces.append(b.ref(marker))
            notes.append(b.footnote(marker, f"注{marker}。"))
        return pieces

    if shape == "paragraph":
        operative = [b.operative(*text_with_notes(128 * 1024 * scale), number="1.")]
    else:
        count = 1250 * scale
        operative = [
            b.operative(
                *text_with_notes(80),
                number=f"{n}.",
                subparagraphs=[b.subparagraph("(a)", SENTENCE)],
            )
            for n in range(1, count + 1)
        ]
        rows = [b.row("项目", "数目", header=True)]
        rows += [b.row(f"第{n}项", f"{n * 1000:,}") for n in range(count // 10)]
        operative.append(b.table(*rows))
    return b.resolution(language="zh", title="规模", operative=operative, footnotes=notes)


def step(shape: str, scale: int, rounds: int) -> dict[str, float]:
    """One measurement, in this process: build the model, then time the writes."""
    from resconv.writers.docx.writer import DocxWriter

    resolution = model(shape, scale)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    size = 0
    for _ in range(rounds):
        start = time.process_time()
        size = len(DocxWriter().write(resolution))  # type: ignore[arg-type]
        times.append(time.process_time() - start)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": min(times), "added_kib": after - before, "bytes": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--steps", type=int, default=4, help="scales 1, 2, 4 … (default 4)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        shape, scale = args.child
        print(json.dumps(step(shape, int(scale), args.rounds)))
        return
    print("| input | scale | size | time | ×prev | memory added | ×prev | DOCX |")
    print("|---|---|---|---|---|---|---|---|")
    for shape, unit in (("paragraph", "characters in one paragraph"), ("paragraphs", "paragraphs")):
        previous: dict[str, float] | None = None
        for power in range(args.steps):
            scale = 2**power
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--rounds",
                    str(args.rounds),
                    "--child",
                    shape,
                    str(scale),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            figures = json.loads(out)
            size = 128 * 1024 * scale if shape == "paragraph" else 1250 * scale
            time_ratio = f"{figures['seconds'] / previous['seconds']:.2f}" if previous else ""
            memory_ratio = (
                f"{figures['added_kib'] / previous['added_kib']:.2f}"
                if previous and previous["added_kib"]
                else ""
            )
            print(
                f"| {shape} | {scale}× | {size:,} {unit} | {figures['seconds'] * 1000:.0f} ms "
                f"| {time_ratio} | {figures['added_kib'] / 1024:.1f} MiB | {memory_ratio} "
                f"| {figures['bytes'] / 1024:.0f} KiB |"
            )
            previous = figures


if __name__ == "__main__":
    main()
