"""The UN's irregular shapes, read and written back with nothing lost.

The files are the unmodified examples in ``../shared/corpus/un-structures`` (a collection of
resolutions A and B, repeated preamble/mainBody pairs, sections with their own preamble,
tables, German) and the reference files. Every expectation is computed from the XML with
XPath, apart from the reader; character counts come from `tests.lossless`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import resconv
from resconv import native
from resconv.model import (
    Emphasis,
    Heading,
    Inlines,
    OperativeParagraph,
    Part,
    PreambularParagraph,
    Reference,
    Resolution,
    Table,
    Text,
    plain_text,
)
from tests import strategies
from tests.conftest import SEED
from tests.lossless import akn_body_text, missing, model_text
from tests.readers.test_akn_un_files import NS, squeeze
from tests.xpath import nodes, strings

STRUCTURES = sorted(
    f"corpus/un-structures/{name}"
    for name in (
        "A_RES_75_101.eng.xml",
        "A_RES_75_101.zho.xml",
        "A_RES_75_246.eng.xml",
        "A_RES_75_246.zho.xml",
        "A_RES_76_246.eng.xml",
        "A_RES_80_243.eng.xml",
        "A_RES_80_243.zho.xml",
        "A_RES_ES-11_5.deu.xml",
    )
)
REFERENCE = [
    f"reference/akn/ga/{name}"
    for name in (
        "A_RES_75_19.zho.xml",
        "A_RES_77_306.ara.xml",
        "A_RES_77_306.eng.xml",
        "A_RES_77_5.zho.xml",
        "A_RES_77_50.zho.xml",
        "A_RES_79_260.zho.xml",
    )
]


@pytest.fixture(params=STRUCTURES + REFERENCE, ids=lambda p: Path(p).name)
def un_file(request: pytest.FixtureRequest, shared_dir: Path) -> Path:
    path = shared_dir / request.param
    if not path.exists():
        pytest.skip(f"{request.param} is not in ../shared")
    return path


def structure(shared_dir: Path, name: str) -> tuple[Resolution, etree._Element]:
    path = shared_dir / "corpus" / "un-structures" / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared")
    return resconv.read(path).value, etree.parse(str(path)).getroot()


# -- nothing lost ----------------------------------------------------------------------------


def test_every_character_of_the_body_reaches_the_model_akn_and_json(un_file: Path) -> None:
    source = akn_body_text(un_file.read_bytes())
    model = resconv.read(un_file).value
    assert not missing(source, model_text(model))
    written = resconv.write(model, "akn")
    assert not missing(source, akn_body_text(written))
    assert native.loads(resconv.write(model, "json").decode()) == model


def test_written_back_validates_and_reads_back_the_same(un_file: Path) -> None:
    from resconv import validation

    model = resconv.read(un_file).value
    written = resconv.write(model, "akn")
    report = validation.validate(written)
    assert report.valid, str(report)
    assert not report.warnings
    assert resconv.read(written, format="akn").value == model


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=strategies.resolutions(structures=True))
def test_any_model_keeps_its_characters_in_akn_and_json(model: Resolution) -> None:
    written = resconv.write(model, "akn")
    assert not missing(model_text(model), akn_body_text(written))
    assert native.loads(resconv.write(model, "json").decode()) == model


def test_text_around_an_emphasis_of_spaces_alone_is_one_run() -> None:
    # Found by the property below: "0 " and "00" either side of a bold space came back as
    # two runs, and as one after a second pass through AKN.
    operative = OperativeParagraph(
        number="1.",
        initial_words="",
        content=(
            Text(text="0 "),
            Emphasis(content=(Text(text=" "),), bold=True, italic=False),
            Text(text="00"),
        ),
    )
    model = replace(resconv.read(SEED).value, operative=(operative,))
    once = resconv.read(resconv.write(model, "akn"), format="akn").value
    (paragraph,) = once.operative
    assert isinstance(paragraph, OperativeParagraph)
    assert paragraph.content == (Text(text="0 00"),)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=strategies.resolutions(structures=True))
def test_any_model_is_stable_after_one_pass_through_akn(model: Resolution) -> None:
    from resconv.akn.schema import xsd

    once = resconv.read(resconv.write(model, "akn"), format="akn").value
    written = resconv.write(once, "akn")
    assert resconv.read(written, format="akn").value == once
    assert len(once.components) == len(model.components)
    assert len(once.parts) == len(model.parts)
    assert xsd().validate(etree.ElementTree(etree.fromstring(written))), xsd().error_log


# -- each shape ------------------------------------------------------------------------------


def test_a_collection_holds_each_resolution_with_its_own_title_and_adoption(
    shared_dir: Path,
) -> None:
    model, root = structure(shared_dir, "A_RES_75_101.eng.xml")
    statements = nodes(root, "/a:akomaNtoso/a:components/a:component/a:statement", NS)
    assert len(model.components) == len(statements) == 2
    for component, statement in zip(model.components, statements, strict=True):
        (title,) = nodes(statement, "a:preface//a:docTitle", NS)
        assert squeeze(plain_text(component.title)) == squeeze("".join(map(str, title.itertext())))
        (letter,) = strings(statement, "a:preface//a:docNumber/text()", NS)
        assert component.number == f"{model.number} {letter.strip()}"
        containers = nodes(statement, "a:preamble/a:container", NS)
        assert len(component.preamble) == len(containers)
        assert component.adoption is not None and component.adoption.date is not None
    written = etree.fromstring(resconv.write(model, "akn"))
    assert len(nodes(written, "//a:documentCollection/a:collectionBody/a:component", NS)) == 2
    assert len(nodes(written, "/a:akomaNtoso/a:components/a:component/a:statement", NS)) == 2


def test_repeated_preamble_and_body_pairs_are_parts(shared_dir: Path) -> None:
    model, root = structure(shared_dir, "A_RES_80_243.eng.xml")
    preambles = nodes(root, "/a:akomaNtoso/a:statement/a:preamble", NS)
    with_own_preamble = [part for part in model.parts if part.preamble]
    assert len(with_own_preamble) == len(preambles) - 1  # the first holds the formula
    containers = nodes(root, "/a:akomaNtoso/a:statement/a:preamble/a:container", NS)
    assert sum(len(part.preamble) for part in model.parts) == len(containers)
    assert [part.number for part in model.parts[:3]] == ["I", "II", "III"]
    first = model.parts[0]
    assert plain_text(first.heading).startswith("Conditions of service")
    assert all(isinstance(p, PreambularParagraph) for p in first.preamble)
    assert isinstance(first.operative[0], OperativeParagraph)
    assert first.operative[0].number == "1."


def test_sections_with_their_own_preamble_are_parts(shared_dir: Path) -> None:
    model, root = structure(shared_dir, "A_RES_76_246.eng.xml")
    numbers = [
        " ".join(text.split())
        for text in strings(root, "//a:mainBody/a:subheading/text()", NS)
        if " ".join(text.split()).isupper() and len(text.split()) == 1
    ]
    assert [part.number for part in model.parts] == numbers
    preambular = nodes(root, "//a:crossHeading[@refersTo='#preamble']", NS)
    assert sum(len(part.preamble) for part in model.parts) == len(preambular)


def test_tables_keep_their_rows_cells_spans_and_alignment(shared_dir: Path) -> None:
    model, root = structure(shared_dir, "A_RES_75_246.eng.xml")
    tables = [block for block in model.operative if isinstance(block, Table)]
    sources = nodes(root, "//a:table", NS)
    assert len(tables) == len(sources) == 2
    for table, source in zip(tables, sources, strict=True):
        # an empty row (space under the header) prints as nothing and is left out
        rows = [tr for tr in nodes(source, "a:tr", NS) if "".join(map(str, tr.itertext())).strip()]
        assert len(table.rows) == len(rows)
        for row, tr in zip(table.rows, rows, strict=True):
            cells = nodes(tr, "a:th | a:td", NS)
            assert [squeeze(" ".join(plain_text(p) for p in c.content)) for c in row.cells] == [
                squeeze("".join(map(str, c.itertext()))) for c in cells
            ]
            assert [c.col_span for c in row.cells] == [int(c.get("colspan", "1")) for c in cells]
            assert row.header == all(etree.QName(c).localname == "th" for c in cells)
        justified = [
            c.get("{http://un.org/akn4un}data-justification")
            for tr in rows
            for c in tr.iter()
            if c.get("{http://un.org/akn4un}data-justification")
        ]
        aligned = [c.align for r in table.rows for c in r.cells if c.align]
        assert len(aligned) == len(justified)
    assert any(c.align == "right" for t in tables for r in t.rows for c in r.cells)


def references(inlines: Inlines) -> list[Reference]:
    out: list[Reference] = []
    for piece in inlines:
        if isinstance(piece, Reference):
            out.append(piece)
        if isinstance(piece, Reference | Emphasis):
            out.extend(references(piece.content))
    return out


def all_inlines(model: Resolution) -> list[Inlines]:
    out: list[Inlines] = [model.title]

    def paragraphs(items: object) -> None:
        for item in items:  # type: ignore[attr-defined]
            if isinstance(item, PreambularParagraph | OperativeParagraph):
                out.append(item.content)
                out.append(item.wrap_up)
                for sub in item.subparagraphs:
                    paragraphs((sub,))
            elif hasattr(item, "content") and isinstance(item.content, tuple):
                out.append(item.content)
                for sub in getattr(item, "subparagraphs", ()):
                    paragraphs((sub,))
                out.append(getattr(item, "wrap_up", ()))

    def part(p: Part) -> None:
        paragraphs(p.preamble)
        paragraphs(p.operative)
        for inner in p.parts:
            part(inner)

    paragraphs(model.preamble)
    paragraphs(model.operative)
    for p in model.parts:
        part(p)
    for component in model.components:
        out.extend(all_inlines(component))
    return out


@pytest.mark.parametrize("name", ["A_RES_80_243.eng.xml", "A_RES_ES-11_5.deu.xml"])
def test_every_link_of_the_text_is_a_reference_with_its_target(shared_dir: Path, name: str) -> None:
    model, root = structure(shared_dir, name)
    hrefs = strings(
        root,
        "//a:statement/*[not(self::a:meta or self::a:coverPage)]//a:a"
        "[not(ancestor::a:authorialNote)]/@href",
        NS,
    )
    found = [r.target for inlines in all_inlines(model) for r in references(inlines)]
    assert found == [h.strip() for h in hrefs]
    written = etree.fromstring(resconv.write(model, "akn"))
    refs = strings(written, "//a:statement//a:ref[not(ancestor::a:authorialNote)]/@href", NS)
    assert refs == found


def test_german_reads_with_its_initial_words_and_vote(shared_dir: Path) -> None:
    model, root = structure(shared_dir, "A_RES_ES-11_5.deu.xml")
    assert model.language == "de"
    names = strings(root, "//a:preamble/a:container/@name", NS)
    assert [p.initial_words for p in model.preamble] == [n.strip() for n in names]
    assert model.vote is not None
    assert len(model.vote.in_favour_names) == model.vote.in_favour == 94
    assert model.adoption is not None and model.adoption.meeting is not None
    for fmt in ("akn", "json"):
        assert resconv.write(model, fmt)


def test_emphasis_inside_the_text_is_kept_but_initial_words_are_not_emphasis(
    shared_dir: Path,
) -> None:
    model, root = structure(shared_dir, "A_RES_75_246.eng.xml")

    def emphasis(inlines: Inlines) -> list[Emphasis]:
        return [p for p in inlines if isinstance(p, Emphasis)]

    for paragraph in model.preamble:
        assert not any(
            plain_text(e.content) == paragraph.initial_words for e in emphasis(paragraph.content)
        )
    inner = nodes(
        root,
        "//a:mainBody//a:p/a:span[@class='italic'][preceding-sibling::node()[normalize-space()]]",
        NS,
    )
    kept = [e for inlines in all_inlines(model) for e in emphasis(inlines) if e.italic]
    assert len(kept) >= len([s for s in inner if not nodes(s, "ancestor::a:table", NS)])


# -- headings and annexes as print shows them --------------------------------------------------


def _dev(shared_dir: Path, name: str) -> Resolution:
    path = shared_dir / "corpus" / "dev" / "akn" / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared")
    return resconv.read(path).value


def test_an_annex_title_set_in_its_body_and_bold_numbered_headings(shared_dir: Path) -> None:
    """75/129: no docTitle; the body opens with the title, then "I." over a bold
    ".\tEstablishment" and "1." (the UN's mark-up of a numbered heading)."""
    [annex] = _dev(shared_dir, "A-RES-75-129.eng.xml").annexes
    assert plain_text(annex.title).startswith("Terms of reference of the trust fund")
    first, second = annex.body[:2]
    assert isinstance(first, Heading) and first.number == "I."
    assert isinstance(second, OperativeParagraph) and second.number == "1."


def test_a_part_number_set_apart_numbers_its_heading(shared_dir: Path) -> None:
    """74/4: "I" as an empty numbered paragraph before "Nuestro compromiso"; in Chinese,
    "二\t我们所处的当今世界" as one plain paragraph and the title glued to "附件"."""
    [annex] = _dev(shared_dir, "A-RES-74-4.spa.xml").annexes
    headings = [(b.number, plain_text(b.text)) for b in annex.body if isinstance(b, Heading)]
    assert headings[:2] == [("I", "Nuestro compromiso"), ("II", "Nuestro mundo actual")]
    assert not any(isinstance(b, OperativeParagraph) and not b.content for b in annex.body)
    [chinese] = _dev(shared_dir, "A-RES-74-4.zho.xml").annexes
    assert plain_text(chinese.title).startswith("为在今后十年采取行动")
    numbers = [b.number for b in chinese.body if isinstance(b, Heading)]
    assert numbers == ["一", "二", "三"]


def test_lettered_paragraphs_after_their_paragraph_are_its_subparagraphs(
    shared_dir: Path,
) -> None:
    """75/32 ru: "а)" (a Cyrillic letter) and "b)" as unnumbered paragraphs after "1." and
    "2."; 76/113: "(a)" and "(b)" after an unnumbered paragraph ending with a colon."""
    model = _dev(shared_dir, "A-RES-75-32.rus.xml")
    first = model.operative[0]
    assert isinstance(first, OperativeParagraph)
    assert [sub.number for sub in first.subparagraphs] == ["а)", "b)"]
    assert all(isinstance(b, OperativeParagraph) and b.number for b in model.operative)
    [annex] = _dev(shared_dir, "A-RES-76-113.eng.xml").annexes
    opening = next(b for b in annex.body if isinstance(b, OperativeParagraph) and b.subparagraphs)
    assert plain_text(opening.content).endswith("through:")
    assert [sub.number for sub in opening.subparagraphs] == ["(a)", "(b)"]
