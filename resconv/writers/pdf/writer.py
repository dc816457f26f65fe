"""The PDF writer (``--to pdf``): an A4 page set like a UN resolution, fonts embedded.

Layout: a masthead on the first page (organization and symbol over a rule, the Assembly,
distribution and date; mirrored in Arabic) and the cover lines the model has; the number
and title in the title face (Noto Sans SC bold in Chinese, Noto Serif bold otherwise); the
authority line; preambular paragraphs with a first-line indent and the language's
initial-word style; numbered operative paragraphs with the number in the indent;
subparagraphs hanging one level deeper each; headings; the adoption block; each annex on
a new page; footnotes at the foot of the page that refers to them; the symbol and "n/N"
on every later page.

The writer runs in steps, one module each: the model becomes a plan of blocks
(`pdf_plan`); every character gets its face and the document's subsets are built and
registered (`pdf_fonts`); blocks become paragraphs (`pdf_text`, `pdf_paragraphs`), and
pages are laid out around them (`pdf_page`) once, each keeping room for its footnotes.
reportlab's colour-expression evaluation is switched off here (CVE-2023-33733), at import
and before every build. Right-to-left documents (Arabic) do not use reportlab's
`Paragraph`: `pdf_rtl` shapes, breaks and reorders their text and draws the glyphs itself.
"""

from __future__ import annotations

import io
from typing import ClassVar

from reportlab import rl_config

rl_config.toColorCanUse = None  # no evaluation of colour expressions (CVE-2023-33733)

from resconv.fonts.embedded import Fonts  # noqa: E402
from resconv.lang import language  # noqa: E402
from resconv.model import Resolution  # noqa: E402
from resconv.writers.pdf.fonts import (  # noqa: E402
    FaceChooser,
    font_registry,
    register_shaped_subsets,
    register_subsets,
    unregister,
)
from resconv.writers.pdf.linebreak import install_justification  # noqa: E402
from resconv.writers.pdf.page import (  # noqa: E402
    BODY_WIDTH,
    FootnoteArea,
    Layout,
    MastheadFlowable,
    PageDocument,
    RunningLines,
    numbered_canvas,
)
from resconv.writers.pdf.paragraphs import (  # noqa: E402
    LtrStory,
    RtlStory,
    Story,
    Styles,
    note_labels,
    story_flowables,
)
from resconv.writers.pdf.plan import Plan, resolution_plan  # noqa: E402
from resconv.writers.pdf.style import Typography, typography  # noqa: E402
from resconv.writers.pdf.text import LineText, LtrText, Markup, RtlText  # noqa: E402

__all__ = ["PdfWriter"]


class PdfWriter:
    """Print a resolution as an A4 PDF with embedded, subset fonts."""

    name: ClassVar[str] = "pdf"
    suffix: ClassVar[str] = ".pdf"
    media_type: ClassVar[str] = "application/pdf"

    def write(self, resolution: Resolution, /) -> bytes:
        lang = language(resolution.language)
        typesetting = typography(lang.code)
        rtl = lang.direction == "rtl"
        plan = resolution_plan(resolution, typesetting)
        chooser = FaceChooser(typesetting)
        text: LineText = RtlText(chooser) if rtl else LtrText(chooser)
        running = RunningLines(text, plan.symbol, rtl)
        masthead = MastheadFlowable(plan.masthead, text, rtl)
        _choose_faces(chooser, plan, running, masthead)
        with font_registry():
            rl_config.toColorCanUse = None
            install_justification()
            try:
                story = _story(plan, chooser, text, typesetting, running, masthead)
                return _lay_out(plan, story, text.fonts, typesetting, lang.bcp47, masthead, running)
            finally:
                unregister(text.fonts)


def _choose_faces(
    chooser: FaceChooser, plan: Plan, running: RunningLines, masthead: MastheadFlowable
) -> None:
    """Give every character printed its face; fail before any font is built if one has none."""
    for block in plan.blocks:
        for runs in block.texts():
            for run in runs:
                chooser.segments(run.role, run.text, block.style)
    for note, runs in zip(plan.notes, plan.note_runs, strict=True):
        for run in runs:
            chooser.segments("note", run.text, "footnote")
        chooser.segments("note", note.marker, "footnote")
    chooser.segments("body", running.glyph_text(), "header")
    for role, line, _size in masthead.lines():
        chooser.segments(role, line, "masthead")
    chooser.check()


def _story(
    plan: Plan,
    chooser: FaceChooser,
    text: LineText,
    typesetting: Typography,
    running: RunningLines,
    masthead: MastheadFlowable,
) -> Story:
    """The document's paragraphs, its fonts built and registered into `text.fonts`.

    Right-to-left text is shaped first, page lines included: a shaped font holds exactly
    the glyphs shaped before it was built.
    """
    if isinstance(text, RtlText):
        story = RtlStory(plan, text, Styles(typesetting, "", BODY_WIDTH))
        for role, line, size in [*running.texts(), *masthead.lines()]:
            text.prepare(role, line, size)
        register_shaped_subsets(text.codes, text.fonts)
        return story
    register_subsets(chooser, text.fonts)
    styles = Styles(typesetting, _base_font(text.fonts), BODY_WIDTH)
    return LtrStory(plan, Markup(chooser, text.fonts, "text"), styles)


def _lay_out(
    plan: Plan,
    story: Story,
    fonts: Fonts,
    typesetting: Typography,
    lang_tag: str,
    masthead: MastheadFlowable,
    running: RunningLines,
) -> bytes:
    """Lay the story out once; each page keeps room for the notes its text refers to."""
    notes = FootnoteArea(story.note, story.styles.get("note"), running.rtl)
    out = io.BytesIO()
    doc = PageDocument(
        out,
        layout=Layout(),
        note_labels=note_labels,
        notes_height=notes.height,
        draw_notes=notes.draw,
        draw_header=running.header,
        title=plan.title,
        subject=plan.symbol,
        author="United Nations General Assembly",
        creator="resconv",
        lang=lang_tag,
        invariant=1,
        initialFontName=_base_font(fonts),
        initialFontSize=typesetting.body_size,
    )
    doc.build(
        story_flowables(plan, story, masthead, typesetting),
        canvasmaker=numbered_canvas(running.footer),
    )
    return out.getvalue()


def _base_font(fonts: Fonts) -> str:
    """The font every page starts in: one of the document's own, not an unembedded standard one."""
    return next(iter(fonts.names.values()))
