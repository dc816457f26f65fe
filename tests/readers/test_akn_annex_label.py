"""An annex whose label and title the UN's mark-up sets as one bold paragraph of its
body ("Anexo Compromiso de Sevilla"): the AKN reader parts them again."""

from __future__ import annotations

import pytest

from resconv.model import plain_text
from tests.readers.test_akn import akn, read


def _annex(heading: str) -> bytes:
    attachment = f"""<attachments><attachment><doc name="annex"><mainBody>
      <paragraph eId="para_6"><content><p><span class="bold">{heading}</span></p></content>
      </paragraph>
      <paragraph eId="para_7"><num>1.</num><content><p>Nosotros, los Jefes de Estado,
      nos hemos reunido en Sevilla.</p></content></paragraph>
    </mainBody></doc></attachment></attachments>"""
    body = "<paragraph><num>1.</num><content><p>Hace suyo el Compromiso.</p></content></paragraph>"
    return akn(body, extra=attachment, lang="spa")


def test_an_annex_label_run_into_its_title_is_parted_from_it() -> None:
    annex = read(_annex("Anexo Compromiso de Sevilla")).value.annexes[0]
    assert annex.label == "Anexo"
    assert plain_text(annex.title) == "Compromiso de Sevilla"
    assert [getattr(block, "number", None) for block in annex.body] == ["1."]


@pytest.mark.parametrize("label", ["Anexo", "Anexo II"])
def test_an_annex_label_alone_stays_whole(label: str) -> None:
    annex = read(_annex(label)).value.annexes[0]
    assert annex.label == label
    assert not annex.title
