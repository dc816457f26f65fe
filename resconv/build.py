"""Factories for resolution models, with defaults, so that a model in a test or an example
is one line long.

Text may be given as plain strings: each string becomes one `Text`, and a `FootnoteRef`
(`ref("1")`) stands where the marker is printed. Children may be given as lists. What is
not given takes the model's own default, or a neutral value for what the model requires::

    from resconv import build as b

    b.resolution(operative=[b.operative("Decides to continue.", number="1.")])
    b.preambular("Recalling its resolution 56/24,", b.ref("1"), initial_words="Recalling")
"""

from __future__ import annotations

from collections.abc import Iterable

from resconv import _dates as _dt  # start-up speed: resconv/_dates.py
from resconv import model

__all__ = [
    "Content",
    "adoption",
    "annex",
    "cell",
    "emphasis",
    "footnote",
    "heading",
    "inlines",
    "operative",
    "paragraph",
    "part",
    "preambular",
    "ref",
    "reference",
    "resolution",
    "row",
    "subparagraph",
    "table",
    "text",
    "vote",
]

TextOrInline = str | model.Inline
"""What a factory takes for text: an inline, or a plain string, which becomes one `Text`."""
Content = str | Iterable[TextOrInline]
"""Text given as one string, or as pieces in printed order."""


def text(value: str) -> model.Text:
    """A run of text."""
    return model.Text(text=value)


def ref(marker: str) -> model.FootnoteRef:
    """A footnote marker where it is printed."""
    return model.FootnoteRef(marker=marker)


def reference(
    *content: TextOrInline, target: str | None = None, kind: str = "document"
) -> model.Reference:
    """A reference as printed: `reference("A/77/612", target="https://undocs.org/A/77/612")`."""
    return model.Reference(content=inlines(*content), target=target, kind=kind)


def emphasis(*content: TextOrInline, bold: bool = False, italic: bool = False) -> model.Emphasis:
    """Text set in bold and/or italic: `emphasis("not", italic=True)`."""
    return model.Emphasis(content=inlines(*content), bold=bold, italic=italic)


def inlines(*pieces: TextOrInline) -> model.Inlines:
    """`Inlines` from strings and inline values, in printed order."""
    return tuple(model.Text(text=piece) if isinstance(piece, str) else piece for piece in pieces)


def _content(value: Content) -> model.Inlines:
    return inlines(value) if isinstance(value, str) else inlines(*value)


def subparagraph(
    number: str,
    *content: TextOrInline,
    subparagraphs: Iterable[model.Subparagraph] = (),
    wrap_up: Content = (),
) -> model.Subparagraph:
    """A subparagraph numbered as printed: `subparagraph("(a)", "to report;")`."""
    return model.Subparagraph(
        number=number,
        content=inlines(*content),
        subparagraphs=tuple(subparagraphs),
        wrap_up=_content(wrap_up),
    )


def preambular(
    *content: TextOrInline,
    initial_words: str = "",
    subparagraphs: Iterable[model.Subparagraph] = (),
    wrap_up: Content = (),
) -> model.PreambularParagraph:
    """A preambular paragraph; `initial_words` must begin its text, as in the model."""
    return model.PreambularParagraph(
        initial_words=initial_words,
        content=inlines(*content),
        subparagraphs=tuple(subparagraphs),
        wrap_up=_content(wrap_up),
    )


def operative(
    *content: TextOrInline,
    number: str | None = None,
    initial_words: str = "",
    subparagraphs: Iterable[model.Subparagraph] = (),
    wrap_up: Content = (),
) -> model.OperativeParagraph:
    """An operative paragraph; unnumbered unless `number` ("1.") is given."""
    return model.OperativeParagraph(
        number=number,
        initial_words=initial_words,
        content=inlines(*content),
        subparagraphs=tuple(subparagraphs),
        wrap_up=_content(wrap_up),
    )


def heading(*content: TextOrInline, number: str | None = None, level: int = 1) -> model.Heading:
    """A heading between paragraphs; unnumbered unless `number` ("I", "A.") is given."""
    return model.Heading(number=number, text=inlines(*content), level=level)


def paragraph(*content: TextOrInline) -> model.Paragraph:
    """A plain paragraph, neither preambular nor operative."""
    return model.Paragraph(content=inlines(*content))


def cell(
    *paragraphs: Content,
    row_span: int = 1,
    col_span: int = 1,
    align: str | None = None,
    header: bool = False,
) -> model.TableCell:
    """A table cell, one argument per paragraph: `cell("12,5", align="right")`."""
    return model.TableCell(
        content=tuple(_content(p) for p in paragraphs),
        row_span=row_span,
        col_span=col_span,
        align=align,
        header=header,
    )


