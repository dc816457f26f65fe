"""Start-up speed: the model's frozen dataclasses built without `dataclasses`' processing.

`@dataclass(frozen=True, slots=True, kw_only=True)` costs about 0.8–1 M instructions a
class even with its generated methods compiled once (`resconv._codecache`): reading the
annotations into `Field` objects, writing the methods' source text, then building the
class a second time for its slots. The model defines 20 such classes on every start.

`frozen_dataclass` builds the same class in one step: the same `__init__` (keyword-only,
with the class's `__post_init__`), `__repr__`, `__eq__`, `__hash__`, frozen
`__setattr__`/`__delattr__`, slots, pickling and `__match_args__`, from one generated
function per class whose code `resconv._codecache` keeps. `__dataclass_fields__` and
`__dataclass_params__` are made by `dataclasses` itself, from the same annotations and
defaults, the first time anything asks (`dataclasses.fields`, `replace`, `asdict`,
`is_dataclass`, pickling), so they are exactly what `@dataclass` would give.
`tests/test_frozen.py` checks every model class against `@dataclass` applied to the same
source. On interpreters whose `dataclasses` lacks the pieces used here, it is `@dataclass`.
"""

from __future__ import annotations

import dataclasses
import sys

from resconv import _codecache

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Any, TypeVar, dataclass_transform

    _C = TypeVar("_C", bound=type)
else:

    def dataclass_transform(**kwargs: object) -> object:
        return lambda decorator: decorator


__all__ = ["frozen_dataclass"]

_PIECES = (
    "_FIELD",
    "_HAS_DEFAULT_FACTORY",
    "_recursive_repr",
    "_dataclass_getstate",
    "_dataclass_setstate",
)
_AVAILABLE = all(hasattr(dataclasses, name) for name in _PIECES) and sys.version_info < (3, 14)
"""`dataclasses`' private pieces reused here, so that the methods are the same objects or
the same code (CPython 3.11–3.13); elsewhere `frozen_dataclass` is `@dataclass`."""

_TEMPLATE = """\
def __make__(cls, _object_setattr, _HAS_DEFAULT_FACTORY, _FrozenInstanceError, {locals}):
    def __init__(self, *, {parameters}) -> None:
{assignments}
    def __repr__(self):
        return self.__class__.__qualname__ + f"({repr_fields})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return ({own},) == ({other},)
        return NotImplemented
    def __hash__(self):
        return hash(({own},))
    def __setattr__(self, name, value):
        if type(self) is cls or name in ({names}):
            raise _FrozenInstanceError(f"cannot assign to field {{name!r}}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in ({names}):
            raise _FrozenInstanceError(f"cannot delete field {{name!r}}")
        super(cls, self).__delattr__(name)
    return __init__, __repr__, __eq__, __hash__, __setattr__, __delattr__
"""
"""The methods `dataclasses` (3.11) writes for a frozen, keyword-only class, as one
function per class: one code object to keep, one call to make them."""


class _Params:
    """`__dataclass_params__`, made by `dataclasses` on first use (only a subclass made a
    dataclass reads it), then stored in its place."""

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def __get__(self, instance: object, owner: type) -> Any:
        copy = {k: v for k, v in self.cls.__dict__.items() if k not in _NOT_COPIED}
        copy.update((f.name, f) for f in owner.__dataclass_fields__.values())  # type: ignore[attr-defined]
        reference: Any = dataclasses.dataclass(frozen=True, kw_only=True)(
            type(self.cls.__name__, self.cls.__bases__, copy)
        )
        type.__setattr__(owner, "__dataclass_params__", reference.__dataclass_params__)
        return reference.__dataclass_params__


_NOT_COPIED = ("__dict__", "__weakref__")


