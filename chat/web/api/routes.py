"""The ``/v1`` routes: chat completions (plain and SSE), models, embeddings, and their OpenAPI description.

Every guarded route first checks the key (header only), then the rate limit, then reads at most
``max_body_bytes`` and parses it itself, so that every failure is an OpenAI-style error object
(FastAPI's own 422 format never appears) and an unauthenticated body is never parsed.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import math
import struct
import traceback
from functools import cached_property

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.routing import APIRoute
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from chat.core import messages as chat_texts
from chat.settings import DATA_CLASSES
from chat.web.api import errors
from chat.web.api import messages as texts
from chat.web.api.completions import CompletionRun, CompletionService, worst
from chat.web.api.conversations import ConversationStore
from chat.web.api.keys import ApiKey, ApiKeyService, open_api_keys
from chat.web.api.openai_models import (
    AssistantMessage,
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    Choice,
    ChunkChoice,
    Delta,
    Embedding,
    EmbeddingRequest,
    EmbeddingResponse,
    EmbeddingUsage,
    ModelInfo,
    ModelList,
)
from chat.web.api.openapi import build_openapi, error_responses, json_body, json_response
from chat.web.api.rate_limit import RateLimiter
from chat.web.api.settings import ApiSettings, api_settings, embedding_model_id
from chat.web.api.usage import OTHER_MODEL, ApiUsageCounter

log = logging.getLogger(__name__)
PREFIX = "/v1"
_KNOWN = {"/v1/chat/completions", "/v1/models", "/v1/embeddings"}


class ApiServices:
    """What the routes need, built on first use from the wired application (nothing at import time)."""

    def __init__(self, app) -> None:
        self.app = app
        self.settings: ApiSettings = api_settings(app.settings)

    @cached_property
    def limiter(self) -> RateLimiter:
        return RateLimiter(self.app.engine)

    @cached_property
    def keys(self) -> ApiKeyService:
        return open_api_keys(self.app)

    @cached_property
    def usage(self) -> ApiUsageCounter:
        embedding = embedding_model_id(self.app.settings)
        served = [entry.model_name for entry in self.app.settings.model_list] + ([embedding] if embedding else [])
        return ApiUsageCounter(self.app.engine, served)

    @cached_property
    def completions(self) -> CompletionService:
        store = ConversationStore(self.settings.conversation_ttl_seconds, self.settings.max_conversations)
        return CompletionService(self.app.pipeline, store, self.settings.max_messages)

    async def authenticate(self, request: Request) -> ApiKey:
        presented = None
        authorization = request.headers.get("authorization", "")
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            presented = value.strip()
        elif request.headers.get("api-key"):
            presented = request.headers["api-key"].strip()
        key = await asyncio.to_thread(self.keys.verify, presented) if presented else None
        if key is None:
            raise errors.invalid_key()
        return key

    async def check_rate(self, key: ApiKey) -> None:
        wait = await asyncio.to_thread(self.limiter.acquire, key.key_id, key.rate_per_minute)
        if wait > 0:
            raise errors.rate_limited(wait)

    async def read_body(self, request: Request) -> None:
        limit = self.settings.max_body_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise errors.body_too_large(limit)
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise errors.body_too_large(limit)
            chunks.append(chunk)
        request._body = b"".join(chunks)  # Starlette's cache: later request.body() calls return it


def _guarded_route_class(services: ApiServices) -> type[APIRoute]:
    class GuardedRoute(APIRoute):
        """Key, rate limit and body limit before the endpoint; every error as an OpenAI error object."""

        def get_route_handler(self):
            endpoint = super().get_route_handler()

            async def handler(request: Request) -> Response:
                key: ApiKey | None = None
                request.state.model = OTHER_MODEL
                try:
                    key = await services.authenticate(request)
                    request.state.api_key = key
                    await services.check_rate(key)
                    await services.read_body(request)
                    return await endpoint(request)
                except errors.ApiError as exc:
                    error = exc
                except RequestValidationError:
                    error = errors.ApiError(400, texts.INVALID_JSON, code="invalid_json")
                except HTTPException as exc:
                    error = errors.ApiError(exc.status_code if 400 <= exc.status_code < 500 else 400,
                                            texts.INVALID_JSON, code="invalid_request")
                except Exception as exc:  # noqa: BLE001 - no traceback text to the caller
                    # Frames only: an exception's own text might quote the request.
                    log.error("api %s failed: %s\n%s", self.path, type(exc).__name__,
                              "".join(traceback.format_tb(exc.__traceback__)))
                    error = errors.internal_error()
                if key is not None:
                    await services.usage.arecord(key.system, request.state.model, error.outcome)
                return error.response()

            return handler

    return GuardedRoute


def _parse(model, body: bytes):
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        raise errors.from_validation_error(exc) from None


def make_api_router(app) -> APIRouter:
    """The ``/v1`` router for ``app`` (a :class:`chat.wiring.SafeGPT`); include it before mounting Chainlit."""
    services = ApiServices(app)
    guarded = APIRouter(prefix=PREFIX, route_class=_guarded_route_class(services), tags=["OpenAI-compatible"])
    public = APIRouter(prefix=PREFIX)

    @guarded.post(
        "/chat/completions", summary="Chat completion (plain or streamed as server-sent events)",
        openapi_extra={"requestBody": json_body(ChatCompletionRequest)},
        responses={200: {"description": "The answer; with `stream: true` an `text/event-stream` of "
                                        "ChatCompletionChunk objects ending with `data: [DONE]`",
                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatCompletion"}},
                                     "text/event-stream": {"schema": {"type": "string"}}}},
                   **error_responses(400, 401, 403, 404, 413, 429, 502)},
    )
    async def chat_completions(request: Request) -> Response:
        key: ApiKey = request.state.api_key
        body = _parse(ChatCompletionRequest, await request.body())
        request.state.model = body.model
        run = await services.completions.start(key, body)
        if body.stream:
            include_usage = bool(body.stream_options and body.stream_options.include_usage)
            return StreamingResponse(
                _sse(run, body, include_usage, key, services), media_type="text/event-stream",
                headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        text = await run.text()
        usage = run.usage()
        result = ChatCompletion(
            id=run.id, created=run.created, model=run.model, usage=usage, safegpt=run.info(),
            choices=[Choice(message=AssistantMessage(content=text),
                            finish_reason=run.finish_reason(body.max_completion_tokens or body.max_tokens))])
        await services.usage.arecord(key.system, body.model, "ok", usage.prompt_tokens, usage.completion_tokens)
        return JSONResponse(result.model_dump(mode="json"))

    @guarded.get("/models", summary="Models this key may use",
                 responses={200: json_response(ModelList, "The key's models"), **error_responses(401, 429)})
    async def list_models(request: Request) -> Response:
        key: ApiKey = request.state.api_key
        return JSONResponse(ModelList(data=_models_for(app, key)).model_dump(mode="json"))

    @guarded.get("/models/{model_id}", summary="One model, if this key may use it",
                 openapi_extra={"parameters": [{"name": "model_id", "in": "path", "required": True,
                                                "schema": {"type": "string"}}]},
                 responses={200: json_response(ModelInfo, "The model"), **error_responses(401, 404, 429)})
    async def get_model(request: Request) -> Response:
        key: ApiKey = request.state.api_key
        model_id = request.path_params["model_id"]
        for info in _models_for(app, key):
            if info.id == model_id:
                return JSONResponse(info.model_dump(mode="json"))
        raise errors.model_not_found(model_id)

    @guarded.post(
        "/embeddings", summary="Embeddings of pseudonymised text with the knowledge base's embedder",
        openapi_extra={"requestBody": json_body(EmbeddingRequest)},
        responses={200: json_response(EmbeddingResponse, "One vector per input"),
                   **error_responses(400, 401, 403, 404, 413, 429)},
    )
    async def embeddings(request: Request) -> Response:
        key: ApiKey = request.state.api_key
        body = _parse(EmbeddingRequest, await request.body())
        request.state.model = body.model
        result = await _embed(app, services, key, body)
        await services.usage.arecord(key.system, body.model, "ok", result.usage.prompt_tokens, 0)
        return JSONResponse(result.model_dump(mode="json"))

    @public.get("/openapi.json", include_in_schema=False)
    async def openapi() -> JSONResponse:
        return JSONResponse(build_openapi(guarded.routes))

    @public.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
                      include_in_schema=False)
    async def unknown(request: Request) -> Response:
        if request.url.path in _KNOWN or request.url.path.startswith("/v1/models/"):
            return errors.ApiError(405, texts.METHOD_NOT_ALLOWED, code="method_not_allowed").response()
        return errors.ApiError(404, texts.NOT_FOUND, code="not_found").response()

    router = APIRouter()
    router.include_router(guarded)
    router.include_router(public)
    return router


async def _sse(run: CompletionRun, body: ChatCompletionRequest, include_usage: bool, key: ApiKey,
               services: ApiServices):
    def chunk(delta: Delta, finish_reason=None, **extra) -> str:
        data = ChatCompletionChunk(id=run.id, created=run.created, model=run.model,
                                   choices=[ChunkChoice(delta=delta, finish_reason=finish_reason)], **extra)
        return f"data: {data.model_dump_json(exclude_none=True)}\n\n"

    outcome = "ok"
    try:
        yield chunk(Delta(role="assistant", content=""))
        async for text in run.deltas():
            yield chunk(Delta(content=text))
        yield chunk(Delta(), run.finish_reason(body.max_completion_tokens or body.max_tokens), safegpt=run.info())
        if include_usage:
            usage = ChatCompletionChunk(id=run.id, created=run.created, model=run.model, choices=[], usage=run.usage())
            yield f"data: {usage.model_dump_json(exclude_none=True)}\n\n"
        yield "data: [DONE]\n\n"
    except errors.ApiError as exc:
        outcome = exc.outcome
        yield exc.sse()
    finally:
        try:
            await run.close()
            usage = run.usage()
            await services.usage.arecord(key.system, run.model, outcome, usage.prompt_tokens, usage.completion_tokens)
        except BaseException:  # noqa: BLE001 - the client is gone; counting is best effort
            pass


def _models_for(app, key: ApiKey) -> list[ModelInfo]:
    settings = app.settings
    out = []
    for entry in settings.model_list:
        if entry.model_name not in key.models:
            continue
        classes = [c for c in DATA_CLASSES if c in key.data_classes and settings.may_receive(entry, c)]
        out.append(ModelInfo(id=entry.model_name, display_name=entry.display_name, location=entry.safegpt.location,
                             data_classes=classes))
    embedding = embedding_model_id(settings)
    if embedding and embedding in key.models:
        out.append(ModelInfo(id=embedding, display_name=f"Embeddings ({settings.knowledge.embedder})",
                             location=settings.knowledge.embedder_location, kind="embedding",
                             data_classes=[c for c in DATA_CLASSES
                                           if c in key.data_classes and settings.embedder_may_receive(c)]))
    return out


async def _embed(app, services: ApiServices, key: ApiKey, body: EmbeddingRequest) -> EmbeddingResponse:
    model_id = embedding_model_id(app.settings)
    if model_id is None:
        raise errors.ApiError(404, texts.EMBEDDINGS_OFF, code="model_not_found", param="model",
                              outcome="model_not_found")
    if body.model != model_id or model_id not in key.models:
        raise errors.model_not_found(body.model)
    inputs = body.texts()
    limit = app.settings.chat.max_message_chars
    if not inputs or any(not t.strip() for t in inputs):
        raise errors.ApiError(400, texts.EMPTY_INPUT, code="invalid_value", param="input")
    if len(inputs) > services.settings.max_embedding_inputs:
        raise errors.ApiError(400, texts.TOO_MANY_INPUTS.format(limit=services.settings.max_embedding_inputs),
                              code="invalid_value", param="input")
    if any(len(t) > limit for t in inputs):
        raise errors.ApiError(400, texts.INPUT_TOO_LONG.format(limit=limit), code="invalid_value", param="input")

    def protect_all():
        guard = app.pipeline.guardrail.conversation()
        return [guard.protect(t.replace("\x00", "")) for t in inputs]

    protected = await asyncio.to_thread(protect_all)
    data_class = worst(p.data_class for p in protected)
    if data_class.value not in key.data_classes:
        reason = chat_texts.DATA_CLASS_REASONS.get(data_class.value, data_class.value)
        raise errors.data_class_refused(texts.DATA_CLASS_NOT_ALLOWED.format(reason=reason, data_class=data_class.value))
    if not app.settings.embedder_may_receive(data_class.value):  # the embedder's location, as for a model
        reason = chat_texts.DATA_CLASS_REASONS.get(data_class.value, data_class.value)
        raise errors.data_class_refused(texts.EMBEDDER_REFUSED.format(
            reason=reason, location=app.settings.knowledge.embedder_location, data_class=data_class.value))
    embedder = app.knowledge.embedder
    vectors = await asyncio.to_thread(embedder.embed_passages, [p.text for p in protected])
    if body.dimensions is not None and vectors and body.dimensions != len(vectors[0]):
        raise errors.ApiError(400, texts.EMBEDDING_DIMENSIONS.format(dimensions=len(vectors[0])),
                              code="invalid_value", param="dimensions")
    data = []
    for i, vector in enumerate(vectors):
        if body.encoding_format == "base64":
            value = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode("ascii")
        else:
            value = [float(x) for x in vector]
        data.append(Embedding(index=i, embedding=value))
    tokens = sum(math.ceil(len(p.text) / 4) for p in protected)
    return EmbeddingResponse(data=data, model=model_id, usage=EmbeddingUsage(prompt_tokens=tokens, total_tokens=tokens))
