"""Fixtures shared by the writer tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def font_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One glyph cache for the test session, never the user's own."""
    path = tmp_path_factory.getbasetemp() / "resconv-font-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RESCONV_CACHE_DIR", str(path))
        yield path
