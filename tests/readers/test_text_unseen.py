"""The text reader on resolutions it was not tuned on, against the UN's own Akoma Ntoso.

For every General Assembly resolution the UN publishes as AKN here (all languages), the
test lays the UN's text out the way users have it, then reads it back and compares every
part with the XML it came from:

- ``pdf``: a PDF extraction. A cover block; the number and title line; hard wraps (about
  85 Latin characters, or 40 Han characters with a blank line after every line and a
  leading space at each paragraph, as in the Chinese seed); Latin operative and
  subparagraph numbers alone on their line; footnote markers glued to the word before
  them (Latin) or alone on a line after the line that carries them (Chinese); page breaks
  inside a paragraph and inside a list of subparagraphs, each with the footnotes of the
  page after ``_______________`` and a running header (symbol, title, job number, page
  number); the adoption block; an annex on a page of its own.
- ``copied``: the same without blank lines, as copied from a PDF viewer.
- ``reflowed``: one paragraph a line, numbers inline, Markdown footnotes after ``---``.

Then a page break is put after every line of the PDF layout in turn: nothing may change.
Nothing is tuned on these files: the layouts come from the real extractions in
``../shared/corpus/en`` and the seed, and the expected values straight from the XML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from resconv import xmlsafe
from resconv.model import (
    Annex,
    Block,
    Heading,
    Inlines,
    OperativeParagraph,
    Resolution,
    Subparagraph,
    Text,
    iter_leaves,
)
from resconv.readers.text.reader import TextReader

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LANG_CODES = {"zho": "zh", "eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar"}
LAYOUTS = ("pdf", "copied", "reflowed")

Piece = str | tuple[str]
"""Text, or a footnote marker as a 1-tuple."""


# -- what the UN's file says ---------------------------------------------------------------


@dataclass
class Point:
    """A subparagraph: its number, text and the subparagraphs under it."""

    number: str
    pieces: list[Piece]
    points: list[Point] = field(default_factory=list)
    wrap_up: list[Piece] = field(default_factory=list)


@dataclass
class Para:
    """A preambular or operative paragraph, or a heading, of the UN's file."""

    pieces: list[Piece]
    number: str | None = None
    initial: str = ""
    points: list[Point] = field(default_factory=list)
    wrap_up: list[Piece] = field(default_factory=list)
    heading: bool = False


@dataclass
class UnAnnex:
    label: str
    title: str
    body: list[Para]


@dataclass
class Un:
    """What a UN AKN file says, in one language."""

    lang: str
    number: str
    title: str
    authority: str
    preamble: list[Para]
    body: list[Para]
    notes: dict[str, str]
    meeting: str
    date: str
    date_text: str
    cover: dict[str, str]
    annexes: list[UnAnnex]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _pieces(element: Any) -> list[Piece]:
    """Text and footnote markers of an element, in order; the bracket `sup`s around an
    Arabic marker go (the layouts print their own brackets)."""
    out: list[Piece] = [element.text or ""]
    for child in element:
        if child.tag == AKN + "authorialNote":
            out.append((child.get("marker"),))
        elif not (child.tag == AKN + "sup" and (child.text or "").strip() in "()"):
            out.extend(_pieces(child))
        out.append(child.tail or "")
    return out


def _plain(pieces: list[Piece]) -> str:
    return _norm("".join(p for p in pieces if isinstance(p, str)))


_LABEL = re.compile(r"\s*(\([a-z]{1,2}\)|\([ivxlc]{1,6}\)|[\u3220-\u3229])\t")
"""DGACM sometimes keys a subparagraph as an unnumbered paragraph "(a)<tab>…" (77/5)."""


def _strip_pieces(pieces: list[Piece], count: int) -> list[Piece]:
    """`pieces` without their first `count` characters of text."""
    out = list(pieces)
    for index, piece in enumerate(out):
        if not isinstance(piece, str):
            continue
        taken = min(count, len(piece))
        out[index] = piece[taken:]
        count -= taken
        if not count:
            break
    return out


