"""Benchmark of the PDF writer: one document in a fresh process, a warm batch, LibreOffice.

    python benchmarks/bench_pdf.py [--batch N] [--libreoffice]

Figures for the seed (resolution 67/38, Chinese):
  * cold: a fresh process with an empty glyph cache (every glyph converted);
  * warm disk: a fresh process whose glyph cache is filled (the usual single conversion);
  * warm batch: milliseconds per document in one process converting N documents;
and with --libreoffice, 20 resolutions (the seed and, when ../shared is present, the
UN's AKN files) to PDF in one resconv process, against LibreOffice converting resconv's
DOCX of the same 20 in one call (`soffice --headless --convert-to pdf`), alternating
five times. Targets: warm batch ≤ 15 ms per document; a single-document process with a
warm glyph cache ≤ 200 ms; 20 resolutions ≤ 0.15 × LibreOffice's time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "A-RES-67-38.zh.txt"

_ONE = (
    "import resconv, sys; "
    "sys.stdout.buffer.write(resconv.write(resconv.read(sys.argv[1]).value, 'pdf'))"
)


def _process(cache: Path) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one fresh process writing the seed's PDF."""
    env = {**os.environ, "RESCONV_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _ONE, str(SEED)], env=env, stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit("the PDF process failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


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


_TWENTY = """
import sys, resconv
from pathlib import Path
out = Path(sys.argv[1])
for path in sys.argv[2:]:
    pdf = resconv.write(resconv.read(path).value, "pdf")
    (out / (Path(path).stem + ".pdf")).write_bytes(pdf)
"""


def _candidates() -> list[Path]:
    """The seed, then the UN's AKN files under ../shared: typical resolutions of a few
    pages (the long irregular ones of `un-structures` are left out)."""
    shared = ROOT.parent / "shared"
    found = [SEED]
    for folder in ("reference/akn/ga", "corpus/en"):
        found += sorted((shared / folder).glob("*.xml"))
    return found


def _versus_libreoffice(cache: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: no comparison")
        return
    sys.path.insert(0, str(ROOT))
    import resconv

    with tempfile.TemporaryDirectory(prefix="resconv-lo-") as tmp:
        folder = Path(tmp)
        written: list[tuple[Path, bytes]] = []
        for path in _candidates():
            try:
                data = resconv.write(resconv.read(str(path)).value, "docx")
            except Exception as exc:  # a resolution the DOCX writer cannot write is left out
                print(f"left out {path.name}: {type(exc).__name__}")
                continue
            written.append((path, data))
        # Twenty inputs, the writable ones repeated under distinct names if fewer.
        inputs, docx = [], []
        for n in range(20):
            path, data = written[n % len(written)]
            source = folder / f"{n:02d}-{path.name}"
            source.write_bytes(path.read_bytes())
            target = folder / f"{n:02d}-{path.stem}.docx"
            target.write_bytes(data)
            inputs.append(source)
            docx.append(target)
        print("inputs:", ", ".join(sorted({path.name for path, _ in written})))
        env = {**os.environ, "RESCONV_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
        ours, theirs = [], []
        profile = folder / "lo-profile"

        def libreoffice(outdir: Path, files: list[Path]) -> tuple[float, float]:
            command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless"]
            command += ["--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)]
            return _timed(command, os.environ)

        libreoffice(folder / "warm", docx[:1])  # the first start builds its profile: not timed
        ours_cpu, theirs_cpu = [], []
        for _ in range(5):
            wall, cpu = _timed([sys.executable, "-c", _TWENTY, str(folder), *map(str, inputs)], env)
            ours.append(wall)
            ours_cpu.append(cpu)
            wall, cpu = libreoffice(folder / "lo", docx)
            theirs.append(wall)
            theirs_cpu.append(cpu)
    mine, lo = statistics.median(ours), statistics.median(theirs)
    mine_cpu, lo_cpu = statistics.median(ours_cpu), statistics.median(theirs_cpu)
    print(
        f"{len(inputs)} resolutions to PDF, one process: resconv {mine:.2f} s, "
        f"LibreOffice (their DOCX, one call) {lo:.2f} s, ratio {mine / lo:.2f} (median of 5); "
        f"CPU {mine_cpu:.2f} s against {lo_cpu:.2f} s, ratio {mine_cpu / lo_cpu:.2f}"
    )


def _timed(command: list[str], env: Mapping[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, with the processes it waited for) of `command`."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"{command[0]} failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=40, help="documents in the warm batch")
    parser.add_argument("--libreoffice", action="store_true", help="compare with LibreOffice")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="resconv-bench-") as tmp:
        cache = Path(tmp)
        cold, cold_cpu = _process(cache)
        warm, warm_cpu = zip(*(_process(cache) for _ in range(5)), strict=True)
        batch, batch_cpu = _batch(cache, args.batch)
        if args.libreoffice:
            _versus_libreoffice(cache)
    print(f"cold process (empty glyph cache):   {cold:6.2f} s (CPU {cold_cpu:.2f} s)")
    print(
        f"fresh process, warm disk cache:     {statistics.median(warm):6.2f} s "
        f"(median of 5, min {min(warm):.2f}; CPU median {statistics.median(warm_cpu):.2f} s)"
    )
    print(
        f"warm batch, per document:           {statistics.median(batch) * 1000:6.1f} ms "
        f"(median of {len(batch)}, max {max(batch) * 1000:.1f}; "
        f"CPU {statistics.median(batch_cpu) * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main()
