"""PDF-to-text tools, as users run them; each one optional.

Four independent implementations (poppler in two modes, pypdf, PDFium, pdfminer.six), all
under permissive licences, each called the plain way its documentation shows. A tool that
is not installed is reported once and its forms are left out.
"""

from __future__ import annotations

import importlib.metadata
import io
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    extract: Callable[[bytes], str]
    version: Callable[[], str | None]
    """The tool's version, None when it is not installed."""


def _pdftotext(*options: str) -> Callable[[bytes], str]:
    def extract(pdf: bytes) -> str:
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *options, "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
            timeout=120,
        )
        return done.stdout.decode("utf-8")

    return extract


@cache
def _poppler_version() -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    done = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True, check=False)
    words = (done.stderr or done.stdout).split()
    return words[2] if len(words) > 2 else "unknown"


def _package_version(name: str) -> Callable[[], str | None]:
    def version() -> str | None:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return None

    return version


def _pypdf(pdf: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _pypdfium2(pdf: bytes) -> str:
    import pypdfium2  # type: ignore[import-untyped]

    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(pages).replace("\r\n", "\n")
    finally:
        document.close()


def _pdfminer(pdf: bytes) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(io.BytesIO(pdf)))


EXTRACTORS: dict[str, Extractor] = {
    extractor.name: extractor
    for extractor in (
        Extractor("pdftotext", _pdftotext(), _poppler_version),
        Extractor("pdftotext-layout", _pdftotext("-layout"), _poppler_version),
        Extractor("pypdf", _pypdf, _package_version("pypdf")),
        Extractor("pypdfium2", _pypdfium2, _package_version("pypdfium2")),
        Extractor("pdfminer", _pdfminer, _package_version("pdfminer.six")),
    )
}
