"""The PDF writer (``--to pdf``): an A4 page set like a UN resolution, fonts embedded.

Layout: a masthead on the first page (organization and symbol over a rule, the Assembly,
distribution and date; mirrored in Arabic) and the cover lines the model has; the number
and title in the title
face (Noto Sans SC bold in Chinese, Noto Serif bold otherwise); the authority line;
preambular paragraphs with a first-line indent and the language's initial-word
style; numbered operative paragraphs with the number in the indent; subparagraphs
hanging one level deeper each; headings; the adoption block; each annex on a new
page; footnotes at the foot of the page that refers to them; the symbol and "n/N"
on every later page.

Text is given to reportlab's `Paragraph`, which reads markup: every piece of text is
escaped, resconv writes only its own tags with constant attributes, and reportlab's
colour-expression evaluation is switched off (CVE-2023-33733). Each character is set
in the first face of its role's chain that has it (`pdf_style`); a character that no
face has is a `MissingGlyphError`, never an empty box. Fonts come from
`resconv.fonts`: each face is embedded as a small subset built from cached glyphs.

Right-to-left documents (Arabic) do not use `Paragraph`: `pdf_rtl` shapes, breaks and
reorders their text and draws the glyphs itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.toColorCanUse = None  # no evaluation of colour expressions (CVE-2023-33733)

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph  # noqa: E402
from reportlab.platypus.flowables import CondPageBreak, Flowable, PageBreak, Spacer  # noqa: E402

from resconv.errors import FontError, InternalError, MissingGlyphError  # noqa: E402
from resconv.fonts import Face, build_font, library  # noqa: E402
from resconv.lang import language  # noqa: E402
from resconv.model import (  # noqa: E402
    Annex,
    Block,
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
from resconv.writers.pdf_bidi import base_direction  # noqa: E402
from resconv.writers.pdf_linebreak import KinsokuParagraph, install_justification  # noqa: E402
from resconv.writers.pdf_rtl import Fonts as RtlFonts  # noqa: E402
from resconv.writers.pdf_rtl import (  # noqa: E402
    GlyphCodes,
    Piece,
    RtlParagraph,
    Span,
    draw_pieces,
    register_fonts,
    shape_spans,
)
from resconv.writers.pdf_style import WIDE_PUNCTUATION, Typography, typography  # noqa: E402

__all__ = ["PdfWriter"]

_MARGIN_X = 72.0
_MARGIN_TOP = 72.0
_MARGIN_BOTTOM = 64.0
_HEADER_GAP = 20.0
_NOTE_RULE = 72.0
_NOTE_GAP = 8.0
_NOTE_CALLBACK = "resconv_note"
_PAGE_DIGITS = "0123456789/"
_MAX_PASSES = 5
_MISSING_SHOWN = 20

_build_lock = threading.Lock()
"""reportlab's font registry and configuration are process-global."""


@dataclass(frozen=True, slots=True)
class _Run:
    """Text in one role; a footnote marker when `note` is set."""

    role: str
    text: str
    note: int | None = None


@dataclass(slots=True)
class _Block:
    """One paragraph to set: its style, its runs, and its number (hung in the indent)."""

    style: str
    runs: list[_Run]
    bullet: list[_Run] = field(default_factory=list)
    keep_with_next: bool = False
    new_page: bool = False


@dataclass(frozen=True, slots=True)
class _Masthead:
    """What page 1 prints above the rules: only what the model and language table give."""

    organization: str
    assembly: str
    symbol: str
    distribution: tuple[str, ...]
    """"Distr.: General" and the date, when the model has them."""


@dataclass(slots=True)
class _Plan:
    """The document reduced to blocks, plus what it needs from the fonts."""

    blocks: list[_Block]
    notes: list[Footnote]
    unreferenced: list[int]
    symbol: str
    title: str
    masthead: _Masthead


