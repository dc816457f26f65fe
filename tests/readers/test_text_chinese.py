"""Chinese text as PDF extractors print it: paragraphs told by line widths, footnote
markers printed apart, lists numbered past ㈩, titles printed around their number.

The texts are laid out as pdftotext prints resconv's Chinese PDF: lines of 41
characters, a paragraph's first line two characters shorter (its indent dropped), an
operative number alone on the line before its text.
"""

from __future__ import annotations

import resconv
from resconv.model import FootnoteRef, Inlines, OperativeParagraph, Resolution, Text

_FULL = 41
_INDENT = 2


def _wrap(text: str) -> list[str]:
    """`text` broken as a justified Chinese paragraph: first line indented."""
    lines, width = [], _FULL - _INDENT
    while text:
        lines.append(text[:width])
        text, width = text[width:], _FULL
    return lines


def _read(*lines: str, notes: tuple[str, ...] = (), annex: tuple[str, ...] = ()) -> Resolution:
    text = "\n".join(
        [
            "80/1. 测试决议",
            "大会，",
            *lines,
            "2025年12月1日",
            "第50次全体会议",
            *annex,
            *(("__________________", *notes) if notes else ()),
        ]
    )
    return resconv.read_bytes(text.encode(), format="text").value


def _plain(inlines: Inlines) -> str:
    return "".join(
        item.text if isinstance(item, Text) else f"^{item.marker}"
        for item in inlines
        if isinstance(item, (Text, FootnoteRef))
    )


# Preambular paragraphs whose first lines show the text's indent: each ends short.
_PREAMBLE = [
    "回顾其以往关于本项目的各项决议，特别是关于加强国际合作和协调的各项决议，并回顾各国在这方面作出的承诺，",
    "认识到各国政府在促进和保护人权方面负有首要责任，需要各方面进一步合作，加强能力建设，分享经验和做法，",
    "重申联合国在促进国际合作方面的核心作用，强调必须加强各级协调，确保资源得到有效利用，实现各项目标，",
    "注意到秘书长关于本项目的报告及其中所载的各项结论和建议，并注意到各会员国就此提出的意见和看法，",
    "欢迎各会员国为执行以往各项决议所作的努力，鼓励各方继续开展合作，分享经验，交流信息和最佳做法，",
]


_CLAUSE = "并请秘书长在这方面继续提供协助和支持，以便各会员国能够充分参与有关进程，"


def _preamble(*extra: str) -> list[str]:
    """The preamble's lines: mostly full ones, as in a real text."""
    texts = [text[:-1] + "，" + _CLAUSE for text in _PREAMBLE]
    return [line for text in (*texts, *extra) for line in _wrap(text)]


def test_a_full_line_after_a_full_line_ending_in_a_comma_goes_on() -> None:
    # Its first line full and ending in "，", the next line opens with known initial
    # words ("认为"), as wide as the full lines: the indented first line of a new
    # paragraph never is, so the paragraph goes on.
    first = "深为关切在消除基于宗教或信仰原因的一切形式不容忍和歧视这一领域取得的进展有限，"
    assert len(first) == _FULL - _INDENT
    rest = (
        "认为因此必须加紧努力，促进和保护思想、良心、宗教或信仰自由的权利，"
        "并消除基于宗教或信仰原因的一切形式歧视，"
    )
    resolution = _read(*_preamble(), *_wrap(first + rest), "1.", "请秘书长提交报告；")
    preamble = resolution.preamble
    assert len(preamble) == len(_PREAMBLE) + 1
    assert _plain(preamble[-1].content) == first + rest


def test_a_first_line_holding_a_raised_marker_after_a_full_line_starts_its_paragraph() -> None:
    # The first line holds a marker glued to the character after it ("》20和"): its
    # figures count in the line's width but are printed raised and small, so the line
    # is no wider than an indented first line, and opens its paragraph.
    full = "深为关切在消除基于宗教或信仰原因的一切形式不容忍和歧视这一领域取得的进展有限，"
    full += "认为因此必须加紧努力促进和保护思想良心宗教或信仰自由的权利以及其他各项权利和自由，"
    assert len(full) == _FULL - _INDENT + _FULL
    opening = [
        "回顾《生物多样性公约》20和其他与生物多样性有关的各项公约，包括《濒危野生动植物种",
        "国际贸易公约》，",
    ]
    assert len(opening[0]) == _FULL - _INDENT + len("20")
    resolution = _read(
        *_preamble(), *_wrap(full), *opening, "1.", "请秘书长提交报告；", notes=("20 联合国。",)
    )
    texts = [_plain(p.content) for p in resolution.preamble]
    assert texts[-2:] == [full, "".join(opening).replace("》20和", "》^20和")]


