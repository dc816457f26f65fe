"""Fill fuzz/corpus/{text,akn} with starting inputs: fixtures, the shared corpus, attacks."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

ATTACKS = [
    b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
    b'<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
    b'<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd"/></a>',
    b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><statement/></akomaNtoso>",
]


def main() -> None:
    text_dir = ROOT / "fuzz" / "corpus" / "text"
    akn_dir = ROOT / "fuzz" / "corpus" / "akn"
    text_dir.mkdir(parents=True, exist_ok=True)
    akn_dir.mkdir(parents=True, exist_ok=True)
    texts = list((ROOT / "fixtures").rglob("*.txt")) + list(SHARED.glob("corpus/en/*.txt"))
    xmls = list((ROOT / "fixtures").rglob("*.xml")) + list(SHARED.glob("**/*.xml"))
    for source, target in [(p, text_dir) for p in texts] + [(p, akn_dir) for p in xmls]:
        data = source.read_bytes()
        (target / hashlib.sha1(data).hexdigest()).write_bytes(data)
    for data in ATTACKS:
        (akn_dir / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"{len(texts)} text and {len(xmls) + len(ATTACKS)} XML inputs")


if __name__ == "__main__":
    main()
