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

import bisect
import functools
import itertools
import re
from collections import Counter

from resconv.diagnostics import Diagnostics
from resconv.lang.profile import LanguageProfile
from resconv.lang.profile import profile as language_profile
from resconv.lang.vocabulary import compounds as language_compounds
from resconv.lang.vocabulary import hyphenated, vocabulary
from resconv.lang.votes import VOTE_WORDS
from resconv.readers.text.layout import SYMBOL_ALONE, Line, ends_paragraph

__all__ = [
    "join_marker_breaks",
    "join_vote_lines",
    "join_word_lines",
    "rejoin_split_words",
    "restore_scattered_words",
    "restore_year_ranges",
]

_WORD = re.compile(r"[^\W\d_]+")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*")
"""A web address, with its scheme or a domain followed by a path."""
_PAIR = re.compile(r"(?<![^\W\d_]|[’'])(?=([^\W\d_]+) ([^\W\d_]+)(?![^\W\d_]|[’']))")
"""Two pieces of letters with a space between; a piece beside an apostrophe is an
elided word ("de l’entrée", "d’ un"), never a fragment."""
_FRAGMENT = 3
"""One of the two pieces, neither of which stands alone in the text, is this short."""
_SPACE_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?=[^\W_])")
"""A space the extraction left before a hyphen: "non -proliferation", "COVID -19"."""
_SPACE_BEFORE = re.compile(r"(?<=[\w)”’]) (?=[,;:.](?:\s|$)|–[^\s–])")
"""A space the extraction left before punctuation: "No. 11 , document", "flows ;",
"2018 –2028"; not before a doubled dash ("30 августа –– 2 сентября")."""
_GLUED_BEFORE = re.compile(r"(?<=[\w)”’])(?=[,;:.](?:\s|$)|–[^\s–])")
_STRAY_SPACE = re.compile(r"(?<=[\w)]) (?=”[,;:.])|(?<=\d) (?=–\d)|(?<=\d[-–]) (?=\d)")
"""A space before a closing quotation mark that punctuation follows ("development ”."),
before a dash glued to the figure after it ("2018 –2028") or after a dash glued to the
figure before it ("5- 13 septembre": once in the UN's AKN files, against thousands of
"5-13"): no text sets one there, whatever it does elsewhere."""
_REGULAR = 3
"""A space before punctuation is dropped when the text glues that punctuation to the word
before it at least this many times as often (French sets a space before ";" and ":"
throughout)."""
_COMPOUND = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-(?=([^\W\d_]+))")


def rejoin_split_words(
    texts: list[str],
    diagnostics: Diagnostics,
    lines: list[int],
    *,
    lang: str,
    marked: frozenset[int] = frozenset(),
) -> list[str]:
    """`texts` (content lines) with split words rejoined; each repair is reported.

    The texts at the indexes `marked` stand next to a footnote marker printed on a line
    of its own: a space before punctuation there is where the marker stood, and stays
    for it."""
    known = vocabulary(lang)
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        words.update(word.lower() for word in _WORD.findall(text))
        for match in _PAIR.finditer(text):
            pairs[(match.group(1).lower(), match.group(2).lower())] += 1
    common = language_compounds(lang)
    compounds = {
        (match.group(1) + match.group(2)).lower(): len(match.group(1))
        for text in texts
        if "-" in text
        for match in _COMPOUND.finditer(text)
    }
    years = {year for text in texts for year in _YEAR.findall(text)}
    figured = {
        match.group(1) + match.group(2)
        for text in texts
        if "-" in text
        for match in _FIGURED_COMPOUND.finditer(text)
    }
    month_range = _month_range(lang)
    spaced_marks = _stray_spaces(texts)
    full = _full_line_width(texts)
    overlong = full * _OVERLONG
    line_ends = hyphenated(lang)
    out: list[str] = []
    for at, (text, line) in enumerate(zip(texts, lines, strict=True)):
        if " -" in text:
            text = _SPACE_HYPHEN.sub("-", text)
        if " ”" in text or " –" in text or "- " in text or "– " in text:
            text = _STRAY_SPACE.sub("", text)
        if spaced_marks and at not in marked:
            text = _SPACE_BEFORE.sub(lambda m: _keep_space(m, spaced_marks), text)
        if years:
            text = _rejoin_years(text, years, diagnostics, line)
        text = _rejoin(text, words, pairs, known, line_ends | common, diagnostics, line)
        if compounds or common:
            text = _restore_hyphens(
                text, compounds, common, known, len(text) > overlong, diagnostics, line
            )
        if len(text) > overlong:
            text = _restore_line_end_hyphen(text, full, line_ends, known, diagnostics, line)
        if figured:
            text = _restore_figure_hyphens(text, figured, diagnostics, line)
        if month_range is not None and month_range.search(text):
            text = month_range.sub(r"\1-\2", text)
            diagnostics.info(
                "hyphen-restored", "restored the hyphen of a range of dates", line=line
            )
        out.append(text)
    return out


