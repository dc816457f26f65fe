"""The plain-text reader: a resolution as people really have it, extracted or reflowed.

A chain of small passes: decode and normalise (`text_decode`), lay out lines into
paragraphs (`text_layout`), place footnote markers, then classify paragraphs into the
model (title, authority, preamble, operative part, adoption, annexes). Everything a
language contributes (initial words, dates, meetings, annex words, how lines join)
comes from its `LanguageProfile`. Oddities become diagnostics, not failures; only a
document without number, title or adoption date cannot be a `Resolution`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

from resconv.diagnostics import Diagnostics, Result
from resconv.errors import StructureError
from resconv.lang import LANGUAGES
from resconv.lang.profile import TEXT_LANGUAGES, LanguageProfile, profile
from resconv.model import (
    Adoption,
    Annex,
    Block,
    CoverPage,
    Footnote,
    FootnoteRef,
    Heading,
    Inline,
    Inlines,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Text,
    plain_text,
)
from resconv.readers import text_layout as layout
from resconv.readers.text_decode import decode, detect_language, normalise

__all__ = ["TextReader"]

_ROMAN_LETTERS = frozenset("ivxlc")
_TRAILING_PUNCTUATION = re.compile(r"[\s,，;；:：.。、،؛]+")
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_CLAUSE_END = ".;。；؛"
"""How a paragraph that is not preambular ends (a preambular one ends with a comma)."""
_BOUNDARIES: dict[str, re.Pattern[str]] = {}


class TextReader:
    """Reads plain text (UTF-8, UTF-16 with BOM or GB18030) into a `Resolution`."""

    name: ClassVar[str] = "text"

    def read(
        self,
        data: bytes,
        /,
        *,
        source: str | None = None,
        lang: str | None = None,
        strict: bool = False,
    ) -> Result[Resolution]:
        diagnostics = Diagnostics(strict=strict, source=source)
        if lang is not None:
            profile(lang)  # an unknown language fails before any work
        text = decode(data, lang=lang, source=source, diagnostics=diagnostics)
        text = normalise(text, source=source, diagnostics=diagnostics)
        code = lang or detect_language(text, TEXT_LANGUAGES)
        if code is None:
            raise StructureError(
                "cannot tell the language of the text (pass lang=, e.g. 'zh' or 'en')",
                source=source,
            )
        if lang is None:
            diagnostics.info("language-detected", f"language detected: {code}")
        resolution = _Builder(profile(code), diagnostics, source).build(text)
        return Result(resolution, diagnostics.freeze())


@dataclass(slots=True)
class _Para:
    """A paragraph's joined text, its footnote markers (offset, marker) and where it began."""

    text: str
    markers: list[tuple[int, str]]
    line: int
    first: str
    lines: list[str]

    def inlines(self, start: int = 0) -> Inlines:
        pieces: list[Inline] = []
        position = start
        for offset, marker in self.markers:
            if offset < start:
                continue
            if offset > position:
                pieces.append(Text(text=self.text[position:offset]))
            pieces.append(FootnoteRef(marker=marker))
            position = max(position, offset)
        if position < len(self.text):
            pieces.append(Text(text=self.text[position:]))
        return _strip_inlines(tuple(pieces))


def _strip_inlines(pieces: Inlines) -> Inlines:
    out = list(pieces)
    if out and isinstance(out[0], Text):
        out[0] = Text(text=out[0].text.lstrip())
    if out and isinstance(out[-1], Text):
        out[-1] = Text(text=out[-1].text.rstrip())
    return tuple(p for p in out if not (isinstance(p, Text) and not p.text))


@dataclass(slots=True)
class _Part:
    """Paragraphs being collected for the resolution body or one annex."""

    preamble: list[PreambularParagraph] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    in_body: bool = False
    heading_levels: dict[str, int] = field(default_factory=dict)
    numbers: list[tuple[str, int]] = field(default_factory=list)


