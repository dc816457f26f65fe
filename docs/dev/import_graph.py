"""Draw resconv's import graph by subsystem: ``python docs/dev/import_graph.py | dot -Tsvg``.

Reads the sources (nothing is imported) and prints Graphviz DOT. A subpackage with
modules of its own (``resconv.readers.text``, ``resconv.lang``) is one box; other modules
are boxes of their own. An arrow A → B means A imports B; imports made only
for type checking are dashed. ``--check`` prints the arrows that point up the layers
instead, and exits 1 if there are any among the imports made at import time; imports
made inside a function that point up are listed as such (debts to pay, not failures).
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[2] / "resconv"

Kind = Literal["runtime", "deferred", "typing", "by name"]
"""How a module imports another: at import time; inside a function, when it runs; only
for type checking; or by a registry's import string, when a format is first asked for."""

GROUPS = ("resconv.lang", "resconv.fonts", "resconv.akn")
"""Subpackages drawn as one box each, besides every reader's and writer's subpackage."""

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("interfaces", ("resconv", "resconv.__main__", "resconv.cli")),
    ("operations", ("resconv.batch", "resconv.conversion", "resconv.job", "resconv.validation")),
    ("registries", ("resconv.readers", "resconv.writers")),
    ("formats", ()),  # every module and subpackage under resconv.readers and resconv.writers
    ("knowledge", (*GROUPS, "resconv.native", "resconv.xmlsafe")),
    (
        "foundation",
        (
            "resconv.model",
            "resconv.build",
            "resconv.diagnostics",
            "resconv.errors",
            "resconv.xmlchars",
            "resconv._atomic",
            "resconv._cachedir",
            "resconv._checks",
            "resconv._collector",
            "resconv._codecache",
            "resconv._dataclass",
            "resconv._dates",
            "resconv._lazyimport",
            "resconv._version",
        ),
    ),
)
"""Top to bottom: a box may import boxes of its own layer or below, never above. A new
top-level module is placed here by hand; until it is, ``--check`` fails."""
FORMATS = ("resconv.readers.", "resconv.writers.")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def box(module: str) -> str:
    """The box `module` is drawn in: its group, its format subpackage, or itself."""
    for group in GROUPS:
        if module == group or module.startswith(group + "."):
            return group
    for prefix in FORMATS:
        if module.startswith(prefix):
            return prefix + module.removeprefix(prefix).split(".")[0]
    return module


def imports(path: Path) -> list[tuple[str, Kind]]:
    """(imported resconv module, how) for each import in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds: dict[int, Kind] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            kinds.update((id(child), "deferred") for child in ast.walk(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            kinds.update((id(child), "typing") for stmt in node.body for child in ast.walk(stmt))
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            names = [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            if name == "resconv" or name.startswith("resconv."):
                found.append((name, kinds.get(id(node), "runtime")))
    return found


def loaded_by_name(path: Path) -> list[str]:
    """Modules named in import strings ("resconv.writers.pdf:PdfWriter"): the registries'."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value.partition(":")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith("resconv.")
        and ":" in node.value
    ]


HIDDEN_TARGETS = ("resconv.errors",)
"""Imported by nearly every box: the arrows into it are left out of the picture."""


def graph() -> dict[tuple[str, str], Kind]:
    """Arrows between boxes, each with how the import is made (a runtime import first)."""
    modules = {module_name(p) for p in ROOT.rglob("*.py")}
    edges: dict[tuple[str, str], Kind] = {}

    def add(source: str, name: str, kind: Kind) -> None:
        while name not in modules and "." in name:
            name = name.rsplit(".", 1)[0]  # "resconv.model.Text" → "resconv.model"
        target = box(name)
        if target != source and name in modules and edges.get((source, target)) != "runtime":
            edges[source, target] = kind

    for path in sorted(ROOT.rglob("*.py")):
        source = box(module_name(path))
        for name, kind in imports(path):
            add(source, name, kind)
        for name in loaded_by_name(path):
            add(source, name, "by name")
    return edges


def layer_of(name: str) -> int:
    """The index of `name`'s layer in `LAYERS`; len(LAYERS) when it is in none."""
    if name.startswith(FORMATS):
        return [title for title, _ in LAYERS].index("formats")
    for index, (_, members) in enumerate(LAYERS):
        if name in members:
            return index
    return len(LAYERS)


STYLES: dict[Kind, str] = {
    "runtime": "",
    "deferred": ' [style=dashed, color="#aa5522"]',
    "typing": " [style=dashed]",
    "by name": ' [style=dotted, color="#2255aa", penwidth=1.4]',
}


def dot(edges: dict[tuple[str, str], Kind]) -> str:
    nodes = {name for edge in edges for name in edge}
    by_layer: dict[int, list[str]] = defaultdict(list)
    for name in sorted(nodes):
        by_layer[layer_of(name)].append(name)
    lines = [
        "digraph resconv {",
        "  graph [rankdir=TB, newrank=true, ranksep=0.6, nodesep=0.2, fontname=Helvetica];",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];',
        '  edge [color="#55555588", arrowsize=0.6];',
    ]
    colours = ("#fde2e2", "#fdf0d5", "#e2ecfd", "#e2f5e2", "#efe2fd", "#eeeeee", "#ffffff")
    for index in sorted(by_layer):
        title = LAYERS[index][0] if index < len(LAYERS) else "other"
        lines.append(f"  subgraph cluster_{index} {{")
        lines.append(f'    label="{title}"; labeljust=l; color="#bbbbbb"; rank=same;')
        for name in by_layer[index]:
            label = name.removeprefix("resconv.") if name != "resconv" else "resconv (API)"
            if (ROOT.parent / name.replace(".", "/") / "__init__.py").is_file() and name not in (
                "resconv",
                "resconv.readers",
                "resconv.writers",
            ):
                label += "/"
            lines.append(f'    "{name}" [label="{label}", fillcolor="{colours[index]}"];')
        lines.append("  }")
    for (source, target), kind in sorted(edges.items()):
        if target not in HIDDEN_TARGETS:
            lines.append(f'  "{source}" -> "{target}"{STYLES[kind]};')
    lines.append("}")
    return "\n".join(lines) + "\n"


def upward(edges: dict[tuple[str, str], Kind], kind: Kind = "runtime") -> list[str]:
    """Imports of `kind` from a box to a box of a higher layer; with "runtime", also the
    boxes placed in no layer."""
    boxes = sorted({name for edge in edges for name in edge})
    unplaced = [f"{name}: in no layer of LAYERS" for name in boxes if layer_of(name) == len(LAYERS)]
    return (unplaced if kind == "runtime" else []) + [
        f"{source} -> {target}"
        for (source, target), how in sorted(edges.items())
        if how == kind and layer_of(target) < layer_of(source)
    ]


def main() -> int:
    edges = graph()
    if "--check" in sys.argv[1:]:
        wrong = upward(edges)
        print("\n".join(wrong) or "every import made at import time points down the layers")
        for arrow in upward(edges, "deferred"):
            print(f"deferred, inside a function: {arrow}")
        return 1 if wrong else 0
    sys.stdout.write(dot(edges))
    return 0


if __name__ == "__main__":
    sys.exit(main())
