"""ISO Schematron compiled to XPath: the AKN4UN profile checked in time linear in the document.

lxml's `isoschematron` turns a schema into XSLT, whose time grew faster than the document
(a valid resolution of 3,200 paragraphs: 8 × → 16 × took 6 × the time, 24 s of 26). Here
the ``.sch`` stays the one statement of the rules and is compiled once into XPath
expressions: a rule's context selects its nodes in one pass, each assertion is evaluated
on each of them, and ``key()`` is a dictionary built in one pass. Every expression of the
profile looks only at its node's neighbourhood, so the cost is the number of nodes matched
times the assertions.

The subset understood is what the profile uses: ``sch:ns``, ``xsl:key``, patterns of rules
with ``sch:let``, ``sch:assert``, ``sch:report`` and ``sch:value-of``, query binding
``xslt`` (XPath 1.0 with the EXSLT regular expressions lxml provides). Anything else
(includes, abstract patterns, phases, diagnostics) is refused when the schema is compiled,
so a rule can never be skipped silently.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from lxml import etree

from resconv.errors import InternalError

__all__ = ["Finding", "Schema"]

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
_IGNORED = frozenset({f"{{{SCH}}}title", f"{{{SCH}}}p", f"{{{SCH}}}ns", f"{{{XSL}}}key"})

if TYPE_CHECKING:
    # What an lxml XPath call returns or binds: a bool, float, str, or list of nodes or strings.
    from lxml.etree import _XPathObject as XPathValue


@dataclass(frozen=True, slots=True)
class Finding:
    """An assertion that failed (or a report that fired) at one element."""

    element: etree._Element
    rule: str | None
    """The assertion's ``id``."""
    role: str | None
    message: str


@dataclass(frozen=True, slots=True)
class _Selector:
    """The nodes an XSLT match pattern matches, in document order.

    A union (``akn:paragraph | akn:point``) is evaluated one alternative at a time and merged
    here: libxml2 sorts a union's nodes by comparisons that walk sibling lists, which took
    n² steps for n sibling paragraphs (40,000: 5.6 s; 100,000: over a minute).
    """

    alternatives: tuple[etree.XPath, ...]

    def select(self, tree: etree._ElementTree) -> list[etree._Element]:
        if len(self.alternatives) == 1:
            return _nodes(self.alternatives[0](tree))
        found = {node for xpath in self.alternatives for node in _nodes(xpath(tree))}
        if not found:
            return []
        return [node for node in tree.iter() if node in found]


@dataclass(frozen=True, slots=True)
class _Check:
    kind: Literal["assert", "report"]
    id: str | None
    role: str | None
    test: etree.XPath
    message: tuple[str | etree.XPath, ...]
    """Literal text and ``sch:value-of`` expressions, in order."""


@dataclass(frozen=True, slots=True)
class _Rule:
    context: _Selector
    lets: tuple[tuple[str, etree.XPath], ...]
    checks: tuple[_Check, ...]


@dataclass(frozen=True, slots=True)
class _Key:
    name: str
    match: _Selector
    use: etree.XPath


