"""The characters an XML 1.0 document cannot hold, defined once.

C0 controls other than tab, newline and carriage return, U+FFFE, U+FFFF and unpaired
surrogates. The model refuses them, the text reader removes them with a diagnostic, and
the AKN writer checks its own output for them.
"""

from __future__ import annotations

import re

__all__ = ["XML_ILLEGAL", "find_illegal_characters"]

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""One character XML 1.0 cannot hold."""


def find_illegal_characters(text: str) -> list[tuple[int, str]]:
    """Positions and characters that an XML 1.0 document cannot carry."""
    return [(m.start(), m.group()) for m in XML_ILLEGAL.finditer(text)]
