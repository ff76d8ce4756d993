"""`foedus load`: validate every shipped data file, then write them in one transaction."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from foedus.datafiles.paths import ALLIANCES_DIR, LEDGER_DIR
from foedus.datafiles.reference_ledger import LoadedLedger, read_reference_ledger
from foedus.datafiles.territories import read_territories
from foedus.datafiles.yaml_model import DataFileError, Problem, line_of, load_model, read_yaml
from foedus.ledger.store import Ledger, WriteReport
from foedus.registry.load import load_registry
from foedus.registry.model import Registry
from foedus.treaty.spec import AllianceSpec

__all__ = ["DataSet", "read_data", "load_data"]


@dataclass(frozen=True)
class DataSet:
    registry: Registry
    specs: list[tuple[AllianceSpec, Path]]
    ledgers: list[LoadedLedger]


def read_specs(paths: list[Path]) -> list[tuple[AllianceSpec, Path]]:
    specs, problems = [], []
    for p in paths:
        try:
            specs.append((load_model(p, AllianceSpec), p))
        except DataFileError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataFileError(problems)
    return specs


def spec_actor_problems(spec: AllianceSpec, path: Path, known: set[str]) -> list[Problem]:
    """Member ids a spec names (rotation orders, budget shares) that the actor registry does not know."""
    named: list[tuple[tuple, str]] = []
    for i, post in enumerate(spec.posts):
        if post.rotation:
            named += [(("posts", i, "rotation", "order", j), a) for j, a in enumerate(post.rotation.order)]
    if spec.budget:
        named += [(("budget", "shares", a), a) for a in spec.budget.shares]
    unknown = [(loc, a) for loc, a in named if a not in known]
    if not unknown:
        return []
    doc = read_yaml(path)
    return [Problem(str(path), line_of(doc, loc), ".".join(str(x) for x in loc), f"unknown actor {a!r}") for loc, a in unknown]


def read_data(actor_files: list[Path] | None = None, spec_files: list[Path] | None = None,
              ledger_files: list[Path] | None = None) -> DataSet:
    """Read and validate everything; raise DataFileError listing every problem found."""
    registry = load_registry(actor_files)
    specs = read_specs(sorted(ALLIANCES_DIR.glob("*.yaml")) if spec_files is None else spec_files)
    alliance_ids = {s.id for s, _ in specs}
    ledgers, problems = [], []
    known = {a.id for a in registry.actors}
    for spec, path in specs:
        problems.extend(spec_actor_problems(spec, path, known))
    for p in sorted(LEDGER_DIR.glob("*.yaml")) if ledger_files is None else ledger_files:
        try:
            ledgers.append(read_reference_ledger(p, registry, alliance_ids))
        except DataFileError as exc:
            problems.extend(exc.problems)
    try:  # the territory registry is read from the package at run time; check it here too
        read_territories(registry=registry)
    except DataFileError as exc:
        problems.extend(exc.problems)
    if problems:
        raise DataFileError(problems)
    return DataSet(registry, specs, ledgers)


def load_data(ledger: Ledger, data: DataSet) -> WriteReport:
    """Write a validated data set; one transaction, idempotent."""
    return ledger.write(
        alliances=[(s.id, s.name, s.model_dump_json(exclude_none=True), p.name) for s, p in data.specs],
        actors=[(a.id, a.kind, a.name, json.dumps(a.model_dump(mode="json", exclude_none=True), ensure_ascii=False, sort_keys=True))
                for a in data.registry.actors],
        documents=[d for lg in data.ledgers for d in lg.documents],
        events=[(e, "reference") for lg in data.ledgers for e in lg.events],
        claims=[(c, "reference") for lg in data.ledgers for c in lg.claims],
    )
