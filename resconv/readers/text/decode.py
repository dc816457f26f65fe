"""Bytes to clean text for the text reader: refuse binaries, decide the encoding, normalise.

The encoding ladder is deterministic, never a statistical guess: a byte-order mark;
else strict UTF-8; else GB18030 when the caller said the text is Chinese or when the
GB18030 reading is plainly Chinese text. Anything else is an `InputDecodeError` that
names the first undecodable byte.
"""

from __future__ import annotations

import codecs
import re

from resconv.diagnostics import Diagnostics
from resconv.errors import InputDecodeError, StructureError
from resconv.lang.profile import LanguageProfile
from resconv.lang.profile import profile as language_profile
from resconv.lang.script import cjk_pattern, han_pattern
from resconv.xmlchars import XML_ILLEGAL

__all__ = ["decode", "detect_language", "line_end_hyphens", "normalise"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "looks like a PDF; extract its text first (for example with pdftotext)"),
    (
        b"PK\x03\x04",
        "looks like a DOCX or other zip file; save it as plain text (UTF-8) first",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "looks like a legacy Word (OLE) file; save it as plain text (UTF-8) first",
    ),
    (b"{\\rtf", "looks like an RTF file; save it as plain text (UTF-8) first"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030"),
)

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SPACE = re.compile(r"\s")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\u0085\x0b]")
_ILLEGAL = re.compile(r"(?![\f\ufffe])" + XML_ILLEGAL.pattern)
"""What XML cannot hold but form feeds, which mark page boundaries until the layout pass,
and U+FFFE, PDFium's mark of a hyphen that ended a line (`line_end_hyphens`)."""
_LINE_END_HYPHEN = re.compile("\ufffe" + r"(?P<next>[^\W\d_]*)")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN_WORD = re.compile(r"[a-z]+")
_LETTER = re.compile(r"[^\W\d_]")
_NON_LETTERS = re.compile(r"[\W\d_]+")
"""Runs of what `_LETTER` does not match: fewer matches to count than letters."""


_HAN_LEADS = tuple(bytes([lead]) for lead in range(0xE4, 0xEA))
"""UTF-8 lead bytes of U+4000–U+9FFF, the bulk of the CJK Unified Ideographs."""


def _han_count(sample: str) -> int:
    """About how many Han characters `sample` has, counted by their UTF-8 lead byte.

    Counting bytes needs no regex class over 20 000 code points, which would cost
    more to compile than the whole detection costs to run.
    """
    data = sample.encode("utf-8", "surrogatepass")
    return sum(data.count(lead) for lead in _HAN_LEADS)


