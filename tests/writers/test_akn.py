"""The Akoma Ntoso writer: structure, eIds, FRBR, determinism and schema validity."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import resconv
from resconv import build as b
from resconv.akn.eid import EidGenerator, clean_num
from resconv.akn.schema import AKN_NS
from resconv.errors import StructureError
from resconv.model import CoverPage, Resolution, Vote
from resconv.validation import validate
from resconv.writers import get_writer
from resconv.writers.akn.writer import AknWriter
from tests.strategies import resolutions
from tests.xpath import nodes, strings

NS = {"a": AKN_NS}
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "A-RES-67-38.zh.txt"
GOLDEN = ROOT / "fixtures" / "A-RES-67-38.zh" / "akn.xml"
WORK = "/akn/un/statement/deliberation/unga/2012-12-03/67-38"


def sample(**changes: object) -> Resolution:
    """A small Chinese resolution that exercises every part of the writer."""
    base = b.resolution(
        language="zh",
        title="促进<裁军> & 不扩散领域的多边主义",
        authority="大会，",
        preamble=[
            b.preambular("决心促进《宪章》", b.ref("1"), "，", initial_words="决心"),
            b.preambular("无起首词的段落，"),
            b.preambular(
                "回顾下列决议：",
                initial_words="回顾",
                subparagraphs=[
                    b.subparagraph("(a)", "第56/24T号决议；"),
                    b.subparagraph("(b)", "第57/63号决议，"),
                ],
            ),
        ],
        operative=[
            b.operative("重申多边主义；", b.ref("2"), number="1.", initial_words="重申"),
            b.heading("执行情况", number="I"),
            b.operative(
                "请秘书长：",
                number="2.",
                initial_words="请",
                subparagraphs=[
                    b.subparagraph("(a)", "征求意见；", b.ref("1")),
                    b.subparagraph(
                        "(b)",
                        "提出报告，包括：",
                        subparagraphs=[
                            b.subparagraph("㈠", "答复；"),
                            b.subparagraph("㈡", "建议；"),
                        ],
                        wrap_up="并分发报告；",
                    ),
                ],
                wrap_up="以便审议；",
            ),
            b.heading("后续", level=2),
            b.operative("决定继续审议。", number="3.", initial_words="决定"),
            b.operative("重复的编号。", number="3."),
            b.operative("无编号。"),
        ],
        footnotes=[b.footnote("1", "第55/2号决议。"), b.footnote("2")],
        adoption=b.adoption(
            "2012年12月3日", "第48次全体会议", date=dt.date(2012, 12, 3), meeting=48
        ),
        annexes=[
            b.annex("附件", title="行动纲领", body=[b.operative("附件段落", number="1.")]),
        ],
        cover=CoverPage(
            distribution="General",
            distribution_date=dt.date(2013, 1, 4),
            distribution_date_text="4 January 2013",
            session_text="第六十七届会议",
            agenda_item="94",
            agenda_title="全面彻底裁军",
            committee_line="[根据第一委员会的报告(A/67/409)通过]",
            job_number="12-48321 (C)",
        ),
        vote=Vote(outcome="adoptedRecordedVote", in_favour=127, against=5, abstaining=49),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def texts(root: etree._Element, path: str) -> list[str]:
    return ["".join(map(str, node.itertext())) for node in nodes(root, path, NS)]


def values(root: etree._Element, path: str) -> list[str]:
    return strings(root, path, NS)


@pytest.fixture(scope="module")
def sample_xml() -> bytes:
    return AknWriter().write(sample())


# -- registration, bytes, determinism ------------------------------------------------------


def test_registered_under_akn() -> None:
    writer = get_writer("akn")
    assert isinstance(writer, AknWriter)
    assert (writer.name, writer.suffix, writer.media_type) == ("akn", ".xml", "application/akn+xml")


def test_output_is_pretty_printed_utf8_with_declaration(sample_xml: bytes) -> None:
    assert sample_xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso')
    assert '<span class="bold">决心</span>促进《宪章》'.encode() in sample_xml
    assert b"\n    <meta>\n" in sample_xml


def test_same_model_gives_same_bytes(sample_xml: bytes) -> None:
    assert AknWriter().write(sample()) == sample_xml


def test_xml_special_characters_are_escaped(sample_xml: bytes) -> None:
    assert "促进&lt;裁军&gt; &amp; 不扩散".encode() in sample_xml
    assert texts(parse(sample_xml), "//a:docTitle")[0] == "促进<裁军> & 不扩散领域的多边主义"


def test_sample_is_valid_against_xsd_and_profile(sample_xml: bytes) -> None:
    report = validate(sample_xml)
    assert report.valid, str(report)
    assert report.warnings == [], str(report)


# -- metadata --------------------------------------------------------------------------


def test_frbr_iris_follow_akn4un(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    ident = "/a:akomaNtoso/a:statement/a:meta/a:identification"
    assert values(root, f"{ident}/a:FRBRWork/a:FRBRthis/@value") == [WORK + "/!main"]
    assert values(root, f"{ident}/a:FRBRWork/a:FRBRuri/@value") == [WORK]
    assert values(root, f"{ident}/a:FRBRExpression/a:FRBRthis/@value") == [WORK + "/zho@/!main"]
    assert values(root, f"{ident}/a:FRBRExpression/a:FRBRuri/@value") == [WORK + "/zho@"]
    assert values(root, f"{ident}/a:FRBRManifestation/a:FRBRthis/@value") == [
        WORK + "/zho@/!main.xml"
    ]
    assert values(root, f"{ident}/a:FRBRManifestation/a:FRBRuri/@value") == [WORK + "/zho@.xml"]
    assert values(root, f"{ident}/a:FRBRExpression/a:FRBRlanguage/@language") == ["zho"]
    assert values(root, f"{ident}/a:FRBRWork/a:FRBRalias[@name='symbol']/@value") == ["A/RES/67/38"]
    assert values(root, f"{ident}/a:FRBRWork/a:FRBRnumber/@showAs") == ["67/38"]


@pytest.mark.parametrize(
    ("lang", "code", "style"),
    [("ar", "ara", "italic"), ("en", "eng", "italic"), ("fr", "fra", "italic"),
     ("ru", "rus", "italic"), ("es", "spa", "italic"), ("zh", "zho", "bold")],
)  # fmt: skip
def test_language_gives_code_and_initial_words_style(lang: str, code: str, style: str) -> None:
    root = parse(AknWriter().write(sample(language=lang)))
    assert values(root, "//a:FRBRlanguage/@language") == [code] * 2  # main and annex
    assert values(root, "//a:container[@name='决心']/a:p/a:span/@class") == [style]
    assert values(root, "//a:paragraph[@eId='para_1']//a:span/@class") == [style]


def test_manifestation_date_comes_from_the_model_not_the_clock() -> None:
    root = parse(AknWriter().write(sample(cover=CoverPage())))
    assert set(values(root, "//a:FRBRdate/@date")) == {"2012-12-03"}


def test_missing_adoption_date_raises_structure_error_naming_the_field() -> None:
    undated = sample(adoption=b.adoption(meeting_text="x", meeting=48))
    with pytest.raises(StructureError, match=r"adoption\.date"):
        AknWriter().write(undated)
    with pytest.raises(StructureError, match=r"adoption\.date"):
        AknWriter().write(sample(adoption=None))


def test_unknown_language_is_a_structure_error() -> None:
    with pytest.raises(StructureError, match="language"):
        AknWriter().write(sample(language="nl"))


def test_every_reference_resolves_to_an_eid(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    eids = set(values(root, "//@eId"))
    refs = values(root, "//@href[starts-with(., '#')] | //@refersTo | //@as | //@source")
    assert refs
    assert {ref[1:] for ref in refs} <= eids


def test_vote_goes_to_parliamentary_analysis(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    voting = "//a:meta/a:analysis/a:parliamentary/a:voting"
    assert values(root, f"{voting}/@outcome") == ["adoptedRecordedVote"]
    assert values(root, f"{voting}/a:count/@value") == ["127", "5", "49"]
    assert values(root, f"{voting}/a:count/@refersTo") == ["#inFavour", "#against", "#abstaining"]


def test_cover_page_keeps_what_the_model_has(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    cover = "//a:coverPage"
    assert texts(root, f"{cover}//a:docNumber") == ["A/RES/67/38"]
    assert texts(root, f"{cover}//a:docProponent") == ["[根据第一委员会的报告(A/67/409)通过]"]
    assert texts(root, f"{cover}//a:docketNumber") == ["12-48321 (C)"]
    assert values(root, f"{cover}//a:docDate/@date") == ["2013-01-04"]
    assert values(root, f"{cover}//a:session/@value") == ["67"]


def test_no_cover_page_when_the_model_has_none() -> None:
    root = parse(AknWriter().write(sample(cover=CoverPage())))
    assert nodes(root, "//a:coverPage", NS) == []


# -- body ------------------------------------------------------------------------------


def test_preface_and_preamble(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    assert texts(root, "//a:preface//a:docNumber") == ["67/38."]
    assert values(root, "//a:preamble/a:formula/@name") == ["enactingFormula"]
    assert texts(root, "//a:preamble/a:formula/a:p") == ["大会，"]
    containers = "/a:akomaNtoso/a:statement/a:preamble/a:container"
    assert values(root, f"{containers}/@name") == ["决心", "preambularParagraph", "回顾"]
    assert values(root, f"{containers}/@eId") == [f"preamble__container_{k}" for k in (1, 2, 3)]
    assert values(root, f"{containers}[3]/a:blockList/a:item/@eId") == [
        "preamble__container_3__list_1__item_a",
        "preamble__container_3__list_1__item_b",
    ]


def test_subparagraph_eids_nest_and_use_ascii_for_cjk_numbers(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    points = values(root, "//a:paragraph[a:num='2.']//a:point/@eId")
    assert points == [
        "para_2__list_1__point_a",
        "para_2__list_1__point_b",
        "para_2__list_1__point_b__list_1__point_i",
        "para_2__list_1__point_b__list_1__point_ii",
    ]
    assert texts(root, "//a:point[@eId='para_2__list_1__point_b__list_1__point_i']/a:num") == ["㈠"]
    assert values(root, "//a:paragraph[a:num='2.']/a:list/a:wrapUp/@eId") == [
        "para_2__list_1__wrapup"
    ]
    assert texts(root, "//a:point[@eId='para_2__list_1__point_b']/a:list/a:wrapUp/a:p") == [
        "并分发报告；"
    ]


def test_duplicate_and_missing_numbers_get_distinct_eids(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    eids = values(root, "/a:akomaNtoso/a:statement/a:mainBody//a:paragraph/@eId")
    assert eids == ["para_1", "para_2", "para_3", "para_3_2", "para_nn_1"]
    all_eids = values(root, "//@eId")
    assert len(all_eids) == len(set(all_eids))


def test_headings_become_sections_that_group_the_following_paragraphs(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    section = nodes(root, "//a:mainBody/a:section", NS)
    assert [s.get("eId") for s in section] == ["sec_I"]
    assert texts(section[0], "a:num") == ["I"]
    assert texts(section[0], "a:heading") == ["执行情况"]
    assert values(section[0], "a:paragraph/a:num/text()") == ["2."]
    assert values(section[0], "a:subsection/@eId") == ["sec_I__subsec_nn_1"]
    assert values(section[0], "a:subsection/a:paragraph/@eId") == [
        "para_3",
        "para_3_2",
        "para_nn_1",
    ]
    assert values(root, "/a:akomaNtoso/a:statement/a:mainBody/a:paragraph/@eId") == ["para_1"]


def test_footnotes_are_authorial_notes_at_the_marker(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    note = nodes(root, "//a:authorialNote[@marker='1']", NS)
    assert len(note) == 1
    assert note[0].get("eId") == "authorialNote_1"
    assert note[0].get("placement") == "bottom"
    assert texts(note[0], "a:p") == ["第55/2号决议。"]
    span = note[0].getprevious()
    assert (span.text, span.tail, note[0].tail) == ("决心", "促进《宪章》", "，")


def test_footnote_without_text_is_marked_unknown_and_empty(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    (note,) = nodes(root, "//a:authorialNote[@marker='2']", NS)
    assert note.get("status") == "unknown"
    assert [child.tag for child in note] == [f"{{{NS['a']}}}p"]
    assert "".join(map(str, note.itertext())) == ""


def test_second_reference_to_a_footnote_is_a_note_ref(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    assert values(root, "//a:noteRef/@href") == ["#authorialNote_1"]
    assert values(root, "//a:noteRef/ancestor::a:point[1]/@eId") == ["para_2__list_1__point_a"]


def test_conclusions_hold_meeting_and_date(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    assert texts(root, "//a:conclusions//a:event") == ["第48次全体会议"]
    assert values(root, "//a:conclusions//a:event/@refersTo") == ["#plenaryMeeting48"]
    assert values(root, "//a:conclusions//a:docDate/@date") == ["2012-12-03"]
    assert texts(root, "//a:conclusions//a:docDate") == ["2012年12月3日"]


def test_annex_is_an_attachment_with_its_own_identification(sample_xml: bytes) -> None:
    root = parse(sample_xml)
    (doc,) = nodes(root, "//a:attachments/a:attachment[@eId='att_1']/a:doc", NS)
    assert doc.get("name") == "annex"
    assert values(doc, "a:meta//a:FRBRExpression/a:FRBRthis/@value") == [WORK + "/zho@/!annex_1"]
    assert texts(doc, "a:preface//a:docType") == ["附件"]
    assert texts(doc, "a:preface//a:docTitle") == ["行动纲领"]
    assert values(doc, "a:mainBody/a:paragraph/@eId") == ["att_1__para_1"]


def test_numbering_that_restarts_per_section_is_prefixed_by_the_section() -> None:
    blocks = (
        b.heading("Part A", number="A."),
        b.operative("a1", number="1."),
        b.heading("Part B", number="B."),
        b.operative("b1", number="1."),
    )
    root = parse(AknWriter().write(sample(operative=blocks)))
    assert values(root, "/a:akomaNtoso/a:statement/a:mainBody//a:paragraph/@eId") == [
        "sec_A__para_1",
        "sec_B__para_1",
    ]


def test_clean_num_and_generator() -> None:
    assert [clean_num(n) for n in ("1.", "1．", "(a)", "㈢", "（十二）", "(ii)", "(ب)", "")] == [
        "1", "1", "a", "iii", "xii", "ii", "b", "",
    ]  # fmt: skip
    ids = EidGenerator()
    assert ids.numbered("paragraph", "", "1.") == "para_1"
    assert ids.numbered("paragraph", "", "1") == "para_1_2"
    assert ids.numbered("paragraph", "", "*") == "para_nn_1"
    assert ids.counted("list", "para_1") == "para_1__list_1"
    assert ids.counted("list", "para_1") == "para_1__list_2"


# -- properties ------------------------------------------------------------------------


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_any_model_writes_valid_akn_with_unique_eids(resolution: Resolution) -> None:
    data = AknWriter().write(resolution)
    report = validate(data)
    assert report.valid, str(report)
    assert report.warnings == [], str(report)
    eids = values(parse(data), "//@eId")
    assert len(eids) == len(set(eids))
    assert AknWriter().write(resolution) == data


# -- the seed, read by the text reader -------------------------------------------------


@pytest.fixture(scope="module")
def seed_model() -> Resolution:
    return resconv.read(SEED).value


@pytest.fixture(scope="module")
def seed_xml(seed_model: Resolution) -> bytes:
    return AknWriter().write(seed_model)


def test_seed_validates_and_has_its_identity(seed_xml: bytes) -> None:
    report = validate(seed_xml)
    assert report.valid, str(report)
    root = parse(seed_xml)
    assert values(root, "//a:FRBRWork/a:FRBRuri/@value") == [WORK]
    assert values(root, "//a:FRBRlanguage/@language") == ["zho"]
    assert texts(root, "//a:preface//a:docNumber") == ["67/38."]
    assert texts(root, "//a:preface//a:docTitle") == ["促进裁军和不扩散领域的多边主义"]
    assert texts(root, "//a:preamble/a:formula/a:p") == ["大会，"]


def test_seed_structure(seed_xml: bytes) -> None:
    root = parse(seed_xml)
    assert len(nodes(root, "//a:preamble/a:container", NS)) == 14
    assert values(root, "//a:mainBody/a:paragraph/a:num/text()") == [f"{n}." for n in range(1, 10)]
    assert values(root, "//a:mainBody/a:paragraph/@eId") == [f"para_{n}" for n in range(1, 10)]
    assert values(root, "//a:conclusions//a:docDate/@date") == ["2012-12-03"]
    assert values(root, "//a:conclusions//a:event/@refersTo") == ["#plenaryMeeting48"]


def _text_before(node: etree._Element) -> str:
    """The text of `node`'s paragraph before it (the note's marker)."""
    parent = node.getparent()
    assert parent is not None
    out = [parent.text or ""]
    for child in parent:
        if child is node:
            break
        out += ["".join(map(str, child.itertext())), child.tail or ""]
    return "".join(out)


def test_seed_footnotes_sit_right_after_the_text_carrying_the_marker(seed_xml: bytes) -> None:
    root = parse(seed_xml)
    notes = nodes(root, "//a:authorialNote", NS)
    assert [n.get("marker") for n in notes] == ["1", "2", "3"]
    before = [_text_before(n) for n in notes]  # the numbers before notes 2 and 3 are links
    assert before[0] == "还回顾《联合国千年宣言》，"
    assert before[1].endswith("多边主义的第66/32号决议，")
    assert before[2] == "表示注意到秘书长依照第66/32号决议提出的报告，"
    assert [n.tail[:4] for n in notes] == ["其中特别", "并强调按", "其中载有"]
    assert all(n.get("status") == "unknown" for n in notes)  # the seed prints no note text


def test_seed_converts_to_identical_bytes_twice(seed_model: Resolution, seed_xml: bytes) -> None:
    assert AknWriter().write(seed_model) == seed_xml
    assert resconv.convert(SEED, ["akn"]).outputs["akn"] == seed_xml


def test_seed_matches_golden(seed_xml: bytes, update_goldens: bool) -> None:
    if update_goldens:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(seed_xml)
    assert GOLDEN.exists(), f"{GOLDEN} is missing: write it with make golden, review it, commit it"
    assert seed_xml == GOLDEN.read_bytes(), "AKN differs from the golden file (--update-goldens)"


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        (b'eId="para_2"', b'eId="para_1"', None),
        (b'      <FRBRcountry value="un"/>\n', b"", None),
        (b'<FRBRlanguage language="zho"/>', b'<FRBRlanguage language="chi"/>', "language-code"),
    ],
    ids=["duplicate-eid", "no-frbr-country", "bad-language"],
)
def test_seed_broken_copies_are_rejected_with_a_line(
    seed_xml: bytes, old: bytes, new: bytes, rule: str | None
) -> None:
    broken = seed_xml.replace(old, new, 1)
    report = validate(broken)
    assert not report.valid
    issue = report.errors[0] if rule is None else next(i for i in report.errors if i.rule == rule)
    assert issue.line is not None
    assert 1 < issue.line < broken.count(b"\n")
