"""Encrypted per-user history: ciphertext at rest, owner-only, deleted after the retention period."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from chat.store.db import open_database
from chat.store.history.schema import chat_steps, chat_threads
from chat.ui.data_layer import EncryptedHistory

SECRET = "Frau Aylin Demir, geb. 14.03.1987"


@pytest.fixture
def store(tmp_path, monkeypatch):
    engine = open_database(f"sqlite:///{tmp_path / 'h.db'}")
    history = EncryptedHistory(engine, Fernet.generate_key())
    monkeypatch.setattr("chat.ui.data_layer._current_author", lambda: "erika")
    yield history
    engine.dispose()


def raw_database(store) -> bytes:
    url = str(store.engine.url).removeprefix("sqlite:///")
    store.engine.dispose()
    return b"".join(open(p, "rb").read() for p in (url, url + "-wal") if __import__("os").path.exists(p))


async def test_content_is_stored_only_as_ciphertext(store):
    await store.update_thread("t1", name=SECRET, user_id="erika")
    await store.create_step({"id": "s1", "threadId": "t1", "type": "user_message", "output": SECRET,
                             "createdAt": "2026-11-25T10:00:00Z"})
    thread = await store.get_thread("t1")
    assert thread["name"] == SECRET and thread["steps"][0]["output"] == SECRET
    blob = raw_database(store)
    assert b"Aylin" not in blob and b"Demir" not in blob and b"1987" not in blob


async def test_threads_belong_to_their_author_only(store):
    await store.update_thread("t1", name="Wohngeld", user_id="erika")
    assert await store.get_thread_author("t1") == "erika"
    mine = await store.list_threads(SimpleNamespace(first=10, cursor=None),
                                    SimpleNamespace(userId="erika", search=None, feedback=None))
    theirs = await store.list_threads(SimpleNamespace(first=10, cursor=None),
                                      SimpleNamespace(userId="chefin", search=None, feedback=None))
    everyone = await store.list_threads(SimpleNamespace(first=10, cursor=None),
                                        SimpleNamespace(userId=None, search=None, feedback=None))
    assert [t["id"] for t in mine.data] == ["t1"] and theirs.data == [] and everyone.data == []
    await store.update_thread("t1", name="übernommen", user_id="chefin")  # cannot take over a thread
    assert await store.get_thread_author("t1") == "erika"


async def test_retention_deletes_old_threads_with_their_steps(store):
    await store.update_thread("alt", name="alt", user_id="erika")
    await store.create_step({"id": "s-alt", "threadId": "alt", "output": "x", "createdAt": "2026-01-01T00:00:00Z"})
    await store.update_thread("neu", name="neu", user_id="erika")
    with store.engine.begin() as conn:
        conn.execute(update(chat_threads).where(chat_threads.c.id == "alt")
                     .values(updated_at=datetime.now(timezone.utc) - timedelta(days=31)))
    assert store.purge_older_than(30) == 1
    with store.engine.connect() as conn:
        assert [r.id for r in conn.execute(select(chat_threads))] == ["neu"]
        assert conn.execute(select(chat_steps)).all() == []


async def test_steps_without_a_known_owner_are_not_stored(store, monkeypatch):
    monkeypatch.setattr("chat.ui.data_layer._current_author", lambda: None)
    await store.create_step({"id": "s", "threadId": "ohne", "output": SECRET})
    with store.engine.connect() as conn:
        assert conn.execute(select(chat_steps)).all() == []


def test_history_can_be_switched_off(make_settings, provider):
    from chat.settings import load_settings
    from chat.wiring import SafeGPT
    from tests.conftest import settings_dict

    settings = settings_dict(make_settings(provider).data_dir, provider)
    settings["history"] = {"enabled": False}
    assert SafeGPT(load_settings(use_file=False, **settings)).history is None


async def test_concurrent_create_and_update_of_one_step_keep_the_last_write(store):
    import asyncio

    await store.update_thread("t", name="x", user_id="erika")
    step = {"id": "s", "threadId": "t", "type": "assistant_message", "createdAt": "2026-11-25T10:00:00Z"}
    # Whole, unrelated texts: a torn, merged or stale row cannot pass for one of them.
    concurrent = ["Antrag auf Wohngeld", "Hilfeplan Juni", "Kita-Gutschein", "Schuldnerberatung",
                  "Pflegegrad drei", "Umzugskosten", "Elterngeld", "Tafelausweis"]
    await asyncio.gather(*[store.update_step({**step, "output": text}) for text in concurrent],
                         store.create_step({**step, "output": "Erstentwurf"}))
    thread = await store.get_thread("t")
    assert len(thread["steps"]) == 1 and thread["steps"][0]["output"] in {*concurrent, "Erstentwurf"}
    # The write that comes after all of them is the one kept (an insert-or-ignore would keep an old one).
    await store.update_step({**step, "output": "Endfassung"})
    assert [s["output"] for s in (await store.get_thread("t"))["steps"]] == ["Endfassung"]


async def test_a_steps_create_and_its_update_are_stored_in_the_order_chainlit_issued_them(store, monkeypatch):
    """Chainlit fires a step's create (empty output) and then its update (the answer) as separate tasks. When the
    create is the slower write, it must still not land after the update and blank the stored answer."""
    import asyncio
    import time

    await store.update_thread("t", name="x", user_id="erika")
    real = store._write_step

    def slow_when_empty(step, author):
        if not step.get("output"):
            time.sleep(0.3)  # the database is slow for this one write
        real(step, author)

    monkeypatch.setattr(store, "_write_step", slow_when_empty)
    step = {"id": "s", "threadId": "t", "type": "assistant_message", "createdAt": "2026-11-25T10:00:00Z"}
    created = asyncio.create_task(store.create_step({**step, "output": ""}))
    updated = asyncio.create_task(store.update_step({**step, "output": "Die Antwort"}))
    await asyncio.gather(created, updated)
    assert [s["output"] for s in (await store.get_thread("t"))["steps"]] == ["Die Antwort"]


async def test_the_not_saved_note_lasts_while_the_database_is_unavailable_not_while_catching_up(store, monkeypatch):
    """Writes kept during an outage are written in order once the database answers; while that backlog drains,
    the database is reachable and the chat must not say it is not (chat/ui/chat_turn.py shows the note)."""
    from sqlalchemy.exc import OperationalError

    await store.update_thread("t", name="x", user_id="erika")
    real = store._write_step
    down = True
    seen: list[tuple[bool, int]] = []  # (waiting_for_database, unsaved) after each write that reached the database

    def write(step, author):
        if down:
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        real(step, author)
        seen.append((store.waiting_for_database, store.unsaved))

    monkeypatch.setattr(store, "_write_step", write)
    assert not store.waiting_for_database
    for n in range(3):
        await store.create_step({"id": f"s{n}", "threadId": "t", "type": "user_message", "output": f"Text {n}",
                                 "createdAt": f"2026-11-25T10:00:0{n}Z"})
    assert store.unsaved == 3 and store.waiting_for_database
    with pytest.raises(OperationalError):  # the flusher's try while still down changes nothing
        store.save_unsaved()
    assert store.unsaved == 3 and store.waiting_for_database
    down = False
    assert store.save_unsaved() == 3
    # The first kept write reached the database: from then on only the backlog remains, no outage.
    assert seen == [(True, 3), (False, 2), (False, 1)]
    assert not store.waiting_for_database and store.unsaved == 0
    assert [s["output"] for s in (await store.get_thread("t"))["steps"]] == ["Text 0", "Text 1", "Text 2"]


async def _chat(store, thread_id: str, author: str, text: str) -> None:
    await store.update_thread(thread_id, name=text[:20], user_id=author)
    await store.create_step({"id": f"{thread_id}-s", "threadId": thread_id, "type": "user_message", "output": text,
                             "createdAt": "2026-11-25T10:00:00Z"})
    await store.create_step({"id": f"{thread_id}-p", "threadId": thread_id, "type": "tool",
                             "name": "Geschützte Angaben", "output": f"{text} → [Person 1]",
                             "createdAt": "2026-11-25T10:00:01Z"})


async def test_people_list_and_delete_only_their_own_chats(store, monkeypatch):
    await _chat(store, "mine-1", "erika", "Frau Hilke Borowczak braucht Hilfe")
    await _chat(store, "mine-2", "erika", "Herr Jost Wiegandt ruft an")
    monkeypatch.setattr("chat.ui.data_layer._current_author", lambda: "chefin")
    await _chat(store, "theirs", "chefin", "Frau Ilse Quandtmeier schreibt")
    assert [t.name for t in store.threads_of("erika")] == ["Herr Jost Wiegandt r", "Frau Hilke Borowczak"]
    assert store.delete_threads_of("erika", ["theirs"]) == 0  # someone else's id: nothing happens
    assert store.delete_threads_of("erika", ["mine-1"]) == 1
    assert [t.id for t in store.threads_of("erika")] == ["mine-2"]
    assert store.delete_threads_of("erika") == 1
    assert store.threads_of("erika") == [] and [t.id for t in store.threads_of("chefin")] == ["theirs"]
    with store.engine.connect() as conn:
        assert {r.thread_id for r in conn.execute(select(chat_steps))} == {"theirs"}


async def test_a_deleted_chat_leaves_no_ciphertext_in_the_database_files(store):
    """Free pages and the write-ahead log would otherwise still hold the deleted chat, readable with the key."""
    from cryptography.fernet import InvalidToken

    from tests.privacy.instance_scan import FERNET_TOKEN

    await _chat(store, "weg", "erika", "Frau Hilke Borowczak, geb. 02.02.1961")
    await _chat(store, "bleibt", "erika", "Herr Jost Wiegandt ruft an")
    await store.delete_thread("weg")
    path = str(store.engine.url).removeprefix("sqlite:///")
    running = b"".join(open(p, "rb").read() for p in (path, path + "-wal") if os.path.exists(p))  # still open
    texts = []
    for token in FERNET_TOKEN.findall(running + raw_database(store)):
        try:
            texts.append(store.fernet.decrypt(token).decode())
        except InvalidToken:
            continue
    assert any("Wiegandt" in t for t in texts)  # the scan reads what is there
    assert not any("Borowczak" in t or "02.02.1961" in t for t in texts)


async def test_deleting_a_chat_forgets_its_open_conversation(store):
    conversation = object()
    store.live.remember("erika", "offen", conversation)
    await _chat(store, "offen", "erika", "Frau Hilke Borowczak")
    assert store.live.get("erika", "offen") is conversation
    assert store.delete_threads_of("erika") == 1
    assert store.live.get("erika", "offen") is None
