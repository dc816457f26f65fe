"""Command line of the accuracy benchmark: ``python benchmarks/accuracy.py --help``."""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
import time
from pathlib import Path

from .extractors import EXTRACTORS
from .generate import default_work_dir
from .report import LANGUAGE_ORDER, failures, markdown, summary, write_json
from .runner import GENERATED_FORMS, REAL_FORMS, Case, run
from .sources import (
    SHARED,
    SHARED_SETS,
    Source,
    Unusable,
    expected_model,
    held_out_candidates,
    real_texts,
    shared_sources,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/accuracy.py",
        description="How exactly resconv's text reader recovers resolutions, against the UN's AKN.",
    )
    parser.add_argument(
        "--forms",
        default="*",
        help="comma-separated forms or patterns (default all): "
        + ", ".join((*REAL_FORMS, *GENERATED_FORMS)),
    )
    parser.add_argument(
        "--languages", default=",".join(LANGUAGE_ORDER), help="comma-separated (default all seven)"
    )
    parser.add_argument(
        "--sources",
        default=",".join(("real", *SHARED_SETS)),
        help="comma-separated: real (the real texts), and the UN AKN files of ../shared: "
        + ", ".join(SHARED_SETS)
        + " (default all; none: only the --corpus sample)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="a checkout of the UN's whole AKN corpus (UNxml/GAresolutions): add a held-out "
        "sample of it, resolutions not in ../shared",
    )
    parser.add_argument(
        "--per-language", type=int, default=30, help="held-out sources per language (default 30)"
    )
    parser.add_argument(
        "--seed",
        default="",
        help="draw another held-out sample: the corpus order is keyed by this text (default: none)",
    )
    parser.add_argument("--limit", type=int, help="at most this many UN files from ../shared")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--work",
        type=Path,
        default=default_work_dir(),
        help=f"cache of generated PDF, DOCX and extracted text (default {default_work_dir()})",
    )
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument(
        "--failures", action="store_true", help="list every case that is not exact, and why"
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every case as JSON")
    parser.add_argument(
        "--replay",
        type=Path,
        metavar="JSON",
        help="print the tables of an earlier run's --json output instead of running",
    )
    return parser


def _forms(patterns: str) -> tuple[tuple[str, ...], list[str]]:
    """The forms asked for, and notes on tools that are missing."""
    wanted = [p.strip() for p in patterns.split(",") if p.strip()]
    forms = [
        form
        for form in (*REAL_FORMS, *GENERATED_FORMS)
        if any(fnmatch.fnmatchcase(form, pattern) for pattern in wanted)
    ]
    notes = []
    for name, extractor in EXTRACTORS.items():
        if extractor.version() is None and any(form.endswith(f":{name}") for form in forms):
            notes.append(f"{name} is not installed: its forms are left out")
            forms = [form for form in forms if not form.endswith(f":{name}")]
    return tuple(forms), notes


def _held_out(
    corpus: Path, per_language: int, languages: tuple[str, ...], shared: Path, seed: str = ""
) -> tuple[list[Source], list[str]]:
    """The first `per_language` usable files per language of the corpus's fixed order, none
    of them a resolution of `shared` (so that a tree outside ../shared draws the same sample
    when given `--shared`)."""
    chosen: list[Source] = []
    notes: list[str] = []
    for language, candidates in held_out_candidates(corpus, languages, shared, seed=seed).items():
        taken = 0
        skipped = 0
        for source in candidates:
            if taken == per_language:
                break
            try:
                expected_model(source.path)
            except Unusable:
                skipped += 1
                continue
            chosen.append(source)
            taken += 1
        notes.append(
            f"held-out {language}: {taken} of {len(candidates)} candidates "
            f"({skipped} passed over: the model cannot hold them yet)"
        )
    return chosen, notes


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.replay is not None:
        earlier = json.loads(args.replay.read_text(encoding="utf-8"))
        cases = [Case(**case) for case in earlier["cases"]]
        print(markdown(summary(cases)))
        if earlier["notes"]:
            print("\nNotes:\n" + "\n".join(f"- {note}" for note in earlier["notes"]))
        if args.failures:
            print("\nFailures (first difference per case):\n" + failures(cases))
        return 0
    start = time.monotonic()
    forms, notes = _forms(args.forms)
    languages = tuple(code.strip() for code in args.languages.split(",") if code.strip())
    groups = tuple(group.strip() for group in args.sources.split(","))
    shared_groups = tuple(group for group in groups if group in SHARED_SETS)
    sources = shared_sources(shared_groups, args.shared) if args.shared.is_dir() else []
    if not args.shared.is_dir():
        notes.append(f"{args.shared} is absent: only the held-out corpus can be used")
    sources = [s for s in sources if s.language_hint in (*languages, "?")]
    if args.limit is not None:
        sources = sources[: args.limit]
    if args.corpus is not None:
        held_out, held_notes = _held_out(
            args.corpus, args.per_language, languages, args.shared, args.seed
        )
        sources += held_out
        notes += held_notes
    real = real_texts(args.shared) if "real" in groups and "en" in languages else []
    if args.limit is not None:
        real = real[: args.limit]

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - start:6.1f} s] {message}", file=sys.stderr)

    cases, run_notes = run(sources, real, forms, args.work.resolve(), args.jobs, progress)
    notes += run_notes
    report = summary(cases)
    print(markdown(report))
    if notes:
        print("\nNotes:\n" + "\n".join(f"- {note}" for note in notes))
    if args.failures:
        print("\nFailures (first difference per case):\n" + failures(cases))
    if args.json is not None:
        write_json(args.json, report, cases, notes)
    progress("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
