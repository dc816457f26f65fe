"""An annex made of parts, each with its own preamble, keeps them through AKN, JSON, DOCX, PDF."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest
from lxml import etree

import resconv
from resconv import build as b
from resconv.akn.schema import xsd
from resconv.model import Resolution
from tests.lossless import akn_body_text, missing, model_text

AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def with_annex_parts() -> Resolution:
    return b.resolution(
        operative=[b.operative("Adopts the programme annexed.", number="1.")],
        adoption=b.adoption(
            "2 March 2023", "60th plenary meeting", date=dt.date(2023, 3, 2), meeting=60
        ),
        annexes=[
            b.annex(
                "Annex",
                title="Programme of action",
                body=[b.operative("Introductory text.", number="1.")],
                parts=[
                    b.part(
                        "I",
                        "Objectives",
                        preamble=[
                            b.preambular("Recognizing the need,", initial_words="Recognizing")
                        ],
                        operative=[b.operative("Agree to act;", number="2.")],
                        parts=[b.part("A", "Water", operative=[b.operative("Save;", number="3.")])],
                    ),
                    b.part("II", "Follow-up", operative=[b.operative("Review.", number="4.")]),
                ],
            )
        ],
    )


def test_annex_parts_are_written_as_parts_and_read_back() -> None:
    model = with_annex_parts()
    written = resconv.write(model, "akn")
    root = etree.fromstring(written)
    parts = root.xpath("//a:attachment//a:mainBody/a:part", namespaces=AKN)
    assert [p.findtext("a:num", namespaces=AKN) for p in parts] == ["I", "II"]
    assert xsd().validate(etree.ElementTree(root)), xsd().error_log
    result = resconv.read(written, format="akn")
    assert result.value == model
    assert not [d for d in result.warnings if d.code == "akn-part-flattened"]
    assert not missing(model_text(model), akn_body_text(written))


@pytest.mark.usefixtures("font_cache_dir")
@pytest.mark.parametrize("to", ["docx", "pdf"])
def test_annex_parts_are_printed(to: str) -> None:
    data = resconv.write(with_annex_parts(), to)
    if to == "pdf":
        text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    else:
        from tests.writers.test_docx import body_text, parts

        text = body_text(parts(data)["word/document.xml"])
    for phrase in ("Objectives", "Recognizing the need", "Agree to act", "Water", "Follow-up"):
        assert phrase in text
