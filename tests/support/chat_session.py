"""One browser tab's Chainlit chat session over socket.io, without a browser (fault tests, soak).

Logs in over HTTP, opens the websocket with the login cookie as the page does, acknowledges the rules of
use when asked, sends messages as ``client_message`` and collects what SafeGPT shows until ``task_end``.
Like the page, it can also attach files, click buttons (actions) and answer SafeGPT's questions
(``AskUserMessage``) with replies queued beforehand.
"""

from __future__ import annotations

import asyncio
import mimetypes
import time
import uuid
from collections import deque
from datetime import datetime, timezone
from pathlib import Path

from onboarding.chat_messages import ACK_BUTTON
from tests.support.http_login import logged_in_client

SOCKET_PATH = "/chat/ws/socket.io"
WELCOME_MARK = "Willkommen bei"  # chat/core/messages.py WELCOME


class ChatSession:
    def __init__(self, base_url: str, username: str, password: str) -> None:
        self.base_url = base_url
        self.username = username
        self.password = password
        self.session_id = str(uuid.uuid4())
        self.outputs: dict[str, str] = {}
        self._ended = asyncio.Event()
        self._started = True  # until the first message: any task_end counts (welcome, rules)
        self._rules: dict | None = None
        self.actions: list[dict] = []  # every button shown, in order
        self.replies: deque[str] = deque()  # answers to SafeGPT's questions, in order
        self.thread_id: str | None = None
        self._task_ends = 0
        self._ends_at_welcome: int | None = None  # task_ends counted when the welcome arrived
        self._last_event = time.monotonic()

    async def open(self, timeout: float = 60) -> "ChatSession":
        import socketio

        self.http = await asyncio.to_thread(logged_in_client, self.base_url, self.username, self.password)
        cookie = "; ".join(f"{k}={v}" for k, v in self.http.cookies.items())
        self.sio = socketio.AsyncClient(reconnection=False)

        @self.sio.on("ask")
        async def _ask(data=None):
            # SafeGPT asks a question (AskUserMessage): answer as the user typing the next queued reply.
            text = self.replies.popleft() if self.replies else ""
            return {"id": str(uuid.uuid4()), "threadId": self.thread_id or "", "name": self.username,
                    "type": "user_message", "output": text, "createdAt": datetime.now(timezone.utc).isoformat()}

        @self.sio.on("*")
        async def _any(event, data=None):
            self._last_event = time.monotonic()
            if event == "task_end":
                self._task_ends += 1
            if event in ("new_message", "update_message") and isinstance(data, dict):
                self.outputs[data["id"]] = data.get("output") or ""
                self.thread_id = data.get("threadId") or self.thread_id
                if WELCOME_MARK in self.outputs[data["id"]] and self._ends_at_welcome is None:
                    self._ends_at_welcome = self._task_ends
            elif event == "delete_message" and isinstance(data, dict):  # taken away: no longer shown
                self.outputs.pop(data.get("id"), None)
            elif event == "action" and isinstance(data, dict):
                self.actions.append(data)
                if data.get("label") == ACK_BUTTON:
                    self._rules = data
            elif event == "task_start":
                self._started = True
            elif event == "task_end" and self._started:  # a late task_end of something earlier is not ours
                self._ended.set()

        await self.sio.connect(self.base_url, socketio_path=SOCKET_PATH, transports=["websocket"],
                               headers={"Cookie": cookie}, wait_timeout=30,
                               auth={"clientType": "webapp", "sessionId": self.session_id, "threadId": None,
                                     "userEnv": "{}", "chatProfile": None})
        await self.sio.emit("connection_successful")
        deadline = time.monotonic() + timeout
        # Ready once the task that showed the welcome has ended: after the welcome, the chat start (or the rules'
        # button) still sends the prompt library's message, then its task_end. A message sent before that would
        # take the chat start's task_end for the end of its own turn.
        while self._ends_at_welcome is None or self._task_ends == self._ends_at_welcome:
            if self._rules is not None:  # first login: acknowledge the rules as the button does
                rules, self._rules = self._rules, None
                await asyncio.to_thread(lambda: self.http.post("/chat/project/action", json={
                    "sessionId": self.session_id, "action": rules}).raise_for_status())
            if time.monotonic() > deadline:
                raise TimeoutError("no welcome message, or the chat start that showed it did not end")
            await asyncio.sleep(0.2)
        return self

    async def ask(self, text: str, timeout: float = 90, step_id: str | None = None,
                  file_references: list[dict] | None = None, *, edit: bool = False) -> list[str]:
        """Send like the page does; return what SafeGPT showed for it, in order, once the turn has ended.
        ``edit=True``: send ``text`` as an edit of the earlier message ``step_id`` (Chainlit's ``edit_message``).
        Raises ``asyncio.TimeoutError`` when the turn does not end within ``timeout``."""
        self.outputs.clear()
        self._ended.clear()
        self._started = False  # Chainlit sends task_start, handles the message, then task_end
        step = {"id": step_id or str(uuid.uuid4()), "threadId": "", "name": self.username, "type": "user_message",
                "output": text, "createdAt": datetime.now(timezone.utc).isoformat()}
        if edit:
            await self.sio.emit("edit_message", {"message": step})
        else:
            await self.sio.emit("client_message", {"message": step, "fileReferences": file_references or []})
        await asyncio.wait_for(self._ended.wait(), timeout)
        return list(self.outputs.values())

    async def attach(self, text: str, files: list[Path], timeout: float = 90) -> list[str]:
        """Upload ``files`` as the page's paper clip does, then send ``text`` with them."""
        references = []
        for path in files:
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            response = await asyncio.to_thread(
                self.http.post, "/chat/project/file", params={"session_id": self.session_id},
                files={"file": (path.name, path.read_bytes(), mime)})
            response.raise_for_status()
            references.append({"id": response.json()["id"]})
        return await self.ask(text, timeout, file_references=references)

    async def click(self, label: str, timeout: float = 120, where=lambda action: True,
                    ends_task: bool = True) -> list[str]:
        """Press the newest button labelled ``label`` (and matching ``where``); return what SafeGPT showed until
        the callback ended. Questions it asks on the way are answered from :attr:`replies`.

        ``ends_task=False`` for callbacks that send no ``task_end`` (they ask nothing, so they never mark the chat
        busy — e.g. the feedback buttons): then only the events' quiet end is awaited, not 30 s for a task_end."""
        deadline = time.monotonic() + 30
        while (action := next((a for a in reversed(self.actions) if a.get("label") == label and where(a)),
                              None)) is None:
            if time.monotonic() > deadline:  # buttons arrive as events of their own, after their message
                raise AssertionError(f"no button {label!r} shown")
            await asyncio.sleep(0.1)
        self.outputs.clear()
        ends_before = self._task_ends
        response = await asyncio.wait_for(asyncio.to_thread(
            self.http.post, "/chat/project/action", json={"sessionId": self.session_id, "action": action},
            timeout=timeout), timeout)
        response.raise_for_status()
        # The HTTP answer can overtake the websocket events of the callback's end: wait for its task_end and
        # for the events to stop.
        deadline = time.monotonic() + 30
        while (ends_task and self._task_ends == ends_before) or time.monotonic() - self._last_event < 0.5:
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(0.1)
        return list(self.outputs.values())

    def history_texts(self) -> str:
        return history_texts(self.http)

    async def close(self) -> None:
        try:
            await self.sio.disconnect()
        finally:
            self.http.close()


def history_texts(client) -> str:
    """Every step of the logged-in user's chats (``client``: an httpx client with the login cookie), decrypted
    by the server for its author."""
    threads = client.post("/chat/project/threads", json={"pagination": {"first": 100}, "filter": {}})
    found: list[str] = []
    for thread in threads.json()["data"]:
        opened = client.get(f"/chat/project/thread/{thread['id']}").json()
        found += [s.get("output") or "" for s in opened.get("steps", [])]
    return "\n".join(found)
