"""ASGI middleware: a login token whose session has ended is taken out of the request before Chainlit or an
admin route sees it.

The request then reaches Chainlit as one without a login: its API answers 401, the page shows the login
form, the websocket handshake is refused ("authentication failed"), ``/auth/jwt`` cannot renew it — one
place for every route, including the ones Chainlit adds in later versions. The browser is told to drop the
dead cookie. Plain ASGI, so streaming answers and websockets pass untouched.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from http.cookies import SimpleCookie

from chat.web.security.sessions import SessionCheck

log = logging.getLogger(__name__)
COOKIE = "access_token"  # Chainlit's CHAINLIT_AUTH_COOKIE_NAME default; chunks are access_token_0, _1 …


def _cookie_pairs(header: str) -> list[tuple[str, str]]:
    pairs = []
    for part in header.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            pairs.append((name.strip(), value.strip()))
    return pairs


def _is_login_cookie(name: str, cookie: str) -> bool:
    return name == cookie or (name.startswith(cookie + "_") and name[len(cookie) + 1:].isdigit())


def login_token(cookie_header: str, cookie: str = COOKIE) -> str | None:
    """The login token from a Cookie header, joined from Chainlit's chunks where it was split."""
    pairs = dict(_cookie_pairs(cookie_header))
    if pairs.get(cookie):
        return pairs[cookie]
    chunks, i = [], 0
    while f"{cookie}_{i}" in pairs:
        chunks.append(pairs[f"{cookie}_{i}"])
        i += 1
    return "".join(chunks) or None


class SessionGuard:
    """Remove ended sessions' tokens (cookie everywhere; ``Authorization: Bearer`` under ``bearer_prefixes``,
    so the API keys of ``/v1`` are never touched)."""

    def __init__(self, app, check: Callable[[], SessionCheck], bearer_prefixes: tuple[str, ...],
                 skip_prefixes: tuple[str, ...] = (), cookie: str = COOKIE) -> None:
        self.app = app
        self.check = check
        self.bearer_prefixes = bearer_prefixes
        self.skip_prefixes = skip_prefixes
        self.cookie = cookie

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"].startswith(self.skip_prefixes):
            await self.app(scope, receive, send)
            return
        headers = list(scope.get("headers", []))
        cookie_header = "; ".join(v.decode("latin-1") for k, v in headers if k == b"cookie")
        bearer = None
        if scope["path"].startswith(self.bearer_prefixes):
            for k, v in headers:
                if k == b"authorization" and v[:7].lower() == b"bearer ":
                    bearer = v[7:].decode("latin-1").strip()
        cookie_token = login_token(cookie_header, self.cookie) if cookie_header else None
        if cookie_token is None and bearer is None:
            await self.app(scope, receive, send)
            return
        check = self.check()
        dead_cookie = cookie_token is not None and not await asyncio.to_thread(check.login_holds, cookie_token)
        dead_bearer = bearer is not None and not await asyncio.to_thread(check.login_holds, bearer)
        if not dead_cookie and not dead_bearer:
            await self.app(scope, receive, send)
            return
        kept = []
        for k, v in headers:
            if k == b"cookie" and dead_cookie:
                rest = [f"{n}={val}" for n, val in _cookie_pairs(v.decode("latin-1"))
                        if not _is_login_cookie(n, self.cookie)]
                if rest:
                    kept.append((k, "; ".join(rest).encode("latin-1")))
            elif k == b"authorization" and dead_bearer:
                continue
            else:
                kept.append((k, v))
        scope = {**scope, "headers": kept}
        if scope["type"] == "websocket" or not dead_cookie:
            await self.app(scope, receive, send)
            return
        names = [n for n, _ in _cookie_pairs(cookie_header) if _is_login_cookie(n, self.cookie)]

        async def drop_cookie(message):
            if message["type"] == "http.response.start":
                sets_login = any(k.lower() == b"set-cookie" and _sets(v, self.cookie)
                                 for k, v in message.get("headers", []))
                if not sets_login:  # a fresh login in this very response must not be deleted again
                    message = {**message, "headers": [*message.get("headers", []), *(
                        (b"set-cookie", f"{n}=; Max-Age=0; Path=/; HttpOnly".encode()) for n in names)]}
            await send(message)

        await self.app(scope, receive, drop_cookie)


def _sets(set_cookie: bytes, cookie: str) -> bool:
    parsed = SimpleCookie()
    try:
        parsed.load(set_cookie.decode("latin-1"))
    except Exception:
        return False
    return any(_is_login_cookie(name, cookie) for name in parsed)
