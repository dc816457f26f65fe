"""eIds for the Akoma Ntoso writer, following the AKN naming convention as AKN4UN restates it.

An eId is ``{prefix}_{num}`` joined to its parent's eId by ``__``: ``para_2__list_1__point_a``.
What is table-driven here (as in bluebell's ``IdGenerator``): the prefix of each element, and
how a printed number becomes the ``{num}`` part, so that the six language expressions of a
resolution share their eIds (``㈡``, ``(ii)`` and ``ii)`` all give ``ii``).

>>> clean_num("1.")
'1'
>>> clean_num("(b)")
'b'
>>> clean_num("㈡")
'ii'
>>> clean_num("11.2 Rev. A")
'11-2RevA'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["PREFIXES", "EidGenerator", "clean_num", "roman"]

PREFIXES: dict[str, str] = {
    "attachment": "att",
    "authorialNote": "authorialNote",
    "blockList": "list",
    "container": "container",
    "crossHeading": "crossHeading",
    "division": "dvs",
    "formula": "formula",
    "intro": "intro",
    "item": "item",
    "list": "list",
    "listIntroduction": "intro",
    "listWrapUp": "wrapup",
    "paragraph": "para",
    "point": "point",
    "section": "sec",
    "subsection": "subsec",
    "wrapUp": "wrapup",
}
"""AKN element name → eId prefix (AKN NC abbreviations; ``sec``, ``dvs``, ``att``)."""

_CJK_DIGITS = dict(zip("一二三四五六七八九", range(1, 10), strict=True))
"""Chinese numerals: ㈠ (NFKC "(一)"), （十一）, 二十 → 1, 11, 20."""

_LETTER_SEQUENCES: tuple[str, ...] = (
    # Arabic subparagraph letters, in abjad order: (أ) (ب) (ج) … → a, b, c …
    "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ",
    # Cyrillic letters some Russian texts use for subparagraphs: а) б) в) … → a, b, c …
    "абвгдежзиклмнопрстуфхцчшщэюя",
)
"""Non-Latin lettering mapped by position onto a, b, c, … so every expression shares eIds."""

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_EDGE_PUNCTUATION = "()[]{}（）［］【】〔〕.,;:、。，；：·-–—_ \t\u3000"
_SPACED = re.compile(r"[.,;:·、。．，]*\s+")
_INNER_SEPARATOR = re.compile(r"[.,;:/\\·、。．，]+")
_NOT_NC = re.compile(r"[^A-Za-z0-9-]+")


def roman(value: int) -> str:
    """Lower-case Roman numeral of a positive integer."""
    out = []
    for amount, letters in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def _letter(char: str) -> str | None:
    for sequence in _LETTER_SEQUENCES:
        position = sequence.find(char)
        if position >= 0:
            return _LETTERS[position % 26] * (position // 26 + 1)
    return None


def _cjk_number(text: str) -> int | None:
    tens, ten, units = text.partition("十")
    if not ten:
        return _CJK_DIGITS.get(text) if len(text) == 1 else None
    if len(tens) > 1 or len(units) > 1:
        return None
    high = _CJK_DIGITS.get(tens, 0) if tens else 1
    low = _CJK_DIGITS.get(units, 0) if units else 0
    if (tens and not high) or (units and not low):
        return None
    return high * 10 + low


def clean_num(number: str) -> str:
    """The eId form of a printed number: ASCII letters, digits and ``-`` only; "" if none.

    Chinese numerals (㈠, （二）) become lower-case Roman numerals, as (i), (ii) in the other
    five languages; Arabic and Cyrillic letters become a, b, c by position.
    """
    text = unicodedata.normalize("NFKC", number).strip(_EDGE_PUNCTUATION)
    cjk = _cjk_number(text)
    if cjk is not None:
        return roman(cjk)
    chars = []
    for char in text:
        digit = unicodedata.digit(char, None)
        if digit is not None:
            chars.append(str(digit))
            continue
        letter = _letter(char.lower())
        chars.append(letter if letter is not None else char)
    text = _INNER_SEPARATOR.sub("-", _SPACED.sub("", "".join(chars)))
    return _NOT_NC.sub("", text).strip("-")


class EidGenerator:
    """Hands out eIds that are unique in one document, adding ``_2``, ``_3`` on a clash.

    Unnumbered elements count per parent and kind: ``para_nn_1``, ``preamble__container_3``.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._counters: dict[tuple[str, str], int] = {}

    def numbered(self, element: str, parent: str, number: str | None) -> str:
        """The eId of a numbered `element`; ``{prefix}_nn_{k}`` when the number is missing."""
        prefix = PREFIXES.get(element, element)
        num = clean_num(number) if number else ""
        if not num:
            num = f"nn_{self._count(parent, prefix + '_nn')}"
        return self.reserve(_join(parent, f"{prefix}_{num}"))

    def counted(self, element: str, parent: str = "") -> str:
        """An eId numbered by order of appearance under `parent`: ``list_1``, ``container_2``."""
        prefix = PREFIXES.get(element, element)
        return self.reserve(_join(parent, f"{prefix}_{self._count(parent, prefix)}"))

    def single(self, element: str, parent: str) -> str:
        """The eId of an element that occurs once in its parent: ``…__intro``, ``…__wrapup``."""
        return self.reserve(_join(parent, PREFIXES.get(element, element)))

    def reserve(self, eid: str) -> str:
        """`eid` itself if free, else the first free ``eid_2``, ``eid_3``, …."""
        candidate = eid
        suffix = 1
        while candidate in self._used:
            suffix += 1
            candidate = f"{eid}_{suffix}"
        self._used.add(candidate)
        return candidate

    def _count(self, parent: str, kind: str) -> int:
        key = (parent, kind)
        count = self._counters.get(key, 0) + 1
        self._counters[key] = count
        return count


def _join(parent: str, local: str) -> str:
    return f"{parent}__{local}" if parent else local
