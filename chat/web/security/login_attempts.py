"""Failed-login bookkeeping in the database, so throttling holds across server processes and restarts.

Three counters, each keyed by a SHA-256 only (never a name or address): the account name *from one client
address* (what a person mistyping their password meets), the client address over all names, and the account
name over all addresses (a high backstop against guessing from many addresses). A name is counted whether or
not such an account exists, so throttling reveals nothing about which accounts exist.

A counter that reaches its limit makes every further attempt wait — 1×, 2×, 4× … ``login_delay_seconds``, at
most ``lockout_minutes`` — instead of locking the account outright: someone guessing from elsewhere cannot lock
staff out of their own account. Failures are forgotten ``lockout_minutes`` after the last one.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from sqlalchemy import Engine, case, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from chat.web.security.schema import login_attempts as table
from chat.web.security.settings import SecuritySettings


@dataclass
class LoginRequest:
    """The login being handled: set by the throttle middleware, read and filled in by the password check
    (Chainlit's login callback receives only name and password)."""

    address: str | None
    locked_seconds: float = 0.0


CURRENT_LOGIN: ContextVar[LoginRequest | None] = ContextVar("safegpt_current_login", default=None)


def _key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode("utf-8", "surrogatepass")).hexdigest()


def _name(username: str) -> str:
    return username.strip().casefold()


class LoginAttempts:
    def __init__(self, engine: Engine, settings: SecuritySettings, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.settings = settings
        self.clock = clock

    def _keys(self, username: str, address: str | None) -> list[tuple[str, int]]:
        name = _name(username)
        s = self.settings
        keys = [(_key("account", name), s.max_failed_logins_per_account)]
        if address:
            keys.append((_key("account-from", f"{address}\n{name}"), s.max_failed_logins))
            keys.append((_key("ip", address), s.max_failed_logins_per_ip))
        else:  # no address known: the name alone carries the per-person limit
            keys.append((_key("account-from", f"\n{name}"), s.max_failed_logins))
        return keys

    @property
    def _window(self) -> float:
        return self.settings.lockout_minutes * 60

    def delay_after(self, failures: int, limit: int) -> float:
        """Seconds to wait after ``failures`` failures on a counter with ``limit``: 0 below the limit."""
        if failures < limit:
            return 0.0
        return min(self.settings.login_delay_seconds * 2 ** min(failures - limit, 30), self._window)

    def locked_seconds(self, username: str, address: str | None) -> float:
        """Seconds until a login for ``username`` from ``address`` is allowed again; 0 when it is allowed now."""
        now = self.clock()
        keys = [k for k, _ in self._keys(username, address)]
        with self.engine.connect() as conn:
            until = conn.execute(select(table.c.locked_until).where(table.c.key.in_(keys))).scalars().all()
        return max([u - now for u in until if u is not None and u > now], default=0.0)

    def failed(self, username: str, address: str | None) -> None:
        """Count one failed attempt on each counter; a counter at its limit makes the next attempt wait."""
        now = self.clock()
        with self.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.window_start < now - self._window,
                                             (table.c.locked_until.is_(None)) | (table.c.locked_until < now)))
            for key, limit in self._keys(username, address):
                # One UPDATE is atomic: concurrent failures in other processes are all counted.
                forgotten = table.c.window_start < now - self._window  # window_start: the last failure
                result = conn.execute(update(table).where(table.c.key == key).values(
                    failures=case((forgotten, 1), else_=table.c.failures + 1), window_start=now))
                if result.rowcount == 0:
                    try:
                        with conn.begin_nested():
                            conn.execute(insert(table).values(key=key, failures=1, window_start=now,
                                                              locked_until=None))
                    except IntegrityError:  # another process inserted it first
                        conn.execute(update(table).where(table.c.key == key)
                                     .values(failures=table.c.failures + 1, window_start=now))
                failures = conn.execute(select(table.c.failures).where(table.c.key == key)).scalar_one()
                delay = self.delay_after(failures, limit)
                if delay:
                    conn.execute(update(table).where(table.c.key == key).values(locked_until=now + delay))

    def succeeded(self, username: str, address: str | None) -> None:
        """A correct login clears the count of this name from this address — not the address's count (one
        valid account must not reset the counter for guessing others) nor the name's backstop."""
        pair = self._keys(username, address)[1][0]
        with self.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.key == pair))
