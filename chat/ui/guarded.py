"""Every Chainlit callback of SafeGPT runs through :func:`guarded`: the login is checked again first, and a
failure shows a German message instead of Chainlit's own (which prints the exception's text and logs a full
traceback that can quote what the user wrote).

A leaf like ``interaction``: the ``*_ui`` modules register their buttons with :func:`action_callback`.
"""

from __future__ import annotations

import asyncio
import functools
import logging

import chainlit as cl

from chat.runtime import get_app
from chat.store.db.faults import database_unavailable
from chat.ui import messages as texts
from chat.ui.chat_turn import log_unexpected, unexpected

log = logging.getLogger(__name__)
GUARDED = "__safegpt_guarded__"


async def session_is_valid() -> bool:
    """True while the login behind this websocket session still holds (account enabled, same token version
    and role, login younger than the session lifetime) — checked on every message and button."""
    session = cl.context.session
    token = getattr(session, "token", None)
    # A database outage does not end the login (chat/web/security/sessions.py ``login_holds``).
    return await asyncio.to_thread(get_app().sessions.login_holds, token)


async def end_session() -> None:
    """Say in German that the login has ended and close this websocket (the page then shows the login)."""
    from chainlit.server import sio

    await cl.Message(content=texts.ERROR_PREFIX + texts.SESSION_ENDED, author="SafeGPT").send()
    socket_id = getattr(cl.context.session, "socket_id", None)
    if socket_id:
        await sio.disconnect(socket_id)


def guarded(where: str):
    """Decorator for a Chainlit callback (``where`` names it in the log: type and place of an error only)."""

    def decorate(callback):
        @functools.wraps(callback)
        async def wrapper(*args, **kwargs):
            try:
                if not await session_is_valid():
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


def action_callback(name: str):
    """``cl.action_callback`` with :func:`guarded` around the button's handler."""

    def decorate(callback):
        cl.action_callback(name)(guarded(f"action {name!r}")(callback))
        return callback

    return decorate
