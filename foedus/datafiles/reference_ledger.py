"""The reference-ledger file format and its translation into documents, events and claims.

A reference ledger (``data/ledger/*.yaml``) records curated facts with their
sources. Validation is strict and happens before anything is written: unknown
actors or sources, invalid EDTF dates and overlapping membership spells are
errors naming the file, the line and the field.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationError, model_validator

from foedus.datafiles.yaml_model import (
    DataFileError,
    Problem,
    line_of,
    plain,
    problems_from,
    read_yaml,
)
from foedus.domain.dates import InvalidDate, parse_edtf
from foedus.domain.documents import Document
from foedus.domain.events import MODALITIES, Claim, Event, Evidence
from foedus.domain.strict import CitedSource, StrictModel
from foedus.registry.model import Registry

__all__ = ["ReferenceLedger", "read_reference_ledger", "LoadedLedger"]


_Strict = StrictModel


SourceEntry = CitedSource  # the same shape as every cited page in the data files


class Report(_Strict):
    date: str
    sources: list[str] = Field(min_length=1)


class FactEntry(_Strict):
    fact: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    type: str = Field(pattern=r"^[a-z][a-z_]*$")
    actors: list[str] | None = None
    actor: str | None = None
    target: str | None = None
    reports: list[Report] = Field(min_length=1)
    note: str | None = None
    attributes: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_actor_form(self) -> "FactEntry":
        if (self.actors is None) == (self.actor is None):
            raise ValueError("give either 'actor' (with 'target') or 'actors' (the alliance is the target)")
        return self


class ClaimEntry(_Strict):
    speaker: str
    speaker_label: str
    subject: str
    date: str
    stance: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    source: str
    on_behalf_of: str | None = None
    modality: str = "asserted"
    text: str | None = None
    topic: str = Field("standing", pattern=r"^[a-z][a-z_]*$", description="standing (membership and participation), defence, …")

    @model_validator(mode="after")
    def _known_modality(self) -> "ClaimEntry":
        if self.modality not in MODALITIES:
            raise ValueError(f"modality must be one of {', '.join(MODALITIES)}")
        return self


class ReferenceLedger(_Strict):
    alliance: str
    sources: dict[str, SourceEntry]
    events: list[FactEntry] = Field(default_factory=list)
    claims: list[ClaimEntry] = Field(default_factory=list)


class LoadedLedger(_Strict):
    """What a reference-ledger file turns into, ready to be written."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)
    alliance: str
    documents: list[Document]
    events: list[Event]
    claims: list[Claim]


# membership event -> is the state a member after it?
# membership spells (a suspended state is still a member: suspension and reinstatement do not open or close one)
_SPELL = {"join": True, "withdraw": False}


def read_reference_ledger(path: Path, registry: Registry, alliance_ids: set[str]) -> LoadedLedger:
    """Validate ``path`` against the registry and the known alliances; build its records."""
    doc = read_yaml(path)
    if doc is None:
        raise DataFileError([Problem(str(path), None, "", "file is empty")])
    try:
        ledger = ReferenceLedger.model_validate(plain(doc))
    except ValidationError as exc:
        raise DataFileError(problems_from(path, doc, exc)) from exc

    problems: list[Problem] = []
    known = {a.id for a in registry.actors} | alliance_ids

    def problem(loc: tuple, msg: str) -> None:
        problems.append(Problem(str(path), line_of(doc, loc), ".".join(str(p) for p in loc), msg))

    if ledger.alliance not in alliance_ids:
        problem(("alliance",), f"unknown alliance {ledger.alliance!r} (no spec with this id)")

    docs: dict[str, Document] = {}
    for key, s in ledger.sources.items():
        docs[key] = Document(text=s.excerpt, kind="reference", outlet=s.outlet, url=s.url)

    events: list[Event] = []
    spells: dict[str, list[tuple[str, bool, tuple]]] = {}
    for i, f in enumerate(ledger.events):
        actors = f.actors if f.actors is not None else [f.actor]
        target = ledger.alliance if f.actors is not None else f.target
        for a in actors:
            if a not in known:
                problem(("events", i, "actors" if f.actors is not None else "actor"), f"unknown actor {a!r}")
        if target is not None and target not in known:
            problem(("events", i, "target"), f"unknown actor {target!r}")
        for j, rep in enumerate(f.reports):
            try:
                span = parse_edtf(rep.date)
            except InvalidDate as exc:
                problem(("events", i, "reports", j, "date"), str(exc))
                continue
            for k in rep.sources:
                if k not in docs:
                    problem(("events", i, "reports", j, "sources"), f"unknown source {k!r}")
            if any(k not in docs for k in rep.sources):
                continue
            for a in actors:
                fact = f.fact if len(actors) == 1 else f"{f.fact}:{a}"
                evidence = tuple(Evidence(docs[k].id, docs[k].text, 0, len(docs[k].text), docs[k].outlet, docs[k].url) for k in rep.sources)
                events.append(Event(id="", type=f.type, actor=a, target=target, date=span, evidence=evidence,
                                    fact=fact, review="accepted", note=f.note, attributes=dict(f.attributes)))
                if f.type in _SPELL and target == ledger.alliance and j == 0:
                    spells.setdefault(a, []).append((rep.date, _SPELL[f.type], ("events", i)))
    fact_ids = {f.fact for f in ledger.events}
    for i, f in enumerate(ledger.events):
        restated = f.attributes.get("restates")
        if restated is not None and (not isinstance(restated, str) or restated not in fact_ids or restated == f.fact):
            problem(("events", i, "attributes", "restates"), f"unknown fact {restated!r} (restates must name another "
                                                            "fact of this ledger)")
    for actor, changes in spells.items():
        member = False
        for when, becomes, loc in sorted(changes, key=lambda c: parse_edtf(c[0]).lo()):
            if becomes and member:
                problem(loc, f"overlapping membership spells: {actor} joins on {when} while already a member")
            if not becomes and not member:
                problem(loc, f"{actor} leaves on {when} without being a member")
            member = becomes

    claims: list[Claim] = []
    for i, c in enumerate(ledger.claims):
        for field in ("subject", "on_behalf_of"):
            v = getattr(c, field)
            if v is not None and v not in known:
                problem(("claims", i, field), f"unknown actor {v!r}")
        if c.speaker[:1].isupper() and c.speaker not in known:
            problem(("claims", i, "speaker"), f"unknown actor {c.speaker!r}")
        if "-" in c.speaker and c.speaker not in known:
            problem(("claims", i, "speaker"), f"unknown person {c.speaker!r} (add them to the actor registry)")
        if c.source not in docs:
            problem(("claims", i, "source"), f"unknown source {c.source!r}")
            continue
        try:
            span = parse_edtf(c.date)
        except InvalidDate as exc:
            problem(("claims", i, "date"), str(exc))
            continue
        d = docs[c.source]
        text = c.text or d.text
        start = d.text.find(text)
        claims.append(Claim(id="", speaker=c.speaker, speaker_label=c.speaker_label, subject=c.subject,
                            alliance=ledger.alliance, date=span, stance=c.stance, text=text,
                            evidence=(Evidence(d.id, text, start if start >= 0 else None,
                                               start + len(text) if start >= 0 else None, d.outlet, d.url),),
                            modality=c.modality, on_behalf_of=c.on_behalf_of, topic=c.topic))
    if problems:
        raise DataFileError(problems)
    return LoadedLedger(alliance=ledger.alliance, documents=list(docs.values()), events=events, claims=claims)
