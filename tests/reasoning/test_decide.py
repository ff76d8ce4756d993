"""Decisions: who votes, whether a frozen member counts, who can block, and stances as inference."""
from __future__ import annotations

import json
from datetime import date

import pytest

from foedus.services import reasoning
from foedus.treaty.rules.errors import RuleError


def test_csto_budget_decision_with_armenia_frozen(ledger):
    a = reasoning.decide(ledger, "CSTO", "CSTO budget for 2025", date(2024, 11, 28))
    assert a.rule["rule"] == "consensus"
    assert set(a.counted) == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert "ARM" in a.may_block
    arm = next(v for v in a.voters if v.name == "ARM")
    assert arm.details["participation"] == "frozen" and arm.holds is True
    assert "instruments do not know" in arm.explanation
    assert a.frozen_members_count is True
    st = next(s for s in a.stances if s["actor"] == "ARM")
    assert st["likely"] == "abstain" and st["inference"] is True
    assert "limited format" in a.summary
    assert any("assumed" in x for x in a.assumptions)      # the rule was inferred, and says so


def test_rule_selection_by_topic_and_by_id(ledger):
    a = reasoning.decide(ledger, "CSTO", "bases of a third country in Kyrgyzstan", date(2024, 1, 1))
    assert a.rule["id"] == "foreign-bases"
    b = reasoning.decide(ledger, "NATO", "invite Ukraine", date(2025, 1, 1), rule="accession")
    assert b.rule["rule"] == "unanimity" and len(b.counted) == 32
    with pytest.raises(RuleError):
        reasoning.decide(ledger, "NATO", "x", date(2025, 1, 1), rule="nope")


def test_cli_decide_json(cli):
    code, out, _ = cli("decide", "CSTO", "budget for 2025", "--on", "2025-11-27", "--json")
    assert code == 0
    d = json.loads(out)
    assert d["rule"]["rule"] == "consensus" and "ARM" in d["may_block"]
    assert all(s["inference"] for s in d["stances"])
    code, out, _ = cli("decide", "CSTO", "budget for 2025", "--on", "2025-11-27")
    assert code == 0 and "inference" in out
    assert cli("decide", "CSTO", "x", "--on", "1900-01-01")[0] == 3
