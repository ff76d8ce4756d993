"""The same ledger on PostgreSQL. Runs only when FOEDUS_TEST_POSTGRES_URL names a database to use
(it is emptied first), e.g. postgresql+psycopg://foedus@localhost:55432/foedus?host=/tmp/pg"""
import json
import os

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from foedus.cli.app import app

URL = os.environ.get("FOEDUS_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set FOEDUS_TEST_POSTGRES_URL to run against PostgreSQL")


def test_load_members_and_status_on_postgresql():
    engine = sa.create_engine(URL)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    runner = CliRunner()
    assert runner.invoke(app, ["load", "--database", URL]).exit_code == 0
    again = json.loads(runner.invoke(app, ["load", "--database", URL, "--json"]).stdout)
    assert again["added"] == {}
    out = json.loads(runner.invoke(app, ["members", "CSTO", "--on", "2013-06-01", "--json", "--database", URL]).stdout)
    assert [m["actor"] for m in out["members"]] == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    s = json.loads(runner.invoke(app, ["status", "ARM", "CSTO", "--on", "2024-06-15", "--json", "--database", URL]).stdout)
    assert (s["formal"], s["participation"]) == ("member", "frozen")
