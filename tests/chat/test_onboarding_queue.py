"""The acknowledgement of the rules drops the onboarding's queued history writes — but never a real message's.

Chainlit names a chat after the session's first interaction and flushes the writes it queued until then. The
onboarding is no chat (chat/ui/data_layer.py drops its writes); when the first message follows the click at once,
Chainlit's task for the click can run after that message was queued, and dropping then would lose the chat.
"""

from __future__ import annotations

from collections import deque

from chat.ui.data_layer import _holds_a_message


def _queued(*steps: dict) -> dict:
    return {"create_step": deque((None, None, (step,), {}) for step in steps)}


def test_only_onboarding_messages_queued_may_be_dropped():
    onboarding = _queued({"type": "assistant_message", "output": "Willkommen"}, {"type": "run", "output": ""})
    assert not _holds_a_message(onboarding)
    assert not _holds_a_message({})


def test_a_queued_user_message_keeps_the_queue():
    chat = _queued({"type": "assistant_message", "output": "Willkommen"},
                   {"type": "user_message", "output": "Frage"})
    assert _holds_a_message(chat)
    updated = {"update_step": deque([(None, None, (), {"step_dict": {"type": "user_message"}})])}
    assert _holds_a_message(updated)


async def test_the_acknowledgement_writes_nothing_and_never_yields(tmp_path):
    """Chainlit flushes its queued writes right after ``update_thread`` returns. Had the acknowledgement's call
    waited on anything (a database write), the acknowledgement's own messages could join the queue first and be
    flushed into a nameless chat in the sidebar."""
    import pytest
    from cryptography.fernet import Fernet
    from sqlalchemy import select

    from chat.store.db import open_database
    from chat.store.history.schema import chat_threads
    from chat.ui.data_layer import ONBOARDING_ACTION, EncryptedHistory

    engine = open_database(f"sqlite:///{tmp_path / 'h.db'}")
    history = EncryptedHistory(engine, Fernet.generate_key())
    call = history.update_thread("t1", name=ONBOARDING_ACTION, user_id="erika")
    try:  # driven by hand inside the running loop: a wait would hand back what it waits for
        with pytest.raises(StopIteration):
            call.send(None)  # finished at the first step: it did not wait on anything
    finally:
        call.close()
    with engine.connect() as conn:
        assert conn.execute(select(chat_threads)).all() == []
    engine.dispose()
