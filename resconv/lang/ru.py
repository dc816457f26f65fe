"""Russian: what the text reader needs to recognise a General Assembly resolution.

Initial words come from the UN's Russian Akoma Ntoso (A/RES/77/306) and the verbs the
UN's Russian resolutions use. They start in lower case ("ссылаясь", "постановляет"),
so there is no capital-letter fallback. Subparagraphs are printed "a)" with Latin or
Cyrillic letters (the UN's own files mix "а)" and "b)"); dates "30 июня 2023 года";
meetings "87-е пленарное заседание" (often with a non-breaking hyphen). The cover's
distribution line and date are in English.
"""

from __future__ import annotations

from resconv.lang.lexicon import initial_phrases
from resconv.lang.matching import PhraseSet, Regex
from resconv.lang.profile import LanguageProfile, lines

__all__ = ["PROFILE"]

PREAMBULAR_BASES = lines(
    """
    ссылаясь
    подтверждая
    вновь подтверждая
    рассмотрев
    изучив
    заслушав
    получив
    приняв
    приняв к сведению
    принимая к сведению
    принимая во внимание
    учитывая
    будучи убеждена
    будучи твердо убеждена
    будучи глубоко убеждена
    будучи обеспокоена
    будучи глубоко обеспокоена
    будучи серьезно обеспокоена
    будучи встревожена
    будучи преисполнена решимости
    глубоко обеспокоенная
    преисполненная решимости
    отмечая
    признавая
    сознавая
    напоминая
    памятуя
    подчеркивая
    особо отмечая
    приветствуя
    выражая
    выражая признательность
    выражая обеспокоенность
    выражая глубокую обеспокоенность
    руководствуясь
    осуждая
    сожалея
    заявляя
    констатируя
    высоко оценивая
    считая
    полагая
    исходя из
    желая
    """
)
PREAMBULAR_BEFORE = lines(
    """
    вновь
    с удовлетворением
    с обеспокоенностью
    с глубокой обеспокоенностью
    с серьезной обеспокоенностью
    с большой обеспокоенностью
    с озабоченностью
    с глубокой озабоченностью
    с серьезной озабоченностью
    с крайней озабоченностью
    с беспокойством
    с глубоким беспокойством
    с тревогой
    с глубокой тревогой
    с благодарностью
    с одобрением
    с признательностью
    с сожалением
    с глубоким сожалением
    """
)
PREAMBULAR_AFTER = lines(
    """
    также
    далее
    вновь
    в частности
    с удовлетворением
    с обеспокоенностью
    """
)

OPERATIVE_BASES = lines(
    """
    подтверждает
    принимает к сведению
    принимает во внимание
    просит
    постановляет
    одобряет
    утверждает
    призывает
    предлагает
    рекомендует
    поощряет
    приветствует
    отмечает
    подчеркивает
    особо отмечает
    выражает
    выражает признательность
    выражает обеспокоенность
    выражает глубокую обеспокоенность
    выражает благодарность
    выражает сожаление
    выражает поддержку
    осуждает
    требует
    заявляет
    провозглашает
    признает
    считает
    уполномочивает
    поддерживает
    напоминает
    констатирует
    высоко оценивает
    обращается с призывом
    сожалеет
    благодарит
    приглашает
    принимает
    настоятельно призывает
    настоятельно рекомендует
    настоятельно просит
    решительно осуждает
    """
)
OPERATIVE_BEFORE = lines(
    """
    вновь
    также
    далее
    настоятельно
    решительно
    с удовлетворением
    с обеспокоенностью
    с глубокой обеспокоенностью
    с признательностью
    с сожалением
    """
)
OPERATIVE_AFTER = lines(
    """
    также
    далее
    вновь
    в этой связи
    с удовлетворением
    с обеспокоенностью
    с признательностью
    """
)

MONTHS = {
    name: number
    for number, name in enumerate(
        lines(
            """
            января
            февраля
            марта
            апреля
            мая
            июня
            июля
            августа
            сентября
            октября
            ноября
            декабря
            """
        ),
        start=1,
    )
}
_MONTH = "|".join(MONTHS)
_DATE = rf"\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}(?:\s+года|\s*г\.)?"
_LETTER = "a-zа-яё"

