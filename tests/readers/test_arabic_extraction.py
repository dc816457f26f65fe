"""Arabic text as PDF extractors give it, read by the text reader in logical order.

pdftotext wraps right-to-left lines in bidirectional embeddings whose left-to-right
stretches hold their characters as displayed; it gives vowel marks before their
letters, and with ``-layout`` sets a line's blocks side by side as the page shows them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import resconv
from benchmarks.accuracy_suite.compare import compare
from resconv.diagnostics import Diagnostics
from resconv.readers.text.bidi import join_split_words, undo_displayed_runs, without_left_margins
from resconv.readers.text.bidi_controls import (
    normalise_bidi_controls,
    place_marks_after_letters,
)

RLE, LRE, PDF = "\u202b", "\u202a", "\u202c"


def _rtl(*pieces: str | tuple[str]) -> str:
    """A pdftotext line: the whole in a right-to-left embedding, each stretch given as
    ``(text,)`` in a left-to-right one."""
    return RLE + "".join(p if isinstance(p, str) else LRE + p[0] + PDF for p in pieces) + PDF


def _normalised(*lines: str) -> str:
    return normalise_bidi_controls("\n".join(lines), Diagnostics())


def test_a_title_number_shown_after_its_separator_comes_first() -> None:
    line = _rtl((" - 75/320",), "نطاق الاجتماع")
    assert _normalised(line) == "75/320 - نطاق الاجتماع"


def test_stretches_of_numbers_and_punctuation_read_right_to_left() -> None:
    line = _rtl("البند ", ("( 70",), "ب) من قرارها ", (" 2106",), "ألف (د", (")20-",), " المؤرخ")
    assert _normalised(line) == "البند 70 (ب) من قرارها 2106 ألف (د-20) المؤرخ"


def test_a_range_after_arabic_text_is_put_back() -> None:
    """After Arabic letters a hyphen does not join two numbers: "2011-2020" shows reversed."""
    line = _rtl("الفترة ", (" 2020-2011",), "،")
    assert _normalised(line) == "الفترة 2011-2020 ،"


def test_a_notes_number_opening_a_line_of_latin_text() -> None:
    """A note in Latin script alone: its closing full stop shown first, its number last."""
    line = _rtl((".United Nations, Treaty Series, vol. 1015, No. 14860 1",))
    assert _normalised(line) == "1 United Nations, Treaty Series, vol. 1015, No. 14860."


def test_a_left_to_right_line_keeps_its_order() -> None:
    assert _normalised(_rtl(("9 December 2019",))) == "9 December 2019"


def test_a_paragraph_number_drawn_before_its_dash() -> None:
    assert _normalised(_rtl(("-1",))) == "1 - "


def test_layout_blocks_of_a_right_to_left_line_read_from_the_right() -> None:
    line = "   " + _rtl("عنوان القرار") + "      " + _rtl(("- 74/10",))
    assert _normalised(line) == "74/10 -   عنوان القرار"


def test_digits_drawn_for_kashida_go() -> None:
    line = _rtl("الم", ("66",), "ؤتمر العالمي")
    assert _normalised(line) == "المؤتمر العالمي"


def test_marks_given_before_their_letters_follow_them() -> None:
    """pdftotext's right-to-left lines give every mark before its letter ("تعّصب")."""
    line = _rtl("من تع\u0651صب و\u064fجهت")
    assert _normalised(line) == "من تعص\u0651ب وج\u064fهت"


def test_marks_opening_words_tell_drawing_order_without_controls() -> None:
    drawn = "\u064fيرى أن \u064fيعقد و\u064fيعين"
    assert place_marks_after_letters(drawn, Diagnostics()) == "ي\u064fرى أن ي\u064fعقد وي\u064fعين"
    typed = "ي\u064fرى أن ي\u064fعقد"
    assert place_marks_after_letters(typed, Diagnostics()) == typed


