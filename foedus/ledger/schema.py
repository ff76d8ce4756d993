"""Table definitions of the ledger (SQLAlchemy Core, no dialect-specific types).

The ledger is append-only. Rows in ``events`` and ``claims`` are never
updated: a correction or a review decision is a new row, and a row in
``supersessions`` says which row it replaces. "Current" means "not
superseded"; history stays queryable.

Dates are stored three ways: the EDTF text as recorded, and its earliest and
latest day as ISO ``YYYY-MM-DD`` strings (open ends as ``0001-01-01`` /
``9999-12-31``), which compare correctly as text on every database.

The Alembic migrations in ``migrations/versions`` create exactly these tables;
a test checks that the two agree.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

alliances = sa.Table(
    "alliances", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("spec_json", sa.Text, nullable=False),
    sa.Column("spec_hash", sa.String(64), nullable=False),
    sa.Column("source", sa.Text, nullable=True),
    sa.Column("loaded_at", sa.String(32), nullable=False),
)

actors = sa.Table(
    "actors", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("data_json", sa.Text, nullable=False),
    sa.Column("data_hash", sa.String(64), nullable=False),
)

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # sha256 of the text
    sa.Column("kind", sa.String(16), nullable=False),  # article | reference | dataset
    sa.Column("outlet", sa.Text, nullable=True),
    sa.Column("url", sa.Text, nullable=True),
    sa.Column("path", sa.Text, nullable=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("published", sa.String(64), nullable=True),
    sa.Column("published_earliest", sa.String(10), nullable=True),
    sa.Column("published_latest", sa.String(10), nullable=True),
    sa.Column("language", sa.String(16), nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("added_at", sa.String(32), nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("fact", sa.String(128), nullable=False),
    sa.Column("type", sa.String(48), nullable=False),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("target", sa.String(64), nullable=True),
    sa.Column("date", sa.String(64), nullable=True),
    sa.Column("date_earliest", sa.String(10), nullable=True),
    sa.Column("date_latest", sa.String(10), nullable=True),
    sa.Column("review", sa.String(16), nullable=False),
    sa.Column("origin", sa.String(32), nullable=False),  # reference | extraction | atop | user
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("attributes_json", sa.Text, nullable=True),
    sa.Column("recorded_at", sa.String(32), nullable=False),
    sa.Index("ix_events_actor_target_earliest", "actor", "target", "date_earliest"),
    sa.Index("ix_events_target_type_dates", "target", "type", "date_earliest", "date_latest", "actor"),
    sa.Index("ix_events_fact", "fact"),
)

evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(32), sa.ForeignKey("events.id"), nullable=False),
    sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=True),
    sa.Column("end", sa.Integer, nullable=True),
    sa.Index("ix_evidence_event", "event_id"),
    sa.Index("ix_evidence_document", "document_id"),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("speaker", sa.String(64), nullable=False),
    sa.Column("speaker_label", sa.Text, nullable=False),
    sa.Column("on_behalf_of", sa.String(64), nullable=True),
    sa.Column("subject", sa.String(64), nullable=False),
    sa.Column("alliance", sa.String(64), nullable=True),
    sa.Column("date", sa.String(64), nullable=True),
    sa.Column("date_earliest", sa.String(10), nullable=True),
    sa.Column("date_latest", sa.String(10), nullable=True),
    sa.Column("stance", sa.String(64), nullable=False),
    sa.Column("modality", sa.String(32), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=True),
    sa.Column("start", sa.Integer, nullable=True),
    sa.Column("end", sa.Integer, nullable=True),
    sa.Column("origin", sa.String(32), nullable=False),
    sa.Column("recorded_at", sa.String(32), nullable=False),
    sa.Column("topic", sa.String(32), nullable=False, server_default="standing"),
    sa.Index("ix_claims_subject_alliance", "subject", "alliance"),
)

supersessions = sa.Table(
    "supersessions", metadata,
    sa.Column("old_id", sa.String(32), primary_key=True),
    sa.Column("new_id", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # event | claim
    sa.Column("reason", sa.Text, nullable=True),
    sa.Column("recorded_at", sa.String(32), nullable=False),
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("speaker", sa.String(128), nullable=True),
    sa.Column("speaker_label", sa.Text, nullable=True),
    sa.Column("anonymous", sa.Boolean, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # direct | indirect
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=True),
    sa.Column("end", sa.Integer, nullable=True),
    sa.Column("recorded_at", sa.String(32), nullable=False),
    sa.Index("ix_quotes_document", "document_id"),
    sa.Index("ix_quotes_speaker", "speaker"),
)
