"""Hypothesis strategies for the resolution model, shared by every test module.

`resolutions()` draws valid models in any of the languages, with CJK, Arabic and
XML-special text (``< & >``), footnotes with and without bodies (and markers referenced
twice), subparagraphs nested two deep, headings, annexes, cover pages and votes.
`resolutions(structures=True)` adds what real UN resolutions also hold: references and
emphasis in the text, tables and plain paragraphs among the blocks, parts with their own
preamble, components (resolutions A, B under one number) and the States' names in a vote.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from resconv.lang import LANGUAGES
from resconv.model import (
    Adoption,
    Annex,
    Block,
    CoverPage,
    Emphasis,
    Footnote,
    FootnoteRef,
    Heading,
    Inline,
    Inlines,
    OperativeParagraph,
    Paragraph,
    Part,
    PreambularParagraph,
    Reference,
    Resolution,
    Subparagraph,
    Table,
    TableCell,
    TableRow,
    Text,
    Vote,
)

__all__ = [
    "MARKERS",
    "inlines",
    "operative_blocks",
    "preambular_paragraphs",
    "resolutions",
    "rich_inlines",
    "subparagraphs",
    "tables",
    "texts",
]

_ALPHABET = st.sampled_from(
    list("abcXYZ 019.,;:()") + list("<&>\"'") + list("大会回顾决定，。；：“”（）㈠㈡")
    + list("الجمعيةالعامة،") + list("Генеральная") + ["\u00a0", "\u3000", "\t", "\n"]
)  # fmt: skip
MARKERS = ("1", "2", "3", "*", "a")
"""Footnote markers drawn by `inlines`; a model's footnotes are those its text refers to."""

SUBPARAGRAPH_NUMBERS = (
    "(a)",
    "(b)",
    "(c)",
    "(i)",
    "(ii)",
    "㈠",
    "㈡",
    "（三）",
    "(أ)",
    "б)",
    "*",
    "",
)
OPERATIVE_NUMBERS = ("1.", "2.", "3．", "4.", "10.", "١.", "1 bis.", None)
HEADING_NUMBERS = ("I", "II", "A.", "B.", "一", None)


def texts(min_size: int = 1, max_size: int = 20) -> st.SearchStrategy[str]:
    """Text as printed: CJK, Arabic, Cyrillic, Latin, ``< & >``, odd spaces."""
    return st.text(_ALPHABET, min_size=min_size, max_size=max_size)


@st.composite
def inlines(draw: st.DrawFn, *, notes: bool = True, min_size: int = 1) -> Inlines:
    """Text runs, with footnote markers between them when `notes` is true."""
    pieces: list[Inline] = [Text(text=draw(texts()))]
    for _ in range(draw(st.integers(0 if min_size <= 1 else min_size - 1, 3))):
        if notes and draw(st.booleans()):
            pieces.append(FootnoteRef(marker=draw(st.sampled_from(MARKERS))))
        pieces.append(Text(text=draw(texts())))
    return tuple(pieces)


_TARGETS = st.sampled_from(
    (None, "https://undocs.org/A/RES/67/38", "https://docs.un.org/en/A/77/612?x=1&y=2")
)


@st.composite
def rich_inlines(draw: st.DrawFn, *, notes: bool = True) -> Inlines:
    """`inlines` with references and emphasis among the runs (nested one level)."""
    pieces: list[Inline] = list(draw(inlines(notes=notes)))
    for _ in range(draw(st.integers(0, 2))):
        inner = draw(inlines(notes=notes))
        wrapper: Inline
        if draw(st.booleans()):
            wrapper = Reference(
                content=inner,
                target=draw(_TARGETS),
                kind=draw(st.sampled_from(("document", "resolution", "link"))),
            )
        else:
            bold, italic = draw(st.sampled_from(((True, False), (False, True), (True, True))))
            wrapper = Emphasis(content=inner, bold=bold, italic=italic)
        pieces.insert(draw(st.integers(0, len(pieces))), wrapper)
        pieces.insert(draw(st.integers(0, len(pieces))), Text(text=draw(texts())))
    return tuple(pieces)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """A table of one to four rows, a header row or not, some cells spanning or aligned."""
    rows = []
    for index in range(draw(st.integers(1, 4))):
        header = index == 0 and draw(st.booleans())
        cells = tuple(
            TableCell(
                content=tuple(draw(st.lists(inlines(notes=False), max_size=2))),
                row_span=draw(st.sampled_from((1, 1, 2))),
                col_span=draw(st.sampled_from((1, 1, 2))),
                align=draw(st.sampled_from((None, "left", "center", "right"))),
                header=header,
            )
            for _ in range(draw(st.integers(1, 3)))
        )
        rows.append(TableRow(cells=cells, header=header))
    caption = draw(st.one_of(st.just(()), inlines(notes=False)))
    return Table(rows=tuple(rows), caption=caption)


