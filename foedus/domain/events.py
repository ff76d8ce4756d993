"""Events, evidence and claims: the facts foedus records.

An :class:`Event` is one report of something that happened, by one source,
with the verbatim sentence that states it. Several reports of the same
happening share a ``fact`` key; the status engine reads them together and
treats a disagreement about the date as uncertainty, never as a choice.

A :class:`Claim` is what somebody *asserts* about a state's standing ("we
have frozen our participation", "Armenia remains a full-fledged member").
Claims are kept beside the derived status, never mixed into it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from foedus.domain.dates import DateSpan

__all__ = [
    "EVENT_TYPES",
    "MEMBERSHIP_TYPES",
    "PARTICIPATION_TYPES",
    "REVIEW_STATES",
    "MODALITIES",
    "Evidence",
    "Event",
    "Claim",
]

# The event types of the evaluation format (shared/eval/FORMAT.md), plus a few
# that the reference ledger needs. The set is extensible: the ledger stores any
# type; these are the ones whose meaning the status engine knows.
MEMBERSHIP_TYPES = frozenset({
    "sign",                  # signed the founding treaty or an accession protocol
    "join",                  # membership took effect
    "announce_withdrawal",   # said it will leave (no legal effect by itself)
    "notify_withdrawal",     # sent the written notice the treaty requires
    "revoke_notice",         # withdrew such a notice before it took effect
    "withdraw",              # membership ended
    "suspend_membership",    # the alliance suspended the state's membership
    "reinstate_membership",  # the alliance ended such a suspension
})
PARTICIPATION_TYPES = frozenset({
    "freeze_participation",
    "resume_participation",
    "withhold_contribution",
    "pay_contribution",
    "decline_post",
    "take_post",
    "recall_representative",
    "appoint_representative",
    "skip_meeting",
    "attend_meeting",
    "refuse_exercise",
    "refuse_decision",
})
ALLIANCE_ACTION_TYPES = frozenset({
    "request_consultations",
    "request_assistance",
    "deny_assistance",
    "deploy_forces",
})
BILATERAL_TYPES = frozenset({
    "accuse", "demand", "recall_ambassador", "sign_agreement",
    "hold_exercise", "deliver_weapons", "attack",
})
EVENT_TYPES = MEMBERSHIP_TYPES | PARTICIPATION_TYPES | ALLIANCE_ACTION_TYPES | BILATERAL_TYPES

REVIEW_STATES = ("proposed", "accepted", "rejected")
# How a sentence presents what it reports. Only "asserted" ever becomes an event.
MODALITIES = ("asserted", "denied", "predicted", "hypothetical", "intended", "reported_speech", "topic")


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: a document and the verbatim text in it."""

    document_id: str
    text: str
    start: int | None = None
    end: int | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Event:
    """One source's report of one happening.

    ``actor`` did ``type`` to ``target`` on ``date``. For membership and
    participation events the target is the alliance.
    """

    id: str
    type: str
    actor: str
    target: str | None
    date: DateSpan | None
    evidence: tuple[Evidence, ...] = ()
    fact: str | None = None
    review: str = "accepted"
    note: str | None = None
    attributes: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def fact_key(self) -> str:
        """Reports sharing this key describe the same happening."""
        return self.fact or self.id


@dataclass(frozen=True)
class Claim:
    """A sourced, dated assertion by a party about a state's standing.

    ``stance`` is a short machine-readable label (``participation_frozen``,
    ``full_member``, ``no_notice_received``…); ``text`` is the verbatim words.
    """

    id: str
    speaker: str            # a person or actor id
    speaker_label: str      # how a reader should see the speaker ("Russian MFA (Maria Zakharova)")
    subject: str            # the state the claim is about
    alliance: str | None
    date: DateSpan | None
    stance: str
    text: str
    evidence: tuple[Evidence, ...] = ()
    modality: str = "asserted"
    on_behalf_of: str | None = None
    topic: str = "standing"  # what question the claim bears on: standing, defence, …
    origin: str | None = None  # reference (curated), extract (read from an article, unreviewed), …
