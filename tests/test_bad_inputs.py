"""Every class of bad input: its own error, the right exit status, and nothing written.

One test per row of the taxonomy in docs/user/command-line.md, through the command line
with all four formats asked for, so that a failure in any reader or writer would show.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path

import pytest
from lxml import etree

import resconv
from resconv import cli
from tests.conftest import SEED

ALL = "akn,json,docx,pdf"
AKN_NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
SEED_TEXT = SEED.read_text(encoding="utf-8")


def convert(
    tmp_path: Path, data: bytes, *extra: str, name: str = "input.txt", to: str = ALL
) -> tuple[int, str, Path]:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    stderr = io.StringIO()
    real = sys.stderr
    sys.stderr = stderr
    try:
        code = cli.main(["convert", str(source), "--to", to, "-o", str(out), *extra])
    finally:
        sys.stderr = real
    return code, stderr.getvalue(), out


def assert_refused(code: int, err: str, out: Path, expected: int, *words: str) -> None:
    assert code == expected, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("resconv: error: "), err
    assert "Traceback" not in err
    for word in words:
        assert word.lower() in err.lower(), err
    assert list(out.iterdir()) == []


# Row 1-3: encodings and line ends give the same document.
@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(b"\xef\xbb\xbf" + SEED_TEXT.encode(), id="utf-8-bom"),
        pytest.param(b"\xff\xfe" + SEED_TEXT.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + SEED_TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(SEED_TEXT.encode("gb18030"), id="gb18030"),
        pytest.param(b"\x84\x31\x95\x33" + SEED_TEXT.encode("gb18030"), id="gb18030-bom"),
        pytest.param(SEED_TEXT.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(SEED_TEXT.replace("\n", "\r").encode(), id="cr"),
        pytest.param(SEED_TEXT.replace("\n", "\u2028").encode(), id="u2028"),
    ],
)
def test_encodings_and_line_ends_give_the_same_akn(tmp_path: Path, encoded: bytes) -> None:
    original = resconv.convert_bytes(SEED.read_bytes(), ["akn"]).outputs["akn"]
    code, err, out = convert(tmp_path, encoded, to="akn")
    assert code == 0, err
    assert (out / "input.xml").read_bytes() == original


def test_undecidable_bytes_name_the_offset(tmp_path: Path) -> None:
    data = b"67/38. Title\n\nThe General Assembly,\n\n\x80\x81\xfe\xff\xc3\x28 text\n"
    code, err, out = convert(tmp_path, data)
    assert_refused(code, err, out, 65, "input.txt", "byte")


# Row 4-5: empty and binary input.
@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", ("empty",)),
        (" \n\t\r\n\u3000\n".encode(), ("empty",)),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ("PDF",)),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", ("zip",)),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, ("word",)),
        (b"67/38. Title\x00\x00\x00binary", ("NUL",)),
    ],
    ids=["empty", "whitespace", "pdf", "docx", "ole", "nul"],
)
def test_empty_and_binary_inputs_are_refused(
    tmp_path: Path, data: bytes, words: tuple[str, ...]
) -> None:
    code, err, out = convert(tmp_path, data)
    assert_refused(code, err, out, 65, *words)


# Row 6: huge input.
def test_input_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    code, err, out = convert(tmp_path, SEED.read_bytes(), "--max-bytes", "1000")
    assert_refused(code, err, out, 65, "limit")


def test_a_long_single_line_is_read_in_linear_time(tmp_path: Path) -> None:
    # 2 MB of one paragraph: must finish (pytest-timeout guards), as text or as an error.
    data = SEED_TEXT.replace("多边主义作为开", "多边主义作为开" + "长" * 700_000).encode()
    code, err, _ = convert(tmp_path, data, to="akn")
    assert code == 0, err


# Row 7: markup-like text survives literally in every format.
def test_markup_like_text_is_kept_literally_in_every_format(tmp_path: Path) -> None:
    payload = '<b>R&amp;D</b> & "quotes" \'apos\' ]]> &nbsp; <font color="[[[1]]]">x</font>'
    data = SEED_TEXT.replace("确认双边、诸边", "确认" + payload + "双边、诸边").encode()
    code, err, out = convert(tmp_path, data)
    assert code == 0, err
    tree = etree.parse(str(out / "input.xml"))
    texts = ["".join(map(str, c.itertext())) for c in tree.iterfind(".//a:container", AKN_NS)]
    assert any(payload in t for t in texts)
    assert payload in (out / "input.json").read_text(encoding="utf-8").replace('\\"', '"')
    from docx import Document

    docx_text = "\n".join(p.text for p in Document(str(out / "input.docx")).paragraphs)
    assert payload in docx_text
    from pypdf import PdfReader

    pdf_text = "".join(page.extract_text() for page in PdfReader(str(out / "input.pdf")).pages)
    compact = "".join(pdf_text.split())
    assert "".join(payload.split()) in compact


# Row 8: XML-illegal control characters are removed with a warning; --strict refuses.
def test_control_characters_are_stripped_with_a_warning(tmp_path: Path) -> None:
    data = SEED_TEXT.replace("确认双边", "确认\x01双\x1b边").encode()
    code, err, out = convert(tmp_path, data, to="akn")
    assert code == 0
    assert "control" in err.lower()
    tree = etree.parse(str(out / "input.xml"))
    texts = ["".join(map(str, c.itertext())) for c in tree.iterfind(".//a:container", AKN_NS)]
    assert any(t.strip().startswith("确认双边、诸边") for t in texts)
    code, err, _ = convert(
        tmp_path / ".." / tmp_path.name, data, "--strict", "--force", name="strict.txt", to="akn"
    )
    assert code == 65 and "strict" in err


# Row 9: unpaired surrogates cannot be decoded.
def test_unpaired_surrogate_in_utf16_is_refused(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "67/38. 标题\n\n大会，\n".encode("utf-16-le") + b"\x00\xd8" + b"a\x00"
    code, err, out = convert(tmp_path, data)
    assert_refused(code, err, out, 65)


# Row 11: missing title, number or date.
@pytest.mark.parametrize(
    ("old", "new", "word"),
    [
        ("67/38. 促进裁军和不扩散领域的多边主义", "", "number"),
        ("67/38. 促进裁军和不扩散领域的多边主义", "67/38.", "title"),
        ("2012 年 12 月 3 日", "", "date"),
    ],
    ids=["number", "title", "date"],
)
def test_missing_parts_name_the_missing_field(
    tmp_path: Path, old: str, new: str, word: str
) -> None:
    data = SEED_TEXT.replace(old, new).encode()
    code, err, out = convert(tmp_path, data)
    assert_refused(code, err, out, 65, word)


# Rows 12-13: numbering gaps and duplicates are kept, warned about, and still valid AKN.
def test_numbering_gaps_and_duplicates_are_kept_with_unique_eids(tmp_path: Path) -> None:
    data = SEED_TEXT.replace(" 4. 强调", " 3. 强调").replace(" 7. 表示", " 9. 表示").encode()
    code, err, out = convert(tmp_path, data, to="akn")
    assert code == 0
    assert "warning" in err
    xml = (out / "input.xml").read_bytes()
    nums = [n.text for n in etree.fromstring(xml).iterfind(".//a:mainBody//a:num", AKN_NS)]
    assert nums == ["1.", "2.", "3.", "3.", "5.", "6.", "9.", "8.", "9."]
    assert resconv.validate(xml).valid
    eids = [e.get("eId") for e in etree.fromstring(xml).iter() if e.get("eId")]
    assert len(eids) == len(set(eids))


# Row 14: footnote markers without bodies, bodies without markers.
def test_markers_without_bodies_stay_references_with_a_warning(tmp_path: Path) -> None:
    code, err, out = convert(tmp_path, SEED.read_bytes(), to="akn")
    assert code == 0
    assert err.count("footnote-without-body") == 3
    xml = (out / "input.xml").read_bytes()
    notes = etree.fromstring(xml).findall(".//a:authorialNote", AKN_NS)
    assert [n.get("marker") for n in notes] == ["1", "2", "3"]


def test_a_body_without_marker_is_warned_about_and_never_attached(tmp_path: Path) -> None:
    text = (
        "80/99. A title\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        "3rd plenary meeting\n19 September 2025\n\n_______________\n\n7 See A/80/1.\n"
    )
    code, err, out = convert(tmp_path, text.encode(), to="akn,json")
    assert code == 0, err
    assert "7" in err and "warning" in err
    assert b"authorialNote" not in (out / "input.xml").read_bytes()


# Rows 17-18: output problems (CI runs as root: inject, do not chmod).
def test_disk_full_gives_74_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, err, out = convert(tmp_path, SEED.read_bytes())
    assert_refused(code, err, out, 74, "space")


def test_permission_denied_gives_73_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def denied_to_create(path: str, flags: int, *args: int, **kwargs: object) -> int:
        if flags & os.O_CREAT:  # root may write anywhere: pretend it may not
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", denied_to_create)
    code, err, out = convert(tmp_path, SEED.read_bytes())
    assert_refused(code, err, out, 73, "permission")


# Some nobody listed.
def test_html_copied_from_a_web_page_is_not_taken_for_akn(tmp_path: Path) -> None:
    code, err, out = convert(tmp_path, b"<html><body><p>67/38.</p></body></html>", name="page.html")
    assert_refused(code, err, out, 65, "akoma ntoso")


def test_a_directory_without_inputs_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert cli.main(["convert", str(tmp_path / "empty"), "-o", str(tmp_path)]) == 64
    assert "no input files" in capsys.readouterr().err


def test_json_that_is_not_resconvs_is_refused(tmp_path: Path) -> None:
    code, err, out = convert(tmp_path, b'{"title": "x"}', name="r.json")
    assert_refused(code, err, out, 65, "resconv JSON")


def test_file_names_with_spaces_and_chinese_work(tmp_path: Path) -> None:
    code, err, out = convert(tmp_path, SEED.read_bytes(), name="大会 决议 67-38.txt", to="akn")
    assert code == 0, err
    assert (out / "大会 决议 67-38.xml").is_file()


def test_xml_over_the_parser_limits_is_one_line_without_advice(tmp_path: Path) -> None:
    code, err, out = convert(tmp_path, b"<a>" + b" " * 11_000_000 + b"</a>", name="big.xml")
    assert_refused(code, err, out, 65, "too large")
    assert "XML_PARSE_HUGE" not in err


def test_c1_control_characters_from_json_print_as_nothing_or_space_in_pdf(tmp_path: Path) -> None:
    from resconv import build as b

    model = b.resolution(
        language="en",
        preamble=[b.preambular("Recalling a\x85b c\x9fd", initial_words="Recalling")],
    )
    code, err, out = convert(tmp_path, resconv.write(model, "json"), name="c1.json", to="pdf")
    assert code == 0, err
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(str(out / "c1.pdf")).pages)
    assert "Recalling a b cd" in text


# Files that are not regular files: bounded, never read without end.
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stderr = io.StringIO()
    real, sys.stderr = sys.stderr, stderr
    try:
        code = cli.main(["convert", "/dev/zero", "--to", "akn", "-o", str(out)])
    finally:
        sys.stderr = real
    assert_refused(code, stderr.getvalue(), out, 65, "not a regular file")
    with pytest.raises(resconv.StructureError, match="not a regular file"):
        resconv.read("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(resconv.StructureError, match="standard input"):
        resconv.read(fifo)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_a_file_that_reports_no_size_is_still_bounded() -> None:
    # /proc files say they are empty and are not: the limit holds on what is read.
    with pytest.raises(resconv.InputDecodeError, match="limit"):
        resconv.read("/proc/self/status", max_bytes=10)


@pytest.mark.parametrize("value", [b"[1, 2]", b'"a string"', b"42", b"null"])
def test_json_that_is_not_an_object_is_not_resconv_json(tmp_path: Path, value: bytes) -> None:
    code, err, out = convert(tmp_path, value, name="input.json")
    assert_refused(code, err, out, 65, "not resconv JSON")


def test_an_output_name_too_long_for_the_file_system_is_an_output_error(tmp_path: Path) -> None:
    # The input's name fits (255 bytes); the DOCX output's ('.docx' for '.txt') does not.
    code, err, out = convert(tmp_path, SEED.read_bytes(), name="y" * 251 + ".txt", to="docx")
    assert_refused(code, err, out, 73, "too long")


def test_names_with_control_characters_are_printed_escaped(tmp_path: Path) -> None:
    code, err, out = convert(tmp_path, b"", name="evil\n\x1b[31mred.txt")
    assert_refused(code, err, out, 65)
    assert "\x1b" not in err and "\\x1b[31m" in err and "evil\\nred" not in err
    assert "evil\\n\\x1b[31mred.txt" in err


def test_a_closed_standard_output_is_an_io_error(tmp_path: Path) -> None:
    import subprocess

    code = subprocess.run(
        [sys.executable, "-m", "resconv", "convert", str(SEED), "-o", "-", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        close_fds=True,
        preexec_fn=lambda: os.close(1),
        check=False,
    )
    assert code.returncode == 74, code.stderr
    assert b"standard output is closed" in code.stderr


@pytest.mark.parametrize("value", [b"[1, 2]", b' "a string"', b'{"title": "x"}'])
def test_json_without_a_json_name_is_not_resconv_json_either(value: bytes) -> None:
    # Bytes given in memory, or on standard input, have no name to tell JSON by.
    with pytest.raises(resconv.StructureError, match="not resconv JSON"):
        resconv.read_bytes(value)
    stderr = io.StringIO()
    real_stdin, real_stderr = sys.stdin, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(value))
    sys.stderr = stderr
    try:
        code = cli.main(["convert", "-", "--to", "json"])
    finally:
        sys.stdin, sys.stderr = real_stdin, real_stderr
    assert code == 65 and "not resconv JSON" in stderr.getvalue()


@pytest.mark.parametrize(
    "command",
    [["formats"], ["validate", str(SEED.with_suffix("")) + "/akn.xml"]],
    ids=["formats", "validate"],
)
@pytest.mark.parametrize("stdout", ["closed", "full"])
def test_every_command_reports_a_standard_output_it_cannot_write(
    command: list[str], stdout: str
) -> None:
    import subprocess

    if stdout == "full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full" if stdout == "full" else os.devnull, "wb") as sink:
        code = subprocess.run(
            [sys.executable, "-m", "resconv", *command],
            stdout=sink,
            stderr=subprocess.PIPE,
            close_fds=True,
            preexec_fn=(lambda: os.close(1)) if stdout == "closed" else None,
            check=False,
        )
    assert code.returncode == 74, code.stderr
    assert code.stderr.count(b"\n") == 1 and b"Traceback" not in code.stderr
    assert b"standard output" in code.stderr or b"<stdout>" in code.stderr


@pytest.mark.timeout(60)
def test_validate_takes_linear_time_in_the_number_of_errors() -> None:
    # 64,000 invalid attributes on one element: every error used to search them all
    # for the nearest eId (minutes); now a few seconds.
    akn = resconv.convert(SEED, ["akn"]).outputs["akn"]
    bogus = b" ".join(b'bogus%d="x"' % i for i in range(64_000))
    report = resconv.validate(akn.replace(b"<preamble>", b"<preamble " + bogus + b">", 1))
    assert len(report.errors) >= 64_000
    assert report.errors[0].eid is not None or report.errors[0].line is not None


@pytest.mark.timeout(60)
def test_validate_takes_linear_time_in_profile_findings_among_siblings() -> None:
    # 100,000 paragraphs side by side without an eId: the profile rule matching them is a
    # union of names, which libxml2 sorted in n² steps (75 s); merged in resconv, 2 s.
    akn = resconv.convert(SEED, ["akn"]).outputs["akn"]
    extra = b"<paragraph><content><p/></content></paragraph>" * 100_000
    report = resconv.validate(akn.replace(b"</mainBody>", extra + b"</mainBody>", 1))
    assert [i.rule for i in report.warnings].count("eid-missing") == 100_000
    lines = [i.line for i in report.warnings if i.rule == "eid-missing"]
    assert lines == sorted(lines)  # in document order


@pytest.mark.timeout(60)
def test_validate_takes_linear_time_on_a_long_paragraph_number() -> None:
    # "1", a million spaces, "x": the profile's number pattern backtracked in n² (31 s
    # for 80,000 spaces).
    akn = resconv.convert(SEED, ["akn"]).outputs["akn"]
    long_number = b"<num>1" + b" " * 1_000_000 + b"x</num>"
    report = resconv.validate(akn.replace(b"<num>1.</num>", long_number, 1))
    assert "eid-paragraph-number" not in {i.rule for i in report.warnings}


@pytest.mark.timeout(60)
def test_validate_takes_linear_time_on_a_long_manifestation_iri() -> None:
    # A FRBRthis of 200,000 "!": the component pattern was tried from every "!" (n²).
    akn = resconv.convert(SEED, ["akn"]).outputs["akn"]
    start = akn.index(b"<FRBRManifestation>")
    this = akn.index(b'value="', akn.index(b"<FRBRthis", start)) + len(b'value="')
    end = akn.index(b'"', this)
    report = resconv.validate(akn[:this] + akn[this:end] + b"!" * 200_000 + akn[end:])
    assert "manifestation-this-shape" in {i.rule for i in report.errors}


def test_validate_refuses_the_schema_check_of_an_element_too_wide_to_check_linearly() -> None:
    akn = resconv.convert(SEED, ["akn"]).outputs["akn"]
    wide = b'<container name="x" eId="wide">' + b'<p bad="1">t</p>' * 30_000 + b"</container>"
    report = resconv.validate(akn.replace(b"</preamble>", wide + b"</preamble>", 1))
    assert not report.valid
    assert any("30000 children" in issue.message for issue in report.errors)
