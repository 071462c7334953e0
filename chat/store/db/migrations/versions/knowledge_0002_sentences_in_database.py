"""The knowledge base's evidence units (the sentences an answer quotes, with their vectors; issue 18) in the main
database too. Without them every server process embedded the sentences of each retrieved passage again for every
question. On PostgreSQL the units of an existing ``<data_dir>/knowledge.sqlite3`` are carried over for the chunks
the database holds; a knowledge base indexed in the database before this revision gets them with
``safegpt kb reindex`` (until then they are computed per question, as before).

Revision ID: knowledge_0002
Revises: knowledge_0001
"""
from pathlib import Path

import sqlalchemy as sa
from alembic import context, op

revision = "knowledge_0002"
down_revision = "knowledge_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "knowledge_sentences",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("chunk_id", sa.String(300), sa.ForeignKey("knowledge_chunks.chunk_id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("lead", sa.Text, nullable=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("page", sa.Integer, nullable=True),
        sa.Column("vector", sa.LargeBinary, nullable=True),
        sa.UniqueConstraint("chunk_id", "idx", name="uq_knowledge_sentences_chunk_idx"),
    )
    data_dir = context.config.attributes.get("data_dir")
    bind = op.get_bind()
    if data_dir is not None and bind.dialect.name == "postgresql":
        from knowledge.shared_registry import LEGACY_FILE, copy_file_sentences

        copy_file_sentences(Path(data_dir) / LEGACY_FILE, bind)


def downgrade() -> None:
    op.drop_table("knowledge_sentences")
