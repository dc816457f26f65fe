"""FRBR IRIs of a General Assembly resolution, in the AKN4UN naming convention.

The OASIS naming convention as cobalt's `FrbrUri` implements it (``/akn/<country>/<type>/
<subtype>/<actor>/<date>/<number>``, ``/<language>@`` for the current expression,
``/!<component>``, ``.<format>``), for the one shape resconv writes; AKN4UN adds the
jurisdiction ``un``, the subtype ``deliberation`` and the actor ``unga`` (the UN's own
production data, rather than the ``un-ga`` of the guideline examples). Built here rather
than with cobalt, whose import pulls in a large dependency tree (about 30 ms, a third of
a whole ``resconv convert`` process); the tests check both agree.

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

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py

__all__ = ["ACTOR", "COUNTRY", "DOCTYPE", "SUBTYPE", "ResolutionIris", "work_number"]

PREFIX = "akn"
EXPRESSION_DATE = "@"
"""The expression "as it stands": no dated version."""
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

    work: str
    """The work without a component: ``/akn/un/statement/deliberation/unga/2012-12-03/67-38``."""
    language: str
    component_name: str = "main"
    format: str = "xml"

    @classmethod
    def for_resolution(cls, number: str, date: str, language: str) -> ResolutionIris:
        """IRIs of the main component; `date` is the adoption date, `language` an AKN code."""
        work = "/".join(("", PREFIX, COUNTRY, DOCTYPE, SUBTYPE, ACTOR, date, work_number(number)))
        return cls(work, language)

    def component(self, name: str) -> ResolutionIris:
        """The same IRIs for another component of the work: ``annex_1``."""
        return ResolutionIris(self.work, self.language, name, self.format)

    @property
    def work_this(self) -> str:
        return f"{self.work}/!{self.component_name}"

    @property
    def expression(self) -> str:
        return f"{self.work}/{self.language}{EXPRESSION_DATE}"

    @property
    def expression_this(self) -> str:
        return f"{self.expression}/!{self.component_name}"

    @property
    def manifestation_uri(self) -> str:
        return f"{self.expression}.{self.format}"

    @property
    def manifestation_this(self) -> str:
        return f"{self.expression_this}.{self.format}"
