"""Fixtures of the ATOP tests (the synthetic files are built in atop_fixtures.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from atop_fixtures import write_atop


@pytest.fixture
def atop_dir(tmp_path) -> Path:
    return write_atop(tmp_path / "atop")


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'atop.sqlite3'}"