class _FaceChooser:
    """Picks the face of each character and records what each face must hold."""

    def __init__(self, typo: Typography) -> None:
        self._typo = typo
        self._library = library()
        self._faces: dict[str, Face] = {}
        self._choice: dict[tuple[str, str], str | None] = {}
        self.used: dict[str, set[int]] = {}
        self.missing: dict[str, set[str]] = {}
        self._segments: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def face(self, key: str) -> Face:
        found = self._faces.get(key)
        if found is None:
            found = self._faces[key] = self._library.face(key)
        return found

    def _chain(self, role: str, char: str) -> Iterator[str]:
        chain = self._typo.chains[role]
        if self._typo.wide_punctuation and char in WIDE_PUNCTUATION:
            yield from (key for key in chain if self.face(key).spec.script == "han")
        yield from chain

    def choose(self, role: str, char: str) -> str | None:
        """The face for `char` in `role`, or None when no face of the chain has it."""
        memo = (role, char)
        if memo in self._choice:
            return self._choice[memo]
        cp = ord(char)
        chosen = next((key for key in self._chain(role, char) if self.face(key).covers(cp)), None)
        self._choice[memo] = chosen
        return chosen

    def segments(self, role: str, text: str, where: str) -> list[tuple[str, str]]:
        """`text` cut into (face key, text) pieces; uncovered characters are recorded."""
        memo = self._segments.get((role, text))
        if memo is None:
            memo = self._segments[(role, text)] = self._cut(role, text, where)
        return memo

    def _cut(self, role: str, text: str, where: str) -> list[tuple[str, str]]:
        pieces: list[tuple[str, str]] = []
        for char in text:
            if char in "\t\n\r":
                char = " "
            key = self.choose(role, char)
            if key is None:
                if unicodedata.category(char) == "Cf":
                    continue  # invisible format character no face draws: nothing to print
                self.missing.setdefault(char, set()).add(where)
                continue
            if char == " " and pieces:
                if pieces[-1][1].endswith(" "):
                    continue  # one space is enough between words
                if self.face(pieces[-1][0]).covers(0x20):
                    key = pieces[-1][0]
            self.used.setdefault(key, set()).add(ord(char))
            if pieces and pieces[-1][0] == key:
                pieces[-1] = (key, pieces[-1][1] + char)
            else:
                pieces.append((key, char))
        return pieces

    def check(self) -> None:
        """Raise `MissingGlyphError` naming every character no face has."""
        if not self.missing:
            return
        listed = sorted(self.missing)
        described = ", ".join(
            f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')} "
            f"(in {', '.join(sorted(self.missing[char]))})"
            for char in listed[:_MISSING_SHOWN]
        )
        more = f" and {len(listed) - _MISSING_SHOWN} more" if len(listed) > _MISSING_SHOWN else ""
        raise MissingGlyphError(
            f"{len(listed)} character(s) are in none of the PDF fonts: {described}{more}"
        )


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
        self.blocks: list[_Block] = []

    def plan(self) -> _Plan:
        res = self.resolution
        cover = res.cover
        typo, lang = self.typo, self.lang
        agenda = lang.agenda_item.format(cover.agenda_item) if cover.agenda_item else None
        for line, role, style in (
            (cover.session_text, "body", "cover"),
            (agenda, "body", "cover"),
            (cover.agenda_title, "bold", "cover"),
            (cover.adopted_line, "bold", "cover-adopted"),
            (cover.committee_line, "body", "cover"),
        ):
            if line:
                self.blocks.append(_Block(style, [_Run(role, line)], keep_with_next=True))
        title = self._inlines(res.title, "title")
        number = typo.title_number.format(res.number)
        if plain_text(res.title).lstrip().startswith(res.number):
            self.blocks.append(_Block("title", title, keep_with_next=True))
        else:
            self.blocks.append(_Block("title", title, [_Run("title", number)], True))
        self.blocks.append(_Block("authority", [_Run("body", res.authority)]))
        for para in res.preamble:
            self._preambular(para)
        for block in res.operative:
            self._block(block)
        self._adoption()
        for annex in res.annexes:
            self._annex(annex)
        unreferenced = [i for i in range(len(self.notes)) if i not in self._referenced]
        if unreferenced:
            # Notes no text refers to are kept, after the last block, under a rule.
            self.blocks.append(_Block("endnote-rule", []))
            for i in unreferenced:
                note = self.notes[i]
                runs = [_Run("note", note.marker, -1), _Run("note", " " + (note.text or ""))]
                self.blocks.append(_Block("note", runs))
        distribution: list[str] = []
        if cover.distribution:
            word = lang.distribution_word(cover.distribution)
            distribution.append(lang.distribution.format(word))
        if cover.distribution_date_text:
            distribution.append(cover.distribution_date_text)
        masthead = _Masthead(lang.organization, lang.assembly, res.symbol, tuple(distribution))
        return _Plan(
            self.blocks, self.notes, unreferenced, res.symbol, plain_text(res.title), masthead
        )

    def _inlines(self, inlines: Inlines, role: str, initial: str = "") -> list[_Run]:
        """Runs for `inlines`; the first `len(initial)` characters in the emphasis role."""
        runs: list[_Run] = []
        pending = len(initial)
        for piece in inlines:
            if isinstance(piece, Text):
                text = piece.text
                if pending:
                    head, text = text[:pending], text[pending:]
                    pending -= len(head)
                    runs.append(_Run(self.emphasis, head))
                if text:
                    runs.append(_Run(role, text))
            elif isinstance(piece, FootnoteRef):
                index = self._note_index.get(piece.marker)
                if index is not None:
                    self._referenced.add(index)
                runs.append(_Run("body", piece.marker, index if index is not None else -1))
        return runs

    def _preambular(self, para: PreambularParagraph) -> None:
        self.blocks.append(
            _Block("preamble", self._inlines(para.content, "body", para.initial_words))
        )
        self._subparagraphs(para.subparagraphs, 1)
        if para.wrap_up:
            self.blocks.append(_Block("wrapup-0", self._inlines(para.wrap_up, "body")))

    def _block(self, block: Block) -> None:
        if isinstance(block, Heading):
            text = self._inlines(block.text, "title")
            if block.number:
                text = [_Run("title", f"{block.number} "), *text]
            self.blocks.append(_Block("heading", text, keep_with_next=True))
            return
        self._operative(block)

    def _operative(self, para: OperativeParagraph) -> None:
        runs = self._inlines(para.content, "body", para.initial_words)
        if para.number:
            self.blocks.append(_Block("operative", runs, [_Run("body", para.number)]))
        else:
            self.blocks.append(_Block("preamble", runs))
        self._subparagraphs(para.subparagraphs, 1)
        if para.wrap_up:
            self.blocks.append(_Block("wrapup-0", self._inlines(para.wrap_up, "body")))

    def _subparagraphs(self, subs: tuple[Subparagraph, ...], level: int) -> None:
        for sub in subs:
            self.blocks.append(
                _Block(
                    f"sub-{level}", self._inlines(sub.content, "body"), [_Run("body", sub.number)]
                )
            )
            self._subparagraphs(sub.subparagraphs, level + 1)
            if sub.wrap_up:
                self.blocks.append(_Block(f"wrapup-{level}", self._inlines(sub.wrap_up, "body")))

    def _adoption(self) -> None:
        adoption = self.resolution.adoption
        if adoption is None:
            return
        texts = {"date": adoption.date_text, "meeting": adoption.meeting_text}
        shown = [texts[key] for key in self.lang.adoption_order if texts[key]]
        for i, line in enumerate(shown):
            self.blocks.append(
                _Block(
                    "adoption" if i else "adoption-first",
                    [_Run("body", line)],
                    keep_with_next=i < len(shown) - 1,
                )
            )

    def _annex(self, annex: Annex) -> None:
        self.blocks.append(
            _Block("annex-label", [_Run("title", annex.label)], keep_with_next=True, new_page=True)
        )
        if annex.title:
            self.blocks.append(
                _Block("annex-title", self._inlines(annex.title, "title"), keep_with_next=True)
            )
        for para in annex.preamble:
            self._preambular(para)
        for block in annex.body:
            self._block(block)