PROFILE = LanguageProfile(
    code="ru",
    joiner="space",
    authority=Regex(r"Генеральная\s+Ассамблея\s*,?|Совет\s+Безопасности\s*,?"),
    preambular=PhraseSet(
        PREAMBULAR_BASES,
        before=PREAMBULAR_BEFORE,
        after=PREAMBULAR_AFTER,
        word_boundary=True,
        more=lambda: initial_phrases("ru", "preambular"),
    ),
    operative=PhraseSet(
        OPERATIVE_BASES,
        before=OPERATIVE_BEFORE,
        after=OPERATIVE_AFTER,
        word_boundary=True,
        more=lambda: initial_phrases("ru", "operative"),
    ),
    date=Regex(rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})(?:\s*года|\s*г\.)?"),
    months=MONTHS,
    meeting=Regex(
        r"(?P<number>\d{1,4})\s*[-‑–]?\s*[еe]\s+(?:\(возобновленное\)\s+)?пленарное\s+заседание"
        r"(?:\s*\(возобновленное\))?"
    ),
    annex=Regex(r"Приложение(?:\s+[IVXLC]{1,6}|\s+\d{1,2})?(?!\w)"),
    session=Regex(
        r"[А-ЯЁ][а-яё]+(?:[ -][а-яё]+){0,3}[ ]+(?:чрезвычайная[ ]+)?(?:специальная[ ]+)?сессия"
    ),
    agenda_item=Regex(
        rf"Пункты?[ ]+(?P<item>\d{{1,3}}(?:[ ]*\(?[{_LETTER}]{{1,3}}\))?)[ ]+повестки[ ]+дня"
    ),
    adopted_line=Regex(rf"Резолюция,?\s+принятая\s+Генеральной\s+Ассамблеей\s+{_DATE}"),
    # "обслуживания1 и", "вопросам2,", "года3;", "20223;" (after a year: one digit).
    glued_marker=Regex(
        rf"(?=\d)(?:(?<=[{_LETTER}])|(?<=[{_LETTER}][.,;:])|(?<=\d[,;:])|(?<=[”’»)])"
        r"|(?<=[”’»)][,;:.]))(\d{1,3})(?![\d/]|\.\d|\s*[-‑]\s*[еe]\b)"
        r"|(?<=[^\d/][12]\d{3})(\d)(?=\s?[;,.:)])"
    ),
    subparagraph=Regex(rf"(?P<num>\(?(?:[{_LETTER}]{{1,2}}|[ivxlc]{{1,6}})\))\s*"),
    structural=Regex(
        r"\d{1,3}\s*\.(?:\s|$)"  # 1.
        rf"|\(?(?:[{_LETTER}]{{1,2}}|[ivxlc]{{1,6}})\)(?:\s|$)"  # a) а) ii)
        r"|[IVXLC]{1,6}\.?$"  # I  II.
        r"|[A-ZА-ЯЁ]\.(?:\s|$)"  # A.  Б.
    ),
    letter_heading=Regex(r"(?P<num>[A-ZА-ЯЁ][.．])\s+(?P<text>\S.*)"),
    letter_alone=Regex(r"[A-ZА-ЯЁ][.．]"),
    rejoins_split_words=True,
    decimal_comma=True,
    suspended_hyphen_words=frozenset({"и", "или"}),
    # "…цены на него," / "принимая при этом во внимание …": in the UN's Russian
    # resolutions 264 paragraphs run on with initial words before "при этом" (none opens
    # with them), 57 before "его", "ее", "их", 10 before "в то же время".
    refers_back=Regex(r"\s*(?:при\s+этом|в\s+то\s+же\s+время|его|ее|её|их)(?![а-яё])"),
    # "б) …;" then "и просит …"; initial words are lower case too, so known ones do not count.
    wrap_up_start=Regex(r"[а-яё]"),
)
