"""Harvest the words of General Assembly resolutions from the UN's AKN, per language.

Reads the text of every resolution of the given sessions and writes, per language, the
words (lower case, letters only) that at least ``--min-documents`` resolutions use:
the common vocabulary of resolutions, never one document's wording; and the compounds
of two words ("seventy-fifth") they use as often, which they almost never print as two
words. The output is ``resconv/lang/vocabulary/<code>.txt``, which the text reader uses
to rejoin words that a PDF extraction split with a stray space ("e radicate", "sessi
on") and to give back hyphens it dropped ("seventyfifth").

    python tools/harvest_vocabulary.py /path/to/GAresolutions --sessions 75-80

Not run in CI: it needs the UN corpus (github UNxml/GAresolutions), which the project
does not ship.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

FOLDERS = {"English": "en", "French": "fr", "Spanish": "es"}
"""Latin-script languages, whose real PDF extractions split words with stray spaces."""
OUT = Path(__file__).resolve().parent.parent / "resconv" / "lang" / "vocabulary"
WORD = re.compile(r"(?<![\w\-’'])[^\W\d_]{2,}(?![\w\-])|(?<=\s)[^\W\d_](?=\s)")
"""A whole word: letters between neither letters nor digits ("20th" gives none), not
after an apostrophe ("State’s"); a single letter only between spaces (not "(a)")."""
COMPOUND = re.compile(r"(?<![\w\-’'])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w\-])")
"""A compound of two words ("two-state", "seventy-fifth"), kept with its hyphen."""
SPACED_RARITY = 20
"""A compound is kept when resolutions print it as two words at most once in this many
of those that use it: "seventy-fifth" is, "follow-up" (also "to follow up") is not."""
SINGLE_LETTER_SHARE = 0.25
"""A single letter is a word ("a", "y", "à") when this share of resolutions use it alone;
letters that only name things ("section B") are rarer."""


def corpus_arguments(
    doc: str, languages: dict[str, str], *, min_documents: int
) -> tuple[argparse.Namespace, int, int, dict[str, str]]:
    """The harvests' common command line: the corpus, its sessions (first and last) and
    the languages' folders chosen among `languages`, with `--min-documents`."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="root of a GAresolutions checkout")
    parser.add_argument("--sessions", default="75-80", help="first-last session, e.g. 75-80")
    parser.add_argument("--min-documents", type=int, default=min_documents)
    parser.add_argument("--languages", default=",".join(languages.values()))
    args = parser.parse_args()
    first, last = (int(part) for part in args.sessions.split("-"))
    chosen = args.languages.split(",")
    folders = {folder: code for folder, code in languages.items() if code in chosen}
    return args, first, last, folders


def resolution_texts(corpus: Path, first: int, last: int, folder: str) -> Iterator[str]:
    """The text of each resolution of sessions `first`–`last` in one language's folder,
    in lower case with its white space folded: what the harvests count words in."""
    for session in range(first, last + 1):
        for path in sorted((corpus / f"{session}session" / folder).glob("*.xml")):
            try:
                root = etree.parse(str(path), etree.XMLParser(resolve_entities=False))
            except etree.XMLSyntaxError:
                continue
            yield " ".join(" ".join(root.getroot().itertext()).split()).lower()


def main() -> int:
    args, first, last, folders = corpus_arguments(__doc__, FOLDERS, min_documents=10)
    for folder, code in folders.items():
        counts: collections.Counter[str] = collections.Counter()
        spaced: collections.Counter[str] = collections.Counter()
        files = 0
        for text in resolution_texts(args.corpus, first, last, folder):
            files += 1
            counts.update(set(WORD.findall(text)))
            compounds = {a + "-" + b for a, b in COMPOUND.findall(text)}
            counts.update(compounds)
            spaced.update(c for c in compounds if c.replace("-", " ") in text)
        kept = sorted(
            w
            for w, n in counts.items()
            if n >= (args.min_documents if len(w) > 1 else files * SINGLE_LETTER_SHARE)
            and ("-" not in w or spaced[w] * SPACED_RARITY <= n)
        )
        header = [
            f"# Words of General Assembly resolutions ({code}), harvested by",
            "# tools/harvest_vocabulary.py from the UN's Akoma Ntoso (github",
            f"# UNxml/GAresolutions, {files} resolutions); each is used by at least "
            f"{args.min_documents}.",
        ]
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{code}.txt").write_text("\n".join(header + kept) + "\n", encoding="utf-8")
        print(f"{code}: {files} resolutions, {len(kept)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
