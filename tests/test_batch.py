"""Batches: one result per input, in order; outputs of different inputs never collide."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

import resconv
from resconv import batch, cli
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


def other_resolution() -> bytes:
    return SEED_TEXT.replace("促进裁军和不扩散领域的多边主义", "另一项决议的标题").encode()


def test_inputs_with_the_same_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    for folder, data in (("a", SEED.read_bytes()), ("b", other_resolution())):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_bytes(data)
    out = tmp_path / "out"
    for jobs in (1, 2):
        results = list(
            resconv.convert_many([tmp_path / "in"], ["json"], out, jobs=jobs, force=True)
        )
        assert [r.status for r in results] == ["ok", "error"]
        assert results[1].exit_code == 73
        assert "would also be written for" in (results[1].error or "")
        written = json.loads((out / "x.json").read_text(encoding="utf-8"))
        assert written["resolution"]["title"][0]["text"] == "促进裁军和不扩散领域的多边主义"


def test_an_output_that_is_another_input_is_refused_even_with_force(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_bytes(SEED.read_bytes())
    resconv_json = resconv.convert_bytes(other_resolution(), ["json"]).outputs["json"]
    (tmp_path / "r.json").write_bytes(resconv_json)
    results = list(
        resconv.convert_many(
            [tmp_path / "r.json", tmp_path / "r.txt"], ["json"], force=True, jobs=1
        )
    )
    assert [r.status for r in results] == ["error", "error"]
    assert "overwrite the input file" in (results[0].error or "")
    assert "an input of this batch" in (results[1].error or "")
    assert (tmp_path / "r.json").read_bytes() == resconv_json


def test_patterns_and_directories_take_only_input_files(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "r.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "sub.txt").mkdir()
    found = list(batch.expand_inputs([str(tmp_path / "*")]))
    assert found == [tmp_path / "r.txt"]
    assert list(batch.expand_inputs([tmp_path])) == [tmp_path / "r.txt"]
    with pytest.raises(resconv.InputNotFoundError, match="no input file matches"):
        list(batch.expand_inputs([str(tmp_path / "*.docx")]))


def test_a_name_too_long_is_reported_for_that_input(tmp_path: Path) -> None:
    results = list(resconv.convert_many([tmp_path / ("y" * 300 + ".txt")], ["json"], tmp_path))
    assert results[0].exit_code == 66
    assert "File name too long" in (results[0].error or "")


_REAL_RUN = batch._run


def _run_or_die(job: batch._Job) -> batch.BatchResult:
    """Convert like `batch._run`, but die on a marked input, as if killed for memory."""
    if job.path.read_bytes().endswith(b"<die>\n"):
        os._exit(9)
    return _REAL_RUN(job)


def test_a_dying_worker_fails_its_input_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "b", "c", "d"):
        (tmp_path / f"{name}.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes() + b"\n<die>\n")
    monkeypatch.setattr(batch, "_run", _run_or_die)
    results = list(
        resconv.convert_many(sorted(tmp_path.glob("*.txt")), ["json"], tmp_path / "out", jobs=2)
    )
    assert [r.status for r in results] == ["ok", "error", "ok", "ok"]
    assert "worker process" in (results[1].error or "") and results[1].exit_code == 70
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "c.json", "d.json"]


def test_report_never_replaces_an_input_or_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "r.txt"
    source.write_bytes(SEED.read_bytes())
    assert (
        cli.main(["convert", str(source), "-o", str(tmp_path / "o"), "--report", str(source), "-q"])
        == 73
    )
    assert source.read_bytes() == SEED.read_bytes()
    keep = tmp_path / "keep.json"
    keep.write_text("mine")
    assert (
        cli.main(["convert", str(source), "-o", str(tmp_path / "o"), "--report", str(keep), "-q"])
        == 73
    )
    assert keep.read_text() == "mine"
    assert "exists" in capsys.readouterr().err
    # The report may go inside the output directory the command creates.
    assert (
        cli.main(
            [
                "convert",
                str(source),
                "-o",
                str(tmp_path / "new"),
                "--report",
                str(tmp_path / "new" / "report.json"),
                "-q",
            ]
        )
        == 0
    )
    assert json.loads((tmp_path / "new" / "report.json").read_text())["summary"]["failed"] == 0


def test_a_failing_batch_leaves_no_unfinished_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "r.txt"
    source.write_bytes(SEED.read_bytes())

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "_run", interrupted)
    report = tmp_path / "report.json"
    assert (
        cli.main(["convert", str(source), "-o", str(tmp_path / "o"), "--report", str(report), "-q"])
        == 130
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


def test_a_full_standard_output_is_an_io_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            raise OSError(28, "No space left on device")

    class Stdout:
        buffer = io.BufferedWriter(Full())

    monkeypatch.setattr(sys, "stdout", Stdout)
    assert cli.main(["convert", str(SEED), "--to", "json", "-o", "-", "-q"]) == 74
    assert "No space left" in capsys.readouterr().err


def test_resconv_json_is_recognised_on_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(resconv.convert_bytes(SEED.read_bytes(), ["json"]).outputs["json"])

    class Stdout:
        buffer = io.BytesIO()

    monkeypatch.setattr(sys, "stdin", Stdin)
    monkeypatch.setattr(sys, "stdout", Stdout)
    assert cli.main(["convert", "-", "--to", "akn", "-q"]) == 0
    assert (
        Stdout.buffer.getvalue() == resconv.convert_bytes(SEED.read_bytes(), ["akn"]).outputs["akn"]
    )


def test_standard_input_over_the_limit_is_refused_without_reading_it_all(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Endless(io.RawIOBase):
        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            Endless.served += len(buffer)
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    class Stdin:
        buffer = io.BufferedReader(Endless())

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert cli.main(["convert", "-", "--max-bytes", "1000", "--to", "json"]) == 65
    assert Endless.served < 100_000
    assert "limit" in capsys.readouterr().err
