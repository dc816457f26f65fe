"""Kinsoku line breaking and CJK justification, and the reportlab internals they rely on."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest
import reportlab
import reportlab.platypus.paragraph as rl_paragraph
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from resconv.fonts import build_font, library
from resconv.writers.pdf.linebreak import (
    NO_END,
    NO_START,
    KinsokuParagraph,
    break_allowed,
    install_justification,
)

TEXT = (
    "回顾其关于裁军和不扩散领域的2001年11月29日第56/24T号决议，以及A/RES/67/38号决议、"
    "《联合国千年宣言》和“全面彻底裁军”的项目；又回顾（一）和平方法……并以正义——调整"
    "或解决足以破坏和平之国际争端或情势：促进裁军！是否？以及「条约」『议定书』。"
) * 4


@pytest.fixture(scope="module")
def font_name(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A registered subset of Noto Serif SC holding every character of `TEXT`."""
    path = tmp_path_factory.getbasetemp() / "resconv-font-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RESCONV_CACHE_DIR", str(path))
        face = library().face("song")
        data = build_font(face, face.glyphs({ord(c) for c in TEXT} | {0x20}))
    pdfmetrics.registerFont(TTFont("linebreak-test", io.BytesIO(data)))
    return "linebreak-test"


@pytest.mark.parametrize("after", sorted(NO_START))
def test_no_closing_mark_may_start_a_line(after: str) -> None:
    assert not break_allowed("国", after)


@pytest.mark.parametrize("before", sorted(NO_END))
def test_no_opening_mark_may_end_a_line(before: str) -> None:
    assert not break_allowed(before, "国")


@pytest.mark.parametrize(
    ("before", "after", "allowed"),
    [
        ("国", "际", True),
        ("2", "0", False),  # 2001
        ("/", "2", False),  # 56/24T
        ("S", "/", False),  # A/RES/67/38
        ("8", "号", True),
        ("—", "—", False),
        ("…", "…", False),
        ("，", "国", True),
    ],
)
def test_break_opportunities(before: str, after: str, allowed: bool) -> None:
    assert break_allowed(before, after) is allowed


def test_a_footnote_marker_stays_with_the_character_before_it() -> None:
    assert not break_allowed("，", "1", after_marker=True)
    assert break_allowed("1", "其", before_marker=True)
    assert not break_allowed("3", "1", after_marker=True)


@pytest.mark.parametrize("width", [97.0, 150.0, 203.5, 260.0, 331.0])
def test_every_line_obeys_the_rules_at_any_width(font_name: str, width: float) -> None:
    style = ParagraphStyle("t", fontName=font_name, fontSize=10, leading=14, wordWrap="CJK")
    para = KinsokuParagraph(TEXT, style)
    para.wrap(width, 10_000)
    lines = ["".join(word.text for word in line.words) for line in para.blPara.lines]
    assert "".join(lines) == TEXT
    for line in lines:
        assert line[0] not in NO_START and line[-1] not in NO_END, line
    joined = "\n".join(lines)
    for token in ("A/RES/67/38", "56/24T", "2001", "……", "——"):
        assert joined.count(token) == TEXT.count(token), token
    # A line is full, give or take the few characters pushed down with a closing mark,
    # unless the next begins with a run of Latin that could not fit.
    for (line, following), broken in zip(
        itertools.pairwise(lines), para.blPara.lines, strict=False
    ):
        assert broken.extraSpace >= 0
        assert broken.extraSpace < 4 * style.fontSize or following[0].isascii(), line


def test_stock_reportlab_breaks_these_rules(font_name: str) -> None:
    """Why the module exists: if this ever passes for every width, reconsider it."""
    style = ParagraphStyle("t", fontName=font_name, fontSize=10, leading=14, wordWrap="CJK")
    bad = 0
    for width in (97.0, 150.0, 203.5, 260.0, 331.0):
        para = Paragraph(TEXT, style)
        para.wrap(width, 10_000)
        for line in para.blPara.lines:
            words = line[1] if isinstance(line, tuple) else [w.text for w in line.words]
            bad += "".join(words)[:1] in NO_START
    assert bad > 0


def test_a_split_paragraph_keeps_its_lines_and_adds_no_spaces(font_name: str) -> None:
    style = ParagraphStyle("t", fontName=font_name, fontSize=10, leading=14, wordWrap="CJK")
    para = KinsokuParagraph(TEXT, style)
    para.wrap(200, 10_000)
    whole = ["".join(w.text for w in line.words) for line in para.blPara.lines]
    first, second = para.split(200, 14 * 3)
    second.wrap(200, 10_000)
    parts = [
        "".join(w.text for w in line.words)
        for part in (first, second)
        for line in part.blPara.lines
    ]
    assert parts == whole


def test_full_lines_are_justified_with_character_spacing(font_name: str, tmp_path: Path) -> None:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.pdfgen.canvas import Canvas

    install_justification()
    style = ParagraphStyle(
        "t", fontName=font_name, fontSize=10, leading=14, wordWrap="CJK", alignment=TA_JUSTIFY
    )
    para = KinsokuParagraph(TEXT, style)
    para.wrap(203.5, 10_000)
    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0, invariant=1)
    para.drawOn(canvas, 50, 300)
    canvas.save()
    spacings = [float(v) for v in re.findall(rb"([-\d.]+) Tc", out.getvalue())]
    assert any(v > 0 for v in spacings)
    assert spacings[-1] == 0  # reset after each justified line


def test_reportlab_internals_this_module_relies_on() -> None:
    assert reportlab.Version.startswith("5.1.")
    install_justification()
    assert rl_paragraph._justifyDrawParaLineX.__module__ == "resconv.writers.pdf.linebreak"
    for name in ("FragLine", "ParaLines", "_handleBulletWidth", "_putFragLine"):
        assert hasattr(rl_paragraph, name), name
    source = Path(rl_paragraph.__file__).read_text(encoding="utf-8")
    assert "dpl = _justifyDrawParaLineXRTL if isRTL else _justifyDrawParaLineX" in source
    # wrap breaks through these two methods, which split parts answer from their lines.
    assert "blPara = self.breakLinesCJK(self._wrapWidths)" in source
    assert "blPara = self.breakLines(self._wrapWidths)" in source
