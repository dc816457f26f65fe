"""Output names come from the input's base name only: no path of the input escapes -o."""

from __future__ import annotations

from pathlib import Path

import pytest

from resconv import cli
from resconv.batch import output_paths
from tests.conftest import SEED


@pytest.mark.parametrize(
    "name",
    ["../../etc/A-RES-1-1.txt", "/tmp/../A-RES-1-1.txt", "a/b/../../A-RES-1-1.txt"],
)
def test_output_paths_stay_in_the_output_directory(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    for target in output_paths(Path(name), ["akn", "json"], out):
        assert target.parent == out
        assert target.name.startswith("A-RES-1-1.")


def test_an_input_reached_through_dot_dot_writes_inside_the_output_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "a" / "r.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    assert cli.main(["convert", str(deep / ".." / "r.txt"), "-o", str(out)]) == 0
    assert [p.name for p in tmp_path.rglob("r.xml")] == ["r.xml"]
    assert (out / "r.xml").is_file()


def test_an_akn_input_is_never_converted_onto_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "r.txt"
    source.write_bytes(SEED.read_bytes())
    assert cli.main(["convert", str(source), "--to", "akn"]) == 0
    xml = tmp_path / "r.xml"
    before = xml.read_bytes()
    assert cli.main(["convert", str(xml), "--to", "akn", "--force"]) == 73
    assert "overwrite the input" in capsys.readouterr().err
    assert xml.read_bytes() == before
