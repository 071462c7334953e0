"""The HTTP server: FastAPI with health routes, Chainlit mounted under ``/chat``."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shutil
import time
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import JSONResponse, RedirectResponse

from chat.wiring import SafeGPT

# The Chainlit side lives in chat/ui; create_app registers its handlers (chat.ui.chainlit_app.register) once
# Chainlit's environment is set. The template folder holds its config, translations and public files.
UI_TEMPLATE = Path(__file__).resolve().parent.parent / "ui"
_OUTSIDE_LINK = re.compile(r"<link[^>]+href=\"https?://[^\"]+\"[^>]*/?>\s*", re.IGNORECASE)


def prepare_chainlit_root(app: SafeGPT) -> Path:
    """Write Chainlit's app root (config, translations, readme) under the data dir from our template.

    Chainlit reads its config from ``$CHAINLIT_APP_ROOT/.chainlit`` and stores uploads below that root,
    so it belongs in the data directory, regenerated from the settings at each start.
    """
    settings = app.settings
    root = settings.data_dir / "chainlit"
    config_dir = root / ".chainlit"
    (config_dir / "translations").mkdir(parents=True, exist_ok=True)
    for f in (UI_TEMPLATE / "translations").iterdir():
        shutil.copy2(f, config_dir / "translations" / f.name)
    for name in ("chainlit.md", "chainlit_de-DE.md"):
        shutil.copy2(UI_TEMPLATE / name, root / name)
    (root / "public").mkdir(exist_ok=True)
    for f in (UI_TEMPLATE / "public").iterdir():  # the accessibility layer named in the config (custom_js/css)
        shutil.copy2(f, root / "public" / f.name)
    template = (UI_TEMPLATE / "config.toml.template").read_text(encoding="utf-8")
    config = (
        template.replace("{user_session_timeout}", str(int(settings.server.session_hours * 3600)))
        .replace("{allow_origins}", json.dumps(settings.server.allowed_origins))
        .replace("{language}", settings.chat.language)
        .replace("{header_links}", _header_links(app))
    )
    (config_dir / "config.toml").write_text(config, encoding="utf-8")
    return root


def _header_links(app: SafeGPT) -> str:
    """Links in the chat's header to the pages every user may read: what is stored, and their own chats."""
    from chat.web.admin.pages import MY_CHATS_PAGE, TRANSPARENCY_PAGE

    pages = [TRANSPARENCY_PAGE] + ([MY_CHATS_PAGE] if app.settings.history.enabled else [])
    icon = app.settings.server.chat_path + "/favicon"
    return "\n".join(f"[[UI.header_links]]\nname = {json.dumps(label)}\ndisplay_name = {json.dumps(label)}\n"
                     f"icon_url = {json.dumps(icon)}\nurl = {json.dumps(path)}\ntarget = \"_self\"\n"
                     for path, label in pages)


def auth_secret(app: SafeGPT) -> str:
    """``CHAINLIT_AUTH_SECRET`` from the environment, else a random one kept 0600 in the data dir."""
    from chat.store.secret_files import login_signing_key

    return login_signing_key(app.settings.data_dir)


def _adapt_page_template(language: str) -> None:
    """Chainlit's page makes the browser load Google Fonts and a jsdelivr stylesheet; remove both (GDPR).
    It also declares ``lang="en"`` whatever the UI language: screen readers would read German with English
    pronunciation (WCAG 3.1.1), so the page gets the configured language."""
    import chainlit.server as cl_server

    original = getattr(cl_server.get_html_template, "__wrapped__", cl_server.get_html_template)
    lang = f'<html lang="{language.split("-")[0]}"'

    def local_only(root_path):
        html = original(root_path)
        return _OUTSIDE_LINK.sub("", html).replace('<html lang="en"', lang, 1)

    local_only.__wrapped__ = original
    cl_server.get_html_template = local_only


