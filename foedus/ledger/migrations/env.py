"""Alembic environment: runs on the connection foedus hands it (see foedus.ledger.migrate)."""
from __future__ import annotations

from alembic import context

from foedus.ledger.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - foedus always passes its connection
    raise RuntimeError("foedus migrations run through foedus.ledger.migrate, not the alembic CLI")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
