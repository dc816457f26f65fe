"""Text extracted from LibreOffice's PDF of a Word file: labels printed in their own column,
a vote cut inside a State's name, notes that are links."""

from __future__ import annotations

import pytest

import resconv
from resconv.diagnostics import Diagnostics
from resconv.lang.profile import profile
from resconv.model import FootnoteRef, OperativeParagraph, Resolution, plain_text
from resconv.readers.text import layout
from resconv.readers.text.label_column import labels_to_their_texts
from resconv.readers.text.note_numbers import join_note_numbers
from resconv.readers.text.repair import join_vote_lines, rejoin_split_words
from resconv.readers.text.vote_pages import join_votes_across_pages

HEAD = (
    "联合国 A/RES/78/111\n"
    "大会 Distr.: General\n"
    "2023 年 12 月 7 日大会决议\n"
    "78/111. 联合国宪章和加强联合国作用特别委员会的报告\n\n"
    "大会，\n\n"
    "回顾其决议，\n\n"
)
ZH = profile("zh")
ADOPTION = "2023 年 12 月 7 日\n第 45 次全体会议\n"


def _read(text: str) -> Resolution:
    return resconv.read_bytes(text.encode(), format="text").value


def _operative(resolution: Resolution) -> list[tuple[str | None, str]]:
    out = []
    for paragraph in resolution.operative:
        assert isinstance(paragraph, OperativeParagraph), paragraph
        out.append((paragraph.number, plain_text(paragraph.content)))
    return out


def test_lines_under_a_wide_number_hang_from_the_tab_stop() -> None:
    # pdftotext -layout: "10." is wider than the number column, so its text follows one
    # space after it, while the lines under it stay at the tab stop.
    text = (
        HEAD + "1.      表示注意到特别委员会的报告，确认国际法院作为联合国主要司法机关在裁判国家\n"
        "        间争端方面的重要作用；\n\n"
        "10. 请特别委员会向大会第七十九届会议提交其工作报告，并确认国际法院作为联合国主要\n"
        "         司法机关在裁判国家间争端方面的重要作用及其工作的价值，以及在和平解决争端方\n"
        "         面求助国际法院的重要性；\n\n" + ADOPTION
    )
    assert [number for number, _ in _operative(_read(text))] == ["1.", "10."]
    assert _operative(_read(text))[1][1].endswith("以及在和平解决争端方面求助国际法院的重要性；")


def test_a_wide_number_on_a_narrowed_page_hangs_too() -> None:
    # -layout narrows a page of wide characters: the tab stop comes before the label's end.
    text = (
        HEAD + "12. 赞扬联合国亚洲及太平洋经济社会委员会在开展哈萨克斯坦-土库曼斯坦-伊朗铁路货\n"
        "  运走廊商业化研究方面发挥的作用，欢迎伊斯兰堡-德黑兰-伊斯坦布尔火车服务于\n"
        "  2021 年 12 月恢复；\n\n"
        "13. 肯定经济合作组织的区域合作安排；\n\n" + ADOPTION
    )
    assert [number for number, _ in _operative(_read(text))] == ["12.", "13."]


def test_a_short_dated_line_is_no_label_its_next_paragraph_hangs_from() -> None:
    # "27. Februar 2022," ends its paragraph; the next one opens one column in.
    text = (
        "A/RES/ES-11/5\nVerteilung: Allgemein\n"
        "Resolution der Generalversammlung, verabschiedet am 14. November 2022\n"
        "ES-11/5. Förderung von Rechtsschutz\n"
        " Die Generalversammlung,\n"
        " Kenntnis nehmend von der Resolution 2623 (2022) des Sicherheitsrats vom\n"
        "27. Februar 2022,\n"
        "   unter Hinweis auf ihr Recht nach Artikel 14 der Charta, Maßnahmen zur\n"
        "friedlichen Beilegung jeder Situation zu empfehlen,\n"
        "1. empfiehlt die Schaffung eines Registers;\n"
        "14. November 2022\n"
        "13. Plenarsitzung\n"
    )
    assert len(_read(text).preamble) == 2


