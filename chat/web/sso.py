"""Map identities asserted by a reverse proxy or an OIDC provider to SafeGPT accounts.

An identity is issuer + subject (:class:`ExternalIdentity`) and belongs to the account it was linked to
(``external_identities``), never to whichever account happens to carry the same name: an identity provider
that calls someone "admin" does not make them SafeGPT's local admin. A new identity gets a new staff account
(with ``sso_auto_create``) only when its name is free; otherwise the login is refused until an admin links
it (``safegpt user link``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from chat.store.accounts import Account, AccountError, Accounts, Role

log = logging.getLogger(__name__)
_VALID = re.compile(r"^[\w.@+\-]{1,120}$")
_SUBJECT_CLAIMS = ("sub", "oid", "id")  # OIDC, Entra ID object id, GitHub-style numeric id


@dataclass(frozen=True)
class ExternalIdentity:
    issuer: str
    subject: str = ""
    name: str = ""  # the name it asks for when a new account is made for it


def header_identity(header_name: str, value: str | None) -> ExternalIdentity | None:
    """The identity a trusted SSO proxy asserts in ``header_name``; its issuer is that header."""
    if not value or not _VALID.match(value.strip()):
        return None  # never trust odd header values as user names
    value = value.strip()
    return ExternalIdentity(issuer=f"header:{header_name.lower()}", subject=value, name=value)


def oauth_identity(provider_id: str, raw_user_data: dict, display_name: str | None) -> ExternalIdentity | None:
    """The identity an OAuth/OIDC provider returned: its ``iss`` (or the provider id) and its stable subject."""
    issuer = raw_user_data.get("iss") if isinstance(raw_user_data.get("iss"), str) else None
    subject = next((str(raw_user_data[c]) for c in _SUBJECT_CLAIMS
                    if isinstance(raw_user_data.get(c), (str, int)) and str(raw_user_data[c]).strip()), None)
    if subject is None:
        return None  # without a stable subject there is nothing safe to map
    name = (display_name or "").strip()
    return ExternalIdentity(issuer=f"oauth:{provider_id}:{issuer or ''}", subject=subject.strip()[:255],
                            name=name if _VALID.match(name) else "")


def sso_account(accounts: Accounts, identity: ExternalIdentity | None, *, auto_create: bool,
                department: str | None = None, claim_unlinked: bool = False) -> Account | None:
    """The enabled account linked to ``identity``; a new staff account for a new identity whose name is free.

    ``claim_unlinked`` (for the days after upgrading from name-based SSO): an existing account *without
    password*, role staff and no linked identity may be linked once by name. A local account with a password
    and any admin or analyst is never linked by name.
    """
    if identity is None:
        return None
    account = accounts.for_identity(identity.issuer, identity.subject)
    if account is None:
        account = _first_login(accounts, identity, auto_create, department, claim_unlinked)
    if account is None or account.disabled:
        return None
    return account


def _first_login(accounts: Accounts, identity: ExternalIdentity, auto_create: bool, department: str | None,
                 claim_unlinked: bool) -> Account | None:
    if not identity.name:
        return None
    existing = accounts.get(identity.name)
    if existing is not None:
        claimable = (claim_unlinked and not existing.has_password and existing.role == Role.STAFF
                     and not accounts.has_identities(existing.username))
        if not claimable:
            # Logged without the name: the audit trail is the admin's, this is only a hint to link it.
            log.warning("SSO login refused: the identity's name belongs to an account it is not linked to")
            return None
    elif not auto_create:
        return None
    else:
        try:
            accounts.add(identity.name, None, Role.STAFF)
        except AccountError:
            return accounts.for_identity(identity.issuer, identity.subject)  # created concurrently
        if department:
            accounts.set_department(identity.name, department)
    try:
        accounts.link_identity(identity.name, identity.issuer, identity.subject)
    except AccountError:
        pass  # linked concurrently by another process
    return accounts.for_identity(identity.issuer, identity.subject)
