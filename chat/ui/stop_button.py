"""The chat's stop button in German.

Chainlit's own handler of the page's ``stop`` event shows an English "Task manually stopped."; this one does
the same — cancel the running turn — and says so in German. ``install()`` replaces Chainlit's handler.
"""

from __future__ import annotations

import chainlit.socket  # noqa: F401 — registers Chainlit's handlers, so that ours replaces its "stop"
from chainlit.context import init_ws_context
from chainlit.message import Message
from chainlit.server import sio
from chainlit.session import WebsocketSession

from chat.ui import messages as texts


async def stop(sid: str) -> None:
    session = WebsocketSession.get(sid)
    if session is None:
        return
    init_ws_context(session)
    await Message(content=texts.ANSWER_STOPPED, author="SafeGPT").send()
    if session.current_task:
        session.current_task.cancel()


def install() -> None:
    sio.on("stop", stop)
