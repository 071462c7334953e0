"""The OpenAPI description of the ``/v1`` routes only (served at ``/v1/openapi.json``)."""

from __future__ import annotations

from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema

from chat.web.api.openai_models import REQUEST_MODELS, RESPONSE_MODELS

REF = "#/components/schemas/{model}"
DESCRIPTION = (
    "OpenAI-compatible API of SafeGPT for the organisation's own systems. Every request is pseudonymised, "
    "checked against the routing policy and the key's approved data classes, and answered with the real "
    "values restored. SafeGPT-specific request field: `safegpt` (`conversation_id`, `knowledge`); "
    "responses carry `safegpt` (sources, data class, counts of pseudonymised values). See docs/API.md."
)


def json_body(model: type) -> dict:
    return {"required": True, "content": {"application/json": {"schema": {"$ref": REF.format(model=model.__name__)}}}}


def json_response(model: type, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": REF.format(model=model.__name__)}}}}


def error_responses(*statuses: int) -> dict:
    from chat.web.api.openai_models import ErrorResponse

    names = {400: "Invalid request", 401: "Invalid or revoked API key", 403: "Data class not allowed",
             404: "Unknown model or not allowed for this key", 413: "Request body too large",
             429: "Rate limit exceeded (see Retry-After)", 502: "Language model unavailable"}
    return {str(s): json_response(ErrorResponse, names[s]) for s in statuses}


def build_openapi(routes, version: str = "1") -> dict:
    doc = get_openapi(title="SafeGPT API", version=version, openapi_version="3.1.0", description=DESCRIPTION,
                      routes=routes)
    _, defs = models_json_schema(
        [(m, "validation") for m in REQUEST_MODELS] + [(m, "serialization") for m in RESPONSE_MODELS],
        ref_template=REF,
    )
    components = doc.setdefault("components", {})
    components.setdefault("schemas", {}).update(defs.get("$defs", {}))
    components["securitySchemes"] = {
        "bearerAuth": {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer sgpt_…"},
        "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "api-key"},
    }
    doc["security"] = [{"bearerAuth": []}, {"apiKeyHeader": []}]
    return doc
