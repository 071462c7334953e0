"""OpenAI-style error objects: ``{"error": {"message", "type", "code", "param"}}``.

Messages never quote the request: no message text reaches an error, a log line or a metric.
"""

from __future__ import annotations

import json
import math

from fastapi.responses import JSONResponse
from pydantic import ValidationError

from chat.web.api import messages as texts


class ApiError(Exception):
    """An error the API answers with; ``str()`` is the caller-facing message (no request content)."""

    def __init__(self, status: int, message: str, *, type: str = "invalid_request_error", code: str | None = None,
                 param: str | None = None, headers: dict[str, str] | None = None, outcome: str = "invalid_request"):
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.headers = headers or {}
        self.outcome = outcome  # the usage counter this error is counted under

    def body(self) -> dict:
        return {"error": {"message": self.message, "type": self.type, "code": self.code, "param": self.param}}

    def sse(self) -> str:
        return f"data: {json.dumps(self.body(), ensure_ascii=False)}\n\n"

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)


def invalid_key() -> ApiError:
    return ApiError(401, texts.INVALID_KEY, code="invalid_api_key", headers={"WWW-Authenticate": "Bearer"},
                    outcome="unauthorized")


def rate_limited(retry_after: float) -> ApiError:
    seconds = max(1, math.ceil(retry_after))
    return ApiError(429, texts.RATE_LIMITED.format(seconds=seconds), type="rate_limit_error",
                    code="rate_limit_exceeded", headers={"Retry-After": str(seconds)}, outcome="rate_limited")


def body_too_large(limit: int) -> ApiError:
    return ApiError(413, texts.BODY_TOO_LARGE.format(limit=limit), code="request_too_large")


def model_not_found(model: str) -> ApiError:
    # The requested name is not repeated: whatever a caller puts in a field stays out of answers and logs.
    return ApiError(404, texts.MODEL_NOT_FOUND, code="model_not_found", param="model",
                    outcome="model_not_found")


def data_class_refused(message: str) -> ApiError:
    return ApiError(403, message, type="permission_error", code="data_class_not_allowed", param="messages",
                    outcome="refused_policy")


def upstream_unavailable(message: str) -> ApiError:
    return ApiError(502, texts.UPSTREAM_UNAVAILABLE.format(text=message), type="server_error",
                    code="model_unavailable", outcome="upstream_error")


def internal_error() -> ApiError:
    return ApiError(500, texts.INTERNAL_ERROR, type="server_error", code="internal_error", outcome="internal_error")


def unsupported(param: str) -> ApiError:
    return ApiError(400, texts.UNSUPPORTED.format(param=param), code="unsupported_parameter", param=param)


def from_validation_error(exc: ValidationError) -> ApiError:
    """The first problem of a pydantic error, by field path and kind; never the offending value."""
    errors = exc.errors(include_input=False, include_url=False, include_context=False)
    first = errors[0] if errors else {"loc": (), "type": "value_error", "msg": ""}
    if first["type"] == "json_invalid" or (first["type"] == "json_type" and not first["loc"]):
        return ApiError(400, texts.INVALID_JSON, code="invalid_json")
    loc = list(first["loc"])
    if first["type"] == "extra_forbidden" and loc:
        loc[-1] = "*"  # the caller's own key name is not repeated
    param = ".".join(str(p) for p in loc) or "body"
    return ApiError(400, texts.INVALID_FIELD.format(param=param[:120], problem=first["msg"][:200]),
                    code="invalid_value", param=param[:120])
