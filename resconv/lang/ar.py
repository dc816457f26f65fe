"""Arabic: what the text reader needs to recognise a General Assembly resolution.

Text is read in logical order (as typed, as extracted by tools that undo the visual
order). Initial words come from the UN's Arabic Akoma Ntoso (A/RES/77/306) and the
usual verbs; preambular ones open with "إذ" for the first paragraph and "وإذ" after it
("إذ تشير", "وإذ تؤكد من جديد"), or use "وقد" + a past verb ("وقد نظرت"). Operative
paragraphs are numbered "1 -"; subparagraphs "(أ)", "(ب)", under them "(1)"; footnote
markers are printed in brackets "(1)"; Arabic comma "،" and semicolon "؛"; dates name
the month twice, "30 حزيران/يونيه 2023"; meetings "الجلسة العامة 87". Digits may be
Western or Arabic-Indic. The cover's distribution line and date are in English.
"""

from __future__ import annotations

import re

from resconv.lang.lexicon import initial_phrases
from resconv.lang.matching import PhraseSet, Regex
from resconv.lang.profile import LanguageProfile, lines

__all__ = ["PROFILE", "SHORT_WORDS", "marks_in_typing_order"]

PREAMBULAR_BASES = lines(
    """
    تشير
    تؤكد
    تؤكد من جديد
    تعيد تأكيد
    تكرر تأكيد
    تضع في اعتبارها
    تضع في الاعتبار
    تأخذ في الاعتبار
    تدرك
    تسلم
    تلاحظ
    تحيط علما
    ترحب
    تعرب عن
    تعرب عن قلقها
    تعرب عن بالغ قلقها
    تعرب عن تقديرها
    تعرب عن امتنانها
    تشدد
    تعترف
    تقر
    تعتبر
    ترى
    تستذكر
    تثني
    تدين
    تحث
    تشعر بالقلق
    يساورها القلق
    يساورها بالغ القلق
    يساورها قلق بالغ
    تلاحظ مع القلق
    تلاحظ مع الارتياح
    تلاحظ مع التقدير
    تسترشد
    تعلن
    تقتنع
    تصمم
    تعي
    تبرز
    وقد نظرت
    وقد درست
    وقد استمعت
    وقد تلقت
    وقد اعتمدت
    وقد استعرضت
    وقد بحثت
    وقد أحاطت علما
    وقد نظرت أيضا
    اقتناعا منها
    واقتناعا منها
    إدراكا منها
    وإدراكا منها
    اعترافا منها
    واعترافا منها
    تسليما منها
    وتسليما منها
    إيمانا منها
    وإيمانا منها
    تصميما منها
    وتصميما منها
    اعتبارا منها
    واعتبارا منها
    رغبة منها
    ورغبة منها
    """
)
PREAMBULAR_BEFORE = lines(
    """
    إذ
    وإذ
    """
)
PREAMBULAR_AFTER = lines(
    """
    أيضا
    كذلك
    من جديد
    مع القلق
    مع بالغ القلق
    مع الارتياح
    مع التقدير
    مع الأسف
    بوجه خاص
    """
)

OPERATIVE_BASES = lines(
    """
    تؤكد من جديد
    تعيد تأكيد
    تكرر تأكيد
    تحيط علما
    تؤيد
    تنوه
    تعتمد
    تقرر
    تطلب
    تطلب إلى
    تهيب
    تحث
    تدعو
    تشجع
    ترحب
    تؤكد
    تشدد
    تعرب عن
    تعرب عن قلقها
    تعرب عن بالغ قلقها
    تعرب عن تقديرها
    تعرب عن امتنانها
    تعرب عن دعمها
    تدين
    تشجب
    توصي
    تقر
    تعترف
    تسلم
    تلاحظ
    تلاحظ مع القلق
    تلاحظ مع الارتياح
    تلاحظ مع التقدير
    تذكر
    تشير
    تأذن
    تعلن
    تطالب
    تناشد
    تكرر
    تجدد
    تعتبر
    ترى
    توافق
    تثني
    تشكر
    تدعم
    تأسف
    تبرز
    تسترعي الانتباه
    تعرب عن أسفها
    """
)
OPERATIVE_AFTER = lines(
    """
    أيضا
    كذلك
    من جديد
    مرة أخرى
    بشدة
    بقوة
    مع القلق
    مع بالغ القلق
    مع الارتياح
    مع التقدير
    في هذا الصدد
    """
)

