"""Shared test fixtures: the bundled seed, and ../shared when it is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples on every run, so that a landing never hangs on a new random
# draw; developers' runs stay random and keep finding new cases. `--hypothesis-profile=dev`
# draws at random even where CI is set: a property must pass either way.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("dev")  # hypothesis defaults: random draws
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "A-RES-67-38.zh.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder (corpus and UN AKN files); skip when absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present (only CI and developers have it)")
    return SHARED


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    """Resolution 67/38 in Chinese, exactly as received."""
    return SEED.read_bytes()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite golden files from the current output (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when golden files are to be rewritten instead of compared."""
    return bool(request.config.getoption("--update-goldens"))
