"""The PDF's text layer as lines of styled spans, through PDFium (pypdfium2).

The only module that talks to PDFium. PDFium's text page already decides where words
and lines break (it marks the spaces and line ends it adds as "generated"); each run of
characters drawn by one text object becomes a `Span` carrying that object's font, size,
style and position. Every page is closed before the next is opened, so memory is bounded
by one page; limits on the file, the pages, the objects and the characters bound the
time a hostile file can take.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import pypdfium2.raw as pdfium

from resconv.errors import InputDecodeError, StructureError
from resconv.lang.script import is_wide
from resconv.readers.pdf.guard import check_content

__all__ = ["LIMITS", "Limits", "Line", "Page", "Span", "read_pages", "require_text"]


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of a PDF resconv will read; beyond them the file is refused."""

    file_bytes: int = 64 * 1024 * 1024
    pages: int = 400
    objects_per_page: int = 60_000
    chars_per_page: int = 40_000
    chars: int = 2_000_000
    content_bytes: int = 32 * 1024 * 1024
    """Page content (all content streams, inflated) read before PDFium parses it."""
    operators: int = 300_000
    """Text, shape and image operators in all page content."""


LIMITS = Limits()


@dataclass(slots=True)
class Span:
    """Characters drawn by one text object on one line, in one style."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    font: str
    italic: bool
    bold: bool
    chars: list[tuple[str, float, float]] | None = None
    """Each character with its left and right edge, on pages with right-to-left text."""
    spaced: bool = False
    """PDFium put a space after the span (one the file does not draw)."""
    index: int = -1
    """The text page's index of the span's first character."""


@dataclass(slots=True)
class Line:
    """One printed line: its spans in reading order."""

    spans: list[Span]
    page: int
    """1-based page number."""
    rtl: bool = False
    _main: Span | None = None

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def x0(self) -> float:
        return min(span.x0 for span in self.spans)

    @property
    def x1(self) -> float:
        return max(span.x1 for span in self.spans)

    @property
    def baseline(self) -> float:
        return self.main.baseline

    @property
    def size(self) -> float:
        return self.main.size

    @property
    def main(self) -> Span:
        """The span that sets the line's size and baseline: the longest of the largest."""
        if self._main is None:
            self._main = max(self.spans, key=lambda s: (round(s.size, 1), len(s.text.strip())))
        return self._main

    def changed(self) -> None:
        """Spans were added or replaced: the main span is looked for again (whoever
        changes `spans` after `main` was read says so)."""
        self._main = None


