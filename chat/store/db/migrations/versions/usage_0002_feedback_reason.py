"""Feedback reasons: an optional fixed reason ("wrong", "too_long" …) on a not-helpful answer, never free text.

Revision ID: usage_0002
Revises: usage_0001
"""
import sqlalchemy as sa
from alembic import op

revision = "usage_0002"
down_revision = "usage_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("usage_events") as batch:
        batch.add_column(sa.Column("feedback_reason", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("usage_events") as batch:
        batch.drop_column("feedback_reason")
