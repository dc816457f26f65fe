"""Footnotes of the text reader: markers placed in the text, bodies matched to them.

Markers printed on a line of their own (as PDF extraction sets superscripts) are placed
when a paragraph's lines are joined; markers glued to a word ("Nations1") are found
here, once the bodies are known. Footnotes are then listed in the order their markers
appear in the resolution.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from resconv.diagnostics import Diagnostics
from resconv.lang.profile import LanguageProfile
from resconv.model import (
    Block,
    Footnote,
    FootnoteRef,
    Heading,
    Inlines,
    Paragraph,
    Part,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Table,
)
from resconv.readers.text import layout
from resconv.readers.text.paragraphs import Para

__all__ = ["collect_footnotes", "place_glued_markers"]


def place_glued_markers(
    paras: list[Para],
    bodies: dict[str, layout.Note],
    profile: LanguageProfile,
    marker_lines: dict[str, int],
) -> None:
    """Cut out of `paras` the markers printed glued to the text ("Nations1").

    Only markers whose footnote body was found and which no paragraph marks already
    are looked for, in marker order after the marker before them, so that a year or
    "A.2" is not taken for one. `marker_lines` gets the line each one was found on.
    """
    explicit: dict[str, tuple[int, int]] = {}
    for index, para in enumerate(paras):
        for offset, marker in para.markers:
            explicit.setdefault(marker, (index, offset))
    wanted = [m for m in bodies if m not in explicit]
    if not wanted:
        return
    candidates: dict[str, list[tuple[int, int, int]]] = {}
    inside_word: dict[str, list[tuple[int, int, int]]] = {}
    spaced = profile.joiner == "space"  # Chinese glues every marker to the next character
    for index, para in enumerate(paras):
        for glued in profile.glued_marker.finditer(_see_through(para.text)):
            group = max(g for g in range(1, glued.re.groups + 1) if glued.group(g))
            if profile.decimal_comma and _DECIMAL_BEFORE.search(para.text, 0, glued.start(group)):
                continue  # "0,720 pour cent", "2,15 dólares": a decimal, no marker
            if _SYMBOL_SUFFIX_BEFORE.search(para.text, 0, glued.start(group)):
                continue  # "WT/L/508/Add.1": a document symbol's part, no marker
            cut = "span" if glued.groupdict().get("span") else group
            inside = spaced and para.text[glued.end(group) : glued.end(group) + 1].isalpha()
            (inside_word if inside else candidates).setdefault(glued.group(group), []).append(
                (index, glued.start(cut), glued.end(cut))
            )
    # A number inside a word ("Youth4Disarmament") is the word's own when the marker
    # stands glued elsewhere; only an extraction that lost the space after a marker
    # leaves it there alone ("Nations1are").
    for marker, places in inside_word.items():
        candidates.setdefault(marker, places)
    cursor = (0, 0)
    cuts: dict[int, list[tuple[int, int, str]]] = {}
    ordered = sorted({*explicit, *wanted}, key=_marker_key)
    placed: dict[str, tuple[int, int]] = dict(explicit)
    missed: list[str] = []
    for number, marker in enumerate(ordered):
        if marker in explicit:
            cursor = explicit[marker]
            continue
        places = candidates.get(marker, [])
        at = bisect.bisect_left(places, (cursor[0], cursor[1], -1))
        if at == len(places):
            missed.append(marker)
            continue
        index, start, end = places[at]
        if _overtaken(
            ordered[number + 1 : number + 2], cursor, (index, start), explicit, candidates
        ):
            # The next marker stands only before this one's first place: that place is
            # a number of the text, and this marker is looked for between its neighbours.
            missed.append(marker)
            continue
        earlier = _loose_place(paras, marker, cursor, (index, start), profile, strict=True)
        if earlier is not None:  # a detached marker (or one glued to a year) before it
            index, start, end = earlier
        cuts.setdefault(index, []).append((start, end, marker))
        marker_lines.setdefault(marker, paras[index].line)
        cursor = placed[marker] = (index, end)
    for marker in missed:
        position = ordered.index(marker)
        before = max((placed[m] for m in ordered[:position] if m in placed), default=(0, 0))
        after = min((placed[m] for m in ordered[position + 1 :] if m in placed), default=None)
        place = _loose_place(paras, marker, before, after, profile)
        if place is None:
            continue
        index, start, end = place
        cuts.setdefault(index, []).append((start, end, marker))
        marker_lines.setdefault(marker, paras[index].line)
        placed[marker] = (index, end)
    # Whether the extraction sets markers apart with a space: most of them stand so. A
    # clean copy may have one such space from its source ("Evaluación 5;") and glue
    # every other marker to its word.
    apart = together = 0
    for index, found_cuts in cuts.items():
        para = paras[index]
        for start, end, marker in sorted(found_cuts, reverse=True):
            if start > 0 and para.text[start - 1] == " ":
                start -= 1  # "Governors”; 3 item" → "Governors”;" ^3 " item"
                apart += 1
            else:
                together += 1
            para.text = para.text[:start] + para.text[end:]
            removed = end - start
            para.markers = [(o - removed if o >= end else o, m) for o, m in para.markers] + [
                (start, marker)
            ]
        para.markers.sort()
    if apart > together:
        _glue_repeated_references(paras)


def _overtaken(
    following: list[str],
    cursor: tuple[int, int],
    place: tuple[int, int],
    explicit: dict[str, tuple[int, int]],
    candidates: dict[str, list[tuple[int, int, int]]],
) -> bool:
    """Whether the marker `following` a marker can stand only before `place`, that
    marker's first place after `cursor`: placing it there would lose the next one, so
    the place is a number of the text ("报告6以及" missed, "，6" further on)."""
    if not following:
        return False
    marker = following[0]
    if marker in explicit:
        return explicit[marker] < place
    places = candidates.get(marker, [])
    at = bisect.bisect_left(places, (cursor[0], cursor[1], -1))
    return at < len(places) and places[-1][:2] < place


def _glue_repeated_references(paras: list[Para]) -> None:
    """Glue back to its word a number that refers again to a note already marked.

    A resolution that cites a document a second time repeats its note's number as a
    plain superscript; pdftotext sets it apart with a space ("its annual report, 1
    including", "Convention against Corruption 1 have"). Such a number is glued back
    ("report,1") when it stands as a marker does after punctuation, after the same word
    that its note's marker follows where it was first placed, or after a name (a word
    in capitals) that the clause before that first place names ("the Arab Peace
    Initiative adopted … session 2" cited again as "the Arab Peace Initiative 2"). Only
    text whose markers stand apart is looked at: elsewhere such a number is a count
    ("…, 8 …"), and so is a number a few characters after another figure, unless that
    figure is itself a repeated reference glued back.
    """
    first: dict[str, tuple[int, int, str, str]] = {}
    for index, para in enumerate(paras):
        for offset, marker in para.markers:
            if marker.isdigit() and marker not in first:
                first[marker] = (
                    index,
                    offset,
                    _word_before(para.text, offset),
                    para.text[max(0, offset - _NAME_REACH) : offset],
                )
    if not first:
        return
    for index, para in enumerate(paras):
        text = para.text
        cuts: list[int] = []
        seen = text  # the text with the numbers glued back so far masked
        for run in _REPEATED.finditer(text):
            marker = run.group("n")
            placed = first.get(marker)
            if placed is None or (index, run.start("n")) <= placed[:2]:
                continue
            if _FIGURE.search(seen, max(0, run.start() - _LIST_REACH), run.start()):
                continue  # "143 national parliaments, 8 parliamentary assemblies": a count
            word = run.group("word")
            if word is None or word == placed[2] or _named_before(word, placed[3]):
                cuts.append(run.start("n") - 1)
                seen = seen[: run.start("n")] + "#" * len(marker) + seen[run.end("n") :]
        for cut in reversed(cuts):
            text = text[:cut] + text[cut + 1 :]
            para.markers = [(o - 1 if o > cut else o, m) for o, m in para.markers]
        para.text = text


_REPEATED = re.compile(
    r"(?:(?<![\d\s])[,;:](?:[”’])?|(?<![\w-])(?P<word>[^\W\d_]{3,}))[ ](?P<n>\d{1,2})(?=[ ][a-z]|$)"
)
"""A number set apart after punctuation (not after a figure: "3, 1 and") or after a
word, before a word in lower case or at the end: where a repeated reference stands."""


_FIGURE = re.compile(r"\d")
_LIST_REACH = 40
"""A figure so few characters before a number makes it one of a list of counts."""


_NAME_REACH = 160
"""How far before a note's first marker a name it refers to may stand."""


def _named_before(word: str, clause: str) -> bool:
    """Whether `word` is a name (capitalised, not a sentence's first word) that `clause`,
    the text before a note's first marker, also names."""
    return word[:1].isupper() and re.search(rf"(?<=\w )\b{re.escape(word)}\b", clause) is not None


def _word_before(text: str, offset: int) -> str:
    found = re.search(r"([^\W\d_]+)[\W]*$", text[max(0, offset - 40) : offset])
    return found.group(1) if found else ""


_INVISIBLE_RUN = re.compile(r"(.)([\u200b-\u200f\u2060\u061c]+)")
"""A character and the format marks a source printed after it (left-to-right marks)."""


def _see_through(text: str) -> str:
    """`text` with each run of format marks replaced by copies of the character before it,
    so that "Humanos\u200e1" shows its glued marker as "Humanos1" does; offsets stay."""
    return _INVISIBLE_RUN.sub(lambda m: m.group(1) * (1 + len(m.group(2))), text)


_DIGIT_RUN = re.compile(r"\d+")
_NOT_AFTER_MARKER = frozenset("/．年月日号次段条款届个项%％-‑")
"""What follows a number that is no footnote marker: "2019年", "1/2", "2%" (and "3.5")."""


def _loose_place(
    paras: list[Para],
    marker: str,
    before: tuple[int, int],
    after: tuple[int, int] | None,
    profile: LanguageProfile,
    *,
    strict: bool = False,
) -> tuple[int, int, int] | None:
    """Where `marker` stands when the language's pattern found it nowhere.

    The order of the markers is the constraint: the place lies between `before` and
    `after` (paragraph index, offset), where the markers around it were found. There
    the marker may be a number of its own ("Secretary-General; 2", "文件2和") or the
    end of a longer run of digits whose head is a year ("horizon 20309" after "2030").
    The first such place wins.
    """
    last = len(paras) - 1 if after is None else after[0]
    # Tiers, best first: after punctuation and a space ("People, 1"); the same before a
    # capital ("Tlatelolco, 13 Rarotonga"); glued to a year ("2021 8 and" printed
    # "20218"); after a word ("session 2 and": after the year, since "paragraph 8 of"
    # is common text); glued to a document number before punctuation ("résolution
    # 73/441,"); last, glued to a document number before a word ("34/11 du" is a number).
    echoes: Counter[str] | None = None
    for tier in _STRICT_TIERS if strict else _TIERS:
        if tier == "echo" and echoes is None:
            echoes = Counter(
                match.group()
                for para in paras
                for pattern in _ECHOES
                for match in pattern.finditer(para.text)
            )
        for index in range(before[0], last + 1):
            text = _see_through(paras[index].text)
            start_at = before[1] if index == before[0] else 0
            end_at = after[1] if after is not None and index == after[0] else len(text)
            for run in _DIGIT_RUN.finditer(text, start_at, end_at):
                if tier == "echo":
                    place = _echoed(text, run, marker, echoes or Counter())
                else:
                    place = _candidate(text, run, marker, tier)
                # A year or a name with a marker glued ("de 20158 y 5 de febrero") is no day.
                if place is not None and (
                    tier in ("year", "echo") or not _dated(text, run.end(), profile)
                ):
                    return index, place[0], place[1]
    if strict or after is None:
        return None
    return _only_ending(paras, marker, before, after, profile, glued=True) or _only_ending(
        paras, marker, before, after, profile, glued=False
    )


def _only_ending(
    paras: list[Para],
    marker: str,
    before: tuple[int, int],
    after: tuple[int, int],
    profile: LanguageProfile,
    *,
    glued: bool,
) -> tuple[int, int, int] | None:
    """The one run of digits between the markers around `marker` that ends with it, glued
    to a figure the text names ("Action 21" + "6" printed "Action 216", "статьи 1" + "2"),
    or (not `glued`) that is it, set apart after a word ("Particularly in Africa 36 (the
    Rio conventions)"): the markers run in order and the body of this one was found, so
    its marker stands in that window; when just one number there can hold it, that
    number does."""
    found: list[tuple[int, int, int]] = []
    for index in range(before[0], after[0] + 1):
        text = _see_through(paras[index].text)
        start_at = before[1] if index == before[0] else 0
        end_at = after[1] if index == after[0] else len(text)
        for run in _DIGIT_RUN.finditer(text, start_at, end_at):
            digits = run.group()
            if (
                not digits.endswith(marker)
                or (len(digits) <= len(marker) if glued else digits != marker)
                or (not glued and not _AFTER_WORD.search(text, 0, run.start()))
                or run.start() == 0  # "18." opening a paragraph is its number
                or _figure_goes_on(text, run.end())
                # A number set apart is a day before its month; one after a word is no
                # document's number before its date ("avancés 18 le 17 mars 2022").
                or (_dated(text, run.end(), profile) if glued else _day(text, run.end(), profile))
            ):
                continue
            found.append((index, run.end() - len(marker), run.end()))
    return found[0] if len(found) == 1 else None


_AFTER_WORD = re.compile(r"[^\W_] $")
"""A word or a figure and one space: where a marker set apart stands ("Africa 36",
"Action 21 5,")."""
_TIERS = ("punctuation", "capital", "year", "echo", "word", "number closing", "number")
_STRICT_TIERS = ("punctuation", "year", "echo")
_ECHOES = (
    re.compile(r"(?<![\w])[^\W\d_]+[-‑]?\d+(?![\d/])"),
    re.compile(r"(?<![\w])[^\W\d_]+(?![\w])"),
)
"""A name with its figure ("COVID‑19", "G20"), and a word, as the text prints them."""


def _echoed(
    text: str, run: re.Match[str], marker: str, echoes: Counter[str]
) -> tuple[int, int] | None:
    """Where `marker` is glued to a word that the text prints elsewhere without it: the
    text is its own dictionary. Glued after a name with a figure ("COVID‑1914" where
    "COVID‑19" stands elsewhere), or before a word in lower case ("Development, 17the
    Paris Agreement", "Weapons 6and the")."""
    digits = run.group()
    if not digits.endswith(marker) or text[run.end() : run.end() + 1] in _NOT_AFTER_MARKER:
        return None
    if digits == marker:
        word = _WORD_AFTER.match(text, run.end())
        before = text[max(0, run.start() - 2) : run.start()]
        if (
            word is not None
            and word.group()[:1].islower()
            and echoes[word.group()] > 1
            and before[-1:] == " "
            and (before[:1] in _PUNCTUATION or before[:1].isalpha())
        ):
            return run.start(), run.end()
        return None
    head = digits[: -len(marker)]
    name = _NAME_BEFORE.search(text, 0, run.start())
    if name is None:
        return None
    if echoes[name.group() + head] and echoes[name.group() + digits] <= 1:
        return run.start() + len(head), run.end()
    return None


_WORD_AFTER = re.compile(r"[^\W\d_]{2,}(?![\w])")
_NAME_BEFORE = re.compile(r"(?<![\w])[^\W\d_]+[-‑]?$")


def _candidate(text: str, run: re.Match[str], marker: str, tier: str) -> tuple[int, int] | None:
    """Where `marker` is in the run of digits `run`, if it stands there as `tier` asks."""
    digits = run.group()
    if not digits.endswith(marker) or _figure_goes_on(text, run.end()):
        return None
    following = text[run.end() : run.end() + 2]
    head = digits[: -len(marker)]
    if head:
        if tier == "year" and len(head) == 4 and head[:2] in ("19", "20"):
            return run.start() + len(head), run.end()
        closes = not following.strip() or (
            following.lstrip()[:1] in _CLOSING and not _IN_LIST_AFTER.match(text, run.end())
        )
        if _SYMBOL_BEFORE.search(text, 0, run.start()) and (
            (tier == "number" and len(head) >= 2) or (tier == "number closing" and closes)
        ):
            return run.start() + len(head), run.end()  # "73/4419", "EC-94/DEC.211 ;"
        return None
    if _detached(text, run.start(), run.end(), tier=tier):
        return run.start(), run.end()
    return None


def _figure_goes_on(text: str, end: int) -> bool:
    """Whether the figure ending at `end` goes on past its digits, so that no marker ends
    it: a unit or counter ("5%", "2024年"), a decimal ("2.5", "0,7") or a group of three
    ("4 995 400 dollars")."""
    following = text[end : end + 2]
    if following[:1] in _NOT_AFTER_MARKER or (following[:1] in ",." and following[1:].isdigit()):
        return True
    return _THOUSANDS_AFTER.match(text, end) is not None


_CLOSING = ",;:.)，；。"
_THOUSANDS_AFTER = re.compile(r"[ \u00a0\u202f]\d{3}(?!\d)")


def _detached(text: str, start: int, end: int, *, tier: str) -> bool:
    """Whether the number at `start:end` stands as a marker would, in `tier`.

    punctuation: after punctuation and a space, at the end or before a word in lower
    case or punctuation ("People, 1", "2018, 1 as"), not inside a list of numbers
    ("programmes 2, 10, 17"); capital: the same before a capital; word: after a word or
    a year ("session 2 and", "for 2019 5 and", "文件2和"), never after "第".
    """
    before = text[start - 2 : start] if start >= 2 else text[:start]
    following = text[end : end + 2]
    ends = not following.strip() or following[:1] in _CLOSING
    if before[-1:] == " " and before[:1] in _PUNCTUATION:
        if _IN_LIST_BEFORE.search(text, 0, start) and _IN_LIST_AFTER.match(text, end):
            return False
        if before[:1] == "." and following[:1] == " " and following[1:2].islower():
            return False  # "núm. 19 de su Boletín": an abbreviation's number, the text's
        if tier == "punctuation":
            return ends or (following[:1] == " " and not following[1:2].isupper())
        return tier == "capital" and following[:1] == " "
    if tier != "word" or not before or before[-1:] in "第/.-‑(" or before[-1:].isdigit():
        return False
    if before[-1:] in ",;:" and before[:1].isalpha():  # "HIV and AIDS,22 and"
        return ends or (following[:1] == " " and following[1:2].islower())
    if before[-1:] == " ":
        if not (ends or (following[:1] == " " and following[1:2].islower())):
            return False
        if _YEAR_BEFORE.search(text, 0, start):
            return True  # "the 2010, 1 2013 2 and 2015 3 reports"
        return (
            before[:1].isalpha()
            and not _IN_RANGE_BEFORE.search(text, max(0, start - 16), start)
            and not _IN_RANGE_AFTER.match(text, end)
        )
    return before[-1:].isalpha() and not following[:1].isdigit()


_DECIMAL_BEFORE = re.compile(r"(?<![\w/.,])\d{1,3},$")
"""A small number and a comma before digits: a decimal ("0,7"), not a year's "2024,1"."""
_SYMBOL_BEFORE = re.compile(r"/(?:[A-ZА-Я]{1,5}\.?)?$")
"""Where a document symbol's last number starts: "73/", "EC-94/DEC.", "22/COP"."""
_SYMBOL_SUFFIX_BEFORE = re.compile(r"/(?:Add|Rev|Corr|Amend|Sup)\.$")
"""The suffix of a document symbol before digits: "A/77/L.1/Add." then its number."""
_IN_LIST_BEFORE = re.compile(r"(?<![\d.])\d{1,3}[,;] $")
_IN_LIST_AFTER = re.compile(r"[,;] ?\d| [^\W\d]{1,3} \d")
"""A number between two short numbers is one of a list ("programmes 2, 10, 17", "goals 2, 3
and 12"), not a marker."""


def _dated(text: str, end: int, profile: LanguageProfile) -> bool:
    """Whether the number ending at `end` is a date's day ("1 de diciembre", "1 December")
    or a document's number followed by its date ("63/51, de 2 de diciembre", "34/11 du
    14 décembre"): a marker would follow the date, not stand before it."""
    following = _MONTH_AFTER.match(text, end)
    return following is not None and following.group(1).lower() in profile.months


def _day(text: str, end: int, profile: LanguageProfile) -> bool:
    """Whether the number ending at `end` is a day before its month ("5 December", "1 de
    diciembre")."""
    following = _MONTH_RIGHT_AFTER.match(text, end)
    return following is not None and following.group(1).lower() in profile.months


_MONTH_RIGHT_AFTER = re.compile(r"\.?\s+(?:de\s+)?(\w+)")
_MONTH_AFTER = re.compile(r"(?:,?\s+\w{1,4}\s+\d{1,2})?\.?\s+(?:de\s+)?(\w+)")
"""The word after a number, or after a short word and a day ("of 5", "du 14", "vom 3."),
past a German "1." and a Spanish "de": a month's name or not."""
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d $")
"""A year just before a number ("for 2019 5 and which"): the number is a marker."""
_IN_RANGE_BEFORE = re.compile(r"\d[ ][^\W\d_]{1,5}[ ]$")
_IN_RANGE_AFTER = re.compile(r"[ ][^\W\d_]{1,5}[ ]\d")
"""A number one short word from another is part of a range or a time ("from 7 to 9
May", "from 3 to 5 p.m."), not a marker after a word."""
_PUNCTUATION = frozenset(",;:.”’)»，；。：、》」")


def collect_footnotes(
    resolution: Resolution,
    bodies: dict[str, layout.Note],
    profile: LanguageProfile,
    diagnostics: Diagnostics,
    marker_lines: dict[str, int],
) -> tuple[Footnote, ...]:
    """The footnotes in the order their markers appear; a marker or body alone is reported."""
    order: list[str] = []
    for inlines in _all_inlines(resolution):
        for piece in inlines:
            if isinstance(piece, FootnoteRef) and piece.marker not in order:
                order.append(piece.marker)
    notes: list[Footnote] = []
    for marker in order:
        body = bodies.get(marker)
        if body is None:
            diagnostics.add(
                "footnote-without-body",
                f"footnote {marker} is referenced but its text is not in the input",
                line=marker_lines.get(marker),
            )
            notes.append(Footnote.of_text(marker, None))
            continue
        lines = [layout.Line(no=body.line, text=t) for t in body.lines]
        text, _ = layout.join_block(lines, profile)
        notes.append(Footnote.of_text(marker, text.strip()))
    for marker, body in bodies.items():
        if marker not in order:
            diagnostics.add(
                "footnote-body-without-marker",
                f"footnote {marker} has a text but no marker in the resolution; left out: "
                f"{' '.join(body.lines)[:80]!r}",
                line=body.line,
            )
    return tuple(notes)


def _marker_key(marker: str) -> tuple[int, str]:
    return (int(marker), "") if marker.isdigit() else (10**6, marker)


def _all_inlines(resolution: Resolution) -> list[Inlines]:
    out: list[Inlines] = [resolution.title]

    def subs(items: tuple[Subparagraph, ...]) -> None:
        for sub in items:
            out.append(sub.content)
            subs(sub.subparagraphs)
            out.append(sub.wrap_up)

    def blocks(items: tuple[Block, ...]) -> None:
        for block in items:
            if isinstance(block, Heading):
                out.append(block.text)
            elif isinstance(block, Paragraph):
                out.append(block.content)
            elif isinstance(block, Table):
                out.extend(c for row in block.rows for cell in row.cells for c in cell.content)
            else:
                out.append(block.content)
                subs(block.subparagraphs)
                out.append(block.wrap_up)

    def preamble(items: tuple[PreambularParagraph, ...]) -> None:
        for para in items:
            out.append(para.content)
            subs(para.subparagraphs)
            out.append(para.wrap_up)

    def parts(items: tuple[Part, ...]) -> None:
        for part in items:
            out.append(part.heading)
            preamble(part.preamble)
            blocks(part.operative)
            parts(part.parts)

    preamble(resolution.preamble)
    blocks(resolution.operative)
    parts(resolution.parts)
    for annex in resolution.annexes:
        out.append(annex.title)
        for para in annex.preamble:
            out.append(para.content)
            subs(para.subparagraphs)
            out.append(para.wrap_up)
        blocks(annex.body)
    return out