class _Builder:
    """One reading: turns the normalised text into a `Resolution`."""

    def __init__(self, prof: LanguageProfile, diagnostics: Diagnostics, source: str | None):
        self.prof = prof
        self.diagnostics = diagnostics
        self.source = source
        self.marker_lines: dict[str, int] = {}
        self.cover_symbol: str | None = None
        self.boundary = _boundary(prof)

    # -- the whole document ------------------------------------------------------------

    def build(self, text: str) -> Resolution:
        lines = layout.split_lines(text)
        title_index = layout.find_title(lines, self.prof)
        if title_index is None:
            raise StructureError(
                "missing number and title: no line such as “67/38. Title”", source=self.source
            )
        title_line = lines[title_index]
        match = self.prof.title.fullmatch(title_line.text)
        assert match is not None
        number = " ".join(match.group("number").split())
        title_line.text = match.group("title") or ""
        content, notes = layout.strip_furniture(
            lines[title_index + 1 :],
            self.prof,
            title=title_line.text,
            diagnostics=self.diagnostics,
        )
        if not title_line.text:
            # "67/38." alone: the title is on the next line, unless that line is already
            # the authority line (no title at all) or the start of a paragraph.
            following = content[0].text if content else ""
            if not following or self._starts_text(following):
                raise StructureError(
                    f"missing title after the number {number} (the line after it is "
                    f"{following[:40]!r})",
                    source=self.source,
                    line=title_line.no,
                )
            content, title_line = content[1:], content[0]
        blocks = layout.segment([title_line, *content], self.prof, boundary=self.boundary)
        paras = [self._para(block) for block in blocks]
        bodies = {note.marker: note for note in notes}
        self._place_glued_markers(paras, bodies)
        cover = self._cover(lines[:title_index])
        return self._assemble(number, paras, bodies, cover)

    def _starts_text(self, line: str) -> bool:
        """Whether `line` opens the resolution's text rather than continuing a title."""
        prof = self.prof
        return bool(
            prof.authority.fullmatch(line)
            or prof.operative_number.match(line)
            or prof.subparagraph.match(line)
            or (prof.preambular.match(line) and line[-1:] in layout.PARAGRAPH_END)
        )

    def _para(self, block: layout.Block) -> _Para:
        lines: list[layout.Line] = []
        markers: list[tuple[int, layout.Marker]] = []
        for item in block.items:
            if isinstance(item, layout.Line):
                lines.append(item)
            else:
                markers.append((len(lines) - 1, item))
        text, offsets = layout.join_block(lines, self.prof, markers)
        for _, marker in markers:
            self.marker_lines.setdefault(marker.marker, marker.line)
        return _Para(text, offsets, block.line, block.first, [line.text for line in lines])

    # -- footnote markers ----------------------------------------------------------------

    def _place_glued_markers(self, paras: list[_Para], bodies: dict[str, layout.Note]) -> None:
        explicit: dict[str, tuple[int, int]] = {}
        for index, para in enumerate(paras):
            for offset, marker in para.markers:
                explicit.setdefault(marker, (index, offset))
        wanted = [m for m in bodies if m not in explicit]
        if not wanted:
            return
        candidates: dict[str, list[tuple[int, int, int]]] = {}
        for index, para in enumerate(paras):
            for found in self.prof.glued_marker.finditer(para.text):
                group = max(g for g in range(1, found.re.groups + 1) if found.group(g))
                cut = "span" if found.groupdict().get("span") else group
                candidates.setdefault(found.group(group), []).append(
                    (index, found.start(cut), found.end(cut))
                )
        cursor = (0, 0)
        cuts: dict[int, list[tuple[int, int, str]]] = {}
        for marker in sorted({*explicit, *wanted}, key=_marker_key):
            if marker in explicit:
                cursor = explicit[marker]
                continue
            places = candidates.get(marker, [])
            at = bisect.bisect_left(places, (cursor[0], cursor[1], -1))
            if at == len(places):
                continue
            index, start, end = places[at]
            cuts.setdefault(index, []).append((start, end, marker))
            self.marker_lines.setdefault(marker, paras[index].line)
            cursor = (index, end)
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

    # -- classification ----------------------------------------------------------------

    def _assemble(
        self,
        number: str,
        paras: list[_Para],
        bodies: dict[str, layout.Note],
        cover: CoverPage,
    ) -> Resolution:
        title = paras[0].inlines()
        if not plain_text(title):
            raise StructureError("missing title after the number " + number, source=self.source)
        rest = paras[1:]
        authority = ""
        for index, para in enumerate(rest[:4]):
            if self.prof.authority.fullmatch(para.text):
                authority = " ".join(para.text.split())
                if self.prof.joiner == "cjk":
                    authority = "".join(para.text.split())
                for extra in rest[:index]:
                    self.diagnostics.add(
                        "text-before-authority",
                        f"text between the title and the authority line: {extra.text[:60]!r}",
                        line=extra.line,
                    )
                    title = (*title, Text(text=" "), *extra.inlines())
                rest = rest[index + 1 :]
                break
        else:
            self.diagnostics.add(
                "authority-missing",
                "no authority line (such as “The General Assembly,” or “大会，”)",
                line=paras[0].line,
            )
        main = _Part()
        annexes: list[tuple[str, list[Inline], _Part]] = []
        adoption: dict[str, object] = {}
        stage = "body"
        index = 0
        while index < len(rest):
            para = rest[index]
            index += 1
            if stage != "annex" and self._adoption(para, adoption):
                stage = "adoption"
                continue
            annex_label = self.prof.annex.match(para.text)
            if stage != "body" and annex_label and self.prof.annex.fullmatch(para.first):
                title_rest = list(para.inlines(annex_label.end()))
                annexes.append((" ".join(annex_label.group().split()), title_rest, _Part()))
                stage = "annex"
                continue
            if stage == "annex":
                _, annex_title, part = annexes[-1]
                if not part.preamble and not part.body and self._is_title_like(para):
                    if annex_title:
                        annex_title.append(Text(text=" " if self.prof.joiner == "space" else ""))
                    annex_title.extend(para.inlines())
                    continue
                index = self._paragraph(para, rest, index, part, annex=True)
                continue
            if stage == "adoption":
                self.diagnostics.add(
                    "text-after-adoption",
                    f"text after the adoption date and meeting kept as an unnumbered "
                    f"paragraph: {para.text[:60]!r}",
                    line=para.line,
                )
                main.in_body = True
            index = self._paragraph(para, rest, index, main, annex=False)
        self._check_numbers(main)
        for _, _, part in annexes:
            self._check_numbers(part)
        resolution_adoption = self._adoption_value(adoption, cover)
        symbol = "A/RES/" + number.replace(" ", "")
        if self.cover_symbol is not None:
            if self.cover_symbol != symbol:
                self.diagnostics.add(
                    "symbol-mismatch",
                    f"the cover symbol {self.cover_symbol} does not match the number {number}",
                )
            symbol = self.cover_symbol
        built_annexes = tuple(
            Annex(
                label=label,
                title=_strip_inlines(tuple(annex_title)),
                preamble=tuple(part.preamble),
                body=tuple(part.body),
            )
            for label, annex_title, part in annexes
        )
        resolution = Resolution(
            symbol=symbol,
            number=number,
            language=self.prof.code,
            title=_strip_inlines(title),
            authority=authority,
            preamble=tuple(main.preamble),
            operative=tuple(main.body),
            adoption=resolution_adoption,
            annexes=built_annexes,
            cover=cover,
        )
        footnotes = self._footnotes(resolution, bodies)
        return Resolution(
            symbol=resolution.symbol,
            number=resolution.number,
            language=resolution.language,
            title=resolution.title,
            authority=resolution.authority,
            preamble=resolution.preamble,
            operative=resolution.operative,
            footnotes=footnotes,
            adoption=resolution.adoption,
            annexes=resolution.annexes,
            cover=resolution.cover,
        )

    def _is_title_like(self, para: _Para) -> bool:
        return (
            bool(para.text)
            and para.text[-1] not in layout.PARAGRAPH_END
            and not self.prof.structural.match(para.text)
        )

    def _paragraph(
        self, para: _Para, rest: list[_Para], index: int, part: _Part, *, annex: bool
    ) -> int:
        """Add `para` to `part`; returns the index of the next paragraph to read."""
        text = para.text
        numbered = self.prof.operative_number.match(text)
        if numbered:
            part.in_body = True
            pieces = numbered.group("num").split()
            printed = "".join(pieces) if self.prof.squeeze_number else " ".join(pieces)
            part.numbers.append((printed, para.line))
            content = para.inlines(numbered.end())
            part.body.append(
                OperativeParagraph(
                    number=printed,
                    initial_words="" if annex else self._initial(content, operative=True),
                    content=content,
                )
            )
            return index
        sub = self.prof.subparagraph.match(text)
        if sub and (part.preamble or part.body):
            self._subparagraph(
                part, "".join(sub.group("num").split()), para.inlines(sub.end()), para
            )
            return index
        if self._wrap_up(para, rest, index, part):
            return index
        heading = self._heading(para, rest, index, part)
        if heading is not None:
            block, index = heading
            part.in_body = True
            part.body.append(block)
            return index
        content = para.inlines()
        if not part.in_body and text[-1:] not in _CLAUSE_END:
            part.preamble.append(
                PreambularParagraph(
                    initial_words=self._initial(content, operative=False), content=content
                )
            )
            return index
        part.in_body = True
        part.body.append(
            OperativeParagraph(
                number=None,
                initial_words="" if annex else self._initial(content, operative=True),
                content=content,
            )
        )
        return index

    def _wrap_up(self, para: _Para, rest: list[_Para], index: int, part: _Part) -> bool:
        """Keep `para` as the closing text of the subparagraphs before it, if it is one.

        The evidence must be clear: the last subparagraph had not ended its sentence,
        and `para` continues it (lower case in Latin and Cyrillic, a conjunction in
        Chinese) without known initial words. The text closes the last subparagraph
        when nested subparagraphs precede it and a sibling of that subparagraph follows;
        otherwise it closes the paragraph's list.
        """
        start = self.prof.wrap_up_start
        text = para.text
        if start is None or not start.match(text) or text[-1:] not in layout.PARAGRAPH_END:
            return False
        owners: list[PreambularParagraph] | list[Block]
        owners = part.body if part.in_body and part.body else part.preamble
        owner = owners[-1] if owners else None
        if owner is None or isinstance(owner, Heading) or not owner.subparagraphs:
            return False
        if owner.wrap_up or self.prof.preambular.match(text) or self.prof.operative.match(text):
            return False
        last = owner.subparagraphs[-1]
        deepest = last.subparagraphs[-1] if last.subparagraphs else last
        if _ends_sentence(deepest.wrap_up or deepest.content):
            return False
        content = para.inlines()
        following = self.prof.subparagraph.match(rest[index].text) if index < len(rest) else None
        if (
            last.subparagraphs
            and not last.wrap_up
            and following is not None
            and not self._nested("".join(following.group("num").split()), last.number)
        ):
            subs = (*owner.subparagraphs[:-1], replace(last, wrap_up=content))
            owners[-1] = replace(owner, subparagraphs=subs)  # type: ignore[assignment]
        else:
            owners[-1] = replace(owner, wrap_up=content)  # type: ignore[assignment]
        return True

    def _initial(self, content: Inlines, *, operative: bool) -> str:
        first = content[0] if content else None
        if not isinstance(first, Text):
            return ""
        return self.prof.initial_words(first.text, operative=operative)

    def _heading(
        self, para: _Para, rest: list[_Para], index: int, part: _Part
    ) -> tuple[Heading, int] | None:
        first = para.first
        section = self.prof.section_number.fullmatch(first)
        if section or self.prof.letter_alone.fullmatch(first):
            number = first
            body = para.text[len(first) :].strip()
            if not body and index < len(rest) and self._is_title_like(rest[index]):
                body = rest[index].text
                text = rest[index].inlines()
                index += 1
            else:
                text = (Text(text=body),) if body else ()
            kind = "roman" if section else "letter"
            return Heading(number=number, text=text, level=self._level(part, kind)), index
        letter = self.prof.letter_heading.fullmatch(para.text)
        if letter and para.text[-1] not in layout.PARAGRAPH_END:
            return (
                Heading(
                    number=letter.group("num"),
                    text=para.inlines(letter.start("text")),
                    level=self._level(part, "letter"),
                ),
                index,
            )
        if (
            part.in_body
            and self._is_title_like(para)
            and len(para.text) <= 200
            and not para.markers
        ):
            return Heading(
                number=None, text=para.inlines(), level=self._level(part, "plain")
            ), index
        return None

    def _level(self, part: _Part, kind: str) -> int:
        if kind not in part.heading_levels:
            part.heading_levels[kind] = len(part.heading_levels) + 1
        return part.heading_levels[kind]

    def _subparagraph(self, part: _Part, number: str, content: Inlines, para: _Para) -> None:
        owner_list: list[PreambularParagraph] | list[Block]
        owner_list = part.body if part.in_body and part.body else part.preamble
        if not owner_list or isinstance(owner_list[-1], Heading):
            self.diagnostics.add(
                "subparagraph-without-paragraph",
                f"subparagraph {number} has no paragraph before it; kept as a paragraph",
                line=para.line,
            )
            part.body.append(
                OperativeParagraph(
                    number=None, initial_words="", content=(Text(text=number + " "), *content)
                )
            )
            part.in_body = True
            return
        owner = owner_list[-1]
        assert not isinstance(owner, Heading)
        subs = list(owner.subparagraphs)
        new = Subparagraph(number=number, content=content)
        if subs and self._nested(number, subs[-1].number):
            last = subs[-1]
            subs[-1] = replace(last, subparagraphs=(*last.subparagraphs, new))
        else:
            subs.append(new)
        owner_list[-1] = replace(owner, subparagraphs=tuple(subs))  # type: ignore[assignment]

    @staticmethod
    def _nested(number: str, previous: str) -> bool:
        """Whether `number` goes one level below the subparagraph `previous`."""
        if "\u3220" <= number <= "\u3229":
            return not ("\u3220" <= previous <= "\u3229")
        inner = number.strip("()（） ")
        prev_inner = previous.strip("()（） ")
        if inner.isdigit():  # (1) under (أ) in Arabic
            return not prev_inner.isdigit()
        if not (set(inner) <= _ROMAN_LETTERS) or "\u3220" <= previous <= "\u3229":
            return False
        if len(inner) == 1 and len(prev_inner) == 1 and ord(inner) == ord(prev_inner) + 1:
            return False  # (i) after (h) is a letter
        return not set(prev_inner) <= _ROMAN_LETTERS or prev_inner in ("h", "u", "w")

    def _check_numbers(self, part: _Part) -> None:
        expected = 1
        seen: dict[int, int] = {}
        for printed, line in part.numbers:
            digits = "".join(ch for ch in printed if ch.isdigit())
            value = int(digits)
            if value in seen:
                self.diagnostics.add(
                    "numbering-duplicate",
                    f"paragraph {printed} appears again (first at line {seen[value]}); "
                    "kept as printed",
                    line=line,
                )
            elif value != expected:
                self.diagnostics.add(
                    "numbering-gap",
                    f"paragraph {printed} where {expected}. was expected; kept as printed",
                    line=line,
                )
            seen.setdefault(value, line)
            expected = value + 1

    # -- adoption ------------------------------------------------------------------------

    def _adoption(self, para: _Para, found: dict[str, object]) -> bool:
        text = para.text
        if len(text) > 200:  # an adoption block is a date and a meeting, nothing more
            return False
        dates = list(self.prof.date.finditer(text))
        meetings = list(self.prof.meeting.finditer(text))
        if not dates and not meetings:
            return False
        rest = text
        for match in sorted(dates + meetings, key=lambda m: -m.start()):
            rest = rest[: match.start()] + rest[match.end() :]
        if _TRAILING_PUNCTUATION.sub("", rest):
            return False
        squeeze = self.prof.joiner == "cjk"
        if dates and "date_text" not in found:
            found["date_text"] = _printed(dates[0].group(), squeeze)
            found["date"] = self.prof.parse_date(dates[0])
        if meetings and "meeting_text" not in found:
            found["meeting_text"] = _printed(meetings[0].group(), squeeze)
            found["meeting"] = int(meetings[0].group("number"))
        return True

    def _adoption_value(self, found: dict[str, object], cover: CoverPage) -> Adoption:
        date = found.get("date")
        date_text = found.get("date_text")
        if date_text is None and cover.adopted_line:
            match = self.prof.date.search(cover.adopted_line)
            if match:
                date_text = _printed(match.group(), self.prof.joiner == "cjk")
                date = self.prof.parse_date(match)
                self.diagnostics.add(
                    "adoption-date-from-cover",
                    "no adoption date after the last paragraph; took the cover's date",
                )
        if not isinstance(date_text, str):
            raise StructureError(
                "missing adoption date (a line such as “3 December 2012” or “2012年12月3日” "
                "after the last paragraph)",
                source=self.source,
            )
        if date is None:
            self.diagnostics.add("invalid-date", f"adoption date {date_text!r} is not a real date")
        meeting_text = found.get("meeting_text", "")
        meeting = found.get("meeting")
        if not meeting_text:
            self.diagnostics.add("meeting-missing", "no plenary meeting line after the text")
        return Adoption(
            date=date if isinstance(date, _dt.date) else None,
            date_text=date_text,
            meeting=meeting if isinstance(meeting, int) else None,
            meeting_text=str(meeting_text),
        )

    # -- footnotes -----------------------------------------------------------------------

    def _footnotes(
        self, resolution: Resolution, bodies: dict[str, layout.Note]
    ) -> tuple[Footnote, ...]:
        order: list[str] = []
        for inlines in _all_inlines(resolution):
            for piece in inlines:
                if isinstance(piece, FootnoteRef) and piece.marker not in order:
                    order.append(piece.marker)
        notes: list[Footnote] = []
        for marker in order:
            body = bodies.get(marker)
            if body is None:
                self.diagnostics.add(
                    "footnote-without-body",
                    f"footnote {marker} is referenced but its text is not in the input",
                    line=self.marker_lines.get(marker),
                )
                notes.append(Footnote(marker=marker, text=None))
                continue
            lines = [layout.Line(no=body.line, text=t) for t in body.lines]
            text, _ = layout.join_block(lines, self.prof)
            notes.append(Footnote(marker=marker, text=text.strip()))
        for marker, body in bodies.items():
            if marker not in order:
                self.diagnostics.add(
                    "footnote-body-without-marker",
                    f"footnote {marker} has a text but no marker in the resolution; left out: "
                    f"{' '.join(body.lines)[:80]!r}",
                    line=body.line,
                )
        return tuple(notes)

    # -- cover page ----------------------------------------------------------------------

    def _cover(self, lines: list[layout.Line]) -> CoverPage:
        if not lines:
            return CoverPage()
        text = "\n".join(line.text for line in lines)
        squeeze = self.prof.joiner == "cjk"
        symbol = layout.SYMBOL_LINE.search(text)
        self.cover_symbol = symbol.group() if symbol else None
        distribution = self.prof.distribution.search(text)
        date_match = None
        if distribution:
            # Cover dates are printed in English in every language version.
            found = [
                m
                for m in (
                    profile("en").date.search(text, distribution.end()),
                    self.prof.date.search(text, distribution.end()),
                )
                if m
            ]
            date_match = min(found, key=lambda m: m.start()) if found else None
        job = _COVER_JOB.search(text)
        session = self.prof.session.search(text)
        item = self.prof.agenda_item.search(text)
        adopted = self.prof.adopted_line.search(text)
        committee = _COVER_COMMITTEE.search(text)
        agenda_title = None
        if item:
            end = (
                min(m.start() for m in (adopted, committee) if m)
                if (adopted or committee)
                else len(text)
            )
            agenda_title = self._flat(text[item.end() : end], squeeze) or None
        distribution_date = None
        if date_match:
            if date_match.re is self.prof.date.compiled:
                distribution_date = self.prof.parse_date(date_match)
            else:
                distribution_date = profile("en").parse_date(date_match)
        boilerplate = _boilerplate(self.prof.code)
        for line in lines:
            if _squeezed(line.text) in boilerplate or layout.BARCODE.fullmatch(line.text):
                self.diagnostics.info(
                    "dropped-cover-line", f"dropped cover line {line.text!r}", line=line.no
                )
        return CoverPage(
            distribution=distribution.group(1) if distribution else None,
            distribution_date=distribution_date,
            distribution_date_text=" ".join(date_match.group().split()) if date_match else None,
            session_text=self._flat(session.group(), squeeze) if session else None,
            agenda_item=" ".join(item.group("item").split()) if item else None,
            agenda_title=agenda_title,
            adopted_line=self._flat(adopted.group(), squeeze) if adopted else None,
            committee_line=self._flat(committee.group(), squeeze) if committee else None,
            job_number=" ".join(job.group().split()) if job else None,
        )

    def _flat(self, text: str, squeeze: bool) -> str:
        lines = [layout.Line(no=0, text=t.strip()) for t in text.split("\n") if t.strip()]
        joined, _ = layout.join_block(lines, self.prof)
        return joined.strip()


