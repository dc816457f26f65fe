"""Footnote markers that an extractor printed apart from their word land where printed."""

from __future__ import annotations

import resconv
from resconv.model import FootnoteRef, Text

_ENGLISH = (
    "The General Assembly,",
    "Recalling its resolution 75/3 of 2 November 2020,",
    "Decides to remain seized of the matter.",
    "46th plenary meeting",
    "11 November 2021",
)
_FRENCH = (
    "L’Assemblée générale,",
    "Rappelant sa résolution 75/3 du 2 novembre 2020,",
    "Décide de rester saisie de la question.",
    "46e séance plénière",
    "11 novembre 2021",
)


def _pdftotext(
    paragraph: list[str], note: str, words: tuple[str, ...] = _ENGLISH, notes: int = 1
) -> str:
    """A one-page resolution as pdftotext prints it: the marker of the first operative
    paragraph on a line of its own, the page's `notes` notes at its foot (`note`, then
    "Ibid.")."""
    lines = [
        "76/5.",
        "",
        "Report of the Court",
        words[0],
        "",
        words[1],
        "1.",
        *paragraph,
        "2.",
        words[2],
        "",
        *(str(number) for number in range(1, notes + 1)),
        "",
        note,
        *["Ibid."] * (notes - 1),
        "",
        "1/1",
        "",
        words[3],
        words[4],
    ]
    return "\n".join(lines) + "\n"


def _first_preambular(text: str) -> str:
    """The first preambular paragraph read from `text`, each marker as "^n"."""
    pieces = resconv.read_bytes(text.encode("utf-8"), format="text").value.preamble[0].content
    return "".join(f"^{p.marker}" if isinstance(p, FootnoteRef) else p.text for p in pieces)


def _first_operative(text: str) -> list[str]:
    resolution = resconv.read_bytes(text.encode("utf-8"), format="text").value
    pieces = resolution.operative[0].content  # type: ignore[union-attr]
    return [
        f"^{piece.marker}" if isinstance(piece, FootnoteRef) else piece.text
        for piece in pieces
        if isinstance(piece, FootnoteRef | Text)
    ]


def test_an_english_marker_over_a_word_goes_after_its_punctuation() -> None:
    # "Organization;1" printed as "… work of the" / "1" / "Organization;": English prints
    # markers after the punctuation that follows their word.
    text = _pdftotext(
        [
            "Acknowledges the report of the Secretary-General on the work of the",
            "1",
            "Organization;",
        ],
        "A/76/293.",
    )
    assert "".join(_first_operative(text)).endswith("work of the Organization;^1")


def test_a_french_marker_over_a_word_stays_before_its_punctuation() -> None:
    text = _pdftotext(
        [
            "Prend acte du rapport du Secrétaire général sur les activités de la",
            "1",
            "Cour ;",
        ],
        "A/76/293.",
        _FRENCH,
    )
    assert "".join(_first_operative(text)).endswith("activités de la Cour^1 ;")


def test_a_marker_over_a_line_that_opens_with_an_article_follows_the_noun() -> None:
    text = _pdftotext(
        [
            "Rappelle l’adoption de la Déclaration de New York pour les réfugiés et",
            "1",
            "les migrants à sa réunion plénière de haut niveau",
            "tenue le 19 septembre 2016 ;",
        ],
        "Résolution 71/1.",
        _FRENCH,
    )
    assert "".join(_first_operative(text)).endswith(
        "réfugiés et les migrants^1 à sa réunion plénière de haut niveau tenue le "
        "19 septembre 2016 ;"
    )


def test_a_marker_glued_to_a_year_counts_for_the_markers_printed_apart_after_it() -> None:
    # "19511 et": notes 1 to 4 glued to years; note 5, printed apart, comes next.
    text = _pdftotext(
        [
            "Réaffirme que la Convention relative au statut des réfugiés de 19511 et le",
            "Protocole de 19672 et les conventions de 19543 et de 19614 constituent la pierre",
            "angulaire du régime, et rappelle la Déclaration de New York pour les réfugiés et",
            "5",
            "les migrants à sa réunion plénière de haut niveau",
            "tenue le 19 septembre 2016 ;",
        ],
        "Nations Unies, Recueil des Traités, vol. 189, no 2545.",
        _FRENCH,
        notes=5,
    )
    read = "".join(_first_operative(text))
    assert "réfugiés de 1951^1 et le Protocole de 1967^2 et les conventions de 1954^3" in read
    assert read.endswith(
        "réfugiés et les migrants^5 à sa réunion plénière de haut niveau tenue le "
        "19 septembre 2016 ;"
    )


