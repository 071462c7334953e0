"""Guarded OpenAI-compatible API for the organisation's own systems (``/v1`` beside the chat).

    api.include_router(make_api_router(app))        # chat/web/server.py (from chat.web.api.routes)
    cli.add_command(make_apikey_group(open_keys))   # chat/cli/main.py (from chat.cli.apikeys)

Requests go through the same :class:`chat.core.pipeline.Pipeline` as chat messages: pseudonymised, checked
against the key's data classes and the routing policy, answered with the real values restored.
"""

from chat.web.api.settings import ApiSettings

# Light on purpose (``chat.settings`` reads ``ApiSettings``). Imported where used: the keys
# (``chat.web.api.keys``: ``ApiKeyService``, ``open_api_keys``; SQLAlchemy) and the routes
# (``chat.web.api.routes.make_api_router``: the pipeline and LiteLLM), the shared rate limit
# (``chat.web.api.rate_limit.RateLimiter``: SQLAlchemy).
__all__ = ["ApiSettings"]
