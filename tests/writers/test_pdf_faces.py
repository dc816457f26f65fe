"""Face choice: runs cut into (face, text) pieces, whichever way `FaceChooser` takes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resconv.writers.pdf.fonts import FaceChooser
from resconv.writers.pdf.style import typography

# Latin, Cyrillic, Han, punctuation of both widths, spaces, line breaks, format and
# control characters, and characters no face has.
_ALPHABET = "abc AÉ фж 大会，。“”（）\u3000\xa0\n\t\r\u2028\u200b\x85\x07\U0001f600-1."


@pytest.mark.usefixtures("font_cache_dir")
@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None
)
@given(
    st.sampled_from(["en", "zh", "ru"]),
    st.sampled_from(["body", "title", "note"]),
    st.lists(st.text(st.sampled_from(_ALPHABET), max_size=30), min_size=1, max_size=5),
)
def test_a_run_is_cut_as_a_character_by_character_cut_would(
    language: str, role: str, texts: list[str]
) -> None:
    whole, each = FaceChooser(typography(language)), FaceChooser(typography(language))
    for text in texts:
        assert whole._cut(role, text, "text") == each._cut_each(role, text, "text")
    assert whole.used == each.used
    assert whole.missing == each.missing
