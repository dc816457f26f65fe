"""Printed lines in reading order: PDFium's pieces of a line joined, superscripts kept in.

PDFium ends a line where a superscript or a change of text object interrupts it; a
printed line is every piece whose baseline lies within reach of the line's own. Lines
then go top to bottom. A line of a right-to-left script is put back into logical order
from the positions of its characters (the file may store the glyphs in display order).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import replace

from resconv.lang.ar import marks_in_typing_order
from resconv.lang.matching import Regex
from resconv.lang.profile import profile
from resconv.readers.pdf.document import Line, Page, Span

__all__ = [
    "CELL_GAP",
    "against_base",
    "is_superscript",
    "order_lines",
    "set_direction",
    "split_cells",
    "start",
]

CELL_GAP = 2.5
"""A gap wider than this many font sizes splits a line into cells (masthead columns)."""


def set_direction(pages: list[Page]) -> bool:
    """Lines take their base direction: right to left in a right-to-left document whose
    lines are set so.

    A document is right to left when most letters are. Its lines are right to left
    unless the evidence of their alignment says they are set left to right (a
    producer that gives Arabic paragraphs a left-to-right base: flush left, the
    number on the left of the title); such lines are still put in logical order,
    from a left-to-right base. A line of Latin letters or numbers alone (a
    footnote's document number) reads right to left in a right-to-left document,
    unless it stands on the left half of the page, as the English date on the
    cover does. An Arabic name in an English document does not turn its line round.
    """
    text = "".join(span.text for page in pages for line in page.lines for span in line.spans)
    letters = len(_LETTER.findall(text))
    document_rtl = len(_RTL_LETTER.findall(text)) > 0.3 * letters
    base_rtl = document_rtl and _set_right_to_left(pages)
    for page in pages:
        for line in page.lines:
            line.rtl = base_rtl and (
                _RTL_LETTER.search(line.text) is not None or line.x0 + line.x1 > page.width
            )
    return document_rtl


def _set_right_to_left(pages: list[Page]) -> bool:
    """Whether the right-to-left lines are set from the right: the short ones (a
    paragraph's last line, a heading) keep to the right edge of the text rather than
    the left. Lines as near one edge as the other (centred) say nothing; without
    evidence, right to left."""
    votes = 0
    for page in pages:
        lines = [line for line in page.lines if _RTL_LETTER.search(line.text)]
        if len(lines) < 2:
            continue
        left = min(line.x0 for line in lines)
        right = max(line.x1 for line in lines)
        width = right - left
        for line in lines:
            if line.x1 - line.x0 > 0.75 * width:
                continue
            lean = (right - line.x1) - (line.x0 - left)  # > 0: nearer the left edge
            if abs(lean) > 0.3 * width:
                votes += 1 if lean < 0 else -1
    return votes >= 0


_LETTER = re.compile(r"[^\W\d_]")
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LABEL_HEAD = re.compile(r"[()]\w{1,3}[()]|\d{1,3}")
_QUOTES = {"\u201c": "\u201d", "\u201d": "\u201c", "\u2018": "\u2019", "\u2019": "\u2018"}


def against_base(line: Line) -> bool:
    """Right-to-left text in a line set left to right: where a producer places its runs
    (and the footnote anchors between them) says little about where the line starts."""
    return not line.rtl and _RTL_LETTER.search(line.text) is not None


def order_lines(lines: list[Line]) -> list[Line]:
    """The page's lines top to bottom, pieces of one printed line joined."""
    ordered = sorted(lines, key=lambda line: -line.baseline)
    merged: list[Line] = []
    pieced: set[int] = set()
    for line in ordered:
        target = _joinable(merged, line)
        if target is None:
            merged.append(line)
        else:
            target.spans.extend(line.spans)
            target.rtl = target.rtl or line.rtl
            target.changed()
            pieced.add(id(target))
    for line in merged:
        if line.rtl or _RTL_LETTER.search(line.text):
            _logical_order(line)
        else:
            line.spans.sort(key=lambda span: span.x0)
            if id(line) in pieced:
                _space_between_pieces(line)
    return merged


def _space_between_pieces(line: Line) -> None:
    """A space between pieces of one line that stand a word space apart (PDFium adds
    none between its own lines): "prolifération³" ";" in French."""
    for left, right in itertools.pairwise(line.spans):
        if (
            left.text[-1:].strip()
            and right.text[:1].strip()
            and right.x0 - left.x1 > 0.2 * line.size
        ):
            left.text += " "
            left.spaced = True


def _joinable(merged: list[Line], line: Line) -> Line | None:
    """The line already seen that `line` belongs to: same baseline band, no overlap."""
    for other in reversed(merged[-3:]):
        reach = 0.6 * max(other.size, line.size)
        if abs(other.baseline - line.baseline) > reach:
            continue
        if (
            all(
                span.x1 <= o.x0 + 1 or span.x0 >= o.x1 - 1
                for span in line.spans
                for o in other.spans
            )
            or _one_baseline(line, other)
            or _marks_alone(line)
        ):
            return other
    return None


def _marks_alone(line: Line) -> bool:
    """A piece of nothing but vowel marks (a tanween LibreOffice draws apart, lower than
    its letter): part of the line it overlaps, never a line of its own."""
    text = line.text.strip()
    return bool(text) and all(unicodedata.category(char) == "Mn" for char in text)


def _one_baseline(line: Line, other: Line) -> bool:
    """Whether two pieces of right-to-left text stand on one baseline to a hundredth of
    an em: one printed line, though a letter's box overlaps the next piece's (a comma
    kerned into a final lam's tail)."""
    if not (_RTL_LETTER.search(line.text) and _RTL_LETTER.search(other.text)):
        return False
    return abs(line.main.baseline - other.main.baseline) < 0.01 * line.main.size


def is_superscript(span: Span, line: Line) -> bool:
    """A span set smaller and raised above the line's baseline: a footnote marker."""
    main = line.main
    return span.size < 0.85 * main.size and span.baseline > main.baseline + 0.12 * main.size


def start(line: Line, page_width: float) -> float:
    """Where the line begins, measured from its starting edge (right for RTL)."""
    return page_width - line.x1 if line.rtl else line.x0


def split_cells(line: Line) -> list[Line]:
    """A line cut at wide gaps: the columns of a masthead printed on one baseline."""
    cells: list[Line] = []
    current: list[Span] = []
    reached = 0.0  # the right edge of the cell so far (spans may lie inside others)
    for span in sorted(line.spans, key=lambda s: s.x0):
        if current and span.x0 - reached > CELL_GAP * max(span.size, current[-1].size):
            cells.append(Line(spans=current, page=line.page, rtl=line.rtl))
            current = []
        current.append(span)
        reached = max(reached, span.x1) if len(current) > 1 else span.x1
    if current:
        cells.append(Line(spans=current, page=line.page, rtl=line.rtl))
    if line.rtl:
        # The spans of a right-to-left line are in reading order, not left to right:
        # a cell keeps that order ("جزر القمر", not its words as placed).
        place = {id(span): index for index, span in enumerate(line.spans)}
        for cell in cells:
            cell.spans.sort(key=lambda span: place[id(span)])
        cells.reverse()
    return cells


def _logical_order(line: Line) -> None:
    """A line with right-to-left text read back into logical order from positions.

    Files store right-to-left text in display or in logical order and split it into
    text objects as they like. PDFium gives each run of right-to-left letters of one
    object in logical order, but pieces of a line (words, numbers, brackets) only by
    their positions. So pieces are laid out left to right, spaces put where they leave
    a gap, and the display order undone: runs of Latin text and of numbers keep their
    order, everything else reads right to left (the inverse of the bidi algorithm's
    reordering of a right-to-left line). Pieces keep their span's style.
    """
    pieces: list[tuple[float, float, _Placed]] = []
    order = 0
    mirrored = _RTL_LETTER.search(line.text) is not None
    drawn = _without_doubles(line.spans)
    for index, span in enumerate(drawn):
        after = drawn[index + 1] if index + 1 < len(drawn) else None
        for text, left, right in _pieces(span, mirrored, after):
            order += 1
            pieces.append(((left + right) / 2, -order, (text, span, left, right)))
    pieces = _marks_beside_letters(pieces)
    pieces.sort(key=lambda item: (round(item[0], 1), item[1]))
    _nested_in_file_order(pieces)
    space = _drawn_space(line)
    pieces = [
        piece
        for index, piece in enumerate(pieces)
        if not _false_word_break(
            piece[2],
            pieces[index - 1][2] if index else None,
            pieces[index + 1][2] if index + 1 < len(pieces) else None,
            space,
        )
    ]
    visual: list[_Placed] = []
    for _, _, item in pieces:
        text, span, left, _ = item
        gap = left - visual[-1][3] if visual else 0.0
        spaced = visual[-1][0][-1:].isspace() or text[:1].isspace() if visual else True
        # A combining mark set apart from its letter is still part of the word.
        spaced = spaced or any(
            piece and all(unicodedata.category(c) == "Mn" for c in piece)
            for piece in (text[:1], visual[-1][0] if visual else "")
        )
        # A note's marker and the punctuation after it touch, however far apart drawn.
        spaced = spaced or (
            visual[-1][0][-1:] + text[:1] in _MARKER_BESIDE_PUNCTUATION
            and (is_superscript(span, line) or is_superscript(visual[-1][1], line))
        )
        if gap > max(0.15 * span.size, _GAP_OF_SPACE * space) and not spaced:
            visual.append((" ", span, visual[-1][3], left))
        visual.append(item)
    spans: list[Span] = []
    head = ""
    for text, span, left, right in (
        _undo_display(visual) if line.rtl else _left_to_right_base(visual)
    ):
        last = spans[-1] if spans else None
        # A short head with a bracket or digit ("(د)", "1") is a label: its own span,
        # so where the text after it starts stays known.
        after_label = head.endswith(" ") and _LABEL_HEAD.fullmatch(head.strip()) is not None
        head = head + text if len(head) < 8 else head
        if (
            last is not None
            and last.font == span.font
            and _same(last, span)
            and not (after_label and len(spans) == 1 and not text.isspace())
            and (text.isspace() or not _apart(last, left, right))
        ):
            last.text += text
            if not text.isspace():  # a space put in a gap does not close it
                last.x0, last.x1 = min(last.x0, left), max(last.x1, right)
        else:
            spans.append(replace(span, text=text, chars=None, x0=left, x1=right, spaced=False))
    line.spans = _without_stray_latin(spans, line)
    for span in line.spans:
        span.text = marks_in_typing_order(span.text)
    line.changed()
    _turn_brackets(line.spans)


def _marks_beside_letters(
    pieces: list[tuple[float, float, _Placed]],
) -> list[tuple[float, float, _Placed]]:
    """Vowel marks drawn as pieces of their own placed just left of the letter they sit
    on, so that they follow it once the line reads right to left.

    LibreOffice draws some letters and their marks as separate glyphs whose boxes
    overlap their neighbours' ("يهيِّئ": a kasra's centre lies between the yeh it sits on
    and the heh before it); sorting by centres alone can put the mark on the wrong
    letter. A mark belongs to the letter drawn alone just before it whose box meets its
    own (the file gives a mark after its letter: "تُثبت", the damma's centre over the
    theh); else to the one whose box holds its centre and whose centre is nearest. A
    mark over a run of letters drawn together is left where it is (its letter's place
    inside the run is not known).
    """
    letters = [piece for piece in pieces if sum(_kind(char) == "R" for char in piece[2][0])]
    out = []
    for centre, order, item in pieces:
        if item[0] and all(unicodedata.category(char) == "Mn" for char in item[0]):
            holders = [
                held
                for held in letters
                if held[2][2] < centre < held[2][3]
                or (
                    _given_before(held, order, centre)
                    and held[2][2] < item[3]
                    and item[2] < held[2][3]
                )
            ]
            if holders and all(sum(_kind(c) == "R" for c in held[2][0]) == 1 for held in holders):
                held = min(
                    holders,
                    key=lambda held: (
                        not _given_before(held, order, centre),
                        abs(held[0] - centre),
                    ),
                )
                centre, order = held[0], held[1] - 0.5
        out.append((centre, order, item))
    return out


def _given_before(letter: tuple[float, float, _Placed], order: float, centre: float) -> bool:
    """Whether `letter` is the piece the file gives just before a mark at `order`, and
    stands right of the mark's `centre` (where a file in logical order puts a mark's
    letter; a file drawing its glyphs left to right gives the letter left of it)."""
    return letter[1] == order + 1 and letter[0] >= centre


def _nested_in_file_order(pieces: list[tuple[float, float, _Placed]]) -> None:
    """Two neighbouring pieces of right-to-left letters, one drawn inside the other's
    box, put in the file's order (the one given first on the right).

    Their centres say nothing: LibreOffice draws a final jeem after a medial letter as
    pieces of their own, the jeem's tail reaching past the letter on both sides
    ("نتائج": the hamza's box lies inside the jeem's, its centre 0.07 pt further left).
    """
    for index in range(len(pieces) - 1):
        (_, left_order, left), (_, right_order, right) = pieces[index], pieces[index + 1]
        if (
            left_order > right_order  # the left one comes first in the file
            and _kind(left[0][:1]) == "R" == _kind(right[0][:1])
            and (_inside(left, right) or _inside(right, left))
        ):
            pieces[index], pieces[index + 1] = pieces[index + 1], pieces[index]


def _inside(inner: _Placed, outer: _Placed) -> bool:
    """Whether `inner`'s box lies within `outer`'s."""
    return outer[2] - 0.01 <= inner[2] and inner[3] <= outer[3] + 0.01


def _without_doubles(spans: list[Span]) -> list[Span]:
    """The spans without a second drawing of the same letters at the same place.

    LibreOffice draws some letters with a vowel mark ("أُ") twice, one copy over the
    other; PDFium reports both, and a word break between them. One copy is kept, spaced
    only when both are.
    """
    kept: list[Span] = []
    for span in spans:
        text = span.text.strip()
        double = next(
            (
                other
                for other in kept
                if text
                and other.text.strip() == text
                and min(other.x1, span.x1) - max(other.x0, span.x0)
                > 0.7 * max(other.x1 - other.x0, span.x1 - span.x0)
            ),
            None,
        )
        if double is None:
            kept.append(span)
        else:
            double.spaced = double.spaced and span.spaced
    return kept


_MARKER_BESIDE_PUNCTUATION = frozenset(
    pair
    for digit in "0123456789"
    for mark in "\u060c\u061b,;.:"
    for pair in (digit + mark, mark + digit)
)
"""A marker's last digit and the punctuation after it, in either visual order."""


def _apart(span: Span, left: float, right: float) -> bool:
    """A piece this far from a span is in another cell (a table's column)."""
    reach = CELL_GAP * span.size
    return span.x0 - right > reach or left - span.x1 > reach


def _without_stray_latin(spans: list[Span], line: Line | None = None) -> list[Span]:
    """Spans without Latin letters, digits or signs standing inside an Arabic word.

    Some producers map the kashida they stretch Arabic words with to an ASCII character
    in the text layer (LibreOffice with Amiri gives "الثBاني", "تش#ير", "الم8ؤرخ",
    "لجن:ة", control characters); no word mixes scripts so. Slashes, hyphens, full stops
    and brackets between two words stay ("الثاني/نوفمبر"), and so does a note's raised
    marker between two words of `line` ("القدرات²التي").
    """
    text = "".join(span.text for span in spans)
    pattern = _STRAY_LATIN_JUSTIFIED if line is None or line.rtl else _STRAY_LATIN
    stray = {i for match in pattern.finditer(text) for i in range(*match.span())}
    if not stray:
        return spans
    at = 0
    kept = []
    for span in spans:
        original = span.text
        if line is None or not is_superscript(span, line):
            span.text = "".join(c for i, c in enumerate(original, at) if i not in stray)
        at += len(original)
        if span.text:
            kept.append(span)
    return kept


_KASHIDA_SIGN = (
    "[\x01-\x1f0-9A-Za-z!\"#$%&'*+.:;<=>?@^_`{|}~\u00a1-\u00ff\u02c0-\u02ff\u2039\u203a]"
)


def _stray_latin(kashida_sign: str) -> re.Pattern[str]:
    return re.compile(
        "(?<=[\u0620-\u065f])"
        f"(?:{kashida_sign}{{1,8}}(?=[\u0620-\u065f])| (?=[\u064b-\u065f\u0670])"
        "| [A-Za-z](?=[\u0620-\u064a])|[A-Za-z] (?=[\u0620-\u064a]))"
    )


_STRAY_LATIN = _stray_latin(_KASHIDA_SIGN)
_STRAY_LATIN_JUSTIFIED = _stray_latin(_KASHIDA_SIGN.replace("[", "[-", 1))
"""In a right-to-left line (justified with kashidas) a hyphen inside a word is one too
("تس-لم"); in a line set left to right (not stretched so) it joins two words
("الأول-ألف")."""
"""What a producer put inside an Arabic word: a sign for a kashida (a Latin letter with
the gap it leaves on one side: "سِ Bنداي", "أصحاB ب"), or a space before a mark (a
vowel set apart from its letter, "أيضا ً")."""


def _pieces(span: Span, mirrored: bool, after: Span | None) -> list[tuple[str, float, float]]:
    """A span's runs of right-to-left letters (as PDFium orders them) and other characters;
    `after` is the span PDFium gives next."""
    chars = span.chars or _spread(span)
    # A word break found before a vowel mark is none: the mark belongs to the word before.
    chars = _marks_on_their_glyphs(
        _marks_after_letters(
            [box for index, box in enumerate(chars) if not _space_before_mark(chars, index)]
        )
    )
    if mirrored:
        # PDFium mirrors the quote marks of a right-to-left line, double and single
        # ("’1‘"), as it mirrors brackets; the file's own quote marks are the other ones.
        chars = [(_QUOTES.get(char, char), left, right) for char, left, right in chars]
    out: list[tuple[str, float, float]] = []
    joined = False
    previous = 0.0  # the centre of the last right-to-left letter
    for char, left, right in chars:
        if char in "\r\n":
            joined = False
            continue
        letter = _kind(char) == "R" or (joined and unicodedata.category(char) == "Mn")
        if letter and joined and out and _kind(char) == "R":
            # PDFium can give a run's letters out of logical order: a letter drawn right
            # of the one before it starts a piece of its own, placed by its position.
            joined = (left + right) / 2 <= previous + 1.0
        if _kind(char) == "R":
            previous = (left + right) / 2
        if letter and joined and out:
            text, low, high = out[-1]
            out[-1] = (text + char, min(low, left), max(high, right))
        else:
            out.append((char, left, right))
        joined = letter
    last = next((c for c, _, _ in reversed(chars) if unicodedata.category(c) != "Mn"), "")
    marks_alone = bool(chars) and not last  # a word's last vowel drawn apart: "آليةٍ"
    if (
        span.spaced
        and span.chars
        and (marks_alone or (last and (_kind(last) in ("R", "N") or last == "،")))
    ):
        # PDFium found a word break after a word the file draws no space after: the
        # space follows the word's last letter, on its left (the line reads right to left),
        # unless PDFium gives the next piece on its right (a bracket and the number right
        # of it, drawn left to right: "2375 (2017)" shows ".)2017( 2375").
        if after is not None and after.x0 >= span.x1 and last and _kind(last) == "N":
            edge = max(right for _, _, right in out)
            out.append((" ", edge + 0.01, edge + 0.02))
        else:
            edge = min(left for _, left, _ in out)
            out.append((" ", edge - 0.02, edge - 0.01))
    return out


def _false_word_break(
    item: _Placed, before: _Placed | None, after: _Placed | None, space: float = 0.0
) -> bool:
    """A word break PDFium found without width, inside a letter's box (a stacked
    ligature's, a stretched letter's) or between letters closer than a space: none.

    `space` is the width of the spaces the line's font draws (0: it draws none). Where
    a producer draws its spaces, two letters less than half a space apart are one word
    (the gap after a letter that does not join, before a lam LibreOffice sets as a piece
    of its own: "وا لكفاءة" for "والكفاءة"); a real word break is a space or more.
    """
    text, span, left, right = item
    if text != " " or before is None or after is None:
        return False
    letters = [other for other in (before, after) if _kind(other[0][:1]) == "R"]
    if right - left > 0.015:
        # A space drawn inside a letter's box is a kashida a producer gave a space's
        # code ("تض ع": LibreOffice stretching "تضع"); a word space stands between boxes.
        return len(letters) == 2 and any(_inside(item, other) for other in letters)
    # A vowel mark drawn alone stands for the letter it sits on; its box, narrower than
    # the letter's, leaves a gap up to two thirds of a space ("آليةٍ تشاورية": 1.2).
    marks = [other for other in (before, after) if _marks_only(other[0])]
    inside = any(other[2] + 0.5 < left < other[3] - 0.5 for other in letters)
    letters += marks
    closest = max(0.08 * span.size, (1.0 if marks else _CLOSE_TO_SPACE) * space)
    gap = after[2] - before[3]
    # A bracket touching the letter beside it: "(منشورات", not "( منشورات".
    touching = bool(letters) and gap < 0.08 * span.size
    return inside or touching or (len(letters) == 2 and gap < closest)


_CLOSE_TO_SPACE = 0.5
"""Letters nearer than this share of a drawn space are one word."""

_GAP_OF_SPACE = 0.6
"""Pieces further apart than this share of a drawn space have a space between them,
where the file draws none (a producer's spaces between runs of another direction are
no glyphs); nearer, they are kerned apart ("15-4", the hyphen 0.55 of a space from
the number)."""


def _marks_only(text: str) -> bool:
    return bool(text) and all(unicodedata.category(char) == "Mn" for char in text)


def _drawn_space(line: Line) -> float:
    """The width of a space the line's main font draws at the line's size (its most
    common width, a justified line's spaces being stretched), or 0 when it draws none
    (decision page ``pdf-arabic-glyph-gaps.md``)."""
    main = line.main
    widths = [
        round(right - left, 2)
        for span in line.spans
        if span.font == main.font and span.size == main.size
        for char, left, right in span.chars or ()
        if char == " " and right - left > 0.05 * span.size
    ]
    return min(widths, key=lambda width: (-widths.count(width), width)) if widths else 0.0


def _space_before_mark(chars: list[tuple[str, float, float]], index: int) -> bool:
    """Whether `index` is a space before a vowel mark that belongs to the word before it
    ("أيضا ً"): not when the mark is drawn beyond the space, on the letter given after
    it ("التي ُأعدّت": the next word's first letter, its mark given first)."""
    following = chars[index + 1][0] if index + 1 < len(chars) else ""
    if chars[index][0] != " " or not following or unicodedata.category(following) != "Mn":
        return False
    _, space_left, space_right = chars[index]
    _, mark_left, mark_right = chars[index + 1]
    letter = chars[index + 2][0] if index + 2 < len(chars) else ""
    # A space without width is a word break found inside a letter's box ("سُب ُل"): none.
    beyond = space_right - space_left > 0.5 and (mark_left + mark_right) / 2 < space_left
    return not (beyond and bool(letter) and unicodedata.category(letter[0]).startswith("L"))


def _marks_after_letters(
    chars: list[tuple[str, float, float]],
) -> list[tuple[str, float, float]]:
    """Combining marks (a shadda, a vowel) after the letter they sit on.

    A letter and its mark are one glyph cluster; PDFium, reversing a right-to-left run,
    can put the marks first. They belong to the letter whose box they share (one
    glyph), or else whose box holds their centre.
    """
    out = list(chars)
    index = 0
    while index < len(out):
        end = index
        while end < len(out) and unicodedata.category(out[end][0]) == "Mn":
            end += 1
        if end == index or end == len(out):  # no marks here, or marks ending the span
            index = end + 1
            continue
        _, left, right = out[index]  # marks (a shadda and a vowel) from `index` to `end`
        centre = (left + right) / 2
        after = out[end]
        before = out[index - 1] if index else None
        on_after = after[1] <= centre <= after[2]
        # A mark after a letter in the file's order sits on it however the glyph is drawn
        # (a mark set over a narrow initial letter can reach over the next one).
        on_before = before is not None and (
            before[1] <= centre <= before[2] or unicodedata.category(before[0]).startswith("L")
        )
        # Marks drawn in one glyph with their letter share its box; marks after a word
        # break (kept by `_space_before_mark`) go with the letter just by them ("التي ُأ").
        spaced = before is not None and before[0].isspace()
        shared = (abs(left - after[1]) < 0.05 and abs(right - after[2]) < 0.05) or (
            spaced and after[1] - 1.0 <= centre <= after[2] + 1.0
        )
        # One glyph's box split evenly between its characters, the mark's half first
        # (on the right): "ُأ" drawn as one glyph, given as two halves of 1.15 pt.
        split = abs(left - after[2]) < 0.05 and abs((right - left) - (after[2] - after[1])) < 0.05
        shared = shared or (split and end == index + 1)
        if (shared or (on_after and not on_before)) and unicodedata.category(after[0]).startswith(
            "L"
        ):
            out[index : end + 1] = [after, *out[index:end]]
        index = end + 1
    return out


def _marks_on_their_glyphs(
    chars: list[tuple[str, float, float]],
) -> list[tuple[str, float, float]]:
    """A combining mark that shares its box with a letter other than the one before it
    moved after that letter: the two are one glyph, which PDFium can give apart, the mark
    at the word's end ("أدليُ" for "أُدلي") or before the space ahead of its word ("الذيُ
    يبَثّ" for "الذي يُبَثّ"). Only a letter of the mark's word, or of the next word, is
    looked at."""
    out = list(chars)
    for index in range(len(out)):
        mark = out[index]
        if unicodedata.category(mark[0]) != "Mn" or (index and _one_glyph(out[index - 1], mark)):
            continue
        target = _glyph_letter(out, index)
        if target is None:
            continue
        del out[index]
        if target > index:
            target -= 1
        out.insert(target + 1, mark)
    return out


def _glyph_letter(chars: list[tuple[str, float, float]], index: int) -> int | None:
    """Where the letter drawn in one glyph with the mark at `index` is: back to the start
    of the mark's word, or ahead across one space into the next word."""
    mark = chars[index]
    for step in (-1, 1):
        at, spaces = index + step, 0
        while 0 <= at < len(chars):
            char = chars[at][0]
            if char.isspace():
                spaces += 1
                if step < 0 or spaces > 1:
                    break
            elif unicodedata.category(char).startswith("L") and _one_glyph(chars[at], mark):
                return at
            elif step > 0 and unicodedata.category(char) != "Mn":
                break  # ahead, only the word's first letter can be the mark's
            at += step
    return None


def _one_glyph(letter: tuple[str, float, float], mark: tuple[str, float, float]) -> bool:
    """Whether `mark` has `letter`'s box (drawn with it as one glyph); a box without width,
    a space's, is nobody's."""
    return (
        letter[2] - letter[1] > 0.05
        and abs(letter[1] - mark[1]) < 0.05
        and abs(letter[2] - mark[2]) < 0.05
    )


def _turn_brackets(spans: list[Span]) -> None:
    """Brackets facing the way their place in the text needs.

    A reader that mirrors brackets for display (PDFium does, for text it takes as right
    to left) leaves some turned round. In logical order a bracket after a space (or at
    the start) and before a letter opens; one after a letter and before a space,
    punctuation or the end closes.
    """
    text = "".join(span.text for span in spans)
    if not any(char in _FACING for char in text):
        return
    chars = list(text)
    for index, char in enumerate(chars):
        pair = _FACING.get(char)
        if pair is None:
            continue
        before = chars[index - 1] if index else " "
        after = chars[index + 1] if index + 1 < len(chars) else " "
        if after in _CLOSING_PUNCTUATION:  # "II)/Corr.1" at a line's start
            chars[index] = pair[1]
        elif (before.isspace() or before in _OPENERS) and not after.isspace():
            chars[index] = pair[0]
        elif not before.isspace() and (after.isspace() or not after.isalnum()):
            chars[index] = pair[1]
        elif before.isspace() and index + 1 == len(chars):
            chars[index] = pair[0]  # after a space, ending the line: opens a pair going on
    _pair_up(chars)
    fixed = "".join(chars)
    at = 0
    for span in spans:
        span.text = fixed[at : at + len(span.text)]
        at += len(span.text)


def _pair_up(chars: list[str]) -> None:
    """A closing bracket with nothing open before it, and another closer of its kind
    after it, opens: ")1)" is "(1)" turned round. An opening bracket glued to the word
    before it, with one open before it or no letter after it, closes: "(كيوتو(1" (a
    note's marker after the bracket) is "(كيوتو)1", whichever line the pair opened on."""
    for opener, closer in _PAIR_CHARS:
        depth = 0
        for index, char in enumerate(chars):
            if char == opener:
                glued = index and chars[index - 1].isalpha()
                following = chars[index + 1] if index + 1 < len(chars) else " "
                if glued and (depth or not following.isalpha()):
                    chars[index] = closer
                    depth -= 1
                else:
                    depth += 1
            elif char == closer:
                if depth:
                    depth -= 1
                elif (
                    closer in chars[index + 1 :]
                    and chars[index + 1] not in _CLOSING_PUNCTUATION
                    and not (index and chars[index - 1].isalpha() and chars[index + 1].isspace())
                ):
                    # A closer between a word and a space closes, a pair opened on the
                    # line before ("و 13 (6 في" / "المائة) من … (8 في المائة)").
                    chars[index] = opener
                    depth += 1


_PAIRS = ("()", "[]", "{}")
_PAIR_CHARS = tuple((pair[0], pair[1]) for pair in _PAIRS)
_FACING = {char: (pair[0], pair[1]) for pair in _PAIRS for char in pair}
_OPENERS = frozenset(pair[0] for pair in _PAIRS)
_CLOSING_PUNCTUATION = frozenset(",.;:/،؛")
"""What follows a closing bracket, never an opening one."""


_Placed = tuple[str, Span, float, float]
"""A piece of text, its span and its left and right edges."""


def _same(a: Span, b: Span) -> bool:
    return (a.size, a.baseline, a.italic, a.bold) == (b.size, b.baseline, b.italic, b.bold)


def _spread(span: Span) -> list[tuple[str, float, float]]:
    """Characters of a span without positions, spread evenly over its width."""
    count = max(len(span.text), 1)
    step = (span.x1 - span.x0) / count
    return [
        (char, span.x0 + i * step, span.x0 + (i + 1) * step) for i, char in enumerate(span.text)
    ]


def _kind(char: str) -> str:
    bidi = unicodedata.bidirectional(char)
    if bidi in ("R", "AL"):
        return "R"
    if bidi == "L":
        return "L"
    if bidi in ("EN", "AN"):
        return "D"
    if bidi in ("CS", "ES", "ET"):
        return "S"
    return "N"


def _undo_display(visual: list[_Placed]) -> list[_Placed]:
    """Logical order of a right-to-left line given left to right as displayed.

    A line of Latin text without right-to-left letters (a note citing an English title)
    reads as displayed, after what is raised at its right-hand start (the note's marker) and
    before the punctuation shown at its left-hand end.
    """
    kinds = [_visual_kind(item[0]) for item in visual]
    for index in range(1, len(visual) - 1):
        # A no-break space between two numbers joins them (UAX #9 W4: it is a common
        # separator): "200 490 4" with no-break spaces shows left to right as one number.
        if visual[index][0] == "\u00a0" and kinds[index - 1] == "D" == kinds[index + 1]:
            kinds[index] = "S"
    _join_digit_groups(visual, kinds)
    for index in range(len(visual) - 1):
        # A raised marker drawn just left of a number (LibreOffice) follows it: it is
        # no part of the number, and reads right to left after it, its digits in their
        # order ("2030¹⁰": a run of its own, "M").
        if (
            kinds[index] == "D" == kinds[index + 1]
            and _raised(visual[index], visual)
            and not _raised(visual[index + 1], visual)
        ):
            at = index
            while at >= 0 and kinds[at] == "D" and _raised(visual[at], visual):
                kinds[at] = "M"
                at -= 1
    if "R" not in kinds and "L" in kinds:
        main = list(visual)
        raised: list[_Placed] = []
        while main and (main[-1][0].isspace() or _raised(main[-1], visual)):
            raised.insert(0, main.pop())
        closing: list[_Placed] = []  # punctuation that ends the line shows at its left
        while main and _visual_kind(main[0][0]) in ("N", "S", "E"):
            closing.insert(0, main.pop(0))
        return [*raised, *main, *closing]
    # A raised marker set a space apart at the line's right-hand start opens it (a
    # note's marker before a note citing Latin text: "¹A/76/281 (Part I) و …"); glued
    # to the text left of it, it ends that text's run ("Add.1¹").
    start = len(visual)
    while start and _raised(visual[start - 1], visual):
        start -= 1
    opening = visual[start:]
    if opening and opening[0][0].isspace() and not opening[-1][0].isspace():
        # its digits in their order, then the space that sets it apart
        opening = [item for item in opening if not item[0].isspace()] + [
            item for item in opening if item[0].isspace()
        ]
        kinds, visual = kinds[:start], visual[:start]
    else:
        opening = []
    runs: list[tuple[bool, list[_Placed]]] = []  # (keeps its order, characters)
    index = 0
    count = len(visual)
    while index < count:
        end = _ltr_run_end(kinds, index)
        if end > index:
            runs.append((True, visual[index:end]))
            index = end
            continue
        if runs and not runs[-1][0]:
            runs[-1][1].append(visual[index])
        else:
            runs.append((False, [visual[index]]))
        index += 1
    logical: list[_Placed] = opening
    for keeps, chars in reversed(runs):
        logical.extend(chars if keeps else reversed(chars))
    return logical


def _left_to_right_base(visual: list[_Placed]) -> list[_Placed]:
    """`_undo_left_to_right_base`, after a bracketed letter at the left ("(أ)", set
    apart by a tab), and with the number opening the line read as its first word when
    only that reading makes a date ("6 كانون الأول/ديسمبر 2021"): the line alone
    cannot tell it from a run's last word ("الجلسة العامة 45")."""
    label = _BRACKET_LABEL.match("".join(item[0] for item in visual[:6]))
    if label is not None:
        # "(أ)" set apart at the left: a subparagraph's letter, read first.
        taken, head = 0, 0
        while head < len(visual) and taken < label.end(1):
            taken += len(visual[head][0])
            head += 1
        return [*_undo_display(visual[:head]), *_left_to_right_base(visual[head:])]
    logical = _undo_left_to_right_base(visual, False)
    if _number_belongs_first(logical):
        return logical
    first = _undo_left_to_right_base(visual, True)
    return first if _number_belongs_first(first) else logical


def _number_belongs_first(logical: list[_Placed]) -> bool:
    """Whether a reading of a line shows a date, or opens as a resolution's title does
    ("79/245 باء¹. – …": the collection's letter between the number and its stop, so
    no separator shows beside the number), raised markers left out; a number glued to a
    hyphen is a symbol's ("دإ-10/2"), not a title's."""
    text = "".join(item[0] for item in logical)
    if _arabic_date().search(text):
        return True
    plain = "".join(item[0] for item in logical if not _raised(item, logical)).lstrip()
    title = _arabic_title().match(plain)
    # "دإ-10/2." read number first gives "10/2-…": a symbol, glued to its hyphen.
    return title is not None and plain[title.end("number") : title.end("number") + 1] in ". ．"


def _undo_left_to_right_base(visual: list[_Placed], number_first: bool) -> list[_Placed]:
    """Logical order of a line of a left-to-right paragraph that holds right-to-left text.

    Only the right-to-left runs are turned round (each as a right-to-left line is);
    Latin text, and what stands between a run and Latin text or the paragraph's ends
    (its number before the first run, its closing comma after the last), keep their
    places. A number next to a run is part of it (an Arabic number, UAX #9 W2) unless
    it is glued to Latin text ("A/76/444"), or opens the line followed by a separator
    ("1 -", "76/48."): the number of a paragraph or a title (or any number opening the
    line, with `number_first`). A raised marker is a neutral: it reads with the run
    around it, or keeps its place beside the paragraph's closing punctuation.
    Punctuation left of the first run that ends a sentence ends the line's run (a line
    never starts a paragraph with it); punctuation right of the last run is the
    paragraph's own unless it is an opening one carried over from the line before.
    """
    visual = _markers_whole(visual)
    # A raised marker is a footnote's anchor, which a producer treats as a neutral.
    kinds = [
        "N" if _visual_kind(item[0]) == "D" and _raised(item, visual) else _visual_kind(item[0])
        for item in visual
    ]
    count = len(kinds)
    strong = [index for index, kind in enumerate(kinds) if kind in "RL"]
    leading = strong[0] if strong else count
    numbered = _NUMBER_LABEL.match("".join(item[0] for item in visual[:leading]))
    if visual and kinds[0] == "N" and visual[0][0][:1].isdigit():
        numbered = None  # a note's raised marker opening the line is no label
    label = numbered is not None
    label_end = _items_spanning(visual, numbered.end()) if numbered is not None else 0
    if number_first and not label:
        label = True
        digit = next((i for i in range(leading) if kinds[i] == "D"), leading)
        leading = next((i for i in range(digit, leading) if kinds[i] not in "DSE"), leading)
        label_end = leading
    member = [kind == "R" for kind in kinds]
    for index, kind in enumerate(kinds):
        if kind != "D" or index < label_end:
            continue
        low = high = index
        while low > 0 and kinds[low - 1] in "DSE":
            low -= 1
        while high + 1 < count and kinds[high + 1] in "DSE":
            high += 1
        if (low > 0 and kinds[low - 1] == "L") or (high + 1 < count and kinds[high + 1] == "L"):
            continue  # part of a Latin word or symbol
        left_kind = next((kinds[i] for i in reversed(strong) if i < index), "")
        right_kind = next((kinds[i] for i in strong if i > index), "")
        member[index] = "R" in (left_kind, right_kind)
    # The label's own characters are no anchors of the text after it.
    anchors = [index for index, kind in enumerate(kinds) if kind in "RLD" and index >= label_end]
    if not anchors:
        return visual
    left_pair, right_pair = _edge_brackets(visual, label_end, anchors[0], anchors[-1])
    run_end = _left_edge_run_end(visual, label_end, anchors[0], left_pair)
    run_start = _right_edge_run_start(visual, anchors[-1] + 1, right_pair)
    for index, kind in enumerate(kinds):
        if kind in "RLD" or index < label_end:
            continue
        before = next((i for i in reversed(anchors) if i < index), None)
        after = next((i for i in anchors if i > index), None)
        if before is not None and after is not None:
            member[index] = (member[before] and member[after]) or (
                member[after] and _closes_run_on_right(visual, index, after)
            )
        elif after is not None:  # the line's left edge: the logical end of its last run
            member[index] = member[after] and run_end is not None and index >= run_end
        elif before is not None:  # the right edge: the logical start of its first run
            member[index] = member[before] and index < run_start
    logical: list[_Placed] = []
    index = 0
    while index < count:
        end = index + 1
        while end < count and member[end] == member[index]:
            end += 1
        chunk = visual[index:end]
        if not member[index] and end == count and index > 0 and member[index - 1]:
            # The paragraph's closing punctuation touches its last word, drawn apart.
            chunk = (
                chunk
                if _ENDS_SENTENCE.search(chunk[-1][0]) is None
                or any(kinds[i] in "LD" for i in range(index, end))
                else [item for item in chunk if not item[0].isspace()]
            )
        logical.extend(_undo_display(chunk) if member[index] else chunk)
        index = end
    return _markers_without_leading_zero(logical)


def _closes_run_on_right(visual: list[_Placed], index: int, run: int) -> bool:
    """Whether the punctuation at `index` ends the right-to-left run starting at `run`:
    it touches the run's left end and stands a space apart from what is left of it
    ("355، .المرفق": a right-to-left mark after the stop in the file made it the run's)."""
    text, span, _, right = visual[index]
    return (
        _ENDS_SENTENCE.fullmatch(text) is not None
        and index > 0
        and visual[index - 1][0].isspace()
        and run == index + 1
        and visual[run][2] - right < 0.1 * span.size
    )


def _markers_whole(visual: list[_Placed]) -> list[_Placed]:
    """The digits of a raised marker as one item: a marker is a neutral to the runs
    around it, but its digits read left to right ("15", not "51")."""
    out: list[_Placed] = []
    for item in visual:
        last = out[-1] if out else None
        if (
            last is not None
            and item[0].isdigit()
            and last[0].isdigit()
            and _raised(item, visual)
            and _raised(last, visual)
            and item[2] - last[3] < 0.2 * item[1].size
        ):
            out[-1] = (last[0] + item[0], last[1], last[2], item[3])
        else:
            out.append(item)
    return out


def _items_spanning(visual: list[_Placed], length: int) -> int:
    """How many items from the start of `visual` hold its first `length` characters."""
    taken = 0
    for index, item in enumerate(visual):
        if taken >= length:
            return index
        taken += len(item[0])
    return len(visual)


def _edge_brackets(visual: list[_Placed], start: int, first: int, last: int) -> tuple[bool, bool]:
    """Whether a bracket at the line's left edge (from `start`, after a label; before the
    `first` anchor) and one at its right edge (after the `last`) belong to the run
    beside them: a bracket pair takes the direction of the text inside it (UAX #9 N0),
    so a bracket the run leaves open is closed at one of its edges ("(د-3)" shows its
    closing bracket at the left), and brackets at both edges of a run pair up."""

    def brackets(items: list[_Placed]) -> int:
        return sum(item[0].count(c) for item in items for c in "()")

    inner = brackets(visual[first : last + 1]) % 2 == 1
    left = brackets(visual[start:first]) > 0
    right = brackets(visual[last + 1 :]) > 0
    if inner:
        return left, right and not left
    return left and right, left and right


def _left_edge_run_end(visual: list[_Placed], start: int, first: int, pair: bool) -> int | None:
    """Where, left of the line's first anchor (from `start`, after a label), the logical
    end of the line's last run begins, or None: punctuation that ends a clause (a line
    never starts a paragraph with it), or a bracket of a pair with the run (`pair`)."""
    for index in range(start, first):
        text = visual[index][0]
        if _ENDS_SENTENCE.search(text) or (pair and any(c in "()" for c in text)):
            return index
    return None


def _right_edge_run_start(visual: list[_Placed], start: int, pair: bool) -> int:
    """Where, right of the line's last anchor (from `start`), what follows the run
    begins: after a bracket of a pair with the run (`pair`) and what stands between; or
    else the whole edge when it holds the paragraph's closing punctuation (with a note's
    marker and a closing quote mark before it), none of it when it does not (an opening
    bracket or quote mark carried over from the line before)."""
    if pair:
        return 1 + max(i for i in range(start, len(visual)) if any(c in "()" for c in visual[i][0]))
    closing = any(_ENDS_SENTENCE.search(item[0]) for item in visual[start:])
    return start if closing else len(visual)


def _markers_without_leading_zero(items: list[_Placed]) -> list[_Placed]:
    """A raised marker's digits turned round where they read "01": some producers show
    a marker amid right-to-left text as neutrals, reversed; no marker starts with 0."""
    out = list(items)
    index = 0
    while index < len(out):
        end = index
        while end < len(out) and out[end][0].isdigit() and _raised(out[end], items):
            end += 1
        if end - index > 1 and out[index][0] == "0":
            out[index:end] = out[index:end][::-1]
        index = max(end, index + 1)
    return out


@functools.cache
def _arabic_date() -> Regex:
    """A date as Arabic prints it, the evidence for reading a number first."""
    return profile("ar").date


@functools.cache
def _arabic_title() -> Regex:
    """A resolution's number and title as Arabic prints them."""
    return profile("ar").title


_BRACKET_LABEL = re.compile(r"(\s*[()][\u0621-\u064a]{1,3}[()])\s")
"""A subparagraph's Arabic letter in brackets, as a line's first item."""
_NUMBER_LABEL = re.compile(r"\s*(?:[()]\d+[()]|\d+(?:[/.]\d+)*(?:\s+[-–](?=\s)|\s*[.)]))")
"""A paragraph's or title's number and its separator at the start of a line ("1 -",
"76/48.", "(1)"); "19-" glued to a hyphen or to the text after it ends a run
("كوفيد-19")."""
_ENDS_SENTENCE = re.compile("[،؛؟.,;:!?]")
"""Punctuation that ends a clause or a paragraph (Arabic comma, semicolon, question mark)."""


def _visual_kind(text: str) -> str:
    """`_kind` of a piece's first character; a space is "W", a plus or minus sign "E";
    a vowel mark drawn apart from its letter (wider than it: a tanween over a final
    alif) reads with the Arabic letters it sits on; a format character (a right-to-left
    mark the file keeps before a stop) draws nothing and tells no direction."""
    text = _FORMAT_MARKS.sub("", text)
    if not text:
        return "N"
    if text.isspace():
        return "W"
    bidi = unicodedata.bidirectional(text[0])
    if bidi == "ES":
        return "E"
    if bidi == "NSM" and _ARABIC_MARK.match(text):
        return "R"
    return _kind(text[0])


_ARABIC_MARK = re.compile("[ً-ٰٟ]")
_FORMAT_MARKS = re.compile("[\u061c\u200e\u200f]")


def _raised(item: _Placed, line: list[_Placed]) -> bool:
    """A piece set smaller and higher than the line's largest text."""
    span = item[1]
    largest = max(other[1].size for other in line)
    base = max(other[1].baseline for other in line if other[1].size == largest)
    return span.size < 0.85 * largest and span.baseline > base + 0.12 * largest


def _join_digit_groups(visual: list[_Placed], kinds: list[str]) -> None:
    """Digit groups shown as one left-to-right number read as one (their spaces made
    common separators, "S"): groups of three then a shorter one ("200 490 4").

    A producer may give the spaces between digit groups no character. Groups typed
    with plain spaces in a right-to-left line are runs of their own, set right to left,
    and show as a well-formed number ("4 490 200"); typed with no-break spaces they are
    one run (UAX #9 W4) and show in the order they were typed. Shown ill-formed (a
    short group last), read as one.
    """
    index = 0
    while index < len(kinds):
        if kinds[index] != "D":
            index += 1
            continue
        groups: list[str] = []
        spaces: list[int] = []
        end = index
        while True:
            start = end
            while end < len(kinds) and kinds[end] == "D" and not _raised(visual[end], visual):
                end += 1
            groups.append("".join(item[0] for item in visual[start:end]))
            if end + 1 < len(kinds) and kinds[end] == "W" and kinds[end + 1] == "D":
                spaces.append(end)
                end += 1
                continue
            break
        if spaces and all(len(group) == 3 for group in groups[:-1]) and 0 < len(groups[-1]) < 3:
            for space in spaces:
                kinds[space] = "S"
        index = max(end, index + 1)


def _ltr_run_end(kinds: list[str], index: int) -> int:
    """The end of a left-to-right run starting at `index`, or `index` when none starts."""
    kind = kinds[index]
    if kind == "L":
        end = index + 1
        probe = end
        while probe < len(kinds) and kinds[probe] != "R":
            if kinds[probe] == "L" or (
                # a number after Latin text and a space reads with it ("Report 2019")
                kinds[probe] == "D" and all(kind == "W" for kind in kinds[end:probe])
            ):
                end = probe + 1
            probe += 1
        while end < len(kinds) and (
            kinds[end] == "D"
            or (kinds[end] in "SE" and end + 1 < len(kinds) and kinds[end + 1] == "D")
        ):
            end += 1
        return end
    if kind == "M":  # a note's raised marker beside a number: its own run
        end = index + 1
        while end < len(kinds) and kinds[end] == "M":
            end += 1
        return end
    if kind == "D":
        # After Arabic letters numbers are Arabic numbers (UAX #9 W2), which a plus or
        # minus sign does not join (W4): "2011-2020" shows as "2020-2011".
        after_arabic = next((k for k in kinds[index:] if k in "LR"), "R") == "R"
        joins = "S" if after_arabic else "SE"
        end = index + 1
        while end < len(kinds):
            if kinds[end] == "D":
                end += 1
            elif kinds[end] in joins and end + 1 < len(kinds) and kinds[end + 1] == "D":
                end += 2
            else:
                break
        return end
    return index
