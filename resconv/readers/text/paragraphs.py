"""Paragraph classification of the text reader: preamble, operative part, headings, lists.

After layout, each paragraph is one `Para`: its joined text and the footnote markers in
it. `ParagraphClassifier` puts each into the preamble or the body of one `Part` (the
resolution or an annex) as a preambular or operative paragraph, a heading, a
subparagraph of the paragraph before it, or the wrap-up closing a list. What a
language prints (numbers, initial words, letters) comes from its `LanguageProfile`.
"""

from __future__ import annotations

import re
from dataclasses import field, replace

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.diagnostics import Diagnostics
from resconv.lang.profile import LanguageProfile
from resconv.model import (
    Block,
    FootnoteRef,
    Heading,
    Inline,
    Inlines,
    OperativeParagraph,
    PreambularParagraph,
    Subparagraph,
    Text,
    plain_text,
)
from resconv.readers.text import layout

__all__ = ["Para", "ParagraphClassifier", "Part", "strip_inlines"]

_ROMAN_LETTERS = frozenset("ivxlc")
_CLAUSE_END = ".;。；؛"
_COMMAS = ",，،"
_HEADING_MAX = 320
TITLE_JOIN = Text(text=" ")
"""What the reader puts between two paragraphs it reads as one annex title (in scripts
that join words with a space); `resconv.readers.title_paragraphs` parts them again."""
"""Longest unpunctuated line read as a sub-heading: the UN's run to about 300 characters
("Decision 75/570 on the intergovernmental conference on … national jurisdiction")."""
"""How a paragraph that is not preambular ends (a preambular one ends with a comma)."""


@dataclass(slots=True)
class Para:
    """A paragraph's joined text, its footnote markers (offset, marker) and where it began."""

    text: str
    markers: list[tuple[int, str]]
    line: int
    first: str
    lines: list[str]

    def inlines(self, start: int = 0) -> Inlines:
        """The text from offset `start` as inlines, its markers in place, edges stripped."""
        pieces: list[Inline] = []
        position = start
        for offset, marker in self.markers:
            if offset < start:
                continue
            if offset > position:
                pieces.append(Text(text=self.text[position:offset]))
            pieces.append(FootnoteRef(marker=marker))
            position = max(position, offset)
        if position < len(self.text):
            pieces.append(Text(text=self.text[position:]))
        return strip_inlines(tuple(pieces))


def strip_inlines(pieces: Inlines) -> Inlines:
    """`pieces` without whitespace at either end, nor the empty texts that leaves."""
    if not pieces:
        return ()
    out = list(pieces)
    first = out[0]
    if isinstance(first, Text):
        stripped = first.text.lstrip()
        if len(stripped) != len(first.text):  # a new Text only when something goes
            out[0] = Text(text=stripped)
    last = out[-1]
    if isinstance(last, Text):
        stripped = last.text.rstrip()
        if len(stripped) != len(last.text):
            out[-1] = Text(text=stripped)
    if any(isinstance(p, Text) and not p.text for p in out):
        return tuple(p for p in out if not (isinstance(p, Text) and not p.text))
    return tuple(out)


@dataclass(slots=True)
class Part:
    """Paragraphs being collected for the resolution body or one annex."""

    preamble: list[PreambularParagraph] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    in_body: bool = False
    heading_levels: dict[str, int] = field(default_factory=dict)
    numbers: list[tuple[str, int]] = field(default_factory=list)


