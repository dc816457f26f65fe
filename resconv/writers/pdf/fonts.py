"""Which face prints each character, and the document's subsets in reportlab's registry.

Each character is set in the first face of its role's chain that has it (`pdf_style`);
a character no face has is a `MissingGlyphError` naming every such character, never an
empty box. Each face used is embedded as small subsets packed from cached glyphs
(`resconv.fonts`), registered under a name derived from its characters for the one build
that needs it, then dropped again: reportlab's registry is process-global and keyed by face
name, which every subset of a face shares.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import unicodedata
from collections.abc import Iterable, Iterator

from reportlab.pdfbase import pdfmetrics

from resconv.errors import InternalError, MissingGlyphError
from resconv.fonts import Face, library
from resconv.fonts.embedded import Fonts, KeptFont, font_errors, register_shaped_fonts
from resconv.fonts.shaped import GlyphCodes
from resconv.writers.pdf.style import WIDE_PUNCTUATION, Typography

__all__ = [
    "FaceChooser",
    "font_registry",
    "register_shaped_subsets",
    "register_subsets",
    "unregister",
]

_MISSING_SHOWN = 20

_CUT_CHARACTERS = frozenset("\t\n\r\x85\u2028\u2029")
"""Line breaks, which print as spaces (`FaceChooser._cut_each`)."""

_CHOICES: dict[tuple[tuple[str, ...], bool], dict[str, str | None]] = {}
"""Face chain (and whether wide punctuation goes to the Han face) → character → face."""

_registry_lock = threading.Lock()
"""reportlab's font registry and configuration are process-global."""


class FaceChooser:
    """Picks the face of each character and records what each face must hold."""

    def __init__(self, typesetting: Typography) -> None:
        self._typesetting = typesetting
        self._library = library()
        self._faces: dict[str, Face] = {}
        self._choice: dict[str, dict[str, str | None]] = {}
        self.used: dict[str, set[int]] = {}
        self.missing: dict[str, set[str]] = {}
        self._segments: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.frozen = False
        """Set once the fonts are built: a character new to them then is a bug (it would
        print as nothing), not a missing glyph."""

    def face(self, key: str) -> Face:
        """The face called `key`, opened once per document."""
        found = self._faces.get(key)
        if found is None:
            found = self._faces[key] = self._library.face(key)
        return found

    def _chain(self, role: str, char: str) -> Iterator[str]:
        chain = self._typesetting.chains[role]
        if self._typesetting.wide_punctuation and char in WIDE_PUNCTUATION:
            yield from (key for key in chain if self.face(key).spec.script == "han")
        yield from chain

    def choose(self, role: str, char: str) -> str | None:
        """The face for `char` in `role`, or None when no face of the chain has it."""
        table = self._table(role)
        if char in table:
            return table[char]
        cp = ord(char)
        chosen = next((key for key in self._chain(role, char) if self.face(key).covers(cp)), None)
        table[char] = chosen
        return chosen

    def _table(self, role: str) -> dict[str, str | None]:
        """The choices made for `role` in any document with the same face chain.

        Kept for the process: the face of a character depends only on the chain and the
        fonts, and a batch asks for the same characters document after document.
        """
        found = self._choice.get(role)
        if found is None:
            key = (self._typesetting.chains[role], self._typesetting.wide_punctuation)
            found = self._choice[role] = _CHOICES.setdefault(key, {})
        return found

    def segments(self, role: str, text: str, where: str) -> list[tuple[str, str]]:
        """`text` cut into (face key, text) pieces; uncovered characters are recorded."""
        memo = self._segments.get((role, text))
        if memo is None:
            memo = self._segments[(role, text)] = self._cut(role, text, where)
        return memo

    def _cut(self, role: str, text: str, where: str) -> list[tuple[str, str]]:
        """`_cut_each`'s result, found from the distinct characters of `text` when they
        all share one face and nothing in it is dropped or merged (most runs of a Latin
        or Cyrillic document): a loop over each character cost an English resolution
        about 5 ms a document."""
        distinct = set(text)
        if not distinct or "  " in text or not distinct.isdisjoint(_CUT_CHARACTERS):
            return self._cut_each(role, text, where)
        table = self._table(role)
        keys = {table[char] if char in table else self.choose(role, char) for char in distinct}
        if len(keys) != 1 or None in keys:
            return self._cut_each(role, text, where)
        (key,) = keys
        assert key is not None
        codes = self.used.get(key)
        if codes is None:
            codes = self.used[key] = set()
        new = {ord(char) for char in distinct} - codes
        if new and self.frozen:
            raise InternalError(f"U+{min(new):04X} chosen after the PDF fonts were built")
        codes |= new
        return [(key, text)]

    def _cut_each(self, role: str, text: str, where: str) -> list[tuple[str, str]]:
        # Each piece collects its characters in a list joined once at the end: adding to
        # a string held in a tuple copies it, which made long paragraphs quadratic.
        keys: list[str] = []
        chars: list[list[str]] = []
        used = self.used
        table = self._table(role)
        for char in text:
            if char in _CUT_CHARACTERS:  # line breaks print as spaces
                char = " "
            key = table[char] if char in table else self.choose(role, char)
            if key is None:
                if unicodedata.category(char) in ("Cf", "Cc"):
                    continue  # invisible format or control character (U+0085): nothing to print
                self.missing.setdefault(char, set()).add(where)
                continue
            if char == " " and keys:
                if chars[-1][-1] == " ":
                    continue  # one space is enough between words
                if self.face(keys[-1]).covers(0x20):
                    key = keys[-1]
            codes = used.get(key)
            if codes is None:
                codes = used[key] = set()
            if ord(char) not in codes:
                if self.frozen:
                    raise InternalError(f"U+{ord(char):04X} chosen after the PDF fonts were built")
                codes.add(ord(char))
            if keys and keys[-1] == key:
                chars[-1].append(char)
            else:
                keys.append(key)
                chars.append([char])
        return [(key, "".join(piece)) for key, piece in zip(keys, chars, strict=True)]

    def check(self) -> None:
        """Raise `MissingGlyphError` naming every character no face has."""
        if not self.missing:
            return
        listed = sorted(self.missing)
        described = ", ".join(
            f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')} "
            f"(in {', '.join(sorted(self.missing[char]))})"
            for char in listed[:_MISSING_SHOWN]
        )
        more = f" and {len(listed) - _MISSING_SHOWN} more" if len(listed) > _MISSING_SHOWN else ""
        raise MissingGlyphError(
            f"{len(listed)} character(s) are in none of the PDF fonts: {described}{more}"
        )


