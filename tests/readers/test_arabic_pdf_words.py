"""Arabic words read from a PDF as the text has them: vowel marks in typing order, and
line ends after a slash that keep the text's space."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import resconv
from resconv.readers.pdf.document import Line, Span
from resconv.readers.pdf.lines import _turn_brackets, _without_stray_latin, order_lines
from tests.readers.readback import differences

DEV = "corpus/dev/akn"


def _run(word: str) -> Line:
    """One right-to-left run as PDFium gives it: letters in logical order, drawn right
    to left, each mark in its letter's box."""
    chars = []
    x = 200.0
    for char in word:
        if unicodedata.category(char) != "Mn":
            x -= 6.0
        chars.append((char, x, x + 6.0))
    return _given(chars)


def test_a_vowel_stored_before_its_shadda_reads_after_it() -> None:
    """A file gives no order for two marks on one letter (LibreOffice's text layer has
    the vowel first); Arabic is typed shadda first."""
    [ordered] = order_lines([_run("تط\u064e\u0651لع")])
    assert ordered.text == "تط\u0651\u064eلع"


@pytest.mark.parametrize("name", ["A-RES-74-83", "A-RES-75-46"])
def test_a_line_ending_after_an_arabic_slash_keeps_the_space(shared_dir: Path, name: str) -> None:
    """These resolutions write "كانون الأول/ ديسمبر" and resconv's PDF breaks a line
    after the slash: the space comes back."""
    source = shared_dir / DEV / f"{name}.ara.xml"
    if not source.exists():
        pytest.skip("shared UN file not available")
    model = resconv.read(source).value
    assert any("/ " in str(paragraph) for paragraph in model.preamble + model.operative)
    got = resconv.read(resconv.write(model, "pdf"), format="pdf").value
    assert differences(model, got, nbsp=True) == []


def test_a_kashida_drawn_as_a_latin_letter_beside_a_gap_goes() -> None:
    """LibreOffice's text layer maps the kashida of stretched words to letters; the
    stretch can leave a gap that reads as a space on one side of it."""
    spans = [
        Span(
            text=text,
            x0=0.0,
            x1=10.0,
            baseline=500.0,
            size=12.0,
            font="Amiri",
            italic=False,
            bold=False,
        )
        for text in ("وإطار سِ Bنداي", " بين أصحاB ب المصلحة")
    ]
    assert [span.text for span in _without_stray_latin(spans)] == [
        "وإطار سِنداي",
        " بين أصحاب المصلحة",
    ]


def _given(chars: list[tuple[str, float, float]]) -> Line:
    """A right-to-left run of `chars` (text, left, right) in the order PDFium gives them."""
    text = "".join(char for char, _, _ in chars)
    span = Span(
        text=text,
        x0=min(left for _, left, _ in chars),
        x1=max(right for _, _, right in chars),
        baseline=500.0,
        size=12.0,
        font="Amiri",
        italic=False,
        bold=False,
        chars=chars,
    )
    line = Line(spans=[span], page=1)
    line.rtl = True
    return line


def test_a_mark_given_at_its_words_end_goes_onto_the_letter_whose_glyph_it_shares() -> None:
    """PDFium gives "أُ", drawn as one glyph, as the letter first and its mark last."""
    alef = (122.1, 124.5)
    chars = [("أ", *alef), ("د", 118.3, 121.5), ("ل", 114.8, 116.1), ("ي", 111.0, 117.3)]
    [ordered] = order_lines([_given([*chars, ("\u064f", *alef)])])
    assert ordered.text == "أ\u064fدلي"


def test_a_mark_given_before_a_space_goes_onto_the_next_words_first_letter() -> None:
    """ "الذي يُبَثّ" (a no-break space between): PDFium gives the damma of the second
    word's first letter, one glyph with it, before the space."""
    yeh = (127.6, 132.3)
    chars = [
        ("ا", 155.8, 157.3),
        ("ل", 152.4, 154.2),
        ("ذ", 147.5, 153.5),
        ("ي", 137.6, 146.3),
        ("\u064f", *yeh),
        ("\u00a0", 133.1, 136.9),
        ("ي", *yeh),
        ("ب", 125.2, 129.3),
    ]
    [ordered] = order_lines([_given(chars)])
    assert ordered.text == "الذي\u00a0ي\u064fب"


