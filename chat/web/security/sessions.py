"""Login sessions: what SafeGPT adds to Chainlit's login token, and the check of every use of a token.

Chainlit's token says only who logged in and until when; ``/auth/jwt`` renews it for as long as it is
presented, and nothing looks at the account again. SafeGPT's logins put two more claims into the token's
metadata — when the person really logged in (``auth_time``, kept across renewals) and the account's
``token_version`` at that moment — and every request and every chat message is checked against the account:
it must exist, be enabled, have the same role and token version, and the login must be younger than the
session lifetime. Disabling an account, changing its password or role raises the version: every open
session of it ends at once, in every server process.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import jwt

from chat.store.accounts import Account, Accounts
from chat.store.db.faults import database_unavailable

AUTH_TIME = "auth_time"
TOKEN_VERSION = "token_version"
# A login stamped this far in the future comes from a clock we do not trust.
_CLOCK_SKEW = 60.0


def login_metadata(account: Account, provider: str, now: float | None = None) -> dict:
    """The metadata of a fresh login (becomes part of the signed token)."""
    return {"role": account.role.value, "provider": provider, TOKEN_VERSION: account.token_version,
            AUTH_TIME: int(time.time() if now is None else now)}


@dataclass(frozen=True)
class SessionCheck:
    """Checks a login token (or its decoded user) against the account store."""

    accounts: Accounts
    secret: str
    lifetime_seconds: float
    clock: Callable[[], float] = time.time

    def account_for_token(self, token: str | None) -> Account | None:
        """The account a still-valid login token belongs to; None for anything else (also garbage)."""
        if not token:
            return None
        try:
            claims = jwt.decode(token, self.secret, algorithms=["HS256"], options={"require": ["exp"]})
        except jwt.PyJWTError:
            return None
        identifier = claims.get("identifier")
        metadata = claims.get("metadata")
        if not isinstance(identifier, str) or not isinstance(metadata, dict):
            return None
        return self.account_for(identifier, metadata)

    def login_holds(self, token: str | None) -> bool:
        """True while ``token``'s login still holds. While the database is down or locked the account cannot be
        read: the signed, unexpired login then stands (no account can be disabled meanwhile either), so an outage
        neither ends sessions nor breaks the websocket handshake or a chat turn."""
        try:
            return self.account_for_token(token) is not None
        except Exception as exc:
            if not database_unavailable(exc):
                raise
            logging.getLogger(__name__).warning("session check skipped: database unavailable (%s)",
                                                type(exc).__name__)
            return True

    def account_for(self, identifier: str, metadata: dict) -> Account | None:
        """The account for a decoded login, or None when the session has ended."""
        auth_time, version = metadata.get(AUTH_TIME), metadata.get(TOKEN_VERSION)
        if isinstance(auth_time, bool) or not isinstance(auth_time, (int, float)):
            return None  # a token without our claims (issued before this check existed): log in again
        if isinstance(version, bool) or not isinstance(version, int):
            return None
        now = self.clock()
        if now - auth_time > self.lifetime_seconds or auth_time > now + _CLOCK_SKEW:
            return None  # renewed past the session lifetime
        account = self.accounts.get(identifier)
        if account is None or account.disabled or account.token_version != version:
            return None
        if metadata.get("role") != account.role.value:
            return None
        return account