@dataclass(slots=True)
class _Fonts:
    """The registered font of each face used by one document."""

    names: dict[str, str]
    faces: dict[str, Face]

    def name(self, key: str) -> str:
        return self.names[key]


def _register(chooser: _FaceChooser) -> _Fonts:
    names: dict[str, str] = {}
    faces: dict[str, Face] = {}
    for key in sorted(chooser.used):
        face = chooser.face(key)
        try:
            data = build_font(face, face.glyphs(chooser.used[key]))
        except FontError:
            raise
        except Exception as exc:  # fontTools raises many kinds; none may escape as-is
            raise FontError(f"cannot build the {face.spec.family} subset: {exc}") from exc
        name = f"rc-{key}-{hashlib.sha1(data).hexdigest()[:12]}"
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
        names[key] = name
        faces[key] = face
    return _Fonts(names, faces)


@contextlib.contextmanager
def _own_face_names() -> Iterator[None]:
    """Hide fonts that others registered under the same face names while a document builds.

    reportlab keys TrueType faces by PostScript name: had the application (or an earlier
    caller) registered a "NotoSerifSC-Regular" of its own, `registerFont` would silently map
    this document's subset to that font, and the PDF would lack glyphs. The registry is
    restored afterwards, so the caller's fonts keep working.
    """
    saved = dict(pdfmetrics._dynFaceNames)
    pdfmetrics._dynFaceNames.clear()
    try:
        yield
    finally:
        pdfmetrics._dynFaceNames.clear()
        pdfmetrics._dynFaceNames.update(saved)


