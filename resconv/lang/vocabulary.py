"""Words of General Assembly resolutions, harvested from the UN's own Akoma Ntoso.

`vocabulary/<code>.txt` lists the words (lower case) that at least a few resolutions
use, and the compounds of two words ("seventy-fifth") they use as often and almost
never print as two words (``tools/harvest_vocabulary.py`` writes them). The text
reader checks against it whether a piece of a word split by a PDF extraction is a
word at all, and where the extraction dropped a hyphen. Read on first use, so a text
without a suspect split never pays for it.
"""

from __future__ import annotations

import functools
from pathlib import Path

__all__ = ["compounds", "hyphenated", "vocabulary"]

_FOLDER = Path(__file__).resolve().parent / "vocabulary"
_HYPHENATION = Path(__file__).resolve().parent / "hyphenation"


@functools.cache
def vocabulary(code: str) -> frozenset[str]:
    """The harvested words of language `code` (empty without a file)."""
    path = _FOLDER / f"{code}.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.cache
def compounds(code: str) -> dict[str, int]:
    """The harvested compounds of language `code`, by their letters run together, each
    with where its hyphen goes: {"seventyfifth": 7}."""
    return {word.replace("-", ""): word.index("-") for word in vocabulary(code) if "-" in word}


@functools.cache
def hyphenated(code: str) -> dict[str, int]:
    """The compounds that resolutions in language `code` print with their hyphen far more
    often than as two words (``hyphenation/<code>.txt``, written by
    ``tools/harvest_hyphenation.py``), by their letters run together: {"highquality": 4}."""
    path = _HYPHENATION / f"{code}.txt"
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    return {
        line.replace("-", ""): line.index("-")
        for line in lines
        if line and not line.startswith("#") and "-" in line
    }
