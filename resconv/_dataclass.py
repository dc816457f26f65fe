"""Start-up speed: resconv's slotted dataclasses built without `dataclasses`' processing.

`@dataclass(slots=True)` costs about 0.8–1 M instructions a class even with its generated
methods compiled once (`resconv._codecache`): it reads the annotations into `Field`
objects, writes each method's source text, then builds the class a second time for its
slots. A text → AKN process defines about 38 such classes (the model's 19 among them).

`dataclass` here takes the same arguments for the classes resconv writes (`slots=True`,
with or without `frozen` and `kw_only`) and builds the same class in one step: the same
`__init__` (with the class's `__post_init__`), `__repr__`, `__eq__`, `__hash__`, frozen
`__setattr__`/`__delattr__`, slots, pickling and `__match_args__`, from one generated
function a class whose code `resconv._codecache` keeps; the same `Field` objects in
`__dataclass_fields__`, so that `dataclasses.fields`, `replace`, `asdict` and
`is_dataclass` work as before; `__dataclass_params__` made by `dataclasses` itself on first
use. Any other class (other arguments, a base class, no docstring, `ClassVar`, `field()`
options beyond a default, a method of its own among those generated) goes to
`dataclasses.dataclass`, as does every class on interpreters other than CPython 3.11–3.13.
`tests/test_dataclass.py` checks every class built here against `dataclasses.dataclass`
applied to the same source.
"""

from __future__ import annotations

import dataclasses
import sys

from resconv import _codecache

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform

    _C = TypeVar("_C", bound=type)
else:

    def dataclass_transform(**kwargs: object) -> object:
        return lambda decorator: decorator


__all__ = ["dataclass"]

_PIECES = (
    "_FIELD",
    "_HAS_DEFAULT_FACTORY",
    "_recursive_repr",
    "_dataclass_getstate",
    "_dataclass_setstate",
)
_AVAILABLE = (
    sys.implementation.name == "cpython"
    and (3, 11) <= sys.version_info[:2] <= (3, 13)
    and all(hasattr(dataclasses, name) for name in _PIECES)
)
"""`dataclasses`' private pieces reused here, so that the methods are the same objects or
the same code (CPython 3.11–3.13); elsewhere `dataclass` is `dataclasses.dataclass`."""

_GENERATED = frozenset(
    (
        "__init__",
        "__repr__",
        "__eq__",
        "__hash__",
        "__setattr__",
        "__delattr__",
        "__getstate__",
        "__setstate__",
        "__match_args__",
        "__slots__",
    )
)
"""What `dataclasses` adds to a class; a class that defines one itself is left to it."""

_INIT = """\
    def __init__(self, {parameters}) -> None:
{assignments}
"""
_SHARED = """\
    def __repr__(self):
        return self.__class__.__qualname__ + f"({repr_fields})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return ({own},) == ({other},)
        return NotImplemented
"""
_FROZEN = """\
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
"""
"""The methods `dataclasses` (3.11) writes for a slotted class, written as one function a
class (`__make__`): one code object to keep, one call to make them all. A class that is
not frozen gets `__hash__ = None`, as `dataclasses` gives it."""


class _Params:
    """`__dataclass_params__`, made by `dataclasses` on first use (a subclass made a
    dataclass reads it). Keeps the class as written."""

    def __init__(self, cls: type, frozen: bool, kw_only: bool) -> None:
        self.cls = cls
        self.frozen = frozen
        self.kw_only = kw_only
        self.params: object = None

    def reference(self) -> type:
        """What `dataclasses.dataclass` makes of the class as written."""
        body = {k: v for k, v in self.cls.__dict__.items() if k not in _NOT_COPIED}
        real = dataclasses.dataclass(slots=True, frozen=self.frozen, kw_only=self.kw_only)
        return real(type(self.cls.__name__, self.cls.__bases__, body))

    def __get__(self, instance: object, owner: type) -> object:
        if self.params is None:
            self.params = self.reference().__dataclass_params__  # type: ignore[attr-defined]
        return self.params


_NOT_COPIED = ("__dict__", "__weakref__")


