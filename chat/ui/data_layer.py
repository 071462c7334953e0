"""Chainlit data layer over SafeGPT's database with all chat content encrypted (Fernet)."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import json
import logging
import shutil
import threading
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from chainlit.data.base import BaseDataLayer
from chainlit.data.utils import queue_until_user_message
from chainlit.types import PageInfo, PaginatedResponse
from chainlit.user import PersistedUser, User
from cryptography.fernet import Fernet
from sqlalchemy import Engine, delete, insert, select, update

from chat.store.db.engine import erase_freed_pages
from chat.store.db.faults import database_unavailable
from chat.store.history.live import LiveConversations
from chat.store.history.schema import chat_elements, chat_steps, chat_threads


def _upsert(conn, table, values: dict, update_columns: tuple[str, ...]) -> None:
    """INSERT … ON CONFLICT (id) DO UPDATE (or DO NOTHING without ``update_columns``) for SQLite and PostgreSQL."""
    conn.execute(_upsert_statement(conn.dialect.name, table, update_columns), values)


@functools.cache
def _upsert_statement(dialect: str, table, update_columns: tuple[str, ...]):
    """Built once per table: the conflict clause's ``excluded`` alias costs a column collection each time it is
    built (about a tenth of the server's CPU per chat message, bench/load.py --profile); the values are bound
    when it runs."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    statement = dialect_insert(table)
    if not update_columns:
        return statement.on_conflict_do_nothing(index_elements=["id"])
    return statement.on_conflict_do_update(index_elements=["id"],
                                           set_={c: statement.excluded[c] for c in update_columns})


log = logging.getLogger(__name__)
# The button that acknowledges the rules of use (chat/ui/onboarding_ui.py). Chainlit opens a chat in the history
# at a session's first interaction and names it after it — also after this click; the onboarding is no chat, so
# that name opens none (the first real message does, and names it).
ONBOARDING_ACTION = "Nutzungsregeln bestätigt"
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


@dataclass(frozen=True)
class ThreadSummary:
    id: str
    name: str = field(repr=False)
    created_at: datetime
    updated_at: datetime


def _remove_session_files(thread_ids: set[str]) -> None:
    """Files an open Chainlit session keeps for a deleted chat (source excerpts shown under answers) go too."""
    from chainlit.session import ws_sessions_id

    for session in list(ws_sessions_id.values()):
        if session.thread_id in thread_ids:
            shutil.rmtree(session.files_dir, ignore_errors=True)
def _until_first_interaction(method):
    """Chainlit's ``queue_until_user_message`` inside a chat session; outside one (the CLI, tests, the writes
    kept during a database outage) the write happens at once instead of failing for want of a session."""
    queued = queue_until_user_message()(method)

    @functools.wraps(method)
    async def wrapper(self, *args, **kwargs):
        from chainlit.context import ChainlitContextException, context

        try:
            context.session
        except ChainlitContextException:
            return await method(self, *args, **kwargs)
        return await queued(self, *args, **kwargs)

    return wrapper


def _holds_a_message(queues: dict) -> bool:
    """True when a user's message is among the queued writes: Chainlit's task for the acknowledgement ran after
    the first real message (sent right after the click), and dropping the queue would lose that chat's steps."""
    for method in ("create_step", "update_step"):
        for _method, _self, args, kwargs in queues.get(method, ()):
            step = args[0] if args else kwargs.get("step_dict", {})
            if isinstance(step, dict) and step.get("type") == "user_message":
                return True
    return False


def forget_onboarding_writes() -> None:
    """Chainlit calls ``update_thread`` with the first interaction's name and only then flushes the writes queued
    so far. For the acknowledgement of the rules those are the onboarding's messages: drop them, and wait for the next
    interaction again (the onboarding is no chat). Called from ``update_thread`` and by the acknowledgement itself
    (chat/ui/onboarding_ui.py), whichever of Chainlit's tasks runs first; a queued user message keeps the queue."""
    from chainlit.context import ChainlitContextException, context

    try:
        session = context.session
    except ChainlitContextException:
        return
    queues = getattr(session, "thread_queues", None)
    if queues is not None and not _holds_a_message(queues):
        queues.clear()
    session.has_first_interaction = False


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
        self._database_down = False  # the last write tried met an unavailable database
        self._dropped = 0
        # One writer thread: Chainlit fires each write as a task of its own (a step's create, then its update with
        # the output). Run side by side, the create could commit last and blank the stored answer; one thread
        # applies them in the order they were issued.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="history-write")

    # -- helpers -------------------------------------------------------------------------------------------
    def _seal(self, value: Any) -> str:
        return self.fernet.encrypt(json.dumps(value, ensure_ascii=False, default=str).encode()).decode()

    def _open(self, token: str) -> Any:
        return json.loads(self.fernet.decrypt(token.encode()))

    async def _run(self, fn, *args):
        return await asyncio.to_thread(fn, *args)

    # -- writes survive a database outage ---------------------------------------------------------------------
    async def _write(self, fn, *args) -> None:
        """Run a write in the writer thread, in the order writes are issued; if the database is down or locked,
        keep it and write it later, in order.

        Chainlit runs these writes as tasks nobody awaits: an exception would reach the log through asyncio with
        its traceback and the SQL parameters (a user name, ciphertext). Log only its type instead."""
        write = functools.partial(contextvars.copy_context().run, self._write_or_keep, functools.partial(fn, *args))
        try:
            await asyncio.get_running_loop().run_in_executor(self._writer, write)
        except Exception as exc:
            log.error("history: a write failed (%s) and is lost", type(exc).__name__)

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
                self._database_down = True
                self._keep(write)

    def _keep(self, write: Callable[[], None]) -> None:
        if len(self._unsaved) >= MAX_UNSAVED:
            self._dropped += 1
            log.error("history: %d writes could not be kept during a database outage", self._dropped)
            return
        self._unsaved.append(write)

    @property
    def unsaved(self) -> int:
        """How many history writes wait to be written (during an outage, and while catching up after it)."""
        return len(self._unsaved)

    @property
    def waiting_for_database(self) -> bool:
        """Writes are kept because the database is unavailable — not merely queued behind the catching up that
        follows an outage, which writes them within seconds (the chat's "not saved" note depends on this)."""
        return self._database_down and bool(self._unsaved)

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
                    self._database_down = True
                    raise
                log.error("history: a kept write failed (%s) and is dropped", type(exc).__name__)
            with self._unsaved_lock:
                self._database_down = False  # it answered
                self._unsaved.popleft()
            saved += 1

    def _ensure_thread(self, thread_id: str, author: str | None) -> None:
        with self.engine.begin() as conn:
            row = conn.execute(select(chat_threads.c.id).where(chat_threads.c.id == thread_id)).first()
            if row is None:
                if not author:
                    return  # never store a thread without its owner
                now = _now()
                # Several writes of a new chat arrive at once (Chainlit fires them as separate tasks): the
                # first creates the row, the others must not fail on it.
                _upsert(conn, chat_threads, dict(id=thread_id, author=author, created_at=now, updated_at=now,
                                                 data=self._seal({})), ())
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
    # Step and element writes wait, as in Chainlit's own data layers, for the session's first interaction (a
    # message, or a click Chainlit counts as one): a chat opened and left, or the onboarding, is no chat in the
    # history (the decorator on BaseDataLayer is lost by overriding, so it is repeated here).
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
            _upsert(conn, chat_steps, values, update_columns=("data",))

    @_until_first_interaction
    async def create_step(self, step_dict) -> None:
        await self._write(self._write_step, dict(step_dict), _current_author())

    @_until_first_interaction
    async def update_step(self, step_dict) -> None:
        await self._write(self._write_step, dict(step_dict), _current_author())

    @_until_first_interaction
    async def delete_step(self, step_id: str) -> None:
        author = _current_author()

        def run():
            with self.engine.begin() as conn:
                thread_id = conn.execute(select(chat_steps.c.thread_id).where(chat_steps.c.id == step_id)).scalar()
                if self._owned_by(conn, thread_id, author):
                    conn.execute(delete(chat_steps).where(chat_steps.c.id == step_id))
        await self._write(run)

    # -- elements ------------------------------------------------------------------------------------------
    @_until_first_interaction
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

    @_until_first_interaction
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
        """Delete one chat with everything of it (Chainlit checks first that the caller is its author)."""
        await self._run(self._delete_threads, [thread_id])
        _remove_session_files({thread_id})

    def threads_of(self, author: str) -> list[ThreadSummary]:
        """``author``'s own chats, newest first, with their (decrypted) titles — for "Meine Chats"."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(chat_threads).where(chat_threads.c.author == author)
                                .order_by(chat_threads.c.updated_at.desc())).all()
        return [ThreadSummary(r.id, str(self._open(r.data).get("name") or ""), r.created_at, r.updated_at)
                for r in rows]

    def delete_threads_of(self, author: str, thread_ids: list[str] | None = None) -> int:
        """Delete ``author``'s chats — all of them, or those of ``thread_ids`` that are theirs (others' ids are
        ignored); returns how many were deleted."""
        query = select(chat_threads.c.id).where(chat_threads.c.author == author)
        if thread_ids is not None:
            query = query.where(chat_threads.c.id.in_(thread_ids))
        with self.engine.connect() as conn:
            ids = list(conn.execute(query).scalars())
        deleted = self._delete_threads(ids)
        _remove_session_files(set(ids))
        return deleted

    def _delete_threads(self, thread_ids: list[str]) -> int:
        """Remove the threads with their steps (texts, answers, the "Geschützte Angaben" step that pairs real
        values with placeholders) and elements (attachment names, source excerpts), and forget their open
        conversation (the pseudonym vault in memory). On SQLite the freed pages are overwritten and the
        write-ahead log is emptied, so no ciphertext of a deleted chat stays in the database files."""
        for thread_id in thread_ids:
            self.live.forget(thread_id)
        if not thread_ids:
            return 0
        with self.engine.begin() as conn:
            conn.execute(delete(chat_steps).where(chat_steps.c.thread_id.in_(thread_ids)))
            conn.execute(delete(chat_elements).where(chat_elements.c.thread_id.in_(thread_ids)))
            conn.execute(delete(chat_threads).where(chat_threads.c.id.in_(thread_ids)))
        erase_freed_pages(self.engine)
        return len(thread_ids)

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
        if name == ONBOARDING_ACTION:
            # Nothing to write, and no await: Chainlit flushes its queue right after this call, and any await here
            # would let the acknowledgement's own messages join the queue first and open a nameless chat.
            forget_onboarding_writes()
            return

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
        with self.engine.connect() as conn:
            old = list(conn.execute(select(chat_threads.c.id).where(chat_threads.c.updated_at < cutoff)).scalars())
        return self._delete_threads(old)
