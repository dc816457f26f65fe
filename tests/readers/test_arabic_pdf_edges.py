"""Arabic lines of a paragraph set left to right: what stands at the edges of a run.

A producer that gives Arabic paragraphs a left-to-right base (LibreOffice printing
pandoc's Word files) resolves brackets as pairs (UAX #9 N0), a clause's comma inside a
paragraph with the text around it, and draws a note's marker as a neutral whose digits
still read left to right. The visual lines below are laid out as that producer draws
them, one span per character (raised ones for markers); the reader must give the text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from bidi.algorithm import get_display

from resconv.readers.pdf.document import Line, Span
from resconv.readers.pdf.lines import _pair_up, order_lines
from tests.readers.drawn import MARKER as _MARKER
from tests.readers.drawn import drawn_line as _line


def _read(*pieces: str) -> str:
    [ordered] = order_lines([_line(*pieces)])
    return ordered.text


def _shown(logical: str) -> str:
    """A right-to-left run as PDFium gives it displayed: brackets and double quotes
    mirrored."""
    return get_display(logical, base_dir="R").translate(_QUOTES_MIRRORED)


_QUOTES_MIRRORED = str.maketrans("“”", "”“")


def test_a_bracket_pair_ending_a_run_closes_at_its_left() -> None:
    """The pair "(د-3)" takes the direction of the Arabic inside it: its closing bracket shows at
    the run's left end, before the paragraph's full stop at the right."""
    text = _read(")", _shown("القرار 217 ألف (د-3"), ".")
    assert text == "القرار 217 ألف (د-3)."


def test_a_note_marker_before_a_bracketed_run_stays_first() -> None:
    text = _read(_MARKER + "1", " ", ")", _shown("انظر القرار 169 (د-2"), ".")
    assert text == "1 انظر القرار 169 (د-2)."


def test_brackets_at_both_edges_of_a_line_pair_up() -> None:
    """A bracketed title on a paragraph's last line, its comma after it."""
    inner = "”اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية“"
    text = _read(")", _shown(inner), "(", "،")
    assert text == "(" + inner + ")،"


def test_a_clause_comma_after_a_paragraph_number_ends_the_line() -> None:
    """A paragraph's first line breaks after a comma: the comma belongs to the run and
    shows at its left end, next to the paragraph's number."""
    text = _read("10 - ", "،", _shown("تشجع الدول الأعضاء ذات الصلة"))
    assert text == "10 - تشجع الدول الأعضاء ذات الصلة،"


def test_a_two_digit_marker_amid_a_run_reads_left_to_right() -> None:
    first, second = "المؤرخ 8 أيلول/سبتمبر 2006", "واستعراضاتها المتتالية"
    text = _read(_shown(second), " ", _MARKER + "15", _shown(first))
    assert text == f"{first}15 {second}"


@pytest.mark.parametrize(
    ("pieces", "logical"),
    [
        # a closing bracket before a note's marker, mid-line
        (
            (_shown("بوصفه"), " ", _MARKER + "1", _shown("أفريقيا (معاهدة بليندابا)")),
            "أفريقيا (معاهدة بليندابا)1 بوصفه",
        ),
        # a paragraph's closing comma and the marker before it stay after the run
        ((_shown("معاهدة عدم انتشار الأسلحة النووية"), _MARKER + "1", "،"), None),
    ],
)
def test_markers_keep_their_place_beside_brackets_and_commas(
    pieces: tuple[str, ...], logical: str | None
) -> None:
    expected = logical or "معاهدة عدم انتشار الأسلحة النووية1،"
    assert _read(*pieces) == expected


def test_a_hyphen_between_arabic_words_stays() -> None:
    """A hyphen between Arabic words ("الأول-ألف") is no kashida sign."""
    assert _read(_shown("انظر الفرع الأول-ألف"), ".") == "انظر الفرع الأول-ألف."


def test_latin_text_ending_a_note_keeps_its_spaces() -> None:
    text = _read(_MARKER + "1", " ", _shown("انظر أيضا"), " ", "United Nations, Treaty Series.")
    assert text == "1 انظر أيضا United Nations, Treaty Series."