@dataclass_transform(field_specifiers=(dataclasses.field,))
def dataclass(
    cls: None = None,
    /,
    *,
    frozen: bool = False,
    slots: bool = False,
    kw_only: bool = False,
    eq: bool = True,
) -> Callable[[_C], _C]:
    """`dataclasses.dataclass(cls, frozen=…, slots=…, kw_only=…, eq=…)`, built in one step
    for a slotted class with equality."""

    def wrap(cls: _C) -> _C:
        fields = _fields(cls, kw_only) if slots and eq and _AVAILABLE else None
        if fields is None:
            real = dataclasses.dataclass(frozen=frozen, slots=slots, kw_only=kw_only, eq=eq)
            return real(cls)  # type: ignore[return-value]
        return _build(cls, fields, frozen=frozen, kw_only=kw_only)

    return wrap


def _build(
    cls: _C, fields: dict[str, dataclasses.Field[Any]], *, frozen: bool, kw_only: bool
) -> _C:
    arguments: dict[str, Any] = {}
    parameters = ["*"] if kw_only else []
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
        if frozen:
            assignments.append(f"        _object_setattr(self, {name!r}, {value})")
        else:
            assignments.append(f"        self.{name} = {value}")
    body = {k: v for k, v in cls.__dict__.items() if k not in fields and k not in _NOT_COPIED}
    if "__post_init__" in body:
        assignments.append("        self.__post_init__()")
    names = [*fields]
    generated = ["__init__", "__repr__", "__eq__"]
    source = _INIT.format(parameters=", ".join(parameters), assignments="\n".join(assignments))
    source += _SHARED.format(
        repr_fields=", ".join(f"{name}={{self.{name}!r}}" for name in names),
        own=", ".join(f"self.{name}" for name in names),
        other=", ".join(f"other.{name}" for name in names),
    )
    if frozen:
        source += _FROZEN.format(
            own=", ".join(f"self.{name}" for name in names),
            names=", ".join(repr(name) for name in names) + ",",
        )
        generated += ["__hash__", "__setattr__", "__delattr__"]
    source = (
        "def __make__(cls, _object_setattr, _HAS_DEFAULT_FACTORY, _FrozenInstanceError, "
        + "".join(f"{name}, " for name in arguments)
        + "):\n"
        + source
        + f"    return {', '.join(generated)}\n"
    )
    namespace: dict[str, Any] = {}
    module = sys.modules.get(cls.__module__)
    _codecache.run(source, {} if module is None else module.__dict__, namespace)
    made = namespace["__make__"](
        cls,  # as `dataclasses` does: the class as written, before slots
        object.__setattr__,
        dataclasses._HAS_DEFAULT_FACTORY,  # type: ignore[attr-defined]
        dataclasses.FrozenInstanceError,
        *arguments.values(),
    )
    methods = dict(zip(generated, made, strict=True))
    methods["__repr__"] = dataclasses._recursive_repr(methods["__repr__"])  # type: ignore[attr-defined]
    for method_name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{method_name}"
    body.update(methods)
    if not frozen:
        body["__hash__"] = None
    body["__dataclass_params__"] = _Params(cls, frozen, kw_only)
    body["__dataclass_fields__"] = fields
    body["__match_args__"] = () if kw_only else tuple(names)
    body["__slots__"] = tuple(names)
    if frozen:
        body["__getstate__"] = dataclasses._dataclass_getstate  # type: ignore[attr-defined]
        body["__setstate__"] = dataclasses._dataclass_setstate  # type: ignore[attr-defined]
    built = type(cls)(cls.__name__, cls.__bases__, body)
    built.__qualname__ = cls.__qualname__
    return built


def _fields(cls: type, kw_only: bool) -> dict[str, dataclasses.Field[Any]] | None:
    """The `Field`s `dataclasses` would make for `cls`; None for what is left to
    `dataclasses`: a base class, no docstring, no fields, `ClassVar` or `InitVar`
    annotations, `field()` options beyond a default, mutable defaults, a method
    `dataclasses` would add, a field without a default after one with a default."""
    if cls.__bases__ != (object,) or not _GENERATED.isdisjoint(cls.__dict__):
        return None
    if cls.__dict__.get("__doc__") is None:
        return None  # `dataclasses` writes the signature as the docstring (with `inspect`)
    # As `dataclasses` reads them (`inspect`, which `get_annotations` needs, is kept off
    # the start path: resconv/_codecache.py).
    annotations: dict[str, Any] = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
    fields: dict[str, dataclasses.Field[Any]] = {}
    defaulted = False
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
        has_default = (
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        )
        if defaulted and not has_default and not kw_only:
            return None  # `dataclasses` refuses it
        defaulted = defaulted or has_default
        f.name = name
        f.type = annotation
        f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        f.kw_only = kw_only
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
