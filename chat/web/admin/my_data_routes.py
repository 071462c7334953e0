"""``/meine-daten``: every logged-in person sees their own stored chats and deletes one or all of them.

Only ever the caller's own chats: the author is taken from the login, never from the form. Forms carry the
CSRF token of the admin pages. Chainlit's sidebar deletes single chats through the same data layer.
"""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chat.web.admin import SessionUser, render, require_roles, verify_csrf
from chat.web.admin.pages import MY_CHATS_PAGE, add_navigation
from chat.wiring import SafeGPT

PATH, LABEL = MY_CHATS_PAGE
ANY_ROLE = ("staff", "admin", "analyst")


def make_my_data_router(app: SafeGPT) -> APIRouter:
    router = APIRouter()
    if app.settings.history.enabled:  # without a history the page only says that nothing is kept
        add_navigation(PATH, LABEL, ANY_ROLE)
    signed_in = require_roles(*ANY_ROLE)

    @router.get(PATH)
    async def my_data(request: Request, user: SessionUser = Depends(signed_in)):
        history = app.history
        threads = await asyncio.to_thread(history.threads_of, user.identifier) if history is not None else []
        return render(request, "my_data.html", history=history is not None, threads=threads,
                      retention_days=app.settings.history.retention_days,
                      deleted=request.query_params.get("geloescht"))

    @router.post(PATH + "/loeschen")
    async def delete_one(request: Request, thread_id: str = Form(...), csrf: str = Form(""),
                         user: SessionUser = Depends(signed_in)):
        verify_csrf(request, csrf)
        count = 0
        if app.history is not None:
            count = await asyncio.to_thread(app.history.delete_threads_of, user.identifier, [thread_id])
        return RedirectResponse(f"{PATH}?geloescht={count}", status_code=303)

    @router.post(PATH + "/alle-loeschen")
    async def delete_all(request: Request, csrf: str = Form(""), bestaetigt: str = Form(""),
                         user: SessionUser = Depends(signed_in)):
        verify_csrf(request, csrf)
        if bestaetigt != "ja":
            return RedirectResponse(f"{PATH}?geloescht=unbestaetigt", status_code=303)
        count = 0
        if app.history is not None:
            count = await asyncio.to_thread(app.history.delete_threads_of, user.identifier)
        return RedirectResponse(f"{PATH}?geloescht={count}", status_code=303)

    return router
