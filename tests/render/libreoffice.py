"""DOCX → PDF with LibreOffice, PDF → PNG with poppler, using only the pip font packages.

Used by the optional rendering tests (skipped when `soffice` is absent) and by hand::

    /work/venv/bin/python -m tests.render.libreoffice out.docx   # writes out.pdf, out-1.png …
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT_PACKAGES = (
    ("pylopdf_fonts_zh_cn", ""),
    ("fontpkg_noto_serif", "files"),
    ("fontpkg_amiri", "files"),
)


def font_dirs() -> list[Path]:
    """The folders of the installed pip font packages (Noto Serif SC/Sans SC, Noto Serif, Amiri)."""
    dirs = []
    for package, sub in FONT_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        dirs.append(Path(spec.origin).parent / sub)
    return dirs


def fontconfig_file(workdir: Path) -> Path:
    """Write `fonts.conf` (from fonts.conf.in) into `workdir` and return its path."""
    template = (HERE / "fonts.conf.in").read_text(encoding="utf-8")
    dirs = "\n  ".join(f"<dir>{d}</dir>" for d in font_dirs())
    # A shared cache: scanning the 20 MB CJK fonts again for every folder costs seconds.
    cache = Path(tempfile.gettempdir()) / "resconv-render-fc-cache"
    text = template.replace("@FONT_DIRS@", dirs).replace("@CACHE_DIR@", str(cache))
    path = workdir / "fonts.conf"
    path.write_text(text, encoding="utf-8")
    return path


def soffice() -> str | None:
    """The LibreOffice command, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path, workdir: Path, *, timeout: float = 180) -> Path:
    """Convert `docx` to PDF in `workdir` with a private profile and the pip fonts."""
    return docx_to_pdfs([docx], workdir, timeout=timeout)[0]


def docx_to_pdfs(docxs: list[Path], workdir: Path, *, timeout: float = 180) -> list[Path]:
    """Convert several DOCX files with one LibreOffice start (about a second each start)."""
    command = soffice()
    if command is None:
        raise FileNotFoundError("soffice is not installed")
    workdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(workdir)))
    profile = (workdir / "lo-profile").resolve().as_uri()
    run_whole_session(
        [
            command,
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            *map(str, docxs),
        ],
        env=env,
        timeout=timeout,
    )
    pdfs = [workdir / (docx.stem + ".pdf") for docx in docxs]
    missing = [pdf.name for pdf in pdfs if not pdf.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no PDF for {missing}")
    return pdfs


def run_whole_session(
    command: list[str], *, timeout: float, env: dict[str, str] | None = None
) -> None:
    """Run `command` in a session of its own and, on timeout, end the whole session:
    LibreOffice's launcher starts the program that does the work as its child, which
    ending the launcher alone would leave running (for hours, on a file it hangs on)."""
    with subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    ) as process:
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
    if code:
        raise subprocess.CalledProcessError(code, command)


def pdf_to_png(
    pdf: Path, *, resolution: int = 80, first: int = 1, last: int | None = None
) -> list[Path]:
    """Pages of `pdf` as PNG files beside it (poppler's pdftoppm)."""
    prefix = pdf.with_suffix("")
    args = ["pdftoppm", "-png", "-r", str(resolution), "-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    subprocess.run([*args, str(pdf), str(prefix)], check=True, capture_output=True)
    return sorted(pdf.parent.glob(prefix.name + "-*.png"))


if __name__ == "__main__":
    sources = [Path(name).resolve() for name in sys.argv[1:]]
    if sources:
        for out in docx_to_pdfs(sources, sources[0].parent):
            print(out, *pdf_to_png(out), sep="\n")