EXACT_WITH_LAYOUT = [
    "A-RES-74-119",
    "A-RES-74-22",
    "A-RES-75-320",
    "A-RES-76-270",
]


@pytest.mark.render
@pytest.mark.parametrize("name", EXACT_WITH_LAYOUT)
def test_pdftotext_layout_of_resconvs_arabic_pdf_reads_exactly(
    shared_dir: Path, tmp_path: Path, name: str
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    source = shared_dir / "corpus" / "dev" / "akn" / f"{name}.ara.xml"
    if not source.exists():
        pytest.skip("shared UN file not available")
    model = resconv.read(source).value
    pdf = tmp_path / "resolution.pdf"
    pdf.write_bytes(resconv.write(model, "pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    got = resconv.read_bytes(text, format="text").value
    outcome = compare(model, got)
    assert outcome.exact, outcome.first_difference


def test_words_drawn_in_two_pieces_are_joined_by_the_documents_vocabulary() -> None:
    text = "وإذ تشير إلى القرار\nوإذ تش ير إلى الاتفاق\nوإذ تشير أيضا إلى ما سبق، في ما يلي"
    joined = join_split_words(text, Diagnostics())
    assert "وإذ تشير إلى الاتفاق" in joined
    assert "في ما يلي" in joined  # two words of their own stay apart


def test_pieces_without_the_whole_word_elsewhere_stay() -> None:
    text = "وإذ تش ير إلى الاتفاق، وإذ تشير إلى القرار"
    assert join_split_words(text, Diagnostics()) == text  # the whole word once: no evidence


def test_spaces_before_short_right_to_left_lines_go() -> None:
    """pypdf sets a paragraph's short last line in on the left (it ends at the right)."""
    lines = [
        "إذ تشير إلى قراراتها السابقة بشأن المتابعة الشاملة لنتائج المؤتمر",
        "    العالمي،",
        "وإذ تؤكد من جديد الأهمية القصوى لعالمية الانضمام إلى الاتفاقية",
        "   الدولية،",
        "وإذ تشير إلى قرارها الذي دعت فيه إلى الاحتفال بالذكرى السنوية",
        "  العشرين،",
    ]
    assert without_left_margins("\n".join(lines)) == "\n".join(line.strip() for line in lines)
    typed = "\n".join(["    وإذ تشير إلى القرار", "وما يليه من قرارات،", "    وإذ تؤكد"] * 2)
    assert without_left_margins(typed) == typed  # set-in first lines are paragraph starts


def test_brackets_commas_and_words_shown_in_display_order_are_put_back() -> None:
    """pypdfium2 gives logical text with some pieces as displayed."""
    text = "\n".join(
        [
            "البند 70 )ب( من جدول الأعمال، والقرار 2106 ألف )د-20(",
            "المؤرخ 31 كانون الأول/ديسمبر ،2020 الذي دعت فيه",
            ".الأول الفصل ،A/CONF.189/12/Corr.1 و A/CONF.189/12 انظر",
        ]
    )
    assert undo_displayed_runs(text, Diagnostics()).split("\n") == [
        "البند 70 (ب) من جدول الأعمال، والقرار 2106 ألف (د-20)",
        "المؤرخ 31 كانون الأول/ديسمبر 2020، الذي دعت فيه",
        "انظر A/CONF.189/12 و A/CONF.189/12/Corr.1، الفصل الأول.",
    ]
    clean = "البند 70 (ب) من جدول الأعمال، المؤرخ 2020، الذي"
    assert undo_displayed_runs(clean, Diagnostics()) == clean


def test_a_bare_alif_set_apart_starts_the_next_word() -> None:
    """Some fonts draw the lam-kaf ligature after a gap: "في ا لكرامة"."""
    assert join_split_words("متساوين في ا لكرامة والحقوق", Diagnostics()) == (
        "متساوين في الكرامة والحقوق"
    )
