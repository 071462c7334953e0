"""Staff accounts: creation, password check (argon2), roles."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, insert, select, update

from chat.store.db.schema import users


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
            return Account(result.inserted_primary_key[0], username, Role(role), False)

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
        return Account(row.id, row.username, Role(row.role), row.disabled)

    def get(self, username: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == username)).first()
        return None if row is None else Account(row.id, row.username, Role(row.role), row.disabled, row.department)

    def list(self) -> list[Account]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(users).order_by(users.c.username)).all()
        return [Account(r.id, r.username, Role(r.role), r.disabled, r.department) for r in rows]

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(users)).scalar_one()

    def set_password(self, username: str, password: str) -> None:
        if len(password) < 10:
            raise AccountError("Das Passwort muss mindestens 10 Zeichen lang sein.")
        self._update(username, password_hash=self.hasher.hash(password))

    def set_department(self, username: str, department: str | None) -> None:
        self._update(username, department=(department or None))

    def set_role(self, username: str, role: Role) -> None:
        self._update(username, role=Role(role).value)

    def disable(self, username: str) -> None:
        self._update(username, disabled=True)

    def _update(self, username: str, **values) -> None:
        with self.engine.begin() as conn:
            result = conn.execute(update(users).where(users.c.username == username).values(**values))
        if result.rowcount == 0:
            raise AccountError(f"Den Benutzer „{username}“ gibt es nicht.")
