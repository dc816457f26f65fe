"""Reading PDF and DOCX that neither resconv nor its tests made.

resconv's own read-back (`pdf_reading.py`) reads files its own writers made, so a layout
habit of those writers can hide a reading rule that only fits them. This benchmark makes
its files with other producers, from UN resolutions the project's tests never read:

- ``pandoc-docx``: the resolution laid out as Markdown (``accuracy_suite.layouts``: italic
  initial words, ``[^n]`` footnotes), made into Word by pandoc: real footnotes, Word's own
  list numbering for "1." and "(a)", pandoc's styles;
- ``libreoffice-pdf``: LibreOffice's PDF of that DOCX: no first-line indents, space between
  paragraphs, a title set as a large heading, footnotes at each page's foot;
- ``libreoffice-docx``: that DOCX saved again as Word by LibreOffice: its own styles, and
  its own list numbering (a list's first paragraph numbered by one list, the rest by
  another that counts on).

An Arabic file LibreOffice never finishes is made from the same Markdown set right to left
(``pandoc -M dir=rtl``); see ``docs/dev/decisions/other-producers-rtl-route.md``.

Each file is read by resconv and compared with the UN's AKN of the same resolution as the
accuracy benchmark compares (``accuracy_suite.compare``). The sample is taken from the far
end of the accuracy benchmark's fixed order of the corpus, so the two never share a file;
``--seed`` draws another sample, from the far end of another order.

    python benchmarks/other_producers.py /path/to/GAresolutions --per-language 10
    python benchmarks/other_producers.py /path/to/GAresolutions --per-language 10 --seed second

``--offset N`` skips the first N usable resolutions of each language, drawing a second
sample that work on the first never looked at.

Needs pandoc and LibreOffice (``apt-get install pandoc libreoffice-writer-nogui``);
generated files are cached under ``--work`` (the user cache folder by default).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import platformdirs

import resconv
from benchmarks.accuracy_suite.compare import compare
from benchmarks.accuracy_suite.layouts import markdown
from benchmarks.accuracy_suite.sources import (
    Unusable,
    expected_model,
    held_out_candidates,
)
from resconv.errors import ResconvError
from resconv.lang import language as language_of
from tests.render.libreoffice import docx_to_pdfs, fontconfig_file, run_whole_session

LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")
PRODUCERS = ("pandoc-docx", "libreoffice-pdf", "libreoffice-docx")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a local checkout of UNxml/GAresolutions")
    parser.add_argument("--per-language", type=int, default=10)
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        help="skip this many usable resolutions per language first (a second, held-out sample)",
    )
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--work", type=Path, default=None, help="cache of generated files")
    parser.add_argument("--failures", action="store_true", help="print each difference")
    parser.add_argument(
        "--seed",
        default="",
        help="draw another sample: the corpus order is keyed by this text (default: none)",
    )
    return parser


def _made(
    work: Path, source: Path, text: str, direction: str
) -> tuple[Path, Path | None, Path | None]:
    """The pandoc DOCX of `text`, LibreOffice's PDF of it and LibreOffice's DOCX of it,
    made once and cached (None: LibreOffice could not make it). `direction` is the
    language's ("rtl": a second route, `_converted_either`)."""
    key = hashlib.sha256(text.encode()).hexdigest()[:16]
    docx = work / f"{source.stem}-{key}.docx"
    if not docx.exists():
        _pandoc(text, docx)
    pdf, word = (
        _converted_either(docx, text, suffix, direction) for suffix in (".pdf", ".lo.docx")
    )
    return docx, pdf, word


def _converted_either(docx: Path, text: str, suffix: str, direction: str) -> Path | None:
    """LibreOffice's file of `docx`; when LibreOffice never finishes it and the text is
    right to left, its file of the same text made by pandoc with right-to-left paragraphs
    (``-M dir=rtl``; decision page ``docs/dev/decisions/other-producers-rtl-route.md``)."""
    made = _converted(docx, suffix)
    if made is not None or direction != "rtl":
        return made
    rtl = docx.with_suffix(".rtl.docx")
    if not rtl.exists():
        _pandoc(text, rtl, "-M", "dir=rtl")
    return _converted(rtl, suffix)


def _pandoc(text: str, target: Path, *options: str) -> None:
    """pandoc's DOCX of the Markdown `text`, written to `target`."""
    with tempfile.TemporaryDirectory() as tmp:
        md = Path(tmp) / "in.md"
        md.write_text(text, encoding="utf-8")
        made = Path(tmp) / "out.docx"
        subprocess.run(["pandoc", *options, str(md), "-o", str(made)], check=True, timeout=120)
        shutil.move(made, target)