def _unregister_names(names: list[str]) -> None:
    """Drop the document's fonts from reportlab's global registry.

    reportlab keys TrueType faces by their PostScript name, which every subset of a
    face shares: a later document's subset would otherwise be mapped to this one.
    """
    for name in names:
        font = pdfmetrics._fonts.pop(name, None)
        if font is not None:
            face_name = font.face.name
            if pdfmetrics._dynFaceNames.get(face_name) is font:
                del pdfmetrics._dynFaceNames[face_name]


class _Markup:
    """Paragraph markup from runs: escaped text in resconv's own font tags."""

    def __init__(self, chooser: _FaceChooser, fonts: _Fonts, where: str) -> None:
        self._chooser = chooser
        self._fonts = fonts
        self._where = where

    def runs(self, runs: list[_Run]) -> str:
        parts: list[str] = []
        for run in runs:
            pieces = "".join(
                f'<font name="{self._fonts.name(key)}">{escape(text)}</font>'
                for key, text in self._chooser.segments(run.role, run.text, self._where)
            )
            if run.note is None:
                parts.append(pieces)
            else:
                label = str(run.note) if run.note >= 0 else "none"
                callback = f'<onDraw name="{_NOTE_CALLBACK}" label="{label}"/>'
                parts.append(f"{callback}<super>{pieces}</super>")
        return "".join(parts)

    def width(self, runs: list[_Run], size: float) -> float:
        return sum(
            float(pdfmetrics.stringWidth(text, self._fonts.name(key), size))
            for run in runs
            for key, text in self._chooser.segments(run.role, run.text, self._where)
        )


class _Styles:
    """The paragraph styles of one document."""

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
            "header": ParagraphStyle("header", body, fontSize=9, leading=11),
        }

    def get(self, name: str) -> ParagraphStyle:
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


class _Layout:
    """Footnote placement across passes: where markers landed, what room was kept."""

    def __init__(self) -> None:
        self.reserve: dict[int, float] = {}
        self.placed: dict[int, list[int]] = {}
        self.seen: set[int] = set()
        self.pages = 0

    def start_pass(self) -> None:
        self.placed, self.seen, self.pages = {}, set(), 0

    def record(self, page: int, note: int) -> None:
        if note not in self.seen:
            self.seen.add(note)
            self.placed.setdefault(page, []).append(note)


class _Document(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """A4 pages whose frame gives up the room its footnotes need."""

    def __init__(
        self,
        out: io.BytesIO,
        *,
        layout: _Layout,
        draw_notes: Callable[..., float],
        draw_header: Callable[[Canvas, int], None],
        **kwargs: Any,
    ) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=_MARGIN_X,
            rightMargin=_MARGIN_X,
            topMargin=_MARGIN_TOP,
            bottomMargin=_MARGIN_BOTTOM,
            **kwargs,
        )
        self._layout = layout
        self._draw_notes = draw_notes
        self._draw_header = draw_header
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self._frame_bottom, self._frame_height = frame.y1, frame.height
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])

    def _on_page(self, canv: Canvas, doc: Any) -> None:
        self._draw_header(canv, self.page)

    def beforeDocument(self) -> None:
        self.canv.setNamedCB(_NOTE_CALLBACK, self._note_drawn)

    def beforePage(self) -> None:
        room = self._layout.reserve.get(self.page, 0.0)
        frame = self.pageTemplates[0].frames[0]
        frame.y1 = self._frame_bottom + room
        frame.height = self._frame_height - room
        frame._reset()

    def afterPage(self) -> None:
        self._layout.pages = self.page
        notes = self._layout.placed.get(self.page)
        if notes:
            self._draw_notes(self.canv, notes)

    def _note_drawn(self, canv: Canvas, kind: str, label: str | None) -> None:
        if label is not None and label.isdigit():
            self._layout.record(self.page, int(label))


