"""The model's classes, built by `resconv._frozen` at start-up, are the classes
`@dataclass(frozen=True, slots=True, kw_only=True)` makes of the same source: compared
class by class with the model's source run again under the real decorator, and instance by
instance on the models of the bundled fixtures."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import inspect
import pickle
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from resconv import _frozen, model, native
from resconv.errors import InvalidTextError

from .conftest import FIXTURES

MODEL_SOURCE = Path(model.__file__).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference() -> Iterator[types.ModuleType]:
    """`resconv/model.py` run again with `frozen_dataclass` as `@dataclass` itself."""
    module = types.ModuleType("resconv_reference_model")
    module.__file__ = model.__file__
    real = dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
    sys.modules[module.__name__] = module
    saved = _frozen.frozen_dataclass
    _frozen.frozen_dataclass = real  # type: ignore[assignment]
    try:
        exec(compile(MODEL_SOURCE, model.__file__, "exec"), module.__dict__)
    finally:
        _frozen.frozen_dataclass = saved
    yield module
    del sys.modules[module.__name__]


def model_classes() -> list[type]:
    return [
        value
        for value in vars(model).values()
        if isinstance(value, type) and value.__module__ == model.__name__
    ]


def test_every_model_class_is_built_by_frozen_dataclass() -> None:
    classes = model_classes()
    assert len(classes) == MODEL_SOURCE.count("\n@frozen_dataclass\nclass ") > 0
    for cls in classes:
        assert isinstance(cls.__dict__["__dataclass_params__"], _frozen._Params), cls


def _described(value: object) -> object:
    """A default or a factory, comparable across the two modules."""
    if isinstance(value, type):
        return value.__qualname__
    return repr(value)


def _field(f: dataclasses.Field[Any]) -> tuple[object, ...]:
    return (
        f.name,
        f.type,
        _described(f.default),
        _described(f.default_factory),
        f.init,
        f.repr,
        f.hash,
        f.compare,
        dict(f.metadata),
        f.kw_only,
        f._field_type,  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("cls", model_classes(), ids=lambda cls: cls.__name__)
def test_class_is_what_dataclass_makes(cls: type, reference: types.ModuleType) -> None:
    real = getattr(reference, cls.__name__)
    assert sorted(vars(cls)) == sorted(vars(real))
    assert cls.__qualname__ == real.__qualname__
    assert cls.__doc__ == real.__doc__
    assert cls.__slots__ == real.__slots__  # type: ignore[attr-defined]
    assert cls.__match_args__ == real.__match_args__  # type: ignore[attr-defined]
    assert cls.__annotations__ == real.__annotations__
    assert [_field(f) for f in dataclasses.fields(cls)] == [
        _field(f) for f in dataclasses.fields(real)
    ]
    assert repr(cls.__dataclass_params__) == repr(real.__dataclass_params__)  # type: ignore[attr-defined]
    assert str(inspect.signature(cls)) == str(inspect.signature(real))
    assert cls.__init__.__annotations__ == real.__init__.__annotations__  # type: ignore[misc]
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert getattr(cls, name).__qualname__ == getattr(real, name).__qualname__, name
    for name in ("__getstate__", "__setstate__", "__post_init__"):
        assert (name in vars(cls)) == (name in vars(real))
    assert cls.__dictoffset__ == real.__dictoffset__ == 0  # no instance `__dict__`
    assert cls.__weakrefoffset__ == real.__weakrefoffset__ == 0
    assert type(cls) is type(real) is type


def _models() -> Iterator[model.Resolution]:
    for path in sorted(FIXTURES.glob("*/model.json")):
        yield native.loads(path.read_text(encoding="utf-8"))


def _instances(value: object) -> Iterator[Any]:
    """Every model instance in `value`, outermost first."""
    if isinstance(value, tuple):
        for item in value:
            yield from _instances(item)
    elif dataclasses.is_dataclass(value):
        yield value
        for f in dataclasses.fields(value):
            yield from _instances(getattr(value, f.name))


def _as_reference(value: Any, reference: types.ModuleType) -> Any:
    """`value` rebuilt of the reference module's classes."""
    if isinstance(value, tuple):
        return tuple(_as_reference(item, reference) for item in value)
    if dataclasses.is_dataclass(value):
        real = getattr(reference, type(value).__name__)
        return real(
            **{
                f.name: _as_reference(getattr(value, f.name), reference)
                for f in dataclasses.fields(value)
            }
        )
    return value