def _points(container: Any) -> list[Point]:
    """The points of a list; a `sublist` belongs to the point before it (DGACM style)."""
    out: list[Point] = []
    for child in container:
        if child.tag == AKN + "point":
            content = child.find(f"{AKN}content/{AKN}p")
            inner = child.find(AKN + "list")
            wrap: list[Piece] = []
            points: list[Point] = []
            if inner is not None:
                content = inner.find(f"{AKN}intro/{AKN}p")
                points = _points(inner)
                wrap_el = inner.find(f"{AKN}wrapUp/{AKN}p")
                wrap = _pieces(wrap_el) if wrap_el is not None else []
            out.append(Point(child.findtext(AKN + "num"), _pieces(content), points, wrap))
        elif child.tag == AKN + "sublist":
            out[-1].points.extend(_points(child))
    return out


def _lead_span(p: Any) -> str:
    span = p.find(AKN + "span")
    if span is None or (p.text or "").strip():
        return ""
    return _norm(span.text or "")


def _body(main: Any) -> tuple[list[Para], list[str]]:
    """The paragraphs of a `mainBody`, and the texts of its `heading`s (annex titles)."""
    body: list[Para] = []
    headings: list[str] = []
    for para in main:
        if para.tag != AKN + "paragraph":
            raise AssertionError(f"unexpected {para.tag} in mainBody")
        heading = para.find(AKN + "heading")
        if heading is not None:
            headings.append(_norm("".join(heading.itertext())))
            continue
        sub = para.find(AKN + "subheading")
        if sub is not None:
            body.append(Para(_pieces(sub), heading=True))
            continue
        num = para.findtext(AKN + "num")
        listed = para.find(AKN + "list")
        if listed is not None:
            lead = listed.find(f"{AKN}intro/{AKN}p")
            wrap_el = listed.find(f"{AKN}wrapUp/{AKN}p")
            body.append(
                Para(
                    _pieces(lead),
                    number=num,
                    initial=_lead_span(lead),
                    points=_points(listed),
                    wrap_up=_pieces(wrap_el) if wrap_el is not None else [],
                )
            )
            continue
        lead = para.find(f"{AKN}content/{AKN}p")
        pieces = _pieces(lead)
        label = _LABEL.match("".join(p for p in pieces if isinstance(p, str)))
        if num is None and label and body and not body[-1].heading:
            rest = _strip_pieces(pieces, label.end())
            body[-1].points.append(Point(label.group(1), rest))
            continue
        plain = _plain(pieces)
        if num is None and plain[-1:] not in ".;:,。；：，،؛":
            body.append(Para(pieces, heading=True))
            continue
        body.append(Para(pieces, number=num, initial=_lead_span(lead)))
    return body, headings


