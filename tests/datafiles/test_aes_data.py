"""The Alliance of Sahel States data files: the spec and the reference ledger validate, every fact and
every provision is sourced, and the members on a date are the three Charter signatories."""
from __future__ import annotations

from datetime import date

import pytest
from pydantic import BaseModel

from foedus.datafiles.paths import ALLIANCES_DIR, LEDGER_DIR
from foedus.datafiles.reference_ledger import read_reference_ledger
from foedus.datafiles.yaml_model import load_model, read_yaml
from foedus.services import reasoning
from foedus.services.standing import members_on
from foedus.treaty.spec import AllianceSpec, Citation

SPEC = ALLIANCES_DIR / "aes.yaml"
LEDGER = LEDGER_DIR / "aes.yaml"


@pytest.fixture(scope="module")
def spec() -> AllianceSpec:
    return load_model(SPEC, AllianceSpec)


@pytest.fixture(scope="module")
def loaded(shipped_data):
    return read_reference_ledger(LEDGER, shipped_data.registry, {s.id for s, _ in shipped_data.specs})


def _citations(obj):
    """Every Citation anywhere inside a spec (provisions, conditions, readings, instruments)."""
    if isinstance(obj, Citation):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from _citations(x)
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _citations(getattr(obj, name))


def test_spec_instruments_and_dates(spec):
    assert spec.id == "AES" and spec.kind == "defence_pact"
    ins = {i.id: i for i in spec.instruments}
    assert ins["charter-2023"].signed == date(2023, 9, 16)
    assert ins["confederation-treaty-2024"].signed == date(2024, 7, 6)
    assert spec.founded == date(2023, 9, 16)
    assert spec.defence_clause is not None and spec.defence_clause.article == "6"


def test_every_spec_citation_has_a_url_and_an_excerpt(spec):
    cites = list(_citations(spec))
    assert len(cites) > 10
    for c in cites:
        assert c.url and c.url.startswith("http"), c
        assert c.excerpt, c
        assert c.confidence in ("confirmed", "reported", "unconfirmed")


def test_every_fact_has_a_source(loaded):
    raw = read_yaml(LEDGER)
    for key, s in raw["sources"].items():
        assert s["url"].startswith("http") and s["excerpt"], key
    for f in raw["events"]:
        for rep in f["reports"]:
            assert rep["sources"], f["fact"]
            assert all(k in raw["sources"] for k in rep["sources"]), f["fact"]
    assert loaded.events
    for e in loaded.events:
        assert e.evidence, e.fact
        assert all(ev.url and ev.text for ev in e.evidence), e.fact


def test_ledger_records_the_charter_and_the_confederation_treaty(loaded):
    got = {(e.type, e.actor, e.date.edtf) for e in loaded.events}
    for state in ("MLI", "BFA", "NER"):
        assert ("sign", state, "2023-09-16") in got
        assert ("join", state, "2023-09-16") in got
        assert ("sign", state, "2024-07-06") in got
    assert all(e.target == "AES" for e in loaded.events)


def test_members_on_a_date(ledger):
    assert [s.actor for s in members_on(ledger, "AES", date(2024, 1, 1))] == ["BFA", "MLI", "NER"]
    assert [s.actor for s in members_on(ledger, "AES", date(2025, 6, 1))] == ["BFA", "MLI", "NER"]
    assert members_on(ledger, "AES", date(2023, 9, 15)) == []


def test_casus_internal_threat_is_undetermined_external_attack_engaged(ledger):
    a = reasoning.casus(ledger, "AES", "NER", "NER", date(2024, 1, 1))
    assert a.outcome == "undetermined" and a.disputed
    assert {o.outcome for o in a.by_reading} == {"undetermined", "engaged"}
    b = reasoning.casus(ledger, "AES", "NER", "NER", date(2024, 1, 1), aggressor="FRA")
    assert b.outcome == "engaged"


def test_withdrawal_notice_is_six_months(ledger):
    a = reasoning.withdraw(ledger, "MLI", "AES", date(2025, 1, 1))
    assert a.effective == "2025-07-01"
