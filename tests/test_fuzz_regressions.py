"""Inputs the fuzzer (fuzz/fuzz_readers.py) found crashing a reader, kept as regressions."""

from __future__ import annotations

import pytest

import resconv
from resconv.errors import InputDecodeError

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def test_fuzz_akn_undeclared_namespace_prefix_is_refused_not_a_crash() -> None:
    """An element whose prefix no xmlns declares (the fuzzer turned xmlns:akn4un into
    xmlns:akn8un in a UN file) once reached the reader as a tag that is no QName and
    raised ValueError. It is not namespace-well-formed XML: InputDecodeError with its line."""
    data = f"""<akomaNtoso xmlns="{AKN}" xmlns:akn8un="http://un.org/akn4un">
      <statement name="resolution"><meta><identification source="#x"><FRBRWork/>
      <FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification>
      <presentation source="#x"><akn4un:footerFirstPage>x</akn4un:footerFirstPage></presentation>
      </meta></statement></akomaNtoso>""".encode()
    with pytest.raises(InputDecodeError, match="akn4un") as caught:
        resconv.read(data)
    assert caught.value.line == 4


def test_fuzz_docx_an_adoption_year_beyond_what_zip_can_date_still_writes() -> None:
    """An AKN file whose docDate year was mutated to 8372 crashed zipfile (years 1980–2107)."""
    import datetime as dt
    import io
    import zipfile

    from resconv import build as b

    model = b.resolution(
        adoption=b.adoption("3 December 8372", "48th plenary meeting", date=dt.date(8372, 12, 3))
    )
    data = resconv.write(model, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time[0] for info in package.infolist()} == {2107}
        assert b"8372-12-03" in package.read("docProps/core.xml")
