"""The AKN reader takes an adoption meeting printed as the body's closing lines for the adoption.

Some of the UN's files have no meeting in their conclusions and print it as the last,
unnumbered paragraphs of the body instead. The cases below move the meeting of a real UN
file there, as those files do, and check that it is read back as the adoption.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import resconv
from resconv.model import OperativeParagraph, plain_text
from resconv.validation import validate

_MEETING = re.compile(r'<inline name="adoptionMeeting"[^>]*>[^<]*</inline>\s*<eol\s*/>')


def _meeting_moved_to_body(original: bytes, *closing_lines: str) -> bytes:
    """`original` with its conclusions' meeting taken out and `closing_lines` closing the body."""
    text = original.decode()
    assert _MEETING.search(text)
    paragraphs = "".join(
        f'<paragraph eId="para_closing_{k}"><content><p xml:space="preserve">'
        f'<span class="italic">{line}</span></p></content></paragraph>\n'
        for k, line in enumerate(closing_lines)
    )
    text = _MEETING.sub("", text).replace("</mainBody>", paragraphs + "</mainBody>", 1)
    return text.encode()


def _un_file(shared_dir: Path, language: str) -> bytes:
    return (shared_dir / "reference" / "akn" / "ga" / f"A_RES_77_306.{language}.xml").read_bytes()


@pytest.mark.parametrize(
    ("language", "lines", "meeting_text"),
    [
        ("ara", ["الجلسة العامة (المستأنفة) 87"], "الجلسة العامة (المستأنفة) 87"),
        ("rus", ["87‑е пленарное заседание 30 июня 2023 года"], "87‑е пленарное заседание"),
        ("spa", ["87a sesión plenaria", "30 de junio de 2023"], "87a sesión plenaria"),
    ],
)
def test_closing_lines_are_read_as_the_adoption(
    shared_dir: Path, language: str, lines: list[str], meeting_text: str
) -> None:
    original = resconv.read_bytes(_un_file(shared_dir, language), format="akn").value
    moved = _meeting_moved_to_body(_un_file(shared_dir, language), *lines)
    result = resconv.read_bytes(moved, format="akn")
    model = result.value
    assert model.adoption is not None and original.adoption is not None
    assert model.adoption.meeting == original.adoption.meeting == 87
    assert model.adoption.meeting_text == meeting_text
    assert model.adoption.date == original.adoption.date
    assert model.operative == original.operative  # the lines left the body
    assert [d.code for d in result.diagnostics].count("akn-meeting-in-body") == len(lines)
    report = validate(resconv.write(model, "akn"))
    assert report.valid and "conclusions-meeting" not in {i.rule for i in report.warnings}


def test_a_paragraph_mentioning_a_meeting_stays_in_the_body(shared_dir: Path) -> None:
    sentence = "Decide examinar la cuestión en su 87a sesión plenaria, junto con el informe."
    moved = _meeting_moved_to_body(_un_file(shared_dir, "spa"), sentence)
    model = resconv.read_bytes(moved, format="akn").value
    assert model.adoption is not None and model.adoption.meeting is None
    last = model.operative[-1]
    assert isinstance(last, OperativeParagraph) and plain_text(last.content) == sentence
    report = validate(resconv.write(model, "akn"))
    assert report.valid
    assert [i.rule for i in report.warnings] == ["conclusions-meeting"]


def test_a_body_that_is_only_a_meeting_line_keeps_it(shared_dir: Path) -> None:
    text = _meeting_moved_to_body(_un_file(shared_dir, "spa"), "87a sesión plenaria").decode()
    start = text.index(">", text.index("<mainBody")) + 1
    only = text[:start] + text[text.index('<paragraph eId="para_closing_0">') :]
    model = resconv.read_bytes(only.encode(), format="akn").value
    assert model.adoption is not None and model.adoption.meeting is None
    assert len(model.operative) == 1
