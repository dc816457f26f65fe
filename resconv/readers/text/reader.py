"""The plain-text reader: a resolution as people really have it, extracted or reflowed.

A chain of small passes, each in its own module: decode and normalise
(`text_decode`), lay out lines into paragraphs (`text_layout`), read the cover block
(`text_cover`), place footnote markers (`text_footnotes`), then classify paragraphs
into the model (`text_paragraphs`). This module runs the chain and assembles the
resolution: title, authority, body, adoption and annexes. Everything a language
contributes (initial words, dates, meetings, annex words, how lines join) comes from
its `LanguageProfile`. Oddities become diagnostics, not failures; only a document
without number, title or adoption date cannot be a `Resolution`.
"""

from __future__ import annotations

import re

from resconv import _dates as _dt  # start-up speed: resconv/_dates.py
from resconv.diagnostics import Diagnostics, Result
from resconv.errors import StructureError
from resconv.lang import LANGUAGES
from resconv.lang.profile import TEXT_LANGUAGES, LanguageProfile
from resconv.lang.profile import profile as language_profile
from resconv.model import (
    Adoption,
    Annex,
    CoverPage,
    Inline,
    Inlines,
    Resolution,
    Text,
    plain_text,
)
from resconv.model import Part as ModelPart
from resconv.readers.markup import apply_vote, take_vote
from resconv.readers.references import recognise_references
from resconv.readers.text import layout
from resconv.readers.text.bidi import (
    join_split_words,
    to_logical_order,
    undo_displayed_runs,
    without_left_margins,
)
from resconv.readers.text.bidi_controls import normalise_bidi_controls, place_marks_after_letters
from resconv.readers.text.boxes import close_blanks_inside_sentences
from resconv.readers.text.cover import read_cover
from resconv.readers.text.decode import decode, detect_language, line_end_hyphens, normalise
from resconv.readers.text.footnotes import collect_footnotes, place_glued_markers
from resconv.readers.text.label_column import (
    hang_wide_labels,
    labels_to_their_texts,
    numbers_after_lists,
)
from resconv.readers.text.markdown import strip_markdown
from resconv.readers.text.note_numbers import join_note_numbers
from resconv.readers.text.order import line_list, report_words_out_of_order
from resconv.readers.text.paragraphs import (
    TITLE_JOIN,
    Para,
    ParagraphClassifier,
    Part,
    strip_inlines,
)
from resconv.readers.text.repair import (
    join_marker_breaks,
    join_vote_lines,
    join_word_lines,
    rejoin_split_words,
    restore_scattered_words,
    restore_year_ranges,
)
from resconv.readers.text.tables import LiftedTables, is_placeholder, lift_tables
from resconv.readers.text.vote_pages import join_votes_across_pages

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import ClassVar

__all__ = ["TextReader"]

_TRAILING_PUNCTUATION = re.compile(r"[\s,，;；:：.。、،؛]+")
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
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
            language_profile(lang)  # an unknown language fails before any work
        text = decode(data, lang=lang, source=source, diagnostics=diagnostics)
        text = normalise(text, source=source, diagnostics=diagnostics)
        text = strip_markdown(normalise_bidi_controls(text, diagnostics))
        code = lang or detect_language(text, TEXT_LANGUAGES)
        if code is None:
            raise StructureError(
                "cannot tell the language of the text (pass lang=, e.g. 'zh' or 'en')",
                source=source,
            )
        if lang is None:
            diagnostics.info("language-detected", f"language detected: {code}")
        text_profile = language_profile(code)
        if text_profile.joiner == "space" and LANGUAGES[code].direction != "rtl":
            report_words_out_of_order(text, diagnostics)
        text = restore_year_ranges(line_end_hyphens(text, text_profile), diagnostics)
        if LANGUAGES[code].direction == "rtl":
            text = to_logical_order(text, text_profile, diagnostics, source)
            text = without_left_margins(place_marks_after_letters(text, diagnostics))
            text = join_split_words(undo_displayed_runs(text, diagnostics), diagnostics)
        elif text_profile.joiner == "space":
            text = restore_scattered_words(text, diagnostics)
        text, vote = take_vote(join_votes_across_pages(join_vote_lines(text)))
        resolution = recognise_references(_Builder(text_profile, diagnostics, source).build(text))
        resolution = apply_vote(resolution, vote)
        return Result(resolution, diagnostics.freeze())


