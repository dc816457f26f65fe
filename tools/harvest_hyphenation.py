"""Harvest the hyphenated compounds of General Assembly resolutions from the UN's AKN.

Writes, per language, the compounds of two words ("high-quality", "work-planning") that
at least ``--min-documents`` resolutions print with their hyphen, and at least
``HYPHENATED_SHARE`` times as many resolutions print so as print them as two words. A
PDF extraction that sets a paragraph on one line drops the hyphens of the words it cut
at the line's end ("high quality", "workplanning"); the text reader gives such a word
its hyphen back where a line of the page ended, when the language prints it so. The
output is ``resconv/lang/hyphenation/<code>.txt``.

    python tools/harvest_hyphenation.py /path/to/GAresolutions --sessions 75-80

Not run in CI: it needs the UN corpus (github UNxml/GAresolutions), which the project
does not ship.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

from harvest_vocabulary import COMPOUND, corpus_arguments, resolution_texts

FOLDERS = {"English": "en", "French": "fr", "Spanish": "es", "Russian": "ru"}
OUT = Path(__file__).resolve().parent.parent / "resconv" / "lang" / "hyphenation"
HYPHENATED_SHARE = 4
"""A compound is kept when at least this many times as many resolutions print it with
its hyphen as print it as two words: "high-quality" (123 against 14) is, a verb and its
object that happen to make a compound elsewhere are not."""


def main() -> int:
    args, first, last, folders = corpus_arguments(__doc__, FOLDERS, min_documents=3)
    for folder, code in folders.items():
        hyphenated: collections.Counter[str] = collections.Counter()
        spaced: collections.Counter[str] = collections.Counter()
        files = 0
        for text in resolution_texts(args.corpus, first, last, folder):
            files += 1
            compounds = {a + "-" + b for a, b in COMPOUND.findall(text)}
            hyphenated.update(compounds)
            spaced.update(c for c in compounds if c.replace("-", " ") in text)
        kept = sorted(
            word
            for word, n in hyphenated.items()
            if n >= args.min_documents and spaced[word] * HYPHENATED_SHARE <= n
        )
        header = [
            f"# Hyphenated compounds of General Assembly resolutions ({code}), harvested by",
            "# tools/harvest_hyphenation.py from the UN's Akoma Ntoso (github",
            f"# UNxml/GAresolutions, {files} resolutions); each printed so by at least "
            f"{args.min_documents}.",
        ]
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{code}.txt").write_text("\n".join(header + kept) + "\n", encoding="utf-8")
        print(f"{code}: {files} resolutions, {len(kept)} compounds", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
