"""The cover block of the text reader: what is printed above the resolution's number.

The cover of a UN document carries the distribution line, its date (printed in English
in every language version), the session, the agenda item and its title, the line saying
how the resolution was adopted, the committee report, the job number and the symbol.
Masthead lines (the organisation's and assembly's names, letter-spaced) and barcodes are
dropped and reported.
"""

from __future__ import annotations

import re

from resconv.diagnostics import Diagnostics
from resconv.lang import LANGUAGES
from resconv.lang.profile import LanguageProfile
from resconv.lang.profile import profile as language_profile
from resconv.model import CoverPage
from resconv.readers.text import layout

__all__ = ["read_cover"]

_COVER_JOB = re.compile(r"\b\d{2}-\d{5}\s*\([A-Z]\)")
_COVER_COMMITTEE = re.compile(r"\[[^\[\]\n]{1,300}(?:\n[^\[\]\n]{1,300}){0,3}\]")


def read_cover(
    lines: list[layout.Line], profile: LanguageProfile, diagnostics: Diagnostics
) -> tuple[CoverPage, str | None]:
    """The cover page read from the lines before the title, and the symbol printed on it."""
    if not lines:
        return CoverPage(), None
    text = "\n".join(line.text for line in lines)
    symbol = layout.SYMBOL_LINE.search(text)
    distribution = profile.distribution.search(text)
    date_match = None
    if distribution:
        # Cover dates are printed in English in every language version.
        found = [
            m
            for m in (
                language_profile("en").date.search(text, distribution.end()),
                profile.date.search(text, distribution.end()),
            )
            if m
        ]
        date_match = min(found, key=lambda m: m.start()) if found else None
    job = _COVER_JOB.search(text)
    session = profile.session.search(text)
    item = profile.agenda_item.search(text)
    adopted = profile.adopted_line.search(text)
    committee = _COVER_COMMITTEE.search(text)
    agenda_title = None
    if item:
        end = (
            min(m.start() for m in (adopted, committee) if m)
            if (adopted or committee)
            else len(text)
        )
        agenda_title = _flat(text[item.end() : end], profile) or None
    distribution_date = None
    if date_match:
        if date_match.re is profile.date.compiled:
            distribution_date = profile.parse_date(date_match)
        else:
            distribution_date = language_profile("en").parse_date(date_match)
    boilerplate = _boilerplate(profile.code)
    for line in lines:
        if _squeezed(line.text) in boilerplate or layout.BARCODE.fullmatch(line.text):
            diagnostics.info(
                "dropped-cover-line", f"dropped cover line {line.text!r}", line=line.no
            )
    cover = CoverPage(
        distribution=distribution.group(1) if distribution else None,
        distribution_date=distribution_date,
        distribution_date_text=" ".join(date_match.group().split()) if date_match else None,
        session_text=_flat(session.group(), profile) if session else None,
        agenda_item=" ".join(item.group("item").split()) if item else None,
        agenda_title=agenda_title,
        adopted_line=_flat(adopted.group(), profile) if adopted else None,
        committee_line=_flat(committee.group(), profile) if committee else None,
        job_number=" ".join(job.group().split()) if job else None,
    )
    return cover, symbol.group() if symbol else None


def _flat(text: str, profile: LanguageProfile) -> str:
    """Cover text over several lines, joined as the language joins lines."""
    lines = [layout.Line(no=0, text=t.strip()) for t in text.split("\n") if t.strip()]
    joined, _ = layout.join_block(lines, profile)
    return joined.strip()


def _squeezed(text: str) -> str:
    """Text without spaces or Arabic tatweel, as cover mastheads are letter-spaced."""
    return "".join(text.replace("\u0640", "").split())


def _boilerplate(code: str) -> frozenset[str]:
    """The masthead lines of the cover (in the language and in English)."""
    return frozenset(
        _squeezed(name)
        for lang in (LANGUAGES["en"], LANGUAGES[code])
        for name in (lang.organization, lang.assembly)
        if name
    )
