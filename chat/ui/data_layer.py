"""Chainlit data layer over SafeGPT's database with all chat content encrypted (Fernet)."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import threading
import uuid
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from chainlit.data.base import BaseDataLayer
from chainlit.types import PageInfo, PaginatedResponse
from chainlit.user import PersistedUser, User
from cryptography.fernet import Fernet
from sqlalchemy import Engine, delete, insert, select, update

from chat.store.db.faults import database_unavailable
from chat.store.history.live import LiveConversations
from chat.store.history.schema import chat_elements, chat_steps, chat_threads


def _upsert(conn, table, values: dict, update_columns: tuple[str, ...]):
    """INSERT … ON CONFLICT (id) DO UPDATE for SQLite and PostgreSQL."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    statement = dialect_insert(table).values(**values)
    return statement.on_conflict_do_update(index_elements=["id"],
                                           set_={c: statement.excluded[c] for c in update_columns})


log = logging.getLogger(__name__)
# Writes kept while the database is unavailable (sealed already; in memory only). Bounds memory in a long outage.
MAX_UNSAVED = 20_000


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _current_author() -> str | None:
    try:
        from chainlit.context import context

        user = context.session.user
        return user.identifier if user else None
    except Exception:
        return None


class EncryptedHistory(BaseDataLayer):
    def __init__(self, engine: Engine, key: bytes, on_feedback=None) -> None:
        self.engine = engine
        self.fernet = Fernet(key)
        self.on_feedback = on_feedback  # anonymous usage counting; feedback itself is not stored here
        # Open conversations (pseudonym vaults) of this process, in memory only: a reload keeps the pseudonyms.
        self.live = LiveConversations()
        # Writes that met an unavailable database, in order; :meth:`save_unsaved` writes them when it is back.
        self._unsaved: deque[Callable[[], None]] = deque()
        self._unsaved_lock = threading.Lock()
        self._dropped = 0

    # -- helpers -------------------------------------------------------------------------------------------
    def _seal(self, value: Any) -> str:
        return self.fernet.encrypt(json.dumps(value, ensure_ascii=False, default=str).encode()).decode()

    def _open(self, token: str) -> Any:
        return json.loads(self.fernet.decrypt(token.encode()))

    async def _run(self, fn, *args):
        return await asyncio.to_thread(fn, *args)

    # -- writes survive a database outage ---------------------------------------------------------------------
    async def _write(self, fn, *args) -> None:
        """Run a write in a thread; if the database is down or locked, keep it and write it later, in order."""
        await self._run(self._write_or_keep, functools.partial(fn, *args))

    def _write_or_keep(self, write: Callable[[], None]) -> None:
        with self._unsaved_lock:
            if self._unsaved:  # still catching up: keep the order and do not wait on the database again
                self._keep(write)
                return
        try:
            write()
        except Exception as exc:
            if not database_unavailable(exc):
                raise
            log.warning("history: database unavailable (%s); the write is kept and retried", type(exc).__name__)
            with self._unsaved_lock:
                self._keep(write)

    def _keep(self, write: Callable[[], None]) -> None:
        if len(self._unsaved) >= MAX_UNSAVED:
            self._dropped += 1
            log.error("history: %d writes could not be kept during a database outage", self._dropped)
            return
        self._unsaved.append(write)

    @property
    def unsaved(self) -> int:
        """How many history writes wait for the database."""
        return len(self._unsaved)

    def save_unsaved(self) -> int:
        """Write what was kept during an outage, oldest first; stops (raises) while the database is still
        unavailable. Returns how many writes were saved."""
        saved = 0
        while True:
            with self._unsaved_lock:
                if not self._unsaved:
                    return saved
                write = self._unsaved[0]
            try:
                write()
            except Exception as exc:
                if database_unavailable(exc):
                    raise
                log.error("history: a kept write failed (%s) and is dropped", type(exc).__name__)
            with self._unsaved_lock:
                self._unsaved.popleft()
            saved += 1

    def _ensure_thread(self, thread_id: str, author: str | None) -> None:
        with self.engine.begin() as conn:
            row = conn.execute(select(chat_threads.c.id).where(chat_threads.c.id == thread_id)).first()
            if row is None:
                if not author:
                    return  # never store a thread without its owner
                now = _now()
                conn.execute(insert(chat_threads).values(id=thread_id, author=author, created_at=now,
                                                         updated_at=now, data=self._seal({})))
            else:
                conn.execute(update(chat_threads).where(chat_threads.c.id == thread_id).values(updated_at=_now()))

    def _owned_by(self, conn, thread_id: str | None, author: str | None) -> bool:
        """Every write checks the thread's owner, as every read does: nobody writes into someone else's chat by
        naming its id (a step or element carries its thread id from the browser)."""
        if not thread_id or not author:
            return False
        owner = conn.execute(select(chat_threads.c.author).where(chat_threads.c.id == thread_id)).scalar()
        if owner != author:
            if owner is not None:
                log.warning("history: write into a thread of another user refused")
            return False
        return True

    # -- users ---------------------------------------------------------------------------------------------
    async def get_user(self, identifier: str) -> PersistedUser | None:
        return PersistedUser(id=identifier, identifier=identifier, createdAt=_now().isoformat(), metadata={})

    async def create_user(self, user: User) -> PersistedUser | None:
        return PersistedUser(id=user.identifier, identifier=user.identifier, createdAt=_now().isoformat(),
                             metadata=user.metadata)

    # -- feedback: counted anonymously, never linked to a thread ----------------------------------------------
    async def upsert_feedback(self, feedback) -> str:
        if self.on_feedback is not None:
            self.on_feedback(bool(feedback.value))
        return feedback.id or uuid.uuid4().hex

    async def delete_feedback(self, feedback_id: str) -> bool:
        return True

    # -- steps ---------------------------------------------------------------------------------------------
    def _write_step(self, step: dict, author: str | None) -> None:
        thread_id = step.get("threadId")
        if not thread_id:
            return
        self._ensure_thread(thread_id, author)
        with self.engine.begin() as conn:
            if not self._owned_by(conn, thread_id, author):
                return
            existing = conn.execute(select(chat_steps.c.thread_id).where(chat_steps.c.id == step["id"])).scalar()
            if existing is not None and existing != thread_id:
                log.warning("history: a step cannot move to another thread")
                return
            sealed = self._seal(step)
            # One atomic upsert: create_step and update_step for the same step can race (several workers).
            values = {"id": step["id"], "thread_id": thread_id,
                      "created_at": step.get("createdAt") or _now().isoformat(), "data": sealed}
            conn.execute(_upsert(conn, chat_steps, values, update_columns=("data",)))

    async def create_step(self, step_dict) -> None:
        await self._write(self._write_step, dict(step_dict), _current_author())

    async def update_step(self, step_dict) -> None:
        await self._write(self._write_step, dict(step_dict), _current_author())

    async def delete_step(self, step_id: str) -> None:
        author = _current_author()

        def run():
            with self.engine.begin() as conn:
                thread_id = conn.execute(select(chat_steps.c.thread_id).where(chat_steps.c.id == step_id)).scalar()
                if self._owned_by(conn, thread_id, author):
                    conn.execute(delete(chat_steps).where(chat_steps.c.id == step_id))
        await self._write(run)

    # -- elements ------------------------------------------------------------------------------------------
    async def create_element(self, element) -> None:
        data = element.to_dict()
        content = getattr(element, "content", None)
        if isinstance(content, str):
            data["content"] = content
        author = _current_author()

        def run():
            if not data.get("threadId"):
                return
            self._ensure_thread(data["threadId"], author)
            with self.engine.begin() as conn:
                if not self._owned_by(conn, data["threadId"], author):
                    return
                existing = conn.execute(select(chat_elements.c.thread_id)
                                        .where(chat_elements.c.id == data["id"])).scalar()
                if existing is None or existing == data["threadId"]:
                    conn.execute(delete(chat_elements).where(chat_elements.c.id == data["id"]))
                    conn.execute(insert(chat_elements).values(id=data["id"], thread_id=data["threadId"],
                                                              data=self._seal(data)))
        await self._write(run)

    async def get_element(self, thread_id: str, element_id: str):
        def run():
            with self.engine.connect() as conn:
                row = conn.execute(select(chat_elements).where(chat_elements.c.id == element_id,
                                                               chat_elements.c.thread_id == thread_id)).first()
            return self._open(row.data) if row else None
        return await self._run(run)

    async def delete_element(self, element_id: str, thread_id: str | None = None) -> None:
        author = _current_author()

        def run():
            with self.engine.begin() as conn:
                owner_thread = conn.execute(select(chat_elements.c.thread_id)
                                            .where(chat_elements.c.id == element_id)).scalar()
                if self._owned_by(conn, owner_thread, author):
                    conn.execute(delete(chat_elements).where(chat_elements.c.id == element_id))
        await self._write(run)

    # -- threads -------------------------------------------------------------------------------------------
    async def get_thread_author(self, thread_id: str) -> str:
        def run():
            with self.engine.connect() as conn:
                return conn.execute(select(chat_threads.c.author).where(chat_threads.c.id == thread_id)).scalar()
        return await self._run(run) or ""

    async def delete_thread(self, thread_id: str) -> None:
        self.live.forget(thread_id)

        def run():
            with self.engine.begin() as conn:
                conn.execute(delete(chat_steps).where(chat_steps.c.thread_id == thread_id))
                conn.execute(delete(chat_elements).where(chat_elements.c.thread_id == thread_id))
                conn.execute(delete(chat_threads).where(chat_threads.c.id == thread_id))
        await self._run(run)

    def _thread_dict(self, row, with_content: bool) -> dict:
        meta = self._open(row.data)
        thread = {"id": row.id, "createdAt": row.created_at.isoformat(), "name": meta.get("name"),
                  "userId": row.author, "userIdentifier": row.author, "tags": meta.get("tags"),
                  "metadata": meta.get("metadata") or {}, "steps": [], "elements": []}
        if with_content:
            with self.engine.connect() as conn:
                steps = conn.execute(select(chat_steps).where(chat_steps.c.thread_id == row.id)
                                     .order_by(chat_steps.c.created_at)).all()
                elements = conn.execute(select(chat_elements).where(chat_elements.c.thread_id == row.id)).all()
            thread["steps"] = [self._open(s.data) for s in steps]
            thread["elements"] = [self._open(e.data) for e in elements]
        return thread

    async def list_threads(self, pagination, filters) -> PaginatedResponse:
        def run():
            owner = filters.userId
            if not owner:
                return PaginatedResponse(pageInfo=PageInfo(hasNextPage=False, startCursor=None, endCursor=None),
                                         data=[])
            with self.engine.connect() as conn:
                rows = conn.execute(select(chat_threads).where(chat_threads.c.author == owner)
                                    .order_by(chat_threads.c.updated_at.desc())).all()
            threads = [self._thread_dict(r, False) for r in rows]
            if filters.search:
                needle = filters.search.lower()
                threads = [t for t in threads if needle in (t["name"] or "").lower()]
            if pagination.cursor:
                ids = [t["id"] for t in threads]
                threads = threads[ids.index(pagination.cursor) + 1:] if pagination.cursor in ids else []
            page = threads[:pagination.first]
            return PaginatedResponse(
                pageInfo=PageInfo(hasNextPage=len(threads) > len(page),
                                  startCursor=page[0]["id"] if page else None,
                                  endCursor=page[-1]["id"] if page else None),
                data=page)
        return await self._run(run)

    async def get_thread(self, thread_id: str):
        def run():
            with self.engine.connect() as conn:
                row = conn.execute(select(chat_threads).where(chat_threads.c.id == thread_id)).first()
            return self._thread_dict(row, True) if row else None
        return await self._run(run)

    async def update_thread(self, thread_id: str, name: str | None = None, user_id: str | None = None,
                            metadata: dict | None = None, tags: list[str] | None = None) -> None:
        author = user_id or _current_author()

        def run():
            self._ensure_thread(thread_id, author)
            with self.engine.begin() as conn:
                row = conn.execute(select(chat_threads).where(chat_threads.c.id == thread_id)).first()
                if row is None:
                    return
                if (user_id and row.author != user_id) or (author and row.author != author):
                    return  # a thread never changes owner, and only its owner changes it
                meta = self._open(row.data)
                if name is not None:
                    meta["name"] = name
                if metadata is not None:
                    # Chainlit's "share" marks would show the chat to every logged-in user: never stored.
                    kept = {k: v for k, v in metadata.items() if k not in ("is_shared", "shared_at")}
                    meta["metadata"] = {**(meta.get("metadata") or {}), **kept}
                if tags is not None:
                    meta["tags"] = tags
                conn.execute(update(chat_threads).where(chat_threads.c.id == thread_id)
                             .values(data=self._seal(meta), updated_at=_now()))
        await self._write(run)

    async def build_debug_url(self) -> str:
        return ""

    async def close(self) -> None:
        return None

    async def get_favorite_steps(self, user_id: str) -> list:
        return []

    # -- retention -----------------------------------------------------------------------------------------
    def purge_older_than(self, days: int) -> int:
        """Delete every thread not used for ``days`` days; returns how many were deleted."""
        cutoff = _now() - timedelta(days=days)
        with self.engine.begin() as conn:
            old = [r.id for r in conn.execute(select(chat_threads.c.id).where(chat_threads.c.updated_at < cutoff))]
            for thread_id in old:
                conn.execute(delete(chat_steps).where(chat_steps.c.thread_id == thread_id))
                conn.execute(delete(chat_elements).where(chat_elements.c.thread_id == thread_id))
                conn.execute(delete(chat_threads).where(chat_threads.c.id == thread_id))
        return len(old)
