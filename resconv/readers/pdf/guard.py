"""A look at a PDF's page content before PDFium parses it.

PDFium parses a page's whole content when the page is loaded: a 75 KB file whose page
draws a million tiny text objects takes it 14 s and 500 MB, and a compressed stream can
inflate to gigabytes. So every compressed stream that can hold page content (not fonts,
images or cross-reference data) is inflated here first, a bounded amount at a time, and
the drawing operators in it counted; past the limits the file is refused before any
page is loaded.
"""

from __future__ import annotations

import re
import zlib

from resconv.errors import InputDecodeError

__all__ = ["check_content"]

_STREAM = re.compile(rb">>\s*stream\r?\n")
_DICTIONARY_REACH = 4096
"""How far before `stream` its dictionary is looked for."""
_NOT_CONTENT = re.compile(
    rb"/Length[123]\b|/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType)\b"
    rb"|/Type\s*/(?:XRef|ObjStm|Metadata|EmbeddedFile)\b"
)
_FLATE = re.compile(rb"/Filter\s*(?:\[\s*)?/FlateDecode\b")
_OPERATORS = (b"Tj", b"TJ", b" re", b"Do", b"BI")
"""Operators that draw an object of their own (a count, not a parse: a bound)."""
_CHUNK = 1 << 20


def check_content(data: bytes, *, max_bytes: int, max_operators: int, source: str | None) -> None:
    """Refuse `data` when its content streams inflate or draw beyond the limits."""
    inflated = 0
    operators = 0
    for match in _STREAM.finditer(data):
        window = data[max(0, match.start() - _DICTIONARY_REACH) : match.start()]
        dictionary = window[window.rfind(b"obj") + 1 :]
        if _NOT_CONTENT.search(dictionary):
            continue
        start = match.end()
        end = data.find(b"endstream", start)
        raw = data[start : end if end >= 0 else len(data)]
        flate = _FLATE.search(dictionary)
        chunks = _inflate(raw, max_bytes - inflated) if flate else [raw]
        for chunk in chunks:
            inflated += len(chunk)
            operators += sum(chunk.count(operator) for operator in _OPERATORS)
        if inflated > max_bytes:
            raise InputDecodeError(
                f"PDF page content inflates to more than {max_bytes:,} bytes", source=source
            )
        if operators > max_operators:
            raise InputDecodeError(
                f"PDF draws more than {max_operators:,} objects (text, shapes, images): "
                "too many to read safely",
                source=source,
            )


def _inflate(raw: bytes, budget: int) -> list[bytes]:
    """The inflated stream, never more than `budget` + one chunk bytes of it."""
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    pending = raw
    try:
        while pending and size <= budget:
            chunk = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            if not chunk:
                break
            out.append(chunk)
            size += len(chunk)
    except zlib.error:
        return out  # damaged: PDFium decides what it can show
    return out