def _un(path: Path) -> Un:
    root = xmlsafe.parse(path.read_bytes(), source=str(path)).getroot()
    lang = LANG_CODES[root.find(f".//{AKN}FRBRExpression/{AKN}FRBRlanguage").get("language")]

    def find(xpath: str, under: Any = root) -> Any:
        found = under.find(xpath.replace("a:", AKN))
        assert found is not None, xpath
        return found

    def text(xpath: str, under: Any = root) -> str:
        found = under.find(xpath.replace("a:", AKN))
        return "" if found is None else _norm("".join(found.itertext()))

    preamble = []
    for container in root.iter(AKN + "container"):
        p = container.find(AKN + "p")
        preamble.append(Para(_pieces(p), initial=container.get("name") or ""))
    body, _ = _body(find(".//a:mainBody"))
    annexes = []
    for doc in root.iter(AKN + "doc"):
        annex_body, headings = _body(find("a:mainBody", doc))
        label, *title = headings
        annexes.append(UnAnnex(label, " ".join(title), annex_body))
    notes = {
        n.get("marker"): _norm("".join(map(str, n.find(AKN + "p").itertext())).replace("()", ""))
        for n in root.iter(AKN + "authorialNote")
    }
    conclusions = find(".//a:conclusions")
    meeting = conclusions.find(f".//{AKN}inline[@name='adoptionMeeting']")
    if meeting is None:
        meeting = find(".//a:location", conclusions)
    cover_item = root.find(f".//{AKN}coverPage//{AKN}inline[@name='agenda item']")
    return Un(
        lang=lang,
        number=find(".//a:preface//a:docNumber").text.strip().rstrip("."),
        title=text(".//a:preface//a:docTitle"),
        authority=_plain(_pieces(find(".//a:formula/a:p"))),
        preamble=preamble,
        body=body,
        notes=notes,
        meeting=_norm("".join(meeting.itertext())),
        date=find(".//a:docDate", conclusions).get("date"),
        date_text=text(".//a:docDate", conclusions),
        cover={
            "organization": text(".//a:coverPage/a:p/a:span/a:docAuthority"),
            "assembly": text(".//a:coverPage/a:p/a:docAuthority"),
            "distribution": text(".//a:coverPage//a:docStatus"),
            "date": text(".//a:coverPage//a:docDate"),
            "iso_date": find(".//a:coverPage//a:docDate").get("date"),
            "session": text(".//a:coverPage//a:session"),
            "item": text(".//a:coverPage//a:inline[@name='agenda item']"),
            "item_number": (cover_item.get("title") or "") if cover_item is not None else "",
            "item_title": text(".//a:coverPage//a:inline[@name='agenda item name']"),
            "adopted": text(".//a:coverPage//a:docTitle"),
            "committee": text(".//a:coverPage//a:docProponent"),
            "job": text(".//a:docketNumber"),
        },
        annexes=annexes,
    )


# -- laying the UN's text out as people have it ----------------------------------------------

_HAN = re.compile(r"[\u3000-\u303f\u3220-\u3243\u4e00-\u9fff\uff00-\uffef《》“”‘’]")
_NO_LINE_START = "，。；：、）》”’！？"
_NO_BREAK_BEFORE = re.compile(r"[;:!?»؛،]")
_SENTINEL = re.compile("\ue000([^\ue001]*)\ue001")


@dataclass
class Row:
    """One paragraph to lay out: its kind, printed number, text and nesting depth."""

    kind: str
    pieces: list[Piece]
    number: str = ""
    depth: int = 0


def _rows(un: Un) -> Iterator[Row]:
    """The resolution's paragraphs in reading order, from the title to the annexes."""

    def points(items: list[Point], depth: int) -> Iterator[Row]:
        for point in items:
            yield Row("sub", point.pieces, point.number, depth)
            yield from points(point.points, depth + 1)
            if point.wrap_up:
                yield Row("wrap", point.wrap_up, "", depth)

    def body(paras: list[Para]) -> Iterator[Row]:
        for para in paras:
            if para.heading:
                yield Row("heading", para.pieces)
                continue
            yield Row("op", para.pieces, para.number or "")
            yield from points(para.points, 1)
            if para.wrap_up:
                yield Row("wrap", para.wrap_up)

    yield Row("authority", [un.authority])
    for para in un.preamble:
        yield Row("pre", para.pieces)
        yield from points(para.points, 1)
    yield from body(un.body)
    yield Row("adoption", [un.meeting if un.lang != "zh" else un.date_text])
    yield Row("adoption", [un.date_text if un.lang != "zh" else un.meeting])
    for annex in un.annexes:
        yield Row("annex", [annex.label])
        yield Row("annex-title", [annex.title])
        yield from body(annex.body)


def _marker(marker: str, lang: str) -> str:
    return f"({marker})" if lang == "ar" else marker


def _latin_lines(text: str, width: int = 85) -> list[str]:
    """Hard-wrapped lines, never starting with punctuation (French " ;" stays put)."""
    lines: list[str] = []
    for word in text.split():
        if lines and (len(lines[-1]) + 1 + len(word) <= width or _NO_BREAK_BEFORE.fullmatch(word)):
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _han_tokens(text: str) -> list[str]:
    """Han characters one by one; Latin words, numbers and symbols ("A/77/612") whole."""
    return re.findall(r"[A-Za-z0-9/.()\-‑–]+|\s+|.", text)


