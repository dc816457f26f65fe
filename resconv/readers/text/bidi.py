"""Right-to-left text in visual order, told from logical order and put back in it.

Some PDF tools emit each line of Arabic as it is displayed, left to right: the letters
of every line reversed ("ةماعلا ةيعمجلا نإ"), numbers and Latin runs reversed with
them or kept as they read, brackets mirrored or not. The language's frequent words
tell the two orders apart (in visual order they are found only reversed); the repair
reverses each line, turns brackets back when they come out inside out, then tries
numbers and Latin runs both ways and keeps the reading with real dates (not "9102")
and a number and title line ("77/306 - …"). When neither reading has one, the text is
refused: a silently garbled resolution would be worse.
"""

from __future__ import annotations

import re
from collections import Counter

from resconv.diagnostics import Diagnostics
from resconv.errors import StructureError
from resconv.lang.profile import LanguageProfile

__all__ = [
    "join_split_words",
    "to_logical_order",
    "undo_displayed_runs",
    "without_left_margins",
]

_YEARS = range(1945, 2101)

_WORD = re.compile(r"[\u0600-\u06ff]+")
_LEFT_TO_RIGHT = re.compile(
    r"[0-9A-Za-z\u0660-\u0669](?:[0-9A-Za-z\u0660-\u0669./:,‑-]*[0-9A-Za-z\u0660-\u0669])?"
)
_MIRRORED = str.maketrans("()[]{}«»", ")(][}{»«")
_SAMPLE = 20000
_BRACKETED = re.compile(r"\([^()\n]{1,40}\)")
_INSIDE_OUT = re.compile(r"\)[^()\n]{1,40}\(")


def to_logical_order(
    text: str, profile: LanguageProfile, diagnostics: Diagnostics, source: str | None
) -> str:
    """`text` in logical order: as it came when it is, repaired when it is visual."""
    words = profile.detect_words
    if not words:
        return text
    sample = _WORD.findall(text[:_SAMPLE])
    logical = sum(1 for word in sample if word in words)
    visual = sum(1 for word in sample if word[::-1] in words)
    if visual < 3 or visual <= 2 * logical:
        return text
    reversed_lines = [line[::-1] for line in text.split("\n")]
    joined = "\n".join(reversed_lines)
    if len(_INSIDE_OUT.findall(joined)) > len(_BRACKETED.findall(joined)):
        # The tool mirrored the brackets too: ")1(" after the reversal.
        reversed_lines = [line.translate(_MIRRORED) for line in reversed_lines]
    readings = [
        reversed_lines,
        [_LEFT_TO_RIGHT.sub(lambda m: m.group()[::-1], line) for line in reversed_lines],
    ]
    best = max(readings, key=lambda lines: _real_dates(lines, profile))
    if _real_dates(best, profile) and any(profile.title.fullmatch(line.strip()) for line in best):
        diagnostics.add(
            "visual-order-repaired",
            "the text was in visual order (each line reversed, as some PDF tools "
            "extract right-to-left text); its lines were put back in reading order",
        )
        return "\n".join(best)
    raise StructureError(
        "the text is in visual order (each line reversed, as some PDF tools extract "
        "right-to-left text) and could not be put back in reading order; extract it "
        "with a tool that keeps the logical order (for example pdftotext)",
        source=source,
    )


def _real_dates(lines: list[str], profile: LanguageProfile) -> int:
    """How many dates of the General Assembly's years a reading has: numbers read the
    wrong way round ("9102") make none."""
    count = 0
    for line in lines:
        for match in profile.date.finditer(line):
            date = profile.parse_date(match)
            count += date is not None and date.year in _YEARS
    return count


_INDENTED = re.compile(r"^[ \t]+(?=\S)", re.MULTILINE)
_CLAUSE_END = frozenset("،؛.:,;")


def without_left_margins(text: str) -> str:
    """`text` without the spaces some extractors put before short right-to-left lines.

    A right-to-left line shorter than the others ends at the right margin, and tools
    that print the gap on its left as spaces (pypdf) indent it: these are paragraphs'
    last lines (they end a clause), not first lines set in as typed text sets them.
    """
    lines = text.split("\n")
    indented = [line for line in lines if _INDENTED.match(line)]
    if len(indented) < 3:
        return text
    ending = sum(1 for line in indented if line.rstrip()[-1:] in _CLAUSE_END)
    if ending < 0.6 * len(indented):
        return text
    return _INDENTED.sub("", text)


