"""Argument checks of the public API: a wrong type is a `TypeError` naming the argument.

Without them a wrong argument surfaces deep inside as an unrelated error (``'int' object
is not iterable``), or worse, is taken for something else: a string is iterable, so a
path given where a list of paths was expected would be read one character at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "bytes_argument",
    "flag_argument",
    "format_names",
    "limit_argument",
    "optional_name",
    "path_argument",
    "paths_argument",
]


def _kind(value: object) -> str:
    return type(value).__name__


def bytes_argument(value: object, argument: str) -> bytes:
    """`value` as bytes; bytes, bytearray and memoryview are accepted."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, bytearray | memoryview):
        return bytes(value)
    hint = " (encode text first, or pass a path to read a file)" if isinstance(value, str) else ""
    raise TypeError(f"{argument} must be bytes, not {_kind(value)}{hint}")


def path_argument(value: object, argument: str) -> str:
    """`value` as a path string; str and os.PathLike of str are accepted."""
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        if isinstance(path, str):
            return path
    raise TypeError(f"{argument} must be a path (str or os.PathLike), not {_kind(value)}")


def paths_argument(value: object, argument: str) -> list[str]:
    """One path, or an iterable of paths, as a list: a lone path is one input."""
    if isinstance(value, str | os.PathLike):
        return [path_argument(value, argument)]
    if isinstance(value, bytes | bytearray) or not isinstance(value, Iterable):
        raise TypeError(
            f"{argument} must be a path or an iterable of paths (str or os.PathLike), "
            f"not {_kind(value)}"
        )
    return [path_argument(item, f"each item of {argument}") for item in value]


def format_names(value: object, argument: str) -> list[str]:
    """One format name, or an iterable of them, without repeats and in order."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, Iterable) or isinstance(names, bytes | bytearray):
        raise TypeError(
            f"{argument} must be a format name or an iterable of names, not {_kind(value)}"
        )
    checked: list[str] = []
    for name in names:
        if not isinstance(name, str):
            raise TypeError(
                f"each item of {argument} must be a format name (str), not {_kind(name)}"
            )
        checked.append(name)
    if not checked:
        raise ValueError(f"{argument} names no format")
    return list(dict.fromkeys(checked))


def optional_name(value: object, argument: str) -> str | None:
    """A name (format, language) or None."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{argument} must be a str or None, not {_kind(value)}")


def flag_argument(value: object, argument: str) -> bool:
    """A bool (not merely something truthy: ``strict="no"`` is a mistake)."""
    if isinstance(value, bool):
        return value
    raise TypeError(f"{argument} must be True or False, not {_kind(value)}")


def limit_argument(value: Any, argument: str, *, minimum: int = 1) -> int:
    """A whole number of at least `minimum` (bool refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{argument} must be an int, not {_kind(value)}")
    if value < minimum:
        raise ValueError(f"{argument} must be at least {minimum}, not {value}")
    return value
