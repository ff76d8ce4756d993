"""Recompute ATOP's state-year table from the imported ledger, and compare it cell by cell.

ATOP's state-year file (atop5_1sy.csv, codebook section 2.5) lists, for each
state and year, the alliances the state belongs to "during the year of
observation" and whether it has a defence, offence, neutrality, non-aggression
or consultation obligation toward any state; NUMBER counts the alliances and
TRANSYR says whether some commitment starts or ends that year.

Here the same table is derived from the ledger: membership comes from the
status engine (each member's :class:`~foedus.atop.timeline.MemberTimeline`),
obligations from the member records kept on the ``join`` events. ATOP's rules,
as found in the codebook and checked against its own file:

1. *A state-year counts every calendar year from the year of entry to the year
   of exit, both included* ("during the year of observation"). The engine says a
   member is out from the day its withdrawal takes effect; that day is still
   counted in the year it falls in: an exit on 1 January (e.g. Czechoslovakia,
   atopid 3973, 1993-01-01) makes that year count.
2. *An alliance in force at the end of 2018 counts until 2018* (ATOP's coverage).
3. *Obligations in a year are those of the alliance phase in force last in that
   year* (the phase that began last; phases beginning on the same day, for
   successor states, are combined). When a renegotiated text drops an obligation
   mid-year, ATOP codes the year without it (e.g. atopid 1362, 1888).
4. *TRANSYR is 1 when any of the state's member records (a member-phase row)
   starts or ends in the year*, phase changes included.
5. *Only states with a COW country code are listed* (STATE is a COW code): ATOP's
   own code 8152 (Annam, atopid 1320) is left out of the file.

COW codes that map to one actor (260 West Germany and 255 Germany -> DEU) are
compared as one actor: ATOP's rows for both are combined (union of alliances,
any obligation).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from foedus.atop.build import atopid_of, edtf_bounds
from foedus.atop.codes import CowMap
from foedus.atop.dataset import StateYearRecord
from foedus.atop.timeline import MemberTimeline
from foedus.domain.events import Event
from foedus.domain.status import WithdrawalTerms

__all__ = ["OBLIGATIONS", "StateYear", "recompute", "from_atop", "Disagreement", "Comparison", "compare", "check"]

# foedus obligation name -> ATOP state-year column
OBLIGATIONS = {"defence": "defense", "offence": "offense", "neutrality": "neutral",
               "non_aggression": "nonagg", "consultation": "consul"}
COLUMNS = ("alliances", "number", "defense", "offense", "neutral", "nonagg", "consul", "transyr")


@dataclass
class StateYear:
    actor: str
    year: int
    alliances: set[int] = field(default_factory=set)
    obligations: dict[str, int] = field(default_factory=lambda: {c: 0 for c in OBLIGATIONS.values()})
    transyr: int = 0
    sources: list[str] = field(default_factory=list)   # COW codes or event ids behind the row

    def cells(self) -> dict[str, object]:
        return {"alliances": frozenset(self.alliances), "number": len(self.alliances), **self.obligations,
                "transyr": self.transyr}


def _phases(joins: Iterable[Event]) -> list[tuple[date, date | None, dict]]:
    out = []
    for e in joins:
        for p in (e.attributes.get("atop") or {}).get("phases", []):
            lo = edtf_bounds(p["from"])[0]
            hi = edtf_bounds(p["until"])[1] if p.get("until") else None
            out.append((lo, hi, p))
    return out


def recompute(events: Iterable[Event], *, last_year: int, include_actor: Callable[[str], bool] = lambda a: True,
              terms_for: Callable[[str], WithdrawalTerms] = lambda alliance: WithdrawalTerms(),
              exit_day_counts: bool = True, obligations_of: str = "latest_phase") -> dict[tuple[str, int], StateYear]:
    """The state-year table of the ATOP alliances in ``events`` (rules 1-5 of the module docstring).

    ``exit_day_counts=False`` and ``obligations_of="any_phase"`` switch rules 1 and 3 off
    (to show what each rule is worth; the defaults are ATOP's rules).
    """
    grouped: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        if e.target and atopid_of(e.target) is not None and include_actor(e.actor):
            grouped.setdefault((e.actor, e.target), []).append(e)
    table: dict[tuple[str, int], StateYear] = {}
    for (actor, alliance), evs in sorted(grouped.items()):
        atopid = atopid_of(alliance)
        tl = MemberTimeline(actor, alliance, evs, terms_for(alliance))
        phases = _phases(e for e in evs if e.type == "join")
        years: set[int] = set()
        bounds: set[int] = set()
        for sp in tl.spells():
            # rule 1: the day the membership ends (the first day out) still counts for its year
            if sp.end is None:
                y1 = last_year                                          # rule 2
            else:
                y1 = sp.end.year if exit_day_counts else (sp.end - timedelta(days=1)).year
            years.update(range(sp.start.year, min(y1, last_year) + 1))
            bounds.add(sp.start.year)
            if sp.end is not None:
                bounds.add(sp.end.year)
        for lo, hi, p in phases:                                       # rule 4
            bounds.add(lo.year)
            if hi is not None:
                bounds.add(edtf_bounds(p["until"])[0].year)
        for y in sorted(years):
            sy = table.setdefault((actor, y), StateYear(actor, y))
            sy.alliances.add(atopid)  # type: ignore[arg-type]
            sy.sources.extend(e.id for e in evs if e.type == "join")
            if y in bounds:
                sy.transyr = 1
            # rule 3: the phase in force last in the year
            y_lo, y_hi = date(y, 1, 1), date(y, 12, 31)
            live = [(lo, p) for lo, hi, p in phases if lo <= y_hi and (hi is None or hi >= y_lo)]
            if live:
                latest = max(lo for lo, _ in live)
                for lo, p in live:
                    if lo == latest or obligations_of == "any_phase":
                        for o in p["obligations"]:
                            sy.obligations[OBLIGATIONS[o]] = 1
    return table


def from_atop(records: Iterable[StateYearRecord], cow: CowMap) -> tuple[dict[tuple[str, int], StateYear], dict[tuple[str, int], list[int]]]:
    """ATOP's own state-year rows keyed by actor; also which COW codes were folded into each key."""
    table: dict[tuple[str, int], StateYear] = {}
    folded: dict[tuple[str, int], list[int]] = {}
    for r in records:
        entry = cow.get(r.state)
        actor = entry.actor if entry else f"cow:{r.state}"
        key = (actor, r.year)
        sy = table.setdefault(key, StateYear(actor, r.year))
        folded.setdefault(key, []).append(r.state)
        sy.alliances |= set(r.alliances)
        for c, v in r.obligations.items():
            sy.obligations[c] = max(sy.obligations[c], v)
        sy.transyr = max(sy.transyr, r.transyr)
        sy.sources.append(f"{r.row.file} row {r.row.number}" if r.row else f"state {r.state}")
    return table, {k: v for k, v in folded.items() if len(v) > 1}


@dataclass(frozen=True)
class Disagreement:
    actor: str
    year: int
    column: str
    atop: object
    foedus: object
    reason: str


@dataclass
class Comparison:
    rows_atop: int
    rows_foedus: int
    rows_both: int
    rows_agreeing: int
    cells: int
    cells_agreeing: int
    by_column: dict[str, tuple[int, int]]          # column -> (agreeing, compared)
    disagreements: list[Disagreement]
    folded: dict[tuple[str, int], list[int]]
    excluded: list[tuple[str, int]]                # recomputed rows left out by rule 5

    @property
    def cell_agreement(self) -> float:
        return self.cells_agreeing / self.cells if self.cells else 1.0

    @property
    def row_agreement(self) -> float:
        total = self.rows_atop + self.rows_foedus - self.rows_both
        return self.rows_agreeing / total if total else 1.0


def _reason(column: str, atop: object, ours: object, key: tuple[str, int], folded: Mapping) -> str:
    if key in folded:
        return f"ATOP rows for COW codes {folded[key]} (one actor here) were combined"
    if column == "row":
        return "state-year only in ATOP" if ours is None else "state-year only in the recomputation"
    return "unexplained"


def compare(atop: dict[tuple[str, int], StateYear], ours: dict[tuple[str, int], StateYear],
            folded: Mapping[tuple[str, int], list[int]] | None = None,
            excluded: Iterable[tuple[str, int]] = ()) -> Comparison:
    """Cell by cell: every column of every state-year in either table (a row missing on one side disagrees on all)."""
    folded = dict(folded or {})
    keys = sorted(set(atop) | set(ours))
    by_col = {c: [0, 0] for c in COLUMNS}
    disagreements: list[Disagreement] = []
    rows_ok = 0
    for key in keys:
        a, o = atop.get(key), ours.get(key)
        if a is None or o is None:
            for c in COLUMNS:
                by_col[c][1] += 1
            disagreements.append(Disagreement(key[0], key[1], "row", None if a is None else "present",
                                              None if o is None else "present", _reason("row", a, o, key, folded)))
            continue
        ac, oc = a.cells(), o.cells()
        ok = True
        for c in COLUMNS:
            by_col[c][1] += 1
            if ac[c] == oc[c]:
                by_col[c][0] += 1
            else:
                ok = False
                av, ov = ac[c], oc[c]
                if c == "alliances":
                    av, ov = sorted(ac[c] - oc[c]), sorted(oc[c] - ac[c])  # type: ignore[operator]
                disagreements.append(Disagreement(key[0], key[1], c, av, ov, _reason(c, av, ov, key, folded)))
        rows_ok += ok
    cells = sum(v[1] for v in by_col.values())
    return Comparison(
        rows_atop=len(atop), rows_foedus=len(ours), rows_both=len(set(atop) & set(ours)), rows_agreeing=rows_ok,
        cells=cells, cells_agreeing=sum(v[0] for v in by_col.values()),
        by_column={c: (v[0], v[1]) for c, v in by_col.items()}, disagreements=disagreements, folded=folded,
        excluded=sorted(excluded))


def check(events: Iterable[Event], records: Iterable[StateYearRecord], cow: CowMap, *, last_year: int,
          states: Iterable[int] | None = None,
          terms_for: Callable[[str], WithdrawalTerms] = lambda alliance: WithdrawalTerms(), **rules: object) -> Comparison:
    """Recompute from ``events`` and compare with ATOP's ``records``.

    Rule 5: actors known only by an ATOP-specific code (not a COW code) are left out
    of the recomputation and listed as excluded. ``states`` (COW codes) restricts the
    comparison to a sample of states (their alliances must all be in ``events``).
    """
    cow_actors = {e.actor for e in cow.entries() if e.in_cow_list}
    atop_only = {e.actor for e in cow.entries() if not e.in_cow_list} - cow_actors
    ours_all = recompute(events, last_year=last_year, terms_for=terms_for, **rules)  # type: ignore[arg-type]
    ours = {k: v for k, v in ours_all.items() if k[0] not in atop_only}
    excluded = [k for k in ours_all if k[0] in atop_only]
    records = list(records)
    if states is not None:
        actors = {cow.actor(c) for c in states if c in cow}
        wanted = {c for a in actors for c in cow.codes_of(a)}   # every COW code of those actors (255 and 260)
        records = [r for r in records if r.state in wanted]
        ours = {k: v for k, v in ours.items() if k[0] in actors}
        excluded = [k for k in excluded if k[0] in actors]
    atop, folded = from_atop(records, cow)
    return compare(atop, ours, folded, excluded)
