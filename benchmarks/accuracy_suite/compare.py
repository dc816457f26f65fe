"""How a model read from text is compared with the model of the UN's AKN.

Structure: the resolution's number, adoption date and meeting; the counts of preambular
and operative paragraphs; every block's kind (a table or an unnumbered paragraph counts
by its kind only; its text is compared as text) and every paragraph's number with its tree of
subparagraphs; the footnote markers in the order the text cites them, with the paragraph
that cites each; the footnote markers that have a body; the parts' numbers and shapes (their
headings are text); the annexes' labels and shapes.

Text: the title (without a dash opening it: the separator after the number), every
paragraph, subparagraph, closing text, heading, unnumbered paragraph, table caption and
table row (its cells' texts joined by a space), annex title (footnote
markers written into it as ``[^n]``), and every footnote body, each a unit scored
1 − normalised edit distance. Before comparing, text is put in a canonical form that keeps
what a reader can know from plain text: Unicode spaces and runs of white space become one
space, the non-breaking and soft hyphens become the plain hyphen or nothing, format characters
no page shows (a left-to-right mark, a zero-width space) go, a space before a
footnote marker goes (a superscript shows none; extractions print one), in Chinese no
space is kept next to a Han character or CJK punctuation, and in Arabic a presentation form
is the letters it draws and an empty bracket pair glued between two characters is the ")("
it prints as (`arabic_as_printed`).

The UN's mark-up sometimes writes the subparagraphs "(a)", "(b)" of an operative paragraph as
unnumbered paragraphs after it; both models are brought to one form before comparing (such a
paragraph becomes a subparagraph of the paragraph before it), so that neither reading is
counted wrong.

A case is structure-exact when every structural field agrees, exact when moreover every
text unit is identical.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from resconv.lang.matching import Regex
from resconv.lang.profile import profile
from resconv.model import (
    Annex,
    Block,
    Emphasis,
    FootnoteRef,
    Heading,
    Inline,
    Inlines,
    OperativeParagraph,
    Paragraph,
    Part,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Table,
    Text,
    iter_leaves,
    plain_text,
)
from tests.readers.readback import (
    brackets_as_shown,
    without_invisible,
    without_spaces_near_han,
    without_title_separator,
)

_fast_similarity: Callable[[str, str], float] | None
try:
    from rapidfuzz.distance import Levenshtein

    _fast_similarity = Levenshtein.normalized_similarity
except ImportError:  # the plain implementation below is slower but gives the same figure
    _fast_similarity = None

_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None})


_SPACE_BEFORE_MARKER = re.compile(r" (?=\[\^[^\]]+\])")


def canonical(text: str, language: str) -> str:
    text = " ".join(without_invisible(text.translate(_HYPHENS)).split())
    if "[^" in text:
        text = _SPACE_BEFORE_MARKER.sub("", text)
    if language == "ar":
        text = arabic_as_printed(text)
    return without_spaces_near_han(text) if language == "zh" else text


def arabic_as_printed(text: str) -> str:
    """Arabic text as a page shows it, for what the UN's text holds that no print tells
    apart: canonically equivalent text (two marks on one letter in either order) is one, a
    presentation form ("ﻷ", U+FEF7) is drawn as the letters it stands for ("لأ"),
    and an empty bracket pair glued between two characters is a closing and an opening
    bracket typed in the order they are displayed ("(ب()1)" prints as "(ب)(1)")."""
    text = _PRESENTATION_FORM.sub(lambda form: unicodedata.normalize("NFKC", form[0]), text)
    text = unicodedata.normalize("NFC", text)  # a shadda and a vowel print alike in either order
    return brackets_as_shown(text)


_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")


def similarity(a: str, b: str) -> float:
    """1 − Levenshtein distance / length of the longer string (1.0 for two empty strings)."""
    if a == b:
        return 1.0
    if _fast_similarity is not None:
        return float(_fast_similarity(a, b))
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return 1 - previous[-1] / len(a)


@dataclass
class Summary:
    """What is compared of one model: structural fields in order, and the text units."""

    fields: dict[str, Any] = field(default_factory=dict)
    units: list[tuple[str, str]] = field(default_factory=list)
    """(where, canonical text) in printed order."""


class _Summariser:
    def __init__(self, language: str) -> None:
        self.language = language
        self.summary = Summary()
        self.citations: list[tuple[str, str]] = []

    def text(self, where: str, inlines: Inlines) -> None:
        printed = "".join(
            piece.text if isinstance(piece, Text) else f"[^{piece.marker}]"
            for piece in iter_leaves(inlines)
        )
        self.summary.units.append((where, canonical(printed, self.language)))
        self.citations += [
            (piece.marker, where)
            for piece in iter_leaves(inlines)
            if isinstance(piece, FootnoteRef)
        ]

    def tree(self, where: str, subs: tuple[Subparagraph, ...]) -> list[Any]:
        shape = []
        for sub in _letters_apart(subs):
            here = f"{where} {sub.number}"
            self.text(here, sub.content)
            inner, wrap_up = _closing_apart(sub.subparagraphs, sub.wrap_up)
            children = self.tree(here, inner)
            if wrap_up:
                self.text(f"{here} closing", wrap_up)
            shape.append((sub.number, children, bool(wrap_up)))
        return shape

    def preamble(self, where: str, paragraphs: tuple[PreambularParagraph, ...]) -> list[Any]:
        shape = []
        for index, paragraph in enumerate(paragraphs, 1):
            here = f"{where} preambular {index}".strip()
            self.text(here, paragraph.content)
            subs, wrap_up = _closing_apart(paragraph.subparagraphs, paragraph.wrap_up)
            shape.append((self.tree(here, subs), bool(wrap_up)))
            if wrap_up:
                self.text(f"{here} closing", wrap_up)
        return shape

    def table(self, where: str, table: Table) -> None:
        if table.caption:
            self.text(f"{where} caption", table.caption)
        for number, row in enumerate(table.rows, 1):
            inlines: list[Inline] = []
            for cell in row.cells:
                for paragraph in cell.content:
                    inlines += [Text(text=" "), *paragraph]
            self.text(f"{where} row {number}", tuple(inlines))

    def blocks(self, where: str, blocks: tuple[Block, ...]) -> list[Any]:
        shape: list[Any] = []
        for index, block in enumerate(blocks, 1):
            if isinstance(block, Heading):
                here = f"{where} heading {block.number or index}".strip()
                self.text(here, block.text)
                shape.append(("heading", block.number))
                continue
            if isinstance(block, Paragraph):
                self.text(f"{where} paragraph {index}".strip(), block.content)
                shape.append(("paragraph",))
                continue
            if isinstance(block, Table):
                self.table(f"{where} table {index}".strip(), block)
                shape.append(("table",))
                continue
            label = block.number or f"#{index}"
            here = f"{where} operative {label}".strip()
            self.text(here, block.content)
            subs, wrap_up = _closing_apart(block.subparagraphs, block.wrap_up)
            shape.append((block.number, self.tree(here, subs), bool(wrap_up)))
            if wrap_up:
                self.text(f"{here} closing", wrap_up)
        return shape


def _closing_apart(
    subs: tuple[Subparagraph, ...], wrap_up: Inlines
) -> tuple[tuple[Subparagraph, ...], Inlines]:
    """`subs` and the closing text of their list: a last subparagraph without a label
    that goes on in lower case after labelled ones ("(f) …," / "and in meeting …,") is
    the closing text, which the UN's mark-up sometimes sets as such a subparagraph."""
    if wrap_up or len(subs) < 2:
        return subs, wrap_up
    last = subs[-1]
    if (
        last.number.strip()
        or last.subparagraphs
        or last.wrap_up
        or not subs[-2].number.strip()
        or not plain_text(last.content).strip()[:1].islower()
    ):
        return subs, wrap_up
    return subs[:-1], last.content


