"""COW country codes -> actor ids: every code resolves, the exceptions are what COW's continuity says."""
from __future__ import annotations

import pytest

from foedus.atop.codes import default_cow_map, gw_iso3
from foedus.domain.dates import parse_edtf
from foedus.registry.load import load_registry


@pytest.fixture(scope="module")
def cow():
    return default_cow_map()


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_every_code_resolves_to_an_actor_of_the_registry(cow, registry):
    ids = {a.id for a in registry.actors}
    missing = [(e.code, e.actor) for e in cow.entries() if e.actor not in ids]
    assert not missing
    assert len([e for e in cow.entries() if e.in_cow_list]) == 217  # the COW state list, v2016


@pytest.mark.parametrize("code, actor", [
    (365, "RUS"), (255, "DEU"), (260, "DEU"), (265, "hist:german-democratic-republic"), (345, "SRB"),
    (300, "hist:austria-hungary"), (305, "AUT"), (315, "hist:czechoslovakia"), (316, "CZE"), (317, "SVK"),
    (640, "TUR"), (325, "ITA"), (678, "hist:yemen-arab-republic"), (679, "YEM"), (680, "hist:south-yemen"),
    (816, "VNM"), (817, "hist:south-vietnam"), (730, "hist:korea"), (731, "PRK"), (732, "KOR"),
    (946, "KIR"), (947, "TUV"), (955, "TON"), (970, "NRU"), (2, "USA"), (200, "GBR"),
    (245, "hist:bavaria"), (271, "hist:wurttemberg"), (267, "hist:baden"), (269, "hist:saxony"),
    (327, "hist:papal-states"), (329, "hist:two-sicilies"), (240, "hist:hanover"), (332, "hist:modena"),
    (335, "hist:parma"), (337, "hist:tuscany"), (8152, "hist:annam"),
])
def test_known_codes(cow, code, actor):
    assert cow.actor(code) == actor


def test_atop_only_codes_are_not_cow_codes(cow):
    assert not cow.get(8152).in_cow_list
    assert 999 not in cow and 340 not in cow  # 340 is a GW code (Serbia), not a COW code


def test_exceptions_are_needed(cow):
    """Each exception overrides a GW default that is missing or different (none is redundant)."""
    gw = gw_iso3()
    for e in cow.entries():
        if e.how == "exception" and e.in_cow_list:
            assert gw.get(e.code, []) != [e.actor], f"exception for {e.code} repeats country_converter's answer"


def test_defaults_come_from_country_converter_unchanged(cow):
    gw = gw_iso3()
    for e in cow.entries():
        if e.how != "exception":
            assert gw[e.code] == [e.actor]


def test_historical_states_are_registered_with_their_cow_code(cow, registry):
    hist = [a for a in registry.actors if a.id.startswith("hist:")]
    assert len(hist) >= 20
    for a in hist:
        assert a.kind == "historical_state" and a.cow_code is not None and a.existed
        parse_edtf(a.existed)
        assert cow.actor(a.cow_code) == a.id


def test_registry_cow_codes_agree_with_the_mapping(cow, registry):
    wrong = [(a.id, a.cow_code, cow.actor(a.cow_code)) for a in registry.actors
             if a.cow_code is not None and a.cow_code in cow and cow.actor(a.cow_code) != a.id]
    assert not wrong
