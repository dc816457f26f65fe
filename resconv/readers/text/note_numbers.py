"""A footnote's number set on a line of its own, above its text, among notes on their
numbers' lines.

LibreOffice sets a page's notes as number, tab, text; pypdfium2 breaks the line at the
tab for some of them and not others ("1 See Official Records …" / "2" / "Ibid., …" / "3" /
"Ibid., …" / "10 Ibid., …"). Such a number goes back on its text's line, so that the
page's notes read as one kind. A number alone counts only when it follows the note
numbered one less (printed with its text, or already put back so): a run of markers alone
("1" / "2" / "3", as pdftotext prints them apart from their bodies) is left as it is.
"""

from __future__ import annotations

import re

from resconv.readers.text.layout import Line

__all__ = ["join_note_numbers"]

_NUMBER = re.compile(r"\d{1,3}")
_NOTE = re.compile(r"(?P<m>\d{1,3}) \S")
_LOOK_BACK = 8
_CLAUSE_OPEN = ",;:،؛，；："
"""How many lines above a number alone the note before it may start (it may run on)."""


def join_note_numbers(lines: list[Line]) -> list[Line]:
    """`lines` with each note number alone joined to the line of text under it."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _sets_apart(lines, index) and _follows_note(out, int(line.text)):
            line.text = f"{line.text} {lines[index + 1].text}"
            out.append(line)
            index += 2
            continue
        out.append(line)
        index += 1
    return _precede_notes(out)


def _sets_apart(lines: list[Line], index: int) -> bool:
    """Whether line `index` is a number alone set above a line of text (a note's)."""
    text = lines[index].text
    if not (text.isdigit() and index + 1 < len(lines)):  # speed: most lines are text
        return False
    following = lines[index + 1]
    return (
        _NUMBER.fullmatch(text) is not None
        and not following.blank_before
        and not following.page_break
        and not following.text[:1].isdigit()
    )


def _precede_notes(lines: list[Line]) -> list[Line]:
    """`lines` with the numbers alone that come before the note numbered one more
    joined too, going up: a page's first notes have no note before them on the page
    ("7" / "Ibid., vol. 2515 …" / "8" / "Ibid., …" / "10 Ibid., …")."""
    index = len(lines) - 2
    while index >= 0:
        if (
            _sets_apart(lines, index)
            and (index == 0 or lines[index - 1].text[-1:] not in _CLAUSE_OPEN)
            and _note_after(lines, index + 2) == int(lines[index].text) + 1
        ):
            lines[index].text = f"{lines[index].text} {lines[index + 1].text}"
            del lines[index + 1]
        index -= 1
    return lines


def _note_after(lines: list[Line], start: int) -> int | None:
    """The number of the first note printed with its text from line `start` on, within
    a few lines; None when a number alone or nothing comes first."""
    for line in lines[start : start + _LOOK_BACK]:
        found = _NOTE.match(line.text)
        if found:
            return int(found.group("m"))
        if _NUMBER.fullmatch(line.text):
            return None
    return None


def _follows_note(lines: list[Line], number: int) -> bool:
    """Whether the last note started within the lines above is numbered `number` - 1,
    and ended as notes do: a line left at a comma or semicolon is a paragraph's, running
    on ("… Социального Совета от" / "5 октября 2016 года," / "6" / "См. …": no note 5)."""
    if not lines or lines[-1].text[-1:] in _CLAUSE_OPEN:
        return False
    for line in reversed(lines[-_LOOK_BACK:]):
        found = _NOTE.match(line.text)
        if found:
            return int(found.group("m")) == number - 1
        if _NUMBER.fullmatch(line.text):
            return False
    return False
