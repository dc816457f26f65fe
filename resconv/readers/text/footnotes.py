"""Footnotes of the text reader: markers placed in the text, bodies matched to them.

Markers printed on a line of their own (as PDF extraction sets superscripts) are placed
when a paragraph's lines are joined; markers glued to a word ("Nations1") are found
here, once the bodies are known. Footnotes are then listed in the order their markers
appear in the resolution.
"""

from __future__ import annotations

import bisect
import re

from resconv.diagnostics import Diagnostics
from resconv.lang.profile import LanguageProfile
from resconv.model import Block, Footnote, FootnoteRef, Heading, Inlines, Resolution, Subparagraph
from resconv.readers.text import layout
from resconv.readers.text.paragraphs import Para

__all__ = ["collect_footnotes", "place_glued_markers"]


def place_glued_markers(
    paras: list[Para],
    bodies: dict[str, layout.Note],
    prof: LanguageProfile,
    marker_lines: dict[str, int],
) -> None:
    """Cut out of `paras` the markers printed glued to the text ("Nations1").

    Only markers whose footnote body was found and which no paragraph marks already
    are looked for, in marker order after the marker before them, so that a year or
    "A.2" is not taken for one. `marker_lines` gets the line each one was found on.
    """
    explicit: dict[str, tuple[int, int]] = {}
    for index, para in enumerate(paras):
        for offset, marker in para.markers:
            explicit.setdefault(marker, (index, offset))
    wanted = [m for m in bodies if m not in explicit]
    if not wanted:
        return
    candidates: dict[str, list[tuple[int, int, int]]] = {}
    for index, para in enumerate(paras):
        for found in prof.glued_marker.finditer(para.text):
            group = max(g for g in range(1, found.re.groups + 1) if found.group(g))
            cut = "span" if found.groupdict().get("span") else group
            candidates.setdefault(found.group(group), []).append(
                (index, found.start(cut), found.end(cut))
            )
    cursor = (0, 0)
    cuts: dict[int, list[tuple[int, int, str]]] = {}
    ordered = sorted({*explicit, *wanted}, key=_marker_key)
    found: dict[str, tuple[int, int]] = dict(explicit)
    missed: list[str] = []
    for marker in ordered:
        if marker in explicit:
            cursor = explicit[marker]
            continue
        places = candidates.get(marker, [])
        at = bisect.bisect_left(places, (cursor[0], cursor[1], -1))
        if at == len(places):
            missed.append(marker)
            continue
        index, start, end = places[at]
        cuts.setdefault(index, []).append((start, end, marker))
        marker_lines.setdefault(marker, paras[index].line)
        cursor = found[marker] = (index, end)
    for marker in missed:
        place = _loose_place(paras, marker, ordered, found)
        if place is None:
            continue
        index, start, end = place
        cuts.setdefault(index, []).append((start, end, marker))
        marker_lines.setdefault(marker, paras[index].line)
        found[marker] = (index, end)
    for index, found_cuts in cuts.items():
        para = paras[index]
        for start, end, marker in sorted(found_cuts, reverse=True):
            if start > 0 and para.text[start - 1] == " " and end < len(para.text):
                start -= 1  # "Governors”; 3 item" → "Governors”;" ^3 " item"
            para.text = para.text[:start] + para.text[end:]
            removed = end - start
            para.markers = [(o - removed if o >= end else o, m) for o, m in para.markers] + [
                (start, marker)
            ]
        para.markers.sort()


_DIGIT_RUN = re.compile(r"\d+")
_NOT_AFTER_MARKER = frozenset("/.．,年月日号次段条款届个项%％-‑")
"""What follows a number that is no footnote marker: "2019年", "3.5", "1/2", "2%"."""


