"""References recognised in text: symbols and resolution numbers, in every language, linked
as the UN links them; checked against the UN's own links on its files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import resconv
from resconv import build as b
from resconv.model import Reference, Resolution, iter_leaves, plain_text
from resconv.readers.references import find_citations, recognise_references
from tests import strategies
from tests.linkcheck import links, unlinked
from tests.lossless import model_text


def cited(text: str, language: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.symbol) for c in find_citations(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Recalling its resolution 66/32,", [("66/32", "A/RES/66/32")]),
        ("fr", "Rappelant sa résolution 66/32,", [("66/32", "A/RES/66/32")]),
        ("es", "Recordando su resolución 66/32,", [("66/32", "A/RES/66/32")]),
        ("ru", "ссылаясь на свою резолюцию 66/32,", [("66/32", "A/RES/66/32")]),
        ("ar", "وإذ تشير إلى القرار 66/32،", [("66/32", "A/RES/66/32")]),
        ("zh", "回顾其第66/32号决议，", [("66/32", "A/RES/66/32")]),
        ("de", "unter Hinweis auf ihre Resolution 66/32,", [("66/32", "A/RES/66/32")]),
        ("en", "See A/RES/67/38, annex.", [("A/RES/67/38", "A/RES/67/38")]),
        ("en", "the report (A/77/612).", [("A/77/612", "A/77/612")]),
        ("en", "Recalls S/RES/2661 (2022);", [("S/RES/2661 (2022)", "S/RES/2661(2022)")]),
        ("zh", "见E/2019/28。", [("E/2019/28", "E/2019/28")]),
        ("en", "See A/79/6 (Sect. 3)/Add.4.", [("A/79/6 (Sect. 3)/Add.4", "A/79/6(Sect.3)/Add.4")]),
        ("en", "A/55/530-S/2000/1052, annex", [("A/55/530-S/2000/1052", "A/55/530")]),
    ],
)
def test_symbols_and_resolution_numbers_in_every_language(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert cited(text, language) == expected


def test_every_number_of_a_list_is_cited_and_the_body_decides_the_symbol() -> None:
    text = (
        "Recalling its resolutions 72/266 A of 24 December 2017 and 74/262, 74/264 A to C "
        "and 1514 (XV), 2200 A (XXI) and ES-11/1, Human Rights Council resolution 39/4, "
        "Economic and Social Council resolution 2013/5 and Security Council resolutions "
        "1325 (2000) and 2661 (2022)"
    )
    assert cited(text, "en") == [
        ("72/266", "A/RES/72/266"),
        ("74/262", "A/RES/74/262"),
        ("74/264", "A/RES/74/264"),
        ("1514 (XV)", "A/RES/1514(XV)"),
        ("2200 A (XXI)", "A/RES/2200(XXI)"),
        ("ES-11/1", "A/RES/ES-11/1"),
        ("39/4", "A/HRC/RES/39/4"),
        ("2013/5", "E/RES/2013/5"),
        ("1325 (2000)", "S/RES/1325(2000)"),
        ("2661 (2022)", "S/RES/2661(2022)"),
    ]
    assert cited("la résolution 39/4 du Conseil des droits de l’homme", "fr") == [
        ("39/4", "A/HRC/RES/39/4")
    ]
    assert cited("резолюцию 39/4 Совета по правам человека", "ru") == [("39/4", "A/HRC/RES/39/4")]
    assert cited("وقرار مجلس حقوق الإنسان 56/2 والقرار 1541 (د-15)", "ar") == [
        ("56/2", "A/HRC/RES/56/2"),
        ("1541 (د-15)", "A/RES/1541(XV)"),
    ]
    chinese = (
        "回顾2017年12月24日第72/266 A号和第74/262号决议以及安全理事会第1718(2006)、2375(2017)号决议"
    )
    assert cited(chinese, "zh") == [
        ("72/266", "A/RES/72/266"),
        ("74/262", "A/RES/74/262"),
        ("1718(2006)", "S/RES/1718(2006)"),
        ("2375(2017)", "S/RES/2375(2017)"),
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "its decisions 75/526 and 78/516"),  # decisions: the UN does not link them
        ("en", "resolution 66/32 and its decision 78/516"),  # the list stops at "decision"
        ("en", "Commission resolution 2005/69"),  # a year: whose resolution is not said
        ("en", "Council resolution 5/1"),  # before the Assembly numbered "31/1": not its own
        ("zh", "第78/516号决定"),  # 决定 (decision), not 决议
        ("en", "1/2 of the members; HIV/AIDS and UN/DESA"),
    ],
)
def test_what_cannot_be_told_apart_stays_text(language: str, text: str) -> None:
    assert [symbol for _, symbol in cited(text, language)] == [
        s for s in ("A/RES/66/32",) if "66/32" in text
    ]


@pytest.mark.parametrize(
    ("note", "target"),
    [
        ("Resolution 217 A (III).", "https://undocs.org/en/A/RES/217(III)"),
        ("See resolution 1514 (XV).", "https://undocs.org/en/A/RES/1514(XV)"),
        ("A/79/1.", "https://undocs.org/en/A/79/1"),
    ],
)
def test_a_note_that_is_only_a_citation_is_linked(note: str, target: str) -> None:
    model = b.resolution(
        operative=[b.operative("Text", b.ref("1"), number="1.")], footnotes=[b.footnote("1", note)]
    )
    (got,) = recognise_references(model).footnotes
    assert got.content is not None
    assert [p.target for p in got.content if isinstance(p, Reference)] == [target]


def test_a_model_gets_references_with_the_uns_targets_and_keeps_its_text() -> None:
    model = b.resolution(
        language="zh",
        title="第66/32号决议的标题",
        preamble=[b.preambular("回顾其第66/32号决议", b.ref("1"), "，")],
        footnotes=[b.footnote("1", "A/67/100。")],
    )
    got = recognise_references(model)
    (paragraph,) = got.preamble
    reference = paragraph.content[1]
    assert isinstance(reference, Reference)
    assert (reference.target, reference.kind) == (
        "https://undocs.org/ch/A/RES/66/32",
        "resolution",
    )
    (note,) = got.footnotes
    assert note.content is not None and isinstance(note.content[0], Reference)
    assert note.content[0].target == "https://undocs.org/ch/A/67/100"
    assert got.title == model.title  # a title is not linked
    assert model_text(got) == model_text(model)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=strategies.resolutions(structures=True))
def test_recognising_keeps_every_character_and_marker_and_twice_is_once(model: Resolution) -> None:
    got = recognise_references(model)
    assert model_text(got) == model_text(model)
    assert recognise_references(got) == got

    def markers(r: Resolution) -> list[str]:
        return [
            p.marker
            for block in r.operative
            if hasattr(block, "content")
            for p in iter_leaves(block.content)
            if not hasattr(p, "text")
        ]

    assert markers(got) == markers(model)


# -- against the UN's own links -------------------------------------------------------------

DEV_FILES = (
    "A-RES-74-10.eng.xml",
    "A-RES-74-10.fra.xml",
    "A-RES-74-10.spa.xml",
    "A-RES-74-10.rus.xml",
    "A-RES-74-110.zho.xml",
    "A-RES-76-183.ara.xml",
)


def _agreement(
    theirs: Counter[tuple[str, str]], ours: Counter[tuple[str, str]]
) -> tuple[float, float]:
    right = sum((theirs & ours).values())
    return right / max(sum(ours.values()), 1), right / max(sum(theirs.values()), 1)


def test_the_text_of_the_uns_files_gets_the_uns_links_back(shared_dir: Path) -> None:
    theirs: Counter[tuple[str, str]] = Counter()
    ours: Counter[tuple[str, str]] = Counter()
    for name in DEV_FILES:
        model = resconv.read(shared_dir / "corpus" / "dev" / "akn" / name).value
        linked = links(model)[0]
        assert sum(linked.values()) >= 5  # each file links documents: the check is not vacuous
        theirs += linked
        ours += links(recognise_references(unlinked(model)))[0]
    precision, recall = _agreement(theirs, ours)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


@pytest.mark.parametrize("to", ["docx", "pdf"])
def test_word_and_pdf_files_read_back_with_the_uns_links(shared_dir: Path, to: str) -> None:
    """resconv's DOCX and PDF of the UN's files, read back: their links are recognised
    from the text, and agree with those of the UN's mark-up."""
    theirs: Counter[tuple[str, str]] = Counter()
    ours: Counter[tuple[str, str]] = Counter()
    for name in DEV_FILES:
        model = resconv.read(shared_dir / "corpus" / "dev" / "akn" / name).value
        theirs += links(model)[0]
        ours += links(resconv.read(resconv.write(model, to)).value)[0]
    precision, recall = _agreement(theirs, ours)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_a_uns_pdf_links_the_symbol_of_its_note(shared_dir: Path) -> None:
    model = resconv.read(shared_dir / "corpus" / "pdf" / "A_RES_73_8-EN.pdf").value
    note = model.footnotes[0]
    assert note.text == "A/73/85."
    assert note.content is not None and isinstance(note.content[0], Reference)
    assert note.content[0].target == "https://undocs.org/en/A/73/85"
    assert "72/4" in {plain_text(r.content) for r in _references(model)}  # "resolution 72/4;"


def _references(model: Resolution) -> list[Reference]:
    found: list[Reference] = []
    for block in model.operative:
        for piece in getattr(block, "content", ()):
            if isinstance(piece, Reference):
                found.append(piece)
    return found
