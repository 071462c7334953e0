"""``/admin/wissen``: the knowledge base for admins — list, upload, replace, delete, re-index, show passages.

Every route (GET and POST) requires the admin role on the server; staff and analysts get 403. Changes go
through :class:`knowledge.curation.Curator`: client-data check before indexing (client data: a confirmation
step showing each finding with the words around it; the organisation's own contact data: shown as information),
audit log entry with the admin's name. Uploads never use the client's path (see ``kb_ingest``).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from chat.core import upload_messages as upload_texts
from chat.web.admin.auth import SessionUser, require_roles, verify_csrf
from chat.web.admin.pages import add_navigation, render
from chat.web.security.body_limit import limited_receive
from guardrails.messages import SPECIAL_CATEGORY_LABELS
from knowledge import messages as kb_messages
from knowledge.curation import (
    PersonalDataNotConfirmed,
    UploadError,
    UploadTooLarge,
    is_disk_full,
    safe_file_name,
    stored_original,
)
from knowledge.errors import StorageFull

PREFIX = "/admin/wissen"
_admin = require_roles("admin")
_METADATA_FIELDS = ("title", "version", "owner", "valid_until", "audience")
_COPY_CHUNK = 1024 * 1024
# The form fields beside the file (CSRF token, title, version …, each cut to 200 characters) and the framing.
_FORM_OVERHEAD = 256 * 1024


def make_knowledge_router(app) -> APIRouter:
    """Routes for ``app`` (a wired :class:`chat.wiring.SafeGPT`); registers the navigation link."""
    from knowledge import DocumentNotFound, KnowledgeError
    from knowledge.parsers import SUPPORTED_SUFFIXES

    add_navigation(PREFIX, kb_messages.KB_NAV_LABEL, ("admin",))
    router = APIRouter(prefix=PREFIX, dependencies=[Depends(_admin)])
    curator = app.curator
    settings = app.settings.knowledge_ingest

    def documents():
        return app.knowledge.list_documents()

    async def list_page(request: Request, *, message: str | None = None, error: str | None = None,
                        status_code: int = 200, information=()):
        docs, stats = await asyncio.to_thread(lambda: (documents(), app.knowledge.stats()))
        return render(request, "knowledge_list.html", status_code=status_code, documents=docs, stats=stats,
                      message=message, error=error, outbound=app.knowledge.outbound_notice(),
                      information=information, category_labels=SPECIAL_CATEGORY_LABELS,
                      accept=",".join(SUPPORTED_SUFFIXES),
                      suffixes=", ".join(SUPPORTED_SUFFIXES), max_mb=settings.max_upload_mb)

    def document_or_404(doc_id: str):
        try:
            return app.knowledge.get(doc_id)
        except DocumentNotFound:
            raise HTTPException(status_code=404, detail=kb_messages.KB_DOC_NOT_FOUND) from None

    async def receive(request: Request, user: SessionUser, replaces=None):
        """Store the upload, check it, and either index it or ask for confirmation. Nothing half-done:
        every failure deletes the upload and leaves the knowledge base unchanged."""
        async def refuse(error: str, status: int):
            if replaces is not None:
                return await document_page(request, replaces.doc_id, error=error, status_code=status)
            return await list_page(request, error=error, status_code=status)

        # Too large bodies are refused from their declared size before a byte is read; a body without a declared
        # size is counted while it is parsed and stopped at the limit. Near the limit the exact check below
        # gives the same German message.
        too_large = kb_messages.KB_UPLOAD_TOO_LARGE.format(limit=f"{settings.max_upload_mb:g}")
        max_body = settings.max_upload_bytes + _FORM_OVERHEAD
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_body:
            return await refuse(too_large, 413)
        try:
            receive = limited_receive(request.receive, max_body, lambda: UploadTooLarge(too_large))
            form = await Request(request.scope, receive).form()
        except UploadTooLarge as exc:
            return await refuse(str(exc), 413)
        except StarletteHTTPException as exc:  # Starlette's English "Invalid multipart data." (e.g. 6 KB file name)
            if exc.status_code != 400:
                raise
            return await refuse(upload_texts.FORM_UNREADABLE, 400)
        verify_csrf(request, form.get("csrf"))
        upload = form.get("datei")
        metadata = {k: str(form.get(k) or "").strip()[:200] for k in _METADATA_FIELDS}
        token = None
        try:
            if not isinstance(upload, UploadFile) or not upload.filename:
                raise UploadError(kb_messages.KB_UPLOAD_EMPTY)
            name = safe_file_name(upload.filename, SUPPORTED_SUFFIXES)
            if replaces is not None:
                suffix = Path(replaces.source_file).suffix.lower()
                if Path(name).suffix != suffix:
                    raise UploadError(kb_messages.KB_REPLACE_SUFFIX.format(suffix=suffix))
                name = replaces.source_file  # same name = new version of that document (knowledge's rule)
            token, folder = curator.new_upload_dir()
            path = folder / name
            await _copy_limited(upload, path, settings.max_upload_bytes, settings.max_upload_mb)
            try:
                _, report = await asyncio.to_thread(curator.scan_file, path)
            except KnowledgeError as exc:
                raise UploadError(kb_messages.KB_UPLOAD_FAILED.format(error=exc)) from None
            if curator.needs_confirmation(report):
                curator.keep_pending(token, path, user.identifier, replaces.doc_id if replaces else None,
                                     metadata, report)
                pending_token, token = token, None  # kept for the confirmation step
                return render(request, "knowledge_confirm.html", report=report, token=pending_token, name=name,
                              category_labels=SPECIAL_CATEGORY_LABELS,
                              replaces=replaces)
            return await index(request, user, path, metadata, confirmed=False)
        except UploadError as exc:
            return await refuse(str(exc), 413 if isinstance(exc, UploadTooLarge) else 400)
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            name = Path(str(getattr(upload, "filename", "") or "")).name[:100]
            return await refuse(kb_messages.KB_UPLOAD_FAILED.format(error=kb_messages.STORAGE_FULL.format(name=name)), 507)
        finally:
            if token is not None:
                curator.discard(token)
            if isinstance(upload, UploadFile):
                await upload.close()

    async def index(request: Request, user: SessionUser, path: Path, metadata: dict[str, str], *,
                    confirmed: bool):
        try:
            outcome = await asyncio.to_thread(
                curator.add, path, user.identifier, confirm=lambda report: confirmed, **metadata)
        except PersonalDataNotConfirmed as exc:
            return await list_page(request, error=str(exc), status_code=400)
        except KnowledgeError as exc:
            status = 507 if isinstance(exc, StorageFull) else 400
            return await list_page(request, error=kb_messages.KB_UPLOAD_FAILED.format(error=exc), status_code=status)
        info = outcome.info
        template = kb_messages.KB_REPLACED if outcome.replaced else kb_messages.KB_ADDED
        # The organisation's own contact data found in the document: shown once, here, with its context.
        return await list_page(request, message=template.format(
            title=info.title, source_file=info.source_file, version=info.version, chunks=info.chunk_count),
            information=outcome.report.information)

    async def document_page(request: Request, doc_id: str, *, error: str | None = None, status_code: int = 200):
        info = document_or_404(doc_id)

        def passages():
            original = stored_original(app.knowledge, info.doc_id, info.source_file)
            if original is None:
                return None
            try:
                return app.knowledge.preview(original).chunks
            except KnowledgeError:
                return None

        chunks = await asyncio.to_thread(passages)
        return render(request, "knowledge_document.html", status_code=status_code, doc=info, chunks=chunks,
                      error=error, max_mb=settings.max_upload_mb,
                      accept=Path(info.source_file).suffix.lower())

    @router.get("")
    @router.get("/")
    async def overview(request: Request):
        return await list_page(request)

    @router.post("/hochladen")
    async def upload(request: Request, user: SessionUser = Depends(_admin)):
        return await receive(request, user)

    @router.post("/bestaetigen")
    async def confirm(request: Request, user: SessionUser = Depends(_admin)):
        form = await request.form()
        verify_csrf(request, form.get("csrf"))
        token = str(form.get("token") or "")
        pending = curator.pending(token)
        if pending is None:
            return await list_page(request, error=kb_messages.KB_PENDING_GONE, status_code=400)
        path, state = pending
        try:
            if form.get("entscheidung") != "aufnehmen":
                app.audit.record(user.identifier, "knowledge", "add-cancelled", path.name[:255],
                                 str(state.get("summary", ""))[:500])
                return await list_page(request, message=kb_messages.KB_CANCELLED.format(name=path.name))
            metadata = {k: str(v) for k, v in dict(state.get("metadata", {})).items() if k in _METADATA_FIELDS}
            return await index(request, user, path, metadata, confirmed=True)
        finally:
            curator.discard(token)

    @router.post("/neu-indexieren")
    async def reindex(request: Request, user: SessionUser = Depends(_admin)):
        form = await request.form()
        verify_csrf(request, form.get("csrf"))
        try:
            total = await asyncio.to_thread(curator.reindex, user.identifier)
        except KnowledgeError as exc:
            return await list_page(request, error=str(exc), status_code=400)
        return await list_page(request, message=kb_messages.KB_REINDEXED.format(chunks=total))

    @router.get("/dokument/{doc_id}")
    async def show(request: Request, doc_id: str):
        return await document_page(request, doc_id)

    @router.post("/dokument/{doc_id}/ersetzen")
    async def replace(request: Request, doc_id: str, user: SessionUser = Depends(_admin)):
        return await receive(request, user, replaces=document_or_404(doc_id))

    @router.get("/dokument/{doc_id}/loeschen")
    async def delete_question(request: Request, doc_id: str):
        return render(request, "knowledge_delete.html", doc=document_or_404(doc_id))

    @router.post("/dokument/{doc_id}/loeschen")
    async def delete(request: Request, doc_id: str, user: SessionUser = Depends(_admin)):
        form = await request.form()
        verify_csrf(request, form.get("csrf"))
        info = document_or_404(doc_id)
        try:
            count = await asyncio.to_thread(curator.remove, doc_id, user.identifier)
        except KnowledgeError as exc:
            return await list_page(request, error=str(exc), status_code=400)
        return await list_page(request, message=kb_messages.KB_REMOVED.format(title=info.title, chunks=count))

    return router


async def _copy_limited(upload: UploadFile, target: Path, limit: int, limit_mb: float) -> None:
    """Copy the upload in pieces and stop as soon as it exceeds ``limit`` bytes."""
    size = 0
    with target.open("wb") as out:
        while piece := await upload.read(_COPY_CHUNK):
            size += len(piece)
            if size > limit:
                raise UploadTooLarge(kb_messages.KB_UPLOAD_TOO_LARGE.format(limit=f"{limit_mb:g}"))
            out.write(piece)
