"""Scenarios: the facts the rules read, and the assumptions stated where facts are missing.

A scenario is what the service layer gathers from the ledger (events, claims,
the status engine's standings, the territory registry) plus what the user
states (``--requested``). The rules read nothing else: no database, no files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from foedus.domain.events import Claim, Event
from foedus.domain.status import Standing
from foedus.treaty.rules.territory import Place

__all__ = ["Incident", "CasusAssumptions", "CasusFacts", "WithdrawalFacts", "DecisionFacts", "is_in"]


def is_in(s: Standing | None) -> bool | None:
    """Formally in the alliance on the standing's date: True, False, or None when uncertain."""
    if s is None:
        return False
    if s.formal.certain:
        return s.formal.value in ("member", "notice_given")
    possible = set(s.formal.possible)
    if possible <= {"member", "notice_given"}:
        return True
    if not possible & {"member", "notice_given"}:
        return False
    return None


@dataclass(frozen=True)
class Incident:
    """The question: who was attacked, by whom, where, when."""

    alliance: str
    victim: str
    aggressor: str | None
    place: str
    on: date


@dataclass(frozen=True)
class CasusAssumptions:
    """What the user states where the ledger may be silent."""

    requested: bool | None = None      # --requested / --not-requested


@dataclass(frozen=True)
class CasusFacts:
    incident: Incident
    victim_name: str
    victim: Standing                       # the victim's standing in the alliance on the date
    place: Place
    aggressor_name: str | None = None
    aggressor_kind: str | None = None      # state | organisation | region | person ...
    aggressor_part_of: str | None = None   # for a region: the state it is part of
    aggressor: Standing | None = None      # the aggressor's standing in the alliance (states only)
    members: tuple[Standing, ...] = ()     # every state formally in on the date (status engine)
    attacks: tuple[Event, ...] = ()        # `attack` events around the date
    requests: tuple[Event, ...] = ()       # `request_assistance` by the victim
    consultations: tuple[Event, ...] = ()  # `request_consultations` by the victim
    actions: tuple[Event, ...] = ()        # what the alliance did towards the victim
    refusals: tuple[Event, ...] = ()       # members refusing a decision
    claims: tuple[Claim, ...] = ()         # claims about the victim (and, for internal threats, others)


@dataclass(frozen=True)
class WithdrawalFacts:
    alliance: str
    actor: str
    actor_name: str
    notice: date
    standing: Standing                     # on the notice date
    members_at_notice: tuple[Standing, ...]
    members_at_effective: tuple[Standing, ...] = ()   # by the ledger, on the effective date (default reading)
    instrument_in_force: date | None = None
    withheld: tuple[Event, ...] = ()       # withhold_contribution by the actor
    paid: tuple[Event, ...] = ()           # pay_contribution by the actor
    recorded_notices: tuple[Event, ...] = ()
    recorded_withdrawals: tuple[Event, ...] = ()
    announcements: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    names: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DecisionFacts:
    alliance: str
    decision: str
    on: date
    members: tuple[Standing, ...]
    events: tuple[Event, ...] = ()         # participation events of the members up to the date
    claims: tuple[Claim, ...] = ()         # claims about the members up to the date
    names: dict = field(default_factory=dict)
