"""Chinese: what the text reader needs to recognise a General Assembly resolution.

Initial words (set in bold by the UN) come from the UN's Chinese Akoma Ntoso and from
resolution 67/38; the usual adverbs 又/还/再次/并… combine with every verb. The UN bolds
the verb alone (强调 in 强调必须…, 重申 in 重申其…), so no entry carries what follows it.
"""

from __future__ import annotations

from resconv.lang.lexicon import initial_phrases
from resconv.lang.matching import PhraseSet, Regex
from resconv.lang.profile import STRUCTURAL, SUBPARAGRAPH, LanguageProfile

__all__ = ["PROFILE"]

PREAMBULAR_BASES = (
    "决心",
    "回顾",
    "忆及",
    "深信",
    "确信",
    "相信",
    "铭记",
    "意识到",
    "认识到",
    "确认",
    "承认",
    "考虑到",
    "鉴于",
    "强调",
    "强调指出",
    "着重指出",
    "关切",
    "深为关切",
    "深感关切",
    "严重关切",
    "表示关切",
    "注意到",
    "满意地注意到",
    "关切地注意到",
    "赞赏地注意到",
    "重申",
    "申明",
    "审议了",
    "研究了",
    "听取了",
    "收到",
    "表扬",
    "赞扬",
    "赞赏",
    "欢迎",
    "欣见",
    "欣悉",
    "感谢",
    "希望",
    "认为",
    "痛惜",
    "遗憾地注意到",
    "震惊",
    "谴责",
    "念及",
    "决意",
    "遵循",
    "致力于",
    "深切关注",
    "表示赞赏",
    "表示深切关切",
    "满意地",
    "又一次",
)
OPERATIVE_BASES = (
    "重申",
    "敦促",
    "强调",
    "呼吁",
    "吁请",
    "促请",
    "敦请",
    "请",
    "决定",
    "正式决定",
    "核准",
    "核可",
    "授权",
    "认可",
    "肯定",
    "鼓励",
    "欢迎",
    "赞赏",
    "赞扬",
    "表扬",
    "感谢",
    "邀请",
    "建议",
    "注意到",
    "表示注意到",
    "满意地注意到",
    "关切地注意到",
    "赞赏地注意到",
    "表示赞赏",
    "表示关切",
    "表示深切关切",
    "深表关切",
    "谴责",
    "强烈谴责",
    "要求",
    "坚决要求",
    "确认",
    "申明",
    "宣布",
    "通过",
    "支持",
    "赞同",
    "回顾",
    "着重指出",
    "强调指出",
    "认识到",
    "承认",
    "表示支持",
    "表示感谢",
    "表示遗憾",
    "痛惜",
    "决心",
    "强烈敦促",
    "再次强调",
    "欣见",
    "吁请所有国家",
)
ADVERBS = ("又", "还", "并", "也", "再次", "进一步", "同时", "亦", "在这方面")
INTENSIFIERS = ("深为", "深表", "极为")
"""Before an initial phrase as the adverbs are: "深为" + "遗憾地注意到"."""

_CN_DIGITS = "〇零一二三四五六七八九十百"

_CN_LABEL = r"[(（][一二三四五六七八九十]{1,3}[)）]"
"""Past ㈩ the UN numbers a list "(十一)", "(十二)" …"""

PROFILE = LanguageProfile(
    code="zh",
    joiner="cjk",
    authority=Regex(r"大\s*会\s*[，,]?|安全理事会\s*[，,]?"),
    preambular=PhraseSet(
        PREAMBULAR_BASES,
        before=ADVERBS + INTENSIFIERS,
        word_boundary=False,
        more=lambda: initial_phrases("zh", "preambular"),
    ),
    operative=PhraseSet(
        OPERATIVE_BASES,
        before=ADVERBS + INTENSIFIERS,
        word_boundary=False,
        more=lambda: initial_phrases("zh", "operative"),
    ),
    subparagraph=Regex(SUBPARAGRAPH.replace("(?P<num>", f"(?P<num>{_CN_LABEL}|", 1)),
    structural=Regex(f"{STRUCTURAL}|{_CN_LABEL}"),
    date=Regex(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
    meeting=Regex(r"第\s*(?P<number>\d{1,4})\s*次\s*全体会议(?:\s*[(（]\s*续会\s*[)）])?"),
    annex=Regex(rf"附\s*件(?:\s*[{_CN_DIGITS}]{{1,4}})?"),
    session=Regex(rf"第[{_CN_DIGITS}]{{1,6}}届(?:特别|紧急特别)?会议"),
    agenda_item=Regex(r"议程项目\s*(?P<item>\d{1,3}(?:\s*[(（][a-z]{1,3}[)）])?)"),
    adopted_line=Regex(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*大会决议"),
    # "《联合国千年宣言》，1 其中": a marker after Chinese punctuation, not a date or count.
    glued_marker=Regex(
        r"(?=[ \d])(?<=[，。；：、》」”’）)])[ ]?(\d{1,3})(?![\d/.．年月日号次段条款届个项%％])"
    ),
    # "…发挥作用，" then "并赞扬…": no paragraph opens with "and" after a comma, nor
    # with "as well as" (none of the UN's 29,000 Chinese paragraphs opens with "以及").
    run_on=Regex(r"(?:并|以便|以期|从而|以及)"),
    # "(b) …；" then "以便…": conjunctions that only continue a sentence ("并请" may open one).
    wrap_up_start=Regex(r"(?:以便|以期|从而|并就此|并在此)"),
)
