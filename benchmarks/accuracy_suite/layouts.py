"""Plain-text layouts of a resolution, rendered from the model the way users have them.

Each layout prints exactly what the model holds, in the UN's order, and nothing the model
does not know (no invented cover words): the adoption line and committee line as printed,
the number and title, the enacting formula, the paragraphs with their numbers as printed,
each part's number and heading on lines of their own before its paragraphs,
the adoption block, the annexes and the footnotes. They differ where users' copies differ:

- ``reflowed``: one line per paragraph with a blank line between, footnote markers glued to
  the text, each page's footnotes after a rule where they were first cited (as a PDF copied
  with reflow keeps them where the page broke);
- ``markdown``: as PDF-to-Markdown converters write it: ``*initial words*`` (bold in
  Chinese), ``[^n]`` markers, ``[^n]: body`` definitions at the end, the title as a heading,
  and the escapes Markdown writers set where text would read as a list (``A\\.`` alone,
  ``\\* Reissued``);
- ``web``: one line per paragraph without blank lines (copied from a web page), markers
  glued, every footnote gathered at the end after a rule.

A table is laid out as copying one gives it: its caption on a line, then its rows on
consecutive lines, the cells' texts separated by tabs (a Markdown table, ``| a | b |`` with a
rule under the first row, in ``markdown``);
a paragraph outside the numbering is a line of its own like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from resconv.model import (
    Annex,
    Block,
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    Paragraph,
    Part,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Table,
    TableCell,
    Text,
    iter_leaves,
)

TEXT_LAYOUTS = ("reflowed", "markdown", "web")

Marker = Callable[[str], str]


def _glued(language: str) -> Marker:
    """A marker as a copied superscript: "Nations1"; in Arabic "(1)" as the UN prints it."""
    if language == "ar":
        return lambda marker: f"({marker})"
    return lambda marker: marker


def _markdown_marker(marker: str) -> str:
    return f"[^{marker}]"


def _inline(inlines: Inlines, marker: Marker) -> str:
    return "".join(
        piece.text if isinstance(piece, Text) else marker(piece.marker)
        for piece in iter_leaves(inlines)
    )


def _cited(inlines: Inlines) -> list[str]:
    return [piece.marker for piece in iter_leaves(inlines) if isinstance(piece, FootnoteRef)]


def _cell_inlines(cell: TableCell) -> Inlines:
    """A cell's paragraphs as one run of inlines, joined by a space."""
    joined: list[Inlines] = []
    for index, paragraph in enumerate(cell.content):
        joined.append(((Text(text=" "),) if index else ()) + paragraph)
    return tuple(inline for part in joined for inline in part)


def _tab_row(cells: list[str]) -> str:
    return "\t".join(cells)


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


class _Printer:
    """Walks the model in printed order; yields (line, markers cited on it)."""

    def __init__(
        self,
        marker: Marker,
        emphasis: Callable[[str], str] | None = None,
        row: Callable[[list[str]], str] = _tab_row,
        header_rule: bool = False,
    ) -> None:
        self.marker = marker
        self.emphasis = emphasis
        self.row = row
        self.header_rule = header_rule

    def text(self, inlines: Inlines, initial_words: str = "") -> str:
        line = _inline(inlines, self.marker)
        if self.emphasis and initial_words and line.startswith(initial_words):
            line = self.emphasis(initial_words) + line[len(initial_words) :]
        return line

    def subparagraphs(self, subs: tuple[Subparagraph, ...]) -> Iterator[tuple[str, list[str]]]:
        for sub in subs:
            yield f"{sub.number} {self.text(sub.content)}", _cited(sub.content)
            yield from self.subparagraphs(sub.subparagraphs)
            if sub.wrap_up:
                yield self.text(sub.wrap_up), _cited(sub.wrap_up)

    def preamble(
        self, paragraphs: tuple[PreambularParagraph, ...]
    ) -> Iterator[tuple[str, list[str]]]:
        for paragraph in paragraphs:
            yield self.text(paragraph.content, paragraph.initial_words), _cited(paragraph.content)
            yield from self.subparagraphs(paragraph.subparagraphs)
            if paragraph.wrap_up:
                yield self.text(paragraph.wrap_up), _cited(paragraph.wrap_up)

    def blocks(self, blocks: tuple[Block, ...]) -> Iterator[tuple[str, list[str]]]:
        for block in blocks:
            if isinstance(block, Heading):
                if block.number:
                    yield block.number, []
                yield self.text(block.text), _cited(block.text)
                continue
            if isinstance(block, Table):
                yield from self.table(block)
                continue
            if isinstance(block, Paragraph):
                yield self.text(block.content), _cited(block.content)
                continue
            yield self.operative(block), _cited(block.content)
            yield from self.subparagraphs(block.subparagraphs)
            if block.wrap_up:
                yield self.text(block.wrap_up), _cited(block.wrap_up)

    def table(self, table: Table) -> Iterator[tuple[str, list[str]]]:
        if table.caption:
            yield self.text(table.caption), _cited(table.caption)
        rows: list[str] = []
        cited: list[str] = []
        for index, row in enumerate(table.rows):
            cells = [_cell_inlines(cell) for cell in row.cells]
            rows.append(self.row([self.text(cell) for cell in cells]))
            cited += [marker for cell in cells for marker in _cited(cell)]
            if self.header_rule and index == 0:
                rows.append(self.row(["---"] * len(row.cells)))
        if rows:
            yield "\n".join(rows), cited

    def parts(self, parts: tuple[Part, ...]) -> Iterator[tuple[str, list[str]]]:
        for part in parts:
            if part.number:
                yield part.number, []
            if part.heading:
                yield self.text(part.heading), _cited(part.heading)
            yield from self.preamble(part.preamble)
            yield from self.blocks(part.operative)
            yield from self.parts(part.parts)

    def operative(self, paragraph: OperativeParagraph) -> str:
        text = self.text(paragraph.content, paragraph.initial_words)
        return f"{paragraph.number} {text}" if paragraph.number else text

    def annex(self, annex: Annex) -> Iterator[tuple[str, list[str]]]:
        yield annex.label, []
        if annex.title:
            yield self.text(annex.title), _cited(annex.title)
        yield from self.preamble(annex.preamble)
        yield from self.blocks(annex.body)

    def adoption(self, model: Resolution) -> list[str]:
        adoption = model.adoption
        if adoption is None:
            return []
        lines = [adoption.meeting_text, adoption.date_text]
        return lines[::-1] if model.language == "zh" else lines


