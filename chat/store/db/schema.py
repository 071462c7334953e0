"""Table definitions. Every change here needs a migration in ``chat/store/db/migrations/versions``."""

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, UniqueConstraint

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(120), nullable=False),
    Column("password_hash", String(255), nullable=True),  # NULL for SSO-only accounts
    Column("role", String(20), nullable=False, default="staff"),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("department", String(120), nullable=True),  # added by usage_0001; only for k-anonymous figures
    UniqueConstraint("username", name="uq_users_username"),
)
