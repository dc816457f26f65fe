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

import datetime as _dt
from collections.abc import Iterable

from resconv import model

__all__ = [
    "Content",
    "adoption",
    "annex",
    "footnote",
    "heading",
    "inlines",
    "operative",
    "preambular",
    "ref",
    "resolution",
    "subparagraph",
    "text",
]

Piece = str | model.Inline
"""A piece of text: a plain string is one `Text`."""
Content = str | Iterable[Piece]
"""Text given as one string, or as pieces in printed order."""


def text(value: str) -> model.Text:
    """A run of text."""
    return model.Text(text=value)


def ref(marker: str) -> model.FootnoteRef:
    """A footnote marker where it is printed."""
    return model.FootnoteRef(marker=marker)


def inlines(*pieces: Piece) -> model.Inlines:
    """`Inlines` from strings and inline values, in printed order."""
    return tuple(model.Text(text=piece) if isinstance(piece, str) else piece for piece in pieces)


def _content(value: Content) -> model.Inlines:
    return inlines(value) if isinstance(value, str) else inlines(*value)


def subparagraph(
    number: str,
    *content: Piece,
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
    *content: Piece,
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
    *content: Piece,
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


def heading(*content: Piece, number: str | None = None, level: int = 1) -> model.Heading:
    """A heading between paragraphs; unnumbered unless `number` ("I", "A.") is given."""
    return model.Heading(number=number, text=inlines(*content), level=level)


def footnote(marker: str, note: str | None = None) -> model.Footnote:
    """A footnote body; without `note`, a marker whose note the input did not carry."""
    return model.Footnote(marker=marker, text=note)


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
) -> model.Annex:
    """An annex with its label as printed ("Annex I", "附件")."""
    return model.Annex(
        label=label, title=_content(title), preamble=tuple(preamble), body=tuple(body)
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
    )
