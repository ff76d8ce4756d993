from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from foedus.domain.dates import parse_edtf
from foedus.domain.documents import Document
from foedus.domain.events import Event, Evidence
from foedus.ledger import migrate
from foedus.ledger.migrate import SchemaError
from foedus.ledger.schema import metadata
from foedus.ledger.store import Ledger

DOC = Document("Yerevan recalled its ambassador to Minsk for consultations.", outlet="Test Outlet", published="2024-06")


def an_event(date_="2024-06-13", review="accepted", fact="recall"):
    return Event(id="", type="recall_ambassador", actor="ARM", target="BLR", date=parse_edtf(date_), fact=fact, review=review,
                 evidence=(Evidence(DOC.id, "Yerevan recalled its ambassador to Minsk", 0, 41),))


def test_writing_the_same_records_twice_changes_nothing(empty_ledger):
    first = empty_ledger.write(documents=[DOC], events=[(an_event(), "user")])
    second = empty_ledger.write(documents=[DOC], events=[(an_event(), "user")])
    assert first.added == {"documents": 1, "events": 1}
    assert second.added == {} and second.unchanged == {"documents": 1, "events": 1}
    assert empty_ledger.counts()["events"] == 1


def test_a_failing_write_leaves_nothing_half_written(empty_ledger):
    orphan = Event(id="", type="withdraw", actor="ARM", target="CSTO", date=parse_edtf("2030"),
                   evidence=(Evidence("no-such-document", "x"),))
    with pytest.raises(sa.exc.IntegrityError):
        empty_ledger.write(documents=[DOC], events=[(an_event(), "user"), (orphan, "user")])
    assert empty_ledger.counts()["documents"] == 0 and empty_ledger.counts()["events"] == 0


def test_a_correction_supersedes_without_erasing_history(empty_ledger):
    empty_ledger.write(documents=[DOC], events=[(an_event("2024-06"), "user")])
    [old] = empty_ledger.events()
    new_id = empty_ledger.supersede(old.id, an_event("2024-06-13"), "user", "day given by a second outlet")
    [current] = empty_ledger.events()
    assert current.id == new_id and current.date.edtf == "2024-06-13"
    assert len(empty_ledger.events(include_superseded=True)) == 2
    chain = empty_ledger.history(new_id)
    assert [e.date.edtf for e, _ in chain] == ["2024-06", "2024-06-13"]
    assert chain[0][1] == "day given by a second outlet"
    with pytest.raises(ValueError):
        empty_ledger.supersede(old.id, an_event("2024-06-14"), "user", "twice")


def test_review_accepts_a_proposed_event_as_a_new_record(empty_ledger):
    empty_ledger.write(documents=[DOC], events=[(an_event(review="proposed"), "extraction")])
    assert empty_ledger.events() == []
    [proposed] = empty_ledger.events(review=("proposed",))
    empty_ledger.review(proposed.id, "accepted", "checked against the source")
    [accepted] = empty_ledger.events(with_evidence=True)
    assert accepted.evidence and accepted.evidence[0].outlet == "Test Outlet"
    assert empty_ledger.events(review=("proposed",)) == []


def test_reports_of_one_fact_stay_together_when_filtering_by_start(empty_ledger):
    empty_ledger.write(documents=[DOC], events=[(an_event("2006-06-23", fact="f"), "user"), (an_event("2006-08-16", fact="f"), "user")])
    assert len(empty_ledger.events(until=date(2006, 7, 1))) == 1
    assert len(empty_ledger.events(facts_started_by=date(2006, 7, 1))) == 2


def test_the_migrations_create_exactly_the_declared_schema(empty_ledger):
    with empty_ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_an_older_schema_is_migrated_in_place_keeping_its_rows(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = sa.create_engine(url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO documents (id, kind, text, added_at) VALUES ('d1', 'article', 'kept', '2026-01-01')"))
        conn.execute(sa.text("INSERT INTO claims (id, speaker, speaker_label, subject, stance, modality, text, origin, recorded_at) "
                             "VALUES ('c1', 'RUS', 'Russian MFA', 'ARM', 'full_member', 'asserted', 'a full member', 'user', '2026-01-01')"))
    assert migrate.current_revision(engine) == "0001"
    ledger = Ledger.open(url)
    assert migrate.current_revision(ledger.engine) == migrate.head_revision()
    assert ledger.document("d1").text == "kept"
    assert ledger.quotes() == []  # the table added by 0002 exists
    [claim] = ledger.claims(subject="ARM")
    assert (claim.text, claim.topic) == ("a full member", "standing")  # the column added by 0003, filled for old rows


def test_a_foreign_database_is_refused_not_rebuilt(tmp_path):
    url = f"sqlite:///{tmp_path / 'foreign.sqlite3'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE notes (x TEXT)"))
        conn.execute(sa.text("INSERT INTO notes VALUES ('mine')"))
    with pytest.raises(SchemaError, match="no foedus schema version"):
        Ledger.open(url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT x FROM notes")).scalar_one() == "mine"
