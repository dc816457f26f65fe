"""`resconv.validation.validate`: the OASIS XSD, the AKN4UN profile, and how issues are reported."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

import pytest
from lxml import etree

from resconv import build as b
from resconv.errors import InputDecodeError, InputNotFoundError, UnsafeInputError
from resconv.model import Resolution
from resconv.validation import ValidationReport, validate
from resconv.writers.akn.writer import AknWriter

SHARED = Path(__file__).resolve().parents[2] / "shared"
UN_FILES = sorted([*SHARED.glob("reference/akn/*/*.xml"), *SHARED.glob("corpus/en/*.akn.xml")])


def _model() -> Resolution:
    return b.resolution(
        title="Promotion of multilateralism",
        preamble=[
            b.preambular(
                "Recalling the Millennium Declaration,", b.ref("1"), initial_words="Recalling"
            )
        ],
        operative=[
            b.operative(
                "Requests the Secretary-General:",
                number="1.",
                initial_words="Requests",
                subparagraphs=[b.subparagraph("(a)", "to report;")],
            ),
            b.operative("Decides.", number="2.", initial_words="Decides"),
        ],
        adoption=b.adoption(
            "3 December 2012", "48th plenary meeting", date=dt.date(2012, 12, 3), meeting=48
        ),
    )


@pytest.fixture(scope="module")
def good() -> bytes:
    return AknWriter().write(_model())


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def test_resconv_output_is_valid_without_warnings(good: bytes) -> None:
    report = validate(good)
    assert isinstance(report, ValidationReport)
    assert report.valid
    assert (report.errors, report.warnings, str(report)) == ([], [], "")


def test_validates_a_path_and_names_it(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "res.xml"
    path.write_bytes(good.replace(b"para_2", b"para_1"))
    report = validate(path)
    assert not report.valid
    assert report.source == str(path)
    assert str(report).startswith(f"{path}:")


def test_duplicate_eid_is_an_xsd_error_with_line_and_eid(good: bytes) -> None:
    broken = good.replace(b'eId="para_2"', b'eId="para_1"')
    report = validate(broken)
    assert not report.valid
    (issue,) = [i for i in report.errors if i.source == "xsd"]
    assert "para_1" in issue.message
    assert "{http" not in issue.message  # the AKN namespace is left out of messages
    assert issue.line == _line_of(broken, b'<paragraph eId="para_1">\n        <num>2.')
    assert issue.eid == "para_1"


def test_missing_frbr_country_is_an_error_at_its_line(good: bytes) -> None:
    broken = good.replace(b'          <FRBRcountry value="un"/>\n', b"")
    report = validate(broken)
    assert not report.valid
    xsd = [i for i in report.errors if i.source == "xsd"]
    assert xsd and "FRBRsubtype" in xsd[0].message
    assert xsd[0].line == _line_of(broken, b"<FRBRsubtype")
    assert "work-country" in {i.rule for i in report.errors}


def test_profile_finds_what_the_xsd_accepts(good: bytes) -> None:
    broken = (
        good.replace(b'language="eng"', b'language="chi"')
        .replace(b'refersTo="#adoptionDate"', b'refersTo="#nowhere"')
        .replace(b'name="resolution"', b'name="report"')
        .replace(b'marker="1" ', b'marker=" " ')
    )
    report = validate(broken)
    assert [i for i in report.errors if i.source == "xsd"] == []
    rules = {i.rule for i in report.errors}
    assert {
        "statement-resolution",
        "language-code",
        "expression-language",
        "note-marker",
    } <= rules
    dangling = next(i for i in report.warnings if i.rule == "refersTo-resolves")
    assert dangling.eid == "conclusions__container_1"
    assert dangling.line == _line_of(broken, b"#nowhere")


def test_missing_conclusions_meeting_is_a_profile_warning(good: bytes) -> None:
    """AKN4UN does not require the meeting, and some of the UN's sources print none."""
    broken = re.sub(rb"<event [^>]*>[^<]*</event><eol/>", b"", good)
    report = validate(broken)
    assert report.valid
    assert [i.rule for i in report.warnings] == ["conclusions-meeting"]


def test_conventions_are_warnings_not_errors(good: bytes) -> None:
    renamed = good.replace(b'"para_1"', b'"para_16"').replace(
        b"preamble__container_1", b"container_2"
    )
    report = validate(renamed)
    assert report.valid
    assert {i.rule for i in report.warnings} == {"eid-paragraph-number", "eid-container-shape"}
    line = next(i for i in report.warnings if i.rule == "eid-paragraph-number")
    assert line.format("x.xml") == (
        f"x.xml:{_line_of(renamed, b'para_16')}: warning: [para_16] "
        'Paragraph "1." has eId "para_16"; the naming convention gives para_1.'
    )


def test_profile_can_be_skipped(good: bytes) -> None:
    report = validate(good.replace(b'language="eng"', b'language="deu"'), profile=False)
    assert report.valid


