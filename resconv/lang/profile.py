"""What the text reader must know about a language to recognise a resolution in it.

One `LanguageProfile` per language lives in `resconv.lang.<code>` as `PROFILE`; the
reader holds no language knowledge of its own. `profile()` imports a module only
when its language is first needed, so reading English never loads the Chinese data,
and a profile's patterns (`Regex`) and phrase lists (`PhraseSet`) are compiled on
first use, so importing a language module costs next to nothing.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import field

from resconv import _dates as _dt  # start-up speed: resconv/_dates.py
from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.errors import UsageError
from resconv.lang.matching import PhraseSet, Regex, expand_phrases

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Literal

__all__ = [
    "TEXT_LANGUAGES",
    "LanguageProfile",
    "PhraseSet",
    "Regex",
    "expand_phrases",
    "lines",
    "profile",
]

TEXT_LANGUAGES: tuple[str, ...] = ("zh", "en", "fr", "es", "ru", "ar", "de")
"""Languages the text reader has a profile for, in detection order."""


TITLE = r"(?P<number>(?:ES-|S-)?\d{1,3}/\d{1,4}(?: ?[A-Z](?![\w/]))?)\s*[.．]\s*(?P<title>\S.*)?"
OPERATIVE_NUMBER = r"(?P<num>\d{1,3}\s*[.．]|[０-９]{1,3}\s*．)\s*"
SUBPARAGRAPH = (
    r"(?P<num>[(（]\s*(?:[a-z]{1,2}|[ivxlc]{1,6})\s*[)）]|[\u3220-\u3229\u2460-\u2473])\s*"
)
STRUCTURAL = (
    r"\d{1,3}\s*[.．](?:\s|$)"  # 1.
    r"|[(（](?:[a-z]{1,2}|[ivxlc]{1,6})[)）]"  # (a) (ii)
    r"|[\u3220-\u3229\u2460-\u2473]"  # ㈠ ①
    r"|[IVXLC]{1,6}\.?$"  # I  II.
    r"|[A-Z]\.(?:\s|$)"  # A.
)
HALF_PARENTHESIS_SUBPARAGRAPH = r"(?P<num>\(?(?:[a-z]{1,2}|[ivxlc]{1,6})\))\s*"
"""Subparagraph labels of the languages that print "a)" as well as "(a)" (fr, es, de)."""
HALF_PARENTHESIS_STRUCTURAL = (
    r"\d{1,3}\s*\.(?:\s|$)"  # 1.
    r"|\(?(?:[a-z]{1,2}|[ivxlc]{1,6})\)(?:\s|$)"  # a) ii) (a)
    r"|[IVXLC]{1,6}\.?$"  # I  II.
    r"|[A-Z]\.(?:\s|$)"  # A.
)
"""`STRUCTURAL` for those languages."""
SECTION_NUMBER = r"[IVXLC]{1,6}\.?|[一二三四五六七八九十]{1,3}[.．]?"
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
    rejoins_split_words: bool = False
    """Whether a word cut by a stray space ("Pe oples") is rejoined when the text has the
    whole word elsewhere: for scripts whose words stand apart (Latin, Cyrillic)."""
    suspended_hyphen_words: frozenset[str] = frozenset()
    """Words after "pre- " that keep the space: "pre- and post-conflict"."""
    aside_dash: str = ""
    """The dash that opens an aside glued to its first word ("dimensiones —económica,
    social y ambiental—"), so that a line ending in a space and it runs on with no space."""
    detect_words: frozenset[str] = frozenset()
    """Frequent short words: they tell a Latin-script language from the others, and a
    right-to-left text in visual order (where they are found only reversed)."""
    capitalised: bool = False
    """Whether every paragraph starts with a capital letter (its initial words do), so
    that a line in lower case after a page break continues the paragraph before it."""
    decimal_comma: bool = False
    """Whether a comma between digits is a decimal sign ("0,7 pour cent"), so that digits
    after "2," are no footnote marker."""
    marker_after_punctuation: bool = False
    """Whether a footnote marker follows the punctuation after its word ("Rights,1"), as
    English prints it, rather than standing before it ("palestinien1,")."""
    glued_marks: str = ",;:."
    """Punctuation set right after the word before it, with no space: French spaces ";"
    and ":", so a gap before them is the text's own."""
    run_on: Regex | None = None
    """Words that open a line only to go on with a sentence left at a comma (Chinese 并,
    "and"): such a line continues its paragraph even when initial words follow them.
    None where the language has no such sign."""
    refers_back: Regex | None = None
    """Words that, right after initial words, refer back to the sentence before
    ("признавая при этом", "recognising at the same time"; "приветствуя его", "welcoming
    it"): in the UN's own texts such initial words never open a paragraph, they go on
    with one left at a comma. Matched where the initial words end. None where the
    language has no such sign, or capitals tell paragraphs apart anyway."""
    preambular_form: Regex | None = None
    """The word form preambular initial words take (a participle: "Having noted",
    "Proponiéndose", "Faisant valoir"), matched at a line's start with lower case after
    it: after a line left at a comma, such a line opens a paragraph even when no harvested
    phrase knows its words. None where the form also ends common nouns (Russian)."""
    symbol_prefixes: tuple[tuple[str, str], ...] = ()
    """A session prefix as the language prints a resolution's number, and as the symbol
    writes it (Arabic "دإط-11/6" is A/RES/ES-11/6)."""
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
