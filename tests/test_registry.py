"""Writers plug in by name, from code or from another package's entry point."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import EntryPoint
from typing import ClassVar

import pytest

import resconv
from resconv import writers
from resconv.errors import UnknownFormatError, UsageError
from resconv.model import Resolution, plain_text


class TitleWriter:
    name: ClassVar[str] = "title"
    suffix: ClassVar[str] = ".title.txt"
    media_type: ClassVar[str] = "text/plain"

    def write(self, resolution: Resolution, /) -> bytes:
        return plain_text(resolution.title).encode()


@pytest.fixture
def clean_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writers, "_registered", {})
    monkeypatch.setattr(writers, "_loaded", {})
    monkeypatch.setattr(writers, "_entry_points_seen", False)


def test_an_entry_point_adds_a_writer(
    clean_registry: None, monkeypatch: pytest.MonkeyPatch, seed_bytes: bytes
) -> None:
    point = EntryPoint(
        name="title", value="tests.test_registry:TitleWriter", group=writers.ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(writers, "entry_points", lambda group: [point])
    assert "title" in writers.available_writers()
    conversion = resconv.convert_bytes(seed_bytes, ["title"])
    assert conversion.outputs["title"].decode() == "促进裁军和不扩散领域的多边主义"


def test_an_entry_point_cannot_replace_a_built_in(
    clean_registry: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    point = EntryPoint(
        name="pdf", value="tests.test_registry:TitleWriter", group=writers.ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(writers, "entry_points", lambda group: [point])
    with pytest.raises(UsageError, match="already exists"):
        writers.available_writers()


def test_duplicate_registration_needs_override(clean_registry: None) -> None:
    resconv.register_writer("title", TitleWriter)
    with pytest.raises(UsageError, match="already registered"):
        resconv.register_writer("title", TitleWriter)
    resconv.register_writer("title", TitleWriter, override=True)


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError, match="akn, docx, json, pdf"):
        writers.get_writer("html")


def test_importing_resconv_loads_neither_docx_nor_reportlab_nor_lxml_schemas() -> None:
    code = (
        "import sys, resconv; "
        "print(sorted(m for m in ('docx', 'reportlab', 'fontTools', 'rich', 'resconv.validation') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
