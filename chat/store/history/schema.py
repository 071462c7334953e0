"""History tables: only ids, author, timestamps in clear; all content as ciphertext."""

from sqlalchemy import Column, DateTime, ForeignKey, Index, String, Table, Text

from chat.store.db.schema import metadata

chat_threads = Table(
    "chat_threads",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("author", String(120), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
    Column("data", Text, nullable=False),  # encrypted JSON: name, metadata, tags
)

chat_steps = Table(
    "chat_steps",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("thread_id", String(64), ForeignKey("chat_threads.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", String(40), nullable=False),  # Chainlit's ISO timestamp, for ordering
    Column("data", Text, nullable=False),  # encrypted StepDict JSON
    Index("ix_chat_steps_thread", "thread_id"),
)

chat_elements = Table(
    "chat_elements",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("thread_id", String(64), ForeignKey("chat_threads.id", ondelete="CASCADE"), nullable=False),
    Column("data", Text, nullable=False),  # encrypted ElementDict JSON
    Index("ix_chat_elements_thread", "thread_id"),
)