def test_a_marker_glued_to_a_named_figure_is_the_one_number_before_the_next() -> None:
    # A web copy: "Agenda 21" with marker 1 glued prints "Agenda 211"; marker 2 stands
    # after it, and the one number before it that ends in 1 holds the marker.
    text = (
        "76/5. Sustainable development\n\n"
        "The General Assembly,\n\n"
        "Recalling the 2030 Agenda for Sustainable Development, and building on Agenda 211, "
        "the Johannesburg Plan2 and others,\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        "46th plenary meeting\n11 November 2021\n__________________\n"
        "1 A/CONF.151/26/Rev.1, annex II.\n2 A/CONF.199/20.\n"
    )
    resolution = resconv.read_bytes(text.encode("utf-8"), format="text").value
    pieces = resolution.preamble[0].content
    assert [p.marker for p in pieces if isinstance(p, FootnoteRef)] == ["1", "2"]
    assert "Agenda 21, the" in "".join(p.text for p in pieces if isinstance(p, Text))


def test_a_number_after_an_abbreviation_is_no_marker() -> None:
    # "No. 3 of its Bulletin" stands before marker 3's place; marker 2, glued to a year
    # ("19742"), is looked for between 1 and 3, so 3 must not be taken there.
    text = (
        "76/5. Sustainable development\n\n"
        "The General Assembly,\n\n"
        "Recalling the Charter1, the findings in No. 3 of its Bulletin, the Convention of "
        "19742 and the letter of the Chair3,\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        "46th plenary meeting\n11 November 2021\n__________________\n"
        "1 A/CONF.151/26.\n2 A/CONF.199/20.\n3 SPLOS/33/10.\n"
    )
    resolution = resconv.read_bytes(text.encode("utf-8"), format="text").value
    pieces = resolution.preamble[0].content
    assert [p.marker for p in pieces if isinstance(p, FootnoteRef)] == ["1", "2", "3"]
    read = "".join(f"^{p.marker}" if isinstance(p, FootnoteRef) else p.text for p in pieces)
    assert (
        "in No. 3 of its Bulletin, the Convention of 1974^2 and the letter of the Chair^3," in read
    )


def test_the_one_number_set_apart_between_its_neighbours_is_the_marker() -> None:
    # pdftotext sets marker 2 apart before a parenthesis: no tier takes "Africa 2 (",
    # but it is the one number 2 between markers 1 and 3.
    text = (
        "76/5. Sustainable development\n\n"
        "The General Assembly,\n\n"
        "Recalling the Charter1, the Convention to Combat Desertification, Particularly in "
        "Africa 2 (the Rio conventions), and the Agenda3,\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        "46th plenary meeting\n11 November 2021\n__________________\n"
        "1 A/CONF.151/26.\n2 United Nations, Treaty Series, vol. 1954, No. 33480.\n"
        "3 A/CONF.199/20.\n"
    )
    read = _first_preambular(text)
    assert "Particularly in Africa^2 (the Rio conventions), and the Agenda^3," in read


def test_markers_set_apart_after_a_figure_or_before_a_date_are_the_ones_in_their_window() -> None:
    # pdftotext: "d’Action 21 5," and "avancés 18 le 17 mars": each the one number that
    # can hold its marker between its placed neighbours.
    text = (
        "80/5. Développement durable\n\n"
        "L’Assemblée générale,\n\n"
        "Rappelant la Charte4, la mise en œuvre d’Action 21 5, la Déclaration6 et le "
        "Programme d’action en faveur des pays les moins avancés 7 le 17 mars 2022, et "
        "le Plan8,\n\n"
        "1. Décide de rester saisie de la question.\n\n"
        "46e séance plénière\n11 novembre 2025\n__________________\n"
        "4 A/1.\n5 A/2.\n6 A/3.\n7 A/4.\n8 A/5.\n"
    )
    read = _first_preambular(text)
    assert "d’Action 21^5, la Déclaration^6" in read
    assert "les moins avancés^7 le 17 mars 2022, et le Plan^8," in read
