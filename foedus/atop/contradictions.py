"""Where an ATOP-imported alliance and a hand-written one disagree about membership.

``foedus/data/atop/correspondence.yaml`` says which hand-written alliance codes
the same treaty as which ATOP alliance (``CSTO: 4220``). Both stay in the ledger
side by side, each with its own events; this module compares them member by
member, reading each side with the status engine:

* each side's membership *spells* (the days a state is in) are paired by overlap,
  and their entries and exits compared; ATOP's entry is the date of signature
  (codebook YRENT), so an ATOP entry equal to the hand-written record's ``sign``
  date is reported as a difference of convention, not a contradiction;
* the *status differences* are the day ranges, within ATOP's coverage, on which
  the two sides give a different answer (in against out, or withdrawn against
  suspended).

Nothing after ATOP's coverage (2018-12-31) is compared: ATOP is silent there.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from foedus.atop.build import alliance_id
from foedus.atop.timeline import MemberTimeline, Spell, is_in
from foedus.domain.events import MEMBERSHIP_TYPES, Event
from foedus.domain.status import FormalStatus, WithdrawalTerms, group_reports
from foedus.ledger.store import Ledger

__all__ = ["Item", "StatusDifference", "MemberComparison", "AllianceComparison", "compare_alliances", "compare_ledger"]


@dataclass(frozen=True)
class Report:
    """One source's report of a boundary: the event, its date and where it comes from."""

    type: str
    date: str
    sources: tuple[str, ...]
    event: str


@dataclass(frozen=True)
class Item:
    what: str                       # entry | exit
    atop: str | None                # the day (ISO) on the ATOP side, None if open / absent
    atop_status: str | None         # for exits: the status afterwards
    reference: str | None
    reference_status: str | None
    verdict: str                    # same | signature | differs | only_atop | only_reference
    explanation: str
    atop_reports: tuple[Report, ...] = ()
    reference_reports: tuple[Report, ...] = ()


@dataclass(frozen=True)
class StatusDifference:
    start: date
    end: date                       # inclusive
    atop: str
    reference: str
    kind: str                       # membership | kind_of_exit | convention


@dataclass
class MemberComparison:
    actor: str
    items: list[Item] = field(default_factory=list)
    differences: list[StatusDifference] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        verdicts = {i.verdict for i in self.items}
        if verdicts & {"differs", "only_atop", "only_reference"}:
            return "differs"
        if "signature" in verdicts:
            return "convention"
        return "agrees"


@dataclass
class AllianceComparison:
    alliance: str
    atop_alliance: str
    coverage_end: date
    members: list[MemberComparison]
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {"agrees": 0, "convention": 0, "differs": 0}
        for m in self.members:
            out[m.verdict] += 1
        return out


def _status_label(st: FormalStatus) -> str:
    return st.value if st.certain else f"uncertain ({' or '.join(st.possible)})"


def _reports(events: Sequence[Event], day: date | None, types: set[str]) -> tuple[Report, ...]:
    """Reports of the happenings of ``types`` whose (merged) date covers ``day``."""
    if day is None:
        return ()
    out = []
    for h in group_reports(events):
        if h.type in types and h.date.lo() <= day <= h.date.hi():
            for r in h.reports:
                srcs = tuple(sorted({x.outlet or x.document_id[:12] for x in r.evidence}))
                out.append(Report(r.type, r.date.edtf if r.date else "?", srcs, r.id))
    return tuple(out)


def _pair(a: list[Spell], b: list[Spell]) -> list[tuple[Spell | None, Spell | None]]:
    """Pair spells that overlap (each used once), in time order; the rest stand alone."""
    def overlap(x: Spell, y: Spell) -> bool:
        xe = x.end or date.max
        ye = y.end or date.max
        return x.start < ye and y.start < xe
    pairs: list[tuple[Spell | None, Spell | None]] = []
    used_b: set[int] = set()
    for x in a:
        j = next((j for j, y in enumerate(b) if j not in used_b and overlap(x, y)), None)
        if j is None:
            pairs.append((x, None))
        else:
            used_b.add(j)
            pairs.append((x, b[j]))
    pairs += [(None, y) for j, y in enumerate(b) if j not in used_b]
    pairs.sort(key=lambda p: (p[0] or p[1]).start)  # type: ignore[union-attr]
    return pairs


