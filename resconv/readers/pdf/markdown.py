"""What the pages show, written as the Markdown-like text the text reader reads.

One paragraph a line: a new paragraph starts where a line is indented past the text's
margin (first-line indents, hanging numbers, centred and right-aligned lines) or after
more space than the line pitch. Inside a paragraph, lines join with a space, or with
nothing between Chinese characters and after a hyphen. The italic (or, in Chinese, bold)
run that opens a paragraph becomes `*…*`, a raised marker `[^n]`, and each footnote of
the page foot a `[^n]: …` definition at the end. Cover lines above the number and title
are kept one to a line, as printed.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from resconv.lang.script import is_wide
from resconv.model import Table
from resconv.readers.markup import (
    LABEL,
    TITLE,
    emphasis_styles,
    heading_lines,
    mark_initial,
    mostly_cjk,
    plain_key,
    table_mark,
)
from resconv.readers.pdf.document import Line, Span
from resconv.readers.pdf.furniture import PageText
from resconv.readers.pdf.lines import against_base, is_superscript, split_cells, start
from resconv.readers.pdf.tables import find_tables

__all__ = ["Markdown", "write_markdown"]

_MARKER = re.compile(r"[(\[]?\s*(\d{1,3}|\*{1,3}|[a-z])\s*[)\]]?")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
"""Layout whitespace; a no-break space is text and stays."""
_HYPHENS = "-‐‑"
_DEFINITION = re.compile(r"\[\^[^\]]+\]: ")
_PARAGRAPH_ENDS = re.compile(r"[;:.。；：؛]\s*(?:\[\^[^\]]*\]|\d{1,3})?\s*$")
"""A line that ends a sentence or a lead-in (a footnote marker may follow)."""
_SECTION_BREAK = re.compile(r"\*(?:\s*\*)+")
"""A line of asterisks alone ("* * *"): a break between the parts of a text."""
_CLAUSE_ENDS = re.compile(r"[;:.,。；：，、،؛]\s*(?:\[\^[^\]]*\]|\d{1,3})?\s*$")
"""A line that ends a paragraph of a resolution (preambular ones end with a comma)."""


@dataclass(slots=True)
class Markdown:
    """The text handed to the text reader, and the page each of its lines came from."""

    text: str
    pages: list[int] = field(default_factory=list)
    """`pages[i]` is the page of line i + 1 of `text`."""
    tables: list[Table] = field(default_factory=list)
    """The tables whose marks `text` holds (`table_mark`)."""
    plain: set[str] = field(default_factory=set)
    """The keys (`plain_key`) of paragraphs set as running text: the first line indented
    as a paragraph's (not a title's or heading's: not bold, not centred, not larger)."""


@dataclass(slots=True)
class _Para:
    lines: list[Line]
    label_end: float | None = None
    """Where the text after a hanging number starts on the first line."""
    continuation: float | None = None
    """Where the paragraph's second line started."""
    begin: float = 0.0
    """Where the paragraph's first line started."""
    indent: float = 0.0
    """How far past its page's margin the paragraph's second line started."""


