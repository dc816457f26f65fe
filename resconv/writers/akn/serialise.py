"""Writing the AKN writer's element tree as XML text, without lxml.

A speed trick, kept apart so the writer reads as a mapping: building the tree as plain
`Node` objects and writing it out directly costs a fraction of building it with lxml (a
namespace lookup and an attribute conversion for every element). `serialise` gives the
bytes lxml's ``tostring`` gives for the same tree, indentation included; a test compares
the two on random models.
"""

from __future__ import annotations

import re

from resconv.xmlchars import XML_ILLEGAL

__all__ = ["MIXED_CONTENT", "NOT_XML", "Node", "append_text", "element", "serialise"]

MIXED_CONTENT: frozenset[str] = frozenset(
    (
        "p", "heading", "num", "span", "docTitle", "docNumber", "docType", "docStatus",
        "docDate", "docProponent", "docketNumber", "session", "inline", "listIntroduction",
        "listWrapUp", "caption", "organization",
    )
)  # fmt: skip
"""Elements holding text: indentation stops at them, so no whitespace is added to the text."""


class Node:
    """An element being built: tag, attributes, text, tail and children, as in an lxml tree."""

    __slots__ = ("attrib", "children", "tag", "tail", "text")

    def __init__(self, tag: str, attrib: dict[str, str] | None = None) -> None:
        self.tag = tag
        self.attrib = attrib
        self.text: str | None = None
        self.tail: str | None = None
        self.children: list[Node] = []


NOT_XML = XML_ILLEGAL
"""What XML cannot hold; the model refuses it, so finding it in the output is a bug."""


def _escape_text(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


_ATTRIBUTE_SPECIAL = re.compile(r'[&<>"\t\n\r]')
_ATTRIBUTE_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\r": "&#13;",
}


def _escape_attribute(value: str) -> str:
    return _ATTRIBUTE_SPECIAL.sub(lambda m: _ATTRIBUTE_ESCAPES[m.group()], value)


_ESCAPED_IN_ATTRIBUTE = re.compile(r"[&<>\t\n\r]")
"""What an attribute value escapes besides the quote, counted apart."""


def _start_tag(node: Node) -> str:
    """``<tag a="…"``: attributes written at once, escaped only when one needs it."""
    attrib = node.attrib
    if not attrib:
        return "<" + node.tag
    text = "".join([f' {name}="{value}"' for name, value in attrib.items()])
    if text.count('"') != 2 * len(attrib) or _ESCAPED_IN_ATTRIBUTE.search(text):
        text = "".join([f' {name}="{_escape_attribute(value)}"' for name, value in attrib.items()])
    return f"<{node.tag}{text}"


_INDENTS = tuple("\n" + "  " * depth for depth in range(64))


def serialise(node: Node, depth: int, out: list[str]) -> None:
    """`node` as XML text into `out`; element-only content is indented, mixed content kept
    exactly (the node's own tail is left to its parent)."""
    tag = node.tag
    out.append(_start_tag(node))
    children = node.children
    if tag in MIXED_CONTENT or not children:
        _serialise_content(node, out)
        return
    inner = _INDENTS[depth + 1] if depth + 1 < len(_INDENTS) else "\n" + "  " * (depth + 1)
    out.append(">")
    for child in children:
        out.append(inner)
        serialise(child, depth + 1, out)
    out.append(inner[:-2])
    out.append(f"</{tag}>")


def _serialise_content(node: Node, out: list[str]) -> None:
    """The rest of an element whose content is kept as built: text, children and tails."""
    text = node.text
    children = node.children
    if text is None and not children:
        out.append("/>")
        return
    out.append(">")
    if text:
        out.append(_escape_text(text))
    for child in children:
        out.append(_start_tag(child))
        _serialise_content(child, out)
        if child.tail:
            out.append(_escape_text(child.tail))
    out.append(f"</{node.tag}>")


def element(parent: Node, tag: str, attrib: dict[str, str] | None = None) -> Node:
    """A new child `tag` of `parent`, last of its children."""
    child = Node(tag, attrib)
    parent.children.append(child)
    return child


def append_text(parent: Node, text: str) -> None:
    """`text` at the end of `parent`'s content (its text, or its last child's tail)."""
    if not text:
        return
    if parent.children:
        last = parent.children[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