def test_labels_printed_above_their_texts_go_back_to_them() -> None:
    # pdftotext reads the column of labels first where two labels stand close.
    text = (
        HEAD + "1.\n\n铭记其决议，并请特别委员会在其下届会议上：\n\n"
        "(a)\n\n邀请会员国发表评论意见；\n\n"
        "(b)\n\n还邀请会员国发表意见；\n\n"
        "(c)\n2.\n\n促请特别委员会将摘要写入年度报告；\n\n"
        "又回顾其赞同特别委员会的各项决定和建议；\n\n"
        "3.\n\n邀请特别委员会继续确定新议题；\n\n" + ADOPTION
    )
    resolution = _read(text)
    assert [number for number, _ in _operative(resolution)] == ["1.", "2.", "3."]
    assert _operative(resolution)[1][1] == "又回顾其赞同特别委员会的各项决定和建议；"
    first = resolution.operative[0]
    assert isinstance(first, OperativeParagraph)
    assert [plain_text(sub.content) for sub in first.subparagraphs][-1] == (
        "促请特别委员会将摘要写入年度报告；"
    )


def test_labels_above_text_that_is_not_as_many_paragraphs_stay() -> None:
    # Two labels alone, but one paragraph after them (its end unfinished): no pairing.
    lines = layout.split_lines("(c)\n2.\n\n促请特别委员会将摘要写入年度报告；\n\n并继续\n")
    moved = labels_to_their_texts(lines, ZH)
    assert [line.text for line in moved] == [
        "(c)",
        "2.",
        "促请特别委员会将摘要写入年度报告；",
        "并继续",
    ]


def test_a_vote_cut_inside_a_states_name_goes_on_after_the_page_break() -> None:
    # pypdf on a Chinese page: the list breaks inside "CABO VERDE", at the page's foot.
    lines = join_votes_across_pages(
        join_vote_lines(
            "第 52 次全体会议\n"
            "赞成： ALGERIA、ANGOLA、CABO \n"
            "2/4 25-19814\n"
            "A/RES/80/23\n"
            "VERD\n"
            "E、CAMBODIA、CHAD\n"
            "反对： FRANCE"
        )
    ).split("\n")
    assert lines[1] == "赞成： ALGERIA、ANGOLA、CABO VERD E、CAMBODIA、CHAD"
    assert lines[5:] == ["", "反对： FRANCE"]


def test_a_letter_of_a_states_name_alone_on_its_line_goes_on_with_the_vote() -> None:
    # pypdf on a Chinese page: "NEW ZEALAND" cut at any letter, "W" alone on a line.
    text = "赞成： ALGERIA、NEPAL、CABO \n2/4 25-19814\nA/RES/80/23\nVERDE、NE\nW \nZEALAN\nD、PERU"
    lines = join_votes_across_pages(join_vote_lines("第 52 次全体会议\n" + text)).split("\n")
    assert lines[1] == "赞成： ALGERIA、NEPAL、CABO VERDE、NE W ZEALAN D、PERU"
    assert not any(line.strip() for line in lines[4:])


def test_notes_that_are_links_after_the_meeting_line_are_notes() -> None:
    # pdftotext: each note's number apart, its text (a link) after a blank line.
    text = (
        HEAD + "1. 鼓励继续更新《汇编》1和《汇辑》网站；2\n\n" + ADOPTION + "\n1\n\n"
        "http://legal.un.org/repertory。\n\n2\n\n"
        "www.un.org/securitycouncil/content/repertoire/structure。\n\n23-24951\n\n5/5\n"
    )
    resolution = _read(text)
    assert resolution.adoption.meeting == 45
    assert [plain_text(note.content) for note in resolution.footnotes] == [
        "http://legal.un.org/repertory。",
        "www.un.org/securitycouncil/content/repertoire/structure。",
    ]


def test_a_chinese_line_opening_with_as_well_as_after_a_comma_runs_on() -> None:
    # pypdf: "以及" (as well as) opens none of the UN's Chinese paragraphs, though the
    # line before stops short of the margin at a comma.
    text = (
        "2024 年 12 月 24 日大会决议\n"
        "79/238. 核战争影响和科学研究\n"
        "大会，\n"
        "严重关切核战争将使全人类遭受浩劫，并认识到因而需要竭尽全力避免发生这种战\n"
        "争的危险，\n"
        "感到震惊的是核战争的可能性再次出现，并严重关切核战争可能造成的灾难性人道\n"
        "和环境后果，\n"
        "回顾其 1985 年 12 月 16 日第 40/152 G 号和 1986 年 12 月 4 日第 41/86 H 号决议，\n"
        "以及其后于 1989 年出版的《关于核战争造成的气候影响和其他全球性影响的研究》，\n"
        "注意到目前在气候和科学建模方面取得的重大进展，因此需要关于核战争潜在影响\n"
        "的最新信息，包括向决策者提供关于核战争影响及其后果的最新全面科学评估，并确定科\n"
        "学界达成了一致意见的方面，以及需要开展更多研究的领域，\n"
        "1. 决定将该项目列入临时议程。\n" + ADOPTION
    )
    assert len(_read(text).preamble) == 4