_COVER_JOB = re.compile(r"\b\d{2}-\d{5}\s*\([A-Z]\)")
_COVER_COMMITTEE = re.compile(r"\[[^\[\]\n]{1,300}(?:\n[^\[\]\n]{1,300}){0,3}\]")


def _squeezed(text: str) -> str:
    """Text without spaces or Arabic tatweel, as cover mastheads are letter-spaced."""
    return "".join(text.replace("\u0640", "").split())


def _boilerplate(code: str) -> frozenset[str]:
    """The masthead lines of the cover (in the language and in English)."""
    return frozenset(
        _squeezed(name)
        for lang in (LANGUAGES["en"], LANGUAGES[code])
        for name in (lang.organization, lang.assembly)
        if name
    )


def _boundary(prof: LanguageProfile) -> re.Pattern[str]:
    """Lines that always start a paragraph: a date, a meeting, both, or an annex label."""
    found = _BOUNDARIES.get(prof.code)
    if found is None:
        date, meeting = (_GROUP_NAME.sub("(?:", p.pattern) for p in (prof.date, prof.meeting))
        found = _BOUNDARIES[prof.code] = re.compile(
            rf"(?:{date})|(?:{meeting})|(?:{meeting})\s*(?:{date})"
            rf"|(?:{date})\s*(?:{meeting})|(?:{prof.annex.pattern})"
        )
    return found


def _ends_sentence(inlines: Inlines) -> bool:
    """Whether text ends a sentence ("." or "。"), a footnote marker after it aside."""
    text = plain_text(inlines).rstrip()
    return text[-1:] in ".。"


def _printed(text: str, squeeze: bool) -> str:
    return "".join(text.split()) if squeeze else " ".join(text.split())


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
