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
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            following is not None
            and _NUMBER.fullmatch(line.text)
            and not following.blank_before
            and not following.page_break
            and not following.text[:1].isdigit()
            and _follows_note(out, int(line.text))
        ):
            line.text = f"{line.text} {following.text}"
            out.append(line)
            index += 2
            continue
        out.append(line)
        index += 1
    return out


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
