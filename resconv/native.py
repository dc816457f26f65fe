"""The canonical JSON form of the model (resconv's "native" format).

Every dataclass becomes an object with a "type" key naming its class and one key per
field; dates are ISO strings. `dumps` sorts keys and keeps non-ASCII text as is, so
the same model always gives the same bytes. `schemas/resolution.schema.json` describes
the result.
"""

from __future__ import annotations

import dataclasses
import json
import types

from resconv import _dates as _dt  # start-up speed: resconv/_dates.py
from resconv import model
from resconv.errors import ResconvError, StructureError

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Any

__all__ = ["FORMAT_VERSION", "dumps", "from_dict", "loads", "to_dict"]

FORMAT_VERSION = 1

_CLASSES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        model.Text,
        model.FootnoteRef,
        model.Reference,
        model.Emphasis,
        model.Subparagraph,
        model.PreambularParagraph,
        model.OperativeParagraph,
        model.Heading,
        model.Paragraph,
        model.TableCell,
        model.TableRow,
        model.Table,
        model.Part,
        model.Footnote,
        model.Annex,
        model.Adoption,
        model.Vote,
        model.CoverPage,
        model.Resolution,
    )
}


def to_dict(value: Any) -> Any:
    """The JSON-ready form of a model value."""
    if isinstance(value, model.Footnote):
        return _footnote_dict(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {"type": type(value).__name__}
        for f in dataclasses.fields(value):
            out[f.name] = to_dict(getattr(value, f.name))
        return out
    if isinstance(value, tuple):
        return [to_dict(item) for item in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _footnote_dict(note: model.Footnote) -> dict[str, Any]:
    """A note's plain "text" (the form resconv has always written, so older readers still
    read it), and its "content" as inlines only when it holds references or emphasis."""
    out: dict[str, Any] = {"type": "Footnote", "marker": note.marker, "text": note.text}
    if not note.is_plain:
        out["content"] = to_dict(note.content)
    return out


def _footnote(data: dict[str, Any], path: str) -> model.Footnote:
    """The inverse of `_footnote_dict`; "content", when present, is the note."""
    unknown = set(data) - {"type", "marker", "text", "content"}
    if unknown:
        raise StructureError(f"{path}: unknown field {sorted(unknown)[0]!r}")
    marker = _build(data.get("marker"), str, f"{path}.marker")
    text = _build(data.get("text"), str | None, f"{path}.text")
    if "content" not in data:
        return model.Footnote.of_text(marker, text)
    content = _build(data["content"], model.Inlines, f"{path}.content")
    note = model.Footnote(marker=marker, content=content)
    if note.text != text:
        raise StructureError(f"{path}: the note's text and content disagree")
    return note


def dumps(resolution: model.Resolution) -> str:
    """The canonical JSON text of `resolution`, ending with a newline."""
    document = {"resconv": FORMAT_VERSION, "resolution": to_dict(resolution)}
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def loads(text: str, *, source: str | None = None) -> model.Resolution:
    """The resolution in canonical JSON `text`."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StructureError(f"not JSON: {exc.msg}", source=source, line=exc.lineno) from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, arrays nested too deep
        raise StructureError(f"not usable JSON: {exc}", source=source) from None
    if not isinstance(document, dict) or document.get("resconv") != FORMAT_VERSION:
        raise StructureError(
            f'not resconv JSON (expected an object with "resconv": {FORMAT_VERSION})',
            source=source,
        )
    value = from_dict(document.get("resolution"), model.Resolution, source=source)
    assert isinstance(value, model.Resolution)
    return value


def from_dict(data: Any, expected: Any, *, source: str | None = None) -> Any:
    """Build a model value of type `expected` from its JSON-ready form."""
    try:
        return _build(data, expected, "resolution")
    except ResconvError as exc:  # StructureError, or InvalidTextError from a Text
        exc.source = source
        raise
    except (TypeError, ValueError, RecursionError) as exc:
        raise StructureError(f"invalid resconv JSON: {exc}", source=source) from None


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        import typing  # reading JSON only: writing it never imports `typing`

        _HINTS[cls] = typing.get_type_hints(cls, vars(model))
    return _HINTS[cls]


def _build(data: Any, expected: Any, path: str) -> Any:
    import typing  # reading JSON only: writing it never imports `typing`

    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(expected)
        if data is None and type(None) in options:
            return None
        classes = [o for o in options if o is not type(None)]
        if isinstance(data, dict) and all(isinstance(c, type) for c in classes):
            name = data.get("type")
            for cls in classes:
                if cls.__name__ == name:
                    return _build(data, cls, path)
            raise StructureError(
                f"{path}: type {name!r} is not one of {[c.__name__ for c in classes]}"
            )
        return _build(data, classes[0], path)
    if origin is tuple:
        if not isinstance(data, list):
            raise StructureError(f"{path}: expected a list")
        item_type = typing.get_args(expected)[0]
        return tuple(_build(item, item_type, f"{path}[{i}]") for i, item in enumerate(data))
    if expected is _dt.date:
        if not isinstance(data, str):
            raise StructureError(f"{path}: expected a date string")
        return _dt.date.fromisoformat(data)
    if isinstance(expected, type) and expected.__name__ in _CLASSES:
        if not isinstance(data, dict) or data.get("type") != expected.__name__:
            raise StructureError(f"{path}: expected an object of type {expected.__name__}")
        if expected is model.Footnote:
            return _footnote(data, path)
        hints = _hints(expected)
        kwargs = {}
        for key, value in data.items():
            if key == "type":
                continue
            if key not in hints:
                raise StructureError(f"{path}: unknown field {key!r}")
            kwargs[key] = _build(value, hints[key], f"{path}.{key}")
        return expected(**kwargs)
    if expected is bool:
        if not isinstance(data, bool):
            raise StructureError(f"{path}: expected a boolean")
        return data
    if expected in (str, int):
        if not isinstance(data, expected) or isinstance(data, bool):
            raise StructureError(f"{path}: expected {expected.__name__}")
        return data
    raise StructureError(f"{path}: cannot read a value of type {expected!r}")  # pragma: no cover
