"""Standing of members on a date, read from the ledger, with the provisions and claims that bear on it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from foedus.domain.events import MEMBERSHIP_TYPES, PARTICIPATION_TYPES, Claim, Event
from foedus.domain.status import EVENT_NEEDS, Standing, WithdrawalTerms, standing
from foedus.ledger.store import Ledger
from foedus.treaty.spec import AllianceSpec, Citation

__all__ = ["NotFound", "spec_of", "withdrawal_terms", "standing_of", "members_on", "Explanation",
           "AppliedProvision", "explain", "STATUS_TYPES"]

# The event types the status engine reads.
STATUS_TYPES = MEMBERSHIP_TYPES | PARTICIPATION_TYPES


class NotFound(LookupError):
    """An alliance, actor or record that the ledger does not hold."""


def spec_of(ledger: Ledger, alliance_id: str) -> AllianceSpec:
    raw = ledger.alliance_spec_json(alliance_id)
    if raw is None:
        known = ", ".join(ledger.alliance_ids()[:20]) or "none: run `foedus load` first"
        raise NotFound(f"unknown alliance {alliance_id!r} (known: {known})")
    return AllianceSpec.model_validate_json(raw)


def _cite(c: Citation, spec: AllianceSpec) -> str:
    inst = spec.instrument(c.instrument)
    title = inst.title if inst else c.instrument
    return f"{title}, art. {c.article}" if c.article else title


def withdrawal_terms(spec: AllianceSpec) -> WithdrawalTerms:
    w = spec.withdrawal
    if w is None or not w.sources:
        return WithdrawalTerms()
    return WithdrawalTerms(w.notice_months, _cite(w.sources[0], spec))


def standing_of(ledger: Ledger, actor: str, alliance_id: str, on: date, spec: AllianceSpec | None = None) -> Standing:
    spec = spec or spec_of(ledger, alliance_id)
    if actor not in ledger.actor_ids():
        raise NotFound(f"unknown actor {actor!r}")
    events = ledger.status_events(alliance_id, on, EVENT_NEEDS, actor=actor)
    return standing(actor, alliance_id, events, on, withdrawal_terms(spec))


def members_on(ledger: Ledger, alliance_id: str, on: date, *, include_all: bool = False,
               spec: AllianceSpec | None = None) -> list[Standing]:
    """Standing of every state with a membership record in the alliance by ``on``.

    By default only those formally in (member, notice given) or whose status is
    uncertain on that date; ``include_all`` adds signatories, suspended and former members.
    """
    spec = spec or spec_of(ledger, alliance_id)
    terms = withdrawal_terms(spec)
    events = ledger.status_events(alliance_id, on, EVENT_NEEDS)
    by_actor: dict[str, list[Event]] = {}
    for e in events:
        by_actor.setdefault(e.actor, []).append(e)
    out = []
    for actor in sorted(by_actor):
        s = standing(actor, alliance_id, by_actor[actor], on, terms)
        if include_all or s.formal.value in ("member", "notice_given") or (not s.formal.certain and {"member", "notice_given"} & set(s.formal.possible)):
            out.append(s)
    return out


@dataclass(frozen=True)
class AppliedProvision:
    topic: str
    summary: str
    citations: tuple[Citation, ...]
    readings: tuple = ()


@dataclass
class Explanation:
    standing: Standing
    events: list[Event]                       # with evidence, the ones named by the reasons
    provisions: list[AppliedProvision]
    claims_until: list[Claim]                 # asserted on or before the date
    claims_after: list[Claim]                 # asserted later (hindsight, shown separately)
    notes: list[str] = field(default_factory=list)
    claims_undated: list[Claim] = field(default_factory=list)  # read from articles without a date


def explain(ledger: Ledger, s: Standing, spec: AllianceSpec) -> Explanation:
    """Gather the evidence, provisions and competing claims behind a standing."""
    ids: set[str] = set()
    for r in s.formal.reasons + s.participation.reasons:
        ids.update(r.events)
    for o in s.participation.unmet:
        for r in o.reasons:
            ids.update(r.events)
    all_events = ledger.events(actor=s.actor, target=s.alliance, until=s.on)
    events = ledger.with_evidence([e for e in all_events if e.id in ids])

    provisions: list[AppliedProvision] = []
    notes: list[str] = []
    in_alliance = s.formal.value in ("member", "notice_given") or "member" in s.formal.possible
    if spec.participation and s.participation.value in ("frozen", "partial"):
        p = spec.participation
        provisions.append(AppliedProvision(
            "participation",
            ("The instruments recognise a 'frozen' participation. " if p.freeze_recognised else
             "The instruments know no 'frozen' status: formally the member keeps all its obligations. ") + p.summary,
            tuple(p.sources)))
    if spec.withdrawal and in_alliance:
        w = spec.withdrawal
        summary = (f"Withdrawal takes a written notice at least {w.notice_months} months ahead"
                   if w.notice_months is not None else "Withdrawal rule") + (
            f"; preconditions: {'; '.join(w.preconditions)}" if w.preconditions else "")
        provisions.append(AppliedProvision("withdrawal", summary, tuple(w.sources), tuple(w.readings)))
        announced = [e for e in all_events if e.type == "announce_withdrawal"]
        notified = [e for e in all_events if e.type == "notify_withdrawal"]
        if announced and not notified:
            when = ", ".join(sorted({e.date.edtf for e in announced if e.date}))
            notes.append(f"{s.actor} announced it would leave ({when}), but no written notice is recorded: "
                         "an announcement alone does not start the notice period.")
            events += [e for e in ledger.with_evidence(announced) if e.id not in ids]
    kinds = {o.kind for o in s.participation.unmet}
    if "contribution" in kinds and spec.budget:
        b = spec.budget
        share = spec.budget_share(s.actor)
        summary = (f"Budget share of {s.actor}: {share:.0%}." if share is not None else "Budget shares unknown.") + (
            f" Arrears: {b.arrears_sanction}." if b.arrears_sanction else "")
        provisions.append(AppliedProvision("budget", summary, tuple(b.sources)))
    if "post" in kinds:
        for post in spec.posts:
            if post.allocation == "quota":
                provisions.append(AppliedProvision("posts", f"{post.name}: allocated by quota in proportion to budget shares.", tuple(post.sources)))
                break
    if s.formal.value == "suspended" and spec.suspension:
        provisions.append(AppliedProvision("suspension", spec.suspension.grounds or "Suspension", tuple(spec.suspension.sources)))

    claims = ledger.claims(subject=s.actor, alliance=s.alliance, topic="standing")
    until = [c for c in claims if c.date is not None and c.date.lo() <= s.on]
    after = [c for c in claims if c.date is not None and c.date.lo() > s.on]
    undated = [c for c in claims if c.date is None]
    return Explanation(s, events, provisions, until, after, notes, undated)