@dataclass(slots=True)
class Page:
    """The lines of one page, and the short horizontal rules drawn on it."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    """Horizontal rules as (x0, x1, y): a footnote separator is one of them."""


_ITALIC_FLAG = 1 << 6  # PDF font descriptor flags, table 121
_BOLD_FLAG = 1 << 18
_ITALIC_NAMES = ("italic", "oblique")
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold")


@dataclass(frozen=True, slots=True)
class _Style:
    font: str
    italic: bool
    bold: bool
    size: float


def read_pages(data: bytes, *, source: str | None, limits: Limits = LIMITS) -> Iterator[Page]:
    """The pages of `data`, one at a time; refuses encrypted, damaged and oversized files."""
    if len(data) > limits.file_bytes:
        raise InputDecodeError(
            f"PDF of {len(data):,} bytes is over the {limits.file_bytes:,}-byte limit",
            source=source,
        )
    check_content(
        data, max_bytes=limits.content_bytes, max_operators=limits.operators, source=source
    )
    buffer = ctypes.create_string_buffer(data, len(data))
    document = pdfium.FPDF_LoadMemDocument64(buffer, len(data), None)
    if not document:
        raise _load_error(source)
    try:
        count = pdfium.FPDF_GetPageCount(document)
        if count > limits.pages:
            raise InputDecodeError(
                f"PDF of {count} pages is over the {limits.pages}-page limit", source=source
            )
        total = 0
        for index in range(count):
            page = _read_page(document, index, limits, source)
            total += sum(len(line.text) for line in page.lines)
            if total > limits.chars:
                raise InputDecodeError(
                    f"PDF text is over the {limits.chars:,}-character limit", source=source
                )
            yield page
    finally:
        _FACES.clear()
        pdfium.FPDF_CloseDocument(document)
        del buffer


def _load_error(source: str | None) -> InputDecodeError:
    code = pdfium.FPDF_GetLastError()
    if code == pdfium.FPDF_ERR_PASSWORD:
        return InputDecodeError("the PDF is encrypted (password protected)", source=source)
    if code == pdfium.FPDF_ERR_SECURITY:
        return InputDecodeError("the PDF uses an unsupported security handler", source=source)
    return InputDecodeError("not a readable PDF (damaged or not a PDF file)", source=source)


def _read_page(document: int, index: int, limits: Limits, source: str | None) -> Page:
    page = pdfium.FPDF_LoadPage(document, index)
    if not page:
        raise InputDecodeError(f"page {index + 1} of the PDF cannot be read", source=source)
    try:
        objects = pdfium.FPDFPage_CountObjects(page)
        if objects > limits.objects_per_page:
            raise InputDecodeError(
                f"page {index + 1} has {objects:,} objects, over the "
                f"{limits.objects_per_page:,} limit",
                source=source,
            )
        result = Page(
            number=index + 1,
            width=pdfium.FPDF_GetPageWidthF(page),
            height=pdfium.FPDF_GetPageHeightF(page),
        )
        result.rules = _rules(page, objects)
        textpage = pdfium.FPDFText_LoadPage(page)
        try:
            result.lines = _lines(textpage, index + 1, limits, source)
        finally:
            pdfium.FPDFText_ClosePage(textpage)
        return result
    finally:
        pdfium.FPDF_ClosePage(page)


def _rules(page: int, objects: int) -> list[tuple[float, float, float]]:
    """Thin horizontal paths: the rules above footnotes and under the masthead."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    found = []
    for index in range(objects):
        obj = pdfium.FPDFPage_GetObject(page, index)
        if pdfium.FPDFPageObj_GetType(obj) != pdfium.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        if top.value - bottom.value < 2.5 and right.value - left.value > 20:
            found.append((left.value, right.value, (top.value + bottom.value) / 2))
    return found


def _lines(textpage: int, page_no: int, limits: Limits, source: str | None) -> list[Line]:
    count = pdfium.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    if count > limits.chars_per_page:
        raise InputDecodeError(
            f"page {page_no} has {count:,} characters, over the {limits.chars_per_page:,} limit",
            source=source,
        )
    raw = (ctypes.c_ushort * (count + 1))()
    pdfium.FPDFText_GetText(textpage, 0, count, raw)
    text = ctypes.string_at(raw, count * 2).decode("utf-16-le", "replace")
    text = text.replace("\ufffe", "-")  # PDFium's mark for a hyphen that ends a line
    boxes = _RTL_TEXT.search(text) is not None
    styles: dict[int, _Style] = {}
    lines: list[Line] = []
    spans: list[Span] = []
    handle = ctypes.cast(textpage, ctypes.c_void_p).value
    start = 0
    current: int | None = None
    for index in range(count + 1):
        key = _object_at(handle, index) if index < count else None
        if key == current and index < count:
            continue
        if current is not None and index > start:
            style = styles.get(current)
            if style is None:
                style = styles[current] = _style(current)
            spans.append(_span(textpage, text, start, index, style, boxes))
        elif current is None and index > start:
            generated = text[start:index]
            if "\n" in generated or "\r" in generated:
                if spans:
                    lines.extend(_split(spans, page_no, textpage))
                spans = []
            elif spans and generated.strip() == "" and not spans[-1].spaced:
                spans[-1].text += " "
                spans[-1].spaced = True
        current, start = key, index
    if spans:
        lines.extend(_split(spans, page_no, textpage))
    return lines


