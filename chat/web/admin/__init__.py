"""Admin and analyst pages beside the chat (``/admin``): server-rendered, same login as the chat.

Every route declares the roles it serves with :func:`require_roles`; the check runs on the server for
each request, whatever the browser shows.
"""

from chat.web.admin.auth import SessionUser, csrf_token, require_roles, verify_csrf
from chat.web.admin.pages import render

__all__ = ["SessionUser", "csrf_token", "render", "require_roles", "verify_csrf"]
