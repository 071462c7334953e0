"""Encrypted per-user chat history.

Revision ID: history_0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "history_0001"
down_revision = None
branch_labels = ("history",)
depends_on = "0001"


def upgrade() -> None:
    op.create_table(
        "chat_threads",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_chat_threads_author", "chat_threads", ["author"])
    op.create_index("ix_chat_threads_updated_at", "chat_threads", ["updated_at"])
    op.create_table(
        "chat_steps",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("thread_id", sa.String(64), sa.ForeignKey("chat_threads.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_chat_steps_thread", "chat_steps", ["thread_id"])
    op.create_table(
        "chat_elements",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("thread_id", sa.String(64), sa.ForeignKey("chat_threads.id", ondelete="CASCADE"), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_chat_elements_thread", "chat_elements", ["thread_id"])


def downgrade() -> None:
    op.drop_table("chat_elements")
    op.drop_table("chat_steps")
    op.drop_table("chat_threads")