LIBREOFFICE_TIMEOUT = 300
"""Seconds for one LibreOffice conversion (a long file takes about 30 s on a loaded machine).

Some files never finish: LibreOffice loops over the layout of a page where a footnote's
reference falls on its last line (A/RES/79/302 in Arabic, set left to right: any 40 of its
41 Markdown blocks convert in 8 s, all of them hang). A file that timed out is marked
``.not-made`` beside the cache and not tried again (delete the mark to retry), and a right
to left text is made again by a second route (`_converted_either`); a conversion that
failed otherwise gets one more try. Files not made are counted apart from files read wrong."""


def _converted(docx: Path, suffix: str) -> Path | None:
    """LibreOffice's PDF (".pdf") or Word file (".lo.docx") of `docx`, cached beside it."""
    target = docx.with_suffix(suffix)
    not_made = target.with_name(target.name + ".not-made")
    for _ in range(2):
        if target.exists():
            return target
        if not_made.exists():
            return None
        try:
            _convert(docx, suffix, target)
        except subprocess.TimeoutExpired:
            not_made.touch()
        except (OSError, subprocess.SubprocessError, RuntimeError):
            continue
    return target if target.exists() else None


def _convert(docx: Path, suffix: str, target: Path) -> None:
    """Make `target` from `docx` with LibreOffice (its errors raised)."""
    with tempfile.TemporaryDirectory() as tmp:
        if suffix == ".pdf":
            (converted,) = docx_to_pdfs([docx], Path(tmp), timeout=LIBREOFFICE_TIMEOUT)
        else:
            command = [
                shutil.which("soffice") or "soffice",
                "--headless",
                f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                tmp,
                str(docx),
            ]
            # The fonts the PDF is made with: without an Arabic font LibreOffice can
            # spend many minutes on an Arabic file's layout before saving it.
            fonts = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(Path(tmp))))
            run_whole_session(command, timeout=LIBREOFFICE_TIMEOUT, env=fonts)
            converted = Path(tmp) / docx.name
        shutil.move(converted, target)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if shutil.which("pandoc") is None:
        print("pandoc is not installed", file=sys.stderr)
        return 2
    work = args.work or Path(platformdirs.user_cache_dir("resconv")) / "other-producers"
    work.mkdir(parents=True, exist_ok=True)
    languages = tuple(args.languages.split(","))
    # files, exact, structure-exact, not made (LibreOffice failed: no file was read)
    rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    failures: list[str] = []
    second_route: list[str] = []  # made from the right-to-left DOCX (`_converted_either`)
    for language, sources in held_out_candidates(args.corpus, languages, seed=args.seed).items():
        taken = skipped = 0
        for source in reversed(sources):
            if taken == args.per_language:
                break
            try:
                model = expected_model(source.path)
            except Unusable:
                continue
            if skipped < args.offset:
                skipped += 1
                continue
            taken += 1
            files = _made(work, source.path, markdown(model), language_of(model.language).direction)
            made = zip(PRODUCERS, files, strict=True)
            for producer, path in made:
                row = rows[(language, producer)]
                row[0] += 1
                if path is not None and ".rtl." in path.name:
                    second_route.append(f"{language} {producer} {source.path.name}")
                if path is None:
                    row[3] += 1
                    failures.append(f"{language} {producer} {source.path.name}: not made")
                    continue
                try:
                    read = resconv.read_bytes(path.read_bytes(), source=str(path)).value
                except ResconvError as error:
                    failures.append(f"{language} {producer} {source.path.name}: {error}")
                    continue
                outcome = compare(model, read)
                row[1] += outcome.exact
                row[2] += outcome.structure_exact
                if not outcome.exact:
                    failures.append(
                        f"{language} {producer} {source.path.name}: {outcome.first_difference}"
                    )
    print("| language | producer | files | exact | structure-exact | not made |")
    print("|---|---|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0]
    for (language, producer), row in sorted(rows.items()):
        print(f"| {language} | {producer} | {' | '.join(map(str, row))} |")
        totals = [total + value for total, value in zip(totals, row, strict=True)]
    if totals[0]:
        share = 100 * totals[1] / totals[0]
        print(
            f"| **all** | | {totals[0]} | {totals[1]} ({share:.0f} %) | {totals[2]} | {totals[3]} |"
        )
    if second_route:
        print(f"\nmade right to left, LibreOffice never finishing the first: {len(second_route)}")
    if args.failures:
        print("\n".join([*failures, *(f"{made}: made right to left" for made in second_route)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
