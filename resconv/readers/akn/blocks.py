"""Blocks of AKN: the preamble, paragraphs, points and lists, headings, tables and parts.

Paragraphs and points share one collector (`_Parts`): num, content/intro, points, lists,
wrap-up, headings and tables, in document order, before they become model objects. The
UN's sibling sub-lists, its headings set as bold paragraphs, its sections holding their
own preambular paragraphs (``crossHeading refersTo="#preamble"``), and resconv's own
nesting are all read here.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace

from lxml.etree import _Element

from resconv.lang.profile import TEXT_LANGUAGES, profile
from resconv.model import (
    Block,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    Paragraph,
    Part,
    PreambularParagraph,
    Subparagraph,
    Table,
    Text,
)
from resconv.readers.akn import inline, tables
from resconv.readers.akn.context import Reading
from resconv.readers.akn.nodes import (
    BLOCKS,
    HIERARCHY,
    INTROS,
    LISTS,
    POINTS,
    WRAPS,
    block_children,
    child_elements,
    first_child,
    local_name,
    ref_id,
    text_of,
)
from resconv.readers.akn.text import Piece, join_lines, normalise, normalise_text, plain

__all__ = [
    "SENTENCE_ENDS",
    "body_with_parts",
    "is_part_number",
    "preamble",
    "preambular",
]

_PREAMBLE_PARAGRAPHS = frozenset({"container", "p", "recital", "citation", "blockContainer"})
SENTENCE_ENDS = (".", ",", ";", ":", "。", "，", "；", "：", "،", "؛")
"""A paragraph ending so is text, even when set wholly in bold or italics."""
_PART_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-Z]|[0-9]+|[一二三四五六七八九十]+)[.．]?$")
"""How a part's number is printed on a line of its own: "I", "XII", "A.", "3", "二"."""
_NUMBER_IN_TEXT = re.compile(
    r"\s*(?P<num>\d{1,3}(?:[-.]\d{1,3})*(?:\s?[-–.])?[\u200e\u200f]*)\t"
    r"|\s*(?P<dashed>\d{1,3}(?:[-.]\d{1,3})*\s?[-–.][\u200e\u200f]*)(?:\s|$)"
)
"""An operative number printed inside the text of a paragraph without ``num``, as the
UN's files of some sessions have it: "\t1 -\t…" (Arabic), "10.\u200e\t…", "5\t…". A tab,
or a separator before a space or the end of the block's own text, must follow: "3.5
million" and "15 States" stay text."""
_LABEL_PATTERN = r"\(?(?:[a-z]{1,5}|[а-я])\)|\([^\W\d_]\)|\(\d{1,2}\)|[\u3220-\u3229]"
_LABEL = re.compile(_LABEL_PATTERN)
_LABEL_IN_TEXT = re.compile(rf"\s*(?P<label>{_LABEL_PATTERN})[\u200e\u200f]*[\t\u00a0]")
"""A subparagraph label printed inside the text, then a tab: "(a)\t", "ii)\t", "(أ)\t", "㈠\t"."""
_ROMAN = frozenset("ivxlc")
_CJK_LABEL = re.compile("[\u3220-\u3229]")
_PREAMBLE_IN_BODY = "preamble"
"""``crossHeading/@refersTo`` (UN) and ``hcontainer/@name`` (resconv) of preambular text
inside a part of the body."""


def is_part_number(text: str, language: str = "") -> bool:
    """Whether `text` is printed like the number of a part ("I", "A.", "二"), or, given
    the `language`, as its text profile prints a section number ("أولا")."""
    stripped = text.strip()
    if _PART_NUMBER.match(stripped):
        return True
    return language in TEXT_LANGUAGES and bool(profile(language).section_number.fullmatch(stripped))


@dataclass
class _Parts:
    """What a paragraph or point holds, collected before it becomes a model object."""

    number: str | None = None
    lead: list[Piece] = field(default_factory=list)
    initial_words: str = ""
    subparagraphs: list[Subparagraph] = field(default_factory=list)
    wrap_up: list[Piece] = field(default_factory=list)
    headings: list[tuple[str, Inlines, int]] = field(default_factory=list)
    """Headings met inside: (number or "", text, depth below the paragraph)."""
    tables: list[Table] = field(default_factory=list)
    """Tables met inside a paragraph's content: they stand after it."""