def test_a_doubled_dash_between_dates_keeps_its_spaces() -> None:
    # "30 августа –– 2 сентября" is a range of dates, not "2018 –2028" cut by a space,
    # however often the text glues its dashes ("2016–2025").
    texts = [
        "на период 2016–2025 годов и 2021–2030 годов,",
        "в 2019–2028 годах и 2022–2031 годах,",
        "в 2011–2020 годах и 2015–2024 годах,",
        "в 2001–2010 годах и 2005–2014 годах,",
        "проходило 30 августа –– 2 сентября 2021 года и 2018 –2028 годы;",
    ]
    repaired = rejoin_split_words(texts, Diagnostics(), [1, 2, 3, 4, 5], lang="ru")
    assert repaired[4] == "проходило 30 августа –– 2 сентября 2021 года и 2018–2028 годы;"


def test_a_paragraph_number_that_ends_with_a_missing_marker_stays_whole() -> None:
    # Note 2's marker stands nowhere; "12." ends with 2, between markers 1 and 3, but
    # opens its paragraph: it is the paragraph's number.
    text = (
        "79/214. Habitat\n\nL’Assemblée générale,\n\n"
        "Rappelant le rapport du Secrétaire général1,\n\n"
        "11. Prend acte du rapport ;\n\n"
        "12. Demande à ONU-Habitat de continuer ;\n\n"
        "13. Note le lancement du document3.\n\n"
        "46e séance plénière\n11 novembre 2021\n__________________\n"
        "1 A/78/1.\n2 Résolution 71/256, annexe.\n3 A/79/3.\n"
    )
    assert [number for number, _ in _operative(_read(text))] == ["11.", "12.", "13."]


@pytest.mark.parametrize(
    "symbols",
    [
        ("A/79/364.", "A/AC.297/2025/3.", "A/AC.297/2025/CRP.2/Rev.5."),
        ("EC-86/DG.31.", "EC-87/DG.6.", "EC-101/DG.22."),  # an organ's session first
    ],
)
def test_notes_that_are_document_symbols_one_a_line_are_not_one_cut_line(
    symbols: tuple[str, ...],
) -> None:
    # pdftotext: the page's markers in a column, then one symbol a note; three one-word
    # lines are no justified line cut at its gaps.
    text = (
        "80/21. Outer space\n\nThe General Assembly,\n\nRecalling the report,\n\n"
        "1. Welcomes the report6 and the agenda7 and the timetable8;\n"
        "52nd plenary meeting\n1 December 2025\n\n"
        "6\n7\n8\n\n" + "\n".join(symbols) + "\n\n25-19813\n\n3/4\n"
    )
    resolution = _read(text)
    assert resolution.adoption.meeting == 52
    assert [plain_text(note.content) for note in resolution.footnotes] == list(symbols)


def test_a_centred_heading_over_the_next_numbered_paragraph_stays_a_heading() -> None:
    # pdftotext -layout: the heading indented, the paragraph's number at the margin,
    # no blank line between.
    text = (
        "A/RES/76/278\n"
        "Резолюция, принятая Генеральной Ассамблеей 29 июня 2022 года\n\n"
        "76/278. Финансирование Регионального центра обслуживания\n\n"
        "      Генеральная Ассамблея,\n\n"
        "      ссылаясь на свою резолюцию 64/269,\n\n"
        "1.      принимает к сведению доклады Генерального секретаря;\n"
        "2.      принимает во внимание оказание правительством Уганды содействия в обеспечении\n"
        "        выполнения работы Организации Объединенных Наций в Региональном центре\n"
        "        обслуживания в Энтеббе, Уганда;\n\n"
        "      Доклад об исполнении бюджета на период с 1 июля 2020 года по 30 июня 2021 года\n"
        "3.      принимает к сведению доклад Генерального секретаря об исполнении бюджета\n"
        "        Регионального центра обслуживания на период с 1 июля 2020 года по 30 июня\n"
        "        2021 года;\n\n"
        "                                                        90-е пленарное заседание\n"
        "                                                        29 июня 2022 года\n"
    )
    resolution = _read(text)
    assert [type(p).__name__ for p in resolution.operative] == [
        "OperativeParagraph",
        "OperativeParagraph",
        "Heading",
        "OperativeParagraph",
    ]


