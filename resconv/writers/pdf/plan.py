"""The resolution reduced to what the PDF writer sets: blocks of runs, notes, masthead.

Planning knows the model and the language table, nothing of reportlab: each block names
its paragraph style (`pdf_paragraphs.Styles`), each run the role whose face chain prints
it (`pdf_style`). Cover lines, title, authority, preamble, operative part, parts (each
with its heading, preamble and operative part), adoption and annexes come out in reading
order, then each resolution of a collection (A, B …) the same way; notes no text refers
to follow the last block. A table is a block holding a `TablePlan`; a reference carries
its link, emphasis its role.
"""

from __future__ import annotations

import re
from dataclasses import field

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.lang import authority_words, language
from resconv.model import (
    Annex,
    Emphasis,
    Footnote,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    Paragraph,
    Part,
    PreambularParagraph,
    Reference,
    Resolution,
    Subparagraph,
    Table,
    Text,
    plain_text,
)
from resconv.model import (
    Block as ModelBlock,
)
from resconv.writers.pdf.style import Typography

__all__ = [
    "ENDNOTE_RULE",
    "TABLE",
    "Block",
    "CellPlan",
    "Masthead",
    "Plan",
    "Run",
    "TablePlan",
    "resolution_plan",
]

ENDNOTE_RULE = "endnote-rule"
"""The style of the block that stands for the rule above unreferenced notes (no text)."""
TABLE = "table"
"""The style of a block that is a table (its `table` is set)."""
_LINKED = ("http://", "https://", "mailto:")
"""Targets printed as link annotations; any other target is text only."""
_NUMBER = re.compile(r"[-+−–(]?[\d.,\s\u00a0\u202f%]*\d[\d.,\s\u00a0\u202f%)]*")


@dataclass(frozen=True, slots=True)
class Run:
    """Text in one role; a footnote marker when `note` is set."""

    role: str
    text: str
    note: int | None = None
    """The note's index in `Plan.notes`, or -1 for a marker no note answers."""
    link: str | None = None
    """Where a reference points, printed as a link annotation."""


@dataclass(frozen=True, slots=True)
class CellPlan:
    """One table cell: a list of runs per paragraph, its span and its alignment."""

    paragraphs: list[list[Run]]
    row_span: int = 1
    col_span: int = 1
    align: str = "start"
    """"left", "center", "right" or "justify" as seen on the page, or "start" (the side
    a line of the document's language starts on)."""
    header: bool = False


@dataclass(frozen=True, slots=True)
class TablePlan:
    """A table's rows of cells; the leading header rows repeat on every page."""

    rows: list[list[CellPlan]]
    header_rows: int


@dataclass(slots=True)
class Block:
    """One paragraph to set: its style, its runs, and its number (hung in the indent)."""

    style: str
    runs: list[Run]
    bullet: list[Run] = field(default_factory=list)
    keep_with_next: bool = False
    new_page: bool = False
    table: TablePlan | None = None

    def texts(self) -> list[list[Run]]:
        """Every list of runs the block prints: its text, its number, its table's cells."""
        found = [self.runs, self.bullet]
        if self.table is not None:
            found += [runs for row in self.table.rows for cell in row for runs in cell.paragraphs]
        return found


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
    note_runs: list[list[Run]]
    """The runs of each note's text after its marker (a space, then its links and text)."""
    unreferenced: list[int]
    symbol: str
    title: str
    masthead: Masthead


def resolution_plan(resolution: Resolution, typesetting: Typography) -> Plan:
    """The blocks, notes and masthead of `resolution` as `typesetting` sets them."""
    return _Planner(resolution, typesetting).plan()