def write_markdown(pages: list[PageText]) -> Markdown:
    """The Markdown for the sorted-out pages."""
    body = [line for page in pages for line in page.body]
    widths = {page.page.number: page.page.width for page in pages}
    out = Markdown(text="")
    lines: list[str] = []

    def emit(text: str, page: int) -> None:
        lines.append(text)
        out.pages.append(page)

    title_at = next(
        (i for i, line in enumerate(body) if TITLE.match(line.text) and _all_strong(line)),
        None,
    )
    if title_at is None:
        title_at = next((i for i, line in enumerate(body) if TITLE.match(line.text)), 0)
    for line in body[:title_at]:
        for cell in split_cells(line):
            emit(_squeeze(cell.text), cell.page)
    for page in pages[:1]:
        for line in page.job:
            emit(_squeeze(line.text), line.page)
    emit("", 1)
    text_lines = body[title_at:]
    margins, pitch = _measure(text_lines, widths)
    pitch.update(_large_type_pitches(text_lines, pitch))
    edges = _far_edges(text_lines, widths)
    words = _spelling(body)
    tables = find_tables(text_lines, lambda cell: _inline(cell, emphasis=False, words=words))
    in_flow: list[tuple[str, int]] = []
    at = 0
    for found in [*tables, None]:
        upto = found.start if found is not None else len(text_lines)
        paras = _paragraphs(text_lines[at:upto], widths, margins, pitch, edges)
        last: tuple[_Para, str] | None = None  # the body paragraph emitted last
        after_notes = False  # notes set in the body's flow since then
        for para in paras:
            emphasis = para.lines[0] is not text_lines[0] and not all(
                _all_strong(line) for line in para.lines
            )
            text = _inline(para.lines, emphasis=emphasis, words=words)
            if all(_all_strong(line) for line in para.lines):
                text = heading_lines(text)
            if _DEFINITION.match(text):
                in_flow.append((text, para.lines[0].page))
                after_notes = True
                continue
            if after_notes and last and _runs_on(last, para, text, margins, edges, widths):
                joiner = "" if is_wide(last[1][-1]) or is_wide(text[0]) else " "
                lines[-2] += joiner + text
                last, after_notes = (para, lines[-2]), False
                continue
            after_notes = False
            if _running_text(para, margins, edges, widths, pitch):
                out.plain.add(plain_key(text))
            for piece in text.split("\n\n"):  # a heading's number and text: two
                emit(piece, para.lines[0].page)
                emit("", para.lines[-1].page)
            last = (para, text) if "\n\n" not in text else None
        if found is not None:
            emit(table_mark(len(out.tables)), text_lines[found.start].page)
            emit("", text_lines[found.end - 1].page)
            out.tables.append(found.table)
            at = found.end
    for number, note in _notes(pages):
        emit(f"[^{number}]: {note[1]}", note[0])
    for text, page_number in in_flow:
        emit(text, page_number)
    out.text = "\n".join(lines) + "\n"
    return out


def _runs_on(
    last: tuple[_Para, str],
    para: _Para,
    text: str,
    margins: dict[int, float],
    edges: dict[int, float],
    widths: dict[int, float],
) -> bool:
    """Whether `para`, first on a later page than the paragraph `last` and after notes
    the page set in the body's flow, goes on with it: the paragraph before the notes
    filled its last line and ended no clause, and `para` opens with no number and no
    initial words. (With the notes' lines between them, the lines alone told nothing.)"""
    before, printed = last
    end = before.lines[-1]
    page = end.page
    return (
        end.page < para.lines[0].page
        and not _all_strong(end)
        and _CLAUSE_ENDS.search(printed) is None
        and _reach(end, widths[page]) >= margins[page] + 0.7 * (edges[page] - margins[page])
        and LABEL.match(text) is None
        and not text.startswith("*")
    )


def _running_text(
    para: _Para,
    margins: dict[int, float],
    edges: dict[int, float],
    widths: dict[int, float],
    pitch: dict[int, float],
) -> bool:
    """Whether `para` is set as running text: its first line in the text's type, not all
    bold, indented as a first line is (by more than a space, by less than five ems) and
    not centred (as far from the text's edge as from its margin).

    The margin is the least of the pages on the same side (margins mirror): a page's own
    may be taken from indented lines alone, where a table holds the rest of it."""
    first = para.lines[0]
    page = first.page
    size = first.size
    body = min((key for key in pitch if key != _BODY), default=_BODY)
    if round(size) != body or _all_strong(first):
        return False
    margin = min(value for key, value in margins.items() if key % 2 == page % 2)
    indent = para.begin - margin
    rest = edges[page] - _reach(first, widths[page])
    return size < indent < 5 * size and abs(indent - rest) > size