def test_markers_stacked_under_a_label_leave_the_paragraph_its_text() -> None:
    # pdftotext: the page's note numbers under the paragraph's label, the paragraph's
    # text, then the notes with no blank line between.
    text = (
        "A/RES/76/278\n"
        "Резолюция, принятая Генеральной Ассамблеей 29 июня 2022 года\n\n"
        "76/278. Финансирование Регионального центра обслуживания\n\n"
        "Генеральная Ассамблея,\n\n"
        "рассмотрев доклады Генерального секретаря1 и Консультативного комитета2,\n\n"
        "1.\n\n"
        "принимает к сведению доклады Генерального секретаря;\n\n"
        "2.\n\n1\n2\n3\n\n"
        "принимает к сведению доклад Генерального секретаря об исполнении бюджета\n"
        "Регионального центра обслуживания на период с 1 июля 2020 года по 30 июня\n"
        "2021 года3;\n"
        "A/76/548 и A/76/685.\n"
        "A/76/760/Add.6.\n"
        "A/76/548.\n\n"
        "22-10334 (R)\n\n"
        "\fA/RES/76/278\n\n"
        "3.\n\nпостановляет продолжить рассмотрение вопроса.\n\n"
        "90-е пленарное заседание\n29 июня 2022 года\n"
    )
    resolution = _read(text)
    operative = _operative(resolution)
    assert [number for number, _ in operative] == ["1.", "2.", "3."]
    assert operative[1][1].startswith("принимает к сведению доклад Генерального секретаря об")
    assert [plain_text(note.content) for note in resolution.footnotes] == [
        "A/76/548 и A/76/685.",
        "A/76/760/Add.6.",
        "A/76/548.",
    ]


def test_a_pages_first_note_numbers_set_above_their_texts_go_back_on_their_lines() -> None:
    # pypdfium2: the page's first notes have no note before them on the page; each one
    # comes before the note numbered one more.
    lines = layout.split_lines(
        "l’élimination durable du travail des enfants, qui s’est tenue à Buenos Aires\n"
        "7\nIbid., vol. 2515, no 44910.\n8\nIbid., vol. 2716, no 48088.\n"
        "9\nIbid., vol. 189, no 2545.\n10 Ibid., vol. 606, no 8791.\n"
    )
    assert [line.text for line in join_note_numbers(lines)][1:] == [
        "7 Ibid., vol. 2515, no 44910.",
        "8 Ibid., vol. 2716, no 48088.",
        "9 Ibid., vol. 189, no 2545.",
        "10 Ibid., vol. 606, no 8791.",
    ]


def test_a_number_alone_after_a_clause_left_open_stays_before_a_note() -> None:
    # "… от" / "5 октября 2016 года," / "6" / "См. …" / "7 …": 6 is a marker, and the
    # number alone after a line at a comma is not taken for a note's.
    texts = ["Совета от", "5 октября 2016 года,", "6", "принимает к сведению", "7 См. A/71/1."]
    assert [line.text for line in join_note_numbers(layout.split_lines("\n".join(texts)))] == (
        texts
    )


