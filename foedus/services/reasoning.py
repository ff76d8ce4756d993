"""Treaty reasoning against the ledger: the glue between the database and the pure rules.

Each function gathers a scenario (standings from the status engine, events
and claims from the ledger, places from the territory registry), hands it to
the rules in :mod:`foedus.treaty.rules`, and returns their answer tree. The
CLI and a future JSON API call these functions and render the same answer.

Errors: :class:`~foedus.services.standing.NotFound` for unknown ids (exit 4);
:class:`~foedus.treaty.rules.errors.ImpossibleQuestion` and
:class:`~foedus.treaty.rules.errors.RuleError` for questions the record or the
spec cannot answer (exit 3).
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from foedus.datafiles.paths import TERRITORIES
from foedus.datafiles.territories import read_territories
from foedus.domain.events import PARTICIPATION_TYPES
from foedus.ledger.store import Ledger
from foedus.services.standing import NotFound, members_on, spec_of, standing_of
from foedus.treaty.rules.decision import DecisionAnswer, evaluate_decision
from foedus.treaty.rules.defence import RESPONSE_TYPES, CasusAnswer, evaluate_casus
from foedus.treaty.rules.errors import ImpossibleQuestion, RuleError
from foedus.treaty.rules.facts import CasusAssumptions, CasusFacts, DecisionFacts, Incident, WithdrawalFacts
from foedus.treaty.rules.readings import default_reading, merged_params
from foedus.treaty.rules.territory import TerritoryRegistry, resolve_place
from foedus.treaty.rules.withdrawal import WithdrawalAnswer, effective_date, evaluate_withdrawal
from foedus.treaty.spec import AllianceSpec

__all__ = ["casus", "withdraw", "decide", "territory_registry", "read_territories", "NotFound", "ImpossibleQuestion",
           "RuleError"]


@lru_cache(maxsize=4)
def territory_registry(path: Path = TERRITORIES) -> TerritoryRegistry:
    """The shipped territory registry, read once per process."""
    return read_territories(path)


def _actor(ledger: Ledger, actor_id: str, what: str = "actor") -> dict:
    row = ledger.actor_row(actor_id)
    if row is None:
        raise NotFound(f"unknown {what} {actor_id!r}")
    return row


def _check_date(spec: AllianceSpec, on: date, what: str) -> None:
    founded = spec.founded
    if founded is not None and on < founded:
        raise ImpossibleQuestion(f"{what} {on.isoformat()} is before {spec.id} existed "
                                 f"(its earliest instrument dates from {founded.isoformat()})")


def casus(ledger: Ledger, alliance: str, victim: str, place: str | None, on: date, aggressor: str | None = None,
          requested: bool | None = None, territories: TerritoryRegistry | None = None) -> CasusAnswer:
    """Is ``alliance``'s defence clause engaged by an attack on ``victim`` at ``place`` on ``on``?"""
    spec = spec_of(ledger, alliance)
    if spec.defence_clause is None:
        raise RuleError(f"the {spec.id} spec has no defence clause: there is no casus foederis to evaluate")
    _check_date(spec, on, "the incident date")
    v = _actor(ledger, victim)
    if v.get("kind") != "state":
        raise ImpossibleQuestion(f"the victim must be a state; {victim!r} is a {v.get('kind')}")
    agg = _actor(ledger, aggressor) if aggressor else None
    if aggressor == victim:
        raise ImpossibleQuestion("the aggressor and the victim are the same: leave out --aggressor for an internal threat")
    place = place or victim
    p = _actor(ledger, place, "territory")
    if p.get("kind") not in ("state", "region", "historical_state"):
        raise ImpossibleQuestion(f"--place must be a state or a region; {place!r} is a {p.get('kind')}")
    terr = territories or territory_registry()
    where = resolve_place(terr, place, p["kind"], p["name"], p.get("part_of"), on)

    victim_standing = standing_of(ledger, victim, alliance, on, spec)
    aggressor_standing = standing_of(ledger, aggressor, alliance, on, spec) if agg and agg.get("kind") == "state" else None
    members = tuple(members_on(ledger, alliance, on, spec=spec))
    near = dict(since=on - timedelta(days=60), until=on + timedelta(days=60), with_evidence=True)
    attacks = tuple(e for e in ledger.events(types=["attack"], **near)
                    if e.target in {victim, place} and (aggressor is None or e.actor == aggressor))
    requests = tuple(ledger.events(actor=victim, types=["request_assistance"], **near))
    consultations = tuple(ledger.events(actor=victim, types=["request_consultations"], **near))
    later = dict(since=on - timedelta(days=7), until=on + timedelta(days=400), with_evidence=True)
    actions = tuple(ledger.events(actor=alliance, types=sorted(RESPONSE_TYPES), **later))
    refusals = tuple(ledger.events(target=alliance, types=["refuse_decision"], **later))
    lo, hi = on - timedelta(days=7), on + timedelta(days=5 * 366)
    claims = tuple(c for c in ledger.claims(subject=victim)
                   if c.date is not None and lo <= c.date.lo() <= hi)
    facts = CasusFacts(
        incident=Incident(alliance, victim, aggressor, place, on), victim_name=v["name"], victim=victim_standing,
        place=where, aggressor_name=agg["name"] if agg else None, aggressor_kind=agg.get("kind") if agg else None,
        aggressor_part_of=agg.get("part_of") if agg else None, aggressor=aggressor_standing, members=members,
        attacks=attacks, requests=requests, consultations=consultations, actions=actions, refusals=refusals,
        claims=claims)
    return evaluate_casus(spec, facts, CasusAssumptions(requested=requested))


