"""One benchmark run: sources in, one `Case` per (source, form) out.

Two passes over the sources, each spread over ``--jobs`` processes: the first reads every
UN file into its expected model and writes (or finds in the cache) resconv's PDF and DOCX;
then LibreOffice converts the DOCX files in batches; the second lays every source out in
every form, reads each text back with resconv's text reader and compares.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import resconv
from resconv.errors import ResconvError
from resconv.model import Resolution

from .compare import compare
from .extractors import EXTRACTORS
from .generate import Work
from .layouts import TEXT_LAYOUTS, render
from .sources import RealText, Source, Unusable, expected_model

PDF_MAKERS = ("resconv-pdf", "libreoffice-pdf")
GENERATED_FORMS = (
    *TEXT_LAYOUTS,
    *(f"{maker}:{tool}" for maker in PDF_MAKERS for tool in EXTRACTORS),
)
REAL_FORMS = ("real:pdftotext", "real:pymupdf", "real:reflowed")


@dataclass
class Case:
    """One compared pair, or one that could not be compared (`skipped` says why)."""

    group: str
    source: str
    language: str
    form: str
    exact: bool = False
    structure_exact: bool = False
    text_score: float = 0.0
    first_difference: str | None = None
    kind: str | None = None
    skipped: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _read_and_compare(case: Case, text: str, expected: Resolution) -> Case:
    try:
        result = resconv.read_bytes(text.encode("utf-8"), format="text", source=case.source)
    except ResconvError as error:
        message = str(error).removeprefix(f"{case.source}:").lstrip("0123456789: ")
        case.first_difference = f"read error: {type(error).__name__}: {message[:200]}"
        case.kind = "read error: " + re.split(r"[:(“\"]", message, maxsplit=1)[0].strip()
        return case
    except Exception as error:  # a crash is a finding, not the end of the run
        last = traceback.extract_tb(error.__traceback__)[-1]
        case.first_difference = f"crash: {type(error).__name__}: {error} at {last.name}"
        case.kind = f"crash ({type(error).__name__})"
        return case
    outcome = compare(expected, result.value)
    case.exact, case.structure_exact = outcome.exact, outcome.structure_exact
    case.text_score = outcome.text_score
    case.first_difference, case.kind = outcome.first_difference, outcome.kind
    return case


def lay_out(model: Resolution, source: Source, form: str, work: Work) -> str | None:
    """The text of `source` in `form`; None when the form's input could not be made."""
    if form in TEXT_LAYOUTS:
        return render(model, form)
    maker, _, tool = form.partition(":")
    digest = source.digest()
    if maker == "resconv-pdf":
        pdf = work.resconv_pdf(model, digest)
    else:
        pdf = work.libreoffice_pdf(work.docx(model, digest))
        if not pdf.is_file():
            return None
    return work.extraction(pdf, tool)


@dataclass(frozen=True)
class _Job:
    source: Source
    forms: tuple[str, ...]
    work: Path


def prepare(job: _Job) -> tuple[Source, str | None, Path | None]:
    """Expected model, resconv's PDF and DOCX for one source: (source, skip reason, DOCX)."""
    try:
        model = expected_model(job.source.path)
    except Unusable as reason:
        return job.source, str(reason), None
    work = Work(job.work)
    digest = job.source.digest()
    try:
        if any(form.startswith("resconv-pdf:") for form in job.forms):
            work.resconv_pdf(model, digest)
        docx = None
        if any(form.startswith("libreoffice-pdf:") for form in job.forms):
            docx = work.docx(model, digest)
    except ResconvError as error:
        return job.source, f"resconv cannot write it: {type(error).__name__}", None
    return job.source, None, docx


def evaluate(job: _Job) -> list[Case]:
    """Every form of one source, read back and compared."""
    model = expected_model(job.source.path)
    work = Work(job.work)
    cases = []
    for form in job.forms:
        case = Case(job.source.group, job.source.name, model.language, form)
        try:
            text = lay_out(model, job.source, form, work)
        except Exception as error:
            case.skipped = f"{form} input could not be made: {type(error).__name__}"
            cases.append(case)
            continue
        if text is None:
            case.skipped = "LibreOffice made no PDF"
            cases.append(case)
            continue
        cases.append(_read_and_compare(case, text, model))
    return cases


def evaluate_real(pair: RealText) -> list[Case]:
    case = Case("real", pair.text.name, "en", pair.form)
    try:
        model = expected_model(pair.akn)
    except Unusable as reason:
        case.skipped = str(reason)
        return [case]
    return [_read_and_compare(case, pair.text.read_text(encoding="utf-8"), model)]


def _map(function: Callable[[Any], Any], items: list[Any], jobs: int) -> Iterator[Any]:
    if jobs <= 1 or len(items) <= 1:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(function, items, chunksize=1)


def run(
    sources: Iterable[Source],
    real: Iterable[RealText],
    forms: tuple[str, ...],
    work: Path,
    jobs: int,
    progress: Callable[[str], None] = lambda _: None,
) -> tuple[list[Case], list[str]]:
    """Every case of the run, and notes on what could not be made."""
    notes: list[str] = []
    cases: list[Case] = []
    generated = tuple(form for form in forms if not form.startswith("real:"))
    usable: list[Source] = []
    docx_files: list[Path] = []
    prepared = [_Job(source, generated, work) for source in sources] if generated else []
    progress(f"preparing {len(prepared)} sources")
    for source, reason, docx in _map(prepare, prepared, jobs):
        if reason is not None:
            cases.append(Case(source.group, source.name, source.language_hint, "*", skipped=reason))
            continue
        usable.append(source)
        if docx is not None:
            docx_files.append(docx)
    if docx_files:
        progress(f"LibreOffice: {len(docx_files)} DOCX to PDF (cached ones skipped)")
        notes += Work(work).convert_with_libreoffice(docx_files)
    progress(f"reading {len(usable)} sources × {len(generated)} forms")
    for result in _map(evaluate, [_Job(source, generated, work) for source in usable], jobs):
        cases += result
    wanted_real = [pair for pair in real if pair.form in forms]
    for result in _map(evaluate_real, wanted_real, jobs):
        cases += result
    return cases, notes
