"""Where the benchmark's pairs come from: the UN's AKN files, and real texts beside them.

A `Source` is one UN AKN file; its expected model is what resconv's own AKN reader makes of
it. Sources whose model the text reader cannot make yet (a language it does not read, a
collection of resolutions), or that the model cannot hold (elements
outside it, a Security Council resolution laid out as the General Assembly's) are skipped
with their reason, never compared: a wrong expectation would blame the text reader for it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import resconv
from resconv.errors import ResconvError
from resconv.lang.profile import TEXT_LANGUAGES
from resconv.model import Resolution

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

SHARED_SETS = ("dev", "reference", "en", "structures")
"""The groups of UN AKN files in ../shared, selectable with --sources."""

_LANGUAGE_FOLDERS = {
    "English": "en",
    "French": "fr",
    "Spanish": "es",
    "Russian": "ru",
    "Arabic": "ar",
    "Chinese": "zh",
    "German": "de",
}

_THREE_LETTER = {
    "eng": "en",
    "fra": "fr",
    "spa": "es",
    "rus": "ru",
    "ara": "ar",
    "zho": "zh",
    "deu": "de",
    "en": "en",
}

# AKN reader warnings that mean part of the resolution became loose text in the model.
_LOSSY_CODES = {
    "akn-unexpected": "element outside the model",
    "akn-block": "block outside the model",
}


@dataclass(frozen=True, slots=True)
class Source:
    """One UN AKN file and the set it belongs to ("dev", "reference", …, "held-out")."""

    path: Path
    group: str

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def language_hint(self) -> str:
        """The language the file name or folder says, before the file is read."""
        for part in reversed(self.path.name.split(".")[:-1]):
            if part in _THREE_LETTER:
                return _THREE_LETTER[part]
        return _LANGUAGE_FOLDERS.get(self.path.parent.name, "?")

    def digest(self) -> str:
        """SHA-256 of the file's bytes: the key of everything generated from it."""
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


@dataclass(frozen=True, slots=True)
class RealText:
    """A text a user really had, and the UN AKN file of the same resolution."""

    text: Path
    akn: Path
    form: str
    """"real:pdftotext", "real:pymupdf", "real:reflowed"."""


class Unusable(Exception):
    """The source cannot serve as an expectation; the message says why, in a few words."""


def expected_model(path: Path) -> Resolution:
    """The model resconv's AKN reader makes of `path`, or `Unusable` with the reason."""
    try:
        result = resconv.read_bytes(path.read_bytes(), source=str(path))
    except ResconvError as error:
        message = str(error).split(": ", 2)[-1]
        raise Unusable(f"AKN reader: {message[:60]}") from None
    if result.value.language not in TEXT_LANGUAGES:
        raise Unusable(f"the text reader does not read language {result.value.language!r}")
    if result.value.components:
        raise Unusable("documentCollection (several resolutions)")
    for diagnostic in result.diagnostics:
        reason = _LOSSY_CODES.get(diagnostic.code)
        if reason is not None:
            raise Unusable(f"model cannot hold it yet: {reason}")
    model = result.value
    if not model.symbol.startswith("A/"):
        raise Unusable("not a General Assembly resolution")
    if not model.title:
        raise Unusable("no title")
    if model.adoption is None:
        raise Unusable("no adoption date")
    return model


def shared_sources(groups: tuple[str, ...] = SHARED_SETS, shared: Path = SHARED) -> list[Source]:
    """The UN AKN files of ../shared, by group, in a stable order."""
    globs = {
        "dev": ("corpus/dev/akn/*.xml",),
        "reference": ("reference/akn/*/*.xml",),
        "en": ("corpus/en/*.akn.xml",),
        "structures": ("corpus/un-structures/*.xml",),
    }
    found: list[Source] = []
    for group in groups:
        for pattern in globs[group]:
            found += [Source(path, group) for path in sorted(shared.glob(pattern))]
    return found


def real_texts(shared: Path = SHARED) -> list[RealText]:
    """The real English texts of ../shared with the UN AKN of the same resolution."""
    pairs: list[RealText] = []
    english = shared / "corpus" / "en"
    for text in sorted(english.glob("*.en.*.txt")):
        stem, kind = text.name.split(".en.", 1)
        form = {"pdf.txt": "real:pymupdf", "reflowed.txt": "real:reflowed"}.get(kind)
        akn = english / f"{stem}.en.akn.xml"
        if form and akn.is_file():
            pairs.append(RealText(text, akn, form))
    dev = shared / "corpus" / "dev"
    for text in sorted((dev / "pdftotext").glob("*.en.txt")):
        akn = dev / "akn" / text.name.replace(".en.txt", ".eng.xml")
        if akn.is_file():
            pairs.append(RealText(text, akn, "real:pdftotext"))
    return pairs


def _resolution_key(path: Path) -> str | None:
    """ "75/314" from the UN's file names (A_RES_75_314-2119233E.xml, 75_314_F.xml, …)."""
    match = re.search(r"(?:A[_-]RES[_-])?(\d{2,3}|ES-\d+)[_-](\d{1,4}[A-Z]?)\b", path.name)
    return f"{match.group(1)}/{match.group(2)}" if match else None


def held_out_candidates(
    corpus: Path, languages: tuple[str, ...], shared: Path = SHARED, seed: str = ""
) -> dict[str, list[Source]]:
    """The whole UN corpus in a fixed pseudo-random order, per language, minus ../shared.

    Candidates are every ``<Language>/*.xml`` under `corpus` (the session 74 zip archives
    are left out) whose resolution is not among the files of ../shared, ordered by the
    SHA-256 of their path inside the corpus (after `seed`, which draws another order):
    the first N usable ones are the sample.
    """
    seen = {_resolution_key(source.path) for source in shared_sources(shared=shared)}
    ranked: dict[str, list[tuple[str, Path]]] = {language: [] for language in languages}
    for folder, language in _LANGUAGE_FOLDERS.items():
        if language not in languages:
            continue
        for path in corpus.rglob(f"{folder}/*.xml"):
            key = _resolution_key(path)
            if key is None or key in seen:
                continue
            relative = path.relative_to(corpus).as_posix()
            ranked[language].append((hashlib.sha256((seed + relative).encode()).hexdigest(), path))
    return {
        language: [Source(path, "held-out") for _, path in sorted(entries)]
        for language, entries in ranked.items()
    }
