"""The font files resconv prints with, found inside their pip packages.

Each face is data: which package ships the file, how its outlines are stored, and
which point of a variable font to use. Nothing is looked up on the system or the
network, so a PDF comes out the same wherever resconv is installed with pip.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from resconv.errors import FontError

__all__ = ["FACES", "FaceSpec", "face_spec", "locate"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FaceSpec:
    """One printable face: a font file and, for a variable font, where on its axes."""

    key: str
    """resconv's name for the face: "song", "hei", "serif"."""
    package: str
    """The importable package that ships the file."""
    path: str
    """The file, relative to the package directory."""
    outlines: Literal["cff", "glyf"]
    """CFF outlines are converted to quadratic TrueType; reportlab embeds only those."""
    location: tuple[tuple[str, float], ...] = ()
    """Variable-font axis values, e.g. (("wght", 700.0),); empty for a static font."""
    postscript_name: str
    """The name the embedded subset carries in the PDF (after the ``AAAAAA+`` tag)."""
    family: str
    """The family name written in the embedded font's name table."""
    style: str = "Regular"
    script: Literal["latin", "han", "arabic"]
    """The writing system the face is chosen for (its fonts also cover some others)."""


def _noto_serif(key: str, style: str, file: str, weight: float) -> FaceSpec:
    """A Noto Serif face: its variable fonts at normal width and the given weight."""
    return FaceSpec(
        key=key,
        script="latin",
        package="fontpkg_noto_serif",
        path=f"files/{file}",
        outlines="glyf",
        location=(("wdth", 100.0), ("wght", weight)),
        postscript_name=f"NotoSerif-{style}",
        family="Noto Serif",
        style=style,
    )


def _amiri(key: str, style: str) -> FaceSpec:
    """An Amiri face: one static font file per style."""
    return FaceSpec(
        key=key,
        script="arabic",
        package="fontpkg_amiri",
        path=f"files/Amiri-{style}.ttf",
        outlines="glyf",
        postscript_name=f"Amiri-{style}",
        family="Amiri",
        style=style,
    )


FACES: dict[str, FaceSpec] = {
    spec.key: spec
    for spec in (
        # Body face for Chinese: the closest free match for SimSun (宋体).
        FaceSpec(
            key="song",
            script="han",
            package="pylopdf_fonts_zh_cn",
            path="NotoSerifSC-Regular.otf",
            outlines="cff",
            postscript_name="NotoSerifSC-Regular",
            family="Noto Serif SC",
        ),
        # Title face for Chinese: SimHei (黑体); the variable font's default is Thin.
        FaceSpec(
            key="hei",
            script="han",
            package="justmytype_intl_cjk",
            path="fonts/ofl/notosanssc/NotoSansSC[wght].ttf",
            outlines="glyf",
            location=(("wght", 700.0),),
            postscript_name="NotoSansSC-Bold",
            family="Noto Sans SC",
            style="Bold",
        ),
        # Latin, Greek and Cyrillic.
        _noto_serif("serif", "Regular", "NotoSerif[wdth,wght].ttf", 400.0),
        _noto_serif("serif-bold", "Bold", "NotoSerif[wdth,wght].ttf", 700.0),
        _noto_serif("serif-italic", "Italic", "NotoSerif-Italic[wdth,wght].ttf", 400.0),
        # Arabic: Amiri, a naskh face.
        _amiri("naskh", "Regular"),
        _amiri("naskh-bold", "Bold"),
    )
}


def face_spec(key: str) -> FaceSpec:
    """The face called `key`; an unknown key is a bug in the caller's table."""
    try:
        return FACES[key]
    except KeyError:
        raise FontError(f"no face named {key!r} (known: {', '.join(sorted(FACES))})") from None


def locate(spec: FaceSpec) -> Path:
    """The font file of `spec`, found without importing the package's code."""
    found = importlib.util.find_spec(spec.package)
    locations = list(found.submodule_search_locations or ()) if found is not None else []
    for directory in locations:
        candidate = Path(directory) / spec.path
        if candidate.is_file():
            return candidate
    raise FontError(
        f"font file {spec.path!r} for face {spec.key!r} not found: the Python package "
        f"{spec.package!r} is missing or incomplete; reinstall resconv with pip so that its "
        "font dependencies are installed"
    )
