"""Printed lines in reading order: PDFium's pieces of a line joined, superscripts kept in.

PDFium ends a line where a superscript or a change of text object interrupts it; a
printed line is every piece whose baseline lies within reach of the line's own. Lines
then go top to bottom. A line of a right-to-left script is put back into logical order
from the positions of its characters (the file may store the glyphs in display order).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import replace

from resconv.readers.pdf.document import Line, Page, Span

__all__ = [
    "CELL_GAP",
    "is_superscript",
    "order_lines",
    "set_direction",
    "split_cells",
    "start",
]

CELL_GAP = 2.5
"""A gap wider than this many font sizes splits a line into cells (masthead columns)."""


def set_direction(pages: list[Page]) -> bool:
    """Lines take the document's direction: right to left when most letters are.

    In a right-to-left document a line of Latin letters or numbers alone (a footnote's
    document number) still reads right to left, unless it stands on the left half of
    the page, as the English date on the cover does. An Arabic name in an English
    document does not turn its line round.
    """
    text = "".join(span.text for page in pages for line in page.lines for span in line.spans)
    letters = len(_LETTER.findall(text))
    document_rtl = len(_RTL_LETTER.findall(text)) > 0.3 * letters
    for page in pages:
        for line in page.lines:
            line.rtl = document_rtl and (
                _RTL_LETTER.search(line.text) is not None or line.x0 + line.x1 > page.width
            )
    return document_rtl


_LETTER = re.compile(r"[^\W\d_]")
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LABEL_HEAD = re.compile(r"[()]\w{1,3}[()]|\d{1,3}")
_QUOTES = {"\u201c": "\u201d", "\u201d": "\u201c"}


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
        if line.rtl:
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
        if all(
            span.x1 <= o.x0 + 1 or span.x0 >= o.x1 - 1 for span in line.spans for o in other.spans
        ):
            return other
    return None


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
        cells.reverse()
    return cells


def _logical_order(line: Line) -> None:
    """Right-to-left: the line read back into logical order from positions.

    Files store right-to-left text in display or in logical order and split it into
    text objects as they like. PDFium gives each run of right-to-left letters of one
    object in logical order, but pieces of a line (words, numbers, brackets) only by
    their positions. So pieces are laid out left to right, spaces put where they leave
    a gap, and the display order undone: runs of Latin text and of numbers keep their
    order, everything else reads right to left (the inverse of the bidi algorithm's
    reordering of a right-to-left line). Pieces keep their span's style.
    """
    pieces: list[tuple[float, int, _Placed]] = []
    order = 0
    mirrored = _RTL_LETTER.search(line.text) is not None
    for span in line.spans:
        for text, left, right in _pieces(span, mirrored):
            order += 1
            pieces.append(((left + right) / 2, -order, (text, span, left, right)))
    pieces.sort(key=lambda item: (round(item[0], 1), item[1]))
    visual: list[_Placed] = []
    for _, _, item in pieces:
        text, span, left, _ = item
        gap = left - visual[-1][3] if visual else 0.0
        spaced = visual[-1][0][-1:].isspace() or text[:1].isspace() if visual else True
        # A combining mark set apart from its letter is still part of the word.
        spaced = spaced or any(
            unicodedata.category(c) == "Mn"
            for c in (text[:1], visual[-1][0][-1:] if visual else "")
        )
        if gap > 0.15 * span.size and not spaced:
            visual.append((" ", span, visual[-1][3], left))
        visual.append(item)
    spans: list[Span] = []
    head = ""
    for text, span, left, right in _undo_display(visual):
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
            spans.append(replace(span, text=text, chars=None, x0=left, x1=right))
    line.spans = _without_stray_latin(spans)
    line.changed()
    _turn_brackets(line.spans)


def _apart(span: Span, left: float, right: float) -> bool:
    """A piece this far from a span is in another cell (a table's column)."""
    reach = CELL_GAP * span.size
    return span.x0 - right > reach or left - span.x1 > reach


def _without_stray_latin(spans: list[Span]) -> list[Span]:
    """Spans without Latin letters, digits or signs standing inside an Arabic word.

    Some producers map the kashida they stretch Arabic words with to an ASCII character
    in the text layer (LibreOffice with Amiri gives "الثBاني", "تش#ير", "الم8ؤرخ",
    "لجن:ة", control characters); no word mixes scripts so. Slashes, hyphens, full stops
    and brackets between two words stay ("الثاني/نوفمبر").
    """
    text = "".join(span.text for span in spans)
    stray = {i for match in _STRAY_LATIN.finditer(text) for i in range(*match.span())}
    if not stray:
        return spans
    at = 0
    kept = []
    for span in spans:
        original = span.text
        span.text = "".join(c for i, c in enumerate(original, at) if i not in stray)
        at += len(original)
        if span.text:
            kept.append(span)
    return kept


_STRAY_LATIN = re.compile(
    "(?<=[\u0620-\u065f])"
    "(?:[\x01-\x1f0-9A-Za-z!\"#$%&'*+:;<=>?@^_`{|}~\u00a1-\u00ff\u02c0-\u02ff\u2039\u203a]{1,8}"
    "(?=[\u0620-\u065f])| (?=[\u064b-\u065f\u0670]))"
)
"""What a producer put inside an Arabic word: a sign for a kashida, or a space before a
mark (a vowel set apart from its letter, "أيضا ً")."""


def _pieces(span: Span, mirrored: bool) -> list[tuple[str, float, float]]:
    """A span's runs of right-to-left letters (as PDFium orders them) and other characters."""
    chars = _marks_after_letters(span.chars or _spread(span))
    if mirrored:
        # PDFium mirrors the double quotes of a right-to-left line as it mirrors
        # brackets; the file's own quote marks are the other ones.
        chars = [(_QUOTES.get(char, char), left, right) for char, left, right in chars]
    out: list[tuple[str, float, float]] = []
    joined = False
    for char, left, right in chars:
        if char in "\r\n":
            joined = False
            continue
        letter = _kind(char) == "R" or (joined and unicodedata.category(char) == "Mn")
        if letter and joined and out:
            text, low, high = out[-1]
            out[-1] = (text + char, min(low, left), max(high, right))
        else:
            out.append((char, left, right))
        joined = letter
    last = next((c for c, _, _ in reversed(chars) if unicodedata.category(c) != "Mn"), "")
    if span.spaced and span.chars and last and (_kind(last) in ("R", "N") or last == "،"):
        # PDFium found a word break after a word the file draws no space after: the
        # space follows the word's last letter, on its left (the line reads right to left).
        edge = min(left for _, left, _ in out)
        out.append((" ", edge - 0.02, edge - 0.01))
    return out


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
        on_before = before is not None and before[1] <= centre <= before[2]
        # Marks drawn in one glyph with their letter share its box.
        shared = abs(left - after[1]) < 0.05 and abs(right - after[2]) < 0.05
        if (shared or (on_after and not on_before)) and unicodedata.category(after[0]).startswith(
            "L"
        ):
            out[index : end + 1] = [after, *out[index:end]]
        index = end + 1
    return out


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
        if (before.isspace() or before in _OPENERS) and not after.isspace():
            chars[index] = pair[0]
        elif not before.isspace() and (after.isspace() or not after.isalnum()):
            chars[index] = pair[1]
    _pair_up(chars)
    fixed = "".join(chars)
    at = 0
    for span in spans:
        span.text = fixed[at : at + len(span.text)]
        at += len(span.text)


def _pair_up(chars: list[str]) -> None:
    """A closing bracket with nothing open before it, and another closer of its kind
    after it, opens: ")1)" is "(1)" turned round."""
    for opener, closer in _PAIR_CHARS:
        depth = 0
        for index, char in enumerate(chars):
            if char == opener:
                depth += 1
            elif char == closer:
                if depth:
                    depth -= 1
                elif closer in chars[index + 1 :]:
                    chars[index] = opener
                    depth += 1


_PAIRS = ("()", "[]", "{}")
_PAIR_CHARS = tuple((pair[0], pair[1]) for pair in _PAIRS)
_FACING = {char: (pair[0], pair[1]) for pair in _PAIRS for char in pair}
_OPENERS = frozenset(pair[0] for pair in _PAIRS)


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
    for index in range(len(visual) - 1):
        # A raised marker drawn just left of a number (LibreOffice) follows it: it is
        # no part of the number, and reads right to left after it.
        if (
            kinds[index] == "D" == kinds[index + 1]
            and _raised(visual[index], visual)
            and not _raised(visual[index + 1], visual)
        ):
            kinds[index] = "N"
    if "R" not in kinds and "L" in kinds:
        main = list(visual)
        raised: list[_Placed] = []
        while main and (main[-1][0].isspace() or _raised(main[-1], visual)):
            raised.insert(0, main.pop())
        closing: list[_Placed] = []  # punctuation that ends the line shows at its left
        while main and _kind(main[0][0][:1]) in ("N", "S") and not main[0][0].isspace():
            closing.insert(0, main.pop(0))
        return [*raised, *main, *closing]
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
    logical: list[_Placed] = []
    for keeps, chars in reversed(runs):
        logical.extend(chars if keeps else reversed(chars))
    return logical


def _visual_kind(text: str) -> str:
    """`_kind` of a piece's first character; a space is "W", a plus or minus sign "E"."""
    if not text:
        return "N"
    if text.isspace():
        return "W"
    if unicodedata.bidirectional(text[0]) == "ES":
        return "E"
    return _kind(text[0])


def _raised(item: _Placed, line: list[_Placed]) -> bool:
    """A piece set smaller and higher than the line's largest text."""
    span = item[1]
    largest = max(other[1].size for other in line)
    base = max(other[1].baseline for other in line if other[1].size == largest)
    return span.size < 0.85 * largest and span.baseline > base + 0.12 * largest


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
