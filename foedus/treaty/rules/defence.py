"""Casus foederis: is an alliance's defence clause engaged by an incident?

One condition, one function, one citation. Each function below checks one
condition that a spec's ``defence_clause.conditions`` can name by its id; the
spec supplies the condition's citations, parameters and readings, the
function reads only the scenario (:class:`~foedus.treaty.rules.facts.CasusFacts`
and :class:`~foedus.treaty.rules.facts.CasusAssumptions`). Nothing here knows
which alliance it is looking at.

:func:`evaluate_casus` runs every condition of the clause, under every
combination of readings of the disputed provisions, and returns a
:class:`CasusAnswer`: ``engaged``, ``not_engaged`` or ``undetermined`` under the
default readings, with the result under each other reading beside it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable

from foedus.domain.dates import DateSpan, parse_edtf
from foedus.treaty.rules.answer import (Check, FactRef, Finding, ReadingOutcome, ReadingResult,
                                        claim_ref, event_ref, plain, provisions_of)
from foedus.treaty.rules.errors import RuleError
from foedus.treaty.rules.facts import CasusAssumptions, CasusFacts, is_in
from foedus.treaty.rules.readings import combinations, default_reading, merged_params
from foedus.treaty.spec import AllianceSpec, DefenceCondition

__all__ = ["CONDITIONS", "CasusAnswer", "RuleError", "evaluate_casus", "victim_member", "aggressor_outside",
           "armed_attack", "victim_territory", "geographic_scope", "request", "collective_decision",
           "ASSISTANCE_TYPES", "DENIAL_TYPES", "RESPONSE_TYPES", "CASUS_STANCES"]

ENGAGED, NOT_ENGAGED, UNDETERMINED = "engaged", "not_engaged", "undetermined"

# Alliance-level event types, by what they say about the response to an incident.
ASSISTANCE_TYPES = frozenset({"deploy_forces", "invoke_defence_clause", "decide_assistance"})
DENIAL_TYPES = frozenset({"deny_assistance"})
RESPONSE_TYPES = ASSISTANCE_TYPES | DENIAL_TYPES | frozenset({"send_mission"})

# Claim stances the casus rules read (a vocabulary shared by every alliance).
OUTSIDE_INTERFERENCE = frozenset({"outside_interference", "external_aggression_alleged", "foreign_intervention"})
NO_REQUEST = frozenset({"no_request_for_assistance"})
CASUS_STANCES = OUTSIDE_INTERFERENCE | NO_REQUEST | frozenset({
    "intervention_only_if_external", "internal_conflict", "hostilities_not_on_member_territory",
    "obligations_do_not_cover_place", "no_external_aggression", "place_not_member_territory",
    "allies_failed_obligations", "border_incident_not_aggression", "covered_by_article_five",
    "covered_by_article_five_if_directed_from_abroad",
})


def _near(span: DateSpan | None, on: date, before: int, after: int) -> bool:
    if span is None:
        return False
    return span.lo() <= on + timedelta(days=after) and span.hi() >= on - timedelta(days=before)


def _status_facts(s, limit: int = 3) -> tuple[FactRef, ...]:
    return tuple(FactRef("status", r.text, r.events[0] if r.events else None, actor=s.actor, date=r.date)
                 for r in s.formal.reasons[-limit:])


def _d(day: date) -> str:
    return day.isoformat()


# ---------------------------------------------------------------------------------------------
# the conditions


def victim_member(params: dict, spec: AllianceSpec, f: CasusFacts, a: CasusAssumptions) -> Finding:
    """The attacked state is a member on the date (the status engine's formal status)."""
    s, on, name = f.victim, f.incident.on, f.victim_name
    facts = _status_facts(s)
    inn = is_in(s)
    if inn is None:
        return Finding(None, f"{name}'s membership of {spec.id} on {_d(on)} is uncertain "
                             f"(possible: {', '.join(s.formal.possible)}); sources disagree on a date", facts)
    if not inn:
        return Finding(False, f"{name} is not a member of {spec.id} on {_d(on)} (formal status: {s.formal.value})", facts)
    text = f"{name} is a member of {spec.id} on {_d(on)} (formal status: {s.formal.value}"
    text += f" since {s.formal.since.edtf})" if s.formal.since else ")"
    if s.formal.value == "notice_given" and s.formal.effective:
        text += f"; it has given notice, effective {s.formal.effective.edtf}, and is protected until then"
    p = s.participation
    if p.value in ("frozen", "partial"):
        text += f"; its participation is {p.value}"
        if spec.participation is not None and not spec.participation.freeze_recognised:
            text += " — a status the instruments do not know: formally it keeps its rights and obligations"
    return Finding(True, text, facts)


def aggressor_outside(params: dict, spec: AllianceSpec, f: CasusFacts, a: CasusAssumptions) -> Finding:
    """The aggressor is not itself a member of the alliance on the date."""
    on = f.incident.on
    if f.incident.aggressor is None:
        return Finding(None, "no aggressor is named: the threat is treated as internal (see armed_attack)", applies=False)
    name = f.aggressor_name or f.incident.aggressor
    if f.aggressor_kind != "state" and f.aggressor is None:
        return Finding(True, f"{name} ({f.aggressor_kind}) is not a state party to {spec.id}")
    s = f.aggressor
    inn = is_in(s)
    facts = _status_facts(s) if s is not None else ()
    if inn is None:
        return Finding(None, f"whether {name} is a member on {_d(on)} is uncertain", facts)
    if inn:
        return Finding(False, f"{name} is itself a member of {spec.id} on {_d(on)}: an attack by one member on another "
                              "is not what the clause was written for", facts)
    was = s is not None and s.formal.value not in ("not_party",)
    text = f"{name} is not a member of {spec.id} on {_d(on)}"
    if was:
        text += f" (formal status: {s.formal.value}" + (f" since {s.formal.since.edtf})" if s.formal.since else ")")
    return Finding(True, text, facts)


def armed_attack(params: dict, spec: AllianceSpec, f: CasusFacts, a: CasusAssumptions) -> Finding:
    """There is an armed attack from outside; whether internal unrest counts is a parameter.

    ``internal_threat``: ``excluded`` (internal unrest never counts), ``included``,
    or ``if_outside_interference_alleged`` (counts when the member or the alliance
    says outside forces are behind it).
    """
    inc = f.incident
    on, window = inc.on, int(params.get("window_days", 7))
    targets = {inc.victim, inc.place}
    internal = inc.aggressor is None or inc.aggressor == inc.victim or f.aggressor_part_of == inc.victim
    if not internal:
        attacks = [e for e in f.attacks if e.actor == inc.aggressor and e.target in targets and _near(e.date, on, window, window)]
        name, where = f.aggressor_name or inc.aggressor, f.place.name
        if attacks:
            return Finding(True, f"an armed attack by {name} on {where} around {_d(on)} is recorded",
                           tuple(event_ref(e) for e in attacks))
        return Finding(True, f"an armed attack by {name} on {where} on {_d(on)}, as the question states",
                       assumptions=(f"the attack is taken as stated: the ledger records no 'attack' event by {inc.aggressor} "
                                    f"against {inc.place} within {window} days of {_d(on)}",))
    mode = str(params.get("internal_threat", "excluded"))
    alleged = [c for c in f.claims if c.stance in OUTSIDE_INTERFERENCE and c.subject == inc.victim and _near(c.date, on, 30, 30)]
    facts = tuple(claim_ref(c) for c in alleged)
    what = "no outside aggressor is named: the threat is internal"
    if mode == "included":
        return Finding(True, f"{what}; under this reading internal threats are covered", facts)
    if mode == "if_outside_interference_alleged":
        if alleged:
            return Finding(True, f"{what}, but outside interference is alleged ({len(alleged)} statement(s)); "
                                 "under this reading that suffices", facts)
        return Finding(False, f"{what}, and no outside interference is alleged in the ledger", facts)
    return Finding(False, f"{what}; under this reading only an attack or invasion from outside counts"
                          + (" (the outside interference alleged does not make it one)" if alleged else ""), facts)


def victim_territory(params: dict, spec: AllianceSpec, f: CasusFacts, a: CasusAssumptions) -> Finding:
    """The place attacked lies within the victim's internationally recognised territory on the date."""
    p, inc = f.place, f.incident
    facts = p.basis + p.control + tuple(r[3] for r in p.recognitions)
    if p.sovereign is None:
        return Finding(None, f"no recognised sovereign of {p.name} is recorded for {_d(inc.on)}", facts, p.assumptions)
    if not p.certain:
        return Finding(None, f"sovereignty over {p.name} may change around {_d(inc.on)} (a dated change falls on it)",
                       facts, p.assumptions)
    if p.sovereign == inc.victim:
        text = f"{p.name} lies within {f.victim_name}'s internationally recognised territory on {_d(inc.on)}"
        if p.disputed_by:
            text += f" (sovereignty disputed by {', '.join(p.disputed_by)})"
        return Finding(True, text, facts, p.assumptions)
    text = (f"{p.name} is internationally recognised as {p.sovereign}'s territory on {_d(inc.on)}, "
            f"not {f.victim_name}'s: an attack there is not an attack on {f.victim_name}'s territory")
    own = [r for r in p.recognitions if r[0] == inc.victim and r[1] == p.sovereign]
    for r in own:
        later = parse_edtf(r[2]).lo() > inc.on
        text += (f"; {f.victim_name} itself recognised it as {p.sovereign}'s on {r[2]}"
                 + (", after this date: confirming the position, not changing it" if later else ""))
    if p.control:
        text += "; de facto control is recorded separately and does not change this"
    return Finding(False, text, facts, p.assumptions)


def geographic_scope(params: dict, spec: AllianceSpec, f: CasusFacts, a: CasusAssumptions) -> Finding:
    """The place lies in the treaty area (``zones`` parameter)."""
    zones = [str(z) for z in params.get("zones", [])]
    p = f.place
    if not p.zones:
        return Finding(None, f"no zone is recorded for {p.name}: whether it lies in the treaty area is unknown",
                       p.zone_basis, (f"the territory registry lists no zone for {p.id!r}",))
    inside = sorted(set(p.zones) & set(zones))
    if inside:
        return Finding(True, f"{p.name} lies in the treaty area ({', '.join(inside)})", p.zone_basis)
    return Finding(False, f"{p.name} lies in {', '.join(p.zones)}: outside the treaty area ({', '.join(zones)})", p.zone_basis)


def request(params: dict, spec: AllianceSpec, f: CasusFacts, a: CasusAssumptions) -> Finding:
    """The attacked member has asked the alliance for assistance."""
    inc = f.incident
    before, after = int(params.get("window_days_before", 7)), int(params.get("window_days_after", 30))
    reqs = [e for e in f.requests if e.actor == inc.victim and _near(e.date, inc.on, before, after)]
    cons = [e for e in f.consultations if e.actor == inc.victim and _near(e.date, inc.on, before, after)]
    denials = [c for c in f.claims if c.stance in NO_REQUEST and c.subject == inc.victim and _near(c.date, inc.on, 0, 731)]
    facts = tuple(event_ref(e) for e in reqs + cons) + tuple(claim_ref(c) for c in denials)
    window = f"between {_d(inc.on - timedelta(days=before))} and {_d(inc.on + timedelta(days=after))}"
    if a.requested is not None:
        stated = "made" if a.requested else "not made"
        note = f"stated in the question: a request for assistance was {stated}"
        if reqs and not a.requested:
            note += " (this contradicts the request recorded in the ledger)"
        return Finding(a.requested, f"assistance was {'requested' if a.requested else 'not requested'} (stated assumption)",
                       facts, (note,))
    if reqs:
        dates = ", ".join(e.date.edtf for e in reqs if e.date)
        return Finding(True, f"{f.victim_name} asked {spec.id} for assistance ({dates})", facts)
    if denials:
        return Finding(False, f"no request for assistance by {f.victim_name} is recorded {window}, and it is stated that "
                              "none was made", facts)
    text = f"no request for assistance by {f.victim_name} is recorded {window}"
    if cons:
        text += "; consultations were requested, which is not a request for assistance"
    return Finding(None, text, facts, (f"unknown whether {inc.victim} asked for assistance: pass --requested or "
                                       "--not-requested to state it",))


def collective_decision(params: dict, spec: AllianceSpec, f: CasusFacts, a: CasusAssumptions) -> Finding:
    """Who decides the response, by which rule, who may block it, and what was decided (a procedure)."""
    inc = f.incident
    clause = spec.defence_clause
    body = spec.body(clause.deciding_body) if clause and clause.deciding_body else None
    rule = spec.rule(clause.decision_rule) if clause and clause.decision_rule else None
    after = int(params.get("window_days_after", 365))
    acts = [e for e in f.actions if e.target in {inc.victim, inc.place} and _near(e.date, inc.on, 7, after)]
    assist = [e for e in acts if e.type in ASSISTANCE_TYPES]
    denied = [e for e in acts if e.type in DENIAL_TYPES]
    other = [e for e in acts if e.type not in ASSISTANCE_TYPES | DENIAL_TYPES]
    refusals = [e for e in f.refusals if _near(e.date, inc.on, 0, after)]
    members = sorted(s.actor for s in f.members if is_in(s))
    blocking = rule is not None and rule.rule in ("consensus", "unanimity")
    obligation = str(params.get("obligation", "collective"))
    details: dict[str, Any] = {
        "body": {"id": body.id, "name": body.name} if body else None,
        "rule": {"id": rule.id, "rule": rule.rule, "who_counts": rule.who_counts, "abstention": rule.abstention} if rule else None,
        "obligation": obligation,
        "members": members,
        "may_block": members if blocking else [],
        "assistance_recorded": bool(assist),
        "assistance": [e.type for e in assist],
        "declined": [e.type for e in denied],
        "other_responses": [e.type for e in other],
    }
    who = f"{body.name if body else 'the alliance'} by {rule.rule if rule else 'an unrecorded rule'}"
    if blocking:
        who += f": each of the {len(members)} members on {_d(inc.on)} ({', '.join(members)}) can block"
        if inc.victim in members:
            who += f", {inc.victim} included"
        if inc.aggressor in members:
            who += f", and so can the aggressor {inc.aggressor}"
    lead = "Decided by "
    if obligation == "individual":
        lead = "Each member decides what action it deems necessary; collective measures are agreed by "
    facts = tuple(event_ref(e) for e in assist + denied + other + refusals)
    if assist:
        return Finding(True, f"{lead}{who}. Collective action recorded: "
                             + "; ".join(f"{e.type.replace('_', ' ')} ({e.date.edtf if e.date else '?'})" for e in assist),
                       facts, details=details)
    if denied:
        return Finding(False, f"{lead}{who}. No collective assistance recorded; the request was declined"
                              + (f"; other responses: {', '.join(e.type.replace('_', ' ') for e in other)}" if other else ""),
                       facts, details=details)
    return Finding(None, f"{lead}{who}. No collective action recorded within {after} days"
                         + (f"; other responses: {', '.join(e.type.replace('_', ' ') for e in other)}" if other else ""),
                   facts, details=details)


ConditionFn = Callable[[dict, AllianceSpec, CasusFacts, CasusAssumptions], Finding]

# condition id (as a spec names it) -> the function that checks it
CONDITIONS: dict[str, ConditionFn] = {
    "victim_member": victim_member,
    "aggressor_outside": aggressor_outside,
    "armed_attack": armed_attack,
    "victim_territory": victim_territory,
    "geographic_scope": geographic_scope,
    "request": request,
    "collective_decision": collective_decision,
}


# ---------------------------------------------------------------------------------------------
# the clause


@dataclass(frozen=True)
class CasusAnswer:
    question: dict
    clause: dict
    outcome: str
    summary: str
    disputed: bool
    by_reading: tuple[ReadingOutcome, ...]
    conditions: tuple[Check, ...]
    collective_action: dict
    claims: tuple[FactRef, ...] = ()
    assumptions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return plain(self)


def _check(cond: DefenceCondition, spec: AllianceSpec, f: CasusFacts, a: CasusAssumptions) -> Check:
    fn = CONDITIONS.get(cond.id)
    provisions = provisions_of(cond.sources, spec)
    common = dict(kind=cond.kind, only_under=tuple(cond.only_under), if_false=cond.if_false)
    if fn is None:
        return Check(cond.id, cond.description, None, f"no rule function checks condition {cond.id!r}", provisions,
                     assumptions=(f"condition {cond.id!r} of the spec is not evaluated by this version of foedus",), **common)
    if not cond.readings:
        r = fn(dict(cond.params), spec, f, a)
        return Check(cond.id, cond.description, r.holds, r.explanation, provisions, r.facts, r.assumptions,
                     applies=r.applies, details=r.details, **common)
    results, default_finding = [], None
    dflt = default_reading(cond.readings)
    facts: list[FactRef] = []
    assumptions: list[str] = []
    for rd in cond.readings:
        r = fn(merged_params(cond.params, rd), spec, f, a)
        results.append(ReadingResult(rd.id, rd.summary, tuple(rd.held_by), rd is dflt, r.holds, r.explanation,
                                     provisions_of(rd.sources, spec)))
        facts += [x for x in r.facts if x not in facts]
        assumptions += [x for x in r.assumptions if x not in assumptions]
        if rd is dflt:
            default_finding = r
    assert default_finding is not None
    return Check(cond.id, cond.description, default_finding.holds, default_finding.explanation, provisions, tuple(facts),
                 tuple(assumptions), applies=default_finding.applies, by_reading=tuple(results),
                 details=default_finding.details, **common)


def _outcome(checks: list[Check], clause_reading: str | None, choice: dict[str, str]) -> str:
    values = []
    for c in checks:
        if c.kind != "condition" or not c.applies:
            continue
        if c.only_under and clause_reading not in c.only_under:
            continue
        holds = c.holds
        if c.by_reading and c.name in choice:
            holds = next(r.holds for r in c.by_reading if r.reading == choice[c.name])
        values.append((holds, c.if_false))
    if any(h is False and iff == "not_engaged" for h, iff in values):
        return NOT_ENGAGED
    if any(h is not True for h, _ in values):
        return UNDETERMINED
    return ENGAGED


_WORDS = {ENGAGED: "engaged", NOT_ENGAGED: "not engaged", UNDETERMINED: "undetermined"}


def evaluate_casus(spec: AllianceSpec, facts: CasusFacts, assumptions: CasusAssumptions = CasusAssumptions()) -> CasusAnswer:
    """Check every condition of ``spec``'s defence clause against the scenario."""
    clause = spec.defence_clause
    if clause is None:
        raise RuleError(f"the {spec.id} spec has no defence clause: there is no casus foederis to evaluate")
    if not clause.conditions:
        raise RuleError(f"the {spec.id} spec lists no conditions for its defence clause (article {clause.article})")
    checks = [_check(c, spec, facts, assumptions) for c in clause.conditions]

    axes: dict[str, list] = {}
    if clause.readings:
        axes["clause"] = list(clause.readings)
    for c, cond in zip(checks, clause.conditions):
        if cond.readings and len({r.holds for r in c.by_reading}) > 1:
            axes[c.name] = list(cond.readings)
    outcomes = []
    for i, choice in enumerate(combinations(axes)):
        o = _outcome(checks, choice.get("clause"), choice)
        label = "; ".join(f"{'article ' + clause.article if k == 'clause' else k}: {v}" for k, v in choice.items())
        outcomes.append(ReadingOutcome(choice, o, i == 0, f"{_WORDS[o]} under {label or 'the text as written'}"))
    headline = outcomes[0].outcome
    disputed = len({o.outcome for o in outcomes}) > 1

    decision = next((c for c in checks if c.name == "collective_decision"), None)
    action = dict(decision.details) if decision else {}
    if decision is not None:
        action["summary"] = decision.explanation
        action["holds"] = decision.holds

    inc = facts.incident
    parts = [f"Article {clause.article} of the {spec.name}: {_WORDS[headline]}"]
    if disputed:
        others = sorted({o.summary for o in outcomes[1:] if o.outcome != headline})
        parts[0] += f" under the default readings ({outcomes[0].summary.split(' under ', 1)[1]}); " + "; ".join(others)
    failed = [c for c in checks if c.kind == "condition" and c.applies and c.holds is False]
    if failed:
        parts.append("Fails: " + "; ".join(f"{c.name} ({c.explanation})" for c in failed))
    req = next((c for c in checks if c.name == "request"), None)
    if headline == ENGAGED and req is not None and req.holds:
        parts.append("The conditions are met on paper and a request was made")
    if decision is not None:
        if action.get("assistance_recorded"):
            parts.append("Collective action recorded: " + ", ".join(dict.fromkeys(action["assistance"])))
        else:
            parts.append("No collective assistance recorded" + (
                f" (declined; other responses: {', '.join(action['other_responses'])})" if action.get("declined") and action.get("other_responses")
                else " (declined)" if action.get("declined")
                else f" (other responses: {', '.join(action['other_responses'])})" if action.get("other_responses") else ""))
    assumptions_all: list[str] = []
    for c in checks:
        assumptions_all += [x for x in c.assumptions if x not in assumptions_all]
    notes = []
    if clause.note:
        notes.append(clause.note)
    if clause.assistance:
        notes.append(f"assistance: {clause.assistance}")
    claims = tuple(claim_ref(c) for c in facts.claims if c.stance in CASUS_STANCES)
    return CasusAnswer(
        question={"alliance": spec.id, "victim": inc.victim, "aggressor": inc.aggressor, "place": inc.place,
                  "on": inc.on.isoformat(), "requested": assumptions.requested},
        clause={"article": clause.article, "summary": clause.summary, "scope": clause.scope, "assistance": clause.assistance,
                "provisions": [plain(p) for p in provisions_of(clause.sources, spec)],
                "readings": [{"id": r.id, "summary": r.summary, "held_by": r.held_by, "default": r.default,
                              "provisions": [plain(p) for p in provisions_of(r.sources, spec)]} for r in clause.readings]},
        outcome=headline, summary=". ".join(parts) + ".", disputed=disputed, by_reading=tuple(outcomes),
        conditions=tuple(checks), collective_action=action, claims=claims, assumptions=tuple(assumptions_all),
        notes=tuple(notes))

