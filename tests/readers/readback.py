"""Comparing a model read back from a PDF or DOCX with the model the file was made from."""

from __future__ import annotations

import dataclasses
import re

from resconv.model import Resolution

COMPARED = (
    "symbol",
    "number",
    "language",
    "title",
    "authority",
    "preamble",
    "operative",
    "footnotes",
    "adoption",
    "annexes",
)


def normalised(value: object, nbsp: bool) -> object:
    """`value` as a printed page can give it back.

    With `nbsp`: a no-break space is a space and a no-break hyphen a hyphen (they print
    as one, and a producer may map their glyphs so; the text reader reads a no-break
    space as a space), runs of spaces are one space, and invisible format characters
    (left-to-right marks, zero-width spaces) are gone. Always: no space at either end of a piece
    of text, which is layout rather than text.
    """
    if isinstance(value, str):
        text = value
        if nbsp:
            text = _INVISIBLE.sub("", text.replace("\u00a0", " ").replace("\u2011", "-"))
            text = _SPACES.sub(" ", text)
        return text.strip(" ")
    if isinstance(value, tuple):
        return tuple(normalised(item, nbsp) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: normalised(getattr(value, f.name), nbsp) for f in dataclasses.fields(value)}
    return value


_SPACES = re.compile(" {2,}")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff\u00ad]")


def differences(expected: Resolution, got: Resolution, *, nbsp: bool = False) -> list[str]:
    """The parts of `got` that differ from `expected`, first difference of each."""
    out = []
    for name in COMPARED:
        want, have = (normalised(getattr(r, name), nbsp) for r in (expected, got))
        if want == have:
            continue
        if isinstance(want, tuple) and isinstance(have, tuple):
            if len(want) != len(have):
                out.append(f"{name}: {len(have)} instead of {len(want)}")
                continue
            index = next(i for i, (a, b) in enumerate(zip(want, have, strict=True)) if a != b)
            out.append(f"{name}[{index}]: {str(have[index])[:160]} != {str(want[index])[:160]}")
        else:
            out.append(f"{name}: {str(have)[:160]} != {str(want)[:160]}")
    return out
