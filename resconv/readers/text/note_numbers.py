"""A footnote's number set on a line of its own, above its text, among notes on their
numbers' lines.

LibreOffice sets a page's notes as number, tab, text; pypdfium2 breaks the line at the
tab for some of them and not others ("1 See Official Records …" / "2" / "Ibid., …" / "3" /
"Ibid., …" / "10 Ibid., …"). Such a number goes back on its text's line, so that the
page's notes read as one kind. A number alone counts only when it follows the note
numbered one less (printed with its text, or already put back so): a run of markers alone
("1" / "2" / "3", as pdftotext prints them apart from their bodies) is left as it is.

A Word note with a custom mark (resconv's DOCX sets one when a resolution's notes do not
start at 1) keeps its number as text at its start; LibreOffice prints it there a second
time, after the number of its own column. The repeat goes first: "3 3Véase …" and "3   3"
(pdftotext -layout) lose it, and a column of numbers "2" / "3" / "4" stacked above texts
that repeat "3" and "4" alone gives each text its number.
"""

from __future__ import annotations

import re

from resconv.readers.text.layout import Line

__all__ = ["join_note_numbers"]

_NUMBER = re.compile(r"\d{1,3}")
_REPEATED = re.compile(r"(?P<m>\d{1,3})(?: +(?P=m)$|(?P<space> )(?P=m)(?=[^\W\d_]))")
"""A note's number printed twice: "3   3" alone, "3 3Véase" before its text."""
_NOTE = re.compile(r"(?P<m>\d{1,3}) \S")
_LOOK_BACK = 8
_CLAUSE_OPEN = ",;:،؛，；："
"""How many lines above a number alone the note before it may start (it may run on)."""


def join_note_numbers(lines: list[Line]) -> list[Line]:
    """`lines` with each note number alone joined to the line of text under it."""
    lines = _unstack_repeated(_drop_repeats(lines))
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


def _drop_repeats(lines: list[Line]) -> list[Line]:
    """`lines` with a note's number printed twice at a line's start printed once."""
    for line in lines:
        if line.text[:1].isdigit():
            found = _REPEATED.match(line.text)
            if found:
                line.text = (
                    found.group("m") + (found.group("space") or "") + line.text[found.end() :]
                )
    return lines


def _unstack_repeated(lines: list[Line]) -> list[Line]:
    """`lines` with a stack of note numbers ("2" / "3" / "4") whose texts repeat every
    number but the first alone ("Resolución …" / "3" / "Véase …" / "4" / "Ibid., …")
    set as notes: each number on its text's line, the stack gone."""
    index = 0
    while index < len(lines):
        if not lines[index].text.isdigit():  # speed: most lines open no stack
            index += 1
            continue
        stack = _stack_at(lines, index)
        repeats = _repeats_after(lines, index + len(stack), stack) if len(stack) > 1 else None
        if repeats is None:
            index += 1
            continue
        first = lines[index + len(stack)]
        lines[index].text = f"{stack[0]} {first.text}"
        for at in repeats:
            lines[at].text = f"{lines[at].text} {lines[at + 1].text}"
        gone = {*range(index + 1, index + len(stack) + 1), *(at + 1 for at in repeats)}
        lines = [line for at, line in enumerate(lines) if at not in gone]
        index += 1
    return lines


def _stack_at(lines: list[Line], index: int) -> list[int]:
    """The numbers alone, each one more than the one before, from line `index` on."""
    stack: list[int] = []
    for line in lines[index:]:
        if not line.text.isdigit() or _NUMBER.fullmatch(line.text) is None:
            break
        if stack and (int(line.text) != stack[-1] + 1 or line.blank_before or line.page_break):
            break
        stack.append(int(line.text))
    return stack


def _repeats_after(lines: list[Line], start: int, stack: list[int]) -> list[int] | None:
    """Where the numbers of `stack` after its first stand alone again, in order, each
    before a line of text, from line `start` (a text, the first note's) on; None when
    they do not all do so within a few lines of each other on the page."""
    found: list[int] = []
    at = start
    for number in stack[1:]:
        for offset in range(1, _LOOK_BACK + 1):
            probe = at + offset
            if probe + 1 >= len(lines) or lines[probe].page_break:
                return None
            if lines[probe].text.isdigit():
                if lines[probe].text != str(number) or lines[probe + 1].text[:1].isdigit():
                    return None
                found.append(probe)
                at = probe + 1
                break
        else:
            return None
    return found if not lines[start].text[:1].isdigit() else None


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
