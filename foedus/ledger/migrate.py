"""Bring a database to the current schema with Alembic, never rebuilding it.

* A new, empty database is created at the latest revision.
* A database at an older revision is upgraded in place; its rows are kept.
* A database that has tables but no Alembic version is not ours (or predates
  versioning): foedus refuses to touch it rather than guess.
"""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

__all__ = ["SchemaError", "alembic_config", "current_revision", "head_revision", "upgrade"]

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaError(RuntimeError):
    """The database's schema cannot be brought to the current version safely."""


def alembic_config(connection: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()  # type: ignore[return-value]


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> tuple[str | None, str]:
    """Upgrade ``engine``'s database to ``revision``; returns (before, after)."""
    with engine.begin() as conn:
        before = MigrationContext.configure(conn).get_current_revision()
        tables = set(sa.inspect(conn).get_table_names()) - {"alembic_version"}
        if before is None and tables:
            raise SchemaError(
                f"the database has tables ({', '.join(sorted(tables))}) but no foedus schema version; "
                "refusing to modify it. Point FOEDUS_DATABASE_URL at a new file or a foedus database.")
        known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        if before is not None and before not in known:
            raise SchemaError(f"the database is at schema revision {before!r}, unknown to this version of foedus "
                              "(made by a newer foedus?); refusing to modify it")
        command.upgrade(alembic_config(conn), revision)
        after = MigrationContext.configure(conn).get_current_revision()
    return before, after or ""
