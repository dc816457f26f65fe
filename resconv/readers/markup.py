"""The Markdown that the PDF and DOCX readers hand to the text reader, and back.

Both readers write what the file shows as Markdown-like text: one paragraph a line,
`*…*` around the emphasised words that open a paragraph, `[^n]` markers and `[^n]: …`
definitions. A PDF or Word file says which words open a paragraph in italics (bold in
Chinese); the text reader, reading plain text, can only guess them from its lexicon.
So after it has read the Markdown, each paragraph whose opening `*…*` run is a prefix of
its text takes those words as its initial words (`apply_initial_words`). Paragraphs are
matched by their text, so nothing else of the reading changes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from resconv.diagnostics import Diagnostic
from resconv.lang.script import wide_pattern
from resconv.lang.votes import VOTE_WORDS
from resconv.model import (
    Annex,
    Block,
    Heading,
    OperativeParagraph,
    Paragraph,
    Part,
    PreambularParagraph,
    Resolution,
    Table,
    Text,
    Vote,
    plain_text,
)

__all__ = [
    "LABEL",
    "TITLE",
    "RecordedVote",
    "apply_initial_words",
    "apply_plain_paragraphs",
    "apply_tables",
    "apply_vote",
    "emphasis_styles",
    "heading_lines",
    "mark_initial",
    "mend_roman_start",
    "mostly_cjk",
    "plain_key",
    "table_mark",
    "take_vote",
]

TITLE = re.compile(r"\s*(?:ES-|S-)?\d{1,3}/\d{1,4}(?:\s?[A-Z])?\s*[.．-]")
"""The start of the number-and-title line: "67/38.", "74/10 -"."""
LABEL = re.compile(
    r"\s*(?:\d{1,3}\s*[.．]|[０-９]{1,3}\s*．|[(（]\s*[a-zа-я\u0600-\u06ff]{1,2}\s*[)）]"
    r"|[(（]?\s*[ivxlc]{1,6}\s*[)）]|[a-zа-я]{1,2}\)|[\u3220-\u3229]|[\u0660-\u0669\d]{1,3}\s*-)\s*"
)
"""An operative number or subparagraph letter printed at the head of a paragraph."""


_BLANK = re.compile(r"\s")


def mostly_cjk(text: str) -> bool:
    """Chinese text: lines join without a space, and bold (not italic) marks initial words."""
    visible = len(text) - len(_BLANK.findall(text))
    return len(wide_pattern().findall(text)) > 0.3 * visible


def emphasis_styles(text: str) -> tuple[bool, bool]:
    """Whether italic, and whether bold, marks the initial words of a paragraph of `text`.

    Latin and Cyrillic print them in italics, Chinese in bold (its faces have no
    italic); Arabic faces have no italic either, and producers print them bold, bold
    italic or slanted, so both count.
    """
    letters = sum(1 for char in text if char.isalpha()) or 1  # numbers, signs aside
    if len(wide_pattern().findall(text)) > 0.5 * letters:
        return False, True
    return True, len(_RTL_LETTERS.findall(text)) > 0.3 * letters


_RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def heading_lines(text: str) -> str:
    """A heading printed with its number on one line ("I Our commitment", "A. Scope"),
    as the text reader reads a heading: the number on a line of its own, then the text."""
    number = _HEADING_NUMBER.match(text)
    if number is None or not text[number.end() :][:1].isupper():
        return text
    return f"{number.group(1)}\n\n{text[number.end() :]}"


_HEADING_NUMBER = re.compile(r"((?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.?|[A-Z]\.)[ \t\u00a0]+")
"""A part's number: a Roman numeral up to XXXIX, or a capital letter with its full stop."""


def mend_roman_start(markdown: str) -> str:
    """A letter numbering a paragraph followed by "(ii)": the "(i)" a list numbering
    carried on as a letter ("(a)", "(i)" shown by Word as "(a)", "(b)"), put back.

    A letter list never runs straight into "(ii)", so the letter can only stand for
    "(i)"; the file shows the wrong number, the paragraph's place says the right one.
    """
    lines = markdown.split("\n")
    labelled = [(i, _SUB_LABEL.match(line)) for i, line in enumerate(lines)]
    numbered = [(i, found) for i, found in labelled if found is not None]
    for (at, label), (_, following) in itertools.pairwise(numbered):
        if (
            label.group("letter") not in (None, "i")
            and following.group("roman") == "ii"
            and (label.group("open"), label.group("close"))
            == (following.group("open"), following.group("close"))
        ):
            lines[at] = f"{label.group('open')}i{label.group('close')}" + lines[at][label.end() :]
    return "\n".join(lines)


