"""Paragraph markup read without `html.parser`: the same fragments, the same PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

import resconv
from resconv.writers.pdf import linebreak
from resconv.writers.pdf.markup import parse_markup
from resconv.writers.pdf.text import _escape

ROOT = Path(__file__).resolve().parents[2]
STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)


def _reportlab(text: str, style: Any, case_sensitive: int) -> tuple[str, Any, Any, Any]:
    """What reportlab's own `Paragraph._setup` makes of `text`."""
    text = cleanBlockQuotedText(text)
    parser = ParaParser()
    parser.caseSensitive = case_sensitive
    style, frags, bullet_frags = parser.parse(text, style)
    textTransformFrags(frags, style)
    return text, style, frags, bullet_frags


def _fragments(frags: Any) -> list[dict[str, str]]:
    out = []
    for frag in frags or ():
        fields = {name: repr(value) for name, value in vars(frag).items() if name != "cbDefn"}
        if hasattr(frag, "cbDefn"):
            fields["cbDefn"] = repr(sorted(vars(frag.cbDefn).items()))
        out.append(fields)
    return out


def _same(markup: str) -> None:
    text, style, frags, bullet = parse_markup(markup, STYLE, 1)
    rl_text, rl_style, rl_frags, rl_bullet = _reportlab(markup, STYLE, 1)
    assert text == rl_text
    assert vars(style) == vars(rl_style)
    assert _fragments(frags) == _fragments(rl_frags)
    assert _fragments(bullet) == _fragments(rl_bullet)


@pytest.mark.parametrize(
    "markup",
    [
        '<font name="Helvetica">a &amp; b &lt;c&gt; d</font>',
        '<bullet><font name="Helvetica">1.</font></bullet>'
        '<font name="Courier">x\u00a0y\u3000z</font>',
        '<a href="https://x.org/?a=1&amp;b=&quot;2&quot;"><font name="Helvetica">link</font></a>',
        '<onDraw name="resconv_note" label="3"/><super><font name="Helvetica">3</font></super>',
        '  <font name="Helvetica">two\n lines  and   spaces </font>  ',
        "<font name='Helvetica'>single quotes: not resconv's form</font>",  # html.parser reads it
        "plain & text < with > marks",
    ],
)
def test_markup_gives_the_fragments_reportlab_gives(markup: str) -> None:
    _same(markup)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Helvetica", "Courier"]),
            st.text(st.characters(codec="utf-8"), min_size=1, max_size=12),
            st.sampled_from(["", "link", "note"]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_escaped_text_gives_the_fragments_reportlab_gives(
    runs: list[tuple[str, str, str]],
) -> None:
    parts = []
    for font, text, kind in runs:
        piece = f'<font name="{font}">{_escape(text)}</font>'
        if kind == "link":
            piece = f'<a href="{_escape(text).replace(chr(34), "&quot;")}">{piece}</a>'
        elif kind == "note":
            piece = f'<onDraw name="resconv_note" label="1"/><super>{piece}</super>'
        parts.append(piece)
    _same("".join(parts))


def test_the_pdf_is_the_one_reportlab_parsing_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    model = resconv.read(ROOT / "fixtures" / "A-RES-67-38.zh.txt").value
    ours = resconv.write(model, "pdf")
    monkeypatch.setattr(linebreak, "parse_markup", _reportlab)
    assert resconv.write(model, "pdf") == ours