_ROMAN = re.compile(r"[(（]?[ivxlc]{1,6}[)）]")


def _unpunctuated_line(block: Block) -> bool:
    """An unnumbered paragraph of one short line without closing punctuation: printed as
    a sub-heading, which the UN's mark-up sets as a heading or a paragraph."""
    if (
        not isinstance(block, OperativeParagraph)
        or block.number is not None
        or block.subparagraphs
        or block.wrap_up
        or any(isinstance(piece, FootnoteRef) for piece in iter_leaves(block.content))
    ):
        return False
    text = plain_text(block.content).strip()
    return 0 < len(text) <= 320 and text[-1] not in _CLOSING


_CLOSING = ".;:,。；：，،؛?!？！"


def _fold(blocks: tuple[Block, ...], language: str) -> tuple[Block, ...]:
    """An unnumbered line without closing punctuation, as a heading; unnumbered
    paragraphs that open with a subparagraph label, and paragraphs numbered with one,
    as subparagraphs; an
    unnumbered paragraph that continues in lower case the sentence of the subparagraphs
    before it ("d) …" / "et exige …;"), as their closing text (the UN's mark-up sets it
    either way)."""
    label = profile(language).subparagraph
    numbered = profile(language).operative_number
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        block = _number_from_text(block, numbered)
        if (
            isinstance(block, OperativeParagraph)
            and _unpunctuated_line(block)
            and not label.match(plain_text(block.content))
        ):
            out.append(Heading(number=None, text=block.content))
            continue
        if (
            isinstance(block, OperativeParagraph)
            and block.number is None
            and not block.subparagraphs
            and not block.wrap_up
            and plain_text(block.content)[:1].islower()
            and not label.match(plain_text(block.content))
            and isinstance(previous, OperativeParagraph)
            and previous.subparagraphs
            and not previous.wrap_up
        ):
            out[-1] = replace(previous, wrap_up=block.content)
            continue
        found = None
        if (
            isinstance(block, OperativeParagraph)
            and block.number is None
            and block.content
            and isinstance(block.content[0], Text)
            and isinstance(previous, OperativeParagraph)
            and not previous.wrap_up
        ):
            found = label.match(block.content[0].text)
        if (
            isinstance(block, OperativeParagraph)
            and block.number is not None
            and isinstance(previous, OperativeParagraph)
            and not previous.wrap_up
            and (as_label := label.fullmatch(block.number + " ")) is not None
        ):
            # A subparagraph's label marked up as a paragraph's number ("b)" after "1.").
            number, content = as_label.group("num"), block.content
        elif found is None or not isinstance(block, OperativeParagraph):
            out.append(block)
            continue
        else:
            lead = block.content[0]
            assert isinstance(lead, Text)
            rest = lead.text[found.end() :]
            content = ((Text(text=rest),) if rest else ()) + block.content[1:]
            number = found.group("num")
        assert isinstance(block, OperativeParagraph)
        assert isinstance(previous, OperativeParagraph)
        sub = Subparagraph(number=number, content=content, subparagraphs=block.subparagraphs)
        subs = previous.subparagraphs
        opens_roman = number.strip("()（） ") == "i" or bool(subs and subs[-1].subparagraphs)
        if subs and (
            (
                _ROMAN.fullmatch(number)
                and opens_roman
                and not _ROMAN.fullmatch(subs[-1].number)
                and not _next_letter(subs[-1].number, sub)  # "(i)" after "(h)" is a letter
            )
            or (_CJK_LABEL.fullmatch(number) and not _CJK_LABEL.fullmatch(subs[-1].number))
        ):
            nested = replace(subs[-1], subparagraphs=(*subs[-1].subparagraphs, sub))
            out[-1] = replace(previous, subparagraphs=(*subs[:-1], nested))
        else:
            out[-1] = replace(previous, subparagraphs=(*subs, sub))
    return tuple(out)


