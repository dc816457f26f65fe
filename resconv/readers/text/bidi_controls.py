"""Right-to-left text as PDF extractors emit it, put back in plain logical order.

pdftotext wraps every line of a right-to-left page in bidirectional embedding controls:
the line in a right-to-left embedding (U+202B … U+202C), each left-to-right stretch in
a left-to-right one (U+202A … U+202C). The Arabic words come in logical order, but a
stretch holds its words and punctuation as they are displayed, left to right: a title
"75/320 - نطاق" comes out as "‪ - 75/320‬نطاق", "(د-20)" as "(د‪ )20-‬", "العالمي،" with
its raised note "1" as "العالمي‪،1‬". Read in a right-to-left line, a stretch is the
display of its characters: runs of Latin text and numbers keep their order, everything
else (spaces, punctuation, brackets) is turned round, as the Unicode bidirectional
algorithm lays out numbers and neutrals in a right-to-left paragraph. A line with no
right-to-left letter is a left-to-right line and keeps its order.

Two more traces of the PDF's drawing order are repaired in Arabic text:

- Vowel marks before their letter ("تعّصب" for "تعصّب"): tools that sort glyphs by
  position put each mark before the letter it sits on. No Arabic word starts with a
  mark, so marks opening words tell the text apart from text typed in logical order.
- Kashida drawn as a digit ("الم‪66‬ؤتمر"): some fonts map the kashida glyph (the
  stretched join of justified lines) to a digit; digits inside a word, after a
  letter that joins forward, are such joins.
"""

from __future__ import annotations

import re

from resconv.diagnostics import Diagnostics

__all__ = ["normalise_bidi_controls", "place_marks_after_letters"]

_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides and isolates: an extractor's framing. The marks U+200E and
U+200F are kept, as the UN's own text has them."""
_LTR_EMBEDDING = re.compile("[\u202a\u202d]([^\u202a-\u202e]*)\u202c")
"""A left-to-right embedding or override and its text (extractors do not nest them)."""
_RTL_EMBEDDING = re.compile("\u202b(?:[^\u202a-\u202e]|\u202a[^\u202a-\u202e]*\u202c)*\u202c")
"""A right-to-left embedding and its text, left-to-right stretches included."""
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LATIN = r"[^\W\d_\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]"
_LATIN_RUN = rf"{_LATIN}(?:[^\u0590-\u08ff]*[^\W_\u0590-\u08ff])?"
_DIGITS = "[0-9\u0660-\u0669\u06f0-\u06f9]+"
_STRONG_LTR = re.compile(rf"{_LATIN_RUN}|{_DIGITS}(?:[.,:/\u00a0]{_DIGITS})*%?")
"""What keeps its order inside a right-to-left line: a run of Latin text from its first
letter to its last letter or digit (spaces and punctuation between Latin words take
their direction), or a number with its separators ("75/320", "9:00", "20-21"). A
number after a space is no part of a Latin run: in a right-to-left line "2 A/56/1026"
is displayed "A/56/1026 2", the way "A/56/1026 2" would be, and a note's or a
paragraph's number before a symbol is far more common than a number after one."""
_DISPLAYED_RIGHT_TO_LEFT = re.compile(r"^[.,:;\u060c\u061b)\]]|\s[0-9]{1,3}$")
"""A line of Latin text alone that is a right-to-left line displayed: its closing
punctuation shown first, or a note's number last (".A/74/206 3" for "3 A/74/206.").
Other Latin lines are the cover's left-to-right lines ("9 December 2019")."""
_LEADING_NUMBER = re.compile(r"(?<=\S)\s+[0-9]{1,3}\s*$")
"""A note's number that opens a line of Latin text: Latin text runs over the numbers
after it ("vol. 1015, No. 14860"), so only the line's start tells the number apart."""
_NUMBER_LABEL = re.compile(r"\s*[-\u2013]\s*([0-9\u0660-\u0669]{1,3})\s*")
"""A paragraph number drawn "-1" (its space lost between two close glyphs): "1 -"."""
_DUAL_JOINING = "بتثجحخسشصضطظعغفقكلمنهيئـ"
"""Arabic letters that join the letter after them: only after one can a kashida stand."""
_KASHIDA_DIGITS = re.compile(rf"(?<=[{_DUAL_JOINING}])\u202a([0-9])\1*\u202c(?=[\u0620-\u064a])")
_MARK = "\u064b-\u065f\u0670"
_MARKS_OPENING_WORD = re.compile(rf"(?:^|(?<=\s))[{_MARK}]", re.MULTILINE)
_MARKS_BEFORE_LETTER = re.compile(rf"([{_MARK}]+)(\s*)([\u0620-\u064a\u066e-\u06d3])")


