"""The alliance spec format.

An alliance is a declarative document: who may join, how it decides, what
its defence clause promises and on what conditions, how a member leaves or
is suspended. Every provision carries :class:`Citation` s (instrument,
article, URL, excerpt, and how sure we are of the text), so that any answer
derived from a spec can show the words it rests on.

Where sources disagree about the law itself, a provision lists its
alternative :class:`Reading` s instead of silently choosing one.

The models are pydantic v2 with ``extra="forbid"``: a misspelt field is an
error, not a silently ignored key.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, field_validator, model_validator

from foedus.domain.strict import StrictModel

__all__ = [
    "Citation", "Reading", "Instrument", "Body", "Post", "Rotation", "Budget",
    "DecisionRule", "DefenceClause", "DefenceCondition", "Admission", "Withdrawal",
    "Suspension", "Exclusion", "ParticipationRules", "AllianceSpec",
]

Confidence = Literal["confirmed", "reported", "unconfirmed", "coded"]
# A rule parameter as written in a spec (condition ``params``, reading ``params``).
ParamValue = str | int | float | bool | list[str]


_Strict = StrictModel


class Citation(_Strict):
    """Where a provision's words come from."""

    instrument: str = Field(description="id of an instrument of this spec, or a free title")
    article: str | None = Field(None, description="article/paragraph, e.g. '4', '19(2)'")
    url: str | None = None
    excerpt: str | None = Field(None, description="short quotation or faithful summary")
    confidence: Confidence = "confirmed"
    note: str | None = None


class Reading(_Strict):
    """One interpretation of a disputed provision, with who holds it."""

    id: str
    summary: str
    held_by: list[str] = Field(default_factory=list)
    sources: list[Citation] = Field(min_length=1)
    default: bool = False
    params: dict[str, ParamValue] = Field(
        default_factory=dict,
        description="rule parameters this reading sets (they override the provision's own params), "
                    "e.g. {internal_threat: excluded} or {notice_months: 0}")


class _Provision(_Strict):
    """Shared by every provision: its citations and any competing readings."""

    sources: list[Citation] = Field(min_length=1)
    readings: list[Reading] = Field(default_factory=list)
    note: str | None = None


class Instrument(_Strict):
    id: str
    title: str
    signed: date | None = None
    place: str | None = None
    in_force: date | None = None
    amended_by: list[str] = Field(default_factory=list)
    sources: list[Citation] = Field(min_length=1)


class Body(_Provision):
    id: str
    name: str
    composition: str
    role: str | None = None
    decision_rule: str | None = Field(None, description="id of a decision rule")


class Rotation(_Strict):
    order: list[str] = Field(min_length=1, description="member ids in rotation order")
    basis: str
    term_years: int = Field(gt=0)
    term_starts: str | None = Field(None, description="e.g. '01-01' for 1 January")


class Post(_Provision):
    id: str
    name: str
    body: str | None = None
    allocation: Literal["rotation", "quota", "appointment", "election"]
    rotation: Rotation | None = None
    quota_basis: Literal["budget_share", "equal", "fixed"] | None = None
    term_years: int | None = None

    @model_validator(mode="after")
    def _rotation_needs_order(self) -> "Post":
        if self.allocation == "rotation" and self.rotation is None:
            raise ValueError("a post allocated by rotation needs 'rotation'")
        if self.allocation == "quota" and self.quota_basis is None:
            raise ValueError("a post allocated by quota needs 'quota_basis'")
        return self


class Budget(_Provision):
    shares: dict[str, float] = Field(default_factory=dict, description="member id -> share of the budget (0..1)")
    default_share: float | None = Field(None, description="share of any member not listed")
    arrears_sanction: str | None = None

    @field_validator("shares")
    @classmethod
    def _shares_in_range(cls, v: dict[str, float]) -> dict[str, float]:
        for k, s in v.items():
            if not 0 <= s <= 1:
                raise ValueError(f"share of {k} must be between 0 and 1, got {s}")
        return v


class DecisionRule(_Provision):
    id: str
    rule: Literal["consensus", "unanimity", "majority", "qualified_majority"]
    applies_to: list[str] = Field(default_factory=list, description="body ids or decision kinds")
    who_counts: str = "all members"
    abstention: str | None = None
    threshold: float | None = None


class DefenceCondition(_Provision):
    """One condition of the defence clause (a named check the rules engine knows).

    ``id`` names the rule function that checks it (see ``foedus.treaty.rules.defence``).
    A ``procedure`` (who decides, what was done) is shown with the conditions but does
    not decide whether the clause is engaged. ``only_under`` limits the condition to some
    of the clause's readings (e.g. a request is required only under the reading that
    assistance is given at the attacked member's request).
    """

    id: str
    description: str
    kind: Literal["condition", "procedure"] = "condition"
    only_under: list[str] = Field(default_factory=list, description="ids of the clause's readings under which this condition applies")
    if_false: Literal["not_engaged", "undetermined"] = Field(
        "not_engaged", description="what a failed check means for the clause (undetermined where the text leaves the case open)")
    params: dict[str, ParamValue] = Field(default_factory=dict, description="parameters of the rule function")


