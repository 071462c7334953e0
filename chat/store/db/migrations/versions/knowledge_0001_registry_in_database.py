"""The knowledge base's document registry and keyword index in the main database (issue 16), so that several
server processes share them without a SQLite file on a shared volume. On PostgreSQL an existing
``<data_dir>/knowledge.sqlite3`` is carried over (documents, chunks, index tokens, embedder and generation);
the file itself is left in place as a backup.

Revision ID: knowledge_0001
Revises:
Branch: knowledge (depends on 0001)
"""
from pathlib import Path

import sqlalchemy as sa
from alembic import context, op

revision = "knowledge_0001"
down_revision = None
branch_labels = ("knowledge",)
depends_on = "0001"


def upgrade() -> None:
    op.create_table(
        "knowledge_meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "knowledge_documents",
        sa.Column("doc_id", sa.String(200), primary_key=True),
        sa.Column("source_file", sa.String(500), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("version", sa.String(100), nullable=False),
        sa.Column("owner", sa.Text, nullable=False),
        sa.Column("valid_until", sa.String(20), nullable=True),
        sa.Column("audience", sa.Text, nullable=False),
        sa.Column("chunk_count", sa.Integer, nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.Column("revision", sa.String(100), nullable=False),
        sa.Column("stored_path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_table(
        "knowledge_chunks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("chunk_id", sa.String(300), nullable=False, unique=True),
        sa.Column("doc_id", sa.String(200), sa.ForeignKey("knowledge_documents.doc_id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("section", sa.Text, nullable=True),
        sa.Column("section_path", sa.Text, nullable=False),
        sa.Column("page", sa.Integer, nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("tokens", sa.Text, nullable=False),
    )
    op.create_index("ix_knowledge_chunks_doc_id", "knowledge_chunks", ["doc_id"])
    data_dir = context.config.attributes.get("data_dir")
    bind = op.get_bind()
    if data_dir is not None and bind.dialect.name == "postgresql":
        from knowledge.shared_registry import LEGACY_FILE, copy_file_registry

        copy_file_registry(Path(data_dir) / LEGACY_FILE, bind)


def downgrade() -> None:
    op.drop_index("ix_knowledge_chunks_doc_id", table_name="knowledge_chunks")
    op.drop_table("knowledge_chunks")
    op.drop_table("knowledge_documents")
    op.drop_table("knowledge_meta")
