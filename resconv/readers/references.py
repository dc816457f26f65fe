"""References recognised in text: document symbols and resolution numbers become links.

A reader of text (plain text, and PDF and Word through it) sees "A/77/612" or
"resolution 66/32" as characters only; the UN's own Akoma Ntoso links each of them to
undocs.org. `recognise_references` gives a model those links: every document symbol, and
every resolution number cited after (or, in Chinese, inside) the language's word for
resolution, becomes a `Reference` around the printed symbol or number, with the target
the UN would give it. The body that adopted a resolution decides its symbol ("Security
Council resolution 2661 (2022)" → S/RES/2661(2022)); what cannot be told apart (a number
whose body is unknown) stays text. The words are data (`resconv.lang.references`).

Text already inside a `Reference` is left as it is, so recognising twice changes nothing;
titles are left too (a citation there is the subject, not a link of the text).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.akn.eid import roman
from resconv.lang.references import BODY_SERIES, CITATIONS, Citations
from resconv.model import Emphasis, FootnoteRef, Inline, Inlines, Reference, Resolution, Text

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Citation", "find_citations", "recognise_references"]

_SEGMENT = r"[A-Za-z0-9]+(?:[.\-‐‑][A-Za-z0-9]+)*"
_QUALIFIER = (
    r"(?:[ \u00a0]?\((?:(?:Parts?|Vol\.|Sect\.|SUPP|Supp\.)[ \u00a0]?[^()]{0,16}|(?:19|20)\d\d)\))"
)
_SYMBOL = re.compile(
    rf"(?<![A-Za-z0-9/.\-])[A-Z]{{1,8}}\d{{0,3}}(?:\.\d+)?(?:/{_SEGMENT})+{_QUALIFIER}?(?:/{_SEGMENT})*"
)
"""A UN document symbol: "A/77/612", "A/C.5/80/L.1", "S/PRST/2017/22", "A/79/6 (Sect. 3)/Add.4"."""
_JOINT = re.compile(r"[-‐‑–](?=[A-Z]{1,8}(?:\.\d+)?/)")
"""Where a joint symbol joins the next ("A/55/530-S/2000/1052"): linked to the first."""
_HAS_DIGIT = re.compile(r"\d")
_ROMAN = r"(?:ES[-‐‑]|S[-‐‑])?[IVXL]+"
_SPACE = r"[ \u00a0\u202f\u2009]"
_FIRST_NUMBERED_SESSION = 31
"""The Assembly numbers its resolutions "31/1" from its thirty-first session (1976) on;
before, "1514 (XV)"."""


def _number_pattern(citations: Citations) -> re.Pattern[str]:
    """A resolution number in any of its printed forms, with named groups."""
    sessions = "|".join(re.escape(prefix) for prefix in citations.session_prefixes)
    session = f"{_ROMAN}|(?:{sessions})\\d{{1,2}}" if sessions else _ROMAN
    letters = rf"(?:{_SPACE}?[A-Z](?:{_SPACE}?(?:to|and|à|et|a|y|и|至|و|-|–){_SPACE}?[A-Z])?)"
    special = "|".join(["ES", "S", *(re.escape(p[:-1]) for p, _ in citations.special_sessions)])
    return re.compile(
        r"(?<![0-9A-Za-z/.\-])(?:"
        rf"(?P<special>(?:{special})[-‐‑]\d{{1,2}}/\d{{1,3}})"
        rf"|(?P<council>\d{{1,4}}){_SPACE}?\((?P<year>(?:19|20)\d\d)\)"
        rf"|(?P<old>\d{{1,4}}){letters}?{_SPACE}?\((?P<session>{session})\)"
        r"|(?P<first>\d{1,4})/(?P<second>\d{1,4})"
        r")(?![0-9/])"
    )


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference found in a string: where it is printed, and what it names."""

    start: int
    end: int
    symbol: str
    """The symbol of the document named, without spaces: "A/RES/66/32", "S/RES/2661(2022)"."""
    kind: str
    """"document" for a symbol as printed, "resolution" for a resolution's number."""


