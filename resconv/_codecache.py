"""Start-up speed: code Python builds from source on every start, built once, kept on disk.

Two things cost most of a one-file conversion after Python's own start, and both are
the same work in every process:

- **Dataclasses.** For each class, `@dataclass` writes `__init__`, `__repr__`, `__eq__`,
  `__hash__`, `__setattr__`, `__delattr__` and the pickling methods as source text and
  compiles them. Compiling is about four fifths of what a frozen, slotted dataclass costs
  (measured: 1,210 µs a class, 230 µs with the code at hand), and a text → AKN run
  defines about 35 of them (the model's 20, the reader's and the writer's own).
- **Regular expressions.** `re` parses each pattern and compiles it to the regex
  engine's code in Python; a text → AKN run compiles about 75 (13–19 ms).

Importing this module (`resconv/__init__.py` does it first) keeps both results in one
marshal file in resconv's cache directory (one file per bytecode and regex-engine
version): `dataclasses` is given `_exec`, which runs the same text compiled once (a module
attribute named `exec` comes before the built-in); `re` is given `_compile_regex`, which
hands the engine the code recorded for the same pattern and flags (the engine checks
code it is given). What this process compiled anew is added to the file when it exits.
Only resconv's own classes and patterns (and those of the writers' libraries it imports)
are kept; what the importing program builds for itself is compiled as always and never
written to disk. Same source, same result: the classes and patterns are exactly those
Python builds. A
missing, torn or foreign file only means compiling as before; so does
`RESCONV_CACHE_DIR=off`, and so does an interpreter other than CPython 3.11–3.13. Like
Python's own `__pycache__`, the file holds code that is run: it lives in the user's own
cache directory.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import builtins
import marshal
import os
import re
import sys
from collections.abc import Callable, Mapping
from re import _compiler, _parser  # type: ignore[attr-defined]
from types import CodeType, FrameType, FunctionType

from resconv._lazyimport import deferred

with deferred(("inspect",)):
    # `inspect` (with `ast`, `dis`, `tokenize`, `linecache`) only writes docstrings for
    # classes without one: not importing it saves about 15 ms of CPU on every start
    # (`import dataclasses` 45 → 30 ms, `python -c pass` 18 ms; min of 20 alternating runs).
    import dataclasses

__all__ = ["install", "run"]

_BYTECODE: bytes | None = getattr(
    sys.modules.get("_frozen_importlib_external"), "MAGIC_NUMBER", None
)
"""CPython's bytecode version (its import system is always loaded)."""
_VERSION = (_BYTECODE or b"") + _sre.MAGIC.to_bytes(4, "little")
"""Code objects and regex code are only valid for the interpreter that made them."""
_FORMAT = 4
"""The file's layout, in its name: resconv versions that store it differently (two
virtualenvs sharing a cache directory) keep files of their own instead of replacing each
other's at every run. 4: code compiled without this module's `__future__` flags."""
_KEEP = 8
"""Saves an entry survives unused. Each process that compiled something new saves the
file; an entry neither used nor added by the last eight of them is dropped. Some
libraries build patterns from a set, in an order that changes with every process: without
this the file would grow by those at every run."""
_LIMIT = 4096
"""Entries of each kind a process adds at most (an application compiling thousands of its
own patterns after importing resconv)."""
_BUDGET = 1 << 19
"""Bytes of entries of each kind the file keeps at most, the most recently used first.
Every start reads the whole file (about 2 ms a megabyte): a program that imports resconv
and compiles much of its own (a test runner, say) must not make every later start slower.
resconv's own entries take about 400 KB with the PDF writer's."""

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Any, TypeVar

    _T = TypeVar("_T")
    _K = TypeVar("_K")
