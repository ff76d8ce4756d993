"""The status engine on hand-made event lists (no database)."""
from datetime import date

from hypothesis import given, strategies as st

from foedus.domain.dates import parse_edtf
from foedus.domain.events import Event
from foedus.domain.status import WithdrawalTerms, formal_status, standing

SIX_MONTHS = WithdrawalTerms(6, "Charter art. 19")


def ev(type_, when, fact=None, actor="ARM", target="CSTO", review="accepted"):
    return Event(id=f"{type_}-{when}-{fact}", type=type_, actor=actor, target=target, date=parse_edtf(when), fact=fact, review=review)


BASE = [ev("sign", "1992-05-15"), ev("join", "1994-04-20")]


def test_signatory_before_entry_into_force_then_member():
    assert formal_status(BASE, date(1993, 1, 1)).value == "signatory"
    assert formal_status(BASE, date(1994, 4, 20)).value == "member"
    assert formal_status(BASE, date(1990, 1, 1)).value == "not_party"


def test_written_notice_takes_effect_after_the_notice_period():
    events = BASE + [ev("notify_withdrawal", "2025-03-01")]
    during = formal_status(events, date(2025, 6, 1), SIX_MONTHS)
    assert during.value == "notice_given" and during.effective.edtf == "2025-09-01"
    assert formal_status(events, date(2025, 8, 31), SIX_MONTHS).value == "notice_given"
    after = formal_status(events, date(2025, 9, 1), SIX_MONTHS)
    assert after.value == "withdrawn"
    assert any("6 months after the written notice" in r.text and r.provision == "Charter art. 19" for r in after.reasons)


def test_an_announcement_is_not_a_notice():
    events = BASE + [ev("announce_withdrawal", "2024-06-12")]
    assert formal_status(events, date(2026, 1, 1), SIX_MONTHS).value == "member"


def test_revoked_notice_keeps_the_member_in():
    events = BASE + [ev("notify_withdrawal", "2025-03-01"), ev("revoke_notice", "2025-05-01")]
    assert formal_status(events, date(2026, 1, 1), SIX_MONTHS).value == "member"


def test_signing_a_later_instrument_does_not_demote_a_member():
    events = BASE + [ev("sign", "2002-10-07")]
    s = formal_status(events, date(2003, 1, 1))
    assert s.value == "member"
    assert any("no change" in r.text for r in s.reasons)


def test_disputed_date_makes_the_status_uncertain_inside_the_range_only():
    events = [ev("sign", "1992-05-15", actor="UZB"), ev("join", "1994-04-20", actor="UZB"), ev("withdraw", "1999-04-20", actor="UZB"),
              ev("join", "2006-06-23", fact="return", actor="UZB"), ev("join", "2006-08-16", fact="return", actor="UZB")]
    inside = formal_status(events, date(2006, 7, 1))
    assert inside.value == "uncertain" and not inside.certain
    assert set(inside.possible) == {"member", "withdrawn"}
    assert formal_status(events, date(2006, 6, 1)).value == "withdrawn"
    assert formal_status(events, date(2006, 9, 1)).value == "member"


def test_an_imprecise_date_is_uncertain_within_its_month():
    events = [ev("sign", "1993-12")]
    assert formal_status(events, date(1993, 12, 10)).value == "uncertain"
    assert formal_status(events, date(1994, 1, 1)).value == "signatory"


def test_proposed_events_do_not_count():
    events = BASE + [ev("withdraw", "2020-01-01", review="proposed")]
    assert formal_status(events, date(2021, 1, 1)).value == "member"


def test_suspension_and_reinstatement():
    events = BASE + [ev("suspend_membership", "2012-12-19")]
    assert formal_status(events, date(2013, 1, 1)).value == "suspended"
    events.append(ev("reinstate_membership", "2014-01-01"))
    assert formal_status(events, date(2014, 6, 1)).value == "member"


def test_participation_frozen_then_resumed():
    events = BASE + [ev("freeze_participation", "2024-02-22"), ev("resume_participation", "2025-02-22")]
    assert standing("ARM", "CSTO", events, date(2024, 6, 1)).participation.value == "frozen"
    assert standing("ARM", "CSTO", events, date(2025, 6, 1)).participation.value == "active"


def test_unmet_obligations_make_participation_partial_until_met():
    events = BASE + [ev("withhold_contribution", "2024-05-08"), ev("skip_meeting", "2023-11-23")]
    s = standing("ARM", "CSTO", events, date(2024, 6, 1))
    assert s.participation.value == "partial"
    assert {o.kind for o in s.participation.unmet} == {"contribution", "meetings"}
    events.append(ev("pay_contribution", "2024-09-01"))
    later = standing("ARM", "CSTO", events, date(2025, 1, 1))
    # the skipped meeting is over a year old by then and the contribution was paid
    assert later.participation.value == "active"


def test_no_participation_for_a_former_member():
    events = BASE + [ev("withdraw", "1999-04-20")]
    assert standing("ARM", "CSTO", events, date(2000, 1, 1)).participation.value == "none"


def test_events_of_other_actors_or_alliances_are_ignored():
    events = BASE + [ev("withdraw", "2000-01-01", actor="AZE"), ev("withdraw", "2000-01-01", target="NATO")]
    assert standing("ARM", "CSTO", events, date(2001, 1, 1)).formal.value == "member"


@given(st.lists(st.tuples(st.dates(min_value=date(1950, 1, 1), max_value=date(2020, 12, 31)), st.booleans()), min_size=1, max_size=12, unique_by=lambda x: x[0]),
       st.dates(min_value=date(1949, 1, 1), max_value=date(2021, 12, 31)))
def test_with_exact_dates_membership_follows_the_last_join_or_exit(changes, on):
    changes.sort()
    events, member = [], False
    for i, (day, joins) in enumerate(changes):
        if joins != member:  # keep alternating spells, as valid data has
            events.append(ev("join" if joins else "withdraw", day.isoformat(), fact=str(i)))
            member = joins
    last = [e for e in events if e.date.earliest <= on]
    expected = "not_party" if not last else ("member" if last[-1].type == "join" else "withdrawn")
    assert formal_status(events, on).value == expected
