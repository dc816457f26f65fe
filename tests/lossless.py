"""Nothing lost: the characters of a resolution's body, counted in a source, a model and an output.

The comparison is a multiset of characters with all whitespace removed, so layout (line
breaks, indentation, how a writer splits runs) cannot hide a lost character and cannot
count as one. Brackets that only decorate a footnote marker (the UN's Arabic ``<sup>(</sup>``
around a note, and the empty "()" that opens its Arabic notes) are not text. The body is
everything but the metadata and the cover page.

`akn_body_text` reads an AKN file (the UN's or resconv's) with a few lines of lxml, written
apart from the reader; `model_text` walks a model. Writers' tests add their own extraction
(DOCX, PDF) and compare with `missing`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lxml import etree

from resconv.model import (
    Annex,
    Block,
    Heading,
    Inlines,
    OperativeParagraph,
    Paragraph,
    Part,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Table,
    plain_text,
)

__all__ = ["akn_body_text", "akn_links", "characters", "loss", "missing", "model_text"]

_NOT_BODY = frozenset({"meta", "coverPage", "collectionBody"})
_MARKER_BRACKETS = frozenset({"(", ")", "[", "]", "（", "）"})
_EMPTY_BRACKETS = re.compile(r"^\s*(?:[(（]\s*[)）]\s*)+")
_SPACE = re.compile(r"\s+")
_LINKS = frozenset({"a", "ref"})


def characters(text: str) -> Counter[str]:
    """The characters of `text`, whitespace aside, with their counts."""
    return Counter(_SPACE.sub("", text))


def missing(source: str, arrived: str) -> Counter[str]:
    """The characters of `source` that `arrived` lacks (with how many of each)."""
    return characters(source) - characters(arrived)


def loss(source: str, arrived: str) -> float:
    """The share of `source`'s characters missing from `arrived` (0.0 to 1.0)."""
    total = sum(characters(source).values())
    return sum(missing(source, arrived).values()) / total if total else 0.0


def akn_body_text(data: bytes) -> str:
    """The text of an AKN file's body: every element but metadata and cover page."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    out: list[str] = []
    _collect(root, out)
    return "".join(out)


def akn_links(data: bytes) -> Counter[tuple[str, str]]:
    """The links of an AKN file's body (``<a href>``, ``<ref href>``, footnotes included) as
    (target, text) pairs, whitespace removed from the text, with their counts. Links
    without text or to a place in the same file (``#…``) are not counted."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    found: Counter[tuple[str, str]] = Counter()
    _collect_links(root, found)
    return found


def _collect_links(node: etree._Element, found: Counter[tuple[str, str]]) -> None:
    name = _local(node)
    if name in _NOT_BODY:
        return
    href = (node.get("href") or "").strip()
    if name in _LINKS and href and not href.startswith("#"):
        text = _SPACE.sub("", "".join(map(str, node.itertext())))
        if text:
            found[(href, text)] += 1
    for child in node:
        if isinstance(child.tag, str):
            _collect_links(child, found)


def _local(node: etree._Element) -> str:
    tag = node.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _collect(node: etree._Element, out: list[str]) -> None:
    name = _local(node)
    if name in _NOT_BODY:
        return
    if name == "sup" and not len(node) and (node.text or "").strip() in _MARKER_BRACKETS:
        return
    text = node.text or ""
    if name == "authorialNote" or (name == "p" and _local(node.getparent()) == "authorialNote"):
        text = _EMPTY_BRACKETS.sub("", text)
    if isinstance(node.tag, str):
        out.append(text)
        for child in node:
            _collect(child, out)
            out.append(child.tail or "")


def model_text(resolution: Resolution) -> str:
    """Every text of the model's body, footnotes included, cover page aside."""
    return " ".join(_resolution(resolution))


def _resolution(r: Resolution, collection: str | None = None) -> Iterator[str]:
    # As the preface prints it: "67/38.", or "A" for resolution 75/101 A of a collection.
    if collection is not None and r.number.startswith(collection + " "):
        yield r.number[len(collection) + 1 :]
    else:
        yield f"{r.number}."
    yield plain_text(r.title)
    yield r.authority
    for paragraph in r.preamble:
        yield from _preambular(paragraph)
    yield from _blocks(r.operative)
    for part in r.parts:
        yield from _part(part)
    for note in r.footnotes:  # an empty "()" opening a note decorates its marker
        yield _EMPTY_BRACKETS.sub("", note.text or "")
    if r.adoption is not None:
        yield r.adoption.date_text
        yield r.adoption.meeting_text
    for annex in r.annexes:
        yield from _annex(annex)
    for component in r.components:
        yield from _resolution(component, r.number)


def _part(part: Part) -> Iterator[str]:
    yield part.number or ""
    yield plain_text(part.heading)
    for paragraph in part.preamble:
        yield from _preambular(paragraph)
    yield from _blocks(part.operative)
    for inner in part.parts:
        yield from _part(inner)


def _annex(annex: Annex) -> Iterator[str]:
    yield annex.label
    yield plain_text(annex.title)
    for paragraph in annex.preamble:
        yield from _preambular(paragraph)
    yield from _blocks(annex.body)
    for part in annex.parts:
        yield from _part(part)


def _preambular(paragraph: PreambularParagraph) -> Iterator[str]:
    yield from _texts(paragraph.content, paragraph.subparagraphs, paragraph.wrap_up)


def _blocks(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, OperativeParagraph):
            yield block.number or ""
            yield from _texts(block.content, block.subparagraphs, block.wrap_up)
        elif isinstance(block, Heading):
            yield block.number or ""
            yield plain_text(block.text)
        elif isinstance(block, Table):
            yield plain_text(block.caption)
            for row in block.rows:
                for cell in row.cells:
                    yield from (plain_text(p) for p in cell.content)
        elif isinstance(block, Paragraph):
            yield plain_text(block.content)


def _texts(
    content: Inlines, subparagraphs: tuple[Subparagraph, ...], wrap_up: Inlines
) -> Iterator[str]:
    yield plain_text(content)
    for sub in subparagraphs:
        yield sub.number
        yield from _texts(sub.content, sub.subparagraphs, sub.wrap_up)
    yield plain_text(wrap_up)