# -- preamble -------------------------------------------------------------------------------


def preamble(
    reading: Reading, node: _Element | None, *, formula_expected: bool = True
) -> tuple[str, tuple[PreambularParagraph, ...]]:
    """The enacting formula and the preambular paragraphs of a ``preamble``."""
    if node is None:
        if formula_expected:
            reading.warn("akn-no-authority", "no preamble: the enacting formula is empty")
        return "", ()
    authority: str | None = None
    paragraphs: list[PreambularParagraph] = []
    for child in child_elements(node):
        name = local_name(child)
        if name == "formula" and authority is None:
            authority = plain(inline.inlines(reading, block_children(child) or [child]))
            if child.get("name") not in (None, "enactingFormula"):
                reading.info(
                    "akn-formula", f"formula {child.get('name')!r} read as authority", child
                )
        elif name in _PREAMBLE_PARAGRAPHS or name in ("formula", "recitals", "citations"):
            if name in ("recitals", "citations"):
                for inner in child_elements(child, "recital", "citation"):
                    paragraphs.append(preambular(reading, inner))
            else:
                paragraphs.append(preambular(reading, child))
        else:
            if name != "blockList":
                reading.unexpected(child, "preamble")
            paragraphs.append(preambular(reading, child))
    if authority is None and formula_expected:
        reading.warn("akn-no-authority", "no enacting formula in the preamble", node)
    return authority or "", tuple(paragraphs)


def preambular(reading: Reading, node: _Element) -> PreambularParagraph:
    """One preambular paragraph: a container, a bare ``p``, a crossHeading, a paragraph."""
    name = local_name(node)
    if name in ("p", "crossHeading", "blockList"):
        parts = _parts_of(reading, [node], paragraph=False)
    else:
        parts = _parts(reading, node, paragraph=False)
    if parts.number is not None:
        reading.warn(
            "akn-preamble-num",
            f"a numbered preambular paragraph: {parts.number!r} kept at the start of the text",
            node,
        )
        parts.lead[:0] = [parts.number, " "]
    for table in parts.tables:
        reading.warn("akn-preamble-table", "a table in the preamble is kept as text", node)
        parts.wrap_up.extend([" ", *_table_pieces(table)])
    content = normalise(parts.lead, reading.language)
    return PreambularParagraph(
        initial_words=_checked_initial_words(reading, parts.initial_words, content, node),
        content=content,
        subparagraphs=tuple(parts.subparagraphs),
        wrap_up=normalise(parts.wrap_up, reading.language),
    )


def _table_pieces(table: Table) -> list[Piece]:
    out: list[Piece] = []
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.content:
                out.extend([plain(paragraph), " "])
    return out


def _checked_initial_words(reading: Reading, words: str, content: Inlines, node: _Element) -> str:
    if words and not plain(content).startswith(words):
        reading.warn(
            "akn-initial-words",
            f"initial words {words!r} are not the start of the paragraph; not kept",
            node,
        )
        return ""
    return words


# -- paragraphs and points ------------------------------------------------------------------


def _parts(reading: Reading, node: _Element, *, paragraph: bool) -> _Parts:
    """Everything inside a paragraph, point, container or list, in document order."""
    return _parts_of(reading, list(child_elements(node)), paragraph=paragraph)


def _parts_of(reading: Reading, nodes: list[_Element], *, paragraph: bool) -> _Parts:
    parts = _Parts()
    for child in nodes:
        _add_part(reading, parts, child, paragraph=paragraph)
    return parts


