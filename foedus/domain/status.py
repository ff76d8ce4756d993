"""The status engine: a member's formal standing and actual participation on a date.

Pure functions over the alliance's withdrawal rule and a list of accepted
:class:`~foedus.domain.events.Event` s. No I/O, no database.

*Formal status* follows the treaty: ``not_party`` → ``signatory`` →
``member`` → (``notice_given`` → ``withdrawn``) or ``suspended``. A written
notice takes effect after the spec's notice period unless an explicit
``withdraw`` event says otherwise.

*Participation* is what the member actually does while formally in:
``active``, ``partial`` (some obligations unmet) or ``frozen`` (it declared
its participation frozen, a status the treaty may not know).

Every derived value carries :class:`Reason` s naming the events behind it.
Reports of the same happening (same ``fact`` key) are read together: if
they disagree on the date, the change is uncertain over the whole range, and
on a date inside that range the status is reported as uncertain with both
possible values, never guessed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Sequence

from foedus.domain.dates import DateSpan, merge_spans
from foedus.domain.events import Event

__all__ = [
    "FORMAL_STATES", "PARTICIPATION_STATES", "Reason", "Happening", "FormalStatus",
    "Obligation", "Participation", "Standing", "group_reports", "formal_status",
    "participation", "standing", "WithdrawalTerms", "RECENT_DAYS", "UNCERTAIN", "EventNeeds", "EVENT_NEEDS",
]

FORMAL_STATES = ("not_party", "signatory", "member", "notice_given", "suspended", "withdrawn")
# Reported instead of a value when a change of status may or may not have happened yet.
UNCERTAIN = "uncertain"
PARTICIPATION_STATES = ("active", "partial", "frozen", "none")
# Skipped meetings and refused exercises count as unmet obligations for this long.
RECENT_DAYS = 365

# What each membership event does to the formal state: (states it applies in, new state).
# An event outside its states changes nothing (e.g. signing the 2002 Charter as a member,
# or an article calling a long-standing member "a founding member").
_ANY = frozenset({"not_party", "signatory", "member", "notice_given", "suspended", "withdrawn"})
_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "sign": (frozenset({"not_party", "withdrawn"}), "signatory"),
    "join": (frozenset({"not_party", "signatory", "withdrawn", "suspended"}), "member"),
    "notify_withdrawal": (frozenset({"member", "suspended"}), "notice_given"),
    "revoke_notice": (frozenset({"notice_given"}), "member"),
    "withdraw": (_ANY - {"withdrawn", "not_party"}, "withdrawn"),
    "suspend_membership": (frozenset({"member", "notice_given"}), "suspended"),
    "reinstate_membership": (frozenset({"suspended"}), "member"),
}


@dataclass(frozen=True)
class WithdrawalTerms:
    """What the engine needs from a spec's withdrawal provision."""

    notice_months: int | None = None
    provision: str | None = None  # a human-readable citation, e.g. "CSTO Charter art. 19"


@dataclass(frozen=True)
class Happening:
    """All reports of one fact, read together."""

    fact: str
    type: str
    actor: str
    target: str | None
    date: DateSpan
    reports: tuple[Event, ...]

    @property
    def disputed_date(self) -> bool:
        return len({r.date.edtf for r in self.reports if r.date}) > 1

    @property
    def event_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.reports)


@dataclass(frozen=True)
class Reason:
    """Why a derived value is what it is."""

    text: str
    events: tuple[str, ...] = ()
    date: str | None = None
    provision: str | None = None


@dataclass(frozen=True)
class FormalStatus:
    value: str
    certain: bool
    since: DateSpan | None
    possible: tuple[str, ...]
    reasons: tuple[Reason, ...]
    effective: DateSpan | None = None  # for notice_given: when the withdrawal takes effect


