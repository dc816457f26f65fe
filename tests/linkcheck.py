"""The links of a model compared with the UN's: what the reference recogniser is measured by.

`links` counts a model's links to documents as (symbol, printed text) pairs, comparing
targets as document symbols (undocs.org or docs.un.org, any language path; case and spaces
ignored; the letters of "A/RES/54/237A-C" aside), and merging neighbouring links to one
target (the UN's mark-up sometimes splits "78/43" into "7" and "8/43"). `unlinked` takes
the links off a model, leaving the text a text reader would have seen.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from resconv.model import Emphasis, FootnoteRef, Inlines, Reference, Resolution, Text

__all__ = ["Link", "links", "symbol_of", "unlinked"]

_DOCUMENT_LINK = re.compile(
    r"^https?://(?:www\.)?(?:undocs\.org|docs\.un\.org)/(?:(?i:en|fr|es|sp|ru|ar|zh|ch|de|ot)/)?"
    r"(?P<symbol>.+)$"
)
_LETTERS = re.compile(r"^(A/RES/\d+/\d+)[A-Z](?:-[A-Z])?$")
_SPACE = re.compile(r"\s+")

Link = tuple[str, str]
"""(document symbol, text as printed without spaces)."""


def symbol_of(target: str | None) -> str | None:
    """The document symbol a link names, for comparison; None for any other link."""
    match = _DOCUMENT_LINK.match((target or "").strip())
    if match is None:
        return None
    symbol = _SPACE.sub("", unquote(match.group("symbol"))).upper().rstrip("/")
    letters = _LETTERS.match(symbol)
    return letters.group(1) if letters else symbol


def links(resolution: Resolution) -> tuple[Counter[Link], int]:
    """The document links of a model's text (title aside), and how many other links it has."""
    found: Counter[Link] = Counter()
    other = 0
    for reference in _references(dataclasses.replace(resolution, title=())):
        text = _SPACE.sub("", "".join(_texts(reference.content)))
        symbol = symbol_of(reference.target)
        if symbol is None:
            other += reference.target is not None
        else:
            found[(symbol, text)] += 1
    return found, other


def _references(value: Any) -> Iterator[Reference]:
    """Every reference in `value`; neighbours with one target are one reference (the UN's
    mark-up sometimes splits a number into several links: "7", "8/43")."""
    if isinstance(value, Reference):
        yield value
    elif isinstance(value, tuple):
        merged: list[Any] = []
        for item in value:
            last = merged[-1] if merged else None
            if isinstance(item, Text) and not item.text.strip() and isinstance(last, Reference):
                merged[-1] = dataclasses.replace(last, content=(*last.content, item))
            elif (
                isinstance(item, Reference)
                and isinstance(last, Reference)
                and (last.target == item.target)
            ):
                merged[-1] = dataclasses.replace(last, content=last.content + item.content)
            else:
                merged.append(item)
        for item in merged:
            yield from _references(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _references(getattr(value, f.name))


def _texts(inlines: Inlines) -> Iterator[str]:
    for piece in inlines:
        if isinstance(piece, Text):
            yield piece.text
        elif isinstance(piece, Reference | Emphasis):
            yield from _texts(piece.content)


def unlinked(value: Any) -> Any:
    """`value` with every reference replaced by its text, neighbouring texts joined."""
    if isinstance(value, tuple):
        items = [unlinked(item) for item in value]
        if items and all(isinstance(i, Text | Reference | Emphasis | FootnoteRef) for i in items):
            return _joined(items)
        return tuple(items)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: unlinked(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if isinstance(getattr(value, f.name), tuple)
        }
        return dataclasses.replace(value, **changes) if changes else value
    return value


def _joined(items: list[Any]) -> tuple[Any, ...]:
    out: list[Any] = []
    for item in items:
        pieces = item.content if isinstance(item, Reference) else (item,)
        for piece in pieces:
            if isinstance(piece, Text) and out and isinstance(out[-1], Text):
                out[-1] = Text(text=out[-1].text + piece.text)
            else:
                out.append(piece)
    return tuple(out)