def test_stacked_markers_over_a_paragraph_that_runs_on_to_the_next_page() -> None:
    # The paragraph's last line on the page is cut mid-sentence; the notes are one line
    # each, and the paragraph goes on after the next page's head.
    text = (
        "79/271. Accord sur la diversité biologique marine\n\n"
        "L’Assemblée générale,\n\n"
        "Rappelant la Convention1, ses résolutions2 et le rapport3,\n"
        "1.\n\n1\n2\n3\n\n"
        "Se félicite de la tenue de la séance d’organisation de la Commission préparatoire\n"
        "et rappelle sa décision 78/560, dans laquelle elle a prié le Secrétaire général de\n"
        "convoquer les première et deuxième sessions de la Commission préparatoire du\n"
        "Nations Unies, Recueil des Traités, vol. 1833, no 31363.\n"
        "Résolutions 75/239 et 77/248.\n"
        "A/CONF.232/2023/4.\n\n"
        "25-03668 (F)\n\n"
        "\fA/RES/79/271\n\n"
        "14 au 25 avril 2025 ;\n\n"
        "2.\n\nPrend note de la déclaration.\n\n"
        "46e séance plénière\n11 novembre 2024\n"
    )
    resolution = _read(text)
    operative = _operative(resolution)
    assert operative[0][1].endswith("Commission préparatoire du 14 au 25 avril 2025 ;")
    assert [plain_text(note.content) for note in resolution.footnotes] == [
        "Nations Unies, Recueil des Traités, vol. 1833, no 31363.",
        "Résolutions 75/239 et 77/248.",
        "A/CONF.232/2023/4.",
    ]


def test_a_number_set_above_the_list_before_it_goes_back_to_its_text() -> None:
    # pdftotext: "17." printed between paragraph 16's lead-in and its list, its text
    # after the list.
    text = (
        "79/189. Trasplante de órganos\n\n"
        "La Asamblea General,\n\n"
        "Recordando su resolución 77/194,\n\n"
        "16.\n\n"
        "Insta a los Estados Miembros a que consideren las siguientes medidas:\n\n"
        "17.\n\na)\n\n"
        "Adoptar todas las medidas necesarias;\n\n"
        "b)\n\n"
        "Facilitar el acceso de las víctimas a información pertinente;\n\n"
        "Alienta a la Organización Mundial de la Salud a que siga adoptando medidas;\n\n"
        "18.\n\nSolicita a la Organización Mundial de la Salud que informe.\n\n"
        "50ª sesión plenaria\n17 de diciembre de 2024\n"
    )
    resolution = _read(text)
    assert [number for number, _ in _operative(resolution)] == ["16.", "17.", "18."]
    assert _operative(resolution)[1][1].startswith("Alienta a la Organización")
    sixteen = resolution.operative[0]
    assert isinstance(sixteen, OperativeParagraph)
    assert len(sixteen.subparagraphs) == 2


def test_a_number_set_above_the_list_at_a_pages_top_goes_back_past_the_furniture() -> None:
    # pdftotext: the lead-in ends page 3; page 4 opens with its symbol, "14.", its page
    # number and the running title (printed whole before, under the title's number),
    # then the list of paragraph 13 and the text of 14.
    text = (
        "Naciones Unidas\nA/RES/76/156\nAsamblea General\n\n"
        "76/156.\n\nLibertad de religión o de creencias\n\n"
        "La Asamblea General,\n\nRecordando su resolución 36/55,\n\n"
        "13.\n\nExpresa profunda preocupación por los casos siguientes, entre ellos:\n\n"
        "21-19195\n\n3/6\n\nA/RES/76/156\n\n14.\n\n4/6\n\n"
        "Libertad de religión o de creencias\n\n"
        "a)\n\nLos actos de violencia;\n\nb)\n\nLos ataques contra lugares religiosos;\n\n"
        "Insta a los Estados a que intensifiquen sus esfuerzos;\n\n"
        "15.\n\nDecide seguir examinando la cuestión.\n\n"
        "50ª sesión plenaria\n16 de diciembre de 2021\n"
    )
    resolution = _read(text)
    assert [number for number, _ in _operative(resolution)] == ["13.", "14.", "15."]
    assert _operative(resolution)[1][1] == "Insta a los Estados a que intensifiquen sus esfuerzos;"
    thirteen = resolution.operative[0]
    assert isinstance(thirteen, OperativeParagraph)
    assert len(thirteen.subparagraphs) == 2


def test_a_note_number_printed_twice_is_printed_once() -> None:
    # LibreOffice prints a Word note's custom mark in its number column and again as
    # the note's first text: pypdf "3 3Véase", pdftotext -layout "3   3" above the text.
    lines = layout.split_lines(
        "que deben\n2 Resolución 217 A (III).\n3 3Véase la resolución 2200 A (XXI).\n"
        "4   4\n     Resolución 260 A (III), anexo.\n"
    )
    assert [line.text for line in join_note_numbers(lines)][1:] == [
        "2 Resolución 217 A (III).",
        "3 Véase la resolución 2200 A (XXI).",
        "4 Resolución 260 A (III), anexo.",
    ]