def _add_part(reading: Reading, parts: _Parts, child: _Element, *, paragraph: bool) -> None:
    name = local_name(child)
    if name == "num":
        text = normalise_text(text_of(child), reading.language)
        if parts.number is None:
            parts.number = text
        else:
            _append(parts, [text])
    elif name in ("heading", "subheading"):
        depth = 1 if name == "subheading" and parts.headings else 0
        parts.headings.append(("", inline.inlines(reading, [child]), depth))
        if not paragraph:
            reading.warn("akn-point-heading", "a heading inside a point is kept as text", child)
            _append(parts, inline.pieces(reading, [child]))
    elif name in ("content", *INTROS):
        for block in block_children(child) or [child]:
            _add_block(reading, parts, block, paragraph=paragraph)
    elif name in LISTS:
        _add_list(reading, parts, child)
    elif name in POINTS:
        parts.subparagraphs.append(_point(reading, child))
    elif name in WRAPS:
        if parts.wrap_up:
            parts.wrap_up.append(" ")
        parts.wrap_up.extend(inline.pieces(reading, block_children(child) or [child]))
    elif name in BLOCKS or name == "crossHeading":
        _add_block(reading, parts, child, paragraph=paragraph)
    elif name in HIERARCHY or name == "paragraph":
        reading.warn("akn-nested-paragraph", f"<{name}> inside a paragraph: text joined", child)
        inner = _parts(reading, child, paragraph=paragraph)
        _append(parts, [inner.number or "", " ", *inner.lead])
        parts.subparagraphs.extend(inner.subparagraphs)
    else:
        parent = child.getparent()
        reading.unexpected(child, local_name(parent) if parent is not None else "")
        _append(parts, inline.pieces(reading, [child]))


def _add_block(reading: Reading, parts: _Parts, block: _Element, *, paragraph: bool) -> None:
    name = local_name(block)
    if name in LISTS:
        _add_list(reading, parts, block)
        return
    if name in POINTS:
        parts.subparagraphs.append(_point(reading, block))
        return
    if name == "table":
        table = tables.table(reading, block)
        if paragraph:
            parts.tables.append(table)
        else:
            reading.warn("akn-point-table", "a table inside a point is kept as text", block)
            _append(parts, _table_pieces(table))
        return
    if name not in ("p", "block", "content", "crossHeading", *INTROS):
        reading.warn("akn-block", f"<{name}> has no place in the model; its text is kept", block)
    if parts.subparagraphs:
        if parts.wrap_up:
            parts.wrap_up.append(" ")
        parts.wrap_up.extend(inline.pieces(reading, [block]))
        return
    if not parts.lead:
        if paragraph and parts.number is None:
            block = _number_from_text(reading, parts, block)
        parts.initial_words = inline.initial_words(reading, block)
    elif any(isinstance(p, FootnoteRef) or (isinstance(p, str) and p.strip()) for p in parts.lead):
        reading.warn("akn-joined", "several blocks in one paragraph are joined by a space", block)
    _append(parts, inline.pieces(reading, [block]))


def _number_from_text(reading: Reading, parts: _Parts, block: _Element) -> _Element:
    """A paragraph without ``num`` whose text opens with its number: the number goes to
    `parts`, and the block is returned without it (a copy), so that the initial words
    after it are found; `block` itself when its text opens otherwise."""
    match = _NUMBER_IN_TEXT.match(block.text or "")
    if match is None:
        return block
    number = " ".join((match.group("num") or match.group("dashed")).split())
    parts.number = number
    reading.info(
        "akn-num-in-text",
        f"the paragraph's number {number!r} is printed inside its text; read as its number",
        block,
    )
    stripped = copy.deepcopy(block)
    stripped.text = (block.text or "")[match.end() :] or None
    return stripped


def _append(parts: _Parts, pieces: list[Piece]) -> None:
    if parts.lead:
        parts.lead.append(" ")
    parts.lead.extend(pieces)


def _add_list(reading: Reading, parts: _Parts, node: _Element) -> None:
    for child in child_elements(node):
        name = local_name(child)
        if name in INTROS or name in BLOCKS:
            if parts.subparagraphs:
                reading.warn(
                    "akn-late-intro", "list introduction after points: kept as wrap-up", child
                )
                if parts.wrap_up:
                    parts.wrap_up.append(" ")
                parts.wrap_up.extend(inline.pieces(reading, block_children(child) or [child]))
            else:
                _add_part(reading, parts, child, paragraph=False)
        elif name in POINTS:
            parts.subparagraphs.append(_point(reading, child))
        elif name in LISTS:
            # DGACM's sibling <sublist> after point (b) holds (b)'s own points.
            inner = _parts(reading, child, paragraph=False)
            if inner.lead:
                reading.warn("akn-sublist-intro", "text of a sublist kept as a point", child)
                inner.subparagraphs.insert(
                    0, Subparagraph(number="", content=normalise(inner.lead, reading.language))
                )
            if parts.subparagraphs and name == "sublist":
                last = parts.subparagraphs[-1]
                parts.subparagraphs[-1] = replace(
                    last, subparagraphs=last.subparagraphs + tuple(inner.subparagraphs)
                )
            else:
                parts.subparagraphs.extend(inner.subparagraphs)
        elif name in WRAPS or name == "num" or name in ("heading", "subheading"):
            _add_part(reading, parts, child, paragraph=False)
        else:
            reading.unexpected(child, local_name(node))
            _add_part(reading, parts, child, paragraph=False)


