"""Pure unit tests of the rule functions: synthetic scenarios, no database."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from foedus.datafiles.yaml_model import load_model
from foedus.domain.dates import parse_edtf
from foedus.domain.events import Claim, Event
from foedus.domain.status import standing
from foedus.treaty.rules import defence, withdrawal
from foedus.treaty.rules.decision import select_rule, stance_of
from foedus.treaty.rules.facts import CasusAssumptions, CasusFacts, DecisionFacts, Incident, WithdrawalFacts
from foedus.treaty.rules.readings import combinations, merged_params
from foedus.treaty.rules.territory import TerritoryRegistry, resolve_place
from foedus.treaty.spec import AllianceSpec

DATA = Path(__file__).resolve().parents[2] / "foedus" / "data"


@pytest.fixture(scope="module")
def csto() -> AllianceSpec:
    return load_model(DATA / "alliances" / "csto.yaml", AllianceSpec)


@pytest.fixture(scope="module")
def nato() -> AllianceSpec:
    return load_model(DATA / "alliances" / "nato.yaml", AllianceSpec)


@pytest.fixture(scope="module")
def terr() -> TerritoryRegistry:
    return load_model(DATA / "territories.yaml", TerritoryRegistry)


def ev(type_, actor, target, when, fact=None, **attrs):
    return Event(id=fact or f"{type_}-{actor}-{when}", type=type_, actor=actor, target=target, date=parse_edtf(when),
                 fact=fact, attributes=attrs)


def member(actor, alliance="CSTO", joined="1994-04-20", on=date(2022, 9, 13), extra=()):
    return standing(actor, alliance, [ev("join", actor, alliance, joined, f"join-{actor}"), *extra], on)


def claim(stance, subject, when, text="…"):
    return Claim(id=f"c-{stance}", speaker="X", speaker_label="X", subject=subject, alliance="CSTO",
                 date=parse_edtf(when), stance=stance, text=text)


def scenario(terr, *, victim="ARM", aggressor="AZE", place="ARM", on=date(2022, 9, 13), kind="state", part_of=None,
             aggressor_kind="state", victim_extra=(), **kw):
    names = {"ARM": "Armenia", "KAZ": "Kazakhstan", "nagorno-karabakh": "Nagorno-Karabakh", "USA": "United States",
             "FLK": "Falkland Islands", "GBR": "United Kingdom"}
    where = resolve_place(terr, place, kind, names.get(place, place), part_of, on)
    agg = None
    if aggressor and aggressor_kind == "state":
        agg = standing(aggressor, "CSTO", [ev("join", aggressor, "CSTO", "1994-04-20", "j"),
                                           ev("withdraw", aggressor, "CSTO", "1999-04-20", "w")], on)
    return CasusFacts(incident=Incident("CSTO", victim, aggressor, place, on), victim_name=names.get(victim, victim),
                      victim=member(victim, on=on, extra=victim_extra), place=where, aggressor_name=aggressor,
                      aggressor_kind=aggressor_kind if aggressor else None, aggressor=agg, **kw)


NONE = CasusAssumptions()


# --- one condition, one function --------------------------------------------------------------

def test_victim_member(csto, terr):
    assert defence.victim_member({}, csto, scenario(terr), NONE).holds is True
    left = scenario(terr, victim_extra=(ev("withdraw", "ARM", "CSTO", "2020-01-01", "w"),))
    assert defence.victim_member({}, csto, left, NONE).holds is False
    frozen = scenario(terr, victim_extra=(ev("freeze_participation", "ARM", "CSTO", "2022-01-01", "f"),))
    r = defence.victim_member({}, csto, frozen, NONE)
    assert r.holds is True and "do not know" in r.explanation


def test_aggressor_outside(csto, terr):
    assert defence.aggressor_outside({}, csto, scenario(terr), NONE).holds is True
    assert defence.aggressor_outside({}, csto, scenario(terr, aggressor=None), NONE).applies is False
    assert defence.aggressor_outside({}, csto, scenario(terr, aggressor="al-qaeda", aggressor_kind="organisation"), NONE).holds
    inside = scenario(terr)
    inside = CasusFacts(**{**inside.__dict__, "aggressor": member("AZE")})
    assert defence.aggressor_outside({}, csto, inside, NONE).holds is False


def test_armed_attack_external_and_internal(csto, terr):
    ext = scenario(terr, attacks=(ev("attack", "AZE", "ARM", "2022-09-13"),))
    r = defence.armed_attack({}, csto, ext, NONE)
    assert r.holds is True and r.facts and not r.assumptions
    stated = defence.armed_attack({}, csto, scenario(terr), NONE)
    assert stated.holds is True and stated.assumptions            # taken as stated, and said so
    internal = scenario(terr, victim="KAZ", aggressor=None, place="KAZ", on=date(2022, 1, 5),
                        claims=(claim("external_aggression_alleged", "KAZ", "2022-01-05"),))
    assert defence.armed_attack({"internal_threat": "excluded"}, csto, internal, NONE).holds is False
    assert defence.armed_attack({"internal_threat": "if_outside_interference_alleged"}, csto, internal, NONE).holds is True
    quiet = scenario(terr, victim="KAZ", aggressor=None, place="KAZ", on=date(2022, 1, 5))
    assert defence.armed_attack({"internal_threat": "if_outside_interference_alleged"}, csto, quiet, NONE).holds is False


def test_victim_territory_uses_the_dated_registry(csto, terr):
    assert defence.victim_territory({}, csto, scenario(terr), NONE).holds is True
    nk = scenario(terr, place="nagorno-karabakh", kind="region", part_of="AZE", on=date(2020, 9, 27))
    r = defence.victim_territory({}, csto, nk, NONE)
    assert r.holds is False and "after this date" in r.explanation
    before = scenario(terr, place="nagorno-karabakh", kind="region", on=date(1991, 6, 1))
    assert defence.victim_territory({}, csto, before, NONE).holds is None   # no sovereign recorded yet
    fallback = scenario(terr, place="kursk-oblast", kind="region", part_of="RUS")
    r = defence.victim_territory({}, csto, fallback, NONE)
    assert r.holds is False and r.assumptions                                # undated part_of, said so


def test_geographic_scope(nato, terr):
    zones = {"zones": ["europe", "north-america"]}
    assert defence.geographic_scope(zones, nato, scenario(terr, victim="USA", place="USA"), NONE).holds is True
    flk = scenario(terr, victim="GBR", place="FLK", aggressor="ARG")
    assert defence.geographic_scope(zones, nato, flk, NONE).holds is False
    nowhere = scenario(terr, victim="ARM", place="atlantis", kind="region")
    assert defence.geographic_scope(zones, nato, nowhere, NONE).holds is None


def test_request(csto, terr):
    made = scenario(terr, requests=(ev("request_assistance", "ARM", "CSTO", "2022-09-13"),))
    assert defence.request({}, csto, made, NONE).holds is True
    assert defence.request({}, csto, scenario(terr), NONE).holds is None
    assert defence.request({}, csto, scenario(terr), CasusAssumptions(requested=True)).holds is True
    r = defence.request({}, csto, made, CasusAssumptions(requested=False))
    assert r.holds is False and "contradicts" in r.assumptions[0]
    denied = scenario(terr, claims=(claim("no_request_for_assistance", "ARM", "2023-01-01"),))
    assert defence.request({}, csto, denied, NONE).holds is False
    late = scenario(terr, requests=(ev("request_assistance", "ARM", "CSTO", "2023-09-13"),))
    assert defence.request({"window_days_after": 30}, csto, late, NONE).holds is None


def test_collective_decision(csto, terr):
    members = tuple(member(m) for m in ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"))
    none = scenario(terr, members=members)
    r = defence.collective_decision({}, csto, none, NONE)
    assert r.holds is None and r.details["may_block"] == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    dep = scenario(terr, members=members, actions=(ev("deploy_forces", "CSTO", "ARM", "2022-09-20"),))
    assert defence.collective_decision({}, csto, dep, NONE).holds is True
    den = scenario(terr, members=members, actions=(ev("deny_assistance", "CSTO", "ARM", "2022-09-20"),
                                                   ev("send_mission", "CSTO", "ARM", "2022-09-15")))
    r = defence.collective_decision({}, csto, den, NONE)
    assert r.holds is False and r.details["other_responses"] == ["send_mission"]


def test_every_condition_of_every_shipped_spec_has_a_rule_function():
    for path in sorted((DATA / "alliances").glob("*.yaml")):
        spec = load_model(path, AllianceSpec)
        if spec.defence_clause:
            for c in spec.defence_clause.conditions:
                assert c.id in defence.CONDITIONS, f"{spec.id}: no rule function for {c.id}"


def test_outcome_precedence_and_readings(csto, terr):
    f = scenario(terr, requests=(ev("request_assistance", "ARM", "CSTO", "2022-09-13"),),
                 attacks=(ev("attack", "AZE", "ARM", "2022-09-13"),))
    a = defence.evaluate_casus(csto, f)
    assert a.outcome == "engaged" and not a.disputed
    d = a.to_dict()
    assert d["conditions"][0]["holds"] is True and "provisions" in d["conditions"][0]
    no_req = defence.evaluate_casus(csto, f, CasusAssumptions(requested=False))
    assert no_req.outcome == "not_engaged" and no_req.disputed       # engaged under the 'automatic' reading
    assert [o.readings for o in no_req.by_reading if o.outcome == "engaged"] == [{"clause": "automatic"}]


# --- withdrawal -------------------------------------------------------------------------------

def test_add_months_and_effective_date():
    assert withdrawal.add_months(date(2025, 3, 1), 6) == date(2025, 9, 1)
    assert withdrawal.add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert withdrawal.effective_date(date(2024, 1, 29), 12) == date(2025, 1, 29)
    assert withdrawal.effective_date(date(2024, 1, 29), None) is None


def test_withdrawal_allowed_and_minimum_duration(nato):
    assert withdrawal.withdrawal_allowed({"allowed": False}).holds is False
    assert withdrawal.withdrawal_allowed({"notice_months": 0}).holds is True
    assert withdrawal.minimum_duration(nato, date(1960, 1, 1), date(1949, 8, 24)).holds is False
    assert withdrawal.minimum_duration(nato, date(1970, 1, 1), date(1949, 8, 24)).holds is True


def test_readings_params_and_combinations(csto):
    w = csto.withdrawal
    no_exit = next(r for r in w.readings if r.id == "no-unilateral-exit")
    assert merged_params({"allowed": True}, no_exit)["allowed"] is False
    combos = combinations({"clause": list(csto.defence_clause.readings)})
    assert combos[0] == {"clause": "request-and-decision"} and len(combos) == 2


def test_arrears_and_renormalised_shares(csto):
    s = member("ARM", on=date(2025, 3, 1))
    f = WithdrawalFacts("CSTO", "ARM", "Armenia", date(2025, 3, 1), s, (),
                        withheld=(ev("withhold_contribution", "ARM", "CSTO", "2024-05-08", budget="2024"),))
    r = withdrawal.arrears(csto, f, date(2025, 9, 1))
    assert r.holds is False and r.details["years"] == ["2024"] and r.details["amount"] is None
    paid = WithdrawalFacts(**{**f.__dict__, "paid": (ev("pay_contribution", "ARM", "CSTO", "2025-01-10", budget="2024"),)})
    assert withdrawal.arrears(csto, paid, date(2025, 9, 1)).holds is True
    shares = withdrawal.renormalised_shares(csto, ["BLR", "KAZ", "KGZ", "RUS", "TJK"])
    assert shares["RUS"] == pytest.approx(0.5556) and shares["TJK"] == pytest.approx(0.1111)


# --- decisions --------------------------------------------------------------------------------

def test_select_rule_and_stances(csto):
    assert select_rule(csto, "third-country bases")[0].id == "foreign-bases"
    rule, how = select_rule(csto, "budget for 2025")
    assert rule.id == "consensus" and "assumed" in how
    f = DecisionFacts("CSTO", "budget", date(2025, 1, 1), (member("ARM"),),
                      events=(ev("refuse_decision", "ARM", "CSTO", "2024-01-01"),),
                      claims=(claim("no_objection_limited_format", "ARM", "2024-05-08"),))
    likely, text, signals = stance_of("ARM", f)
    assert likely == "abstain" and len(signals) == 2          # a stated position outweighs earlier conduct
    assert stance_of("BLR", f)[0] is None
