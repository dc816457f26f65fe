"""Files that cannot be read are refused with one line, in bounded time and memory.

Every hostile file is made here, small: a scanned page, an encrypted and a damaged PDF,
a PDF drawing a million tiny objects, a zip bomb, a zip of many entries, a Word file that
is no resolution, and a zip that is no Word file at all.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

import resconv
from resconv.errors import InputDecodeError, StructureError
from resconv.readers import detect_format
from resconv.readers.docx.package import Limits as DocxLimits
from resconv.readers.docx.reader import DocxReader
from resconv.readers.pdf.document import Limits as PdfLimits
from resconv.readers.pdf.reader import PdfReader


def _canvas_pdf(draw: object = None, **options: object) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, **options)
    if callable(draw):
        draw(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _scanned(canvas: Canvas) -> None:
    """A page that is only a picture: grey bands where the lines of text would be."""
    canvas.setFillGray(0.3)
    for row in range(40):
        canvas.rect(72, 720 - row * 14, 450, 9, stroke=0, fill=1)


def _page_drawing(content: bytes) -> bytes:
    """A one-page PDF whose page content is `content`, compressed."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


_CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"/>'
)


# -- PDF ----------------------------------------------------------------------------


def test_a_scanned_pdf_needs_ocr() -> None:
    data = _canvas_pdf(_scanned)
    assert detect_format(data) == "pdf"
    with pytest.raises(StructureError, match=r"no text layer.*needs OCR") as caught:
        resconv.read(data)
    assert caught.value.exit_code == 65


def test_an_encrypted_pdf_is_refused() -> None:
    data = _canvas_pdf(lambda c: c.drawString(72, 720, "67/38. Title"), encrypt="secret")
    with pytest.raises(InputDecodeError, match="encrypted"):
        resconv.read(data)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + bytes(range(256)) * 8, b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"],
    ids=["garbage", "truncated"],
)
def test_a_damaged_pdf_is_refused(data: bytes) -> None:
    with pytest.raises(InputDecodeError, match="not a readable PDF"):
        resconv.read(data)


def test_a_pdf_drawing_a_million_tiny_objects_is_refused_before_parsing() -> None:
    data = _page_drawing(b"BT /F1 1 Tf 10 10 Td (a) Tj ET\n" * 1_000_000)
    assert len(data) < 200_000
    with pytest.raises(InputDecodeError, match="more than 300,000 objects"):
        resconv.read(data)


def test_a_pdf_stream_inflating_beyond_the_limit_is_refused() -> None:
    data = _page_drawing(b"%" + b" " * 4_000_000 + b"\n")
    reader = PdfReader(PdfLimits(content_bytes=1_000_000))
    with pytest.raises(InputDecodeError, match="inflates to more than 1,000,000 bytes"):
        reader.read(data)


# -- DOCX ---------------------------------------------------------------------------


def test_a_word_document_that_is_not_a_resolution() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Minutes of the staff picnic")
    document.add_paragraph("Everyone enjoyed the sandwiches.")
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    assert detect_format(data) == "docx"
    with pytest.raises(StructureError, match="Word document is not a resolution"):
        resconv.read(data)


def test_a_zip_bomb_disguised_as_docx_is_refused() -> None:
    data = _zip({"[Content_Types].xml": _CONTENT_TYPES, "word/document.xml": b" " * 8_000_000})
    assert len(data) < 100_000
    assert detect_format(data) == "docx"
    with pytest.raises(InputDecodeError, match="compressed more than 100:1"):
        resconv.read(data)


def test_every_part_has_a_size_limit() -> None:
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    data = _zip({"word/document.xml": body + b"<w:body/>" * 2000 + b"</w:document>"})
    reader = DocxReader(DocxLimits(part_bytes=4096))
    with pytest.raises(InputDecodeError, match="unpacks to more than 4,096 bytes"):
        reader.read(data)


def test_a_zip_of_too_many_entries_is_refused() -> None:
    entries = {f"word/media/{n}.bin": b"x" for n in range(2_100)}
    entries["word/document.xml"] = b"<x/>"
    with pytest.raises(InputDecodeError, match="entries is over"):
        resconv.read(_zip(entries), format="docx")


def test_a_docx_that_is_no_word_document() -> None:
    data = _zip({"[Content_Types].xml": _CONTENT_TYPES, "xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(InputDecodeError, match="not a Word document"):
        resconv.read(data, format="docx")


def test_other_zips_and_binaries_still_go_to_the_text_reader_refusal() -> None:
    data = _zip({"notes.txt": b"hello"})
    assert detect_format(data) == "text"
    with pytest.raises(InputDecodeError, match="zip"):
        resconv.read(data)
    assert detect_format(b"\x00\x01binary") == "text"


def test_the_command_line_says_it_on_one_line(tmp_path: Path) -> None:
    scanned = tmp_path / "scanned.pdf"
    scanned.write_bytes(_canvas_pdf(_scanned))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "resconv",
            "convert",
            str(scanned),
            "--to",
            "akn",
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 65
    assert done.stderr.count("\n") == 1
    assert "needs OCR" in done.stderr
    assert "Traceback" not in done.stderr