def _point(reading: Reading, node: _Element) -> Subparagraph:
    parts = _parts(reading, node, paragraph=False)
    if parts.number is None:
        reading.warn("akn-point-num", "a point without a number", node)
    return Subparagraph(
        number=parts.number or "",
        content=normalise(parts.lead, reading.language),
        subparagraphs=tuple(parts.subparagraphs),
        wrap_up=normalise(parts.wrap_up, reading.language),
    )


# -- the body -------------------------------------------------------------------------------


def body_with_parts(
    reading: Reading, body: _Element, *, depth: int = 0
) -> tuple[tuple[Block, ...], tuple[Part, ...]]:
    """The blocks of `body` before its first part, and its parts.

    A ``part``, or a hierarchy element (section, hcontainer …) holding preambular text,
    is a part; so are the hierarchy elements after the first part, and blocks between
    parts belong to the part before them.
    """
    return _body_of(reading, list(child_elements(body)), depth, local_name(body))


def _flush(
    reading: Reading,
    pending: list[_Element],
    leading: list[Block],
    parts: list[Part],
    depth: int,
    where: str,
) -> None:
    if not pending:
        return
    found = _blocks_of(reading, pending, depth, where)
    pending.clear()
    if not parts:
        leading.extend(found)
    elif found:
        last = parts[-1]
        parts[-1] = replace(last, operative=last.operative + tuple(found))


def _is_part(node: _Element) -> bool:
    """A ``part`` (resconv writes parts so), or a section holding its own preamble (UN)."""
    name = local_name(node)
    return name == "part" or (name in HIERARCHY and _has_own_preamble(node))


def _has_own_preamble(node: _Element) -> bool:
    for child in child_elements(node):
        name = local_name(child)
        if _is_preamble_in_body(child):
            return True
        if name == "hcontainer" and child.get("name") == _PREAMBLE_IN_BODY:
            return True
    return False


def _is_block_container(node: _Element) -> bool:
    """resconv's ``hcontainer`` around a table or a plain paragraph, not a part."""
    return local_name(node) == "hcontainer" and node.get("name") in ("table", "text")


def _part(reading: Reading, node: _Element, depth: int) -> Part:
    number, heading = _number_and_heading(reading, node)
    preambular_paragraphs: list[PreambularParagraph] = []
    rest: list[_Element] = []
    for child in child_elements(node):
        name = local_name(child)
        if name in ("num", "heading", "subheading"):
            continue
        if _is_preamble_in_body(child):
            preambular_paragraphs.append(preambular(reading, child))
        elif name == "hcontainer" and child.get("name") == _PREAMBLE_IN_BODY:
            for inner in child_elements(child):
                preambular_paragraphs.append(preambular(reading, inner))
        else:
            rest.append(child)
    operative, inner_parts = _body_of(reading, rest, 0, local_name(node))
    return Part(
        number=number,
        heading=heading,
        preamble=tuple(preambular_paragraphs),
        operative=operative,
        parts=inner_parts,
    )


def _body_of(
    reading: Reading, children: list[_Element], depth: int, where: str
) -> tuple[tuple[Block, ...], tuple[Part, ...]]:
    if any(_is_preamble_in_body(c) for c in children):
        return _flat_parts(reading, children, depth, where)
    first = next((i for i, c in enumerate(children) if _is_part(c)), None)
    if first is None:
        return tuple(_blocks_of(reading, children, depth, where)), ()
    leading: list[Block] = []
    parts: list[Part] = []
    pending: list[_Element] = []
    for index, child in enumerate(children):
        if _is_part(child) or (
            index > first and local_name(child) in HIERARCHY and not _is_block_container(child)
        ):
            _flush(reading, pending, leading, parts, depth, where)
            parts.append(_part(reading, child, depth))
        else:
            pending.append(child)
    _flush(reading, pending, leading, parts, depth, where)
    return tuple(leading), tuple(parts)


