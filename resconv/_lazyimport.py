"""Start-up speed: modules other libraries import but resconv's work never uses, loaded on
first use instead of at import.

`dataclasses` imports `inspect` only to write a docstring for a class without one;
reportlab imports Pillow (for images), uharfbuzz (for its own shaping, which resconv does
not ask for), `pickle` and `tempfile` (for caches on disk) and `inspect` (for its safe
`eval`) whatever it is asked to draw. While such a library is imported inside
`deferred(names)`, each named module it imports is a stand-in that imports the real
module the first time one of its attributes is read: the library sees the same module,
a little later, and only if it uses it. Only the modules imported inside the block hold
stand-ins; every later `import` anywhere gets the real module.

What this saves is measured where each deferral is made.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

__all__ = ["deferred"]


class _OnFirstUse(ModuleType):
    """A stand-in for a module not imported yet: reading any attribute imports it."""

    def __getattr__(self, attribute: str) -> object:
        name = self.__name__
        if sys.modules.get(name) is self:  # read while its importer is still importing
            del sys.modules[name]
        __import__(name)
        return getattr(sys.modules[name], attribute)


@contextmanager
def deferred(names: tuple[str, ...]) -> Iterator[None]:
    """Within the block, `import NAME` (for each of `names` not imported yet) gives a
    stand-in that imports the module when first used."""
    standing_in = {}
    for name in names:
        if name not in sys.modules:
            standing_in[name] = sys.modules[name] = _OnFirstUse(name)
    try:
        yield
    finally:
        for name, stand_in in standing_in.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
