"""Readiness: may a load balancer send users to this process? Database, knowledge base and a model.

Each check is cheap and bounded by a short timeout so a probe every few seconds costs nothing: the
database answers ``SELECT 1``, the knowledge base counts its vectors (in http mode that is a request to the
Chroma server), and the model list needs at least one model that answers — an OpenAI-compatible server
(vLLM, llama.cpp server, Ollama) lists its models at ``GET {api_base}/models``, a local GGUF file exists.
Cloud models without ``api_base`` are not called on every probe (that would cost money and leak
metadata); they count as available once configured.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import ssl
from typing import Any

import httpx

log = logging.getLogger(__name__)
MODEL_TIMEOUT_SECONDS = 2.0
CHECK_TIMEOUT_SECONDS = 3.0


async def readiness(app: Any) -> dict[str, Any]:
    """``{"database": bool, "knowledge": bool, "models": {name: status}, "ready": bool}``."""
    database, knowledge, models = await asyncio.gather(
        _bounded(_database_ok, app), _bounded(_knowledge_ok, app), _models(app))
    model_ok = any(status in ("ok", "unchecked") for status in models.values())
    return {"ready": database and knowledge and model_ok,
            "checks": {"database": database, "knowledge": knowledge, "models": models}}


async def _bounded(check, app: Any) -> bool:
    """A hung dependency makes the check fail within the timeout instead of hanging the probe."""
    try:
        return await asyncio.wait_for(asyncio.to_thread(check, app), CHECK_TIMEOUT_SECONDS)
    except asyncio.TimeoutError:
        log.warning("readiness: %s timed out", check.__name__.strip("_"))
        return False


def _database_ok(app: Any) -> bool:
    from sqlalchemy import text

    try:
        with app.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception as exc:
        log.warning("readiness: database unavailable (%s)", type(exc).__name__)
        return False


def _knowledge_ok(app: Any) -> bool:
    try:
        app.knowledge.stats()  # counts vectors: a round trip to the Chroma server in http mode
        return True
    except Exception as exc:
        log.warning("readiness: knowledge base unavailable (%s)", type(exc).__name__)
        return False


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """httpx's default TLS context, built once: loading the CA bundle costs ~70 ms of CPU, which every probe
    paid when each built its own client."""
    return httpx.create_ssl_context()


async def _models(app: Any) -> dict[str, str]:
    settings = app.settings
    results: dict[str, str] = {}
    async with httpx.AsyncClient(timeout=MODEL_TIMEOUT_SECONDS, verify=_tls_context()) as client:
        async def probe(entry) -> tuple[str, str]:
            params = entry.litellm_params
            model = str(params.get("model", ""))
            if model.startswith("safegpt-local/"):
                alias = model.split("/", 1)[1]
                return entry.model_name, _local_status(app, alias)
            base = params.get("api_base")
            if not base:
                return entry.model_name, "unchecked"
            try:
                response = await client.get(str(base).rstrip("/") + "/models", headers=_auth(params))
                return entry.model_name, "ok" if response.status_code < 500 else f"http {response.status_code}"
            except httpx.HTTPError as exc:
                return entry.model_name, type(exc).__name__

        for name, status in await asyncio.gather(*(probe(e) for e in settings.model_list)):
            results[name] = status
    return results


def _local_status(app: Any, alias: str) -> str:
    model = app.local_models.get(alias) if "local_models" in app.__dict__ else None
    if model is not None:
        return "ok" if model.path.is_file() else "missing"
    local = app.settings.local_models.get(alias)
    if local is None:
        return "missing"
    from chat.llm.model_files import resolve_model_file

    try:
        resolve_model_file(alias, local, app.models_dir, assemble=False)
        return "ok"
    except Exception:
        return "missing"


def _auth(params: dict[str, Any]) -> dict[str, str]:
    """The entry's key (``os.environ/VAR`` as in LiteLLM's model_list) for servers that require one."""
    key = params.get("api_key")
    if isinstance(key, str) and key.startswith("os.environ/"):
        key = os.environ.get(key.removeprefix("os.environ/"))
    return {"Authorization": f"Bearer {key}"} if key else {}
