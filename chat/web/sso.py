"""Map identities asserted by a reverse proxy or an OIDC provider to SafeGPT accounts."""

from __future__ import annotations

import re

from chat.store.accounts import Account, AccountError, Accounts, Role

_VALID = re.compile(r"^[\w.@+\-]{1,120}$")


def sso_account(accounts: Accounts, username: str | None, *, auto_create: bool,
                department: str | None = None) -> Account | None:
    """The account for an SSO identity: existing and not disabled, or newly created as staff."""
    if not username:
        return None
    username = username.strip()
    if not _VALID.match(username):
        return None  # never trust odd header values as user names
    account = accounts.get(username)
    if account is None:
        if not auto_create:
            return None
        try:
            accounts.add(username, None, Role.STAFF)
        except AccountError:
            pass  # created concurrently by another process
        if department:
            accounts.set_department(username, department)
        account = accounts.get(username)
    if account is None or account.disabled:
        return None
    return account