_RegexArgs = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What `_sre.compile` takes after the pattern: flags, code, groups, group names both ways."""

_Entry = tuple[bytes, int]
"""A marshalled value, unmarshalled only when used, and the last save that used it."""

_code: dict[str, _Entry] = {}
"""Source text → its code object."""
_regexes: dict[tuple[str, int], _Entry] = {}
"""(pattern, flags) → the `_RegexArgs` of the compiled pattern."""
_generation = 0
"""The number of the save this process makes."""
_added = 0
_oversized = False
"""The file found is larger than `_BUDGET` allows (written by an older resconv): rewrite it."""
_compile_pattern = _compiler.compile


def _exec(
    source: str | CodeType,
    globals: dict[str, Any] | None = None,
    locals: Mapping[str, object] | None = None,
    /,
) -> None:
    """`exec` as `dataclasses` calls it, with the source text compiled once for resconv's
    own classes (`dataclasses` passes the class's module globals)."""
    global _added
    if isinstance(source, str) and _ours(globals):
        code = _stored(_code, source, CodeType)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if _added < _LIMIT:
                _code[source] = (marshal.dumps(code), _generation)
                _added += 1
        source = code
    elif isinstance(source, str):
        # As `dataclasses` itself would: not under this module's `from __future__ import
        # annotations`, which would leave the generated methods' annotations as strings.
        source = compile(source, "<string>", "exec", dont_inherit=True)
    builtins.exec(source, globals, locals)


def run(source: str, globals: dict[str, Any], locals: dict[str, Any]) -> None:
    """Run generated source text for one of resconv's modules (`globals`), compiled once
    and kept like `dataclasses`' methods (`resconv._dataclass`) when the cache is in use."""
    if getattr(dataclasses, "exec", None) is _exec:
        _exec(source, globals, locals)
    else:
        builtins.exec(compile(source, "<string>", "exec", dont_inherit=True), globals, locals)


def _compile_regex(pattern: object, flags: int = 0) -> re.Pattern[Any]:
    """`re`'s compiler for a string pattern: the engine's code recorded once, then reused.

    The steps are those of `re._compiler.compile`, with its result's parts kept."""
    global _added
    caller = _caller_globals()
    if (
        type(pattern) is not str
        or flags & _DEBUG
        or not _ours_or_standard(caller)
        or (caller is not None and caller.get("__name__") in _UNSTABLE)
    ):
        return _compile_pattern(pattern, flags)  # type: ignore[no-any-return]
    key = (pattern, int(flags))
    stored = _stored(_regexes, key, tuple)
    if stored is not None:
        try:
            return _sre.compile(pattern, *stored)  # type: ignore[no-any-return]
        except (TypeError, ValueError, OverflowError, RuntimeError):
            pass  # damaged (the engine validates the code it is given): compiled again
    parsed = _parser.parse(pattern, flags)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    args = (
        int(flags | parsed.state.flags),
        [int(op) for op in _compiler._code(parsed, flags)],  # plain ints: marshallable
        parsed.state.groups - 1,
        dict(groupindex),
        tuple(indexgroup),
    )
    if _added < _LIMIT:
        _regexes[key] = (marshal.dumps(args), _generation)
        _added += 1
    return _sre.compile(pattern, *args)  # type: ignore[no-any-return]


def _with_int_flags(function: Callable[..., object]) -> Callable[..., object]:
    """`re._compile` itself (the same code), with the flags it tests a new pattern's
    against (`T`, `DEBUG`) seen as plain ints.

    Speed: `flags & re.DEBUG` and `flags & re.T` run `enum`'s Python `__rand__`, 7.7 K
    instructions each, for every pattern not compiled yet in the process: 192.5 → 189.7 M
    instructions for a text → AKN process (callgrind). The function's globals are a copy of `re`'s,
    sharing its caches (dicts `re` clears, never replaces) and its `_compiler`."""
    if type(function) is not FunctionType or function.__module__ != "re":
        return function  # replaced by someone else already: left as it is
    namespace = dict(function.__globals__)
    for name in ("T", "DEBUG"):
        if name in namespace:
            namespace[name] = int(namespace[name])
    faster = FunctionType(
        function.__code__, namespace, function.__name__, function.__defaults__, function.__closure__
    )
    faster.__qualname__ = function.__qualname__
    return faster


_DEBUG = int(re.DEBUG)
"""`re.DEBUG` as a plain int. Speed: `flags & re.DEBUG` runs `enum`'s Python `__rand__`,
7.7 K instructions (callgrind), for each of the 173 patterns of a text → AKN process."""


_OWNERS = ("resconv", "reportlab", "docx")
"""Modules whose classes and patterns are cached: resconv's, and the writers' libraries it
imports (reportlab compiles about a hundred patterns at import). What the program that
imported resconv builds for itself (patterns made from its own data among them) is
compiled as always and never written to disk."""
_RE_MODULES = frozenset({"re", "re._compiler", "functools"})
_UNSTABLE = frozenset({"reportlab.lib.rl_safe_eval"})
"""Modules whose patterns are built from sets, in an order that changes with every process:
each would be a new entry, and the file rewritten, at every start (2.4 ms of a PDF
process's CPU, the pattern's compiling aside)."""


_STANDARD = frozenset(
    {
        "_markupbase",
        "argparse",
        "gettext",
        "html",
        "html.parser",
        "json.decoder",
        "json.encoder",
        "json.scanner",
        "locale",
        "logging",
        "platform",
        "tokenize",
        "urllib.parse",
    }
)
"""Standard-library modules that compile fixed patterns (none made from data) when
resconv's command line and writers import them: 11 patterns in a text → AKN process, 51
with the PDF writer (`platform`, `json`, `html.parser` for reportlab), about 5 % of a
one-document PDF process's instructions (callgrind). Their classes are not cached."""


def _ours(module_globals: Mapping[str, object] | None) -> bool:
    name = module_globals.get("__name__") if module_globals is not None else None
    return isinstance(name, str) and name.split(".", 1)[0] in _OWNERS


def _ours_or_standard(module_globals: Mapping[str, object] | None) -> bool:
    return _ours(module_globals) or (
        module_globals is not None and module_globals.get("__name__") in _STANDARD
    )


def _caller_globals() -> Mapping[str, object] | None:
    """The globals of the code that asked `re` for a pattern (past `re`'s own frames)."""
    frame: FrameType | None = sys._getframe(2)  # past this module's frames
    while frame is not None and frame.f_globals.get("__name__") in _RE_MODULES:
        frame = frame.f_back
    return None if frame is None else frame.f_globals


def _stored(entries: dict[_K, _Entry], key: _K, kind: type[_T]) -> _T | None:
    """The value stored under `key` if it is a `kind`, marked as used; None when absent or
    damaged (the regex engine checks the code it is given: damaged code raises, never runs)."""
    entry = entries.get(key)
    if not _well_formed(entry):
        return None
    blob, used = entry  # type: ignore[misc]
    try:
        value = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(value, kind):
        return None
    if used != _generation:
        entries[key] = (blob, _generation)
    return value


def install() -> None:
    """Serve dataclasses' generated code and `re`'s compiled patterns from the disk cache."""
    if getattr(dataclasses, "exec", None) is _exec:
        return  # installed already
    if (
        sys.implementation.name != "cpython"
        or not (3, 11) <= sys.version_info[:2] <= (3, 13)
        or _BYTECODE is None
    ):
        return  # other interpreters: `dataclasses` and `re` as they are
    from resconv._cachedir import cache_dir

    directory = cache_dir()
    if directory is None:
        return
    path = os.path.join(directory, f"start-up-code-{_FORMAT}-{_VERSION.hex()}.marshal")
    _load(path)
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    if hasattr(_compiler, "_code") and hasattr(_parser, "parse"):  # the steps it repeats
        _compiler.compile = _compile_regex
        re._compile = _with_int_flags(re._compile)  # type: ignore[attr-defined]
    import atexit

    atexit.register(_save, path)


def _load(path: str) -> None:
    global _generation, _oversized
    try:
        with open(path, "rb") as handle:
            data = handle.read()  # whole: marshal.load on a file reads it in small pieces
        if not data.startswith(_VERSION):
            return
        generation, code, regexes = marshal.loads(memoryview(data)[len(_VERSION) :])
    except (OSError, EOFError, ValueError, TypeError):
        return
    if type(generation) is not int or type(code) is not dict or type(regexes) is not dict:
        return
    _generation = generation + 1
    _oversized = len(data) > 2 * _BUDGET + 4096
    # Taken as they are: each entry is checked when used (`_stored`) or saved (`_kept`).
    # Checking all of them here cost 2.3 ms of every start (700 entries; 3.0 → 0.7 ms).
    _code.update(code)
    _regexes.update(regexes)


def _well_formed(entry: object) -> bool:
    return (
        type(entry) is tuple
        and len(entry) == 2
        and type(entry[0]) is bytes
        and type(entry[1]) is int
    )


def _kept(
    entries: dict[_K, _Entry], key_size: Callable[[_K], int], key_ok: Callable[[object], bool]
) -> dict[_K, _Entry]:
    """The well-formed entries used in the last `_KEEP` saves, the most recent first,
    within `_BUDGET`."""
    oldest = _generation - _KEEP
    kept: dict[_K, _Entry] = {}
    size = 0
    valid = [item for item in entries.items() if key_ok(item[0]) and _well_formed(item[1])]
    for key, entry in sorted(valid, key=lambda item: -item[1][1]):
        size += len(entry[0]) + key_size(key)
        if entry[1] <= oldest or size > _BUDGET:
            break
        kept[key] = entry
    return kept


def _save(path: str) -> None:
    """Write the entries `_kept` when this process compiled new ones (or the file is too
    large); atomically, errors ignored."""
    if not _added and not _oversized:
        return
    code = _kept(_code, len, lambda key: type(key) is str)
    regexes = _kept(
        _regexes,
        lambda key: len(key[0]),
        lambda key: type(key) is tuple and len(key) == 2 and type(key[0]) is str,
    )
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "wb") as handle:
            handle.write(_VERSION)
            marshal.dump((_generation, code, regexes), handle)
        os.replace(temp, path)
    except (OSError, ValueError):
        import contextlib

        with contextlib.suppress(OSError):
            os.unlink(temp)


install()