class _Builder:
    """One reading: turns the normalised text into a `Resolution`."""

    def __init__(self, profile: LanguageProfile, diagnostics: Diagnostics, source: str | None):
        self.profile = profile
        self.diagnostics = diagnostics
        self.source = source
        self.marker_lines: dict[str, int] = {}
        """The line each footnote marker was first seen on, for diagnostics."""
        self.boundary = _boundary(profile)
        self.classifier = ParagraphClassifier(profile, diagnostics)
        self.tables = LiftedTables()
        self.clean = False
        """Whether the text is a clean copy (`layout.is_clean_copy`): nothing to repair."""

    # -- the whole document ------------------------------------------------------------

    def build(self, text: str) -> Resolution:
        text, self.tables = lift_tables(text, self.profile)
        lines = join_note_numbers(hang_wide_labels(layout.split_lines(text)))
        lines = numbers_after_lists(labels_to_their_texts(lines, self.profile), self.profile)
        lines = join_marker_breaks(
            lines, cjk=self.profile.joiner == "cjk", glued_marks=self.profile.glued_marks
        )
        if self.profile.joiner == "space":
            lines = join_word_lines(lines, self.diagnostics, self.profile)
        title_index = layout.find_title(lines, self.profile)
        if title_index is None:
            raise StructureError(
                "missing number and title: no line such as “67/38. Title”", source=self.source
            )
        self._refuse_second_resolution(lines, title_index)
        title_line = lines[title_index]
        match = self.profile.title.fullmatch(title_line.text)
        assert match is not None
        number = " ".join(match.group("number").split())
        title_line.text = match.group("title") or ""
        cover_end = title_index
        following = lines[title_index + 1].text if title_index + 1 < len(lines) else ""
        if not title_line.text and self.profile.authority.fullmatch(following):
            # "75/46." alone before the authority line: some extractions set the title,
            # printed beside the number, just before it, after the cover's last line.
            cover_end = self._title_before(lines, title_index)
            if cover_end < title_index:
                title_line.text = " ".join(line.text for line in lines[cover_end:title_index])
                self.diagnostics.info(
                    "title-before-number",
                    f"the title was printed before the number {number}",
                    line=lines[cover_end].no,
                )
        elif (
            not title_line.text
            and title_index + 2 < len(lines)
            and self.profile.authority.fullmatch(lines[title_index + 2].text)
            and not self._starts_text(following)
            and (start := self._title_before(lines, title_index)) < title_index
            and self._ends_cover(lines[start - 1].text)
        ):
            # "… 成效和透" / "79/231." / "明度" / "大会，": pdftotext prints the number
            # between the title's lines, beside the one it stands by.
            title_line.text = " ".join(
                [*(line.text for line in lines[start:title_index]), following]
            )
            cover_end = start
            del lines[title_index + 1]
            self.diagnostics.info(
                "title-around-number",
                f"the title was printed around the number {number}",
                line=lines[start].no,
            )
        running_title = _title_lines(title_line.text, lines[title_index + 1 :], self.profile)
        content, notes = layout.strip_furniture(
            lines[title_index + 1 :],
            self.profile,
            title=running_title,
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
        self.clean = layout.is_clean_copy(content)
        if self.profile.rejoins_split_words and not self.clean:
            # The footnotes are repaired with the text, whose words they share.
            note_lines = [(note, at) for note in notes for at in range(len(note.lines))]
            texts = rejoin_split_words(
                [line.text for line in content] + [note.lines[at] for note, at in note_lines],
                self.diagnostics,
                [line.no for line in content] + [note.line + at for note, at in note_lines],
                lang=self.profile.code,
                # The lines around a marker alone: its gap may be in either ("2005 ,"
                # under it, "79/43 ," over it).
                marked=frozenset(
                    near
                    for at, line in enumerate(content)
                    if layout.MARKER_LINE.fullmatch(line.text)
                    for near in (at - 1, at + 1)
                ),
            )
            for line, text in zip(content, texts, strict=False):
                line.text = text
            for (note, at), text in zip(note_lines, texts[len(content) :], strict=True):
                note.lines[at] = text
        if not self.clean:
            close_blanks_inside_sentences(content, self.profile, self.diagnostics)
        unsure: list[int] = []
        blocks = _tables_apart(
            layout.segment(
                [title_line, *content], self.profile, boundary=self.boundary, unsure=unsure
            )
        )
        _report_unsure_starts(unsure, self.diagnostics)
        paras = [self._para(block) for block in blocks]
        bodies = {note.marker: note for note in notes}
        place_glued_markers(paras, bodies, self.profile, self.marker_lines)
        cover, cover_symbol = read_cover(lines[:cover_end], self.profile, self.diagnostics)
        return self._assemble(number, paras, bodies, cover, cover_symbol)

    def _refuse_second_resolution(self, lines: list[layout.Line], title_index: int) -> None:
        """Two resolutions pasted together are refused: a model of either would be wrong.

        The second is told by a number and title line with an authority line right after,
        in this text's language or another: other languages' profiles are loaded only
        where a line may be such a title, so an ordinary text pays nothing for them.
        """
        rest = lines[title_index + 1 :]
        at = _second_resolution(rest, self.profile)
        if at is None and any(_may_open_resolution(rest, i) for i in range(len(rest))):
            codes = (code for code in TEXT_LANGUAGES if code != self.profile.code)
            others = (language_profile(code) for code in codes)
            at = next((i for p in others if (i := _second_resolution(rest, p)) is not None), None)
        if at is not None:
            raise StructureError(
                f"a second resolution starts at line {rest[at].no} "
                f"({rest[at].text[:40]!r}): read one resolution at a time",
                source=self.source,
                line=rest[at].no,
            )

    def _title_before(self, lines: list[layout.Line], number_at: int) -> int:
        """Where a title printed before its number starts: after the cover's last line
        (the committee line "[…]" or "Resolution adopted … on <date>"), at most three
        lines up; `number_at` when there is none."""
        start = number_at
        while start > 0 and number_at - start < 3:
            text = lines[start - 1].text
            if (
                text.endswith(("]", "］"))
                or self.profile.adopted_line.search(text)
                or self.profile.date.fullmatch(text)
                or layout.SYMBOL_LINE.fullmatch(text)
                or self.profile.agenda_item.search(text)
            ):
                break
            start -= 1
        if start == 0 or start == number_at:
            return number_at
        return start

    def _ends_cover(self, line: str) -> bool:
        """Whether `line` is the cover's last: the committee line "[…]" or the line
        "Resolution adopted … on <date>"."""
        return line.endswith(("]", "］")) or self.profile.adopted_line.search(line) is not None

    def _starts_text(self, line: str) -> bool:
        """Whether `line` opens the resolution's text rather than continuing a title."""
        profile = self.profile
        return bool(
            profile.authority.fullmatch(line)
            or profile.operative_number.match(line)
            or profile.subparagraph.match(line)
            or (profile.preambular.match(line) and line[-1:] in layout.PARAGRAPH_END)
        )

    def _para(self, block: layout.Block) -> Para:
        lines, markers = block.lines_and_markers()
        text, offsets = layout.join_block(lines, self.profile, markers)
        for _, marker in markers:
            self.marker_lines.setdefault(marker.marker, marker.line)
        return Para(text, offsets, block.line, block.first, [line.text for line in lines])

    def _label_and_title(self, para: Para, label_end: int) -> bool:
        """Whether `para`, after the adoption or in an annex, is an annex's label and its
        title run together on one line ("Annexe Règlement destiné …"): a word in capitals
        after the label, and no closing punctuation."""
        after = para.text[label_end : label_end + 2]
        return after[:1] == " " and after[1:].isupper() and self.classifier.is_title_like(para)

    # -- assembly: title, authority, body, adoption, annexes ------------------------

    def _assemble(
        self,
        number: str,
        paras: list[Para],
        bodies: dict[str, layout.Note],
        cover: CoverPage,
        cover_symbol: str | None,
    ) -> Resolution:
        title = paras[0].inlines()
        if not plain_text(title):
            raise StructureError("missing title after the number " + number, source=self.source)
        rest = paras[1:]
        authority = ""
        for index, para in enumerate(rest[:4]):
            if self.profile.authority.fullmatch(para.text):
                authority = " ".join(para.text.split())
                if self.profile.joiner == "cjk":
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
        main = Part()
        parts: list[tuple[str, Inlines, Part]] = []
        annexes: list[tuple[str, list[Inline], Part]] = []
        adoption: dict[str, object] = {}
        stage = "body"
        index = 0
        while index < len(rest):
            para = rest[index]
            index += 1
            table = self.tables.table_of(para.text)
            if table is not None:
                part = annexes[-1][2] if stage == "annex" else parts[-1][2] if parts else main
                part.in_body = True
                part.body.append(table)
                continue
            if is_placeholder(para.text) and stage != "adoption":
                # A table the PDF or DOCX reader puts in afterwards: part of the body.
                part = annexes[-1][2] if stage == "annex" else parts[-1][2] if parts else main
                part.in_body = True
            if stage != "annex" and self._adoption(para, adoption):
                stage = "adoption"
                continue
            annex_label = self.profile.annex.match(para.text)
            if (
                stage != "body"
                and annex_label
                and (
                    self.profile.annex.fullmatch(para.first)
                    or self._label_and_title(para, annex_label.end())
                )
            ):
                title_rest = list(para.inlines(annex_label.end()))
                annexes.append((" ".join(annex_label.group().split()), title_rest, Part()))
                stage = "annex"
                continue
            if stage == "annex":
                _, annex_title, part = annexes[-1]
                if (
                    not part.preamble
                    and not part.body
                    and self.classifier.is_title_like(para)
                    # a clean copy prints the title on one line: what follows heads
                    and (not annex_title or (not self.clean and _continues(para.text)))
                    and not self.classifier.opens_with_section_number(para)
                    and not is_placeholder(para.text)  # a table is never a title's line
                ):
                    if annex_title:
                        space = self.profile.joiner == "space"
                        annex_title.append(TITLE_JOIN if space else Text(text=""))
                    annex_title.extend(para.inlines())
                    continue
                index = self.classifier.add(para, rest, index, part, annex=True)
                continue
            if stage == "adoption":
                self.diagnostics.add(
                    "text-after-adoption",
                    f"text after the adoption date and meeting kept as an unnumbered "
                    f"paragraph: {para.text[:60]!r}",
                    line=para.line,
                )
                main.in_body = True
            elif start := self.classifier.part_start(para, rest, index, in_parts=bool(parts)):
                part_number, heading, index = start
                parts.append((part_number, heading, Part()))
                continue
            body = parts[-1][2] if parts and stage == "body" else main
            index = self.classifier.add(para, rest, index, body, annex=False)
        self.classifier.check_numbers(main)
        for _, _, part in parts:
            self.classifier.check_numbers(part)
        for _, _, part in annexes:
            self.classifier.check_numbers(part)
        last_text = rest[-1].text if rest else ""
        number_alone = (found := self.profile.operative_number.match(last_text)) is not None and (
            not last_text[found.end() :].strip()
        )
        if rest and (number_alone or ("date_text" not in adoption and last_text[-1:] not in ".。")):
            self.diagnostics.add(
                "text-truncated",
                "the text ends inside a paragraph, with no adoption date after it: it may "
                f"be cut short ({rest[-1].text[-40:]!r})",
                line=rest[-1].line,
            )
        resolution_adoption = self._adoption_value(adoption, cover)
        symbol = "A/RES/" + number.replace(" ", "")
        for printed, written in self.profile.symbol_prefixes:
            symbol = symbol.replace(f"A/RES/{printed}", f"A/RES/{written}", 1)
        if cover_symbol is not None:
            if cover_symbol != symbol:
                self.diagnostics.add(
                    "symbol-mismatch",
                    f"the cover symbol {cover_symbol} does not match the number {number}",
                )
            symbol = cover_symbol
        built_annexes = tuple(
            Annex(
                label=label,
                title=strip_inlines(tuple(annex_title)),
                preamble=tuple(part.preamble),
                body=tuple(part.body),
            )
            for label, annex_title, part in annexes
        )
        resolution = Resolution(
            symbol=symbol,
            number=number,
            language=self.profile.code,
            title=strip_inlines(title),
            authority=authority,
            preamble=tuple(main.preamble),
            operative=tuple(main.body),
            parts=tuple(
                ModelPart(
                    number=part_number,
                    heading=heading,
                    preamble=tuple(part.preamble),
                    operative=tuple(part.body),
                )
                for part_number, heading, part in parts
            ),
            adoption=resolution_adoption,
            annexes=built_annexes,
            cover=cover,
        )
        footnotes = collect_footnotes(
            resolution, bodies, self.profile, self.diagnostics, self.marker_lines
        )
        return Resolution(
            symbol=resolution.symbol,
            number=resolution.number,
            language=resolution.language,
            title=resolution.title,
            authority=resolution.authority,
            preamble=resolution.preamble,
            operative=resolution.operative,
            parts=resolution.parts,
            footnotes=footnotes,
            adoption=resolution.adoption,
            annexes=resolution.annexes,
            cover=resolution.cover,
        )

    # -- adoption ------------------------------------------------------------------------

    def _adoption(self, para: Para, found: dict[str, object]) -> bool:
        """Whether `para` is the adoption date and/or meeting; what it holds goes to `found`."""
        text = para.text
        if len(text) > 200:  # an adoption block is a date and a meeting, nothing more
            return False
        if not (
            _TRAILING_PUNCTUATION.match(text)
            or self.profile.date.match(text)
            or self.profile.meeting.match(text)
        ):
            # What precedes the first date or meeting stays, so it must be punctuation:
            # text starting otherwise is no adoption block (most paragraphs, at once).
            return False
        dates = list(self.profile.date.finditer(text))
        meetings = list(self.profile.meeting.finditer(text))
        if not dates and not meetings:
            return False
        rest = text
        for match in sorted(dates + meetings, key=lambda m: -m.start()):
            rest = rest[: match.start()] + rest[match.end() :]
        if _TRAILING_PUNCTUATION.sub("", rest):
            return False
        squeeze = self.profile.joiner == "cjk"
        if dates and "date_text" not in found:
            found["date_text"] = _printed(dates[0].group(), squeeze)
            found["date"] = self.profile.parse_date(dates[0])
        if meetings and "meeting_text" not in found:
            found["meeting_text"] = _printed(meetings[0].group(), squeeze)
            found["meeting"] = int(meetings[0].group("number"))
        return True

    def _adoption_value(self, found: dict[str, object], cover: CoverPage) -> Adoption:
        date = found.get("date")
        date_text = found.get("date_text")
        if date_text is None and cover.adopted_line:
            match = self.profile.date.search(cover.adopted_line)
            if match:
                date_text = _printed(match.group(), self.profile.joiner == "cjk")
                date = self.profile.parse_date(match)
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


def _boundary(profile: LanguageProfile) -> re.Pattern[str]:
    """Lines that always start a paragraph: a date, a meeting, both, or an annex label."""
    found = _BOUNDARIES.get(profile.code)
    if found is None:
        date, meeting = (_GROUP_NAME.sub("(?:", p.pattern) for p in (profile.date, profile.meeting))
        found = _BOUNDARIES[profile.code] = re.compile(
            rf"(?:{date})|(?:{meeting})|(?:{meeting})\s*(?:{date})"
            rf"|(?:{date})\s*(?:{meeting})|(?:{profile.annex.pattern})"
        )
    return found


def _report_unsure_starts(lines: list[int], diagnostics: Diagnostics) -> None:
    """One note naming the lines that started a paragraph on their initial words alone."""
    if not lines:
        return
    diagnostics.info(
        "paragraph-start-unsure",
        f"{len(lines)} paragraphs start after a full line that ends with a comma, told "
        f"by their initial words alone (lines {line_list(lines, _UNSURE_NAMED)}): the text "
        "shows no indent or blank line, so a paragraph that runs on with such words would be "
        "split there",
        line=lines[0],
    )


_UNSURE_NAMED = 8


def _continues(text: str) -> bool:
    """Whether a line after an annex's title continues it rather than heading its text:
    it opens in lower case ("of the Sustainable Development Goals Summit"), or in a
    script without capitals, where nothing tells them apart."""
    first = text[:1]
    return first.islower() or not (first.isupper() or first.isdigit())


def _tables_apart(blocks: list[layout.Block]) -> list[layout.Block]:
    """`blocks` with each table's placeholder lines as a block of their own, one line.

    The layout passes may join a placeholder to the lines around it; a table is never
    part of a paragraph."""
    if not any(
        isinstance(item, layout.Line) and is_placeholder(item.text)
        for block in blocks
        for item in block.items
    ):
        return blocks
    out: list[layout.Block] = []
    for block in blocks:
        current: layout.Block | None = None
        for item in block.items:
            if isinstance(item, layout.Line) and is_placeholder(item.text):
                last = out[-1].items[0] if out and out[-1].items else None
                if current is None and isinstance(last, layout.Line) and last.text == item.text:
                    continue  # the next row of the same table
                out.append(layout.Block(item.no, [item]))
                current = None
                continue
            if current is None:
                current = layout.Block(item.line if isinstance(item, layout.Marker) else item.no)
                out.append(current)
            current.items.append(item)
    return out


def _title_lines(first: str, following: list[layout.Line], profile: LanguageProfile) -> str:
    """The title as printed over its lines up to the authority line, as page heads
    repeat it: the running title is found as this text or a piece of it."""
    pieces = [first]
    for line in following[:6]:
        if profile.authority.fullmatch(line.text):
            return " ".join(pieces)
        pieces.append(line.text)
    return first or (following[0].text if following else "")


def _printed(text: str, squeeze: bool) -> str:
    return "".join(text.split()) if squeeze else " ".join(text.split())


_RESOLUTION_NUMBER = re.compile(r"\s*\d{1,3}/\d{1,4}(?:\s*[.．\-–—]\s*|\s+)\D")
"""A line opening with a resolution number and a separator ("74/110. ", "67/38 - "), as
titles do."""
_AUTHORITY_LIKE = re.compile(r"\D{2,30}?[,，،]?\s*")
"""A short line without figures, as an authority line is in every language."""


def _may_open_resolution(lines: list[layout.Line], index: int) -> bool:
    """Whether `lines[index]` may be a title line of some language: it opens with a
    resolution number, does not end as a clause does, and a short line without figures
    follows within three lines."""
    text = lines[index].text
    return (
        bool(_RESOLUTION_NUMBER.match(text))
        and not text.rstrip().endswith(_CLAUSE_ENDS)
        and any(_AUTHORITY_LIKE.fullmatch(line.text) for line in lines[index + 1 : index + 4])
    )


_CLAUSE_ENDS = (",", "，", "،", ";", "；", "؛")
"""How a line inside a paragraph may end, and a title line does not."""


def _second_resolution(lines: list[layout.Line], profile: LanguageProfile) -> int | None:
    """Index of a number and title line in `profile`'s language with its authority line
    within three lines after it, or None."""
    start = 0
    while (found := layout.find_title(lines[start:], profile)) is not None:
        at = start + found
        if any(profile.authority.fullmatch(line.text) for line in lines[at + 1 : at + 4]):
            return at
        start = at + 1
    return None
