"""Readers: bytes of one format in, a `Resolution` with diagnostics out.

Like writers, built-in readers are import strings loaded on demand. `detect_format`
chooses a reader from the bytes themselves, so that `resconv.read(path)` needs no hint.
"""

from __future__ import annotations

import importlib

from resconv.errors import UnknownFormatError

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from resconv.readers.protocol import Reader

__all__ = ["Reader", "available_readers", "detect_format", "get_reader"]

_BUILTIN: dict[str, str] = {
    "text": "resconv.readers.text:TextReader",
    "akn": "resconv.readers.akn:AknReader",
    "json": "resconv.readers.json:JsonReader",
    "pdf": "resconv.readers.pdf:PdfReader",
    "docx": "resconv.readers.docx:DocxReader",
}
_loaded: dict[str, Reader] = {}

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x84\x31\x95\x33")


def available_readers() -> list[str]:
    return sorted(_BUILTIN)


def get_reader(name: str) -> Reader:
    """The reader registered under `name`, created once per process."""
    if name not in _loaded:
        target = _BUILTIN.get(name)
        if target is None:
            known = ", ".join(available_readers())
            raise UnknownFormatError(f"unknown input format {name!r} (known: {known})")
        module_name, _, attribute = target.partition(":")
        _loaded[name] = getattr(importlib.import_module(module_name), attribute)()
    return _loaded[name]


def detect_format(data: bytes, filename: str | None = None) -> str:
    """The reader for `data`: "pdf", "docx", "akn" for XML, "json" for resconv's JSON,
    else "text".

    PDF and DOCX are told by their content. Other binary files (other zips, NUL bytes)
    go to the text reader, which refuses them with a message that says what they are.
    """
    if data[:1024].lstrip(b"\x00\t\r\n ").startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        from resconv.readers.docx.package import is_docx

        if is_docx(data):
            return "docx"
    head = data[:4096]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if head[:2] in (b"<\x00", b"\x00<"):
        return "akn"
    stripped = head.lstrip(b" \t\r\n")
    if stripped.startswith(b"<"):
        return "akn"
    if (filename or "").lower().endswith(".json"):
        return "json"  # any JSON value, or none: the JSON reader says what is wrong
    if stripped.startswith(b"{") and b'"resconv"' in head:
        return "json"
    if stripped[:1] in (b"{", b"[", b'"') and _is_json(data):
        return "json"  # a JSON value that is not resconv's: the JSON reader says so
    return "text"


def _is_json(data: bytes) -> bool:
    """Whether `data` is one JSON value (no resolution text is)."""
    import json

    try:
        json.loads(data)
    except RecursionError:  # nested deeper than Python parses: JSON, and unusable
        return True
    except ValueError:  # not JSON, or not decodable
        return False
    return True


def __getattr__(name: str) -> object:
    """`Reader` (a protocol: it imports `typing`), loaded when first asked for."""
    if name != "Reader":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from resconv.readers.protocol import Reader

    return Reader
