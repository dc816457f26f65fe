"""The public functions check their arguments: a wrong type is a `TypeError` naming the
argument, a wrong value a `ValueError` or a resconv error, never an error from deep inside."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import resconv
from resconv import batch
from tests.conftest import SEED

api: Any = resconv
"""The library, untyped: these calls are wrong on purpose."""


@pytest.fixture(scope="module")
def resolution() -> resconv.Resolution:
    return resconv.read(SEED).value


WRONG_TYPES: list[tuple[str, Callable[[Path, resconv.Resolution], object], str]] = [
    ("read an int", lambda d, r: api.read(123), "source"),
    ("read None", lambda d, r: api.read(None), "source"),
    ("read_bytes a str", lambda d, r: api.read_bytes("text"), "data"),
    ("read_bytes None", lambda d, r: api.read_bytes(None), "data"),
    ("read format=1", lambda d, r: api.read(SEED, format=1), "format"),
    ("read lang=1", lambda d, r: api.read(SEED, lang=1), "lang"),
    ("read strict='no'", lambda d, r: api.read(SEED, strict="no"), "strict"),
    ("max_bytes a str", lambda d, r: api.read(SEED, max_bytes="9"), "max_bytes"),
    ("write a str", lambda d, r: api.write("x", "akn"), "resolution"),
    ("write format=None", lambda d, r: api.write(r, None), "format"),
    ("convert to=1", lambda d, r: api.convert(SEED, 1), "to"),
    ("convert to=[1]", lambda d, r: api.convert(SEED, [1]), "to"),
    ("convert_bytes a str", lambda d, r: api.convert_bytes("x", ["akn"]), "data"),
    ("convert_many an int", lambda d, r: api.convert_many(1, ["akn"], d), "inputs"),
    ("convert_many [1]", lambda d, r: api.convert_many([1], ["akn"], d), "inputs"),
    ("convert_many bytes", lambda d, r: api.convert_many(b"a.txt", ["akn"], d), "inputs"),
    ("convert_many jobs='2'", lambda d, r: api.convert_many([SEED], jobs="2"), "jobs"),
    (
        "convert_many output_dir=1",
        lambda d, r: api.convert_many([SEED], ["akn"], 1),
        "output_dir",
    ),
    ("validate an int", lambda d, r: api.validate(1), "source"),
    ("validate None", lambda d, r: api.validate(None), "source"),
]


@pytest.mark.parametrize(
    ("call", "argument"), [(c, a) for _, c, a in WRONG_TYPES], ids=[n for n, _, _ in WRONG_TYPES]
)
def test_a_wrong_type_is_a_type_error_naming_the_argument(
    tmp_path: Path,
    resolution: resconv.Resolution,
    call: Callable[[Path, resconv.Resolution], object],
    argument: str,
) -> None:
    with pytest.raises(TypeError, match=argument):
        call(tmp_path / "out", resolution)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: api.read(SEED, max_bytes=0), "max_bytes"),
        (lambda: api.read(SEED, max_bytes=-1), "max_bytes"),
        (lambda: api.convert_many([SEED], jobs=0), "jobs"),
        (lambda: api.convert(SEED, []), "to"),
    ],
    ids=["max_bytes=0", "max_bytes=-1", "jobs=0", "no format"],
)
def test_a_wrong_value_is_a_value_error_naming_the_argument(
    call: Callable[[], object], argument: str
) -> None:
    with pytest.raises(ValueError, match=argument):
        call()


def test_a_single_path_is_one_input_of_convert_many(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    for one in (str(source), source):
        results = list(resconv.convert_many(one, "akn", out, force=True))
        assert [r.input for r in results] == [str(source)]
        assert [p.name for p in out.iterdir()] == ["r.xml"]
    # Nothing was written anywhere else (a string read character by character would
    # have walked '/' and '.').
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "r.txt"]


def test_a_single_format_name_is_one_format(tmp_path: Path) -> None:
    conversion = resconv.convert(SEED, "json")
    assert list(conversion.outputs) == ["json"]


def test_bytes_like_inputs_are_read(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    expected = resconv.read_bytes(data).value
    assert resconv.read(bytearray(data)).value == expected
    assert resconv.read(memoryview(data)).value == expected
    assert resconv.read_bytes(memoryview(data)).value == expected


def test_a_raised_max_bytes_is_honoured_for_paths(tmp_path: Path) -> None:
    """A file over the default limit reads when the caller raises the limit."""
    json_bytes = resconv.convert(SEED, ["json"]).outputs["json"]
    big = tmp_path / "big.json"
    padding = resconv.conversion.DEFAULT_MAX_BYTES + 1024 * 1024
    big.write_bytes(json_bytes + b" " * padding)  # whitespace after a JSON value is allowed
    with pytest.raises(resconv.InputDecodeError, match="limit"):
        resconv.read(big)
    raised = 2 * resconv.conversion.DEFAULT_MAX_BYTES
    assert resconv.read(big, max_bytes=raised).value == resconv.read(SEED).value
    assert list(resconv.convert(big, ["akn"], max_bytes=raised).outputs) == ["akn"]
    result = next(resconv.convert_many([big], ["akn"], tmp_path / "out", max_bytes=raised))
    assert result.status == "ok", result.error


def test_convert_many_checks_arguments_before_the_first_result(tmp_path: Path) -> None:
    with pytest.raises(resconv.UnknownFormatError):
        resconv.convert_many([SEED], ["nope"], tmp_path)  # not iterated: still refused


def test_no_more_workers_than_inputs(tmp_path: Path) -> None:
    for name in "abc":
        (tmp_path / f"{name}.txt").write_bytes(SEED.read_bytes())
    planned = batch.Batch([tmp_path], ["json"], tmp_path / "out", jobs=64)
    assert planned.workers == 3
    assert [r.status for r in planned.run()] == ["ok", "ok", "ok"]
    assert os.cpu_count() is None or batch.Batch([tmp_path / "a.txt"], ["json"]).workers == 1


@pytest.mark.parametrize("flag", ["no", None, 1])
def test_validate_refuses_a_profile_flag_that_is_not_a_bool(flag: object) -> None:
    with pytest.raises(TypeError, match="profile"):
        resconv.validate(b"<akomaNtoso/>", profile=flag)  # type: ignore[arg-type]


def test_validate_takes_a_size_limit_and_checks_it() -> None:
    data = (SEED.with_suffix("") / "akn.xml").read_bytes()
    with pytest.raises(resconv.InputDecodeError, match="limit of 100 bytes"):
        resconv.validate(data, max_bytes=100)
    assert resconv.validate(data, max_bytes=len(data)).valid
    with pytest.raises(TypeError, match="max_bytes"):
        resconv.validate(data, max_bytes="100")  # type: ignore[arg-type]
