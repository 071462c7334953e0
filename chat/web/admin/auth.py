"""Who is calling an admin route: the chat's login cookie (a JWT signed with the Chainlit auth secret).

The wired application and the auth secret come from the server that serves the request
(``request.app.state``, set by :func:`chat.web.server.create_app`), never from a module-level global."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from fastapi import HTTPException, Request


@dataclass(frozen=True)
class SessionUser:
    identifier: str
    role: str


def _token(request: Request) -> str | None:
    from chainlit.auth.cookie import get_token_from_cookies

    token = get_token_from_cookies(dict(request.cookies))
    if token:
        return token
    header = request.headers.get("authorization", "")
    return header[7:] if header.lower().startswith("bearer ") else None


def session_user(request: Request) -> SessionUser | None:
    """The logged-in user, re-checked against the account store: a disabled account, a changed password or role,
    or a login older than the session lifetime loses access at once (chat/web/security/sessions.py)."""
    account = request.app.state.safegpt.sessions.account_for_token(_token(request))
    if account is None:
        return None
    return SessionUser(account.username, account.role.value)


def require_roles(*roles: str):
    """FastAPI dependency: the caller must be logged in with one of ``roles`` (else 401/403)."""

    def dependency(request: Request) -> SessionUser:
        user = session_user(request)
        if user is None:
            raise HTTPException(status_code=401, detail="Bitte melden Sie sich an.")
        if user.role not in roles:
            raise HTTPException(status_code=403, detail="Für diese Seite fehlt Ihnen die Berechtigung.")
        return user

    return dependency


def csrf_token(request: Request) -> str:
    """A per-login token for forms: HMAC of the session token, so it needs no server-side state."""
    secret = request.app.state.auth_secret.encode()
    return hmac.new(secret, (_token(request) or "").encode(), hashlib.sha256).hexdigest()


def verify_csrf(request: Request, submitted: str | None) -> None:
    if not submitted or not hmac.compare_digest(submitted, csrf_token(request)):
        raise HTTPException(status_code=403, detail="Das Formular ist abgelaufen. Bitte Seite neu laden.")
