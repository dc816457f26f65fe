"""Where initial words open a paragraph in extractions that keep no layout (pdftotext,
PDFium): words after them that refer back ("при этом") and words only operative
paragraphs open with, before the first numbered paragraph, go on with the paragraph
before; a Russian manner phrase before them ("с озабоченностью") opens one."""

from __future__ import annotations

from resconv.model import OperativeParagraph, plain_text
from resconv.readers.text.reader import TextReader

_RU_COVER = """Организация Объединенных Наций
A/RES/78/999
Генеральная Ассамблея
Distr.: General
21 December 2023
Семьдесят восьмая сессия
Пункт 16 повестки дня
Резолюция, принятая Генеральной Ассамблеей 19 декабря 2023 года
78/999. Сырьевые товары
Генеральная Ассамблея,
"""
_RU_ADOPTION = """49-е пленарное заседание
19 декабря 2023 года
"""
_RU_OPERATIVE = """1. принимает к сведению доклад Генерального секретаря;
2. постановляет включить этот пункт в предварительную повестку дня.
"""


def _russian(preamble: str, operative: str = _RU_OPERATIVE) -> list[str]:
    text = _RU_COVER + preamble + operative + _RU_ADOPTION
    result = TextReader().read(text.encode())
    return [plain_text(paragraph.content) for paragraph in result.value.preamble]


_REFERS_BACK = """ссылаясь на свои резолюции о сырьевых товарах и о международной торговле,
выражая глубокую обеспокоенность по поводу пагубного воздействия климата
на доступность и использование сельскохозяйственного сырья и цены на него,
принимая {} во внимание важную роль земельных ресурсов и неистощительного
землепользования в климатической системе,
"""


def test_initial_words_before_words_that_refer_back_go_on() -> None:
    # "принимая при этом во внимание" ("taking at the same time into account") goes on
    # with the sentence before: no paragraph of the UN's opens so.
    paragraphs = _russian(_REFERS_BACK.format("при этом"))
    assert len(paragraphs) == 2
    assert paragraphs[1].endswith(
        "цены на него, принимая при этом во внимание важную роль "
        "земельных ресурсов и неистощительного землепользования в "
        "климатической системе,"
    )


def test_the_same_initial_words_alone_open_a_paragraph() -> None:
    paragraphs = _russian(_REFERS_BACK.format("также"))
    assert len(paragraphs) == 3
    assert paragraphs[2].startswith("принимая также во внимание")


_OPERATIVE_WORDS = """ссылаясь на свою резолюцию 77/48 и на предложение Генерального секретаря
из пяти пунктов в отношении ядерного разоружения, в котором он, в частности,
предлагает рассмотреть вопрос о проведении переговоров о конвенции по
ядерному оружию или соглашении о взаимоподкрепляющих документах,
"""


def test_operative_words_before_the_first_number_go_on_with_the_preamble() -> None:
    # "предлагает" ("proposes") opens only operative paragraphs; before "1." it goes on
    # with the preambular sentence left at a comma.
    paragraphs = _russian(_OPERATIVE_WORDS)
    assert len(paragraphs) == 1
    assert "в частности, предлагает рассмотреть" in paragraphs[0]


def test_an_unnumbered_operative_paragraph_after_the_preamble_still_opens() -> None:
    # With no numbered paragraph to come, the one operative paragraph is unnumbered and
    # opens right after the preamble's comma.
    text = (
        _RU_COVER + "ссылаясь на свою резолюцию 77/48 о ядерном разоружении и на все свои прочие\n"
        "резолюции по этому вопросу, принятые на предыдущих сессиях Ассамблеи,\n"
        "постановляет включить этот пункт в предварительную повестку дня своей\n"
        "семьдесят девятой сессии.\n" + _RU_ADOPTION
    )
    result = TextReader().read(text.encode())
    assert len(result.value.preamble) == 1
    [paragraph] = result.value.operative
    assert isinstance(paragraph, OperativeParagraph)
    assert plain_text(paragraph.content).startswith("постановляет включить")


_ZH = """联合国 A/RES/79/999
大会 Distr.: General
2024年12月20日
第七十九届会议
议程项目64
2024年12月18日大会决议
79/999. 阿拉伯叙利亚共和国的人权状况
大会，
最强烈地谴责在阿拉伯叙利亚共和国境内一再使用化学武器的行为，包括禁止化学武器组
织和禁止化学武器组织调查和鉴定小组独立查明责任归属的情况，注意到联合调查机制认定
阿拉伯叙利亚武装部队应对2014年和2015年释放有毒物质的袭击负责，并注意到其报告，
认定伊拉克和黎凡特伊斯兰国2015年和2016年使用了硫芥子气，又注意到调查和鉴定小组
的报告，
1. 表示注意到秘书长的报告；
2. 决定继续审议这一问题。
2024年12月18日
第52次全体会议
"""


def test_chinese_operative_words_before_the_first_number_go_on() -> None:
    # "认定" ("determines") opens only operative paragraphs.
    result = TextReader().read(_ZH.encode())
    [paragraph] = result.value.preamble
    assert "并注意到其报告，认定伊拉克" in plain_text(paragraph.content)


_MANNER = """будучи глубоко обеспокоена распространением дезинформации о пандемии
коронавирусного заболевания, в том числе в интернете, и подчеркивая важность
предоставления общественности научно обоснованных данных для противодействия
такой практике,
с озабоченностью признавая, что онлайновые кампании по дезинформации все чаще
используются для того, чтобы удержать женщин от участия в общественной сфере,
"""


def test_a_manner_phrase_before_initial_words_opens_a_paragraph() -> None:
    # "с озабоченностью признавая" ("recognizing with concern"): no harvested phrase, a
    # manner phrase before a known participle.
    paragraphs = _russian(_MANNER)
    assert len(paragraphs) == 2
    assert paragraphs[1].startswith("с озабоченностью признавая, что")


_SUBPARAGRAPH = """1. принимает к сведению доклад Генерального секретаря;
2. призывает государства-члены:
a) поддерживать исследования и разработки в области натуральных волокон;
b) разрабатывать и осуществлять политику и планы, направленные на поощрение
выявления и разработки экологически безопасных альтернатив изделиям одноразового
пользования,
принимая во внимание последствия этих альтернатив на протяжении всего жизненного
цикла, с тем чтобы сократить масштабы использования одноразовых изделий;
3. постановляет включить этот пункт в предварительную повестку дня.
"""


def test_initial_words_after_a_comma_go_on_with_a_subparagraph() -> None:
    # Inside a numbered paragraph a comma runs on, in its lettered items too: only a
    # number or a label opens the next paragraph.
    text = _RU_COVER + "ссылаясь на свою резолюцию 77/48,\n" + _SUBPARAGRAPH + _RU_ADOPTION
    result = TextReader().read(text.encode())
    numbers = [getattr(paragraph, "number", None) for paragraph in result.value.operative]
    assert numbers == ["1.", "2.", "3."]
    second = result.value.operative[1]
    assert isinstance(second, OperativeParagraph)
    assert "пользования, принимая во внимание" in plain_text(second.subparagraphs[1].content)
