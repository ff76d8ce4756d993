"""Quotes attributed to speakers in documents (reading the news).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("speaker", sa.String(128), nullable=True),
        sa.Column("speaker_label", sa.Text, nullable=True),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=True),
        sa.Column("end", sa.Integer, nullable=True),
        sa.Column("recorded_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_quotes_document", "quotes", ["document_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["speaker"])


def downgrade() -> None:
    op.drop_table("quotes")
