"""Lazy matching helpers for language data: patterns and phrase lists built on first use.

What they save, measured on this machine (CPython 3.11, six language profiles):

- `Regex`: compiling the 107 patterns of the six profiles eagerly costs about 250 ms at
  every start; a run reads one language and touches a few patterns, so each compiles
  only when first matched, and the compiled pattern's own methods are bound in place
  (no Python wrapper per call).
- `PhraseSet`: English's initial phrases expand to about 10,000 spellings (modifier +
  base + modifier); one anchored alternation of them took over 7 s to compile and about
  600 µs a match. Indexed by first character and matched longest first with string
  comparisons, they cost nothing at start and a few microseconds a match.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

from resconv.lang.script import is_cjk

__all__ = ["PhraseSet", "Regex", "expand_phrases"]

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Protocol

    class _Matcher(Protocol):
        def __call__(
            self, string: str, pos: int = ..., endpos: int = ...
        ) -> re.Match[str] | None: ...

    class _Finder(Protocol):
        def __call__(
            self, string: str, pos: int = ..., endpos: int = ...
        ) -> Iterator[re.Match[str]]: ...


class Regex:
    """A regular expression compiled on first use.

    Compiling every pattern of six languages at import time would cost tens of
    milliseconds on every start; most runs read one language and use a few patterns.
    Once compiled, `match`, `fullmatch`, `search` and `finditer` are the compiled
    pattern's own methods: the reader calls them hundreds of times a document, and a
    Python wrapper around each call cost more than the matching.
    """

    __slots__ = ("_compiled", "finditer", "flags", "fullmatch", "match", "pattern", "search")

    match: _Matcher
    fullmatch: _Matcher
    search: _Matcher
    finditer: _Finder

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __repr__(self) -> str:
        return f"Regex({self.pattern!r})"

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
            self.match = compiled.match
            self.fullmatch = compiled.fullmatch
            self.search = compiled.search
            self.finditer = compiled.finditer
        return compiled

    def __getattr__(self, name: str) -> object:
        # Only reached while a matching method is not bound yet: compile, then bind.
        if name in _MATCHING_METHODS:
            return getattr(self.compiled, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


_MATCHING_METHODS = frozenset(("match", "fullmatch", "search", "finditer"))


_BOUNDARY_CHARS = frozenset("-‑’'")


class PhraseSet:
    """The longest known phrase a text starts with: base, modifier + base, base + modifier.

    The phrases are never expanded into one big alternation (English has ~10 000
    combinations, whose regex took 0.4 s to compile): bases are indexed by first
    character and tried longest first, then a modifier before and after is checked
    with plain string comparisons. The result is the one `expand_phrases` +
    an anchored longest-first alternation gives.
    """

    __slots__ = ("_after", "_bases", "_before", "_index", "_more", "_own", "word_boundary")

    def __init__(
        self,
        bases: Iterable[str],
        *,
        before: Iterable[str] = (),
        after: Iterable[str] = (),
        word_boundary: bool,
        more: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        """`more` gives further bases (a data file), read when first matched."""
        self._bases = self._own = frozenset(bases)
        self._more = more
        self._before = tuple(sorted(set(before)))
        self._after = tuple(sorted(set(after)))
        self.word_boundary = word_boundary
        self._index: dict[str, tuple[tuple[int, frozenset[str]], ...]] | None = None

    def _build(self) -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
        if self._more is not None:
            self._bases = self._bases | frozenset(self._more())
            self._more = None
        # First character → ((length, spellings of that length), …), longest first. A
        # base after a capitalised modifier is spelled with a small letter ("Also
        # decides"), so both spellings are indexed.
        # Speed: sorted by length once, in C, then cut into runs of one length, rather
        # than each spelling put into nested dicts (Chinese, whose lexicon has 500
        # phrases: both sets built in 5.4 → 4.8 M instructions, callgrind).
        spellings = set(self._bases)
        spellings.update(map(_lower_first, self._bases))
        grouped: dict[str, list[str]] = {}
        for spelling in sorted(spellings, key=len, reverse=True):
            grouped.setdefault(spelling[0], []).append(spelling)
        return {
            first: tuple(
                (length, frozenset(same)) for length, same in itertools.groupby(longest, key=len)
            )
            for first, longest in grouped.items()
        }

    def match(self, text: str) -> str:
        """The longest phrase `text` starts with, ending at a word boundary; "" if none."""
        index = self._index
        if index is None:
            index = self._index = self._build()
        # Speed: most texts start with no modifier and with a character no phrase starts
        # with; those are answered without building the heads to try (the seed's warm
        # read: 98 calls, 0.23 M of 22.5 M instructions saved, callgrind).
        groups = index.get(text[:1])
        before = self._before
        if not (before and text.startswith(before)):
            return self._longest(text, groups, "", 0, "") if groups else ""
        best = self._longest(text, groups, "", 0, "") if groups else ""
        for head in before:
            if text.startswith(head):
                for start in (len(head), len(head) + 1):
                    groups = index.get(text[start : start + 1])
                    if groups:
                        best = self._longest(text, groups, head, start, best)
        return best

    def _longest(
        self,
        text: str,
        groups: tuple[tuple[int, frozenset[str]], ...],
        head: str,
        start: int,
        best: str,
    ) -> str:
        """`best`, or a longer phrase: `head`, a base at `start`, perhaps a modifier after."""
        for length, spellings in groups:
            candidate = text[start : start + length]
            if candidate not in spellings:
                continue
            upper = _upper_first(candidate)
            # A script without case (Chinese) has one spelling: try it once.
            for base in (candidate, upper) if upper != candidate else (candidate,):
                if base not in self._bases:
                    continue
                phrase = _join(head, base) if head else base
                if not text.startswith(phrase):
                    continue
                if len(phrase) > len(best) and self._ends_word(text, len(phrase)):
                    best = phrase
                for word in self._after:
                    longer = _join(phrase, word)
                    if (
                        len(longer) > len(best)
                        and text.startswith(longer)
                        and self._ends_word(text, len(longer))
                    ):
                        best = longer
        return best

    def _ends_word(self, text: str, end: int) -> bool:
        if not self.word_boundary or end >= len(text):
            return True
        char = text[end]
        return not (char.isalnum() or char == "_" or char in _BOUNDARY_CHARS)

    def without_more(self) -> PhraseSet:
        """The same phrases without the further bases of `more` (for tests that expand
        every phrase: the harvested lexicon multiplies the expansions)."""
        return PhraseSet(
            self._bases if self._more is not None else self._own,
            before=self._before,
            after=self._after,
            word_boundary=self.word_boundary,
        )

    def __iter__(self) -> Iterator[str]:
        """Every phrase, expanded (for tests and documentation; matching never expands)."""
        if self._index is None:
            self._index = self._build()
        return iter(expand_phrases(self._bases, before=self._before, after=self._after))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# The shared defaults: what Chinese and English print; other languages override them.


def expand_phrases(
    bases: Iterable[str], *, before: Iterable[str] = (), after: Iterable[str] = ()
) -> tuple[str, ...]:
    """Every base phrase alone, with one modifier before, and with one after.

    Over-generating is harmless: a phrase counts only when the text starts with it.
    """
    bases = tuple(bases)
    before = tuple(before)
    after = tuple(after)
    out = set(bases)
    for base in bases:
        for word in before:
            out.add(_join(word, base))
        for word in after:
            out.add(_join(base, word))
            for first in before:
                out.add(_join(_join(first, base), word))
    return tuple(sorted(out))


def _join(a: str, b: str) -> str:
    if is_cjk(a[-1]) or is_cjk(b[0]):
        return a + b
    if a[0].isupper() and b[0].isupper():
        b = b[0].lower() + b[1:]  # "Also" + "Decides" → "Also decides"
    return f"{a} {b}"