def create_app(app: SafeGPT) -> FastAPI:
    """Wire everything and return the ASGI app. Must run before anything imports ``chainlit``."""
    root = prepare_chainlit_root(app)
    os.environ["CHAINLIT_APP_ROOT"] = str(root)
    os.environ["CHAINLIT_AUTH_SECRET"] = auth_secret(app)
    os.environ.setdefault("CHAINLIT_TELEMETRY", "false")
    # The login cookie must reach /admin too, not only /chat.
    os.environ.setdefault("CHAINLIT_AUTH_COOKIE_PATH", "/")
    from chat.web.security.install import install_security, prepare_environment

    prepare_environment(app)  # cookie flags: Chainlit reads them once at import

    import chainlit.config

    if Path(chainlit.config.APP_ROOT).resolve() != root.resolve():
        raise RuntimeError("chainlit was imported before the server set CHAINLIT_APP_ROOT")
    from chainlit.utils import mount_chainlit

    _adapt_page_template(app.settings.chat.language)
    # Chainlit would otherwise store chats in plain text wherever these point.
    for variable in ("DATABASE_URL", "LITERAL_API_KEY"):
        os.environ.pop(variable, None)
    import chainlit as cl

    if app.history is not None:
        cl.data_layer(lambda: app.history)
    api = FastAPI(title="SafeGPT", docs_url=None, redoc_url=None, openapi_url=None, lifespan=_lifespan(app, root))
    # What the admin routes need, handed to them through the request (chat/web/admin/auth.py), not a global.
    api.state.safegpt = app
    api.state.auth_secret = os.environ["CHAINLIT_AUTH_SECRET"]
    chat_path = app.settings.server.chat_path

    @api.get("/", include_in_schema=False)
    async def index():
        return RedirectResponse(chat_path + "/")

    @api.get("/healthz", include_in_schema=False)
    async def healthz():
        return {"status": "ok"}

    @api.get("/readyz", include_in_schema=False)
    async def readyz():
        from chat.web.readiness import readiness

        result = await readiness(app)
        # Until the warm-up has run (or failed: the checks then say what is down), the first users would wait for
        # models to load: not ready yet.
        warm_up = getattr(api.state, "warm_up", None)
        warmed_up = warm_up is not None and warm_up.done()
        result["checks"]["warmed_up"] = warmed_up
        result["ready"] = result["ready"] and warmed_up
        return JSONResponse(result, status_code=200 if result["ready"] else 503)

    from chat.web.api.routes import make_api_router

    api.include_router(make_api_router(app))  # /v1: guarded OpenAI-compatible API (docs/API.md)
    from chat.web.admin.routes import install_error_pages, make_admin_router

    install_error_pages(api)
    api.include_router(make_admin_router())
    from chat.web.admin.knowledge_routes import make_knowledge_router

    api.include_router(make_knowledge_router(app))  # /admin/wissen: knowledge base (issue 5)
    from chat.web.admin.governance_routes import make_governance_router
    from chat.web.usage_routes import make_usage_router

    api.include_router(make_usage_router(app))
    api.include_router(make_governance_router(app))
    from chat.web.admin.my_data_routes import make_my_data_router

    api.include_router(make_my_data_router(app))  # /meine-daten: one's own chats, to see and delete
    from chat.web.accessibility.routes import make_accessibility_router

    api.include_router(make_accessibility_router(app))  # /barrierefreiheit: accessibility statement (BITV 2.0)
    # Rules of use and prompt library are checked now: a broken file stops the start (file, line, field).
    app.onboarding
    from chat.web.admin.prompts_routes import make_consultation_router, make_prompts_router

    api.include_router(make_prompts_router(app))
    api.include_router(make_consultation_router(app))

    @api.api_route(chat_path + "/project/share/{thread_id:path}", methods=["GET"], include_in_schema=False)
    @api.api_route(chat_path + "/project/thread/share", methods=["PUT"], include_in_schema=False)
    async def no_thread_sharing():
        # Chainlit 2.12 can mark a thread "shared" and then show it to every logged-in user. A chat is its
        # author's alone (works council agreement): these routes do not exist here.
        return JSONResponse({"detail": "Not Found"}, status_code=404)

    from chat.ui.chainlit_app import register  # imports Chainlit: only now that its environment is set

    register(app)
    mount_chainlit(app=api, target=str(UI_TEMPLATE / "chainlit_target.py"), path=chat_path)
    install_security(api, app)  # login lockout, security headers, Secure cookies (chat/web/security)
    return api


