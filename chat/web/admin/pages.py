"""Render admin pages from Jinja2 templates (autoescaped: no stored text can run as script)."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from chat.web.admin.auth import csrf_token, session_user

TEMPLATES = Path(__file__).resolve().parent / "templates"
_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))

NAVIGATION = [  # (path, German label, roles that see the link)
    ("/admin/", "Übersicht", ("admin", "analyst")),
]


# Pages for every logged-in person (path, German label); the chat's header links to them as well.
TRANSPARENCY_PAGE = ("/transparenz", "Was wird gespeichert?")
MY_CHATS_PAGE = ("/meine-daten", "Meine Chats")


def add_navigation(path: str, label: str, roles: tuple[str, ...]) -> None:
    """Areas register their pages here at router build time."""
    if all(p != path for p, _, _ in NAVIGATION):
        NAVIGATION.append((path, label, roles))


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    user = session_user(request)
    nav = [(p, label) for p, label, roles in NAVIGATION if user and user.role in roles]
    html = _env.get_template(template).render(
        request=request, user=user, nav=nav, csrf=csrf_token(request), **context)
    return HTMLResponse(html, status_code=status_code)