_SUB_LABEL = re.compile(
    r"(?P<open>\(?)(?:(?P<letter>[a-z])|(?P<roman>[ivx]{2,5}))(?P<close>\))(?= )"
)


def mark_initial(text: str, runs: list[tuple[str, bool]]) -> str:
    """`text` with `*…*` around the emphasised words it opens with, after its number.

    `runs` are the paragraph's first pieces of text with whether each is emphasised;
    nothing is marked when the emphasis is not a proper prefix of the text (a paragraph
    set wholly in italics, a title).
    """
    label = LABEL.match(text)
    offset = label.end() if label else 0
    consumed = 0
    emphasised = ""
    started = False
    for run, strong in runs:
        if consumed + len(run) <= offset and not started:
            consumed += len(run)
            continue
        if consumed < offset and not started:
            run = run[offset - consumed :]
            consumed = offset
        if strong and run.strip():
            started = True
            emphasised += run
        elif run.strip():
            break
        elif started:
            emphasised += run
    words = _LAYOUT_SPACE.sub(" ", emphasised).strip()
    head = text[offset:]
    if not words or not head.startswith(words) or not head[len(words) :].strip():
        return text
    return f"{text[:offset]}*{words}*{head[len(words) :]}"


_OPENING = re.compile(r"^(?P<label>[^*\n]{0,12}?)\*(?P<words>[^*\n]+)\*(?P<rest>.*)$", re.MULTILINE)
_NOTE = re.compile(r"\[\^[^\]]*\]")
_LAYOUT_SPACE = re.compile(r"[ \t\r\n\f\v]+")
"""Whitespace of the layout; a no-break space is text."""
_SPACE = re.compile(r"\s+")
_KEY_LENGTH = 80


def apply_initial_words(resolution: Resolution, markdown: str) -> Resolution:
    """`resolution` with the initial words of the paragraphs `markdown` emphasises."""
    printed: dict[str, str] = {}
    for match in _OPENING.finditer(markdown):
        words = match.group("words").strip()
        text = _NOTE.sub("", words + match.group("rest"))
        printed.setdefault(_key(text), words)
    if not printed:
        return resolution
    preamble = tuple(_preambular(p, printed) for p in resolution.preamble)
    operative = tuple(_block(b, printed) for b in resolution.operative)
    annexes = tuple(_annex(a, printed) for a in resolution.annexes)
    if (preamble, operative, annexes) == (
        resolution.preamble,
        resolution.operative,
        resolution.annexes,
    ):
        return resolution
    return replace(resolution, preamble=preamble, operative=operative, annexes=annexes)


def _key(text: str) -> str:
    return _SPACE.sub("", text)[:_KEY_LENGTH]


def _words_for(text: str, printed: dict[str, str]) -> str | None:
    """The printed words that open `text`, in `text`'s own spacing: none ("") when the
    file printed none for it, while it prints them for other paragraphs (then the file,
    not the lexicon, says which paragraphs open with initial words)."""
    words = printed.get(_key(text))
    if words is None:
        return ""
    wanted = _SPACE.sub("", words)
    taken = 0
    for index, char in enumerate(text):
        if not char.isspace():
            taken += 1
        if taken == len(wanted):
            prefix = text[: index + 1]
            return prefix if _SPACE.sub("", prefix) == wanted else None
    return None


def _preambular(paragraph: PreambularParagraph, printed: dict[str, str]) -> PreambularParagraph:
    words = _words_for(plain_text(paragraph.content), printed)
    if words is None or words == paragraph.initial_words:
        return paragraph
    return replace(paragraph, initial_words=words)


def _block(block: Block, printed: dict[str, str]) -> Block:
    if not isinstance(block, OperativeParagraph):
        return block
    words = _words_for(plain_text(block.content), printed)
    if words is None or words == block.initial_words:
        return block
    return replace(block, initial_words=words)


def _annex(annex: Annex, printed: dict[str, str]) -> Annex:
    return replace(
        annex,
        preamble=tuple(_preambular(p, printed) for p in annex.preamble),
        body=tuple(_block(b, printed) for b in annex.body),
    )


def plain_key(text: str) -> str:
    """How a paragraph's text is looked up: its first characters, spaces and markers aside."""
    return _key(_NOTE.sub("", text))


