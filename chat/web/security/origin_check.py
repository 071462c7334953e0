"""ASGI middleware: requests that change something under the chat path, and the chat's websocket, must come
from SafeGPT's own pages.

A browser names the page that started a request in ``Origin`` (for a POST, and for every websocket) or at
least in ``Referer``. Another site's form posting to ``/chat/login`` would otherwise log the victim into the
attacker's account (login CSRF), and Chainlit switches Socket.IO's own origin check off. Allowed: the
request's own origin, ``server.allowed_origins`` and the origin of ``security.public_url``. A request without
either header comes from no browser page (a script, the CLI) and cannot be forged by one.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from chat.web.security import messages as texts

_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of ``url``, lower-cased, default ports dropped; None for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https", "ws", "wss") or not parts.hostname:
        return None
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[scheme]
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")


class OriginCheck:
    """Refuse (403, German) state-changing requests under ``prefix`` and its websocket handshakes from foreign
    pages."""

    def __init__(self, app, prefix: str, socket_prefix: str, allowed: list[str],
                 cross_site_posts: tuple[str, ...] = ()) -> None:
        """``cross_site_posts``: paths another site posts to by design (an identity provider's form_post
        callback, which Chainlit checks itself)."""
        self.app = app
        self.prefix = prefix.rstrip("/")
        self.socket_prefix = socket_prefix.rstrip("/")
        self.allowed = {o for o in (origin_of(a) for a in allowed) if o}
        self.cross_site_posts = cross_site_posts

    def _guarded(self, scope) -> bool:
        path = scope["path"]
        if not (path == self.prefix or path.startswith(self.prefix + "/")) or path in self.cross_site_posts:
            return False
        if scope["type"] == "websocket" or path.startswith(self.socket_prefix):
            return True  # the socket.io handshake (polling GET or websocket upgrade) as well
        return scope["method"] not in _SAFE_METHODS

    def _own_origin(self, scope, headers: dict[str, str]) -> str | None:
        host = headers.get("host")
        if not host:
            return None
        scheme = {"ws": "http", "wss": "https"}.get(scope.get("scheme", "http"), scope.get("scheme", "http"))
        return origin_of(f"{scheme}://{host}")

    def allows(self, scope) -> bool:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        claimed = headers.get("origin")
        if claimed is None and headers.get("referer"):
            claimed = headers["referer"]
        if claimed is None:
            return True  # no browser page started this request
        origin = origin_of(claimed)
        if origin is None:  # "null" (sandboxed frames, file://) or garbage
            return False
        return origin in self.allowed or origin == self._own_origin(scope, headers)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket") or not self._guarded(scope) or self.allows(scope):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        payload = json.dumps({"detail": texts.FOREIGN_ORIGIN}, ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": 403, "headers": [
            (b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})
