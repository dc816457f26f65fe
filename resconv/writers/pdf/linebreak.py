"""Chinese line breaking (kinsoku) and justification for reportlab paragraphs.

reportlab's own CJK wrapping (``wordWrap='CJK'``) lets a line start with ，；：？！》”,
hangs at most one character into the margin, and never justifies CJK lines. Here a
line is broken by pushing characters down (oidashi) until the break is allowed:

* no line starts with closing punctuation (`NO_START`), none ends with an opening one
  (`NO_END`);
* runs of ASCII letters, digits and ``./-:`` stay together (``2001``, ``56/24T``,
  ``A/RES/67/38``), as do ——, …… and a footnote marker with the character before it;
* full lines are justified by spreading the spare width over the gaps between
  characters (PDF character spacing, ``Tc``).

Every paragraph, in any language, is broken into lines once (`LinedParagraph`): the
part after a page break keeps the lines already broken, so time grows with the length
of a paragraph, not with its square.

This touches reportlab internals that are not public API (`getAscentDescent`, `FragLine`,
`ParaLines`, `_handleBulletWidth`, `_justifyDrawParaLineX`, `Paragraph.blPara` and
`_splitpara`, a TrueType face's `charWidths`); reportlab is pinned to 5.1.x and
`tests/writers/test_pdf_linebreak.py` pins each assumption.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Any

import reportlab.platypus.paragraph as _rl_paragraph
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, _handleBulletWidth

from resconv.writers.pdf.markup import parse_markup

__all__ = [
    "NO_END",
    "NO_START",
    "KinsokuParagraph",
    "LinedParagraph",
    "break_allowed",
    "install_justification",
    "kinsoku_split",
]

NO_START = frozenset("，。、；：？！）」』》〉】〕］｝”’…—·％‰℃．,.;:?!)]}%")
"""Characters that must not begin a line (closing marks, pauses, ellipsis, dash)."""
NO_END = frozenset("（「『《〈【〔［｛“‘([{")
"""Characters that must not end a line (opening marks)."""
_GLUE_PUNCTUATION = frozenset("./-:")
_PAIRED = frozenset("—…")
_FUZZ = 1e-6
_JUSTIFY_MARK = "resconv_cjk_justify"
_EMPTY = "\x00"
"""Stands for a frag without text (a footnote callback) in a paragraph's string."""


def _glues(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in _GLUE_PUNCTUATION)


def break_allowed(
    before: str, after: str, *, before_marker: bool = False, after_marker: bool = False
) -> bool:
    """Whether a line may end after `before` and the next begin with `after`.

    A marker is a footnote marker (a raised character or its zero-width callback): it
    stays on the line of the character before it.
    """
    if after in NO_START or before in NO_END:
        return False
    if after_marker:
        return False
    if _glues(before) and _glues(after) and not before_marker:
        return False
    return not (before == after and before in _PAIRED)


class LinedParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A `Paragraph` broken into lines once, however many pages it runs over.

    reportlab's `split` rebuilds the part after a page break from its words and breaks
    it again: a paragraph running over k pages was broken k times, so the time grew with
    the square of its length. Here each part keeps its share of the lines already broken.
    """

    def _setup(self, text: Any, style: Any, bullet: Any, frags: Any, cleaner: Any) -> None:
        """reportlab's setup, with the markup read by `pdf_markup` (same fragments)."""
        if frags is None:
            text, style, frags, bullet_frags = parse_markup(text, style, self.caseSensitive)
            bullet = bullet_frags or bullet
        super()._setup(text, style, bullet, frags, cleaner)

    def breakLines(self, width: Any) -> Any:
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):
            return self.blPara
        return self._kept(width, super().breakLines)

    def _kept(self, width: Any, breaker: Any) -> Any:
        """The lines for `width`, broken once: reportlab wraps a paragraph again each time
        it tries to place it (in a frame, in a table cell, kept with the next one)."""
        key = tuple(width) if isinstance(width, list | tuple) else width
        if getattr(self, "_broken_for", None) == key and hasattr(self, "blPara"):
            return self.blPara
        lines = breaker(width)
        self._broken_for = key
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """reportlab's split rule (no orphan, no widow), on the lines already broken."""
        if not self.frags or availWidth < _FUZZ or availHeight < _FUZZ:
            return []
        if not hasattr(self, "blPara"):
            self.wrap(availWidth, availHeight)
        style = self.style
        lines = self.blPara.lines
        leading = float(style.leading)
        fit, count = int(availHeight / leading), len(lines)
        if (not style.allowOrphans and fit <= 1) or fit == 0:
            return []
        if count <= fit:
            return [self]
        if not style.allowWidows and count == fit + 1:
            if (style.allowOrphans and count == 3) or count > 3:
                fit -= 1  # the last line does not go over alone
            else:
                return []
        head = self._part(lines, 0, fit, style, self.bulletText)
        last = lines[fit - 1]
        head._JustifyLast = not (isinstance(last, FragLine) and getattr(last, "lineBreak", False))
        head.height, head.width = fit * leading, availWidth
        continued = style
        if style.firstLineIndent:
            continued = ParagraphStyle(f"{style.name}-continued", style, firstLineIndent=0)
        return [head, self._part(lines, fit, count, continued, None)]

    def _part(self, lines: list[Any], start: int, stop: int, style: Any, bullet: Any) -> Any:
        part = self.__class__(None, style, bulletText=bullet, frags=self.frags)
        part.blPara = self.blPara.clone(lines=lines[start:stop])
        part._splitpara = 1
        part._notes_index = self._note_index()
        part._first_line = self._first_line + start
        return part

    _first_line = 0
    """The index of this part's first line among the whole paragraph's lines."""

    def notes(self) -> list[str]:
        """The labels of the footnote callbacks this paragraph (or part of one) prints.

        Looked up in an index of the whole paragraph's lines, built once, so that the
        parts of a paragraph over many pages do not each walk the lines after them.
        """
        if not hasattr(self, "blPara"):
            return [frag.cbDefn.label for frag in self.frags if hasattr(frag, "cbDefn")]
        lines, labels = self._note_index()
        count = len(self.blPara.lines)
        low = bisect_left(lines, self._first_line)
        high = bisect_left(lines, self._first_line + count)
        return labels[low:high]

    def _note_index(self) -> tuple[list[int], list[str]]:
        found: tuple[list[int], list[str]] | None = getattr(self, "_notes_index", None)
        if found is None:
            numbers: list[int] = []
            labels: list[str] = []
            if self.blPara.kind == 1:
                for number, line in enumerate(self.blPara.lines):
                    for word in line.words:
                        if hasattr(word, "cbDefn"):
                            numbers.append(number)
                            labels.append(word.cbDefn.label)
            found = self._notes_index = (numbers, labels)
        return found


class _Text:
    """A paragraph's frags as one string, with the running width after each character.

    Widths come from the font's table of advances, once per character; a line then is a
    search in the running widths (`bisect`), not a walk over every character.
    """

    def __init__(self, frags: Sequence[Any]) -> None:
        chars: list[str] = []
        self.frags: list[Any] = []
        self.starts: list[int] = []
        self.ends = array("d", [0.0])
        """ends[i]: the width of the first i characters."""
        self.marker = bytearray()
        self.forced: list[int] = []
        """Positions after which a line must end (reportlab's ``<br/>``)."""
        offset = 0
        for frag in frags:
            text = frag.text if hasattr(frag, "text") else ""
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            text = text or _EMPTY  # a callback or a line break is a unit of its own
            self.frags.append(frag)
            self.starts.append(offset)
            chars.append(text)
            self.ends.extend(_running_widths(text, frag, self.ends[-1]))
            raised = hasattr(frag, "cbDefn") or bool(getattr(frag, "rise", 0))
            self.marker.extend(b"\x01" * len(text) if raised else b"\x00" * len(text))
            offset += len(text)
            if hasattr(frag, "lineBreak"):
                self.forced.append(offset)
        self.text = "".join(chars)

    def is_marker(self, index: int) -> bool:
        return bool(self.marker[index])

    def blank(self, index: int) -> bool:
        return self.text[index] == " " and not self.marker[index]

    def pieces(self, start: int, stop: int) -> list[tuple[Any, str]]:
        """(frag, text) of each frag the characters start..stop-1 belong to."""
        found: list[tuple[Any, str]] = []
        index = bisect_right(self.starts, start) - 1
        while index < len(self.frags) and self.starts[index] < stop:
            low = max(start, self.starts[index])
            high = min(stop, self.starts[index + 1] if index + 1 < len(self.starts) else stop)
            frag = self.frags[index]
            found.append((frag, "" if self.text[low] == _EMPTY else self.text[low:high]))
            index += 1
        return found


