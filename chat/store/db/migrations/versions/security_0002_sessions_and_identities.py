"""Per-account token version (ends every session at once) and external identities by issuer + subject.

Revision ID: security_0002
Revises: security_0001
"""
import sqlalchemy as sa
from alembic import op

revision = "security_0002"
down_revision = "security_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("token_version", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "external_identities",
        sa.Column("issuer", sa.String(255), nullable=False),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("issuer", "subject", name="pk_external_identities"),
    )


def downgrade() -> None:
    op.drop_table("external_identities")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("token_version")
