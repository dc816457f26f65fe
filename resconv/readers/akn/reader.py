"""Reads Akoma Ntoso 3.0 resolutions (AKN4UN) back into the model.

Two dialects are read with the same code: resconv's own output (the skeleton of the
AKN4UN mapping spec) and the UN's production files (DGACM), which differ in eIds,
conclusions markup, sub-lists, headings and parts. Elements are matched by local name, so
a namespace slip does not hide content. Text is kept, never dropped: what the model has
no place for stays as text at its place, reported in the diagnostics with the element and
its line (an error with ``strict``).

The reading is split by what it reads, each module a set of functions over one `Reading`
(`context`): `nodes` (element access), `text` (whitespace), `inline` (text, footnotes,
references, emphasis), `blocks` (preamble, paragraphs, points, headings, parts), `tables`,
`meta` (identification, conclusions, cover page, vote) and `document` (the walk over a
resolution, its parts, annexes and a collection's components).
"""

from __future__ import annotations

from typing import ClassVar

from resconv import xmlsafe
from resconv.akn.schema import AKN_NS
from resconv.diagnostics import Diagnostics, Result
from resconv.model import Resolution
from resconv.readers.akn.context import Reading
from resconv.readers.akn.document import read_document

__all__ = ["AknReader"]


class AknReader:
    """Akoma Ntoso 3.0 (AKN4UN) in, `Resolution` out; parsed by `resconv.xmlsafe` only."""

    name: ClassVar[str] = "akn"

    def read(
        self,
        data: bytes,
        /,
        *,
        source: str | None = None,
        lang: str | None = None,
        strict: bool = False,
    ) -> Result[Resolution]:
        tree = xmlsafe.parse(data, source=source)
        diagnostics = Diagnostics(strict=strict, source=source)
        reading = Reading(tree.getroot(), diagnostics, source=source)
        root = tree.getroot()
        namespace = str(root.tag).partition("}")[0].lstrip("{") if "}" in str(root.tag) else None
        if namespace != AKN_NS:
            reading.warn(
                "akn-namespace",
                f"namespace {namespace!r} is not Akoma Ntoso 3.0; read by element names",
                root,
            )
        return Result(read_document(reading, lang), diagnostics.freeze())
