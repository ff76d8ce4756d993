"""The timeline answers exactly what the status engine answers, on every day."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from foedus.atop.timeline import MemberTimeline, is_in
from foedus.domain.dates import parse_edtf
from foedus.domain.events import Event
from foedus.domain.status import WithdrawalTerms, formal_status


def ev(type_, when, fact=None, actor="UZB", target="X"):
    return Event(id=f"{type_}-{when}-{fact}", type=type_, actor=actor, target=target, date=parse_edtf(when), fact=fact)


CASES = {
    "atop-like": [ev("join", "1992-05-15"), ev("withdraw", "1999-04-20"), ev("join", "2006-08"), ev("withdraw", "2012")],
    "disputed dates": [ev("sign", "1993-12-31", "s"), ev("sign", "1994-01-03", "s"), ev("join", "1994-04-20"),
                       ev("join", "2006-06-23", "r"), ev("join", "2006-08-16", "r"), ev("suspend_membership", "2012-12-19")],
    "notice": [ev("join", "1992-05-15"), ev("notify_withdrawal", "1998-10-20"), ev("revoke_notice", "1999-01-05"),
               ev("notify_withdrawal", "2001-03")],
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("notice", [None, 6])
def test_status_on_every_day_equals_the_engine(name, notice):
    events = CASES[name]
    terms = WithdrawalTerms(notice)
    tl = MemberTimeline("UZB", "X", events, terms)
    day, end = date(1991, 12, 1), date(2013, 3, 1)
    while day <= end:
        want = formal_status(events, day, terms)
        got = tl.status_on(day)
        assert (got.value, got.possible, got.since) == (want.value, want.possible, want.since), day
        day += timedelta(days=1)


def test_spells_are_the_days_in():
    tl = MemberTimeline("UZB", "X", CASES["atop-like"])
    spells = tl.spells()
    assert [(s.start, s.end, s.end_status) for s in spells] == [
        (date(1992, 5, 15), date(1999, 4, 20), "withdrawn"),
        (date(2006, 8, 1), date(2012, 12, 31), "withdrawn")]
    assert spells[1].uncertain_start and spells[1].uncertain_end
    for s in spells:
        assert is_in(tl.status_on(s.start)) and not is_in(tl.status_on(s.end))
        assert is_in(tl.status_on(s.end - timedelta(days=1)))


def test_no_events_means_not_a_party():
    tl = MemberTimeline("UZB", "X", [])
    assert tl.status_on(date(2000, 1, 1)).value == "not_party" and tl.spells() == [] and not tl.in_on(date(2000, 1, 1))
