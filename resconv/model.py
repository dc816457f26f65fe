"""The resolution model: one value every reader builds and every writer consumes.

Standard library only, and no knowledge of any file format. Every class is a frozen,
slotted, keyword-only dataclass with tuple children, so a `Resolution` is a hashable
value; edit it with `dataclasses.replace`.

Text lives in `Inlines`, a tuple of `Text` and `FootnoteRef` pieces, so that a footnote
marker stays exactly where it was printed; `Reference` (a document symbol with its target)
and `Emphasis` (bold, italic) wrap inlines of their own. `iter_leaves` and `plain_text`
flatten them, so that no writer re-implements the walk. A `Text` refuses characters that no XML
document can hold (C0 controls other than tab and newline, U+FFFE/U+FFFF) and unpaired
surrogates: readers clean their input first, and every writer can rely on that.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field

from resconv import _dates as _dt  # start-up speed: resconv/_dates.py
from resconv._dataclass import dataclass
from resconv.errors import InvalidTextError
from resconv.xmlchars import XML_ILLEGAL, find_illegal_characters

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import TypeAlias

__all__ = [
    "REFERENCE_KINDS",
    "Adoption",
    "Annex",
    "Block",
    "CoverPage",
    "Emphasis",
    "Footnote",
    "FootnoteRef",
    "Heading",
    "Inline",
    "Inlines",
    "OperativeParagraph",
    "Paragraph",
    "Part",
    "PreambularParagraph",
    "Reference",
    "Resolution",
    "Subparagraph",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "Vote",
    "find_illegal_characters",
    "iter_leaves",
    "iter_text",
    "plain_text",
]


def _refuse_illegal(owner: object, *names: str) -> None:
    """Refuse XML-illegal characters in the plain string fields `names` of `owner`."""
    for name in names:
        value = getattr(owner, name)
        if isinstance(value, str):
            bad = XML_ILLEGAL.search(value)
            if bad is not None:
                raise InvalidTextError(
                    f"character U+{ord(bad.group()):04X} in {type(owner).__name__}.{name} "
                    "cannot be kept in a resolution (XML-illegal control character or "
                    "unpaired surrogate)"
                )


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    """A run of text as printed."""

    text: str

    def __post_init__(self) -> None:
        bad = XML_ILLEGAL.search(self.text)
        if bad is not None:
            raise InvalidTextError(
                f"character U+{ord(bad.group()):04X} at offset {bad.start()} cannot be kept "
                "in a resolution (XML-illegal control character or unpaired surrogate)"
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class FootnoteRef:
    """The place where a footnote marker was printed."""

    marker: str
    """The marker as printed: "1", "2", "*"."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "marker")


