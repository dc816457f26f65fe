"""The command line: outputs, exit statuses, one-line errors, nothing partially written."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from resconv import cli, writers
from resconv.model import Resolution
from tests.conftest import SEED


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_convert_writes_outputs_named_after_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        "convert", str(SEED), "--to", "akn,json", "-o", str(tmp_path / "out"), capsys=capsys
    )
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["A-RES-67-38.zh.json", "A-RES-67-38.zh.xml"]
    assert b"<akomaNtoso" in (tmp_path / "out" / "A-RES-67-38.zh.xml").read_bytes()


def test_existing_outputs_need_force_unless_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("convert", str(SEED), "-o", str(tmp_path), capsys=capsys)[0] == 0
    # The same conversion again: the output already holds exactly this, nothing to do.
    assert run("convert", str(SEED), "-o", str(tmp_path), capsys=capsys)[0] == 0
    target = tmp_path / "A-RES-67-38.zh.xml"
    target.write_bytes(b"edited by hand")
    code, _, err = run("convert", str(SEED), "-o", str(tmp_path), capsys=capsys)
    assert code == 73
    assert "exists" in err and err.count("\n") == 1
    assert target.read_bytes() == b"edited by hand"
    assert run("convert", str(SEED), "-o", str(tmp_path), "--force", capsys=capsys)[0] == 0
    assert target.read_bytes().startswith(b"<?xml")


def test_stdin_to_stdout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    class Stdin:
        buffer = io.BytesIO(SEED.read_bytes())

    class Stdout:
        buffer = io.BytesIO()

    monkeypatch.setattr(sys, "stdin", Stdin)
    monkeypatch.setattr(sys, "stdout", Stdout)
    assert cli.main(["convert", "-", "--to", "json"]) == 0
    document = json.loads(Stdout.buffer.getvalue())
    assert document["resolution"]["number"] == "67/38"


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", 65, "empty"),
        (b"   \n\n \t\n", 65, "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", 65, "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", 65, ""),
        (b"\x00\x01\x02binary\x00", 65, ""),
    ],
)
def test_bad_input_gives_one_line_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, code: int, words: str
) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    out_dir = tmp_path / "out"
    status, _, err = run(
        "convert", str(source), "--to", "akn,json", "-o", str(out_dir), capsys=capsys
    )
    assert status == code
    assert err.startswith("resconv: error: ") and err.count("\n") == 1
    assert str(source) in err
    assert words in err
    assert not out_dir.exists()  # created for this run, removed again: nothing was written


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("convert", str(SEED), "--to", "nope", capsys=capsys)[0] == 64
    assert run("convert", capsys=capsys)[0] == 64
    assert run(capsys=capsys)[0] == 64
    assert run("convert", str(SEED), "--jobs", "0", capsys=capsys)[0] == 64
    code, _, err = run("convert", str(tmp_path / "missing.txt"), "-o", str(tmp_path), capsys=capsys)
    assert code == 66 and "no such file" in err


@pytest.mark.parametrize("limit", ["0", "-5"])
def test_a_size_limit_below_one_byte_is_a_usage_error(
    limit: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for inputs in ([str(SEED)], [str(SEED), str(SEED)]):
        code, _, err = run(
            "convert", *inputs, "-o", str(tmp_path), "--max-bytes", limit, capsys=capsys
        )
        assert code == 64 and "--max-bytes" in err and "internal error" not in err


def test_validate_takes_the_size_limit_its_refusal_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    akn = SEED.with_suffix("") / "akn.xml"
    code, _, err = run("validate", str(akn), "--max-bytes", "100", capsys=capsys)
    assert code == 65 and "--max-bytes" in err
    size = str(akn.stat().st_size)
    assert run("validate", str(akn), "--max-bytes", size, capsys=capsys)[0] == 0
    assert run("validate", str(akn), "--max-bytes", "0", capsys=capsys)[0] == 64


def test_a_report_is_refused_where_no_batch_writes_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Converting to standard output writes no report: asking for one is a usage error,
    # not an option silently ignored.
    report = tmp_path / "r.json"
    code, out, err = run("convert", str(SEED), "-o", "-", "--report", str(report), capsys=capsys)
    assert (code, out) == (64, "") and "--report" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO(SEED.read_text(encoding="utf-8")))
    code, out, err = run("convert", "-", "--report", str(report), capsys=capsys)
    assert (code, out) == (64, "") and "--report" in err
    assert not report.exists()


def test_missing_or_file_output_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("convert", str(SEED), "-o", str(tmp_path / "a" / "b"), capsys=capsys)
    assert code == 73 and "does not exist" in err
    (tmp_path / "file").write_text("x")
    code, _, err = run("convert", str(SEED), "-o", str(tmp_path / "file"), capsys=capsys)
    assert code == 73 and "not a directory" in err


class ExplodingWriter:
    name: ClassVar[str] = "explode"
    suffix: ClassVar[str] = ".boom"
    media_type: ClassVar[str] = "application/octet-stream"

    def write(self, resolution: Resolution, /) -> bytes:
        raise OSError("simulated failure in a writer")


def test_no_output_is_published_when_one_format_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writers, "_registered", dict(writers._registered))
    monkeypatch.setattr(writers, "_loaded", dict(writers._loaded))
    writers.register_writer("explode", ExplodingWriter, override=True)
    code, _, err = run(
        "convert", str(SEED), "--to", "akn,json,explode", "-o", str(tmp_path), capsys=capsys
    )
    assert code == 70
    assert "internal error" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_batch_goes_on_after_a_failure_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_bytes(SEED.read_bytes())
    (inputs / "b.txt").write_bytes(b"")
    (inputs / "c.txt").write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    out_dir = tmp_path / "out"
    report = tmp_path / "report.json"
    code, _, err = run(
        "convert",
        str(inputs),
        "-o",
        str(out_dir),
        "--jobs",
        "2",
        "--report",
        str(report),
        "--quiet",
        capsys=capsys,
    )
    assert code == 65
    assert "1 of 3 inputs failed" in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.xml", "c.xml"]
    assert (out_dir / "a.xml").read_bytes() == (out_dir / "c.xml").read_bytes()
    data = json.loads(report.read_text())
    assert [r["status"] for r in data["results"]] == ["ok", "error", "ok"]
    assert data["results"][1]["exit_code"] == 65 and "empty" in data["results"][1]["error"]
    assert data["summary"] == {"inputs": 3, "succeeded": 2, "failed": 1}


def test_validate_exit_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("convert", str(SEED), "-o", str(tmp_path), capsys=capsys)[0] == 0
    good = tmp_path / "A-RES-67-38.zh.xml"
    assert run("validate", str(good), capsys=capsys)[0] == 0
    broken = tmp_path / "broken.xml"
    broken.write_bytes(good.read_bytes().replace(b'<FRBRcountry value="un"/>', b"", 1))
    code, out, _ = run("validate", str(broken), capsys=capsys)
    assert code == 1
    assert f"{broken}:" in out
    assert run("validate", str(tmp_path / "none.xml"), capsys=capsys)[0] == 66
    (tmp_path / "notxml.xml").write_bytes(b"<a><b></a>")
    assert run("validate", str(tmp_path / "notxml.xml"), capsys=capsys)[0] == 65


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8")  # UTF-16 BOM, then an unpaired surrogate
    proc = subprocess.run(
        [sys.executable, "-m", "resconv.cli", "convert", str(bad), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parents[1],
    )
    assert proc.returncode == 65
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1


HELP_OPTIONS = {
    "convert": {
        "--help",
        "--to",
        "--output",
        "--from",
        "--lang",
        "--strict",
        "--force",
        "--jobs",
        "--quiet",
        "--report",
        "--max-bytes",
    },
    "validate": {"--help", "--quiet", "--max-bytes"},
    "formats": {"--help"},
}


@pytest.mark.parametrize("command", sorted(HELP_OPTIONS))
def test_each_commands_help_lists_its_own_options_only(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The parser gives arguments only to the command a command line names."""
    with pytest.raises(SystemExit) as exit_:
        cli.main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: resconv {command} [-h]")
    assert set(re.findall(r"(?<![\w-])--[a-z-]+", out)) == HELP_OPTIONS[command]


def test_the_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for words in (["--help"], ["--help", "convert"], ["-h", "validate", "x"]):
        with pytest.raises(SystemExit):
            cli.main(words)
        out = capsys.readouterr().out
        assert out.startswith("usage: resconv [-h] [--version] COMMAND ..."), words
        assert re.findall(r"^    (\S+)", out, re.MULTILINE) == [
            "convert",
            "validate",
            "formats",
        ]


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["convert", "validate"], "validate: no such file"),  # a file named like a command
        (["validate", "convert"], "convert: no such file"),
        (["bogus", "convert"], "invalid choice: 'bogus'"),
        (["convert", "--max-bytes", "x", "a"], "argument --max-bytes: invalid int value"),
        (["validate", "--jobs", "2", "a"], "unrecognized arguments: --jobs"),
        (["formats", "--to", "akn"], "unrecognized arguments: --to akn"),
    ],
)
def test_the_command_is_the_first_word_naming_one(
    words: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*words, capsys=capsys)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and message in err, err