@st.composite
def subparagraphs(draw: st.DrawFn, depth: int = 2) -> tuple[Subparagraph, ...]:
    """One to three subparagraphs, each possibly with its own, `depth` levels in all."""
    count = draw(st.integers(1, 3))
    out = []
    for _ in range(count):
        children: tuple[Subparagraph, ...] = ()
        if depth > 1 and draw(st.booleans()):
            children = draw(subparagraphs(depth - 1))
        wrap = draw(inlines()) if bool(children) and draw(st.booleans()) else ()
        out.append(
            Subparagraph(
                number=draw(st.sampled_from(SUBPARAGRAPH_NUMBERS)),
                content=draw(inlines()),
                subparagraphs=children,
                wrap_up=wrap,
            )
        )
    return tuple(out)


@st.composite
def _with_initial_words(draw: st.DrawFn) -> tuple[str, Inlines]:
    """Initial words that are a prefix of the text (or none), and the text."""
    rest = draw(inlines())
    if not draw(st.booleans()):
        return "", rest
    words = draw(texts(min_size=1, max_size=6).filter(lambda s: s.strip() != ""))
    first = rest[0]
    assert isinstance(first, Text)
    return words, (Text(text=words + first.text), *rest[1:])


@st.composite
def preambular_paragraphs(draw: st.DrawFn) -> PreambularParagraph:
    words, content = draw(_with_initial_words())
    subs = draw(subparagraphs()) if draw(st.integers(0, 3)) == 0 else ()
    wrap = draw(inlines()) if bool(subs) and draw(st.booleans()) else ()
    return PreambularParagraph(
        initial_words=words, content=content, subparagraphs=subs, wrap_up=wrap
    )


@st.composite
def _operative_paragraph(draw: st.DrawFn) -> OperativeParagraph:
    words, content = draw(_with_initial_words())
    subs = draw(subparagraphs()) if draw(st.integers(0, 2)) == 0 else ()
    wrap = draw(inlines()) if bool(subs) and draw(st.booleans()) else ()
    return OperativeParagraph(
        number=draw(st.sampled_from(OPERATIVE_NUMBERS)),
        initial_words=words,
        content=content,
        subparagraphs=subs,
        wrap_up=wrap,
    )


_HEADINGS = st.builds(
    Heading,
    number=st.sampled_from(HEADING_NUMBERS),
    text=inlines(notes=False),
    level=st.integers(1, 3),
)


def operative_blocks(
    max_size: int = 6, *, structures: bool = False
) -> st.SearchStrategy[tuple[Block, ...]]:
    """Operative paragraphs with headings among them (mostly paragraphs); with
    `structures`, tables and plain paragraphs too."""
    options: list[st.SearchStrategy[Block]] = [
        _operative_paragraph(),
        _operative_paragraph(),
        _HEADINGS,
    ]
    if structures:
        options += [tables(), st.builds(Paragraph, content=rich_inlines())]
    return st.lists(st.one_of(*options), min_size=1, max_size=max_size).map(tuple)


@st.composite
def _with_rich_text(draw: st.DrawFn, block: Block) -> Block:
    """`block` with references and emphasis after its initial words."""
    if not isinstance(block, OperativeParagraph):
        return block
    extra = draw(rich_inlines())
    return OperativeParagraph(
        number=block.number,
        initial_words=block.initial_words,
        content=block.content + extra,
        subparagraphs=block.subparagraphs,
        wrap_up=block.wrap_up,
    )


def _rich_blocks(max_size: int = 6) -> st.SearchStrategy[tuple[Block, ...]]:
    return operative_blocks(max_size, structures=True).flatmap(
        lambda blocks: st.tuples(*(_with_rich_text(b) for b in blocks))
    )