@dataclass(frozen=True, slots=True, eq=False)
class _Patterns:
    """A language's citation patterns, compiled once."""

    citations: Citations
    number: re.Pattern[str]
    enclosed: re.Pattern[str] | None
    keyword: re.Pattern[str]
    stop: re.Pattern[str]
    bodies: tuple[tuple[re.Pattern[str], str], ...]
    body_before: re.Pattern[str]
    body_after: re.Pattern[str]


@cache
def _patterns(language: str) -> _Patterns | None:
    citations = CITATIONS.get(language)
    if citations is None:
        return None
    names = "|".join(f"(?:{name})" for name, _ in citations.bodies)
    number = _number_pattern(citations)
    return _Patterns(
        citations=citations,
        number=number,
        enclosed=_enclosed_pattern(citations, number),
        keyword=re.compile(citations.keyword),
        stop=re.compile(citations.stop),
        bodies=tuple((re.compile(name), body) for name, body in citations.bodies),
        # "Human Rights Council, in its resolution", "人权理事会2024年7月10日第56/2号决议"
        body_before=re.compile(
            rf"(?:{names})(?:[^\d.;:。；]{{0,16}}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日[的\s]*)$"
        ),
        # "résolution 39/4 du Conseil …", "резолюция 39/4 Совета …", "القرار 56/2 لمجلس …"
        body_after=re.compile(
            rf"^[\s\u00a0]*(?:(?:of the|du|de la|de l[’']|del|des|de|des|ل|des)[\s\u00a0]*)?"
            rf"(?:ا?ل)?(?:{names})"
        ),
    )


_GAP_LENGTH = 250
"""The most text between two numbers of one list ("of 21 March 2024 entitled “…”, ")."""
_GAP_END = re.compile(r"[;:；：。\n]|(?<!\d)\.\s")
"""What ends a list of numbers: a clause or a sentence (not the dot of "4. Dezember")."""
_ENCLOSED_GAP = re.compile(
    r"^(?:[\s\u00a0、，,和及与或以]|以及|\d{4}年\d{1,2}月\d{1,2}日|[A-Z](?:[至和][A-Z])?)*$"
)


def find_citations(text: str, language: str) -> list[Citation]:
    """The document symbols and resolution numbers cited in `text`, in order, not overlapping."""
    found = list(_symbols(text))
    patterns = _patterns(language)
    if patterns is not None:
        taken = [(c.start, c.end) for c in found]
        numbers = (
            _enclosed_numbers(text, patterns)
            if patterns.enclosed is not None
            else _numbers_after_keywords(text, patterns)
        )
        found += [
            c for c in numbers if not any(c.start < end and start < c.end for start, end in taken)
        ]
    return sorted(found, key=lambda c: c.start)


def _symbols(text: str) -> Iterator[Citation]:
    for match in _SYMBOL.finditer(text):
        printed = match.group().rstrip(".-‐‑")
        if not _HAS_DIGIT.search(printed):
            continue  # "HIV/AIDS", "UN/DESA": words, not symbols
        first = _JOINT.split(printed, maxsplit=1)[0]
        yield Citation(match.start(), match.start() + len(printed), _tidy(first), "document")


def _tidy(symbol: str) -> str:
    """The symbol as the UN writes it in a link: no spaces, plain hyphens."""
    return re.sub(r"\s", "", symbol).replace("‐", "-").replace("‑", "-")


