"""The DOCX and PDF writers print the masthead and cover words of `resconv.lang` alike."""

from __future__ import annotations

import io
import re
from collections import Counter

import pypdf
import pytest

from resconv import build as b
from resconv.lang import LANGUAGES, language
from resconv.model import CoverPage, Resolution
from resconv.writers.docx.writer import DocxWriter
from resconv.writers.pdf.writer import PdfWriter
from tests.writers.test_docx import body_text, paragraph_texts, parts

pytestmark = pytest.mark.usefixtures("font_cache_dir")


def model(code: str, distribution: str = "General") -> Resolution:
    return b.resolution(
        language=code,
        title="Title",
        operative=[b.operative("Decides.", number="1.")],
        adoption=b.adoption("3 December 2012", "48th plenary meeting"),
        cover=CoverPage(distribution=distribution, agenda_item="94"),
    )


def pdf_text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in pages))


@pytest.mark.parametrize(
    ("code", "agenda", "distribution"),
    [
        ("zh", "议程项目94", "Distr.: General"),
        ("en", "Agenda item 94", "Distr.: General"),
        ("fr", "Point 94 de l’ordre du jour", "Distr. générale"),
        ("es", "Tema 94 del programa", "Distr. general"),
        ("ru", "Пункт 94 повестки дня", "Distr.: General"),
        ("ar", "البند 94 من جدول الأعمال", "Distr.: General"),
    ],
)
def test_both_writers_print_the_language_s_agenda_and_distribution_lines(
    code: str, agenda: str, distribution: str
) -> None:
    lang = language(code)
    assert lang.agenda_item.format("94") == agenda
    assert lang.distribution.format(lang.distribution_word("General")) == distribution
    # Both writers print the language's word, whether the model holds it in English
    # ("General", as the text reader may give it) or already in the language.
    for word in {"General", lang.distribution_word("General")}:
        header = parts(DocxWriter().write(model(code, word)))["word/header1.xml"]
        assert distribution in paragraph_texts(header), word
    package = parts(DocxWriter().write(model(code)))
    assert agenda in body_text(package["word/document.xml"])
    assert distribution in paragraph_texts(package["word/header1.xml"])
    printed = pdf_text(PdfWriter().write(model(code)))
    wanted = re.sub(r"\s+", "", agenda + distribution)
    if lang.direction == "rtl":  # pypdf gives right-to-left lines in visual order
        assert not Counter(wanted) - Counter(printed)
    else:
        assert re.sub(r"\s+", "", agenda) in printed
        assert re.sub(r"\s+", "", distribution) in printed


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_both_writers_order_the_adoption_lines_as_the_language_does(code: str) -> None:
    first = {"date": "3December2012", "meeting": "48thplenarymeeting"}[
        language(code).adoption_order[0]
    ]
    second = ({"3December2012", "48thplenarymeeting"} - {first}).pop()
    docx = re.sub(
        r"\s+", "", body_text(parts(DocxWriter().write(model(code)))["word/document.xml"])
    )
    printed = pdf_text(PdfWriter().write(model(code)))
    for text in (docx, printed):
        assert -1 < text.index(first) < text.index(second)
    assert (code == "zh") == (first == "3December2012")  # A/RES/67/38 prints the date first
