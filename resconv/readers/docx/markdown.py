"""A Word document written as the Markdown-like text the text reader reads.

Each paragraph of the body becomes one line: its numbering (Word's automatic numbers
rendered as printed), its text with tabs as spaces and line breaks kept, `*…*` around
the italic (in Chinese, bold) words it opens with, `[^n]` where a footnote is referenced.
The first page's header (the masthead) and footer (the job number) come first as cover
lines; the footnotes' text follows as `[^n]: …` definitions. Running headers and footers
are furniture and left out. A table of the body is handed over whole (`tables`): its
place in the text is a mark line (`table_mark`) that the reader replaces by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from resconv.model import Table
from resconv.readers.docx.package import Package
from resconv.readers.docx.styles import Numbering, Styles
from resconv.readers.docx.tables import Piece, read_table
from resconv.readers.markup import (
    TITLE,
    emphasis_styles,
    heading_lines,
    mark_initial,
    mostly_cjk,
    plain_key,
    table_mark,
)

__all__ = ["write_markdown"]

_SPACES = re.compile(r"[ \t\r\n\f\v]+")
"""Layout whitespace; a no-break space is text and stays."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SKIPPED = frozenset(
    W + tag for tag in ("del", "delText", "instrText", "rPr", "pPr", "moveFrom", "fldData")
)
_CONTAINERS = frozenset(
    W + tag for tag in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "moveTo")
)


@dataclass(slots=True)
class _Piece:
    text: str
    italic: bool = False
    bold: bool = False
    marker: str | None = None


@dataclass(slots=True)
class _Reading:
    """State of one reading: footnote numbers given so far, notes referenced."""

    package: Package
    styles: Styles
    numbering: Numbering
    notes: dict[str, etree._Element]
    next_number: int = 1
    referenced: dict[str, str] = field(default_factory=dict)
    """Footnote id → marker, in the order first referenced."""
    tables: list[Table] = field(default_factory=list)
    plain: set[str] = field(default_factory=set)
    """The keys (`plain_key`) of unnumbered paragraphs set as running text (a first-line
    indent, not bold, not centred)."""


def write_markdown(package: Package) -> tuple[str, list[Table], set[str]]:
    """The Markdown of the Word package's main document, the tables it marks, and the
    keys of the unnumbered paragraphs it sets as running text (not as headings)."""
    main = package.main_part()
    document = package.xml(main)
    if document is None or document.find(f"{W}body") is None:
        raise package.refuse("not a Word document (no document body)")
    styles = Styles(package.xml("word/styles.xml"))
    numbering = Numbering(package.xml("word/numbering.xml"), styles)
    related = package.related(main)
    notes_part = next((t for t in related.values() if t.endswith("footnotes.xml")), None)
    notes: dict[str, etree._Element] = {}
    if notes_part is not None:
        root = package.xml(notes_part)
        if root is not None:
            for note in root.iter(f"{W}footnote"):
                if note.get(f"{W}type") in (None, "normal"):
                    notes[note.get(f"{W}id") or ""] = note
    reading = _Reading(package, styles, numbering, notes)
    body = document.find(f"{W}body")
    assert body is not None
    paragraphs = [_block(element, reading) for element in _blocks(body)]
    lines: list[str] = []
    cover = _first_page_furniture(body, related, reading)
    title_at = next((i for i, text in enumerate(paragraphs) if TITLE.match(text)), 0)
    lines.extend(cover)
    lines.extend(text for text in paragraphs[:title_at] if text)
    lines.append("")
    for text in paragraphs[title_at:]:
        if text:
            lines.extend((text, ""))
    for note_id, marker in reading.referenced.items():
        body = notes.get(note_id)
        if body is not None:
            text = _SPACES.sub(" ", _plain(body, reading)).strip(" ")
            lines.append(f"[^{marker}]: {text}")
    return "\n".join(lines) + "\n", reading.tables, reading.plain


