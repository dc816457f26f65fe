"""The start-up code cache: dataclasses' generated code and `re`'s compiled patterns,
built once and kept on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

_PROBE = """
import dataclasses, resconv, resconv._codecache as cache
from resconv.model import Text, FootnoteRef
text = Text(text="a")
assert dataclasses.replace(text, text="b") == Text(text="b") and hash(text) == hash(Text(text="a"))
assert [f.name for f in dataclasses.fields(FootnoteRef)] == ["marker"]
assert Text.__init__.__annotations__["text"] == "str"  # the field's, as dataclasses gives it
try:
    text.text = "c"
except dataclasses.FrozenInstanceError:
    pass
else:
    raise AssertionError("not frozen")
import re
AS_RESCONV = {"__name__": "resconv.probe", "re": re}  # patterns resconv's own code compiles
exec("def compiled(p, f=0):\\n    return re.compile(p, f)", AS_RESCONV)
compiled = AS_RESCONV["compiled"]
pattern = compiled(r"(?P<number>\\d+)\\s*[.．](x)?", re.IGNORECASE)
match = pattern.match("12．X")
assert match is not None and match.group("number", 2) == ("12", "X") and pattern.groups == 2
assert pattern.groupindex == {"number": 1} and pattern.flags == re.IGNORECASE | re.UNICODE
assert pattern.match("a1.") is None and compiled(rb"\\d").match(b"1")
print(cache._added, len(cache._code) + len(cache._regexes))
"""


def _run(cache_dir: str) -> tuple[int, int]:
    env = {**os.environ, "RESCONV_CACHE_DIR": cache_dir, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return int(out[0]), int(out[1])


def test_a_second_process_compiles_no_dataclass_code(tmp_path: Path) -> None:
    added, _ = _run(str(tmp_path))
    assert added > 20  # the model's classes and the pattern at least
    (stored,) = tmp_path.glob("start-up-code-*.marshal")
    assert _run(str(tmp_path)) == (0, added)
    stored.write_bytes(stored.read_bytes()[:100])  # torn: compiled again, then rewritten
    assert _run(str(tmp_path)) == (added, added)
    assert _run(str(tmp_path)) == (0, added)


def test_malformed_entries_are_never_used_and_dropped_when_saved(tmp_path: Path) -> None:
    import marshal

    added, _ = _run(str(tmp_path))
    (stored,) = tmp_path.glob("start-up-code-*.marshal")
    data = stored.read_bytes()
    version = data[:8]  # bytecode magic and regex engine version
    generation, code, regexes = marshal.loads(data[len(version) :])
    source = next(iter(code))
    code[source] = "not a (blob, generation) pair"
    code[("not", "a source")] = (b"", generation)
    regexes["not a (pattern, flags) key"] = (b"", generation)
    stored.write_bytes(version + marshal.dumps((generation, code, regexes)))
    # The damaged dataclass entry is compiled again (one added) and the file rewritten;
    # the two entries under keys nothing looks up stay in memory until then.
    assert _run(str(tmp_path)) == (1, added + 2)
    _, code, regexes = marshal.loads(stored.read_bytes()[len(version) :])
    assert all(type(key) is str for key in code)
    assert all(type(key) is tuple for key in regexes)
    assert type(code[source]) is tuple


def test_the_cache_can_be_turned_off() -> None:
    assert _run("off") == (0, 0)  # dataclasses left as they are


def test_damaged_regex_code_is_compiled_again() -> None:
    import marshal

    from resconv import _codecache

    pattern = r"(?P<year>\d{4})年 damaged-entry probe"
    not_regex = marshal.dumps((32, [1, 2, 3], 0, {}, ()))
    _codecache._regexes[(pattern, 0)] = (not_regex, 0)
    as_resconv: dict[str, Any] = {"__name__": "resconv.probe", "cache": _codecache}
    exec("def compiled(p):\n    return cache._compile_regex(p, 0)", as_resconv)
    compile_as_resconv = as_resconv["compiled"]
    try:
        compiled = compile_as_resconv(pattern)
        match = compiled.match("2012年 damaged-entry probe")
        assert match is not None and match.group("year") == "2012"
        _codecache._regexes[(pattern, 0)] = (b"\x00torn", 0)
        assert compile_as_resconv(pattern).groupindex == {"year": 1}
    finally:
        del _codecache._regexes[(pattern, 0)]


def test_patterns_that_change_with_every_process_do_not_grow_the_file(tmp_path: Path) -> None:
    # Some libraries build a pattern from a set, in an order that changes with each process.
    env = {**os.environ, "RESCONV_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    probe = (
        "import os, re, resconv\n"
        "exec(\"re.compile(f'(?:probe-{os.getpid()})')\", "
        "{'__name__': 'resconv.probe', 're': re, 'os': os})"
    )
    for _ in range(12):
        subprocess.run([sys.executable, "-c", probe], env=env, check=True)
    assert len(list(tmp_path.glob("start-up-code-*.marshal"))) == 1
    out = subprocess.run(
        [sys.executable, "-c", "import resconv._codecache as c; print(*c._regexes)"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert 0 < out.count("probe-") <= 8  # the last saves' own, not all twelve
    assert _run(str(tmp_path))[0] < 5  # the model's classes still kept


def test_the_file_stays_within_its_budget(tmp_path: Path) -> None:
    # A program importing resconv that compiles much of its own (a test runner, say).
    env = {**os.environ, "RESCONV_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    probe = (
        "import re, resconv\n"
        "exec(\"for n in range(800): re.compile('|'.join(f'w{n}x{i}' for i in range(150)))\", "
        "{'__name__': 'resconv.probe', 're': re})"
    )
    subprocess.run([sys.executable, "-c", probe], env=env, check=True)
    (stored,) = tmp_path.glob("start-up-code-*.marshal")
    from resconv import _codecache

    assert stored.stat().st_size <= 2 * _codecache._BUDGET + 4096
    assert _run(str(tmp_path))[0] < 5  # the model's classes still kept, the newest first


def test_what_the_importing_program_compiles_is_never_cached(tmp_path: Path) -> None:
    env = {**os.environ, "RESCONV_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    program = (
        "import dataclasses, re, resconv, resconv.model\n"
        "secret = re.compile('user-secret-4711')\n"
        "@dataclasses.dataclass(frozen=True)\n"
        "class UserSecretRecord:\n"
        "    user_secret_field: int\n"
        "assert secret.match('user-secret-4711') and UserSecretRecord(1).user_secret_field == 1"
    )
    subprocess.run([sys.executable, "-c", program], env=env, check=True)
    (stored,) = tmp_path.glob("start-up-code-*.marshal")
    data = stored.read_bytes()
    assert b"initial_words" in data  # resconv's own classes are kept
    assert b"user-secret" not in data and b"user_secret_field" not in data


def test_patterns_built_from_sets_are_not_kept() -> None:
    # reportlab's safe eval joins a set of names: another order, so another pattern, in
    # every process; keeping them would rewrite the file at every start.
    from resconv import _codecache

    pattern = f"(?:unstable-probe-{os.getpid()}-{os.urandom(4).hex()}|b)"  # new to the file
    program = f"def compiled():\n    return re.compile({pattern!r})"
    namespace: dict[str, Any] = {"__name__": "reportlab.lib.rl_safe_eval", "re": __import__("re")}
    exec(program, namespace)
    assert namespace["compiled"]().match("b")
    assert (pattern, 0) not in _codecache._regexes


def test_fixed_patterns_of_the_standard_library_are_kept(tmp_path: Path) -> None:
    env = {**os.environ, "RESCONV_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    program = (
        "import resconv, fnmatch, json\nassert fnmatch.fnmatch('user-glob-4711', 'user-glob-*')"
    )
    subprocess.run([sys.executable, "-c", program], env=env, check=True)
    (stored,) = tmp_path.glob("start-up-code-*.marshal")
    data = stored.read_bytes()
    assert b'(.*?)(["\\\\\\x00-\\x1f])' in data  # json's string scanner
    assert b"user-glob" not in data  # fnmatch's patterns are made from the program's data


def test_re_compiles_as_before_with_its_flags_tested_as_ints() -> None:
    import re

    import resconv._codecache  # noqa: F401  (installs the cache)

    compile_ = re._compile  # type: ignore[attr-defined]
    if compile_.__globals__ is vars(re):
        return  # the cache is off in this process: `re` as it is
    assert type(compile_.__globals__["DEBUG"]) is int and compile_.__code__.co_filename.endswith(
        "__init__.py"
    )
    assert compile_.__globals__["_cache"] is vars(re)["_cache"]  # one cache, shared
    pattern = re.compile(f"flag-probe-{os.getpid()}", re.IGNORECASE)
    assert pattern.flags == re.IGNORECASE | re.UNICODE and pattern.match(pattern.pattern.upper())
    assert re.compile(pattern.pattern, re.IGNORECASE) is pattern  # served from re's cache
