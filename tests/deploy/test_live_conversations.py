"""The per-process registry of open conversations (chat/store/history/live.py): owner-bound, bounded, expiring."""

from __future__ import annotations

from chat.store.history.live import LiveConversations


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_only_the_owner_gets_the_conversation_back():
    live = LiveConversations()
    conversation = object()
    live.remember("fachkraft", "thread-1", conversation)
    assert live.get("fachkraft", "thread-1") is conversation
    assert live.get("chefin", "thread-1") is None
    assert live.get("fachkraft", "thread-2") is None


def test_idle_conversations_expire_and_use_keeps_them():
    clock = Clock()
    live = LiveConversations(idle_seconds=100, clock=clock)
    kept, dropped = object(), object()
    live.remember("a", "kept", kept)
    live.remember("a", "dropped", dropped)
    clock.now = 60
    assert live.get("a", "kept") is kept
    clock.now = 130
    assert live.get("a", "dropped") is None
    assert live.get("a", "kept") is kept
    assert len(live) == 1


def test_the_least_recently_used_goes_first_when_full_and_forget_removes():
    live = LiveConversations(max_open=2)
    first, second, third = object(), object(), object()
    live.remember("a", "1", first)
    live.remember("a", "2", second)
    live.get("a", "1")
    live.remember("a", "3", third)
    assert live.get("a", "2") is None and live.get("a", "1") is first and live.get("a", "3") is third
    live.forget("1")
    assert live.get("a", "1") is None
    assert "open=1" in repr(live)


def test_after_a_restart_the_chat_is_rebuilt_from_the_history_with_marked_values(make_settings, provider):
    """No vault is stored: the decrypted history alone gives back the placeholders and the hand-marked values."""
    from chat.store.history.live import rebuild_conversation
    from chat.wiring import SafeGPT

    app = SafeGPT(make_settings(provider))
    try:
        original = app.pipeline.new_conversation()
        first = original.guard.protect("Frau Aylin Demir braucht Wohngeld.").text
        thread = {"id": "t", "steps": [
            {"type": "user_message", "output": "Frau Aylin Demir braucht Wohngeld."},
            {"type": "assistant_message", "name": "Antwort von Externes Testmodell (KI)",
             "output": "Für Aylin Demir gilt: Mietbescheinigung beifügen."},
            {"type": "assistant_message", "name": "SafeGPT", "output": "⚠️ Ein Hinweis des Systems."},
            {"type": "user_message", "output": "Herr Jonas Becker fragt auch."},  # failed: no answer
            {"type": "user_message", "output": "/schützen Lindenhof"},
        ]}
        rebuilt = rebuild_conversation(app.pipeline, thread, None)
        assert [m["role"] for m in rebuilt.history] == ["user", "assistant"]
        assert rebuilt.history[0]["content"] == first and "Demir" not in str(rebuilt.history)
        again = rebuilt.guard.protect("Was braucht Frau Demir in der Wohngruppe Lindenhof? Herr Becker?").text
        assert "[Person 1]" in again and "[Person 2]" in again
        assert "Demir" not in again and "Lindenhof" not in again and "Becker" not in again
    finally:
        app.close()
