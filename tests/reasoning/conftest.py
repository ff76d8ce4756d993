"""Fixtures: one temporary SQLite ledger loaded with every shipped data file, shared by the session."""
from __future__ import annotations

import pytest

from foedus.ledger.store import Ledger
from foedus.services.load import load_data, read_data


@pytest.fixture(scope="session")
def data():
    return read_data()


@pytest.fixture(scope="session")
def db_url(tmp_path_factory, data) -> str:
    path = tmp_path_factory.mktemp("reasoning") / "foedus.sqlite3"
    url = f"sqlite:///{path}"
    load_data(Ledger.open(url), data)
    return url


@pytest.fixture(scope="session")
def ledger(db_url) -> Ledger:
    return Ledger.open(db_url)


@pytest.fixture()
def cli(db_url, monkeypatch):
    """Run the foedus CLI against the test ledger; returns (exit_code, stdout, stderr)."""
    from typer.testing import CliRunner

    from foedus.cli.app import app

    monkeypatch.setenv("FOEDUS_DATABASE_URL", db_url)
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(app, list(args))
        try:
            err = result.stderr
        except ValueError:
            err = ""
        return result.exit_code, result.stdout, err

    return run
