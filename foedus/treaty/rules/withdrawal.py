"""Withdrawal: when a notice takes effect, what must be settled first, and what changes after.

Small rules over the spec's ``withdrawal`` provision (notice period, minimum
duration, preconditions, readings), its budget, posts and decision rules, and
the scenario gathered from the ledger (:class:`~foedus.treaty.rules.facts.WithdrawalFacts`).
Where the spec gives a share but no amount, the amount is said to be unknown;
where the answer is an inference (re-normalised budget shares), it says so.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from foedus.domain.events import Event
from foedus.treaty.rules.answer import Check, FactRef, Finding, claim_ref, event_ref, plain, provisions_of
from foedus.treaty.rules.errors import ImpossibleQuestion, RuleError
from foedus.treaty.rules.facts import WithdrawalFacts, is_in
from foedus.treaty.rules.readings import default_reading, merged_params
from foedus.treaty.spec import AllianceSpec

# Claim stances shown beside a withdrawal answer (a vocabulary shared by every alliance).
WITHDRAWAL_STANCES = frozenset({
    "will_leave", "no_notice_received", "immediate_withdrawal", "one_year_notice_applies", "withdrawal_effective",
    "no_unilateral_withdrawal", "arrears_form_a_debt", "contribution_not_paid", "obligations_continue", "full_member",
    "considers_itself_outside", "non_participation_without_exit",
})

__all__ = ["WithdrawalAnswer", "WITHDRAWAL_STANCES", "add_months", "effective_date", "withdrawal_allowed", "minimum_duration",
           "arrears", "renormalised_shares", "after_state", "evaluate_withdrawal"]


def add_months(day: date, months: int) -> date:
    """``day`` plus whole calendar months (the 31st becomes the month's last day when needed)."""
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def effective_date(notice: date, months: int | None) -> date | None:
    """The day a notice given on ``notice`` takes effect, ``months`` later (None if the period is unknown)."""
    return None if months is None else add_months(notice, months)


def withdrawal_allowed(params: dict[str, Any]) -> Finding:
    """Unilateral withdrawal on notice is allowed under these parameters (``allowed``)."""
    if params.get("allowed", True) is False:
        return Finding(False, "no unilateral withdrawal: the instruments provide none under this reading")
    months = params.get("notice_months")
    if months is None:
        return Finding(True, "withdrawal on notice is allowed; the notice period is not recorded")
    if int(months) == 0:
        return Finding(True, "withdrawal takes effect on the notice itself (no waiting period under this reading)")
    return Finding(True, f"withdrawal takes effect {months} months after the written notice")


def minimum_duration(spec: AllianceSpec, notice: date, in_force: date | None) -> Finding:
    """A notice may only be given once the treaty has been in force ``earliest_after_years``."""
    w = spec.withdrawal
    years = w.earliest_after_years if w else None
    if not years:
        return Finding(True, "the treaty sets no minimum period before a party may withdraw", applies=False)
    if in_force is None:
        return Finding(None, f"withdrawal is possible only after the treaty has been in force {years} years; "
                             "its entry into force is not recorded")
    earliest = add_months(in_force, 12 * years)
    if notice < earliest:
        return Finding(False, f"withdrawal is possible only after the treaty has been in force {years} years "
                              f"(in force {in_force.isoformat()}, so from {earliest.isoformat()})")
    return Finding(True, f"the treaty has been in force {years} years since {earliest.isoformat()} "
                         f"(in force {in_force.isoformat()})")


def _budget_year(e: Event) -> str:
    return str(e.attributes.get("budget") or (e.date.lo().year if e.date else "?"))


def arrears(spec: AllianceSpec, f: WithdrawalFacts, until: date) -> Finding:
    """Contributions withheld and not recorded as paid by ``until``; the share and, if known, the amount."""
    unpaid = []
    for e in f.withheld:
        if e.date is None or e.date.lo() > until:
            continue
        paid = [p for p in f.paid if p.date and p.date.lo() >= e.date.lo() and p.date.lo() <= until
                and _budget_year(p) == _budget_year(e)]
        if not paid:
            unpaid.append(e)
    share = spec.budget_share(f.actor)
    share_text = f"its budget share is {share:.0%}" if share is not None else "its budget share is not recorded"
    if not unpaid:
        return Finding(True, f"no withheld contribution of {f.actor} is recorded by {until.isoformat()}",
                       assumptions=(f"contributions of {f.actor} are taken as paid where the ledger records no withholding",))
    years = sorted({_budget_year(e) for e in unpaid})
    text = (f"{f.actor} withheld its contribution to the {', '.join(years)} budget{'s' if len(years) > 1 else ''} "
            f"and no payment is recorded by {until.isoformat()}: arrears to settle. {share_text.capitalize()}; "
            "the amount is unknown (the spec records shares, not budget totals)")
    later = [str(y) for y in range(int(max(years)) + 1, until.year + 1)] if all(y.isdigit() for y in years) else []
    assumptions = []
    if later:
        assumptions.append(f"the contribution of {f.actor} for {', '.join(later)} is recorded neither as paid nor as "
                           "withheld: it is not counted as arrears")
    if spec.budget is not None and spec.budget.arrears_sanction:
        text += f". Sanction for arrears: {spec.budget.arrears_sanction}"
    return Finding(False, text, tuple(event_ref(e) for e in unpaid), tuple(assumptions),
                   details={"years": years, "share": share, "amount": None})


def renormalised_shares(spec: AllianceSpec, members: list[str]) -> dict[str, float] | None:
    """The members' budget shares scaled to sum to 1 (None if any share is unknown)."""
    shares = {m: spec.budget_share(m) for m in members}
    if not members or any(v is None for v in shares.values()):
        return None
    total = sum(shares.values())  # type: ignore[arg-type]
    if total <= 0:
        return None
    return {m: round(v / total, 4) for m, v in shares.items()}  # type: ignore[operator]


def after_state(spec: AllianceSpec, f: WithdrawalFacts, effective: date | None) -> dict:
    """Members, decision rules, posts and budget shares once the withdrawal has taken effect."""
    before = sorted(s.actor for s in f.members_at_notice if is_in(s))
    if f.actor not in before:
        before = sorted(before + [f.actor])
    source = f.members_at_effective or f.members_at_notice
    after = sorted(s.actor for s in source if is_in(s) and s.actor != f.actor)
    also_leaving = sorted(set(before) - set(after) - {f.actor})
    rules = [{"id": r.id, "rule": r.rule, "applies_to": r.applies_to, "who_counts": r.who_counts,
              "members_before": len(before), "members_after": len(after),
              "note": (f"{f.actor} no longer counts; {len(after)} members decide"
                       + (" and each of them can block" if r.rule in ("consensus", "unanimity") else ""))}
             for r in spec.decision_rules]
    posts = []
    for p in spec.posts:
        entry: dict[str, Any] = {"id": p.id, "name": p.name, "allocation": p.allocation}
        if p.allocation == "rotation" and p.rotation:
            order = list(p.rotation.order)
            entry["order_before"] = order
            entry["order_after"] = [m for m in order if m != f.actor]
            entry["change"] = (f"{f.actor} leaves the rotation ({p.rotation.basis})" if f.actor in order
                               else f"{f.actor} was not in the rotation")
        elif p.allocation == "quota":
            entry["basis"] = p.quota_basis
            entry["change"] = (f"{f.actor}'s quota lapses; the posts are shared among the remaining members"
                               + (" in proportion to their re-normalised budget shares (inference; the distribution is "
                                  "decided by the alliance)" if p.quota_basis == "budget_share" else ""))
        else:
            entry["change"] = "no change recorded by the spec"
        posts.append(entry)
    budget: dict[str, Any] = {"shares_before": None, "shares_after": None}
    if spec.budget is None or not (spec.budget.shares or spec.budget.default_share is not None):
        budget["note"] = "the spec records no budget shares"
    else:
        budget["shares_before"] = {m: spec.budget_share(m) for m in before}
        budget["shares_after"] = renormalised_shares(spec, after)
        budget["inference"] = True
        budget["note"] = ("re-normalised over the remaining members: an inference from the published shares; "
                          "the real redistribution is decided by the alliance's budget decision")
    return {"on": effective.isoformat() if effective else None, "members_before": before, "members": after,
            "leaving": f.actor, "also_leaving_by_then": also_leaving, "decision_rules": rules, "posts": posts,
            "budget": budget}


@dataclass(frozen=True)
class WithdrawalAnswer:
    question: dict
    notice: str
    effective: str | None
    allowed: bool | None
    disputed: bool
    by_reading: tuple[dict, ...]
    checks: tuple[Check, ...]
    preconditions: tuple[Check, ...]
    after: dict
    recorded: dict
    summary: str
    claims: tuple[FactRef, ...] = ()
    assumptions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return plain(self)


def evaluate_withdrawal(spec: AllianceSpec, f: WithdrawalFacts) -> WithdrawalAnswer:
    """When a notice given on ``f.notice`` takes effect, what must be settled, and the state after."""
    w = spec.withdrawal
    if w is None:
        raise RuleError(f"the {spec.id} spec has no withdrawal provision")
    s = f.standing
    if s.formal.value == "withdrawn" and s.formal.certain:
        since = s.formal.since.edtf if s.formal.since else "an earlier date"
        raise ImpossibleQuestion(f"{f.actor}'s withdrawal from {spec.id} took effect on {since}: "
                                 f"it cannot give notice on {f.notice.isoformat()}")
    inn = is_in(s)
    if inn is False:
        raise ImpossibleQuestion(f"{f.actor} is not a member of {spec.id} on {f.notice.isoformat()} "
                                 f"(formal status: {s.formal.value}): it has nothing to withdraw from")
    provisions = provisions_of(w.sources, spec)
    assumptions: list[str] = []
    notes: list[str] = []

    member = Check("member_at_notice", f"Is {f.actor} a member when it gives notice?", inn,
                   f"{f.actor} is {'a member' if inn else 'possibly a member'} of {spec.id} on {f.notice.isoformat()} "
                   f"(formal status: {s.formal.value}; participation: {s.participation.value})",
                   facts=tuple(FactRef("status", r.text, r.events[0] if r.events else None, actor=f.actor, date=r.date)
                               for r in s.formal.reasons[-3:]))
    if s.formal.value == "notice_given":
        pending = s.formal.effective.edtf if s.formal.effective else "a recorded date"
        same = any(e.date and e.date.exact_day == f.notice for e in f.recorded_notices)
        notes.append("this is the notice recorded in the ledger" if same else
                     f"a notice is already pending (effective {pending}); a second notice does not restart the period")

    base = {"allowed": w.allowed, "notice_months": w.notice_months}
    readings = list(w.readings) or [None]
    dflt = default_reading(w.readings)
    by_reading = []
    headline_allowed, headline_eff = None, None
    for rd in readings:
        params = merged_params(base, rd)
        allowed = withdrawal_allowed(params)
        eff = effective_date(f.notice, params.get("notice_months")) if allowed.holds else None
        entry = {"reading": rd.id if rd else None, "summary": rd.summary if rd else None,
                 "held_by": list(rd.held_by) if rd else [], "default": rd is dflt,
                 "allowed": allowed.holds, "effective": eff.isoformat() if eff else None,
                 "explanation": allowed.explanation,
                 "provisions": [plain(p) for p in provisions_of(rd.sources, spec)] if rd else []}
        by_reading.append(entry)
        if rd is dflt:
            headline_allowed, headline_eff = allowed, eff
    disputed = len({(e["allowed"], e["effective"]) for e in by_reading}) > 1
    if w.notice_months is None:
        assumptions.append(f"the {spec.id} spec records no notice period: the date the withdrawal takes effect is unknown")

    in_force = f.instrument_in_force
    duration = minimum_duration(spec, f.notice, in_force)
    checks = [member,
              Check("withdrawal_allowed", "May a member withdraw unilaterally, and when does it take effect?",
                    headline_allowed.holds, headline_allowed.explanation, provisions,
                    by_reading=(), details={"notice_months": w.notice_months, "notice_to": w.notice_to}),
              Check("minimum_duration", "Has the treaty been in force long enough for a party to withdraw?",
                    duration.holds, duration.explanation, provisions if duration.applies else (), applies=duration.applies)]
    if duration.holds is False:
        raise ImpossibleQuestion(f"{spec.id}: {duration.explanation}; a notice on {f.notice.isoformat()} is not "
                                 "one the withdrawal article provides for")
    effective = headline_eff

    pre: list[Check] = [Check("written_notice", "Written notice to the addressee the treaty names", True,
                              f"notice given on {f.notice.isoformat()} (the premise of the question)"
                              + (f", addressed to {w.notice_to}" if w.notice_to else ""), provisions, kind="precondition")]
    until = effective or f.notice
    arr = arrears(spec, f, until)
    budget_provs = provisions_of(spec.budget.sources, spec) if spec.budget else ()
    pre.append(Check("arrears", "Are the member's contributions settled?", arr.holds, arr.explanation,
                     budget_provs, arr.facts, arr.assumptions, kind="precondition", details=arr.details))
    assumptions += [x for x in arr.assumptions if x not in assumptions]
    for i, text in enumerate(w.preconditions):
        pre.append(Check(f"precondition_{i + 1}", text, False if arr.holds is False else None,
                         ("not met: arrears are recorded (see 'arrears')" if arr.holds is False else
                          "not checkable from the ledger beyond the recorded contributions"),
                         provisions, kind="precondition"))
    if w.obligations_during_notice:
        notes.append(f"during the notice period: {w.obligations_during_notice}")

    after = after_state(spec, f, effective)
    recorded: dict[str, Any] = {
        "notices": [plain(event_ref(e)) for e in f.recorded_notices],
        "withdrawals": [plain(event_ref(e)) for e in f.recorded_withdrawals],
        "announcements": [plain(event_ref(e)) for e in f.announcements],
    }
    rec_eff = sorted({e.date.edtf for e in f.recorded_withdrawals if e.date})
    if rec_eff and effective:
        recorded["check"] = ("matches the recorded withdrawal" if effective.isoformat() in rec_eff else
                             f"differs from the recorded withdrawal ({', '.join(rec_eff)})")
    if f.announcements and not f.recorded_notices:
        notes.append(f"{f.actor} announced it would leave ("
                     + ", ".join(e.date.edtf for e in f.announcements if e.date)
                     + "), but no written notice is recorded: an announcement does not start the notice period")
    if not f.recorded_notices:
        assumptions.append(f"hypothetical notice: the ledger records no written notice by {f.actor}")

    if headline_allowed.holds is False:
        summary = f"Under the default reading {f.actor} cannot withdraw unilaterally from {spec.id}."
    elif effective is None:
        summary = f"A notice by {f.actor} on {f.notice.isoformat()} takes effect on an unknown date."
    else:
        summary = (f"A notice by {f.actor} on {f.notice.isoformat()} takes effect on {effective.isoformat()}, "
                   f"at the end of the {w.notice_months}-month notice period.")
    if disputed:
        summary += " Disputed: " + "; ".join(
            f"under '{e['reading']}' " + ("no unilateral withdrawal" if e["allowed"] is False else f"effective {e['effective']}")
            for e in by_reading if not e["default"]) + "."
    if arr.holds is False:
        summary += f" Arrears to settle first ({', '.join(arr.details.get('years', []))}; amount unknown)."
    summary += f" After: {len(after['members'])} members ({', '.join(after['members'])})."
    return WithdrawalAnswer(
        question={"alliance": spec.id, "actor": f.actor, "notice": f.notice.isoformat()},
        notice=f.notice.isoformat(), effective=effective.isoformat() if effective else None,
        allowed=headline_allowed.holds, disputed=disputed, by_reading=tuple(by_reading), checks=tuple(checks),
        preconditions=tuple(pre), after=after, recorded=recorded, summary=summary,
        claims=tuple(claim_ref(c) for c in f.claims if c.stance in WITHDRAWAL_STANCES), assumptions=tuple(assumptions), notes=tuple(notes))
