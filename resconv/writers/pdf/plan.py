"""The resolution reduced to what the PDF writer sets: blocks of runs, notes, masthead.

Planning knows the model and the language table, nothing of reportlab: each block names
its paragraph style (`pdf_paragraphs.Styles`), each run the role whose face chain prints
it (`pdf_style`). Cover lines, title, authority, preamble, operative part, adoption and
annexes come out in reading order; notes no text refers to follow the last block.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resconv.lang import authority_words, language
from resconv.model import (
    Annex,
    Footnote,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Text,
    plain_text,
)
from resconv.writers.pdf.style import Typography

__all__ = ["ENDNOTE_RULE", "Block", "Masthead", "Plan", "Run", "resolution_plan"]

ENDNOTE_RULE = "endnote-rule"
"""The style of the block that stands for the rule above unreferenced notes (no text)."""


@dataclass(frozen=True, slots=True)
class Run:
    """Text in one role; a footnote marker when `note` is set."""

    role: str
    text: str
    note: int | None = None
    """The note's index in `Plan.notes`, or -1 for a marker no note answers."""


@dataclass(slots=True)
class Block:
    """One paragraph to set: its style, its runs, and its number (hung in the indent)."""

    style: str
    runs: list[Run]
    bullet: list[Run] = field(default_factory=list)
    keep_with_next: bool = False
    new_page: bool = False


@dataclass(frozen=True, slots=True)
class Masthead:
    """What page 1 prints above the rules: only what the model and language table give."""

    organization: str
    assembly: str
    symbol: str
    distribution: tuple[str, ...]
    """"Distr.: General" and the date, when the model has them."""


@dataclass(slots=True)
class Plan:
    """The document reduced to blocks, plus what it needs from the fonts."""

    blocks: list[Block]
    notes: list[Footnote]
    unreferenced: list[int]
    symbol: str
    title: str
    masthead: Masthead


def resolution_plan(resolution: Resolution, typo: Typography) -> Plan:
    """The blocks, notes and masthead of `resolution` as `typo` sets them."""
    return _Planner(resolution, typo).plan()