def apply_plain_paragraphs(resolution: Resolution, plain: set[str]) -> Resolution:
    """`resolution` with its unnumbered headings that the file sets as running text
    (`plain`: not centred, not bold, not in a heading's style) made unnumbered
    paragraphs again.

    Plain text cannot tell a short unpunctuated paragraph ("El Salvador" in a list of
    names, "Guideline 1") from a heading, and the text reader takes it for one; the
    file says which it is."""
    if not plain:
        return resolution

    def block(item: Block) -> Block:
        if (
            isinstance(item, Heading)
            and item.number is None
            and plain_key(plain_text(item.text)) in plain
        ):
            return OperativeParagraph(number=None, initial_words="", content=item.text)
        return item

    def part(item: Part) -> Part:
        return replace(
            item,
            operative=tuple(block(b) for b in item.operative),
            parts=tuple(part(p) for p in item.parts),
        )

    operative = tuple(block(b) for b in resolution.operative)
    parts = tuple(part(p) for p in resolution.parts)
    annexes = tuple(
        replace(
            apart,
            body=tuple(block(b) for b in apart.body),
            parts=tuple(part(p) for p in apart.parts),
        )
        for apart in (_title_apart(annex, plain) for annex in resolution.annexes)
    )
    if (operative, parts, annexes) == (resolution.operative, resolution.parts, resolution.annexes):
        return resolution
    return replace(resolution, operative=operative, parts=parts, annexes=annexes)


def _title_apart(annex: Annex, plain: set[str]) -> Annex:
    """`annex` with the paragraphs set as running text that the text reader ran on into
    its title (in Chinese, where no capital tells a title's next line from a heading)
    put back at the head of its body. The text reader adds each line to the title as a
    piece of its own."""
    title = list(annex.title)
    moved: list[Text] = []
    while len(title) > 1 and not annex.preamble:
        last = title[-1]
        if not isinstance(last, Text):
            break
        if not last.text.strip():
            if not moved:
                break
            title.pop()  # the separator the reader put between two lines
            continue
        if plain_key(last.text) not in plain:
            break
        moved.insert(0, last)
        title.pop()
    while title and isinstance(title[-1], Text) and not title[-1].text.strip():
        title.pop()
    if not moved or not title:
        return annex
    paragraphs = tuple(
        OperativeParagraph(number=None, initial_words="", content=(Text(text=piece.text.strip()),))
        for piece in moved
    )
    return replace(annex, title=tuple(title), body=(*paragraphs, *annex.body))


RecordedVote = dict[str, tuple[str, ...]]
"""The States named on each side of a recorded vote: "in_favour", "against", "abstaining"."""


def take_vote(markdown: str) -> tuple[str, RecordedVote]:
    """`markdown` without the recorded vote printed after the adoption, and the vote.

    A Word file (and its PDF) may list the States voting on each side, each side a
    paragraph opening with its label ("In favour:", "赞成："); the labels are the
    languages' own (`resconv.lang.votes`). They are no paragraphs of the resolution.
    """
    found: RecordedVote = {}
    plain = markdown.replace("*", "")
    if not any(label in plain for label in _VOTE_STARTS):
        # Speed: most texts print no vote; every line found to hold no label one by one
        # was 0.9 M instructions of the seed's 20.8 M warm read (callgrind).
        return markdown, found
    lines = markdown.split("\n")
    kept = []
    index = 0
    while index < len(lines):
        line = lines[index]
        side = _vote_side(line)
        following = None
        if side is None and _vote_label(line):
            following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        if following is not None:
            # The label alone, the names on the next line (a list too long to follow it).
            side = _vote_side(line.rstrip() + " " + lines[following].strip())
            if side is not None:
                kept.extend([""] * (following - index))
                index = following
        if side is None:
            kept.append(line)
            index += 1
            continue
        kept.append("")  # the line stays, empty: positions in the text do not move
        key, separator, names = side
        found[key] = tuple(n.strip() for n in names.split(separator.strip()) if n.strip())
        index += 1
    return "\n".join(kept), found


_VOTE_LABELS: tuple[tuple[str, str, str], ...] = tuple(
    (label, key, words.separator)
    for words in VOTE_WORDS.values()
    for key, label in (
        ("in_favour", words.in_favour),
        ("against", words.against),
        ("abstaining", words.abstaining),
    )
)
"""Every language's vote labels with their side and name separator, in `VOTE_WORDS` order."""
_VOTE_STARTS = tuple(label for label, _, _ in _VOTE_LABELS)
"""The labels alone: one `startswith` over all of them passes over most lines at once
(trying each language's labels in turn was a quarter of reading a text)."""