class Schema:
    """A compiled Schematron schema; `check` lists what a document breaks, in the order of
    the schema's patterns, then of the document, then of the assertions (as SVRL does)."""

    def __init__(self, path: Path) -> None:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        root = etree.parse(str(path), parser).getroot()
        self._namespaces = {
            ns.get("prefix", ""): ns.get("uri", "") for ns in root.iter(f"{{{SCH}}}ns")
        }
        self._local = threading.local()
        self._keys = tuple(
            _Key(
                key.get("name", ""),
                self._pattern(key.get("match", "")),
                self._xpath(key.get("use", "")),
            )
            for key in root.iter(f"{{{XSL}}}key")
        )
        self.patterns: tuple[tuple[_Rule, ...], ...] = tuple(
            self._compile_pattern(child) for child in root if self._is_pattern(child)
        )
        self.ids = frozenset(
            check.id
            for rules in self.patterns
            for rule in rules
            for check in rule.checks
            if check.id
        )
        """Every assertion's id, for tests and filtering."""

    def check(self, tree: etree._ElementTree) -> list[Finding]:
        """Every failed assertion and fired report in `tree`."""
        self._local.index = {key.name: self._index(key, tree) for key in self._keys}
        try:
            return list(self._findings(tree))
        finally:
            self._local.index = None

    def _findings(self, tree: etree._ElementTree) -> Iterator[Finding]:
        for rules in self.patterns:
            handled: set[etree._Element] = set()  # only a node's first matching rule applies
            for rule in rules:
                for node in rule.context.select(tree):
                    if node in handled:
                        continue
                    if len(rules) > 1:
                        handled.add(node)
                    variables: dict[str, XPathValue] = {}
                    for name, select in rule.lets:
                        variables[name] = _bindable(select(node, **variables))
                    for check in rule.checks:
                        holds = bool(check.test(node, **variables))
                        if holds == (check.kind == "report"):
                            yield Finding(node, check.id, check.role, _text(check, node, variables))

    def _index(self, key: _Key, tree: etree._ElementTree) -> dict[str, list[etree._Element]]:
        index: dict[str, list[etree._Element]] = {}
        for node in key.match.select(tree):
            used = key.use(node)
            for value in used if isinstance(used, list) else [used]:  # strings, for `use="@eId"`
                index.setdefault(str(value), []).append(node)
        return index

    def _key(self, _context: object, name: str, value: XPathValue) -> list[etree._Element]:
        """XSLT's ``key(name, value)``, from the index built for the document being checked."""
        index: dict[str, dict[str, list[etree._Element]]] | None = getattr(
            self._local, "index", None
        )
        if index is None:
            return []
        values = value if isinstance(value, list) else [value]
        found: list[etree._Element] = []
        for one in values:
            text = str(one.xpath("string()")) if isinstance(one, etree._Element) else str(one)
            found.extend(index.get(name, {}).get(text, []))
        return found

    def _is_pattern(self, element: etree._Element) -> bool:
        if element.tag == f"{{{SCH}}}pattern":
            return True
        if element.tag in _IGNORED or not isinstance(element.tag, str):
            return False
        raise InternalError(f"the Schematron engine does not support <{element.tag}>")

    def _compile_pattern(self, pattern: etree._Element) -> tuple[_Rule, ...]:
        if pattern.get("abstract") or pattern.get("is-a"):
            raise InternalError("the Schematron engine does not support abstract patterns")
        rules = []
        for rule in pattern:
            if not isinstance(rule.tag, str) or rule.tag in _IGNORED:
                continue
            if rule.tag != f"{{{SCH}}}rule" or rule.get("abstract"):
                raise InternalError(f"unsupported Schematron in a pattern: <{rule.tag}>")
            rules.append(self._compile_rule(rule))
        return tuple(rules)

    def _compile_rule(self, rule: etree._Element) -> _Rule:
        lets, checks = [], []
        for child in rule:
            if not isinstance(child.tag, str) or child.tag in _IGNORED:
                continue
            local = etree.QName(child).localname
            if child.tag == f"{{{SCH}}}let":
                lets.append((child.get("name", ""), self._xpath(child.get("value", ""))))
            elif child.tag in (f"{{{SCH}}}assert", f"{{{SCH}}}report"):
                checks.append(
                    _Check(
                        kind="assert" if local == "assert" else "report",
                        id=child.get("id"),
                        role=child.get("role"),
                        test=self._xpath(child.get("test", "")),
                        message=self._message(child),
                    )
                )
            else:
                raise InternalError(f"unsupported Schematron in a rule: <{child.tag}>")
        return _Rule(self._pattern(rule.get("context", "")), tuple(lets), tuple(checks))

    def _message(self, check: etree._Element) -> tuple[str | etree.XPath, ...]:
        parts: list[str | etree.XPath] = [check.text or ""]
        for child in check:
            if child.tag != f"{{{SCH}}}value-of":
                raise InternalError(f"unsupported Schematron in a message: <{child.tag}>")
            parts.append(self._xpath(f"string({child.get('select', '')})"))
            parts.append(child.tail or "")
        return tuple(parts)

    def _pattern(self, pattern: str) -> _Selector:
        """An XSLT match pattern as the XPaths selecting the nodes it matches."""
        alternatives = [alt.strip() for alt in _split_union(pattern)]
        return _Selector(
            tuple(self._xpath(a if a.startswith("/") else "//" + a) for a in alternatives)
        )

    def _xpath(self, expression: str) -> etree.XPath:
        try:
            return etree.XPath(
                expression, namespaces=self._namespaces, extensions={(None, "key"): self._key}
            )
        except etree.XPathSyntaxError as exc:
            raise InternalError(
                f"bad XPath in the Schematron schema {expression!r}: {exc}"
            ) from None


def _split_union(pattern: str) -> list[str]:
    """`pattern` cut at each ``|`` outside brackets, parentheses and quotes."""
    parts, depth, start, quote = [], 0, 0, ""
    for at, char in enumerate(pattern):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:at])
            start = at + 1
    parts.append(pattern[start:])
    return parts


def _nodes(result: XPathValue) -> list[etree._Element]:
    return [n for n in result if isinstance(n, etree._Element)] if isinstance(result, list) else []


def _bindable(value: XPathValue) -> XPathValue:
    """A ``sch:let`` value lxml can bind: elements as a node-set; attributes and text by the
    first one's string value (what XPath's string() gives), since lxml cannot bind them."""
    if isinstance(value, list) and not all(isinstance(v, etree._Element) for v in value):
        return str(value[0]) if value else ""
    return value


def _text(check: _Check, node: etree._Element, variables: dict[str, XPathValue]) -> str:
    text = "".join(
        part if isinstance(part, str) else str(part(node, **variables)) for part in check.message
    )
    return re.sub(r"\s+", " ", text).strip()