def _number_from_text(block: Block, numbered: Regex) -> Block:
    """`block` numbered with the number that opens its text, when the mark-up left it
    unnumbered ("26 - تقر …" with no number of its own): the print shows a number."""
    if not isinstance(block, OperativeParagraph) or block.number is not None:
        return block
    text = plain_text(block.content)
    found = numbered.match(text.lstrip())
    if found is None:
        return block
    cut = len(text) - len(text.lstrip()) + found.end()
    return replace(
        block, number=" ".join(found.group("num").split()), content=_cut(block.content, cut)
    )


def _cut(inlines: Inlines, count: int) -> Inlines:
    """`inlines` without their first `count` characters of text."""
    out: list[Inline] = []
    for piece in inlines:
        if count <= 0:
            out.append(piece)
        elif isinstance(piece, Text):
            if len(piece.text) > count:
                out.append(Text(text=piece.text[count:]))
            count -= len(piece.text)
        elif isinstance(piece, Emphasis):
            length = len(plain_text(piece.content))
            if length > count:
                out.append(replace(piece, content=_cut(piece.content, count)))
            count -= length
        else:
            out.append(piece)
    return tuple(out)


def _letters_apart(subs: tuple[Subparagraph, ...]) -> tuple[Subparagraph, ...]:
    """`subs` with the letters that go on after a subparagraph's letter as its siblings,
    not its children ("(c)" holding "(d)", "(e)"): the UN's mark-up sometimes nests them
    so (after a Cyrillic "с)" among Latin letters, or "(c)" marked up as a paragraph)."""
    out: list[Subparagraph] = []
    for sub in subs:
        children = sub.subparagraphs
        hoisted: list[Subparagraph] = []
        while children and _next_letter(hoisted[-1].number if hoisted else sub.number, children[0]):
            hoisted.append(children[0])
            children = children[1:]
        out.append(replace(sub, subparagraphs=children) if hoisted else sub)
        out.extend(hoisted)
    return tuple(out)


