"""Failed-login bookkeeping in the database, so a lockout holds across server processes and restarts.

Counted per account *name* — whether or not such an account exists, so a lockout reveals nothing about
which accounts exist — and per client address. Rows hold only a SHA-256 of the key.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from sqlalchemy import Engine, case, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from chat.web.security.schema import login_attempts as table
from chat.web.security.settings import SecuritySettings


def _key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode("utf-8", "surrogatepass")).hexdigest()


class LoginAttempts:
    def __init__(self, engine: Engine, settings: SecuritySettings, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.settings = settings
        self.clock = clock

    def _keys(self, username: str, address: str | None) -> list[tuple[str, int]]:
        keys = [(_key("account", username.strip().casefold()), self.settings.max_failed_logins)]
        if address:
            keys.append((_key("ip", address), self.settings.max_failed_logins_per_ip))
        return keys

    @property
    def _window(self) -> float:
        return self.settings.lockout_minutes * 60

    def locked_seconds(self, username: str, address: str | None) -> float:
        """Seconds until a login for ``username`` from ``address`` is allowed again; 0 when it is allowed now."""
        now = self.clock()
        keys = [k for k, _ in self._keys(username, address)]
        with self.engine.connect() as conn:
            until = conn.execute(select(table.c.locked_until).where(table.c.key.in_(keys))).scalars().all()
        return max([u - now for u in until if u is not None and u > now], default=0.0)

    def failed(self, username: str, address: str | None) -> None:
        """Count one failed attempt; lock the name/address that reached its limit within the window."""
        now = self.clock()
        cutoff = now - self._window
        with self.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.window_start < cutoff - self._window,
                                             (table.c.locked_until.is_(None)) | (table.c.locked_until < now)))
            for key, limit in self._keys(username, address):
                # One UPDATE is atomic: concurrent failures in other processes are all counted.
                restart = table.c.window_start < cutoff
                result = conn.execute(update(table).where(table.c.key == key).values(
                    failures=case((restart, 1), else_=table.c.failures + 1),
                    window_start=case((restart, now), else_=table.c.window_start)))
                if result.rowcount == 0:
                    try:
                        with conn.begin_nested():
                            conn.execute(insert(table).values(key=key, failures=1, window_start=now,
                                                              locked_until=None))
                    except IntegrityError:  # another process inserted it first
                        conn.execute(update(table).where(table.c.key == key)
                                     .values(failures=table.c.failures + 1))
                failures = conn.execute(select(table.c.failures).where(table.c.key == key)).scalar_one()
                if failures >= limit:
                    conn.execute(update(table).where(table.c.key == key).values(
                        locked_until=now + self._window, failures=0, window_start=now))

    def succeeded(self, username: str, address: str | None) -> None:
        """A correct login clears the account's count (not the address's: one valid account must not let an
        attacker reset the counter for guessing others)."""
        account_key, _ = self._keys(username, None)[0]
        with self.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.key == account_key))
