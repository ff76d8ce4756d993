"""Read the territory registry (which territory belongs to which state, on which dates)."""
from __future__ import annotations

from pathlib import Path

from foedus.datafiles.paths import TERRITORIES
from foedus.datafiles.yaml_model import DataFileError, Problem, load_model
from foedus.registry.model import Registry
from foedus.treaty.rules.territory import TerritoryRegistry

__all__ = ["read_territories"]


def read_territories(path: Path = TERRITORIES, registry: Registry | None = None) -> TerritoryRegistry:
    """Read and validate the territory registry; with ``registry``, every actor id it names must exist."""
    reg = load_model(path, TerritoryRegistry)
    if registry is not None:
        known = {a.id for a in registry.actors}
        unknown = sorted(reg.actor_ids() - known)
        if unknown:
            raise DataFileError([Problem(str(path), None, "", f"unknown actor {u!r} (not in the actor registry)")
                                 for u in unknown])
    return reg
