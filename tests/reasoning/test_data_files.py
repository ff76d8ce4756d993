"""The data files this issue adds validate, with the others, and name only known actors."""
from __future__ import annotations

from foedus.datafiles.territories import read_territories


def test_read_data_validates_every_file(data):
    alliances = {s.id for s, _ in data.specs}
    assert {"CSTO", "NATO", "ECOWAS"} <= alliances
    ledgers = {lg.alliance for lg in data.ledgers}
    assert {"CSTO", "NATO", "ECOWAS"} <= ledgers


def test_territory_registry_names_only_known_actors(data):
    reg = read_territories(registry=data.registry)
    nk = reg.territory("nagorno-karabakh")
    assert nk is not None and nk.sovereignty[0].state == "AZE"
    assert any(r.by == "ARM" and r.date == "2022-10-06" for r in nk.recognitions)


def test_every_source_cited_has_a_url(data):
    for spec, _ in data.specs:
        if spec.id in ("NATO", "ECOWAS"):
            dc = spec.defence_clause
            for c in (dc.conditions if dc else []):
                assert c.sources and all(s.url for s in c.sources)
