"""Planned blocks as reportlab paragraphs: the styles, and the story of each direction.

A story is built once per document and laid out once: `LtrStory` turns each block into
markup for reportlab's parser; `RtlStory` shapes each block before the fonts are built,
since the shaped fonts hold exactly the glyphs the text needs.
"""

from __future__ import annotations

from typing import Any, Protocol

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import CondPageBreak, Flowable, PageBreak, Spacer

from resconv.errors import InternalError
from resconv.writers.pdf.linebreak import KinsokuParagraph, LinedParagraph
from resconv.writers.pdf.plan import ENDNOTE_RULE, Plan, Run
from resconv.writers.pdf.rtl import Piece, RtlParagraph
from resconv.writers.pdf.style import Typography
from resconv.writers.pdf.tables import table_flowable
from resconv.writers.pdf.text import NOTE_CALLBACK, Markup, RtlText

__all__ = ["LtrStory", "RtlStory", "Story", "Styles", "note_labels", "story_flowables"]


class Styles:
    """The paragraph styles of one document, named as the plan's blocks name them."""

    def __init__(self, typo: Typography, base_font: str, width: float) -> None:
        align = TA_JUSTIFY
        wrap = "CJK" if typo.word_wrap == "CJK" else None
        body = ParagraphStyle(
            "body",
            fontName=base_font,
            fontSize=typo.body_size,
            leading=typo.body_leading,
            alignment=align,
            wordWrap=wrap,
            spaceAfter=typo.body_leading * 0.5,
            allowWidows=0,
            allowOrphans=0,
            bulletFontName=base_font,
            bulletFontSize=typo.body_size,
        )
        self.typo = typo
        self.wrap = wrap
        self.width = width
        indent, number = typo.first_indent, typo.number_width
        self.styles: dict[str, ParagraphStyle] = {
            "body": body,
            "cover": ParagraphStyle("cover", body, alignment=TA_LEFT, spaceAfter=0),
            "cover-adopted": ParagraphStyle(
                "cover-adopted",
                body,
                alignment=TA_LEFT,
                spaceBefore=typo.body_leading * 1.5,
                spaceAfter=0,
            ),
            "title": ParagraphStyle(
                "title",
                body,
                alignment=TA_LEFT,
                fontSize=typo.title_size,
                leading=typo.title_leading,
                spaceBefore=typo.body_leading,
                spaceAfter=typo.body_leading,
            ),
            "authority": ParagraphStyle("authority", body, firstLineIndent=indent),
            "preamble": ParagraphStyle("preamble", body, firstLineIndent=indent),
            "operative": ParagraphStyle(
                "operative", body, firstLineIndent=indent + number, bulletIndent=indent
            ),
            "heading": ParagraphStyle(
                "heading", body, alignment=TA_CENTER, spaceBefore=typo.body_leading * 0.5
            ),
            "part-number": ParagraphStyle(
                "part-number",
                body,
                alignment=TA_CENTER,
                fontSize=typo.title_size,
                leading=typo.title_leading,
                spaceBefore=typo.body_leading,
                spaceAfter=0,
            ),
            "part-heading": ParagraphStyle(
                "part-heading",
                body,
                alignment=TA_CENTER,
                fontSize=typo.title_size,
                leading=typo.title_leading,
                spaceBefore=typo.body_leading * 0.5,
                spaceAfter=typo.body_leading * 0.5,
            ),
            "table-caption": ParagraphStyle(
                "table-caption", body, alignment=TA_CENTER, spaceBefore=typo.body_leading * 0.5
            ),
            "cell": ParagraphStyle(
                "cell",
                body,
                fontSize=typo.note_size + 0.5,
                leading=typo.note_leading + 1,
                alignment=TA_LEFT,
                spaceAfter=0,
                bulletFontSize=typo.note_size + 0.5,
            ),
            "adoption-first": ParagraphStyle(
                "adoption-first",
                body,
                alignment=TA_LEFT,
                leftIndent=width * 0.5,
                spaceBefore=typo.body_leading,
                spaceAfter=0,
            ),
            "adoption": ParagraphStyle(
                "adoption", body, alignment=TA_LEFT, leftIndent=width * 0.5, spaceAfter=0
            ),
            "annex-label": ParagraphStyle(
                "annex-label",
                body,
                alignment=TA_CENTER,
                fontSize=typo.title_size,
                leading=typo.title_leading,
            ),
            "annex-title": ParagraphStyle(
                "annex-title",
                body,
                alignment=TA_CENTER,
                fontSize=typo.title_size,
                leading=typo.title_leading,
                spaceAfter=typo.body_leading,
            ),
            "note": ParagraphStyle(
                "note",
                body,
                fontSize=typo.note_size,
                leading=typo.note_leading,
                leftIndent=typo.note_size * 1.8,
                firstLineIndent=-typo.note_size * 1.8,
                spaceAfter=1,
            ),
        }

    def get(self, name: str) -> ParagraphStyle:
        """The style called `name`; "sub-N" and "wrapup-N" are made for any level N."""
        found = self.styles.get(name)
        if found is not None:
            return found
        kind, _, level_text = name.partition("-")
        level = int(level_text)
        typo = self.typo
        if kind == "sub":
            bullet = level * typo.sub_indent
            style = ParagraphStyle(
                name,
                self.styles["body"],
                bulletIndent=bullet,
                leftIndent=bullet + typo.number_width,
            )
        elif kind == "wrapup":
            left = level * typo.sub_indent + (typo.number_width if level else 0)
            style = ParagraphStyle(name, self.styles["body"], leftIndent=left)
        else:
            raise InternalError(f"no PDF paragraph style {name!r}")
        self.styles[name] = style
        return style