def _numbers_after_keywords(text: str, patterns: _Patterns) -> Iterator[Citation]:
    """Numbers after the keyword ("resolutions 72/266 of … and 74/262"), each keyword's
    numbers running on while only dates, letters and conjunctions stand between them."""
    keywords = list(patterns.keyword.finditer(text))
    for index, keyword in enumerate(keywords):
        limit = keywords[index + 1].start() if index + 1 < len(keywords) else len(text)
        chain: list[re.Match[str]] = []
        position = keyword.end()
        body = _body_before(text[: keyword.start()], patterns)
        lead = re.match(r"[\s\u00a0]*", text[position:])
        between = patterns.body_after.match(text[position:])  # "قرار مجلس الأمن 2334"
        if between is not None:
            body = body or _body_named(between.group(), patterns)
            position += between.end()
        elif lead is not None:
            position += lead.end()
        for match in patterns.number.finditer(text, position, limit):
            gap = text[position : match.start()]
            if chain:
                if len(gap) > _GAP_LENGTH or _GAP_END.search(gap) or patterns.stop.search(gap):
                    break
            elif gap.strip():
                break
            chain.append(match)
            position = match.end()
        if chain:
            after = patterns.body_after.match(text[chain[0].end() :])
            if body is None and after is not None:
                body = _body_named(after.group(), patterns)
            yield from _citations(chain, body, patterns)


def _enclosed_numbers(text: str, patterns: _Patterns) -> Iterator[Citation]:
    """Chinese: "第72/266号、第74/262号和第74/263号决议", "第1718(2006)、1874(2009)号决议":
    numbers between 第 and 号, the list closed by the keyword."""
    chain: list[re.Match[str]] = []
    assert patterns.enclosed is not None
    for match in patterns.enclosed.finditer(text):
        if chain and not _ENCLOSED_GAP.match(text[chain[-1].end() : match.start()]):
            chain = []
        chain.append(match)
        rest = text[match.end() :]
        tail = re.match(r"[\s\u00a0]*(?:各项|等)?", rest)
        if tail is not None and patterns.keyword.match(rest, tail.end()):
            body = _body_before(text[: chain[0].start()], patterns)
            for group in chain:
                numbers = patterns.number.finditer(text, group.start("list"), group.end("list"))
                yield from _citations(list(numbers), body, patterns)
            chain = []


def _enclosed_pattern(citations: Citations, number: re.Pattern[str]) -> re.Pattern[str] | None:
    """第 and 号 around a list of numbers ("第1718(2006)、1874(2009)号"), when the language
    encloses them so."""
    if citations.enclosed is None:
        return None
    opening, closing = (re.escape(part) for part in citations.enclosed)
    bare = re.sub(r"\(\?P<\w+>", "(?:", number.pattern)
    item = rf"{bare}(?:[\s\u00a0]*[A-Z](?:[至和][A-Z])?)?"
    return re.compile(
        rf"{opening}[\s\u00a0]*(?P<list>{item}(?:[\s\u00a0]*(?:、|和|及|以及)[\s\u00a0]*{item})*)"
        rf"[\s\u00a0]*{closing}"
    )


def _body_before(before: str, patterns: _Patterns) -> str | None:
    window = before[-40:]
    match = patterns.body_before.search(window)
    return _body_named(match.group(), patterns) if match is not None else None


def _body_named(text: str, patterns: _Patterns) -> str | None:
    for name, body in patterns.bodies:
        if name.search(text):
            return body
    return None


def _citations(
    chain: list[re.Match[str]], body: str | None, patterns: _Patterns, offset: int = 0
) -> Iterator[Citation]:
    for match in chain:
        symbol = _resolution_symbol(match, body, patterns)
        if symbol is not None:
            yield Citation(match.start() + offset, match.end() + offset, symbol, "resolution")


def _resolution_symbol(match: re.Match[str], body: str | None, patterns: _Patterns) -> str | None:
    """The symbol a resolution number names, or None when its body cannot be told."""
    if match.group("special"):
        special = _tidy(match.group("special"))
        for printed, prefix in patterns.citations.special_sessions:
            special = special.replace(printed, prefix)
        return "A/RES/" + special
    if match.group("council"):
        return f"S/RES/{match.group('council')}({match.group('year')})"
    if match.group("old"):
        session = match.group("session")
        for prefix in patterns.citations.session_prefixes:
            if session.startswith(prefix):
                session = roman(int(session[len(prefix) :])).upper()
        return _tidy(f"A/RES/{match.group('old')}({session})")
    first, second = match.group("first"), match.group("second")
    if body == "security-council":
        return None  # its resolutions are numbered "2661 (2022)", not "a/b"
    if body is None:
        if len(first) == 4 or int(first) < _FIRST_NUMBERED_SESSION:
            # A year (an ECOSOC or commission resolution), or a session before the
            # Assembly numbered "session/number" (a Human Rights Council resolution):
            # the body is not named, so the symbol cannot be told.
            return None
        body = "assembly"
    return f"{BODY_SERIES[body]}{first}/{second}"


