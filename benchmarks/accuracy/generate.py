"""The generated inputs: PDF by resconv's writer and by LibreOffice, and their extractions.

Everything generated lives under a work folder outside the repository (``--work``, by
default in the user's cache folder) and is keyed by what made it: the SHA-256 of the UN
file, a hash of the writer's source, the tool and its version. A second run reuses it all;
only the text reader under test runs again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import platformdirs

import resconv
from resconv.fonts.sources import FACES, locate
from resconv.model import Resolution

from .extractors import EXTRACTORS

PACKAGE = Path(resconv.__file__).resolve().parent
PDF_SOURCES = ("writers/pdf", "fonts", "lang", "model.py")
DOCX_SOURCES = ("writers/docx", "templates/docx", "lang", "model.py")


def default_work_dir() -> Path:
    return Path(platformdirs.user_cache_dir("resconv")) / "accuracy"


@cache
def code_hash(parts: tuple[str, ...]) -> str:
    """A short hash of the resconv source files a writer's output depends on."""
    digest = hashlib.sha256()
    for part in parts:
        base = PACKAGE / part
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(PACKAGE).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


class Work:
    """The work folder and what is cached in it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def resconv_pdf(self, model: Resolution, digest: str) -> Path:
        path = self.root / "pdf-resconv" / f"{digest[:24]}-{code_hash(PDF_SOURCES)}.pdf"
        if not path.is_file():
            _write_atomic(path, resconv.write(model, "pdf"))
        return path

    def docx(self, model: Resolution, digest: str) -> Path:
        path = self.root / "docx" / f"{digest[:24]}-{code_hash(DOCX_SOURCES)}.docx"
        if not path.is_file():
            _write_atomic(path, resconv.write(model, "docx"))
        return path

    def fontconfig(self) -> Path:
        """A fontconfig file that adds the fonts resconv ships to the system's.

        The DOCX names the fonts UN documents use (SimSun, SimHei, Simplified Arabic); a
        user's machine has them or close substitutes. Without them LibreOffice draws Han
        text in no font at all; with this file it finds resconv's Noto and Amiri faces.
        """
        folders = sorted({str(locate(face).parent) for face in FACES.values()})
        families = {face.script: face.family for face in FACES.values() if face.key != "hei"}
        aliases = {
            "SimSun": families["han"],
            "宋体": families["han"],
            "SimHei": FACES["hei"].family,
            "黑体": FACES["hei"].family,
            "Simplified Arabic": families["arabic"],
        }
        lines = [
            '<?xml version="1.0"?>',
            '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
            "<fontconfig>",
            '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
            *(f"  <dir>{escape(folder)}</dir>" for folder in folders),
            f"  <cachedir>{escape(str(self.root / 'fontconfig-cache'))}</cachedir>",
            *(
                f'  <alias binding="same"><family>{name}</family>'
                f"<prefer><family>{target}</family></prefer></alias>"
                for name, target in aliases.items()
            ),
            "</fontconfig>",
        ]
        path = self.root / "fontconfig" / "fonts.conf"
        text = "\n".join(lines) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            _write_atomic(path, text.encode("utf-8"))
        return path

    def libreoffice_pdf(self, docx: Path) -> Path:
        fonts = hashlib.sha256(self.fontconfig().read_bytes()).hexdigest()[:8]
        return self.root / "pdf-libreoffice" / f"{docx.stem}-{soffice_version()}-{fonts}.pdf"

    def convert_with_libreoffice(self, docx_files: Iterable[Path], batch: int = 40) -> list[str]:
        """PDF of every DOCX not converted yet, many per soffice call (it is slow to start).

        Returns a note per failure. soffice runs with a profile of its own in the work
        folder, so that it neither waits for nor disturbs a LibreOffice already running.
        """
        missing = [docx for docx in docx_files if not self.libreoffice_pdf(docx).is_file()]
        if not missing:
            return []
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            return ["LibreOffice (soffice) is not installed"]
        notes: list[str] = []
        out = self.root / "pdf-libreoffice"
        out.mkdir(parents=True, exist_ok=True)
        profile = (self.root / "soffice-profile").as_uri()
        environment = {**os.environ, "FONTCONFIG_FILE": str(self.fontconfig())}
        for start in range(0, len(missing), batch):
            chunk = missing[start : start + batch]
            with tempfile.TemporaryDirectory(dir=self.root) as staging:
                done = subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation={profile}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        staging,
                        *map(str, chunk),
                    ],
                    capture_output=True,
                    text=True,
                    check=False,
                    env=environment,
                    timeout=60 + 30 * len(chunk),
                )
                for docx in chunk:
                    produced = Path(staging) / f"{docx.stem}.pdf"
                    if produced.is_file():
                        os.replace(produced, self.libreoffice_pdf(docx))
                    else:
                        notes.append(f"{docx.name}: soffice made no PDF ({done.returncode})")
        return notes

    def extraction(self, pdf: Path, tool: str) -> str:
        """The text `tool` extracts from `pdf`, cached by the PDF's hash and tool version."""
        extractor = EXTRACTORS[tool]
        data = pdf.read_bytes()
        key = hashlib.sha256(data).hexdigest()[:24]
        path = self.root / "text" / f"{key}.{tool}-{extractor.version()}.txt"
        if path.is_file():
            return path.read_text(encoding="utf-8")
        text = extractor.extract(data)
        _write_atomic(path, text.encode("utf-8"))
        return text


@cache
def soffice_version() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return "none"
    done = subprocess.run([soffice, "--version"], capture_output=True, text=True, check=False)
    words = done.stdout.split()
    return words[1] if len(words) > 1 else "unknown"
