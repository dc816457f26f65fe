"""The reference recogniser measured against the UN's own links.

    python benchmarks/references.py PATH [--per-language N] [--jobs N] [--misses K]

PATH is a folder of the UN's AKN files (a checkout of ``UNxml/GAresolutions``; nothing of
it is kept). Each file is read with its links (`Reference`s with the UN's targets); the
links are then taken off, leaving the text as a text reader would see it, and
`resconv.readers.references` recognises references in that text again. A recognised
reference is right when the UN linked the same text to the same document: targets are
compared as document symbols (host and language path aside, case and spaces ignored, the
letters of "A/RES/54/237A-C" aside). Reported per language: the UN's links to documents
(undocs.org, docs.un.org), what the recogniser found, precision and recall; with
``--misses`` a sample of what it missed and of what it found that the UN did not link.
The resolution's title is left out on both sides (the recogniser does not link titles).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resconv.conversion import read_bytes  # noqa: E402  (after the path set-up)
from resconv.errors import ResconvError  # noqa: E402
from resconv.readers.references import recognise_references  # noqa: E402
from tests.linkcheck import links, unlinked  # noqa: E402


@dataclasses.dataclass
class Outcome:
    path: str
    language: str = ""
    theirs: int = 0
    other: int = 0
    ours: int = 0
    matched: int = 0
    missed: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    extra: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    error: str = ""


def measure(path: str) -> Outcome:
    outcome = Outcome(path=path)
    try:
        model = read_bytes(Path(path).read_bytes(), format="akn", source=path).value
    except ResconvError as exc:
        outcome.error = str(exc)[:100]
        return outcome
    outcome.language = model.language
    theirs, outcome.other = links(model)
    ours, _ = links(recognise_references(unlinked(model)))
    matched = theirs & ours
    outcome.theirs, outcome.ours = sum(theirs.values()), sum(ours.values())
    outcome.matched = sum(matched.values())
    outcome.missed = sorted((theirs - ours).elements())[:20]
    outcome.extra = sorted((ours - theirs).elements())[:20]
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--per-language", type=int, default=0, help="random files per folder")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--misses", type=int, default=0, help="examples of misses to show")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = sorted(str(p) for p in args.path.rglob("*.xml"))
    if args.per_language:
        by_folder: dict[str, list[str]] = {}
        for f in files:
            by_folder.setdefault(str(Path(f).parent.name), []).append(f)
        rng = random.Random(args.seed)
        files = sorted(
            f
            for group in by_folder.values()
            for f in rng.sample(group, min(args.per_language, len(group)))
        )
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            outcomes = list(pool.map(measure, files, chunksize=16))
    else:
        outcomes = [measure(f) for f in files]
    report(outcomes, args.misses)


def report(outcomes: list[Outcome], misses: int) -> None:
    print("| language | files | UN's document links | recognised | right | precision | recall |")
    print("|---|---|---|---|---|---|---|")
    totals = Counter[str]()
    for language in sorted({o.language for o in outcomes if not o.error}):
        group = [o for o in outcomes if o.language == language and not o.error]
        theirs = sum(o.theirs for o in group)
        ours = sum(o.ours for o in group)
        right = sum(o.matched for o in group)
        totals.update(files=len(group), theirs=theirs, ours=ours, right=right)
        print(
            f"| {language} | {len(group)} | {theirs} | {ours} | {right} | "
            f"{right / max(ours, 1):.1%} | {right / max(theirs, 1):.1%} |"
        )
    t = totals
    print(
        f"| all | {t['files']} | {t['theirs']} | {t['ours']} | {t['right']} | "
        f"{t['right'] / max(t['ours'], 1):.1%} | {t['right'] / max(t['theirs'], 1):.1%} |"
    )
    other = sum(o.other for o in outcomes)
    errors = [o for o in outcomes if o.error]
    print(f"other links of the UN (not to a document symbol, not counted): {other}")
    print(f"files not read: {len(errors)}")
    if misses:
        for language in sorted({o.language for o in outcomes if not o.error}):
            group = [o for o in outcomes if o.language == language]
            missed = Counter(m for o in group for m in o.missed)
            extra = Counter(m for o in group for m in o.extra)
            print(f"\n{language}: missed (linked by the UN, not recognised)")
            for item, count in missed.most_common(misses):
                print(f"  {count} {item}")
            print(f"{language}: recognised, not linked so by the UN")
            for item, count in extra.most_common(misses):
                print(f"  {count} {item}")


if __name__ == "__main__":
    main()
