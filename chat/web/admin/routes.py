"""The ``/admin`` router: overview page and German error pages for 401/403."""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request

from chat.web.admin.auth import SessionUser, require_roles
from chat.web.admin.pages import render


def make_admin_router() -> APIRouter:
    router = APIRouter(prefix="/admin")

    @router.get("/")
    async def overview(request: Request, user: SessionUser = Depends(require_roles("admin", "analyst"))):
        return render(request, "index.html")

    return router


def install_error_pages(api: FastAPI) -> None:
    """Admin routes answer refusals with a German page (JSON for API clients)."""
    from fastapi.exception_handlers import http_exception_handler

    @api.exception_handler(HTTPException)
    async def german_errors(request: Request, exc: HTTPException):
        page = request.url.path.startswith(("/admin", "/transparenz", "/meine-daten"))
        if page and not request.url.path.endswith(".json") and exc.status_code in (401, 403, 404):
            title = {401: "Nicht angemeldet", 403: "Keine Berechtigung", 404: "Nicht gefunden"}[exc.status_code]
            return render(request, "error.html", status_code=exc.status_code, title=title,
                          message=str(exc.detail), login=exc.status_code == 401)
        return await http_exception_handler(request, exc)
