"""The resolution model: one value every reader builds and every writer consumes.

Standard library only, and no knowledge of any file format. Every class is a frozen,
slotted, keyword-only dataclass with tuple children, so a `Resolution` is a hashable
value; edit it with `dataclasses.replace`.

Text lives in `Inlines`, a tuple of `Text` and `FootnoteRef` pieces, so that a footnote
marker stays exactly where it was printed. A `Text` refuses characters that no XML
document can hold (C0 controls other than tab and newline, U+FFFE/U+FFFF) and unpaired
surrogates: readers clean their input first, and every writer can rely on that.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TypeAlias

from resconv.errors import InvalidTextError
from resconv.xmlchars import XML_ILLEGAL, find_illegal_characters

__all__ = [
    "Adoption",
    "Annex",
    "Block",
    "CoverPage",
    "Footnote",
    "FootnoteRef",
    "Heading",
    "Inline",
    "Inlines",
    "OperativeParagraph",
    "PreambularParagraph",
    "Resolution",
    "Subparagraph",
    "Text",
    "Vote",
    "find_illegal_characters",
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


Inline: TypeAlias = Text | FootnoteRef
Inlines: TypeAlias = tuple[Inline, ...]


def plain_text(inlines: Inlines) -> str:
    """The text of `inlines` without footnote markers."""
    return "".join(piece.text for piece in inlines if isinstance(piece, Text))


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


Block: TypeAlias = OperativeParagraph | Heading
"""What the operative part and an annex are made of."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Footnote:
    """A footnote body, joined to its references by `marker`."""

    marker: str
    text: str | None
    """The note as printed; None when the input carried the marker but not the note."""

    def __post_init__(self) -> None:
        _refuse_illegal(self, "marker", "text")


@dataclass(frozen=True, slots=True, kw_only=True)
class Annex:
    """An annex printed after the adoption block."""

    label: str
    """As printed: "Annex", "Annex I", "附件"."""
    title: Inlines = ()
    preamble: tuple[PreambularParagraph, ...] = ()
    """Unnumbered paragraphs before the first numbered one or heading."""
    body: tuple[Block, ...] = ()

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

    def __post_init__(self) -> None:
        _refuse_illegal(self, "outcome")


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
    """ISO 639-1 code of the text: "zh", "en", "fr", "es", "ru", "ar"."""
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
