"""German: the UN's German translations of General Assembly resolutions, as data.

The UN publishes German texts (Deutscher Übersetzungsdienst) in Akoma Ntoso beside the six
official languages. The words here are those of its files (sessions 76 to 80): the
preambular initial words are participles and phrases in lower case ("unter Hinweis",
"in Bekräftigung", "betonend"), operative paragraphs open with a verb in lower case
("beschließt", "ersucht"); the Assembly is "Die Generalversammlung,"; dates are printed
"14. November 2022" and meetings "69. Plenarsitzung"; subparagraphs "a)", "i)" as in French.
"""

from __future__ import annotations

from resconv.lang import LANGUAGES
from resconv.lang.lexicon import initial_phrases
from resconv.lang.profile import (
    HALF_PARENTHESIS_STRUCTURAL,
    HALF_PARENTHESIS_SUBPARAGRAPH,
    LanguageProfile,
    PhraseSet,
    Regex,
    lines,
)

__all__ = ["LANGUAGE", "PROFILE"]

LANGUAGE = LANGUAGES["de"]  # defined with the others in resconv/lang/__init__.py
"""The shared facts: codes, masthead and cover words as the UN's German files print them."""

PREAMBULAR_BASES = lines(
    """
    unter Hinweis
    unter erneutem Hinweis
    unter nachdrücklichem Hinweis
    in Bekräftigung
    in Anerkennung
    in Anbetracht
    in der Erkenntnis
    in dem Bewusstsein
    in der Überzeugung
    in Würdigung
    unter Begrüßung
    unter Hervorhebung
    unter Betonung
    unter Verurteilung
    Kenntnis nehmend
    mit Anerkennung Kenntnis nehmend
    mit dem Ausdruck ihrer ernsten Besorgnis
    mit Besorgnis feststellend
    betonend
    feststellend
    anerkennend
    begrüßend
    bekräftigend
    unterstreichend
    erneut erklärend
    daran erinnernd
    eingedenk
    überzeugt
    geleitet
    entschlossen
    besorgt
    besorgt darüber
    die Auffassung vertretend
    verurteilend
    """
)
PREAMBULAR_BEFORE = lines(
    """
    sowie
    ferner
    außerdem
    zutiefst
    """
)

OPERATIVE_BASES = lines(
    """
    beschließt
    ersucht
    fordert
    bittet
    betont
    bekräftigt
    begrüßt
    unterstreicht
    verlangt
    nimmt Kenntnis
    erinnert
    legt nahe
    verurteilt
    missbilligt
    ermutigt
    erklärt
    erklärt erneut
    empfiehlt
    anerkennt
    erkennt an
    nimmt zur Kenntnis
    fordert nachdrücklich
    dankt
    billigt
    ermächtigt
    beauftragt
    bestätigt
    erneuert
    unterstützt
    """
)
OPERATIVE_AFTER = lines(
    """
    außerdem
    ferner
    erneut
    nachdrücklich
    """
)

MONTHS = {
    name.lower(): number
    for number, name in enumerate(
        lines(
            """
            Januar
            Februar
            März
            April
            Mai
            Juni
            Juli
            August
            September
            Oktober
            November
            Dezember
            """
        ),
        start=1,
    )
}
_MONTH = "|".join(name.capitalize() for name in MONTHS)
_DATE = rf"\d{{1,2}}\.\s*(?:{_MONTH})\s+\d{{4}}"

PROFILE = LanguageProfile(
    code="de",
    joiner="space",
    authority=Regex(r"Die\s+Generalversammlung\s*,?|Der\s+Sicherheitsrat\s*,?"),
    preambular=PhraseSet(
        PREAMBULAR_BASES,
        before=PREAMBULAR_BEFORE,
        word_boundary=True,
        more=lambda: initial_phrases("de", "preambular"),
    ),
    operative=PhraseSet(
        OPERATIVE_BASES,
        after=OPERATIVE_AFTER,
        word_boundary=True,
        more=lambda: initial_phrases("de", "operative"),
    ),
    date=Regex(rf"(?P<day>\d{{1,2}})\.\s*(?P<month>{_MONTH})\s+(?P<year>\d{{4}})"),
    months=MONTHS,
    # An ordinal is a number and a full stop: "69. Plenarsitzung".
    meeting=Regex(r"(?P<number>\d{1,4})\.\s*Plenarsitzung(?:\s*\(Wiederaufnahme\))?"),
    annex=Regex(r"(?:Anlage|Anhang)(?:\s+[IVXLC]{1,6}|\s+\d{1,2})?(?!\w)"),
    session=Regex(r"[A-ZÄÖÜ][a-zäöüß]+\s+(?:Notstandssondertagung|Sondertagung|Tagung)"),
    agenda_item=Regex(r"Tagesordnungspunkte?\s+(?P<item>\d{1,3}(?:\s*[a-z]\))?)"),
    adopted_line=Regex(rf"Resolution\s+der\s+Generalversammlung,\s+verabschiedet\s+am\s+{_DATE}"),
    distribution=Regex(r"Verteilung\s*:?\s*(Allgemein|Begrenzt|General|Limited)"),
    glued_marker=Regex(
        r"(?=\d)(?:(?<=[a-zäöüß])|(?<=[a-zäöüß][.,;:])|(?<=\d[,;:])|(?<=[“”’)»])"
        r"|(?<=[“”’)»][,;:.]))(\d{1,3})(?![\d/]|\.\d)"
        r"|(?<=[^\d/][12]\d{3})(\d)(?=\s?[;,.:)])"
    ),
    subparagraph=Regex(HALF_PARENTHESIS_SUBPARAGRAPH),
    structural=Regex(HALF_PARENTHESIS_STRUCTURAL),
    decimal_comma=True,
    suspended_hyphen_words=frozenset({"und", "oder", "bis", "sowie", "bzw"}),
    detect_words=frozenset({"der", "die", "und", "des", "den", "von", "zu", "mit", "für"}),
    capitalised=False,
)
"""What the text reader must know to recognise a German resolution."""