def test_a_closing_bracket_opening_a_line_before_a_slash_closes() -> None:
    """The line carries on "(Parts I and II)/Corr.1" from the line before; the reader's
    mirrored bracket faces the way the slash after it needs."""
    text = _read("II(/Corr.1 ", "و", " NPT/CONF.2000/28 (Part III)")
    assert text == "II)/Corr.1 و NPT/CONF.2000/28 (Part III)"


def test_a_letter_drawn_twice_at_one_place_reads_once() -> None:
    """LibreOffice draws some letters with a vowel mark twice, one over the other."""
    line = _line(_shown("عنها"), " ", _shown("التي أُعلن"))
    double = next(span for span in line.spans if span.text == "أ")
    double.spaced = True  # PDFium reports a word break between the two copies
    left, right = double.x0 + 0.2, double.x1 + 0.2
    line.spans.append(replace(double, x0=left, x1=right, chars=[("أ", left, right)], spaced=False))
    [ordered] = order_lines([line])
    assert ordered.text == "التي أُعلن عنها"


def test_a_tanween_drawn_past_the_end_of_its_line_stays_on_its_word() -> None:
    """A tanween over a final alif reaches past the line's left edge, a piece apart."""
    words = "وإذ تشير إلى الدعوة كما تم تأكيدها مجددا"
    assert _read("\u064b", _shown(words)) == words + "\u064b"


@pytest.mark.parametrize(
    ("head", "run", "tail"),
    [
        ("", "وإذ تشير إلى القرارات المتصلة بجائحة مرض فيروس كورونا (كوفيد-19)", "،"),
        ("76/184. ", "تعزيز نظم العدالة الجنائية أثناء جائحة مرض فيروس كورونا (كوفيد-19)", ""),
        ("", "حيث بلغت 21 بليون دولار في عام 2019. وسرّع كوفيد-19", ""),
        ("", "وإذ ترحب بالتدابير التي استحدثتها في إطار التصدي لجائحة كوفيد- 19", "،"),
    ],
)
def test_a_number_glued_to_a_hyphen_at_the_left_ends_the_run(
    head: str, run: str, tail: str
) -> None:
    """A number glued to a hyphen at a line's left ends "كوفيد-19"; a paragraph's
    number stands apart from its hyphen ("19 -")."""
    assert _read(head, _shown(run), tail) == head + run + tail


def test_pieces_of_one_baseline_overlapping_by_a_glyph_are_one_line() -> None:
    """A comma kerned into a final lam's box, drawn by another text object: PDFium gives
    two pieces whose boxes overlap, on one baseline."""
    words = _line(_shown("الثقافية"), " ", "،", _shown("واتفاقية حقوق الطفل"))
    first, second = words.spans[:10], words.spans[10:]
    for span in second:
        span.x0, span.x1 = span.x0 - 3.0, span.x1 - 3.0
        span.chars = [(span.text, span.x0, span.x1)]
    lines = order_lines([Line(spans=second, page=1), Line(spans=first, page=1)])
    assert [line.text for line in lines] == ["واتفاقية حقوق الطفل، الثقافية"]


def test_a_marker_glued_between_two_words_is_no_kashida_sign() -> None:
    """A digit inside an Arabic word stands for a kashida, unless it is a raised marker."""
    text = _read(_shown("التي استحدثتها"), _MARKER + "2", _shown("لبناء القدرات"))
    assert text == "لبناء القدرات2التي استحدثتها"


def test_a_word_break_reported_between_letters_closer_than_a_space_is_none() -> None:
    """LibreOffice sets a lam-kaf ligature a little apart from the letters before it;
    PDFium reports a word break there ("المم لكة")."""

    def run(word: str, right: float, spaced: bool) -> Span:
        chars = [(char, right - 6.0 * (i + 1), right - 6.0 * i) for i, char in enumerate(word)]
        return Span(
            text=word + (" " if spaced else ""),
            x0=chars[-1][1],
            x1=right,
            baseline=500.0,
            size=14.0,
            font="Amiri",
            italic=False,
            bold=False,
            chars=chars,
            spaced=spaced,
        )

    head = run("المم", 154.1, True)  # where the break falls at a float's rounding
    line = Line(spans=[head, run("لكة", head.x0 - 1.0, False)], page=1)
    line.rtl = True
    [ordered] = order_lines([line])
    assert ordered.text == "المملكة"


def test_a_bracket_closing_a_pair_opened_on_the_line_before_faces_its_word() -> None:
    text = _read(
        _shown("آخذة في الاعتبار"), " ", "،", _MARKER + "55", "(", _shown("نيلسون مانديلا")
    )
    assert text == "نيلسون مانديلا)55، آخذة في الاعتبار"


