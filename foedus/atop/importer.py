"""``foedus import atop DIR``: validate the ATOP files, build everything, write it in one transaction.

:func:`plan_import` is pure (text in, rows out); :func:`import_directory` reads
the files and writes. With ``on_error="refuse"`` (the default) any problem
refuses the whole import and nothing is written; with ``on_error="skip"`` bad
rows are left out (a bad alliance row takes its member rows with it) and listed.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from foedus.atop.build import ORIGIN, Spell, actor_row, build_events, build_spec, row_document, spec_row, spells_of
from foedus.atop.bulk import bulk_write
from foedus.atop.codes import CowMap, default_cow_map
from foedus.atop.dataset import (ALLIANCE_FILE, ALLIANCE_REQUIRED, MEMBER_FILE, MEMBER_REQUIRED, AllianceRecord,
                                 AtopInputError, MemberRecord, Problem, parse_alliances, parse_members, parse_table,
                                 read_directory)
from foedus.atop.rules import Rules, default_rules
from foedus.domain.documents import Document
from foedus.domain.events import Event
from foedus.ledger.store import Ledger, WriteReport
from foedus.registry.load import default_registry
from foedus.registry.model import Actor, Registry

__all__ = ["OnError", "ImportPlan", "plan_import", "import_directory", "ImportResult"]

OnError = Literal["refuse", "skip"]


@dataclass
class ImportPlan:
    """Everything an import would write, and what was wrong with the input."""

    alliances: list[tuple[str, str, str, str]] = field(default_factory=list)
    actors: list[tuple[str, str, str, str]] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    events: list[tuple[Event, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_rows: dict[str, set[int]] = field(default_factory=dict)
    rows_read: dict[str, int] = field(default_factory=dict)

    def skip(self, file: str, row: int | None) -> None:
        if row is not None:
            self.skipped_rows.setdefault(file, set()).add(row)


@dataclass
class ImportResult:
    plan: ImportPlan
    report: WriteReport | None
    seconds: dict[str, float] = field(default_factory=dict)


def _actor_for(actor_id: str, cow: CowMap, registry: Registry) -> Actor:
    a = registry.get(actor_id)
    if a is not None:
        return a
    # a state of the ISO list that the registry does not hold: name it from the COW list
    codes = cow.codes_of(actor_id)
    entry = cow.get(codes[0]) if codes else None
    return Actor(id=actor_id, kind="historical_state" if actor_id.startswith("hist:") else "state",
                 name=entry.cow_name if entry else actor_id, cow_code=codes[0] if codes else None,
                 note="added by the ATOP importer (not in the shipped registry)")


def plan_import(texts: Mapping[str, str], *, on_error: OnError = "refuse", cow: CowMap | None = None,
                rules: Rules | None = None, registry: Registry | None = None) -> ImportPlan:
    """Validate the alliance-level and member-level files and build specs, actors, documents and events.

    Raises :class:`AtopInputError` when ``on_error="refuse"`` and anything is wrong.
    """
    cow = cow or default_cow_map()
    rules = rules or default_rules()
    registry = registry or default_registry()
    plan = ImportPlan()
    a_file = rules.files.get("alliances", ALLIANCE_FILE)
    m_file = rules.files.get("members", MEMBER_FILE)

    a_table, probs = parse_table(a_file, texts[a_file], ALLIANCE_REQUIRED)
    plan.problems += probs
    m_table, probs = parse_table(m_file, texts[m_file], MEMBER_REQUIRED)
    plan.problems += probs
    if a_table is None or m_table is None:  # a header problem: nothing can be read
        raise AtopInputError(plan.problems)
    plan.rows_read = {a_file: len(a_table.rows), m_file: len(m_table.rows)}
    # rows the parser could not split are skipped in skip mode
    for p in plan.problems:
        plan.skip(p.file, p.row)

    alliances, probs = parse_alliances(a_table)
    plan.problems += probs
    bad_atopids = {p.atopid for p in probs if p.atopid is not None}
    for p in probs:
        plan.skip(p.file, p.row)
    members, probs = parse_members(m_table, lambda c: c in cow)
    plan.problems += probs
    for p in probs:
        plan.skip(p.file, p.row)

    by_id: dict[int, AllianceRecord] = {a.atopid: a for a in alliances if a.atopid not in bad_atopids}
    by_alliance: dict[int, list[MemberRecord]] = {}
    for m in members:
        if m.atopid in bad_atopids:
            plan.problems.append(Problem(m.row.file, m.row.number, "atopid",
                                         f"skipped with its alliance: the {a_file} row of atopid {m.atopid} is invalid", m.atopid))
            plan.skip(m.row.file, m.row.number)
        elif m.atopid not in by_id:
            plan.problems.append(Problem(m.row.file, m.row.number, "atopid", f"atopid {m.atopid} is not in {a_file}", m.atopid))
            plan.skip(m.row.file, m.row.number)
        else:
            by_alliance.setdefault(m.atopid, []).append(m)
    truncated = next((p for p in plan.problems if p.file == m_file and "truncated" in p.message), None)
    orphans = []
    for atopid, a in sorted(by_id.items()):
        if atopid not in by_alliance:
            plan.skip(a.row.file, a.row.number)
            if any(p.atopid == atopid for p in plan.problems):
                plan.problems.append(Problem(a.row.file, a.row.number, "atopid",
                                             f"alliance {atopid} cannot be imported: all its member rows are invalid", atopid))
            else:
                orphans.append(a)
    if orphans and truncated is not None and len(orphans) > 1:
        # one consequence of the truncation, not hundreds of separate problems
        plan.problems.append(Problem(a_file, None, "atopid",
                                     f"{len(orphans)} alliances (atopid {orphans[0].atopid} to {orphans[-1].atopid}, rows "
                                     f"{orphans[0].row.number}-{orphans[-1].row.number}) have no rows in {m_file}, "
                                     f"which is truncated at its row {truncated.row}"))
    else:
        for a in orphans:
            plan.problems.append(Problem(a.row.file, a.row.number, "atopid",
                                         f"alliance {a.atopid} cannot be imported: it has no rows in {m_file}", a.atopid))

    if plan.problems and on_error == "refuse":
        raise AtopInputError(plan.problems)

    name_cache: dict[str, str] = {}

    def name_of(actor_id: str) -> str:
        if actor_id not in name_cache:
            name_cache[actor_id] = _actor_for(actor_id, cow, registry).name
        return name_cache[actor_id]

    used_actors: set[str] = set()
    for atopid in sorted(by_alliance):
        a, rows = by_id[atopid], by_alliance[atopid]
        spells: list[Spell] = spells_of(rows, cow)
        spec = build_spec(a, rows, spells, rules, name_of)
        plan.alliances.append(spec_row(spec, a))
        docs = {}
        for m in sorted(rows, key=lambda m: m.row.number):
            title = (f"{rules.instrument} member record: alliance {atopid}"
                     f"{'' if m.phase == 0 else f', phase {m.phase}'}, {name_of(cow.actor(m.cow))} (COW {m.cow})")
            docs[m.row.number] = row_document(m.row, m_table.header_text, rules, title)
            plan.documents.append(docs[m.row.number][0])
        for s in spells:
            used_actors.add(s.actor)
            plan.events.extend((e, ORIGIN) for e in build_events(s, docs, rules, cow))
    plan.actors = [actor_row(_actor_for(a, cow, registry)) for a in sorted(used_actors)]
    return plan


def import_directory(ledger: Ledger, directory: Path, *, on_error: OnError = "refuse", cow: CowMap | None = None,
                     rules: Rules | None = None, registry: Registry | None = None) -> ImportResult:
    """Read ``directory``, plan, and write in one transaction (nothing is written if the plan is refused)."""
    import time

    rules = rules or default_rules()
    t0 = time.perf_counter()
    files = [rules.files.get("alliances", ALLIANCE_FILE), rules.files.get("members", MEMBER_FILE)]
    texts, problems = read_directory(Path(directory), files)
    if problems:
        raise AtopInputError(problems)
    t1 = time.perf_counter()
    plan = plan_import(texts, on_error=on_error, cow=cow, rules=rules, registry=registry)
    t2 = time.perf_counter()
    report = bulk_write(ledger, alliances=plan.alliances, actors=plan.actors, documents=plan.documents, events=plan.events)
    t3 = time.perf_counter()
    return ImportResult(plan, report, {"read": t1 - t0, "build": t2 - t1, "write": t3 - t2})