def _han_lines(pieces: list[Piece], first: str, width: int = 40) -> list[tuple[str, str | None]]:
    """Chinese lines of ~40 characters (Latin counts half), each with the marker printed
    right after it, if any: the extractor gives a superscript a line of its own."""
    out: list[tuple[str, str | None]] = []
    line = first
    size = 0.0
    for piece in pieces:
        if isinstance(piece, tuple):
            out.append((line, piece[0]))
            line, size = "", 0.0
            continue
        for token in _han_tokens(re.sub(r"\s+", " ", piece)):
            cost = len(token) / 2 if token.isascii() else len(token)
            if size + cost > width and token not in _NO_LINE_START and line.strip():
                out.append((line, None))
                line, size = "", 0.0
            if not line and token.isspace():
                continue
            line += token
            size += cost
    if line.strip() or not out:
        out.append((line, None))
    return out


def _spaced(line: str) -> str:
    """The extractor's stray spaces between Han and Latin runs: "第 66/32 号决议"."""
    return re.sub(
        r"(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])(?=[\u4e00-\u9fff])", " ", line
    )


@dataclass
class Page:
    """Lines being laid out, with the notes whose markers are on the current page."""

    lang: str
    un: Un
    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    page: int = 1

    def foot(self) -> None:
        if not self.notes:
            return
        self.lines += ["_______________", ""]
        for marker in self.notes:
            note = self.un.notes[marker]
            self.lines += [f"{_marker(marker, self.lang)} {note}", ""]
        self.notes.clear()

    def break_page(self, pages: int) -> None:
        self.foot()
        self.page += 1
        job = self.un.cover["job"].split()[:1]
        self.lines += [
            f"A/RES/{self.un.number} ",
            self.un.title,
            "",
            *job,
            f"{self.page}/{pages} ",
            "",
        ]


def _pdf_text(un: Un, breaks: set[tuple[int, int]] | None = None) -> str:
    """The resolution as a PDF extraction gives it (see the module docstring); `breaks`
    (row, line) replaces the page breaks chosen by `_page_breaks`."""
    lang = un.lang
    han = lang == "zh"
    cover = un.cover
    job = cover["job"]
    number_line = f"{un.number} - {un.title}" if lang == "ar" else f"{un.number}. {un.title}"
    lines = [
        cover["organization"] + " ",
        f"A/RES/{un.number}",
        " ",
        cover["assembly"] + " ",
        cover["distribution"] + " ",
        cover["date"] + " ",
        *([job + " ", f"*{job.split()[0].replace('-', '')}* "] if job else []),
        " ",
        cover["session"],
        cover["item"],
        *_latin_lines(cover["item_title"]),
        " ",
        *_latin_lines(cover["adopted"], 50),
        " ",
        cover["committee"],
        " ",
        *(
            _latin_lines(number_line, 70)
            if not han
            else [f"{_spaced(t)} \n" for t, _ in _han_lines([number_line], " ")]
        ),
        " ",
    ]
    rows = list(_rows(un))
    rendered = [_render(row, lang) for row in rows]
    if breaks is None:
        breaks = _page_breaks(rows, rendered)
    pages = len(breaks) + 1 + (1 if un.annexes else 0)
    page = Page(lang, un, lines)
    for index, (row, row_lines) in enumerate(zip(rows, rendered, strict=True)):
        if row.kind == "annex":
            page.break_page(pages)
        for at, (line, markers, own_line) in enumerate(row_lines):
            if (index, at) in breaks:
                page.break_page(pages)
            if han:
                page.lines.append(_spaced(line) + " ")
                page.lines += [f"{m} " for m in markers] if own_line and markers else [""]
            else:
                page.lines.append(line + " ")
            page.notes += markers
        if not han:
            page.lines.append(" ")
    page.foot()
    return "\n".join(page.lines)


