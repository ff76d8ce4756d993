"""The import: specs with cited provisions, events with dataset evidence, idempotence, refuse and skip."""
from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from atop_fixtures import A_HEADER, M_HEADER, alliances, csv_text, m_row, members, write_atop
from foedus.atop.dataset import AtopInputError, read_directory
from foedus.atop.importer import import_directory, plan_import
from foedus.ledger import schema as t
from foedus.ledger.store import Ledger
from foedus.treaty.spec import AllianceSpec

TIMESTAMPS = {"loaded_at", "added_at", "recorded_at"}


def dump(ledger: Ledger) -> dict[str, list]:
    """Every row of every table, without timestamps, in a stable order."""
    out = {}
    with ledger.engine.connect() as conn:
        for table in (t.alliances, t.actors, t.documents, t.events, t.evidence, t.claims, t.supersessions):
            cols = [c for c in table.c if c.name not in TIMESTAMPS]
            out[table.name] = sorted(tuple(r) for r in conn.execute(sa.select(*cols)))
    return out


@pytest.fixture
def imported(atop_dir, db_url):
    ledger = Ledger.open(db_url)
    import_directory(ledger, atop_dir)
    return ledger


def test_each_alliance_becomes_a_spec_with_cited_provisions(imported):
    ids = [a for a in imported.alliance_ids() if a.startswith("atop:")]
    assert ids == ["atop:4220", "atop:9001", "atop:9002", "atop:9004", "atop:9005", "atop:9006"]
    spec = AllianceSpec.model_validate_json(imported.alliance_spec_json("atop:4220"))
    assert spec.obligations == ["defence", "non_aggression", "consultation"] and spec.kind == "defence_pact"
    assert spec.withdrawal.allowed and spec.withdrawal.notice_months is None
    assert "60 months" in spec.withdrawal.note and "automatically" in spec.withdrawal.note
    cites = [c for c in spec.withdrawal.sources + spec.sources + spec.admission.sources + spec.defence_clause.sources]
    assert all(c.instrument == "ATOP 5.1" and c.confidence == "coded" for c in cites)
    assert {c.article for c in cites} >= {"atopid 4220, variable RENOUNCE", "atopid 4220, variable SPECLGTH",
                                          "atopid 4220, variable LENGTH", "atopid 4220, variable PROREN",
                                          "atopid 4220, variable DEFENSE", "atopid 4220, variable PROADD"}
    assert [i.id for i in spec.instruments] == ["atop-4220-phase-1", "atop-4220-phase-2"]
    assert spec.aliases == ["COW alliance 350"]
    # renunciation prohibited; asymmetric obligations are named
    assert AllianceSpec.model_validate_json(imported.alliance_spec_json("atop:9004")).withdrawal.allowed is False
    s5 = AllianceSpec.model_validate_json(imported.alliance_spec_json("atop:9005"))
    assert "promised by GBR" in s5.defence_clause.summary
    assert [c.id for c in s5.defence_clause.conditions] == ["location"]


def test_phases_do_not_make_membership_events(imported):
    rus = imported.events(actor="RUS", target="atop:4220")
    assert [(e.type, e.date.edtf) for e in rus] == [("join", "1992-05-15")]
    phases = rus[0].attributes["atop"]["phases"]
    assert [(p["phase"], p["from"], p["until"], p["obligations"]) for p in phases] == [
        (1, "1992-05-15", "2002-10-07", ["defence", "non_aggression", "consultation"]),
        (2, "2002-10-07", None, ["defence", "non_aggression"])]
    uzb = imported.events(actor="UZB", target="atop:4220")
    assert [(e.type, e.date.edtf) for e in uzb] == [("join", "1992-05-15"), ("withdraw", "1999-04-20"),
                                                    ("join", "2006-08-17"), ("withdraw", "2012-06-28")]
    assert "TERMMODE=1" in uzb[1].note


def test_two_cow_codes_of_one_actor_make_one_spell(imported):
    deu = imported.events(actor="DEU", target="atop:9002")
    assert [(e.type, e.date.edtf) for e in deu] == [("join", "1955-05-06")]
    assert deu[0].attributes["atop"]["cow_codes"] == [255, 260]


def test_dates_keep_their_precision(imported):
    ev = imported.events(target="atop:9001", actor="RUS")
    assert [(e.type, e.date.edtf) for e in ev] == [("join", "1891-08"), ("withdraw", "1917-12")]


def test_historical_states_are_actors(imported):
    assert {"hist:bavaria", "hist:austria-hungary", "hist:annam"} <= imported.actor_ids()
    assert imported.actor_row("hist:bavaria")["kind"] == "historical_state"
    assert {e.actor for e in imported.events(target="atop:9004")} == {"hist:bavaria", "hist:austria-hungary", "DEU"}


