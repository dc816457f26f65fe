"""An annex's title kept to the one paragraph a right-to-left PDF or Word file sets it in.

The PDF and DOCX readers write one paragraph of the file a line (a title wrapped over
lines already joined), and the text reader runs an annex's title on over the title-like
paragraphs after it: in scripts with capitals a capital stops it, but Arabic has none,
so a heading after the title ("مقدمة: من أولويات اسطنبول إلى التزامات الدوحة",
"المبدأ التوجيهي 1") became part of it. The file says the title was one paragraph; the
text reader joins each paragraph it adds with a piece of its own (`TITLE_JOIN`), so the
pieces after the first go back to the head of the annex's body, as the headings they are.
"""

from __future__ import annotations

from dataclasses import replace

from resconv.lang import LANGUAGES
from resconv.model import Annex, Heading, Inline, Resolution
from resconv.readers.text.paragraphs import TITLE_JOIN

__all__ = ["apply_title_paragraphs"]


def apply_title_paragraphs(resolution: Resolution) -> Resolution:
    """`resolution` with each annex title of a right-to-left file cut to its first
    paragraph, the others made unnumbered headings opening the annex's body."""
    language = LANGUAGES.get(resolution.language)
    if language is None or language.direction != "rtl" or not resolution.annexes:
        return resolution
    annexes = tuple(_first_paragraph(annex) for annex in resolution.annexes)
    if annexes == resolution.annexes:
        return resolution
    return replace(resolution, annexes=annexes)


def _first_paragraph(annex: Annex) -> Annex:
    if annex.preamble or TITLE_JOIN not in annex.title:
        return annex
    paragraphs: list[list[Inline]] = [[]]
    for inline in annex.title:
        if inline == TITLE_JOIN:
            paragraphs.append([])
        else:
            paragraphs[-1].append(inline)
    title, *rest = (tuple(paragraph) for paragraph in paragraphs if paragraph)
    headings = tuple(Heading(number=None, text=text, level=1) for text in rest)
    return replace(annex, title=title, body=(*headings, *annex.body))