# The Syriac month name, a slash, the Western one: "حزيران/يونيه" (either alone too).
_MONTH_PAIRS = (
    ("كانون الثاني", "يناير"),
    ("شباط", "فبراير"),
    ("آذار", "مارس"),
    ("نيسان", "أبريل"),
    ("أيار", "مايو"),
    ("حزيران", "يونيه"),
    ("تموز", "يوليه"),
    ("آب", "أغسطس"),
    ("أيلول", "سبتمبر"),
    ("تشرين الأول", "أكتوبر"),
    ("تشرين الثاني", "نوفمبر"),
    ("كانون الأول", "ديسمبر"),
)
_WESTERN_VARIANTS = {"يونيو": 6, "يوليو": 7, "إبريل": 4}
_SYRIAC_VARIANTS = {"أذار": 3}  # as 8 of the UN's 739 Arabic files with March spell it
MONTHS = (
    {"".join(syriac.split()): number for number, (syriac, _) in enumerate(_MONTH_PAIRS, 1)}
    | {western: number for number, (_, western) in enumerate(_MONTH_PAIRS, 1)}
    | _WESTERN_VARIANTS
    | _SYRIAC_VARIANTS
)
_WESTERN = "|".join([w for _, w in _MONTH_PAIRS] + list(_WESTERN_VARIANTS))
_SYRIAC = "|".join([r"\s+".join(s.split()) for s, _ in _MONTH_PAIRS] + list(_SYRIAC_VARIANTS))
_MONTH = rf"(?:(?:{_SYRIAC})\s*/\s*)?(?:{_WESTERN})|(?:{_SYRIAC})"
_DATE = rf"\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}"
_DIGIT = r"0-9\u0660-\u0669"
_LETTER = r"\u0621-\u064a"
_ORDINALS = "أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا"
_SESSION_PREFIX = r"ES-|S-|د ?إ ?ط ?-"
"""A special or emergency special session's resolution number: "ES-11/4", or as the UN's
Arabic prints it, "دإط-11/6" or "د إ ط-11/1" (دورة استثنائية طارئة)."""
_LETTER_NAMES = "ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء"
_ANNEX_ORDINALS = "الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر"

SHORT_WORDS = frozenset(
    lines(
        """
        في
        من
        عن
        ما
        لا
        لم
        لن
        أن
        إن
        أو
        ثم
        قد
        هو
        هي
        كل
        بل
        مع
        و
        هم
        هن
        له
        لها
        به
        بها
        فيه
        منه
        عنه
        حيث
        كما
        إذ
        إذا
        أي
        """
    )
)
"""Words of up to three letters that stand alone (also after "و" or "ف": "ولا"): never
taken for a piece of a word that a PDF drew in two."""

_VOWEL_BEFORE_SHADDA = re.compile("([\u064b-\u0650\u0652])(\u0651)")


def marks_in_typing_order(text: str) -> str:
    """`text` with a shadda before the vowel on the same letter.

    A PDF cannot tell the order of two marks on one letter; the UN's Arabic
    resolutions type the shadda first (2,544 times to 60).
    """
    return _VOWEL_BEFORE_SHADDA.sub(r"\2\1", text)


