"""Every command and code example of README.md and docs/ runs as written.

Each Markdown page is one test: its examples run in order, in one scratch directory (the
"sandbox"), so that a later example can use what an earlier one wrote. What runs:

- ```` ```sh ```` (``bash``, ``shell``) blocks, as one ``bash -e -o pipefail`` script each;
- ```` ```console ```` blocks, and unlabelled blocks whose first line starts with ``$ ``:
  transcripts. Each ``$ `` line runs; the lines after it are its expected output, which
  must appear in that order in what the commands print;
- ```` ```python ```` blocks, each in a fresh interpreter. A statement that is only an
  expression with a Python literal in its comment (``len(r.preamble)   # 14``) must equal it.

Other blocks (XML, JSON, TOML, synopses) are illustrations. A runnable block that is
illustrative on purpose says so on a line just above it, and may say what it needs::

    <!-- not run: installs packages -->
    <!-- needs: shared, soffice -->

``needs`` names ``shared`` (the ../shared folder), a program on PATH (``soffice``,
``pdftoppm``) or a Python module (``dask``, ``atheris``); the block is skipped when one is
missing.

The sandbox holds the repository's ``fixtures/``, ``docs/`` and ``tools/`` (copies) and its
``fuzz/`` and ``benchmarks/`` scripts, the seed ``A-RES-67-38.zh.txt``, a
``corpus/`` folder of resolutions (the seed and, with ../shared, its English texts), and
with ../shared a link ``../shared`` to it and the UN's AKN files of
``../shared/reference/akn/ga/``. ``resconv`` is this checkout; ``pip`` and ``apt-get`` are
no-ops there (the package under test is already installed).
"""

from __future__ import annotations

import ast
import io
import os
import re
import shutil
import subprocess
import sys
import textwrap
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, SEED, SHARED

PAGES = sorted([ROOT / "README.md", *ROOT.glob("docs/**/*.md")])


_FENCE = re.compile(r"^(`{3,}|~{3,})\s*([\w+-]*)")
_MARKER = re.compile(r"<!--\s*(not run|needs)\s*:\s*(.*?)\s*-->")
_SHELL = {"sh", "bash", "shell"}
_TIMEOUT = 240


@dataclass
class Example:
    """One fenced block of a page, with the markers above it."""

    page: Path
    line: int
    language: str
    text: str
    not_run: str | None = None
    needs: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str | None:
        if self.language in _SHELL:
            return "sh"
        if self.language == "console" or (
            not self.language and self.text.lstrip().startswith("$ ")
        ):
            return "console"
        if self.language in ("python", "py"):
            return "python"
        return None

    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def examples(page: Path) -> list[Example]:
    """The fenced blocks of `page`, with the markers on the lines just above each."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Example] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, language = opening.group(1), opening.group(2).lower()
        end = index + 1
        while end < len(lines) and not lines[end].startswith(fence):
            end += 1
        example = Example(page, index + 1, language, "\n".join(lines[index + 1 : end]) + "\n")
        above = index - 1
        while above >= 0 and (not lines[above].strip() or _MARKER.search(lines[above])):
            for kind, value in _MARKER.findall(lines[above]):
                if kind == "not run":
                    example.not_run = value or "illustrative"
                else:
                    example.needs += [n.strip() for n in value.split(",") if n.strip()]
            above -= 1
        found.append(example)
        index = end + 1
    return found


def _missing(needs: list[str]) -> list[str]:
    missing = []
    for need in needs:
        if need == "shared":
            ok = (SHARED / "corpus").is_dir()
        else:
            ok = shutil.which(need) is not None or _importable(need)
        if not ok:
            missing.append(need)
    return missing


def _importable(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _sandbox(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The scratch directory the examples run in, and their environment."""
    work = tmp_path / "work"
    shutil.copytree(FIXTURES, work / "fixtures")
    for scripts in ("fuzz", "benchmarks"):  # the repository's own scripts, as run from its root
        (work / scripts).symlink_to(ROOT / scripts, target_is_directory=True)
    for copied in ("docs", "tools"):  # copies: an example may write into them
        if (ROOT / copied).is_dir():
            shutil.copytree(ROOT / copied, work / copied)
    shutil.copyfile(SEED, work / SEED.name)
    corpus = work / "corpus"
    corpus.mkdir()
    shutil.copyfile(SEED, corpus / SEED.name)
    if (SHARED / "corpus").is_dir():
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
        for text in sorted(SHARED.glob("corpus/en/*.txt")):
            shutil.copyfile(text, corpus / text.name)
        for xml in sorted(SHARED.glob("reference/akn/ga/*.xml")):
            shutil.copyfile(xml, work / xml.name)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _script(bin_dir / "resconv", f'exec "{sys.executable}" -m resconv "$@"')
    _script(bin_dir / "python", f'exec "{sys.executable}" "$@"')
    _script(bin_dir / "python3", f'exec "{sys.executable}" "$@"')
    for program in ("pip", "pip3", "apt-get"):
        _script(bin_dir / program, f'echo "{program}: not run by the docs tests" >&2')
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT) + (
        os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""
    )
    env.pop("COLUMNS", None)
    return work, env


