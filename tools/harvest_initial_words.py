"""Harvest the initial phrases of preambular and operative paragraphs from the UN's AKN.

Reads every resolution of the given sessions in the six languages and German with resconv's own
AKN reader and writes, per language, the initial words (the italic phrase that opens a
preambular or operative paragraph) that at least ``--min-documents`` resolutions use:
generic vocabulary, never one document's wording. The output is
``resconv/lang/lexicon/<code>.txt``, read by the text reader's language profiles.

    python tools/harvest_initial_words.py /path/to/GAresolutions --sessions 75-80

Not run in CI: it needs the UN corpus (github UNxml/GAresolutions), which the project
does not ship.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

from harvest_vocabulary import corpus_arguments

from resconv.errors import ResconvError
from resconv.model import OperativeParagraph
from resconv.readers.akn.reader import AknReader

FOLDERS = {
    "Arabic": "ar",
    "Chinese": "zh",
    "English": "en",
    "French": "fr",
    "Russian": "ru",
    "Spanish": "es",
    "German": "de",
}
OUT = Path(__file__).resolve().parent.parent / "resconv" / "lang" / "lexicon"
MAX_WORDS = 8
DOMINANCE = 20
"""A phrase is left out when a phrase it extends is this many times more used."""


def main() -> int:
    args, first, last, folders = corpus_arguments(__doc__, FOLDERS, min_documents=3)
    reader = AknReader()
    for folder, code in folders.items():
        counts: dict[str, collections.Counter[str]] = {
            "preambular": collections.Counter(),
            "operative": collections.Counter(),
        }
        files = 0
        for session in range(first, last + 1):
            for path in sorted((args.corpus / f"{session}session" / folder).glob("*.xml")):
                try:
                    model = reader.read(path.read_bytes(), source=str(path)).value
                except ResconvError:
                    continue
                files += 1
                seen: dict[str, set[str]] = {"preambular": set(), "operative": set()}
                for para in model.preamble:
                    seen["preambular"].add(_phrase(para.initial_words))
                for block in model.operative:
                    if isinstance(block, OperativeParagraph):
                        seen["operative"].add(_phrase(block.initial_words))
                for kind, phrases in seen.items():
                    counts[kind].update(p for p in phrases if p)
        _write(code, counts, args.min_documents, files)
        print(f"{code}: {files} resolutions", file=sys.stderr)
    return 0


def _phrase(words: str) -> str:
    phrase = " ".join(words.replace("\u00a0", " ").split()).strip(" ,，;；:：")
    return phrase if len(phrase.split()) <= MAX_WORDS else ""


def _dominated(phrase: str, counts: collections.Counter[str]) -> bool:
    """Whether a shorter phrase that `phrase` extends is far more used: "回顾其" (a few
    resolutions italicise the pronoun too) beside "回顾" stays out, so the reader's
    longest-match does not take the pronoun for initial words everywhere."""
    return any(
        phrase.startswith(shorter) and counts[shorter] >= DOMINANCE * counts[phrase]
        for shorter in counts
        if len(shorter) < len(phrase)
    )


def _write(
    code: str, counts: dict[str, collections.Counter[str]], minimum: int, files: int
) -> None:
    lines = [
        f"# Initial phrases of General Assembly resolutions ({code}), harvested by",
        "# tools/harvest_initial_words.py from the UN's Akoma Ntoso (github",
        f"# UNxml/GAresolutions, {files} resolutions); each is used by at least {minimum}.",
    ]
    for kind in ("preambular", "operative"):
        lines.append(f"[{kind}]")
        found = counts[kind]
        kept = sorted(p for p, n in found.items() if n >= minimum and not _dominated(p, found))
        lines.extend(kept)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{code}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
