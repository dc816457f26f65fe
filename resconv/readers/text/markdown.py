"""Markdown conventions out of the text: what PDF-to-Markdown converters and web copies add.

Emphasis (``*Recalling*``, ``**bold**``, ``_also_``), heading marks (``# 75/46. Title``),
block quotes and backslash escapes (``1\\.``) carry no structure the reader needs: the
initial words are found from the language's lexicon, the paragraphs from their text.
Footnote references ``[^3]`` and definitions ``[^3]: …`` stay; the layout and footnote
passes read them. Text without any of these marks is returned as it came, at once.
"""

from __future__ import annotations

import re

__all__ = ["strip_markdown"]

_SIGNS = ("*", "#", "\\", "__", "> ", "_")
_HEADING = re.compile(r"^[ \t]*(?:#{1,6}|>)[ \t]+", re.MULTILINE)
_LETTER_AHEAD = r"(?=[^*\n]*?[^\W\d_])"
"""Emphasis holds a word: "*1922039*" is a barcode and stays."""
_STRONG = re.compile(r"(?<![\\*^])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![*\]])")
_EMPHASIS = re.compile(rf"(?<![\\*^])\*{_LETTER_AHEAD}(?=[^\s*\]])([^*\n]*?)(?<=[^\s*])\*(?![*\]])")
_UNDERSCORE = re.compile(r"(?<![\w_])_{1,2}(?=[^\s_])([^_\n]*?)(?<=[^\s_])_{1,2}(?![\w_])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def strip_markdown(text: str) -> str:
    """`text` without Markdown's emphasis, heading and quote marks, and escapes undone."""
    if not any(sign in text for sign in _SIGNS):
        return text
    if "#" in text or ">" in text:
        text = _HEADING.sub("", text)
    if "*" in text:
        text = _STRONG.sub(r"\1", text)
        text = _EMPHASIS.sub(r"\1", text)
    if "_" in text:
        text = _UNDERSCORE.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return text
