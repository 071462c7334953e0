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
        self._buckets: dict[str, tuple[float, float, float]] = {}  # key id -> (tokens, last refill, capacity)
        self._max_keys = max_keys

    def acquire(self, key_id: str, per_minute: int) -> float:
        """Take one request from ``key_id``'s bucket: 0.0 when allowed, else the seconds until it would be."""
        capacity = float(max(1, per_minute))
        rate = capacity / 60.0
        now = self._clock()
        with self._lock:
            tokens, last, _ = self._buckets.get(key_id, (capacity, now, capacity))
            tokens = min(capacity, tokens + (now - last) * rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[key_id] = (tokens, now, capacity)
            if len(self._buckets) > self._max_keys:
                self._forget(now)
            return 0.0 if allowed else (1.0 - tokens) / rate

    def _forget(self, now: float) -> None:
        # A bucket that has refilled completely carries no information; drop those first, then the oldest.
        full = [k for k, (t, last, cap) in self._buckets.items() if t + (now - last) * cap / 60.0 >= cap]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) > self._max_keys:
            for k in sorted(self._buckets, key=lambda k: self._buckets[k][1])[: len(self._buckets) - self._max_keys]:
                del self._buckets[k]
