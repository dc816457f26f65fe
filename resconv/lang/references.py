"""How each language cites other UN documents, as data for the reference recogniser.

A document symbol ("A/77/612", "S/RES/2661 (2022)") is written alike in every language.
A resolution cited by its number is not: the number follows a word ("resolution 66/32",
"résolution", "резолюция", "القرار") or stands inside one ("第66/32号决议"), several
numbers can share the word ("resolutions 72/266 of 24 December 2017 and 74/262"), and
the body that adopted it (General Assembly unless another is named: "Human Rights
Council resolution 39/4") decides its symbol. The target is the UN's own link: undocs.org
with the language's path ("https://undocs.org/en/A/RES/66/32"; Chinese is "ch" there).
"""

from __future__ import annotations

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py

__all__ = ["BODY_SERIES", "CITATIONS", "Citations"]

BODY_SERIES: dict[str, str] = {
    "assembly": "A/RES/",
    "human-rights-council": "A/HRC/RES/",
    "economic-and-social-council": "E/RES/",
    "security-council": "S/RES/",
}
"""The symbol series of each body's resolutions ("A/RES/" + "66/32")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Citations:
    """How one language cites resolutions by number (regular expressions, as data)."""

    keyword: str
    """The word(s) before a resolution number: "resolutions?", "résolutions?"."""
    stop: str
    """Words that end a list of resolution numbers: the numbers after "decision" name
    decisions, which the UN does not link."""
    bodies: tuple[tuple[str, str], ...]
    """(name as printed, key of `BODY_SERIES`) for bodies other than the General Assembly,
    named next to the keyword ("Security Council resolution", "résolution … du Conseil")."""
    link_language: str | None
    """The language path of undocs.org ("en", "ch"); None for a language it does not serve."""
    enclosed: tuple[str, str] | None = None
    """Characters printed before and after each number when the keyword follows the list
    ("第", "号" in "第72/266号和第74/262号决议"); None when the keyword comes first."""
    special_sessions: tuple[tuple[str, str], ...] = ()
    """How a special session is printed before a resolution number, as (printed, symbol's):
    Arabic "دإ-32/1" is resolution S-32/1."""
    session_prefixes: tuple[str, ...] = ()
    """What precedes a session printed in digits instead of a Roman numeral in an old
    resolution number: Arabic "1541 (د-15)" is resolution 1541 (XV)."""


CITATIONS: dict[str, Citations] = {
    "en": Citations(
        stop=r"\b[Dd]ecisions?\b",
        keyword=r"\b[Rr]esolutions?",
        bodies=(
            (r"Human Rights Council", "human-rights-council"),
            (r"Economic and Social Council", "economic-and-social-council"),
            (r"Security Council", "security-council"),
        ),
        link_language="en",
    ),
    "fr": Citations(
        stop=r"\b[Dd]écisions?\b",
        keyword=r"\b[Rr]ésolutions?",
        bodies=(
            (r"Conseil des droits de l[’']homme", "human-rights-council"),
            (r"Conseil économique et social", "economic-and-social-council"),
            (r"Conseil de sécurité", "security-council"),
        ),
        link_language="fr",
    ),
    "es": Citations(
        stop=r"\b[Dd]ecisi(?:ón|ones)\b",
        keyword=r"\b[Rr]esolu(?:ción|ciones)",
        bodies=(
            (r"Consejo de Derechos Humanos", "human-rights-council"),
            (r"Consejo Económico y Social", "economic-and-social-council"),
            (r"Consejo de Seguridad", "security-council"),
        ),
        link_language="es",
    ),
    "ru": Citations(
        stop=r"\b[Рр]ешени[яеюий]\w*",
        keyword=r"\b[Рр]езолюци(?:я|и|ю|ей|й|ям|ями|ях)",
        bodies=(
            (r"Совет(?:а|у|ом|е)? по правам человека", "human-rights-council"),
            (
                r"Экономическ(?:ий|ого|ому|им) и Социальн(?:ый|ого|ому|ым) Совет(?:а|у|ом|е)?",
                "economic-and-social-council",
            ),
            (r"Совет(?:а|у|ом|е)? Безопасности", "security-council"),
        ),
        link_language="ru",
    ),
    "ar": Citations(
        stop=r"مقرر",
        keyword=r"قرار(?:اتها|اتهم|ات|يها|يه|ين|ها|ي)?(?![\u0621-\u064a])",
        bodies=(
            (r"الجمعية العامة", "assembly"),
            (r"مجلس حقوق الإنسان", "human-rights-council"),
            (r"المجلس الاقتصادي والاجتماعي", "economic-and-social-council"),
            (r"مجلس الأمن", "security-council"),
        ),
        link_language="ar",
        session_prefixes=("د-",),
        special_sessions=(("دإ-", "S-"),),
    ),
    "zh": Citations(
        stop=r"决定",
        keyword=r"决议",
        bodies=(
            (r"人权理事会", "human-rights-council"),
            (r"经济及社会理事会|经社理事会", "economic-and-social-council"),
            (r"安全理事会|安理会", "security-council"),
        ),
        link_language="ch",
        enclosed=("第", "号"),
    ),
    "de": Citations(
        stop=r"\bBeschl(?:uss|üsse)\w*",
        keyword=r"\bResolution(?:en)?",
        bodies=(
            (r"Menschenrechtsrat(?:e?s)?", "human-rights-council"),
            (r"Wirtschafts- und Sozialrat(?:e?s)?", "economic-and-social-council"),
            (r"Sicherheitsrat(?:e?s)?", "security-council"),
        ),
        link_language=None,
    ),
}
"""Every language's citations, by model language code."""
