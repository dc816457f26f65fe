"""Paragraph labels that a word processor prints in a column of their own.

A Word file sets an operative number or a subparagraph letter, a tab, then the text at a
tab stop; the PDF LibreOffice makes of it keeps that column, and extractions show it in
two ways the text reader would otherwise misread:

- a layout-keeping extraction (pdftotext -layout) sets a label wider than the column
  ("11.") one space before its text, while the lines under it stay at the tab stop:
  the paragraph hangs from that stop, not from the label's end;
- pdftotext reads the column of labels before the column of text when two labels stand
  close on a page: "(c)" / "7." / "" / "<text of (c)>" / "" / "<text of 7.>". Each
  label goes back before its own text, in order;
- the same reading sets a paragraph's number above the list of subparagraphs that ends
  the paragraph before it: "…medidas:" / "17." / "a)" / "<text of a)>" / … /
  "<text of 17.>". The number goes back before its text, after the list. At a page's
  top the page's furniture stands around the number ("including:" / "21-19195" /
  "3/6" / "A/RES/76/156" / "14." / "4/6" / "<running title>" / "(a)" / …).
"""

from __future__ import annotations

import itertools
import re

from resconv.lang.profile import LanguageProfile
from resconv.readers.text.layout import (
    HEADER_LINE,
    JOB_NUMBER,
    PAGE,
    SYMBOL_LINE,
    Line,
    ends_paragraph,
    width,
)

__all__ = ["hang_wide_labels", "labels_to_their_texts", "numbers_after_lists"]

_LABEL_AND_SPACE = re.compile(r"(?:\(?[0-9A-Za-zа-я]{1,6}[.)]|\([0-9A-Za-zа-я]{1,6}\)) (?=\S)")
_TAB_STOP_REACH = 8
"""How far past a label's end the tab stop of its text may stand, in columns (it may
stand before it, too: -layout narrows a page of wide characters)."""


def hang_wide_labels(lines: list[Line]) -> list[Line]:
    """`lines` with each label at the margin set one space before its text given the
    column of the indented line under it as its hanging indent ("11. 确认…" over
    "         的价值…", or "  运走廊…" on a page -layout narrows), so that the line
    continues it."""
    for line, following in itertools.pairwise(lines):
        if line.hang >= 0 or line.indented or following.hang >= 0:
            continue
        if following.blank_before or following.page_break or following.indent < 2:
            continue  # one space opens a paragraph in some extractions (pypdf)
        if ends_paragraph(line.text) and width(line.text) < width(following.text):
            continue  # "27. Februar 2022," ends its paragraph short: no label, a date
        label = _LABEL_AND_SPACE.match(line.text)
        if label and following.indent <= label.end() + _TAB_STOP_REACH:
            line.hang = following.indent
    return lines


def labels_to_their_texts(lines: list[Line], profile: LanguageProfile) -> list[Line]:
    """`lines` with a stack of labels alone ("(c)" / "7.") followed by as many
    paragraphs, each after a blank line, put back one label before each paragraph.

    The paragraphs must be whole: each opens after a blank line, ends as a paragraph
    ends, and no label alone stands among them; otherwise the lines stay as they are.
    """
    out = list(lines)
    index = 0
    while index < len(out):
        if len(out[index].text) > _LABEL_LENGTH:  # speed: most lines are no label
            index += 1
            continue
        stack = _stack_at(out, index, profile)
        if len(stack) < 2:
            index += 1
            continue
        texts = _paragraphs_after(out, index + len(stack), len(stack), profile)
        if texts is None:
            index += len(stack)
            continue
        reordered: list[Line] = []
        for label, (start, end) in zip(stack, texts, strict=True):
            reordered += [label, *out[start:end]]
            out[start].blank_before = False
        reordered[0].blank_before = stack[0].blank_before
        for label in stack[1:]:
            label.blank_before = True
        end = texts[-1][1]
        out[index:end] = reordered
        index = end
    return out


