"""The architecture page holds: its Python examples run, and the rule of its map is kept."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "dev" / "architecture.md"
EXAMPLES = re.findall(r"^```python\n(.*?)^```", ARCHITECTURE.read_text("utf-8"), re.S | re.M)


def test_the_architecture_page_has_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("code", EXAMPLES, ids=lambda code: code.splitlines()[-1][:40])
def test_an_example_of_the_architecture_page_runs(code: str) -> None:
    # A process of its own: an example may register a writer, which must not leak here.
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_imports_point_down_the_layers_of_the_map() -> None:
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "docs/dev/import_graph.py")
    assert spec is not None and spec.loader is not None
    import_graph = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(import_graph)
    assert import_graph.upward(import_graph.graph()) == []
