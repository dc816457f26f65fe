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
    # `xml.sax.saxutils` would bring, and dataclasses' docstring helper (which lxml, for
    # DOCX, imports for itself).
    unused = {"concurrent.futures", "PIL.Image", "pickle", "textwrap", "urllib.request", "ssl"}
    if to != "docx":
        unused.add("inspect")
    assert not modules & unused


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
