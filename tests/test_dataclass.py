"""resconv's slotted dataclasses, built by `resconv._dataclass` at start-up, are the classes
`dataclasses.dataclass` makes of the same source: every such class of the text reader and
the writers compared with `dataclasses`' own; the model's source run again under
`dataclasses.dataclass` and compared class by class, and instance by instance on the models
of the bundled fixtures; classes of every kind resconv writes compared in behaviour."""

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

from resconv import _dataclass, model, native
from resconv.errors import InvalidTextError

from .conftest import FIXTURES

MODEL_SOURCE = Path(model.__file__).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference() -> Iterator[types.ModuleType]:
    """`resconv/model.py` run again with `dataclasses.dataclass` itself."""
    module = types.ModuleType("resconv_reference_model")
    module.__file__ = model.__file__
    sys.modules[module.__name__] = module
    saved = _dataclass.dataclass
    _dataclass.dataclass = dataclasses.dataclass  # type: ignore[assignment]
    try:
        exec(compile(MODEL_SOURCE, model.__file__, "exec"), module.__dict__)
    finally:
        _dataclass.dataclass = saved
    yield module
    del sys.modules[module.__name__]


def model_classes() -> list[type]:
    return [
        value
        for value in vars(model).values()
        if isinstance(value, type) and value.__module__ == model.__name__
    ]


def test_every_model_class_is_built_in_one_step() -> None:
    classes = model_classes()
    decorator = "\n@dataclass(frozen=True, slots=True, kw_only=True)\nclass "
    assert len(classes) == MODEL_SOURCE.count(decorator) > 0
    for cls in classes:
        assert isinstance(cls.__dict__["__dataclass_params__"], _dataclass._Params), cls


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
def test_model_class_is_what_dataclass_makes(cls: type, reference: types.ModuleType) -> None:
    assert_same_class(cls, getattr(reference, cls.__name__))


def built_here() -> list[type]:
    """Every class `resconv._dataclass` built in the modules a text reading and the
    writers import."""
    import resconv.readers.text.reader
    import resconv.writers.akn.writer
    import resconv.writers.docx.writer
    import resconv.writers.pdf.writer  # noqa: F401

    return [
        value
        for name, module in sorted(sys.modules.items())
        if name.startswith("resconv.")
        for value in vars(module).values()
        if isinstance(value, type)
        and value.__module__ == name
        and isinstance(value.__dict__.get("__dataclass_params__"), _dataclass._Params)
    ]


def test_readers_and_writers_classes_are_what_dataclass_makes() -> None:
    classes = built_here()
    assert len(classes) > len(model_classes()) + 20
    for cls in classes:
        assert_same_class(cls, cls.__dict__["__dataclass_params__"].reference())


def assert_same_class(cls: type, real: type) -> None:
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
        ours, theirs = getattr(cls, name), getattr(real, name)
        assert (ours is None) == (theirs is None), name
        assert getattr(ours, "__qualname__", None) == getattr(theirs, "__qualname__", None)
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


KINDS = [
    {"slots": True},
    {"slots": True, "frozen": True},
    {"slots": True, "kw_only": True},
    {"slots": True, "frozen": True, "kw_only": True},
]


def _pair(options: dict[str, bool]) -> tuple[type, type]:
    """One class source, built by `resconv._dataclass` and by `dataclasses`."""

    def body() -> dict[str, Any]:
        def __post_init__(self: Any) -> None:
            if self.count < 0:
                raise ValueError("negative count")

        return {
            "__module__": __name__,
            "__qualname__": "Probe",
            "__doc__": "A probe.",
            "__annotations__": {"name": "str", "count": "int", "items": "list[int]"},
            "count": 0,
            "items": dataclasses.field(default_factory=list),
            "__post_init__": __post_init__,
        }

    ours = _dataclass.dataclass(**options)(type("Probe", (), body()))
    theirs: type = dataclasses.dataclass(**options)(type("Probe", (), body()))
    return ours, theirs


@pytest.mark.parametrize("options", KINDS, ids=lambda options: "-".join(options))
def test_every_kind_behaves_as_dataclasses_makes_it(options: dict[str, bool]) -> None:
    ours, theirs = _pair(options)
    assert isinstance(ours.__dict__["__dataclass_params__"], _dataclass._Params)
    assert_same_class(ours, theirs)
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((), {"name": "a"}),
        ((), {"name": "a", "count": 2, "items": [1]}),
        (("a",), {}),
        (("a", 2, [3]), {}),
        ((), {"name": "a", "count": -1}),
        ((), {}),
        ((), {"name": "a", "other": 1}),
    ]
    for arguments, keywords in calls:
        assert _outcome(ours, *arguments, **keywords) == _outcome(theirs, *arguments, **keywords)
    one, other = ours(name="a", count=1), theirs(name="a", count=1)
    assert repr(one) == repr(other) and one == ours(name="a", count=1) and one != other
    assert _outcome(hash, one) == _outcome(hash, other)
    assert repr(dataclasses.replace(one, count=5)) == repr(dataclasses.replace(other, count=5))
    assert dataclasses.asdict(one) == dataclasses.asdict(other)
    for action in (
        lambda target: setattr(target, "count", 3),
        lambda target: setattr(target, "other", 3),
        lambda target: delattr(target, "count"),
    ):
        assert _outcome(action, one) == _outcome(action, other)
        assert _outcome(repr, one) == _outcome(repr, other)


def test_unusual_classes_are_left_to_dataclasses() -> None:
    """What the fast path does not write (a base class, `field()` options, no fields, a
    method `dataclasses` would add, no equality, no docstring) is built by `dataclasses`
    itself."""

    class Base:
        pass

    def probe(name: str, bases: tuple[type, ...] = (), **body: Any) -> type:
        return type(name, bases, {"__annotations__": {"a": "int"}, "__doc__": "A.", **body})

    frozen = _dataclass.dataclass(frozen=True, slots=True, kw_only=True)
    classes = [
        frozen(probe("WithBase", (Base,))),
        frozen(probe("Options", a=dataclasses.field(default=1, repr=False))),
        frozen(type("Empty", (), {"__doc__": "A."})),
        frozen(probe("NoDocstring", __doc__=None)),
        frozen(probe("OwnRepr", __repr__=lambda self: "mine")),
        _dataclass.dataclass(slots=True, eq=False)(probe("NoEquality")),
        _dataclass.dataclass()(probe("NoSlots")),
    ]
    for cls in classes:
        assert not isinstance(cls.__dict__.get("__dataclass_params__"), _dataclass._Params)
        assert dataclasses.is_dataclass(cls)
    assert repr(classes[1](a=2)) == "Options()" and repr(classes[4](a=1)) == "mine"
    assert classes[3].__doc__ == "NoDocstring(*, a: 'int')"
    with pytest.raises(TypeError):  # as `dataclasses`: no default after a default
        _dataclass.dataclass(slots=True)(
            type("Order", (), {"__annotations__": {"a": "int", "b": "int"}, "a": 1})
        )
