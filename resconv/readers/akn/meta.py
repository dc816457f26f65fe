"""What surrounds the text in AKN: identification, conclusions, cover page and vote.

The number, symbol and language come from the preface and the FRBR identification, the
adoption from the conclusions (or, failing them, the cover page and FRBRWork date). Both
dialects are read: resconv refers to a TLCEvent for the meeting, the UN prints it in an
`<event>` or `<location>`, and names the States of a recorded vote in
``count/akn4un:voters/organization``. Metadata the model has no place for is reported,
not kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import _Element

from resconv import _dates as _dt  # start-up speed: resconv/_dates.py
from resconv.errors import StructureError, UsageError
from resconv.lang import LANGUAGES, language_for_akn
from resconv.model import Adoption, CoverPage, FootnoteRef, Inlines, Vote
from resconv.readers.akn import inline
from resconv.readers.akn.context import Reading
from resconv.readers.akn.nodes import (
    child_elements,
    descendants,
    first_child,
    iso_date,
    line_of,
    local_name,
    ref_id,
    text_of,
)
from resconv.readers.akn.text import join_lines, normalise, normalise_text

__all__ = [
    "ClosingLines",
    "adoption",
    "closing_lines",
    "cover_page",
    "further_preface_lines",
    "language_of",
    "number_and_symbol",
    "report_summary",
    "title",
    "vote",
]

_TLC_MEETING = re.compile(r"/plenaryMeeting/(\d+)$")
_DIGITS = re.compile(r"\d+")
_AGENDA_NUMBER = re.compile(r"\d.*$")
_DISTRIBUTION = re.compile(r"^\s*Distr\.?\s*:?\s*", re.IGNORECASE)
_COUNTS = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}
_LEFTOVER = re.compile(r"[\W\d_]+")
_MAX_LEFTOVER = 4
"""Letters a closing line may hold besides its meeting and date ("год" after a Russian date,
a stray "s" before a Spanish one); more, and the line is a paragraph of the body."""


# -- identification -------------------------------------------------------------------


def language_of(reading: Reading, lang: str | None) -> str:
    node = next((n for n in descendants(reading.root, "FRBRlanguage") if n.get("language")), None)
    code = node.get("language") if node is not None else None
    if code is None:
        if lang is None:
            raise StructureError(
                "no FRBRlanguage in the identification; give the language (lang=)",
                source=reading.source,
            )
        if lang not in LANGUAGES:
            raise UsageError(f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})")
        return lang
    try:
        found = language_for_akn(code).code
    except UsageError:
        if lang in LANGUAGES:
            reading.warn("akn-language", f"unknown FRBRlanguage {code!r}; read as {lang}", node)
            return lang
        raise StructureError(
            f"FRBRlanguage {code!r} is none of the languages resconv reads "
            f"({', '.join(x.akn_code for x in LANGUAGES.values())})",
            source=reading.source,
            line=line_of(node),
        ) from None
    if lang is not None and lang != found:
        reading.warn(
            "akn-language", f"the file says {code} ({found}), not {lang}; read as {found}", node
        )
    return found


def number_and_symbol(
    reading: Reading, doc: _Element, meta: _Element | None, cover: _Element | None
) -> tuple[str, str]:
    number = ""
    preface = first_child(doc, "preface")
    doc_number = next(descendants(preface, "docNumber"), None) if preface is not None else None
    if doc_number is not None:
        number = normalise_text(text_of(doc_number), reading.language)
        number = number[:-1] if number.endswith((".", "．")) else number
    work = first_child(first_child(meta, "identification"), "FRBRWork")
    if not number and work is not None:
        frbr_number = first_child(work, "FRBRnumber")
        if frbr_number is not None:
            number = frbr_number.get("showAs") or (frbr_number.get("value") or "").replace("-", "/")
    symbol = ""
    if work is not None:
        for alias in child_elements(work, "FRBRalias"):
            if alias.get("name") == "symbol" and alias.get("value"):
                symbol = alias.get("value") or ""
    if not symbol and cover is not None:
        for node in descendants(cover, "docNumber"):
            if ref_id(node.get("refersTo")) == "symbol" or not symbol:
                symbol = normalise_text(text_of(node), reading.language)
    if not number and symbol:
        number = symbol.split("/RES/", 1)[-1]
    if not number and work is not None:
        uri = first_child(work, "FRBRuri")
        value = (uri.get("value") or "") if uri is not None else ""
        number = value.rstrip("/").rsplit("/", 1)[-1].replace("-", "/")
    if not number:
        raise StructureError(
            "no resolution number (preface docNumber, FRBRnumber or symbol)",
            source=reading.source,
        )
    if not symbol:
        symbol = f"A/RES/{number}"
        reading.info("akn-symbol", f"no symbol in the file; {symbol} made from the number")
    return number, symbol


def title(reading: Reading, doc: _Element, cover: _Element | None) -> Inlines:
    preface = first_child(doc, "preface")
    node = next(descendants(preface, "docTitle"), None) if preface is not None else None
    if node is None:
        reading.warn("akn-no-title", "no docTitle in the preface; the title is empty", preface)
        return ()
    return inline.inlines(reading, [node])


def further_preface_lines(
    reading: Reading, doc: _Element, number: str, title: Inlines
) -> tuple[str, Inlines]:
    """`number` and `title` with what else the preface prints.

    A resolution B published on its own prints its letter under the title (in a ``p`` of
    its own or after the ``docTitle``), with a note ("Resolution 75/245 … becomes
    resolution 75/245 A"): the letter joins the number ("75/245 B"), the note and any
    other text end the title.
    """
    preface = first_child(doc, "preface")
    if preface is None:
        return number, title
    numbers = list(descendants(preface, "docNumber"))
    first_title = next(descendants(preface, "docTitle"), None)
    for letter_node in numbers[1:]:
        letter = normalise_text(text_of(letter_node), reading.language)
        if letter and not number.endswith(f" {letter}"):
            number = f"{number} {letter}"
    skip = [*numbers, *([first_title] if first_title is not None else [])]
    lines = list(child_elements(preface))
    rest = normalise(inline.pieces(reading, lines, skip=skip), reading.language)
    if rest:
        reading.info("akn-preface-line", "what else the preface prints ends the title", preface)
        # A note goes right after the title's text, as a marker does; text after a space.
        title = (
            join_lines([title + rest], reading.language)
            if isinstance(rest[0], FootnoteRef)
            else join_lines([title, rest], reading.language)
        )
    return number, title


# -- conclusions ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClosingLines:
    """The adoption meeting (and date) printed as the last paragraphs of the body."""

    meeting: int | None
    meeting_text: str
    date_text: str


def closing_lines(reading: Reading, doc: _Element) -> ClosingLines | None:
    """The meeting of `doc` when its conclusions have none and its body ends with it.

    Some of the UN's files print "الجلسة العامة 48 (المستأنفة)" or "52ª sesión plenaria"
    as the body's last, unnumbered paragraphs instead of in the conclusions. Those
    paragraphs (one meeting line, and a date line around it) are taken out of the body
    here, before it is read, and become the adoption; nothing else is.
    """
    conclusions = first_child(doc, "conclusions")
    if conclusions is not None and _meeting_node(conclusions) is not None:
        return None
    from resconv.lang.profile import TEXT_LANGUAGES, profile  # only for such files

    bodies = list(child_elements(doc, "mainBody"))
    if not bodies or reading.language not in TEXT_LANGUAGES:
        return None
    language = profile(reading.language)
    taken: list[_Element] = []
    meeting: re.Match[str] | None = None
    meeting_text = date_text = ""
    children = list(child_elements(bodies[-1]))
    for node in reversed(children[-2:]):
        if len(taken) + 1 >= len(children):  # the body keeps at least one paragraph
            break
        if local_name(node) != "paragraph" or first_child(node, "num") is not None:
            break
        if any(local_name(n) in ("list", "point", "table") for n in node.iter("{*}*")):
            break
        text = normalise_text(text_of(node), reading.language)
        found = language.meeting.search(text) if meeting is None else None
        dated = language.date.search(text)
        spans = [m.span() for m in (found, dated) if m is not None]
        rest = "".join(text[a:b] for a, b in _gaps(spans, len(text)))
        if not spans or len(_LEFTOVER.sub("", rest)) > _MAX_LEFTOVER:
            break
        taken.append(node)
        if found is not None:
            meeting = found
            meeting_text = found.group().strip()
        if dated is not None and not date_text:
            date_text = text[dated.start() :].strip() if found is not None else text
    if meeting is None:
        return None
    for node in taken:
        reading.info(
            "akn-meeting-in-body",
            f"the body's closing line {normalise_text(text_of(node), reading.language)!r} "
            "read as the adoption",
            node,
        )
        bodies[-1].remove(node)
    number = meeting.group("number")
    return ClosingLines(
        meeting=int(number) if number else None, meeting_text=meeting_text, date_text=date_text
    )


def _gaps(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of a text of `length` characters outside `spans`."""
    gaps, at = [], 0
    for start, end in sorted(spans):
        gaps.append((at, max(at, start)))
        at = max(at, end)
    gaps.append((at, length))
    return gaps


def adoption(
    reading: Reading,
    doc: _Element,
    meta: _Element | None,
    cover: _Element | None,
    closing: ClosingLines | None = None,
) -> Adoption | None:
    conclusions = first_child(doc, "conclusions")
    where = conclusions
    if where is None and cover is not None:
        titles = descendants(cover, "docTitle")
        where = next((t for t in titles if ref_id(t.get("refersTo")) == "adoption"), None)
    work_date = None
    work = first_child(first_child(meta, "identification"), "FRBRWork")
    if work is not None:
        dates = list(child_elements(work, "FRBRdate"))
        chosen = next((d for d in dates if d.get("name") == "adoption"), None)
        chosen = chosen if chosen is not None else (dates[0] if dates else None)
        work_date = iso_date(chosen.get("date")) if chosen is not None else None
    if where is None:
        if work_date is None:
            return None
        if closing is not None:
            return Adoption(
                date=work_date,
                date_text=closing.date_text,
                meeting=closing.meeting,
                meeting_text=closing.meeting_text,
            )
        printed = _cover_adoption_date(reading, cover)
        if printed is not None:
            reading.info("akn-no-conclusions", "no conclusions: adoption date from the cover")
            return Adoption(date=printed, date_text="", meeting=None, meeting_text="")
        reading.info("akn-no-conclusions", "no conclusions: adoption date from FRBRWork")
        return Adoption(date=work_date, date_text="", meeting=None, meeting_text="")
    date_node = next(descendants(where, "docDate"), None)
    date = None
    date_text = ""
    if date_node is not None:
        date_text = normalise_text(text_of(date_node), reading.language)
        date = iso_date(date_node.get("date"))
        if date is None:
            reading.warn(
                "akn-date", f"docDate date={date_node.get('date')!r} is not a date", date_node
            )
    if date is None:
        date = work_date
    meeting_node = _meeting_node(where)
    meeting_text = ""
    meeting = None
    if meeting_node is not None:
        meeting_text = normalise_text(_text_without(meeting_node, "docDate"), reading.language)
        meeting = _meeting_number(reading, meeting_node, meeting_text)
    if conclusions is not None:
        _check_conclusions(reading, conclusions, date_node, meeting_node)
    if meeting_node is None and closing is not None:
        meeting, meeting_text = closing.meeting, closing.meeting_text
        date_text = date_text or closing.date_text
    return Adoption(date=date, date_text=date_text, meeting=meeting, meeting_text=meeting_text)


def _cover_adoption_date(reading: Reading, cover: _Element | None) -> _dt.date | None:
    """The date printed in the cover's "Resolution adopted by the General Assembly on …".

    Without conclusions it is the only printed adoption date: FRBRWork's "adoption" date
    is the date of issuance in some of the UN's files (the German ones).
    """
    from resconv.lang.profile import TEXT_LANGUAGES, profile  # only for such files

    if cover is None or reading.language not in TEXT_LANGUAGES:
        return None
    language = profile(reading.language)
    for title in descendants(cover, "docTitle"):
        if ref_id(title.get("refersTo")) not in ("", "adoption"):
            continue
        found = language.date.search(normalise_text(text_of(title), reading.language))
        if found is not None:
            return language.parse_date(found)
    return None


def _meeting_number(reading: Reading, node: _Element, text: str) -> int | None:
    """From the TLCEvent the meeting refers to (resconv), else its title or text (UN)."""
    target = ref_id(node.get("refersTo"))
    references = (
        references
        for meta in child_elements(_document_of(node), "meta")
        for references in child_elements(meta, "references")
    )
    for tlc in (t for where in references for t in child_elements(where, "TLCEvent")):
        if target and tlc.get("eId") == target:
            found = _TLC_MEETING.search(tlc.get("href") or "")
            return int(found.group(1)) if found else None
    return _first_number(node.get("title"), text)


def _meeting_node(where: _Element) -> _Element | None:
    for node in where.iter():
        if not isinstance(node.tag, str):
            continue
        name = local_name(node)
        if name == "inline" and node.get("name") == "adoptionMeeting":
            return node
        if name == "location":
            return node
    for node in descendants(where, "event"):
        if _text_without(node, "docDate").strip():
            return node
    return None


def _check_conclusions(
    reading: Reading,
    conclusions: _Element,
    date_node: _Element | None,
    meeting_node: _Element | None,
) -> None:
    kept = {id(n) for n in (date_node, meeting_node) if n is not None}
    for node in conclusions.iter():
        if id(node) in kept or not isinstance(node.tag, str):
            continue
        for text in (node.text, node.tail):
            if text and text.strip() and not _inside(node, kept, text is node.tail):
                reading.warn(
                    "akn-conclusions-text",
                    f"text {text.strip()!r} in the conclusions is not kept",
                    node,
                )


# -- cover page and vote ----------------------------------------------------------------


def cover_page(reading: Reading, cover: _Element | None, meta: _Element | None) -> CoverPage:
    job = next(
        (
            n
            for where in (cover, meta)
            if where is not None
            for n in descendants(where, "docketNumber")
        ),
        None,
    )
    job_number = normalise_text(text_of(job), reading.language) if job is not None else ""
    if cover is None:
        return CoverPage(job_number=job_number or None)
    values: dict[str, str | None] = {}
    distribution_date = None
    for node in cover.iter():
        if not isinstance(node.tag, str):
            continue
        name = local_name(node)
        text = normalise_text(text_of(node), reading.language)
        if name == "docStatus":
            values["distribution"] = _distribution_word(text, reading.language) or None
        elif name == "docDate" and _ancestor(node, "docTitle") is None:
            values["distribution_date_text"] = text or None
            distribution_date = iso_date(node.get("date"))
        elif name == "inline" and node.get("name") == "date of issuance":
            values["distribution_date_text"] = text or None
        elif name == "session":
            values["session_text"] = text or None
        elif name == "inline" and node.get("name") == "agenda item":
            found = _AGENDA_NUMBER.search(text)
            values["agenda_item"] = node.get("title") or (found.group() if found else text)
        elif name == "inline" and node.get("name") == "agenda item name":
            values["agenda_title"] = text or None
        elif name == "docTitle" and ref_id(node.get("refersTo")) in ("", "adoption"):
            values["adopted_line"] = text or None
        elif name == "docProponent":
            values["committee_line"] = text or None
    return CoverPage(
        distribution=values.get("distribution"),
        distribution_date=distribution_date,
        distribution_date_text=values.get("distribution_date_text"),
        session_text=values.get("session_text"),
        agenda_item=values.get("agenda_item"),
        agenda_title=values.get("agenda_title"),
        adopted_line=values.get("adopted_line"),
        committee_line=values.get("committee_line"),
        job_number=job_number or None,
    )


def vote(reading: Reading, meta: _Element | None) -> Vote | None:
    voting = next(descendants(meta, "voting"), None) if meta is not None else None
    if voting is None or not voting.get("outcome"):
        return None
    counts: dict[str, int | None] = {}
    names: dict[str, tuple[str, ...]] = {}
    for count in child_elements(voting, "count"):
        key = _COUNTS.get(ref_id(count.get("refersTo")))
        value = count.get("value") or ""
        if key is None or not value.isdigit():
            reading.warn(
                "akn-vote", f"vote count {count.get('refersTo')!r}={value!r} not kept", count
            )
            continue
        counts[key] = int(value)
        voters = [v for v in count.iter() if local_name(v) == "organization"]
        names[key] = tuple(normalise_text(text_of(v), reading.language) for v in voters)
        if voters and len(voters) != counts[key]:
            reading.info(
                "akn-voters-count",
                f"{len(voters)} names voting {ref_id(count.get('refersTo'))}, "
                f"but a count of {counts[key]}",
                count,
            )
    return Vote(
        outcome=voting.get("outcome") or "",
        in_favour=counts.get("in_favour"),
        against=counts.get("against"),
        abstaining=counts.get("abstaining"),
        in_favour_names=names.get("in_favour", ()),
        against_names=names.get("against", ()),
        abstaining_names=names.get("abstaining", ()),
    )


def report_summary(reading: Reading, doc: _Element) -> None:
    meta = first_child(doc, "meta")
    if meta is not None:
        dropped = sorted(
            {local_name(c) for c in child_elements(meta)}
            - {"identification", "analysis", "presentation", "references"}
        )
        if dropped:
            reading.info("akn-metadata", f"metadata not kept: {', '.join(dropped)}")


def _distribution_word(text: str, code: str) -> str:
    """ "General" of "Distr.: General", "Allgemein" of "Verteilung: Allgemein"."""
    text = _DISTRIBUTION.sub("", text)
    label = LANGUAGES[code].distribution.split("{}")[0].strip() if code in LANGUAGES else ""
    if label and text.startswith(label):
        text = text[len(label) :].strip()
    return text


def _document_of(node: _Element) -> _Element:
    """The statement (or doc) `node` belongs to: where its references are."""
    found = node
    while found.getparent() is not None and local_name(found) not in ("statement", "doc"):
        found = found.getparent()  # type: ignore[assignment]
    return found


def _text_without(node: _Element, skip: str) -> str:
    out: list[str] = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str) and local_name(child) != skip:
            out.append(_text_without(child, skip))
        out.append(child.tail or "")
    return "".join(out)


def _first_number(*candidates: str | None) -> int | None:
    for candidate in candidates:
        found = _DIGITS.search(candidate or "")
        if found:
            return int(found.group())
    return None


def _ancestor(node: _Element, name: str) -> _Element | None:
    parent = node.getparent()
    while parent is not None:
        if local_name(parent) == name:
            return parent
        parent = parent.getparent()
    return None


def _inside(node: _Element, kept: set[int], is_tail: bool) -> bool:
    start = node.getparent() if is_tail else node
    while start is not None:
        if id(start) in kept:
            return True
        start = start.getparent()
    return False
