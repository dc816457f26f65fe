"""The map of docs/dev/architecture.md holds: imports point down its layers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_imports_point_down_the_layers_of_the_map() -> None:
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "docs/dev/import_graph.py")
    assert spec is not None and spec.loader is not None
    import_graph = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(import_graph)
    assert import_graph.upward(import_graph.graph()) == []
