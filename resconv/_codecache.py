"""Start-up speed: the methods `dataclasses` generates, compiled once and kept on disk.

For each class, `@dataclass` writes `__init__`, `__repr__`, `__eq__`, `__hash__`,
`__setattr__`, `__delattr__` and the pickling methods as source text and compiles them
on every start. Compiling is about four fifths of what a frozen, slotted dataclass costs
(measured: 1,210 µs a class, 230 µs with the code objects at hand); a text → AKN process
defines about 35 dataclasses (the model's 20 and the reader's and writer's own), so
compiling them was the largest single cost of a one-file conversion after Python's own
start.

Importing this module (`resconv/__init__.py` does it first) makes `dataclasses` run,
instead of the built-in `exec` of that text, `_exec`, which executes the same text
compiled once: the compiled code is looked up by its source text in a dictionary loaded
from one marshal file in resconv's cache directory (one file per bytecode version); code
compiled in this process is added to the file when
the process exits. Same text, same code: the classes are exactly those `dataclasses`
builds. A missing, unreadable or foreign file only means compiling as before; so does
`RESCONV_CACHE_DIR=off`. Like Python's own `__pycache__`, the file holds code that is run:
it lives in the user's own cache directory.
"""

from __future__ import annotations

import _frozen_importlib_external
import builtins
import dataclasses
import marshal
import os
import sys
from collections.abc import Mapping
from types import CodeType
from typing import Any

__all__ = ["install"]

_MAGIC = _frozen_importlib_external.MAGIC_NUMBER
"""The interpreter's bytecode version: code objects are only valid for it."""
_LIMIT = 4096
"""Entries kept at most: an application defining dataclasses by the thousand after
importing resconv cannot make the file grow without bound."""

_code: dict[str, CodeType] = {}
_added = 0


def _exec(
    source: str | CodeType,
    globals: dict[str, Any] | None = None,
    locals: Mapping[str, object] | None = None,
    /,
) -> None:
    """`exec` as `dataclasses` calls it, with the source text compiled once."""
    global _added
    if isinstance(source, str):
        code = _code.get(source)
        if code is None:
            code = compile(source, "<string>", "exec")
            if len(_code) < _LIMIT:
                _code[source] = code
                _added += 1
        source = code
    builtins.exec(source, globals, locals)


def install() -> None:
    """Serve `dataclasses`' generated code from the disk cache (once per process)."""
    if sys.implementation.name != "cpython" or getattr(dataclasses, "exec", None) is _exec:
        return  # other interpreters: `dataclasses` as they are
    directory = _directory()
    if directory is None:
        return
    path = os.path.join(directory, f"dataclass-code-{_MAGIC.hex()}.marshal")
    _code.update(_load(path))
    # `dataclasses` calls `exec` by its global name: a module attribute of that name comes
    # before the built-in.
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    import atexit

    atexit.register(_save, path)


def _directory() -> str | None:
    from resconv._cachedir import cache_dir

    return cache_dir()


def _load(path: str) -> dict[str, CodeType]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()  # whole: marshal.load on a file reads it in small pieces
        if not data.startswith(_MAGIC):
            return {}
        entries = marshal.loads(memoryview(data)[len(_MAGIC) :])
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {
        source: code
        for source, code in entries.items()
        if isinstance(source, str) and isinstance(code, CodeType)
    }


def _save(path: str) -> None:
    """Write the entries when this process compiled new ones; atomically, errors ignored."""
    if not _added:
        return
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "wb") as handle:
            handle.write(_MAGIC)
            marshal.dump(_code, handle)
        os.replace(temp, path)
    except (OSError, ValueError):
        import contextlib

        with contextlib.suppress(OSError):
            os.unlink(temp)


install()
