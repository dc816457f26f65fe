"""Words that PDF extraction split with a stray space, rejoined from the text's own words.

pdftotext sometimes cuts a word where two glyph runs meet: "Pe oples", "c oncerned",
"it s", "compe tition", and leaves a space before a hyphen: "non -proliferation". A pair
of pieces is rejoined on one of two grounds:

- the text is its own dictionary: the whole word occurs elsewhere in the same text,
  neither piece occurs on its own elsewhere, and one of them is short;
- the language's vocabulary (words used by several resolutions, `resconv.lang.vocabulary`)
  has the whole word but not one of the pieces: "sessi on", "a rticle", "e radicate".

A real pair of words ("up on", "with in", "услугам и", "de s") stays: each piece is a word.
"""

from __future__ import annotations

import re
from collections import Counter

from resconv.diagnostics import Diagnostics
from resconv.lang.vocabulary import vocabulary

__all__ = ["rejoin_split_words"]

_WORD = re.compile(r"[^\W\d_]+")
_PAIR = re.compile(r"(?<![^\W\d_]|[’'])(?=([^\W\d_]+) ([^\W\d_]+)(?![^\W\d_]|[’']))")
"""Two pieces of letters with a space between; a piece beside an apostrophe is an
elided word ("de l’entrée", "d’ un"), never a fragment."""
_FRAGMENT = 3
"""One of the two pieces, neither of which stands alone in the text, is this short."""
_SPACE_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?=[^\W\d_])")


def rejoin_split_words(
    texts: list[str], diagnostics: Diagnostics, lines: list[int], *, lang: str
) -> list[str]:
    """`texts` (content lines) with split words rejoined; each repair is reported."""
    known = vocabulary(lang)
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        words.update(word.lower() for word in _WORD.findall(text))
        for match in _PAIR.finditer(text):
            pairs[(match.group(1).lower(), match.group(2).lower())] += 1
    out: list[str] = []
    for text, line in zip(texts, lines, strict=True):
        if " -" in text:
            text = _SPACE_HYPHEN.sub("-", text)
        out.append(_rejoin(text, words, pairs, known, diagnostics, line))
    return out


def _rejoin(
    text: str,
    words: Counter[str],
    pairs: Counter[tuple[str, str]],
    known: frozenset[str],
    diagnostics: Diagnostics,
    line: int,
) -> str:
    pieces: list[str] = []
    position = 0
    for match in _PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        start = match.start()
        if start < position or not second[:1].islower():
            continue
        key = (first.lower(), second.lower())
        if not (_split_in_text(key, words, pairs) or _split_in_vocabulary(key, known)):
            continue
        pieces.append(text[position:start] + first + second)
        position = start + len(first) + 1 + len(second)
        joined = first + second
        diagnostics.info(
            "rejoined-split-word", f"rejoined {first + ' ' + second!r} as {joined!r}", line=line
        )
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def _split_in_text(
    key: tuple[str, str], words: Counter[str], pairs: Counter[tuple[str, str]]
) -> bool:
    seen = pairs[key]
    fragments = all(words[piece] <= seen for piece in key)
    return fragments and min(map(len, key)) <= _FRAGMENT and words[key[0] + key[1]] > 0


def _split_in_vocabulary(key: tuple[str, str], known: frozenset[str]) -> bool:
    return (key[0] + key[1]) in known and not (key[0] in known and key[1] in known)
