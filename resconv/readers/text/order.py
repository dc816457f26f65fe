"""Lines whose words an extractor printed out of order, told to the user.

A PDF extractor can print pieces of a page in the order it found their boxes, not the
order they are read in (pdfminer.six prints a section's number away from its stop:
"I" … ". Establishment"). Plain text cannot always undo that, so the reader says where it
sees it instead of handing back a model that reads wrong without a word.
Two signs that no typist and no faithful extraction produce:

- a line that opens with a mark that closes what comes before it (",", ";", ":", ".",
  ")"): a line break never falls before such a mark;
- a sentence's full stop inside a line followed by a word in lower case ("… of its
  rights. and the"): the word after a sentence's end opens the next with a capital.

One such line can be the text's own quirk; two or more make the document suspect.
"""

from __future__ import annotations

import re

from resconv.diagnostics import Diagnostics

_OPENS_WITH_CLOSING_MARK = re.compile(r"^\s*[,;:)](?:\s|$)|^\s*\.\s+\w")
_FULL_STOP_BEFORE_LOWER_CASE = re.compile(r"(?<![\w.])[^\W\d_]{4,}\.\s+[^\W\d_A-Z]{2,}\b")
"""A word of four letters or more (no abbreviation: "vol.", "chap.", "p.m." are shorter
or dotted), its full stop, then a word; both in lower case ("Distr. générale" is a title)."""

_BREAKS_BEFORE_A_MARK = re.compile(r"\d\s*$|^\s*\S{1,5}\s*$")
"""Lines an extractor breaks honestly before a mark: after a raised note marker
("… sesiones1" / ", en el que …", PDFium) or a section's number ("I." / ". Création")."""

_LEAST_LINES = 2
_LINES_NAMED = 5


def out_of_order_lines(text: str) -> list[int]:
    """The 1-based numbers of the lines that show words printed out of order."""
    found = []
    before = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if (
            _OPENS_WITH_CLOSING_MARK.search(line) and not _BREAKS_BEFORE_A_MARK.search(before)
        ) or any(
            all(word.rstrip(".").islower() for word in match.group().split())
            for match in _FULL_STOP_BEFORE_LOWER_CASE.finditer(line)
        ):
            found.append(number)
        if line.strip():
            before = line
    return found


def report_words_out_of_order(text: str, diagnostics: Diagnostics) -> None:
    """One warning for the document when enough of its lines show words out of order."""
    lines = out_of_order_lines(text)
    if len(lines) < _LEAST_LINES:
        return
    diagnostics.add(
        "words-out-of-order",
        f"{len(lines)} lines show words printed out of their reading order, as a PDF "
        f"extractor can leave them (lines {line_list(lines, _LINES_NAMED)}); the text of "
        "those paragraphs may be wrong",
        line=lines[0],
    )


def line_list(lines: list[int], most: int) -> str:
    """The first `most` line numbers for a message, "…" standing for the rest."""
    named = ", ".join(str(number) for number in lines[:most])
    return named + (", …" if len(lines) > most else "")
