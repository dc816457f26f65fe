"""Golden files: each case's JSON, DOCX parts and PDF text layer against the committed ones.

A case is a folder `fixtures/<case>/` with its source inside (`source.<lang>.txt`, …) or, for
the seed, beside it (`fixtures/<case>.txt`). Its goldens:

- `model.json`: the JSON writer's output, as text;
- `docx/<part>`: every part of the DOCX package as canonical XML (C14N 2.0, indented), so a
  golden diffs line by line and compares as parsed XML, never as zip bytes;
- `pdf.txt`: the PDF's text layer as pypdf extracts it, page by page.

Goldens are written only by `make golden` (`pytest --update-goldens`); review the diff by eye
before committing. A missing golden fails like a wrong one.
"""

from __future__ import annotations

import difflib
import io
import zipfile
from functools import cache
from pathlib import Path

import pypdf
import pytest
from lxml import etree

import resconv
from resconv import xmlsafe

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FORMATS = ("json", "docx", "pdf")


def source_of(case: Path) -> Path | None:
    """The input of a case folder: `source.*` inside it, else `<case>.txt` beside it."""
    inside = sorted(case.glob("source.*"))
    if inside:
        return inside[0]
    beside = case.with_name(case.name + ".txt")
    return beside if beside.is_file() else None


CASES = sorted(
    folder.name for folder in FIXTURES.iterdir() if folder.is_dir() and source_of(folder)
)


def canonical_xml(data: bytes, name: str) -> str:
    """`data` as C14N 2.0 with one element per line: equal text means equal XML."""
    root = xmlsafe.parse(data, source=name).getroot()
    etree.indent(root, space=" ")  # only whitespace-only text is touched: w:t keeps its own
    return etree.tostring(root, method="c14n2").decode("utf-8") + "\n"


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, page by page, as a reader's search or copy would see it."""
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return "".join(
        f"--- page {number} ---\n{page.extract_text().rstrip()}\n"
        for number, page in enumerate(pages, start=1)
    )


@cache
def outputs(case: str) -> dict[str, str]:
    """Every golden file of `case` as the current code writes it: relative path → text."""
    source = source_of(FIXTURES / case)
    assert source is not None
    written = resconv.convert(source, FORMATS).outputs
    files = {"model.json": written["json"].decode("utf-8"), "pdf.txt": pdf_text(written["pdf"])}
    with zipfile.ZipFile(io.BytesIO(written["docx"])) as package:
        for name in package.namelist():
            files[f"docx/{name}"] = canonical_xml(package.read(name), name)
    return files


def golden_files(folder: Path, prefix: str) -> dict[str, Path]:
    """The committed goldens of one kind (`model.json`, `pdf.txt` or `docx/`) of a case."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and (name == prefix or name.startswith(prefix + "/")):
            found[name] = path
    return found


def compare(case: str, prefix: str, update: bool) -> None:
    """Compare (or, with --update-goldens, rewrite) the goldens of one kind of one case."""
    folder = FIXTURES / case
    actual = {
        name: text
        for name, text in outputs(case).items()
        if name == prefix or name.startswith(prefix + "/")
    }
    committed = golden_files(folder, prefix)
    if update:
        for name, path in committed.items():
            if name not in actual:
                path.unlink()
        for name, text in actual.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
        committed = golden_files(folder, prefix)
    problems = []
    for name in sorted(committed.keys() | actual.keys()):
        if name not in committed:
            problems.append(f"{case}/{name}: no golden file (run `make golden`, review, commit)")
        elif name not in actual:
            problems.append(f"{case}/{name}: golden file for a part no longer written")
        else:
            expected = committed[name].read_bytes().decode("utf-8")
            if expected != actual[name]:
                diff = difflib.unified_diff(
                    expected.splitlines(),
                    actual[name].splitlines(),
                    f"golden {case}/{name}",
                    "written now",
                    lineterm="",
                    n=2,
                )
                problems.append("\n".join(list(diff)[:60]))
    assert not problems, "\n\n".join(problems)


def test_every_case_folder_has_a_source() -> None:
    assert "A-RES-67-38.zh" in CASES
    assert len(CASES) >= 3


@pytest.mark.parametrize("case", CASES)
def test_json_matches_golden(case: str, update_goldens: bool) -> None:
    compare(case, "model.json", update_goldens)


@pytest.mark.parametrize("case", CASES)
def test_docx_parts_match_goldens(case: str, update_goldens: bool) -> None:
    compare(case, "docx", update_goldens)


@pytest.mark.parametrize("case", CASES)
def test_pdf_text_layer_matches_golden(case: str, update_goldens: bool) -> None:
    compare(case, "pdf.txt", update_goldens)