def _opening(model: Resolution) -> list[str]:
    return [line for line in (model.cover.adopted_line, model.cover.committee_line) if line]


def _title(model: Resolution, printer: _Printer) -> str:
    return f"{model.number}. {printer.text(model.title)}"


def _notes(model: Resolution, markers: list[str], prefix: Marker) -> list[str]:
    lines = []
    for marker in markers:
        note = model.footnote(marker)
        if note is not None and note.text is not None:
            lines.append(f"{prefix(marker)} {note.text}")
    return lines


def _body(model: Resolution, printer: _Printer) -> Iterator[tuple[str, list[str]]]:
    yield _title(model, printer), _cited(model.title)
    yield model.authority, []
    yield from printer.preamble(model.preamble)
    yield from printer.blocks(model.operative)
    yield from printer.parts(model.parts)


def reflowed(model: Resolution) -> str:
    printer = _Printer(_glued(model.language))
    lines = _opening(model)
    placed: list[str] = []
    for line, cited in _body(model, printer):
        lines.append(line)
        new = [marker for marker in cited if marker not in placed]
        if new:
            placed += new
            lines += ["__________________", *_notes(model, new, printer.marker)]
    lines += printer.adoption(model)
    for annex in model.annexes:
        for line, cited in printer.annex(annex):
            lines.append(line)
            new = [marker for marker in cited if marker not in placed]
            if new:
                placed += new
                lines += ["__________________", *_notes(model, new, printer.marker)]
    return "\n\n".join(lines) + "\n"


def markdown(model: Resolution) -> str:
    strong = model.language == "zh"
    printer = _Printer(
        _markdown_marker,
        (lambda w: f"**{w}**") if strong else (lambda w: f"*{w}*"),
        row=_markdown_row,
        header_rule=True,
    )
    lines = _opening(model)
    body = list(_body(model, printer))
    lines.append("# " + body[0][0])
    lines += [_escaped(line) for line, _ in body[1:]]
    lines += printer.adoption(model)
    for annex in model.annexes:
        lines += [_escaped(line) for line, _ in printer.annex(annex)]
    markers = [note.marker for note in model.footnotes]
    notes = _notes(model, markers, lambda marker: f"[^{marker}]:")
    if notes:
        lines += ["---", *notes]
    return "\n\n".join(lines) + "\n"


def _escaped(line: str) -> str:
    """`line` with the Markdown escapes a Markdown writer sets where text would read as
    a list: a heading's number alone ("A\\.", else an empty list item) and a line opening
    with "* " (a note's asterisk, else a bullet)."""
    if _LIST_NUMBER_ALONE.fullmatch(line):
        return line[:-1] + "\\" + line[-1]
    if line[:2] in ("* ", "+ ", "- "):
        return "\\" + line
    return line


_LIST_NUMBER_ALONE = re.compile(r"(?:[A-Za-z]|[IVXLCivxlc]{1,6}|\d{1,3})[.)]")


def web(model: Resolution) -> str:
    printer = _Printer(_glued(model.language))
    lines = _opening(model)
    lines += [line for line, _ in _body(model, printer)]
    lines += printer.adoption(model)
    for annex in model.annexes:
        lines += [line for line, _ in printer.annex(annex)]
    notes = _notes(model, [note.marker for note in model.footnotes], printer.marker)
    if notes:
        lines += ["__________________", *notes]
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Resolution], str]] = {
    "reflowed": reflowed,
    "markdown": markdown,
    "web": web,
}


def render(model: Resolution, layout: str) -> str:
    """The text of `model` laid out as `layout` (one of `TEXT_LAYOUTS`)."""
    return RENDERERS[layout](model)