@functools.cache
def _month_range(lang: str) -> re.Pattern[str] | None:
    """A month glued to the day that ends a range of dates ("26 août4 septembre"):
    pdftotext dropped the hyphen ending the line ("août-" / "4 septembre")."""
    months = "|".join(sorted(map(re.escape, language_profile(lang).months), key=len, reverse=True))
    if not months:
        return None
    return re.compile(
        rf"(?<!\w)({months})(\d{{1,2}})(?=\s+(?:de\s+)?(?:{months})(?!\w))", re.IGNORECASE
    )


_SPLIT_YEAR = re.compile(r"(?<![\w/.])(?P<head>(?:19|20)\d) (?P<tail>\d)(?![\w/])")
"""A year cut by a stray space before its last digit ("October 201 3", "the 203 0 Agenda")."""
_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d(?!\d)")


def _rejoin_years(text: str, years: set[str], diagnostics: Diagnostics, line: int) -> str:
    """`text` with each year cut before its last digit made whole, when the text prints
    that year whole elsewhere (so that "resolution 201 3" of another kind stays)."""

    def join(match: re.Match[str]) -> str:
        year = match.group("head") + match.group("tail")
        if year not in years:
            return match.group(0)
        diagnostics.info("rejoined-split-word", f"rejoined the year {year!r}", line=line)
        return year

    return _SPLIT_YEAR.sub(join, text)


_GLUED_RANGE = re.compile(r"(?P<first>(?:19|20)\d\d)(?P<last>(?:19|20)\d\d)(?!\d)")
"""Two years with no hyphen between them ("(20182027)"); the UN's files print no such
run (0 in its AKN corpus, against 12,401 ranges such as "2018-2027")."""
_RANGE_SPAN = 100
_NOT_BEFORE_RANGE = frozenset("0123456789/.,")
"""What stands before a longer figure or a symbol's part, never before a range. (Checked
after the match: a look-behind in the pattern makes the search of a whole text slow.)"""


def restore_year_ranges(text: str, diagnostics: Diagnostics) -> str:
    """`text` with a range of years whose hyphen ended a line given it back: pdftotext
    takes that hyphen for a soft one and drops it ("Decenio (2018-" / "2027)" printed
    "(20182027)"). Only a rising range of at most a century is taken for one."""
    if _GLUED_RANGE.search(text) is None:
        return text

    def hyphenate(match: re.Match[str]) -> str:
        first, last = match.group("first"), match.group("last")
        before = match.string[match.start() - 1 : match.start()]
        if before in _NOT_BEFORE_RANGE or not 0 < int(last) - int(first) <= _RANGE_SPAN:
            return match.group()  # "A/2018202" or "12018202…": part of a longer figure
        diagnostics.info(
            "hyphen-restored", f"restored the hyphen of {match.group()!r} as {first}-{last}"
        )
        return f"{first}-{last}"

    return _GLUED_RANGE.sub(hyphenate, text)


_FIGURED_COMPOUND = re.compile(r"(?<![\w-])([^\W\d_]+)-(\d+)(?![\w-])")
"""A word joined to a figure by a hyphen: "post-2015", "COVID-19"."""
_FIGURED_WORD = re.compile(r"(?<![\w-])[^\W\d_]+\d+(?![\w-])")


