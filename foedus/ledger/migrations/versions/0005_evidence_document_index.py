"""Index evidence by document, for "every fact drawn from this article" (show-doc).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_evidence_document", "evidence", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_evidence_document", table_name="evidence")