def reference_target(symbol: str, language: str) -> str:
    """The UN's link for `symbol` in `language`: "https://undocs.org/en/A/RES/66/32"."""
    citations = CITATIONS.get(language)
    path = citations.link_language if citations is not None else None
    return f"https://undocs.org/{path}/{symbol}" if path else f"https://undocs.org/{symbol}"


# -- the model ---------------------------------------------------------------------------


def recognise_references(resolution: Resolution) -> Resolution:
    """`resolution` with the symbols and resolution numbers of its text as references."""
    language = resolution.language
    components = tuple(recognise_references(c) for c in resolution.components)
    title = resolution.title
    done: Resolution = _walk(dataclasses.replace(resolution, components=()), language)
    return dataclasses.replace(done, title=title, components=components)


_INLINE = (Text, FootnoteRef, Reference, Emphasis)


def _walk(value: Any, language: str) -> Any:
    """`value` with every `Inlines` in it recognised; what holds no citation is returned as
    it is (the same object), so that an unchanged model costs no copies."""
    if isinstance(value, tuple):
        if value and all(isinstance(item, _INLINE) for item in value):
            return _inlines(value, language)
        items = tuple(_walk(item, language) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    kind: type = type(value)
    fields = _tuple_fields(kind)
    if fields:
        changes = {}
        for name in fields:
            old = getattr(value, name)
            new = _walk(old, language)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


@cache
def _tuple_fields(cls: type) -> tuple[str, ...]:
    """The fields of a model class that may hold text (tuples, or None for a note); none
    for any other type."""
    if not dataclasses.is_dataclass(cls):
        return ()
    return tuple(
        f.name
        for f in dataclasses.fields(cls)
        if "tuple" in str(f.type) or "Inlines" in str(f.type)
    )


_MAY_CITE = re.compile(r"\d[^()\n]{0,16}\(|/\d|\d/|[A-Z]/")
"""Every symbol and number holds one of these ("66/32", "2200 A (XXI)", "A/"): text
without any is passed over at once."""
_HOLE = "\x00"
"""Stands for a footnote marker, a reference or an emphasis while the text around it is
searched (no text of the model holds it): a citation runs past a marker but not across."""


def _inlines(inlines: Inlines, language: str) -> Inlines:
    """`inlines` with the citations of its text wrapped, the text of its emphasis too."""
    if any(isinstance(p, Emphasis) for p in inlines):
        inlines = tuple(
            dataclasses.replace(p, content=_inlines(p.content, language))
            if isinstance(p, Emphasis)
            else p
            for p in inlines
        )
    text = "".join(p.text if isinstance(p, Text) else _HOLE for p in inlines)
    if not _MAY_CITE.search(text):
        return inlines
    citations = [c for c in find_citations(text, language) if _HOLE not in text[c.start : c.end]]
    if not citations:
        return inlines
    out: list[Inline] = []
    position = 0  # in `text`
    pending = iter(citations)
    citation = next(pending, None)
    for piece in inlines:
        if not isinstance(piece, Text):
            out.append(piece)
            position += 1
            continue
        end = position + len(piece.text)
        cursor = position
        while citation is not None and citation.start < end:
            if citation.start > cursor:
                out.append(Text(text=text[cursor : citation.start]))
            out.append(
                Reference(
                    content=(Text(text=text[citation.start : citation.end]),),
                    target=reference_target(citation.symbol, language),
                    kind=citation.kind,
                )
            )
            cursor = citation.end
            citation = next(pending, None)
        if cursor < end:
            out.append(Text(text=text[cursor:end]))
        position = end
    return tuple(out)