def test_a_space_before_a_mark_drawn_on_the_next_words_letter_stays() -> None:
    """LibreOffice draws "التي أُعدّت" with the damma of "أ" given before it, past the
    space: the space is a word break and the mark goes onto its letter. A space without
    width inside a letter's box ("سُب ُل") is still none."""
    given = [
        ("ت", 239.3, 243.7),
        ("ي", 234.6, 243.2),
        (" ", 231.2, 234.7),
        ("\u064f", 229.5, 230.6),
        ("أ", 228.3, 229.5),
    ]
    [ordered] = order_lines([_given(given)])
    assert ordered.text == "تي أ\u064f"
    chars = [
        ("س", 214.4, 221.5),
        ("\u064f", 215.2, 219.7),
        ("ب", 211.5, 215.0),
        (" ", 211.8, 211.8),
        ("\u064f", 209.5, 214.0),
        ("ل", 204.1, 212.2),
    ]
    [ordered] = order_lines([_given(chars)])
    assert ordered.text == "س\u064fب\u064fل"


def _ordered(*spans: Span) -> Line:
    """`spans` as one right-to-left line, read back into logical order."""
    line = Line(spans=list(spans), page=1)
    line.rtl = True
    [ordered] = order_lines([line])
    return ordered


def _piece(chars: list[tuple[str, float]], *, spaced: bool) -> Span:
    """Letters in logical order, each (char, width), drawn right to left from the
    right edge of the first; spaces are drawn ones."""
    placed, x = [], chars[0][1]
    for char, width in chars[1:]:
        placed.append((char, x - width, x))
        x -= width
    text = "".join(char for char, _, _ in placed) + (" " if spaced else "")
    return Span(
        text=text,
        x0=x,
        x1=chars[0][1],
        baseline=500.0,
        size=14.0,
        font="Amiri",
        italic=False,
        bold=False,
        chars=placed,
        spaced=spaced,
    )


@pytest.mark.parametrize(("gap", "read"), [(2.0, "ة والكفاءة"), (4.5, "ة وا لكفاءة")])
def test_letters_closer_than_a_drawn_space_are_one_word(gap: float, read: str) -> None:
    """A producer that draws its spaces (4.1 pt here) and sets a lam apart from the
    letter before it leaves a gap PDFium takes for a word break ("وا لكفاءة"); letters
    less than half a space apart are one word, a space or more apart two."""
    first = _piece([("", 150.0), ("ة", 5.6), (" ", 4.1), ("و", 6.8), ("ا", 3.0)], spaced=True)
    letters = [("ل", 3.5), ("ك", 8.9), ("ف", 5.8), ("ا", 3.6), ("ء", 5.3), ("ة", 5.2)]
    second = _piece([("", first.x0 - gap), *letters], spaced=False)
    ordered = _ordered(first, second)
    assert ordered.text.strip() == read


def test_a_mark_drawn_alone_goes_on_the_letter_drawn_before_it() -> None:
    """LibreOffice draws "تُثبت" as three pieces, teh, damma, theh; the damma's centre
    lies just left of the teh's box, over the theh, but the file gives it after the teh."""
    spans = [
        _piece([("", 489.81), ("ت", 2.97)], spaced=False),
        _piece([("", 489.45), ("\u064f", 5.25)], spaced=False),
        _piece([("", 487.77), ("ث", 4.13)], spaced=False),
        _piece([("", 484.27), ("ب", 4.03), ("ت", 12.2)], spaced=False),
    ]
    ordered = _ordered(*spans)
    assert ordered.text == "ت\u064fثبت"


def test_a_letter_drawn_inside_the_next_ones_box_keeps_the_file_order() -> None:
    """LibreOffice draws the final jeem of "نتائج" apart from the hamza before it, its
    box reaching past the hamza's on both sides; the centres are 0.07 pt apart, the
    jeem's further right, so the file's order decides."""
    spans = [
        _piece([("", 80.0), ("ن", 4.5), ("ت", 3.7), ("ا", 3.6)], spaced=False),
        _piece([("", 71.60), ("ئ", 7.81)], spaced=False),
        _piece([("", 73.03), ("ج", 10.53)], spaced=False),
    ]
    ordered = _ordered(*spans)
    assert ordered.text == "نتائج"


def _digits(text: str, left: float, *, spaced: bool, width: float = 7.45) -> Span:
    """Digits drawn left to right from `left`, `width` each."""
    chars = [(char, left + width * i, left + width * (i + 1)) for i, char in enumerate(text)]
    return Span(
        text=text + (" " if spaced else ""),
        x0=left,
        x1=chars[-1][2],
        baseline=500.0,
        size=14.0,
        font="Amiri",
        italic=False,
        bold=False,
        chars=chars,
        spaced=spaced,
    )


