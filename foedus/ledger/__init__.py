"""The evidence ledger: documents, events, claims and quotes in SQL (SQLAlchemy Core + Alembic)."""