def row(*cells: model.TableCell | str, header: bool = False) -> model.TableRow:
    """A table row; a plain string is a one-paragraph cell (a header cell in a header row)."""
    return model.TableRow(
        cells=tuple(cell(c, header=header) if isinstance(c, str) else c for c in cells),
        header=header,
    )


def table(*rows: model.TableRow, caption: Content = ()) -> model.Table:
    """A table: `table(row("Year", "Amount", header=True), row("2026", "82,193,200"))`."""
    return model.Table(rows=tuple(rows), caption=_content(caption))


def part(
    number: str | None = None,
    heading: Content = (),
    *,
    preamble: Iterable[model.PreambularParagraph] = (),
    operative: Iterable[model.Block] = (),
    parts: Iterable[model.Part] = (),
) -> model.Part:
    """A headed part with its own preamble and operative paragraphs: `part("I", "Budget")`."""
    return model.Part(
        number=number,
        heading=_content(heading),
        preamble=tuple(preamble),
        operative=tuple(operative),
        parts=tuple(parts),
    )


def vote(
    outcome: str = "adoptedRecordedVote",
    *,
    in_favour: Iterable[str] | int | None = None,
    against: Iterable[str] | int | None = None,
    abstaining: Iterable[str] | int | None = None,
) -> model.Vote:
    """A vote; give each side as a count or as the States' names (the count follows)."""

    def side(value: Iterable[str] | int | None) -> tuple[int | None, tuple[str, ...]]:
        if value is None or isinstance(value, int):
            return value, ()
        names = tuple(value)
        return len(names), names

    (yes, yes_names), (no, no_names), (abst, abst_names) = map(
        side, (in_favour, against, abstaining)
    )
    return model.Vote(
        outcome=outcome,
        in_favour=yes,
        against=no,
        abstaining=abst,
        in_favour_names=yes_names,
        against_names=no_names,
        abstaining_names=abst_names,
    )


def footnote(marker: str, *content: TextOrInline) -> model.Footnote:
    """A footnote body: `footnote("1", "See ", reference("A/79/1", target=…), ".")`;
    without content, a marker whose note the input did not carry."""
    if not content:
        return model.Footnote(marker=marker, content=None)
    if len(content) == 1 and isinstance(content[0], str):
        return model.Footnote.of_text(marker, content[0])
    return model.Footnote(marker=marker, content=inlines(*content))


def adoption(
    date_text: str = "",
    meeting_text: str = "",
    *,
    date: _dt.date | None = None,
    meeting: int | None = None,
) -> model.Adoption:
    """The adoption lines as printed, with the date and meeting number when known."""
    return model.Adoption(
        date=date, date_text=date_text, meeting=meeting, meeting_text=meeting_text
    )


def annex(
    label: str = "Annex",
    *,
    title: Content = (),
    preamble: Iterable[model.PreambularParagraph] = (),
    body: Iterable[model.Block] = (),
    parts: Iterable[model.Part] = (),
) -> model.Annex:
    """An annex with its label as printed ("Annex I", "附件")."""
    return model.Annex(
        label=label,
        title=_content(title),
        preamble=tuple(preamble),
        body=tuple(body),
        parts=tuple(parts),
    )


def resolution(
    *,
    symbol: str = "A/RES/67/38",
    number: str | None = None,
    language: str = "en",
    title: Content = "Title",
    authority: str = "The General Assembly,",
    preamble: Iterable[model.PreambularParagraph] = (),
    operative: Iterable[model.Block] = (),
    footnotes: Iterable[model.Footnote] = (),
    adoption: model.Adoption | None = None,
    annexes: Iterable[model.Annex] = (),
    cover: model.CoverPage | None = None,
    vote: model.Vote | None = None,
    parts: Iterable[model.Part] = (),
    components: Iterable[model.Resolution] = (),
) -> model.Resolution:
    """A resolution; `number` defaults to the session and number of `symbol` ("67/38")."""
    if number is None:
        number = "/".join(symbol.split("/")[-2:])
    return model.Resolution(
        symbol=symbol,
        number=number,
        language=language,
        title=_content(title),
        authority=authority,
        preamble=tuple(preamble),
        operative=tuple(operative),
        footnotes=tuple(footnotes),
        adoption=adoption,
        annexes=tuple(annexes),
        cover=model.CoverPage() if cover is None else cover,
        vote=vote,
        parts=tuple(parts),
        components=tuple(components),
    )