def _measure(
    lines: list[Line], widths: dict[int, float]
) -> tuple[dict[int, float], dict[int, float]]:
    """Each page's text margin, and the text's line pitch (by the size of its type): the
    most common among lines of running text (a long table's rows are set smaller and
    closer).

    The margin is where the leftmost line of text starts (titles and headings aside),
    per page: Word's mirrored margins move the text block on facing pages. A page
    with fewer than three text lines takes the margin of the page two before it.
    """
    running = [line for line in lines if len(split_cells(line)) == 1]  # table rows aside
    size = _body_size(running or lines)
    margins: dict[int, float] = {}
    for page in sorted({line.page for line in lines}):
        text = [
            line
            for line in lines
            if line.page == page and abs(line.size - size) < 1 and not _all_strong(line)
        ]
        starts = [start(line, widths[page]) for line in text]
        earlier = margins.get(page - 2, margins.get(page - 1))
        if len(starts) >= 3 or earlier is None:
            margins[page] = min(starts, default=0.0)
        else:  # a page of two or three lines (the adoption) shows no margin of its own
            margins[page] = earlier
        numbered = all(
            LABEL.match(line.text)
            for line, begin in zip(text, starts, strict=True)
            if begin < margins[page] + 1
        )
        if earlier is not None and earlier < margins[page] and numbered:
            margins[page] = earlier  # a page of numbered paragraphs shows their indent
    gaps = Counter(
        round(a.baseline - b.baseline, 1)
        for a, b in itertools.pairwise(running)
        if a.page == b.page
        and abs(a.size - size) < 1
        and abs(b.size - size) < 1
        and a.baseline > b.baseline
    )
    # The line pitch is the smallest common gap, not the most common one: where most
    # paragraphs are a line or two, the space between paragraphs is the most common.
    frequent = [gap for gap, count in gaps.items() if count >= max(2, gaps.total() // 20)]
    pitch = min(frequent) if frequent else size * 1.2
    return margins, {round(size): pitch, _BODY: pitch}


_BODY = 0
"""The key of the running text's line pitch."""


def _large_type_pitches(lines: list[Line], pitch: dict[int, float]) -> dict[int, float]:
    """The line pitch of each type larger than the text's (a title's): the smallest gap
    between two lines of it that follow each other. A producer may set a large title's
    lines far wider apart than 1.2 times its size (a fallback font's line height)."""
    body = max(pitch)  # the running text's size (the other key is _BODY, 0)
    found: dict[int, float] = {}
    for above, below in itertools.pairwise(lines):
        size = round(above.size)
        if (
            size > body
            and round(below.size) == size
            and above.page == below.page
            and above.baseline > below.baseline
        ):
            gap = above.baseline - below.baseline
            found[size] = min(found.get(size, gap), gap)
    return found


def _body_size(lines: list[Line]) -> float:
    """The size of the text's type: the most common."""
    sizes = Counter(round(line.size) for line in lines)
    return float(sizes.most_common(1)[0][0]) if sizes else 10.0


def _far_edges(lines: list[Line], widths: dict[int, float]) -> dict[int, float]:
    """Per page, how far from its starting edge the text reaches (its right margin); on a
    page without a full line, at least as far as the margin it starts at (margins mirror)."""
    edges: dict[int, float] = {}
    for line in lines:
        width = widths[line.page]
        floor = width - start(line, width)
        edges[line.page] = max(edges.get(line.page, 0.0), _reach(line, width), floor)
    return edges


def _reach(line: Line, width: float) -> float:
    """Where the line ends, measured from its starting edge (left, or right for RTL)."""
    return width - line.x0 if line.rtl else line.x1


def _paragraphs(
    lines: list[Line],
    widths: dict[int, float],
    margins: dict[int, float],
    pitch: dict[int, float],
    edges: dict[int, float],
) -> list[_Para]:
    paras: list[_Para] = []
    previous: Line | None = None
    spaced = _spaced_paragraphs(lines, pitch[_BODY])
    for line in lines:
        begin = start(line, widths[line.page])
        para = paras[-1] if paras else None
        if (
            para is None
            or previous is None
            or (
                not (spaced and line.page == previous.page)
                and _ends_short(previous, line, margins, edges, widths)
            )
            or not _continues(para, previous, line, begin, margins[line.page], pitch, widths, edges)
        ):
            para = _Para(lines=[line], label_end=_label_end(line, widths[line.page]), begin=begin)
            paras.append(para)
        else:
            if len(para.lines) == 1:
                para.continuation = begin
                para.indent = begin - margins[line.page]
            para.lines.append(line)
        previous = line
    return paras


def _spaced_paragraphs(lines: list[Line], pitch: float) -> bool:
    """Whether the document sets its numbered paragraphs apart by space: then, on one
    page, space alone tells where a paragraph ends (a ragged line ends short anywhere)."""
    gaps = [
        above.baseline - below.baseline
        for above, below in itertools.pairwise(lines)
        if below.page == above.page and LABEL.match(below.text) and not _all_strong(below)
    ]
    return len(gaps) >= 3 and sum(gap > 1.3 * pitch for gap in gaps) >= 0.9 * len(gaps)


def _ends_short(
    previous: Line,
    line: Line,
    margins: dict[int, float],
    edges: dict[int, float],
    widths: dict[int, float],
) -> bool:
    """The line before ends far short of the text's edge, after the punctuation that ends
    a paragraph, with room for the first word of `line`: the paragraph ended there."""
    page = previous.page
    margin, edge = margins[page], edges[page]
    short = _reach(previous, widths[page]) < margin + 0.7 * (edge - margin)
    return short and _ended_early(previous, line, widths, edges)


def _continues(
    para: _Para,
    previous: Line,
    line: Line,
    begin: float,
    margin: float,
    pitch: dict[int, float],
    widths: dict[int, float],
    edges: dict[int, float],
) -> bool:
    tolerance = 0.3 * line.size
    size = max(line.size, previous.size)
    # A larger type (a title's) sets its lines wider.
    own_pitch = max(pitch.get(round(size), pitch[_BODY]), 1.2 * size)
    gap = previous.baseline - line.baseline
    if line.page == previous.page and gap > min(1.3 * own_pitch, own_pitch + 0.4 * size):
        return False  # space between paragraphs
    if _lone_marker(line, previous):
        return line.page == previous.page  # a raised marker the line's end pushed down
    if abs(line.size - previous.size) > 1.5:
        return False  # a title's type, then the text's
    if any(_SECTION_BREAK.fullmatch(each.text.strip()) for each in (previous, line)):
        return False  # "* * *" stands alone, even where a page break took its spacing
    if line.page != previous.page and (
        _ended_early(previous, line, widths, edges)
        or _opens_styled_clause(previous, line)
        or (
            _ended_early(previous, line, widths, edges, clause=False)
            and _opens_styled_clause(previous, line, clause=False)
        )
    ):
        return False  # a page break carries no spacing or indent: the lines themselves tell
    if (
        para.begin - margin > 5 * line.size
        and previous.x1 - previous.x0 < 0.4 * widths[previous.page]
    ):  # a short line set far in (right-aligned, centred) stands alone, unless it wrapped
        return _wrapped(para, previous, line, begin, widths, edges)
    if _hanging_label(line) or (
        LABEL.match(line.text) and _PARAGRAPH_ENDS.search(previous.text) is not None
    ):
        return False  # a number or letter after a finished sentence starts a paragraph
    if _all_strong(previous) != _all_strong(line) and not _bold_run_goes_on(
        para, previous, line, widths, edges
    ):
        return False  # a heading's line next to running text
    edge = edges[previous.page]
    short = _reach(previous, widths[previous.page]) < margin + 0.7 * (edge - margin)
    if against_base(previous):
        # Its starting edge is no evidence; a numbered line after one that ended far short
        # of the edge (a heading at a page's foot) starts anew.
        return not (short and LABEL.match(line.text))
    if previous.rtl and line.page != previous.page and short and LABEL.match(line.text):
        # So in right-to-left text set flush at the start without indents (LibreOffice's
        # right-to-left paragraphs): the heading's line reaches the margin as a
        # paragraph's next line would.
        return False
    if para.continuation is not None and abs(begin - para.continuation) <= tolerance:
        return True
    if abs(begin - margin) <= tolerance:
        # A paragraph whose lines hang at an indent does not come back to the margin:
        # a line there (a heading after a page break) starts anew.
        return para.indent <= tolerance
    if para.label_end is not None and abs(begin - para.label_end) <= tolerance:
        return True
    if (
        len(para.lines) == 1
        and LABEL.match(previous.text)
        and para.begin + tolerance < begin < (para.label_end or math.inf) - tolerance
        and not LABEL.match(line.text)
        and not _ended_early(previous, line, widths, edges, clause=False)
    ):
        # A hanging indent: the text's indent where the number is set apart by a space
        # only, or short of the text's start where a number too wide for its tab pushed
        # the first line's text further.
        return True
    return _all_strong(previous) and _all_strong(line) and line.page == previous.page


def _lone_marker(line: Line, text: Line) -> bool:
    """A line holding nothing but a footnote marker, smaller than `text`'s type."""
    return line.size < 0.85 * text.size and _MARKER.fullmatch(line.text.strip()) is not None


def _bold_run_goes_on(
    para: _Para, previous: Line, line: Line, widths: dict[int, float], edges: dict[int, float]
) -> bool:
    """A bold run inside a paragraph carries over a full line ("h) " then a lead-in set in
    bold over two lines): the paragraph did not open in bold, the line before ends in
    bold and `line` opens in bold."""
    last = next((span for span in reversed(previous.spans) if span.text.strip()), None)
    first = next((span for span in line.spans if span.text.strip()), None)
    return (
        not _all_strong(para.lines[0])
        and last is not None
        and first is not None
        and last.bold
        and first.bold
        and line.page == previous.page
        and not _ended_early(previous, line, widths, edges, clause=False)
    )


def _wrapped(
    para: _Para,
    previous: Line,
    line: Line,
    begin: float,
    widths: dict[int, float],
    edges: dict[int, float],
) -> bool:
    """`line` carries on a block set far in: it starts where the block starts, and its
    first word would not have fitted at the end of the line before ("54th plenary"
    "meeting" under the adoption's indent)."""
    return (
        line.page == previous.page
        and abs(begin - para.begin) <= 0.3 * line.size
        and not _all_strong(previous)
        and not _ended_early(previous, line, widths, edges, clause=False)
    )


def _ended_early(
    previous: Line,
    line: Line,
    widths: dict[int, float],
    edges: dict[int, float],
    *,
    clause: bool = True,
) -> bool:
    """Whether `previous` stopped short of its page's text edge by more than the width of
    the first word of `line`: a typesetter fills every line of a paragraph but its last,
    so such a line, ending a clause (unless `clause` is false), ended its paragraph.
    """
    text = line.text.strip()
    edge = edges.get(previous.page)
    if (
        not text
        or edge is None
        or abs(previous.size - line.size) >= 1
        or (clause and _CLAUSE_ENDS.search(previous.text) is None)
    ):
        return False  # only a clause's end, in the text's own type, on a page that has it
    room = edge - _reach(previous, widths[previous.page])
    if is_wide(text[0]):
        # Chinese breaks before any character but punctuation: the first character would
        # have fitted, unless a mark that must not open a line follows it (then both move
        # down). Full-width characters are an em wide; half an em to spare for a ragged
        # line's remainder.
        word = 1 if _CHARACTER.fullmatch(text[:2]) else 2
        return room > (word + 0.5) * line.size
    per_char = (line.x1 - line.x0) / max(len(line.text), 1)
    word = len(text.split(" ", 1)[0])
    # A space, and a character's width to spare: the per-character width is an average
    # over spaces and letters, and a ragged line ends a little short.
    return room > (word + 2) * per_char


def _opens_styled_clause(previous: Line, line: Line, *, clause: bool = True) -> bool:
    """`line` opens with initial words in their style (italic; bold in Chinese) after a
    line in plain type that closed a clause (unless `clause` is false): a new paragraph,
    even when the closing line happened to be nearly full."""
    styles = emphasis_styles(line.text)
    first = next((span for span in line.spans if span.text.strip()), None)
    last = next((span for span in reversed(previous.spans) if span.text.strip()), None)
    return (
        first is not None
        and last is not None
        and _strong(first, styles)
        and not _strong(last, styles)
        and (not clause or _CLAUSE_ENDS.search(previous.text) is not None)
    )


def _label_end(line: Line, width: float) -> float | None:
    """Where the text starts after a number or letter printed at the head of the line."""
    spans = line.spans
    label = LABEL.match(line.text) or TITLE.match(line.text)
    if not label:
        return None
    taken = 0
    for index, span in enumerate(spans):
        taken += len(span.text)
        if taken >= label.end() and index + 1 < len(spans):
            following = spans[index + 1]
            return width - following.x1 if line.rtl else following.x0
    return None


def _hanging_label(line: Line) -> bool:
    """The line opens with a number or letter set apart by a tab: a paragraph's start."""
    label = LABEL.match(line.text)
    if not label:
        return False
    taken = 0
    for index, span in enumerate(line.spans[:-1]):
        taken += len(span.text)
        if taken >= label.end():
            following = line.spans[index + 1]
            gap = span.x0 - following.x1 if line.rtl else following.x0 - span.x1
            return taken == label.end() and gap > 0.6 * line.size
    return False


def _all_strong(line: Line) -> bool:
    """Every visible character bold: a title or heading line."""
    return all(span.bold for span in line.spans if span.text.strip())


def _strong(span: Span, styles: tuple[bool, bool]) -> bool:
    italic, bold = styles
    return (italic and span.italic) or (bold and span.bold)


def _inline(lines: list[Line], *, emphasis: bool, words: _Spelling | None = None) -> str:
    """One paragraph's text: lines joined, initial emphasis and markers marked up."""
    pieces: list[tuple[str, str]] = []  # (kind, text): "text", "join", "marker"
    for number, line in enumerate(lines):
        spans = line.spans
        if number:
            pieces.append(("join", ""))
        lone = number > 0 and _lone_marker(line, lines[0])
        for span in spans:
            if not span.text:
                continue
            raised = lone or is_superscript(span, line)
            if raised and _MARKER.fullmatch(span.text.strip()):
                marker = _MARKER.fullmatch(span.text.strip())
                assert marker is not None
                pieces.append(("marker", marker.group(1)))
                if span.spaced or span.text[-1:].isspace():
                    pieces.append(("text", " "))  # drawn apart from what follows
            else:
                pieces.append(("text", span.text))
    if len(pieces) > 1 and pieces[0][0] == "text" and _set_off_label(pieces[0][1], pieces[1][1]):
        pieces.insert(1, ("text", " "))  # a number tabbed to the text, no space drawn
    if pieces and pieces[0][0] == "marker" and len(pieces) > 1:
        # A paragraph that opens with a raised marker is a note printed in the text's
        # flow (endnotes, a page without a rule): a definition, not a reference.
        return f"[^{pieces[0][1]}]: " + _join(pieces[1:], words=words)
    plain = "".join(text for kind, text in pieces if kind == "text")
    chinese = mostly_cjk(plain)
    styled = _style_runs(lines, emphasis_styles(plain)) if emphasis else []
    text = _join(pieces, chinese=chinese, words=words)
    if styled:
        text = mark_initial(text, styled)
    return text


def _set_off_label(first: str, second: str) -> bool:
    """A paragraph's number or letter drawn as a span of its own, the text after it
    starting without a space ("(vii)" "Violations")."""
    label = LABEL.fullmatch(first)
    return label is not None and bool(first) and not first[-1].isspace() and second[:1].isalpha()


def _style_runs(lines: list[Line], styles: tuple[bool, bool]) -> list[tuple[str, bool]]:
    spans = [span for line in lines for span in line.spans]
    return [(span.text, _strong(span, styles)) for span in spans[:12] if span.text]


def _join(
    pieces: list[tuple[str, str]], *, chinese: bool = False, words: _Spelling | None = None
) -> str:
    """The pieces' text; lines join with a space, or nothing in Chinese text.

    A hyphen ending a line stays (UN documents break lines only at real hyphens), unless
    the document spells the word elsewhere without it and never with it: then the
    producer hyphenated a word to break the line ("implemen-" "tation").
    """
    out = ""
    for index, (kind, text) in enumerate(pieces):
        if kind == "marker":
            out = out.rstrip(" ") + f"[^{text}]"
            if _spaced_after_marker(pieces, index):
                out += " "
        elif kind == "join":
            upcoming = next((t for k, t in pieces[index + 1 :] if k == "text" and t.strip()), "")
            out = out.rstrip(" ")
            last = out[-1:] if out else ""
            first = upcoming.lstrip(" ")[:1]
            after_marker = index > 0 and pieces[index - 1][0] == "marker"
            if after_marker and _spaced_after_marker(pieces, index - 1):
                out += " "  # a marker ending a line, a word or number opening the next
                continue
            if is_wide(last) or is_wide(first) or not out or last in "([{":
                continue  # no text in the corpus types a space after an opening bracket
            if chinese and not (last.isalnum() and first.isalnum()):
                continue  # a line of Chinese breaks at a space only between words and numbers
            if _breaks_inside_a_word(out, first):
                continue  # "4–" "15 September", "A/" "RES/67/38": a range or a symbol
            if words is not None and out[-2:] in words.opening_dashes and first.isalnum():
                continue  # "pilares —" "investigación": a dash that opens an aside
            if last in _HYPHENS and len(out) > 1 and out[-2].isalpha():
                if words is not None and _broken_word(out, upcoming.lstrip(" "), words.words):
                    out = out[:-1]
                continue
            out += " "
        else:
            out += text
    return _SPACES.sub(" ", out).strip(" ")


def _spaced_after_marker(pieces: list[tuple[str, str]], index: int) -> bool:
    """A raised marker is set apart from a word or number that follows it (not from
    punctuation, nor from Chinese), or from anything the file draws apart from it (the
    French space before ";")."""
    after = next((text for kind, text in pieces[index + 1 :] if kind != "join"), "")
    head = after.lstrip(" ")[:1]
    if not head or is_wide(head):
        return False
    return head.isalnum() or after[:1] == " "


def _breaks_inside_a_word(before: str, after: str) -> bool:
    """A line broken inside a range of numbers ("2018-" "2028", "4–" "15"), at a hyphen
    after a number ("Goal 4-" "Education") or after a slash ("A/" "RES/67/38", "and/"
    "or"): the lines join without a space."""
    if len(before) < 2 or before[-2] == " " or not after:
        return False
    if before[-1] == "/" and _ARABIC_LETTER.match(before[-2]) and _ARABIC_LETTER.match(after):
        # Arabic lines break at spaces: "كانون الأول/" ends a line where the text has
        # "الأول/ ديسمبر", written so as often as "الأول/ديسمبر".
        return False
    if before[-1] == "/" or (before[-1] in _HYPHENS and before[-2].isdigit()):
        return True
    return before[-1] == "–" and before[-2].isdigit() and after[0].isdigit()


def _broken_word(before: str, after: str, words: frozenset[str]) -> bool:
    head = _LAST_WORD.search(before[:-1])
    tail = _FIRST_WORD.match(after)
    if head is None or tail is None or not tail.group().islower():
        return False
    joined, hyphenated = (head.group() + tail.group()).lower(), (head.group() + "-" + tail.group())
    return joined in words and hyphenated.lower() not in words


_ARABIC_LETTER = re.compile("[\u0620-\u064a]")
_CHARACTER = re.compile(r"[^\W_]{2}")
"""Two characters neither of them punctuation: a line's opening that needs no company."""
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_WORDS = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class _Spelling:
    """How the document spells within its lines: what decides a join at a line's end."""

    words: frozenset[str]
    """The words it prints (`_vocabulary`)."""
    opening_dashes: frozenset[str]
    """" —" or " –" where it sets a dash apart from the word before and glued to the
    word after (the Spanish "raya" opening an aside), never spaced on both sides. A dash
    glued to the word before and followed by a space or a stop ("ambiental—, la", the
    aside's close) tells
    the same where the opening one only ever ends a line."""


def _spelling(lines: list[Line]) -> _Spelling:
    glued: Counter[str] = Counter()
    spaced: Counter[str] = Counter()
    for line in lines:
        for found in _SPACED_DASH.finditer(line.text):
            (spaced if found.group(2).isspace() else glued)[found.group(1)] += 1
        for found in _CLOSING_DASH.finditer(line.text):
            glued[found.group(1)] += 1
    opening = frozenset(" " + dash for dash in glued if not spaced[dash])
    return _Spelling(_vocabulary(lines), opening)


_SPACED_DASH = re.compile(r" ([—–])(\S|\s)")
_CLOSING_DASH = re.compile(r"(?<=[^\W\d])([—–])(?=[ ,;.:])")


def _vocabulary(lines: list[Line]) -> frozenset[str]:
    """The words the document prints within its lines, hyphenated compounds included."""
    found: set[str] = set()
    for line in lines:
        for word in _WORDS.findall(line.text):
            lowered = word.lower()
            found.add(lowered)
            found.update(lowered.replace("‐", "-").replace("‑", "-").split("-"))
            if "-" in lowered:
                found.add(lowered.replace("‑", "-"))
    return frozenset(found)


def _squeeze(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ")


def _notes(pages: list[PageText]) -> list[tuple[str, tuple[int, str]]]:
    """The footnotes at the pages' feet, by marker: (page, text)."""
    notes: list[list[object]] = []
    for page in pages:
        for line in page.notes:
            spans = line.spans
            visible = [span for span in spans if span.text.strip()]
            if not visible:
                continue
            head = visible[0]
            marker = _MARKER.fullmatch(head.text.strip())
            rest = [span for span in spans if span is not head]
            if marker and (is_superscript(head, line) or head.size < line.size - 0.5):
                body = _join([("text", span.text) for span in rest])
                notes.append([marker.group(1), line.page, body])
            elif notes:
                body = _join([("text", str(notes[-1][2])), ("join", ""), ("text", line.text)])
                notes[-1][2] = body
    return [(str(m), (int(str(p)), str(t))) for m, p, t in notes]
