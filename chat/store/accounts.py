"""Staff accounts: creation, password check (argon2), roles."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from chat.store.db.schema import external_identities, users


class Role(str, Enum):
    STAFF = "staff"
    ADMIN = "admin"
    ANALYST = "analyst"


class AccountError(Exception):
    """German, user-actionable message."""


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    role: Role
    disabled: bool
    department: str | None = None
    # Login tokens carry the version they were issued under; a different one here means the session ended.
    token_version: int = 0
    has_password: bool = False


def _account(row) -> Account:
    return Account(row.id, row.username, Role(row.role), row.disabled, row.department, row.token_version,
                   bool(row.password_hash))


def generate_password() -> str:
    return secrets.token_urlsafe(12)


class Accounts:
    def __init__(self, engine: Engine, hasher: PasswordHasher | None = None) -> None:
        self.engine = engine
        self.hasher = hasher or PasswordHasher()
        # Verifying against a dummy hash for unknown users keeps the timing of both failure kinds alike.
        self._dummy_hash = self.hasher.hash(secrets.token_hex(8))

    def add(self, username: str, password: str | None, role: Role = Role.STAFF) -> Account:
        username = username.strip()
        if not username or len(username) > 120:
            raise AccountError("Der Benutzername muss 1 bis 120 Zeichen lang sein.")
        if password is not None and len(password) < 10:
            raise AccountError("Das Passwort muss mindestens 10 Zeichen lang sein.")
        with self.engine.begin() as conn:
            exists = conn.execute(select(users.c.id).where(users.c.username == username)).first()
            if exists:
                raise AccountError(f"Den Benutzer „{username}“ gibt es bereits.")
            result = conn.execute(insert(users).values(
                username=username, password_hash=self.hasher.hash(password) if password else None,
                role=Role(role).value, disabled=False, created_at=datetime.now(timezone.utc)))
            return Account(result.inserted_primary_key[0], username, Role(role), False,
                           has_password=password is not None)

    def authenticate(self, username: str, password: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == username.strip())).first()
        stored = row.password_hash if row is not None and row.password_hash else self._dummy_hash
        try:
            self.hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None or row.disabled or not row.password_hash:
            return None
        if self.hasher.check_needs_rehash(row.password_hash):
            with self.engine.begin() as conn:
                conn.execute(update(users).where(users.c.id == row.id)
                             .values(password_hash=self.hasher.hash(password)))
        return _account(row)

    def get(self, username: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == username)).first()
        return None if row is None else _account(row)

    def list(self) -> list[Account]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(users).order_by(users.c.username)).all()
        return [_account(r) for r in rows]

    # -- external identities (SSO, OAuth/OIDC) ----------------------------------------------------------------
    def for_identity(self, issuer: str, subject: str) -> Account | None:
        """The account an identity provider's ``issuer`` + ``subject`` was linked to, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(users).join(external_identities, external_identities.c.user_id == users.c.id)
                               .where(external_identities.c.issuer == issuer,
                                      external_identities.c.subject == subject)).first()
        return None if row is None else _account(row)

    def link_identity(self, username: str, issuer: str, subject: str) -> None:
        """Link an external identity to ``username`` (one account per identity; an account may have several)."""
        account = self.get(username)
        if account is None:
            raise AccountError(f"Den Benutzer „{username}“ gibt es nicht.")
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(external_identities).values(issuer=issuer, subject=subject, user_id=account.id))
        except IntegrityError:
            if (linked := self.for_identity(issuer, subject)) is None or linked.id != account.id:
                raise AccountError("Diese externe Identität gehört bereits zu einem anderen Konto.") from None

    def has_identities(self, username: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(external_identities.c.subject).join(users, users.c.id == external_identities.c.user_id)
                                .where(users.c.username == username).limit(1)).first() is not None

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(users)).scalar_one()

    def set_password(self, username: str, password: str) -> None:
        """Set a new password; every open session of the account ends."""
        if len(password) < 10:
            raise AccountError("Das Passwort muss mindestens 10 Zeichen lang sein.")
        self._update(username, password_hash=self.hasher.hash(password), token_version=users.c.token_version + 1)

    def password_is(self, username: str, password: str) -> bool:
        """True while ``username``'s password is still ``password`` (no login side effects)."""
        with self.engine.connect() as conn:
            stored = conn.execute(select(users.c.password_hash).where(users.c.username == username)).scalar()
        try:
            return bool(stored) and self.hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def set_department(self, username: str, department: str | None) -> None:
        self._update(username, department=(department or None))

    def set_role(self, username: str, role: Role) -> None:
        """Change the role; open sessions end, so the next login carries the new role."""
        self._update(username, role=Role(role).value, token_version=users.c.token_version + 1)

    def disable(self, username: str) -> None:
        """Disable the account; every open session (chat, websocket, admin pages) ends at once."""
        self._update(username, disabled=True, token_version=users.c.token_version + 1)

    def end_sessions(self, username: str) -> None:
        """End every open session of ``username`` (e.g. a lost laptop) without changing anything else."""
        self._update(username, token_version=users.c.token_version + 1)

    def _update(self, username: str, **values) -> None:
        with self.engine.begin() as conn:
            result = conn.execute(update(users).where(users.c.username == username).values(**values))
        if result.rowcount == 0:
            raise AccountError(f"Den Benutzer „{username}“ gibt es nicht.")