def _clip(spells: list[Spell], coverage_end: date) -> list[Spell]:
    out = []
    for s in spells:
        if s.start > coverage_end:
            continue
        if s.end is not None and s.end > coverage_end:
            s = Spell(s.start, None, None, s.uncertain_start, False)
        out.append(s)
    return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _compare_member(actor: str, atop_ev: list[Event], ref_ev: list[Event], atop_id: str, ref_id: str,
                    atop_terms: WithdrawalTerms, ref_terms: WithdrawalTerms, coverage_end: date) -> MemberComparison:
    ta = MemberTimeline(actor, atop_id, atop_ev, atop_terms)
    tr = MemberTimeline(actor, ref_id, ref_ev, ref_terms)
    mc = MemberComparison(actor)
    for sa_, sr in _pair(_clip(ta.spells(), coverage_end), _clip(tr.spells(), coverage_end)):
        if sr is None:
            mc.items.append(Item("entry", _iso(sa_.start), None, None, None, "only_atop",  # type: ignore[union-attr]
                                 "ATOP records a membership the hand-written record does not",
                                 _reports(atop_ev, sa_.start, {"join"}), ()))  # type: ignore[union-attr]
            continue
        if sa_ is None:
            mc.items.append(Item("entry", None, None, _iso(sr.start), None, "only_reference",
                                 "the hand-written record has a membership ATOP does not code", (),
                                 _reports(ref_ev, sr.start, {"join", "reinstate_membership", "revoke_notice"})))
            continue
        # entry
        a_rep = _reports(atop_ev, sa_.start, {"join"})
        r_rep = _reports(ref_ev, sr.start, {"join", "reinstate_membership", "revoke_notice"})
        signs = [r for r in _reports(ref_ev, sa_.start, {"sign"})]
        sign_dates = {r.date for r in signs}
        if sa_.start == sr.start and not sr.uncertain_start:
            item = Item("entry", _iso(sa_.start), None, _iso(sr.start), None, "same", "same day", a_rep, r_rep)
        elif signs and sign_dates == {sa_.start.isoformat()}:
            item = Item("entry", _iso(sa_.start), None, _iso(sr.start), None, "signature",
                        f"ATOP's entry is the signature ({sa_.start.isoformat()}), which the hand-written record also has; "
                        f"there membership takes effect on {sr.start.isoformat()}", a_rep, r_rep + tuple(signs))
        else:
            extra = ""
            if signs:
                extra = (f"; the hand-written record's signature reports disagree: {', '.join(sorted(sign_dates))}"
                         if len(sign_dates) > 1 else f"; its signature is dated {next(iter(sign_dates))}")
            elif sa_.start < sr.start:
                extra = ("; the hand-written record has no signature to compare with (ATOP's entry is the date of "
                         "signature, often before entry into force)")
            if sr.uncertain_start:
                dates = sorted({r.date for r in r_rep})
                extra += f"; its own reports of the entry disagree: {', '.join(dates)}"
            item = Item("entry", _iso(sa_.start), None, _iso(sr.start), None, "differs",
                        f"ATOP {sa_.start.isoformat()} against {sr.start.isoformat()}{extra}", a_rep, r_rep + tuple(signs))
        mc.items.append(item)
        # exit
        a_rep = _reports(atop_ev, sa_.end, {"withdraw"}) if sa_.end else ()
        r_rep = _reports(ref_ev, sr.end, {"withdraw", "suspend_membership", "notify_withdrawal"}) if sr.end else ()
        if sa_.end is None and sr.end is None:
            continue  # both in force at the end of ATOP's coverage: nothing to compare
        if sa_.end == sr.end and sa_.end_status == sr.end_status:
            mc.items.append(Item("exit", _iso(sa_.end), sa_.end_status, _iso(sr.end), sr.end_status, "same", "same day", a_rep, r_rep))
            continue
        parts = []
        if sa_.end != sr.end:
            parts.append(f"ATOP ends it {_iso(sa_.end) or 'never (in force at the end of 2018)'}, "
                         f"the hand-written record {_iso(sr.end) or 'never (within ATOP coverage)'}")
        if sa_.end_status != sr.end_status and sa_.end and sr.end:
            parts.append(f"ATOP: {sa_.end_status}; hand-written: {sr.end_status}")
        mc.items.append(Item("exit", _iso(sa_.end), sa_.end_status, _iso(sr.end), sr.end_status, "differs",
                             "; ".join(parts), a_rep, r_rep))
    # day ranges where the answers differ
    days = sorted({d for d in ta.change_days() + tr.change_days() if d <= coverage_end})
    cur: StatusDifference | None = None
    for i, d in enumerate(days):
        nxt = days[i + 1] - timedelta(days=1) if i + 1 < len(days) else coverage_end
        a_st, r_st = ta.status_on(d), tr.status_on(d)
        ia, ir = is_in(a_st), is_in(r_st)
        kind = None
        if ia != ir:
            kind = "convention" if (not ir and r_st.value == "signatory") else "membership"
        elif not ia and a_st.value != r_st.value and {a_st.value, r_st.value} <= {"withdrawn", "suspended"}:
            kind = "kind_of_exit"
        if kind is None:
            cur = None
            continue
        al, rl = _status_label(a_st), _status_label(r_st)
        if cur is not None and cur.atop == al and cur.reference == rl and cur.end + timedelta(days=1) == d:
            cur = StatusDifference(cur.start, nxt, al, rl, kind)
            mc.differences[-1] = cur
        else:
            cur = StatusDifference(d, nxt, al, rl, kind)
            mc.differences.append(cur)
    return mc


