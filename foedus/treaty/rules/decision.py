"""Decisions: who votes under an alliance's rule, who can block, and what recorded stances suggest.

The rule comes from the spec (``decision_rules``); who counts comes from the
status engine (formal status and participation on the date); what each member
is likely to do is an *inference* from its recorded stances (claims such as
"will not object ... in a limited format", events such as a refused decision),
and is marked as such.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from foedus.domain.status import Standing
from foedus.treaty.rules.answer import Check, FactRef, claim_ref, event_ref, plain, provisions_of
from foedus.treaty.rules.errors import RuleError
from foedus.treaty.rules.facts import DecisionFacts, is_in
from foedus.treaty.spec import AllianceSpec, DecisionRule

__all__ = ["DecisionAnswer", "STANCE_SIGNALS", "EVENT_SIGNALS", "select_rule", "voter", "stance_of", "evaluate_decision"]

# claim stance -> (likely behaviour, how to say it). A vocabulary shared by every alliance.
STANCE_SIGNALS: dict[str, tuple[str, str]] = {
    "no_objection_limited_format": ("abstain", "does not object; stays out of the decision ('limited format')"),
    "non_participation_without_exit": ("abstain", "takes no part in the work but does not obstruct decisions"),
    "refrains_from_veto": ("abstain", "refrains from using its veto"),
    "participation_frozen": ("absent", "has declared its participation frozen"),
    "considers_itself_outside": ("absent", "considers itself outside the alliance"),
}
# event type -> (likely behaviour, how to say it)
EVENT_SIGNALS: dict[str, tuple[str, str]] = {
    "refuse_decision": ("object", "refused to sign a decision"),
    "skip_meeting": ("absent", "stayed away from a meeting"),
    "withhold_contribution": ("abstain", "withholds its budget contribution"),
    "freeze_participation": ("absent", "declared its participation frozen"),
}
SIGNAL_YEARS = 2  # signals older than this say little about today


def select_rule(spec: AllianceSpec, decision: str, rule_id: str | None = None) -> tuple[DecisionRule, str]:
    """The decision rule that governs ``decision``, and how it was chosen."""
    if rule_id is not None:
        r = spec.rule(rule_id)
        if r is None:
            known = ", ".join(x.id for x in spec.decision_rules) or "none"
            raise RuleError(f"{spec.id} has no decision rule {rule_id!r} (known: {known})")
        return r, f"rule {r.id!r} as asked"
    if not spec.decision_rules:
        raise RuleError(f"the {spec.id} spec records no decision rule")
    bodies = {b.id for b in spec.bodies}
    words = set(re.findall(r"[a-z][a-z-]{3,}", decision.lower()))
    for r in spec.decision_rules:
        for topic in r.applies_to:
            if topic in bodies:
                continue
            topic_words = set(re.findall(r"[a-z][a-z-]{3,}", topic.lower())) - {"deployment", "decision", "decisions"}
            if topic_words & words:
                return r, f"the decision concerns '{topic}', which rule {r.id!r} governs"
    top = next((b for b in spec.bodies if b.decision_rule), None)
    r = spec.rule(top.decision_rule) if top else spec.decision_rules[0]
    assert r is not None
    where = f"the rule of its highest body, {top.name}" if top else "its first decision rule"
    return r, f"no rule names this kind of decision: {where} ({r.id!r}) is assumed"


def stance_of(actor: str, f: DecisionFacts) -> tuple[str | None, str, tuple[FactRef, ...]]:
    """(likely behaviour, explanation, signals) from the latest recorded stance — an inference."""
    since = f.on - timedelta(days=365 * SIGNAL_YEARS)
    signals = []
    for c in f.claims:
        if c.subject == actor and c.stance in STANCE_SIGNALS and c.date and since <= c.date.lo() <= f.on:
            signals.append((c.date.lo(), 1, STANCE_SIGNALS[c.stance], claim_ref(c)))
    for e in f.events:
        if e.actor == actor and e.type in EVENT_SIGNALS and e.date and since <= e.date.lo() <= f.on:
            signals.append((e.date.lo(), 0, EVENT_SIGNALS[e.type], event_ref(e)))
    if not signals:
        return None, "no recorded stance", ()
    signals.sort(key=lambda s: (s[0], s[1]))
    # stated positions (claims) outweigh conduct (events) on the question of objecting
    claims = [s for s in signals if s[1] == 1]
    latest = (claims or signals)[-1]
    behaviour, text = latest[2]
    return behaviour, f"latest recorded stance ({latest[0].isoformat()}): {text}", tuple(s[3] for s in signals[-4:])


def voter(spec: AllianceSpec, rule: DecisionRule, s: Standing, f: DecisionFacts) -> Check:
    """Does this member count for the decision, and can it block it?"""
    name = f.names.get(s.actor, s.actor)
    inn = is_in(s)
    facts = tuple(FactRef("status", r.text, r.events[0] if r.events else None, actor=s.actor, date=r.date)
                  for r in s.formal.reasons[-2:])
    notes = []
    if s.formal.value == "suspended":
        counts: bool | None = False
        why = f"{name} is suspended on {f.on.isoformat()}: it does not take part"
    elif inn is None:
        counts, why = None, f"{name}'s membership on {f.on.isoformat()} is uncertain ({', '.join(s.formal.possible)})"
    else:
        counts, why = bool(inn), f"{name} is a member on {f.on.isoformat()} (formal status: {s.formal.value})"
    p = s.participation
    if counts and p.value == "frozen":
        if spec.participation is not None and not spec.participation.freeze_recognised:
            notes.append("its participation is frozen, a status the instruments do not know: it still counts and can block")
        elif spec.participation is not None:
            counts = False
            notes.append("its participation is frozen, which the instruments recognise: it does not count")
    kinds = {o.kind for o in p.unmet}
    if counts and "contribution" in kinds and spec.budget is not None and spec.budget.arrears_sanction:
        notes.append(f"it withholds contributions; the arrears sanction ({spec.budget.arrears_sanction}) needs a decision, "
                     "and none is recorded: it still counts")
    blocks = bool(counts) and rule.rule in ("consensus", "unanimity")
    if rule.rule in ("majority", "qualified_majority"):
        notes.append("under a majority rule no single member can block")
    details = {"counts": counts, "can_block": blocks if counts is not None else None,
               "formal": s.formal.value, "participation": p.value}
    return Check(s.actor, f"Does {name} count, and can it block?", counts, "; ".join([why] + notes), facts=facts,
                 kind="voter", details=details)


@dataclass(frozen=True)
class DecisionAnswer:
    question: dict
    rule: dict
    rule_choice: str
    voters: tuple[Check, ...]
    counted: tuple[str, ...]
    may_block: tuple[str, ...]
    frozen_members_count: bool | None
    stances: tuple[dict, ...]
    summary: str
    assumptions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return plain(self)


def evaluate_decision(spec: AllianceSpec, f: DecisionFacts, rule_id: str | None = None) -> DecisionAnswer:
    rule, how = select_rule(spec, f.decision, rule_id)
    assumptions = [how] if "assumed" in how else []
    voters = tuple(voter(spec, rule, s, f) for s in f.members)
    counted = tuple(v.name for v in voters if v.holds)
    may_block = tuple(v.name for v in voters if v.details.get("can_block"))
    frozen = [s for s in f.members if s.participation.value == "frozen"]
    frozen_count = None
    if spec.participation is not None:
        frozen_count = not spec.participation.freeze_recognised
    stances = []
    for s in f.members:
        behaviour, text, signals = stance_of(s.actor, f)
        stances.append({"actor": s.actor, "likely": behaviour or "unknown", "explanation": text,
                        "signals": [plain(x) for x in signals], "inference": True})
    objectors = [x["actor"] for x in stances if x["likely"] == "object"]
    abstainers = [x["actor"] for x in stances if x["likely"] in ("abstain", "absent")]
    parts = [f"Rule {rule.id!r} ({rule.rule.replace('_', ' ')}): {len(counted)} members count ({', '.join(counted)})"]
    if rule.rule in ("consensus", "unanimity"):
        parts.append(f"Each can block ({', '.join(may_block)})")
    if frozen:
        names = ", ".join(s.actor for s in frozen)
        parts.append(f"Frozen participation ({names}) " + (
            "does not remove a member from the count: the instruments know no freeze" if frozen_count
            else "removes it from the count" if frozen_count is False else "— its effect is not recorded"))
    if rule.abstention:
        parts.append(f"Abstention: {rule.abstention}")
    inference = "Inference from recorded stances: "
    if objectors:
        inference += f"{', '.join(objectors)} may object (latest conduct)"
    else:
        inference += "no member's latest recorded stance is an objection"
    if abstainers:
        inference += f"; {', '.join(abstainers)} likely stay{'s' if len(abstainers) == 1 else ''} out without objecting"
    if rule.rule == "consensus" and not objectors:
        inference += "; the decision looks adoptable" + (" in a limited format" if abstainers else "")
    parts.append(inference)
    notes = []
    if spec.participation is not None:
        notes.append(spec.participation.summary)
    return DecisionAnswer(
        question={"alliance": spec.id, "decision": f.decision, "on": f.on.isoformat()},
        rule={"id": rule.id, "rule": rule.rule, "applies_to": rule.applies_to, "who_counts": rule.who_counts,
              "abstention": rule.abstention, "threshold": rule.threshold,
              "provisions": [plain(p) for p in provisions_of(rule.sources, spec)]},
        rule_choice=how, voters=voters, counted=counted, may_block=may_block, frozen_members_count=frozen_count,
        stances=tuple(stances), summary=". ".join(parts) + ".", assumptions=tuple(assumptions), notes=tuple(notes))