def test_unsafe_xml_is_refused(good: bytes) -> None:
    doctype = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    with pytest.raises(UnsafeInputError):
        validate(good.replace(b"?>\n", b"?>\n" + doctype, 1))


def test_malformed_xml_is_a_decode_error_with_line(good: bytes) -> None:
    with pytest.raises(InputDecodeError) as caught:
        validate(good.replace(b"</preface>", b"</prefaces>"))
    assert caught.value.line == _line_of(good, b"</preface>")


def test_missing_file_is_input_not_found(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        validate(tmp_path / "absent.xml")


@pytest.mark.parametrize("path", UN_FILES, ids=[p.name for p in UN_FILES])
def test_un_files_pass_the_xsd(shared_dir: Path, path: Path) -> None:
    report = validate(path)
    assert [i for i in report.errors if i.source == "xsd"] == []


def test_un_files_are_valid_with_warnings_for_dangling_references(shared_dir: Path) -> None:
    """The UN's files point at TLCs they never define (#adoptionDate, #DGACM, #un): AKN4UN
    says references SHOULD resolve, so these are warnings and the files are valid."""
    found: set[str] = set()
    for path in UN_FILES:
        report = validate(path)
        assert report.valid, str(report)
        found.update(str(issue.rule) for issue in report.warnings)
        assert all(i.line is not None for i in report.warnings)
    assert {"refersTo-resolves", "source-resolves"} <= found


def test_report_lines_are_file_line_severity_eid_message(shared_dir: Path) -> None:
    path = shared_dir / "reference" / "akn" / "ga" / "A_RES_75_19.zho.xml"
    lines = str(validate(path)).splitlines()
    assert lines
    pattern = re.compile(rf"^{re.escape(str(path))}:\d+: (error|warning): (\[[^\]]+\] )?\S")
    assert all(pattern.match(line) for line in lines), lines
    assert any('refersTo="#adoptionDate"' in line and "[conclusions]" in line for line in lines)


_COLLECTION = (
    b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    b'<documentCollection name="resolution"><collectionBody>'
    b'<component eId="cmp_1"><documentRef href="#cmp_9"/></component>'
    b'<component eId="cmp_2"><interstitial/></component>'
    b"</collectionBody></documentCollection></akomaNtoso>"
)

BREAKS: dict[str, list[tuple[bytes, bytes]]] = {
    "statement-resolution": [(b'name="resolution"', b'name="report"')],
    "work-uri-shape": [(b'unga/2012-12-03/67-38"', b'unga/12-03/67-38"')],
    "work-this-shape": [(b'67-38/!main"', b'67-38!main"')],
    "work-date": [(b'<FRBRdate date="2012-12-03"', b'<FRBRdate date="2012-12-04"')],
    "work-country": [(b'FRBRcountry value="un"', b'FRBRcountry value="ch"')],
    "iri-trailing-slash": [(b'unga/2012-12-03/67-38"', b'unga/2012-12-03/67-38/"')],
    "language-code": [(b'language="eng"', b'language="chi"')],
    "expression-uri-shape": [(b'/67-38/eng@"', b'/67-38/eng"')],
    "expression-language": [(b'language="eng"', b'language="fra"')],
    "expression-this-shape": [(b'eng@/!main"', b'eng@/main"')],
    "expression-component-slash": [(b'eng@/!main"', b'eng@!main"')],
    "expression-trailing-slash": [(b'/67-38/eng@"', b'/67-38/eng@/"')],
    "manifestation-uri-shape": [(b'eng@.xml"', b'eng@.x-ml"')],
    "manifestation-this-shape": [(b'eng@/!main.xml"', b'eng@/!main"')],
    "enacting-formula": [(b'name="enactingFormula"', b'name="formula"')],
    "preamble-container": [
        (b'<container name="Recalling"', b'<blockContainer name="Recalling"'),
        (b"</container>\n    </preamble>", b"</blockContainer>\n    </preamble>"),
    ],
    "container-name": [(b'name="Recalling"', b'name=" "')],
    "note-marker": [(b'marker="1"', b'marker=" "')],
    "note-placement": [(b' placement="bottom"', b"")],
    "conclusions-date": [(b'<docDate date="2012-12-03"', b"<docDate")],
    "conclusions-meeting": [
        (b'<event refersTo="#plenaryMeeting48">48th plenary meeting</event>', b"")
    ],
    "conclusions-date-matches": [(b'<docDate date="2012-12-03"', b'<docDate date="2012-12-04"')],
    "href-resolves": [(b'href="#ga"', b'href="#gx"')],
    "refersTo-resolves": [(b'refersTo="#adoptionDate"', b'refersTo="#nowhere"')],
    "as-resolves": [(b'as="#author"', b'as="#nobody"')],
    "source-resolves": [(b'source="#resconv"', b'source="#nobody"')],
    "by-resolves": [(b'by="#ga"', b'by="#gx"')],
    "outcome-resolves": [(b'outcome="#adopted"', b'outcome="#rejected"')],
    "eid-paragraph-number": [(b'<paragraph eId="para_2">', b'<paragraph eId="para_7">')],
    "eid-point-shape": [(b'eId="para_1__list_1__point_a"', b'eId="point_a"')],
    "eid-container-shape": [(b"preamble__container_1", b"container_2")],
    "eid-missing": [(b'<paragraph eId="para_2">', b"<paragraph>")],
}
"""For each profile rule, the edits of resconv's valid output that break it."""
COLLECTION_RULES = ("component-resolution", "component-ref-resolves")


def _broken(good: bytes, rule: str) -> bytes:
    if rule in COLLECTION_RULES:
        return _COLLECTION
    data = good
    for old, new in BREAKS[rule]:
        assert old in data, (rule, old)
        data = data.replace(old, new, 1)
    return data


def test_every_profile_rule_has_a_breaking_case() -> None:
    from resconv.akn import schema

    assert schema.profile().ids == {*BREAKS, *COLLECTION_RULES}


@pytest.mark.parametrize("rule", [*BREAKS, *COLLECTION_RULES])
def test_each_profile_rule_fires_on_a_document_breaking_it(good: bytes, rule: str) -> None:
    report = validate(_broken(good, rule))
    assert rule in {i.rule for i in [*report.errors, *report.warnings] if i.source == "profile"}
    assert rule not in {i.rule for i in validate(good).issues}


def _isoschematron_findings(data: bytes) -> list[tuple[str | None, str | None, str]]:
    """What lxml's XSLT implementation of ISO Schematron reports for `data` (the reference)."""
    from lxml import etree, isoschematron  # type: ignore[attr-defined]

    from resconv.akn import schema

    svrl = "{http://purl.oclc.org/dsdl/svrl}"
    checker = isoschematron.Schematron(etree.parse(str(schema.PROFILE_PATH)), store_report=True)
    checker.validate(etree.ElementTree(etree.fromstring(data)))
    return [
        (
            node.get("id"),
            node.get("role"),
            " ".join("".join(node.find(svrl + "text").itertext()).split()),
        )
        for node in checker.validation_report.getroot().iter(
            svrl + "failed-assert", svrl + "successful-report"
        )
    ]


def _resconv_findings(data: bytes) -> list[tuple[str | None, str | None, str]]:
    from lxml import etree

    from resconv.akn import schema

    tree = etree.ElementTree(etree.fromstring(data))
    return [(f.rule, f.role, f.message) for f in schema.profile().check(tree)]


def test_profile_findings_equal_isoschematron_on_every_broken_case(good: bytes) -> None:
    for rule in [*BREAKS, *COLLECTION_RULES]:
        data = _broken(good, rule)
        assert _resconv_findings(data) == _isoschematron_findings(data), rule


def test_profile_findings_equal_isoschematron_on_the_un_files(shared_dir: Path) -> None:
    assert UN_FILES
    for path in UN_FILES:
        data = path.read_bytes()
        assert _resconv_findings(data) == _isoschematron_findings(data), path.name


def test_threads_validating_at_once_each_get_their_own_findings(good: bytes) -> None:
    # The compiled schema and profile are shared by the process: neither the XSD's error
    # log nor the profile's key() index may leak from one thread's document to another's.
    from concurrent.futures import ThreadPoolExecutor

    documents = [_broken(good, rule) for rule in [*BREAKS, *COLLECTION_RULES]]

    def findings(data: bytes) -> list[tuple[str, str | None, int | None, str]]:
        return [(i.source, i.rule, i.line, i.message) for i in validate(data).issues]

    alone = {data: findings(data) for data in documents}
    assert any(source == "xsd" for found in alone.values() for source, *_ in found)
    with ThreadPoolExecutor(8) as pool:
        for _ in range(10):
            assert list(pool.map(findings, documents)) == [alone[data] for data in documents]


def test_two_threads_each_read_the_xsd_errors_of_their_own_document(
    good: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The schema keeps the log of its last run. Both threads are made to validate before
    # either reads its log (a barrier, given up after a while when validate takes turns).
    import threading

    from resconv.akn import schema

    real = schema.xsd()
    barrier = threading.Barrier(2)

    class BothRunFirst:
        def validate(self, tree: etree._ElementTree) -> bool:
            valid = real.validate(tree)
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=1)
            return valid

        @property
        def error_log(self) -> object:
            return real.error_log

    monkeypatch.setattr(schema, "xsd", BothRunFirst)
    broken = _broken(good, "preamble-container")
    results: dict[str, list[str]] = {}

    def run(name: str, data: bytes) -> None:
        results[name] = [i.message for i in validate(data).errors if i.source == "xsd"]

    threads = [
        threading.Thread(target=run, args=("broken", broken)),
        threading.Thread(target=run, args=("good", good)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results["good"] == []
    assert results["broken"] and "blockContainer" in results["broken"][0]