_LABEL_LENGTH = 8
"""No label alone on its line is longer ("(viii)", "１２．"): longer lines skip the patterns
(speed: these passes see every line of every text)."""


def _is_label(text: str, profile: LanguageProfile) -> bool:
    return len(text) <= _LABEL_LENGTH and bool(
        profile.operative_number.fullmatch(text) or profile.subparagraph.fullmatch(text)
    )


def _stack_at(lines: list[Line], index: int, profile: LanguageProfile) -> list[Line]:
    """The labels alone on consecutive lines from `index` (no blank line between)."""
    stack: list[Line] = []
    while (
        index + len(stack) < len(lines)
        and _is_label(lines[index + len(stack)].text, profile)
        and (not stack or not lines[index + len(stack)].blank_before)
    ):
        stack.append(lines[index + len(stack)])
    return stack


def _paragraphs_after(
    lines: list[Line], start: int, count: int, profile: LanguageProfile
) -> list[tuple[int, int]] | None:
    """`count` whole paragraphs from line `start` on, as (start, end) line ranges, each
    opening after a blank line; None when the lines there are not such paragraphs."""
    found: list[tuple[int, int]] = []
    at = start
    while len(found) < count:
        if at >= len(lines) or not lines[at].blank_before or lines[at].page_break:
            return None
        end = at
        while end < len(lines) and (end == at or not lines[end].blank_before):
            if _is_label(lines[end].text, profile):
                return None
            end += 1
        if not ends_paragraph(lines[end - 1].text):
            return None
        found.append((at, end))
        at = end
    return found


def numbers_after_lists(lines: list[Line], profile: LanguageProfile) -> list[Line]:
    """`lines` with an operative number alone, printed between a lead-in ending with ":"
    and the first label of its list, moved to the first paragraph after the list that
    opens with operative initial words after a paragraph's end."""
    out = list(lines)
    first_seen: dict[str, int] = {}  # filled when first needed: most texts need none
    index = 1
    while index < len(out) - 1:
        line = out[index]
        if len(line.text) <= _LABEL_LENGTH and profile.operative_number.fullmatch(line.text):
            if not first_seen:
                for at, seen in enumerate(out):
                    first_seen.setdefault(seen.text, at)
            before = _past_furniture(out, index, -1, first_seen)
            after = _past_furniture(out, index, 1, first_seen)
            if (
                before is not None
                and after is not None
                and profile.subparagraph.fullmatch(out[after].text)
                and out[before].text[-1:] in ":："
            ):
                target = _after_list(out, after, profile)
                if target is not None:
                    line.blank_before = True  # "17." / "" / "Alienta …", as printed apart
                    out[index + 1].blank_before = True
                    out.insert(target - 1, out.pop(index))  # target moves up by one
                    continue
        index += 1
    return out


_PAGE_FURNITURE = (SYMBOL_LINE, JOB_NUMBER, PAGE, HEADER_LINE)


def _past_furniture(
    lines: list[Line], index: int, step: int, first_seen: dict[str, int]
) -> int | None:
    """The nearest line before (`step` -1) or after (+1) line `index` that is no page
    furniture: a symbol, job or page number, or a line printed whole earlier (a running
    title); None at the text's end."""
    at = index + step
    while 0 <= at < len(lines):
        text = lines[at].text
        if not (
            any(pattern.fullmatch(text) for pattern in _PAGE_FURNITURE)
            or first_seen.get(text, at) < at
        ):
            return at
        at += step
    return None


def _after_list(lines: list[Line], start: int, profile: LanguageProfile) -> int | None:
    """The first line from `start` on that opens a paragraph with operative initial
    words, after a blank line and a line that ends a paragraph, no label before it;
    None when another operative number comes first."""
    for at in range(start + 1, len(lines)):
        text = lines[at].text
        if profile.operative_number.match(text):
            return None
        if (
            lines[at].blank_before
            and ends_paragraph(lines[at - 1].text)
            and not _is_label(lines[at - 1].text, profile)
            and profile.operative.match(text)
        ):
            return at
    return None
