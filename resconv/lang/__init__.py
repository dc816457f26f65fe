"""What resconv knows about each of the six UN languages, kept as data.

`Language` holds the facts every reader and writer shares: codes, direction, how the
initial words are set, and the words of the masthead and cover page, which the DOCX and
PDF writers print alike. What the text reader needs to recognise a resolution in a
language (authority line, initial words, dates, meetings, numbering) lives beside it,
one module per language (`resconv.lang.zh`, `resconv.lang.en`, …).
"""

from __future__ import annotations

import unicodedata

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.errors import UsageError

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Literal

__all__ = ["LANGUAGES", "Language", "authority_words", "language", "language_for_akn"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Language:
    """One UN language."""

    code: str
    """ISO 639-1, the model's language code: "zh"."""
    akn_code: str
    """ISO 639-2/T, used in Akoma Ntoso IRIs and FRBRlanguage: "zho"."""
    bcp47: str
    """The tag for DOCX `w:lang` and PDF `/Lang`: "zh-CN"."""
    name: str
    direction: Literal["ltr", "rtl"] = "ltr"
    initial_words_style: Literal["bold", "italic"] = "italic"
    """How the UN sets preambular and operative initial words in this language."""
    organization: str = ""
    """The masthead's first line: "United Nations", "联合国"."""
    assembly: str = ""
    """The masthead's organ: "General Assembly", "大会"."""
    distribution: str = "Distr.: {}"
    """The masthead's distribution line; `{}` is the distribution word ("General")."""
    distribution_words: tuple[tuple[str, str], ...] = ()
    """The model's English distribution words as this language prints them, when it differs."""
    agenda_item: str = "Agenda item {}"
    """The cover's agenda line; `{}` is the item number as printed."""
    adoption_order: tuple[Literal["meeting", "date"], ...] = ("meeting", "date")
    """Order of the adoption lines (meeting, date) at the end of the resolution."""

    def distribution_word(self, word: str) -> str:
        """`word` ("General") as this language's masthead prints it ("générale")."""
        return dict(self.distribution_words).get(word, word)


# The masthead words are those of the UN's own documents (A/RES/77/306 in each language):
# "Distr. générale", "Distr. general"; Arabic, Chinese and Russian print "Distr.: General"
# in English.
LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language(
            code="ar",
            akn_code="ara",
            bcp47="ar-SA",
            name="Arabic",
            direction="rtl",
            organization="الأمم المتحدة",
            assembly="الجمعية العامة",
            agenda_item="البند {} من جدول الأعمال",
        ),
        Language(
            code="zh",
            akn_code="zho",
            bcp47="zh-CN",
            name="Chinese",
            initial_words_style="bold",
            organization="联合国",
            assembly="大会",
            agenda_item="议程项目{}",
            # As printed in A/RES/67/38: the date, then the meeting.
            adoption_order=("date", "meeting"),
        ),
        Language(
            code="en",
            akn_code="eng",
            bcp47="en-US",
            name="English",
            organization="United Nations",
            assembly="General Assembly",
        ),
        Language(
            code="fr",
            akn_code="fra",
            bcp47="fr-FR",
            name="French",
            organization="Nations Unies",
            assembly="Assemblée générale",
            distribution="Distr. {}",
            distribution_words=(("General", "générale"), ("Limited", "limitée")),
            agenda_item="Point {} de l’ordre du jour",
        ),
        Language(
            code="ru",
            akn_code="rus",
            bcp47="ru-RU",
            name="Russian",
            organization="Организация Объединенных Наций",
            assembly="Генеральная Ассамблея",
            agenda_item="Пункт {} повестки дня",
        ),
        Language(
            code="es",
            akn_code="spa",
            bcp47="es-ES",
            name="Spanish",
            organization="Naciones Unidas",
            assembly="Asamblea General",
            distribution="Distr. {}",
            distribution_words=(("General", "general"), ("Limited", "limitada")),
            agenda_item="Tema {} del programa",
        ),
        # The UN's German translations, as its German files print the masthead and cover
        # (`resconv.lang.de` holds what the text reader needs).
        Language(
            code="de",
            akn_code="deu",
            bcp47="de-DE",
            name="German",
            organization="Vereinte Nationen",
            assembly="Generalversammlung",
            distribution="Verteilung: {}",
            distribution_words=(("General", "Allgemein"), ("Limited", "Begrenzt")),
            agenda_item="Tagesordnungspunkt {}",
        ),
    )
}


def language(code: str) -> Language:
    """The language with ISO 639-1 `code`; a usage error names the six when it is unknown."""
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise UsageError(f"unknown language {code!r} (known: {known})") from None


def language_for_akn(akn_code: str) -> Language:
    """The language with ISO 639-2/T `akn_code` ("zho")."""
    for lang in LANGUAGES.values():
        if lang.akn_code == akn_code:
            return lang
    raise UsageError(f"unknown AKN language code {akn_code!r}")


def authority_words(authority: str) -> str:
    """The words of the enacting formula, without its closing punctuation.

    The UN sets "The General Assembly" in italics (大会 in bold) and the comma upright.
    """
    words = authority.rstrip()
    while words and unicodedata.category(words[-1]).startswith("P"):
        words = words[:-1].rstrip()
    return words
