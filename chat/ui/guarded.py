"""Every Chainlit callback of SafeGPT runs through :func:`guarded`: the login is checked again first, and a
failure shows a German message instead of Chainlit's own (which prints the exception's text and logs a full
traceback that can quote what the user wrote).

A leaf like ``interaction``: the ``*_ui`` modules register their buttons with :func:`register_action` from their
``register(app)``, which :func:`chat.ui.chainlit_app.register` calls; nothing is registered at import.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable

import chainlit as cl

from chat.store.db.faults import database_unavailable
from chat.ui import messages as texts
from chat.ui.chat_turn import log_unexpected, unexpected
from chat.wiring import SafeGPT

log = logging.getLogger(__name__)
GUARDED = "__safegpt_guarded__"


async def session_is_valid(app: SafeGPT) -> bool:
    """True while the login behind this websocket session still holds (account enabled, same token version
    and role, login younger than the session lifetime) — checked on every message and button."""
    session = cl.context.session
    token = getattr(session, "token", None)
    # A database outage does not end the login (chat/web/security/sessions.py ``login_holds``).
    return await asyncio.to_thread(app.sessions.login_holds, token)


async def end_session() -> None:
    """Say in German that the login has ended and close this websocket (the page then shows the login)."""
    from chainlit.server import sio

    await cl.Message(content=texts.ERROR_PREFIX + texts.SESSION_ENDED, author="SafeGPT").send()
    socket_id = getattr(cl.context.session, "socket_id", None)
    if socket_id:
        await sio.disconnect(socket_id)


def guarded(app: SafeGPT, where: str):
    """Decorator for a Chainlit callback (``where`` names it in the log: type and place of an error only)."""

    def decorate(callback):
        @functools.wraps(callback)
        async def wrapper(*args, **kwargs):
            try:
                if not await session_is_valid(app):
                    log.info("%s refused: the login has ended", where)
                    await end_session()
                    return None
                return await callback(*args, **kwargs)
            except (Exception, asyncio.CancelledError) as exc:
                if database_unavailable(exc):
                    log.warning("%s: database unavailable (%s)", where, type(exc).__name__)
                    await cl.Message(content=texts.ERROR_PREFIX + texts.DATABASE_UNAVAILABLE, author="SafeGPT").send()
                elif unexpected(exc):
                    log_unexpected(exc, where)
                    await cl.Message(content=texts.ERROR_PREFIX + texts.UNEXPECTED_CALLBACK_ERROR,
                                     author="SafeGPT").send()
                else:
                    raise  # the user stopped it
            return None

        setattr(wrapper, GUARDED, True)
        return wrapper

    return decorate


def register_action(app: SafeGPT, name: str, handler: Callable[[SafeGPT, cl.Action], Awaitable[None]]) -> None:
    """Register ``handler(app, action)`` as the callback of the button ``name``, with :func:`guarded` around it."""

    async def on_action(action: cl.Action) -> None:  # Chainlit passes arguments by these parameter names
        await handler(app, action)

    cl.action_callback(name)(guarded(app, f"action {name!r}")(on_action))
