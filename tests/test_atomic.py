"""Outputs are published all-or-nothing, and never over the input."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from resconv import _atomic
from resconv.errors import OutputError, OutputIOError


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".resconv-"))


def test_publish_writes_every_output(tmp_path: Path) -> None:
    _atomic.publish([(tmp_path / "a.xml", b"<a/>"), (tmp_path / "a.json", b"{}")])
    assert (tmp_path / "a.xml").read_bytes() == b"<a/>"
    assert (tmp_path / "a.json").read_bytes() == b"{}"
    assert leftovers(tmp_path) == []


def test_existing_output_is_refused_without_force(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(b"old")
    with pytest.raises(OutputError, match="exists"):
        _atomic.publish([(tmp_path / "a.xml", b"new")])
    assert (tmp_path / "a.xml").read_bytes() == b"old"
    _atomic.publish([(tmp_path / "a.xml", b"new")], force=True)
    assert (tmp_path / "a.xml").read_bytes() == b"new"


def test_the_input_is_never_overwritten_even_with_force(tmp_path: Path) -> None:
    source = tmp_path / "r.xml"
    source.write_bytes(b"input")
    with pytest.raises(OutputError, match="overwrite the input"):
        _atomic.publish([(tmp_path / "." / "r.xml", b"out")], force=True, inputs=[source])
    assert source.read_bytes() == b"input"


@pytest.mark.parametrize("force", [False, True])
def test_a_failed_rename_unpublishes_the_outputs_already_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool
) -> None:
    calls = []

    def failing(real: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
        def publish_step(src: Any, dst: Any) -> None:
            calls.append(dst)
            if len(calls) == 2:
                raise PermissionError(errno.EACCES, "Permission denied")
            real(src, dst)

        return publish_step

    monkeypatch.setattr(os, "replace", failing(os.replace))
    monkeypatch.setattr(os, "link", failing(os.link))
    with pytest.raises(OutputError, match="Permission denied"):
        _atomic.publish([(tmp_path / "a.xml", b"1"), (tmp_path / "a.pdf", b"2")], force=force)
    assert list(tmp_path.iterdir()) == []


def test_an_output_created_meanwhile_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another input of the batch (or another process) took the name after the check."""
    real_write = _atomic._write_temp

    def write_then_race(path: Path, data: bytes) -> Path:
        temp = real_write(path, data)
        path.write_bytes(b"theirs")
        return temp

    monkeypatch.setattr(_atomic, "_write_temp", write_then_race)
    with pytest.raises(OutputError, match="exists"):
        _atomic.publish([(tmp_path / "a.xml", b"mine")])
    assert (tmp_path / "a.xml").read_bytes() == b"theirs"
    assert leftovers(tmp_path) == []


def test_ctrl_c_while_writing_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _atomic.publish([(tmp_path / "a.xml", b"1")])
    assert list(tmp_path.iterdir()) == []


def test_disk_full_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "keep.xml").write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputIOError, match="No space left") as caught:
        _atomic.publish([(tmp_path / "keep.xml", b"new")], force=True)
    assert caught.value.exit_code == 74
    assert (tmp_path / "keep.xml").read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_unwritable_directory_is_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", denied)  # root may write anywhere: pretend
    with pytest.raises(OutputError) as caught:
        _atomic.publish([(tmp_path / "a.xml", b"1")])
    assert caught.value.exit_code == 73
    assert list(tmp_path.iterdir()) == []


def test_output_directory_is_created_one_level_deep_only(tmp_path: Path) -> None:
    _atomic.prepare_output_dir(tmp_path / "out")
    assert (tmp_path / "out").is_dir()
    with pytest.raises(OutputError, match="does not exist"):
        _atomic.prepare_output_dir(tmp_path / "missing" / "deeper")
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(OutputError, match="not a directory"):
        _atomic.prepare_output_dir(tmp_path / "file")


def test_the_umask_is_read_as_the_process_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    current = os.umask(0o027)
    try:
        monkeypatch.setattr(_atomic, "_UMASK", None)
        assert _atomic._umask() == 0o027
    finally:
        os.umask(current)
