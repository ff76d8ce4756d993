"""Comparing an ATOP alliance with the hand-written alliance that codes the same treaty."""
from __future__ import annotations

from datetime import date

from foedus.atop.contradictions import compare_alliances
from foedus.atop.rules import load_correspondence
from foedus.domain.dates import parse_edtf
from foedus.domain.events import Event


def ev(type_, actor, when, target, fact=None):
    return Event(id=f"{target}-{type_}-{actor}-{when}", type=type_, actor=actor, target=target, date=parse_edtf(when), fact=fact)


ATOP = [
    ev("join", "RUS", "1992-05-15", "atop:4220"),
    ev("join", "BLR", "1994-01-03", "atop:4220"),
    ev("join", "UZB", "1992-05-15", "atop:4220"), ev("withdraw", "UZB", "1999-04-20", "atop:4220"),
    ev("join", "UZB", "2006-08-17", "atop:4220"), ev("withdraw", "UZB", "2012-06-28", "atop:4220"),
    ev("join", "AZE", "1993-09-24", "atop:4220"), ev("withdraw", "AZE", "1999-04-20", "atop:4220"),
]
REF = [
    ev("sign", "RUS", "1992-05-15", "CSTO"), ev("join", "RUS", "1994-04-20", "CSTO"),
    ev("sign", "BLR", "1993-12-31", "CSTO", "blr-sign"), ev("sign", "BLR", "1994-01-03", "CSTO", "blr-sign"),
    ev("join", "BLR", "1994-04-20", "CSTO"),
    ev("sign", "UZB", "1992-05-15", "CSTO"), ev("join", "UZB", "1994-04-20", "CSTO"), ev("withdraw", "UZB", "1999-04-20", "CSTO"),
    ev("join", "UZB", "2006-06-23", "CSTO", "uzb-back"), ev("join", "UZB", "2006-08-16", "CSTO", "uzb-back"),
    ev("suspend_membership", "UZB", "2012-12-19", "CSTO"),
    ev("join", "AZE", "1993-09-24", "CSTO"), ev("withdraw", "AZE", "1999-04-20", "CSTO"),
    ev("join", "ARM", "2019-05-01", "CSTO"),  # after ATOP's coverage: not compared
]


def run():
    return compare_alliances(ATOP, REF, alliance="CSTO", atopid=4220, coverage_end=date(2018, 12, 31))


def by_actor():
    return {m.actor: m for m in run().members}


def test_signature_convention_is_not_a_contradiction():
    rus = by_actor()["RUS"]
    assert rus.verdict == "convention" and [i.verdict for i in rus.items] == ["signature"]
    assert [d.kind for d in rus.differences] == ["convention"]


def test_belarus_entry_differs_and_shows_both_reports():
    blr = by_actor()["BLR"]
    (item,) = blr.items
    assert item.verdict == "differs" and item.atop == "1994-01-03"
    assert "1993-12-31" in item.explanation and "1994-01-03" in item.explanation
    assert {r.date for r in item.reference_reports if r.type == "sign"} == {"1993-12-31", "1994-01-03"}


def test_uzbekistan_exit_differs_in_date_and_kind():
    uzb = by_actor()["UZB"]
    exits = [i for i in uzb.items if i.what == "exit"]
    assert [(i.atop, i.reference, i.verdict) for i in exits] == [
        ("1999-04-20", "1999-04-20", "same"), ("2012-06-28", "2012-12-19", "differs")]
    assert exits[1].atop_status == "withdrawn" and exits[1].reference_status == "suspended"
    diffs = [(d.start, d.end, d.atop, d.reference, d.kind) for d in uzb.differences if d.kind != "convention"]
    assert (date(2012, 6, 28), date(2012, 12, 18), "withdrawn", "member", "membership") in diffs
    assert (date(2012, 12, 19), date(2018, 12, 31), "withdrawn", "suspended", "kind_of_exit") in diffs
    assert uzb.verdict == "differs"


def test_identical_records_agree():
    aze = by_actor()["AZE"]
    assert aze.verdict == "agrees" and not aze.differences


def test_nothing_after_the_coverage_is_compared():
    assert "ARM" in by_actor() and by_actor()["ARM"].items == []


def test_only_in_atop():
    c = compare_alliances(ATOP, [], alliance="CSTO", atopid=4220, coverage_end=date(2018, 12, 31))
    assert {i.verdict for m in c.members for i in m.items} == {"only_atop"} and c.notes


def test_correspondence_is_data():
    assert load_correspondence() == {"CSTO": 4220, "NATO": 3180}
