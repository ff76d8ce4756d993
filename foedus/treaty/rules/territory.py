"""The territory registry: which territory belongs to which state on which date, and where it lies.

The file format (``data/territories.yaml``) and pure look-ups over it. Reading
the file is the service layer's job (:func:`foedus.services.reasoning.territory_registry`).

A *place* in a casus foederis question is either a state id (that state's
internationally recognised territory on the date) or a region/territory id.
:func:`resolve_place` answers, for a date: who is the recognised sovereign,
who controls it de facto, which states have said what about it, which zones
it lies in, and what had to be assumed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import Field, model_validator

from foedus.domain.dates import parse_edtf
from foedus.domain.strict import CitedSource, StrictModel
from foedus.treaty.rules.answer import FactRef, SourceRef

__all__ = ["TerritorySource", "SovereigntySpan", "ControlSpan", "Recognition", "Territory", "TerritoryRegistry",
           "Place", "resolve_place"]


_Strict = StrictModel


TerritorySource = CitedSource  # the same shape as every cited page in the data files


class _Dated(_Strict):
    start: str | None = Field(None, alias="from", description="EDTF; absent = start not recorded")
    end: str | None = Field(None, alias="to", description="EDTF; absent = still in force")
    sources: list[str] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _dates_parse(self) -> "_Dated":
        for v in (self.start, self.end):
            if v is not None:
                parse_edtf(v)  # InvalidDate is a ValueError: pydantic reports it on the field
        return self

    def when(self) -> str:
        return f"{self.start or '..'}/{self.end or '..'}"

    def covers(self, day: date) -> tuple[bool, bool]:
        """(possibly covers ``day``, surely covers it)."""
        lo = parse_edtf(self.start) if self.start else None
        hi = parse_edtf(self.end) if self.end else None
        possible = (lo is None or lo.lo() <= day) and (hi is None or day <= hi.hi())
        sure = (lo is None or lo.hi() <= day) and (hi is None or day <= hi.lo())
        return possible, sure


class SovereigntySpan(_Dated):
    state: str


class ControlSpan(_Dated):
    by: str = Field(description="an actor id, or a free description of an unrecognised authority")


class Recognition(_Strict):
    by: str
    state: str
    date: str
    sources: list[str] = Field(min_length=1)
    note: str | None = None


class Territory(_Strict):
    id: str
    sovereignty: list[SovereigntySpan] = Field(default_factory=list)
    control: list[ControlSpan] = Field(default_factory=list)
    recognitions: list[Recognition] = Field(default_factory=list)
    disputed_by: list[str] = Field(default_factory=list)
    dispute_sources: list[str] = Field(default_factory=list)
    zones: list[str] = Field(default_factory=list)
    zone_sources: list[str] = Field(default_factory=list)
    note: str | None = None


class TerritoryRegistry(_Strict):
    sources: dict[str, TerritorySource] = Field(default_factory=dict)
    zones: dict[str, list[str]] = Field(default_factory=dict)
    territories: list[Territory] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> "TerritoryRegistry":
        ids = [t.id for t in self.territories]
        if len(ids) != len(set(ids)):
            raise ValueError("territory ids must be unique")
        for t in self.territories:
            keys = [k for s in (*t.sovereignty, *t.control) for k in s.sources]
            keys += [k for r in t.recognitions for k in r.sources] + t.dispute_sources + t.zone_sources
            for k in keys:
                if k not in self.sources:
                    raise ValueError(f"territory {t.id!r} cites unknown source {k!r}")
            for r in t.recognitions:
                parse_edtf(r.date)
        return self

    def territory(self, tid: str) -> Territory | None:
        return next((t for t in self.territories if t.id == tid), None)

    def actor_ids(self) -> set[str]:
        """Every actor id the registry names (for validation against the actor registry)."""
        out = {t.id for t in self.territories}
        for t in self.territories:
            out |= {s.state for s in t.sovereignty} | {r.by for r in t.recognitions} | {r.state for r in t.recognitions}
            out |= set(t.disputed_by)
        for members in self.zones.values():
            out |= set(members)
        return out

    def zones_of(self, place_id: str) -> tuple[str, ...]:
        t = self.territory(place_id)
        if t is not None and t.zones:
            return tuple(t.zones)
        return tuple(z for z, members in self.zones.items() if place_id in members)

    def refs(self, keys: list[str]) -> tuple[SourceRef, ...]:
        return tuple(SourceRef(self.sources[k].outlet, self.sources[k].url, self.sources[k].excerpt) for k in keys)


@dataclass(frozen=True)
class Place:
    """A place on a date, as the territory rules see it."""

    id: str
    kind: str                         # state | region | territory
    name: str
    on: date
    sovereign: str | None             # the internationally recognised sovereign on the date
    certain: bool                     # False if a dated change of sovereignty may fall on the date
    basis: tuple[FactRef, ...] = ()   # why that sovereign
    control: tuple[FactRef, ...] = ()
    recognitions: tuple[tuple[str, str, str, FactRef], ...] = ()   # (by, state, date, fact)
    disputed_by: tuple[str, ...] = ()
    zones: tuple[str, ...] = ()
    zone_basis: tuple[FactRef, ...] = ()
    assumptions: tuple[str, ...] = ()


def resolve_place(reg: TerritoryRegistry, place_id: str, kind: str, name: str, part_of: str | None, on: date) -> Place:
    """Sovereignty, control and zones of ``place_id`` on ``on``.

    ``kind``/``name``/``part_of`` come from the actor registry. A state is its
    own territory; a listed territory follows its dated sovereignty; an
    unlisted region falls back on the registry's undated ``part_of``, said so.
    """
    t = reg.territory(place_id)
    zones = reg.zones_of(place_id)
    zone_basis: tuple[FactRef, ...] = ()
    if t is not None and t.zone_sources:
        zone_basis = (FactRef("territory", f"{name} lies in: {', '.join(zones)}", place_id, "zones",
                              sources=reg.refs(t.zone_sources)),)
    elif zones:
        zone_basis = (FactRef("territory", f"{name} lies in: {', '.join(zones)} (foedus's geographic classification)",
                              place_id, "zones"),)
    assumptions: list[str] = []

    if t is None or not t.sovereignty:
        if kind == "state":
            basis = (FactRef("territory", f"{name} is a state: the place is its own internationally recognised territory",
                             place_id, "sovereignty", actor=place_id),)
            return Place(place_id, kind, name, on, place_id, True, basis, zones=zones, zone_basis=zone_basis)
        if part_of:
            assumptions.append(f"the territory registry has no dated record for {place_id!r}; the actor registry's "
                               f"undated 'part_of: {part_of}' is taken to hold on {on.isoformat()}")
            basis = (FactRef("territory", f"{name} is recorded as part of {part_of} (actor registry, undated)",
                             place_id, "part_of", actor=part_of),)
            return Place(place_id, kind, name, on, part_of, True, basis, zones=zones, zone_basis=zone_basis,
                         assumptions=tuple(assumptions))
        assumptions.append(f"no sovereign is recorded for {place_id!r}")
        return Place(place_id, kind, name, on, None, False, zones=zones, zone_basis=zone_basis, assumptions=tuple(assumptions))

    sovereign, certain, basis = None, False, []
    for span in t.sovereignty:
        possible, sure = span.covers(on)
        if possible:
            sovereign, certain = span.state, sure
            text = f"{name}: internationally recognised as part of {span.state} ({span.when()})"
            if span.note:
                text += f"; {span.note}"
            basis.append(FactRef("territory", text, place_id, "sovereignty", actor=span.state, date=span.when(),
                                 sources=reg.refs(span.sources)))
    if sovereign is None:
        assumptions.append(f"the territory registry records no recognised sovereign of {place_id!r} on {on.isoformat()}")
    control = []
    for c in t.control:
        possible, _ = c.covers(on)
        if possible:
            control.append(FactRef("territory", f"de facto control of {name}: {c.by} ({c.when()})", place_id, "control",
                                   actor=c.by, date=c.when(), sources=reg.refs(c.sources)))
    recognitions = []
    for r in t.recognitions:
        when = parse_edtf(r.date)
        rel = "before" if when.hi() < on else "on" if when.contains(on) else "after"
        text = f"{r.by} recognised {name} as {r.state}'s territory on {r.date} ({rel} the date asked)"
        if r.note:
            text += f": {r.note}"
        recognitions.append((r.by, r.state, r.date, FactRef("territory", text, place_id, "recognition", actor=r.by,
                                                              target=r.state, date=r.date, sources=reg.refs(r.sources))))
    if t.disputed_by:
        basis.append(FactRef("territory", f"sovereignty over {name} is disputed by {', '.join(t.disputed_by)}", place_id,
                             "dispute", sources=reg.refs(t.dispute_sources)))
    return Place(place_id, kind, name, on, sovereign, certain, tuple(basis), tuple(control), tuple(recognitions),
                 tuple(t.disputed_by), zones, zone_basis, tuple(assumptions))
