"""The walk over one AKN document: a resolution, its parts, its annexes, or a collection.

Three shapes of the UN's files are read here besides the plain one: a
``documentCollection`` (resolutions A, B … under one number, each a component), a
``statement`` whose body is repeated ``preamble``/``mainBody`` pairs (each pair one part,
its heading printed as the closing lines of the ``mainBody`` before it), and a statement
without a ``mainBody``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml.etree import _Element

from resconv.akn.schema import RESCONV_EID
from resconv.errors import StructureError
from resconv.model import (
    Annex,
    Block,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    Part,
    PreambularParagraph,
    Resolution,
    Text,
)
from resconv.readers.akn import blocks, inline, meta
from resconv.readers.akn.context import Reading
from resconv.readers.akn.nodes import (
    child_elements,
    descendants,
    first_child,
    line_of,
    local_name,
    ref_id,
)
from resconv.readers.akn.text import join_lines, plain

__all__ = ["read_document"]

AKN_DOCUMENT_TYPES = ("documentCollection", "statement", "doc", "act", "bill")
_BODIES = ("mainBody", "body", "mainContent", "judgmentBody", "debateBody")

_ANNEX_LABELS: dict[str, tuple[str, ...]] = {
    "ar": ("المرفق", "مرفق"),
    "zh": ("附件",),
    "en": ("Annex",),
    "fr": ("Annexe",),
    "ru": ("Приложение",),
    "es": ("Anexo",),
    "de": ("Anlage", "Anhang"),
}
"""How an annex label begins in each language, to tell it from the annex title."""


def read_document(reading: Reading, lang: str | None) -> Resolution:
    """The resolution (or collection of resolutions) of the whole file."""
    doc = _document_element(reading)
    reading.language = meta.language_of(reading, lang)
    if local_name(doc) == "documentCollection":
        return _collection(reading, doc)
    resolution = _resolution(reading, doc)
    meta.report_summary(reading, doc)
    return resolution


def _document_element(reading: Reading) -> _Element:
    root = reading.root
    if local_name(root) != "akomaNtoso":
        raise StructureError(
            f"root element is <{local_name(root) or root.tag}>, not <akomaNtoso>: "
            "not an Akoma Ntoso document",
            source=reading.source,
            line=line_of(root),
        )
    doc = first_child(root, *AKN_DOCUMENT_TYPES)
    if doc is None:
        doc = first_child(root)
    if doc is None:
        raise StructureError("<akomaNtoso> is empty", source=reading.source)
    if local_name(doc) not in ("statement", "documentCollection"):
        reading.info("akn-doctype", f"document type <{local_name(doc)}> read as a resolution", doc)
    return doc


# -- one resolution -------------------------------------------------------------------------


def _resolution(reading: Reading, doc: _Element, collection: str | None = None) -> Resolution:
    meta_node = first_child(doc, "meta")
    cover = first_child(doc, "coverPage")
    number, symbol = meta.number_and_symbol(reading, doc, meta_node, cover)
    if collection is not None and not number.startswith(collection):
        number = f"{collection} {number}"  # component "A" of 75/101 is 75/101 A
        if symbol == f"A/RES/{collection}" or not symbol.endswith(number):
            symbol = f"A/RES/{number}"
    title = meta.title(reading, doc, cover)
    number, title = meta.further_preface_lines(reading, doc, number, title)
    closing = meta.closing_lines(reading, doc)  # before the body: they leave it
    authority, preamble, operative, parts = _body(reading, doc)
    annexes = _annexes(reading, doc)  # before the footnotes: annexes have notes too
    return Resolution(
        symbol=symbol,
        number=number,
        language=reading.language,
        title=title,
        authority=authority,
        preamble=preamble,
        operative=operative,
        parts=parts,
        footnotes=tuple(reading.footnotes.values()),
        adoption=meta.adoption(reading, doc, meta_node, cover, closing),
        annexes=annexes,
        cover=meta.cover_page(reading, cover, meta_node),
        vote=meta.vote(reading, meta_node),
    )


def _body(
    reading: Reading, doc: _Element
) -> tuple[str, tuple[PreambularParagraph, ...], tuple[Block, ...], tuple[Part, ...]]:
    """The enacting formula, preamble, operative part and parts of `doc`.

    Each ``preamble``/``mainBody`` pair after the first is one part; its heading is what
    the ``mainBody`` before it ends with (the UN prints "I" and the part's title there).
    """
    segments: list[list[_Element | None]] = []
    for child in child_elements(doc):
        name = local_name(child)
        if name == "preamble":
            segments.append([child, None])
        elif name in _BODIES:
            if segments and segments[-1][1] is None:
                segments[-1][1] = child
            else:
                segments.append([None, child])
    first_preamble, first_body = segments[0] if segments else (None, None)
    authority, preamble = blocks.preamble(reading, first_preamble)
    if first_body is None:
        reading.warn("akn-no-body", f"<{local_name(doc)}> has no mainBody: no operative part", doc)
        operative: tuple[Block, ...] = ()
        parts: list[Part] = []
    else:
        operative, found = blocks.body_with_parts(reading, first_body)
        parts = list(found)
        preamble, operative = _preamble_in_body(reading, preamble, operative, first_body)
    if len(segments) > 1:
        reading.info(
            "akn-repeated-body",
            f"{len(segments) - 1} further preamble/mainBody pairs read as parts",
            doc,
        )
    for pair_preamble, pair_body in segments[1:]:
        formula, paragraphs = blocks.preamble(reading, pair_preamble, formula_expected=False)
        if formula:
            reading.warn(
                "akn-repeated-formula",
                "an enacting formula in a later preamble is kept as a preambular paragraph",
                pair_preamble,
            )
            paragraphs = (
                PreambularParagraph(initial_words="", content=(Text(text=formula),)),
                *paragraphs,
            )
        inner_operative: tuple[Block, ...] = ()
        inner_parts: tuple[Part, ...] = ()
        if pair_body is not None:
            inner_operative, inner_parts = blocks.body_with_parts(reading, pair_body)
        if parts:
            trailing, rest = _split_trailing_headings(parts[-1].operative)
            parts[-1] = replace(parts[-1], operative=rest)
        else:
            trailing, operative = _split_trailing_headings(operative)
        where = pair_preamble if pair_preamble is not None else pair_body
        number, heading = _part_heading(reading, trailing, where)
        parts.append(
            Part(
                number=number,
                heading=heading,
                preamble=paragraphs,
                operative=inner_operative,
                parts=inner_parts,
            )
        )
    if len(segments) > 1:
        parts = [
            piece for part in parts for piece in _split_at_part_numbers(part, reading.language)
        ]
    return authority, preamble, operative, tuple(parts)


def _preamble_in_body(
    reading: Reading,
    preamble: tuple[PreambularParagraph, ...],
    operative: tuple[Block, ...],
    body: _Element,
) -> tuple[tuple[PreambularParagraph, ...], tuple[Block, ...]]:
    """The preamble with the preambular paragraphs set at the head of `body`, and the rest.

    Some of the UN's files (most of the German ones) put the last preambular paragraphs
    into the ``mainBody`` as unnumbered paragraphs. They are preambular when each of
    them ends with a comma, the preamble before them is not empty, and a numbered
    operative paragraph follows them: the printed resolution sets them in the preamble.
    resconv's own files set the preamble where the model has it, and are left as they are.
    """
    if _written_by_resconv(reading):
        return preamble, operative
    count = 0
    while count < len(operative) and _ends_preambular(operative[count]):
        count += 1
    follows = operative[count] if count < len(operative) else None
    if not (count and preamble and isinstance(follows, OperativeParagraph) and follows.number):
        return preamble, operative
    moved = tuple(
        PreambularParagraph(
            initial_words=block.initial_words,
            content=block.content,
            subparagraphs=block.subparagraphs,
            wrap_up=block.wrap_up,
        )
        for block in operative[:count]
        if isinstance(block, OperativeParagraph)
    )
    reading.info(
        "akn-preamble-in-body",
        f"{count} unnumbered paragraph(s) ending with a comma at the head of the body "
        "read as preambular",
        body,
    )
    return preamble + moved, operative[count:]


def _written_by_resconv(reading: Reading) -> bool:
    """Whether the file's identification names resconv as its source."""
    identification = next(descendants(reading.root, "identification"), None)
    return identification is not None and ref_id(identification.get("source")) == RESCONV_EID


def _ends_preambular(block: Block) -> bool:
    """Whether `block` is an unnumbered paragraph whose text ends as a preambular one does."""
    if not isinstance(block, OperativeParagraph) or block.number is not None:
        return False
    last = block.wrap_up or (block.subparagraphs[-1].content if block.subparagraphs else ())
    return plain(last or block.content).rstrip().endswith(_PREAMBULAR_ENDS)


_PREAMBULAR_ENDS = (",", "，", "،")


def _split_at_part_numbers(part: Part, language: str) -> list[Part]:
    """`part`, and the parts without a preamble of their own that its operative blocks
    hold: a heading line numbered like the part ("XVIII" after "XVII") opens a new one."""
    if part.number is None or not blocks.is_part_number(part.number):
        return [part]
    style = _number_style(part.number)
    out = [replace(part, operative=())]
    blocks_of_current: list[Block] = []
    operative = part.operative
    index = 0
    while index < len(operative):
        block = operative[index]
        if _is_heading_line(block) and _number_style(_line_text(block)) == style:
            end = index + 1
            while end < len(operative) and _is_heading_line(operative[end]):
                end += 1
            if end < len(operative):  # a heading with paragraphs under it
                out[-1] = replace(out[-1], operative=tuple(blocks_of_current))
                blocks_of_current = []
                titles = [_line_inlines(b) for b in operative[index + 1 : end]]
                out.append(
                    Part(
                        number=_line_text(block), heading=join_lines(titles, language), operative=()
                    )
                )
                index = end
                continue
        blocks_of_current.append(block)
        index += 1
    out[-1] = replace(out[-1], operative=tuple(blocks_of_current))
    return out


def _number_style(text: str) -> str | None:
    text = text.strip().rstrip(".．")
    if not blocks.is_part_number(text):
        return None
    if set(text) <= set("IVXLC"):
        return "roman"
    if text.isdigit():
        return "digits"
    return "letter" if text.isascii() else "cjk"


def _line_text(block: Block) -> str:
    return plain(_line_inlines(block))


def _line_inlines(block: Block) -> Inlines:
    if isinstance(block, Heading):
        return block.text
    return block.content if isinstance(block, OperativeParagraph) else ()


def _split_trailing_headings(
    operative: tuple[Block, ...],
) -> tuple[list[Heading], tuple[Block, ...]]:
    """The closing heading lines of a body before a further preamble, and the rest.

    They are headings, or unnumbered one-line paragraphs (the UN's Chinese files set a
    part's "一" and title as plain paragraphs): before a new preamble, they can only be
    the heading of the part it opens.
    """
    end = len(operative)
    while end and _is_heading_line(operative[end - 1]):
        end -= 1
    trailing = [
        block if isinstance(block, Heading) else Heading(number=None, text=block.content, level=1)
        for block in operative[end:]
        if isinstance(block, Heading | OperativeParagraph)
    ]
    return trailing, operative[:end]


def _is_heading_line(block: Block) -> bool:
    if isinstance(block, Heading):
        return True
    return (
        isinstance(block, OperativeParagraph)
        and block.number is None
        and not block.subparagraphs
        and not block.wrap_up
        and not any(isinstance(piece, FootnoteRef) for piece in block.content)
        and not plain(block.content).endswith(blocks.SENTENCE_ENDS)
    )


def _part_heading(
    reading: Reading, headings: list[Heading], where: _Element | None
) -> tuple[str | None, Inlines]:
    """The number and heading of a part from the headings printed before it."""
    if not headings:
        reading.info("akn-part-no-heading", "a part without a heading", where)
        return None, ()
    number = headings[0].number
    texts = [h.text for h in headings]
    if number is None and blocks.is_part_number(plain(texts[0])):
        number = plain(texts.pop(0))
    if len(texts) > 1:
        reading.info("akn-part-heading", "a part's several heading lines are joined", where)
    return number, join_lines(texts, reading.language)


# -- a collection of resolutions ------------------------------------------------------------


def _collection(reading: Reading, doc: _Element) -> Resolution:
    meta_node = first_child(doc, "meta")
    cover = first_child(doc, "coverPage")
    number, symbol = meta.number_and_symbol(reading, doc, meta_node, cover)
    title = meta.title(reading, doc, cover)
    components: list[Resolution] = []
    for inner in _component_documents(reading, doc):
        reading.new_footnotes()
        components.append(_resolution(reading, inner, collection=number))
        meta.report_summary(reading, inner)
    reading.new_footnotes()
    if not components:
        reading.warn("akn-empty-collection", "a documentCollection without components", doc)
    adoption = meta.adoption(reading, doc, meta_node, cover)
    if adoption is None:
        adoption = next((c.adoption for c in components if c.adoption is not None), None)
    meta.report_summary(reading, doc)
    return Resolution(
        symbol=symbol,
        number=number,
        language=reading.language,
        title=title,
        authority="",
        adoption=adoption,
        cover=meta.cover_page(reading, cover, meta_node),
        vote=meta.vote(reading, meta_node),
        components=tuple(components),
    )


def _component_documents(reading: Reading, doc: _Element) -> list[_Element]:
    """The documents of a collection, in the order of its ``collectionBody``.

    A component holds its document itself, or refers to one among the ``components``
    after the collection by ``documentRef href`` (the UN's way).
    """
    root = reading.root
    by_id = {
        component.get("eId"): component
        for components in child_elements(root, "components")
        for component in child_elements(components, "component")
    }
    found: list[_Element] = []
    used: set[str] = set()
    body = first_child(doc, "collectionBody")
    for component in child_elements(body) if body is not None else iter(()):
        inner = first_child(component, *AKN_DOCUMENT_TYPES)
        if inner is None:
            ref = first_child(component, "documentRef", "componentRef")
            target = ref_id(ref.get("href")) if ref is not None else ""
            holder = by_id.get(target)
            inner = first_child(holder, *AKN_DOCUMENT_TYPES) if holder is not None else None
            if inner is None:
                reading.warn("akn-component", f"component {target!r} is not in the file", ref)
                continue
            used.add(target)
        found.append(inner)
    for eid, holder in by_id.items():
        if eid not in used:
            inner = first_child(holder, *AKN_DOCUMENT_TYPES)
            if inner is not None:
                reading.warn(
                    "akn-component", f"component {eid!r} is not listed in the collection", holder
                )
                found.append(inner)
    return found


# -- annexes --------------------------------------------------------------------------------


def _annexes(reading: Reading, doc: _Element) -> tuple[Annex, ...]:
    attachments = first_child(doc, "attachments")
    if attachments is None:
        return ()
    annexes: list[Annex] = []
    for attachment in child_elements(attachments):
        inner = first_child(attachment, "doc", "statement", "act", "bill")
        if inner is None:
            reading.unexpected(attachment, "attachments")
            continue
        if inner.get("name") not in ("annex", None):
            reading.info(
                "akn-attachment", f"attachment {inner.get('name')!r} read as an annex", inner
            )
        annexes.append(_annex(reading, inner))
    return tuple(annexes)


def _annex(reading: Reading, doc: _Element) -> Annex:
    label = ""
    title: Inlines = ()
    preface = first_child(doc, "preface")
    if preface is not None:
        doc_type = next(descendants(preface, "docType"), None)
        if doc_type is None:
            doc_type = next(descendants(preface, "docNumber"), None)
        if doc_type is not None:
            label = plain(inline.inlines(reading, [doc_type]))
        doc_title = next(descendants(preface, "docTitle"), None)
        if doc_title is not None:
            title = inline.inlines(reading, [doc_title])
    preamble_node = first_child(doc, "preamble")
    preamble = (
        blocks.preamble(reading, preamble_node, formula_expected=False)
        if preamble_node is not None
        else ("", ())
    )
    paragraphs = preamble[1]
    if preamble[0]:
        paragraphs = (
            PreambularParagraph(initial_words="", content=(Text(text=preamble[0]),)),
            *paragraphs,
        )
    body_blocks: list[Block] = []
    parts: list[Part] = []
    for body in child_elements(doc, *_BODIES):
        leading, found = blocks.body_with_parts(reading, body)
        if parts:  # blocks after a part belong to it
            parts[-1] = replace(parts[-1], operative=parts[-1].operative + leading)
        else:
            body_blocks.extend(leading)
        parts.extend(found)
    if not label:
        label, title = _label_in_body(reading, doc, body_blocks, title)
    first = body_blocks[0] if body_blocks else None
    if not label and isinstance(first, Heading) and _is_label(reading, first):
        label, printed_title = _label_and_title(plain(first.text))
        if printed_title and not title:
            reading.info(
                "akn-annex-label-and-title",
                "the annex's label and title are one heading in its body",
                doc,
            )
            title = (Text(text=printed_title),)
        body_blocks.pop(0)
        second = body_blocks[0] if body_blocks else None
        if not title and isinstance(second, Heading) and second.number is None:
            title = second.text
            body_blocks.pop(0)
    if not label:
        label = _ANNEX_LABELS.get(reading.language, ("Annex",))[0]
        reading.info("akn-annex-label", f"annex without a label; {label!r} used", doc)
    if label and body_blocks and _unnumbered_text(body_blocks[0]) == (label, True):
        reading.info(
            "akn-annex-label-again", "the annex's label printed in its body is its label", doc
        )
        body_blocks.pop(0)
        after_label = _unnumbered_text(body_blocks[0]) if body_blocks else None
        if not title and after_label is not None and after_label[1]:
            first_block = body_blocks.pop(0)
            if isinstance(first_block, Heading):
                title = first_block.text
            elif isinstance(first_block, OperativeParagraph):
                title = first_block.content
    if not title and not paragraphs and body_blocks:
        title = _title_in_body(reading, doc, body_blocks, label)
    return Annex(
        label=label, title=title, preamble=paragraphs, body=tuple(body_blocks), parts=tuple(parts)
    )


def _title_in_body(
    reading: Reading, doc: _Element, body_blocks: list[Block], label: str
) -> Inlines:
    """The title of an annex that has none in its preface, taken out of `body_blocks`:
    the unnumbered heading or title-like line its body opens with before a heading
    (printed under the label, where a title stands), or the label and title set as one
    paragraph ("附件为…宣言"); () otherwise."""
    first = body_blocks[0]
    opening = _unnumbered_text(first)
    if opening is None or not opening[1]:
        return ()
    following = body_blocks[1] if len(body_blocks) > 1 else None
    first_text = (
        first.content[0] if isinstance(first, OperativeParagraph) and first.content else None
    )
    if isinstance(first, Heading):
        title = first.text
    elif (
        isinstance(first, OperativeParagraph)
        and isinstance(first_text, Text)
        and first_text.text.lstrip().startswith(label)
        and opening[0][len(label) :].strip()
    ):
        rest = first_text.text.lstrip()[len(label) :].lstrip()
        title = (Text(text=rest), *first.content[1:]) if rest else first.content[1:]
    elif (
        isinstance(first, OperativeParagraph)
        and isinstance(following, Heading)
        and not any(isinstance(piece, FootnoteRef) for piece in first.content)
    ):
        title = first.content  # an unnumbered line over the annex's first heading
    else:
        return ()
    body_blocks.pop(0)
    reading.info("akn-annex-title-in-body", "the annex's title is the first line of its body", doc)
    return title


def _unnumbered_text(block: Block) -> tuple[str, bool] | None:
    """The text of a heading or an unnumbered paragraph without subparagraphs, and
    whether it reads as a title (no closing punctuation); None for other blocks."""
    if isinstance(block, Heading) and block.number is None:
        text = plain(block.text)
    elif (
        isinstance(block, OperativeParagraph)
        and block.number is None
        and not block.subparagraphs
        and not block.wrap_up
    ):
        text = plain(block.content)
    else:
        return None
    return text, not text.endswith(blocks.SENTENCE_ENDS)


def _label_in_body(
    reading: Reading, doc: _Element, body_blocks: list[Block], title: Inlines
) -> tuple[str, Inlines]:
    """The label and title an annex prints in the first paragraph of its body, as
    ``docType`` and ``docTitle`` (the UN's files of session 74); that paragraph goes.
    ("", `title`) when the body opens otherwise."""
    body = first_child(doc, *_BODIES)
    opening = next(iter(child_elements(body)), None) if body is not None else None
    doc_type = next(descendants(opening, "docType"), None) if opening is not None else None
    first = body_blocks[0] if body_blocks else None
    if (
        opening is None
        or doc_type is None
        or not isinstance(first, OperativeParagraph)
        or first.number
    ):
        return "", title
    label = plain(inline.inlines(reading, [doc_type]))
    doc_title = next(descendants(opening, "docTitle"), None)
    printed = inline.inlines(reading, [doc_title]) if doc_title is not None else ()
    if not label or " ".join((label, plain(printed))).strip() != plain(first.content):
        return "", title  # the paragraph holds more than the label and title
    body_blocks.pop(0)
    reading.info("akn-annex-label-in-body", "the annex's label and title are in its body", opening)
    return label, printed or title


def _label_and_title(text: str) -> tuple[str, str]:
    """An annex heading parted into its label and the title set on with it ("Anexo
    Compromiso de Sevilla", a paragraph of the UN's Spanish files): the label word and
    its number, then the rest when it opens in capitals; (`text`, "") otherwise."""
    found = _LABEL_THEN_TITLE.fullmatch(text.strip())
    if found is None or not found.group("title")[:1].isupper():
        return text, ""
    return found.group("label"), found.group("title")


_LABEL_THEN_TITLE = re.compile(
    r"(?P<label>\S+(?:\s+(?:[IVXLC]{1,6}|\d{1,2})(?!\S))?)"
    r"\s+(?P<title>(?!(?:[IVXLC]{1,6}|\d{1,2})(?!\S))\S.*)",
    re.DOTALL,
)


def _is_label(reading: Reading, heading: Heading) -> bool:
    text = plain(heading.text)
    labels = _ANNEX_LABELS.get(reading.language, ())
    return heading.number is None and bool(labels) and text.startswith(labels)