PROFILE = LanguageProfile(
    code="ar",
    joiner="space",
    authority=Regex(r"إن\s+الجمعية\s+العامة\s*[،,]?|إن\s+مجلس\s+الأمن\s*[،,]?"),
    # Frequent words: in visual order (each line reversed) they are found only reversed.
    detect_words=frozenset({"في", "من", "على", "إلى", "التي", "الجمعية", "العامة", "المتحدة"}),
    preambular=PhraseSet(
        PREAMBULAR_BASES,
        before=PREAMBULAR_BEFORE,
        after=PREAMBULAR_AFTER,
        word_boundary=True,
        more=lambda: initial_phrases("ar", "preambular"),
    ),
    operative=PhraseSet(
        OPERATIVE_BASES,
        after=OPERATIVE_AFTER,
        word_boundary=True,
        more=lambda: initial_phrases("ar", "operative"),
    ),
    date=Regex(rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})"),
    months=MONTHS,
    meeting=Regex(
        # A tatweel may stretch a word: "(المستـأنفة)".
        r"الجلسة\s+العامة\s+(?:\(المستـ?أنفة\)\s*)?(?P<number>\d{1,4})(?:\s*\(المستـ?أنفة\))?"
    ),
    annex=Regex(rf"ال?مرفق(?:\s+(?:{_ANNEX_ORDINALS}|[IVXLC]{{1,6}}|\d{{1,2}}))?(?!\w)"),
    session=Regex(r"الدورة(?:[ ]+[^\s\d]+){1,5}"),
    agenda_item=Regex(
        rf"(?:البند|البنود)[ ]+(?P<item>\d{{1,3}}(?:[ ]*\([{_LETTER}]\))?)[ ]+من[ ]+جدول[ ]+الأعمال"
    ),
    adopted_line=Regex(rf"قرار\s+اتخذته\s+الجمعية\s+العامة\s+في\s+{_DATE}"),
    # "الإقليمي(1) وتقرير", "2023(1)،", "بالموضوع (2)،": the brackets go with the marker,
    # which follows a word or number (a subparagraph "(1)" starts its paragraph).
    glued_marker=Regex(
        r"(?:(?<=[^\s(])|(?<=[^\s(] ))"
        rf"(?P<span>\(([{_DIGIT}]{{1,3}})\))"
        # A bare number glued to a word or its punctuation: "الاعتراض2،", "الأول،3".
        r"|(?<=[\u0621-\u064a])([0-9]{1,3})(?![\d/])"
        r"|(?<=[\u0621-\u064a][،؛:.])([0-9]{1,3})(?![\d/])"
        # or to a closing quote or bracket: "لعام 2030“1،", "(2003)4،".
        r"|(?<=[^\s(][”“»)])([0-9]{1,3})(?=[،؛:.]|\s|$)"
    ),
    title=Regex(
        # "79/258 باء.": a resolution of a collection adds its letter's name.
        rf"(?P<number>(?:{_SESSION_PREFIX})?[{_DIGIT}]{{1,3}}/[{_DIGIT}]{{1,4}}"
        rf"(?:\s(?:{_LETTER_NAMES}))?)"
        r"\s*(?:[.．]\s*[\-–—]?|[\-–—])\s*(?P<title>\S.*)?"
    ),
    operative_number=Regex(rf"(?P<num>[{_DIGIT}]{{1,3}}\s*[-–‐])\s*"),
    squeeze_number=False,
    symbol_prefixes=(("دإط-", "ES-"),),
    # "(أ)", "(1)"; past (ي) the letters double: "(أأ)", "(ب ب)"; under a letter "’1‘".
    subparagraph=Regex(
        rf"(?P<num>\((?:(?P<l>[{_LETTER}])\u0640?(?:\s?(?P=l))?|[{_DIGIT}]{{1,2}})\)"
        rf"|’[{_DIGIT}]{{1,2}}‘)\s*"
    ),
    structural=Regex(
        rf"[{_DIGIT}]{{1,3}}\s*[-–‐](?:\s|$)"  # 1 -
        rf"|\((?:([{_LETTER}])\u0640?(?:\s?\1)?|[{_DIGIT}]{{1,2}})\)"  # (أ) (1) (ب ب)
        rf"|’[{_DIGIT}]{{1,2}}‘"  # ’1‘
        rf"|(?:{_ORDINALS})(?:\s*[-–])?$"  # أولا
        rf"|(?:{_LETTER_NAMES})\s*[-–](?:\s|$)"  # ألف -
        r"|[IVXLC]{1,6}\.?$"
    ),
    section_number=Regex(rf"(?:{_ORDINALS})(?:\s*[-–])?|[IVXLC]{{1,6}}\.?"),
    letter_heading=Regex(rf"(?P<num>(?:{_LETTER_NAMES})\s*[-–])\s+(?P<text>\S.*)"),
    letter_alone=Regex(rf"(?:{_LETTER_NAMES})(?:\s*[-–])?"),
    # "(1) انظر …" as the UN prints it, or "1 انظر …" as web copies have it (not "1 - …",
    # an operative paragraph).
    note_start=Regex(
        rf"(?=\(|[{_DIGIT}]{{1,3}}\s+[^\s\-–‐])\(?(?P<m>[{_DIGIT}]{{1,3}})\)?\s*(?P<text>\S.*)"
    ),
)
