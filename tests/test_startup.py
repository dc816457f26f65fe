"""What a one-file conversion imports, and the stand-ins of `resconv._lazyimport`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "A-RES-67-38.zh.txt"

_CONVERT = """
import sys
from resconv.cli import main
status = main(["convert", sys.argv[1], "--quiet", "--to", sys.argv[2], "-o", sys.argv[3]])
assert status == 0, status
print(*sorted(sys.modules))
"""


def _imported(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", *args], env=env, check=True, capture_output=True, text=True
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("to", ["akn", "json", "docx", "pdf"])
def test_a_one_file_conversion_leaves_unused_modules_unimported(to: str, tmp_path: Path) -> None:
    modules = _imported(_CONVERT, str(SEED), to, str(tmp_path))
    assert (tmp_path / f"A-RES-67-38.zh{'.xml' if to == 'akn' else '.' + to}").exists()
    # The batch's worker pool, reportlab's image and cache support, what
    # `xml.sax.saxutils` would bring, and the `inspect` dataclasses and lxml take a
    # function from.
    unused = {"concurrent.futures", "PIL.Image", "pickle", "textwrap", "urllib.request", "ssl"}
    unused.add("resconv.batch")  # one named file: resconv/job.py alone
    unused.add("inspect")
    if to != "pdf":  # reportlab imports `ast` and `tokenize` for itself
        unused |= {"ast", "dis", "tokenize"}
    if to != "pdf":  # reportlab imports `datetime` for itself
        unused.add("datetime")  # its classes come from `_datetime` (resconv/_dates.py)
    if to in ("akn", "json"):
        unused.add("typing")  # annotations only: the type checker reads them, not Python
    assert not modules & unused


_PROTOCOLS = """
import sys
from resconv.diagnostics import Result
from resconv.readers import Reader, get_reader
from resconv.writers import Writer, get_writer
assert isinstance(get_writer("akn"), Writer) and isinstance(get_reader("text"), Reader)
assert not isinstance(object(), Writer)
assert Result[int](3).value == 3 and Result[int].__origin__ is Result
print("ok")
"""


def test_the_protocols_and_generic_result_work_at_run_time() -> None:
    assert _imported(_PROTOCOLS) == {"ok"}


_STAND_IN = """
import sys
from resconv._lazyimport import deferred
with deferred(("colorsys",)):
    import colorsys as held
    assert type(held).__name__ == "_OnFirstUse"
import colorsys
assert type(colorsys).__name__ == "module" and colorsys is not held
assert held.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
with deferred(("colorsys",)):
    import colorsys as again  # imported already: the real module
assert again is colorsys
import dataclasses, resconv
@dataclasses.dataclass
class NoDocstring:
    x: int
assert NoDocstring.__doc__ == "NoDocstring(x: int)", NoDocstring.__doc__
print("inspect" in sys.modules)
"""


def test_a_stand_in_imports_its_module_when_used() -> None:
    assert _imported(_STAND_IN) == {"True"}  # dataclasses loaded `inspect` when it needed it


_CALLED = """
import sys
from resconv._lazyimport import deferred
with deferred(("colorsys",), calls=("colorsys.rgb_to_hsv",)):
    from colorsys import rgb_to_hsv, hsv_to_rgb
    # The named function is a stand-in; any other attribute read imports the module.
    assert rgb_to_hsv.__module__ == "resconv._lazyimport" and hsv_to_rgb.__module__ == "colorsys"
import colorsys
assert rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
with deferred(("inspect",), calls=("inspect.getfullargspec",)):
    from inspect import getfullargspec
assert "inspect" not in sys.modules
assert getfullargspec(lambda a, b=1: None).args == ["a", "b"]
print("inspect" in sys.modules, type(sys.modules["inspect"]).__name__)
"""


def test_a_function_stand_in_imports_its_module_when_called() -> None:
    assert _imported(_CALLED) == {"True", "module"}


_COLLECTOR = """
import gc, sys
from resconv import _collector
from resconv.cli import main
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info))
released = _collector.release
before_release = []
def release():
    before_release.append(len(collections))
    released()
