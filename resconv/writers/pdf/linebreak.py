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

This touches reportlab internals that are not public API (`cjkU`, `getAscentDescent`,
`FragLine`, `ParaLines`, `_handleBulletWidth`, `_justifyDrawParaLineX`); reportlab is pinned to
5.1.x and `tests/writers/test_pdf_linebreak.py` pins each assumption.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import reportlab.platypus.paragraph as _rl_paragraph
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.platypus.paragraph import (
    FragLine,
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    cjkU,
)

__all__ = [
    "NO_END",
    "NO_START",
    "KinsokuParagraph",
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


def _glues(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in _GLUE_PUNCTUATION)


def _is_marker(unit: Any) -> bool:
    """A zero-width callback or a raised (superscript) character: a footnote marker."""
    frag = unit.frag
    return hasattr(frag, "cbDefn") or bool(getattr(frag, "rise", 0))


def break_allowed(before: Any, after: Any) -> bool:
    """Whether a line may end after `before` and the next begin with `after`."""
    if str(after) in NO_START or str(before) in NO_END:
        return False
    if _is_marker(after):
        return False
    if _glues(before) and _glues(after) and not _is_marker(before):
        return False
    return not (before == after and before in _PAIRED)


def _units(frags: Sequence[Any]) -> list[Any]:
    units: list[Any] = []
    for frag in frags:
        text = frag.text if hasattr(frag, "text") else ""
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if text:
            units.extend(cjkU(char, frag, "utf8") for char in text)
        else:
            units.append(cjkU("", frag, "utf8"))
    return units


def _make_line(units: Sequence[Any], max_width: float, width: float, forced: bool) -> Any:
    """A reportlab `FragLine` of `units`, one word per run of units from the same frag.

    reportlab's `makeCJKParaLine` does the same but compares every character's style
    with its neighbour's, the slowest step of laying out a Chinese page.
    """
    words: list[Any] = []
    size = ascent = descent = 0.0
    start = 0
    while start < len(units):
        frag = units[start].frag
        end = start + 1
        while end < len(units) and units[end].frag is frag:
            end += 1
        word = frag.clone()
        word.text = "".join(units[start:end])
        words.append(word)
        size = max(size, frag.fontSize)
        frag_ascent, frag_descent = getAscentDescent(frag.fontName, frag.fontSize)
        ascent, descent = max(ascent, frag_ascent), min(descent, frag_descent)
        start = end
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
    """reportlab `ParaLines` for `frags`, broken by the rules of this module."""
    units = _units(frags)
    lines: list[Any] = []
    start, count = 0, len(units)
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        while start < count and units[start] == " " and not _is_marker(units[start]):
            start += 1
        if start >= count:
            break
        end, used, forced = start, 0.0, False
        while end < count:
            if hasattr(units[end].frag, "lineBreak"):
                forced = True
                end += 1
                break
            if used + units[end].width > max_width + _FUZZ and end > start:
                break
            used += units[end].width
            end += 1
        cut = end
        if end < count and not forced:
            while cut > start + 1 and not break_allowed(units[cut - 1], units[cut]):
                cut -= 1
            if cut <= start + 1:
                cut = end  # one unbreakable run wider than the line: cut it
        stop = cut
        while stop > start and units[stop - 1] == " " and not _is_marker(units[stop - 1]):
            stop -= 1
        width = sum(unit.width for unit in units[start:stop])
        lines.append(_make_line(units[start:stop], max_width, width, forced))
        start = cut
    return ParaLines(kind=1, lines=lines)


class KinsokuParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A `Paragraph` (use it with ``wordWrap='CJK'``) that breaks lines by `kinsoku_split`."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, widths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        return kinsoku_split(self.frags, widths)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """reportlab's split, but the second part keeps the lines already broken.

        reportlab rebuilds the second part from the line frags with a space appended to
        every line, which would put spaces between Chinese characters if it re-broke
        differently.
        """
        lines = list(self.blPara.lines) if hasattr(self, "blPara") else []
        # reportlab appends that space to the line's own word objects: undo it afterwards.
        texts = [[word.text for word in line.words] for line in lines if hasattr(line, "words")]
        parts: list[Any] = super().split(availWidth, availHeight)
        if texts and len(texts) == len(lines):
            for line, originals in zip(lines, texts, strict=True):
                for word, text in zip(line.words, originals, strict=True):
                    word.text = text
            if len(parts) == 2 and self.style.wordWrap == "CJK":
                first, second = parts
                second.blPara = ParaLines(kind=1, lines=lines[len(first.blPara.lines) :])
                second._splitpara = 1
        return parts


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
