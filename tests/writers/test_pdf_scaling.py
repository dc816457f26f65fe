"""The PDF writer's work grows with the length of the text, not with its square.

Counted, not timed: a paragraph running over many pages is broken into lines once,
however many pages it spans (reportlab broke the rest again after every page break).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from typing import Any

import pytest
import reportlab.platypus.paragraph as rl_paragraph
from reportlab.platypus import Paragraph

import resconv.writers.pdf.linebreak as linebreak
import resconv.writers.pdf.rtl as rtl
from resconv import build as b
from resconv.model import Resolution
from resconv.writers.pdf.writer import PdfWriter

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.usefixtures("font_cache_dir")

_CHINESE = "回顾其关于裁军和不扩散领域的2001年11月29日第56/24T号决议，以及《联合国千年宣言》；"
_ENGLISH = "Recalling its resolution 56/24 T of 29 November 2001 on multilateral cooperation, "
_ARABIC = (
    "إذ تشير إلى قرارها 56/24 المؤرخ 29 تشرين الثاني/نوفمبر 2001 بشأن التعاون المتعدد الأطراف، "
)


def _long(language: str, sentence: str, length: int) -> Resolution:
    text = (sentence * (length // len(sentence) + 1))[:length]
    return b.resolution(
        language=language, title="Multilateralism", operative=[b.operative(text, number="1.")]
    )


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[int]]:
    """Wraps a function so that each call records how many characters it was given."""

    def wrap(owner: Any, name: str, size: Callable[..., int]) -> list[int]:
        calls: list[int] = []
        original = getattr(owner, name)

        def counting(*args: Any, **kwargs: Any) -> Any:
            calls.append(size(*args, **kwargs))
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counting)
        return calls

    return wrap


def _pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _characters(frags: list[Any]) -> int:
    """Characters in reportlab frags: parsed ones hold text, split parts' ones words."""
    return sum(len(getattr(f, "text", "") or "".join(getattr(f, "words", []))) for f in frags)


@pytest.mark.parametrize(("language", "sentence"), [("zh", _CHINESE), ("en", _ENGLISH)])
def test_a_paragraph_over_many_pages_is_broken_once(
    counted: Any, language: str, sentence: str
) -> None:
    length = 40_000
    cjk = counted(linebreak, "kinsoku_split", lambda frags, widths: _characters(frags))
    other = counted(Paragraph, "breakLines", lambda self, width: _characters(self.frags))
    # reportlab's own split walks every line after the page break to rebuild the rest.
    hard = counted(rl_paragraph, "_split_blParaHard", lambda para, start, stop: stop - start)
    simple = counted(rl_paragraph, "_split_blParaSimple", lambda para, start, stop: stop - start)
    pdf = PdfWriter().write(_long(language, sentence, length))
    broken, rebuilt = cjk + other, hard + simple
    assert _pages(pdf) >= 10
    assert max(broken) >= length
    assert sum(broken) < 2 * max(broken)
    assert sum(rebuilt) < 2 * length / 20  # at most about twice the paragraph's lines


def test_an_arabic_paragraph_over_many_pages_is_broken_once(counted: Any) -> None:
    length = 40_000
    calls = counted(rtl, "break_lines", lambda pieces, widths: len(pieces))
    pdf = PdfWriter().write(_long("ar", _ARABIC, length))
    assert _pages(pdf) >= 8
    assert sum(calls) < 2 * max(calls)


def test_face_choice_of_a_long_paragraph_keeps_every_character() -> None:
    from resconv.writers.pdf.fonts import FaceChooser
    from resconv.writers.pdf.style import typography

    text = _CHINESE * 20_000
    pieces = FaceChooser(typography("zh")).segments("body", text, "preamble")
    assert "".join(piece for _, piece in pieces) == text
    assert all(a[0] != b[0] for a, b in itertools.pairwise(pieces))


def test_a_document_with_footnotes_is_laid_out_once(counted: Any) -> None:
    from reportlab.platypus.doctemplate import BaseDocTemplate

    res = b.resolution(
        preamble=[
            b.preambular("Recalling its resolutions,", b.ref("1"), " and the reports,", b.ref("2"))
            for _ in range(40)
        ],
        operative=[b.operative("Decides.", number="1.")],
        footnotes=[b.footnote("1", "A/77/612."), b.footnote("2", "A/77/732.")],
    )
    passes = counted(BaseDocTemplate, "build", lambda self, *args, **kwargs: 1)
    pdf = PdfWriter().write(res)
    assert _pages(pdf) >= 2
    assert passes == [1]