_collector.release = release
inputs = sys.argv[1:-1]
status = main(["convert", *inputs, "--quiet", "--jobs", "1", "--to", "pdf", "-o", sys.argv[-1]])
assert status == 0, status
gc.callbacks.clear()
print(before_release[0], len(collections), gc.isenabled(), gc.get_freeze_count())
"""


def _collector_after(*args: str) -> tuple[int, int, bool, int]:
    """Collections before the collector was first released and during the whole of `main`,
    then whether the collector is on and how many objects are frozen."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", _COLLECTOR, *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(out[0]), int(out[1]), out[2] == "True", int(out[3])


def test_the_command_line_collects_nothing_through_its_first_document(tmp_path: Path) -> None:
    # The PDF writer's import and one document: no collection (see resconv._collector);
    # `main` then gives the program that called it its collector back, nothing frozen.
    before, _, enabled, frozen = _collector_after(str(SEED), str(tmp_path / "one"))
    assert (before, enabled, frozen) == (0, True, 0)


def test_the_collector_runs_again_after_the_first_document(tmp_path: Path) -> None:
    copies = []
    for index in range(4):
        copies.append(tmp_path / f"copy{index}.txt")
        copies[-1].write_bytes(SEED.read_bytes())
    before, during, enabled, frozen = _collector_after(*map(str, copies), str(tmp_path / "out"))
    assert before == 0 and during > 0  # the three documents after the first collected as usual
    assert enabled and frozen == 0
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 4


_ENDING = """
import atexit, sys
atexit.register(lambda: print("atexit ran", file=sys.stderr))
class Torn:
    def __del__(self):
        print("torn down", file=sys.stderr)
kept = Torn()
sys.argv = ["resconv", *sys.argv[1:]]
from resconv.cli import console
print("console returned", console())
"""


def _end(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", _ENDING, *args], env=env, capture_output=True, text=True
    )


def test_the_command_ends_its_process_without_tearing_it_down(tmp_path: Path) -> None:
    # Standard output flushed (it is a pipe here: block-buffered), `atexit` functions run,
    # objects left as they are, and the exit status is the command's.
    ended = _end("formats")
    assert ended.returncode == 0
    assert ended.stdout.startswith("input: ") and "console returned" not in ended.stdout
    assert ended.stderr == "atexit ran\n"
    ended = _end("convert", str(tmp_path / "missing.txt"), "-o", str(tmp_path))
    assert ended.returncode == 66
    assert ended.stderr.startswith("resconv: error: ") and ended.stderr.endswith("atexit ran\n")
    assert "torn down" not in ended.stderr


def test_what_the_collector_was_held_off_for_is_not_walked_after_it() -> None:
    # `import resconv` makes thousands of objects with the collector held off: the first
    # allocation after it must not start a collection that walks all of them.
    import gc

    from resconv import _collector

    if not gc.isenabled():
        pytest.skip("the collector is off in this process")
    collections: list[object] = []

    def count(phase: str, info: object) -> None:
        if phase == "start":
            collections.append(info)

    gc.callbacks.append(count)
    try:
        with _collector.held():
            made: list[list[int]] = [[] for _ in range(5000)]
            during = len(collections)
        more: list[list[int]] = [[] for _ in range(10)]
    finally:
        gc.callbacks.remove(count)
    assert (during, len(collections), len(made) + len(more)) == (0, 0, 5010)
    assert gc.isenabled()


def test_the_dates_are_datetimes_own_classes() -> None:
    import datetime

    from resconv import _dates

    assert (_dates.date, _dates.datetime, _dates.UTC) == (
        datetime.date,
        datetime.datetime,
        datetime.UTC,
    )