def _loose_place(
    paras: list[Para], marker: str, ordered: list[str], found: dict[str, tuple[int, int]]
) -> tuple[int, int, int] | None:
    """Where `marker` stands when the language's pattern found it nowhere.

    The order of the markers is the constraint: the place lies after the marker before
    it and before the marker after it, both already found. There the marker may be a
    number of its own ("Secretary-General; 2", "文件2和") or the end of a longer run of
    digits whose head is a year or a document number ("horizon 20309" after "2030",
    "73/4419" after "73/44"). The first such place wins.
    """
    position = ordered.index(marker)
    before = max((found[m] for m in ordered[:position] if m in found), default=(0, 0))
    after = min((found[m] for m in ordered[position + 1 :] if m in found), default=None)
    last = len(paras) - 1 if after is None else after[0]
    for index in range(before[0], last + 1):
        text = paras[index].text
        start_at = before[1] if index == before[0] else 0
        end_at = after[1] if after is not None and index == after[0] else len(text)
        for run in _DIGIT_RUN.finditer(text, start_at, end_at):
            digits = run.group()
            if not digits.endswith(marker) or run.end() > end_at:
                continue
            if text[run.end() : run.end() + 1] in _NOT_AFTER_MARKER and run.end() < len(text):
                if not text[run.end() : run.end() + 2] in (". ", "."):
                    continue
            head = digits[: -len(marker)]
            prefix = text[run.start() - 1 : run.start()]
            if not head:
                if prefix == "第" or (prefix.isspace() and _is_count(text, run.end())):
                    continue
                return index, run.start(), run.end()
            if (len(head) == 4 and head[:2] in ("19", "20")) or prefix == "/":
                return index, run.start() + len(head), run.end()
    return None


def _is_count(text: str, end: int) -> bool:
    """Whether the number ending at `end` counts something: "2 States", "2 et 3"."""
    following = text[end : end + 2]
    return following[:1] == " " and following[1:2].isupper()


def collect_footnotes(
    resolution: Resolution,
    bodies: dict[str, layout.Note],
    prof: LanguageProfile,
    diagnostics: Diagnostics,
    marker_lines: dict[str, int],
) -> tuple[Footnote, ...]:
    """The footnotes in the order their markers appear; a marker or body alone is reported."""
    order: list[str] = []
    for inlines in _all_inlines(resolution):
        for piece in inlines:
            if isinstance(piece, FootnoteRef) and piece.marker not in order:
                order.append(piece.marker)
    notes: list[Footnote] = []
    for marker in order:
        body = bodies.get(marker)
        if body is None:
            diagnostics.add(
                "footnote-without-body",
                f"footnote {marker} is referenced but its text is not in the input",
                line=marker_lines.get(marker),
            )
            notes.append(Footnote(marker=marker, text=None))
            continue
        lines = [layout.Line(no=body.line, text=t) for t in body.lines]
        text, _ = layout.join_block(lines, prof)
        notes.append(Footnote(marker=marker, text=text.strip()))
    for marker, body in bodies.items():
        if marker not in order:
            diagnostics.add(
                "footnote-body-without-marker",
                f"footnote {marker} has a text but no marker in the resolution; left out: "
                f"{' '.join(body.lines)[:80]!r}",
                line=body.line,
            )
    return tuple(notes)


def _marker_key(marker: str) -> tuple[int, str]:
    return (int(marker), "") if marker.isdigit() else (10**6, marker)


def _all_inlines(resolution: Resolution) -> list[Inlines]:
    out: list[Inlines] = [resolution.title]

    def subs(items: tuple[Subparagraph, ...]) -> None:
        for sub in items:
            out.append(sub.content)
            subs(sub.subparagraphs)
            out.append(sub.wrap_up)

    def blocks(items: tuple[Block, ...]) -> None:
        for block in items:
            if isinstance(block, Heading):
                out.append(block.text)
            else:
                out.append(block.content)
                subs(block.subparagraphs)
                out.append(block.wrap_up)

    for para in resolution.preamble:
        out.append(para.content)
        subs(para.subparagraphs)
        out.append(para.wrap_up)
    blocks(resolution.operative)
    for annex in resolution.annexes:
        out.append(annex.title)
        for para in annex.preamble:
            out.append(para.content)
            subs(para.subparagraphs)
            out.append(para.wrap_up)
        blocks(annex.body)
    return out
