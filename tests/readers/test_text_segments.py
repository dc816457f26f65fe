"""Where the text reader's paragraphs begin and end in PDF extractions: headings wrapped
over several lines, the paragraph that closes the preamble, and preambular paragraphs
that no blank line sets apart in text whose labels stand between blank lines."""

from __future__ import annotations

import resconv
from resconv.model import Heading, OperativeParagraph, plain_text
from resconv.readers.text.reader import TextReader

_COVER = """United Nations A/RES/79/999
General Assembly Distr.: General 13 December 2024
Seventy-ninth session
Agenda item 99
Resolution adopted by the General Assembly on 10 December 2024
79/999. Sustainable fisheries
"""
_ADOPTION = """48th plenary meeting
10 December 2024
"""

# pypdf's shape: each paragraph's first line and each line of a centred heading indented.
_CENTRED_HEADING = """ The General Assembly,
 Recalling its resolutions on sustainable fisheries, including resolution 78/68
of 5 December 2023, and other relevant resolutions on the subject,
 1. Encourages States to promote the consumption of fish sourced from fisheries
that are sustainably managed and to consider sustainable aquaculture as well;
 2. Calls upon States to consider the potential environmental and social effects
of their activities in the marine environment and to address such effects;
 II Implementation of the 1995 Agreement for the Implementation of the
 Provisions of the United Nations Convention on the Law of the Sea of
10 December 1982 relating to the Conservation and Management of Straddling
 Fish Stocks and Highly Migratory Fish Stocks
 3. Welcomes the most recent accession to the Agreement, and calls upon all
States that have not done so to become parties to the Agreement as well;
 4. Calls upon States parties to the Agreement to effectively implement its
provisions and to give effect to them through their domestic laws;
"""


def _operative(body: str) -> list[object]:
    return list(TextReader().read((_COVER + body + _ADOPTION).encode()).value.operative)


def test_a_centred_heading_over_four_indented_lines_is_one_heading() -> None:
    blocks = _operative(_CENTRED_HEADING)
    assert [type(b).__name__ for b in blocks] == [
        "OperativeParagraph",
        "OperativeParagraph",
        "Heading",
        "OperativeParagraph",
        "OperativeParagraph",
    ]
    heading = blocks[2]
    assert isinstance(heading, Heading) and heading.number == "II"
    assert plain_text(heading.text).endswith(
        "Straddling Fish Stocks and Highly Migratory Fish Stocks"
    )


def test_a_short_heading_above_a_wrapped_one_stays_apart() -> None:
    body = _CENTRED_HEADING.replace(
        " II Implementation",
        " Introduction\n In quest of sustainable fisheries: the Implementation",
    )
    blocks = _operative(body)
    headings = [plain_text(b.text) for b in blocks if isinstance(b, Heading)]
    assert headings[0] == "Introduction"
    assert headings[1].startswith("In quest of sustainable fisheries: the Implementation")
    assert headings[1].endswith("Highly Migratory Fish Stocks")


def test_a_paragraph_ending_in_a_comma_before_the_first_number_closes_the_preamble() -> None:
    # Operative initial words ("Requests"), but a comma and "1." next: preambular.
    body = """The General Assembly,
Reaffirming its commitment to the purposes and principles of the Charter,
Requests the Secretary-General to continue his work on the subject,
1. Takes note of the report of the Secretary-General;
2. Decides to include the item in the provisional agenda of its next session.
"""
    result = TextReader().read((_COVER + body + _ADOPTION).encode()).value
    assert len(result.preamble) == 2
    assert plain_text(result.preamble[1].content).startswith("Requests the Secretary-General")
    assert [b.number for b in result.operative if isinstance(b, OperativeParagraph)] == [
        "1.",
        "2.",
    ]
    # With a colon it opens the operative part's list instead.
    listed = TextReader().read((_COVER + body.replace("subject,", "subject:") + _ADOPTION).encode())
    assert [getattr(b, "number", "") for b in listed.value.operative] == [None, "1.", "2."]


