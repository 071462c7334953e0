"""Conversations that callers name (``safegpt.conversation_id``), kept in memory with a TTL and an LRU bound.

Only the pseudonym vault and the pseudonymised turns live here, for as long as the conversation is used;
nothing is written to disk, and a restart forgets all of them (the caller then simply gets new pseudonyms).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class ConversationStore(Generic[T]):
    def __init__(self, ttl_seconds: float, max_size: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl_seconds
        self.max_size = max_size
        self._clock = clock
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[str, str], tuple[T, float]] = OrderedDict()

    def get_or_create(self, key: tuple[str, str], create: Callable[[], T]) -> T:
        """The conversation of (key id, conversation id); a new one when unknown or expired."""
        now = self._clock()
        with self._lock:
            self._expire(now)
            found = self._items.pop(key, None)
            conv = found[0] if found is not None else create()
            self._items[key] = (conv, now)
            while len(self._items) > self.max_size:
                self._items.popitem(last=False)
            return conv

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._items)

    def _expire(self, now: float) -> None:
        while self._items:
            key, (_, used) = next(iter(self._items.items()))
            if now - used <= self.ttl:
                break
            self._items.popitem(last=False)
