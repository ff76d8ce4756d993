"""The answer tree: checked conditions with the provisions and facts behind them.

Every answer the rules give (a casus foederis, a withdrawal, a decision) is a
tree of :class:`Check` s. A check names one condition, says whether it holds
(``True``, ``False`` or ``None`` when the facts do not settle it), and carries
the :class:`Provision` s (instrument, article, excerpt) and :class:`FactRef` s
(ledger events, claims, territory records) it rests on, plus the assumptions
it had to make. Where the law itself is disputed, a check also carries one
:class:`ReadingResult` per reading.

The tree is plain frozen dataclasses; :func:`plain` turns any of them into
JSON-ready dicts, so the CLI (Rich) and a JSON API render the same object.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any

from foedus.domain.events import Claim, Event
from foedus.treaty.spec import AllianceSpec, Citation

__all__ = ["Provision", "SourceRef", "FactRef", "ReadingResult", "Check", "ReadingOutcome", "Finding",
           "plain", "provisions_of", "event_ref", "claim_ref"]


def plain(obj: Any) -> Any:
    """A dataclass tree as dicts, lists, strings and numbers (``None`` kept: ``holds: null`` matters)."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in fields(obj) if not f.name.startswith("_")}
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [plain(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


@dataclass(frozen=True)
class Provision:
    """The words a check rests on: an article of an instrument, with its source and how sure we are."""

    instrument: str
    article: str | None = None
    excerpt: str | None = None
    url: str | None = None
    confidence: str = "confirmed"
    instrument_id: str | None = None
    note: str | None = None

    @classmethod
    def of(cls, c: Citation, spec: AllianceSpec | None = None) -> "Provision":
        inst = spec.instrument(c.instrument) if spec is not None else None
        return cls(instrument=inst.title if inst else c.instrument, article=c.article, excerpt=c.excerpt, url=c.url,
                   confidence=c.confidence, instrument_id=c.instrument if inst else None, note=c.note)

    def label(self) -> str:
        art = f", art. {self.article}" if self.article else ""
        flag = "" if self.confidence == "confirmed" else f" [{self.confidence}]"
        return f"{self.instrument}{art}{flag}"


def provisions_of(citations: list[Citation] | tuple[Citation, ...], spec: AllianceSpec) -> tuple[Provision, ...]:
    return tuple(Provision.of(c, spec) for c in citations)


@dataclass(frozen=True)
class SourceRef:
    outlet: str | None
    url: str | None
    excerpt: str | None = None


@dataclass(frozen=True)
class FactRef:
    """A fact a check used: a ledger event or claim, a territory record, a status, or a spec value."""

    kind: str                      # event | claim | territory | status | spec
    text: str                      # one line for people
    id: str | None = None
    type: str | None = None        # event type or claim stance
    actor: str | None = None
    target: str | None = None
    date: str | None = None        # EDTF as recorded
    sources: tuple[SourceRef, ...] = ()


def event_ref(e: Event, text: str | None = None) -> FactRef:
    when = e.date.edtf if e.date else "undated"
    default = f"{e.actor} {e.type.replace('_', ' ')}" + (f" → {e.target}" if e.target else "") + f" ({when})"
    if e.note:
        default += f"; note: {e.note}"
    return FactRef("event", text or default, e.id, e.type, e.actor, e.target, e.date.edtf if e.date else None,
                   tuple(SourceRef(x.outlet, x.url, x.text) for x in e.evidence))


def claim_ref(c: Claim, text: str | None = None) -> FactRef:
    when = c.date.edtf if c.date else "undated"
    default = f"{c.speaker_label} ({when}): “{c.text}”"
    return FactRef("claim", text or default, c.id, c.stance, c.speaker, c.subject, c.date.edtf if c.date else None,
                   tuple(SourceRef(x.outlet, x.url, x.text) for x in c.evidence))


@dataclass(frozen=True)
class Finding:
    """What one rule function returns: the value, why, and what it used."""

    holds: bool | None
    explanation: str
    facts: tuple[FactRef, ...] = ()
    assumptions: tuple[str, ...] = ()
    applies: bool = True
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ReadingResult:
    """The value of a check under one reading of a disputed provision."""

    reading: str
    summary: str
    held_by: tuple[str, ...]
    default: bool
    holds: bool | None
    explanation: str
    provisions: tuple[Provision, ...] = ()


@dataclass(frozen=True)
class Check:
    """One checked condition: a node of the answer tree."""

    name: str
    question: str
    holds: bool | None
    explanation: str
    provisions: tuple[Provision, ...] = ()
    facts: tuple[FactRef, ...] = ()
    assumptions: tuple[str, ...] = ()
    kind: str = "condition"        # condition | procedure | precondition
    applies: bool = True
    only_under: tuple[str, ...] = ()
    if_false: str = "not_engaged"
    by_reading: tuple[ReadingResult, ...] = ()
    details: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return plain(self)


@dataclass(frozen=True)
class ReadingOutcome:
    """The result under one combination of readings (one per disputed provision)."""

    readings: dict
    outcome: str
    default: bool
    summary: str