def compare_alliances(atop_events: Sequence[Event], ref_events: Sequence[Event], *, alliance: str, atopid: int,
                      coverage_end: date, atop_terms: WithdrawalTerms = WithdrawalTerms(),
                      ref_terms: WithdrawalTerms = WithdrawalTerms()) -> AllianceComparison:
    """Pure comparison of two alliances' membership events (see the module docstring)."""
    aid = alliance_id(atopid)
    actors = sorted({e.actor for e in atop_events if e.target == aid} | {e.actor for e in ref_events if e.target == alliance})
    members = []
    for actor in actors:
        a_ev = [e for e in atop_events if e.actor == actor and e.target == aid]
        r_ev = [e for e in ref_events if e.actor == actor and e.target == alliance]
        members.append(_compare_member(actor, a_ev, r_ev, aid, alliance, atop_terms, ref_terms, coverage_end))
    notes = []
    if not ref_events:
        notes.append(f"the ledger holds no membership events for {alliance}: every ATOP membership is 'only in ATOP'")
    return AllianceComparison(alliance, aid, coverage_end, members, notes)


def compare_ledger(ledger: Ledger, alliance: str, atopid: int, coverage_end: date) -> AllianceComparison:
    """Read both alliances' membership events (with evidence) and compare them."""
    from foedus.services.standing import spec_of, withdrawal_terms

    aid = alliance_id(atopid)
    atop_ev = ledger.events(target=aid, types=MEMBERSHIP_TYPES, with_evidence=True)
    ref_ev = ledger.events(target=alliance, types=MEMBERSHIP_TYPES, with_evidence=True)
    return compare_alliances(atop_ev, ref_ev, alliance=alliance, atopid=atopid, coverage_end=coverage_end,
                             atop_terms=withdrawal_terms(spec_of(ledger, aid)),
                             ref_terms=withdrawal_terms(spec_of(ledger, alliance)))
