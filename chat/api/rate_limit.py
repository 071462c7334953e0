"""Requests per minute per API key: a token bucket in this process's memory.

Each key may burst up to its per-minute limit and then gets one request every ``60 / limit`` seconds.
With several server processes each keeps its own buckets (the limit then applies per process).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key id -> (tokens, last refill time)
        self._max_keys = max_keys

    def acquire(self, key_id: str, per_minute: int) -> float:
        """Take one request from ``key_id``'s bucket: 0.0 when allowed, else the seconds until it would be."""
        capacity = float(max(1, per_minute))
        rate = capacity / 60.0
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[key_id] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key_id] = (tokens, now)
            if len(self._buckets) > self._max_keys:  # full buckets carry no information: forget them
                full = [k for k, (t, _) in self._buckets.items() if t >= capacity]
                for k in full[: len(full) // 2 or 1]:
                    self._buckets.pop(k, None)
            return (1.0 - tokens) / rate