@dataclass
class _FlatPart:
    """A part of a flat body being collected: heading lines, preamble, the rest."""

    headings: list[_Element] = field(default_factory=list)
    preamble: list[_Element] = field(default_factory=list)
    rest: list[_Element] = field(default_factory=list)


def _flat_parts(
    reading: Reading, children: list[_Element], depth: int, where: str
) -> tuple[tuple[Block, ...], tuple[Part, ...]]:
    """Parts that the UN writes flat in the body: "I" and the title as ``subheading``s,
    then ``crossHeading refersTo="#preamble"`` paragraphs, then operative paragraphs.

    A part starts at a run of sub-headings, or at preambular text after operative text.
    """
    leading: list[_Element] = []
    found: list[_FlatPart] = []
    run: list[_Element] | None = None
    """Where the sub-headings of the current run go: a part's headings, or its blocks."""
    for index, child in enumerate(children):
        name = local_name(child)
        current = found[-1] if found else None
        if name != "subheading":
            run = None
        if name == "subheading" and run is not None:
            run.append(child)  # the next line of the same heading
        elif name == "subheading":
            if current is None or current.preamble or current.rest:
                if current is not None and not _opens_part(reading, children, index):
                    run = current.rest  # a sub-heading inside the part
                    run.append(child)
                    continue
                found.append(_FlatPart())
            run = found[-1].headings
            run.append(child)
        elif _is_preamble_in_body(child):
            if current is None or current.rest:
                found.append(_FlatPart())
            found[-1].preamble.append(child)
        elif current is None:
            leading.append(child)
        else:
            current.rest.append(child)
    parts: list[Part] = []
    for flat in found:
        lines = [inline.inlines(reading, [h]) for h in flat.headings]
        number = None
        if lines and is_part_number(plain(lines[0]), reading.language):
            number = plain(lines.pop(0))
        paragraphs = tuple(preambular(reading, node) for node in flat.preamble)
        operative, inner = _body_of(reading, flat.rest, 0, where)
        parts.append(
            Part(
                number=number,
                heading=join_lines(lines, reading.language),
                preamble=paragraphs,
                operative=operative,
                parts=inner,
            )
        )
    return tuple(_blocks_of(reading, leading, depth, where)), tuple(parts)


def _opens_part(reading: Reading, children: list[_Element], index: int) -> bool:
    """Whether the run of sub-headings at `index` opens a part: it starts with a part
    number ("II"), or preambular text follows it."""
    first = normalise_text(text_of(children[index]), reading.language)
    if is_part_number(first, reading.language):
        return True
    for following in children[index + 1 :]:
        if local_name(following) != "subheading":
            return _is_preamble_in_body(following)
    return False


def _is_preamble_in_body(node: _Element) -> bool:
    return local_name(node) == "crossHeading" and ref_id(node.get("refersTo")) == _PREAMBLE_IN_BODY


def _number_and_heading(reading: Reading, node: _Element) -> tuple[str | None, Inlines]:
    """A part's number and heading: from ``num``/``heading``, or from the UN's
    ``subheading``s ("I", then the title)."""
    number_node = first_child(node, "num")
    number = (
        normalise_text(text_of(number_node), reading.language) if number_node is not None else None
    )
    lines = list(child_elements(node, "heading", "subheading"))
    titles = [inline.inlines(reading, [c]) for c in lines]
    if (
        number is None
        and len(titles) > 1
        and local_name(lines[0]) == "subheading"
        and is_part_number(plain(titles[0]), reading.language)
    ):
        number = plain(titles.pop(0))  # the UN's "I" on a sub-heading line of its own
    if len(titles) > 1:
        reading.info("akn-part-heading", "a part's several headings are joined by a space", node)
    return number, join_lines(titles, reading.language)