_LOOKALIKES = str.maketrans("асеорх", "aceopx")
"""Cyrillic letters the UN's texts print for the Latin labels they look like."""


def _next_letter(label: str, sub: Subparagraph) -> bool:
    """Whether `sub` is labelled with the letter after `label`'s ("(c)" then "(d)", "(hh)"
    then "(ii)")."""
    inner = label.strip("()（） ").translate(_LOOKALIKES)
    following = sub.number.strip("()（） ").translate(_LOOKALIKES)
    return (
        0 < len(inner) <= 2
        and len(following) == len(inner)
        and inner.isalpha()
        and len(set(inner)) == len(set(following)) == 1  # "a" … "z", then "aa", "bb" …
        and ord(following[0]) == ord(inner[0]) + 1
        and sub.number.translate(_LOOKALIKES).replace(following, inner)
        == label.translate(_LOOKALIKES)
    )


_CJK_LABEL = re.compile("[\u3220-\u3229]")
"""㈠ … ㈩: the Chinese labels below a letter."""
_SECTION_NUMBER = re.compile(r"[IVXLC]{1,6}\.?|[一二三四五六七八九十]{1,3}")


def _numbers_joined(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A heading's number printed alone and the unnumbered line after it, as one heading
    ("I" / "Title": the mark-up has either); a paragraph's number without text and the
    unnumbered paragraph after it, as one paragraph."""
    out: list[Block] = []
    for block in blocks:
        previous = _number_alone(out[-1]) if out else None
        if previous is not None and (
            (isinstance(block, Heading) and not block.number)
            or isinstance(block, Paragraph)
            or (
                isinstance(block, OperativeParagraph)
                and not block.number
                and not block.subparagraphs
                and not block.wrap_up
            )
        ):
            text = block.text if isinstance(block, Heading) else block.content
            out[-1] = replace(previous, text=text)
            continue
        last = out[-1] if out else None
        if (
            isinstance(last, OperativeParagraph)
            and last.number
            and not plain_text(last.content).strip()
            and not last.subparagraphs
            and not last.wrap_up
            and isinstance(block, OperativeParagraph)
            and not block.number
        ):
            # "1." marked up apart from its text: the print has "1. Lorsqu’un traité …".
            out[-1] = replace(block, number=last.number)
            continue
        out.append(block)
    return tuple(out)


def _number_alone(block: Block) -> Heading | None:
    """`block` as a heading when it is a section number without text ("I", "一"), as a
    number or as the text of a line of its own."""
    if isinstance(block, Heading) and block.number and not plain_text(block.text).strip():
        return block
    if isinstance(block, Heading) and not block.number:
        text = plain_text(block.text).strip()
        return Heading(number=text, text=()) if _SECTION_NUMBER.fullmatch(text) else None
    if (
        isinstance(block, OperativeParagraph)
        and block.number
        and _SECTION_NUMBER.fullmatch(block.number)
        and not plain_text(block.content).strip()
        and not block.subparagraphs
    ):
        return Heading(number=block.number, text=())
    return None


def _annex_line(shape: Any) -> Any:
    """An annex block's shape, a heading and an unnumbered paragraph alike.

    The UN's mark-up of annexes sets the same printed line (a section heading, "I."
    and its title, a convention's preambular paragraph) as a heading in one language,
    as a paragraph, numbered or not, or a preambular one in another; a text gives no
    sign of which; the annex's title is such a line too (the mark-up sets it in the
    body as often). An unnumbered paragraph with a list is alike a preambular one with
    the same list. Their texts are still compared.
    """
    if shape[0] == "heading" or shape == ("paragraph",):
        number = shape[1] if shape[0] == "heading" else None
        return ("line", number.rstrip(".") if number else None)
    if shape[1:] == ([], False) and (shape[0] is None or _SECTION_NUMBER.fullmatch(shape[0])):
        return ("line", shape[0].rstrip(".") if shape[0] else None)
    if shape[0] is None:
        return ("unnumbered", *shape[1:])  # alike a preambular paragraph with a list
    return shape


def _parts(walker: _Summariser, where: str, parts: tuple[Part, ...], language: str) -> list[Any]:
    """Each part's number, preamble and body shapes and inner parts; texts as units."""
    out: list[Any] = []
    for index, part in enumerate(parts, 1):
        here = f"{where} part {part.number or index}".strip()
        walker.text(f"{here} heading", part.heading)
        out.append(
            (
                part.number,
                walker.preamble(here, part.preamble),
                walker.blocks(here, _numbers_joined(_fold(part.operative, language))),
                _parts(walker, here, part.parts, language),
            )
        )
    return out


