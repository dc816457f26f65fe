"""Layout passes of the text reader: lines → page furniture removed → paragraphs.

Each pass is a function of plain data, so each can be tested alone:

1. `split_lines` – input lines with their indentation and page boundaries;
2. `find_title` – where the cover block ends and the resolution begins;
3. `strip_furniture` – running headers, job numbers, page numbers and footnote areas
   out (bodies kept aside, every removal reported);
4. `segment` – lines grouped into paragraphs, as the layout of the input tells;
5. `join_block` – a paragraph's lines joined the way its language wants.

Every pattern runs on one line or one paragraph and none nests quantifiers, so the
whole layout work is linear in the input.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import field, replace

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.diagnostics import Diagnostics
from resconv.lang.profile import LanguageProfile
from resconv.lang.script import CJK_CHARACTERS, CJK_RANGES, character_class, is_cjk
from resconv.readers.text.tables import is_placeholder

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Literal

__all__ = [
    "Block",
    "Line",
    "Marker",
    "Note",
    "find_title",
    "join_block",
    "segment",
    "split_lines",
    "strip_furniture",
]

SEPARATOR = re.compile(r"_{5,}|-{3,}|—{2,}")
MARKDOWN_NOTE = re.compile(r"\[\^(?P<m>[\w*]{1,10})\]:\s*(?P<text>.*)")
SYMBOL_LINE = re.compile(r"A/RES/[\w./-]{1,40}")
JOB_NUMBER = re.compile(r"\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?")
""""25-18769 (E)", on page 1 often followed by the date stamp: "25-18769 (E)  181125"."""
BARCODE = re.compile(r"\*\d{7,9}\*")
PRINT_DATE = re.compile(r"[0-3]\d[01]\d{3}")
"""The page foot's print date, day-month-year in six digits: "221220"."""
PAGE = re.compile(r"(?P<page>\d{1,3})\s*/\s*(?P<of>\d{1,3})")
_HEADER_PIECE = r"(?:\d{1,3}\s*/\s*\d{1,3}|\d{2}-\d{5}(?:\s*\([A-Z]\))?|A/RES/[\w./-]{1,40})"
HEADER_LINE = re.compile(rf"{_HEADER_PIECE}(?:\s+{_HEADER_PIECE})+")
"""Page number, job number and symbol run together on one line: "2/2 25-18769"."""
MARKER_LINE = re.compile(r"\d{1,3}")

PARAGRAPH_END = frozenset(",;:.?，；。：？،؛؟")
"""Characters that end a clause or a paragraph, in every script the UN uses."""

_SPACE_RUN = re.compile(r"[ \t\u3000]+")


def _drop_spaces_near_cjk(text: str) -> str:
    """Spaces before or after a CJK character go: "2001 年 11 月" → "2001年11月".

    U+3000 is itself CJK, so inside a run "\t\u3000 1" only the tab goes.
    """
    if "\u3000" in text:
        return _drop_spaces_around_ideographic(text)
    # Without U+3000 a run of spaces and tabs goes whole or stays whole.
    return _spaces_by_cjk().sub("", text)


@functools.cache
def _spaces_by_cjk() -> re.Pattern[str]:
    """A whole run of spaces and tabs after or before a CJK character.

    Speed: one substitution in C instead of a Python loop over the runs asking `is_cjk`
    at each end: five times faster on the seed's lines (200 → 42 µs for its 67 lines).
    Compiled on first use: a class this wide is slow to compile (`resconv/lang/script.py`).
    The first lookahead passes over every other character at once; without it the
    lookbehind's wide class is tried at every character, and the substitution is no
    faster than the loop. A run is maximal on both sides, so the lookbehind sees the
    character before the whole run, and the lookahead (after backtracking) only the one
    after it."""
    cjk = f"[{character_class(CJK_RANGES)}]"
    return re.compile(f"(?=[ \t])(?:(?<={cjk})[ \t]+|[ \t]+(?={cjk}))")


def _drop_spaces_around_ideographic(text: str) -> str:
    """`_drop_spaces_near_cjk` for text with U+3000, character by character."""
    out: list[str] = []
    position = 0
    for run in _SPACE_RUN.finditer(text):
        start, end = run.span()
        out.append(text[position:start])
        position = end
        after_cjk = end < len(text) and is_cjk(text[end])
        i = start
        while i < end:
            if after_cjk:
                break  # the rest of the run is followed by CJK: all of it goes
            ideographic = text.rfind("\u3000", i + 1, end)
            if ideographic > 0:
                i = ideographic  # everything before the last U+3000 goes
                continue
            if i > 0 and is_cjk(text[i - 1]):
                break  # preceded by CJK: the rest goes
            out.append(text[i])
            i += 1
    out.append(text[position:])
    return "".join(out)


_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_BROKEN_HYPHEN = re.compile(r"(?<=[^\W\d_])- (?P<next>[^\W\d_]+)")
_MARKDOWN_REF = re.compile(r"\[\^(?P<m>[\w*]{1,10})\]")


@dataclass(slots=True)
class Line:
    """One input line, stripped, with what its layout says."""

    no: int
    """1-based line number in the input."""
    text: str
    indented: bool = False
    blank_before: bool = False
    page_break: bool = False
    """A page boundary (form feed, removed header or footnote area) comes before it."""
    hang: int = -1
    """The column where a labelled line's text starts after its label ("(a)   To …"), so
    that lines indented to it continue it (a hanging indent); -1 when not labelled."""
    indent: int = 0
    """How many spaces the line is indented by."""


@dataclass(frozen=True, slots=True)
class Marker:
    """A footnote marker printed on a line of its own."""

    marker: str
    line: int
    within: int = -1
    """Where in the line after it the marker stands (an offset in that line's text, the
    marker listed after that line), when that line shows it; -1: after the line before."""


