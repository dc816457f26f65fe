"""Page furniture and the footnote area, told apart from the text by position and repetition.

A UN page prints, besides the text: the masthead and cover block (page 1, kept: the text
reader reads it as the cover), a running header (symbol, running title), a footer (page
"n/N", job number, barcode, "Please recycle"), and the page's footnotes under a short
rule at the foot. Furniture lives in the top and bottom bands of the page and is either
of a known kind or repeated from page to page; the footnote area begins at the rule
(drawn, or typed as underscores) and holds lines set smaller than the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from resconv.readers.pdf.document import Line, Page
from resconv.readers.pdf.lines import is_superscript, order_lines, split_cells

__all__ = ["PageText", "sort_out"]

_BAND = 0.09
"""The top and bottom bands, as a share of the page height, where furniture is printed."""
_PAGE_NUMBER = re.compile(r"[-–—\s]*\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*")
_JOB_NUMBER = re.compile(r"\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?")
_SYMBOL = re.compile(r"A/(?:RES/)?(?:ES-\d+/)?\d{1,3}/\d{1,4}(?:/[A-Za-z0-9.]+)*")
_BARCODE = re.compile(r"\*\d{6,}\*")
_RECYCLE = re.compile(r"please\s+recycle", re.IGNORECASE)
_SEPARATOR = re.compile(r"[_\-‐‑–—]{8,}")
_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class PageText:
    """One page sorted out: what is text, what is the page's footnote area."""

    page: Page
    body: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    dropped: list[Line] = field(default_factory=list)
    job: list[Line] = field(default_factory=list)
    """Page 1's job-number line, which the cover keeps."""


def sort_out(pages: list[Page], title_words: set[str]) -> list[PageText]:
    """Each page's lines as body, footnotes or furniture."""
    ordered = [order_lines(page.lines) for page in pages]
    repeated = _repeated(pages, ordered)
    result = []
    for page, lines in zip(pages, ordered, strict=True):
        sorted_out = PageText(page=page)
        rule = _note_rule(page, lines)
        for line in lines:
            text = line.text.strip()
            if not text:
                continue
            band = _band(page, line) if not _is_note(line) else None
            running = title_words if band == "top" else set()
            if band and (_is_furniture(text, line, running) or _key(page, line) in repeated):
                if page.number == 1 and _JOB_NUMBER.search(text):
                    sorted_out.job.append(line)
                else:
                    sorted_out.dropped.append(line)
            elif _SEPARATOR.fullmatch(text):
                continue
            elif rule is not None and line.baseline < rule:
                sorted_out.notes.append(line)
            else:
                sorted_out.body.append(line)
        result.append(sorted_out)
    return result


def _is_note(line: Line) -> bool:
    """A footnote's first line: a raised marker, then words (a job number has none)."""
    first = line.spans[0]
    if not (is_superscript(first, line) and first.text.strip()):
        return False
    return any(char.isalpha() for span in line.spans[1:] for char in span.text)


def _band(page: Page, line: Line) -> str | None:
    if line.baseline > page.height * (1 - _BAND) and page.number > 1:
        return "top"
    if line.baseline < page.height * _BAND:
        return "bottom"
    return None


def _is_furniture(text: str, line: Line, title_words: set[str]) -> bool:
    if any("barcode" in span.font.lower() for span in line.spans):
        return True
    cells = [" ".join(cell.text.split()) for cell in split_cells(line)]
    for cell in cells or [text]:
        if _PAGE_NUMBER.fullmatch(cell) or _JOB_NUMBER.fullmatch(cell):
            continue
        if _SYMBOL.fullmatch(cell) or _BARCODE.fullmatch(cell) or _RECYCLE.search(cell):
            continue
        words = {word.lower() for word in _WORD.findall(cell)}
        if words and title_words and words <= title_words:
            continue  # the running title
        stripped = _PAGE_NUMBER.sub(" ", _JOB_NUMBER.sub(" ", _SYMBOL.sub(" ", cell))).strip()
        if not stripped:
            continue
        return False
    return True


def _key(page: Page, line: Line) -> tuple[int, str]:
    return round(line.baseline / 4), _DIGITS.sub("#", " ".join(line.text.split()))


def _repeated(pages: list[Page], ordered: list[list[Line]]) -> set[tuple[int, str]]:
    """Band lines printed at the same height with the same text (numbers aside) twice."""
    seen: Counter[tuple[int, str]] = Counter()
    for page, lines in zip(pages, ordered, strict=True):
        seen.update({_key(page, line) for line in lines if _band(page, line)})
    return {key for key, count in seen.items() if count > 1 and len(pages) > 2}


def _note_rule(page: Page, lines: list[Line]) -> float | None:
    """The height of the rule above the page's footnotes, if there is one."""
    candidates = [
        y
        for x0, x1, y in page.rules
        if x1 - x0 < 0.45 * page.width and page.height * _BAND < y < page.height * 0.6
    ]
    candidates += [
        line.baseline
        for line in lines
        if _SEPARATOR.fullmatch(line.text.strip()) and line.baseline < page.height * 0.6
    ]
    if not candidates:
        return None
    rule = max(candidates)
    below = [line for line in lines if line.baseline < rule and not _band(page, line)]
    above = [line for line in lines if line.baseline > rule and not _band(page, line)]
    if below and above and max(line.size for line in below) > _body_size(above) + 0.5:
        return None  # text below the rule is set as large as the text: not footnotes
    return rule


def _body_size(lines: list[Line]) -> float:
    sizes = Counter(round(line.size, 1) for line in lines)
    return sizes.most_common(1)[0][0] if sizes else 0.0
