"""Casus foederis against the reference ledgers: the cases behind the seed articles."""
from __future__ import annotations

import json
from datetime import date

import pytest

from foedus.services import reasoning
from foedus.services.standing import NotFound
from foedus.treaty.rules.errors import ImpossibleQuestion, RuleError


def cond(answer, name):
    return next(c for c in answer.conditions if c.name == name)


def test_arm_karabakh_2020_not_engaged_outside_the_victims_territory(ledger):
    a = reasoning.casus(ledger, "CSTO", "ARM", "nagorno-karabakh", date(2020, 9, 27), aggressor="AZE")
    assert a.outcome == "not_engaged"
    assert not a.disputed                         # the same under every reading
    t = cond(a, "victim_territory")
    assert t.holds is False
    assert "AZE" in t.explanation and "not Armenia's" in t.explanation
    assert any("Prague" in (f.text) or f.type == "recognition" for f in t.facts)
    assert cond(a, "victim_member").holds is True
    assert cond(a, "aggressor_outside").holds is True
    assert cond(a, "request").holds is False      # the Secretary General: Armenia did not ask
    stances = {c.type for c in a.claims}
    assert {"obligations_do_not_cover_place", "hostilities_not_on_member_territory"} <= stances


def test_arm_september_2022_engaged_on_paper_request_made_no_collective_assistance(ledger):
    a = reasoning.casus(ledger, "CSTO", "ARM", "ARM", date(2022, 9, 13), aggressor="AZE")
    assert a.outcome == "engaged"
    assert all(o.outcome == "engaged" for o in a.by_reading)
    assert cond(a, "victim_territory").holds is True
    req = cond(a, "request")
    assert req.holds is True and req.only_under == ("request-and-decision",)
    assert any(f.type == "request_assistance" and f.date == "2022-09-13" for f in req.facts)
    assert cond(a, "armed_attack").holds is True
    action = a.collective_action
    assert action["assistance_recorded"] is False
    assert "send_mission" in action["other_responses"]
    assert action["rule"]["rule"] == "consensus" and "ARM" in action["may_block"]
    assert "met on paper" in a.summary and "No collective assistance recorded" in a.summary


def test_arm_region_of_its_own_territory_counts_as_its_territory(ledger):
    a = reasoning.casus(ledger, "CSTO", "ARM", "syunik", date(2022, 9, 13), aggressor="AZE")
    assert cond(a, "victim_territory").holds is True
    assert a.outcome == "engaged"


def test_arm_karabakh_2023_not_engaged_and_armenias_own_recognition_is_shown(ledger):
    a = reasoning.casus(ledger, "CSTO", "ARM", "nagorno-karabakh", date(2023, 9, 19), aggressor="AZE")
    assert a.outcome == "not_engaged"
    assert "Armenia itself recognised it as AZE's on 2022-10-06" in cond(a, "victim_territory").explanation


def test_kaz_january_2022_engaged_at_the_members_request_with_the_internal_threat_dispute(ledger):
    a = reasoning.casus(ledger, "CSTO", "KAZ", "KAZ", date(2022, 1, 5))
    assert a.outcome == "engaged"
    assert cond(a, "request").holds is True
    assert cond(a, "aggressor_outside").applies is False
    attack = cond(a, "armed_attack")
    by = {r.reading: r.holds for r in attack.by_reading}
    assert by == {"foreign-intervention-only": False, "outside-interference-suffices": True}
    assert a.disputed
    assert any(o.outcome == "not_engaged" and o.readings.get("armed_attack") == "foreign-intervention-only"
               for o in a.by_reading)
    assert a.collective_action["assistance_recorded"] is True
    assert "deploy_forces" in a.collective_action["assistance"]


