"""Links printed inside footnotes arrive in the model, in resconv's AKN and in its JSON."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

import resconv
from resconv import native
from resconv.model import Footnote, Inlines, Reference, plain_text
from tests.lossless import akn_links

UN_FILES = sorted(
    (Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "un-structures").glob(
        "*.xml"
    )
)
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _references(content: Inlines) -> list[Reference]:
    found: list[Reference] = []
    for piece in content:
        if isinstance(piece, Reference):
            found.append(piece)
        elif hasattr(piece, "content"):
            found.extend(_references(piece.content))
    return found


def _note_links_in_source(data: bytes) -> Counter[tuple[str, str]]:
    """(href, text) of every link inside an ``authorialNote`` of the UN's file."""
    root = etree.fromstring(data)
    found: Counter[tuple[str, str]] = Counter()
    for note in root.iter(f"{AKN}authorialNote"):
        for link in note.iter(f"{AKN}a", f"{AKN}ref"):
            href = (link.get("href") or "").strip()
            text = "".join("".join(map(str, link.itertext())).split())
            if href and not href.startswith("#") and text:
                found[(href, text)] += 1
    return found


def _note_links_in_model(notes: tuple[Footnote, ...]) -> Counter[tuple[str, str]]:
    return Counter(
        (ref.target or "", "".join(plain_text(ref.content).split()))
        for note in notes
        for ref in _references(note.content or ())
    )


def _all_notes(resolution: resconv.Resolution) -> tuple[Footnote, ...]:
    return resolution.footnotes + tuple(n for c in resolution.components for n in c.footnotes)


@pytest.mark.parametrize("un_file", UN_FILES, ids=lambda p: p.name)
def test_links_in_the_uns_notes_are_references_of_the_model(
    shared_dir: Path, un_file: Path
) -> None:
    data = un_file.read_bytes()
    source = _note_links_in_source(data)
    model = resconv.read(data, format="akn").value
    assert _note_links_in_model(_all_notes(model)) == source
    assert not any(d.code == "akn-note-links" for d in resconv.read(data, format="akn").warnings)


@pytest.mark.parametrize("un_file", UN_FILES, ids=lambda p: p.name)
def test_every_link_of_the_source_is_in_resconvs_akn_and_json(
    shared_dir: Path, un_file: Path
) -> None:
    data = un_file.read_bytes()
    model = resconv.read(data, format="akn").value
    written = resconv.write(model, "akn")
    assert not akn_links(data) - akn_links(written)
    assert native.loads(resconv.write(model, "json").decode()) == model


def test_the_corpus_has_links_in_notes(shared_dir: Path) -> None:
    """The examples above are not vacuous: most of them link inside their notes."""
    assert sum(bool(_note_links_in_source(p.read_bytes())) for p in UN_FILES) >= len(UN_FILES) - 1
