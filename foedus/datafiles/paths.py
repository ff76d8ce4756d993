"""Where the shipped data files live inside the package."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("foedus") / "data"))
ACTORS_DIR = DATA / "actors"
ALLIANCES_DIR = DATA / "alliances"
LEDGER_DIR = DATA / "ledger"
TERRITORIES = DATA / "territories.yaml"
