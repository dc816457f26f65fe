"""The UN's irregular resolutions (``../shared/corpus/un-structures``) through DOCX: nothing
lost, tables as Word tables, links as hyperlinks, parts as headings."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import resconv
from resconv import xmlsafe
from resconv.model import Block, Inlines, Part, Reference, Resolution, Table
from resconv.writers.docx.writer import DocxWriter
from tests.lossless import akn_body_text, missing, model_text
from tests.writers.test_docx import W

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
UN_STRUCTURES = (
    "A_RES_75_101.eng.xml",
    "A_RES_75_101.zho.xml",
    "A_RES_75_246.eng.xml",
    "A_RES_75_246.zho.xml",
    "A_RES_76_246.eng.xml",
    "A_RES_80_243.eng.xml",
    "A_RES_80_243.zho.xml",
    "A_RES_ES-11_5.deu.xml",
)


def docx_text(data: bytes) -> str:
    """The text of the body and the footnotes of a DOCX, as a reader of it sees them."""
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in ("word/document.xml", "word/footnotes.xml"):
            root = xmlsafe.parse(package.read(name), source=name).getroot()
            out.extend(t.text or "" for t in root.iter(W + "t"))
    return " ".join(out)


def walk_blocks(resolution: Resolution) -> list[Block]:
    """Every block of the body, parts and annexes of `resolution` and its components."""
    found: list[Block] = [*resolution.operative]

    def parts(items: tuple[Part, ...]) -> None:
        for part in items:
            found.extend(part.operative)
            parts(part.parts)

    parts(resolution.parts)
    for annex in resolution.annexes:
        found.extend(annex.body)
    for component in resolution.components:
        found.extend(walk_blocks(component))
    return found


def linked_references(resolution: Resolution) -> int:
    """How many references with a target the model holds, anywhere."""
    count = 0

    def inlines(value: object) -> None:
        nonlocal count
        if isinstance(value, Reference):
            count += value.target is not None
            inlines(value.content)
        elif isinstance(value, tuple):
            for item in value:
                inlines(item)
        elif hasattr(value, "__slots__"):
            for name in value.__slots__:
                inlines(getattr(value, name))

    inlines(resolution)
    return count


@pytest.fixture(scope="module", params=UN_STRUCTURES)
def converted(request: pytest.FixtureRequest, shared_dir: Path) -> tuple[bytes, Resolution, bytes]:
    source = (shared_dir / "corpus" / "un-structures" / request.param).read_bytes()
    resolution = resconv.read(source).value
    return source, resolution, DocxWriter().write(resolution)


def test_every_character_of_the_source_and_the_model_is_in_the_docx(
    converted: tuple[bytes, Resolution, bytes],
) -> None:
    source, resolution, data = converted
    written = docx_text(data)
    assert not missing(akn_body_text(source), written)
    assert not missing(model_text(resolution), written)


def test_tables_are_word_tables_and_links_are_hyperlinks(
    converted: tuple[bytes, Resolution, bytes],
) -> None:
    _, resolution, data = converted
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document = etree.fromstring(package.read("word/document.xml"))
        rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
        notes = etree.fromstring(package.read("word/footnotes.xml"))
        names = package.namelist()
        note_rels = (
            etree.fromstring(package.read("word/_rels/footnotes.xml.rels"))
            if "word/_rels/footnotes.xml.rels" in names
            else None
        )
    tables = [block for block in walk_blocks(resolution) if isinstance(block, Table)]
    body = document.find(W + "body")
    assert body is not None
    assert len(body.findall(W + "tbl")) == len(tables)
    for table, written in zip(tables, body.findall(W + "tbl"), strict=True):
        assert len(written.findall(W + "tr")) == len(table.rows)
        header_rows = [row.header for row in table.rows]
        repeated = [
            tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in written.findall(W + "tr")
        ]
        assert repeated == header_rows  # the UN's header rows lead their tables
    links = document.findall(f".//{W}hyperlink")
    note_links = notes.findall(f".//{W}hyperlink")  # links inside footnotes: their own part
    assert len(links) + len(note_links) == linked_references(resolution)
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(PACKAGE_RELS + "Relationship")}
    assert all(targets[link.get(R + "id")].startswith("https://") for link in links)
    if note_links:
        assert note_rels is not None
        in_notes = {
            r.get("Id"): r.get("Target") for r in note_rels.iter(PACKAGE_RELS + "Relationship")
        }
        assert all(in_notes[link.get(R + "id")].startswith("https://") for link in note_links)


def test_a_resolution_in_parts_has_a_heading_per_part(shared_dir: Path) -> None:
    resolution = resconv.read(
        shared_dir / "corpus" / "un-structures" / "A_RES_80_243.zho.xml"
    ).value
    assert len(resolution.parts) >= 19  # I to XIX, and more the reader finds
    document = etree.fromstring(
        zipfile.ZipFile(io.BytesIO(DocxWriter().write(resolution))).read("word/document.xml")
    )
    headings = [
        p
        for p in document.iter(W + "p")
        if p.find(f"{W}pPr/{W}pStyle[@{W}val='Heading1']") is not None
    ]
    assert len(headings) == len(resolution.parts)
    first: Inlines = resolution.parts[0].heading
    assert "".join(t.text or "" for t in headings[0].iter(W + "t")).endswith(
        "".join(getattr(piece, "text", "") for piece in first)
    )