@dataclass_transform(
    frozen_default=True, kw_only_default=True, field_specifiers=(dataclasses.field,)
)
def frozen_dataclass(cls: _C) -> _C:
    """`cls` as `@dataclass(frozen=True, slots=True, kw_only=True)` makes it."""
    fields = _fields(cls) if _AVAILABLE else None
    if fields is None:  # what the template does not write: `dataclasses` itself
        real = dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
        return real(cls)  # type: ignore[return-value]
    arguments: dict[str, Any] = {}
    parameters = []
    assignments = []
    for name, f in fields.items():
        arguments[f"_type_{name}"] = f.type
        value = name
        if f.default_factory is not dataclasses.MISSING:
            arguments[f"_dflt_{name}"] = f.default_factory
            parameters.append(f"{name}: _type_{name} = _HAS_DEFAULT_FACTORY")
            value = f"_dflt_{name}() if {name} is _HAS_DEFAULT_FACTORY else {name}"
        elif f.default is not dataclasses.MISSING:
            arguments[f"_dflt_{name}"] = f.default
            parameters.append(f"{name}: _type_{name} = _dflt_{name}")
        else:
            parameters.append(f"{name}: _type_{name}")
        assignments.append(f"        _object_setattr(self, {name!r}, {value})")
    body = {k: v for k, v in cls.__dict__.items() if k not in fields and k not in _NOT_COPIED}
    if "__post_init__" in body:
        assignments.append("        self.__post_init__()")
    source = _TEMPLATE.format(
        locals=", ".join(arguments),
        parameters=", ".join(parameters),
        assignments="\n".join(assignments),
        repr_fields=", ".join(f"{name}={{self.{name}!r}}" for name in fields),
        own=", ".join(f"self.{name}" for name in fields),
        other=", ".join(f"other.{name}" for name in fields),
        names=", ".join(repr(name) for name in fields) + ",",
    )
    namespace: dict[str, Any] = {}
    _codecache.run(source, sys.modules[cls.__module__].__dict__, namespace)
    init, repr_, eq, hash_, setattr_, delattr_ = namespace["__make__"](
        cls,  # as `dataclasses` does: the class before slots
        object.__setattr__,
        dataclasses._HAS_DEFAULT_FACTORY,  # type: ignore[attr-defined]
        dataclasses.FrozenInstanceError,
        *arguments.values(),
    )
    methods = {
        "__init__": init,
        "__repr__": dataclasses._recursive_repr(repr_),  # type: ignore[attr-defined]
        "__eq__": eq,
        "__hash__": hash_,
        "__setattr__": setattr_,
        "__delattr__": delattr_,
    }
    for method_name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{method_name}"
    body.update(methods)
    body["__dataclass_params__"] = _Params(cls)
    body["__dataclass_fields__"] = fields
    body["__match_args__"] = ()
    body["__slots__"] = tuple(fields)
    body["__getstate__"] = dataclasses._dataclass_getstate  # type: ignore[attr-defined]
    body["__setstate__"] = dataclasses._dataclass_setstate  # type: ignore[attr-defined]
    built = type(cls)(cls.__name__, cls.__bases__, body)
    built.__qualname__ = cls.__qualname__
    return built


def _fields(cls: type) -> dict[str, dataclasses.Field[Any]] | None:
    """The `Field`s `dataclasses` would make for `cls` (keyword-only); None for what
    `frozen_dataclass` leaves to `dataclasses`: base classes, no fields, `ClassVar` or
    `InitVar` annotations, `field()` options other than a default, mutable defaults."""
    if cls.__bases__ != (object,) or "__slots__" in cls.__dict__:
        return None
    # As `dataclasses` reads them (`inspect`, which `get_annotations` needs, is kept off
    # the start path: resconv/_codecache.py).
    annotations: dict[str, Any] = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
    fields: dict[str, dataclasses.Field[Any]] = {}
    for name, annotation in annotations.items():
        if not isinstance(annotation, str) or "ClassVar" in annotation or "InitVar" in annotation:
            return None
        default = cls.__dict__.get(name, dataclasses.MISSING)
        if isinstance(default, dataclasses.Field):
            if not _plain_field(default):
                return None
            f = default
        else:
            if default is not dataclasses.MISSING and type(default).__hash__ is None:
                return None  # `dataclasses` refuses it
            f = dataclasses.field(default=default)
        f.name = name
        f.type = annotation
        f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        f.kw_only = True
        fields[name] = f
    return fields or None


def _plain_field(value: dataclasses.Field[Any]) -> bool:
    """A `field()` that only gives a default or a default factory."""
    return (
        value.init
        and value.repr
        and value.compare
        and value.hash is None
        and not value.metadata
        and value.kw_only is dataclasses.MISSING
    )