@dataclass(slots=True)
class Note:
    """A footnote body found at a page foot or after "---"."""

    marker: str
    line: int
    lines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """A paragraph's lines (and markers printed on their own lines), not yet classified."""

    line: int
    items: list[Line | Marker] = field(default_factory=list)

    @property
    def first(self) -> str:
        for item in self.items:
            if isinstance(item, Line):
                return item.text
        return ""

    def lines_and_markers(self) -> tuple[list[Line], list[tuple[int, Marker]]]:
        """The lines, and each marker with the index of the line it follows: what
        `join_block` takes."""
        lines: list[Line] = []
        markers: list[tuple[int, Marker]] = []
        for item in self.items:
            if isinstance(item, Line):
                lines.append(item)
            else:
                markers.append((len(lines) - 1, item))
        return lines, markers

    @property
    def lines(self) -> list[Line]:
        return [item for item in self.items if isinstance(item, Line)]


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`; a form feed marks the next line as a page start."""
    out: list[Line] = []
    blank = False
    page = False
    if "\f" not in text:  # no page boundaries: one part per line
        for no, raw in enumerate(text.split("\n"), start=1):
            stripped = raw.strip()
            if stripped:
                line = Line(no, stripped, raw[:1].isspace(), blank)
                _measure_indent(line, raw)
                out.append(line)
                blank = False
            else:
                blank = True
        return out
    for no, raw in enumerate(text.split("\n"), start=1):
        parts = raw.split("\f")
        for index, part in enumerate(parts):
            if index:
                page = True
            stripped = part.strip()
            if not stripped:
                blank = blank or len(parts) == 1  # a form feed alone is no blank line
                continue
            line = Line(
                no=no,
                text=stripped,
                indented=part[:1].isspace(),
                blank_before=blank,
                page_break=page,
            )
            _measure_indent(line, part)
            out.append(line)
            blank = page = False
    return out


_LABEL_GAP = re.compile(r"[ \t]*(?:\(?[0-9A-Za-zа-я]{1,6}[.)]|\([0-9A-Za-zа-я]{1,6}\))[ \t]+(?=\S)")
"""A paragraph or subparagraph label set apart from its text ("(a)      To", "(a) 促进",
Russian "а)    обеспечивать")."""


def _measure_indent(line: Line, raw: str) -> None:
    """Fill `line.indent` and `line.hang` from its raw text (layout-keeping extraction);
    a label at the margin may hang too ("3.    Encourages …" over "      practices …")."""
    if line.indented:
        line.indent = len(raw) - len(raw.lstrip(" \t"))
    elif "  " not in raw:
        return
    label = _LABEL_GAP.match(raw)
    if label:
        line.hang = label.end()


def find_title(lines: list[Line], profile: LanguageProfile) -> int | None:
    """Index of the "67/38. Title" line that ends the cover block."""
    for index, line in enumerate(lines):
        match = profile.title.fullmatch(line.text)
        if match and (match.group("title") or index + 1 < len(lines)):
            return index
    return None


def strip_furniture(
    lines: list[Line], profile: LanguageProfile, *, title: str, diagnostics: Diagnostics
) -> tuple[list[Line], list[Note]]:
    """The content lines, and the footnote bodies, without page headers and footers."""
    title_key = _key(title)
    furniture = [_furniture_kind(line.text) for line in lines]
    for index, line in enumerate(lines):
        if (
            index
            and furniture[index] is None
            and _symbol_beside_title(line.text, title_key, lines[index - 1].text)
        ):
            furniture[index] = "running header"
            _title_above(lines, furniture, index, title_key)
    running = ""  # the running title read so far on this page
    for index, line in enumerate(lines):
        # The running title follows the running symbol (or its own first line), or opens
        # a page; it may be wrapped, so a piece of the title counts there. Before the
        # symbol only the whole title counts, or the title's start when the rest of it
        # stands beside the symbol on the next line. Elsewhere a line that starts like
        # the title is text, such as an annex title repeating the resolution's.
        if furniture[index] is not None or index == 0:
            continue
        after = furniture[index - 1] in ("running header", "running title") or (
            # pdftotext sets a paragraph's number, printed apart in its column at the
            # page's top, or the page's number, between the symbol and the running title
            # (LibreOffice's PDF)
            index >= 2
            and furniture[index - 2] == "running header"
            and (
                _LABEL_ALONE.fullmatch(lines[index - 1].text) is not None
                or furniture[index - 1] == "page number"
            )
        )
        # A running title starts as the title does and goes on as it goes on: a line of
        # text after the header that is only somewhere in the title stays text.
        opened = running if furniture[index - 1] == "running title" else ""
        if (after or line.page_break) and _is_title_piece(line.text, title_key, opened):
            furniture[index] = "running title"
            running = opened + _key(line.text)
        elif _may_be_running_title(line.text, title_key) and _is_running_title(
            line.text, title_key
        ):
            before = index + 1 < len(lines) and furniture[index + 1] == "running header"
            whole = _key(line.text) == title_key or (
                before and _key(line.text) + _title_beside(lines[index + 1].text) == title_key
            )
            if after or (before and whole):
                furniture[index] = "running title"
    content: list[Line] = []
    notes: list[Note] = []
    in_notes = False
    current: Note | None = None
    page_break = False
    skip_to = 0
    unruled = _unruled_areas(lines, furniture, profile, diagnostics)
    numbered = _numbered_feet(lines, furniture, unruled, profile)
    for index, line in enumerate(lines):
        if index < skip_to:
            continue
        if index in numbered:
            end, found = numbered[index]
            for at in range(index, end):
                dropped = furniture[at]
                if dropped is not None:
                    diagnostics.info(
                        f"dropped-{dropped.replace(' ', '-')}",
                        _dropped(dropped, lines[at]),
                        line=lines[at].no,
                    )
            notes.extend(found)
            skip_to, page_break = end, True
            continue
        if index in unruled:
            end, apart = unruled[index]
            area = [*apart, *lines[index:end]]
            kinds = [*([None] * len(apart)), *furniture[index:end]]
            notes.extend(_pair_detached(area, kinds, diagnostics))
            skip_to, page_break = end, True
            continue
        if furniture[index] == "footnote marker":
            continue  # a page's marker printed apart from its note: paired with the area
        kind = furniture[index]
        markdown = MARKDOWN_NOTE.fullmatch(line.text)
        if markdown:
            current = Note(markdown.group("m"), line.no, [markdown.group("text")])
            notes.append(current)
            in_notes = True
            continue
        if kind == "separator":
            diagnostics.info("dropped-footnote-separator", "dropped a footnote rule", line=line.no)
            in_notes, current, page_break = True, None, True
            area_end = _detached_area(lines, index + 1, furniture)
            if area_end is not None:
                notes.extend(
                    _pair_detached(
                        lines[index + 1 : area_end], furniture[index + 1 : area_end], diagnostics
                    )
                )
                skip_to, in_notes = area_end, False
            continue
        if kind is not None:
            diagnostics.info(
                f"dropped-{kind.replace(' ', '-')}", _dropped(kind, line), line=line.no
            )
            in_notes, current, page_break = False, None, True
            continue
        if in_notes:
            start = profile.note_start.fullmatch(line.text)
            if start and (
                current is None
                or line.blank_before
                or _ends_note(current)
                or _next_note(current, start.group("m"))
            ):
                current = Note(start.group("m"), line.no, [start.group("text")])
                notes.append(current)
                continue
            if current is not None and not line.blank_before and not line.indented:
                current.lines.append(line.text)
                continue
            in_notes, current = False, None
        if page_break:
            line.page_break = True
            page_break = False
        content.append(line)
    return content, notes


def _detached_area(lines: list[Line], start: int, furniture: list[str | None]) -> int | None:
    """Where a page's footnote area that prints its markers apart from the bodies ends.

    Extractors such as pdftotext set the superscript markers of a page's notes on lines
    of their own ("1", "2"), before, between or after the bodies, and the page footer
    (job number, print date, barcode) may come between them. Such an area runs to the
    next page; it is told by a marker alone on a line. None when the area is not one.
    """
    marker = False
    end = len(lines)
    for index in range(start, len(lines)):
        line = lines[index]
        if line.page_break and index > start:
            end = index
            break
        if furniture[index] == "running header" or furniture[index] == "separator":
            end = index
            break
        if furniture[index] is None and MARKER_LINE.fullmatch(line.text):
            marker = True
    return end if marker else None


def _unruled_areas(
    lines: list[Line],
    furniture: list[str | None],
    profile: LanguageProfile,
    diagnostics: Diagnostics,
) -> dict[int, tuple[int, list[Line]]]:
    """Footnote areas printed without a rule as text (the rule was a drawn line): where
    each starts and ends, by line index, and the page's markers printed apart from it.

    On a page without a footnote rule, the area is the page's last lines from the first
    marker alone on its line whose lines pair exactly: as many markers alone as footnote
    texts ending with their sentence, each of them a number not seen before. Failing
    that, pdftotext may have set the markers higher up the page, each alone between
    blank lines, and the bodies last, after a blank line: those pair the same way (the
    markers are then marked as furniture). Only text with pages (page breaks, or the
    page number of a one-page text) has page feet. Words of a note line printed apart
    at the page's end are put back in it first.
    """
    areas: dict[int, tuple[int, list[Line]]] = {}
    for page in _pages(lines, furniture):  # without pages, notes follow a rule or are defined
        scattered = _scattered_words(lines, furniture, page)
        for index in scattered:
            furniture[index] = "scattered word"
        start = _page_area(lines, furniture, page, areas, profile)
        if scattered and not _restore_scattered(lines, furniture, scattered, start, diagnostics):
            for index in scattered:
                furniture[index] = None
            if start is not None:
                del areas[start]
                _page_area(lines, furniture, page, areas, profile)
    return areas


def _page_area(
    lines: list[Line],
    furniture: list[str | None],
    page: range,
    areas: dict[int, tuple[int, list[Line]]],
    profile: LanguageProfile,
) -> int | None:
    """Record the page's footnote area in `areas`, if it has one; where it starts."""
    # The last text is a note's end; a marker printed after all bodies does not count.
    texts = [
        lines[i].text
        for i in page
        if furniture[i] is None and not MARKER_LINE.fullmatch(lines[i].text)
    ]
    if (
        not texts
        or not _ends_sentence(texts[-1])
        or "separator" in furniture[page.start : page.stop]
    ):
        return None
    stacked = _markers_under_label(lines, furniture, page, areas)
    if stacked is not None:
        return stacked
    # The area opens with a marker alone, or with a note printed on its marker's line
    # when a marker alone follows it on the page.
    alone_at = [i for i in page if furniture[i] is None and MARKER_LINE.fullmatch(lines[i].text)]
    for first in page:
        if furniture[first] is not None or not alone_at or first > alone_at[-1]:
            continue
        text = lines[first].text
        if not MARKER_LINE.fullmatch(text) and not _opens_area(lines, furniture, first, page):
            continue
        if _pairs_exactly(lines, furniture, first, page.stop, profile):
            areas[first] = (page.stop, [])
            return first
    before = set(areas)
    _markers_apart(lines, furniture, page, areas)
    return next(iter(set(areas) - before), None)


def _markers_under_label(
    lines: list[Line],
    furniture: list[str | None],
    page: range,
    areas: dict[int, tuple[int, list[Line]]],
) -> int | None:
    """Record the page's footnote area when its markers stand in a stack under a
    paragraph's label and its notes are the page's last lines, right under the
    paragraph's end; where the area starts, or None.

    pdftotext reads LibreOffice's column of labels with the page's column of note
    numbers below it: "5." / "" / "1" / "2" / "3" / "" / "принимает … 2021 года3;" /
    "A/76/548 и A/76/685." / "A/76/760/Add.6." / "A/76/548.". The notes are the
    shortest tail of the page that reads as one note a marker, after a line that ends
    a paragraph (or one line a note, after a paragraph that runs on to the next page);
    the paragraph's text stays with its label.
    """
    content = [i for i in page if furniture[i] is None]
    for at in range(1, len(content) - 1):
        if not _LABEL_ALONE.fullmatch(lines[content[at - 1]].text):
            continue
        stack = list(
            itertools.takewhile(lambda i: MARKER_LINE.fullmatch(lines[i].text), content[at:])
        )
        after = at + len(stack)
        if not stack or after >= len(content) or not lines[content[after]].blank_before:
            continue
        numbers = [int(lines[i].text) for i in stack]
        if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            continue
        texts = [lines[i].text for i in content]
        for start in range(len(content) - 1, after, -1):
            tail = texts[start:]
            if texts[start][:1].islower():
                continue
            if not ends_paragraph(texts[start - 1]):
                # The paragraph runs on to the next page: then only notes of one line
                # each are told from its text ("… Commission préparatoire du" /
                # "Nations Unies, Recueil des Traités, vol. 1833, no 31363." / …).
                if len(tail) == len(stack) and all(map(_ends_sentence, tail)):
                    return _record_stack(lines, furniture, areas, stack, content[start], page)
                continue
            if any(_count_bodies(tail, a, figures=f) == len(stack) for a, f in _BODY_READINGS):
                return _record_stack(lines, furniture, areas, stack, content[start], page)
            if len(tail) > _NOTE_AREA_LINES * len(stack):
                break
    return None


def _record_stack(
    lines: list[Line],
    furniture: list[str | None],
    areas: dict[int, tuple[int, list[Line]]],
    stack: list[int],
    first: int,
    page: range,
) -> int:
    for index in stack:
        furniture[index] = "footnote marker"
    areas[first] = (page.stop, [lines[i] for i in stack])
    return first


def _opens_area(lines: list[Line], furniture: list[str | None], first: int, page: range) -> bool:
    """Whether line `first`, a note printed on its marker's line, opens the page's
    footnote area: its number comes before those of the markers alone after it, and the
    note ends on the line ("1 A/74/307." / "2 A/74/332." / "3" / "Resolution 217 A (III).");
    a line of text opening with a figure ("2 December 2008, 64/51 of …") does neither."""
    markers = _Markers(lines[i] for i in range(first, page.stop) if furniture[i] is None)
    found = _inline_marker(lines[first].text, markers)
    return found is not None and int(found[0]) < min(markers.alone) and _ends_sentence(found[1])


def _scattered_words(lines: list[Line], furniture: list[str | None], page: range) -> list[int]:
    """The single words that end a page, each after a blank line: the far-apart words
    of a widely justified footnote line, which pdftotext prints apart after the page's
    notes, among the page's furniture ("Ассамблеи," / "" / "1/2" / "" / "сессия,"), or
    the document symbols that end justified lines of a note listing them, joined as
    lines of one word each ("A/C.6/65/SR.10, A/C.6/66/SR.13, …")."""
    words: list[int] = []
    for index in reversed(page):
        if furniture[index] is not None:
            continue
        line = lines[index]
        if not line.blank_before or not (
            _LONE_WORD.fullmatch(line.text) or _SYMBOL_RUN.fullmatch(line.text)
        ):
            break
        words.insert(0, index)
    return words


def _restore_scattered(
    lines: list[Line],
    furniture: list[str | None],
    words: list[int],
    start: int | None,
    diagnostics: Diagnostics,
) -> bool:
    """Put the scattered `words` back at the end of the lines of the footnote area
    starting at `start` that stop short of their sentence's end, the lines they were
    cut from: all of them on the one such line, or one on each when there are as many
    such lines as words (a note listing symbols, each justified line's last one printed
    apart); False when there is no area or the lines and words do not pair."""
    if start is None:
        return False
    texts = [
        index
        for index in range(start, words[0])
        if furniture[index] is None and not MARKER_LINE.fullmatch(lines[index].text)
    ]
    cut = [index for index in texts[:-1] if not _ends_sentence(lines[index].text)]
    pieces = [piece for index in words for piece in lines[index].text.split(" ")]
    if len(cut) == 1:
        pairs = [(cut[0], pieces)]
    elif cut and len(cut) == len(pieces):
        pairs = [(index, [piece]) for index, piece in zip(cut, pieces, strict=True)]
    else:
        return False
    for index, moving in pairs:
        moved = " ".join(moving)
        lines[index].text += " " + moved
        diagnostics.info(
            "scattered-words-restored",
            f"put {moved!r}, printed apart by the extraction, back in its footnote line",
            line=lines[index].no,
        )
    return True


_LONE_WORD = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+)*[,;:.]?")
_SYMBOL_RUN = re.compile(
    r"[A-Z]{1,6}(?:/[\w.()‑-]{1,20}){2,8},?(?: [A-Z]{1,6}(?:/[\w.()‑-]{1,20}){2,8},?)+"
)
"""Document symbols and nothing else ("A/C.6/65/SR.10, A/C.6/66/SR.13,")."""


_PAGE_FEET = ("page number", "job number")
"""Furniture that ends a page: its number, or on the first page the job number."""


def _pages(lines: list[Line], furniture: list[str | None]) -> list[range]:
    """The pages of the text, by line index: form feeds part them, or failing those
    (pypdf, pdfminer, pypdfium2) the page numbers and job numbers that end them and the
    running headers that open them; [] without pages."""
    breaks = [i for i, line in enumerate(lines) if line.page_break and i]
    if not breaks:
        breaks = sorted(
            {i + 1 for i, kind in enumerate(furniture[:-1]) if kind in _PAGE_FEET}
            | {i for i, kind in enumerate(furniture) if kind == "running header" and i}
        )
    if not breaks and not any(kind in _PAGE_FEET for kind in furniture):
        return []
    ends = [*breaks, len(lines)]
    return [range(start, end) for start, end in zip([0, *breaks], ends, strict=True)]


def _numbered_feet(
    lines: list[Line],
    furniture: list[str | None],
    unruled: dict[int, tuple[int, list[Line]]],
    profile: LanguageProfile,
) -> dict[int, tuple[int, list[Note]]]:
    """Footnote areas without a rule whose notes start on their marker's line
    ("1 Resolution 217 A (III)."), as pypdf and pdfminer print a page's foot: where each
    starts, where it ends and its notes.

    Such an area is the page's last text lines: note starts numbered one after another,
    each followed by at most a few lines that run on, the last one ending its sentence.
    Each number must stand in the page's text above (its marker; the first note may
    run over from the page before), and run on from the notes of the pages before, so
    a paragraph that opens with a number is not taken.
    """
    areas: dict[int, tuple[int, list[Note]]] = {}
    last = 0
    for page in _pages(lines, furniture):
        content = [i for i in page if furniture[i] is None]
        if any(i in unruled for i in page) or "separator" in furniture[page.start : page.stop]:
            continue
        # No note stands above the adoption date ("9 December 2021" is no note 9).
        dated = [at for at, i in enumerate(content) if profile.date.fullmatch(lines[i].text)]
        found = _numbered_tail(lines, content, last, dated[-1] if dated else -1)
        if found is None:
            continue
        first, notes = found
        areas[content[first]] = (page.stop, notes)
        last = int(notes[-1].marker)
    return areas


def _numbered_tail(
    lines: list[Line], content: list[int], last: int, floor: int = -1
) -> tuple[int, list[Note]] | None:
    """The longest tail of `content` below its line `floor` that reads as numbered notes
    after note `last`: its start (in `content`) and the notes; None when there is none."""
    if not content or not _ends_sentence(lines[content[-1]].text):
        return None
    best: tuple[int, list[Note]] | None = None
    notes: list[Note] = []
    run_on = 0  # lines after the last note start found, going up
    for at in range(len(content) - 1, max(floor, len(content) - 1 - _NOTE_LINES * 6), -1):
        line = lines[content[at]]
        found = _notes_on_line(line.text)
        expected = int(notes[0].marker) - 1 if notes else None
        number = int(found[0][0]) if found else -1
        if found and number > last and (expected is None or int(found[-1][0]) == expected):
            follow = range(at + 1, at + 1 + run_on)
            *whole, (marker, text) = found
            body = [text, *(lines[content[i]].text for i in follow)]
            group = [*(Note(m, line.no, [t]) for m, t in whole), Note(marker, line.no, body)]
            if not notes:  # the page's last note may run on into further notes
                group += _notes_run_on(group[-1])
            notes[:0] = group
            run_on = 0
            above = " ".join(lines[content[i]].text for i in range(at))
            # A note run over from the page before stands first, its marker there.
            carried = notes[0].marker == str(last + 1) and last > 0 and at > 0
            if all(note.marker in above for note in notes[1 if carried else 0 :]):
                best = (at, list(notes))
            continue
        run_on += 1
        if run_on > _NOTE_AREA_LINES:
            break
    return best


_NOTE_ON_MARKER = re.compile(r"(\d{1,3}) +(\S.*)")
"""A note's start: its number, then its text after a space, or several when the line is
justified ("3  See  Official  Records", as pdfminer prints it)."""
_NEXT_NOTE = re.compile(r"(?<=\.)(\d{1,3}) (?=[A-Z\u0400-\u042f\u4e00-\u9fff])")


def _notes_run_on(note: Note) -> list[Note]:
    """The notes that an extractor ran into the lines after `note`'s first, each opening
    with the next number right after a full stop ("… annexes I and II.9 Resolution
    70/1."); `note` keeps only its own text."""
    found: list[Note] = []
    current = note
    at = 1
    while at < len(current.lines):
        following = str(int(current.marker) + 1)
        text = current.lines[at]
        cut = next((m for m in _NEXT_NOTE.finditer(text) if m.group(1) == following), None)
        if cut is None:
            at += 1
            continue
        rest = [text[cut.end() :], *current.lines[at + 1 :]]
        current.lines[at:] = [text[: cut.start()]]
        current = Note(following, current.line, rest)
        found.append(current)
        at = 0
    return found


def _notes_on_line(text: str) -> list[tuple[str, str]]:
    """The notes a line opens with their numbers ("1 Resolution 70/1."), several when an
    extractor ran a page's notes into one line ("1 Resolution 70/1.2 Resolution 69/313,
    annex."): each next one opens with the next number right after a full stop."""
    start = _NOTE_ON_MARKER.fullmatch(text)
    if start is None:
        return []
    found = [(start.group(1), start.group(2))]
    while True:
        marker, rest = found[-1]
        following = str(int(marker) + 1)
        cut = next((m for m in _NEXT_NOTE.finditer(rest) if m.group(1) == following), None)
        if cut is None:
            return found
        found[-1] = (marker, rest[: cut.start()])
        found.append((following, rest[cut.end() :]))


def _markers_apart(
    lines: list[Line],
    furniture: list[str | None],
    page: range,
    areas: dict[int, tuple[int, list[Line]]],
) -> None:
    """Record the page's foot as a footnote area whose markers stand apart, if it is one."""
    content = [i for i in page if furniture[i] is None]
    markers: list[int] = []
    run: list[int] = []  # marker lines one after another ("1" / "2" / "3")
    for at, i in enumerate(content):
        if MARKER_LINE.fullmatch(lines[i].text) and (run or lines[i].blank_before):
            run.append(i)
            following = content[at + 1] if at + 1 < len(content) else None
            if following is None or lines[following].blank_before:
                markers += run  # the run stands between blank lines
                run = []
            elif not MARKER_LINE.fullmatch(lines[following].text):
                run = []
        else:
            run = []
    if not markers:
        return
    first = next((i for i in reversed(content) if lines[i].blank_before), None)
    if first is None or first <= markers[-1]:
        return
    texts = [lines[i].text for i in content if i >= first]
    if (
        not texts[0][:1].isupper()
        or len(texts) > _NOTE_AREA_LINES * len(markers)
        or _count_bodies(texts, 0) != len(markers)
    ):
        return
    for index in markers:
        furniture[index] = "footnote marker"
    areas[first] = (page.stop, [lines[i] for i in markers])


def _pairs_exactly(
    lines: list[Line], furniture: list[str | None], start: int, end: int, profile: LanguageProfile
) -> bool:
    """Whether lines `start` to `end` read as a page's footnote area: markers and note
    texts pair one to one, and no line of it reads as the resolution's own text."""
    markers: set[str] = set()
    texts: list[str] = []
    alone = _Markers(lines[index] for index in range(start, end) if furniture[index] is None)
    before = next(
        (
            lines[index].text
            for index in range(start - 1, -1, -1)
            if furniture[index] is None and not MARKER_LINE.fullmatch(lines[index].text)
        ),
        "",
    )
    for index in range(start, end):
        if furniture[index] is not None:
            continue
        text = lines[index].text
        if not MARKER_LINE.fullmatch(text) and _text_in_area(
            text, texts[-1] if texts else before, not texts, profile
        ):
            return False
        inline = _inline_marker(text, alone)
        if inline is not None:
            markers.add(inline[0])
            texts.append(inline[1])
            continue
        if MARKER_LINE.fullmatch(text):
            if text in markers:
                return False
            markers.add(text)
            continue
        if _LABEL_ALONE.fullmatch(text) and not (
            texts and not lines[index].blank_before and _ABBREVIATION.search(texts[-1])
        ):
            # "(a)" alone: a subparagraph of the text, not a footnote; but "18." after a
            # note line left at "para." (or "No.", "chap.") is the figure it cites.
            return False
        if texts and lines[index].blank_before and texts[-1][-1:] in ",;:":
            return False  # a paragraph's clause before a blank line: text, not a note
        texts.append(text)
    if not texts or not _ends_sentence(texts[-1]) or len(texts) > _NOTE_AREA_LINES * len(markers):
        return False
    return any(
        _count_bodies(texts, abbreviations, figures=figures) == len(markers)
        for abbreviations, figures in _BODY_READINGS
    )


def _text_in_area(text: str, previous: str, first: bool, profile: LanguageProfile) -> bool:
    """Whether `text`, a line of a would-be footnote area after the line `previous`, is
    the resolution's own text: the area's first text running on in lower case after its
    marker ("resolution 76/36," / "2" / "and welcoming …", a superscript that pypdfium2
    sets on a line of its own), or a paragraph opening after a clause ("…,", "…;") with
    known initial words, numbered or not ("Mindful of …", "1. Calls upon …").

    Notes open with a capital or a figure: in the UN's English, French, Spanish and
    Russian files 18 notes in 1,000 open in lower case, all of them links.
    """
    if first and text[:1].islower() and _WORD_AND_SPACE.match(text):
        return True
    if previous.rstrip(_INVISIBLE)[-1:] not in _CLAUSE_ENDS:
        return False
    number = profile.operative_number.match(text)
    return _opens_paragraph(text[number.end() :] if number else text, profile)


_WORD_AND_SPACE = re.compile(r"[^\W\d_]+ ")
"""A word and a space: in lower case, text running on, not a note (nor a link)."""
_CLAUSE_ENDS = frozenset(",;:，；：،؛")


_BODY_READINGS = ((0, False), (1, False), (0, True))
"""How a page's note texts may divide into notes, strictest first: each full stop ends a
note unless a figure follows; a line ending in an abbreviation runs on; a full stop
before a figure ends a note (a note may open with a year)."""


class _Markers:
    """The markers of an area: those printed alone on their lines, and the numbers that
    notes printed on their marker's line may have: one the markers alone skip, or one
    next to them or to another such note ("1 A/74/307." / "2 A/74/332." / "3" / "…")."""

    def __init__(self, lines: Iterable[Line]) -> None:
        texts = [line.text for line in lines]
        at = [i for i, text in enumerate(texts) if MARKER_LINE.fullmatch(text)]
        self.alone = {int(texts[i]) for i in at}
        self.numbers: set[int] = set()
        if not self.alone:
            return
        # Notes come in order: lower numbers before the markers alone, higher ones after.
        inline = {
            int(match.group(1))
            for i, match in enumerate(map(_MARKER_AND_TEXT.fullmatch, texts))
            if match is not None
            and (int(match.group(1)) < min(self.alone)) == (i < at[0])
            and (int(match.group(1)) > max(self.alone)) == (i > at[-1])
        } - self.alone
        self.numbers = set(range(min(self.alone), max(self.alone) + 1)) - self.alone
        grown = self.alone | self.numbers
        while found := {n for n in inline - grown if n - 1 in grown or n + 1 in grown}:
            grown |= found
            self.numbers |= found


def _inline_marker(text: str, markers: _Markers) -> tuple[str, str] | None:
    """A note printed on its marker's line ("2 A/56/1026, annex II.") in an area whose other
    markers stand alone (an extractor may set a note that opens with a link on one line):
    its marker and text, when its number is one the markers alone skip or continue."""
    match = _MARKER_AND_TEXT.fullmatch(text)
    if match is None or int(match.group(1)) not in markers.numbers:
        return None
    return match.group(1), match.group(2)


_MARKER_AND_TEXT = re.compile(r"(\d{1,3}) (\S.*)")
_LABEL_ALONE = re.compile(
    r"\(?(?:\d{1,3}|[a-z]{1,2}|[ivxl]{1,6})[.)]|\((?:\d{1,3}|[a-z]{1,2}|[ivxl]{1,6})\)"
)
"""A paragraph or subparagraph label alone on its line ("(a)", "b)", "(iv)", "2.")."""
_NOTE_LINES = 8
"""A note printed on its marker's line runs on over at most this many lines."""
_NOTE_AREA_LINES = 16
"""A page's footnotes run to at most this many lines each, on average; more is text (a
note may list dozens of document symbols)."""


def _count_bodies(texts: list[str], abbreviations: int, *, figures: bool = False) -> int:
    return 1 + sum(
        1
        for last, text in itertools.pairwise(texts)
        if _note_ends(last, text, abbreviations, figures=figures)
    )


def _pair_detached(
    area: list[Line], kinds: list[str | None], diagnostics: Diagnostics
) -> list[Note]:
    """The notes of a detached area: markers in number order, bodies in printed order.

    A body ends with its sentence ("." or "。"); the bodies are printed in the order of
    their markers, whatever order the extractor gave the markers in. When a line
    ending in an abbreviation ("chap.", "vol.") ends a body, markers and bodies do not
    pair; then such a line runs on.
    """
    markers: list[Line] = []
    texts: list[Line] = []
    alone = _Markers(line for line, kind in zip(area, kinds, strict=True) if kind is None)
    for line, kind in zip(area, kinds, strict=True):
        if kind == "scattered word":
            continue  # put back in its note line already
        if kind is not None:
            diagnostics.info(
                f"dropped-{kind.replace(' ', '-')}", _dropped(kind, line), line=line.no
            )
            continue
        inline = _inline_marker(line.text, alone)
        if inline is not None:
            markers.append(replace(line, text=inline[0]))
            texts.append(replace(line, text=inline[1]))
            continue
        if MARKER_LINE.fullmatch(line.text):
            markers.append(line)
            continue
        texts.append(line)
    markers.sort(key=lambda line: int(line.text))
    bodies = _bodies(texts, 0)
    if len(bodies) != len(markers):
        # The markers' count is the constraint: the first other reading that gives as
        # many notes ("… No. 10485." / "1995 Review Conference …" are two).
        tries = (_bodies(texts, a, figures=f) for a, f in _BODY_READINGS[1:])
        bodies = next((found for found in tries if len(found) == len(markers)), bodies)
    if len(markers) != len(bodies):
        diagnostics.add(
            "footnote-area-unpaired",
            f"{len(markers)} footnote marker(s) and {len(bodies)} footnote text(s) at the page "
            "foot; paired in order",
            line=area[0].no if area else None,
        )
    return [
        Note(marker.text, body[0].no, [line.text for line in body])
        for marker, body in zip(markers, bodies, strict=False)
    ]


def _bodies(texts: list[Line], abbreviations: int, *, figures: bool = False) -> list[list[Line]]:
    bodies: list[list[Line]] = []
    for line in texts:
        if not bodies or _note_ends(bodies[-1][-1].text, line.text, abbreviations, figures=figures):
            bodies.append([])
        bodies[-1].append(line)
    return bodies


_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[^\W\d_A-ZА-Я]{1,4}|No|Nº)\.$")
"""A line ending in a short lower-case abbreviation ("chap.", "vol.", "п.") or "No."."""


def _note_ends(line: str, following: str, abbreviations: int = 0, *, figures: bool = False) -> bool:
    """Whether a footnote text ends with `line`: its sentence ends, and the next line does
    not run on ("Supplement No." / "23 (A/74/23)." is one note). With `abbreviations`,
    a line ending in an abbreviation runs on too ("…, chap." / "IV, sect. A."); with
    `figures`, a line that opens with a figure after one that ends its sentence, on no
    abbreviation, opens a note ("1995 Review Conference …")."""
    if abbreviations and _ABBREVIATION.search(line):
        return False
    if not _ends_sentence(line) or (following[:1].islower() and not line.endswith("。")):
        return False  # after "。" a note ends even before a link ("www.un.org/…")
    if figures and not _ABBREVIATION.search(line):
        return True
    # "Supplement No." / "23 (A/74/23)." runs on; "2 Voir …" (a marker printed again) not.
    # No abbreviation ends with "。": "A/80/411。" / "2024年5月28日…" are two notes.
    return (
        not following[:1].isdigit()
        or _NUMBER_AND_WORD.match(following) is not None
        or line.endswith("。")
    )


_NUMBER_AND_WORD = re.compile(r"\d{1,3} [^\W\d_]+\b(?![./])")


def _next_note(note: Note, marker: str) -> bool:
    """Whether a line opening with `marker` starts the note after `note` although `note`
    ended without a full stop ("…, et annexe III" / "6 Ibid."): its marker is the next
    one, and the line before stops on no abbreviation or "No." that a number continues."""
    return (
        note.marker.isdigit()
        and marker == str(int(note.marker) + 1)
        and not _ABBREVIATION.search(note.lines[-1])
        and note.lines[-1][-1:] not in ",;-‑"
    )


def _ends_note(note: Note) -> bool:
    return _ends_sentence(note.lines[-1])


_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\u061c\u202a\u202b\u202c\u2066\u2067\u2068\u2069"
"""Format characters a source may print after a note's full stop (a left-to-right mark)."""


def _ends_sentence(text: str) -> bool:
    """Whether a footnote line ends with its sentence, invisible marks after it aside; a
    note that is a document symbol alone ("A/75/61-E/2020/4") has no full stop."""
    text = text.rstrip(_INVISIBLE)
    return text[-1:] in ".。" or SYMBOL_ALONE.fullmatch(text) is not None


SYMBOL_ALONE = re.compile(
    r"[A-Z]{1,6}(?:(?:/[\w.()‑-]{1,20}){2,8}|[-‑]\d{1,4}/[A-Z]{1,6}[\w.()‑-]{0,20})"
)
"""A document symbol on a line of its own: "A/75/61-E/2020/4", "S/2003/529", and an
organ's with its session number first: "EC-86/DG.31." (not "S-10/2", a resolution)."""


_FURNITURE_STARTS = frozenset("_-—A*")
"""How furniture lines can start, besides a digit: what the patterns below begin with."""


def _furniture_kind(text: str) -> str | None:
    if text[:1] not in _FURNITURE_STARTS and not text[:1].isdecimal():
        return None  # most lines: no pattern below can match
    if SEPARATOR.fullmatch(text):
        return "separator"
    if SYMBOL_LINE.fullmatch(text):
        return "running header"
    if JOB_NUMBER.fullmatch(text):
        return "job number"
    if BARCODE.fullmatch(text):
        return "barcode"
    if PRINT_DATE.fullmatch(text):
        return "print date"
    page = PAGE.fullmatch(text)
    if page and 0 < int(page.group("page")) <= int(page.group("of")) <= 500:
        return "page number"
    if HEADER_LINE.fullmatch(text):
        return "running header"
    return None


def _dropped(kind: str, line: Line) -> str:
    return f"dropped {kind} {line.text!r}"


def _key(text: str) -> str:
    return "".join(text.split())


_GAP = re.compile(r"\s{3,}")


def _symbol_beside_title(text: str, title_key: str, above: str = "") -> bool:
    """Whether a line is a page header set on one line: the symbol and the running
    title, far apart or not, in either order ("A/RES/74/119      Cooperatives …"). The
    title's piece may be its last words only, however short, when the line `above`
    holds the rest ("… les pays les moins" / "avancés A/RES/79/218"), or the rest's
    end when LibreOffice wrapped the title over three lines ("Мероприятия … Международного"
    / "Суда … или его" / "применения A/RES/78/33")."""
    if "A/RES/" not in text:
        return False
    pieces = _GAP.split(text.strip())
    if len(pieces) == 1:  # one space apart (pypdf): the symbol opens or ends the line
        pieces = text.split(None, 1) if text.startswith("A/RES/") else text.rsplit(None, 1)
    if len(pieces) != 2:
        return False
    symbol, title = pieces if SYMBOL_LINE.fullmatch(pieces[0]) else pieces[::-1]
    if SYMBOL_LINE.fullmatch(symbol) is None:
        return False
    key = _key(title)  # the whole running title, its start, or the end of it wrapped
    return (
        _is_running_title(title, title_key)
        or (len(key) >= 12 and title_key.endswith(key))
        or bool(key and above and _key(above) + key == title_key)
        or bool(
            key and len(_key(above)) >= _WRAPPED_PIECE and title_key.endswith(_key(above) + key)
        )
    )


_WRAPPED_PIECE = 12
"""How long the line above must be to tell a running title's middle line from chance."""


def _title_above(
    lines: list[Line], furniture: list[str | None], index: int, title_key: str
) -> None:
    """Mark as running title the lines above the header at `index` that hold the rest
    of the title beside its symbol, when with that piece they make the whole title
    ("Implementation … in" / "Those … Desertification," / "Particularly in Africa
    A/RES/78/154"); a title over two lines is told later, line by line."""
    beside = _title_beside(lines[index].text)
    for count in range(2, _TITLE_LINES + 1):
        start = index - count
        if start < 0 or any(furniture[at] is not None for at in range(start, index)):
            return
        above = "".join(_key(lines[at].text) for at in range(start, index))
        if above + beside == title_key:
            for at in range(start, index):
                furniture[at] = "running title"
            return


_TITLE_LINES = 3
"""The most lines a running title is wrapped over above its symbol."""


def _title_beside(header: str) -> str:
    """The key of the running title's piece on a header line beside the symbol."""
    return _key(" ".join(piece for piece in header.split() if not SYMBOL_LINE.fullmatch(piece)))


def _may_be_running_title(text: str, title_key: str) -> bool:
    """A cheap test `_is_running_title` can only pass: its key starts as the title's."""
    first = text[:1]
    return first == title_key[:1] or first.isspace()


def _is_title_piece(text: str, title_key: str, opened: str = "") -> bool:
    """Whether `text` is a line of the title wrapped as a running title, after the
    lines of it `opened` (keys) above it on the page. A piece that goes on from such
    lines may be short: LibreOffice wraps a long running title before its last word."""
    key = _key(text)
    return (len(key) >= 12 or bool(opened and key)) and title_key.startswith(opened + key)


def _is_running_title(text: str, title_key: str) -> bool:
    key = _key(text)
    if not title_key or not key:
        return False
    return key == title_key or (
        len(key) >= 12 and (title_key.startswith(key) or key.startswith(title_key))
    )


if TYPE_CHECKING:
    Mode = Literal["indent", "blank", "line", "punct"]


def choose_mode(lines: list[Line], starts: Callable[[], list[bool]] | None = None) -> Mode:
    """How the input marks paragraphs: first-line indents, blank lines, line ends, or
    only punctuation.

    PDF extraction that puts a blank line after every line (the seed) leaves the
    indentation as the only paragraph mark; reflowed text and most extractions use
    blank lines; text with neither is split where a line ends a clause and the next
    one starts like a paragraph.
    """
    if len(lines) < 2:
        return "blank"
    indented = sum(1 for line in lines if line.indented)
    flush = len(lines) - indented
    if indented >= max(2, len(lines) // _INDENTED_SHARE) and flush >= 1:
        return "indent"
    blanks = sum(1 for line in lines[1:] if line.blank_before)
    if len(lines) <= 6 and blanks:
        return "blank"
    if blanks < 0.1 * (len(lines) - 1):
        # No blank lines: one paragraph a line (a web copy) ends almost every line as a
        # paragraph ends (short lines aside: headings, dates); hard-wrapped text does not.
        whole = _whole_lines([line.text for line in lines])
        return "line" if whole >= 0.9 * len(lines) else "punct"
    if starts is not None and not _blank_lines_separate(lines, starts()):
        return "punct"
    if _blank_lines_split_sentences(lines, blanks):
        return "punct"
    if blanks >= 0.9 * (len(lines) - 1):
        # A blank line after every line: reflowed paragraphs end with punctuation (or
        # are short: headings, dates); hard-wrapped lines mostly do not.
        whole = sum(1 for line in lines if ends_paragraph(line.text) or len(line.text) < 40)
        return "blank" if whole >= 0.7 * len(lines) else "punct"
    return "blank"


_INDENTED_SHARE = 20
"""Text that indents its paragraphs indents more than one line in so many: a couple of
indented lines in a long text are an extractor's stray breaks, not its paragraphs."""
_PAGE_MEASURE = 150
"""Wider than any page prints a line (`width`: a CJK character counts two, spaces
nothing): text whose full lines are wider was never wrapped at a margin."""


def _whole_lines(texts: list[str]) -> int:
    """How many of `texts` can be whole paragraphs (`_whole`). Where the full lines are
    too wide for any page, so is an unpunctuated line of less than half their width (a
    heading: "Measures to enhance the protection of the environment")."""
    full = _ninth_decile([width(text) for text in texts])
    heading = full // 2 if full > _PAGE_MEASURE else 0
    return sum(1 for text in texts if _whole(text) or width(text) < heading)


def _whole(text: str) -> bool:
    """Whether a line can be a whole paragraph: it ends as one, or is short (a heading,
    a date) without a hyphen left hanging. A CJK character is as wide as two letters:
    a wrapped Chinese line of 38 characters is no short line."""
    if ends_paragraph(text) or text[-1:] in "-‑" or len(text) >= _SHORT_LINE:
        return ends_paragraph(text)
    return len(text) + len(CJK_CHARACTERS.findall(text)) < _SHORT_LINE


_SHORT_LINE = 40
"""Characters (CJK ones count two) under which a line may be a heading or a date."""


def _blank_lines_split_sentences(lines: list[Line], blanks: int) -> bool:
    """Whether many blank lines fall inside sentences: after a line that does not end a
    clause, before one that goes on in lower case or with a figure. pdfminer sets a
    paragraph's indented first line apart from the rest so ("Recalling … 71/59" / "" /
    "of 5 December 2016 …"); such text tells its paragraphs by punctuation."""
    inside = sum(
        1
        for previous, line in itertools.pairwise(lines)
        if line.blank_before
        and not line.page_break
        and not ends_paragraph(previous.text)
        and (
            line.text[:1].islower()
            or (_CASELESS_RTL.match(line.text) is not None and len(previous.text) >= _WRAPPED)
            or _FIGURE_GOES_ON.match(line.text) is not None
        )
    )
    return inside >= max(2, _SPLIT_SHARE * blanks)


_SPLIT_SHARE = 0.2
_CASELESS_RTL = re.compile("[\u0600-\u06ff]")
"""A letter of a script without capitals, read right to left: after a wrapped line (a
long one) that does not end a clause, it goes on as lower case does (pdftotext sets
Arabic lines apart so). A short unpunctuated line is a heading."""
_WRAPPED = 60
_ARABIC_LETTER = re.compile("[\u0620-\u064a]")
_FIGURE_GOES_ON = re.compile(r"\d+(?![\d.)]|\s?[-–]\s)")
"""A line that opens with a figure and is no number of a paragraph ("1925 Geneva …"; the
Arabic number "1 - " is one)."""
"""The share of blank lines inside sentences from which blank lines tell nothing."""


def _blank_lines_separate(lines: list[Line], starts: list[bool]) -> bool:
    """Whether blank lines stand where paragraphs start, not just anywhere.

    `starts[i]` says line `i` opens like a paragraph (a number, a label, known initial
    words) after a line that ended a clause. Text whose blank lines come from page
    furniture and numbers set apart ("1." then a blank line) has most such starts
    without a blank line before them: its paragraphs are told by punctuation.
    """
    # A number or label alone may be set apart by blank lines of its own (LibreOffice's
    # PDF: "" / "1." / "" / "Takes note …"): lines that open with words count, when
    # there are enough of them.
    candidates = [index for index in range(1, len(lines)) if starts[index]]
    worded = [index for index in candidates if not _LABEL_ALONE.fullmatch(lines[index].text)]
    if len(worded) >= 4:
        candidates = worded
    if len(candidates) < 4:
        return True
    blank = sum(1 for index in candidates if lines[index].blank_before)
    return blank >= 0.5 * len(candidates)


_TRAILING_MARKDOWN_REF = re.compile(r"(?:\[\^[\w*]{1,10}\])+$")
_TRAILING_MARKER = re.compile(r"(?<=[,;:.，；。：”’)،؛])\s?\d{1,3}$")


def is_clean_copy(lines: list[Line]) -> bool:
    """Whether `lines` are a clean copy of the text: one paragraph a line, as a web page,
    a Word file or a reflowed copy gives it, with nothing a PDF extraction breaks
    (lines cut at a margin, words cut by stray spaces). What such a text prints ("11º ,",
    "de mostrar") is the text's own, never an extraction's slip. (A hyphen and a space,
    "eighty- first", is still joined: copies reflowed from a PDF keep its line breaks so.)
    """
    texts = [line.text for line in lines if line.text and not is_placeholder(line.text)]
    if len(texts) < _CLEAN_LINES:
        return False
    return _whole_lines(texts) >= _CLEAN_SHARE * len(texts)


_CLEAN_LINES = 4
_CLEAN_SHARE = 0.95
"""A clean copy ends nearly all its lines as paragraphs end (or they are short: headings,
dates); text wrapped at a margin ends most of them inside a sentence."""


def ends_paragraph(text: str) -> bool:
    """Whether a line ends as a paragraph does (a glued footnote marker and invisible
    marks after it aside: "…del niño,\u200e")."""
    if text[-1:] in _INVISIBLE:
        text = text.rstrip(_INVISIBLE)
    if text[-1:] == "]":
        text = _TRAILING_MARKDOWN_REF.sub("", text)  # "… Peoples,[^3]"
    if text[-1:].isdigit():
        text = _TRAILING_MARKER.sub("", text)
    if text[-1:] in _CLOSING_QUOTES and text[-2:-1] in _QUOTED_END:
        return True  # a quotation closes the paragraph: "… sind?“", "… (2015).”"
    return text[-1:] in PARAGRAPH_END


_CLOSING_QUOTES = frozenset("”“’»」")
_QUOTED_END = frozenset(".?!。？！")


def segment(
    lines: list[Line],
    profile: LanguageProfile,
    *,
    boundary: re.Pattern[str],
    unsure: list[int] | None = None,
) -> list[Block]:
    """Group content lines into paragraph blocks; `boundary` matches lines that always
    start a block after a finished one (adoption date, meeting, annex label). `unsure`
    gets the numbers of the lines that start a block on their words alone (see
    `_unsure_start`)."""
    lines = _last_line_last(lines, profile, boundary)
    lines = _numbers_first(_preamble_last_line_last(lines, profile, boundary), profile)
    widths = _Widths(lines)
    shapes = _Shapes(lines, profile, boundary)
    mode = choose_mode(lines, shapes.paragraph_starts)
    structural = shapes.structural
    blocks: list[Block] = []
    next_marker = 1
    previous = -1
    # A title wrapped over lines that no blank line separates runs to the authority line.
    authority_at = next((i for i, found in enumerate(shapes.authority[:8]) if found), 0)
    last = len(lines) - 1
    column = -1  # where the text of a hanging-indent paragraph runs, if in one
    numbered = False  # whether the current block opens with an operative number
    lettered = False  # whether it opens with a subparagraph's label
    pending: Marker | None = None  # a marker printed before the word it follows
    next_number = 1
    """The operative number that comes next: a line opening with it starts a paragraph
    even after a line without closing punctuation (a sub-heading, in a web copy)."""
    for index, line in enumerate(lines):
        if 0 < index < authority_at and not line.blank_before:
            blocks[-1].items.append(line)
            previous = index
            continue
        if mode == "indent" and line.indented and column >= 0 and _hangs(index, column, shapes):
            # A line indented to the text of a labelled line before it continues it:
            # "(a)      To contribute …" / "         people of …" (a hanging indent).
            # Over a page break the margin may move; an unfinished paragraph runs on.
            blocks[-1].items.append(line)
            previous, column = index, line.indent
            continue
        column = line.hang if line.hang >= 0 else (column if _at(line, column) else -1)
        if (
            blocks
            and shapes.marker[index]
            and _next_marker(
                lines, index, next_marker, full=widths.full if profile.joiner == "cjk" else None
            )
        ):
            marker = Marker(line.text, line.no)
            if profile.joiner == "space":
                within = _place_below(
                    lines,
                    index,
                    first_word=True,
                    through_punctuation=profile.marker_after_punctuation,
                )
            else:
                within = _cjk_place_below(lines, index, widths.full)
            if within >= 0:
                pending = replace(marker, within=within)  # "Mundial" / "1" / "2005 ,"
            elif within == _AFTER_LINE_BELOW or (
                profile.joiner == "space" and _last_word_after(lines, index)
            ):
                pending = marker  # "Organized" / "2" / "Crime,": it marks "Crime,"
            else:
                blocks[-1].items.append(_in_end_gap(blocks[-1], marker, profile))
            next_marker = int(line.text) + 1
            continue
        # A blank line that only marks a page break does not set the line apart.
        after = lines[index + 1] if index < last else None
        alone = (
            after is None or (after.blank_before and not after.page_break) or structural[index + 1]
        )
        number = _leading_number(line.text, profile)
        if (
            previous < 0
            or (
                _starts_block(
                    index,
                    previous,
                    mode,
                    shapes,
                    wrapped=widths.full,
                    short=widths.short,
                    opens_wider=widths.wider_than_first_lines,
                    alone=alone,
                )
                and not (numbered and _comma_runs_on(index, previous, mode, shapes))
            )
            or (
                number == next_number
                # an indented line left open is a centred heading above a numbered
                # paragraph set at the margin (LibreOffice's PDF, pdftotext -layout)
                and (mode != "indent" or shapes.ended[previous] or lines[previous].indented)
            )
            or (lettered and _closes_list(line, lines[previous], profile, widths.short))
        ):
            blocks.append(Block(line.no))
            if unsure is not None and _unsure_start(index, mode, shapes, widths):
                unsure.append(line.no)
            lettered = profile.subparagraph.match(line.text) is not None
            # A subparagraph's label ("e)") keeps it inside its numbered paragraph, where
            # a comma runs on ("…пользования," / "принимая во внимание …;").
            numbered = number is not None or (numbered and lettered)
            if number is not None:
                next_number = number + 1
            if shapes.boundary[index]:
                next_number = 1  # an annex numbers its paragraphs anew
        blocks[-1].items.append(line)
        if pending is not None:
            blocks[-1].items.append(pending)
            pending = None
        next_marker = _after_glued(line.text, next_marker, profile)
        previous = index
    return blocks


def _closes_list(
    line: Line, previous: Line, profile: LanguageProfile, short: Callable[[Line], bool]
) -> bool:
    """Whether `line` opens the text that closes a list, after a subparagraph's last
    line: that line is left at a comma and ends short of the margin or before a blank
    line (not a page's), and `line` opens as the language's wrap-ups do
    ("1 сентября 2015 года," / "и требует, чтобы …;")."""
    start = profile.wrap_up_start
    return (
        start is not None
        and start.match(line.text) is not None
        and _TRAILING_MARKER.sub("", previous.text)[-1:] in ",，،"
        and ((line.blank_before and not line.page_break) or short(previous))
        and not profile.preambular.match(line.text)
    )


def _unsure_start(index: int, mode: Mode, shapes: _Shapes, widths: _Widths) -> bool:
    """Whether line `index` starts a paragraph on its initial words alone, where they
    could as well go on with the paragraph before: no indent or blank line marks
    paragraphs, the line before is full and left at a comma, and the language writes
    initial words in lower case, so that nothing else tells a new preambular paragraph
    from one the UN ran on ("…на период до 2030 года," / "напоминая также о …")."""
    profile = shapes.profile
    if mode != "punct" or profile.capitalised or profile.joiner != "space" or index == 0:
        return False
    previous = shapes.lines[index - 1]
    return (
        _TRAILING_MARKER.sub("", previous.text)[-1:] in ",،"
        and not shapes.structural[index]
        and widths.full(previous)
        and _opens_paragraph(shapes.lines[index].text, profile)
    )


def _after_glued(text: str, expected: int, profile: LanguageProfile) -> int:
    """The marker expected after `text`: past the ones it prints glued to their words
    ("Refugees,8"), so that a marker printed apart later is known for the next one."""
    if not any(map(str.isdigit, text)):  # speed: no Python step a character
        return expected
    found = set()
    for glued in profile.glued_marker.finditer(text):
        found.add(glued.group(max(g for g in range(1, glued.re.groups + 1) if glued.group(g))))
    # A marker glued to a year before a word ("de 19513 et") is no pattern's: the one
    # expected counts when it ends a year so.
    found.update(
        year.group(1) for year in _YEAR_AND_MARKER.finditer(text) if year.group(1) == str(expected)
    )
    while str(expected) in found:
        expected += 1
    return expected


_YEAR_AND_MARKER = re.compile(r"(?<![\d/.])(?:19|20)\d\d(\d{1,2})(?!\d)")


def _next_marker(
    lines: list[Line], index: int, expected: int, *, full: Callable[[Line], bool] | None = None
) -> bool:
    """Whether the number alone on line `index` is a footnote marker printed apart: the
    one expected next, or, set apart by blank lines in a sentence that goes on, a later
    one (the markers before it were glued to their words: "Corruption,1 which"), as is
    one whose place the line after shows (`_place_below`; in Chinese, given `full`, the gap
    it left there), and one printed right after its paragraph's last line."""
    number = int(lines[index].text)
    if number == expected:
        return True
    after = lines[index + 1] if index + 1 < len(lines) else None
    if number < expected or after is None:
        return False
    near = number <= expected + _MARKERS_SKIPPED
    if ends_paragraph(lines[index - 1].text):
        # Printed after its paragraph's last line, before a blank line ("…;" / "9" / "").
        return near and not lines[index].blank_before and after.blank_before
    if lines[index].blank_before and after.blank_before:
        return near
    if full is not None:
        within = _cjk_place_below(lines, index, full)
        return within >= 0 or (near and within == _AFTER_LINE_BELOW)
    return _place_below(lines, index) >= 0 or (
        near and _place_below(lines, index, first_word=True) >= 0
    )


def _last_word_after(lines: list[Line], index: int) -> bool:
    """Whether a marker alone on line `index` belongs after the line that follows: the
    paragraph's last word alone, after a blank line (pdftotext prints a raised marker
    before the lower line it ends: "Organized" / "" / "2" / "" / "Crime,")."""
    after = lines[index + 1] if index + 1 < len(lines) else None
    return (
        after is not None
        and after.blank_before
        and not after.page_break
        and " " not in after.text
        and ends_paragraph(after.text)
        and after.text[:1].isalpha()  # a word, not "19." (the next paragraph's number)
    )


def _in_end_gap(block: Block, marker: Marker, profile: LanguageProfile) -> Marker:
    """`marker`, printed on its own line after the block's last line, placed in the gap
    it left before that line's closing punctuation ("résolution" / "79/43 ," / "4": it
    stood before the comma), where the language glues that mark to the word before."""
    last = block.items[-1] if block.items else None
    if not isinstance(last, Line):
        return marker
    gap = _END_GAP.search(last.text)
    if gap is None or last.text[-1] not in profile.glued_marks:
        return marker
    return replace(marker, within=gap.start())


_END_GAP = re.compile(r"(?<=[^\W_]|[)”’»]) (?=[,;:.]$)")
"""A space before the punctuation ending a line, where a marker printed apart stood."""


def _place_below(
    lines: list[Line], index: int, *, first_word: bool = False, through_punctuation: bool = False
) -> int:
    """Where in the line after it the marker alone on line `index` stands, or -1.

    An extractor prints a raised marker on a line of its own before the line it was
    raised over, and leaves a gap where it stood ("Mundial" / "1" / "2005 ,"). A
    layout-keeping extraction also keeps its column: it stands over the end of its
    word. The gap, when it is the line's only one, or else the word under the marker's
    column, is its place (an offset in the next line's text); with `first_word`, failing
    both, the end of the line's first word when the line before leaves its sentence
    open (`through_punctuation`: past the punctuation glued to it, "Organization;" /
    "10" → "Organization;^10", where the language prints markers after it)."""
    after = lines[index + 1] if index + 1 < len(lines) else None
    if after is None or after.page_break or after.blank_before:
        return -1
    marker = lines[index]
    if marker.indented and after.indent < marker.indent:
        column = marker.indent - after.indent
        ends = [
            word.end()
            for word in _WORD_END.finditer(after.text)
            if column - 2 <= word.end() <= column
        ]
        if ends:
            return max(ends)  # nearest the column: after "2018," rather than "2018"
    gaps = _MARKER_GAP.findall(after.text)
    if len(gaps) == 1:
        found = _MARKER_GAP.search(after.text)
        assert found is not None
        return found.start()
    if first_word and not ends_paragraph(lines[index - 1].text):
        # No gap: pdftotext splits a line only where the marker follows its first word
        # ("Nuclear" / "1" / "Weapons on 7 July 2017;"); a marker after a line's last word
        # stays on that line.
        first = _FIRST_WORD.match(after.text)
        if first is not None and _FUNCTION_WORD.fullmatch(first.group()):
            # No marker follows an article or a preposition ("et" / "7" / "les
            # migrants à" → "migrants^7"): the word after it is the marker's.
            rest = after.text[first.end() :]
            following = _FIRST_WORD.match(after.text, len(after.text) - len(rest.lstrip(" ")))
            first = following if following is not None else first
        if first is not None:
            end = first.end()
            if through_punctuation:
                rest = after.text[end:]
                end += len(rest) - len(rest.lstrip(",;:."))
            return end
    return -1


def _cjk_place_below(lines: list[Line], index: int, full: Callable[[Line], bool]) -> int:
    """Where the marker alone on line `index` stands in Chinese text, in the line after.

    pdftotext prints a raised marker before the line it was raised over, after a full
    line that leaves its sentence unfinished. The marker stands in the gap it left in
    that line, its only space beside a character ("《未来" / "36" / "契约》 中" →
    "契约》^36中"), or, with no gap, after that line when it ends the paragraph
    ("参加其届" / "4" / "会；" → "会；^4", `_AFTER_LINE_BELOW`). Other extractors cut the
    printed line at the marker and print the marker after the piece it follows, which
    is then short ("…的报告" / "1" / "以及…"). -1 when the lines do not tell: the
    marker then follows the line before it.
    """
    after = lines[index + 1] if index + 1 < len(lines) else None
    before = lines[index - 1]
    if after is None or after.page_break or ends_paragraph(before.text) or not full(before):
        return -1
    gaps = [
        gap.start()
        for gap in _SPACE_RUN.finditer(after.text)
        if gap.start() > 0
        and gap.end() < len(after.text)
        and (is_cjk(after.text[gap.start() - 1]) or is_cjk(after.text[gap.end()]))
    ]
    if len(gaps) == 1:
        return gaps[0]
    if not gaps and ends_paragraph(after.text):
        return _AFTER_LINE_BELOW
    return -1


_OPENING_QUOTES = "“‘「『"

_AFTER_LINE_BELOW = -2
"""`_cjk_place_below`: the marker follows the line below it."""


_FIRST_WORD = re.compile(r"[^\W\d_][^\s,;:.]*[^\W_]")
"""A line's first word, before any punctuation after it."""
_FUNCTION_WORD = re.compile(r"[^\W\d_A-ZА-ЯЁ]{1,3}")
"""A short word in lower case: an article, a preposition or a conjunction, which no
footnote marker follows ("les", "the", "of", "и")."""


_WORD_END = re.compile(r"[^\W_](?=[\s,;:.)”’»]|$)|(?<=[^\W_])[,;:.)”’»]+(?=\s|$)")
"""The end of a word, or of the punctuation after it: where a marker raised over it stands."""
_MARKER_GAP = re.compile(r"(?<=[^\W_]|[)”’»]) (?=[,;:.](?:\s|$))")
"""A space before punctuation, where a marker printed elsewhere stood ("2005 ,")."""


_MARKERS_SKIPPED = 3
"""How far past the expected marker a marker set apart may be."""


def _comma_runs_on(index: int, before: int, mode: Mode, shapes: _Shapes) -> bool:
    """Whether line `index`, inside a numbered operative paragraph, goes on with it
    because the line before left the sentence at a comma: an operative paragraph ends
    with a semicolon or a full stop, so only a number, a label or a heading opens the
    next one ("…将进行网播，" / "鼓励大会主席…", "…сотрудничества," / "принимая во
    внимание …;")."""
    mark = _TRAILING_MARKER.sub("", shapes.lines[before].text)[-1:]
    text = shapes.lines[index].text
    return (
        mode != "line"
        and (
            mark in ",，،"
            # "… World Investment Report 2022:" / "International Tax Reform …, in
            # particular …": a colon that a title or a clause, not a list, follows
            or (
                mark == ":"
                and text[:1].isalpha()
                # "…the following question …:" / " What are the obligations …": a first
                # line's indent opens the quoted paragraph
                and not (mode == "indent" and shapes.lines[index].indented)
                and not _opens_paragraph(text, shapes.profile)
                and not ends_paragraph(text)
                and index + 1 < len(shapes.lines)
                and not shapes.structural[index + 1]
                and not _heading_over_two_lines(index, shapes)
            )
        )
        and not shapes.structural[index]
        and not shapes.boundary[index]
        and not shapes.authority[index]
    )


_ORNAMENT = re.compile(r"\*(?:\s*\*)+")


def _runs_on(text: str, profile: LanguageProfile) -> bool:
    """Whether a line after one that left its clause open goes on with it: it opens in
    lower case where paragraphs open with a capital, else without initial words."""
    if profile.capitalised:
        return text[:1].islower()
    return not _opens_paragraph(text, profile)


def _open_quotation(text: str) -> bool:
    """Whether a line leaves a quotation open (more « or 《 than » or 》): no paragraph
    ends inside one, so the next line goes on with it."""
    return text.count("«") > text.count("»") or text.count("《") > text.count("》")


_INITIAL_SPAN = 80
"""Enough of a line's start for the longest initial words, widened."""


def _opens_paragraph(text: str, profile: LanguageProfile) -> bool:
    """Whether a line opens with known initial words. A single Chinese character ("对",
    "to") opens too many wrapped lines to tell anything. Spaces a justified line
    widened (pypdf prints them: "Taking  note of") count as one."""
    if "  " in text[:_INITIAL_SPAN]:
        text = _SPACE_RUN.sub(" ", text[:_INITIAL_SPAN])
    found = profile.preambular.match(text) or profile.operative.match(text)
    return len(found) > 1 or (bool(found) and profile.joiner == "space")


def _refers_back(text: str, profile: LanguageProfile) -> bool:
    """Whether a line opens with initial words followed by words that refer back to the
    sentence before ("признавая при этом, что …"): such a line goes on with it."""
    pattern = profile.refers_back
    if pattern is None:
        return False
    found = profile.preambular.match(text) or profile.operative.match(text)
    return bool(found) and pattern.match(text, len(found)) is not None


def _operative_only(text: str, profile: LanguageProfile) -> bool:
    """Whether a line opens with initial words that only operative paragraphs open with
    ("предлагает", "认定"). Before the first numbered paragraph, after a comma, such a
    line goes on with the preambular sentence: in the UN's Russian preambles 49 such
    words follow a comma inside a paragraph and 4 open one; in Chinese 649 and 21."""
    return not profile.preambular.match(text) and bool(profile.operative.match(text))


def _in_preambular_form(text: str, profile: LanguageProfile) -> bool:
    """Whether a line opens with a word in the form preambular initial words take."""
    form = profile.preambular_form
    return form is not None and form.match(text) is not None


def _leading_number(text: str, profile: LanguageProfile) -> int | None:
    """The operative number a line opens with ("5. Takes note …" → 5), if any; a figure
    after it ("2. 45 p.m.", a time cut at a line end) makes it no number."""
    found = profile.operative_number.match(text)
    following = text[found.end() : found.end() + 1] if found else ""
    if found is None or (following and not following.isalpha()):
        return None
    digits = "".join(ch for ch in found.group("num") if ch.isdigit())
    return int(digits) if digits.isascii() and digits else None


def _hangs(index: int, column: int, shapes: _Shapes) -> bool:
    """Whether line `index` continues a hanging-indent paragraph whose text runs at
    `column`."""
    line = shapes.lines[index]
    if not line.page_break:
        # A label at the text's column opens a nested item ("b)      Les tables …" /
        # "        i)     Table ronde 1 …"), unless it stands alone on its line.
        if line.hang >= 0 and shapes.structural[index]:
            return False
        # A marker alone is no line of text ("            4" under "1.     Prend …").
        # A line in lower case goes on even after a comma: "c)       De mettre … d’ordre
        # administratif," / "                  technique et physique …" (a column left).
        return _at(line, column) or (
            not shapes.marker[index]
            and _near(line, column)
            and (
                not shapes.ended[index - 1]
                or (shapes.profile.capitalised and line.text[:1].islower())
            )
        )
    return line.hang < 0 and not shapes.ended[index - 1] and not shapes.structural[index]


def _at(line: Line, column: int) -> bool:
    """Whether `line` is indented to `column`, or one further: wide characters shift the
    lines under a label's text by one in a layout-keeping extraction ("(a) 促进…" over
    "    济和…")."""
    return column <= line.indent <= column + 1


def _near(line: Line, column: int) -> bool:
    """Whether `line`, without a label of its own, stands at most two columns off
    `column` either way: so a layout-keeping extraction may set the lines under a
    label's text when the sentence goes on ("a)       à s’entraider" over
    "              procédures", "(k) 有效…" over "    工作环境…")."""
    return line.hang < 0 and abs(line.indent - column) <= _COLUMN_DRIFT


_COLUMN_DRIFT = 2
"""How far a layout-keeping extraction may set the lines under a label's text off it."""


def _numbers_first(lines: list[Line], profile: LanguageProfile) -> list[Line]:
    """`lines` with each operative number printed alone after its paragraph's first line
    moved before that line.

    Some extractions set the number of a paragraph after the paragraph's first line
    ("回顾…具有业务" / "6." / "独立性；"). The number goes back in front when the line
    before it opens with operative initial words, runs on, and follows a line that
    ended a paragraph.
    """
    number = profile.operative_number.fullmatch
    out = lines
    for index in range(2, len(lines)):
        if not number(lines[index].text):
            continue
        opening, before = lines[index - 1], lines[index - 2]
        if (
            ends_paragraph(opening.text)
            or not ends_paragraph(before.text)
            or number(before.text)
            or not profile.operative.match(opening.text)
        ):
            continue
        if out is lines:
            out = list(lines)
        out[index - 1], out[index] = lines[index], lines[index - 1]
        out[index - 1].blank_before, out[index].blank_before = True, False
    return out


def _last_line_last(
    lines: list[Line], profile: LanguageProfile, boundary: re.Pattern[str]
) -> list[Line]:
    """`lines` with the last line of a two-line operative paragraph, printed between the
    paragraph's number and its first line, moved back after that line.

    pdftotext may print the short last line of a paragraph first when the paragraph
    crosses a column of numbers or a page foot ("8." / "meeting;" / "" / "Invites the
    Inter-Parliamentary Union to … the high-level" / "" / "9."). The line goes back when
    it ends the paragraph without opening one, and the line after it opens with
    operative initial words, runs on, and is the last line before the next paragraph (or
    the adoption date and meeting); the line before the number ended the paragraph before
    (else the number was printed after its paragraph's first line: `_numbers_first`).
    """
    number = profile.operative_number.fullmatch
    out = lines
    for index in range(len(lines) - 2):
        tail, opening = lines[index + 1], lines[index + 2]
        if (
            not number(lines[index].text)
            or (index > 0 and not ends_paragraph(lines[index - 1].text))
            or not ends_paragraph(tail.text)
            or _opens_paragraph(tail.text, profile)
            or ends_paragraph(opening.text)
            or not (
                profile.operative.match(opening.text)
                or _opens_sentence(opening.text, tail.text, profile)
            )
            or not (opening.blank_before or opening.page_break)
        ):
            continue
        after = lines[index + 3] if index + 3 < len(lines) else None
        if after is not None and not (
            after.blank_before or number(after.text) or boundary.fullmatch(after.text)
        ):
            continue
        if out is lines:
            out = list(lines)
        out[index + 1], out[index + 2] = opening, tail
        opening.blank_before, tail.blank_before = tail.blank_before, False
        tail.page_break, opening.page_break = opening.page_break, tail.page_break
    return _last_line_before_number(out, profile, boundary)


def _opens_sentence(opening: str, tail: str, profile: LanguageProfile) -> bool:
    """Whether `opening` opens a paragraph without known initial words ("In that regard,
    notes …") before its short last line `tail` ("Division;6"): a capital, a line at
    least three times as wide."""
    return profile.capitalised and opening[:1].isupper() and width(tail) * 3 <= width(opening)


def _last_line_before_number(
    lines: list[Line], profile: LanguageProfile, boundary: re.Pattern[str]
) -> list[Line]:
    """`lines` with the last line of a two-line operative paragraph, printed before the
    paragraph's number, moved after the paragraph's first line.

    pdftotext may print it even before the number ("…qui relève d’elle," / "2023 ;" /
    "" / "1." / "" / "Accueille … du Comité des conférences pour" / "I Calendrier …").
    The line goes back when it ends a paragraph without opening one after a line that
    ended one, and the number's first line opens with operative initial words and runs
    on to the next paragraph, number or heading.
    """
    number = profile.operative_number.fullmatch
    out = lines
    for index in range(1, len(lines) - 3):
        tail, opening = lines[index], lines[index + 2]
        if (
            not number(lines[index + 1].text)
            or not ends_paragraph(lines[index - 1].text)
            or number(lines[index - 1].text)  # "1." / "同目标；" / "2.": its own last line
            or not ends_paragraph(tail.text)
            or _opens_paragraph(tail.text, profile)
            or profile.structural.match(tail.text)
            or ends_paragraph(opening.text)
            or not profile.operative.match(opening.text)
            or not (opening.blank_before or opening.page_break)
            or width(tail.text) * 3 > width(opening.text)
        ):
            continue
        after = lines[index + 3]
        if not (
            after.blank_before
            or number(after.text)
            or profile.structural.match(after.text)
            or profile.section_number.fullmatch(after.text.split(maxsplit=1)[0])
            or boundary.fullmatch(after.text)
        ):
            continue
        if out is lines:
            out = list(lines)
        out[index : index + 3] = [lines[index + 1], opening, tail]
        tail.blank_before = False
    return out


def _preamble_last_line_last(
    lines: list[Line], profile: LanguageProfile, boundary: re.Pattern[str]
) -> list[Line]:
    """`lines` with the last line of a two-line preambular paragraph, printed before its
    first line, moved back after it.

    pdftotext does so where the paragraph crosses a page foot or a raised marker ("…
    leur mandat," / "Rome," / "" / "Affirmant de nouveau … du Statut de" / "" /
    "Soulignant …"; "1" / "" / "2005 ," / "" / "Recordando … Cumbre Mundial"). The line
    goes back when it is short (a third of the line after it at most) and ends a
    preambular paragraph (a comma) without opening one, after a paragraph that ended (a
    marker printed apart may come between: it goes with it), and the line after it opens
    with preambular initial words, after a blank line, leaves its sentence open and is
    its paragraph's only other line (a number, the end, or a blank line and a paragraph
    opening with initial words follow it; not a page break).
    """
    number = profile.operative_number.match
    out = lines
    for index in range(1, len(lines) - 1):
        tail, opening = out[index], out[index + 1]
        head = index - 1
        if MARKER_LINE.fullmatch(out[head].text) and head > 0:
            head -= 1
        after = out[index + 2] if index + 2 < len(out) else None
        if (
            _TRAILING_MARKER.sub("", tail.text)[-1:] not in ",，"
            or _opens_paragraph(tail.text, profile)
            or number(tail.text)
            or not ends_paragraph(out[head].text)
            or not opening.blank_before
            or not profile.preambular.match(opening.text)
            or ends_paragraph(opening.text)
            or len(tail.text) > len(opening.text) // _TAIL_SHARE
            or not (
                after is None
                or (
                    after.blank_before
                    and not after.page_break
                    and _opens_paragraph(after.text, profile)
                )
                or number(after.text)
                or boundary.fullmatch(after.text)
            )
        ):
            continue
        if out is lines:
            out = list(lines)
        moved = out[head + 1 : index + 1]  # the tail, and a marker printed before it
        out[head + 1 : index + 2] = [opening, *moved]
        opening.page_break, moved[0].page_break = moved[0].page_break, False
        opening.blank_before = True  # it opens a paragraph after one that ended
        for line in moved:
            line.blank_before = False
    return out


_TAIL_SHARE = 3
"""A paragraph's last line printed first is at most this share of its first line."""


class _Shapes:
    """What each line looks like to `_starts_block`, matched once per line.

    Each line is asked about as itself and again as the line before the next one;
    matching every pattern once, in bulk, costs less than matching on demand.
    """

    __slots__ = (
        "_operative_start",
        "authority",
        "body_start",
        "boundary",
        "ended",
        "lines",
        "marker",
        "number_alone",
        "profile",
        "structural",
        "wrapped_boundary",
    )

    def __init__(
        self, lines: list[Line], profile: LanguageProfile, boundary: re.Pattern[str]
    ) -> None:
        texts = [line.text for line in lines]
        self.lines = lines
        self.profile = profile
        # A label opening a quoted list starts a paragraph too: "“(a) 除非…" (Chinese).
        quoted = _OPENING_QUOTES if profile.joiner == "cjk" else ""
        # So does a bullet: the UN's texts open a paragraph with every "•" they print.
        self.structural = [
            profile.structural.match(text.lstrip(quoted)) is not None or text[:2] == "• "
            for text in texts
        ]
        # A meeting wrapped over two lines ("52-е (возобновленное) пленарное" /
        # "заседание") is a boundary at its first line.
        alone = [boundary.fullmatch(text) is not None for text in texts]
        self.wrapped_boundary = [
            not found and nxt is not None and boundary.fullmatch(f"{text} {nxt}") is not None
            for found, text, nxt in zip(alone, texts, [*texts[1:], None], strict=True)
        ]
        self.boundary = [a or w for a, w in zip(alone, self.wrapped_boundary, strict=True)]
        self.authority = [m is not None for m in map(profile.authority.fullmatch, texts)]
        self.body_start = next((i for i, found in enumerate(self.authority) if found), len(texts))
        """The first line after the title and the cover: the authority line."""
        self.marker = [m is not None for m in map(MARKER_LINE.fullmatch, texts)]
        self.ended = [ends_paragraph(text) for text in texts]
        number, sub = profile.operative_number.fullmatch, profile.subparagraph.fullmatch
        section = profile.section_number.fullmatch
        # A section number alone ("I", "II.") heads what follows, even after a title
        # that ends without punctuation ("…Goals Summit" / "I" / "Our commitment").
        self.number_alone = [
            number(text) is not None or sub(text) is not None or section(text) is not None
            for text in texts
        ]
        self._operative_start = -1

    def operative_start(self) -> int:
        """The index of the line numbered "1." that opens the operative part, found on
        first use; 0 when no such line comes before the adoption date or an annex
        (a resolution whose one operative paragraph is unnumbered, "постановляет …",
        opens it right after the preamble's comma)."""
        if self._operative_start < 0:
            self._operative_start = 0
            for index in range(self.body_start, len(self.lines)):
                if self.boundary[index]:
                    break
                if (
                    self.structural[index]
                    and _leading_number(self.lines[index].text, self.profile) == 1
                ):
                    self._operative_start = index
                    break
        return self._operative_start

    def paragraph_starts(self) -> list[bool]:
        """Lines that open like a paragraph right after a line that ended a clause."""
        profile = self.profile
        out = [False]
        for index in range(1, len(self.lines)):
            text = self.lines[index].text
            out.append(
                self.ended[index - 1]
                and not self.number_alone[index - 1]
                and (
                    self.structural[index]
                    or bool(profile.preambular.match(text) or profile.operative.match(text))
                )
            )
        return out


def _starts_block(
    index: int,
    before: int,
    mode: Mode,
    shapes: _Shapes,
    *,
    wrapped: Callable[..., bool],
    short: Callable[[Line], bool],
    opens_wider: Callable[[Line], bool],
    alone: bool,
) -> bool:
    """Whether line `index` starts a paragraph, line `before` being the one before it;
    `wrapped(previous)` says it is as wide as the text's full lines, so that the line
    break there was the typesetter's; `opens_wider(line)` that it is wider than the
    text's paragraphs ever open; `alone` that a blank line, a numbered line or the end
    follows the line."""
    if shapes.number_alone[before]:
        return False  # "1." printed alone: its text follows
    line = shapes.lines[index]
    previous = shapes.lines[before]
    ended = shapes.ended[before]
    structural = shapes.structural[index]
    if shapes.wrapped_boundary[before]:
        return False  # "55-е (возобновленное) пленарное" / "заседание": one meeting line
    if shapes.boundary[index] and (ended or shapes.boundary[before]):
        return True
    if shapes.authority[index]:
        return True  # the line after the title, which ends without punctuation
    if shapes.authority[before]:
        return True  # "大会，" / "The General Assembly": the authority line stands alone
    if mode == "line" or _ORNAMENT.fullmatch(line.text):
        return True  # "* * *" between groups of paragraphs stands alone
    if (
        not ended
        and not short(previous)
        and not (mode == "blank" and line.blank_before)  # paragraphs set apart by blanks
        and _wrapped_heading(index, before, shapes, short)
    ):
        return False  # "II Implementation of the … of the" / "   Provisions of …" / "53."
    if (
        not ended
        and not structural
        and short(previous)
        and not shapes.number_alone[before]
        and _opens_paragraph(line.text, shapes.profile)
    ):
        return True  # "Países en situaciones especiales" / "Subrayando que …": a heading
    run_on = shapes.profile.run_on
    if (
        not structural
        and _TRAILING_MARKER.sub("", previous.text)[-1:] in ",，،"
        and (
            (run_on is not None and run_on.match(line.text))
            or _refers_back(line.text, shapes.profile)
        )
    ):
        return False  # "…发挥作用，" / "并赞扬…": the sentence goes on
    if not structural and _open_quotation(previous.text):
        return False  # "резолюцию 70/1 «Преобразование нашего мира:" / "Повестка дня …»"
    after_comma = _TRAILING_MARKER.sub("", previous.text)[-1:] in ",，،"
    if mode == "indent":
        # Some extractions (pypdf) indent only some paragraphs' first lines: after a
        # finished paragraph, a number or label starts one, and so do initial words at
        # the top of a page.
        if (
            (not ended or (after_comma and shapes.profile.capitalised))
            and not structural
            and shapes.profile.joiner == "space"
            and _runs_on(line.text, shapes.profile)
        ):
            # " III Renforcer … mettre à profit" / " les technologies …", " Доклад об
            # исполнении бюджета …" / " по 30 июня 2021 года": a heading wrapped; so is
            # one wrapped at a comma (" XI. Rôle du Bureau … moins avancés," / " les pays
            # en développement …"): no paragraph opens in lower case after a comma
            return False
        return (
            line.indented
            or (ended and structural)
            or (ended and line.page_break and _opens_paragraph(line.text, shapes.profile))
            # "…capacity development;156" / "XIV Open-ended Informal …": a section
            # number after a clause's end opens a heading, indented or not
            or (
                ended
                and not after_comma
                and shapes.profile.joiner == "space"
                and _opens_section(line.text, shapes.profile)
            )
            # "…de 20213;" / "Estimaciones … de julio de" / " 2022 y …" / " 5. Aprueba": a
            # heading whose first line pypdf did not indent, after a paragraph's end or
            # another heading (" Key action areas" / "Access to modern …")
            or ((ended or short(previous)) and _heading_over_two_lines(index, shapes))
            or (structural and _cjk_heading_before(previous, shapes, wrapped))
            # "… gegenüber" / "i) Staaten, …": a label after a lead-in short of the margin
            or (structural and short(previous) and not shapes.marker[before])
        )
    if mode == "blank" and not line.blank_before:
        # pdftotext runs paragraphs set with the same spacing into one block: a line
        # that opens with initial words after a clause ended short of the margin starts
        # a paragraph all the same ("…会议，" / "又回顾其…"). Where paragraphs open with
        # a capital, so do capitalised initial words after a comma at the margin ("…à
        # vocation militaire," / "Rappelant également …"): inside a paragraph no known
        # initial words follow a comma (none of 15,600 commas before a capital in 400 UN
        # files in each of English, French and Spanish).
        # A label alone after a lead-in starts its item ("… droits de l’homme :" / "a)" /
        # "" / "en coopérant …").
        if structural and _LABEL_ALONE.fullmatch(line.text) and previous.text[-1:] in ":：":
            return True
        return (
            ended
            and (
                not wrapped(previous)
                or (
                    shapes.profile.capitalised
                    and line.text[:1].isupper()
                    and _TRAILING_MARKER.sub("", previous.text)[-1:] in ",،"
                )
            )
            and not shapes.number_alone[index]
            and _opens_paragraph(line.text, shapes.profile)
        )
    if mode == "blank" and not line.page_break:
        # A full line that leaves its sentence open runs on over a blank line: pdfminer
        # sets a paragraph's indented first line apart ("… 36/146 C of" / "" / "16 …").
        # So does a Chinese line that is no short heading, into a line that opens no
        # paragraph: pdftotext sets a numbered paragraph's first line apart
        # ("3." / "" / "核准…第12款(贸易和发展)" / "" / "(848 600美元)、…").
        if (
            shapes.profile.joiner == "cjk"
            and not (structural or ended or short(previous))
            and not _opens_paragraph(line.text, shapes.profile)
        ):
            return False
        return structural or ended or not wrapped(previous, True)
    # Over a page break (or in text without blank lines) a paragraph runs on unless it
    # had ended; a full line ending in a comma ends a paragraph only when the next line
    # starts like one: numbered, known initial words, or a heading (a line of its own
    # without final punctuation). In languages whose paragraphs start with a capital, a
    # line in lower case continues the paragraph, unless a short line ending in ";" came
    # before it: then it may close a list of subparagraphs ("…;" / "and requests …").
    if not ended:  # a number alone on its line starts a paragraph all the same
        if structural:
            # So does a numbered line after a short Chinese one, a heading: Chinese lines
            # wrap anywhere, never before a number ("阿瓦扎政治宣言" / "1. 我们，…").
            # A numbered line after a short one that leaves its clause open follows a
            # heading too ("State responsibility" / "1. An internationally …").
            return (
                mode == "blank"
                or shapes.number_alone[index]
                or _cjk_heading_before(previous, shapes, wrapped)
                or (short(previous) and not shapes.marker[before])
            )
        # A short line that leaves its clause open is a heading ("Guideline 1" /
        # "Scope" / "The present guidelines …") where paragraphs open with a capital.
        return (
            shapes.profile.capitalised
            and before > shapes.body_start
            and line.text[:1].isupper()
            and short(previous)
            and not shapes.marker[before]
            and not shapes.number_alone[before]
            and previous.text[-1:] not in "-‑"  # "the Secretary-" / "General, 2"
            # an item's text under its label ("i)" / "Table ronde 1 : … du") is narrower
            and not (before > 0 and shapes.structural[before - 1])
        )
    profile = shapes.profile
    if profile.capitalised and line.text[:1].islower() and not structural:
        closes_list = (
            not wrapped(previous) and _TRAILING_MARKER.sub("", previous.text)[-1:] in ";；"
        )
        # "c) un rappel … ;" / "et demande de nouveau …": the list's wrap-up
        return closes_list
    cjk = profile.joiner == "cjk"
    starts = structural or (
        _opens_paragraph(line.text, profile)
        # "…取得的进展有限，" / "认为因此必须…" (both full): an indented first line is
        # never as wide as the full lines, so this one goes on with its paragraph.
        and not (cjk and after_comma and wrapped(previous) and opens_wider(line))
        and not (
            after_comma
            and not profile.capitalised
            and index < shapes.operative_start()
            and _operative_only(line.text, profile)
        )
    )
    # "…in the Near East," / "Having noted that …": initial words no harvest holds, in
    # the form preambular ones take, after a clause left at a comma.
    starts = starts or (after_comma and _in_preambular_form(line.text, profile))
    if mode == "blank":
        # Text of one paragraph a line (`hard`) breaks no paragraph after its end.
        return starts or not wrapped(previous, True) or (alone and not shapes.ended[index])
    heading = not shapes.ended[index] and (alone or _heading_over_two_lines(index, shapes))
    # After a comma a new paragraph opens with known initial words (a preambular one); a
    # capital alone is mostly a name running on ("…, inter alia," / "Palestine was …"),
    # unless the line before stopped well short of the margin.
    capital = profile.joiner == "space" and line.text[:1].isupper()
    ended_early = short(previous) if after_comma else not wrapped(previous)
    # Chinese wraps at any character: a clause ended short of the margin ends its
    # paragraph ("…所采取的一切措施，" / "对人道主义人员…", words no lexicon knows).
    return starts or heading or (capital and ended_early) or (cjk and not wrapped(previous))


def _cjk_heading_before(previous: Line, shapes: _Shapes, wrapped: Callable[..., bool]) -> bool:
    """Whether `previous` is a Chinese line short of the margin (a heading, or the end
    of a paragraph): Chinese lines wrap anywhere, so a numbered line after such a line
    starts a paragraph ("阿瓦扎政治宣言" / "1. 我们，…")."""
    return shapes.profile.joiner == "cjk" and not wrapped(previous)


def _heading_over_two_lines(index: int, shapes: _Shapes) -> bool:
    """Whether line `index` opens a heading wrapped over two or three lines: it starts
    with a capital, none of its lines ends a clause, and a number or label follows
    ("…(Uganda):" / "Informe sobre la ejecución … entre" / "el 1 de julio de 2021 …" /
    "5."): a paragraph ends with punctuation before the next one's number."""
    lines = shapes.lines
    if not lines[index].text[:1].isupper():
        return False
    for following in range(index + 1, min(index + _HEADING_LINES, len(lines) - 1)):
        if shapes.ended[following] or shapes.structural[following]:
            return False
        if shapes.structural[following + 1]:
            return True
    return False


_HEADING_LINES = 3
"""The most lines a heading is wrapped over ("Modalités de financement … compte d’appui" /
"aux opérations … 2023" / "au 30 juin 2024 …" / "13.")."""


def _wrapped_heading(
    index: int, before: int, shapes: _Shapes, short: Callable[[Line], bool]
) -> bool:
    """Whether line `index` goes on with a heading centred over several lines, each
    indented (so that no indent tells a new paragraph): from the heading's first line (a
    section number's, or one after a line that ended a clause) to the numbered line after
    it, no line ends a clause and there are at most `_WRAPPED_HEADING_LINES` lines ("II
    Implementation of the 1995 Agreement …" / "Provisions of the United Nations …" /
    "10 December 1982 relating to …" / "Fish Stocks …" / "53. Welcomes …")."""
    lines, ended, structural = shapes.lines, shapes.ended, shapes.structural
    if shapes.profile.joiner != "space" or structural[index] or shapes.marker[index]:
        return False
    start = before
    while not _opens_section(lines[start].text, shapes.profile):
        above = start - 1
        if above < 0 or ended[above] or structural[above] or shapes.marker[above]:
            break
        if short(lines[above]):
            break  # "Introduction" / "In quest of …": a heading of its own above
        start -= 1
    end = index
    while end < len(lines) and not structural[end]:
        if ended[end] or shapes.marker[end] or end - start >= _WRAPPED_HEADING_LINES:
            return False
        end += 1
    numbered = end < len(lines) and shapes.profile.operative_number.match(lines[end].text)
    return numbered is not None and not structural[start]


def _opens_section(text: str, profile: LanguageProfile) -> bool:
    """Whether a line opens with a section number ("II Implementation …", "XII. Midterm …")."""
    return profile.section_number.fullmatch(text.partition(" ")[0]) is not None


_WRAPPED_HEADING_LINES = 5
"""The most lines a centred heading is wrapped over, its section number's line included."""


@functools.lru_cache(maxsize=4096)
def width(text: str) -> int:
    """How wide a line is printed: CJK characters count two, spaces nothing (the
    extractor's stray spaces in Chinese vary from line to line)."""
    # Speed: counted by removing runs of spaces and of CJK characters, in C, rather than
    # listing each character (`findall`) or looping over them; and kept per text, as
    # `segment` asks for most lines' widths several times. The seed's warm read: 28.9 →
    # 20.8 M instructions (callgrind, with the `_after_glued` change).
    return len(_WHITE_SPACE.sub("", text)) + len(text) - len(_CJK_RUNS.sub("", text))


_WHITE_SPACE = re.compile(r"\s+")
_CJK_RUNS = re.compile(f"(?:{CJK_CHARACTERS.pattern})+")


def measure(lines: list[Line]) -> int:
    """The width of the text's full lines: the ninth decile of its line widths."""
    return _ninth_decile([width(line.text) for line in lines])


def _ninth_decile(widths: list[int]) -> int:
    """The ninth decile of `widths` (the largest of fewer than ten), 0 for none."""
    if not widths:
        return 0
    widths = sorted(widths)
    return widths[(len(widths) * 9) // 10 if len(widths) >= 10 else -1]


_WRAPPED_SHARE = 0.3
"""In text wrapped at a margin at least this share of the lines are full."""


class _Widths:
    """Whether a line is full (85 % of `measure`), measured only when first asked:
    most texts never need it."""

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._full: float | None = None
        self._hard = False
        self._opening: float | None = None

    def wider_than_first_lines(self, line: Line) -> bool:
        """Whether a Chinese line is wider than the text's paragraphs' first lines are.

        A Chinese PDF indents a paragraph's first line by two characters; an extraction
        that drops the indent still shows it as a line two characters short of the
        full ones. When most first lines (those after a clause that ended short of the
        margin) are so short, a line as wide as the full ones opens no paragraph."""
        if self._opening is None:
            self._opening = _first_line_limit(self._lines)
        if self._opening <= 0:
            return False
        # A marker glued to the character after it ("》20和") is printed raised and
        # small: it takes about no room, though its figures count in `width`.
        return width(_RAISED_MARKER.sub("", line.text)) > self._opening

    def full(self, line: Line, hard: bool = False) -> bool:
        """`hard`: only in text wrapped at a margin (most lines full), not one paragraph
        a line, whose long paragraphs also look full."""
        if self._full is None:
            self._full = _FULL_SHARE * measure(self._lines)
            self._hard = sum(
                1 for other in self._lines if width(other.text) >= self._full
            ) >= _WRAPPED_SHARE * len(self._lines)
        return _printed_width(line.text) >= self._full and (self._hard or not hard)

    def short(self, line: Line) -> bool:
        """Whether a line ends well before the margin (under 60 % of `measure`)."""
        self.full(line)
        assert self._full is not None
        return width(line.text) < self._full * 0.6 / _FULL_SHARE


_RAISED_MARKER = re.compile(
    f"(?<={CJK_CHARACTERS.pattern}) ?\\d{{1,3}}(?={CJK_CHARACTERS.pattern})"
)
"""A marker glued to the character after it ("》20和", "， 19并" as pdftotext spaces it);
a figure of the text stands apart on both sides ("第 17 章")."""


def _first_line_limit(lines: list[Line]) -> float:
    """The width past which a line of `lines` is no paragraph's first line, or 0 when
    the text does not indent its first lines (or shows too few of them to tell)."""
    full = measure(lines)
    firsts = sorted(
        width(line.text)
        for previous, line in itertools.pairwise(lines)
        if ends_paragraph(previous.text)
        and width(previous.text) < _FULL_SHARE * full
        and is_cjk(line.text[:1])
        and not ends_paragraph(line.text)
    )
    if len(firsts) < _FIRST_LINES_NEEDED:
        return 0
    # Figures are wider than half a character, so a first line holding some measures
    # less: the widest first lines are the ones in characters alone.
    widest = firsts[(len(firsts) * 9) // 10]
    if full - widest < _FIRST_LINE_INDENT:
        return 0
    return widest + 1


_FULL_SHARE = 0.85
_FIRST_LINES_NEEDED = 5
_FIRST_LINE_INDENT = 3
"""At least one and a half CJK characters (three width units): a real indent, not the
spread of full lines' widths."""


_NUMBER_COLUMN = re.compile(r"\d{1,3}\.[ \t]")
"""An operative number run into its line's text ("20. At the same time"): printed in a
column of its own, up to a tab stop, it takes more room than its characters."""
_TAB_ALLOWANCE = 4
"""How many characters wider than it reads such a number and its gap are printed."""


def _printed_width(text: str) -> int:
    extra = _TAB_ALLOWANCE if _NUMBER_COLUMN.match(text) else 0
    return width(text) + extra


def join_block(
    lines: list[Line], profile: LanguageProfile, markers: list[tuple[int, Marker]] | None = None
) -> tuple[str, list[tuple[int, str]]]:
    """The text of `lines` joined as the language wants, and marker offsets in it.

    `markers` gives markers printed on their own line, as (index of the line they
    follow, marker); one placed `within` that line stands at that offset in it, and the
    gap it left before punctuation closes ("2005 ," → "2005^1,"), unless the language
    spaces that mark ("intergénérationnelle ^1 ;" stays so in French).
    Markdown references ``[^1]`` inside the text become markers too.
    """
    after: dict[int, list[Marker]] = {}
    for index, marker in markers or ():
        after.setdefault(index, []).append(marker)
    parts: list[str] = []
    offsets: list[tuple[int, str]] = []
    length = 0
    for index, line in enumerate(lines):
        text = _clean_line(line.text, profile)
        if parts:
            sep = _separator(parts[-1], text, profile)
            parts.append(sep)
            length += len(sep)
        inside = [marker for marker in after.get(index, ()) if marker.within >= 0]
        if inside:
            text, placed = _markers_within(line.text, text, inside, profile)
            offsets += [(length + offset, marker) for offset, marker in placed]
        parts.append(text)
        length += len(text)
        for marker in after.get(index, ()):
            if marker.within < 0:
                offsets.append((length, marker.marker))
    joined = "".join(parts)
    if "[^" in joined:
        joined, offsets = _markdown_refs(joined, offsets)
    return joined, offsets


def _markers_within(
    raw: str, text: str, markers: list[Marker], profile: LanguageProfile
) -> tuple[str, list[tuple[int, str]]]:
    """`text` (the cleaned `raw`) with the gaps the `markers` left closed, and their
    offsets in it."""
    placed: list[tuple[int, str]] = []
    for marker in sorted(markers, key=lambda m: m.within, reverse=True):
        offset = len(_clean_line(raw[: marker.within], profile).rstrip(" "))
        mark = text[offset + 1 : offset + 2]
        if text[offset : offset + 1] == " " and mark and mark in profile.glued_marks:
            text = text[:offset] + text[offset + 1 :]
            placed = [(o - 1 if o > offset else o, m) for o, m in placed]
        placed.append((offset, marker.marker))
    return text, placed


def _clean_line(text: str, profile: LanguageProfile) -> str:
    if profile.joiner == "cjk":
        if " " in text:
            text = _SPLIT_CJK_MARKER.sub(r"\1\2", text)
        text = _drop_spaces_near_cjk(text)
    text = _SPACES.sub(" ", text)
    if profile.suspended_hyphen_words and "- " in text:
        text = _BROKEN_HYPHEN.sub(lambda m: _rejoin(m, profile), text)
    return text


_SPLIT_CJK_MARKER = re.compile(r"(?<=[，。；：、》」”’）)]) ?(\d) (\d)(?= ?[\u3400-\u9fff《“（(])")
"""A two-digit marker that pdftotext spaces out after Chinese punctuation: "》， 1 3 期待"
(no figure is so spaced: thousands go by three digits)."""


def _rejoin(match: re.Match[str], profile: LanguageProfile) -> str:
    word = match.group("next")
    if word.lower() in profile.suspended_hyphen_words:
        return match.group()
    return "-" + word


def _separator(before: str, after: str, profile: LanguageProfile) -> str:
    if not before or not after:
        return ""
    last, first = before[-1], after[0]
    if profile.joiner == "cjk" and (
        is_cjk(last) or is_cjk(first) or (last.isdigit() and first in "(（")
    ):
        return ""  # "第2310\n(2016)号" → "第2310(2016)号": Chinese sets no space there
    if last == "/" and _ARABIC_LETTER.match(before[-2:-1]) and _ARABIC_LETTER.match(first):
        return " "  # Arabic lines break at spaces: "الأول/" ends a line of "الأول/ ديسمبر"
    if last in "-‑" and after.split(" ", 1)[0].lower() in profile.suspended_hyphen_words:
        return " "  # "micro-" / "and small …": a suspended hyphen keeps its space
    if last in "-/‑":
        return ""  # UN texts break lines only at real hyphens: keep them, add no space
    if profile.aside_dash and before.endswith(" " + profile.aside_dash):
        return ""  # "dimensiones —" / "económica, social y ambiental—"
    if last == "–" and before[-2:-1].isdigit() and first.isdigit():
        return ""  # "8–" / "10 September": a range of figures, broken after its dash
    return " "


def _markdown_refs(text: str, offsets: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    out: list[str] = []
    found: list[tuple[int, str]] = []
    cuts: list[tuple[int, int]] = []  # (end of a removed reference in `text`, chars removed so far)
    position = 0
    removed = 0
    for match in _MARKDOWN_REF.finditer(text):
        out.append(text[position : match.start()])
        found.append((match.start() - removed, match.group("m")))
        removed += match.end() - match.start()
        cuts.append((match.end(), removed))
        position = match.end()
    out.append(text[position:])
    moved = [
        (offset - max((r for end, r in cuts if end <= offset), default=0), m)
        for offset, m in offsets
    ]
    return "".join(out), sorted(moved + found)
