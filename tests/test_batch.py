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
from resconv.job import Job, run
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


def other_resolution() -> bytes:
    return SEED_TEXT.replace("促进裁军和不扩散领域的多边主义", "另一项决议的标题").encode()


def make_two_folders_with_one_name(root: Path) -> list[Path]:
    """in/a/x.txt (the seed) and in/b/x.txt (another title)."""
    inputs = []
    for folder, data in (("a", SEED.read_bytes()), ("b", other_resolution())):
        (root / "in" / folder).mkdir(parents=True)
        inputs.append(root / "in" / folder / "x.txt")
        inputs[-1].write_bytes(data)
    return inputs


def title_of(path: Path) -> str:
    title: str = json.loads(path.read_text(encoding="utf-8"))["resolution"]["title"][0]["text"]
    return title


def test_inputs_with_the_same_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    inputs = make_two_folders_with_one_name(tmp_path)
    out = tmp_path / "out"
    for jobs in (1, 2):
        results = list(resconv.convert_many(inputs, ["json"], out, jobs=jobs, force=True))
        assert [r.status for r in results] == ["ok", "error"]
        assert results[1].exit_code == 73
        assert "would also be written for" in (results[1].error or "")
        assert title_of(out / "x.json") == "促进裁军和不扩散领域的多边主义"


def test_a_folder_converted_into_an_output_folder_keeps_its_tree(tmp_path: Path) -> None:
    make_two_folders_with_one_name(tmp_path)
    out = tmp_path / "out"
    for jobs in (1, 2):
        results = list(resconv.convert_many([tmp_path / "in"], ["json"], out, jobs=jobs))
        assert [r.status for r in results] == ["ok", "ok"]
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
            "a",
            "a/x.json",
            "b",
            "b/x.json",
        ]
        assert title_of(out / "a" / "x.json") == "促进裁军和不扩散领域的多边主义"
        assert title_of(out / "b" / "x.json") == "另一项决议的标题"


def test_a_failed_input_leaves_no_mirrored_folder(tmp_path: Path) -> None:
    (tmp_path / "in" / "bad").mkdir(parents=True)
    (tmp_path / "in" / "bad" / "x.txt").write_text("not a resolution\n", encoding="utf-8")
    results = list(resconv.convert_many([tmp_path / "in"], ["json"], tmp_path / "out", jobs=1))
    assert [r.status for r in results] == ["error"]
    assert list((tmp_path / "out").iterdir()) == []


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
    (tmp_path / "r.png").write_bytes(b"\x89PNG")
    (tmp_path / "sub.txt").mkdir()
    found = list(batch.expand_inputs([str(tmp_path / "*")]))
    assert found == [tmp_path / "r.txt"]
    assert list(batch.expand_inputs([tmp_path])) == [tmp_path / "r.txt"]
    with pytest.raises(resconv.InputNotFoundError, match="no input file matches"):
        list(batch.expand_inputs([str(tmp_path / "*.odt")]))


