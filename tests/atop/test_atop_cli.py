"""`foedus import atop`, `foedus alliances`, `foedus contradictions`, and the core commands on imported alliances."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from atop_fixtures import M_HEADER, csv_text, members, write_atop
from foedus.cli.app import app
from foedus.ledger.store import Ledger
from foedus.services.load import load_data

runner = CliRunner()


def run(db, *args):
    return runner.invoke(app, [*args, "--database", db])


@pytest.fixture(scope="module")
def full_db(tmp_path_factory, shipped_data) -> str:
    """The shipped data (hand-written CSTO, NATO…) and the synthetic ATOP files, side by side."""
    d = tmp_path_factory.mktemp("atopcli")
    url = f"sqlite:///{d / 'db.sqlite3'}"
    load_data(Ledger.open(url), shipped_data)
    res = run(url, "import", "atop", str(write_atop(d / "atop")), "--json")
    assert res.exit_code == 0, res.output
    return url


def test_import_reports_counts_and_is_idempotent(atop_dir, db_url):
    first = run(db_url, "import", "atop", str(atop_dir), "--json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["added"]["alliances"] == 6 and data["added"]["events"] > 20 and data["problems"] == []
    second = json.loads(run(db_url, "import", "atop", str(atop_dir), "--json").stdout)
    assert second["added"] == {} and second["unchanged"] == data["added"]


def test_refused_import_names_file_row_and_column_and_writes_nothing(tmp_path):
    rows = members()
    rows[1]["member"] = "999"
    d = write_atop(tmp_path / "bad", m_rows=rows)
    db = tmp_path / "never.sqlite3"
    res = run(f"sqlite:///{db}", "import", "atop", str(d))
    assert res.exit_code == 3
    out = " ".join(res.output.split())          # the console wraps at its width
    assert "atop5_1m.csv row 2 (line 3), column member: unknown country code 999" in out
    assert "nothing was written" in out
    assert not db.exists()  # a refused import does not even create the database


def test_skip_goes_on_and_lists_the_bad_rows(tmp_path):
    text = csv_text(M_HEADER, members())
    d = write_atop(tmp_path / "trunc", m_text=text[: len(text) - 30])
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    res = run(url, "import", "atop", str(d), "--on-error", "skip", "--json")
    assert res.exit_code == 5
    data = json.loads(res.stdout)
    assert data["skipped_rows"] == {"atop5_1m.csv": [len(members())]}
    assert data["problems"][0]["column"] and "truncated" in data["problems"][0]["message"]
    assert data["added"]["alliances"] == 6  # alliance 9006 keeps its other member row
    assert Ledger.open(url).alliance_ids()


def test_missing_directory(tmp_path):
    res = run(f"sqlite:///{tmp_path / 'x.sqlite3'}", "import", "atop", str(tmp_path / "nowhere"))
    # the console wraps long paths at its width: compare the words, not the line breaks
    assert res.exit_code == 4 and "not a directory" in " ".join(res.output.split())


def test_bad_on_error_value(atop_dir, db_url):
    assert run(db_url, "import", "atop", str(atop_dir), "--on-error", "maybe").exit_code == 2


@pytest.mark.parametrize("on, expected", [
    ("1995-01-01", ["BLR", "KAZ", "RUS", "UZB"]),   # Armenia (371) is in the synthetic file too
    ("2010-01-01", ["BLR", "KAZ", "RUS", "UZB"]),
    ("2013-01-01", ["BLR", "KAZ", "RUS"]),
])
def test_core_members_command_works_on_an_imported_alliance(full_db, on, expected):
    res = run(full_db, "members", "atop:4220", "--on", on, "--json")
    assert res.exit_code == 0, res.output
    got = [m["actor"] for m in json.loads(res.stdout)["members"]]
    assert [a for a in got if a != "ARM"] == expected and "ARM" in got


def test_alliances_of_a_state_on_a_date(full_db):
    res = run(full_db, "alliances", "--actor", "RUS", "--on", "2010-01-01", "--json")
    assert res.exit_code == 0, res.output
    data = {a["alliance"]: a for a in json.loads(res.stdout)["alliances"]}
    assert data["atop:4220"]["obligations"] == ["defence", "non_aggression"]          # phase 2
    assert data["atop:4220"]["obligations_from"] == "ATOP member record" and data["atop:4220"]["phases"] == [2]
    assert data["CSTO"]["obligations_from"] == "spec" and "defence" in data["CSTO"]["obligations"]
    res = run(full_db, "alliances", "--actor", "365", "--on", "2001-01-01", "--json")
    assert {a["alliance"]: a["obligations"] for a in json.loads(res.stdout)["alliances"]}["atop:4220"] == [
        "defence", "non_aggression", "consultation"]


def test_alliances_with_month_precision_is_uncertain_inside_the_month(full_db):
    res = run(full_db, "alliances", "--actor", "FRA", "--on", "1891-08-10", "--json")
    (a,) = [x for x in json.loads(res.stdout)["alliances"] if x["alliance"] == "atop:9001"]
    assert a["formal"] == "uncertain" and set(a["possible"]) == {"not_party", "member"}


def test_alliances_of_a_historical_state(full_db):
    res = run(full_db, "alliances", "--actor", "hist:bavaria", "--on", "1860-06-01")
    assert res.exit_code == 0 and "atop:9004" in res.output and "non_aggression" in res.output


def test_alliances_asymmetric_member_has_no_obligation(full_db):
    res = run(full_db, "alliances", "--actor", "TUR", "--on", "1950-01-01", "--json")
    (a,) = json.loads(res.stdout)["alliances"]
    assert a["alliance"] == "atop:9005" and a["obligations"] == []


def test_alliances_unknown_actor(full_db):
    assert run(full_db, "alliances", "--actor", "XXQ", "--on", "1950-01-01").exit_code == 4


def test_contradictions_between_atop_and_the_hand_written_csto(full_db):
    res = run(full_db, "contradictions", "--alliance", "CSTO", "--json")
    assert res.exit_code == 0, res.output
    (c,) = json.loads(res.stdout)["comparisons"]
    assert c["alliance"] == "CSTO" and c["atop_alliance"] == "atop:4220"
    m = {x["actor"]: x for x in c["members"]}
    uzb_exit = [i for i in m["UZB"]["items"] if i["what"] == "exit"][-1]
    assert (uzb_exit["atop"], uzb_exit["reference"], uzb_exit["verdict"]) == ("2012-06-28", "2012-12-19", "differs")
    assert (uzb_exit["atop_status"], uzb_exit["reference_status"]) == ("withdrawn", "suspended")
    blr = m["BLR"]["items"][0]
    assert blr["atop"] == "1994-01-03" and blr["verdict"] == "differs" and "1993-12-31" in blr["explanation"]
    assert m["RUS"]["verdict"] == "convention"
    text = run(full_db, "contradictions", "--alliance", "CSTO")
    assert text.exit_code == 0 and "DIFFERS" in text.output and "2012-06-28" in text.output


def test_contradictions_unknown_or_not_imported(full_db, db_url):
    assert run(full_db, "contradictions", "--alliance", "ECOWAS").exit_code == 4
    res = run(db_url, "contradictions", "--alliance", "CSTO")
    assert res.exit_code == 4 and "foedus load" in res.output


def test_both_sources_stay_in_the_ledger(full_db):
    ledger = Ledger.open(full_db)
    atop = ledger.events(actor="UZB", origin="atop")
    ref = ledger.events(actor="UZB", origin="reference", types=["join", "withdraw", "suspend_membership"])
    assert {e.target for e in atop} == {"atop:4220"} and {e.target for e in ref} == {"CSTO"}
    assert [e.date.edtf for e in atop if e.type == "withdraw"] == ["1999-04-20", "2012-06-28"]
    assert "2012-12-19" in [e.date.edtf for e in ref]
