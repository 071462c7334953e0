"""Tables of the API area (migration branch ``api`` in ``chat/store/db/migrations/versions/api_*``)."""

from sqlalchemy import Column, DateTime, Float, Integer, String, Table, Text, UniqueConstraint

from chat.store.db.schema import metadata

# One row per key. Only a SHA-256 of the key is stored; ``key_id`` is the public part shown in lists.
api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key_id", String(32), nullable=False),
    Column("secret_hash", String(64), nullable=False),
    Column("system", String(120), nullable=False),
    Column("models", Text, nullable=False),  # JSON list of model names
    Column("data_classes", Text, nullable=False),  # JSON list of data classes
    Column("rate_per_minute", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("key_id", name="uq_api_keys_key_id"),
)

# Counters per day, integrating system, model and outcome ("ok", "refused_policy", …). No text, no person.
api_usage = Table(
    "api_usage",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", String(10), nullable=False),  # YYYY-MM-DD, UTC
    Column("system", String(120), nullable=False),
    Column("model", String(200), nullable=False),
    Column("outcome", String(40), nullable=False),
    Column("requests", Integer, nullable=False, default=0),
    Column("prompt_tokens", Integer, nullable=False, default=0),
    Column("completion_tokens", Integer, nullable=False, default=0),
    UniqueConstraint("day", "system", "model", "outcome", name="uq_api_usage_bucket"),
)

# Rate limiting shared by all server processes (chat/web/api/rate_limit.py): per key the time at which its next
# request would be due if it kept to its rate exactly (Unix seconds). No text, no person.
api_rate_limits = Table(
    "api_rate_limits",
    metadata,
    Column("key_id", String(32), primary_key=True),
    Column("tat", Float, nullable=False),
)