def _restore_figure_hyphens(
    text: str, figured: set[str], diagnostics: Diagnostics, line: int
) -> str:
    """`text` with "post2015" made "post-2015" where the text prints "post-2015": an
    extractor took the hyphen at a line's end for a soft one and dropped it."""

    def hyphenate(match: re.Match[str]) -> str:
        word = match.group()
        if word not in figured:
            return word
        cut = len(word.rstrip("0123456789"))
        repaired = word[:cut] + "-" + word[cut:]
        diagnostics.info(
            "hyphen-restored", f"restored the hyphen of {word!r} as {repaired!r}", line=line
        )
        return repaired

    return _FIGURED_WORD.sub(hyphenate, text)


def _keep_space(match: re.Match[str], marks: str) -> str:
    return "" if match.string[match.end()] in marks else " "


def _stray_spaces(texts: list[str]) -> str:
    """The punctuation marks before which a space is the extraction's, not the text's:
    the text glues them to the word before far more often."""
    spaced: Counter[str] = Counter()
    glued: Counter[str] = Counter()
    for text in texts:
        spaced.update(text[m.end()] for m in _SPACE_BEFORE.finditer(text))
        glued.update(text[m.end()] for m in _GLUED_BEFORE.finditer(text))
    return "".join(mark for mark, n in spaced.items() if glued[mark] >= _REGULAR * n)