@contextlib.contextmanager
def font_registry() -> Iterator[None]:
    """Hold reportlab's process-global registry and settings for one document alone.

    Fonts that others registered under the same face names are hidden meanwhile. reportlab
    keys TrueType faces by PostScript name: had the application (or an earlier
    caller) registered a "NotoSerifSC-Regular" of its own, `registerFont` would silently map
    this document's subset to that font, and the PDF would lack glyphs. The registry is
    restored afterwards, so the caller's fonts keep working.
    """
    with _registry_lock:
        saved = dict(pdfmetrics._dynFaceNames)
        pdfmetrics._dynFaceNames.clear()
        try:
            yield
        finally:
            pdfmetrics._dynFaceNames.clear()
            pdfmetrics._dynFaceNames.update(saved)


def register_subsets(chooser: FaceChooser, fonts: Fonts) -> None:
    """Register the font of each face `chooser` used into `fonts`: its subsets are packed
    from the kept glyphs when the PDF is saved (`KeptFont`)."""
    for key in sorted(chooser.used):
        face = chooser.face(key)
        codes = chooser.used[key]
        with font_errors(face):
            glyphs = face.glyphs(codes)
        name = _font_name(key, face, codes)
        pdfmetrics.registerFont(KeptFont(name, face, glyphs))
        fonts.names[key] = name
    chooser.frozen = True


def register_shaped_subsets(codes: GlyphCodes, fonts: Fonts) -> None:
    """Build and register the shaped fonts of right-to-left text into `fonts`.

    No glyph may be added afterwards: the fonts hold exactly the codes given so far.
    """
    register_shaped_fonts(codes, _font_name, fonts)
    codes.frozen = True


def unregister(fonts: Fonts) -> None:
    """Drop the document's fonts from reportlab's global registry.

    reportlab keys TrueType faces by their PostScript name, which every subset of a
    face shares: a later document's subset would otherwise be mapped to this one.
    """
    for name in fonts.names.values():
        font = pdfmetrics._fonts.pop(name, None)
        if font is not None:
            face_name = font.face.name
            if pdfmetrics._dynFaceNames.get(face_name) is font:
                del pdfmetrics._dynFaceNames[face_name]


def _font_name(key: str, face: Face, codes: Iterable[int]) -> str:
    """Named by the face's file and the characters, so that a rerun gives the same PDF."""
    digest = hashlib.sha1(f"{face.digest}:{sorted(codes)}".encode()).hexdigest()
    return f"rc-{key}-{digest[:12]}"
