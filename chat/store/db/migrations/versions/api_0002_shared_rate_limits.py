"""API rate limits in the database, shared by every server process (issue 16).

Revision ID: api_0002
Revises: api_0001
"""
import sqlalchemy as sa
from alembic import op

revision = "api_0002"
down_revision = "api_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_rate_limits",
        sa.Column("key_id", sa.String(32), primary_key=True),
        sa.Column("tat", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("api_rate_limits")
