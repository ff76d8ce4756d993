"""Questions about many dates or many alliances, answered from the ledger with few queries.

* :func:`alliances_of`: the alliances an actor was in on a day, with what it had
  promised (``foedus alliances --actor RUS --on 1914-08-01``);
* :func:`members_on_dates`: the members of one alliance on many days (one query);
* :func:`all_members_on_dates`: the members of every alliance on many days (one query).

All of them read the status from the engine (via :mod:`foedus.atop.timeline`
or :func:`foedus.domain.status.standing`), so an imported ATOP alliance and a
hand-written one are treated alike.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa

from foedus.atop.build import atopid_of, edtf_bounds
from foedus.atop.timeline import MemberTimeline, is_in
from foedus.domain.events import MEMBERSHIP_TYPES, Event
from foedus.domain.status import FormalStatus, WithdrawalTerms, formal_status
from foedus.ledger import schema as t
from foedus.ledger.store import Ledger
from foedus.services.standing import withdrawal_terms
from foedus.treaty.spec import AllianceSpec

__all__ = ["AllianceMembership", "specs_by_id", "alliances_of", "members_on_dates", "all_members_on_dates",
           "phase_obligations", "spec_jsons"]


def specs_by_id(ledger: Ledger, ids: Iterable[str] | None = None) -> dict[str, AllianceSpec]:
    """Stored specs, parsed (one query)."""
    q = sa.select(t.alliances.c.id, t.alliances.c.spec_json)
    if ids is not None:
        q = q.where(t.alliances.c.id.in_(sorted(set(ids))))
    with ledger.engine.connect() as conn:
        return {r.id: AllianceSpec.model_validate_json(r.spec_json) for r in conn.execute(q)}


def phase_obligations(joins: Sequence[Event], day: date) -> tuple[list[str], list[str], list[int]] | None:
    """(obligations, conditions, phases) the member had promised on ``day``, from ATOP's member records.

    Among the phases whose dates cover the day, the one that began last (a new text
    replaces the old one on the day it begins); phases beginning the same day (successor
    states, codebook footnote 10) are combined. None when the events carry no ATOP phases.
    """
    phases = [p for e in joins for p in (e.attributes.get("atop") or {}).get("phases", [])]
    if not phases:
        return None
    live = []
    for p in phases:
        lo = edtf_bounds(p["from"])[0]
        hi = edtf_bounds(p["until"])[1] if p.get("until") else date.max
        if lo <= day <= hi:
            live.append((lo, p))
    if not live:
        return [], [], []
    latest = max(lo for lo, _ in live)
    chosen = [p for lo, p in live if lo == latest]
    obligations = sorted({o for p in chosen for o in p["obligations"]}, key=_OBLIGATION_ORDER.index)
    conditions = sorted({c for p in chosen for c in p.get("conditions", [])})
    return obligations, conditions, sorted({p["phase"] for p in chosen})


_OBLIGATION_ORDER = ["defence", "offence", "neutrality", "non_aggression", "consultation"]


@dataclass(frozen=True)
class AllianceMembership:
    alliance: str
    name: str
    kind: str
    formal: FormalStatus
    obligations: list[str]
    conditions: list[str] = field(default_factory=list)
    obligations_from: str = "spec"       # "ATOP member record" | "spec"
    phases: list[int] = field(default_factory=list)
    atopid: int | None = None


def alliances_of(ledger: Ledger, actor: str, on: date, *, include_uncertain: bool = True) -> list[AllianceMembership]:
    """The alliances ``actor`` was in on ``on`` (member or under notice), with what it had promised.

    Two queries: the actor's membership events, and the specs of the alliances they name.
    """
    events = ledger.events(actor=actor, types=MEMBERSHIP_TYPES, facts_started_by=on)
    by_alliance: dict[str, list[Event]] = {}
    for e in events:
        if e.target:
            by_alliance.setdefault(e.target, []).append(e)
    specs = specs_by_id(ledger, by_alliance)
    out: list[AllianceMembership] = []
    for aid, evs in sorted(by_alliance.items()):
        spec = specs.get(aid)
        terms = withdrawal_terms(spec) if spec else WithdrawalTerms()
        st = formal_status(evs, on, terms)
        if not is_in(st) or (not include_uncertain and not st.certain):
            continue
        found = phase_obligations([e for e in evs if e.type == "join"], on)
        if found is not None:
            obligations, conditions, phases = found
            source = "ATOP member record"
        else:
            obligations, conditions, phases = list(spec.obligations) if spec else [], [], []
            source = "spec"
        out.append(AllianceMembership(aid, spec.name if spec else aid, spec.kind if spec else "other", st, obligations,
                                      conditions, source, phases, atopid_of(aid)))
    return out


def _members(timelines: dict[str, MemberTimeline], dates: Sequence[date]) -> dict[date, list[str]]:
    """Who is in on each date, from each timeline's spells (a binary search per spell, not per date)."""
    order = sorted(set(dates))
    empty: list[str] = []   # shared by every date without members (not to be mutated by callers)
    lists: list[list[str]] = [empty] * len(order)
    for actor, tl in timelines.items():
        for sp in tl.spells():
            i0 = bisect_left(order, sp.start)
            i1 = bisect_left(order, sp.end) if sp.end is not None else len(order)
            for i in range(i0, i1):
                if lists[i] is empty:
                    lists[i] = [actor]
                else:
                    lists[i].append(actor)
    out = dict(zip(order, lists))
    return out if len(order) == len(dates) else {d: out[d] for d in dates}


