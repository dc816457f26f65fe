"""The UN's AKN files read, then written as DOCX and PDF: every paragraph's text is there.

Text is compared run by run (the pieces between footnote markers, which the writers print
as superscripts) with whitespace removed, since line breaking adds and removes spaces.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from pathlib import Path

import docx
import pypdf
import pytest

import resconv
from resconv.model import Heading, Inlines, OperativeParagraph, Resolution, Text
from tests.readers.test_akn_un_files import ALL


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def runs(r: Resolution) -> list[str]:
    """Every text run of the preamble and the operative part, squeezed."""
    out: list[Inlines] = [p.content for p in r.preamble]
    for block in r.operative:
        if isinstance(block, Heading):
            out.append(block.text)
        elif isinstance(block, OperativeParagraph):
            out.append(block.content)
            out.extend(point.content for point in block.subparagraphs)
    return [squeeze(piece.text) for inlines in out for piece in inlines if isinstance(piece, Text)]


@pytest.fixture(params=ALL, ids=lambda p: Path(p).name)
def model(request: pytest.FixtureRequest, shared_dir: Path) -> Resolution:
    return resconv.read(shared_dir / request.param).value


def test_docx_holds_every_paragraph(model: Resolution) -> None:
    document = docx.Document(io.BytesIO(resconv.write(model, "docx")))
    text = squeeze("".join(p.text for p in document.paragraphs))
    missing = [run[:40] for run in runs(model) if run not in text]
    assert missing == []


def test_pdf_holds_every_paragraph(model: Resolution) -> None:
    pdf = pypdf.PdfReader(io.BytesIO(resconv.write(model, "pdf")))
    pages = [squeeze(page.extract_text()) for page in pdf.pages]
    if model.language == "ar":
        # pypdf gives right-to-left lines in visual order: compare the characters.
        assert not Counter("".join(runs(model))) - Counter("".join(pages))
        return
    missing = [run[:40] for run in runs(model) if not on_pages(run, pages)]
    assert missing == []


def on_pages(run: str, pages: list[str]) -> bool:
    """`run` is on one page, or starts at the foot of one and ends at the top of the next."""
    if any(run in page for page in pages):
        return True
    return any(
        run[:cut] in first and run[cut:] in second
        for first, second in itertools.pairwise(pages)
        for cut in range(1, len(run))
    )
