"""Usage events without identifiers; department contributor counts; users.department.

Revision ID: usage_0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "usage_0001"
down_revision = None
branch_labels = ("usage",)
depends_on = "0001"


def upgrade() -> None:
    op.create_table(
        "usage_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("model", sa.String(120), nullable=False),
        sa.Column("outcome", sa.String(40), nullable=False),
        sa.Column("prompt_tokens", sa.Integer, nullable=False),
        sa.Column("completion_tokens", sa.Integer, nullable=False),
        sa.Column("latency_ms", sa.Integer, nullable=False),
        sa.Column("feedback", sa.Integer, nullable=True),
        sa.Column("pii_counts", sa.Text, nullable=False),
        sa.Column("prompt_id", sa.String(120), nullable=True),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("no_source", sa.Integer, nullable=False),
        sa.Column("department", sa.String(120), nullable=True),
    )
    op.create_index("ix_usage_events_day", "usage_events", ["day"])
    op.create_table(
        "department_members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("department", sa.String(120), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("member", sa.String(64), nullable=False),
        sa.UniqueConstraint("department", "month", "member", name="uq_department_member"),
    )
    op.create_table(
        "usage_month_keys",
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
    )
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("department", sa.String(120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("department")
    op.drop_table("usage_month_keys")
    op.drop_table("department_members")
    op.drop_table("usage_events")
