"""What the text reader must know about a language to recognise a resolution in it.

One `LanguageProfile` per language lives in `resconv.lang.<code>` as `PROFILE`; the
reader holds no language knowledge of its own. `profile()` imports a module only
when its language is first needed, so reading English never loads the Chinese data.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from resconv.errors import UsageError

__all__ = [
    "TEXT_LANGUAGES",
    "LanguageProfile",
    "expand_phrases",
    "phrase_pattern",
    "profile",
]

TEXT_LANGUAGES: tuple[str, ...] = ("zh", "en")
"""Languages the text reader has a profile for, in detection order."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageProfile:
    """Reader-side data for one language: patterns and word lists, no code paths."""

    code: str
    """ISO 639-1, as in `resconv.lang.LANGUAGES`."""
    joiner: Literal["cjk", "space"]
    """How hard-wrapped lines join: "cjk" drops the break (and stray spaces next to
    CJK characters), "space" puts one space between the two lines."""
    authority: re.Pattern[str]
    """Full match of the enacting formula line: "大会，", "The General Assembly,"."""
    preambular: re.Pattern[str]
    """Longest known preambular initial words at the start of a paragraph."""
    operative: re.Pattern[str]
    """Longest known operative initial words at the start of a paragraph."""
    fallback_stop_words: frozenset[str] = frozenset()
    """Words that end fallback initial words (empty: no fallback, initial words stay "")."""
    fallback_max_words: int = 4
    date: re.Pattern[str]
    """A date with named groups ``day``, ``month``, ``year``."""
    months: Mapping[str, int] = field(default_factory=dict)
    """Month names (lower case) → number, for languages that spell months out."""
    meeting: re.Pattern[str]
    """A meeting line with the named group ``number``: "48th plenary meeting"."""
    annex: re.Pattern[str]
    """Full match of an annex label line: "Annex", "Annex II", "附件", "附件二"."""
    session: re.Pattern[str]
    """The session line of the cover page: "Eightieth session", "第六十七届会议"."""
    agenda_item: re.Pattern[str]
    """The agenda item of the cover page, the number in the named group ``item``."""
    adopted_line: re.Pattern[str]
    """"Resolution adopted by the General Assembly on …" (whitespace-collapsed text)."""
    glued_marker: re.Pattern[str]
    """Where a footnote marker printed inline can be: "Nations1", "2024,1", "》，1". The
    marker is the match's only non-empty group. Searched only for markers whose footnote
    body was found, in marker order, so "A.2" or a year is not taken for a marker."""
    suspended_hyphen_words: frozenset[str] = frozenset()
    """Words after "pre- " that keep the space: "pre- and post-conflict"."""
    detect_words: frozenset[str] = frozenset()
    """Frequent short words that tell this language from other Latin-script ones."""

    def initial_words(self, text: str, *, operative: bool) -> str:
        """The initial words of a paragraph: the longest known phrase, else the fallback."""
        match = (self.operative if operative else self.preambular).match(text)
        if match:
            return match.group()
        if not self.fallback_stop_words:
            return ""
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
        month_text = match.group("month")
        month = self.months.get(month_text.lower()) if self.months else None
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
    if _is_cjk(a[-1]) or _is_cjk(b[0]):
        return a + b
    if a[0].isupper() and b[0].isupper():
        b = b[0].lower() + b[1:]  # "Also" + "Decides" → "Also decides"
    return f"{a} {b}"


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def phrase_pattern(phrases: Iterable[str], *, word_boundary: bool) -> re.Pattern[str]:
    """One anchored regex choosing the longest phrase of `phrases` (tried longest first)."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p) for p in ordered)
    tail = r"(?![\w\-‑’'])" if word_boundary else ""
    return re.compile(f"(?:{body}){tail}")


_loaded: dict[str, LanguageProfile] = {}


def profile(code: str) -> LanguageProfile:
    """The text-reader profile of language `code`; a usage error lists the supported ones."""
    if code not in _loaded:
        if code not in TEXT_LANGUAGES:
            known = ", ".join(TEXT_LANGUAGES)
            raise UsageError(
                f"the text reader does not know language {code!r} yet (it reads: {known})"
            )
        module = importlib.import_module(f"resconv.lang.{code}")
        value = module.PROFILE
        assert isinstance(value, LanguageProfile)
        _loaded[code] = value
    return _loaded[code]