# pdftotext -layout's shape: a label's text one column right of the lines under it.
_HANGING = """                          L’Assemblée générale,
      Rappelant ses résolutions antérieures sur le droit à la vie privée à l’ère du
numérique, notamment sa résolution 75/176 du 16 décembre 2020,
      1.       Demande à toutes les entreprises, en particulier à celles qui collectent,
stockent, partagent et traitent des données :
          a)       D’informer les utilisateurs, d’une manière claire et aisément
                  accessible, des pratiques de collecte et d’utilisation des données ;
          b)       De mettre en place des mesures de précaution d’ordre administratif,
                  technique et physique pour veiller à ce que les données soient traitées
                  de manière légale ;
          c)       De redoubler d’efforts pour lutter contre la discrimination ;
      2.       Décide de poursuivre l’examen de la question à sa prochaine session.
"""


def test_a_label_line_ending_in_a_comma_runs_on_into_the_line_one_column_left() -> None:
    cover = (
        "Nations Unies A/RES/77/999\nAssemblée générale Distr. générale\n19 décembre 2022\n"
        "Soixante-dix-septième session\nPoint 68 de l’ordre du jour\n"
        "Résolution adoptée par l’Assemblée générale le 15 décembre 2022\n"
        "77/999. Le droit à la vie privée à l’ère du numérique\n"
    )
    adoption = "54e séance plénière\n15 décembre 2022\n"
    result = TextReader().read((cover + _HANGING + adoption).encode()).value
    first = result.operative[0]
    assert isinstance(first, OperativeParagraph)
    assert [s.number for s in first.subparagraphs] == ["a)", "b)", "c)"]
    assert plain_text(first.subparagraphs[1].content).endswith(
        "administratif, technique et physique pour veiller à ce que les données soient "
        "traitées de manière légale ;"
    )
    assert first.wrap_up == ()


def test_initial_words_in_the_preambular_form_open_a_paragraph_after_a_comma() -> None:
    # pdftotext's shape: no indent, no blank line; "Having noted" is in no lexicon, but
    # it has the form preambular initial words take.
    body = """The General Assembly,
Acknowledging the statement by the Secretary-General, in his letter, that he would
be grateful for any guidance and support which the General Assembly may be able
to provide at this juncture in the history of the United Nations Relief and Works
Agency for Palestine Refugees in the Near East and of the United Nations,
Having noted that the Secretary-General, in a letter dated 9 December 2024, has
again brought the situation to the attention of the General Assembly and the
Security Council and of the members of the Council,
1. Takes note of the report of the Secretary-General;
2. Decides to include the item in the provisional agenda of its next session.
"""
    result = TextReader().read((_COVER + body + _ADOPTION).encode()).value
    assert [plain_text(p.content)[:12] for p in result.preamble] == [
        "Acknowledgin",
        "Having noted",
    ]


def test_a_name_after_a_comma_does_not_open_a_paragraph() -> None:
    body = """The General Assembly,
Acknowledging the statement by the Secretary-General, in his letter, that he would
be grateful for any guidance and support which the General Assembly may be able
to provide at this juncture to the Fourth World Conference on Women, and the
Beijing Declaration and Platform for Action, adopted at that Conference in 1995,
1. Takes note of the report of the Secretary-General;
2. Decides to include the item in the provisional agenda of its next session.
"""
    result = TextReader().read((_COVER + body + _ADOPTION).encode()).value
    assert len(result.preamble) == 1


def test_an_indented_line_after_a_colon_opens_the_quoted_paragraph() -> None:
    # pypdf's shape: first lines indented by one space.
    body = """ The General Assembly,
 Recalling its resolutions on the question, including resolution 78/68 of
5 December 2023, and other relevant resolutions on the subject,
 1. Takes note of the report of the Secretary-General on the matter;
 2. Decides to request the International Court of Justice to render an advisory
opinion on the following question, considering the rules and principles of
international law:
 What are the obligations of Israel, as an occupying Power and as a member of
the United Nations, in relation to the presence of the United Nations?
 3. Decides to include the item in the provisional agenda of its next session.
"""
    blocks = _operative(body)
    assert [getattr(b, "number", "") for b in blocks] == ["1.", "2.", None, "3."]


