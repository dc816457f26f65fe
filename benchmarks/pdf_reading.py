"""Reading PDF and DOCX back: exact rates per language and producer, and reading speed.

For every UN AKN file given (default: ../shared/corpus/dev/akn and ../shared/reference/akn),
the model read from it is written by resconv as PDF and DOCX (and, with --libreoffice,
converted from that DOCX to PDF by LibreOffice), then each file is read back and compared
with the model it was made from: exact when every part is equal (PDF: a no-break space
prints as a space, so the two count as equal). Then the warm time to read each UN PDF in
../shared/corpus/pdf and resconv PDFs of three and four pages.

    python benchmarks/pdf_reading.py                 # resconv's PDF and DOCX
    python benchmarks/pdf_reading.py --libreoffice   # and LibreOffice's PDF of the DOCX
    python benchmarks/pdf_reading.py --limit 12 --show
    python benchmarks/pdf_reading.py --libreoffice --languages en,zh --show

LibreOffice's PDFs are kept in a cache keyed by the DOCX's bytes (default in the user's
cache folder), so a second run converts only the DOCX files the writer now makes differently.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import platformdirs  # noqa: E402
import pypdfium2  # noqa: E402

import resconv  # noqa: E402
from resconv.readers import get_reader  # noqa: E402
from tests.readers.readback import differences  # noqa: E402
from tests.render.libreoffice import docx_to_pdfs  # noqa: E402

SHARED = ROOT.parent / "shared"


LANGUAGE_CODES = {"ar": "ara", "en": "eng", "es": "spa", "fr": "fra", "ru": "rus", "zh": "zho"}
"""The UN's three-letter language code in its AKN file names, by resconv's language."""


def akn_files(limit: int | None, languages: list[str] | None = None) -> list[Path]:
    files = sorted((SHARED / "corpus" / "dev" / "akn").glob("*.xml"))
    files += sorted((SHARED / "reference" / "akn" / "ga").glob("*.xml"))
    if languages:
        codes = {f".{LANGUAGE_CODES.get(language, language)}" for language in languages}
        files = [file for file in files if Path(file.stem).suffix in codes]
    return files[:limit] if limit else files


def libreoffice_pdfs(docxs: list[bytes], cache: Path) -> list[bytes | None]:
    """LibreOffice's PDF of each DOCX, with resconv's pip fonts (as the render tests use),
    the ones not in `cache` yet converted in one LibreOffice run."""
    cache.mkdir(parents=True, exist_ok=True)
    cached = [cache / f"{hashlib.sha256(docx).hexdigest()[:24]}.pdf" for docx in docxs]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = []
        for index, docx in enumerate(docxs):
            if not cached[index].exists():
                source = work / f"r{index}.docx"
                source.write_bytes(docx)
                sources.append(source)
        if sources:
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                docx_to_pdfs(sources, work, timeout=60 + 20 * len(sources))  # some made
            for source in sources:
                pdf = source.with_suffix(".pdf")
                if pdf.exists():
                    pdf.replace(cached[int(source.stem[1:])])
    return [pdf.read_bytes() if pdf.exists() else None for pdf in cached]


def accuracy(files: list[Path], *, libreoffice: bool, show: bool, cache: Path) -> None:
    table: dict[tuple[str, str], list[bool]] = defaultdict(list)
    models = [resconv.read(path).value for path in files]
    docxs = [resconv.write(model, "docx") for model in models]
    others = libreoffice_pdfs(docxs, cache) if libreoffice else [None] * len(files)
    for path, model, docx, other in zip(files, models, docxs, others, strict=True):
        inputs = {
            "resconv pdf": ("pdf", resconv.write(model, "pdf")),
            "resconv docx": ("docx", docx),
        }
        if other is not None:
            inputs["libreoffice pdf"] = ("pdf", other)
        for producer, (fmt, data) in inputs.items():
            try:
                got = resconv.read(data, format=fmt).value
                problems = differences(model, got, nbsp=True)
            except resconv.ResconvError as error:
                problems = [f"error: {error}"]
            table[(model.language, producer)].append(not problems)
            if problems and show:
                print(f"{path.name} [{producer}]: " + "; ".join(problems[:2])[:300])
    print("\n| language | producer | files | exact |")
    print("|---|---|---|---|")
    for (language, producer), results in sorted(table.items()):
        share = 100 * sum(results) / len(results)
        print(f"| {language} | {producer} | {len(results)} | {sum(results)} ({share:.0f} %) |")
    everything = [r for results in table.values() for r in results]
    if everything:
        share = 100 * sum(everything) / len(everything)
        print(f"\nall: {sum(everything)} of {len(everything)} exact ({share:.1f} %)")


def speed() -> None:
    """Warm reading time (wall and CPU, median of 7) and peak Python memory per PDF."""
    reader = get_reader("pdf")
    samples: list[tuple[str, bytes]] = [
        (path.name, path.read_bytes()) for path in sorted((SHARED / "corpus" / "pdf").glob("*.pdf"))
    ]
    made = {
        "resconv A/RES/74/22 (en)": "A-RES-74-22.eng.xml",  # three pages
        "resconv A/RES/74/10 (ru)": "A-RES-74-10.rus.xml",  # four pages
        "resconv A/RES/74/10 (ar)": "A-RES-74-10.ara.xml",  # four pages, right to left
    }
    for name, file_name in made.items():
        path = SHARED / "corpus" / "dev" / "akn" / file_name
        if path.exists():
            samples.append((name, resconv.write(resconv.read(path).value, "pdf")))
    print("\n| PDF | pages | median warm read (wall) | (CPU) | peak Python memory |")
    print("|---|---|---|---|---|")
    for name, data in samples:
        reader.read(data)
        walls, cpus = [], []
        for _ in range(7):
            wall, cpu = time.perf_counter(), time.process_time()
            reader.read(data)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        tracemalloc.start()
        reader.read(data)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        pages = len(pypdfium2.PdfDocument(data))
        print(
            f"| {name} | {pages} | {1000 * statistics.median(walls):.1f} ms "
            f"| {1000 * statistics.median(cpus):.1f} ms | {peak / 1e6:.1f} MB |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N AKN files")
    parser.add_argument("--libreoffice", action="store_true", help="also LibreOffice's PDF")
    parser.add_argument("--show", action="store_true", help="print each difference")
    parser.add_argument("--languages", help="comma-separated, e.g. en,zh (default all)")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(platformdirs.user_cache_dir("resconv")) / "pdf-reading",
        help="cache of LibreOffice's PDFs",
    )
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--no-speed", action="store_true", help="skip the reading-speed table")
    args = parser.parse_args()
    if not args.speed_only:
        languages = args.languages.split(",") if args.languages else None
        files = akn_files(args.limit, languages)
        accuracy(files, libreoffice=args.libreoffice, show=args.show, cache=args.work)
    if not args.no_speed:
        speed()


if __name__ == "__main__":
    main()