def test_a_stack_of_note_numbers_whose_texts_repeat_them_gives_each_text_its_number() -> None:
    # pdftotext: the column "2" / "3" / "4", then the texts, the second and third after
    # their numbers printed again alone.
    lines = layout.split_lines(
        "que deben\n2\n3\n4\n\nResolución 217 A (III).\n3\nNaciones Unidas, Treaty Series,\n"
        "vol. 75, núms. 970 a 973.\n4\nIbid., vol. 1125, núm. 17512.\n"
    )
    assert [line.text for line in join_note_numbers(lines)][1:] == [
        "2 Resolución 217 A (III).",
        "3 Naciones Unidas, Treaty Series,",
        "vol. 75, núms. 970 a 973.",
        "4 Ibid., vol. 1125, núm. 17512.",
    ]


def test_a_stack_of_note_numbers_over_their_texts_alone_stays() -> None:
    texts = ["que deben", "2", "3", "", "Resolución 217 A (III).", "Véase la resolución 2200."]
    lines = join_note_numbers(layout.split_lines("\n".join(texts)))
    assert [line.text for line in lines] == [t for t in texts if t]


def test_capitalised_initial_words_after_a_full_line_at_a_comma_start_a_paragraph() -> None:
    # pdftotext: LibreOffice sets no space between preambular paragraphs, so they run
    # into one block; one ends at the margin ("… 2021,"), the next opens with initial
    # words and a capital. A label alone right after a lead-in starts its item.
    lines = [
        "77/228.\n\nSituation relative aux droits humains\n",
        "L’Assemblée générale,",
        "Guidée par la Charte des Nations Unies ainsi que par la Déclaration universelle des",
        "droits de l’homme et les autres instruments internationaux relatifs aux droits,",
        "Rappelant ses résolutions antérieures sur la situation relative aux droits humains",
        "en Iran, dont la plus récente est la résolution 76/178 du 16 décembre 2021 et 2022,",
        "Se félicitant des déclarations faites en septembre et octobre 2022 par la Haute-",
        "Commissaire des Nations Unies aux droits de l’homme par intérim,",
        "1.\n\nPrend acte du rapport du Secrétaire général ;\n",
        "2.\n\nDemande à la République islamique d’Iran de collaborer davantage avec les",
        "mécanismes internationaux relatifs aux droits de l’homme :",
        "a)\n\nen coopérant pleinement avec le Rapporteur spécial ;\n",
        "b)\n\nen renforçant sa coopération avec les autres titulaires de mandat ;\n",
        *(f"{n}.\n\nPrie le Secrétaire général de lui présenter un rapport ;\n" for n in (3, 4, 5)),
        "6.\n\nDécide de poursuivre l’examen de la question.\n",
        "54e séance plénière\n15 décembre 2022\n",
    ]
    resolution = _read("\n".join(lines))
    assert [plain_text(p.content)[:12] for p in resolution.preamble] == [
        "Guidée par l",
        "Rappelant se",
        "Se félicitan",
    ]
    second = resolution.operative[1]
    assert isinstance(second, OperativeParagraph)
    assert [sub.number for sub in second.subparagraphs] == ["a)", "b)"]


def test_a_marker_alone_after_the_line_it_was_raised_over_goes_in_its_gap() -> None:
    # pdftotext: "79/43 ," leaves the gap where marker 4 stood, printed on the next line.
    text = (
        "80/25. Relation entre désarmement et développement\n\n"
        "L’Assemblée générale,\n\n"
        "Prenant acte du rapport présenté par le Secrétaire général en application de la\n"
        "résolution 79/43 ,\n4\n\n"
        "1.\n\nSouligne le rôle central que joue l’Organisation ;\n\n"
        "2.\n\nDécide d’inscrire la question à son ordre du jour.\n\n"
        "51e séance plénière\n1er décembre 2025\n\n4 A/80/100.\n"
    )
    resolution = _read(text)
    pieces = resolution.preamble[0].content
    read = "".join(
        f"^{p.marker}" if isinstance(p, FootnoteRef) else plain_text((p,)) for p in pieces
    )
    assert read.endswith("de la résolution 79/43^4,")
