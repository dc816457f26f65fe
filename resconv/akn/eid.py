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

UNNUMBERED: frozenset[str] = frozenset({"intro", "listIntroduction", "wrapUp", "listWrapUp"})
"""Elements that occur at most once in their parent: their eId has no number part."""

_CJK_PARENTHESISED = {chr(0x3220 + i): i + 1 for i in range(10)}
"""㈠ … ㈩ (U+3220–U+3229), the Chinese form of (i) … (x)."""

_CJK_NUMERALS = dict(zip("一二三四五六七八九十", range(1, 11), strict=True))
"""Chinese numerals as printed inside brackets: （一）, （十）."""

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


def clean_num(number: str) -> str:
    """The eId form of a printed number: ASCII letters, digits and ``-`` only; "" if none."""
    text = unicodedata.normalize("NFKC", number).strip(_EDGE_PUNCTUATION)
    if not text:
        text = number.strip()
    if len(text) == 1 and text in _CJK_PARENTHESISED:
        return roman(_CJK_PARENTHESISED[text])
    stripped = number.strip(_EDGE_PUNCTUATION)
    if stripped in _CJK_PARENTHESISED:
        return roman(_CJK_PARENTHESISED[stripped])
    if text and all(char in _CJK_NUMERALS for char in text):
        total = sum(_CJK_NUMERALS[char] for char in text) if len(text) > 1 else 0
        return roman(total or _CJK_NUMERALS[text])
    chars = []
    for char in text:
        digit = unicodedata.digit(char, None)
        if digit is not None:
            chars.append(str(digit))
            continue
        letter = _letter(char.lower())
        chars.append(letter if letter is not None else char)
    text = _INNER_SEPARATOR.sub("-", "".join(chars))
    text = _NOT_NC.sub("", text)
    return text.strip("-")


class EidGenerator:
    """Hands out eIds that are unique in one document, adding ``_2``, ``_3`` on a clash.

    Unnumbered elements count per parent and kind: ``para_nn_1``, ``preamble__container_3``.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._counters: dict[tuple[str, str], int] = {}

    def make(self, element: str, parent: str = "", number: str | None = None) -> str:
        """The eId of `element` (an AKN element name) under `parent`, numbered `number`."""
        prefix = PREFIXES.get(element, element)
        if element in UNNUMBERED:
            local = prefix
        else:
            num = clean_num(number) if number is not None else ""
            if not num:
                key = (parent, prefix if number is None else prefix + "_nn")
                count = self._counters.get(key, 0) + 1
                self._counters[key] = count
                num = str(count) if number is None else f"nn_{count}"
            local = f"{prefix}_{num}"
        return self.reserve(f"{parent}__{local}" if parent else local)

    def counted(self, element: str, parent: str = "") -> str:
        """An eId numbered by order of appearance under `parent`: ``list_1``, ``container_2``."""
        return self.make(element, parent, None)

    def reserve(self, eid: str) -> str:
        """`eid` itself if free, else the first free ``eid_2``, ``eid_3``, …."""
        candidate = eid
        suffix = 1
        while candidate in self._used:
            suffix += 1
            candidate = f"{eid}_{suffix}"
        self._used.add(candidate)
        return candidate
