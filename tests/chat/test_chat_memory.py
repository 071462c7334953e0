"""Chainlit's per-session message list is bounded (chat/ui/chat_memory.py)."""

from chainlit.chat_context import chat_contexts

from chat.ui.chat_memory import forget_old_messages


def test_only_the_newest_messages_of_the_session_are_kept_and_other_sessions_are_untouched():
    chat_contexts["lang"] = list(range(50))
    chat_contexts["kurz"] = list(range(5))
    try:
        assert forget_old_messages("lang", keep=20) == 30
        assert chat_contexts["lang"] == list(range(30, 50))  # the newest, in order
        assert forget_old_messages("kurz", keep=20) == 0 and chat_contexts["kurz"] == list(range(5))
        assert forget_old_messages("unbekannt") == 0  # a session Chainlit has no list for
    finally:
        del chat_contexts["lang"], chat_contexts["kurz"]
