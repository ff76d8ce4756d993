"""Which database foedus uses: FOEDUS_DATABASE_URL, or a SQLite file in the user's data directory."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "FOEDUS_DATABASE_URL"


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir("foedus", appauthor=False)) / "foedus.sqlite3"


def database_url() -> str:
    url = os.environ.get(ENV_VAR)
    if url:
        return url
    path = default_database_path()
    return f"sqlite:///{path}"
