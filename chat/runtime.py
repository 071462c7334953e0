"""The one hand-over point between the server and the Chainlit handlers.

Chainlit loads its handler module by file path, so the wired application cannot be passed as an argument;
the server sets it here before mounting Chainlit, and the handlers read it. Nothing else uses this.
"""

from __future__ import annotations

from chat.wiring import SafeGPT

_app: SafeGPT | None = None


def set_app(app: SafeGPT) -> None:
    global _app
    _app = app


def get_app() -> SafeGPT:
    if _app is None:
        raise RuntimeError("SafeGPT is not initialised; start it with 'safegpt serve'.")
    return _app
