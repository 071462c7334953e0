"""Guarded OpenAI-compatible API for the organisation's own systems (``/v1`` beside the chat).

    api.include_router(make_api_router(app))        # chat/server.py
    cli.add_command(make_apikey_group(open_keys))   # chat/cli.py

Requests go through the same :class:`chat.pipeline.Pipeline` as chat messages: pseudonymised, checked
against the key's data classes and the routing policy, answered with the real values restored.
"""

from chat.api.cli import make_apikey_group
from chat.api.keys import ApiKey, ApiKeyError, ApiKeyService, NewApiKey, open_api_keys
from chat.api.rate_limit import RateLimiter
from chat.api.settings import ApiSettings


def __getattr__(name: str):
    # The routes pull in the pipeline and LiteLLM; the CLI's key commands must not wait for that.
    if name == "make_api_router":
        from chat.api.routes import make_api_router

        return make_api_router
    raise AttributeError(name)

__all__ = [
    "ApiKey",
    "ApiKeyError",
    "ApiKeyService",
    "ApiSettings",
    "NewApiKey",
    "RateLimiter",
    "make_api_router",
    "make_apikey_group",
    "open_api_keys",
]