def _outcome(action: Any, *arguments: Any, **keywords: Any) -> tuple[str, str]:
    """What `action(*arguments, **keywords)` returned or raised."""
    try:
        result = action(*arguments, **keywords)
    except Exception as exc:
        return type(exc).__qualname__, str(exc)
    return "returned", repr(result)


def test_instances_behave_as_dataclass_instances(reference: types.ModuleType) -> None:
    seen: set[str] = set()
    for resolution in _models():
        for ours in _instances(resolution):
            theirs = _as_reference(ours, reference)
            seen.add(type(ours).__name__)
            assert repr(ours) == repr(theirs)
            assert hash(ours) == hash(theirs)
            assert repr(ours.__getstate__()) == repr(theirs.__getstate__())  # type: ignore[attr-defined]
            assert pickle.loads(pickle.dumps(ours)) == ours
            assert copy.deepcopy(ours) == ours and copy.copy(ours) == ours
            assert ours != theirs and (ours == theirs) is (theirs == ours)
            for f in dataclasses.fields(ours):
                for action in (
                    lambda target, name=f.name: setattr(target, name, None),
                    lambda target, name=f.name: delattr(target, name),
                ):
                    assert _outcome(action, ours) == _outcome(action, theirs)
            for on_other in (
                lambda target: setattr(target, "other", 1),
                lambda target: delattr(target, "other"),
            ):
                assert _outcome(on_other, ours) == _outcome(on_other, theirs)
            changed = dataclasses.replace(ours)
            assert changed == ours and changed is not ours
    assert {"Resolution", "Text", "Table", "TableCell", "Part", "Footnote"} <= seen


def test_construction_checks_and_errors_are_the_same(reference: types.ModuleType) -> None:
    cases: list[tuple[str, dict[str, Any]]] = [
        ("Text", {"text": "a\x00b"}),
        ("Text", {}),
        ("Text", {"text": "a", "other": 1}),
        ("Reference", {"content": (), "kind": "nothing"}),
        ("TableCell", {"row_span": 0}),
        ("Adoption", {"date": dt.date(2012, 12, 3), "date_text": "x", "meeting": 48}),
        ("Vote", {"outcome": "adoptedRecordedVote", "in_favour_names": ("a\x01",)}),
        ("CoverPage", {"job_number": "12-345"}),
    ]
    for name, arguments in cases:
        ours = _outcome(getattr(model, name), **arguments)
        theirs = _outcome(getattr(reference, name), **arguments)
        assert ours[0] == theirs[0]
        assert ours[1].replace("resconv_reference_model", "resconv.model") == theirs[1].replace(
            "resconv_reference_model", "resconv.model"
        )
    with pytest.raises(InvalidTextError):
        model.Text(text="\ufffe")
    resolution = model.Resolution(
        symbol="A/RES/1/1", number="1/1", language="en", title=(), authority="x"
    )
    assert resolution.cover == model.CoverPage() and resolution.cover is not model.CoverPage()


def test_unusual_classes_are_left_to_dataclasses() -> None:
    """What the fast path does not write (a base class, `field()` options, no fields) is
    built by `dataclasses` itself, with the same result."""

    class Base:
        pass

    with_base = _frozen.frozen_dataclass(
        type("WithBase", (Base,), {"__annotations__": {"a": "int"}})
    )
    options = _frozen.frozen_dataclass(
        type(
            "Options",
            (),
            {"__annotations__": {"a": "int"}, "a": dataclasses.field(default=1, repr=False)},
        )
    )
    empty = _frozen.frozen_dataclass(type("Empty", (), {}))
    for cls in (with_base, options, empty):
        assert not isinstance(cls.__dict__["__dataclass_params__"], _frozen._Params)
        assert dataclasses.is_dataclass(cls)
    assert repr(options(a=2)) == "Options()"
