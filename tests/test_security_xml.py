"""Hostile XML: every payload is refused with the library's own error, and nothing leaks.

Each attack goes through `resconv.xmlsafe.parse`, the AKN reader and `resconv.read`
(format detection included), because a hole in any one of the three is a hole.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import resconv
from resconv import xmlsafe
from resconv.errors import InputDecodeError, ResconvError, UnsafeInputError
from resconv.readers.akn.reader import AknReader

SECRET = "resconv-secret-7f3a9c"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _entry_points() -> list[Callable[[bytes], object]]:
    return [
        lambda data: xmlsafe.parse(data),
        lambda data: AknReader().read(data),
        lambda data: resconv.read(data),
        lambda data: resconv.read(data, format="akn"),
    ]


ENTRY_IDS = ["xmlsafe", "reader", "read", "read-akn"]


def refuse(data: bytes, error: type[ResconvError] = UnsafeInputError) -> None:
    """Every entry point raises `error`; the secret never shows in a message."""
    for call in _entry_points():
        with pytest.raises(error) as caught:
            call(data)
        assert SECRET not in str(caught.value)


def billion_laughs() -> bytes:
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [\n' + "\n".join(lines) + "\n]>\n"
        "<akomaNtoso>&lol9;</akomaNtoso>"
    ).encode()


def test_billion_laughs_is_refused() -> None:
    refuse(billion_laughs())


def test_xxe_to_a_local_file_is_refused_and_the_file_never_shows(secret_file: Path) -> None:
    data = (
        f'<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "{secret_file.as_uri()}">]>'
        "<akomaNtoso><statement>&x;</statement></akomaNtoso>"
    ).encode()
    refuse(data)


def test_xxe_hidden_after_a_long_comment_is_refused(secret_file: Path) -> None:
    padding = "<!--" + "x" * 100_000 + "-->"
    data = (
        f'<?xml version="1.0"?>{padding}<!DOCTYPE a [<!ENTITY x SYSTEM "{secret_file.as_uri()}">]>'
        "<akomaNtoso>&x;</akomaNtoso>"
    ).encode()
    refuse(data)


def test_parameter_entities_are_refused(secret_file: Path, tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY % file SYSTEM "{secret_file.as_uri()}">', encoding="utf-8")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY % remote SYSTEM "{dtd.as_uri()}">'
        "%remote;]><akomaNtoso/>"
    ).encode()
    refuse(data)


def test_an_external_dtd_is_refused(tmp_path: Path) -> None:
    dtd = tmp_path / "akn.dtd"
    dtd.write_text(f'<!ENTITY leak "{SECRET}">', encoding="utf-8")
    data = f'<?xml version="1.0"?><!DOCTYPE akomaNtoso SYSTEM "{dtd.as_uri()}"><akomaNtoso/>'
    refuse(data.encode())


def test_a_doctype_in_utf16_is_refused() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'
    refuse(data.encode("utf-16"))


def test_xinclude_is_refused(secret_file: Path) -> None:
    data = (
        '<akomaNtoso xmlns:xi="http://www.w3.org/2001/XInclude">'
        f'<xi:include href="{secret_file.as_uri()}" parse="text"/></akomaNtoso>'
    ).encode()
    refuse(data)


STYLESHEET = b'<?xml version="1.0"?><?xml-stylesheet href="http://example.invalid/x.xsl"?><a/>'


def test_xml_stylesheet_processing_instruction_is_refused() -> None:
    data = b'<a><?xml-stylesheet href="http://example.invalid/x.xsl"?></a>'
    refuse(data)


@pytest.mark.parametrize(
    "entry",
    [0, 1, 2, 3],
    ids=ENTRY_IDS,
)
def test_xml_stylesheet_in_the_prolog_is_refused(entry: int) -> None:
    with pytest.raises(UnsafeInputError):
        _entry_points()[entry](STYLESHEET)


def test_undeclared_entity_reference_is_a_decode_error() -> None:
    refuse(b"<akomaNtoso>&undeclared;</akomaNtoso>", InputDecodeError)


def test_elements_nested_beyond_the_parser_limit_are_refused() -> None:
    depth = 100_000
    data = b"<akomaNtoso>" + b"<p>" * depth + b"</p>" * depth + b"</akomaNtoso>"
    for call in _entry_points():
        with pytest.raises(UnsafeInputError):
            call(data)


def test_deep_but_legal_nesting_is_read_without_recursion_trouble() -> None:
    spans = "<span>" * 200 + "deep" + "</span>" * 200
    data = f"""<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
      <statement name="resolution"><meta><identification source="#x"><FRBRWork/>
      <FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta>
      <preface><p><docNumber>1/1.</docNumber><docTitle>T</docTitle></p></preface>
      <mainBody><paragraph><content><p>{spans}</p></content></paragraph></mainBody>
      </statement></akomaNtoso>""".encode()
    result = resconv.read(data)
    assert resconv.model.plain_text(result.value.operative[0].content) == "deep"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "data",
    [b"", b"<", b"<akomaNtoso", b"\xff\xfe<\x00a\x00", b"<a>\xff</a>", b"<a/><b/>"],
    ids=["empty", "lt", "unclosed", "utf16-cut", "bad-utf8", "two-roots"],
)
def test_broken_xml_raises_only_resconv_errors(data: bytes) -> None:
    for call in _entry_points()[:2]:
        with pytest.raises(ResconvError):
            call(data)
