"""The AKN writer serialises its tree itself (`serialise`): the bytes must be those lxml gives.

The reference here builds the same tree with lxml, indents it as the writer's layout
rule says (element-only content indented, mixed content untouched) and serialises it
with ``etree.tostring``: escaping, empty elements, tails and refused characters are
lxml's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from resconv import build as b
from resconv.akn.schema import AKN_NS
from resconv.errors import InvalidTextError
from resconv.model import CoverPage, Resolution
from resconv.writers.akn import serialise as akn
from resconv.writers.akn.writer import AknWriter, build
from tests.strategies import resolutions

_NS = "{" + AKN_NS + "}"


def _to_lxml(node: akn.Node, parent: etree._Element | None) -> etree._Element:
    attrib = {k: v for k, v in (node.attrib or {}).items() if k != "xmlns"}
    if parent is None:
        element = etree.Element(_NS + node.tag, attrib, nsmap={None: AKN_NS})
    else:
        element = etree.SubElement(parent, _NS + node.tag, attrib)
    element.text = node.text
    element.tail = node.tail
    for child in node.children:
        _to_lxml(child, element)
    return element


def _indent(node: etree._Element, depth: int) -> None:
    if etree.QName(node).localname in akn.MIXED_CONTENT or not len(node):
        return
    inner = "\n" + "  " * (depth + 1)
    node.text = inner
    for child in node:
        child.tail = inner
        _indent(child, depth + 1)
    node[-1].tail = "\n" + "  " * depth


def lxml_bytes(resolution: Resolution) -> bytes:
    root = _to_lxml(build(resolution), None)
    _indent(root, 0)
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    return declaration + etree.tostring(root, encoding="UTF-8") + b"\n"


def awkward() -> Resolution:
    """Every kind of character lxml escapes, in text and in attribute values."""
    odd = "a&b<c>d\"e'f\tg\nh\ri ]]> &amp;"
    return b.resolution(
        language="en",
        symbol="A/RES/67/38" + odd,
        number="67/38",
        title="Title " + odd,
        authority="The General Assembly," + odd,
        preamble=[
            b.preambular(
                "Recalling" + odd + ",", b.ref("1" + odd), initial_words="Recalling" + odd
            ),
            b.preambular(""),
        ],
        operative=[
            b.operative(
                "Decides" + odd, b.ref("1" + odd), number="1." + odd, initial_words="Decides"
            ),
            b.heading("Heading" + odd, number="A." + odd),
        ],
        footnotes=[b.footnote("1" + odd, "Note" + odd)],
        adoption=b.adoption("3 December 2012" + odd, odd, date=dt.date(2012, 12, 3), meeting=48),
        cover=CoverPage(distribution="General" + odd, agenda_item="89" + odd, session_text=""),
    )


def test_awkward_characters_are_escaped_as_lxml_escapes_them() -> None:
    resolution = awkward()
    data = AknWriter().write(resolution)
    assert data == lxml_bytes(resolution)
    assert b' name="Recallinga&amp;b&lt;c&gt;d&quot;e\'f&#9;g&#10;h&#13;i ]]&gt; &amp;amp;"' in data


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("authority", "The General Assembly,\x01"),
        ("symbol", "A/RES/67/38\ufffe"),
        ("authority", "The General Assembly,\ud800"),
        ("symbol", "A/RES/\x0b67/38\ud800"),
    ],
)
def test_text_xml_cannot_hold_never_reaches_the_writer(field: str, bad: str) -> None:
    """The model refuses it, so the writer never has to: nothing half-serialised."""
    changes: dict[str, Any] = {field: bad}
    with pytest.raises(InvalidTextError, match=field):
        dataclasses.replace(awkward(), **changes)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_any_model_serialises_as_lxml_does(resolution: Resolution) -> None:
    assert AknWriter().write(resolution) == lxml_bytes(resolution)
