"""Element access for the AKN reader: local names, children, text, and the structure tables.

Elements are matched by local name, so a namespace slip does not hide content. Which
elements are containers, points, lists and blocks is data here (bluebell keeps its eId
rules as data in the same way), shared by the inline and the block reading.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml.etree import _Element

from resconv import _dates as _dt  # start-up speed: resconv/_dates.py

__all__ = [
    "BLOCKS",
    "HIERARCHY",
    "INTROS",
    "LISTS",
    "POINTS",
    "WRAPS",
    "block_children",
    "child_elements",
    "classes_of",
    "descendants",
    "first_child",
    "iso_date",
    "line_of",
    "local_name",
    "ref_id",
    "text_of",
]

HIERARCHY = frozenset(
    {
        "section", "division", "part", "chapter", "title", "book", "tome", "subsection",
        "subdivision", "subpart", "subchapter", "subtitle", "hcontainer", "article", "clause",
        "subclause", "rule", "subrule", "level", "transitional",
    }
)  # fmt: skip
"""Containers whose num/heading become a `Heading` followed by their paragraphs."""
POINTS = frozenset({"point", "subparagraph", "item", "indent", "alinea", "subpoint"})
LISTS = frozenset({"list", "sublist", "blockList"})
INTROS = frozenset({"intro", "listIntroduction"})
WRAPS = frozenset({"wrapUp", "listWrapUp"})
BLOCKS = frozenset({"p", "block", "blockContainer", "tblock", "foreign", "toc", "table"})


def text_of(node: _Element) -> str:
    """All the text inside `node`, comments and processing instructions aside."""
    return "".join(t for t in node.itertext() if isinstance(t, str))


def line_of(node: _Element | None) -> int | None:
    """The source line of `node`, for diagnostics."""
    line = node.sourceline if node is not None else None
    return line if isinstance(line, int) else None


def local_name(node: _Element) -> str:
    """The tag without its namespace; "" for comments and processing instructions."""
    # String slicing, not etree.QName: a tag with an undeclared prefix
    # ("akn4un:footerFirstPage" without its xmlns) is no valid QName, and is still read.
    tag = node.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def child_elements(node: _Element, *names: str) -> Iterator[_Element]:
    """The element children of `node`, only those with one of `names` when given."""
    for child in node:
        if isinstance(child.tag, str) and (not names or local_name(child) in names):
            yield child


def first_child(node: _Element | None, *names: str) -> _Element | None:
    """The first of `child_elements`, or None (also for no `node`)."""
    if node is None:
        return None
    return next(child_elements(node, *names), None)


def descendants(node: _Element, name: str) -> Iterator[_Element]:
    """`node` and the elements below it named `name`, in document order."""
    for child in node.iter():
        if isinstance(child.tag, str) and local_name(child) == name:
            yield child


def classes_of(node: _Element) -> set[str]:
    """The words of the `class` attribute ("bold italic")."""
    return set((node.get("class") or "").split())


def ref_id(value: str | None) -> str:
    """The eId an href or refersTo points at: "#adoption" → "adoption"."""
    return (value or "").lstrip("#")


def iso_date(value: str | None) -> _dt.date | None:
    """The date of an ISO `date` attribute; None when missing or not a real date."""
    try:
        return _dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def block_children(node: _Element) -> list[_Element]:
    """The block-level children of `node`; none when it holds inline text itself."""
    blocks = BLOCKS | LISTS | POINTS
    return [c for c in child_elements(node) if local_name(c) in blocks]
