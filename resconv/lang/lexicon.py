"""Initial phrases harvested from the UN's own Akoma Ntoso, one data file per language.

`lexicon/<code>.txt` lists, under ``[preambular]`` and ``[operative]``, the phrases that
open paragraphs in at least a few resolutions (``tools/harvest_initial_words.py``
writes them). They add to the bases each language module names, so a paragraph
opening with an initial phrase the UN uses is known as one even when no rule of the
module foresaw it. Read on first use.
"""

from __future__ import annotations

import functools
from pathlib import Path

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Literal

__all__ = ["initial_phrases"]

_FOLDER = Path(__file__).resolve().parent / "lexicon"


def initial_phrases(code: str, kind: Literal["preambular", "operative"]) -> tuple[str, ...]:
    """The harvested initial phrases of `kind` in language `code` (none without a file)."""
    return _read(code).get(kind, ())


@functools.cache
def _read(code: str) -> dict[str, tuple[str, ...]]:
    path = _FOLDER / f"{code}.txt"
    if not path.is_file():
        return {}
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return {kind: tuple(phrases) for kind, phrases in sections.items()}