_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0670\u0671][\u0621-\u065f\u0670\u0671]*")
_SPLIT_PAIR = re.compile(
    r"(?<![\u0620-\u06ff])([\u0621-\u064a][\u0621-\u065f\u0670]*) "
    r"(?=([\u0621-\u064a][\u0621-\u065f\u0670]*)(?![\u0620-\u06ff/0-9-]))"
)
"""An Arabic word and the space after it, the next word seen (pairs overlap)."""


def join_split_words(text: str, diagnostics: Diagnostics) -> str:
    """`text` with Arabic words that a PDF drew in pieces whole again ("تش ير").

    Some producers set a gap inside justified Arabic words, and extractors take it for
    a space. A pair of pieces is one word when the document has the joined word at
    least twice and one of the pieces, of at most three letters and no word of its
    own (`SHORT_WORDS`), never stands alone in it: the document's own vocabulary tells.
    """
    words = Counter(_ARABIC_WORD.findall(text))
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for first, second in _pairs(text):
        if words[first + second]:
            left[first] += 1
            right[second] += 1
    if not left and not any(first in _NEVER_ALONE for first, _ in _pairs(text)):
        return text
    joined = 0

    def join(match: re.Match[str]) -> str:
        nonlocal joined
        first, second = match.group(1), match.group(2)
        evidence = words[first + second] >= 2 and (
            _piece(first, words[first] - left[first])
            or _piece(second, words[second] - right[second])
        )
        if first in _NEVER_ALONE or evidence:
            joined += 1
            return first
        return match.group()

    text = _SPLIT_PAIR.sub(join, text)
    if joined:
        diagnostics.info(
            "split-words-joined",
            f"joined {joined} Arabic word(s) printed in two pieces",
        )
    return text


_NEVER_ALONE = frozenset("ا")
"""A bare alif is no word: set apart, it is the start of the next one ("ا لكرامة": some
fonts draw the lam-kaf ligature after a gap)."""


def _piece(word: str, alone: int) -> bool:
    """Whether `word` is a piece of a longer word: short, never alone, no word itself."""
    # Imported here: Arabic's profile is built only for Arabic texts (start-up speed).
    from resconv.lang.ar import SHORT_WORDS

    return (
        alone == 0
        and len(word) <= 3
        and word not in SHORT_WORDS
        and not (word[0] in "وف" and word[1:] in SHORT_WORDS)
    )


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(match.group(1), match.group(2)) for match in _SPLIT_PAIR.finditer(text)]


_COMMA_BEFORE_NUMBER = re.compile(r"(?<=\s)([،؛])([0-9][0-9/.:]*)(?=\s|$)", re.MULTILINE)
"""An Arabic comma shown before the number it follows ("ديسمبر ،2020 الذي")."""
_WORDS_SHOWN_REVERSED = re.compile(r"^[.،؛:][\u0621-\u064a]", re.MULTILINE)
_GLUED_BEFORE = re.compile(r"^([.،؛:]+)(\S+)$")


def undo_displayed_runs(text: str, diagnostics: Diagnostics) -> str:
    """`text` with what some extractors leave in display order inside logical text put
    back: brackets shown inside out (")ب("), a comma shown before its number, and lines
    whose words come right to left as displayed (a footnote line that opens with its
    closing full stop glued to its last word, ".الأول الفصل … انظر")."""
    repaired = text
    if len(_INSIDE_OUT.findall(repaired)) > len(_BRACKETED.findall(repaired)):
        repaired = repaired.translate(_MIRRORED)
    repaired = _COMMA_BEFORE_NUMBER.sub(r"\2\1", repaired)
    if _WORDS_SHOWN_REVERSED.search(repaired):
        repaired = "\n".join(
            _words_reversed(line) if _WORDS_SHOWN_REVERSED.match(line) else line
            for line in repaired.split("\n")
        )
    if repaired != text:
        diagnostics.info(
            "display-order-repaired",
            "brackets, commas or words an extractor gave in display order were put back "
            "in reading order",
        )
    return repaired


def _words_reversed(line: str) -> str:
    words = []
    for word in reversed(line.split()):
        glued = _GLUED_BEFORE.match(word)
        words.append(glued.group(2) + glued.group(1) if glued else word)
    return " ".join(words)