def test_a_stop_touching_a_run_on_its_left_ends_the_run() -> None:
    """A note whose last word the file closes with a right-to-left mark after the stop:
    the stop shows at the word's left, a space apart from the document number."""
    assert _read("A/AC.154/355", "،", " ", ".", _shown("المرفق")) == "A/AC.154/355، المرفق."


def test_a_stop_touching_latin_text_stays_with_it() -> None:
    assert _read("A/79/26", ".", " ", _shown("المرفق")) == "A/79/26. المرفق"


def _glyph(char: str, x0: float, x1: float, baseline: float = 500.0) -> Span:
    return Span(
        text=char,
        x0=x0,
        x1=x1,
        baseline=baseline,
        size=12.0,
        font="Amiri",
        italic=False,
        bold=False,
        chars=[(char, x0, x1)],
    )


def test_marks_drawn_apart_sit_on_the_letter_under_their_centre() -> None:
    """ "يهيِّئ" as LibreOffice draws it: each glyph apart, the final hamza's box reaching
    under the kasra and the shadda of the yeh before it."""
    glyphs = [
        ("ئ", 173.4, 182.0),
        ("\u0651", 177.2, 181.1),
        ("\u0650", 178.5, 183.0),
        ("ي", 178.1, 182.9),
        ("ه", 181.9, 184.3),
        ("ي", 183.7, 188.6),
    ]
    line = Line(spans=[_glyph(*glyph) for glyph in glyphs], page=1, rtl=True)
    [ordered] = order_lines([line])
    assert unicodedata.normalize("NFC", ordered.text) == unicodedata.normalize("NFC", "يهيِّئ")


def test_a_tanween_drawn_below_its_line_stays_in_it() -> None:
    word = Line(
        spans=[
            _glyph(c, x, x + 4.0) for c, x in zip("ءانب", (252.4, 256.4, 260.4, 264.4), strict=True)
        ],
        page=1,
        rtl=True,
    )
    tanween = Line(spans=[_glyph("\u064b", 251.2, 255.6, baseline=494.5)], page=1, rtl=True)
    [ordered] = order_lines([word, tanween])
    assert ordered.text == "بناءً"


def test_a_closer_after_a_word_closes_a_pair_opened_on_the_line_before() -> None:
    """ "… و 13 (6 في" / "المائة) من … (8 في المائة)": the second line's first bracket
    closes, though another closer follows it; ")1)" still reads "(1)"."""
    line = list("المائة) من البلدان الأفريقية، و 17 (8 في المائة) من")
    _pair_up(line)
    assert "".join(line) == "المائة) من البلدان الأفريقية، و 17 (8 في المائة) من"
    turned = list(")1) انظر")
    _pair_up(turned)
    assert "".join(turned) == "(1) انظر"


def test_a_latin_note_with_a_right_to_left_mark_at_its_stop_reads_as_displayed() -> None:
    """A note citing only Latin text, set right to left, its stop kept after a
    right-to-left mark: the mark draws nothing, so the line reads as displayed, the
    number closing it included, and the stop shown at its left comes last."""
    line = _line("\u200f", ".", "United Nations, Treaty Series, vol. 1577, No. 27531")
    line.rtl = True
    [ordered] = order_lines([line])
    assert ordered.text.replace("\u200f", "") == (
        "United Nations, Treaty Series, vol. 1577, No. 27531."
    )


def test_numbers_joined_by_no_break_spaces_read_as_one_number() -> None:
    """ "200 490 4" typed with no-break spaces is one number to the bidi algorithm (a
    common separator between numbers joins them), shown left to right as typed; with
    plain spaces the three are shown right to left."""
    joined = _line(_shown("دولار"), " ", "200", "\u00a0", "490", "\u00a0", "4", " ", _shown("مبلغ"))
    joined.rtl = True
    [ordered] = order_lines([joined])
    assert ordered.text == "مبلغ 200\u00a0490\u00a04 دولار"
    apart = _line(_shown("دولار"), " ", "4", " ", "490", " ", "200", " ", _shown("مبلغ"))
    apart.rtl = True
    [ordered] = order_lines([apart])
    assert ordered.text == "مبلغ 200 490 4 دولار"
