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
