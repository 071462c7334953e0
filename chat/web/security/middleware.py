"""ASGI middlewares: login throttling in front of Chainlit's ``/login`` and security headers on every response.

Plain ASGI (not ``BaseHTTPMiddleware``) so streaming answers and websockets pass through untouched.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
import math
import re
from collections.abc import Callable
from chat.web.security import messages as texts
from chat.web.security.login_attempts import CURRENT_LOGIN, LoginAttempts, LoginRequest

log = logging.getLogger(__name__)
_MAX_LOGIN_BODY = 64 * 1024
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


class LoginThrottle:
    """In front of Chainlit's ``POST <login_path>``: refuse a form with the name or password field twice
    (400), refuse with 429 and a German message while the name/address waits after failures, and hand the
    client address to the password check, which counts failures under the very name Chainlit logs in with
    (:data:`~chat.web.security.login_attempts.CURRENT_LOGIN`).

    The form is read with Starlette's own parser — the one Chainlit's login uses — so the name checked here
    is the name logged in with; a field sent twice is refused rather than guessed at.
    """

    def __init__(self, app, attempts: Callable[[], LoginAttempts], login_path: str) -> None:
        self.app = app
        self.attempts = attempts
        self.login_path = login_path
        self._locks: dict[str, list] = {}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != self.login_path:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            event = await receive()
            if event["type"] == "http.disconnect":
                return
            chunk = event.get("body", b"")
            size += len(chunk)
            if size > _MAX_LOGIN_BODY:
                await _json(send, 413, texts.LOGIN_REQUEST_TOO_LARGE)
                return
            chunks.append(chunk)
            if not event.get("more_body"):
                break
        body = b"".join(chunks)
        fields = await _form_fields(scope, body)
        if fields is not None and (len(fields.get("username", [])) > 1 or len(fields.get("password", [])) > 1):
            await _json(send, 400, texts.LOGIN_DUPLICATE_FIELD)
            return
        username = (fields or {}).get("username", [""])[0]
        address = (scope.get("client") or (None, None))[0]  # the real client: uvicorn trusts only our proxies
        # Attempts for one name take turns in this process: parallel guesses cannot all pass the check
        # before the first failure is counted.
        name_key = username.strip().casefold()
        lock = self._locks.setdefault(name_key, [asyncio.Lock(), 0])
        lock[1] += 1
        try:
            async with lock[0]:
                await self._attempt(scope, body, receive, send, username, address)
        finally:
            lock[1] -= 1
            if lock[1] == 0:
                self._locks.pop(name_key, None)

    async def _attempt(self, scope, body, receive, send, username: str, address: str | None) -> None:
        attempts = self.attempts()
        remaining = await asyncio.to_thread(attempts.locked_seconds, username, address)
        if remaining > 0:
            await _locked(send, remaining)
            return
        login = LoginRequest(address)
        token = CURRENT_LOGIN.set(login)
        replaced = False

        async def watch(message):
            nonlocal replaced
            if replaced:
                return
            if message["type"] == "http.response.start" and message["status"] == 401 and login.locked_seconds > 0:
                replaced = True  # the password check found the name waiting: say so, as above
                await _locked(send, login.locked_seconds)
                return
            await send(message)

        try:
            await self.app(scope, _replay(body, receive), watch)
        finally:
            CURRENT_LOGIN.reset(token)


def _replay(body: bytes, receive):
    replayed = False

    async def replay():
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _form_fields(scope, body: bytes) -> dict[str, list[str]] | None:
    """Every field of the login form as Starlette parses it; None when it is no form Starlette can read."""
    from starlette.requests import Request

    request = Request(scope, _replay(body, _no_more))
    try:
        form = await request.form()
    except Exception:  # malformed: Chainlit refuses it (422); the password check still counts it
        return None
    try:
        return {key: [v if isinstance(v, str) else "" for v in form.getlist(key)] for key in form.keys()}
    finally:
        await form.close()


async def _no_more() -> dict:
    return {"type": "http.disconnect"}


async def _locked(send, remaining: float) -> None:
    await _json(send, 429, texts.LOGIN_LOCKED.format(wait=_wait_text(remaining)),
                extra=[(b"retry-after", str(math.ceil(remaining)).encode())])


def _wait_text(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, math.ceil(seconds))} Sekunden"
    return f"{math.ceil(seconds / 60)} Minuten"


async def _json(send, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    payload = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(payload)).encode()),
        *(extra or [])]})
    await send({"type": "http.response.body", "body": payload})


def script_hashes(html: str) -> list[str]:
    """CSP source expressions (``'sha256-…'``) for the inline scripts of ``html``."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    ]


def content_security_policy(inline_script_hashes: list[str]) -> str:
    """Only our own origin. Inline scripts only by hash (Chainlit's page has two small static ones);
    inline styles are needed by the chat UI's components and by the admin templates."""
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(inline_script_hashes),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]).replace("  ", " ").replace(" ;", ";")


class SecurityHeaders:
    """Add the security headers to every HTTP response and, with ``secure_cookies``, the Secure flag to
    every cookie set."""

    def __init__(self, app, csp: Callable[[], str], secure_cookies: bool, login_cookie: str = "access_token",
                 login_samesite: str = "strict") -> None:
        self.app = app
        self.csp = csp
        self.secure_cookies = secure_cookies
        self.login_cookie = login_cookie.encode()
        self.login_samesite = login_samesite.encode()
        self._static: list[tuple[bytes, bytes]] | None = None

    def _headers(self) -> list[tuple[bytes, bytes]]:
        if self._static is None:  # built on first use: the Chainlit page template exists only after mounting
            self._static = [
                (b"content-security-policy", self.csp().encode()),
                (b"x-frame-options", b"DENY"),
                (b"referrer-policy", b"no-referrer"),
                (b"x-content-type-options", b"nosniff"),
                (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                                        b"interest-cohort=()"),
                (b"cross-origin-opener-policy", b"same-origin"),
            ]
            if self.secure_cookies:
                self._static.append((b"strict-transport-security", b"max-age=31536000"))
        return self._static

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                ours = self._headers()
                names = {name for name, _ in ours}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                headers = [(k, self._cookie(v) if k.lower() == b"set-cookie" else v) for k, v in headers]
                message = {**message, "headers": headers + ours}
            await send(message)

        await self.app(scope, receive, with_headers)


    def _cookie(self, cookie: bytes) -> bytes:
        """Secure on https; the login cookie (and its chunks) with the configured SameSite. Chainlit sets all its
        cookies with one SameSite value, and its OAuth state cookie must stay lax to survive the provider's
        redirect back — so the login cookie is tightened here, not through Chainlit."""
        parts = [p.strip() for p in cookie.split(b";")]
        name = parts[0].split(b"=", 1)[0]
        if name == self.login_cookie or (name.startswith(self.login_cookie + b"_")
                                         and name[len(self.login_cookie) + 1:].isdigit()):
            parts = [p for p in parts if not p.lower().startswith(b"samesite")] + [b"SameSite=" + self.login_samesite]
        if self.secure_cookies and b"secure" not in [p.lower() for p in parts]:
            parts.append(b"Secure")
        return b"; ".join(parts)