class _Planner:
    """Walks the model in order and turns it into blocks."""

    def __init__(self, resolution: Resolution, typo: Typography) -> None:
        self.resolution = resolution
        self.typo = typo
        lang = language(resolution.language)
        self.lang = lang
        self.emphasis = lang.initial_words_style
        self.notes = list(resolution.footnotes)
        self._note_index = {note.marker: i for i, note in enumerate(self.notes)}
        self._referenced: set[int] = set()
        self.blocks: list[Block] = []

    def plan(self) -> Plan:
        res = self.resolution
        self._cover()
        self._title()
        self._authority(res.authority)
        for para in res.preamble:
            self._preambular(para)
        for block in res.operative:
            self._block(block)
        self._adoption()
        for annex in res.annexes:
            self._annex(annex)
        unreferenced = self._unreferenced_notes()
        return Plan(
            blocks=self.blocks,
            notes=self.notes,
            unreferenced=unreferenced,
            symbol=res.symbol,
            title=plain_text(res.title),
            masthead=self._masthead(),
        )

    def _authority(self, authority: str) -> None:
        """The enacting formula as the UN sets it: the words emphasised, not the comma."""
        words = authority_words(authority)
        runs = self._inlines((Text(text=authority),), "body", words) if authority else []
        self.blocks.append(Block("authority", runs))

    def _inlines(self, inlines: Inlines, role: str, initial: str = "") -> list[Run]:
        """Runs for `inlines`; the first `len(initial)` characters in the emphasis role."""
        runs: list[Run] = []
        pending = len(initial)
        for piece in inlines:
            if isinstance(piece, Text):
                text = piece.text
                if pending:
                    head, text = text[:pending], text[pending:]
                    pending -= len(head)
                    runs.append(Run(self.emphasis, head))
                if text:
                    runs.append(Run(role, text))
            elif isinstance(piece, FootnoteRef):
                index = self._note_index.get(piece.marker)
                if index is not None:
                    self._referenced.add(index)
                runs.append(Run("body", piece.marker, index if index is not None else -1))
        return runs

    def _cover(self) -> None:
        cover = self.resolution.cover
        agenda = self.lang.agenda_item.format(cover.agenda_item) if cover.agenda_item else None
        for line, role, style in (
            (cover.session_text, "body", "cover"),
            (agenda, "body", "cover"),
            (cover.agenda_title, "bold", "cover"),
            (cover.adopted_line, "bold", "cover-adopted"),
            (cover.committee_line, "body", "cover"),
        ):
            if line:
                self.blocks.append(Block(style, [Run(role, line)], keep_with_next=True))

    def _title(self) -> None:
        res = self.resolution
        title = self._inlines(res.title, "title")
        if plain_text(res.title).lstrip().startswith(res.number):
            self.blocks.append(Block("title", title, keep_with_next=True))
        else:
            number = self.typo.title_number.format(res.number)
            self.blocks.append(Block("title", title, [Run("title", number)], True))

    def _preambular(self, para: PreambularParagraph) -> None:
        self.blocks.append(
            Block("preamble", self._inlines(para.content, "body", para.initial_words))
        )
        self._subparagraphs(para.subparagraphs, 1)
        if para.wrap_up:
            self.blocks.append(Block("wrapup-0", self._inlines(para.wrap_up, "body")))

    def _block(self, block: Heading | OperativeParagraph) -> None:
        if isinstance(block, Heading):
            self._heading(block)
        else:
            self._operative(block)

    def _heading(self, heading: Heading) -> None:
        text = self._inlines(heading.text, "title")
        if heading.number:
            text = [Run("title", f"{heading.number} "), *text]
        self.blocks.append(Block("heading", text, keep_with_next=True))

    def _operative(self, para: OperativeParagraph) -> None:
        runs = self._inlines(para.content, "body", para.initial_words)
        if para.number:
            self.blocks.append(Block("operative", runs, [Run("body", para.number)]))
        else:
            self.blocks.append(Block("preamble", runs))
        self._subparagraphs(para.subparagraphs, 1)
        if para.wrap_up:
            self.blocks.append(Block("wrapup-0", self._inlines(para.wrap_up, "body")))

    def _subparagraphs(self, subs: tuple[Subparagraph, ...], level: int) -> None:
        for sub in subs:
            self.blocks.append(
                Block(f"sub-{level}", self._inlines(sub.content, "body"), [Run("body", sub.number)])
            )
            self._subparagraphs(sub.subparagraphs, level + 1)
            if sub.wrap_up:
                self.blocks.append(Block(f"wrapup-{level}", self._inlines(sub.wrap_up, "body")))

    def _adoption(self) -> None:
        adoption = self.resolution.adoption
        if adoption is None:
            return
        texts = {"date": adoption.date_text, "meeting": adoption.meeting_text}
        shown = [texts[key] for key in self.lang.adoption_order if texts[key]]
        for i, line in enumerate(shown):
            self.blocks.append(
                Block(
                    "adoption" if i else "adoption-first",
                    [Run("body", line)],
                    keep_with_next=i < len(shown) - 1,
                )
            )

    def _annex(self, annex: Annex) -> None:
        self.blocks.append(
            Block("annex-label", [Run("title", annex.label)], keep_with_next=True, new_page=True)
        )
        if annex.title:
            self.blocks.append(
                Block("annex-title", self._inlines(annex.title, "title"), keep_with_next=True)
            )
        for para in annex.preamble:
            self._preambular(para)
        for block in annex.body:
            self._block(block)

    def _unreferenced_notes(self) -> list[int]:
        """Notes no text refers to are kept, after the last block, under a rule."""
        unreferenced = [i for i in range(len(self.notes)) if i not in self._referenced]
        if unreferenced:
            self.blocks.append(Block(ENDNOTE_RULE, []))
            for i in unreferenced:
                note = self.notes[i]
                runs = [Run("note", note.marker, -1), Run("note", " " + (note.text or ""))]
                self.blocks.append(Block("note", runs))
        return unreferenced

    def _masthead(self) -> Masthead:
        cover, lang = self.resolution.cover, self.lang
        distribution: list[str] = []
        if cover.distribution:
            word = lang.distribution_word(cover.distribution)
            distribution.append(lang.distribution.format(word))
        if cover.distribution_date_text:
            distribution.append(cover.distribution_date_text)
        return Masthead(
            lang.organization, lang.assembly, self.resolution.symbol, tuple(distribution)
        )