def test_a_fifo_or_dangling_link_in_a_directory_is_reported_not_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "b.txt")
    (folder / "c.txt").symlink_to(tmp_path / "nowhere.txt")
    code = cli.main(["convert", str(folder), "-o", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert code != 0
    assert "b.txt: is not a regular file" in err and "c.txt" in err
    assert "2 of 3 inputs failed" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.xml"]


def test_a_name_too_long_is_reported_for_that_input(tmp_path: Path) -> None:
    results = list(resconv.convert_many([tmp_path / ("y" * 300 + ".txt")], ["json"], tmp_path))
    assert results[0].exit_code == 66
    assert "File name too long" in (results[0].error or "")


_REAL_RUN = run


def _run_or_die(job: Job) -> batch.BatchResult:
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


def test_a_report_naming_an_output_of_the_batch_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "X.txt"
    source.write_bytes(SEED.read_bytes())
    out = tmp_path / "rep"
    code = cli.main(
        ["convert", str(source), "--to", "json", "-o", str(out), "--report", str(out / "X.json")]
    )
    assert code == 73
    assert "output of this batch" in capsys.readouterr().err
    assert not out.exists()  # refused before any conversion


def test_a_report_path_that_is_a_directory_is_refused_before_converting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "X.txt"
    source.write_bytes(SEED.read_bytes())
    (tmp_path / "dir").mkdir()
    out = tmp_path / "out"
    for force in ([], ["--force"]):
        code = cli.main(
            ["convert", str(source), "-o", str(out), "--report", str(tmp_path / "dir"), *force]
        )
        assert code == 73
        assert "directory" in capsys.readouterr().err
        assert not out.exists()


def test_reruns_with_outputs_and_report_inside_the_input_directory_succeed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for where in ("inside", "beside"):
        folder = tmp_path / where
        folder.mkdir()
        (folder / "a.txt").write_bytes(SEED.read_bytes())
        (folder / "b.txt").write_bytes(other_resolution())
        report = folder / "report.json"
        options = ["--report", str(report)]
        if where == "inside":
            options += ["-o", str(folder / "out")]
        for _ in range(2):
            code = cli.main(["convert", str(folder), "--to", "akn,json", "-q", "--force", *options])
            assert code == 0, capsys.readouterr().err
            entries = json.loads(report.read_text())["results"]
            assert [Path(r["input"]).name for r in entries] == ["a.txt", "b.txt"]
    assert sorted(p.name for p in (tmp_path / "inside").iterdir()) == [
        "a.txt",
        "b.txt",
        "out",
        "report.json",
    ]
    assert sorted(p.name for p in (tmp_path / "beside").iterdir()) == [
        "a.json",
        "a.txt",
        "a.xml",
        "b.json",
        "b.txt",
        "b.xml",
        "report.json",
    ]


def test_a_concurrent_identical_output_is_success(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs into one directory: the other published the same bytes while this run
    was writing its temporary file."""
    from resconv import _atomic

    target = tmp_path / "r.xml"
    real_write_temp = _atomic._write_temp
    other_content: list[bytes] = [b"<same/>"]

    def other_run_publishes_meanwhile(path: Path, data: bytes) -> Path:
        temp = real_write_temp(path, data)
        path.write_bytes(other_content[0])  # the other run, just now
        return temp

    monkeypatch.setattr(_atomic, "_write_temp", other_run_publishes_meanwhile)
    _atomic.publish([(target, b"<same/>")])
    assert target.read_bytes() == b"<same/>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xml"]
    target.unlink()
    other_content[0] = b"<other/>"
    with pytest.raises(resconv.OutputError, match="exists"):
        _atomic.publish([(target, b"<third/>")])
    assert target.read_bytes() == b"<other/>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xml"]


def test_an_identical_output_published_meanwhile_is_success_for_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another run of the same conversion publishes the first output after this one has
    # checked its targets and while it writes its temporary files: each output must be
    # compared with its own bytes (the first used to be compared with the last's).
    from resconv import _atomic

    outputs = [(tmp_path / "r.xml", b"<akn/>" * 100), (tmp_path / "r.json", b"{}")]
    write_temp = _atomic._write_temp

    def other_run_publishes_first(path: Path, data: bytes) -> Path:
        if path == outputs[-1][0]:
            outputs[0][0].write_bytes(outputs[0][1])
        return write_temp(path, data)

    monkeypatch.setattr(_atomic, "_write_temp", other_run_publishes_first)
    _atomic.publish(outputs)
    assert [p.read_bytes() for p, _ in outputs] == [data for _, data in outputs]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.xml"]


def test_a_rerun_removes_the_temporary_files_of_a_killed_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = _dead_pid()
    orphans = [out / f".resconv-{dead}-abc.tmp", tmp_path / f".resconv-{dead}-report.tmp"]
    for orphan in orphans:
        orphan.write_bytes(b"half")
    alive = out / f".resconv-{os.getpid()}-mine.tmp"  # a run still writing: left alone
    alive.write_bytes(b"busy")
    source = tmp_path / "r.txt"
    source.write_bytes(SEED.read_bytes())
    report = tmp_path / "report.json"
    assert cli.main(["convert", str(source), "-o", str(out), "--report", str(report), "-q"]) == 0
    assert not any(orphan.exists() for orphan in orphans)
    assert alive.exists()


def _dead_pid() -> int:
    import subprocess

    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    return int(child.stdout)


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found.update(int(p) for p in text.split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_batch(tmp_path: Path, count: int) -> tuple[object, Path]:
    import subprocess

    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(count):
        (folder / f"r{index}.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "resconv",
            "convert",
            str(folder),
            "--to",
            "akn,docx",
            "-o",
            str(out),
            "--jobs",
            "2",
            "-q",
            "--report",
            str(tmp_path / "report.json"),
        ],
        stderr=subprocess.PIPE,
    )
    return process, out


def _wait_for_workers(pid: int) -> set[int]:
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = _children(pid)
        if len(workers) >= 2:
            return workers
        time.sleep(0.05)
    raise AssertionError("the batch started no workers")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_workers_die_with_their_parent_and_leave_no_temporary_files(
    tmp_path: Path, how: str
) -> None:
    import signal
    import subprocess
    import time

    process, out = _start_batch(tmp_path, 400)
    assert isinstance(process, subprocess.Popen)
    workers = _wait_for_workers(process.pid)
    time.sleep(0.5)  # well into the batch
    process.send_signal(getattr(signal, how))
    code = process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "orphaned workers"
    if how == "SIGTERM":
        assert code == 143, process.stderr.read() if process.stderr else ""
        assert not list(out.glob(".resconv-*")) and not list(tmp_path.glob(".resconv-*"))
    else:
        time.sleep(0.2)
        assert not list(out.glob(".resconv-*")), "workers left temporary files"
    for path in out.glob("*"):  # whatever was published is whole
        assert path.stat().st_size > 0
    if process.stderr:
        process.stderr.close()


def test_a_dying_worker_fails_only_its_input_when_documents_go_in_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(7):
        (tmp_path / f"{index}.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "4.txt").write_bytes(SEED.read_bytes() + b"\n<die>\n")
    monkeypatch.setattr(batch, "_run", _run_or_die)
    planned = batch.Batch(sorted(tmp_path.glob("*.txt")), ["json"], tmp_path / "out", jobs=2)
    planned.chunk_size = 3
    results = list(planned.run())
    assert [Path(r.input).name for r in results] == [f"{i}.txt" for i in range(7)]
    assert [r.status for r in results] == ["ok"] * 4 + ["error"] + ["ok"] * 2
    assert len(list((tmp_path / "out").iterdir())) == 6


def test_one_named_file_fails_and_warns_as_a_batch_of_it_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One named file takes a path of its own (resconv/job.py); --report takes the batch's.
    bad = tmp_path / "bad.txt"
    bad.write_text("not a resolution\n", encoding="utf-8")
    seed = tmp_path / "seed.txt"
    seed.write_bytes(SEED.read_bytes())
    said = []
    for name in (bad, seed):
        for extra in ([], ["--report", str(tmp_path / f"{name.stem}-report.json")]):
            status = cli.main(
                ["convert", str(name), "-o", str(tmp_path / "out"), "--force", *extra]
            )
            said.append((status, capsys.readouterr().err))
    assert said[0] == said[1] and said[0][0] != 0 and "bad.txt" in said[0][1]
    assert said[2] == said[3] and said[2][0] == 0 and "footnote-without-body" in said[2][1]
