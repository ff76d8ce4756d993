"""Membership over time, derived with the status engine.

The engine answers "what was X's formal status on day D". Its answer can only
change on a day where some event's date range starts or ends (or where a notice
takes effect), so evaluating :func:`foedus.domain.status.formal_status` on those
*change days* describes every day: the status on any day is the status on the
last change day on or before it. :class:`MemberTimeline` does exactly that, so a
question about hundreds of dates costs a handful of engine calls and a binary
search each, and gives the same answers as calling the engine on every date
(tests/atop/test_timeline.py checks it).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from foedus.domain.events import MEMBERSHIP_TYPES, Event
from foedus.domain.status import UNCERTAIN, FormalStatus, WithdrawalTerms, formal_status, group_reports

__all__ = ["IN_STATES", "is_in", "MemberTimeline", "Spell", "timelines_by_actor"]

# A member is "in" the alliance (listed by `foedus members`) when formally a member or under notice.
IN_STATES = frozenset({"member", "notice_given"})


def is_in(status: FormalStatus) -> bool:
    """In the alliance on that day: member or notice given, or possibly so when the date is uncertain."""
    if status.value == UNCERTAIN:
        return bool(IN_STATES & set(status.possible))
    return status.value in IN_STATES


@dataclass(frozen=True)
class Spell:
    """Days on which the member is in: ``start`` .. the day before ``end`` (``end`` None: still in)."""

    start: date
    end: date | None           # the first day out
    end_status: str | None     # the status from ``end`` on (withdrawn, suspended, ...)
    uncertain_start: bool = False
    uncertain_end: bool = False


class MemberTimeline:
    """The formal status of one actor in one alliance on every day, from the engine."""

    def __init__(self, actor: str, alliance: str, events: Sequence[Event], terms: WithdrawalTerms = WithdrawalTerms()):
        self.actor, self.alliance, self.terms = actor, alliance, terms
        self.events = [e for e in events if e.actor == actor and e.target == alliance and e.type in MEMBERSHIP_TYPES]
        days: set[date] = set()
        for h in group_reports(self.events):
            days.update((h.date.lo(), h.date.hi()))
            if h.type == "notify_withdrawal" and terms.notice_months is not None:
                eff = h.date.shifted(months=terms.notice_months)
                days.update((eff.lo(), eff.hi()))
        ordered = sorted(days)
        if ordered:
            ordered.insert(0, ordered[0] - timedelta(days=1))  # before anything happened
        self.days: list[date] = ordered
        self.statuses: list[FormalStatus] = [formal_status(self.events, d, terms) for d in ordered]

    def status_on(self, day: date) -> FormalStatus:
        """Same as ``formal_status(events, day, terms)``."""
        i = bisect_right(self.days, day) - 1
        if i < 0:
            return formal_status(self.events, day, self.terms) if not self.days else self.statuses[0]
        return self.statuses[i]

    def in_on(self, day: date) -> bool:
        return bool(self.days) and is_in(self.status_on(day))

    def spells(self) -> list[Spell]:
        """Maximal runs of days on which the member is in (possibly in, where a date is uncertain)."""
        out: list[Spell] = []
        start: date | None = None
        unc_start = False
        prev: FormalStatus | None = None
        for day, st in zip(self.days, self.statuses):
            inside = is_in(st)
            if inside and start is None:
                start, unc_start = day, st.value == UNCERTAIN
            elif not inside and start is not None:
                out.append(Spell(start, day, st.value, unc_start, prev is not None and prev.value == UNCERTAIN))
                start = None
            prev = st
        if start is not None:
            out.append(Spell(start, None, None, unc_start, False))
        return out

    def change_days(self) -> list[date]:
        return list(self.days)


def timelines_by_actor(events: Iterable[Event], alliance: str, terms: WithdrawalTerms = WithdrawalTerms()) -> dict[str, MemberTimeline]:
    """One timeline per actor with membership events in ``alliance``."""
    by_actor: dict[str, list[Event]] = {}
    for e in events:
        if e.target == alliance and e.type in MEMBERSHIP_TYPES:
            by_actor.setdefault(e.actor, []).append(e)
    return {a: MemberTimeline(a, alliance, evs, terms) for a, evs in sorted(by_actor.items())}