def test_a_clause_ended_short_of_the_margin_ends_its_paragraph() -> None:
    # "对…" opens no known initial words, but the line before ends well short of the
    # margin: Chinese wraps at any character, so only a paragraph's end leaves it so.
    short = "赞赏地注意到为加强联合国安保管理系统的工作所采取的一切措施，"
    unknown = "对人道主义人员和医务人员因公共医疗卫生危害而丧生、患病及遭受其他不利后果深表遗憾，"
    resolution = _read(*_preamble(short, unknown), "1.", "请秘书长提交报告；")
    texts = [_plain(p.content) for p in resolution.preamble]
    assert texts[-2:] == [short, unknown]


def test_a_marker_printed_before_the_line_it_was_raised_over_goes_back_in_it() -> None:
    # pdftotext prints a raised marker on a line of its own before the line it stood in:
    # in the gap it left there, or after that line when it ends the paragraph.
    full = "欢迎2024年9月22日和23日在纽约联合国总部召开未来峰会，重申需要执行《未来"
    resolution = _read(
        *_preamble(),
        "1.",
        full,
        "1",
        "契约》 中与消除饥饿有关的行动；",
        "2.",
        "促请裁军谈判会议努力确保其工作的包容性和多边性，包括按照其议事规则参加其届",
        "2",
        "会；",
        notes=("1 第79/1号决议。", "2 CD/8/Rev.10，第32-36段。"),
    )
    first, second = (
        _plain(p.content) for p in resolution.operative if isinstance(p, OperativeParagraph)
    )
    assert "《未来契约》^1中" in first
    assert second.endswith("参加其届会；^2")


def test_a_marker_cut_out_of_a_short_piece_of_line_stays_after_it() -> None:
    # Other extractors cut the printed line at the marker: "…的报告" / "1" / "以及…".
    resolution = _read(
        *_preamble(),
        "审议了秘书长关于区域服务中心经费筹措的报告",
        "1",
        "以及行政和预算问题咨询委员会的有关报告，",
        "1.",
        "请秘书长提交报告；",
        notes=("1 A/77/612。",),
    )
    assert _plain(resolution.preamble[-1].content).startswith(
        "审议了秘书长关于区域服务中心经费筹措的报告^1以及"
    )


def test_a_list_goes_on_past_ten_in_chinese_numbers() -> None:
    items = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
    lines = [f"{label}第{n}项关切事项，" for n, label in enumerate(items, start=1)]
    lines += ["(十一) 第11项关切事项，", "(十二) 第12项关切事项；"]
    resolution = _read(*_preamble(), "1.", "表示严重关切：", "(a)", "下列事项：", *lines)
    (paragraph,) = resolution.operative
    assert isinstance(paragraph, OperativeParagraph)
    (sub,) = paragraph.subparagraphs
    assert [s.number for s in sub.subparagraphs] == [*items, "(十一)", "(十二)"]


def test_a_preambular_paragraph_closed_with_a_semicolon_amid_the_preamble_stays() -> None:
    odd = "注意到中亚各国决心处理和应对世界毒品问题；"
    resolution = _read(*_preamble(odd, "回顾联合国相关决议，"), "1.", "请秘书长提交报告；")
    assert [_plain(p.content) for p in resolution.preamble][-2:] == [odd, "回顾联合国相关决议，"]
    assert len(resolution.operative) == 1


def test_a_title_printed_around_its_number_is_read_whole() -> None:
    text = "\n".join(
        [
            "2024年12月19日大会决议",
            "[未经发交主要委员会而通过 (A/79/L.46)]",
            "",
            "通过加强最高审计机关增强和促进公共行政的效率、问责、成效和透",
            "",
            "79/231.",
            "",
            "明度",
            "大会，",
            *_preamble(),
            "1.",
            "请秘书长提交报告；",
        ]
    )
    result = resconv.read_bytes(text.encode(), format="text")
    assert (
        _plain(result.value.title)
        == "通过加强最高审计机关增强和促进公共行政的效率、问责、成效和透明度"
    )
    assert any(d.code == "title-around-number" for d in result.diagnostics)


