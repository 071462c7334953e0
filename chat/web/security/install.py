"""Wire the security area into the server: environment for Chainlit, then the middlewares."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from chat.web.security.login_attempts import LoginAttempts
from chat.web.security.middleware import LoginThrottle, SecurityHeaders, content_security_policy, script_hashes

if TYPE_CHECKING:
    from fastapi import FastAPI

    from chat.wiring import SafeGPT


def prepare_environment(app: "SafeGPT") -> None:
    """Cookie settings Chainlit reads once at import: call before anything imports ``chainlit``."""
    os.environ["CHAINLIT_COOKIE_SAMESITE"] = app.settings.security.cookie_samesite


def install_security(api: "FastAPI", app: "SafeGPT") -> None:
    """Add login throttling and the security headers to ``api`` (after Chainlit is mounted)."""
    settings = app.settings.security
    chat_path = app.settings.server.chat_path.rstrip("/")
    attempts: list[LoginAttempts] = []

    def login_attempts() -> LoginAttempts:
        if not attempts:
            attempts.append(LoginAttempts(app.engine, settings))
        return attempts[0]

    def csp() -> str:
        import chainlit.server as cl_server

        return content_security_policy(script_hashes(cl_server.get_html_template(chat_path)))

    # add_middleware puts the last one outermost: headers also reach the 429 answers of the throttle.
    api.add_middleware(LoginThrottle, attempts=login_attempts, login_path=chat_path + "/login",
                       lockout_minutes=settings.lockout_minutes)
    api.add_middleware(SecurityHeaders, csp=csp, secure_cookies=settings.secure_cookies)
