"""Covering index for status queries: (target, type, date_earliest, date_latest, actor).

The status engine asks, per alliance, for events of some types between two days and the
latest of each type per actor; with date_latest and actor in the index SQLite answers the
filters without reading the table rows it will discard.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_events_target_type_earliest", table_name="events")
    op.create_index("ix_events_target_type_dates", "events", ["target", "type", "date_earliest", "date_latest", "actor"])


def downgrade() -> None:
    op.drop_index("ix_events_target_type_dates", table_name="events")
    op.create_index("ix_events_target_type_earliest", "events", ["target", "type", "date_earliest"])
