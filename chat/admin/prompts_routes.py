"""Admin pages of the prompt library ("Promptbibliothek") and the consultation hours ("KI-Sprechstunden").

File prompts are shown read-only (they are maintained in ``onboarding/prompts/``); prompts proposed in the
chat are reviewed, edited (each save is a new version), published and retired here. Every change goes to the
audit log. Consultation sessions are opened and closed here; their ratings are shown only as aggregates and
exported as Markdown or CSV.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from chat import onboarding_messages as texts
from chat.admin import SessionUser, render, require_roles, verify_csrf
from chat.admin.pages import add_navigation
from chat.consultation_export import export_csv, export_markdown
from chat.onboarding_store import PromptDraft, PromptValidationError, default_label
from chat.wiring import SafeGPT
from onboarding import PromptVariable


def _variables_text(variables) -> str:
    return "\n".join(f"{v.name}: {v.label}" + ("" if v.required else " (optional)") for v in variables)


def _parse_variables(text: str) -> tuple[PromptVariable, ...]:
    """Lines ``name: Frage`` (``(optional)`` at the end makes it optional); unknown names are ignored later."""
    result = []
    for line in text.splitlines():
        name, _, label = line.partition(":")
        name, label = name.strip(), label.strip()
        if not name:
            continue
        required = True
        if label.endswith("(optional)"):
            required, label = False, label[: -len("(optional)")].strip()
        result.append(PromptVariable(name, label or default_label(name), "", required, False))
    return tuple(result)


def make_prompts_router(app: SafeGPT) -> APIRouter:
    router = APIRouter(prefix="/admin/prompts")
    add_navigation("/admin/prompts", "Promptbibliothek", ("admin",))
    area = app.onboarding
    admin = require_roles("admin")

    def page(request: Request, **extra):
        stored = area.prompt_store.list()
        rows = [(s, area.prompt_store.as_prompt(s, s.current_version)) for s in stored]
        return render(request, "prompts.html", files=area.files.all(), stored=rows, labels=texts.STATUS_LABELS,
                      **extra)

    @router.get("/")
    async def overview(request: Request, user: SessionUser = Depends(admin)):
        return page(request, message=request.query_params.get("msg"))

    def _stored_or_404(prompt_id: str):
        stored = area.prompt_store.get(prompt_id)
        if stored is None:
            raise HTTPException(status_code=404, detail="Diesen Prompt gibt es nicht.")
        return stored

    def edit_page(request: Request, prompt_id: str, status_code: int = 200, **extra):
        stored = _stored_or_404(prompt_id)
        history = area.prompt_store.history(prompt_id)
        current = history[0].draft
        return render(request, "prompt_edit.html", status_code=status_code, stored=stored, current=current,
                      variables=_variables_text(current.variables), history=history, labels=texts.STATUS_LABELS,
                      changes=texts.CHANGE_LABELS, **extra)

    @router.get("/{prompt_id}")
    async def edit_form(request: Request, prompt_id: str, user: SessionUser = Depends(admin)):
        return edit_page(request, prompt_id, message=request.query_params.get("msg"))

    @router.post("/{prompt_id}")
    async def save(request: Request, prompt_id: str, title: str = Form(...), category: str = Form(...),
                   description: str = Form(...), template: str = Form(...), variables: str = Form(""),
                   author_role: str = Form(""), csrf: str = Form(""), user: SessionUser = Depends(admin)):
        verify_csrf(request, csrf)
        _stored_or_404(prompt_id)
        draft = PromptDraft(title, category, description, template.replace("\r\n", "\n"),
                            _parse_variables(variables), author_role)
        try:
            version = area.prompt_store.edit(prompt_id, draft)
        except PromptValidationError as exc:
            return edit_page(request, prompt_id, status_code=400, error=str(exc))
        app.audit.record(user.identifier, "prompts", "edit", prompt_id, f"Version {version}")
        return RedirectResponse(f"/admin/prompts/{prompt_id}?msg=gespeichert", status_code=303)

    @router.post("/{prompt_id}/status")
    async def change_status(request: Request, prompt_id: str, action: str = Form(...), csrf: str = Form(""),
                            user: SessionUser = Depends(admin)):
        verify_csrf(request, csrf)
        _stored_or_404(prompt_id)
        if action == "publish":
            version = area.prompt_store.publish(prompt_id)
            app.audit.record(user.identifier, "prompts", "publish", prompt_id, f"Version {version}")
        elif action == "retire":
            area.prompt_store.retire(prompt_id)
            app.audit.record(user.identifier, "prompts", "retire", prompt_id)
        else:
            raise HTTPException(status_code=400, detail="Unbekannte Aktion.")
        return RedirectResponse("/admin/prompts/?msg=" + action, status_code=303)

    return router


def make_consultation_router(app: SafeGPT) -> APIRouter:
    router = APIRouter(prefix="/admin/sprechstunden")
    add_navigation("/admin/sprechstunden", "KI-Sprechstunden", ("admin",))
    area = app.onboarding
    admin = require_roles("admin")

    @router.get("/")
    async def overview(request: Request, user: SessionUser = Depends(admin)):
        sessions = area.consultations.list()
        counts = {s.id: area.consultations.count(s.id) for s in sessions}
        return render(request, "consultations.html", sessions=sessions, counts=counts,
                      prompts=area.catalog.published(), k=area.consultations.min_ratings,
                      message=request.query_params.get("msg"))

    @router.post("/")
    async def open_session(request: Request, title: str = Form(""), prompt_ids: list[str] = Form([]),
                           csrf: str = Form(""), user: SessionUser = Depends(admin)):
        verify_csrf(request, csrf)
        known = [p for p in prompt_ids if area.catalog.get(p) is not None]
        if not title.strip() or not known:
            return render(request, "consultations.html", status_code=400, sessions=area.consultations.list(),
                          counts={}, prompts=area.catalog.published(), k=area.consultations.min_ratings,
                          error="Bitte einen Titel angeben und mindestens eine Vorlage wählen.")
        session_id = area.consultations.open(title, known)
        app.audit.record(user.identifier, "consultations", "open", f"Sprechstunde {session_id}",
                         f"{len(known)} Vorlagen")
        return RedirectResponse(f"/admin/sprechstunden/{session_id}", status_code=303)

    def _session_or_404(session_id: int):
        session = area.consultations.get(session_id)
        if session is None:
            raise HTTPException(status_code=404, detail="Diese Sprechstunde gibt es nicht.")
        return session

    def lookup(prompt_id: str):
        prompt = area.catalog.get(prompt_id)
        if prompt is None and (stored := area.prompt_store.get(prompt_id)) is not None:
            prompt = area.prompt_store.as_prompt(stored)
        return prompt or area.files.get(prompt_id)

    @router.get("/{session_id}")
    async def detail(request: Request, session_id: int, user: SessionUser = Depends(admin)):
        session = _session_or_404(session_id)
        summaries = area.consultations.summaries(session_id)
        return render(request, "consultation.html", session=session, summaries=summaries, lookup=lookup,
                      k=area.consultations.min_ratings, total=area.consultations.count(session_id))

    @router.post("/{session_id}/close")
    async def close(request: Request, session_id: int, csrf: str = Form(""), user: SessionUser = Depends(admin)):
        verify_csrf(request, csrf)
        _session_or_404(session_id)
        area.consultations.close(session_id)
        app.audit.record(user.identifier, "consultations", "close", f"Sprechstunde {session_id}")
        return RedirectResponse(f"/admin/sprechstunden/{session_id}", status_code=303)

    @router.get("/{session_id}/export.md")
    async def export_md(session_id: int, user: SessionUser = Depends(admin)) -> Response:
        session = _session_or_404(session_id)
        return PlainTextResponse(export_markdown(area.consultations, session, lookup), media_type="text/markdown",
                                 headers={"Content-Disposition": f'attachment; filename="sprechstunde-{session_id}.md"'})

    @router.get("/{session_id}/export.csv")
    async def export_table(session_id: int, user: SessionUser = Depends(admin)) -> Response:
        session = _session_or_404(session_id)
        return Response(export_csv(area.consultations, session, lookup), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="sprechstunde-{session_id}.csv"'})

    return router
