"""The text reader against the UN's own Akoma Ntoso of the same English resolutions."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from resconv import xmlsafe
from resconv.model import Heading, OperativeParagraph, Resolution, plain_text
from resconv.readers.text.reader import TextReader

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
CASES = ["A-RES-80-1.en.pdf.txt", "A-RES-80-7.en.pdf.txt", "A-RES-80-40.en.reflowed.txt"]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _text(element: Any) -> str:
    """The text of an element without the footnote bodies the UN puts inline."""
    out = [element.text or ""]
    for child in element:
        if child.tag != AKN + "authorialNote":
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _un(path: Path) -> dict[str, Any]:
    tree = xmlsafe.parse(path.read_bytes(), source=str(path))
    root = tree.getroot()
    preamble = [_norm(_text(c.find(AKN + "p"))) for c in root.iter(AKN + "container")]
    operative = []
    for para in root.find(f".//{AKN}mainBody").iter(AKN + "paragraph"):
        lead = para.find(f"{AKN}content/{AKN}p")
        if lead is None:
            lead = para.find(f".//{AKN}intro/{AKN}p")
        points = [
            (p.findtext(AKN + "num"), _norm(_text(p.find(f"{AKN}content/{AKN}p"))))
            for p in para.iter(AKN + "point")
        ]
        span = para.find(f".//{AKN}span")
        operative.append(
            (para.findtext(AKN + "num"), _norm(_text(lead)), points, _norm(span.text or ""))
        )
    notes = {
        n.get("marker"): _norm(_text(n.find(AKN + "p"))) for n in root.iter(AKN + "authorialNote")
    }
    conclusions = root.find(f".//{AKN}conclusions")
    return {
        "preamble": preamble,
        "operative": operative,
        "notes": notes,
        "meeting": _norm(conclusions.findtext(f".//{AKN}location")),
        "date": conclusions.find(f".//{AKN}docDate").get("date"),
        "initial": [c.get("name") for c in root.iter(AKN + "container")],
        "title": _norm(_text(root.find(f".//{AKN}preface//{AKN}docTitle"))),
        "number": root.findtext(f".//{AKN}preface//{AKN}docNumber").rstrip("."),
    }


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest, shared_dir: Path) -> tuple[Resolution, dict[str, Any]]:
    corpus = shared_dir / "corpus" / "en"
    name = request.param
    result = TextReader().read((corpus / name).read_bytes(), source=name)
    akn = corpus / (name.split(".en.")[0] + ".en.akn.xml")
    return result.value, _un(akn)


def test_number_title_and_language(case: tuple[Resolution, dict[str, Any]]) -> None:
    model, un = case
    assert model.language == "en"
    assert model.number == un["number"]
    assert model.symbol == "A/RES/" + un["number"]
    assert _norm(plain_text(model.title)) == un["title"]
    assert model.authority == "The General Assembly,"


def test_preamble_matches_the_un_text(case: tuple[Resolution, dict[str, Any]]) -> None:
    model, un = case
    assert [_norm(plain_text(p.content)) for p in model.preamble] == un["preamble"]


def test_preambular_initial_words_match_the_un_markup(
    case: tuple[Resolution, dict[str, Any]],
) -> None:
    model, un = case
    assert [p.initial_words for p in model.preamble] == un["initial"]


def test_operative_paragraphs_match_numbers_texts_and_subparagraphs(
    case: tuple[Resolution, dict[str, Any]],
) -> None:
    model, un = case
    ours = [b for b in model.operative if isinstance(b, OperativeParagraph)]
    assert not [b for b in model.operative if isinstance(b, Heading)]
    assert [b.number for b in ours] == [num for num, *_ in un["operative"]]
    assert [_norm(plain_text(b.content)) for b in ours] == [t for _, t, *_ in un["operative"]]
    for block, (_, _, points, _) in zip(ours, un["operative"], strict=False):
        got = [(s.number, _norm(plain_text(s.content))) for s in block.subparagraphs]
        assert got == points


def test_operative_initial_words_agree_with_the_un_italics(
    case: tuple[Resolution, dict[str, Any]],
) -> None:
    # The UN sometimes italicises a longer phrase ("Reaffirms its strong support"): ours
    # must then be its leading words, never something else.
    model, un = case
    ours = [b.initial_words for b in model.operative if isinstance(b, OperativeParagraph)]
    theirs = [span for *_, span in un["operative"]]
    for mine, un_words in zip(ours, theirs, strict=True):
        assert mine and un_words.startswith(mine)
    assert sum(a == b for a, b in zip(ours, theirs, strict=False)) >= 0.8 * len(theirs)


def test_footnotes_match_the_un_notes(case: tuple[Resolution, dict[str, Any]]) -> None:
    model, un = case
    assert {f.marker: f.text for f in model.footnotes} == un["notes"]
    assert [f.marker for f in model.footnotes] == sorted(un["notes"], key=int)


def test_adoption_date_and_meeting(case: tuple[Resolution, dict[str, Any]]) -> None:
    model, un = case
    assert model.adoption is not None
    assert model.adoption.date == dt.date.fromisoformat(un["date"])
    assert model.adoption.meeting_text == un["meeting"]
    assert model.adoption.meeting == int("".join(c for c in un["meeting"] if c.isdigit()))


def test_running_headers_and_page_furniture_never_reach_the_text(
    case: tuple[Resolution, dict[str, Any]],
) -> None:
    model, _ = case
    everything = " ".join(
        plain_text(b.content)
        for b in (*model.preamble, *model.operative)
        if not isinstance(b, Heading)
    )
    assert model.symbol not in everything
    assert "_____" not in everything
    assert not re.search(r"(?<![\d/])\d/\d(?![\d/])", everything)  # page numbers "2/2"
    assert model.cover.job_number is None or model.cover.job_number.split()[0] not in everything
