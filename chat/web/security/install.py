"""Wire the security area into the server: environment for Chainlit, then the middlewares."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from chat.web.security.middleware import LoginThrottle, SecurityHeaders, content_security_policy, script_hashes
from chat.web.security.origin_check import OriginCheck
from chat.web.security.session_guard import SessionGuard

if TYPE_CHECKING:
    from fastapi import FastAPI

    from chat.wiring import SafeGPT


def prepare_environment(app: "SafeGPT") -> None:
    """Cookie settings Chainlit reads once at import: call before anything imports ``chainlit``.

    Chainlit uses one SameSite value for all its cookies; it stays "lax" so the OAuth state cookie survives the
    identity provider's redirect back. The login cookie gets ``security.cookie_samesite`` in
    :class:`SecurityHeaders`."""
    os.environ["CHAINLIT_COOKIE_SAMESITE"] = "lax"


def install_security(api: "FastAPI", app: "SafeGPT") -> None:
    """Add origin checks, session checks, login throttling and the security headers to ``api`` (after Chainlit
    is mounted)."""
    settings = app.settings.security
    chat_path = app.settings.server.chat_path.rstrip("/")

    def csp() -> str:
        import chainlit.server as cl_server

        return content_security_policy(script_hashes(cl_server.get_html_template(chat_path)))

    allowed = list(app.settings.server.allowed_origins) + ([settings.public_url] if settings.public_url else [])
    # add_middleware puts the last one outermost: headers reach every answer, foreign pages are refused before
    # anything else, ended sessions are removed before the throttle and Chainlit see them.
    api.add_middleware(LoginThrottle, attempts=lambda: app.login_attempts, login_path=chat_path + "/login")
    api.add_middleware(SessionGuard, check=lambda: app.sessions, bearer_prefixes=(chat_path + "/", "/admin"),
                       skip_prefixes=(chat_path + "/assets/", chat_path + "/public/", "/v1/", "/healthz", "/readyz"))
    api.add_middleware(OriginCheck, prefix=chat_path, socket_prefix=chat_path + "/ws/", allowed=allowed,
                       cross_site_posts=(chat_path + "/auth/oauth/azure-ad-hybrid/callback",))
    api.add_middleware(SecurityHeaders, csp=csp, secure_cookies=settings.secure_cookies,
                       login_samesite=settings.cookie_samesite)