class ParagraphClassifier:
    """Sorts the paragraphs of one part into the model, checking their numbering."""

    def __init__(self, profile: LanguageProfile, diagnostics: Diagnostics) -> None:
        self.profile = profile
        self.diagnostics = diagnostics

    def is_title_like(self, para: Para) -> bool:
        """Whether `para` can continue a title: no closing punctuation, no structure."""
        return (
            bool(para.text)
            and para.text[-1] not in layout.PARAGRAPH_END
            and not self.profile.structural.match(para.text)
        )

    def add(self, para: Para, rest: list[Para], index: int, part: Part, *, annex: bool) -> int:
        """Add `para` to `part`; returns the index of the next paragraph to read."""
        text = para.text
        numbered = self.profile.operative_number.match(text) or self._number_without_stop(
            text, part
        )
        if numbered:
            part.in_body = True
            pieces = numbered.group("num").split()
            printed = "".join(pieces) if self.profile.squeeze_number else " ".join(pieces)
            part.numbers.append((printed, para.line))
            content = para.inlines(numbered.end())
            part.body.append(
                OperativeParagraph(
                    number=printed,
                    initial_words="" if annex else self._initial(content, operative=True),
                    content=content,
                )
            )
            return index
        sub = self.profile.subparagraph.match(text)
        if sub and self._lettered_heading(para, rest, index, part):
            part.body.append(
                Heading(
                    number=_label(sub.group("num")),
                    text=para.inlines(sub.end()),
                    level=self._level(part, "label"),
                )
            )
            return index
        if sub and (part.preamble or part.body):
            self._subparagraph(part, _label(sub.group("num")), para.inlines(sub.end()), para)
            return index
        if self._continues_subparagraph(para, rest, index, part):
            return index
        if self._wrap_up(para, rest, index, part):
            return index
        heading = self._heading(para, rest, index, part)
        if heading is not None:
            block, index = heading
            part.in_body = True
            part.body.append(block)
            return index
        content = para.inlines()
        if not part.in_body and (
            (
                text[-1:] not in _CLAUSE_END
                and not (
                    self._operative_list_opening(text)
                    and not self._amid_preamble(text, rest, index)
                    and not self._closes_preamble(text, rest, index, part)
                )
            )
            or self._preambular_despite_end(text)
            or self._preambular_before_preamble(para, rest, index)
            or self._preambular_before_first_number(para, rest, index, part)
        ):
            part.preamble.append(
                PreambularParagraph(
                    initial_words=self._initial(content, operative=False), content=content
                )
            )
            return index
        part.in_body = True
        part.body.append(
            OperativeParagraph(
                number=None,
                initial_words="" if annex else self._initial(content, operative=True),
                content=content,
            )
        )
        return index

    def _lettered_heading(self, para: Para, rest: list[Para], index: int, part: Part) -> bool:
        """Whether a labelled line heads the numbered paragraphs after it ("132. … ." /
        "(a) Transport" / "133. Notwithstanding …"): no closing punctuation, a numbered
        paragraph right after it, and the paragraph before it ended its sentence, so
        that no list was opened for the label to go on."""
        if not part.in_body or not part.body or index >= len(rest):
            return False
        owner = part.body[-1]
        return (
            para.text[-1:] not in layout.PARAGRAPH_END
            and len(para.text) <= _HEADING_MAX
            and not para.markers
            and isinstance(owner, OperativeParagraph)
            and not owner.subparagraphs
            and _ends_sentence(owner.content)
            and self.profile.operative_number.match(rest[index].text) is not None
        )

    def _number_without_stop(self, text: str, part: Part) -> re.Match[str] | None:
        """The number of a paragraph printed without its full stop ("32 notes …" between
        "31." and "33."): the next number in the run, before operative initial words."""
        found = _BARE_NUMBER.match(text)
        if found is None or not part.numbers:
            return None
        previous = "".join(ch for ch in part.numbers[-1][0] if ch.isdigit())
        if not previous or int(found.group("num")) != int(previous) + 1:
            return None
        return found if self.profile.operative.match(text[found.end() :]) else None

    def _operative_list_opening(self, text: str) -> bool:
        """An unnumbered operative paragraph opening a list ("Adopts the following
        declaration:", "Approves the budget as follows:") or running on ("Approves
        resources …,"): operative initial words and no preambular ones, ending with a
        colon or a comma."""
        return (
            text[-1:] in ":：" + _COMMAS
            and bool(self.profile.operative.match(text))
            and not self.profile.preambular.match(text)
        )

    def _amid_preamble(self, text: str, rest: list[Para], index: int) -> bool:
        """A paragraph with operative initial words ending with a comma before a preambular
        one ("Accueille avec satisfaction …," for "Accueillant", a slip the UN's texts
        have; "表示注意到…，" in Chinese, where both parts use such words): the preamble goes
        on when the next paragraph reads as preambular or, unnumbered, ends with a comma too."""
        if text[-1:] not in _COMMAS or index >= len(rest):
            return False
        following = rest[index]
        return self._preambular_like(following) or (
            following.text[-1:] in _COMMAS and not self.profile.structural.match(following.text)
        )

    def _preambular_before_preamble(self, para: Para, rest: list[Para], index: int) -> bool:
        """A preambular paragraph closed with a full stop or a semicolon (slips the UN's
        texts have) before more preambular paragraphs: it opens with preambular initial
        words no shorter than any operative ones ("又表示注意到", "回顾" are both in
        Chinese), and the next paragraph reads as preambular."""
        text = para.text
        if (
            text[-1:] not in ".。;；؛"
            or index >= len(rest)
            or not self._preambular_like(rest[index])
        ):
            return False
        preambular = self.profile.preambular.match(text)
        return bool(preambular) and len(preambular) >= len(self.profile.operative.match(text))

    def _preambular_before_first_number(
        self, para: Para, rest: list[Para], index: int, part: Part
    ) -> bool:
        """The preamble's last paragraph printed with ";" and with initial words both
        parts use ("表示注意到…；"): after preambular paragraphs, right before the first
        numbered paragraph ("1."), where an unnumbered operative paragraph cannot stand."""
        if not part.preamble or para.text[-1:] not in ";；؛":
            return False
        return self._first_number_next(rest, index) and bool(
            self.profile.preambular.match(para.text)
        )

    def _closes_preamble(self, text: str, rest: list[Para], index: int, part: Part) -> bool:
        """A paragraph ending with a comma after preambular ones, right before "1.",
        closes the preamble whatever its initial words ("Se réaffirmant résolue …," /
        "1. Prend note …", words the UN's mark-up also files as operative): an
        operative paragraph ends with a semicolon or a full stop."""
        return text[-1:] in _COMMAS and bool(part.preamble) and self._first_number_next(rest, index)

    def _first_number_next(self, rest: list[Para], index: int) -> bool:
        """Whether the next paragraph opens the numbered run ("1.")."""
        if index >= len(rest):
            return False
        numbered = self.profile.operative_number.match(rest[index].text)
        if numbered is None:
            return False
        return "".join(ch for ch in numbered.group("num") if ch.isdigit()) == "1"

    def _preambular_despite_end(self, text: str) -> bool:
        """A preambular paragraph printed with ";" (a slip the UN's texts have): it opens
        with preambular initial words and no operative ones."""
        return (
            text[-1:] in ";；؛"
            and bool(self.profile.preambular.match(text))
            and not self.profile.operative.match(text)
        )

    def _wrap_up(self, para: Para, rest: list[Para], index: int, part: Part) -> bool:
        """Keep `para` as the closing text of the subparagraphs before it, if it is one.

        The evidence must be clear: the last subparagraph had not ended its sentence,
        and `para` continues it (lower case in Latin and Cyrillic, a conjunction in
        Chinese) without known initial words. The text closes the last subparagraph
        when nested subparagraphs precede it and a sibling of that subparagraph follows;
        otherwise it closes the paragraph's list.
        """
        start = self.profile.wrap_up_start
        text = para.text
        if start is None or not start.match(text) or text[-1:] not in layout.PARAGRAPH_END:
            return False
        owners: list[PreambularParagraph] | list[Block]
        owners = part.body if part.in_body and part.body else part.preamble
        owner = owners[-1] if owners else None
        if (
            not isinstance(owner, (PreambularParagraph, OperativeParagraph))
            or not owner.subparagraphs
        ):
            return False
        if (
            owner.wrap_up
            or self.profile.preambular.match(text)
            or self.profile.operative.match(text)
        ):
            return False
        last = owner.subparagraphs[-1]
        deepest = last.subparagraphs[-1] if last.subparagraphs else last
        if _ends_sentence(deepest.wrap_up or deepest.content):
            return False
        content = para.inlines()
        following = self.profile.subparagraph.match(rest[index].text) if index < len(rest) else None
        if (
            last.subparagraphs
            and not last.wrap_up
            and following is not None
            and not self._nested(_label(following.group("num")), last.number)
        ):
            subs = (*owner.subparagraphs[:-1], replace(last, wrap_up=content))
            owners[-1] = replace(owner, subparagraphs=subs)  # type: ignore[assignment]
        else:
            owners[-1] = replace(owner, wrap_up=content)  # type: ignore[assignment]
        return True

    def _continues_subparagraph(self, para: Para, rest: list[Para], index: int, part: Part) -> bool:
        """Add `para` to the last subparagraph's text if it goes on with it: the next
        paragraph is that subparagraph's next sibling ("c) …" / "Informelle …" / "d) …"),
        so that nothing but the subparagraph can hold the text between them. A line that
        ends a sentence near the margin, or opens with words a paragraph could open
        with, splits a subparagraph so; text without closing punctuation (a heading
        over the rest of a list) stays apart."""
        if index >= len(rest) or self.is_title_like(para):
            return False
        following = self.profile.subparagraph.match(rest[index].text)
        owners: list[PreambularParagraph] | list[Block]
        owners = part.body if part.in_body and part.body else part.preamble
        owner = owners[-1] if owners else None
        if (
            following is None
            or not isinstance(owner, (PreambularParagraph, OperativeParagraph))
            or not owner.subparagraphs
            or owner.wrap_up
        ):
            return False
        label = _label(following.group("num"))
        chain = [owner.subparagraphs[-1]]
        while chain[-1].subparagraphs and not chain[-1].wrap_up:
            chain.append(chain[-1].subparagraphs[-1])
        deepest = chain[-1]
        if (
            deepest.subparagraphs
            or _opens_list(label, deepest.number)
            or (len(chain) > 1 and not self._nested(label, chain[-2].number))
            or self._nested(label, deepest.number)
        ):
            return False  # the next label belongs to another level, or starts a list
        sep = Text(text=" " if self.profile.joiner == "space" else "")
        grown = replace(deepest, content=_joined(deepest.content, sep, para.inlines()))
        for parent in reversed(chain[:-1]):
            grown = replace(parent, subparagraphs=(*parent.subparagraphs[:-1], grown))
        subs = (*owner.subparagraphs[:-1], grown)
        owners[-1] = replace(owner, subparagraphs=subs)  # type: ignore[assignment]
        self.diagnostics.info(
            "subparagraph-continued",
            f"text between subparagraphs {deepest.number} and {label} read as the end of "
            f"{deepest.number}: {para.text[:40]!r}",
            line=para.line,
        )
        return True

    def _initial(self, content: Inlines, *, operative: bool) -> str:
        first = content[0] if content else None
        if not isinstance(first, Text):
            return ""
        return self.profile.initial_words(first.text, operative=operative)

    def _heading(
        self, para: Para, rest: list[Para], index: int, part: Part
    ) -> tuple[Heading, int] | None:
        first = para.first
        section = self.profile.section_number.fullmatch(first)
        if section or self.profile.letter_alone.fullmatch(first):
            number = first
            body = para.text[len(first) :].strip()
            if not body and index < len(rest) and self._heading_text(rest[index], number):
                body = rest[index].text
                text = rest[index].inlines()
                index += 1
            else:
                text = (Text(text=body),) if body else ()
            kind = "roman" if section else "letter"
            return Heading(number=number, text=text, level=self._level(part, kind)), index
        roman = _ROMAN_HEADING.fullmatch(para.text)
        if (
            roman
            and para.text[-1] not in layout.PARAGRAPH_END
            and (len(roman.group("num")) > 2 or "letter" not in part.heading_levels)
        ):  # "II. Financing" on one line; "I. …" after "H. …" is a letter
            return (
                Heading(
                    number=roman.group("num"),
                    text=para.inlines(roman.start("text")),
                    level=self._level(part, "roman"),
                ),
                index,
            )
        letter = self.profile.letter_heading.fullmatch(para.text)
        if letter and para.text[-1] not in layout.PARAGRAPH_END:
            return (
                Heading(
                    number=letter.group("num"),
                    text=para.inlines(letter.start("text")),
                    level=self._level(part, "letter"),
                ),
                index,
            )
        inline_number = self._section_number_inline(para)
        if inline_number is not None:
            number, start = inline_number
            return Heading(
                number=number, text=para.inlines(start), level=self._level(part, "roman")
            ), index
        if (
            (part.in_body or self._opens_body(para, rest, index))
            and self.is_title_like(para)
            and len(para.text) <= _HEADING_MAX
            and not para.markers
        ):
            return Heading(
                number=None, text=para.inlines(), level=self._level(part, "plain")
            ), index
        return None

    def opens_with_section_number(self, para: Para) -> bool:
        """Whether `para`'s first word is a section number ("二", "IV", "一." with a stop)."""
        number = para.first.partition(" ")[0]
        return bool(self.profile.section_number.fullmatch(number.rstrip(".．") or number))

    def _section_number_inline(self, para: Para) -> tuple[str, int] | None:
        """The section number a one-line heading opens with, its text right after it
        ("二 我们所处的当今世界"), and where that text starts; None for other paragraphs."""
        number, _, rest = para.first.partition(" ")
        if (
            not rest[:1].isalpha()  # "أولا - الحوكمة": a separator, read as printed
            or len(para.text) > _HEADING_MAX
            or not self.opens_with_section_number(para)
            or not para.text.startswith(number)
            or para.text[-1] in layout.PARAGRAPH_END
            or para.markers
        ):
            return None
        start = len(number)
        while para.text[start : start + 1].isspace():
            start += 1
        return (number, start) if start < len(para.text) else None

    def _opens_body(self, para: Para, rest: list[Para], index: int) -> bool:
        """Whether an unpunctuated line in the preamble heads the operative part: the
        paragraph after it is numbered ("Management of UN-Habitat" / "1. Welcomes …"), or
        is one more such line before a numbered one (an annex's "Introduction" / "In quest
        of …" / "1. We …"), and it does not open with preambular initial words."""
        if index >= len(rest) or self.profile.preambular.match(para.text):
            return False
        following = rest[index]
        if self.is_title_like(following) and index + 1 < len(rest):
            following = rest[index + 1]
        if self.profile.operative_number.match(following.text) is not None:
            return True
        return self._heads_prose(rest, index)

    def _heads_prose(self, rest: list[Para], index: int) -> bool:
        """Whether the paragraphs from `index` are at most one more unpunctuated line
        ("Guideline 1" / "Scope") and then an unnumbered paragraph closing a sentence
        without preambular initial words: the lines are headings over the text of an
        annex (or a resolution) that has no preamble, not preambular paragraphs."""
        following = rest[index]
        if self.is_title_like(following) and index + 1 < len(rest):
            following = rest[index + 1]
        text = following.text
        return (
            text[-1:] in ".。"
            and not self.profile.preambular.match(text)
            and not self.profile.structural.match(text)
            and self.profile.operative_number.match(text) is None
        )

    def part_start(
        self, para: Para, rest: list[Para], index: int, *, in_parts: bool
    ) -> tuple[str, Inlines, int] | None:
        """The number and heading of a part starting at `para`, and the index of the
        paragraph after them; None when `para` starts none.

        A section number ("I", "二", "أولا") with its heading starts a part when the
        resolution is already in parts, or when preambular text follows the heading:
        each part then has its own preamble and operative paragraphs. Text without
        blank lines may run the heading on into the first preambular paragraph; that
        paragraph is set apart again (in `rest`)."""
        first = para.first
        if not self.profile.section_number.fullmatch(first):
            return None
        number = " ".join(first.split())
        after = index
        tail: Para | None = None
        if para.text[len(first) :].strip():
            split = _split_before(para, 1, self.profile)
            heading = (split[0] if split else para).inlines(len(first))
            tail = split[1] if split else None
        elif index < len(rest) and (split := _split_before(rest[index], 0, self.profile)):
            (head, tail), after = split, index + 1
            heading = head.inlines()
        elif index < len(rest) and self._heading_text(rest[index], first):
            heading, after = rest[index].inlines(), index + 1
        else:
            heading = ()
        following = tail or (rest[after] if after < len(rest) else None)
        if not in_parts and (following is None or not self._preambular_like(following)):
            return None
        if tail is not None:
            rest.insert(after, tail)
        return number, heading, after

    def _preambular_like(self, para: Para) -> bool:
        """Whether `para` reads as a preambular paragraph: it ends with a comma and
        opens with preambular initial words."""
        return para.text[-1:] in _COMMAS and bool(self.profile.preambular.match(para.text))

    def _heading_text(self, para: Para, number: str) -> bool:
        """Whether `para` is the text of the heading numbered `number` printed alone
        before it: title-like, or title-like after the same number printed again."""
        if self.is_title_like(para):
            return True
        text = para.text
        return (
            text.startswith(number + " ")
            and text[-1] not in layout.PARAGRAPH_END
            and not self.profile.structural.match(text[len(number) :].lstrip())
        )

    def _level(self, part: Part, kind: str) -> int:
        if kind not in part.heading_levels:
            part.heading_levels[kind] = len(part.heading_levels) + 1
        return part.heading_levels[kind]

    def _subparagraph(self, part: Part, number: str, content: Inlines, para: Para) -> None:
        owner_list: list[PreambularParagraph] | list[Block]
        owner_list = part.body if part.in_body and part.body else part.preamble
        if not owner_list or not isinstance(
            owner_list[-1], (PreambularParagraph, OperativeParagraph)
        ):
            # A list under a heading (the UN's mark-up numbers such a paragraph "a)"):
            # a paragraph numbered with its label, the next labels its subparagraphs.
            self.diagnostics.add(
                "subparagraph-without-paragraph",
                f"subparagraph {number} has no paragraph before it; kept as a paragraph "
                "numbered with its label",
                line=para.line,
            )
            part.body.append(OperativeParagraph(number=number, initial_words="", content=content))
            part.in_body = True
            return
        owner = owner_list[-1]
        new = Subparagraph(number=number, content=content)
        subs = self._insert(owner.subparagraphs, new)
        owner_list[-1] = replace(owner, subparagraphs=subs)  # type: ignore[assignment]

    def _insert(
        self, subs: tuple[Subparagraph, ...], new: Subparagraph
    ) -> tuple[Subparagraph, ...]:
        """`subs` with `new` after the last one, or below it as deep as its label goes:
        (a) ㈠ ① ② ㈡ (b) nest three levels."""
        if not subs or not self._nested(new.number, subs[-1].number):
            return (*subs, new)
        last = subs[-1]
        return (*subs[:-1], replace(last, subparagraphs=self._insert(last.subparagraphs, new)))

    @staticmethod
    def _nested(number: str, previous: str) -> bool:
        """Whether `number` goes one level below the subparagraph `previous`."""
        if "\u2460" <= number <= "\u2473":  # ① under ㈠ or (a)
            return not ("\u2460" <= previous <= "\u2473")
        if _chinese_numbered(number):  # ㈠ … ㈩, then (十一) …
            return not _chinese_numbered(previous)
        inner = number.strip("()（） ’‘")  # "’1‘": an Arabic text's (i) under (أ)
        prev_inner = previous.strip("()（） ’‘")
        if inner.isdigit():  # (1) under (أ) in Arabic
            return not prev_inner.isdigit()
        if not (set(inner) <= _ROMAN_LETTERS) or "\u2460" <= previous <= "\u3229":
            return False
        if len(inner) == 1 and len(prev_inner) == 1 and ord(inner) == ord(prev_inner) + 1:
            return False  # (i) after (h) is a letter
        if _doubled(inner) and _doubled(prev_inner) and ord(inner[0]) == ord(prev_inner[0]) + 1:
            return False  # (cc) after (bb), (ii) after (hh): letters past (z)
        if len(prev_inner) == 1 and set(prev_inner) <= _ROMAN_LETTERS:
            # (c) / (i) / (ii): a letter that is also a numeral ("c", "l", "x", "v") has a
            # roman list below it unless the label is the numeral after it ((v) / (vi))
            return _roman_value(inner) != _ROMAN_VALUES[prev_inner] + 1
        return not set(prev_inner) <= _ROMAN_LETTERS or prev_inner in ("h", "u", "w")

    def check_numbers(self, part: Part) -> None:
        """Report gaps and repeats in the operative numbering; numbers stay as printed."""
        expected = 1
        seen: dict[int, int] = {}
        for printed, line in part.numbers:
            digits = "".join(ch for ch in printed if ch.isdigit())
            value = int(digits)
            if value in seen:
                self.diagnostics.add(
                    "numbering-duplicate",
                    f"paragraph {printed} appears again (first at line {seen[value]}); "
                    "kept as printed",
                    line=line,
                )
            elif value != expected:
                self.diagnostics.add(
                    "numbering-gap",
                    f"paragraph {printed} where {expected}. was expected; kept as printed",
                    line=line,
                )
            seen.setdefault(value, line)
            expected = value + 1