@dataclass(frozen=True)
class Obligation:
    """An obligation the member is not meeting on the date."""

    kind: str          # contribution, post, meetings, exercises, representation, decisions
    since: DateSpan
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Participation:
    value: str
    certain: bool
    since: DateSpan | None
    unmet: tuple[Obligation, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Standing:
    actor: str
    alliance: str
    on: date
    formal: FormalStatus
    participation: Participation


def group_reports(events: Iterable[Event]) -> list[Happening]:
    """Group reports by fact and merge their dates; undated reports are skipped."""
    groups: dict[str, list[Event]] = {}
    for e in events:
        if e.date is None or e.review != "accepted":
            continue
        groups.setdefault(e.fact_key, []).append(e)
    out = []
    for key, reports in groups.items():
        first = reports[0]
        out.append(Happening(key, first.type, first.actor, first.target,
                             merge_spans([r.date for r in reports if r.date]), tuple(reports)))
    out.sort(key=lambda h: (h.date.lo(), h.date.hi(), h.fact))
    return out


def _describe(h: Happening) -> str:
    when = h.date.edtf
    if h.disputed_date:
        variants = ", ".join(sorted({r.date.edtf for r in h.reports if r.date}))
        when = f"{h.date.edtf} (sources disagree: {variants})"
    return f"{h.type.replace('_', ' ')} on {when}"


def _notice_effect(h: Happening, terms: WithdrawalTerms) -> Happening | None:
    """The withdrawal a notice brings about, as a derived happening."""
    if terms.notice_months is None:
        return None
    eff = h.date.shifted(months=terms.notice_months)
    return Happening(f"{h.fact}#effective", "withdraw", h.actor, h.target, eff, h.reports)


def formal_status(events: Sequence[Event], on: date, terms: WithdrawalTerms = WithdrawalTerms()) -> FormalStatus:
    """The formal status on ``on`` of the single actor whose membership events are given."""
    happenings = [h for h in group_reports(events) if h.type in _TRANSITIONS]
    # A notice brings a derived withdrawal, unless the record says how it ended.
    derived: list[Happening] = []
    for i, h in enumerate(happenings):
        if h.type != "notify_withdrawal":
            continue
        later = [x for x in happenings[i + 1:] if x.type in ("withdraw", "revoke_notice", "join")]
        eff = _notice_effect(h, terms)
        if eff is not None and not later:
            derived.append(eff)
    timeline = sorted(happenings + derived, key=lambda h: (h.date.lo(), h.date.hi(), h.fact))

    state, since = "not_party", None
    reasons: list[Reason] = []
    possible: set[str] = set()
    effective: DateSpan | None = None
    for h in timeline:
        applies_in, new = _TRANSITIONS[h.type]
        if h.date.surely_after(on):
            continue
        if state not in applies_in and not (possible and possible & applies_in):
            reasons.append(Reason(f"{_describe(h)}: no change to the formal status ({state})", h.event_ids, h.date.edtf))
            continue
        is_derived = h.fact.endswith("#effective")
        text = (f"withdrawal takes effect {h.date.edtf}, {terms.notice_months} months after the written notice"
                if is_derived else _describe(h))
        reason = Reason(text, h.event_ids, h.date.edtf, terms.provision if is_derived or h.type == "notify_withdrawal" else None)
        if h.date.surely_before_or_on(on):
            state, since = new, h.date
            possible = set()
            reasons.append(reason)
            if new == "notice_given":
                eff = _notice_effect(h, terms)
                effective = eff.date if eff else None
            elif new != "notice_given":
                effective = None
        else:  # on falls inside the uncertain range of this change
            possible |= {state, new}
            reasons.append(Reason(f"uncertain on {on.isoformat()}: {text}", h.event_ids, h.date.edtf, reason.provision))
    if not reasons:
        reasons.append(Reason("no signature, accession or membership event recorded on or before this date"))
    if possible:
        return FormalStatus(UNCERTAIN, False, since, tuple(s for s in FORMAL_STATES if s in possible), tuple(reasons), effective)
    return FormalStatus(state, True, since, (state,), tuple(reasons), effective)


# participation event -> (obligation kind, event that ends it, or None if recency-based)
_UNMET = {
    "withhold_contribution": ("contribution", "pay_contribution"),
    "decline_post": ("post", "take_post"),
    "recall_representative": ("representation", "appoint_representative"),
    "skip_meeting": ("meetings", None),
    "refuse_exercise": ("exercises", None),
    "refuse_decision": ("decisions", None),
}


def participation(events: Sequence[Event], on: date, formal: FormalStatus) -> Participation:
    """Actual participation on ``on``, given the formal status already derived."""
    if not {"member", "notice_given"} & set(formal.possible):
        return Participation("none", formal.certain, None, (), (Reason(f"formal status is {formal.value}: no participation to assess"),))
    happenings = group_reports(events)
    frozen_since: DateSpan | None = None
    freeze_reasons: list[Reason] = []
    uncertain = False
    for h in happenings:
        if h.type not in ("freeze_participation", "resume_participation") or h.date.surely_after(on):
            continue
        if not h.date.surely_before_or_on(on):
            uncertain = True
        if h.type == "freeze_participation":
            frozen_since = h.date
            freeze_reasons = [Reason(f"declared its participation frozen: {_describe(h)}", h.event_ids, h.date.edtf)]
        else:
            frozen_since, freeze_reasons = None, [Reason(f"ended the freeze: {_describe(h)}", h.event_ids, h.date.edtf)]

    unmet: dict[str, Obligation] = {}
    window_start = on - timedelta(days=RECENT_DAYS)
    for h in happenings:
        if h.type not in _UNMET or h.date.surely_after(on):
            continue
        kind, ender = _UNMET[h.type]
        if ender is None and h.date.hi() < window_start:
            continue  # an old skipped meeting no longer says much about today
        if ender is not None:
            ended = any(x.type == ender and x.date.lo() > h.date.lo() and x.date.surely_before_or_on(on) for x in happenings)
            if ended:
                continue
        r = Reason(_describe(h), h.event_ids, h.date.edtf)
        if kind in unmet:
            o = unmet[kind]
            unmet[kind] = Obligation(kind, o.since, o.reasons + (r,))
        else:
            unmet[kind] = Obligation(kind, h.date, (r,))
    obligations = tuple(unmet[k] for k in sorted(unmet, key=lambda k: unmet[k].since.lo()))
    if frozen_since is not None:
        return Participation("frozen", not uncertain, frozen_since, obligations, tuple(freeze_reasons))
    if obligations:
        first = min((o.since for o in obligations), key=lambda s: s.lo())
        return Participation("partial", not uncertain, first, obligations,
                             (Reason("not meeting: " + ", ".join(o.kind for o in obligations)),) + tuple(freeze_reasons))
    return Participation("active", not uncertain, None, (),
                         tuple(freeze_reasons) or (Reason("no freeze, withheld contribution, declined post or skipped meeting recorded"),))


def standing(actor: str, alliance: str, events: Sequence[Event], on: date, terms: WithdrawalTerms = WithdrawalTerms()) -> Standing:
    """Formal status and participation of ``actor`` in ``alliance`` on ``on``.

    ``events`` are the accepted events whose actor is ``actor`` and whose target
    is ``alliance`` (others are ignored).
    """
    own = [e for e in events if e.actor == actor and e.target == alliance]
    formal = formal_status(own, on, terms)
    return Standing(actor, alliance, on, formal, participation(own, on, formal))


@dataclass(frozen=True)
class EventNeeds:
    """Which events the engine needs to judge a standing on a day, so a store can fetch only those.

    * every report of every membership fact begun by the day (``membership``);
    * every participation event of the last ``recent_days`` (``recent``);
    * of older on/off events (freeze/resume, withhold/pay, decline/take, recall/appoint),
      only the latest of each type per actor (``latest_only``): nothing earlier can change the answer.
    """

    membership: frozenset[str]
    recent: frozenset[str]
    latest_only: frozenset[str]
    recent_days: int


EVENT_NEEDS = EventNeeds(
    membership=frozenset(_TRANSITIONS),
    recent=frozenset(_UNMET) | frozenset(e for _, e in _UNMET.values() if e) | {"freeze_participation", "resume_participation"},
    latest_only=frozenset(t for t, (_, e) in _UNMET.items() if e) | frozenset(e for _, e in _UNMET.values() if e)
    | {"freeze_participation", "resume_participation"},
    recent_days=RECENT_DAYS,
)