def _running_widths(text: str, frag: Any, before: float) -> Iterator[float]:
    """The running width after each character of `text` set in `frag`'s font."""
    if text == _EMPTY:
        return iter((before,))
    font = pdfmetrics.getFont(frag.fontName)
    face: Any = getattr(font, "face", None)
    table = getattr(face, "charWidths", None)
    size = frag.fontSize
    if table is None:  # not a TrueType font: ask reportlab character by character
        widths: Iterable[float] = (
            pdfmetrics.stringWidth(char, frag.fontName, size) for char in text
        )
    else:
        scale, default, get = 0.001 * size, face.defaultWidth, table.get
        widths = (scale * get(ord(char), default) for char in text)
    running = accumulate(widths, initial=before)
    next(running)
    return running


def _make_line(
    pieces: Sequence[tuple[Any, str]], max_width: float, width: float, forced: bool
) -> Any:
    """A reportlab `FragLine` of `pieces`, one word per frag."""
    words: list[Any] = []
    size = ascent = descent = 0.0
    for frag, text in pieces:
        word = frag.clone()
        word.text = text
        words.append(word)
        size = max(size, frag.fontSize)
        frag_ascent, frag_descent = getAscentDescent(frag.fontName, frag.fontSize)
        ascent, descent = max(ascent, frag_ascent), min(descent, frag_descent)
    line = FragLine(
        kind=1,
        extraSpace=max_width - width,
        wordCount=1,
        words=words,
        fontSize=size,
        ascent=ascent,
        descent=descent,
        maxWidth=max_width,
        currentWidth=width,
        lineBreak=forced,
    )
    setattr(line, _JUSTIFY_MARK, True)
    return line


def kinsoku_split(frags: Sequence[Any], max_widths: Sequence[float]) -> Any:
    """reportlab `ParaLines` for `frags`, broken by the rules of this module.

    Each line's end is found by a search in the running widths; only the few characters
    pushed down to the next line are looked at one by one.
    """
    para = _Text(frags)
    text, ends = para.text, para.ends
    lines: list[Any] = []
    start, count = 0, len(text)
    forced_at = iter(para.forced)
    next_forced = next(forced_at, count + 1)
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        while start < count and para.blank(start):
            start += 1
        if start >= count:
            break
        while next_forced <= start:
            next_forced = next(forced_at, count + 1)
        end = bisect_right(ends, ends[start] + max_width + _FUZZ) - 1
        end = min(max(end, start + 1), count)
        forced = next_forced <= end
        if forced:
            end = next_forced
        cut = end
        if end < count and not forced:
            while cut > start + 1 and not break_allowed(
                text[cut - 1],
                text[cut],
                before_marker=para.is_marker(cut - 1),
                after_marker=para.is_marker(cut),
            ):
                cut -= 1
            if cut <= start + 1:
                cut = end  # one unbreakable run wider than the line: cut it
        stop = cut
        while stop > start and para.blank(stop - 1):
            stop -= 1
        width = ends[stop] - ends[start]
        lines.append(_make_line(para.pieces(start, stop), max_width, width, forced))
        start = cut
    return ParaLines(kind=1, lines=lines)


class KinsokuParagraph(LinedParagraph):
    """A `Paragraph` (use it with ``wordWrap='CJK'``) that breaks lines by `kinsoku_split`."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, widths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        return self._kept(widths, lambda widths: kinsoku_split(self.frags, widths))


_stock_justify = _rl_paragraph._justifyDrawParaLineX


def _justify_cjk(tx: Any, offset: float, line: Any, last: int = 0) -> Any:
    """reportlab's justified line drawing, plus character spacing for kinsoku lines."""
    if (
        getattr(line, _JUSTIFY_MARK, False)
        and not last
        and not line.lineBreak
        and line.extraSpace > _FUZZ
    ):
        chars = sum(len(word.text) for word in line.words if not hasattr(word, "cbDefn"))
        if chars > 1:
            tx.setCharSpace(line.extraSpace / (chars - 1))
            try:
                return _stock_justify(tx, offset, line, last=1)
            finally:
                tx.setCharSpace(0)
    return _stock_justify(tx, offset, line, last)


def install_justification() -> None:
    """Make reportlab justify kinsoku lines; other paragraphs are drawn as before.

    reportlab looks the drawing function up as a module global at draw time, so the
    replacement must be installed there. It only acts on lines made by `kinsoku_split`.
    """
    if _rl_paragraph._justifyDrawParaLineX is not _justify_cjk:
        _rl_paragraph._justifyDrawParaLineX = _justify_cjk