def _blocks_of(reading: Reading, nodes: list[_Element], depth: int, where: str) -> list[Block]:
    out: list[Block] = []
    for node in nodes:
        name = local_name(node)
        if name in ("p", "content") and _is_blank(node):
            continue  # the placeholder that keeps an empty body or section valid
        if _is_block_container(node):
            out.extend(_block_container(reading, node))
        elif name in HIERARCHY:
            out.extend(_hierarchy(reading, node, depth))
        elif name in ("crossHeading", "subheading"):
            heading = Heading(number=None, text=inline.inlines(reading, [node]), level=depth + 1)
            _add_heading(reading, out, heading)
        elif name == "table":
            out.append(tables.table(reading, node))
        elif name == "container":
            out.extend(_container(reading, node, depth))
        elif name in ("componentRef", "documentRef"):
            reading.warn("akn-not-kept", f"<{name}> has no place in the model", node)
        else:
            if name not in ("paragraph", "intro", "wrapUp", *POINTS, *LISTS, *BLOCKS):
                reading.unexpected(node, where)
                if _holds_text(node):  # its own text would be lost in the paragraph reading
                    out.append(Paragraph(content=inline.inlines(reading, [node])))
                    continue
            found = _paragraph(reading, node, depth)
            if len(found) == 1 and isinstance(found[0], Heading):
                _add_heading(reading, out, found[0])
            elif (
                name != "paragraph" or not _attach_labelled(reading, node, found, out)
            ) and not _number_the_text(reading, node, found, out):
                out.extend(found)
    return out


def _number_the_text(
    reading: Reading, node: _Element, found: list[Block], out: list[Block]
) -> bool:
    """An unnumbered paragraph after a paragraph that is only its number ("1." on its
    own, the text set in the next paragraph, as some of the UN's files have them): one
    numbered paragraph. Returns whether `found` was added so."""
    last = out[-1] if out else None
    paragraph = found[0] if len(found) == 1 else None
    if not (
        isinstance(last, OperativeParagraph)
        and last.number is not None
        and not (last.content or last.subparagraphs or last.wrap_up)
        and isinstance(paragraph, OperativeParagraph)
        and paragraph.number is None
        and paragraph.content
    ):
        return False
    reading.info(
        "akn-number-alone",
        f"a paragraph holding only the number {last.number!r} numbers the paragraph after it",
        node,
    )
    out[-1] = replace(paragraph, number=last.number)
    return True


def _add_heading(reading: Reading, out: list[Block], heading: Heading) -> None:
    """`heading` after `out`; a heading that is only a part number ("I", on a line of
    its own in the UN's files), or a numbered paragraph with nothing in it but a part
    number, and this heading's text are one heading."""
    last = out[-1] if out else None
    if (
        isinstance(last, Heading)
        and last.number is None
        and heading.number is None
        and last.level == heading.level
        and is_part_number(plain(last.text), reading.language)
        and not is_part_number(plain(heading.text), reading.language)
    ):
        out[-1] = replace(last, number=plain(last.text), text=heading.text)
        return
    if (
        isinstance(last, OperativeParagraph)
        and last.number is not None
        and not last.content
        and not last.subparagraphs
        and not last.wrap_up
        and heading.number is None
        and is_part_number(last.number, reading.language)
    ):
        reading.info(
            "akn-number-before-heading",
            f"an empty paragraph numbered {last.number!r} before a heading is its number",
        )
        out[-1] = replace(heading, number=last.number)
        return
    out.append(_number_apart(reading, heading))


def _number_apart(reading: Reading, heading: Heading) -> Heading:
    """`heading` with the part number its text opens with ("I\tConvention …") as its
    number, as a reader of the printed line takes it."""
    only = heading.text[0] if len(heading.text) == 1 else None
    if heading.number is not None or not isinstance(only, Text):
        return heading
    found = _HEADING_LINE.fullmatch(only.text.strip())
    if found is None or not is_part_number(found["num"], reading.language):
        return heading
    reading.info("akn-heading-number", f"the heading's number {found['num']!r} read apart")
    return replace(heading, number=found["num"], text=(Text(text=found["title"]),))


def _opens_list(paragraph: OperativeParagraph) -> bool:
    """Whether `paragraph` ends with a colon: the list under it follows."""
    return plain(paragraph.content).rstrip().endswith((":", "："))


