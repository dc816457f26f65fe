"""Properties of the text reader: any input reads or fails with resconv's own error."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resconv.errors import ResconvError
from resconv.readers.text.reader import TextReader

# Words the reader reacts to, so that random documents reach the deeper passes.
KEYWORDS = [
    "67/38. 标题",
    "80/1. Title",
    "大会，",
    "The General Assembly,",
    "回顾",
    "Recalling",
    "1.",
    "2.",
    "(a)",
    "(i)",
    "㈠",
    "I",
    "A.",
    "附件",
    "Annex",
    "2012 年 12 月 3 日",
    "3 December 2012",
    "第 48 次全体会议",
    "48th plenary meeting",
    "_______________",
    "1 See A/80/1.",
    "[^1]: Note.",
    "[^1]",
    "A/RES/80/1",
    "25-18769 (E)",
    "2/2",
    "1",
    "Decides,",
    "决定。",
    "\f",
    "\x0b",
    "\u2028",
    "—",
    "eighty- first",
    "\x01",
    "L’Assemblée générale,",
    "Rappelant",
    "Prend note",
    "a)",
    "i)",
    "а)",
    "(أ)",
    "(1)",
    "1 -",
    "١ -",
    "77/306 - عنوان",
    "إن الجمعية العامة،",
    "وإذ تؤكد من جديد",
    "Генеральная Ассамблея,",
    "ссылаясь",
    "La Asamblea General,",
    "30 juin 2023",
    "1er juillet 2023",
    "87e séance plénière",
    "30 de junio de 2023",
    "87ª sesión plenaria",
    "30 июня 2023 года",
    "87‑е пленарное заседание",
    "30 حزيران/يونيه 2023",
    "الجلسة العامة 87",
    "Annexe",
    "Anexo",
    "Приложение",
    "المرفق",
    "أولا",
    "Distr. générale",
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, lang: str | None = None) -> None:
    with contextlib.suppress(ResconvError):
        TextReader().read(data, lang=lang)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_read_or_raise_a_resconv_error(data: bytes) -> None:
    _read(data)


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_reads_or_raises_a_resconv_error(text: str) -> None:
    _read(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(
    st.lists(st.one_of(st.sampled_from(KEYWORDS), st.text(max_size=12)), max_size=40).map(
        lambda parts: "\n".join(parts)
    ),
    st.sampled_from([None, "zh", "en", "fr", "es", "ru", "ar"]),
)
def test_keyword_soup_reads_or_raises_a_resconv_error(text: str, lang: str | None) -> None:
    _read(text.encode("utf-8", "surrogatepass"), lang)