class DefenceClause(_Provision):
    article: str
    summary: str
    scope: str | None = Field(None, description="geographic scope, e.g. 'Europe or North America'")
    conditions: list[DefenceCondition] = Field(default_factory=list)
    deciding_body: str | None = None
    decision_rule: str | None = None
    assistance: str | None = Field(None, description="what the other members owe and how (individual or collective obligation)")

    @model_validator(mode="after")
    def _conditions_consistent(self) -> "DefenceClause":
        ids = [c.id for c in self.conditions]
        if len(ids) != len(set(ids)):
            raise ValueError("defence_clause condition ids must be unique")
        readings = {r.id for r in self.readings}
        for c in self.conditions:
            for r in c.only_under:
                if r not in readings:
                    raise ValueError(f"condition {c.id!r}: only_under names unknown clause reading {r!r}")
        return self


class Admission(_Provision):
    rule: str
    decided_by: str | None = None
    decision_rule: str | None = None


class Withdrawal(_Provision):
    allowed: bool = True
    notice_months: int | None = Field(None, ge=0)
    notice_to: str | None = None
    earliest_after_years: int | None = Field(None, ge=0, description="withdrawal possible only after the treaty has been in force this long")
    preconditions: list[str] = Field(default_factory=list)
    obligations_during_notice: str | None = None


class Suspension(_Provision):
    exists: bool = True
    decided_by: str | None = None
    grounds: str | None = None


class Exclusion(_Provision):
    exists: bool = True
    decided_by: str | None = None
    grounds: str | None = None


class ParticipationRules(_Provision):
    """What the instruments say about partial participation (e.g. a 'freeze')."""

    freeze_recognised: bool = False
    summary: str


class AllianceSpec(_Strict):
    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9:_-]*$")
    name: str
    names: dict[str, str] = Field(default_factory=dict)
    aliases: list[str] = Field(default_factory=list)
    kind: Literal["defence_pact", "collective_security", "economic_community", "neutrality", "non_aggression", "entente", "other"] = "collective_security"
    instruments: list[Instrument] = Field(min_length=1)
    bodies: list[Body] = Field(default_factory=list)
    posts: list[Post] = Field(default_factory=list)
    budget: Budget | None = None
    decision_rules: list[DecisionRule] = Field(default_factory=list)
    defence_clause: DefenceClause | None = None
    admission: Admission | None = None
    withdrawal: Withdrawal | None = None
    suspension: Suspension | None = None
    exclusion: Exclusion | None = None
    participation: ParticipationRules | None = None
    obligations: list[str] = Field(default_factory=list, description="defence, offence, neutrality, non_aggression, consultation")
    sources: list[Citation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> "AllianceSpec":
        ids = [i.id for i in self.instruments]
        if len(ids) != len(set(ids)):
            raise ValueError("instrument ids must be unique")
        bodies = {b.id for b in self.bodies}
        rules = {r.id for r in self.decision_rules}
        for b in self.bodies:
            if b.decision_rule and b.decision_rule not in rules:
                raise ValueError(f"body {b.id!r} names unknown decision rule {b.decision_rule!r}")
        for p in self.posts:
            if p.body and p.body not in bodies:
                raise ValueError(f"post {p.id!r} names unknown body {p.body!r}")
        if self.defence_clause:
            dc = self.defence_clause
            if dc.deciding_body and dc.deciding_body not in bodies:
                raise ValueError(f"defence_clause names unknown body {dc.deciding_body!r}")
            if dc.decision_rule and dc.decision_rule not in rules:
                raise ValueError(f"defence_clause names unknown decision rule {dc.decision_rule!r}")
        return self

    def instrument(self, instrument_id: str) -> Instrument | None:
        return next((i for i in self.instruments if i.id == instrument_id), None)

    def rule(self, rule_id: str) -> DecisionRule | None:
        return next((r for r in self.decision_rules if r.id == rule_id), None)

    def body(self, body_id: str) -> Body | None:
        return next((b for b in self.bodies if b.id == body_id), None)

    def budget_share(self, member: str) -> float | None:
        if self.budget is None:
            return None
        return self.budget.shares.get(member, self.budget.default_share)

    @property
    def founded(self) -> date | None:
        dates = [d for i in self.instruments for d in (i.signed, i.in_force) if d]
        return min(dates) if dates else None