def _attach_labelled(
    reading: Reading, node: _Element, found: list[Block], out: list[Block]
) -> bool:
    """A paragraph that is a subparagraph of the numbered paragraph before it, as some of
    the UN's files have them: its ``num`` is a subparagraph label ("(a)"), or it has no
    ``num`` and prints the label inside its text ("\t(a)\t…"). It goes below the last
    subparagraph when its label goes deeper."""
    owner = out[-1] if out else None
    paragraph = found[0] if len(found) == 1 else None
    if (
        not isinstance(owner, OperativeParagraph)
        or (owner.number is None and not owner.subparagraphs and not _opens_list(owner))
        or owner.wrap_up
        or not isinstance(paragraph, OperativeParagraph)
    ):
        return False
    if paragraph.number is not None:
        if not _LABEL.fullmatch(paragraph.number):
            return False
        label, content = paragraph.number, paragraph.content
        where = "as its number"
    else:
        match = _LABEL_IN_TEXT.match(_opening_text(node))
        first = paragraph.content[0] if paragraph.content else None
        if match is None or not isinstance(first, Text):
            return False
        label = match.group("label")
        if not first.text.startswith(label):
            return False
        rest = first.text[len(label) :].lstrip()
        content = ((Text(text=rest),) if rest else ()) + paragraph.content[1:]
        where = "inside its text"
    if not content:
        return False
    reading.info(
        "akn-label-in-text",
        f"a paragraph with the label {label!r} {where} is read as a subparagraph of the "
        "paragraph before it",
        node,
    )
    new = Subparagraph(
        number=label,
        content=content,
        subparagraphs=paragraph.subparagraphs,
        wrap_up=paragraph.wrap_up,
    )
    out[-1] = replace(owner, subparagraphs=_nest(owner.subparagraphs, new))
    return True


def _opening_text(node: _Element) -> str:
    """The text of `node` up to its first inline element: where a label is printed."""
    for element in node.iter():
        if isinstance(element.tag, str) and local_name(element) == "p":
            return element.text or ""
    return ""


def _nest(subs: tuple[Subparagraph, ...], new: Subparagraph) -> tuple[Subparagraph, ...]:
    """`subs` with `new` after the last one, or below it when its label is a roman
    numeral after a letter ("(i)" after "(a)"; "(i)" after "(h)" is a letter), or a
    Chinese parenthesised number after a letter ("㈠" after "(b)")."""
    last = subs[-1] if subs else None
    if last is None or not _deeper(new.number, last.number):
        return (*subs, new)
    return (*subs[:-1], replace(last, subparagraphs=_nest(last.subparagraphs, new)))


def _deeper(label: str, previous: str) -> bool:
    inner, before = label.strip("()"), previous.strip("()")
    if _CJK_LABEL.fullmatch(inner):  # "㈠" under "(b)": Chinese numbers the second level so
        return before.isascii() and before.isalpha()
    if not inner or not set(inner) <= _ROMAN or not before.isalpha():
        return False
    if len(inner) == 1 and len(before) == 1 and ord(inner) == ord(before) + 1:
        return False  # "(i)" after "(h)", "(v)" after "(u)", "(x)" after "(w)"
    return not set(before) <= _ROMAN


def _holds_text(node: _Element) -> bool:
    """Whether `node` has text of its own, outside its child elements."""
    return bool((node.text or "").strip()) or any((c.tail or "").strip() for c in node)


def _block_container(reading: Reading, node: _Element) -> list[Block]:
    """resconv's ``hcontainer name="table"`` and ``hcontainer name="text"``."""
    out: list[Block] = []
    for child in child_elements(node):
        if local_name(child) != "content":
            reading.unexpected(child, "hcontainer")
        for block in block_children(child) or [child]:
            if local_name(block) == "table":
                out.append(tables.table(reading, block))
            else:
                out.append(Paragraph(content=inline.inlines(reading, [block])))
    return out


def _container(reading: Reading, node: _Element, depth: int) -> list[Block]:
    """The UN's ``container`` in the body: around a table, or around paragraphs."""
    out: list[Block] = []
    for child in child_elements(node):
        name = local_name(child)
        if name == "table":
            out.append(tables.table(reading, child))
        elif name == "p":
            out.append(Paragraph(content=inline.inlines(reading, [child])))
        else:
            out.extend(_blocks_of(reading, [child], depth, "container"))
    return out


def _hierarchy(reading: Reading, node: _Element, depth: int) -> list[Block]:
    number, heading = _number_and_heading(reading, node)
    out: list[Block] = []
    if heading or number is not None:
        out.append(Heading(number=number, text=heading, level=depth + 1))
    inner = [
        c for c in child_elements(node) if local_name(c) not in ("num", "heading", "subheading")
    ]
    out.extend(_blocks_of(reading, inner, depth + (1 if out else 0), local_name(node)))
    return out


