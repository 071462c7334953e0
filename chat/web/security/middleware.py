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
from urllib.parse import parse_qs

from chat.web.security import messages as texts
from chat.web.security.login_attempts import LoginAttempts

log = logging.getLogger(__name__)
_MAX_LOGIN_BODY = 64 * 1024
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def _username(body: bytes, content_type: str) -> str:
    """The username field of a urlencoded or multipart login form (Chainlit's page sends multipart)."""
    if content_type.startswith("application/x-www-form-urlencoded"):
        values = parse_qs(body.decode("utf-8", "replace")).get("username", [""])
        return values[0]
    if content_type.startswith("multipart/form-data"):
        from email.parser import BytesParser
        from email.policy import HTTP

        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
        for part in message.iter_parts():
            if part.get_param("name", header="content-disposition") == "username":
                return part.get_content() if isinstance(part.get_content(), str) else ""
    return ""


class LoginThrottle:
    """Refuse ``POST <login_path>`` with 429 and a German message while the name or address is locked;
    count Chainlit's answer (401 = failed, 200 = succeeded) afterwards.

    Lives here rather than in the password callback because Chainlit swallows exceptions raised there and
    answers 401 "credentials wrong", so a lockout could not be told apart from a typo.
    """

    def __init__(self, app, attempts: Callable[[], LoginAttempts], login_path: str, lockout_minutes: float) -> None:
        self.app = app
        self.attempts = attempts
        self.login_path = login_path
        self.lockout_minutes = lockout_minutes
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
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        try:
            username = _username(body, headers.get("content-type", ""))
        except Exception:  # a malformed form is Chainlit's to refuse (422); count it under no name
            username = ""
        address = (scope.get("client") or (None, None))[0]
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
            minutes = max(1, math.ceil(remaining / 60))
            await _json(send, 429, texts.LOGIN_LOCKED.format(minutes=minutes),
                        extra=[(b"retry-after", str(math.ceil(remaining)).encode())])
            return

        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def watch(message):
            # Counted before the client sees the answer, so its next attempt already meets the count.
            if message["type"] == "http.response.start":
                if message["status"] == 401:
                    await asyncio.to_thread(attempts.failed, username, address)
                elif message["status"] == 200:
                    await asyncio.to_thread(attempts.succeeded, username, address)
            await send(message)

        await self.app(scope, replay, watch)


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

    def __init__(self, app, csp: Callable[[], str], secure_cookies: bool) -> None:
        self.app = app
        self.csp = csp
        self.secure_cookies = secure_cookies
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
                if self.secure_cookies:
                    headers = [(k, _secure(v) if k.lower() == b"set-cookie" else v) for k, v in headers]
                message = {**message, "headers": headers + ours}
            await send(message)

        await self.app(scope, receive, with_headers)


def _secure(cookie: bytes) -> bytes:
    return cookie if b"secure" in [p.strip().lower() for p in cookie.split(b";")] else cookie + b"; Secure"
