"""Blank lines that an extractor printed between the text boxes of one paragraph.

pdfminer groups a page's lines into boxes and sets a blank line after each box. A
justified line whose words stand far apart may make a box of its own, so a blank line
falls inside a sentence ("… 110 as States" / "" / "parties and 13 as signatories,"),
and text that marks its paragraphs with blank lines would split the paragraph there.
Such a blank line is no paragraph mark where the line before it leaves its clause open
and either the line after it goes on in lower case (a paragraph of these resolutions never
opens so, a subparagraph's label aside) or the line before it is justified (words set
apart by wide gaps: never a paragraph's last line) and the line after it does not open a
paragraph ("… Enforced  or" / "" / "Involuntary Disappearances,").
"""

from __future__ import annotations

import itertools
import re

from resconv.diagnostics import Diagnostics
from resconv.lang.profile import LanguageProfile
from resconv.readers.text.layout import Line, ends_paragraph

__all__ = ["close_blanks_inside_sentences"]


def close_blanks_inside_sentences(
    lines: list[Line], profile: LanguageProfile, diagnostics: Diagnostics
) -> None:
    """Mark as following on from the line before each line that a blank line set apart
    inside a sentence (see the module's docstring).

    Only in text whose blank lines are few enough to mark paragraphs (not one after
    every line, as some layouts print), and never over a page break."""
    blanks = sum(1 for line in lines[1:] if line.blank_before)
    if blanks > _MOST * len(lines):
        return
    for previous, line in itertools.pairwise(lines):
        if (
            line.blank_before
            and not line.page_break
            and not ends_paragraph(previous.text)
            and not profile.subparagraph.match(line.text)
            and not profile.subparagraph.fullmatch(previous.text)  # "а)" / "" / "пройдет …"
            and (
                line.text[:1].islower()
                or (_JUSTIFIED.search(previous.text) is not None and not _opens(line, profile))
            )
        ):
            line.blank_before = False
            diagnostics.info(
                "blank-line-inside-sentence",
                "a blank line inside a sentence is taken for the extractor's, not a paragraph's",
                line=line.no,
            )


def _opens(line: Line, profile: LanguageProfile) -> bool:
    """Whether `line` may open a paragraph: a number, a label or the language's initial
    words."""
    return bool(
        profile.operative_number.match(line.text)
        or profile.preambular.match(line.text)
        or profile.operative.match(line.text)
        or profile.structural.match(line.text)
    )


_JUSTIFIED = re.compile(r"\S  +\S.*\S  +\S")
"""A line whose words stand apart by wide gaps in two places at least: justified."""
_MOST = 0.5
"""Text with a blank line after more than this share of its lines prints one after every
line: its blank lines say nothing of sentences."""
