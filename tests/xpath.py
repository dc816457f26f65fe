"""XPath in tests, typed by what the expression gives: elements, strings, or one string.

lxml types every ``xpath()`` answer as the union of all XPath results; each helper here
says which one the test expects, and checks that it got it.
"""

from __future__ import annotations

from typing import TypeAlias

from lxml import etree

__all__ = ["nodes", "string", "strings"]

Context: TypeAlias = "etree._Element | etree._ElementTree"


def nodes(context: Context, path: str, namespaces: dict[str, str]) -> list[etree._Element]:
    """The elements `path` selects."""
    result = context.xpath(path, namespaces=namespaces)
    assert isinstance(result, list), path
    found = [node for node in result if isinstance(node, etree._Element)]
    assert len(found) == len(result), f"{path} selects more than elements"
    return found


def strings(context: Context, path: str, namespaces: dict[str, str]) -> list[str]:
    """The text nodes or attribute values `path` selects."""
    result = context.xpath(path, namespaces=namespaces)
    assert isinstance(result, list), path
    found = [value for value in result if isinstance(value, str)]
    assert len(found) == len(result), f"{path} selects more than strings"
    return found


def string(context: Context, path: str, namespaces: dict[str, str]) -> str:
    """The string an expression such as ``string(//a:docNumber)`` gives."""
    result = context.xpath(path, namespaces=namespaces)
    assert isinstance(result, str), path
    return result