def decode(data: bytes, *, lang: str | None, source: str | None, diagnostics: Diagnostics) -> str:
    """The text of `data`, or an `InputDecodeError` saying why it cannot be had."""
    for magic, message in _MAGIC:
        if data.startswith(magic):
            raise InputDecodeError(message, source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, source, offset=len(bom))
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputDecodeError(
            f"NUL byte at byte offset {nul}: a binary file, or UTF-16/32 without a "
            "byte-order mark; save it as UTF-8",
            source=source,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputDecodeError(
            f"cannot decide the encoding: not UTF-8 (byte 0x{data[utf8_error.start]:02X} at "
            f"byte offset {utf8_error.start}) and not GB18030 (byte offset {exc.start}); "
            "save the file as UTF-8",
            source=source,
        ) from None
    if lang == "zh" or _looks_chinese(text):
        diagnostics.info(
            "decoded-gb18030",
            f"not UTF-8 (byte offset {utf8_error.start}); read as GB18030 Chinese text",
        )
        return text
    raise InputDecodeError(
        f"cannot decide the encoding: not UTF-8 (byte 0x{data[utf8_error.start]:02X} at byte "
        f"offset {utf8_error.start}), and its GB18030 reading is not Chinese text; save the "
        "file as UTF-8 (or pass lang='zh' if it is GB18030 Chinese)",
        source=source,
    )


def _strict(data: bytes, encoding: str, source: str | None, *, offset: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputDecodeError(
            f"invalid {encoding.upper()} after its byte-order mark at byte offset "
            f"{exc.start + offset}",
            source=source,
        ) from None


def _looks_chinese(text: str) -> bool:
    non_space = len(text) - len(_SPACE.findall(text))
    non_ascii = len(_NON_ASCII.findall(text))
    han = len(han_pattern().findall(text))
    cjk = len(cjk_pattern().findall(text))
    return non_space > 0 and han >= 0.3 * non_space and cjk >= 0.95 * non_ascii


def normalise(text: str, *, source: str | None, diagnostics: Diagnostics) -> str:
    """One newline convention, no XML-illegal characters, no BOM; refuse empty input.

    Form feeds are kept: they mark page boundaries for the layout pass.
    """
    text = _NEWLINES.sub("\n", text.lstrip("\ufeff"))
    illegal = _ILLEGAL.findall(text)
    if illegal:
        text = _ILLEGAL.sub("", text)
        kinds = ", ".join(sorted({f"U+{ord(c):04X}" for c in illegal}))
        diagnostics.add(
            "illegal-characters-removed",
            f"removed {len(illegal)} character(s) no resolution can hold ({kinds})",
        )
    if not text.strip():
        raise StructureError("empty input", source=source)
    return text


_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (("ru", _CYRILLIC), ("ar", _ARABIC))
"""Languages told by their script alone (Chinese aside, counted only when needed)."""
_AUTHORITY_WEIGHT = 20
"""An authority line ("La Asamblea General,") outweighs this many frequent words."""


def detect_language(text: str, known: tuple[str, ...]) -> str | None:
    """The language of `text` among `known` codes, from its script and frequent words.

    Han (≥ 20 % of the letters) is Chinese, Cyrillic (≥ 30 %) Russian, Arabic script
    Arabic; Latin-script text is the language whose frequent short words and authority
    line it has most. Only the Latin profiles' word lists are touched, never a whole
    profile's patterns.
    """
    sample = text[:6000]
    han = _han_count(sample)
    if han >= 0.2 * len(sample) and _LETTER.search(sample):
        # Han is a fifth of all characters, so of the letters too: no need to count them.
        return "zh" if "zh" in known else None
    letters = len(sample) - sum(map(len, _NON_LETTERS.findall(sample)))
    if letters == 0:
        return None
    if han >= 0.2 * letters:
        return "zh" if "zh" in known else None
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) >= 0.3 * letters:
            return code if code in known else None
    words = _LATIN_WORD.findall(sample.lower())
    lines = [line.strip() for line in sample.split("\n", 80)[:80]]
    best, best_score = None, 0
    for code in known:
        if code == "zh" or any(code == c for c, _ in _SCRIPTS):
            continue
        profile = language_profile(code)
        vocabulary = profile.detect_words
        score = sum(1 for word in words if word in vocabulary)
        if any(profile.authority.fullmatch(line) for line in lines if 10 < len(line) < 40):
            score += _AUTHORITY_WEIGHT
        if score > best_score:
            best, best_score = code, score
    return best


def line_end_hyphens(text: str, profile: LanguageProfile) -> str:
    """`text` with PDFium's U+FFFE, a hyphen that ended a line before it ran the word on
    ("micro\ufffeand small", "Secretary\ufffeGeneral"), printed as the hyphen it was:
    "micro- and small" before a word that a suspended hyphen leaves apart, else
    "Secretary-General" (UN texts break lines only at real hyphens)."""
    if "\ufffe" not in text:
        return text

    def hyphen(match: re.Match[str]) -> str:
        word = match.group("next")
        return ("- " if word.lower() in profile.suspended_hyphen_words else "-") + word

    return _LINE_END_HYPHEN.sub(hyphen, text)
