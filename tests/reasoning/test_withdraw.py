"""Withdrawal computations against the reference ledgers (CSTO, NATO, ECOWAS)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from foedus.services import reasoning
from foedus.treaty.rules.errors import ImpossibleQuestion


def test_csto_notice_2025_03_01(ledger):
    a = reasoning.withdraw(ledger, "ARM", "CSTO", date(2025, 3, 1))
    assert a.notice == "2025-03-01" and a.effective == "2025-09-01"
    arrears = next(c for c in a.preconditions if c.name == "arrears")
    assert arrears.holds is False
    assert "2024" in arrears.explanation and "amount is unknown" in arrears.explanation
    assert a.after["members"] == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    shares = a.after["budget"]["shares_after"]
    assert shares["RUS"] == pytest.approx(0.5 / 0.9, abs=1e-3)
    assert shares["KAZ"] == pytest.approx(0.1 / 0.9, abs=1e-3)
    assert sum(shares.values()) == pytest.approx(1.0, abs=1e-3)
    assert a.after["budget"]["inference"] is True
    sg = next(p for p in a.after["posts"] if p["id"] == "secretary-general")
    assert "ARM" not in sg["order_after"]
    # the disputed law: TASS 2012 says the Charter knows no unilateral withdrawal
    assert a.disputed
    assert {e["reading"]: e["allowed"] for e in a.by_reading} == {"notice": True, "no-unilateral-exit": False}
    assert any("announcement does not start" in n for n in a.notes)


def test_ecowas_sahel_withdrawal_checked_against_the_record(ledger):
    for state in ("MLI", "BFA", "NER"):
        a = reasoning.withdraw(ledger, state, "ECOWAS", date(2024, 1, 29))
        assert a.effective == "2025-01-29"
        assert a.recorded["check"] == "matches the recorded withdrawal"
    a = reasoning.withdraw(ledger, "MLI", "ECOWAS", date(2024, 1, 29))
    assert {e["reading"]: e["effective"] for e in a.by_reading} == {"one-year-notice": "2025-01-29",
                                                                     "immediate-effect": "2024-01-29"}
    assert "immediate_withdrawal" in {c.type for c in a.claims}
    assert "MLI" not in a.after["members"] and set(a.after["also_leaving_by_then"]) == {"BFA", "NER"}


def test_nato_article_13(ledger):
    a = reasoning.withdraw(ledger, "FRA", "NATO", date(2025, 3, 1))
    assert a.effective == "2026-03-01"
    assert len(a.after["members"]) == 31 and "FRA" not in a.after["members"]
    assert next(c for c in a.checks if c.name == "minimum_duration").holds is True
    with pytest.raises(ImpossibleQuestion, match="20 years"):
        reasoning.withdraw(ledger, "FRA", "NATO", date(1960, 1, 1))


def test_impossible_notices(ledger):
    with pytest.raises(ImpossibleQuestion, match="took effect on 2025-01-29"):
        reasoning.withdraw(ledger, "MLI", "ECOWAS", date(2025, 3, 1))
    with pytest.raises(ImpossibleQuestion, match="took effect on 1999-04-20"):
        reasoning.withdraw(ledger, "AZE", "CSTO", date(2025, 3, 1))
    with pytest.raises(ImpossibleQuestion, match="not a member"):
        reasoning.withdraw(ledger, "USA", "CSTO", date(2025, 3, 1))
    with pytest.raises(ImpossibleQuestion, match="before"):
        reasoning.withdraw(ledger, "ARM", "CSTO", date(1980, 1, 1))


def test_cli_withdraw_json_and_text(cli):
    code, out, _ = cli("withdraw", "ARM", "CSTO", "--notice", "2025-03-01", "--json")
    assert code == 0
    d = json.loads(out)
    assert d["notice"] == "2025-03-01" and d["effective"] == "2025-09-01"
    assert any(p["name"] == "arrears" and p["holds"] is False for p in d["preconditions"])
    assert "members" in d["after"] and "ARM" not in d["after"]["members"]
    code, out, _ = cli("withdraw", "MLI", "ECOWAS", "--notice", "2024-01-29")
    assert code == 0 and "2025-01-29" in out and "matches the recorded withdrawal" in out
    assert cli("withdraw", "MLI", "ECOWAS", "--notice", "2025-03-01")[0] == 3
    assert cli("withdraw", "ZZZ", "CSTO", "--notice", "2025-03-01")[0] == 4
