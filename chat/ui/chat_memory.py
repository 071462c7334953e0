"""Bound what Chainlit keeps in memory per open chat.

Chainlit appends every message of a websocket session to ``chainlit.chat_context.chat_contexts`` for as long
as the tab is open (a working day): its ``to_openai()`` helper reads it, and message editing, which SafeGPT
turns off (``edit_message = false``). SafeGPT reads neither — the prompt comes from the conversation's own
recent turns — so all but the last few messages are only memory growth and restored client data held in
the process. The soak (bench/soak.py --trace-memory) showed about two ``Message`` objects more per turn.
"""

from __future__ import annotations

from chainlit.chat_context import chat_contexts

KEEP_MESSAGES = 20  # the current turn's messages (steps, notes, answer) with room to spare


def forget_old_messages(session_id: str, keep: int = KEEP_MESSAGES) -> int:
    """Keep only the newest ``keep`` messages of the session; return how many were dropped."""
    messages = chat_contexts.get(session_id)
    if not messages or len(messages) <= keep:
        return 0
    dropped = len(messages) - keep
    del messages[:dropped]
    return dropped
