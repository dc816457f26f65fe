"""What the text reader must know about a language to recognise a resolution in it.

One `LanguageProfile` per language lives in `resconv.lang.<code>` as `PROFILE`; the
reader holds no language knowledge of its own. `profile()` imports a module only
when its language is first needed, so reading English never loads the Chinese data,
and a profile's patterns (`Regex`) and phrase lists (`PhraseSet`) are compiled on
first use, so importing a language module costs next to nothing.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

from resconv.errors import UsageError
from resconv.lang.script import is_cjk

__all__ = [
    "TEXT_LANGUAGES",
    "LanguageProfile",
    "PhraseSet",
    "Regex",
    "expand_phrases",
    "lines",
    "profile",
]

TEXT_LANGUAGES: tuple[str, ...] = ("zh", "en", "fr", "es", "ru", "ar")
"""Languages the text reader has a profile for, in detection order."""


class _Matcher(Protocol):
    def __call__(self, string: str, pos: int = ..., endpos: int = ...) -> re.Match[str] | None: ...


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

    __slots__ = ("_after", "_bases", "_before", "_index", "word_boundary")

    def __init__(
        self,
        bases: Iterable[str],
        *,
        before: Iterable[str] = (),
        after: Iterable[str] = (),
        word_boundary: bool,
    ) -> None:
        self._bases = frozenset(bases)
        self._before = tuple(sorted(set(before)))
        self._after = tuple(sorted(set(after)))
        self.word_boundary = word_boundary
        self._index: dict[str, tuple[tuple[int, frozenset[str]], ...]] | None = None

    def _build(self) -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
        # First character → ((length, spellings of that length), …), longest first. A
        # base after a capitalised modifier is spelled with a small letter ("Also
        # decides"), so both spellings are indexed.
        grouped: dict[str, dict[int, set[str]]] = {}
        for base in self._bases:
            for spelling in {base, _lower_first(base)}:
                grouped.setdefault(spelling[0], {}).setdefault(len(spelling), set()).add(spelling)
        return {
            first: tuple(
                (length, frozenset(spellings))
                for length, spellings in sorted(by_length.items(), reverse=True)
            )
            for first, by_length in grouped.items()
        }

    def match(self, text: str) -> str:
        """The longest phrase `text` starts with, ending at a word boundary; "" if none."""
        index = self._index
        if index is None:
            index = self._index = self._build()
        best = ""
        heads = [""]
        if self._before and text.startswith(self._before):
            heads.extend(word for word in self._before if text.startswith(word))
        for head in heads:
            starts = (len(head), len(head) + 1) if head else (0,)
            for start in starts:
                for length, spellings in index.get(text[start : start + 1], ()):
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

    def __iter__(self) -> Iterator[str]:
        """Every phrase, expanded (for tests and documentation; matching never expands)."""
        return iter(expand_phrases(self._bases, before=self._before, after=self._after))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# The shared defaults: what Chinese and English print; other languages override them.
TITLE = r"(?P<number>(?:ES-|S-)?\d{1,3}/\d{1,4}(?: ?[A-Z](?![\w/]))?)\s*[.．]\s*(?P<title>\S.*)?"
OPERATIVE_NUMBER = r"(?P<num>\d{1,3}\s*[.．]|[０-９]{1,3}\s*．)\s*"
SUBPARAGRAPH = r"(?P<num>[(（]\s*(?:[a-z]{1,2}|[ivxlc]{1,6})\s*[)）]|[\u3220-\u3229])\s*"
STRUCTURAL = (
    r"\d{1,3}\s*[.．](?:\s|$)"  # 1.
    r"|[(（](?:[a-z]{1,2}|[ivxlc]{1,6})[)）]"  # (a) (ii)
    r"|[\u3220-\u3229]"  # ㈠
    r"|[IVXLC]{1,6}\.?$"  # I  II.
    r"|[A-Z]\.(?:\s|$)"  # A.
)
SECTION_NUMBER = r"[IVXLC]{1,6}\.?|[一二三四五六七八九十]{1,3}"
LETTER_HEADING = r"(?P<num>[A-Z][.．])\s+(?P<text>\S.*)"
LETTER_ALONE = r"[A-Z][.．]"
NOTE_START = r"(?P<m>\d{1,3}|\*{1,3})\s+(?P<text>\S.*)"
DISTRIBUTION = r"Distr\.?\s*:\s*([A-Z][a-z]+)"


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageProfile:
    """Reader-side data for one language: patterns and word lists, no code paths."""

    code: str
    """ISO 639-1, as in `resconv.lang.LANGUAGES`."""
    joiner: Literal["cjk", "space"]
    """How hard-wrapped lines join: "cjk" drops the break (and stray spaces next to
    CJK characters), "space" puts one space between the two lines."""
    authority: Regex
    """Full match of the enacting formula line: "大会，", "The General Assembly,"."""
    preambular: PhraseSet
    """Known preambular initial words (the longest one at the start of a paragraph wins)."""
    operative: PhraseSet
    """Known operative initial words."""
    fallback_stop_words: frozenset[str] = frozenset()
    """Words that end fallback initial words (empty: no fallback, initial words stay "")."""
    fallback_max_words: int = 4
    date: Regex
    """A date with named groups ``day``, ``month``, ``year``."""
    months: Mapping[str, int] = field(default_factory=dict)
    """Month names (lower case, no spaces) → number, for languages that spell months out.
    A name printed as "Levantine/Western" is also looked up by its part after the slash."""
    meeting: Regex
    """A meeting line with the named group ``number``: "48th plenary meeting"."""
    annex: Regex
    """Full match of an annex label line: "Annex", "Annex II", "附件", "附件二"."""
    session: Regex
    """The session line of the cover page: "Eightieth session", "第六十七届会议"."""
    agenda_item: Regex
    """The agenda item of the cover page, the number in the named group ``item``."""
    adopted_line: Regex
    """"Resolution adopted by the General Assembly on …" (whitespace-collapsed text)."""
    distribution: Regex = field(default_factory=lambda: Regex(DISTRIBUTION))
    """The cover's distribution line, the kind ("General", "générale") in group 1."""
    glued_marker: Regex
    """Where a footnote marker printed inline can be: "Nations1", "2024,1", "》，1". The
    marker is the match's last non-empty group; a group named ``span`` (when present)
    is what is cut out of the text ("(1)" in Arabic), else the marker alone. Searched
    only for markers whose footnote body was found, in marker order, so "A.2" or a
    year is not taken for a marker."""
    title: Regex = field(default_factory=lambda: Regex(TITLE))
    """The number and title line, groups ``number`` and ``title``: "67/38. 促进…"."""
    operative_number: Regex = field(default_factory=lambda: Regex(OPERATIVE_NUMBER))
    """The number at the start of an operative paragraph, group ``num``: "1.", "1 -"."""
    squeeze_number: bool = True
    """Whether spaces inside a printed number go ("1 ．" → "1．") or stay single ("1 -")."""
    subparagraph: Regex = field(default_factory=lambda: Regex(SUBPARAGRAPH))
    """A subparagraph label at the start of a paragraph, group ``num``: "(a)", "a)", "(أ)"."""
    structural: Regex = field(default_factory=lambda: Regex(STRUCTURAL))
    """Starts of numbered paragraphs, subparagraphs and section headings."""
    section_number: Regex = field(default_factory=lambda: Regex(SECTION_NUMBER))
    """A section heading number alone on its line: "I", "II.", "一", "أولا"."""
    letter_heading: Regex = field(default_factory=lambda: Regex(LETTER_HEADING))
    """A lettered section heading with its text, groups ``num`` and ``text``: "A. Title"."""
    letter_alone: Regex = field(default_factory=lambda: Regex(LETTER_ALONE))
    """A lettered section heading's number alone on its line: "A."."""
    note_start: Regex = field(default_factory=lambda: Regex(NOTE_START))
    """The first line of a footnote body at a page foot, groups ``m`` and ``text``."""
    suspended_hyphen_words: frozenset[str] = frozenset()
    """Words after "pre- " that keep the space: "pre- and post-conflict"."""
    detect_words: frozenset[str] = frozenset()
    """Frequent short words that tell this language from other Latin-script ones."""
    capitalised: bool = False
    """Whether every paragraph starts with a capital letter (its initial words do), so
    that a line in lower case after a page break continues the paragraph before it."""
    wrap_up_start: Regex | None = None
    """How an unnumbered paragraph that closes a list of subparagraphs can start (it
    continues their sentence: "and requests …"); None where the script gives no sign."""

    def initial_words(self, text: str, *, operative: bool) -> str:
        """The initial words of a paragraph: the longest known phrase, else the fallback."""
        found = (self.operative if operative else self.preambular).match(text)
        if found or not self.fallback_stop_words:
            return found
        return self._fallback(text)

    def _fallback(self, text: str) -> str:
        # Leading words up to the first function word, capitalised word (a name such as
        # "Member States") or punctuation: "Strongly condemns the …" → "Strongly condemns".
        words: list[str] = []
        end = 0
        for match in _WORD.finditer(text):
            if match.start() != end + (1 if words else 0) or len(words) >= self.fallback_max_words:
                break
            word = match.group()
            if word.lower() in self.fallback_stop_words or (words and word[0].isupper()):
                break
            if not words and not word[0].isupper():
                return ""
            words.append(word)
            end = match.end()
        return text[:end] if words else ""

    def parse_date(self, match: re.Match[str]) -> _dt.date | None:
        """The date a `date` match stands for; None when it is not a real date."""
        month_text = "".join(match.group("month").lower().split())
        month = None
        if self.months:
            month = self.months.get(month_text)
            if month is None and "/" in month_text:
                month = self.months.get(month_text.rsplit("/", 1)[1])
        if month is None and month_text.isdigit():
            month = int(month_text)
        if month is None:
            return None
        try:
            return _dt.date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            return None


_WORD = re.compile(r"[^\W\d_][\w'’\-‑]*")


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


def lines(block: str) -> tuple[str, ...]:
    """The non-blank lines of `block`, stripped: word lists written one phrase a line."""
    return tuple(line.strip() for line in block.splitlines() if line.strip())


_loaded: dict[str, LanguageProfile] = {}


def profile(code: str) -> LanguageProfile:
    """The text-reader profile of language `code`; a usage error lists the supported ones."""
    found = _loaded.get(code)
    if found is None:
        if code not in TEXT_LANGUAGES:
            known = ", ".join(TEXT_LANGUAGES)
            raise UsageError(
                f"the text reader does not know language {code!r} yet (it reads: {known})"
            )
        module = importlib.import_module(f"resconv.lang.{code}")
        found = module.PROFILE
        assert isinstance(found, LanguageProfile)
        _loaded[code] = found
    return found