def test_a_numbered_paragraph_s_first_line_set_apart_by_a_blank_line_goes_on() -> None:
    # pdftotext: "3." / "" / first line (narrower: the number's indent) / "" / the rest.
    resolution = _read(
        "审议了秘书长的报告以及行政和预算问题咨询委员会的有关报告，",
        "1.",
        "",
        "表示注意到秘书长的报告；",
        "",
        "2.",
        "",
        "认可行政和预算问题咨询委员会报告所载结论和建议；",
        "",
        "3.",
        "",
        "核准在2022年方案预算下追加所需资源3 524 600美元，包括第12款(贸易和发展)",
        "",
        "(848 600美元)、第27款(人道主义援助)(2 481 700美元)和第36款(工作人员薪金税)(194 300美",
        "元)，由收入第1款项下同等增加额抵消；",
        "4.",
        "",
        "注意到将在2022年财务执行情况报告中报告2022年3 524 600美元承付权的使用情",
        "",
        "况。",
    )
    numbers = [p.number for p in resolution.operative if isinstance(p, OperativeParagraph)]
    assert numbers == ["1.", "2.", "3.", "4."]


def test_a_quoted_list_item_starts_a_paragraph() -> None:
    resolution = _read(
        *_preamble(),
        "1.",
        "回顾其第78/275号决议第5段，并注意到《联合国工作人员条例和细则》细则3.3仍然如下：",
        "“(a) 除非秘书长另有决定，工作人员通常以其员额职等的第一档开始任用。",
        "“(b) 定期或连续任用工作人员在晋升时，其职档应为其晋升后职等内的最低一档。”",
        "2.",
        "请秘书长提交报告；",
    )
    assert len(resolution.operative) == 4
    assert _plain(resolution.operative[1].content).startswith("“(a)")


def test_a_number_printed_after_its_paragraph_s_first_line_keeps_its_last_line() -> None:
    # pdftotext: first line, "1.", last line, "2.", the next paragraph's lines.
    resolution = _read(
        *_preamble(),
        "重申防止外层空间军备竞赛目标的重要性和紧迫性，并重申各国愿意促进实现这一共",
        "",
        "1.",
        "同目标；",
        "2.",
        "",
        "再次申明裁军谈判会议作为关于此项议题的唯一多边谈判论坛在酌情缔结一项或多",
        "",
        "项全面防止外层空间军备竞赛的多边协定谈判中应发挥主要作用；",
        "3.",
        "",
        "请秘书长提交报告；",
    )
    texts = [_plain(p.content) for p in resolution.operative]
    assert texts[0].endswith("这一共同目标；")
    assert texts[1].endswith("应发挥主要作用；")


def test_a_two_digit_marker_spaced_out_after_punctuation_is_one_marker() -> None:
    # pdftotext spaces a raised "13" out as "1 3"; figures group by three digits.
    lines = [f"回顾第{n}号决议，{n}" for n in range(1, 13)]
    resolution = _read(
        *_preamble(),
        *lines,
        "欢迎《实现韧性繁荣的新宣言》， 1 3 期待新的行动纲领获得通过，共计3 524 600美元，",
        "1.",
        "请秘书长提交报告；",
        notes=tuple(f"{n} 第{n}号文件。" for n in range(1, 14)),
    )
    text = _plain(resolution.preamble[-1].content)
    assert "新宣言》，^13期待" in text
    assert "3 524 600美元" in text


def test_a_numbered_line_after_a_short_heading_starts_a_paragraph() -> None:
    # Chinese lines wrap anywhere, never before "1. ": after a short line (an annex's
    # title) a numbered line opens a paragraph, with or without a blank line between.
    for gap in ((), ("",)):
        resolution = _read(
            *_preamble(),
            "1.",
            "请秘书长提交报告；",
            annex=(
                "附件",
                "政治宣言",
                *gap,
                "1. 我们，各国元首和政府首脑以及高级代表，于2025年8月5日至8日举行了第三次会议，",
                "参加会议的有政府间组织和非政府组织的代表。",
                " 一. 全球背景和共同承诺",
                "2. 我们在全球挑战交织的关键时刻集聚在一起。",
            ),
        )
        (annex,) = resolution.annexes
        assert _plain(annex.title) == "政治宣言"
        numbers = [getattr(block, "number", None) for block in annex.body]
        assert numbers == ["1.", "一.", "2."]