_RUSSIAN = """Организация Объединенных Наций
A/RES/78/999
Генеральная Ассамблея
Distr.: General
21 December 2023
Семьдесят восьмая сессия
Пункт 16 повестки дня
Резолюция, принятая Генеральной Ассамблеей 19 декабря 2023 года
78/999. Международная финансовая система и развитие
Генеральная Ассамблея,
ссылаясь на свои резолюции о международной финансовой системе и развитии,
высоко оценивая то, что на Саммите лидеров Группы двадцати, который
состоялся в Гамбурге, были одобрены поправки об осуществлении плана действий
Группы двадцати по Повестке дня в области устойчивого развития до 2030 года,
напоминая также о Саммите лидеров Группы двадцати, который состоялся
в Буэнос-Айресе и на котором были одобрены поправки к этому плану действий,
1. принимает к сведению доклад Генерального секретаря;
2. постановляет включить этот пункт в предварительную повестку дня.
49-е пленарное заседание
19 декабря 2023 года
"""


def test_initial_words_after_a_full_line_at_a_comma_are_named_as_unsure() -> None:
    # No indent, no blank line, initial words in lower case: "напоминая также" may open
    # a paragraph or go on with the one before; the reader opens one and says so.
    result = TextReader().read(_RUSSIAN.encode())
    assert len(result.value.preamble) == 3
    [note] = [d for d in result.diagnostics if d.code == "paragraph-start-unsure"]
    assert note.line == 12
    assert "(lines 12, 15)" in note.message


def test_no_unsure_start_where_the_language_capitalises_initial_words() -> None:
    body = _CENTRED_HEADING.replace(" ", "", 1)
    result = TextReader().read((_COVER + body + _ADOPTION).encode())
    assert not [d for d in result.diagnostics if d.code == "paragraph-start-unsure"]


_FRENCH_FIRST_PAGE = (
    "79/325.\n\nMandat et modalités du Groupe scientifique international\n\n"
    "L’Assemblée générale,\n"
    "Rappelant sa résolution 79/1 du 22 septembre 2024, intitulée « Le Pacte pour\n"
    "l’avenir », dans laquelle elle a décidé de constituer un groupe scientifique\n"
    "indépendant sur l’intelligence artificielle et d’engager un dialogue mondial sur la\n"
    "gouvernance de l’intelligence artificielle, et gardant à l’esprit que la présente\n"
    "résolution et les activités du Groupe et du Dialogue se limitent au domaine non\n"
    "militaire et ne concernent pas l’intelligence artificielle à vocation militaire,\n"
    "Rappelant également ses résolutions 77/320 du 25 juillet 2023, 78/213 du\n"
    "19 décembre 2023 et 79/194 du 19 décembre 2024,\n"
    "1.\nConstitue le Groupe scientifique international indépendant, qui sera chargé\n"
    "des responsabilités suivantes :\n\n"
    "a)\n\nPublier chaque année un rapport de synthèse qui servira à éclairer la prise\n"
    "de décisions, sans toutefois être prescriptif ;\n\n"
    "b)\n\nÉlire parmi ses membres deux coprésidents ;\n\n"
    "c)\n\nConstituer des groupes de travail en fonction des besoins ;\n\n"
    "2.\nDemande que les personnes candidates soient proposées.\n\n"
    "85e séance plénière\n26 août 2025\n"
)


def test_initial_words_after_a_full_line_left_at_a_comma_open_a_paragraph() -> None:
    # pdftotext (A/RES/79/325): labels set apart by blank lines, paragraphs not; the
    # first preambular paragraph's last line is as wide as the text's full lines.
    resolution = resconv.read_bytes(_FRENCH_FIRST_PAGE.encode(), format="text").value
    assert [plain_text(paragraph.content)[:30] for paragraph in resolution.preamble] == [
        "Rappelant sa résolution 79/1 d",
        "Rappelant également ses résolu",
    ]
