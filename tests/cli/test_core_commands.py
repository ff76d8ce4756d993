"""The foundation issue's acceptance, tried as a user would: through the CLI."""
import json

import pytest
from typer.testing import CliRunner

from foedus.cli.app import app

runner = CliRunner()


def run(db, *args):
    result = runner.invoke(app, [*args, "--database", db])
    return result


def members(db, on):
    result = run(db, "members", "CSTO", "--on", on, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["alliance"] == "CSTO" and data["on"] == on
    return data


@pytest.mark.parametrize("on, expected", [
    ("1997-01-01", "ARM AZE BLR GEO KAZ KGZ RUS TJK UZB"),
    ("2003-01-01", "ARM BLR KAZ KGZ RUS TJK"),
    ("2010-01-01", "ARM BLR KAZ KGZ RUS TJK UZB"),
    ("2013-06-01", "ARM BLR KAZ KGZ RUS TJK"),
])
def test_members_of_the_csto_on_a_date(loaded_db, on, expected):
    data = members(loaded_db, on)
    assert " ".join(m["actor"] for m in data["members"]) == expected
    assert all(m["formal"] == "member" for m in data["members"])


def test_uzbekistan_return_is_uncertain_between_the_disputed_dates(loaded_db):
    uzb = [m for m in members(loaded_db, "2006-07-15")["members"] if m["actor"] == "UZB"]
    assert uzb and uzb[0]["formal"] == "uncertain" and set(uzb[0]["possible"]) == {"member", "withdrawn"}
    assert any("sources disagree" in r["text"] for r in uzb[0]["reasons"])


def test_members_all_lists_suspended_and_former_members(loaded_db):
    result = run(loaded_db, "members", "CSTO", "--on", "2013-06-01", "--all", "--json")
    formal = {m["actor"]: m["formal"] for m in json.loads(result.stdout)["members"]}
    assert formal["UZB"] == "suspended" and formal["AZE"] == "withdrawn"


def test_armenia_in_2024_is_a_member_whose_participation_is_frozen(loaded_db):
    result = run(loaded_db, "status", "ARM", "CSTO", "--on", "2024-06-15", "--json")
    assert result.exit_code == 0, result.output
    s = json.loads(result.stdout)
    assert s["formal"] == "member" and s["participation"] == "frozen"
    assert s["participation_since"] == "2024-02-22"
    assert {o["kind"] for o in s["unmet_obligations"]} >= {"contribution", "post", "meetings"}
    freeze = [e for e in s["events"] if e["type"] == "freeze_participation"]
    assert freeze and "frozen our participation" in freeze[0]["evidence"][0]["text"] and freeze[0]["evidence"][0]["url"]
    topics = {p["topic"]: p for p in s["provisions"]}
    assert "know no 'frozen' status" in topics["participation"]["summary"]
    assert "6 months" in topics["withdrawal"]["summary"]
    assert {r["id"] for r in topics["withdrawal"]["readings"]} == {"notice", "no-unilateral-exit"}
    stances = {c["stance"] for c in s["claims"]}
    assert {"participation_frozen", "no_notice_received"} <= stances
    assert "full_member" in {c["stance"] for c in s["claims_after"]}
    assert any("no written notice" in n for n in s["notes"])


def test_armenia_in_2022_is_an_active_member(loaded_db):
    s = json.loads(run(loaded_db, "status", "ARM", "CSTO", "--on", "2022-01-01", "--json").stdout)
    assert (s["formal"], s["participation"], s["unmet_obligations"]) == ("member", "active", [])


def test_explain_shows_sources_provisions_and_claims_side_by_side(loaded_db):
    result = run(loaded_db, "status", "ARM", "CSTO", "--on", "2024-06-15", "--explain")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    for needle in ("frozen since 2024-02-22", "asbarez.com", "treaty provisions that apply", "what the parties assert",
                   "CSTO Secretariat", "said after 2024-06-15"):
        assert needle in out


def test_timeline_and_events_filter_by_actor_and_dates(loaded_db):
    t = json.loads(run(loaded_db, "timeline", "CSTO", "--actor", "ARM", "--from", "2024-01-01", "--to", "2024-12-31", "--json").stdout)
    types = [e["type"] for e in t["events"]]
    assert "freeze_participation" in types and "sign" not in types
    assert all(e["date"] >= "2024" for e in t["events"])
    e = json.loads(run(loaded_db, "events", "--actor", "UZB", "--type", "suspend_membership", "--json").stdout)
    assert [x["date"] for x in e["events"]] == ["2012-12-19"]


def test_loading_twice_changes_nothing(tmp_path):
    db = f"sqlite:///{tmp_path / 'twice.sqlite3'}"
    first = json.loads(run(db, "load", "--json").stdout)
    second = json.loads(run(db, "load", "--json").stdout)
    assert first["added"]["events"] > 0 and second["added"] == {}
    assert second["unchanged"] == first["added"]


@pytest.mark.parametrize("args, code", [
    (("members", "XYZ"), 4),
    (("status", "ARN", "CSTO"), 4),
    (("members", "CSTO", "--on", "2024-13-01"), 2),
])
def test_errors_have_meaningful_exit_codes(loaded_db, args, code):
    result = run(loaded_db, *args)
    assert result.exit_code == code
    assert "error" in result.output


def test_an_empty_database_says_to_load_first(tmp_path):
    result = run(f"sqlite:///{tmp_path / 'new.sqlite3'}", "members", "CSTO")
    assert result.exit_code == 4 and "foedus load" in result.output


def test_untrusted_text_is_printed_literally_not_as_markup(tmp_path):
    from foedus.domain.dates import parse_edtf
    from foedus.domain.documents import Document
    from foedus.domain.events import Event, Evidence
    from foedus.ledger.store import Ledger

    db = f"sqlite:///{tmp_path / 'markup.sqlite3'}"
    run(db, "load")
    doc = Document("[bold red]Armenia[/] froze [link=http://evil]participation[/link]", outlet="[blink]Outlet[/]")
    ev = Event(id="", type="freeze_participation", actor="ARM", target="CSTO", date=parse_edtf("2030-01-01"),
               evidence=(Evidence(doc.id, doc.text, 0, len(doc.text)),))
    Ledger.open(db).write(documents=[doc], events=[(ev, "user")])
    result = runner.invoke(app, ["timeline", "CSTO", "--from", "2030-01-01", "--database", db], env={"COLUMNS": "400"})
    assert "[bold red]Armenia[/] froze [link=http://evil]participation[/link]" in result.stdout
    assert "[blink]Outlet[/]" in result.stdout


def test_claims_read_from_articles_are_marked_unreviewed_and_undated_ones_kept_apart(tmp_path):
    from foedus.domain.documents import Document
    from foedus.domain.events import Claim, Evidence
    from foedus.ledger.store import Ledger

    db = f"sqlite:///{tmp_path / 'claims.sqlite3'}"
    run(db, "load")
    doc = Document("Armenia will not leave the bloc, the analyst said.", outlet="Some Outlet")
    claim = Claim(id="", speaker="some-analyst", speaker_label="an analyst", subject="ARM", alliance="CSTO", date=None,
                  stance="denied:withdraw", text=doc.text, evidence=(Evidence(doc.id, doc.text, 0, len(doc.text)),),
                  modality="denied")
    Ledger.open(db).write(documents=[doc], claims=[(claim, "extract")])
    s = json.loads(run(db, "status", "ARM", "CSTO", "--on", "2024-06-15", "--json").stdout)
    assert [c["origin"] for c in s["claims_undated"]] == ["extract"]
    assert all(c["origin"] == "reference" for c in s["claims"])
    out = runner.invoke(app, ["status", "ARM", "CSTO", "--on", "2024-06-15", "--explain", "--database", db], env={"COLUMNS": "300"}).stdout
    assert "(extract, unreviewed)" in out and "undated (read from articles)" in out


def test_review_accepts_a_proposed_event_which_then_counts_for_the_status(tmp_path):
    from foedus.domain.dates import parse_edtf
    from foedus.domain.documents import Document
    from foedus.domain.events import Event, Evidence
    from foedus.ledger.store import Ledger

    db = f"sqlite:///{tmp_path / 'review.sqlite3'}"
    run(db, "load")
    doc = Document("Belarus froze its participation in the CSTO on 1 March 2030.", outlet="Test")
    ev = Event(id="", type="freeze_participation", actor="BLR", target="CSTO", date=parse_edtf("2030-03-01"),
               evidence=(Evidence(doc.id, doc.text, 0, len(doc.text)),), review="proposed")
    Ledger.open(db).write(documents=[doc], events=[(ev, "extract")])
    before = json.loads(run(db, "status", "BLR", "CSTO", "--on", "2030-06-01", "--json").stdout)
    assert before["participation"] == "active"  # a proposed event never changes a status
    [proposed] = json.loads(run(db, "events", "--review", "proposed", "--json").stdout)["events"]
    assert run(db, "review", proposed["id"], "maybe", "--reason", "x").exit_code == 2
    done = json.loads(run(db, "review", proposed["id"], "accept", "--reason", "checked the source", "--json").stdout)
    after = json.loads(run(db, "status", "BLR", "CSTO", "--on", "2030-06-01", "--json").stdout)
    assert after["participation"] == "frozen"
    chain = json.loads(run(db, "history", done["new"], "--json").stdout)["history"]
    assert [h["review"] for h in chain] == ["proposed", "accepted"] and chain[0]["superseded_because"] == "checked the source"
    assert run(db, "review", proposed["id"], "reject", "--reason", "again").exit_code == 3  # only the current record
