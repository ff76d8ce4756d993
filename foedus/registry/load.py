"""Load the actor registry from one or more YAML files."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from foedus.datafiles.paths import ACTORS_DIR
from foedus.datafiles.yaml_model import DataFileError, Problem, plain, problems_from, read_yaml
from foedus.registry.model import Actor, Registry

__all__ = ["load_registry", "default_registry"]


def load_registry(paths: list[Path] | None = None) -> Registry:
    """Read every registry file (default: the shipped ``data/actors/*.yaml``).

    Each file holds ``actors: [...]``. Errors name the file, the line and the
    field; an id defined in two files is an error naming both.
    """
    paths = sorted(ACTORS_DIR.glob("*.yaml")) if paths is None else paths
    actors: list[Actor] = []
    where: dict[str, str] = {}
    problems: list[Problem] = []
    for path in paths:
        doc = read_yaml(path)
        if not doc or "actors" not in doc:
            problems.append(Problem(str(path), None, "actors", "missing: a registry file holds 'actors: [...]'"))
            continue
        for i, item in enumerate(doc["actors"]):
            try:
                actor = Actor.model_validate(plain(item))
            except ValidationError as exc:
                problems.extend(problems_from(path, doc, exc, ("actors", i)))
                continue
            if actor.id in where:
                problems.append(Problem(str(path), doc["actors"].lc.item(i)[0] + 1, f"actors[{i}].id",
                                        f"duplicate actor id {actor.id!r} (first defined in {where[actor.id]})"))
                continue
            where[actor.id] = str(path)
            actors.append(actor)
    if problems:
        raise DataFileError(problems)
    try:
        return Registry(actors=actors)
    except ValidationError as exc:
        raise DataFileError([Problem(", ".join(str(p) for p in paths), None, "actors", e["msg"]) for e in exc.errors()]) from exc


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The shipped registry, read once per process."""
    return load_registry()
