"""Onboarding (issue 6): rules acknowledgements, prompts edited in the browser with versions, consultation
sessions and their anonymous ratings.

Revision ID: onboarding_0001
Revises:
Branch: onboarding (depends on 0001)
"""
import sqlalchemy as sa
from alembic import op

revision = "onboarding_0001"
down_revision = None
branch_labels = ("onboarding",)
depends_on = "0001"


def upgrade() -> None:
    op.create_table(
        "onboarding_acknowledgements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(120), nullable=False),
        sa.Column("rules_version", sa.Integer, nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("username", "rules_version", name="uq_onboarding_ack_user_version"),
    )
    op.create_table(
        "library_prompts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("prompt_id", sa.String(80), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("current_version", sa.Integer, nullable=False),
        sa.Column("published_version", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("prompt_id", name="uq_library_prompts_prompt_id"),
    )
    op.create_table(
        "library_prompt_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("prompt_id", sa.String(80), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("category", sa.String(80), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("template", sa.Text, nullable=False),
        sa.Column("variables", sa.Text, nullable=False),
        sa.Column("author_role", sa.String(120), nullable=False),
        sa.Column("change", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("prompt_id", "version", name="uq_library_prompt_versions"),
    )
    op.create_table(
        "consultation_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("prompt_ids", sa.Text, nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "consultation_ratings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("consultation_sessions.id"), nullable=False),
        sa.Column("prompt_id", sa.String(80), nullable=False),
        sa.Column("prompt_version", sa.Integer, nullable=False),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("comment", sa.Text, nullable=True),
        sa.Column("day", sa.String(10), nullable=False),
    )
    op.create_index("ix_consultation_ratings_session", "consultation_ratings", ["session_id"])


def downgrade() -> None:
    op.drop_table("consultation_ratings")
    op.drop_table("consultation_sessions")
    op.drop_table("library_prompt_versions")
    op.drop_table("library_prompts")
    op.drop_table("onboarding_acknowledgements")