def test_arm_2021_incursion_undetermined_without_a_request_then_settled_by_an_assumption(ledger):
    a = reasoning.casus(ledger, "CSTO", "ARM", "syunik", date(2021, 5, 12), aggressor="AZE")
    assert a.outcome == "undetermined"
    assert any("--requested" in x for x in a.assumptions)
    assert any(o.outcome == "engaged" and o.readings == {"clause": "automatic"} for o in a.by_reading)
    b = reasoning.casus(ledger, "CSTO", "ARM", "syunik", date(2021, 5, 12), aggressor="AZE", requested=False)
    assert b.outcome == "not_engaged" and b.disputed
    assert any("stated in the question" in x for x in b.assumptions)


def test_nato_article_5_2001_invoked(ledger):
    a = reasoning.casus(ledger, "NATO", "USA", "USA", date(2001, 9, 12), aggressor="al-qaeda")
    assert a.outcome == "engaged"
    assert "request" not in {c.name for c in a.conditions}     # no request needed under Art. 5
    assert cond(a, "geographic_scope").holds is True
    action = a.collective_action
    assert action["assistance_recorded"] and "invoke_defence_clause" in action["assistance"]
    assert action["obligation"] == "individual"


def test_nato_falklands_1982_outside_the_treaty_area(ledger):
    a = reasoning.casus(ledger, "NATO", "GBR", "FLK", date(1982, 4, 2), aggressor="ARG")
    assert a.outcome == "not_engaged"
    assert cond(a, "victim_territory").holds is True
    assert cond(a, "geographic_scope").holds is False


def test_bad_input(ledger):
    with pytest.raises(NotFound):
        reasoning.casus(ledger, "XXX", "ARM", "ARM", date(2022, 9, 13), aggressor="AZE")
    with pytest.raises(NotFound, match="territory"):
        reasoning.casus(ledger, "CSTO", "ARM", "atlantis", date(2022, 9, 13), aggressor="AZE")
    with pytest.raises(ImpossibleQuestion, match="before CSTO existed"):
        reasoning.casus(ledger, "CSTO", "ARM", "ARM", date(1990, 1, 1), aggressor="AZE")
    with pytest.raises(RuleError, match="no defence clause"):
        reasoning.casus(ledger, "ECOWAS", "MLI", "MLI", date(2022, 1, 1))
    with pytest.raises(ImpossibleQuestion):
        reasoning.casus(ledger, "CSTO", "ARM", "ARM", date(2022, 9, 13), aggressor="ARM")


def test_cli_casus_json(cli):
    code, out, _ = cli("casus", "CSTO", "--victim", "ARM", "--aggressor", "AZE", "--place", "nagorno-karabakh",
                       "--on", "2020-09-27", "--json")
    assert code == 0
    d = json.loads(out)
    assert d["outcome"] == "not_engaged"
    names = [c["name"] for c in d["conditions"]]
    assert names[:4] == ["victim_member", "aggressor_outside", "armed_attack", "victim_territory"]
    for c in d["conditions"]:
        assert set(c) >= {"name", "holds", "provisions", "facts"}
        assert c["holds"] in (True, False, None)
    terr = next(c for c in d["conditions"] if c["name"] == "victim_territory")
    assert terr["holds"] is False and terr["provisions"][0]["article"] == "4"
    assert isinstance(d["assumptions"], list)


def test_cli_casus_people_output_and_exit_codes(cli):
    code, out, _ = cli("casus", "CSTO", "--victim", "ARM", "--aggressor", "AZE", "--place", "ARM", "--on", "2022-09-13")
    assert code == 0 and "ENGAGED" in out and "victim_territory" in out
    assert cli("casus", "CSTO", "--victim", "ARM", "--place", "atlantis", "--on", "2022-09-13")[0] == 4
    assert cli("casus", "NOPE", "--victim", "ARM", "--on", "2022-09-13")[0] == 4
    assert cli("casus", "CSTO", "--victim", "ARM", "--on", "1980-01-01")[0] == 3
    assert cli("casus", "CSTO", "--victim", "ARM", "--on", "13/09/2022")[0] == 2
