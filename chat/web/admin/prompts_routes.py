"""Admin pages of the prompt library ("Promptbibliothek") and the consultation hours ("KI-Sprechstunden").

Admins add prompts here, review prompts proposed in the chat, edit them (each save is a new version),
publish and retire them. File prompts (``onboarding/prompts/``) can be edited too: the edit is stored as a
database version that overrides the file once published; the file stays unchanged and "Zur Datei-Version
zurückkehren" brings it back. Every change goes to the audit log. Consultation sessions are opened and closed
here; their ratings are shown only as aggregates and exported as Markdown or CSV.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from chat.web.admin import SessionUser, render, require_roles, verify_csrf
from chat.web.admin.pages import add_navigation
from chat.wiring import SafeGPT
from onboarding import Prompt, PromptVariable
from onboarding import chat_messages as texts
from onboarding.consultation_export import export_csv, export_markdown
from onboarding.store import PromptDraft, PromptValidationError, StoredPrompt, default_label

#: Path of the "new prompt" form; never given to a prompt as its id.
NEW = "neu"


def _variables_text(variables) -> str:
    return "\n".join(f"{v.name}: {v.label}" + ("" if v.required else " (optional)") for v in variables)


def _parse_variables(text: str, known: Iterable[PromptVariable] = ()) -> tuple[PromptVariable, ...]:
    """Lines ``name: Frage`` (``(optional)`` at the end makes it optional); unknown names are ignored later.

    Example and text-area flag of a variable that already exists (``known``) are kept: the form edits only
    the question and whether an answer is required.
    """
    by_name = {v.name: v for v in known}
    result = []
    for line in text.splitlines():
        name, _, label = line.partition(":")
        name, label = name.strip(), label.strip()
        if not name:
            continue
        required = True
        if label.endswith("(optional)"):
            required, label = False, label[: -len("(optional)")].strip()
        old = by_name.get(name)
        result.append(PromptVariable(name, label or default_label(name), old.example if old else "", required,
                                     old.multiline if old else False))
    return tuple(result)


def _draft(title: str, category: str, description: str, template: str, variables: str, author_role: str,
           known: Iterable[PromptVariable] = ()) -> PromptDraft:
    return PromptDraft(title, category, description, template.replace("\r\n", "\n"),
                       _parse_variables(variables, known), author_role)


def make_prompts_router(app: SafeGPT) -> APIRouter:
    router = APIRouter(prefix="/admin/prompts")
    add_navigation("/admin/prompts", "Promptbibliothek", ("admin",))
    area = app.onboarding
    admin = require_roles("admin")

    def page(request: Request, **extra):
        taken = area.catalog.taken_ids()
        stored = [s for s in area.prompt_store.list() if s.prompt_id not in taken]
        rows = [(s, area.prompt_store.as_prompt(s, s.current_version)) for s in stored]
        return render(request, "prompts.html", files=area.catalog.overrides(), stored=rows,
                      labels=texts.STATUS_LABELS, sources=texts.SOURCE_LABELS, **extra)

    @router.get("/")
    async def overview(request: Request, user: SessionUser = Depends(admin)):
        return page(request, message=request.query_params.get("msg"))

    def new_page(request: Request, status_code: int = 200, **extra):
        return render(request, "prompt_new.html", status_code=status_code, **extra)

    @router.get("/" + NEW)
    async def new_form(request: Request, user: SessionUser = Depends(admin)):
        return new_page(request, current=PromptDraft("", "", "", "", (), "Redaktion"), variables="",
                        categories=area.catalog.categories())

    @router.post("/" + NEW)
    async def create(request: Request, title: str = Form(""), category: str = Form(""), description: str = Form(""),
                     template: str = Form(""), variables: str = Form(""), author_role: str = Form(""),
                     publish: str = Form(""), csrf: str = Form(""), user: SessionUser = Depends(admin)):
        verify_csrf(request, csrf)
        draft = _draft(title, category, description, template, variables, author_role)
        try:
            prompt_id = area.prompt_store.create(draft, area.catalog.taken_ids() | {NEW}, publish=bool(publish))
        except PromptValidationError as exc:
            return new_page(request, status_code=400, error=str(exc), current=draft, variables=variables,
                            categories=area.catalog.categories())
        app.audit.record(user.identifier, "prompts", "create", prompt_id, "Version 1")
        if publish:
            app.audit.record(user.identifier, "prompts", "publish", prompt_id, "Version 1")
        return RedirectResponse(f"/admin/prompts/{prompt_id}?msg=angelegt", status_code=303)

    def _entry_or_404(prompt_id: str) -> tuple[StoredPrompt | None, Prompt | None]:
        """(database entry, file prompt) – at least one exists."""
        stored, file = area.prompt_store.get(prompt_id), area.files.get(prompt_id)
        if stored is None and file is None:
            raise HTTPException(status_code=404, detail="Diesen Prompt gibt es nicht.")
        return stored, file

    def edit_page(request: Request, prompt_id: str, status_code: int = 200, **extra):
        stored, file = _entry_or_404(prompt_id)
        history = area.prompt_store.history(prompt_id)
        current = history[0].draft if history else PromptDraft(file.title, file.category, file.description,
                                                               file.template, file.variables, file.author_role)
        state = next((o for o in area.catalog.overrides() if o.file.id == prompt_id), None)
        return render(request, "prompt_edit.html", status_code=status_code, prompt_id=prompt_id, stored=stored,
                      file=file, state=state, current=current, variables=_variables_text(current.variables),
                      history=history, labels=texts.STATUS_LABELS, changes=texts.CHANGE_LABELS,
                      sources=texts.SOURCE_LABELS, **extra)

    @router.get("/{prompt_id}")
    async def edit_form(request: Request, prompt_id: str, user: SessionUser = Depends(admin)):
        return edit_page(request, prompt_id, message=request.query_params.get("msg"))

    @router.post("/{prompt_id}")
    async def save(request: Request, prompt_id: str, title: str = Form(...), category: str = Form(...),
                   description: str = Form(...), template: str = Form(...), variables: str = Form(""),
                   author_role: str = Form(""), csrf: str = Form(""), user: SessionUser = Depends(admin)):
        verify_csrf(request, csrf)
        stored, file = _entry_or_404(prompt_id)
        history = area.prompt_store.history(prompt_id)
        known = history[0].draft.variables if history else file.variables
        draft = _draft(title, category, description, template, variables, author_role, known)
        try:
            version = area.prompt_store.edit(prompt_id, draft, base=file)
        except PromptValidationError as exc:
            return edit_page(request, prompt_id, status_code=400, error=str(exc))
        app.audit.record(user.identifier, "prompts", "edit", prompt_id, f"Version {version}")
        return RedirectResponse(f"/admin/prompts/{prompt_id}?msg=gespeichert", status_code=303)

    @router.post("/{prompt_id}/status")
    async def change_status(request: Request, prompt_id: str, action: str = Form(...), csrf: str = Form(""),
                            user: SessionUser = Depends(admin)):
        verify_csrf(request, csrf)
        stored, file = _entry_or_404(prompt_id)
        if action == "publish" and stored is not None:
            version = area.prompt_store.publish(prompt_id)
            app.audit.record(user.identifier, "prompts", "publish", prompt_id, f"Version {version}")
        elif action == "retire":
            area.prompt_store.retire(prompt_id, base=file)
            app.audit.record(user.identifier, "prompts", "retire", prompt_id)
        elif action == "revert" and stored is not None and file is not None:
            area.prompt_store.revert(prompt_id)
            app.audit.record(user.identifier, "prompts", "revert", prompt_id, f"Datei-Version {file.version}")
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
