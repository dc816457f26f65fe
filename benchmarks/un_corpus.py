"""Every AKN file of a corpus through resconv to AKN: what is read, refused, warned, lost.

    python benchmarks/un_corpus.py PATH [--jobs N] [--validate] [--json report.json]

PATH is a folder of AKN files (searched recursively for ``*.xml``), such as a checkout of
the UN's ``UNxml/GAresolutions``; nothing of it is kept. Each file is read, written back
as AKN, and the characters of the source's body (metadata and cover page aside) are
compared with those of resconv's AKN body (`tests.lossless`: whitespace and the brackets
around footnote markers aside). Reported: files read, refused by reason, warnings by kind,
files losing more than 0.5 % and 10 % of their characters (the worst listed), the links
of the source's body (footnotes included) missing from resconv's AKN (same target, same
text; `tests.lossless.akn_links`) and the files losing any, and with
``--validate`` the validity of each written file (OASIS XSD and the AKN4UN profile);
then the wall time and the peak memory of the largest process.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import resconv  # noqa: E402  (after the path set-up, to run from a checkout)
from resconv.conversion import read_bytes  # noqa: E402
from resconv.errors import ResconvError  # noqa: E402
from tests.lossless import akn_body_text, akn_links, characters, missing  # noqa: E402

CHUNK = 32
"""Files handed to a worker at a time: few enough to keep memory flat."""


@dataclass
class Outcome:
    """What became of one file."""

    path: str
    refused: str | None = None
    warnings: dict[str, int] = field(default_factory=dict)
    characters: int = 0
    lost: int = 0
    lost_sample: str = ""
    links: int = 0
    links_lost: int = 0
    links_lost_sample: str = ""
    valid: bool | None = None
    validation: str = ""
    seconds: float = 0.0
    """CPU time of reading the file and writing its AKN (the check and validation aside)."""


def convert(path: str, validate: bool) -> Outcome:
    """Read `path`, write it as AKN, and count what the AKN body lacks."""
    outcome = Outcome(path=path)
    start = time.process_time()
    data = Path(path).read_bytes()
    try:
        result = read_bytes(data, format="akn", source=path)
        written = resconv.write(result.value, "akn")
    except ResconvError as exc:
        outcome.refused = f"{type(exc).__name__}: {_reason(str(exc))}"
        return outcome
    finally:
        outcome.seconds = time.process_time() - start
    outcome.warnings = dict(Counter(d.code for d in result.warnings))
    try:
        source = akn_body_text(data)
    except Exception as exc:  # the check must not stop the run
        outcome.refused = f"lossless check: {exc}"
        return outcome
    lacking = missing(source, akn_body_text(written))
    outcome.characters = sum(characters(source).values())
    outcome.lost = sum(lacking.values())
    outcome.lost_sample = "".join(sorted(lacking.elements()))[:40]
    source_links = akn_links(data)
    links_lacking = source_links - akn_links(written)
    outcome.links = sum(source_links.values())
    outcome.links_lost = sum(links_lacking.values())
    outcome.links_lost_sample = " ".join(f"{t}→{h}" for h, t in sorted(links_lacking)[:3])[:200]
    if validate:
        report = resconv.validate(written)
        outcome.valid = report.valid
        if not report.valid:
            outcome.validation = str(report).splitlines()[0][:200]
    return outcome


def _reason(message: str) -> str:
    """The kind of refusal, without the file name and line that make each unique."""
    text = message.split(": ", 1)[-1] if message.startswith(("/", ".")) else message
    return text.split(" (line")[0][:120]


def convert_chunk(paths: list[str], validate: bool) -> list[Outcome]:
    return [convert(path, validate) for path in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--validate", action="store_true", help="XSD + AKN4UN profile")
    parser.add_argument("--json", type=Path, help="write every file's outcome here")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.path.rglob("*.xml"))
    start = time.perf_counter()
    outcomes: list[Outcome] = []
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            for done in pool.map(convert_chunk, chunks, [args.validate] * len(chunks)):
                outcomes.extend(done)
    else:
        for chunk in chunks:
            outcomes.extend(convert_chunk(chunk, args.validate))
    elapsed = time.perf_counter() - start
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    report(outcomes, elapsed, peak / 1024, args)
    if args.json:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], ensure_ascii=False))


def report(
    outcomes: list[Outcome], elapsed: float, peak_mb: float, args: argparse.Namespace
) -> None:
    read = [o for o in outcomes if o.refused is None]
    refused = Counter(o.refused for o in outcomes if o.refused is not None)
    warnings: Counter[str] = Counter()
    files_warned: Counter[str] = Counter()
    for o in read:
        warnings.update(o.warnings)
        files_warned.update(o.warnings.keys())
    share = [(o.lost / o.characters if o.characters else 0.0, o) for o in read]
    over_half = [item for item in share if item[0] > 0.005]
    over_ten = [item for item in share if item[0] > 0.10]
    print(
        f"files: {len(outcomes)}, read and written: {len(read)}, refused: {sum(refused.values())}"
    )
    for reason, count in refused.most_common():
        print(f"  refused {count}: {reason}")
    print(f"warnings: {sum(warnings.values())} in {sum(1 for o in read if o.warnings)} files")
    for code, count in warnings.most_common():
        print(f"  {code}: {count} ({files_warned[code]} files)")
    lost = sum(o.lost for o in read)
    total = sum(o.characters for o in read)
    print(f"characters of the body: {total}, missing from resconv's AKN: {lost}")
    print(f"files losing > 0.5 %: {len(over_half)}, > 10 %: {len(over_ten)}")
    for fraction, o in sorted(over_half, key=lambda item: -item[0])[:10]:
        print(f"  {fraction:.1%} {o.path} (missing {o.lost_sample!r})")
    links = sum(o.links for o in read)
    links_lost = [o for o in read if o.links_lost]
    print(
        f"links of the body: {links}, missing from resconv's AKN: "
        f"{sum(o.links_lost for o in read)}; files losing links: {len(links_lost)}"
    )
    for o in sorted(links_lost, key=lambda o: -o.links_lost)[:10]:
        print(f"  {o.links_lost} of {o.links} {o.path} ({o.links_lost_sample})")
    if args.validate:
        invalid = [o for o in read if o.valid is False]
        print(f"written AKN valid (XSD + profile): {len(read) - len(invalid)} of {len(read)}")
        for o in invalid[:10]:
            print(f"  invalid {o.path}: {o.validation}")
    cpu = sum(o.seconds for o in outcomes)
    print(
        f"time: {elapsed:.1f} s with --jobs {args.jobs} (reading and writing alone: "
        f"{cpu:.1f} s of CPU, {cpu / max(len(outcomes), 1) * 1000:.1f} ms a file); "
        f"peak memory {peak_mb:.0f} MB per process"
    )


if __name__ == "__main__":
    main()
