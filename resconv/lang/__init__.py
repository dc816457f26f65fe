"""What resconv knows about each of the six UN languages, kept as data.

`Language` holds the facts every reader and writer shares (codes, direction, how the
initial words are set). What the text reader needs to recognise a resolution in a
language (authority line, initial words, dates, meetings, numbering) lives beside it,
one module per language (`resconv.lang.zh`, `resconv.lang.en`, …).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from resconv.errors import UsageError

__all__ = ["LANGUAGES", "Language", "language", "language_for_akn"]


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
        ),
        Language(
            code="zh",
            akn_code="zho",
            bcp47="zh-CN",
            name="Chinese",
            initial_words_style="bold",
            organization="联合国",
            assembly="大会",
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
        ),
        Language(
            code="ru",
            akn_code="rus",
            bcp47="ru-RU",
            name="Russian",
            organization="Организация Объединенных Наций",
            assembly="Генеральная Ассамблея",
        ),
        Language(
            code="es",
            akn_code="spa",
            bcp47="es-ES",
            name="Spanish",
            organization="Naciones Unidas",
            assembly="Asamblea General",
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
