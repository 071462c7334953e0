"""``/barrierefreiheit``: the accessibility statement, readable without logging in (it must be reachable from the
login page too)."""

from __future__ import annotations

from importlib import metadata, resources

from fastapi import APIRouter, Request

from chat.web.accessibility.statement import (CHECKED_VIEWS, METHOD, REVIEWED, STANDARD, conformance,
                                              known_issues)
from chat.web.admin.pages import render
from chat.wiring import SafeGPT


def axe_version() -> str:
    """The axe-core version the checks use: the banner of the axe.min.js shipped in axe-playwright-python."""
    try:
        script = resources.files("axe_playwright_python") / "axe.min.js"
        with script.open("r", encoding="utf-8") as f:
            head = f.read(100)
    except (ModuleNotFoundError, FileNotFoundError):
        return ""
    marker = "axe v"
    return head[head.index(marker) + len(marker):].split()[0] if marker in head else ""


def make_accessibility_router(app: SafeGPT) -> APIRouter:
    router = APIRouter()

    @router.get("/barrierefreiheit")
    async def statement(request: Request):
        issues = known_issues(app.settings)
        try:
            version = metadata.version("safegpt")
        except metadata.PackageNotFoundError:
            version = ""
        return render(request, "accessibility.html", issues=issues, status=conformance(issues), standard=STANDARD,
                      views=CHECKED_VIEWS, method=METHOD.format(axe_version=axe_version()).replace("  ", " "),
                      reviewed=REVIEWED, settings=app.settings.accessibility, version=version)

    return router