def _hanging_title(style: ParagraphStyle, number_width: float) -> ParagraphStyle:
    """The number hangs: the title's lines align after it."""
    return ParagraphStyle("title-hanging", style, leftIndent=number_width + style.fontSize)


class Story(Protocol):
    """One paragraph per planned block (None for the endnote rule), and the notes."""

    styles: Styles

    @property
    def paragraphs(self) -> list[Any]: ...

    def note(self, index: int) -> Flowable: ...


class LtrStory:
    """Left-to-right paragraphs, parsed from markup once."""

    def __init__(self, plan: Plan, markup: Markup, styles: Styles) -> None:
        self.plan = plan
        self.markup = markup
        self.styles = styles
        self.paragraph_class = KinsokuParagraph if styles.wrap == "CJK" else LinedParagraph
        self.paragraphs: list[Paragraph | None] = []
        for block in plan.blocks:
            if block.style == ENDNOTE_RULE:
                self.paragraphs.append(None)
                continue
            if block.table is not None:
                self.paragraphs.append(
                    table_flowable(
                        block.table,
                        self._cell,
                        markup.width,
                        styles.get("cell"),
                        styles.width,
                        rtl=False,
                    )
                )
                continue
            style = styles.get(block.style)
            if block.style == "title" and block.bullet:
                style = _hanging_title(style, markup.width(block.bullet, style.fontSize))
            source = markup.runs(block.runs)
            if block.bullet:
                source = f"<bullet>{markup.runs(block.bullet)}</bullet>{source}"
            self.paragraphs.append(self.paragraph_class(source, style))

    def _cell(self, runs: list[Run], style: ParagraphStyle) -> Paragraph:
        return self.paragraph_class(self.markup.runs(runs), style)

    def note(self, index: int) -> Paragraph:
        """The marker hangs in the indent; a note without text keeps its marker."""
        note = self.plan.notes[index]
        marker = self.markup.runs([Run("note", note.marker)])
        body = self.markup.runs(self.plan.note_runs[index])
        return self.paragraph_class(f"<super>{marker}</super>{body}", self.styles.get("note"))


class RtlStory:
    """Every right-to-left paragraph of a document, shaped before its fonts are built."""

    def __init__(self, plan: Plan, text: RtlText, styles: Styles) -> None:
        self.plan = plan
        self.text = text
        self.styles = styles
        self.paragraphs: list[RtlParagraph | None] = []
        for block in plan.blocks:
            if block.style == ENDNOTE_RULE:
                self.paragraphs.append(None)
                continue
            if block.table is not None:
                self.paragraphs.append(
                    table_flowable(
                        block.table,
                        self._cell,
                        self._width,
                        styles.get("cell"),
                        styles.width,
                        rtl=True,
                    )
                )
                continue
            style = styles.get(block.style)
            size = float(style.fontSize)
            pieces = text.pieces(block.runs, size, block.style)
            bullet = text.pieces(block.bullet, size, block.style) if block.bullet else None
            if block.style == "title" and bullet:
                style = _hanging_title(style, sum(piece.width for piece in bullet))
            self.paragraphs.append(
                RtlParagraph(pieces, style, text.fonts, bullet, note_callback=NOTE_CALLBACK)
            )
        note_style = styles.get("note")
        self._notes: list[tuple[list[Piece], Any]] = []
        for note, note_runs in zip(plan.notes, plan.note_runs, strict=True):
            runs = [Run("note", note.marker, -1), *note_runs]
            self._notes.append(
                (
                    text.pieces(runs, float(note_style.fontSize), "footnote", callbacks=False),
                    note_style,
                )
            )

    def _cell(self, runs: list[Run], style: ParagraphStyle) -> RtlParagraph:
        pieces = self.text.pieces(runs, float(style.fontSize), "table")
        return RtlParagraph(pieces, style, self.text.fonts, note_callback=NOTE_CALLBACK)

    def _width(self, runs: list[Run], size: float) -> float:
        return sum(piece.width for piece in self.text.pieces(runs, size, "table"))

    def note(self, index: int) -> RtlParagraph:
        pieces, style = self._notes[index]
        return RtlParagraph(pieces, style, self.text.fonts)


def note_labels(flowable: Any) -> list[str]:
    """The labels of the footnote markers a flowable of the story prints."""
    notes = getattr(flowable, "notes", None)
    if notes is not None:
        found: list[str] = notes()
        return found
    content = getattr(flowable, "_content", None)  # reportlab's KeepTogether
    if content is not None:
        return [label for item in content for label in note_labels(item)]
    cells = getattr(flowable, "_cellvalues", None)  # reportlab's Table, or a part of one
    if cells is not None:
        return [
            label
            for row in cells
            for value in row
            if isinstance(value, list)
            for item in value
            for label in note_labels(item)
        ]
    return []


def story_flowables(plan: Plan, story: Story, masthead: Flowable, typo: Typography) -> list[Any]:
    """The story to lay out: the masthead, then every block in order."""
    flowables: list[Any] = [masthead]
    for block, paragraph in zip(plan.blocks, story.paragraphs, strict=True):
        if block.new_page:
            flowables.append(PageBreak())
        if paragraph is None:
            flowables.append(CondPageBreak(4 * typo.note_leading))
            flowables.append(Spacer(1, typo.body_leading))
            continue
        paragraph.keepWithNext = block.keep_with_next
        flowables.append(paragraph)
    return flowables