REFERENCE_KINDS = ("document", "resolution", "link")
"""What a `Reference` names: a document symbol ("A/77/612", "S/RES/2661 (2022)"), a
resolution by its number ("67/38", "第66/32号决议"), or any other link of the source."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """A reference to another document, as printed, with where it points."""

    content: Inlines
    """The reference as printed: "A/RES/67/38", "resolution 67/38", "第66/32号决议"."""
    target: str | None = None
    """An absolute IRI for the referenced document ("https://undocs.org/A/RES/67/38"), as
    the source linked it; None when the source named a document without linking it."""
    kind: str = "document"
    """One of `REFERENCE_KINDS`."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "target", "kind")
        if self.kind not in REFERENCE_KINDS:
            raise InvalidTextError(
                f"reference kind {self.kind!r} is not one of {', '.join(REFERENCE_KINDS)}"
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class Emphasis:
    """Text set in bold, italic or both where the source sets it so.

    Initial words are not `Emphasis`: they are `initial_words` of their paragraph, and
    each writer styles them in its language's way.
    """

    content: Inlines
    bold: bool = False
    italic: bool = False


Inline: TypeAlias = Text | FootnoteRef | Reference | Emphasis
Inlines: TypeAlias = tuple[Inline, ...]


def iter_leaves(inlines: Inlines) -> Iterator[Text | FootnoteRef]:
    """The `Text` and `FootnoteRef` pieces of `inlines` in reading order, unwrapped from
    any `Reference` or `Emphasis` around them."""
    for piece in inlines:
        if isinstance(piece, Text | FootnoteRef):
            yield piece
        else:
            yield from iter_leaves(piece.content)


def iter_text(inlines: Inlines) -> Iterator[str]:
    """The strings of the `Text` pieces of `inlines`, in reading order."""
    for piece in iter_leaves(inlines):
        if isinstance(piece, Text):
            yield piece.text


def plain_text(inlines: Inlines) -> str:
    """The text of `inlines` without footnote markers, references and emphasis unwrapped."""
    return "".join(iter_text(inlines))


@dataclass(frozen=True, slots=True, kw_only=True)
class Subparagraph:
    """A lettered or numbered subparagraph: (a), (b); nested (i), (ii) or ㈠, ㈡."""

    number: str
    """As printed, with its brackets: "(a)", "(ii)", "㈠"."""
    content: Inlines
    """The text; when there are subparagraphs, the lead-in before them."""
    subparagraphs: tuple[Subparagraph, ...] = ()
    wrap_up: Inlines = ()
    """Text printed after the nested subparagraphs, if any."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "number")


@dataclass(frozen=True, slots=True, kw_only=True)
class PreambularParagraph:
    """One unnumbered paragraph of the preamble."""

    initial_words: str
    """The opening phrase set in italics (bold in Chinese): "Recalling also", "又回顾".

    Always a prefix of the paragraph's text; empty when the paragraph has none.
    """
    content: Inlines
    subparagraphs: tuple[Subparagraph, ...] = ()
    wrap_up: Inlines = ()

    def __post_init__(self) -> None:
        _refuse_illegal(self, "initial_words")


@dataclass(frozen=True, slots=True, kw_only=True)
class OperativeParagraph:
    """A numbered paragraph of the operative part (or of an annex)."""

    number: str | None
    """As printed: "1.", "1．"; None for an unnumbered paragraph."""
    initial_words: str
    """The operative verb phrase: "Reaffirms", "重申"; a prefix of the text, or empty."""
    content: Inlines
    """The text; when there are subparagraphs, the lead-in before them."""
    subparagraphs: tuple[Subparagraph, ...] = ()
    wrap_up: Inlines = ()

    def __post_init__(self) -> None:
        _refuse_illegal(self, "number", "initial_words")


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    """A heading between paragraphs: "I", "A.", or an unnumbered subheading."""

    number: str | None
    """As printed: "I", "A."; None when the heading has no number."""
    text: Inlines
    level: int = 1
    """1 for the top level of headings in its part, 2 below it, and so on."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "number")


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """A paragraph of plain text that is neither preambular nor operative.

    Readers keep here, at the place it stood, text they could not map to anything else
    (and say so in a diagnostic): nothing is dropped.
    """

    content: Inlines


@dataclass(frozen=True, slots=True, kw_only=True)
class TableCell:
    """One cell: its paragraphs, the rows and columns it spans, and its alignment."""

    content: tuple[Inlines, ...] = ()
    """One `Inlines` per paragraph of the cell; empty for an empty cell."""
    row_span: int = 1
    col_span: int = 1
    align: str | None = None
    """"left", "center", "right" or "justify"; None when the source does not say."""
    header: bool = False
    """A header cell (a column or row heading)."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "align")
        if self.row_span < 1 or self.col_span < 1:
            raise InvalidTextError("a table cell spans at least one row and one column")


@dataclass(frozen=True, slots=True, kw_only=True)
class TableRow:
    """One row of cells; `header` rows repeat at the top of each page of a long table."""

    cells: tuple[TableCell, ...] = ()
    header: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A table standing where a paragraph can stand."""

    rows: tuple[TableRow, ...] = ()
    caption: Inlines = ()
    """The title printed with the table, if the source ties one to it."""


Block: TypeAlias = OperativeParagraph | Heading | Table | Paragraph
"""What the operative part, a part and an annex are made of."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """A headed part of the body ("I", "A.") with its own preamble and operative part.

    Used when a resolution is made of sections that each have preambular and operative
    paragraphs (the UN's budget and omnibus resolutions); a heading that only groups
    operative paragraphs stays a `Heading` among the blocks.
    """

    number: str | None
    """As printed: "I", "A."; None when the part has only a heading."""
    heading: Inlines = ()
    preamble: tuple[PreambularParagraph, ...] = ()
    operative: tuple[Block, ...] = ()
    parts: tuple[Part, ...] = ()
    """Parts within this part ("A", "B" under "I"), after its operative blocks."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "number")


@dataclass(frozen=True, slots=True, kw_only=True)
class Footnote:
    """A footnote body, joined to its references by `marker`.

    Its text is inline content like a paragraph's, so that the references and emphasis
    printed in a note keep their targets and style; a note holds no footnote marker.
    """

    marker: str
    content: Inlines | None
    """The note as printed; None when the input carried the marker but not the note."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "marker")
        if self.content is not None and any(
            isinstance(piece, FootnoteRef) for piece in iter_leaves(self.content)
        ):
            raise InvalidTextError(f"footnote {self.marker!r} holds a footnote marker")

    @property
    def text(self) -> str | None:
        """The note's plain text (references and emphasis unwrapped); None without a note."""
        return None if self.content is None else plain_text(self.content)

    @classmethod
    def of_text(cls, marker: str, text: str | None) -> Footnote:
        """A note of plain text: one `Text`, none for an empty note, None without a note."""
        return cls(marker=marker, content=None if text is None else _plain(text))

    @property
    def is_plain(self) -> bool:
        """True when the note is plain text, as `of_text` makes it (no reference, no emphasis)."""
        return self.content is None or self.content == _plain(plain_text(self.content))


def _plain(text: str) -> Inlines:
    return (Text(text=text),) if text else ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Annex:
    """An annex printed after the adoption block."""

    label: str
    """As printed: "Annex", "Annex I", "附件"."""
    title: Inlines = ()
    preamble: tuple[PreambularParagraph, ...] = ()
    """Unnumbered paragraphs before the first numbered one or heading."""
    body: tuple[Block, ...] = ()
    parts: tuple[Part, ...] = ()
    """Headed parts, each with its own preamble and operative part, after `body`."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "label")


@dataclass(frozen=True, slots=True, kw_only=True)
class Adoption:
    """Where and when the General Assembly adopted the resolution."""

    date: _dt.date | None
    date_text: str
    """As printed: "3 December 2012", "2012年12月3日"."""
    meeting: int | None
    meeting_text: str
    """As printed: "48th plenary meeting", "第48次全体会议"."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "date_text", "meeting_text")


@dataclass(frozen=True, slots=True, kw_only=True)
class Vote:
    """The vote recorded for the adoption, when the source records one."""

    outcome: str
    """"adoptedWithoutVote" or "adoptedRecordedVote" (AKN4UN's words, kept as data)."""
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    in_favour_names: tuple[str, ...] = ()
    """The States that voted in favour, as the source names them; empty when not given."""
    against_names: tuple[str, ...] = ()
    abstaining_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _refuse_illegal(self, "outcome")
        for names in (self.in_favour_names, self.against_names, self.abstaining_names):
            for name in names:
                if XML_ILLEGAL.search(name):
                    raise InvalidTextError("a State's name in a vote holds an illegal character")


@dataclass(frozen=True, slots=True, kw_only=True)
class CoverPage:
    """What the first page of the official document carries around the text."""

    distribution: str | None = None
    """"General", "Limited"."""
    distribution_date: _dt.date | None = None
    distribution_date_text: str | None = None
    session_text: str | None = None
    """"Eightieth session", "第六十七届会议"."""
    agenda_item: str | None = None
    """The item number as printed: "89", "99 (s)"."""
    agenda_title: str | None = None
    adopted_line: str | None = None
    """"Resolution adopted by the General Assembly on 14 November 2025"."""
    committee_line: str | None = None
    """As printed: "[without reference to a Main Committee (A/80/L.7)]"."""
    job_number: str | None = None
    """"25-18769 (E)"."""

    def __post_init__(self) -> None:
        _refuse_illegal(
            self,
            "distribution",
            "distribution_date_text",
            "session_text",
            "agenda_item",
            "agenda_title",
            "adopted_line",
            "committee_line",
            "job_number",
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """A General Assembly resolution in one language."""

    symbol: str
    """"A/RES/67/38"."""
    number: str
    """Session and number: "67/38"."""
    language: str
    """ISO 639-1 code of the text: "zh", "en", "fr", "es", "ru", "ar", "de"."""
    title: Inlines
    authority: str
    """The enacting formula as printed: "大会，", "The General Assembly,"."""
    preamble: tuple[PreambularParagraph, ...] = ()
    operative: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    """Every footnote referenced from the text, in marker order of first reference."""
    adoption: Adoption | None = None
    annexes: tuple[Annex, ...] = ()
    cover: CoverPage = field(default_factory=CoverPage)
    vote: Vote | None = None
    parts: tuple[Part, ...] = ()
    """Headed parts, each with its own preamble and operative part, after `operative`."""
    components: tuple[Resolution, ...] = ()
    """Resolutions A, B, C … adopted under this one number, each a full resolution with its
    own title, body, adoption and vote. When there are components, this resolution is the
    collection: its symbol, number, title and cover page are the collection's, and its
    body is usually empty."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "symbol", "number", "language", "authority")

    @property
    def session(self) -> int | None:
        """The session number taken from `number` ("67/38" → 67)."""
        head = self.number.split("/", 1)[0]
        return int(head) if head.isdigit() else None

    def footnote(self, marker: str) -> Footnote | None:
        """The footnote with this marker, if the resolution has it."""
        for note in self.footnotes:
            if note.marker == marker:
                return note
        return None