def test_evidence_is_the_csv_row_with_file_and_row_number(imported):
    e = imported.events(actor="BLR", target="atop:4220", with_evidence=True)[0]
    x = e.evidence[0]
    doc = imported.document(x.document_id)
    assert doc.kind == "dataset" and doc.outlet == "ATOP 5.1"
    assert doc.text.startswith("ATOP 5.1, atop5_1m.csv, row 5 (line 6 of the file)\n")
    assert doc.text[x.start:x.end] == x.text and x.text.startswith("4220,370,")
    assert e.review == "accepted"
    with imported.engine.connect() as conn:
        assert {r.origin for r in conn.execute(sa.select(t.events.c.origin))} == {"atop"}


def test_importing_twice_changes_nothing(atop_dir, db_url):
    ledger = Ledger.open(db_url)
    first = import_directory(ledger, atop_dir).report
    before = dump(ledger)
    second = import_directory(ledger, atop_dir).report
    assert first.added and not second.added
    assert second.unchanged == first.added
    assert dump(ledger) == before


def test_the_bulk_path_stores_what_ledger_write_stores(atop_dir, tmp_path):
    texts, _ = read_directory(atop_dir, ["atop5_1a.csv", "atop5_1m.csv"])
    plan = plan_import(texts)
    slow = Ledger.open(f"sqlite:///{tmp_path / 'slow.sqlite3'}")
    slow.write(alliances=plan.alliances, actors=plan.actors, documents=plan.documents, events=plan.events)
    fast = Ledger.open(f"sqlite:///{tmp_path / 'fast.sqlite3'}")
    import_directory(fast, atop_dir)
    assert dump(fast) == dump(slow)


def test_refused_import_leaves_the_database_exactly_as_it_was(tmp_path, db_url):
    good = write_atop(tmp_path / "good")
    ledger = Ledger.open(db_url)
    import_directory(ledger, good)
    before = dump(ledger)
    rows = members()
    rows[3]["member"] = "999"
    bad = write_atop(tmp_path / "bad", m_rows=rows + [m_row(9010, 2, "1950-01-01")])
    with pytest.raises(AtopInputError) as exc:
        import_directory(ledger, bad)
    msgs = [str(p) for p in exc.value.problems]
    assert any(m.startswith("atop5_1m.csv row 4 (line 5), column member: unknown country code 999") for m in msgs)
    assert any("atopid 9010 is not in atop5_1a.csv" in m for m in msgs)
    assert dump(ledger) == before


def test_skip_imports_the_rest_and_lists_the_bad_rows(tmp_path, db_url):
    rows = members()
    rows[3]["yrexit"] = "1980"                      # UZB exit before its entry
    a_rows = alliances()
    a_rows[1]["begyr"] = "18x1"                      # alliance 9001's own row is bad: its members go too
    d = write_atop(tmp_path / "bad", a_rows=a_rows, m_rows=rows)
    ledger = Ledger.open(db_url)
    res = import_directory(ledger, d, on_error="skip")
    assert res.plan.skipped_rows == {"atop5_1m.csv": {4, 11, 12}, "atop5_1a.csv": {2}}
    assert "atop:9001" not in ledger.alliance_ids() and "atop:4220" in ledger.alliance_ids()
    assert [e.date.edtf for e in ledger.events(actor="UZB", target="atop:4220")] == ["2006-08-17", "2012-06-28"]
    kinds = {(p.file, p.row, p.column) for p in res.plan.problems}
    assert ("atop5_1m.csv", 4, "yrexit/moexit/dayexit") in kinds and ("atop5_1a.csv", 2, "begyr") in kinds


def test_truncated_member_file_is_refused_with_its_row(tmp_path, db_url):
    text = csv_text(M_HEADER, members())
    d = write_atop(tmp_path / "trunc", m_text=text[: len(text) - 30])
    with pytest.raises(AtopInputError) as exc:
        import_directory(Ledger.open(db_url), d)
    (p,) = exc.value.problems
    assert p.file == "atop5_1m.csv" and p.row == len(members()) and "truncated" in p.message


def test_missing_files(tmp_path, db_url):
    (tmp_path / "empty").mkdir()
    with pytest.raises(AtopInputError) as exc:
        import_directory(Ledger.open(db_url), tmp_path / "empty")
    assert {p.file for p in exc.value.problems} == {"atop5_1a.csv", "atop5_1m.csv"}


def test_alliance_without_members_is_a_problem(tmp_path, db_url):
    from atop_fixtures import a_row
    d = write_atop(tmp_path / "lonely", a_rows=alliances() + [a_row(9999, "1950-01-01")])
    with pytest.raises(AtopInputError) as exc:
        import_directory(Ledger.open(db_url), d)
    assert "alliance 9999 cannot be imported: it has no rows in atop5_1m.csv" in str(exc.value)


def test_spec_json_round_trips(imported):
    for aid in imported.alliance_ids():
        raw = imported.alliance_spec_json(aid)
        assert json.loads(AllianceSpec.model_validate_json(raw).model_dump_json(exclude_none=True)) == json.loads(raw)
    assert A_HEADER[0] == "atopid"
