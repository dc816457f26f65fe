"""Writers: a model in, the bytes of one format out; registered by name.

Built-in writers are import strings, imported only when asked for, so that
`import resconv` loads neither python-docx nor reportlab. Third parties add writers
through the entry-point group ``resconv.writers``.
"""

from __future__ import annotations

import importlib

from resconv.errors import UnknownFormatError, UsageError

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from resconv.writers.protocol import Writer

__all__ = ["Writer", "available_writers", "get_writer", "register_writer"]

ENTRY_POINT_GROUP = "resconv.writers"


_BUILTIN: dict[str, str] = {
    "akn": "resconv.writers.akn:AknWriter",
    "json": "resconv.writers.json:JsonWriter",
    "docx": "resconv.writers.docx:DocxWriter",
    "pdf": "resconv.writers.pdf:PdfWriter",
}
_registered: dict[str, type[Writer] | str] = {}
_loaded: dict[str, Writer] = {}
_entry_points_seen = False


def register_writer(name: str, writer: type[Writer] | str, *, override: bool = False) -> None:
    """Add a writer under `name` (a class or an import string "module:Class")."""
    _load_entry_points()
    if not override and (name in _BUILTIN or name in _registered):
        raise UsageError(f"a writer named {name!r} is already registered")
    _registered[name] = writer
    _loaded.pop(name, None)


def available_writers() -> list[str]:
    """Names of every writer that can be asked for."""
    _load_entry_points()
    return sorted({*_BUILTIN, *_registered})


def get_writer(name: str) -> Writer:
    """The writer registered under `name`, created once per process."""
    if name in _loaded:
        return _loaded[name]
    if name not in _registered and name not in _BUILTIN:
        _load_entry_points()  # scanning installed packages costs ~20 ms: only when needed
    target = _registered.get(name) or _BUILTIN.get(name)
    if target is None:
        known = ", ".join(available_writers())
        raise UnknownFormatError(f"unknown output format {name!r} (known: {known})")
    cls = _import(target) if isinstance(target, str) else target
    writer = cls()
    _loaded[name] = writer
    return writer


def _import(target: str) -> type[Writer]:
    module_name, _, attribute = target.partition(":")
    cls: type[Writer] = getattr(importlib.import_module(module_name), attribute)
    return cls


def entry_points(group: str) -> list[EntryPoint]:
    """Installed entry points of `group` (importlib.metadata is imported only here)."""
    from importlib.metadata import entry_points as installed

    return list(installed(group=group))


def _load_entry_points() -> None:
    global _entry_points_seen
    if _entry_points_seen:
        return
    _entry_points_seen = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in _BUILTIN or ep.name in _registered:
            raise UsageError(
                f"entry point {ep.value!r} registers writer {ep.name!r}, which already exists"
            )
        _registered[ep.name] = ep.value


def __getattr__(name: str) -> object:
    """`Writer` (a protocol: it imports `typing`), loaded when first asked for."""
    if name != "Writer":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from resconv.writers.protocol import Writer

    return Writer