@pytest.mark.parametrize(
    ("shown", "read"),
    [(("200", "490", "4"), "مبلغ 200 490 4 دولار"), (("4", "490", "200"), "مبلغ 200 490 4 دولار")],
)
def test_digit_groups_shown_ill_formed_read_as_one_number(
    shown: tuple[str, str, str], read: str
) -> None:
    """Digit groups typed with no-break spaces show in typing order ("200 490 4", one
    left-to-right run); typed with spaces they show right to left ("4 490 200"). A
    producer that gives the spaces no character leaves only the order shown to tell."""
    word = _piece(
        [("", 520.0), ("م", 6.0), ("ب", 4.0), ("ل", 3.0), ("غ", 6.0), (" ", 4.1)], spaced=False
    )
    groups: list[Span] = []
    right = word.x0 - 4.1
    for group in reversed(shown):
        left = right - 7.45 * len(group)
        groups.insert(0, _digits(group, left, spaced=group != shown[0]))
        right = left - 4.1
    letters = [(" ", 4.1), ("د", 6.3), ("و", 6.8), ("ل", 4.8), ("ا", 3.6), ("ر", 6.3)]
    rest = _piece([("", right + 4.1), *letters], spaced=False)
    ordered = _ordered(word, *reversed(groups), rest)
    assert ordered.text.replace("\u00a0", " ") == read


@pytest.mark.parametrize(("gap", "read"), [(1.75, "بيجين 4-15 أيلول"), (2.5, "بيجين 4- 15 أيلول")])
def test_a_hyphen_kerned_from_a_number_is_no_space(gap: float, read: str) -> None:
    """LibreOffice shows "4-15" right to left as "15-4", the hyphen 1.75 pt (0.55 of its
    drawn 3.2 pt space) right of the 15, with no space drawn; pieces less than 0.6 of a
    drawn space apart touch."""
    word = _piece(
        [("", 390.0), ("ب", 4.0), ("ي", 3.0), ("ج", 6.0), ("ي", 3.0), ("ن", 4.0), (" ", 3.21)],
        spaced=False,
    )
    four = _digits("4", word.x0 - 5.85, spaced=True, width=5.85)
    hyphen = _digits("-", four.x0 - 4.05, spaced=False, width=4.05)
    fifteen = _digits("15", hyphen.x0 - gap - 11.7, spaced=False, width=5.85)
    letters = [(" ", 3.21), ("أ", 3.3), ("ي", 4.0), ("ل", 3.0), ("و", 6.0), ("ل", 4.0)]
    rest = _piece([("", fifteen.x0), *letters], spaced=False)
    for span in (word, four, hyphen, fifteen, rest):
        span.size = 11.0
    ordered = _ordered(word, four, hyphen, fifteen, rest)
    assert ordered.text == read


def test_a_two_digit_marker_after_a_number_keeps_its_digits_in_order() -> None:
    """LibreOffice draws a note's marker after a year ("2030¹⁰") raised, just left of
    the year; the marker reads after the year, "10" and not "01"."""
    word = _piece(
        [("", 520.0), ("ل", 3.0), ("ع", 6.0), ("ا", 3.6), ("م", 6.0), (" ", 4.1)], spaced=False
    )
    year = _digits("2030", word.x0 - 4 * 7.45, spaced=False)
    marker = _digits("10", year.x0 - 2 * 4.6, spaced=False, width=4.6)
    marker.size, marker.baseline = 9.0, 505.0
    letters = [("،", 5.2), (" ", 4.1), ("ب", 4.0), ("م", 6.0), ("ا", 3.6)]
    rest = _piece([("", marker.x0), *letters], spaced=False)
    ordered = _ordered(word, year, marker, rest)
    assert ordered.text == "لعام 203010، بما"
    assert [span.text for span in ordered.spans if span.size == 9.0] == ["10"]


def test_a_mark_given_first_in_a_split_glyph_box_follows_its_letter() -> None:
    """LibreOffice draws "أُ" as one glyph whose text is the damma then the alef, and
    PDFium splits the glyph's box in two halves, the damma's on the right: the damma
    belongs on the alef, and the word keeps the space before it ("التي أُعدت")."""
    word = _piece(
        [("", 256.5), ("ا", 2.6), ("ل", 2.3), ("ت", 4.4), ("ي", 4.7), (" ", 3.5)], spaced=False
    )
    cluster = _piece([("", word.x0), ("\u064f", 1.15), ("أ", 1.15)], spaced=True)
    rest = _piece([("", cluster.x0), ("ع", 5.0), ("د", 5.9), ("ت", 4.0)], spaced=False)
    ordered = _ordered(word, cluster, rest)
    assert ordered.text == "التي أ\u064fعدت"