def _annexes_apart(annexes: tuple[Annex, ...], language: str) -> tuple[Annex, ...]:
    """`annexes` with each annex label printed on a line of its own inside an annex's body
    ("Annex II" after the text of annex I) starting an annex of its own: the UN's mark-up
    sometimes sets a second annex in the body of the first."""
    label = profile(language).annex
    out: list[Annex] = []
    for annex in annexes:
        current = annex
        body: list[Block] = []
        for block in annex.body:
            text = plain_text(block.text if isinstance(block, Heading) else _line_text(block))
            if body and text and label.fullmatch(text.strip()):
                out.append(replace(current, body=tuple(body)))
                current, body = Annex(label=" ".join(text.split())), []
                continue
            body.append(block)
        out.append(replace(current, body=tuple(body)))
    return tuple(out)


def _line_text(block: Block) -> Inlines:
    """The text of an unnumbered paragraph without subparagraphs; nothing for others."""
    if isinstance(block, Paragraph):
        return block.content
    if (
        isinstance(block, OperativeParagraph)
        and block.number is None
        and not block.subparagraphs
        and not block.wrap_up
    ):
        return block.content
    return ()


def summarise(model: Resolution) -> Summary:
    model = replace(
        model,
        operative=_numbers_joined(_fold(model.operative, model.language)),
        annexes=tuple(
            replace(annex, body=_fold(annex.body, model.language))
            for annex in _annexes_apart(model.annexes, model.language)
        ),
    )
    walker = _Summariser(model.language)
    fields = walker.summary.fields
    fields["number"] = model.number
    walker.text("title", without_title_separator(model.title))
    adoption = model.adoption
    fields["date"] = adoption.date if adoption else None
    fields["meeting"] = adoption.meeting if adoption else None
    preamble = walker.preamble("", model.preamble)
    operative = walker.blocks("", model.operative)
    fields["preambular count"] = len(preamble)
    fields["operative count"] = sum(
        1 for block in model.operative if isinstance(block, OperativeParagraph)
    )
    fields["preamble tree"] = preamble
    fields["operative tree"] = operative
    fields["parts"] = _parts(walker, "", model.parts, model.language)
    annexes = []
    for annex in model.annexes:
        where = annex.label
        first_unit, first_citation = len(walker.summary.units), len(walker.citations)
        if annex.title:
            walker.text(f"{where} title", annex.title)
        preamble = [
            ("line", None) if shape == ([], False) else ("unnumbered", *shape)
            for shape in walker.preamble(where, annex.preamble)
        ]
        body = [_annex_line(shape) for shape in walker.blocks(where, _numbers_joined(annex.body))]
        title = [("line", None)] if annex.title else []
        annexes.append((annex.label, title + preamble + body))
        # A note is cited from the annex's nth unit: lines have no kind there (above).
        units = [unit_where for unit_where, _ in walker.summary.units[first_unit:]]
        walker.citations[first_citation:] = [
            (marker, f"{where} unit {units.index(cited) + 1}")
            for marker, cited in walker.citations[first_citation:]
        ]
    fields["annexes"] = annexes
    fields["footnote markers"] = walker.citations
    fields["footnote bodies"] = [note.marker for note in model.footnotes if note.text is not None]
    for note in model.footnotes:
        walker.summary.units.append(
            (f"footnote {note.marker}", canonical(note.text or "", model.language))
        )
    return walker.summary


