"""A recorded vote's list of States that a page break cuts in two.

A Word file's PDF (LibreOffice's among them) prints the recorded vote after the adoption,
and a long list of States runs over to the next page: an extraction then sets the page's
foot (the footnotes of the page, its job and page numbers) and the next page's head (the
symbol, the running title) in the middle of the list. This pass puts the rest of the list
back on its side's line, so that the vote is read whole and the furniture and footnotes
between are left where the furniture pass finds them. Runs after `join_vote_lines`, which
has set each side on one line up to the break.
"""

from __future__ import annotations

import re

from resconv.lang.votes import VOTE_WORDS
from resconv.readers.text.layout import HEADER_LINE, JOB_NUMBER, PAGE, SYMBOL_LINE

__all__ = ["join_votes_across_pages"]

_SIDES: tuple[tuple[str, str], ...] = tuple(
    (label, words.separator.strip())
    for words in VOTE_WORDS.values()
    for label in (words.in_favour, words.against, words.abstaining)
)
"""Every language's vote labels, each with the separator of its list of States."""
_LABELS = tuple(label for label, _ in _SIDES)

_WINDOW = 16
"""How many lines (not blank) a page's foot and the next page's head take at most."""
_HEAD_LINES = 4
"""Lines of text (the running title, wrapped) allowed after the page break before the
list goes on."""

_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def join_votes_across_pages(text: str) -> str:
    """`text` with each side of a recorded vote whole on its line: the States printed
    after a page break are joined to it, their lines left empty (line numbers hold)."""
    if not any(label in text for label in _LABELS):
        return text
    lines = text.split("\n")
    printed = ""  # the text above the vote, without spaces: where a running title is
    for index, line in enumerate(lines):
        separator = _separator(line.strip())
        if separator is None:
            continue
        printed = printed or "".join("".join(lines[:index]).split())
        while (found := _continuation(lines, index + 1, separator, printed)) is not None:
            start, end = found
            rest = " ".join(lines[at].strip() for at in range(start, end))
            lines[index] = lines[index].rstrip() + " " + rest
            lines[start:end] = [""] * (end - start)
    return "\n".join(lines)


def _separator(text: str) -> str | None:
    for label, separator in _SIDES:
        if text.startswith(label) and len(text) > len(label):
            return separator
    return None


def _continuation(
    lines: list[str], start: int, separator: str, printed: str
) -> tuple[int, int] | None:
    """The lines (start, end) that go on with a vote side after a page break below
    `start`; None when the side ends there (another side, text, or no break). Text
    between the page break and the list can only be the running title: words `printed`
    above already (the title, or an earlier page's head)."""
    page_break = False
    text_after_break = 0
    seen = 0
    for index in range(start, len(lines)):
        raw = lines[index]
        text = raw.strip()
        if not text:  # blank, or a line already joined to the side above
            page_break = page_break or "\f" in raw
            continue
        seen += 1
        if seen > _WINDOW:
            return None
        if text.startswith(_LABELS):
            return None
        if "\f" in raw or _page_furniture(text):
            page_break = True
            continue
        if page_break and _states(text):
            end = index + 1
            while (
                end < len(lines)
                and _states(lines[end].strip(), letters=1)
                and "\f" not in lines[end]
            ):
                end += 1
            # A name cut at the break ("CABO" / "VERD" / "E、CAMBODIA、…") opens the rest
            # without a separator; the lines that follow it have one.
            if any(separator in lines[at] for at in range(index, end)):
                return index, end
        if page_break:
            text_after_break += 1
            if text_after_break > _HEAD_LINES or "".join(text.split()) not in printed:
                return None
    return None


def _page_furniture(text: str) -> bool:
    """A page's foot or head: job number, page number, the symbol (beside the title)."""
    return bool(
        "A/RES/" in text
        or SYMBOL_LINE.fullmatch(text)
        or JOB_NUMBER.fullmatch(text)
        or PAGE.fullmatch(text)
        or HEADER_LINE.fullmatch(text)
    )


def _states(text: str, *, letters: int = 2) -> bool:
    """A line of a vote's list: names of States, printed in capitals, without figures.
    Inside the list a line may hold one letter of a name cut at any letter, as Chinese
    pages cut Latin names ("NE" / "W" / "ZEALAN" / "D、NICARAGUA"); it opens none."""
    if not text or _DIGIT.search(text) or text.startswith(_LABELS):
        return False
    found = _LETTER.findall(text)
    return len(found) >= letters and all(letter.isupper() for letter in found)