def _style(address: int) -> _Style:
    obj = ctypes.cast(address, pdfium.FPDF_PAGEOBJECT)
    font = pdfium.FPDFTextObj_GetFont(obj)
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    face = _FACES.get(key)
    if face is None:
        face = _FACES[key] = _face(font)
    size = ctypes.c_float()
    pdfium.FPDFTextObj_GetFontSize(obj, size)
    matrix = pdfium.FS_MATRIX()
    pdfium.FPDFPageObj_GetMatrix(obj, matrix)
    scale = math.hypot(matrix.c, matrix.d) or 1.0
    # Without a bold face, a producer strokes the glyphs' outlines as well (fake bold).
    stroked = pdfium.FPDFTextObj_GetTextRenderMode(obj) in _STROKED_FILL
    # Without an italic face, a producer slants the glyphs (fake italic): a skewed matrix.
    slanted = abs(matrix.b) < 0.01 * scale and abs(matrix.c) > 0.1 * abs(matrix.d)
    return _Style(
        font=face[0],
        italic=face[1] or slanted,
        bold=face[2] or stroked,
        size=round(size.value * scale, 2),
    )


_STROKED_FILL = (2, 6)
"""Text render modes "fill, then stroke" (and with clipping)."""


_FACES: dict[int, tuple[str, bool, bool]] = {}
"""Font handle → (name, italic, bold); cleared with each document."""


def _face(font: Any) -> tuple[str, bool, bool]:
    if not font:
        return "", False, False
    buffer = ctypes.create_string_buffer(256)
    length = pdfium.FPDFFont_GetBaseFontName(font, buffer, 256)
    name = buffer.value.decode("latin-1") if length else ""
    flags = pdfium.FPDFFont_GetFlags(font)
    weight = pdfium.FPDFFont_GetWeight(font)
    lowered = name.lower().split("+")[-1]
    italic = bool(flags & _ITALIC_FLAG) or any(word in lowered for word in _ITALIC_NAMES)
    bold = (
        bool(flags & _BOLD_FLAG)
        or weight >= 600
        or any(word in lowered.replace("-", "") for word in _BOLD_NAMES)
    )
    return name, italic, bold


_EDGES = tuple(ctypes.c_double() for _ in range(6))
"""Out-parameters for PDFium's character boxes, reused."""

_GET_OBJECT = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_object_at = _GET_OBJECT(ctypes.cast(pdfium.FPDFText_GetTextObject, ctypes.c_void_p).value or 0)
"""PDFium's text object of a character, as a plain address (no pointer objects made)."""


def _span(textpage: int, text: str, start: int, end: int, style: _Style, boxes: bool) -> Span:
    left, right, bottom, top, x, y = _EDGES
    pdfium.FPDFText_GetCharOrigin(textpage, start, x, y)
    x0 = x.value
    pdfium.FPDFText_GetCharBox(textpage, end - 1, left, right, bottom, top)
    x1 = max(right.value, x0)
    if right.value < x0:  # a right-to-left run: its first character is drawn rightmost
        pdfium.FPDFText_GetCharBox(textpage, start, left, right, bottom, top)
        x0, x1 = min(x0, left.value, x1), max(right.value, x0)
    chars = None
    if boxes:
        chars = []
        loose = pdfium.FS_RECTF()
        for index in range(start, end):
            pdfium.FPDFText_GetLooseCharBox(textpage, index, loose)
            chars.append((text[index], loose.left, loose.right))
        x0 = min(x0, *(c[1] for c in chars))
        x1 = max(x1, *(c[2] for c in chars))
    return Span(
        index=start,
        chars=chars,
        text=text[start:end],
        x0=x0,
        x1=x1,
        baseline=y.value,
        size=style.size,
        font=style.font,
        italic=style.italic,
        bold=style.bold,
    )