def test_a_space_drawn_inside_a_letters_box_is_a_kashida() -> None:
    """LibreOffice stretches "تضع" with a kashida its text layer calls a space, drawn
    inside the box of the ain; a word's space stands between the letters' boxes."""
    first = _piece(
        [("", 504.67), ("و", 6.38), ("إ", 3.0), ("ذ", 6.3), (" ", 4.09), ("ت", 4.26), ("ض", 9.2)],
        spaced=False,
    )
    kashida = _piece([("", 473.42), (" ", 3.96)], spaced=False)
    rest = _piece([("", 475.01), ("ع", 11.56), (" ", 4.09), ("ف", 6.0), ("ي", 4.0)], spaced=False)
    ordered = _ordered(first, kashida, rest)
    assert ordered.text == "وإذ تضع في"


@pytest.mark.parametrize(("gap", "read"), [(4.9, "في آليةٍ تشاورية"), (2.6, "في آليةٍتشاورية")])
def test_a_word_ending_in_a_vowel_drawn_alone_keeps_its_space(gap: float, read: str) -> None:
    """LibreOffice draws a word's last vowel ("آليةٍ") as a piece of its own, and PDFium
    marks a word break after it; the break is one when the next word stands a space
    from the vowel's box (narrower than its letter's), none when nearer (the line
    draws its spaces 4.09 pt wide)."""
    letters = [("ف", 4.4), ("ي", 4.0), (" ", 4.09), ("آ", 6.4), ("ل", 2.7), ("ي", 4.0), ("ة", 5.6)]
    word = _piece([("", 140.0), *letters], spaced=False)
    vowel = _piece([("", word.x0 + 0.8), ("\u064d", 5.1)], spaced=True)
    letters = [("ت", 3.9), ("ش", 7.8), ("ا", 3.6), ("و", 6.8), ("ر", 6.7), ("ي", 3.6), ("ة", 5.6)]
    rest = _piece([("", vowel.x0 - gap), *letters], spaced=False)
    ordered = _ordered(word, vowel, rest)
    assert ordered.text.strip() == read


@pytest.mark.parametrize(("gap", "read"), [(0.02, "(منشورات"), (3.0, "( منشورات")])
def test_a_bracket_touching_the_word_after_it_keeps_no_space(gap: float, read: str) -> None:
    """PDFium marks a word break after an opening bracket LibreOffice draws touching
    the word it opens; a break with no gap is none."""
    bracket = _piece([("", 229.2), ("(", 2.8)], spaced=True)
    letters = [("م", 4.6), ("ن", 2.7), ("ش", 6.0), ("و", 6.0), ("ر", 4.0), ("ا", 3.0)]
    word = _piece([("", bracket.x0 - gap), *letters, ("ت", 6.0)], spaced=False)
    ordered = _ordered(bracket, word)
    assert ordered.text.strip() == read


def test_a_vowel_drawn_alone_before_a_piece_on_its_right_is_read() -> None:
    """A word's last vowel drawn as a piece of its own with a word break after it, and
    the next piece PDFium gives drawn to its right (a number or a Latin word): the vowel
    has no letter to judge the break by, and the line is read all the same."""
    letters = [("ف", 4.4), ("ي", 4.0), (" ", 4.09), ("آ", 6.4), ("ل", 2.7), ("ي", 4.0), ("ة", 5.6)]
    word = _piece([("", 140.0), *letters], spaced=False)
    vowel = _piece([("", word.x0 + 0.8), ("\u064d", 5.1)], spaced=True)
    number = _piece([("", word.x1 + 14.0), ("1", 5.0), ("2", 5.0)], spaced=False)  # "21"
    ordered = _ordered(word, vowel, number)
    assert "آلية\u064d" in ordered.text
    assert "21" in ordered.text


def test_a_bracket_after_a_space_ending_a_line_opens_a_pair_going_on() -> None:
    """A bracket whose pair closes on the next line: after a space, ending its line, it
    opens, whichever way the reader mirrored it ("… الوثيقة (" / "A/80/1) …")."""
    for drawn in ("(", ")"):
        span = _piece([("", 300.0), ("ا", 4.0), ("ل", 3.0), (" ", 4.0), (drawn, 3.0)], spaced=False)
        _turn_brackets([span])
        assert span.text == "ال ("