def normalise_bidi_controls(text: str, diagnostics: Diagnostics) -> str:
    """`text` without bidirectional controls, its embedded stretches in logical order."""
    if not _CONTROLS.search(text):
        return text
    kashidas = len(_KASHIDA_DIGITS.findall(text))
    if kashidas:
        text = _KASHIDA_DIGITS.sub("", text)
        diagnostics.info(
            "kashida-digits-removed",
            f"removed {kashidas} digit(s) drawn for the kashida inside Arabic words",
        )
    lines = [_logical_line(line) for line in text.split("\n")]
    diagnostics.info(
        "bidi-controls-removed",
        "removed the bidirectional embedding controls of a PDF extraction; the "
        "left-to-right stretches of right-to-left lines were put in reading order",
    )
    if "\u202b" in text:
        # pdftotext's right-to-left lines give every vowel mark before its letter.
        return _marks_moved("\n".join(lines), diagnostics)
    return "\n".join(lines)


def _logical_line(line: str) -> str:
    cells = _RTL_EMBEDDING.findall(line)
    if len(cells) > 1 and _RTL_LETTER.search(line):
        # pdftotext -layout sets a printed line's blocks side by side as the page shows
        # them; a right-to-left line reads its blocks from the right ("74/10 -" before
        # the title, a paragraph's number before its text).
        line = "   ".join(reversed(cells))
    elif cells and _RTL_LETTER.search(line):
        line = line.strip(" ")  # the margin on the left of a right-to-left line says nothing
    if (
        _RTL_LETTER.search(_LTR_EMBEDDING.sub("", line))
        or not _has_letter(line)
        or _DISPLAYED_RIGHT_TO_LEFT.search(_CONTROLS.sub("", line).strip())
    ):
        line = _LTR_EMBEDDING.sub(
            lambda match: _displayed_to_logical(
                match.group(1), opens_line=not _RTL_LETTER.search(line, 0, match.start())
            ),
            line,
        )
    return _CONTROLS.sub("", line)


def _has_letter(line: str) -> bool:
    return any(char.isalpha() for char in line)


def _displayed_to_logical(stretch: str, *, opens_line: bool = False) -> str:
    """A stretch as displayed left to right inside a right-to-left line, in logical order.

    Numbers in Arabic text are Arabic numbers (UAX #9 W2), which a hyphen does not join:
    "2011-2020" is displayed "2020-2011".
    """
    label = _NUMBER_LABEL.fullmatch(stretch)
    if label:
        return f"{label.group(1)} - "
    lead = _LEADING_NUMBER.search(stretch) if opens_line else None
    if lead:  # the line's first word, shown at its right end
        rest = _displayed_to_logical(stretch[: lead.start()])
        return f"{lead.group().strip()} {rest.lstrip(' ')}"
    pieces: list[str] = []
    end = 0
    for match in _STRONG_LTR.finditer(stretch):
        pieces.extend(stretch[end : match.start()])
        pieces.append(match.group())
        end = match.end()
    pieces.extend(stretch[end:])
    return "".join(reversed(pieces))


def place_marks_after_letters(text: str, diagnostics: Diagnostics) -> str:
    """`text` with each vowel mark after its letter, when the marks came before them.

    Marks opening words (at least two, and one in ten of the marks) say the text was
    taken from a PDF in drawing order; text typed in logical order has none.
    """
    opening = len(_MARKS_OPENING_WORD.findall(text))
    if opening < 2:
        return text
    marks = sum(1 for char in text if "\u064b" <= char <= "\u065f" or char == "\u0670")
    if opening * 10 < marks:
        return text
    return _marks_moved(text, diagnostics)


def _marks_moved(text: str, diagnostics: Diagnostics) -> str:
    # Imported here: Arabic's profile is built only for Arabic texts (start-up speed).
    from resconv.lang.ar import marks_in_typing_order

    moved = marks_in_typing_order(_MARKS_BEFORE_LETTER.sub(r"\2\3\1", text))
    if moved != text:
        diagnostics.info(
            "vowel-marks-moved",
            "the vowel marks stood before their letters (as some PDF tools extract "
            "them); each was put after its letter",
        )
    return moved