def _untangle(textpage: int, line: Line) -> None:
    """Put a line drawn out of order into the order it stands in, character by character.

    Some producers draw the glyphs of a fallback font (the quotes around Chinese text, the
    commas of a Cyrillic heading) as one text object placed at several points of the line,
    over or beside the runs of the main font. A left-to-right line whose spans overlap or
    run backwards is rebuilt from each character's origin; runs of one style merge again.
    """
    spans = line.spans
    if not _tangled(spans) or any(span.index < 0 or span.chars is not None for span in spans):
        return  # in order; or a right-to-left page, ordered character by character elsewhere
    x, y = _EDGES[4], _EDGES[5]
    left, right, bottom, top = _EDGES[:4]
    placed: list[tuple[float, float, str, Span]] = []
    for span in spans:
        for offset, char in enumerate(span.text):
            pdfium.FPDFText_GetCharOrigin(textpage, span.index + offset, x, y)
            pdfium.FPDFText_GetCharBox(textpage, span.index + offset, left, right, bottom, top)
            placed.append((x.value, max(right.value, x.value), char, span))
    placed.sort(key=lambda item: item[0])  # stable: a generated space stays before its word
    rebuilt: list[Span] = []
    owner: Span | None = None
    reach, last = 0.0, " "
    pending = False  # a space met since the last letter
    for origin, edge, char, span in placed:
        if not char.strip():
            pending = pending or bool(last.strip())
            continue
        gap = origin - reach
        if rebuilt and (
            _word_gap(last, char, gap, span.size) or (pending and gap > 0.1 * span.size)
        ):
            rebuilt[-1].text += " "  # a space where the letters stand apart, wherever drawn
        pending = False
        reach, last = edge, char
        if rebuilt and span is owner:
            rebuilt[-1].text += char
            rebuilt[-1].x1 = max(rebuilt[-1].x1, edge)
        else:
            rebuilt.append(replace(span, text=char, x0=origin, x1=edge, spaced=False))
            owner = span
    line.spans = rebuilt
    line._main = None


def _word_gap(before: str, after: str, gap: float, size: float) -> bool:
    """Two letters set apart by more than a quarter em, neither of them a space or wide."""
    return (
        bool(before.strip())
        and bool(after.strip())
        and gap > 0.25 * size
        and not is_wide(before)
        and not is_wide(after)
    )


def _tangled(spans: list[Span]) -> bool:
    """Spans that overlap or run backwards, on a line without right-to-left text."""
    return any(
        later.x0 < earlier.x1 - 0.5 * max(earlier.size, later.size)
        for earlier, later in itertools.pairwise(spans)
    ) and not any(_RTL_TEXT.search(span.text) for span in spans)


def _split(spans: list[Span], page_no: int, textpage: int) -> list[Line]:
    """PDFium's line cut where the baseline jumps: it joins the lines around a hyphen."""
    lines = [Line(spans=[spans[0]], page=page_no)]
    for span in spans[1:]:
        last = lines[-1].spans[-1]
        if last.spaced and 0 <= span.x0 - last.x1 < 0.1 * span.size:
            last.text, last.spaced = last.text[:-1], False  # the glyphs touch: no space
        if abs(span.baseline - last.baseline) > 0.6 * max(span.size, last.size):
            lines.append(Line(spans=[span], page=page_no))
        else:
            lines[-1].spans.append(span)
    for line in lines:
        _untangle(textpage, line)
    return lines


_RTL_TEXT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
"""Hebrew and Arabic letters: a page with them is read character by character."""


def require_text(pages: list[Page], source: str | None) -> None:
    """A PDF without a text layer (scanned pages) needs OCR, which resconv does not do."""
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise StructureError(
            "the PDF has no text layer (scanned pages?): it needs OCR before resconv can read it",
            source=source,
        )
