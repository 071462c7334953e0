"""Dashboard of aggregate usage (admins and analysts), CSV export, Prometheus ``/metrics``."""

from __future__ import annotations

import hmac
from datetime import date, timedelta

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse, Response

from chat.core.messages import FEEDBACK_REASONS
from chat.store.usage.metrics import exposition
from chat.store.usage.report import build_report, report_csv
from chat.web.admin import SessionUser, render, require_roles
from chat.web.admin.pages import add_navigation
from chat.wiring import SafeGPT


def _period(days: int) -> tuple[date, date]:
    until = date.today()
    return until - timedelta(days=max(1, min(days, 366)) - 1), until


def make_usage_router(app: SafeGPT) -> APIRouter:
    router = APIRouter()
    add_navigation("/admin/nutzung", "Nutzung", ("admin", "analyst"))
    k = app.settings.usage.department_k

    @router.get("/admin/nutzung")
    async def dashboard(request: Request, days: int = Query(30),
                        user: SessionUser = Depends(require_roles("admin", "analyst"))):
        since, until = _period(days)
        report = build_report(app.engine, since, until, k)
        peak = max([ok + bad for _, ok, bad in report.answers_by_day] or [1])
        return render(request, "usage.html", report=report, days=days, peak=peak, reason_labels=FEEDBACK_REASONS)

    @router.get("/admin/nutzung.csv")
    async def export(days: int = Query(30), user: SessionUser = Depends(require_roles("admin", "analyst"))):
        since, until = _period(days)
        body = report_csv(build_report(app.engine, since, until, k))
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="safegpt-nutzung-{since}-{until}.csv"'})

    token = app.settings.usage.metrics_token

    @router.get("/metrics", include_in_schema=False)
    async def metrics(request: Request):
        # Only for the configured scraper (Prometheus' bearer_token / authorization credentials).
        if token is None:
            return PlainTextResponse("Not Found", status_code=404)
        offered = request.headers.get("authorization", "")
        expected = "Bearer " + token.get_secret_value()
        if not hmac.compare_digest(offered.encode(), expected.encode()):
            return PlainTextResponse("Unauthorized", status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return PlainTextResponse(exposition().decode(), media_type="text/plain; version=0.0.4")

    return router
