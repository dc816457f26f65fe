"""Large and long inputs, each within a time budget: the fuzzing that atheris does not do.

atheris mutates small inputs (4 KB by default), so it cannot find work that grows with the
square of a paragraph's length or of the number of paragraphs. This generator builds, from
the bundled seed, inputs of the shapes that have shown such growth: one paragraph of about a
megabyte, thousands of paragraphs, thousands of footnote markers, a megabyte on one line,
the same as Akoma Ntoso and as JSON, each then randomly perturbed (characters inserted,
lines joined or split). Every input goes through its reader and the chosen writers (the
AKN written is validated too); any
failure that is not a resconv error, or any input over its time budget, fails the run, and
the input is saved as ``fuzz/slow-*`` or ``fuzz/crash-*`` for a regression test.

    python fuzz/fuzz_large.py                       # 20 inputs, AKN and JSON writers
    python fuzz/fuzz_large.py --rounds 100 --writers akn,json,docx,pdf --seed 7

The budget of an input is ``--base`` seconds plus ``--per-mb`` seconds per megabyte: time
that grows linearly with the size passes, time that grows with its square does not.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import random
import re
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import resconv  # noqa: E402
from resconv.errors import ResconvError  # noqa: E402

SEED = (ROOT / "fixtures" / "A-RES-67-38.zh.txt").read_text(encoding="utf-8")
_OPERATIVE = re.compile(r"^ *\d+\.\s", re.MULTILINE)


class OverBudget(Exception):
    """The input took longer than its budget allows (raised by the alarm)."""


def long_paragraph(rng: random.Random, size: int) -> str:
    """The seed with its first operative paragraph stretched to about `size` characters."""
    match = _OPERATIVE.search(SEED)
    assert match is not None
    end = SEED.index("\n", match.end())
    words = SEED[match.end() : end]
    filler = (words * (size // max(len(words), 1) + 1))[:size]
    return SEED[:end] + filler + SEED[end:]


def many_paragraphs(rng: random.Random, count: int) -> str:
    """The seed with `count` operative paragraphs after its first, numbered 2, 3, … as the
    seed prints them (a number out of sequence would be read as a line of paragraph 1)."""
    match = _OPERATIVE.search(SEED)
    assert match is not None
    end = SEED.index("\n", match.end())
    body = SEED[match.end() : end]
    extra = "".join(f"\n {n}. {body}" for n in range(2, 2 + count))
    return SEED[:end] + extra + SEED[end:]


def many_markers(rng: random.Random, count: int) -> str:
    """The seed with `count` footnote-like markers in one paragraph."""
    match = _OPERATIVE.search(SEED)
    assert match is not None
    end = SEED.index("\n", match.end())
    markers = "".join(f"词{rng.randint(1, 9)}" for _ in range(count))
    return SEED[:end] + markers + SEED[end:]


def one_line(rng: random.Random, size: int) -> str:
    """The seed's text on a single line, repeated to about `size` characters."""
    flat = SEED.replace("\n", " ")
    return (flat * (size // len(flat) + 1))[:size]


SHAPES: dict[str, Callable[[random.Random], str]] = {
    "paragraph of 1 MB": lambda rng: long_paragraph(rng, rng.randint(300_000, 1_000_000)),
    "10k paragraphs": lambda rng: many_paragraphs(rng, rng.randint(2_000, 10_000)),
    "10k markers": lambda rng: many_markers(rng, rng.randint(2_000, 10_000)),
    "1 MB on one line": lambda rng: one_line(rng, rng.randint(300_000, 1_000_000)),
}

_NOISE = ["\u3000", "\t", "\u200b", "\ufeff", "（", "）", "1", "\n", "\n\n", "a", "\u0639", "—"]


def perturb(rng: random.Random, text: str) -> str:
    """`text` with a few hundred random edits: inserted characters, joined and split lines."""
    pieces = list(text)
    for _ in range(rng.randint(0, 300)):
        at = rng.randrange(len(pieces))
        choice = rng.random()
        if choice < 0.6:
            pieces.insert(at, rng.choice(_NOISE))
        elif choice < 0.8 and pieces[at] == "\n":
            pieces[at] = " "
        else:
            pieces.insert(at, chr(rng.randint(0x20, 0x2FFF)))
    return "".join(pieces)


def inputs(rng: random.Random) -> tuple[str, str, bytes]:
    """A shape's name, the reader to use, and the bytes of one input."""
    name = rng.choice(list(SHAPES))
    text = perturb(rng, SHAPES[name](rng))
    form = rng.choice(["text", "text", "akn", "json"])
    if form == "text":
        return name, "text", text.encode()
    try:
        model = resconv.read_bytes(text.encode(), format="text").value
    except ResconvError:
        return name, "text", text.encode()
    return f"{name} as {form}", form, resconv.write(model, form)


def run_one(data: bytes, reader: str, writers: list[str]) -> str:
    """ "read" or "refused" (a resconv error from the reader)."""
    try:
        result = resconv.read_bytes(data, format=reader, source="<fuzz>")
    except ResconvError:
        return "refused"
    for name in writers:
        with contextlib.suppress(ResconvError):  # a documented refusal, not a crash
            written = resconv.write(result.value, name)
            if name == "akn":
                resconv.validate(written)  # the profile and the XSD, on the same size
    return "read"


def _alarm(signum: int, frame: object) -> None:
    raise OverBudget


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--writers", default="akn,json")
    parser.add_argument("--base", type=float, default=5.0, help="seconds every input may take")
    parser.add_argument("--per-mb", type=float, default=20.0, help="seconds more per megabyte")
    args = parser.parse_args()
    writers = [w for w in args.writers.split(",") if w]
    rng = random.Random(args.seed)
    signal.signal(signal.SIGALRM, _alarm)
    failures = 0
    for index in range(args.rounds):
        shape, reader, data = inputs(rng)
        budget = args.base + args.per_mb * len(data) / 1e6
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, budget)
        outcome = "ok"
        try:
            outcome = run_one(data, reader, writers)
        except OverBudget:
            outcome = "slow"
        except Exception as exc:  # a crash: anything that is not a resconv error
            outcome = f"crash ({type(exc).__name__}: {exc})"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seconds = time.perf_counter() - started
        print(
            f"{index + 1:3} {shape:32} {len(data) / 1e6:6.2f} MB {seconds:7.2f} s "
            f"(budget {budget:.0f} s) {outcome}",
            flush=True,
        )
        if outcome not in ("read", "refused"):
            failures += 1
            kind = "slow" if outcome == "slow" else "crash"
            saved = ROOT / "fuzz" / f"{kind}-{hashlib.sha1(data).hexdigest()[:12]}.{reader}"
            saved.write_bytes(data)
            print(f"    saved as {saved.relative_to(ROOT)}", flush=True)
    print(f"{args.rounds} inputs, {failures} over budget or crashed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