def _terms(spec_json: str) -> WithdrawalTerms:
    """The engine's withdrawal terms from a stored spec; the full model is parsed only when a notice period is set
    (membership lists depend on nothing else, and parsing 800 specs would cost more than the question)."""
    w = json.loads(spec_json).get("withdrawal") or {}
    if w.get("notice_months") is None:
        return WithdrawalTerms()
    return withdrawal_terms(AllianceSpec.model_validate_json(spec_json))


def spec_jsons(ledger: Ledger, ids: Iterable[str] | None) -> dict[str, str]:
    q = sa.select(t.alliances.c.id, t.alliances.c.spec_json)
    if ids is not None:
        q = q.where(t.alliances.c.id.in_(sorted(set(ids))))
    with ledger.engine.connect() as conn:
        return {r.id: r.spec_json for r in conn.execute(q)}


def members_on_dates(ledger: Ledger, alliance_id: str, dates: Sequence[date], spec_json: str | None = None) -> dict[date, list[str]]:
    """Actors in ``alliance_id`` on each of ``dates`` (one query for the events)."""
    if spec_json is None:
        spec_json = spec_jsons(ledger, [alliance_id]).get(alliance_id)
    terms = _terms(spec_json) if spec_json else WithdrawalTerms()
    by_actor: dict[str, list[Event]] = {}
    for e in ledger.events(target=alliance_id, types=MEMBERSHIP_TYPES):
        by_actor.setdefault(e.actor, []).append(e)
    timelines = {a: MemberTimeline(a, alliance_id, evs, terms) for a, evs in sorted(by_actor.items())}
    return _members(timelines, dates)


def all_members_on_dates(ledger: Ledger, dates: Sequence[date], alliances: Iterable[str] | None = None) -> dict[str, dict[date, list[str]]]:
    """Actors in every alliance (or those named) on each of ``dates``: one query for all events, one for the specs."""
    wanted = set(alliances) if alliances is not None else None
    specs = spec_jsons(ledger, wanted)
    grouped: dict[str, dict[str, list[Event]]] = {}
    for e in ledger.events(types=MEMBERSHIP_TYPES):
        if e.target and (wanted is None or e.target in wanted):
            grouped.setdefault(e.target, {}).setdefault(e.actor, []).append(e)
    out: dict[str, dict[date, list[str]]] = {}
    for aid in sorted(specs):
        terms = _terms(specs[aid])
        tls = {a: MemberTimeline(a, aid, evs, terms) for a, evs in sorted(grouped.get(aid, {}).items())}
        out[aid] = _members(tls, dates)
    return out
