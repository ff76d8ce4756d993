"""Shared fixtures. Any hidden model download must fail loudly, so the hub is offline."""
from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"

import pytest  # noqa: E402

from foedus.ledger.store import Ledger  # noqa: E402
from foedus.services.load import load_data, read_data  # noqa: E402


@pytest.fixture(scope="session")
def shipped_data():
    """The shipped data files, read and validated once."""
    return read_data()


@pytest.fixture(scope="session")
def loaded_db(tmp_path_factory, shipped_data) -> str:
    """URL of a SQLite database holding the shipped data (shared, treat as read-only)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'foedus.sqlite3'}"
    load_data(Ledger.open(url), shipped_data)
    return url


@pytest.fixture
def ledger(loaded_db) -> Ledger:
    return Ledger.open(loaded_db)


@pytest.fixture
def empty_ledger(tmp_path) -> Ledger:
    return Ledger.open(f"sqlite:///{tmp_path / 'empty.sqlite3'}")


@pytest.fixture(scope="session")
def extractor():
    """The extraction pipeline, spaCy model loaded once per test session (only by tests that ask)."""
    from foedus.extraction.pipeline import Extractor
    return Extractor()


@pytest.fixture(scope="session")
def run(extractor):
    """Extract one synthetic article: ``run(text, published="2024-06-14", **meta)``."""
    from foedus.sources.loaders import article_from_text

    def _run(text: str, published: str | None = "2024-06-14", doc_id: str = "t", **meta):
        m = dict(meta)
        if published:
            m["published"] = published
        return extractor.extract_one(article_from_text(text, doc_id, "test", m))
    return _run