class _Planner:
    """Walks the model in order and turns it into blocks."""

    def __init__(self, resolution: Resolution, typesetting: Typography) -> None:
        self.resolution = resolution
        self.typesetting = typesetting
        lang = language(resolution.language)
        self.lang = lang
        self.emphasis = lang.initial_words_style
        self.notes: list[Footnote] = []
        self.note_runs: list[list[Run]] = []
        self._note_index: dict[str, int] = {}
        self._referenced: set[int] = set()
        self.blocks: list[Block] = []

    def plan(self) -> Plan:
        res = self.resolution
        self._cover()
        self._resolution(res)
        for component in res.components:
            self._resolution(component, collection=res.number)
        unreferenced = self._unreferenced_notes()
        return Plan(
            blocks=self.blocks,
            notes=self.notes,
            note_runs=self.note_runs,
            unreferenced=unreferenced,
            symbol=res.symbol,
            title=plain_text(res.title),
            masthead=self._masthead(),
        )

    def _resolution(self, res: Resolution, collection: str | None = None) -> None:
        """One resolution's text; a resolution of a collection keeps its own notes."""
        self._note_index = {}
        for note in res.footnotes:
            self._note_index[note.marker] = len(self.notes)
            self.notes.append(note)
            self.note_runs.append([Run("note", " "), *self._inlines(note.content or (), "note")])
        self._title(res, collection)
        if res.authority:
            self._authority(res.authority)
        for para in res.preamble:
            self._preambular(para)
        for block in res.operative:
            self._block(block)
        for part in res.parts:
            self._part(part, 0)
        self._adoption(res)
        for annex in res.annexes:
            self._annex(annex)

    def _authority(self, authority: str) -> None:
        """The enacting formula as the UN sets it: the words emphasised, not the comma."""
        words = authority_words(authority)
        runs = self._inlines((Text(text=authority),), "body", words) if authority else []
        self.blocks.append(Block("authority", runs))

    def _inlines(self, inlines: Inlines, role: str, initial: str = "") -> list[Run]:
        """Runs for `inlines`; the first `len(initial)` characters in the emphasis role."""
        runs: list[Run] = []
        self._walk(inlines, role, None, [len(initial)], runs)
        return runs

    def _walk(
        self, inlines: Inlines, role: str, link: str | None, pending: list[int], runs: list[Run]
    ) -> None:
        for piece in inlines:
            if isinstance(piece, Text):
                text = piece.text
                if pending[0]:
                    head, text = text[: pending[0]], text[pending[0] :]
                    pending[0] -= len(head)
                    runs.append(Run(self.emphasis, head, link=link))
                if text:
                    runs.append(Run(role, text, link=link))
            elif isinstance(piece, FootnoteRef):
                index = self._note_index.get(piece.marker)
                if index is not None:
                    self._referenced.add(index)
                runs.append(Run("body", piece.marker, index if index is not None else -1))
            elif isinstance(piece, Reference):
                target = piece.target if piece.target and piece.target.startswith(_LINKED) else None
                self._walk(piece.content, role, target or link, pending, runs)
            elif isinstance(piece, Emphasis):
                self._walk(piece.content, _emphasised(role, piece), link, pending, runs)

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

    def _title(self, res: Resolution, collection: str | None) -> None:
        title = self._inlines(res.title, "title")
        number = res.number
        if collection is not None and number.startswith(collection + " "):
            number = number[len(collection) + 1 :]  # "A" of resolution 75/101 A
            if title or number:
                self.blocks.append(Block("title", title, [Run("title", number)], True))
            return
        if not title and not number:
            return
        if plain_text(res.title).lstrip().startswith(number):
            self.blocks.append(Block("title", title, keep_with_next=True))
        else:
            shown = self.typesetting.title_number.format(number)
            self.blocks.append(Block("title", title, [Run("title", shown)], True))

    def _preambular(self, para: PreambularParagraph) -> None:
        self.blocks.append(
            Block("preamble", self._inlines(para.content, "body", para.initial_words))
        )
        self._subparagraphs(para.subparagraphs, 1)
        if para.wrap_up:
            self.blocks.append(Block("wrapup-0", self._inlines(para.wrap_up, "body")))

    def _block(self, block: ModelBlock) -> None:
        if isinstance(block, Heading):
            self._heading(block)
        elif isinstance(block, OperativeParagraph):
            self._operative(block)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Paragraph):
            self.blocks.append(Block("wrapup-0", self._inlines(block.content, "body")))

    def _heading(self, heading: Heading) -> None:
        text = self._inlines(heading.text, "title")
        if heading.number and not _starts_with(heading.text, heading.number):
            text = [Run("title", f"{heading.number} "), *text]
        self.blocks.append(Block("heading", text, keep_with_next=True))

    def _part(self, part: Part, depth: int) -> None:
        """A part's heading ("I", "A."), then its own preamble, operative part and parts."""
        text = self._inlines(part.heading, "title")
        number = part.number if part.number and not _starts_with(part.heading, part.number) else ""
        if depth == 0:  # "I" on a line of its own over the heading, as the UN sets it
            if number:
                self.blocks.append(
                    Block("part-number", [Run("title", number)], keep_with_next=True)
                )
            if text:
                self.blocks.append(Block("part-heading", text, keep_with_next=True))
        elif number or text:
            runs = [Run("title", number), Run("title", " "), *text] if number and text else text
            self.blocks.append(
                Block("heading", runs or [Run("title", number)], keep_with_next=True)
            )
        for para in part.preamble:
            self._preambular(para)
        for block in part.operative:
            self._block(block)
        for inner in part.parts:
            self._part(inner, depth + 1)

    def _table(self, table: Table) -> None:
        if table.caption:
            caption = self._inlines(table.caption, "title")
            self.blocks.append(Block("table-caption", caption, keep_with_next=True))
        rows: list[list[CellPlan]] = []
        for row in table.rows:
            cells: list[CellPlan] = []
            for cell in row.cells:
                header = row.header or cell.header
                role = "bold" if header else "body"
                paragraphs = [self._inlines(content, role) for content in cell.content]
                text = " ".join(plain_text(content) for content in cell.content)
                align = cell.align or ("right" if _is_number(text) else "start")
                cells.append(CellPlan(paragraphs, cell.row_span, cell.col_span, align, header))
            rows.append(cells)
        header_rows = 0
        for row in table.rows:
            if not row.header:
                break
            header_rows += 1
        if header_rows == len(rows):
            header_rows = 0  # a table of headers only repeats nothing
        self.blocks.append(Block(TABLE, [], table=TablePlan(rows, header_rows)))

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

    def _adoption(self, res: Resolution) -> None:
        adoption = res.adoption
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
        for part in annex.parts:
            self._part(part, 0)

    def _unreferenced_notes(self) -> list[int]:
        """Notes no text refers to are kept, after the last block, under a rule."""
        unreferenced = [i for i in range(len(self.notes)) if i not in self._referenced]
        if unreferenced:
            self.blocks.append(Block(ENDNOTE_RULE, []))
            for i in unreferenced:
                note = self.notes[i]
                runs = [Run("note", note.marker, -1), *self.note_runs[i]]
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


def _emphasised(role: str, emphasis: Emphasis) -> str:
    """The role of emphasised text: bold or italic body text; titles and notes keep theirs
    (a title is bold already; notes have one face)."""
    if role != "body":
        return role
    if emphasis.bold:
        return "bold"  # bold and italic: no bold italic face, bold shows it best
    return "italic" if emphasis.italic else role


def _starts_with(inlines: Inlines, number: str) -> bool:
    """Whether a heading's text already begins with its number ("A. Pension …"), as a
    word of its own: "International Convention …" does not begin with the number "I"."""
    text, number = plain_text(inlines).lstrip(), number.strip()
    return text.startswith(number) and not text[len(number) : len(number) + 1].isalnum()


def _is_number(text: str) -> bool:
    """Whether a cell holds a number (an amount, a percentage): set to the right."""
    text = text.strip()
    return bool(text) and _NUMBER.fullmatch(text) is not None