def withdraw(ledger: Ledger, actor: str, alliance: str, notice: date) -> WithdrawalAnswer:
    """When would a withdrawal notice by ``actor`` given on ``notice`` take effect, and what follows?"""
    spec = spec_of(ledger, alliance)
    w = spec.withdrawal
    if w is None:
        raise RuleError(f"the {spec.id} spec has no withdrawal provision")
    _check_date(spec, notice, "the notice date")
    row = _actor(ledger, actor)
    standing = standing_of(ledger, actor, alliance, notice, spec)
    at_notice = tuple(members_on(ledger, alliance, notice, spec=spec))
    params = merged_params({"allowed": w.allowed, "notice_months": w.notice_months}, default_reading(w.readings))
    eff = effective_date(notice, params.get("notice_months")) if params.get("allowed", True) is not False else None
    at_effective = tuple(members_on(ledger, alliance, eff, spec=spec)) if eff else ()
    inst = spec.instrument(w.sources[0].instrument) if w.sources else None
    in_force = (inst.in_force or inst.signed) if inst else spec.founded

    def ev(types: list[str]):
        return tuple(ledger.events(actor=actor, target=alliance, types=types, with_evidence=True))

    names = {m.actor: (ledger.actor_row(m.actor) or {}).get("name", m.actor) for m in at_notice}
    facts = WithdrawalFacts(
        alliance=alliance, actor=actor, actor_name=row["name"], notice=notice, standing=standing,
        members_at_notice=at_notice, members_at_effective=at_effective, instrument_in_force=in_force,
        withheld=ev(["withhold_contribution"]), paid=ev(["pay_contribution"]),
        recorded_notices=ev(["notify_withdrawal"]), recorded_withdrawals=ev(["withdraw"]),
        announcements=ev(["announce_withdrawal"]), claims=tuple(ledger.claims(subject=actor, alliance=alliance)),
        names=names)
    return evaluate_withdrawal(spec, facts)


def decide(ledger: Ledger, alliance: str, decision: str, on: date, rule: str | None = None) -> DecisionAnswer:
    """Who votes on ``decision`` under ``alliance``'s rule on ``on``, who can block, and what stances suggest."""
    spec = spec_of(ledger, alliance)
    _check_date(spec, on, "the decision date")
    members = tuple(members_on(ledger, alliance, on, spec=spec))
    if not members:
        raise ImpossibleQuestion(f"no member of {spec.id} is recorded on {on.isoformat()}")
    ids = {m.actor for m in members}
    events = tuple(e for e in ledger.events(target=alliance, types=sorted(PARTICIPATION_TYPES), until=on, with_evidence=True)
                   if e.actor in ids)
    claims = tuple(c for c in ledger.claims(alliance=alliance, until=on) if c.subject in ids)
    names = {m: (ledger.actor_row(m) or {}).get("name", m) for m in ids}
    return evaluate_decision(spec, DecisionFacts(alliance, decision, on, members, events, claims, names), rule)