def _vote_label(line: str) -> bool:
    return line.replace("*", "").strip() in _VOTE_STARTS


def _vote_side(line: str) -> tuple[str, str, str] | None:
    plain = line.replace("*", "").strip()
    if not plain.startswith(_VOTE_STARTS):
        return None
    for label, key, separator in _VOTE_LABELS:
        if plain.startswith(label) and len(plain) > len(label):
            return key, separator, plain[len(label) :]
    return None


def apply_vote(resolution: Resolution, recorded: RecordedVote) -> Resolution:
    """`resolution` with the recorded vote its file printed."""
    if not recorded:
        return resolution
    names = {key: recorded.get(key, ()) for key in ("in_favour", "against", "abstaining")}
    return replace(
        resolution,
        vote=Vote(
            outcome="adoptedRecordedVote",
            in_favour=len(names["in_favour"]),
            against=len(names["against"]),
            abstaining=len(names["abstaining"]),
            in_favour_names=names["in_favour"],
            against_names=names["against"],
            abstaining_names=names["abstaining"],
        ),
    )


def table_mark(index: int) -> str:
    """The line that stands for table `index` in the Markdown: the text reader takes it
    for a paragraph of its own, which `apply_tables` then replaces by the table."""
    return f"\ue000table {index}\ue000"


def apply_tables(
    resolution: Resolution, tables: list[Table], markdown: str
) -> tuple[Resolution, list[Diagnostic]]:
    """`resolution` with each table where the file printed it.

    A file shows a table as a table (Word's `w:tbl`, a PDF's columns), so the reader
    hands it over whole rather than as lines for the text reader to guess at. The table
    takes the place of its mark when the text reader kept the mark as a block of its
    own, or else follows the paragraph printed before it.
    """
    if not tables:
        return resolution, []
    marks = {table_mark(index): table for index, table in enumerate(tables)}
    after = _printed_before(markdown, marks)
    placed: set[str] = set()

    def blocks(items: tuple[Block, ...], fallback: bool) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in items:
            mark = _mark_of(block)
            if not fallback and mark in marks:
                placed.add(mark)
                out.append(marks[mark])
                continue
            out.append(block)
            key = _key(_block_text(block)) if fallback else ""
            for mark, before in after.items():
                if mark not in placed and key and key == before:
                    placed.add(mark)
                    out.append(marks[mark])
        return tuple(out)

    def part(item: Part, fallback: bool) -> Part:
        return replace(
            item,
            operative=blocks(item.operative, fallback),
            parts=tuple(part(p, fallback) for p in item.parts),
        )

    for fallback in (False, True):
        if fallback and len(placed) == len(marks):
            break
        resolution = replace(
            resolution,
            operative=blocks(resolution.operative, fallback),
            parts=tuple(part(p, fallback) for p in resolution.parts),
            annexes=tuple(replace(a, body=blocks(a.body, fallback)) for a in resolution.annexes),
        )
    warnings = [
        Diagnostic(
            code="table-not-placed",
            message=f"a table of {len(table.rows)} rows found no place among the blocks "
            "the text reader made of its surroundings; left out",
        )
        for mark, table in marks.items()
        if mark not in placed
    ]
    return resolution, warnings


def _mark_of(block: Block) -> str | None:
    if isinstance(block, Heading) and block.number is None:
        return plain_text(block.text).strip()
    if isinstance(block, (Paragraph, OperativeParagraph)):
        if isinstance(block, OperativeParagraph) and block.number is not None:
            return None
        return plain_text(block.content).strip()
    return None


def _block_text(block: Block) -> str:
    if isinstance(block, Heading):
        return plain_text(block.text)
    if isinstance(block, (Paragraph, OperativeParagraph)):
        return plain_text(block.content)
    return ""


def _printed_before(markdown: str, marks: dict[str, Table]) -> dict[str, str]:
    """Each mark's preceding paragraph in the Markdown, as a key of its text."""
    found: dict[str, str] = {}
    previous = ""
    for line in markdown.split("\n"):
        if line in marks:
            found[line] = previous
        elif line.strip():
            label = LABEL.match(line)
            text = line[label.end() :] if label else line
            previous = _key(_NOTE.sub("", text).replace("*", ""))
    return found