def _paragraph(reading: Reading, node: _Element, depth: int) -> list[Block]:
    name = local_name(node)
    if name in BLOCKS or name in LISTS or name in POINTS:
        parts = _parts_of(reading, [node], paragraph=True)
    else:
        parts = _parts(reading, node, paragraph=True)
    out: list[Block] = []
    heading_number = parts.number if parts.headings and not _has_body(parts) else None
    for index, (_, text, extra) in enumerate(parts.headings):
        out.append(
            Heading(
                number=heading_number if index == 0 else None,
                text=text,
                level=depth + 1 + extra,
            )
        )
    if _has_body(parts) or not (parts.headings or parts.tables):
        if not _has_body(parts) and parts.number is None:
            reading.info("akn-empty-paragraph", "an empty unnumbered paragraph", node)
        content = normalise(parts.lead, reading.language)
        if _is_emphasised_heading(parts, content, reading.language):
            reading.info(
                "akn-emphasis-heading",
                "a paragraph set wholly in bold or italics, unnumbered or numbered as a part, "
                "is read as a heading",
                node,
            )
            heading = Heading(number=parts.number, text=content, level=depth + 1)
            return [heading, *parts.tables]
        numbered = _numbered_heading_line(parts, reading.language)
        if numbered is not None:
            reading.info(
                "akn-numbered-heading-line",
                "an unnumbered paragraph holding a part number and a title is a heading",
                node,
            )
            number, title = numbered
            title_inlines = normalise([title], reading.language)
            return [Heading(number=number, text=title_inlines, level=depth + 1), *parts.tables]
        out.append(
            OperativeParagraph(
                number=parts.number,
                initial_words=_checked_initial_words(reading, parts.initial_words, content, node),
                content=content,
                subparagraphs=tuple(parts.subparagraphs),
                wrap_up=normalise(parts.wrap_up, reading.language),
            )
        )
    elif parts.number is not None and not parts.headings:
        reading.warn("akn-table-number", f"number {parts.number!r} of a table is not kept", node)
    out.extend(parts.tables)
    return out


def _is_emphasised_heading(parts: _Parts, content: Inlines, language: str) -> bool:
    """The UN's files set sub-headings as a paragraph holding one bold span, some of
    them numbered as parts are ("II." and a bold "Background")."""
    text = plain(content)
    return (
        (parts.number is None or _is_heading_number(parts.number, language))
        and not parts.subparagraphs
        and not parts.wrap_up
        and bool(parts.initial_words)
        and text == parts.initial_words
        and all(not isinstance(piece, FootnoteRef) for piece in content)
        and not text.endswith(SENTENCE_ENDS)
    )


def _numbered_heading_line(parts: _Parts, language: str) -> tuple[str, str] | None:
    """The part number and title of a short unnumbered paragraph that prints them apart
    ("二\t我们所处的当今世界", "IV. Follow-up"): a Roman or Chinese number, then a title
    without closing punctuation or notes; None for other paragraphs."""
    if parts.number is not None or parts.subparagraphs or parts.wrap_up:
        return None
    if not all(isinstance(piece, str) for piece in parts.lead):
        return None
    text = "".join(piece for piece in parts.lead if isinstance(piece, str)).strip()
    found = _HEADING_LINE.fullmatch(text)
    if found is None or text.endswith(SENTENCE_ENDS) or not is_part_number(found["num"], language):
        return None
    return found["num"], found["title"]


_HEADING_LINE = re.compile(
    r"(?P<num>(?:[IVXLC]+|[一二三四五六七八九十]+)[.．]?)[\t ]+(?P<title>\S[^\n]{0,320})"
)
"""A part number and a title on one line, apart ("IV. Follow-up", "二 我们的承诺")."""


def _is_heading_number(number: str, language: str) -> bool:
    """A part's number ("II.", "B", "二"), not an operative paragraph's ("3.")."""
    return not number.strip().rstrip(".．").isdigit() and is_part_number(number, language)


def _is_blank(node: _Element) -> bool:
    return not text_of(node).strip() and not any(
        local_name(n) in ("authorialNote", "noteRef", "table") for n in node.iter()
    )


def _has_body(parts: _Parts) -> bool:
    return bool(
        any(isinstance(p, FootnoteRef) or (isinstance(p, str) and p.strip()) for p in parts.lead)
        or parts.subparagraphs
        or parts.wrap_up
    )
