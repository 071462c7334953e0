"""SafeGPT's relational store (SQLite by default, PostgreSQL in server mode) with Alembic migrations."""

from chat.store.db.engine import open_database
from chat.store.db.schema import metadata

__all__ = ["open_database", "metadata"]
