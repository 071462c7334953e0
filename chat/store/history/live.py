"""The open conversations of this process, by chat thread: a reconnect keeps the pseudonyms.

A conversation's pseudonym vault (real value ↔ pseudonym) lives only in this process's memory. When the
browser's websocket drops and Chainlit restores the session, the session still holds its conversation. A
page reload, however, opens a *new* Chainlit session that resumes the thread from the history; without this
registry it would get a fresh vault. With it, the resumed session gets the very same conversation object
(same vault, same hand-marked values, same pseudonymised turns), so "Frau Demir" keeps her pseudonym
upstream. Sticky sessions send the reload to the same process.

Nothing here is ever written anywhere. After a process restart (or on another process after a failover)
the conversation is rebuilt from the encrypted history instead (:func:`reopen_conversation`).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from guardrails import DataClass

if TYPE_CHECKING:
    from chat.core.pipeline import Conversation, Pipeline

# A working day, like the default login lifetime: after that the user logs in again anyway.
IDLE_SECONDS = 10 * 3600
MAX_OPEN = 5000  # bounds memory; the least recently used conversation is rebuilt from history if needed


@dataclass
class _Open:
    owner: str
    conversation: "Conversation"
    last_used: float


class LiveConversations:
    """Thread id → open :class:`Conversation` of its owner, dropped after ``idle_seconds`` without use."""

    def __init__(self, idle_seconds: float = IDLE_SECONDS, max_open: int = MAX_OPEN,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.idle_seconds = idle_seconds
        self.max_open = max_open
        self._clock = clock
        self._open: OrderedDict[str, _Open] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._open)

    def __repr__(self) -> str:  # never the conversations themselves
        return f"LiveConversations(open={len(self._open)})"

    def remember(self, owner: str, thread_id: str, conversation: "Conversation") -> None:
        with self._lock:
            self._expire()
            self._open[thread_id] = _Open(owner, conversation, self._clock())
            self._open.move_to_end(thread_id)
            while len(self._open) > self.max_open:
                self._open.popitem(last=False)

    def get(self, owner: str, thread_id: str) -> "Conversation | None":
        """The owner's open conversation of this thread; None for anyone else or when it has expired."""
        with self._lock:
            self._expire()
            entry = self._open.get(thread_id)
            if entry is None or entry.owner != owner:
                return None
            entry.last_used = self._clock()
            self._open.move_to_end(thread_id)
            return entry.conversation

    def forget(self, thread_id: str) -> None:
        with self._lock:
            self._open.pop(thread_id, None)

    def _expire(self) -> None:
        cutoff = self._clock() - self.idle_seconds
        while self._open:
            thread_id, entry = next(iter(self._open.items()))
            if entry.last_used >= cutoff:
                break
            del self._open[thread_id]


def rebuild_conversation(pipeline: "Pipeline", thread: dict[str, Any], model_name: str | None) -> "Conversation":
    """A fresh vault re-learns the thread from the (decrypted) history, in the original order.

    Every user message is pseudonymised again (so names get the same placeholder numbers as before), values
    the user marked by hand (``/schützen …``) are marked again, and only answered turns go into the model's
    history, as in the original conversation. Surrogate names are drawn anew, but consistently for the whole
    rebuilt context — the model keeps nothing between requests, so it only sees one consistent mapping.
    """
    from chat.core import messages as texts

    answer_author = texts.ANSWERED_BY.split("{")[0]
    conversation = pipeline.new_conversation(model_name)
    asked: str | None = None  # the pseudonymised user message waiting for its answer
    for step in thread.get("steps", []):
        text = (step.get("output") or "").strip()
        if not text:
            continue
        if step.get("type") == "user_message":
            command, _, value = text.partition(" ")
            if command.lower() in texts.MARK_COMMANDS:
                if value.strip():
                    conversation.guard.mark(value.strip())
                continue
            asked_protected = conversation.guard.protect(text)
            asked = asked_protected.text
        elif (step.get("type") == "assistant_message" and asked is not None
              and str(step.get("name") or "").startswith(answer_author)):  # answers, not system notes
            answer = conversation.guard.protect(text)
            conversation.history += [{"role": "user", "content": asked},
                                     {"role": "assistant", "content": answer.text}]
            # The rebuilt chat carries these turns again: its data class is theirs (at least), so a resumed
            # chat with health data stays where it was allowed to go.
            conversation.raise_class(DataClass.highest((asked_protected.data_class, answer.data_class)))
            asked = None
    return conversation


def reopen_conversation(pipeline: "Pipeline", live: LiveConversations, owner: str, thread: dict[str, Any],
                        model_name: str | None) -> "Conversation":
    """The thread's open conversation in this process if there is one, else rebuilt from the history."""
    conversation = live.get(owner, thread["id"])
    if conversation is None:
        conversation = rebuild_conversation(pipeline, thread, model_name)
        live.remember(owner, thread["id"], conversation)
    return conversation