def _numbered_canvas(draw_footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each can show "n/N"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                draw_footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


class _LtrText:
    """Single lines (masthead, running header, page numbers) in code-point fonts."""

    def __init__(self, chooser: _FaceChooser) -> None:
        self._chooser = chooser
        self.fonts: _Fonts | None = None

    def prepare(self, role: str, text: str, size: float) -> None:
        self._chooser.segments(role, text, "masthead")

    def width(self, role: str, text: str, size: float) -> float:
        assert self.fonts is not None
        return sum(
            float(pdfmetrics.stringWidth(piece, self.fonts.name(key), size))
            for key, piece in self._chooser.segments(role, text, "masthead")
        )

    def draw(self, canv: Canvas, role: str, text: str, size: float, x: float, y: float) -> None:
        assert self.fonts is not None
        for key, piece in self._chooser.segments(role, text, "masthead"):
            name = self.fonts.name(key)
            canv.setFont(name, size)
            canv.drawString(x, y, piece)
            x += float(pdfmetrics.stringWidth(piece, name, size))


class _RtlText:
    """Runs shaped and ordered by `pdf_rtl`, for paragraphs and single lines alike."""

    def __init__(self, chooser: _FaceChooser) -> None:
        self._chooser = chooser
        self.codes = GlyphCodes(chooser.face)
        self.fonts = RtlFonts({})
        self._lines: dict[tuple[str, str, float], list[Piece]] = {}

    def spans(
        self, runs: list[_Run], size: float, where: str, *, callbacks: bool = True
    ) -> list[Span]:
        spans: list[Span] = []
        for run in runs:
            run_size, rise, note = size, 0.0, None
            if run.note is not None:
                run_size, rise = size * 0.65, size * 0.4
                if callbacks:
                    note = str(run.note) if run.note >= 0 else "none"
            for key, text in self._chooser.segments(run.role, run.text, where):
                spans.append(Span(key, text, run_size, rise, note))
                note = None  # one callback per marker
        return spans

    def pieces(
        self, runs: list[_Run], size: float, where: str, *, callbacks: bool = True, rtl: bool = True
    ) -> list[Piece]:
        return shape_spans(self.spans(runs, size, where, callbacks=callbacks), self.codes, rtl)

    def prepare(self, role: str, text: str, size: float) -> None:
        self._line(role, text, size)

    def _line(self, role: str, text: str, size: float) -> list[Piece]:
        key = (role, text, size)
        found = self._lines.get(key)
        if found is None:
            # A line on its own takes the direction of its first strong character
            # (UAX #9 P2-P3): "7 July 2023" reads left to right on an Arabic page.
            found = self._lines[key] = self.pieces(
                [_Run(role, text)], size, "masthead", rtl=base_direction(text) != "ltr"
            )
        return found

    def width(self, role: str, text: str, size: float) -> float:
        return sum(piece.width for piece in self._line(role, text, size))

    def draw(self, canv: Canvas, role: str, text: str, size: float, x: float, y: float) -> None:
        if role == "digits":  # page numbers: glyphs shaped one by one beforehand, set LTR
            pieces = [
                replace(piece, level=0) for char in text for piece in self._line("body", char, size)
            ]
        else:
            pieces = self._line(role, text, size)
        draw_pieces(canv, pieces, x, y, self.fonts)


_Text = _LtrText | _RtlText


class _MastheadFlowable(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Page 1's masthead: organization and symbol over a rule, the Assembly, distribution.

    Mirrored in a right-to-left language: the organization and the Assembly on the right.
    """

    _ORG, _SYMBOL, _ASSEMBLY, _DISTR = 10.0, 12.0, 17.0, 9.0

    def __init__(self, masthead: _Masthead, text: _Text, rtl: bool) -> None:
        super().__init__()
        self.masthead = masthead
        self.text = text
        self.rtl = rtl
        self.width = 0.0
        rows = max(len(masthead.distribution) * 11.0, self._ASSEMBLY + 6.0)
        self.height = self._SYMBOL + 6.0 + 8.0 + rows + 6.0
        self.spaceAfter = 14.0

    def lines(self) -> list[tuple[str, str, float]]:
        """Every (role, text, size) it prints, so that fonts hold their glyphs."""
        m = self.masthead
        found = [
            ("bold", m.organization, self._ORG),
            ("bold", m.symbol, self._SYMBOL),
            ("bold", m.assembly, self._ASSEMBLY),
        ]
        found += [("body", line, self._DISTR) for line in m.distribution]
        return [line for line in found if line[1]]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def _put(self, role: str, text: str, size: float, y: float, start: bool) -> None:
        if not text:
            return
        width = self.text.width(role, text, size)
        left = start != self.rtl  # the start side is the left in LTR, the right in RTL
        x = 0.0 if left else self.width - width
        self.text.draw(self.canv, role, text, size, x, y)

    def draw(self) -> None:
        m, canv = self.masthead, self.canv
        top = self.height
        first = top - self._SYMBOL
        self._put("bold", m.organization, self._ORG, first, True)
        self._put("bold", m.symbol, self._SYMBOL, first, False)
        rule = first - 6.0
        canv.saveState()
        canv.setLineWidth(1.5)
        canv.line(0, rule, self.width, rule)
        second = rule - 8.0 - self._ASSEMBLY + 3.0
        self._put("bold", m.assembly, self._ASSEMBLY, second, True)
        y = rule - 8.0 - self._DISTR
        for line in m.distribution:
            self._put("body", line, self._DISTR, y, False)
            y -= 11.0
        canv.setLineWidth(3.0)
        canv.line(0, 1.5, self.width, 1.5)
        canv.restoreState()


class PdfWriter:
    """Print a resolution as an A4 PDF with embedded, subset fonts."""

    name: ClassVar[str] = "pdf"
    suffix: ClassVar[str] = ".pdf"
    media_type: ClassVar[str] = "application/pdf"

    def write(self, resolution: Resolution, /) -> bytes:
        lang = language(resolution.language)
        typo = typography(lang.code)
        rtl = lang.direction == "rtl"
        plan = _Planner(resolution, typo).plan()
        chooser = _FaceChooser(typo)
        # First pass over all text: what every face must hold, and what no face has.
        for block in plan.blocks:
            for run in [*block.runs, *block.bullet]:
                chooser.segments(run.role, run.text, block.style)
        for note in plan.notes:
            chooser.segments("note", note.text or "", "footnote")
            chooser.segments("note", note.marker, "footnote")
        chooser.segments("body", plan.symbol + _PAGE_DIGITS, "header")
        text: _Text = _RtlText(chooser) if rtl else _LtrText(chooser)
        masthead = _MastheadFlowable(plan.masthead, text, rtl)
        for role, line, _size in masthead.lines():
            chooser.segments(role, line, "masthead")
        chooser.check()
        width = A4[0] - 2 * _MARGIN_X
        with _build_lock, _own_face_names():
            rl_config.toColorCanUse = None
            install_justification()
            if isinstance(text, _RtlText):
                story = _RtlStory(plan, text, _Styles(typo, "", width), typo)
                for role, line, size in masthead.lines():
                    text.prepare(role, line, size)
                fonts = self._register_rtl(text)
                names = text.fonts.names
            else:
                fonts = _register(chooser)
                text.fonts = fonts
                names = fonts.names
            try:
                return self._build(
                    resolution,
                    plan,
                    chooser,
                    fonts,
                    typo,
                    lang.bcp47,
                    masthead,
                    text,
                    story if rtl else None,
                )
            finally:
                _unregister_names(list(names.values()))

    @staticmethod
    def _register_rtl(text: _RtlText) -> _Fonts:
        def name_of(key: str, data: bytes) -> str:
            return f"rc-{key}-{hashlib.sha1(data).hexdigest()[:12]}"

        def build(face: Face, glyphs: dict[int, Any]) -> bytes:
            try:
                return build_font(face, glyphs)
            except FontError:
                raise
            except Exception as exc:  # fontTools raises many kinds; none may escape as-is
                raise FontError(f"cannot build the {face.spec.family} subset: {exc}") from exc

        register_fonts(text.codes, build, name_of, text.fonts)
        text.codes.frozen = True
        return _Fonts(dict(text.fonts.names), {})

    def _build(
        self,
        resolution: Resolution,
        plan: _Plan,
        chooser: _FaceChooser,
        fonts: _Fonts,
        typo: Typography,
        lang_tag: str,
        masthead: _MastheadFlowable,
        text: _Text,
        rtl_story: _RtlStory | None,
    ) -> bytes:
        width = A4[0] - 2 * _MARGIN_X
        base_font = next(iter(fonts.names.values()))
        styles = rtl_story.styles if rtl_story is not None else _Styles(typo, base_font, width)
        markup = _Markup(chooser, fonts, "text")
        paragraph_class = KinsokuParagraph if styles.wrap == "CJK" else Paragraph
        note_style = styles.get("note")
        header_size = 9.0

        note_paragraphs: dict[int, tuple[Any, float]] = {}

        def note_paragraph(index: int) -> tuple[Any, float]:
            # The marker hangs in the indent; a note whose text was not in the input
            # still shows its marker, with an empty body.
            found = note_paragraphs.get(index)
            if found is None:
                if rtl_story is not None:
                    para: Any = rtl_story.note(index)
                else:
                    note = plan.notes[index]
                    marker = markup.runs([_Run("note", note.marker)])
                    body = markup.runs([_Run("note", " " + (note.text or ""))])
                    para = paragraph_class(f"<super>{marker}</super>{body}", note_style)
                found = note_paragraphs[index] = (para, float(para.wrap(width, A4[1])[1]))
            return found

        def notes_height(indices: list[int]) -> float:
            gap = float(note_style.spaceAfter)
            return _NOTE_GAP + sum(note_paragraph(index)[1] + gap for index in indices)

        def draw_notes(canv: Canvas, indices: list[int]) -> float:
            height = notes_height(indices)
            top = _MARGIN_BOTTOM + height
            canv.saveState()
            canv.setLineWidth(0.5)
            rule_x = A4[0] - _MARGIN_X - _NOTE_RULE if rtl_story is not None else _MARGIN_X
            canv.line(rule_x, top - 2, rule_x + _NOTE_RULE, top - 2)
            canv.restoreState()
            y = top - _NOTE_GAP
            for index in indices:
                para, h = note_paragraph(index)
                para.drawOn(canv, _MARGIN_X, y - h)
                y -= h + note_style.spaceAfter
            return height

        def draw_header(canv: Canvas, page: int) -> None:
            if page == 1:
                return
            y = A4[1] - _MARGIN_TOP + _HEADER_GAP
            canv.saveState()
            symbol_width = text.width("body", plan.symbol, header_size)
            # The symbol sits on the outer edge: right on odd pages, left on even ones.
            x = A4[0] - _MARGIN_X - symbol_width if page % 2 else _MARGIN_X
            text.draw(canv, "body", plan.symbol, header_size, x, y)
            canv.setLineWidth(0.5)
            canv.line(_MARGIN_X, y - 4, A4[0] - _MARGIN_X, y - 4)
            canv.restoreState()

        def draw_footer(canv: Canvas, page: int, total: int) -> None:
            canv.saveState()
            label = f"{page}/{total}"
            role = "digits" if rtl_story is not None else "body"
            label_width = sum(text.width("body", char, header_size) for char in label)
            text.draw(canv, role, label, header_size, (A4[0] - label_width) / 2, _MARGIN_BOTTOM / 2)
            canv.restoreState()

        parsed: list[Any] = []
        if rtl_story is not None:
            parsed = rtl_story.paragraphs
        else:
            for block in plan.blocks:
                if block.style == "endnote-rule":
                    parsed.append(None)
                    continue
                style = styles.get(block.style)
                if block.style == "title" and block.bullet:
                    # The number hangs: the title's lines align after it.
                    room = markup.width(block.bullet, style.fontSize) + style.fontSize
                    style = ParagraphStyle("title-hanging", style, leftIndent=room)
                source = markup.runs(block.runs)
                if block.bullet:
                    source = f"<bullet>{markup.runs(block.bullet)}</bullet>{source}"
                parsed.append(paragraph_class(source, style))

        def flowables() -> list[Any]:
            """A fresh story (layout changes flowables), from markup parsed once."""
            story: list[Any] = [masthead]
            for block, model in zip(plan.blocks, parsed, strict=True):
                if block.new_page:
                    story.append(PageBreak())
                if model is None:
                    story.append(CondPageBreak(4 * typo.note_leading))
                    story.append(Spacer(1, typo.body_leading))
                    continue
                if isinstance(model, RtlParagraph):
                    para = model.fresh()
                else:
                    bullet = model.bulletText
                    if isinstance(bullet, list):
                        bullet = [frag.clone() for frag in bullet]
                    para = paragraph_class(
                        model.text,
                        model.style,
                        bulletText=bullet,
                        frags=[frag.clone() for frag in model.frags],
                    )
                para.keepWithNext = block.keep_with_next
                story.append(para)
            return story

        layout = _Layout()
        canvas_class = _numbered_canvas(draw_footer)
        result = b""
        for attempt in range(_MAX_PASSES):
            layout.start_pass()
            out = io.BytesIO()
            doc = _Document(
                out,
                layout=layout,
                draw_notes=draw_notes,
                draw_header=draw_header,
                title=plan.title,
                subject=plan.symbol,
                author="United Nations General Assembly",
                creator="resconv",
                lang=lang_tag,
                invariant=1,
                initialFontName=base_font,
                initialFontSize=typo.body_size,
            )
            # Lay out without writing the file; write only once the notes have room.
            doc._doSave = 0
            doc.build(flowables(), canvasmaker=canvas_class)
            needed = {page: notes_height(notes) for page, notes in layout.placed.items()}
            settled = all(
                layout.reserve.get(page, 0.0) >= need - 0.01 for page, need in needed.items()
            )
            if settled or attempt == _MAX_PASSES - 1:
                doc.canv.save()
                result = out.getvalue()
                break
            if attempt < 2:
                layout.reserve = needed
            else:  # from the third pass on, room only grows: the layout must settle
                for page, need in needed.items():
                    layout.reserve[page] = max(layout.reserve.get(page, 0.0), need)
        return result


class _RtlStory:
    """Every right-to-left paragraph of a document, shaped before its fonts are built."""

    def __init__(self, plan: _Plan, text: _RtlText, styles: _Styles, typo: Typography) -> None:
        self.plan = plan
        self.text = text
        self.styles = styles
        self.paragraphs: list[RtlParagraph | None] = []
        for block in plan.blocks:
            if block.style == "endnote-rule":
                self.paragraphs.append(None)
                continue
            style = styles.get(block.style)
            size = float(style.fontSize)
            pieces = text.pieces(block.runs, size, block.style)
            bullet = text.pieces(block.bullet, size, block.style) if block.bullet else None
            if block.style == "title" and bullet:
                room = sum(piece.width for piece in bullet) + size
                style = ParagraphStyle("title-hanging", style, leftIndent=room)
            self.paragraphs.append(
                RtlParagraph(pieces, style, text.fonts, bullet, note_callback=_NOTE_CALLBACK)
            )
        note_style = styles.get("note")
        self._notes: list[tuple[list[Piece], Any]] = []
        for note in plan.notes:
            runs = [_Run("note", note.marker, -1), _Run("note", " " + (note.text or ""))]
            self._notes.append(
                (
                    text.pieces(runs, float(note_style.fontSize), "footnote", callbacks=False),
                    note_style,
                )
            )
        for char in _PAGE_DIGITS:
            text.prepare("body", char, 9.0)
        text.prepare("body", plan.symbol, 9.0)

    def note(self, index: int) -> RtlParagraph:
        pieces, style = self._notes[index]
        return RtlParagraph(pieces, style, self.text.fonts)
