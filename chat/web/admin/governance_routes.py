"""Governance pages: model register, audit log, accounts, and the generated "what is stored" page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse

from chat.store.accounts import AccountError, Role, generate_password
from chat.web.admin import SessionUser, render, require_roles, verify_csrf
from chat.web.admin.auth import session_user
from chat.web.admin.pages import TRANSPARENCY_PAGE, add_navigation
from chat.web.inventory import build_inventory
from privacy import processing_record
from chat.wiring import SafeGPT


def make_governance_router(app: SafeGPT) -> APIRouter:
    router = APIRouter()
    add_navigation("/admin/modelle", "Modellregister", ("admin", "analyst"))
    add_navigation("/admin/benutzer", "Benutzer", ("admin",))
    add_navigation("/admin/protokoll", "Protokoll", ("admin",))
    add_navigation(*TRANSPARENCY_PAGE, ("staff", "admin", "analyst"))

    @router.get("/admin/modelle")
    async def models(request: Request, user: SessionUser = Depends(require_roles("admin", "analyst"))):
        return render(request, "models.html", models=app.settings.model_list, policy=app.settings.policy,
                      may=app.settings.may_receive)

    @router.get("/admin/protokoll")
    async def audit(request: Request, area: str | None = None,
                    user: SessionUser = Depends(require_roles("admin"))):
        return render(request, "audit.html", entries=app.audit.entries(area=area), area=area)

    @router.get("/admin/benutzer")
    async def users(request: Request, user: SessionUser = Depends(require_roles("admin"))):
        return render(request, "users.html", accounts=app.accounts.list(), roles=[r.value for r in Role],
                      message=request.query_params.get("msg"))

    @router.post("/admin/benutzer")
    async def change_user(request: Request, action: str = Form(...), username: str = Form(...),
                          role: str = Form("staff"), department: str = Form(""), csrf: str = Form(""),
                          user: SessionUser = Depends(require_roles("admin"))):
        verify_csrf(request, csrf)
        username = username.strip()
        try:
            if action == "add":
                password = generate_password()
                app.accounts.add(username, password, Role(role))
                if department.strip():
                    app.accounts.set_department(username, department.strip())
                app.audit.record(user.identifier, "users", "add", username, f"role={role}")
                return render(request, "users.html", accounts=app.accounts.list(), roles=[r.value for r in Role],
                              created=(username, password))
            if action == "disable":
                if username == user.identifier:
                    raise AccountError("Sie können Ihr eigenes Konto nicht sperren.")
                app.accounts.disable(username)
                app.audit.record(user.identifier, "users", "disable", username)
            elif action == "set-role":
                app.accounts.set_role(username, Role(role))
                app.audit.record(user.identifier, "users", "set-role", username, f"role={role}")
            elif action == "set-department":
                app.accounts.set_department(username, department.strip())
                app.audit.record(user.identifier, "users", "set-department", username)
            else:
                raise HTTPException(status_code=400, detail="Unbekannte Aktion.")
        except (AccountError, ValueError) as exc:
            return render(request, "users.html", status_code=400, accounts=app.accounts.list(),
                          roles=[r.value for r in Role], error=str(exc))
        return RedirectResponse("/admin/benutzer?msg=gespeichert", status_code=303)

    @router.get("/transparenz")
    async def transparency(request: Request):
        if session_user(request) is None:
            raise HTTPException(status_code=401, detail="Bitte melden Sie sich an.")
        inventory = build_inventory(app.settings)
        return render(request, "transparency.html", inventory=inventory, record=processing_record(inventory),
                      sqlite=app.settings.db_url.startswith("sqlite"),
                      session_hours=app.settings.server.session_hours)

    @router.get("/transparenz.json")
    async def transparency_record(request: Request):
        """The record of processing activities (Art. 30 GDPR), generated from the same inventory as the page."""
        if session_user(request) is None:
            raise HTTPException(status_code=401, detail="Bitte melden Sie sich an.")
        return JSONResponse(processing_record(build_inventory(app.settings)))

    return router
