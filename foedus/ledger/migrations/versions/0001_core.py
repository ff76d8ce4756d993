"""Core ledger: alliances, actors, documents, events with evidence, claims, supersessions.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alliances",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("spec_json", sa.Text, nullable=False),
        sa.Column("spec_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("loaded_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("data_json", sa.Text, nullable=False),
        sa.Column("data_hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
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
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("fact", sa.String(128), nullable=False),
        sa.Column("type", sa.String(48), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("target", sa.String(64), nullable=True),
        sa.Column("date", sa.String(64), nullable=True),
        sa.Column("date_earliest", sa.String(10), nullable=True),
        sa.Column("date_latest", sa.String(10), nullable=True),
        sa.Column("review", sa.String(16), nullable=False),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("attributes_json", sa.Text, nullable=True),
        sa.Column("recorded_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_events_actor_target_earliest", "events", ["actor", "target", "date_earliest"])
    op.create_index("ix_events_target_type_earliest", "events", ["target", "type", "date_earliest"])
    op.create_index("ix_events_fact", "events", ["fact"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), sa.ForeignKey("events.id"), nullable=False),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=True),
        sa.Column("end", sa.Integer, nullable=True),
    )
    op.create_index("ix_evidence_event", "evidence", ["event_id"])
    op.create_table(
        "claims",
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
    )
    op.create_index("ix_claims_subject_alliance", "claims", ["subject", "alliance"])
    op.create_table(
        "supersessions",
        sa.Column("old_id", sa.String(32), primary_key=True),
        sa.Column("new_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("recorded_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for name in ("supersessions", "claims", "evidence", "events", "documents", "actors", "alliances"):
        op.drop_table(name)