def _live_session_ids() -> list[str]:
    """Chainlit sessions this process serves (their upload folders may hold a file about to be sent)."""
    from chainlit.session import ws_sessions_id

    return list(ws_sessions_id)


def _lifespan(app: SafeGPT, chainlit_root: Path):
    """Background work of a running server: warm-up, retention (old chats, left-behind session files) and history
    upkeep, stopped when the server stops."""

    @contextlib.asynccontextmanager
    async def lifespan(api: FastAPI):
        # Guardrail, embedding model, LiteLLM and in-process models load now, not in the first answer.
        api.state.warm_up = asyncio.create_task(_warm_up(app))  # /readyz waits for it
        tasks = [api.state.warm_up,
                 asyncio.create_task(_apply_retention_regularly(app, chainlit_root))]
        from chat.web.upload_sweep import sweep_regularly

        # Files uploaded but never sent (a closed tab, a crash): swept at start and then regularly.
        tasks.append(asyncio.create_task(sweep_regularly(
            app.settings.data_dir / "chainlit" / ".files", _live_session_ids, app.settings.chat.upload_sweep_seconds)))
        if app.history is not None:
            tasks.append(asyncio.create_task(_save_unsaved_history(app)))
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    return lifespan


async def _warm_up(app: SafeGPT) -> None:
    """Build the answering path and pay its first-use costs (chat/core/pipeline.py ``Pipeline.warm_up``)."""
    try:
        pipeline = await asyncio.to_thread(lambda: app.pipeline)
        await pipeline.warm_up()
    except Exception as exc:  # the first chat then reports the problem to the user
        import logging

        logging.getLogger(__name__).warning("warm-up failed: %s", type(exc).__name__)


def remove_stale_session_files(chainlit_root: Path, older_than_seconds: float, now: float | None = None) -> int:
    """Remove the file folders of chat sessions untouched for longer than a session can last.

    Chainlit deletes a session's folder (attachments not yet read, source excerpts shown under answers) an hour
    after the session ends — but only in the process that served it; after a crash or a kill nobody does.
    Returns how many folders were removed."""
    folder = chainlit_root / ".files"
    if not folder.is_dir():
        return 0
    cutoff = (time.time() if now is None else now) - older_than_seconds
    removed = 0
    for session in folder.iterdir():
        try:
            newest = max([session.stat().st_mtime, *(f.stat().st_mtime for f in session.rglob("*"))])
        except OSError:  # removed meanwhile by Chainlit itself
            continue
        if session.is_dir() and newest < cutoff:
            shutil.rmtree(session, ignore_errors=True)
            removed += 1
    return removed


async def _apply_retention_regularly(app: SafeGPT, chainlit_root: Path, every_seconds: float = 3600) -> None:
    """At start and then every hour: delete chat threads older than the retention period, and chat session
    files left behind (the retention stated on /transparenz)."""
    import logging

    from chat.web.privacy_record import session_files_max_age_hours

    while True:
        try:
            if app.history is not None:
                deleted = await asyncio.to_thread(app.history.purge_older_than,
                                                  app.settings.history.retention_days)
                if deleted:
                    logging.getLogger(__name__).info("history retention: %d old chats deleted", deleted)
            await asyncio.to_thread(remove_stale_session_files, chainlit_root,
                                    session_files_max_age_hours(app.settings) * 3600)
        except Exception as exc:  # keep serving; try again next round
            logging.getLogger(__name__).warning("retention failed: %s", type(exc).__name__)
        await asyncio.sleep(every_seconds)


async def _save_unsaved_history(app: SafeGPT, every_seconds: float = 2.0) -> None:
    """After a database outage, write the kept history (chat/ui/data_layer.py) as soon as it is back."""
    import logging

    while True:
        await asyncio.sleep(every_seconds)
        if not app.history.unsaved:
            continue
        try:
            saved = await asyncio.to_thread(app.history.save_unsaved)
            logging.getLogger(__name__).info("history: %d writes kept during a database outage saved", saved)
        except Exception as exc:  # still unavailable: try again in a moment
            logging.getLogger(__name__).debug("history: database still unavailable (%s)", type(exc).__name__)