def _script(path: Path, body: str) -> None:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


def _run(
    args: list[str], work: Path, env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=work,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=_TIMEOUT,
        check=False,
    )


def run_sh(example: Example, work: Path, env: dict[str, str]) -> None:
    done = _run(["bash", "-e", "-o", "pipefail", "-c", example.text], work, env)
    assert done.returncode == 0, (
        f"{example.where()}: exit status {done.returncode}\n{example.text}\n"
        f"--- stdout\n{done.stdout[-2000:]}\n--- stderr\n{done.stderr[-2000:]}"
    )


def run_console(example: Example, work: Path, env: dict[str, str]) -> None:
    commands: list[str] = []
    expected: list[str] = []
    for line in example.text.splitlines():
        if line.startswith("$ "):
            commands.append(line[2:])
        elif line.strip():
            expected.append(line.strip())
    done = _run(["bash", "-c", "exec 2>&1\n" + "\n".join(commands)], work, env)
    printed = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    position = 0
    for want in expected:
        while position < len(printed) and printed[position] != want:
            position += 1
        assert position < len(printed), (
            f"{example.where()}: expected {want!r} (in order) in what the commands printed:\n"
            + "\n".join(printed)
        )
        position += 1


def run_python(example: Example, work: Path, env: dict[str, str]) -> None:
    source = with_checked_results(example.text)
    done = _run([sys.executable, "-"], work, env, stdin=source)
    assert done.returncode == 0, (
        f"{example.where()}: the example failed\n{example.text}\n--- stderr\n{done.stderr[-3000:]}"
    )


def with_checked_results(source: str) -> str:
    """`source` with each ``expression  # literal`` turned into an assertion that it holds."""
    tree = ast.parse(source)
    comments: dict[int, str] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string[1:].strip()
    lines = source.splitlines()
    for statement in reversed(tree.body):
        if not isinstance(statement, ast.Expr) or statement.end_lineno is None:
            continue
        comment = comments.get(statement.end_lineno)
        if not comment:
            continue
        try:
            expected = ast.literal_eval(comment)
        except (ValueError, SyntaxError):
            continue
        expression = ast.get_source_segment(source, statement)
        check = f"assert ({expression}) == {expected!r}, ({expression!r}, {expression})"
        first = statement.lineno - 1
        lines[first : statement.end_lineno] = [check]
    return "\n".join(lines) + "\n"


RUNNERS = {"sh": run_sh, "console": run_console, "python": run_python}


PAGES_WITH_EXAMPLES = [p for p in PAGES if any(e.kind is not None for e in examples(p))]
"""Pages without a runnable block (decision pages, mostly) have nothing to run."""


@pytest.mark.parametrize(
    "page", PAGES_WITH_EXAMPLES, ids=[str(p.relative_to(ROOT)) for p in PAGES_WITH_EXAMPLES]
)
def test_examples_run_as_written(page: Path, tmp_path: Path) -> None:
    runnable = [e for e in examples(page) if e.kind is not None]
    work, env = _sandbox(tmp_path)
    ran = 0
    for example in runnable:
        if example.not_run is not None or _missing(example.needs):
            continue
        assert example.kind is not None
        RUNNERS[example.kind](example, work, env)
        ran += 1
    if ran == 0:
        missing = sorted({m for e in runnable for m in _missing(e.needs)})
        pytest.skip(f"every example here is marked not run or needs {', '.join(missing)}")


def test_the_harness_finds_checks_and_markers() -> None:
    page = textwrap.dedent(
        """\
        <!-- not run: installs things -->
        ```sh
        make install
        ```

        <!-- needs: shared, soffice -->

        ```python
        len([1, 2])   # 2
        ```
        ```
        $ echo hi
        hi
        ```
        """
    )
    path = ROOT / "docs" / "_harness_example.md"
    try:
        path.write_text(page, encoding="utf-8")
        found = examples(path)
    finally:
        path.unlink()
    assert [(e.kind, e.not_run, e.needs) for e in found] == [
        ("sh", "installs things", []),
        ("python", None, ["shared", "soffice"]),
        ("console", None, []),
    ]
    assert with_checked_results(found[1].text).startswith("assert (len([1, 2])) == 2")


def test_every_user_page_has_a_runnable_example() -> None:
    user_pages = [p for p in PAGES if p.parent == ROOT / "docs" / "user"]
    assert user_pages
    assert [str(p.relative_to(ROOT)) for p in user_pages if p not in PAGES_WITH_EXAMPLES] == []
