"""Start-up speed: modules other libraries import but resconv's work never uses, loaded on
first use instead of at import.

`dataclasses` imports `inspect` only to write a docstring for a class without one;
reportlab imports Pillow (for images), uharfbuzz (for its own shaping, which resconv does
not ask for), `pickle` and `tempfile` (for caches on disk) and `inspect` (for its safe
`eval`) whatever it is asked to draw. While such a library is imported inside
`deferred(names)`, each named module it imports is a stand-in that imports the real
module the first time one of its attributes is read: the library sees the same module,
a little later, and only if it uses it. A library that takes a function from the module
as it imports (`from inspect import getfullargspec`) is given, for the functions named
in `calls`, a stand-in function that imports the module when first called. Only the
modules imported inside the block hold stand-ins; every later `import` anywhere gets the
real module.

What this saves is measured where each deferral is made.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType

__all__ = ["deferred"]


class _OnFirstUse(ModuleType):
    """A stand-in for a module not imported yet: reading any attribute imports it, except
    the functions named in `calls`, which are stand-ins that import it when called."""

    def __init__(self, name: str, calls: tuple[str, ...] = ()) -> None:
        super().__init__(name)
        self.__calls = calls

    def __getattr__(self, attribute: str) -> object:
        name = self.__name__
        if attribute in self.__calls:
            return _called_on_first_use(name, attribute)
        if attribute == "__path__" and self.__calls:
            # `from NAME import function` first asks whether NAME is a package; the
            # modules given `calls` are plain modules.
            raise AttributeError(attribute)
        if sys.modules.get(name) is self:  # read while its importer is still importing
            del sys.modules[name]
        __import__(name)
        return getattr(sys.modules[name], attribute)


def _called_on_first_use(module: str, function: str) -> Callable[..., object]:
    def call(*args: object, **kwargs: object) -> object:
        if isinstance(sys.modules.get(module), _OnFirstUse):
            del sys.modules[module]
        __import__(module)
        return getattr(sys.modules[module], function)(*args, **kwargs)

    call.__name__ = call.__qualname__ = function
    return call


@contextmanager
def deferred(names: tuple[str, ...], *, calls: tuple[str, ...] = ()) -> Iterator[None]:
    """Within the block, `import NAME` (for each of `names` not imported yet) gives a
    stand-in that imports the module when first used; `calls` names functions
    ("inspect.getfullargspec") a library takes from such a module as it imports."""
    standing_in = {}
    for name in names:
        if name not in sys.modules:
            own = tuple(call[len(name) + 1 :] for call in calls if call.startswith(name + "."))
            standing_in[name] = sys.modules[name] = _OnFirstUse(name, own)
    try:
        yield
    finally:
        for name, stand_in in standing_in.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