def _blocks(parent: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraphs and tables in reading order."""
    for child in parent:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in (f"{W}sdt", f"{W}sdtContent"):
            yield from _blocks(child)


def _block(element: etree._Element, reading: _Reading) -> str:
    """A paragraph's line, or a table's mark (a table of one cell is read as its text)."""
    if element.tag == f"{W}p":
        return _paragraph(element, reading)
    cells = element.findall(f"{W}tr/{W}tc")
    if len(cells) <= 1:
        return "\n\n".join(
            text for text in (_paragraph(p, reading) for p in _paragraphs(element)) if text
        )
    reading.tables.append(read_table(element, lambda p: _cell_pieces(p, reading)))
    return table_mark(len(reading.tables) - 1)


def _cell_pieces(paragraph: etree._Element, reading: _Reading) -> list[Piece]:
    style = reading.styles.paragraph_style(paragraph)
    label = reading.numbering.label(paragraph, style)
    pieces: list[Piece] = [(label + " ", None)] if label else []
    for piece in _pieces(paragraph, reading, style):
        pieces.append(("", piece.marker) if piece.marker is not None else (piece.text, None))
    return pieces


def _paragraphs(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs in reading order, those of table cells included."""
    for child in parent:
        if child.tag == f"{W}p":
            yield child
        elif child.tag in (f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent"):
            yield from _paragraphs(child)


def _first_page_furniture(
    body: etree._Element, related: dict[str, str], reading: _Reading
) -> list[str]:
    """The masthead and job number: the first page's header and footer, as cover lines."""
    section = body.find(f"{W}sectPr")
    if section is None:
        return []
    first_page = section.find(f"{W}titlePg") is not None
    lines: list[str] = []
    for kind in ("headerReference", "footerReference"):
        chosen = None
        for ref in section.findall(f"{W}{kind}"):
            wanted = "first" if first_page else "default"
            if ref.get(f"{W}type", "default") == wanted:
                chosen = related.get(ref.get(f"{R}id") or "")
        if chosen is None:
            continue
        root = reading.package.xml(chosen)
        if root is None:
            continue
        for paragraph in _paragraphs(root):
            text = _SPACES.sub(" ", _plain(paragraph, reading)).strip(" ")
            if text:
                lines.append(text)
    return lines


def _paragraph(paragraph: etree._Element, reading: _Reading) -> str:
    style = reading.styles.paragraph_style(paragraph)
    label = reading.numbering.label(paragraph, style)
    pieces = list(_pieces(paragraph, reading, style))
    text = _join(pieces)
    if label:
        text = f"{label} {text}" if text else label
    if not text.strip():
        return ""
    chinese = mostly_cjk(text)
    italic, bold = emphasis_styles(text)
    runs = [
        (p.text, (italic and p.italic) or (bold and p.bold)) for p in pieces if p.marker is None
    ]
    if label:
        runs.insert(0, (label + " ", False))
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    strong = all(p.bold for p in pieces if p.marker is None and p.text.strip())
    if not chinese and strong:
        return heading_lines("\n".join(line for line in lines if line))  # a title or heading
    if not label and not strong and reading.styles.running_text(paragraph, style):
        reading.plain.add(plain_key(text))
    lines[0] = mark_initial(lines[0], runs)
    return "\n".join(line for line in lines if line)


def _pieces(element: etree._Element, reading: _Reading, style: str | None) -> Iterator[_Piece]:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == f"{W}r":
            yield from _run(child, reading, style)
        elif tag in _CONTAINERS:
            yield from _pieces(child, reading, style)


def _run(run: etree._Element, reading: _Reading, style: str | None) -> Iterator[_Piece]:
    look = reading.styles.run_look(run, style)
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            if look.superscript and _looks_like_marker(child.text or ""):
                yield _Piece("", marker=(child.text or "").strip())
            else:
                yield _Piece(child.text or "", look.italic, look.bold)
        elif tag == f"{W}tab" or tag == f"{W}ptab":
            yield _Piece(" ", look.italic, look.bold)
        elif tag in (f"{W}br", f"{W}cr"):
            if child.get(f"{W}type") not in ("page", "column"):
                yield _Piece("\n")
        elif tag == f"{W}noBreakHyphen":
            yield _Piece("\u2011", look.italic, look.bold)
        elif tag == f"{W}sym":
            code = child.get(f"{W}char") or ""
            try:
                yield _Piece(chr(int(code, 16)), look.italic, look.bold)
            except ValueError:
                continue
        elif tag == f"{W}footnoteReference":
            note_id = child.get(f"{W}id") or ""
            if child.get(f"{W}customMarkFollows") in ("1", "true", "on"):
                following = child.getnext()
                mark = (following.text or "").strip() if following is not None else ""
                reading.referenced.setdefault(note_id, mark or str(reading.next_number))
                yield _Piece("", marker=reading.referenced[note_id])
                return  # the custom mark's text is the marker itself
            if note_id not in reading.referenced:
                reading.referenced[note_id] = str(reading.next_number)
                reading.next_number += 1
            yield _Piece("", marker=reading.referenced[note_id])


def _looks_like_marker(text: str) -> bool:
    stripped = text.strip().strip("()")
    return bool(stripped) and len(stripped) <= 3 and (stripped.isdigit() or set(stripped) == {"*"})


def _join(pieces: list[_Piece]) -> str:
    out: list[str] = []
    for piece in pieces:
        if piece.marker is not None:
            while out and out[-1].endswith(" ") and not out[-1].strip():
                out.pop()
            out.append(f"[^{piece.marker}]")
        else:
            out.append(piece.text)
    return "".join(out)


def _plain(element: etree._Element, reading: _Reading) -> str:
    """A footnote's or header's text, without its own reference mark."""
    parts: list[str] = []
    for paragraph in _paragraphs(element) if element.tag != f"{W}p" else [element]:
        style = reading.styles.paragraph_style(paragraph)
        text = ""
        for run in paragraph.iter(f"{W}r"):
            if run.find(f"{W}footnoteRef") is not None:
                continue
            if reading.styles.run_look(run, style).superscript and run is _first_run(paragraph):
                continue  # a custom mark repeated at the note's head
            for child in run:
                if child.tag == f"{W}t":
                    text += child.text or ""
                elif child.tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                    text += " "
                elif child.tag == f"{W}noBreakHyphen":
                    text += "\u2011"
        parts.append(text)
    return " ".join(parts)


def _first_run(paragraph: etree._Element) -> etree._Element | None:
    return next(paragraph.iter(f"{W}r"), None)
