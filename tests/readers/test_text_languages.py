"""French, Spanish, Russian, Arabic and German: hand-written cases, detection, initial words.

The UN's own AKN of 77/306 in these languages (and every other UN file in ../shared) is
laid out as text, read back and compared part by part in `test_text_unseen.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

import pytest

from resconv.lang.lexicon import initial_phrases
from resconv.lang.matching import PhraseSet
from resconv.lang.profile import TEXT_LANGUAGES, profile
from resconv.model import FootnoteRef, Heading, OperativeParagraph, plain_text
from resconv.readers.text.decode import detect_language
from resconv.readers.text.reader import TextReader

# -- hand-written cases (run without ../shared) -----------------------------------------

CASES = Path(__file__).resolve().parents[2] / "fixtures" / "cases"

EXPECTED: dict[str, dict[str, Any]] = {
    "fr": {
        "authority": "L’Assemblée générale,",
        "preamble": ["Rappelant", "Prenant note avec satisfaction"],
        "body": [
            ("I", "Préparatifs", 1),
            ("1.", "Décide", ["a)", "b)"], ["i)", "ii)"]),
            ("2.", "Invite également", [], []),
            ("II", "Suivi", 1),
            (None, "Questions d’organisation", 2),
            ("3.", "Salue", [], []),  # unknown verb: the fallback
            ("4.", "Prie", [], []),
        ],
        "adoption": (dt.date(2024, 12, 20), "20 décembre 2024", 52, "52e séance plénière"),
        "cover": ("générale", dt.date(2025, 1, 3), "Soixante-dix-neuvième session", "72"),
        "annex": ("Annexe", "Programme de la réunion de haut niveau", ["1.", "2."]),
        "notes": ["Voir A/78/PV.50.", "Voir A/79/100."],
    },
    "es": {
        "authority": "La Asamblea General,",
        "preamble": ["Recordando", "Tomando nota con aprecio"],
        "body": [
            ("A.", "Preparativos", 1),
            ("1.", "Decide", ["a)", "b)"], ["i)", "ii)"]),
            ("2.", "Invita", [], []),
            ("B.", "Seguimiento", 1),
            ("3.", "Saluda", [], []),  # unknown verb: the fallback
            ("4.", "Decide también", [], []),
        ],
        "adoption": (dt.date(2024, 12, 20), "20 de diciembre de 2024", 52, "52ª sesión plenaria"),
        "cover": ("general", dt.date(2025, 1, 3), "Septuagésimo noveno período de sesiones", "72"),
        "annex": ("Anexo", "Programa de la reunión de alto nivel", ["1.", "2."]),
        "notes": ["Véase A/78/PV.50.", "Véase A/79/100."],
    },
    "ru": {
        "authority": "Генеральная Ассамблея,",
        "preamble": ["ссылаясь", "с удовлетворением отмечая"],
        "body": [
            ("I", "Подготовка", 1),
            ("1.", "постановляет", ["а)", "б)"], ["i)", "ii)"]),
            ("2.", "предлагает", [], []),
            ("II", "Последующая деятельность", 1),
            ("3.", "приветствует", [], []),
            ("4.", "просит также", [], []),
        ],
        "adoption": (dt.date(2024, 12, 20), "20 декабря 2024 года", 52, "52-е пленарное заседание"),
        "cover": ("General", dt.date(2025, 1, 3), "Семьдесят девятая сессия", "72"),
        "annex": ("Приложение", "Программа совещания высокого уровня", ["1.", "2."]),
        "notes": ["См. A/78/PV.50.", "См. A/79/100."],
    },
    "ar": {
        "authority": "إن الجمعية العامة،",
        "preamble": ["إذ تشير", "وإذ تحيط علما مع التقدير"],
        "body": [
            ("أولا", "الأعمال التحضيرية", 1),
            ("١ -", "تقرر", ["(أ)", "(ب)"], ["(1)", "(2)"]),
            ("٢ -", "تدعو", [], []),
            ("ثانيا", "المتابعة", 1),
            ("٣ -", "ترحب", [], []),
            ("٤ -", "تطلب إلى", [], []),
        ],
        "adoption": (dt.date(2024, 12, 20), "٢٠ كانون الأول/ديسمبر ٢٠٢٤", 52, "الجلسة العامة ٥٢"),
        "cover": ("General", dt.date(2025, 1, 3), "الدورة التاسعة والسبعون", "72"),
        "annex": ("المرفق", "برنامج الاجتماع الرفيع المستوى", ["١ -", "٢ -"]),
        "notes": ["انظر A/78/PV.50.", "انظر A/79/100."],
    },
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_hand_written_case(code: str) -> None:
    result = TextReader().read((CASES / f"{code}-sections-annex.txt").read_bytes())
    model, expected = result.value, EXPECTED[code]
    assert not result.warnings, [str(d) for d in result.warnings]
    assert model.language == code
    assert model.authority == expected["authority"]
    assert [p.initial_words for p in model.preamble] == expected["preamble"]
    body: list[tuple[Any, ...]] = []
    for block in model.operative:
        if isinstance(block, Heading):
            body.append((block.number, plain_text(block.text), block.level))
        else:
            subs = block.subparagraphs
            nested = [s.number for s in subs[-1].subparagraphs] if subs else []
            body.append((block.number, block.initial_words, [s.number for s in subs], nested))
            assert plain_text(block.content).startswith(block.initial_words)
    assert body == expected["body"]
    adoption = model.adoption
    assert adoption is not None
    got: tuple[object, ...] = (
        adoption.date,
        adoption.date_text,
        adoption.meeting,
        adoption.meeting_text,
    )
    assert got == expected["adoption"]
    cover = model.cover
    got = (cover.distribution, cover.distribution_date, cover.session_text, cover.agenda_item)
    assert got == expected["cover"]
    [annex] = model.annexes
    label, title, numbers = expected["annex"]
    assert (annex.label, plain_text(annex.title)) == (label, title)
    assert [b.number for b in annex.body if isinstance(b, OperativeParagraph)] == numbers
    assert [f.text for f in model.footnotes] == expected["notes"]
    assert [f.marker for f in model.footnotes] == ["1", "2"]


def test_a_paragraph_runs_on_over_a_page_break_with_its_footnote_at_the_foot() -> None:
    model = TextReader().read((CASES / "es-sections-annex.txt").read_bytes()).value
    second = model.operative[2]
    assert isinstance(second, OperativeParagraph)
    assert plain_text(second.content).endswith(
        "y solicita a la Secretaría que preste el apoyo necesario;"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("80/1. Titre\n\nL’Assemblée générale,\n\nRappelant sa résolution,\n", "fr"),
        ("80/1. Título\n\nLa Asamblea General,\n\nRecordando su resolución,\n", "es"),
        ("80/1. Title\n\nThe General Assembly,\n\nRecalling its resolution,\n", "en"),
        ("80/1. Название\n\nГенеральная Ассамблея,\n\nссылаясь на резолюцию,\n", "ru"),
        ("80/1 - عنوان\n\nإن الجمعية العامة،\n\nإذ تشير إلى قرارها،\n", "ar"),
        ("80/1. 标题\n\n大会，\n\n回顾其决议，\n", "zh"),
        ("80/1. Titel\n\nDie Generalversammlung,\n\nunter Hinweis auf ihre Resolution,\n", "de"),
    ],
)
def test_language_is_told_by_script_words_and_authority_line(text: str, code: str) -> None:
    assert detect_language(text, TEXT_LANGUAGES) == code


def _alternation(phrases: list[str], *, word_boundary: bool) -> re.Pattern[str]:
    """The reference: one anchored regex, longest phrase first."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    tail = r"(?![\w\-‑’'])" if word_boundary else ""
    return re.compile("(?:" + "|".join(map(re.escape, ordered)) + ")" + tail)


@pytest.mark.parametrize("code", ["zh", "fr", "es", "ru", "ar", "de"])
def test_phrase_lookup_gives_what_a_longest_first_alternation_gives(code: str) -> None:
    # English is left out only because its 9 152-phrase alternation takes 0.4 s to compile.
    language = profile(code)
    for full in (language.preambular, language.operative):
        phrases = full.without_more()  # the lexicon's phrases would multiply the expansion
        expanded = list(phrases)
        reference = _alternation(expanded, word_boundary=phrases.word_boundary)
        for phrase in expanded:
            for text in (phrase, phrase + " x", phrase + "s", phrase[:-1], phrase + "-x"):
                found = reference.match(text)
                assert phrases.match(text) == (found.group() if found else ""), text


@pytest.mark.parametrize("code", ["zh", "en", "fr", "es", "ru", "ar"])
def test_harvested_initial_phrases_are_known(code: str) -> None:
    language = profile(code)
    kinds: tuple[tuple[Literal["preambular", "operative"], PhraseSet], ...] = (
        ("preambular", language.preambular),
        ("operative", language.operative),
    )
    for kind, phrases in kinds:
        harvested = initial_phrases(code, kind)
        assert len(harvested) > 50
        own = phrases.without_more()
        unforeseen = [p for p in harvested if own.match(p + " x") != p]
        assert unforeseen, "the lexicon adds nothing the module's phrases had not"
        for phrase in unforeseen[:20]:
            assert phrases.match(phrase + " x") == phrase


GERMAN_WEB_COPY = """Resolution der Generalversammlung, verabschiedet am 1. Dezember 2025
[aufgrund des Berichts des Ersten Ausschusses (A/80/534, Ziff. 7)]
80/6. Beispiel
Die Generalversammlung,
unter Hinweis auf das Abkommen („Beziehungsabkommen“)1 und ihre Resolution 79/7,
1. fordert alle Staaten auf, zu diesem Zweck:
a) dringend Maßnahmen zu ergreifen;
b) Übereinkommen anzustreben;
2. nimmt Kenntnis von dem Bericht über die Durchführung der Resolution 79/72;
52. Plenarsitzung
1. Dezember 2025
__________________
1 Vereinte Nationen, Treaty Series, Vol. 2283, Nr. 1.
2 A/80/83.
"""


def test_german_markers_after_a_closing_quote_and_lettered_subparagraphs() -> None:
    resolution = TextReader().read(GERMAN_WEB_COPY.encode()).value
    assert resolution.language == "de"
    [preambular] = resolution.preamble
    first, second = resolution.operative
    assert isinstance(first, OperativeParagraph) and isinstance(second, OperativeParagraph)
    assert [sub.number for sub in first.subparagraphs] == ["a)", "b)"]
    assert [p.marker for p in preambular.content if isinstance(p, FootnoteRef)] == ["1"]
    assert plain_text(second.content).endswith("Resolution 79/7;")
    assert [note.marker for note in resolution.footnotes] == ["1", "2"]


ARABIC_WEB_COPY = """79/258 باء. المواضيع الخاصة المتصلة بالميزانية البرنامجية
إن الجمعية العامة،
1 - تأذن للأمين العام بالدخول في التزامات بالنسبة إلى ما يلي:
(أ) الالتزامات المتعلقة بصون السلام والأمن؛
(ب) الالتزامات المتعلقة بنفقات نشأت عما يلي:
’1‘ تعيين قضاة مخصصين؛
’2‘ استدعاء الشهود؛
(ج ج) الالتزامات الأخرى؛
2 - تقرر أن يقدم الأمين العام تقريرا.
الجلسة العامة 50 (المستـأنفة)
22 كانون الأول/ديسمبر 2023
"""


def test_arabic_collection_letter_quoted_numbers_doubled_letters_and_a_tatweel() -> None:
    resolution = TextReader().read(ARABIC_WEB_COPY.encode()).value
    assert resolution.number == "79/258 باء"
    first, _ = resolution.operative
    assert isinstance(first, OperativeParagraph)
    assert [sub.number for sub in first.subparagraphs] == ["(أ)", "(ب)", "(ج ج)"]
    assert [sub.number for sub in first.subparagraphs[1].subparagraphs] == ["’1‘", "’2‘"]
    assert resolution.adoption is not None and resolution.adoption.meeting == 50


@pytest.mark.parametrize("printed", ["دإط-11/6", "د إ ط-11/1"])
def test_an_arabic_emergency_session_number_and_a_march_spelt_with_hamza(printed: str) -> None:
    """Arabic prints an emergency special session's number with its own letters (the
    symbol keeps "ES-"), and some of the UN's files spell March "أذار"."""
    text = (
        f"{printed}. العدوان على أوكرانيا\nإن الجمعية العامة،\n"
        "1 - تطالب بوقف استخدام القوة فورا.\nالجلسة العامة 5\n2 أذار/مارس 2022\n"
    )
    resolution = TextReader().read(text.encode()).value
    assert resolution.number == printed
    assert resolution.symbol == "A/RES/ES-" + printed.rsplit("-", 1)[1]
    assert resolution.adoption is not None and resolution.adoption.date == dt.date(2022, 3, 2)


_ARABIC_ANNEX_SECTIONS = ("أولا - الإنشاء", "ثانيا - الغرض", "ثالثا - السلطة", "رابعا - الإدارة")


def test_arabic_annex_sections_numbered_with_a_dash_stay_out_of_the_annex_title() -> None:
    """A section heading before a paragraph numbered "1 - " is no sentence running on
    over a blank line (as "1925 Geneva" after a line is): the title stays one line."""
    sentence = "يُنشأ الصندوق الاستئماني لبرنامج الزمالات القضائية من قبل الأمين العام، "
    sections = "".join(
        f"{heading}\n\n{number} - {sentence * 3}بناء على طلب الجمعية العامة.\n\n"
        for number, heading in enumerate(_ARABIC_ANNEX_SECTIONS, start=1)
    )
    text = (
        "75/129 - عنوان القرار\n\nإن الجمعية العامة،\n\n1 - *تقرر* إنشاء الصندوق؛\n\n"
        "الجلسة العامة 44\n14 كانون الأول/ديسمبر 2020\n\nالمرفق\n\n"
        "اختصاصات الصندوق الاستئماني لبرنامج الزمالات القضائية التابع لمحكمة العدل الدولية\n\n"
        + sections
    )
    (annex,) = TextReader().read(text.encode()).value.annexes
    assert plain_text(annex.title).endswith("محكمة العدل الدولية")
    headings = [plain_text(b.text) for b in annex.body if isinstance(b, Heading)]
    assert headings == list(_ARABIC_ANNEX_SECTIONS)


def test_chinese_preamble_goes_on_past_words_both_parts_use() -> None:
    """ "表示注意到" opens preambular and operative paragraphs alike: a paragraph with it
    ending with "。" or "，" before more preambular ones stays in the preamble."""
    text = """80/99. 示例决议
大会，
回顾其以往各项决议，
表示注意到秘书长的报告。
又表示注意到特别报告员的报告，
回顾其第64/293号决议，
1. 决定继续审议这个问题。
2025年12月3日
第99次全体会议
"""
    resolution = TextReader().read(text.encode()).value
    assert len(resolution.preamble) == 4
    assert len(resolution.operative) == 1


def test_chinese_preamble_opening_with_a_semicolon_slip_stays_a_preamble() -> None:
    """ "回顾" opens preambular and operative paragraphs alike: the first paragraph closed
    with "；" before preambular ones opens the preamble, not an operative part."""
    text = """80/51. 示例决议
大会，
回顾2020年12月7日第75/73号决议以及2023年12月4日第78/41号决议；
又回顾联合国是在80年前诞生，
意识到多边外交的绝对效力，
1. 促请所有国家承认核武器爆炸的后果；
2. 决定继续审议这个问题。
2025年12月1日
第99次全体会议
"""
    resolution = TextReader().read(text.encode()).value
    assert len(resolution.preamble) == 3
    assert [block.number for block in resolution.operative] == ["1.", "2."]  # type: ignore[union-attr]


def test_the_authority_line_stands_alone_before_a_part_number() -> None:
    """Wrapped Chinese lines run on where a line ends with "，"; the authority line
    "大会，" does not: the part number and heading after it open the first part."""
    text = """76/241. 关于内部监督事务厅活动的报告
大会，
一
内部监督事务厅的活动
回顾其 1994 年 7 月 29 日第 48/218 B 号、1999 年 12 月 23 日第 54/244 号、2004 年 12
月 23 日第 59/272 号、2006 年 5 月 8 日第 60/259 号、2008 年 12 月 24 日第 63/265 号、2009
年 12 月 22 日第 64/232 号以及 2020 年 12 月 31 日第 75/247 号决议，
审议了内部监督事务厅关于其 2020 年 7 月 1 日至 2021 年 6 月 30 日期间活动的报告，
1. 重申大会在审议向其提交的报告并就此类报告采取行动方面所起的首要作用；
2. 又重申在行政和预算事项上大会的监督作用以及第五委员会的作用；
2021 年 12 月 24 日
第 58 次全体会议
"""
    resolution = TextReader().read(text.encode()).value
    assert resolution.authority == "大会，"
    assert [part.number for part in resolution.parts] == ["一"]
    assert len(resolution.parts[0].preamble) == 2
