"""Claims get a topic (standing, defence, …) so each question shows only the assertions about it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("topic", sa.String(32), nullable=False, server_default="standing"))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("topic")