@st.composite
def parts(draw: st.DrawFn, depth: int = 2) -> tuple[Part, ...]:
    """One to three parts, each with its own preamble and blocks, nested `depth` deep."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        inner = draw(parts(depth - 1)) if depth > 1 and draw(st.integers(0, 3)) == 0 else ()
        out.append(
            Part(
                number=draw(st.sampled_from(HEADING_NUMBERS)),
                heading=draw(st.one_of(st.just(()), inlines(notes=False))),
                preamble=tuple(draw(st.lists(preambular_paragraphs(), max_size=2))),
                operative=draw(st.one_of(st.just(()), _rich_blocks(max_size=3))),
                parts=inner,
            )
        )
    return tuple(out)


_ANNEXES = st.builds(
    Annex,
    label=st.sampled_from(("Annex", "Annex I", "附件", "المرفق")),
    title=st.one_of(st.just(()), inlines(notes=False)),
    preamble=st.lists(preambular_paragraphs(), max_size=2).map(tuple),
    body=st.one_of(st.just(()), operative_blocks(max_size=3)),
)
_ANNEXES_WITH_PARTS = st.builds(
    Annex,
    label=st.sampled_from(("Annex", "Annex I", "附件", "المرفق")),
    title=st.one_of(st.just(()), inlines(notes=False)),
    preamble=st.lists(preambular_paragraphs(), max_size=2).map(tuple),
    body=st.one_of(st.just(()), operative_blocks(max_size=3)),
    parts=st.one_of(st.just(()), parts()),
)

_DATES = st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2099, 12, 31))

_COVERS = st.one_of(
    st.just(CoverPage()),
    st.builds(
        CoverPage,
        distribution=st.sampled_from((None, "General", "Limited")),
        distribution_date=st.one_of(st.none(), _DATES),
        distribution_date_text=st.one_of(st.none(), texts()),
        session_text=st.one_of(st.none(), texts()),
        agenda_item=st.one_of(st.none(), st.sampled_from(("89", "99 (s)", "3(b)"))),
        agenda_title=st.one_of(st.none(), texts()),
        adopted_line=st.one_of(st.none(), texts()),
        committee_line=st.one_of(st.none(), texts()),
        job_number=st.one_of(st.none(), st.just("12-48321 (C)")),
    ),
)

_NAMES = st.lists(st.sampled_from(("ALBANIA", "ANDORRA", "中国", "ÉGYPTE", "ФРАНЦИЯ")), max_size=3)

_VOTES_WITH_NAMES = st.builds(
    lambda yes, no, abst: Vote(
        outcome="adoptedRecordedVote",
        in_favour=len(yes),
        against=len(no),
        abstaining=len(abst),
        in_favour_names=tuple(yes),
        against_names=tuple(no),
        abstaining_names=tuple(abst),
    ),
    _NAMES,
    _NAMES,
    _NAMES,
)

_VOTES = st.one_of(
    st.none(),
    st.builds(Vote, outcome=st.just("adoptedWithoutVote")),
    st.builds(
        Vote,
        outcome=st.just("adoptedRecordedVote"),
        in_favour=st.integers(0, 193),
        against=st.one_of(st.none(), st.integers(0, 193)),
        abstaining=st.one_of(st.none(), st.integers(0, 193)),
    ),
)


def _markers(resolution_parts: object) -> list[str]:
    """Footnote markers in order of first reference, found anywhere in the parts."""
    seen: dict[str, None] = {}

    def walk(value: object) -> None:
        if isinstance(value, FootnoteRef):
            seen.setdefault(value.marker, None)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif hasattr(value, "__slots__"):
            for name in value.__slots__:
                walk(getattr(value, name))

    walk(resolution_parts)
    return list(seen)


@st.composite
def resolutions(draw: st.DrawFn, *, structures: bool = False) -> Resolution:
    """A valid resolution model with an adoption date (what the AKN writer needs).

    With `structures`, also references, emphasis, tables, parts, components and the
    States' names in the vote.
    """
    lang = draw(st.sampled_from(sorted(LANGUAGES)))
    session = draw(st.integers(1, 99))
    number = f"{session}/{draw(st.integers(1, 350))}"
    if structures and draw(st.integers(0, 3)) == 0:
        components = tuple(
            draw(_resolution_body(lang, number, structures=True, suffix=f" {letter}"))
            for letter in "AB"[: draw(st.integers(1, 2))]
        )
        collection = draw(_resolution_body(lang, number, structures=False, suffix=""))
        return Resolution(
            symbol=collection.symbol,
            number=number,
            language=lang,
            title=collection.title,
            authority="",
            cover=collection.cover,
            components=components,
        )
    return draw(_resolution_body(lang, number, structures=structures, suffix=""))


@st.composite
def _resolution_body(
    draw: st.DrawFn, lang: str, number: str, *, structures: bool, suffix: str
) -> Resolution:
    title = draw(rich_inlines() if structures else inlines())
    preamble = tuple(draw(st.lists(preambular_paragraphs(), max_size=4)))
    operative = draw(_rich_blocks() if structures else operative_blocks())
    body_parts = draw(parts()) if structures and draw(st.booleans()) else ()
    annexes = tuple(draw(st.lists(_ANNEXES_WITH_PARTS if structures else _ANNEXES, max_size=2)))
    markers = _markers((title, preamble, operative, body_parts, annexes))
    notes = rich_inlines(notes=False) if structures else inlines(notes=False)
    footnotes = tuple(
        Footnote(marker=marker, content=draw(st.one_of(st.none(), notes))) for marker in markers
    )
    meeting = draw(st.one_of(st.none(), st.integers(1, 120)))
    adoption = Adoption(
        date=draw(_DATES),
        date_text=draw(texts()),
        meeting=meeting,
        # A resolution always records its meeting, if only as printed text.
        meeting_text=draw(texts()) if meeting is None else f"{meeting}th plenary meeting",
    )
    votes = st.one_of(_VOTES, _VOTES_WITH_NAMES) if structures else _VOTES
    return Resolution(
        symbol=f"A/RES/{number}{suffix}",
        number=f"{number}{suffix}",
        language=lang,
        title=title,
        authority=draw(st.sampled_from(("大会，", "The General Assembly,", "إن الجمعية العامة،"))),
        preamble=preamble,
        operative=operative,
        footnotes=footnotes,
        adoption=adoption,
        annexes=annexes,
        cover=draw(_COVERS),
        vote=draw(votes),
        parts=body_parts,
    )
