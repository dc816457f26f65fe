"""The one way resconv parses XML: no DTD, no entities, no network, no XInclude.

Untrusted XML (a user's AKN file) is refused with `UnsafeInputError` before anything
else looks at it when it declares a DOCTYPE or entities, carries entity references,
XInclude elements or processing instructions that pull in other files.
"""

from __future__ import annotations

import re

from lxml import etree

from resconv.errors import InputDecodeError, UnsafeInputError

__all__ = ["parse", "parser"]

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY|ATTLIST|ELEMENT|NOTATION)", re.IGNORECASE)
_DECLARATION_16 = re.compile(r"<!\s*(DOCTYPE|ENTITY|ATTLIST|ELEMENT|NOTATION)", re.IGNORECASE)


def parser() -> etree.XMLParser:
    """A fresh parser with every external and entity feature switched off."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=False,
    )


def parse(data: bytes, *, source: str | None = None) -> etree._ElementTree:
    """Parse untrusted XML `data`, refusing anything that could reach outside it."""
    _refuse_declarations(data, source)
    xml_parser = parser()
    try:
        tree = etree.ElementTree(etree.fromstring(data, xml_parser))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        reason = _first_sentence(str(exc.msg))
        lowered = reason.lower()
        if "depth" in lowered or "resource limit" in lowered or "huge" in lowered:
            message = f"XML too large or nested too deep for safe parsing ({reason})"
            raise UnsafeInputError(message, source=source, line=line) from None
        message = f"not well-formed XML: {reason}"
        raise InputDecodeError(message, source=source, line=line) from None
    except ValueError as exc:
        raise InputDecodeError(f"not well-formed XML: {exc}", source=source) from None
    # libxml2 sometimes reports a namespace error (an undeclared prefix) and still returns
    # a tree whose tags are not QNames; such a document is not namespace-well-formed.
    errors = xml_parser.error_log.filter_from_errors()
    if errors:
        first = errors[0]
        message = f"not well-formed XML: {_first_sentence(first.message)}"
        raise InputDecodeError(message, source=source, line=first.line or None)
    docinfo = tree.docinfo
    if (
        getattr(docinfo, "doctype", "")
        or docinfo.internalDTD is not None
        or docinfo.externalDTD is not None
    ):
        raise UnsafeInputError("XML with a DOCTYPE is refused", source=source)
    root = tree.getroot()
    outside = (*root.itersiblings(preceding=True), *root.itersiblings())
    for node in (*outside, *tree.iter()):
        if isinstance(node, etree._Entity):
            message = f"XML entity reference &{node.name}; is refused"
            raise UnsafeInputError(message, source=source, line=node.sourceline)
        if isinstance(node.tag, str) and node.tag.startswith("{" + XINCLUDE_NS + "}"):
            raise UnsafeInputError("XInclude is refused", source=source, line=node.sourceline)
        if isinstance(node, etree._ProcessingInstruction) and str(node.target).lower() in (
            "xml-stylesheet",
            "xinclude",
        ):
            raise UnsafeInputError(
                f"processing instruction <?{node.target}?> is refused",
                source=source,
                line=node.sourceline,
            )
    return tree


def _refuse_declarations(data: bytes, source: str | None) -> None:
    head = data[:65536]
    if _DECLARATION.search(head):
        raise UnsafeInputError(
            "XML with a DOCTYPE or entity declaration is refused", source=source, line=_line(head)
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = head.decode("utf-16", errors="ignore")
        except LookupError:  # pragma: no cover - utf-16 is always there
            return
        if _DECLARATION_16.search(text):
            raise UnsafeInputError(
                "XML with a DOCTYPE or entity declaration is refused", source=source
            )


def _first_sentence(message: str) -> str:
    """libxml2's message on one line, without its advice to switch protections off."""
    text = " ".join(message.split())
    for advice in (", use XML_PARSE_HUGE option", " try XML_PARSE_HUGE", "use XML_PARSE_HUGE"):
        text = text.split(advice)[0]
    return text.rstrip(" ,;:")


def _line(head: bytes) -> int | None:
    match = _DECLARATION.search(head)
    return None if match is None else head.count(b"\n", 0, match.start()) + 1