@dataclass
class Comparison:
    structure_exact: bool
    exact: bool
    text_score: float
    """Mean similarity over the expected text units (extra units read count as 0)."""
    first_difference: str | None
    """The first field or text unit that differs, with both values in short."""
    kind: str | None
    """The kind of the first difference: a structural field name, or "text"."""


def _short(value: Any, limit: int = 100) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _first_diff(a: Any, b: Any) -> str:
    """Where two field values part: the first differing item of two lists, in short."""
    if isinstance(a, list) and isinstance(b, list):
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return f"item {index + 1}: expected {_short(x)}, read {_short(y)}"
        return f"expected {len(a)} items, read {len(b)}"
    return f"expected {_short(a)}, read {_short(b)}"


def _text_diff(expected: str, actual: str) -> str:
    start = next(
        (i for i, (x, y) in enumerate(zip(expected, actual, strict=False)) if x != y),
        min(len(expected), len(actual)),
    )
    lo = max(0, start - 25)
    return f"expected …{expected[lo : start + 35]!r}, read …{actual[lo : start + 35]!r}"


def _score_units(expected: list[str], actual: list[str]) -> float:
    if expected == actual:
        return 1.0
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    total = 0.0
    count = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            total += i2 - i1
            count += i2 - i1
            continue
        pairs = min(i2 - i1, j2 - j1)
        total += sum(similarity(expected[i1 + k], actual[j1 + k]) for k in range(pairs))
        count += max(i2 - i1, j2 - j1)
    return total / count if count else 1.0


def compare(expected: Resolution, actual: Resolution) -> Comparison:
    want, got = summarise(expected), summarise(actual)
    first: str | None = None
    kind: str | None = None
    for name, value in want.fields.items():
        if got.fields.get(name) != value:
            first = f"{name}: {_first_diff(value, got.fields.get(name))}"
            kind = name
            break
    structure_exact = first is None
    expected_texts = [text for _, text in want.units]
    actual_texts = [text for _, text in got.units]
    score = _score_units(expected_texts, actual_texts)
    text_exact = expected_texts == actual_texts
    if structure_exact and not text_exact:
        for (where, wanted), (_, read) in zip(want.units, got.units, strict=False):
            if wanted != read:
                first = f"text of {where.strip()}: {_text_diff(wanted, read)}"
                break
        else:
            first = f"text: expected {len(want.units)} units, read {len(got.units)}"
        kind = "text"
    return Comparison(structure_exact, structure_exact and text_exact, score, first, kind)