def _render(row: Row, lang: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """The lines of one paragraph, each with the footnote markers printed in it and whether
    the marker has a line of its own after it (Chinese) or is glued to a word (others)."""
    if lang == "zh":
        indent = {"adoption": "", "heading": "   "}.get(row.kind, " ")
        first = indent + (row.number + " " if row.number else "")
        return [(t, (m,) if m else (), True) for t, m in _han_lines(row.pieces, first)]
    text = "".join(p if isinstance(p, str) else f"\ue000{p[0]}\ue001" for p in row.pieces)
    words = [
        (_SENTINEL.sub(lambda m: _marker(m.group(1), lang), word), tuple(_SENTINEL.findall(word)))
        for word in text.split()
    ]
    out: list[tuple[str, tuple[str, ...], bool]] = []
    if row.number:
        out.append((row.number, (), False))
    line, markers = "", ()
    for word, found in words:
        if line and len(line) + 1 + len(word) > 85 and not _NO_BREAK_BEFORE.fullmatch(word):
            out.append((line, markers, False))
            line, markers = "", ()
        line = f"{line} {word}" if line else word
        markers = (*markers, *found)
    out.append((line, markers, False))
    return out


def _page_breaks(
    rows: list[Row], rendered: list[list[tuple[str, tuple[str, ...], bool]]]
) -> set[tuple[int, int]]:
    """A break inside the first paragraph that wraps, and one inside the first list of
    subparagraphs (inside a wrapped subparagraph, else before the second one)."""
    breaks: set[tuple[int, int]] = set()
    texts = [[i for i, (line, *_) in enumerate(lines) if line.strip()] for lines in rendered]
    for index, row in enumerate(rows):
        if row.kind in ("pre", "op") and len(texts[index]) >= 3:
            breaks.add((index, texts[index][len(texts[index]) // 2]))
            break
    subs = [i for i, row in enumerate(rows) if row.kind == "sub"]
    for index in subs:
        if len(texts[index]) >= 3:
            breaks.add((index, texts[index][len(texts[index]) // 2]))
            break
    else:
        if len(subs) >= 2:
            breaks.add((subs[1], 0))
    return breaks


def _reflowed_text(un: Un) -> str:
    """One paragraph a line, numbers inline, footnotes in Markdown after a rule."""
    sep = " - " if un.lang == "ar" else ". "
    out = [f"{un.number}{sep}{un.title}"]
    for row in _rows(un):
        text = _norm("".join(p if isinstance(p, str) else f"[^{p[0]}]" for p in row.pieces))
        out.append(f"{row.number} {text}" if row.number else text)
    out += ["---"]
    out += [f"[^{marker}]: {text}" for marker, text in un.notes.items()]
    return "\n\n".join(out)


def lay_out(un: Un, layout: str) -> str:
    if layout == "copied":  # from a PDF viewer: the same lines, no blank ones
        return "\n".join(line for line in _pdf_text(un).split("\n") if line.strip())
    return _pdf_text(un) if layout == "pdf" else _reflowed_text(un)


# -- the comparison ---------------------------------------------------------------------------

_SPACE_NEAR_HAN = re.compile(rf"\s+(?={_HAN.pattern})|(?<={_HAN.pattern})\s+")


def _canon(text: str, lang: str) -> str:
    """Whitespace collapsed; in Chinese, none next to a Han character or CJK punctuation.

    A space after a slash goes too: wrapped after the slash, "حزيران/ يونيه" (a typo in
    the UN's Arabic 77/306) cannot be told from "حزيران/يونيه", which the reader keeps.
    """
    text = _norm(text).replace("/ ", "/")
    return _SPACE_NEAR_HAN.sub("", text) if lang == "zh" else text


def _theirs(pieces: list[Piece], lang: str) -> str:
    return _canon("".join(p if isinstance(p, str) else f"[^{p[0]}]" for p in pieces), lang)


def _ours(inlines: Inlines, lang: str) -> str:
    return _canon(
        "".join(p.text if isinstance(p, Text) else f"[^{p.marker}]" for p in iter_leaves(inlines)),
        lang,
    )


def _their_points(points: list[Point], lang: str) -> list[Any]:
    return [
        (p.number, _theirs(p.pieces, lang), _their_points(p.points, lang), _theirs(p.wrap_up, lang))
        for p in points
    ]


def _our_points(subs: tuple[Subparagraph, ...], lang: str) -> list[Any]:
    return [
        (
            s.number,
            _ours(s.content, lang),
            _our_points(s.subparagraphs, lang),
            _ours(s.wrap_up, lang),
        )
        for s in subs
    ]


def _their_body(paras: list[Para], lang: str) -> list[Any]:
    return [
        ("heading", _theirs(p.pieces, lang))
        if p.heading
        else (
            p.number,
            _theirs(p.pieces, lang),
            _their_points(p.points, lang),
            _theirs(p.wrap_up, lang),
        )
        for p in paras
    ]


def _our_body(blocks: tuple[Block, ...], lang: str) -> list[Any]:
    return [
        ("heading", _ours(b.text, lang))
        if isinstance(b, Heading)
        else (
            b.number,
            _ours(b.content, lang),
            _our_points(b.subparagraphs, lang),
            _ours(b.wrap_up, lang),
        )
        for b in blocks
    ]


def _akn_files(shared: Path) -> list[Path]:
    return sorted((shared / "reference" / "akn" / "ga").glob("*.xml")) + sorted(
        (shared / "corpus" / "en").glob("*.akn.xml")
    )


_SHARED = Path(__file__).resolve().parents[3] / "shared"
FILES = [p.name for p in _akn_files(_SHARED)] if (_SHARED / "corpus").is_dir() else ["none"]


def _path(shared: Path, name: str) -> Path:
    for path in _akn_files(shared):
        if path.name == name:
            return path
    raise AssertionError(name)


@pytest.fixture(scope="module", params=FILES)
def un(request: pytest.FixtureRequest, shared_dir: Path) -> Un:
    return _un(_path(shared_dir, str(request.param)))


@pytest.fixture(scope="module", params=LAYOUTS)
def read(request: pytest.FixtureRequest, un: Un) -> tuple[Resolution, list[str]]:
    layout = str(request.param)
    text = lay_out(un, layout)
    result = TextReader().read(text.encode(), source=f"A-RES-{un.number}.{un.lang}.{layout}.txt")
    return result.value, [str(d) for d in result.warnings]


def test_no_warnings(read: tuple[Resolution, list[str]]) -> None:
    assert read[1] == []


def test_language_number_title_and_authority(read: tuple[Resolution, list[str]], un: Un) -> None:
    model, _ = read
    assert (model.language, model.number) == (un.lang, un.number.replace(" ", ""))
    assert _ours(model.title, un.lang) == _canon(un.title, un.lang)
    assert _canon(model.authority, un.lang) == _canon(un.authority, un.lang)


def test_preamble(read: tuple[Resolution, list[str]], un: Un) -> None:
    model, _ = read
    ours = [
        (_ours(p.content, un.lang), _our_points(p.subparagraphs, un.lang)) for p in model.preamble
    ]
    theirs = [(_theirs(p.pieces, un.lang), _their_points(p.points, un.lang)) for p in un.preamble]
    assert ours == theirs


def test_operative_part(read: tuple[Resolution, list[str]], un: Un) -> None:
    model, _ = read
    assert _our_body(model.operative, un.lang) == _their_body(un.body, un.lang)


def test_initial_words_are_the_un_emphasis_or_its_start(
    read: tuple[Resolution, list[str]], un: Un
) -> None:
    model, _ = read
    ours = [p.initial_words for p in model.preamble]
    ours += [b.initial_words for b in model.operative if isinstance(b, OperativeParagraph)]
    theirs = [p.initial for p in un.preamble] + [p.initial for p in un.body if not p.heading]
    # The UN sometimes emphasises a longer phrase ("Reaffirms its strong support"): ours
    # must then be its leading words, and such cases stay rare.
    for mine, their in zip(ours, theirs, strict=True):
        assert mine == their or (mine and their.startswith(mine)), (mine, their)
    assert sum(a == b for a, b in zip(ours, theirs, strict=True)) >= 0.8 * len(theirs)


def test_footnotes(read: tuple[Resolution, list[str]], un: Un) -> None:
    model, _ = read
    ours = [(f.marker, _canon(f.text or "", un.lang)) for f in model.footnotes]
    assert ours == [(m, _canon(t, un.lang)) for m, t in un.notes.items()]


def test_annexes(read: tuple[Resolution, list[str]], un: Un) -> None:
    model, _ = read
    ours = [
        (a.label, _ours(a.title, un.lang), _our_body(_annex_blocks(a), un.lang))
        for a in model.annexes
    ]
    theirs = [(a.label, _canon(a.title, un.lang), _their_body(a.body, un.lang)) for a in un.annexes]
    assert ours == theirs


def _annex_blocks(annex: Annex) -> tuple[Block, ...]:
    assert not annex.preamble
    return annex.body


def test_adoption(read: tuple[Resolution, list[str]], un: Un) -> None:
    model, _ = read
    adoption = model.adoption
    assert adoption is not None
    assert adoption.date == dt.date.fromisoformat(un.date)
    assert (adoption.date_text, adoption.meeting_text) == (un.date_text, un.meeting)
    assert adoption.meeting == int(re.sub(r"\D", "", un.meeting.translate(_INDIC)))


_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def test_cover(read: tuple[Resolution, list[str]], un: Un) -> None:
    model, _ = read
    cover = model.cover
    if cover.session_text is None:  # reflowed text has no cover
        assert cover == type(cover)()
        return
    wanted = un.cover
    assert cover.distribution is not None and cover.distribution in wanted["distribution"]
    assert cover.distribution_date == dt.date.fromisoformat(wanted["iso_date"])
    assert _canon(cover.session_text, un.lang) == _canon(wanted["session"], un.lang)
    if wanted["item_number"]:
        assert cover.agenda_item == wanted["item_number"]
    assert _canon(cover.agenda_title or "", un.lang) == _canon(wanted["item_title"], un.lang)
    assert _canon(cover.adopted_line or "", un.lang) == _canon(wanted["adopted"], un.lang)
    assert _canon(cover.committee_line or "", un.lang) == _canon(wanted["committee"], un.lang)
    assert cover.job_number == (wanted["job"] or None)


def _summary(model: Resolution, lang: str) -> tuple[Any, ...]:
    return (
        _ours(model.title, lang),
        [(_ours(p.content, lang), _our_points(p.subparagraphs, lang)) for p in model.preamble],
        _our_body(model.operative, lang),
        [(f.marker, f.text) for f in model.footnotes],
        [(a.label, _ours(a.title, lang), _our_body(a.body, lang)) for a in model.annexes],
        model.adoption,
    )


def test_a_page_break_after_any_line_changes_nothing(un: Un) -> None:
    # Every line of the text (but the one after a number printed alone, which PDF sets on
    # the same line) is tried as the last one of a page: running header, job number, page
    # number and the page's footnotes then come between it and the next line.
    reader = TextReader()
    expected = _summary(reader.read(_pdf_text(un, set()).encode()).value, un.lang)
    failures = []
    for index, row in enumerate(_rows(un)):
        for at, _ in enumerate(_render(row, un.lang)):
            if at == 1 and row.number and un.lang != "zh":
                continue
            result = reader.read(_pdf_text(un, {(index, at)}).encode())
            got = _summary(result.value, un.lang)
            if got != expected or result.warnings:
                failures.append((row.kind, index, at, [str(d) for d in result.warnings]))
    assert failures == []
