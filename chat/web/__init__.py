"""The HTTP server: FastAPI with health and readiness routes, the admin pages, the ``/v1`` API, security
middleware, SSO mapping, usage dashboard and Prometheus metrics; Chainlit (``chat.ui``) mounted under ``/chat``.

    from chat.web.server import create_app
    asgi_app = create_app(SafeGPT(settings))

Subpackages: ``admin`` (pages and templates), ``api`` (guarded OpenAI-compatible API and its keys),
``security`` (login throttling, headers, cookies). Importing ``chat.web`` itself loads nothing.
"""
