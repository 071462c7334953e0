"""Table definitions. Every change here needs a migration in ``chat/store/db/migrations/versions``."""

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Integer, MetaData, PrimaryKeyConstraint, String, Table,
                        UniqueConstraint)

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
    # Added by security_0002: raised when the account is disabled, its password or role changes, so every
    # login token issued before (which carries the number it was issued with) stops working at once.
    Column("token_version", Integer, nullable=False, default=0, server_default="0"),
    UniqueConstraint("username", name="uq_users_username"),
)

# An identity asserted by an identity provider (OIDC issuer or the SSO proxy's header) belongs to exactly one
# account, found by issuer + subject — never by a name that happens to equal a local account's (security_0002).
external_identities = Table(
    "external_identities",
    metadata,
    Column("issuer", String(255), nullable=False),
    Column("subject", String(255), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    PrimaryKeyConstraint("issuer", "subject", name="pk_external_identities"),
)