def _full_line_width(texts: list[str]) -> float:
    """How long a full line of hard-wrapped text is; infinite when the text is not
    hard-wrapped (one line a paragraph), its lines then being as long as their
    paragraphs. A line `_OVERLONG` times as long is a whole paragraph set on one line."""
    widths = sorted(len(text) for text in texts)
    if not widths:
        return float("inf")
    full = widths[(len(widths) * 9) // 10]
    wrapped = sum(1 for width in widths if width >= 0.85 * full and width <= 1.15 * full)
    return full if wrapped >= _WRAPPED * len(widths) else float("inf")


_WRAPPED = 0.3
"""In hard-wrapped text at least this share of the lines are full lines."""
_OVERLONG = 1.3
"""A line this many times longer than the text's full lines is a whole paragraph that
pdftotext set on one line; its hyphens are often lost ("two State", "selfdetermination")."""
_SPACED = re.compile(r"(?<![^\W\d_]|-)([^\W\d_]+) (?=([^\W\d_]+)(?![^\W\d_]))")
"""A word and the space after it, the next word looked at but left for the next match."""


def _restore_hyphens(
    text: str,
    compounds: dict[str, int],
    common: dict[str, int],
    known: frozenset[str],
    overlong: bool,
    diagnostics: Diagnostics,
    line: int,
) -> str:
    """`text` with each word that is no word of the language, but a compound the text
    prints elsewhere with its hyphen ("nuclearweapon-free" where "nuclear-weapon-free"
    stands elsewhere) or a compound of the language (`common`: "seventyfifth"), given
    its hyphen back: the extraction dropped it. In an overlong line, where hyphens are
    lost most, two words that make a compound of the language or of the text are joined
    too ("seventy seventh"; "two State" where "two-State" stands elsewhere), and the
    text's own compounds are trusted over the vocabulary ("counterterrorism"); a word of
    the vocabulary is never made one of the language's compounds ("cooperation" stays,
    though "co-operation" is English too)."""

    addresses = [found.span() for found in _WEB_ADDRESS.finditer(text)] if "." in text else []

    def hyphenate(match: re.Match[str]) -> str:
        word = match.group(0)
        key = word.lower()
        cut = compounds.get(key, common.get(key))
        if cut is None or (key in known and (not overlong or key not in compounds)):
            return word
        if any(start <= match.start() < end for start, end in addresses):
            return word  # an address is spelt as it is: "sendaiframework-mtr.undrr.org"
        return _report(word, word[:cut] + "-" + word[cut:])

    def join(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        key = (first + second).lower()
        if common.get(key) != len(first) and (not overlong or compounds.get(key) != len(first)):
            return match.group(0)
        _report(f"{first} {second}", f"{first}-{second}")
        return first + "-"

    def _report(found: str, repaired: str) -> str:
        diagnostics.info(
            "hyphen-restored", f"restored the hyphen of {found!r} as {repaired!r}", line=line
        )
        return repaired

    text = _WORD.sub(hyphenate, text)
    return _SPACED.sub(join, text) if overlong else text


_FIRST_LINE_END = (0.75, 1.1)
"""Where, in full line widths from its start, an overlong line's first printed line ended
(a paragraph's first line is indented, a justified line may hold a few more letters)."""


def _restore_line_end_hyphen(
    text: str,
    full: float,
    line_ends: dict[str, int],
    known: frozenset[str],
    diagnostics: Diagnostics,
    line: int,
) -> str:
    """`text`, an overlong line, with the hyphen that ended its first printed line given
    back: pdftotext dropped it there ("joint workplanning", "high quality education").
    A word that spans that line end gets it at the cut that falls there when the language
    prints the word so (`line_ends`: "high-quality", 123 resolutions against 14 that
    print two words), or, being no word of the language, it is two words of it cut there
    ("counter" + "terrorism"); two words with the space there, when the language prints
    them as one compound ("high-quality": 123 resolutions against 14 that print two
    words). One line end, one hyphen: the first such place wins."""
    low, high = (bound * full for bound in _FIRST_LINE_END)
    for match in _WORD.finditer(text):
        if match.end() < low:
            continue
        if match.start() > high:
            break
        if "-" in (text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]):
            continue  # a piece of a compound already whole
        word = match.group()
        key = word.lower()
        if key in known:
            continue  # "cooperation", a word as the language prints it too
        cut = line_ends.get(key, _cut_in_vocabulary(key, known))
        if cut is not None and low <= match.start() + cut <= high:
            repaired = word[:cut] + "-" + word[cut:]
            diagnostics.info(
                "hyphen-restored", f"restored the hyphen of {word!r} as {repaired!r}", line=line
            )
            return text[: match.start()] + repaired + text[match.end() :]
    for match in _SPACED.finditer(text):
        first, second = match.group(1), match.group(2)
        if low <= match.end(1) <= high and line_ends.get((first + second).lower()) == len(first):
            diagnostics.info(
                "hyphen-restored",
                f"restored the hyphen of {first + ' ' + second!r} as {first + '-' + second!r}",
                line=line,
            )
            return text[: match.end(1)] + "-" + text[match.end() :]
    return text


_PIECE = 3
"""The shortest word a compound cut at a line end is made of ("counter", "work")."""


def _cut_in_vocabulary(key: str, known: frozenset[str]) -> int | None:
    """Where `key` is cut into two words of the language, when it is in one place only."""
    cuts = [
        cut
        for cut in range(_PIECE, len(key) - _PIECE + 1)
        if key[:cut] in known and key[cut:] in known
    ]
    return cuts[0] if len(cuts) == 1 else None


def _rejoin(
    text: str,
    words: Counter[str],
    pairs: Counter[tuple[str, str]],
    known: frozenset[str],
    compounds: dict[str, int],
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
        joined = first + second
        if not (_split_in_text(key, words, pairs) or _split_in_vocabulary(key, known)):
            if not _fragments(key, known):
                continue
            cut = compounds.get(joined.lower())
            if cut is not None and cut > len(first):
                # "fami lyoriented": a split compound whose hyphen was dropped too
                joined = joined[:cut] + "-" + joined[cut:]
            elif not _extends_word(joined.lower(), len(first), known):
                continue
        pieces.append(text[position:start] + joined)
        position = start + len(first) + 1 + len(second)
        diagnostics.info(
            "rejoined-split-word", f"rejoined {first + ' ' + second!r} as {joined!r}", line=line
        )
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def _fragments(key: tuple[str, str], known: frozenset[str]) -> bool:
    """Whether both pieces are no words of the language ("repre sentativity")."""
    return bool(known) and not any(piece in known for piece in key) and len(key[1]) > _FRAGMENT


_STEM_BEYOND = 4
"""How many letters past the cut a word of the language must share with two fragments
joined for them to be one rare word ("repre|sentativity" as "represen|tative")."""


def _extends_word(joined: str, cut: int, known: frozenset[str]) -> bool:
    """Whether a word of the language begins as `joined` does up to `_STEM_BEYOND`
    letters past `cut`: the two fragments are one word of its family."""
    stem = joined[: cut + _STEM_BEYOND]
    ordered = _sorted_vocabulary(known)
    at = bisect.bisect_left(ordered, stem)
    return at < len(ordered) and ordered[at].startswith(stem)


@functools.cache
def _sorted_vocabulary(known: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(known))


def _split_in_text(
    key: tuple[str, str], words: Counter[str], pairs: Counter[tuple[str, str]]
) -> bool:
    seen = pairs[key]
    fragments = all(words[piece] <= seen for piece in key)
    return fragments and min(map(len, key)) <= _FRAGMENT and words[key[0] + key[1]] > 0


def _split_in_vocabulary(key: tuple[str, str], known: frozenset[str]) -> bool:
    return (key[0] + key[1]) in known and not (key[0] in known and key[1] in known)


_SCATTERED = re.compile(
    r"(?!(?![A-ZА-ЯЁ][^\W\d_A-ZА-ЯЁ]{1,2}\.$)\(?\w{1,4}[.)]$)(?:[^\W\d_]\S*|\d{4}|[–—])"
)
"""A word that pdftotext may set apart on a line of its own: it starts with a letter,
or is a year or a dash (never a footnote marker, an amount, a page number, a label
such as "2.", "b)", "IV.", nor "Ibid.", a note of its own). A capital and one or two
small letters with a period is an abbreviation that opens a note's line ("См.")."""
_LABEL = re.compile(r"\(?\w{1,6}[.)]")


def restore_scattered_words(text: str, diagnostics: Diagnostics) -> str:
    """`text` with the words of a widely justified line put back where they were printed.

    pdftotext takes the far-apart words of a line justified with wide gaps (long
    Russian words) for separate blocks: it prints the rest of the paragraph first,
    then each of those words alone, a blank line after each ("с удовлетворением
    отмечает" / "Международного года кооперативов;" / "проведение" / "" / "в" / "" /
    "2012" / "" / "году"). The words belong at the end of the line before the
    paragraph's last one. They are moved there when at least two such words follow a
    blank line after a line that ends a clause, itself after one that does not end a
    paragraph (a comma may end it: the line was cut). The lines they leave stay blank,
    so line numbers hold.
    """
    if "\n\n" not in text:
        return text
    lines = text.split("\n")
    full = _full_width(lines)
    index = 3
    while index < len(lines):
        run = _scattered_run(lines, index) if not lines[index - 1].strip() else []
        last, cut = lines[index - 2], lines[index - 3]
        at = index - 3
        if (
            not run
            or (len(run) == 1 and not _fits(cut.strip(), lines[run[0]].strip(), full))
            or not last.strip()
            or not cut.strip()
            or not ends_paragraph(last.strip())
            or _LABEL.fullmatch(last.strip())
            or cut.rstrip()[-1:] in ";.:"
        ):
            at = _short_line_above(lines, index, " ".join(lines[i].strip() for i in run), full)
            if not run or len(run) < 2 or at < 0:
                index += 1
                continue
            run = _lone_words_between(lines, at, run[0]) + run
        words = [lines[word].strip() for word in run]
        cut = lines[at]
        lines[at] = cut.rstrip() + " " + " ".join(words)
        for word in run:
            lines[word] = ""
        diagnostics.info(
            "scattered-words-restored",
            f"put {' '.join(words)!r}, printed apart by the extraction, back in its line",
            line=at + 1,
        )
        index = run[-1] + 1
    return "\n".join(lines)


def _lone_words_between(lines: list[str], at: int, end: int) -> list[int]:
    """The single words, each between blank lines after a line that ended its clause,
    that stand between line `at` and line `end` on its page: the first of the words cut
    from line `at`, printed before the page's foot ("compatibility" / "" / "See
    resolution 70/1." / "" / "2/4" / "" / "of" / "" / "artificial")."""
    found: list[int] = []
    for index in range(at + 2, end):
        word = lines[index].strip()
        if (
            word
            and _SCATTERED.fullmatch(word)
            and not lines[index - 1].strip()
            and index + 1 < len(lines)
            and not lines[index + 1].strip()
            and ends_paragraph(lines[index - 2].strip())
        ):
            found.append(index)
    return found if len(found) == 1 else []


def _short_line_above(lines: list[str], index: int, words: str, full: int) -> int:
    """The one line of the page above line `index` that the scattered `words` were cut
    from, when the paragraph they follow is not theirs ("постановка ядерного материала"
    / "международные гарантии;" / … / "h)" / "" / "средства …;" / "" / "и" / "" /
    "ядерных"): the only line that leaves its sentence open, stops well short of the
    margin, is followed by the rest of its paragraph and, with the words, stays inside
    the margin; or -1."""
    found = -1
    for at in range(index - 2, max(0, index - _LOOK_BACK) - 1, -1):
        text = lines[at].strip()
        if "\f" in lines[at]:
            break
        following = lines[at + 1].strip()
        if (
            not text
            or not following
            or ends_paragraph(text)
            or _LABEL.fullmatch(text)
            or _LABEL.match(following)
            or not (len(text) < _SHORT * full and len(text) + 1 + len(words) <= full)
            or following[:1].isupper()
        ):
            continue
        if found >= 0:
            return -1
        found = at
    return found


_LOOK_BACK = 30
"""How many lines above scattered words the line they were cut from may stand."""


_WORD_LINES = 3
"""So many lines of one word each in a row are one line that pdftotext cut at its wide
gaps; two could be a label and a one-word heading."""


def join_word_lines(
    lines: list[Line], diagnostics: Diagnostics, profile: LanguageProfile | None = None
) -> list[Line]:
    """`lines` with each run of lines of one word each ("положения" / "Конвенции," /
    "и" / "просило") joined into one line: pdftotext cuts a line justified with wide
    gaps at every gap. The joined line keeps the first one's number.

    A paragraph's last line may be one word too ("права,"): it stays apart when the
    words after it open a paragraph with the language's initial words ("выражая" /
    "обеспокоенность" / …), since a paragraph's last line is never justified."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _one_word(lines[end], first=end == index):
            end += 1
        if (
            profile is not None
            and end - index > _WORD_LINES
            and ends_paragraph(lines[index].text)
            and _opens_paragraph(" ".join(line.text for line in lines[index + 1 : end]), profile)
        ):
            out.append(lines[index])
            index += 1
            continue
        if end - index >= _WORD_LINES:
            first = lines[index]
            first.text = " ".join(line.text for line in lines[index:end])
            out.append(first)
            diagnostics.info(
                "word-lines-joined",
                f"joined {end - index} lines of one word each into one",
                line=first.no,
            )
            index = end
        else:
            out.append(lines[index])
            index += 1
    return out


def _opens_paragraph(text: str, profile: LanguageProfile) -> bool:
    return bool(profile.preambular.match(text) or profile.operative.match(text))


_CLOSING = ",;:.)»”"
"""Punctuation that may follow a marker ("palestinien1" / ","; "général3" / " ;")."""
_ENDS_IN_MARKER = re.compile(r".*(?:\D\d{1,3}|\D(?:19|20)\d\d\d{1,2})")
"""A line of text that ends in a footnote marker ("Human Rights,1", "de 20101")."""


def join_marker_breaks(
    lines: list[Line], *, cjk: bool = False, glued_marks: str = ",;:."
) -> list[Line]:
    """`lines` with each line that an extractor broke after a raised footnote marker
    joined to the line it continues.

    pypdfium2 ends a line after a superscript and starts the rest of the printed line
    with one space ("…Human Rights,1" / " as well as the purpose of the"), which would
    read as a new, indented paragraph. The marker stays where it was printed. In
    Chinese (`cjk`) only a marker after punctuation counts ("第16/18号、1" / " 2012年…"):
    a line may end in a number there ("第27次全体会议") before a page number.
    Punctuation that the language sets after a space (French ";" and ":", not among its
    `glued_marks`) keeps that space: pdftotext breaks the line at it ("difficultés9" /
    ";").
    """
    out: list[Line] = []
    indents = _indents_paragraphs(lines)
    ends_in_marker = _CJK_ENDS_IN_MARKER if cjk else _ENDS_IN_MARKER
    for line in lines:
        previous = out[-1] if out else None
        if (
            cjk
            and previous is not None
            and line.indent == 1
            and not indents
            and not line.page_break
            and _CJK_ENDS_IN_MARKER.fullmatch(previous.text)
        ):
            previous.text += " " + line.text
            continue
        if (
            previous is not None
            and not cjk
            and not line.blank_before
            and not line.page_break
            and (
                (line.text[:1] in _CLOSING and previous.text[-1:].isdigit())
                or (
                    line.indent == 1
                    and not indents
                    and not line.text[:1].isdigit()
                    and ends_in_marker.fullmatch(previous.text)
                )
            )
        ):
            # The printed space, if any, is the one the line starts with.
            spaced = line.indent or (line.text[:1] in _MARKS and line.text[:1] not in glued_marks)
            previous.text += (" " if spaced else "") + line.text
            continue
        out.append(line)
    return out


_MARKS = ",;:."
"""Punctuation a language either glues to the word before it or sets after a space."""
_CJK_ENDS_IN_MARKER = re.compile(r".*[，。；：、）》”]\d{1,3}")
"""A Chinese line that ends in a marker after punctuation ("第16/18号、1")."""


def _indents_paragraphs(lines: list[Line]) -> bool:
    """Whether the text marks paragraphs with a one-space indent (pypdf does): then such
    a line after a marker starts a paragraph. Lines set one space in after a line that
    ends in a marker or is one do not count: they are the breaks that are joined."""
    count = 0
    for previous, line in itertools.pairwise(lines):
        if line.indent == 1 and not _ENDS_IN_MARKER.fullmatch(previous.text):
            count += not previous.text.isdigit()
            if count >= _INDENTED_STARTS:
                return True
    return False


_INDENTED_STARTS = 3


def _one_word(line: Line, *, first: bool) -> bool:
    """Whether `line` is one word of a line cut at its gaps; a document symbol alone
    ("A/79/364.") is a footnote of its own, as LibreOffice's PDF prints a page's notes."""
    return (
        (first or not (line.blank_before or line.page_break))
        and _SCATTERED.fullmatch(line.text) is not None
        and SYMBOL_ALONE.fullmatch(line.text) is None
    )


def _full_width(lines: list[str]) -> int:
    """The length of the text's full lines: the ninth decile of its line lengths."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return lengths[len(lengths) * 9 // 10] if lengths else 0


def _fits(cut: str, word: str, full: int) -> bool:
    """Whether one word printed apart was cut from line `cut`: without it the line stops
    well short of the margin, with it the line fits ("признавая далее усилия
    Специальной программы" + "Организации"). Two words or more need no such proof."""
    return (
        word[-1:].isalpha()
        and len(cut) < _SHORT * full
        and len(cut) + 1 + len(word) <= _OVERFULL * full
    )


_SHORT = 0.8
_OVERFULL = 1.05


def _scattered_run(lines: list[str], index: int) -> list[int]:
    """The indexes of single words from `index` on, each followed by a blank line."""
    run: list[int] = []
    at = index
    while at + 1 < len(lines) and not lines[at + 1].strip():
        word = lines[at].strip()
        if not word or not _SCATTERED.fullmatch(word) or "\f" in lines[at]:
            break
        run.append(at)
        at += 2
    return run


_PAGE_FOOT = re.compile(r"\s*\d|.*A/RES/")
"""A page's foot or head that cuts a vote's list: a line opening with a figure (a note,
the job or page number; no State's name has one) or holding the symbol."""
_VOTE_LABELS = tuple(
    label
    for words in VOTE_WORDS.values()
    for label in (words.in_favour, words.against, words.abstaining)
)


def join_vote_lines(text: str) -> str:
    """`text` with each side of a recorded vote on one line: an extraction wraps the
    long list of States ("In favour: AFGHANISTAN, …" / "BOSNIA AND …" / "Against: …")
    over many lines, up to a blank line or the next side's label. The lines joined
    stay, empty, so that line numbers hold."""
    if not any(label in text for label in _VOTE_LABELS):
        return text
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        if not lines[index].strip().startswith(_VOTE_LABELS):
            index += 1
            continue
        start, index = index, index + 1
        while (
            index < len(lines)
            and lines[index].strip()
            and "\f" not in lines[index]
            and not _PAGE_FOOT.match(lines[index])
            and not lines[index].strip().startswith(_VOTE_LABELS)
        ):
            lines[start] = lines[start].rstrip() + " " + lines[index].strip()
            lines[index] = ""
            index += 1
    return "\n".join(lines)
