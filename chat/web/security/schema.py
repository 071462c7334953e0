"""Tables of the security area (migration branch ``security``)."""

from sqlalchemy import Column, Float, Integer, String, Table

from chat.store.db.schema import metadata

# One row per throttled key: the SHA-256 of "account:<name>" or "ip:<address>" — never the name or address
# itself. Times are Unix seconds (portable between SQLite and PostgreSQL).
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("window_start", Float, nullable=False),
    Column("locked_until", Float, nullable=True),
)