_BARE_NUMBER = re.compile(r"(?P<num>\d{1,3})\s+(?=\S)")
_ROMAN_HEADING = re.compile(r"(?P<num>[IVXLC]{1,6}\.)\s+(?P<text>\S.*)")
"""A section heading's Roman number and its text on one line: "II. Financing"."""


def _label(printed: str) -> str:
    """A subparagraph label without the spaces set inside its brackets ("( a )" → "(a)"),
    a space between two letters kept as printed (the Arabic "(ب ب)")."""
    return _LABEL_SPACE.sub("", printed)


_LABEL_SPACE = re.compile(r"\s+(?!\w)|(?<!\w)\s+")


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_value(numeral: str) -> int:
    """The value of a lower-case roman numeral ("iv" → 4)."""
    values = [_ROMAN_VALUES[ch] for ch in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _chinese_numbered(label: str) -> bool:
    """Whether a label numbers in Chinese: "㈠" to "㈩", then "(十一)" on."""
    return "\u3220" <= label <= "\u3229" or (
        len(label) > 2 and label[0] in "(（" and set(label[1:-1]) <= _CHINESE_NUMERALS
    )


_CHINESE_NUMERALS = frozenset("一二三四五六七八九十")


def _doubled(label: str) -> bool:
    """Whether `label` is a letter doubled, as lists go on after (z): "aa", "bb"."""
    return len(label) == 2 and label[0] == label[1] and label.isalpha()


def _split_before(para: Para, skip: int, profile: LanguageProfile) -> tuple[Para, Para] | None:
    """`para` cut before its first line (after the first `skip`) that opens with
    preambular initial words, when the lines before it are a heading (no line ends a
    clause); None when there is no such line or the text cannot be cut there."""
    for k in range(max(skip, 1), len(para.lines)):
        line = para.lines[k]
        if para.lines[k - 1][-1:] in layout.PARAGRAPH_END:
            return None
        if not profile.preambular.match(line):
            continue
        position = para.text.find(line[:12], len(para.lines[0]))
        if position <= 0 and profile.joiner == "cjk":  # the text dropped spaces near Han
            position = para.text.find("".join(line.split())[:8], len(para.lines[0]))
        if position <= 0:
            return None
        markers = [(offset - position, m) for offset, m in para.markers if offset >= position]
        head = Para(
            para.text[:position].rstrip(),
            [(offset, m) for offset, m in para.markers if offset < position],
            para.line,
            para.first,
            para.lines[:k],
        )
        return head, Para(para.text[position:], markers, para.line, line, para.lines[k:])
    return None


def _opens_list(label: str, previous: str) -> bool:
    """Whether a subparagraph label after `previous` is the first of a list: (a), (i),
    (1), ①, ㈠, (أ), but not (i) after (h), a letter."""
    inner = label.strip("()（） ’‘")
    if inner == "i" and previous.strip("()（） ’‘") == "h":
        return False
    return inner in _FIRST_LABELS or label in _FIRST_LABELS


_FIRST_LABELS = frozenset(("a", "i", "1", "а", "أ", "\u2460", "\u3220", "一"))
"""The first label of a list, without its brackets, in every script the UN numbers in."""


def _joined(first: Inlines, sep: Text, second: Inlines) -> Inlines:
    """`first` and `second` as one text, `sep` between them, adjacent texts merged."""
    out: list[Inline] = []
    for piece in (*first, sep, *second):
        if isinstance(piece, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(text=out[-1].text + piece.text)
        else:
            out.append(piece)
    return tuple(out)


def _ends_sentence(inlines: Inlines) -> bool:
    """Whether text ends a sentence ("." or "。"), a footnote marker after it aside."""
    text = plain_text(inlines).rstrip()
    return text[-1:] in ".。"
