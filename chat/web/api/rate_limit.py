"""Requests per minute per API key, counted in the database so that every server process shares one limit.

Generic cell rate algorithm (the token bucket as one number per key): each key may burst up to its per-minute
limit and then gets one request every ``60 / limit`` seconds. The row holds the "theoretical arrival time"
(TAT) of the next request; one conditional UPDATE admits a request and moves the TAT, so concurrent requests
in several processes (PostgreSQL or SQLite) are all counted — N processes allow the limit once, not N times.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import Engine, case, insert, select, update
from sqlalchemy.exc import IntegrityError

from chat.web.api.schema import api_rate_limits as table

WINDOW = 60.0  # seconds the per-minute limit refers to


class RateLimiter:
    def __init__(self, engine: Engine, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self._clock = clock

    def acquire(self, key_id: str, per_minute: int) -> float:
        """Take one request from ``key_id``'s allowance: 0.0 when allowed, else the seconds until it would be."""
        interval = WINDOW / max(1, per_minute)
        now = self._clock()
        next_tat = case((table.c.tat > now, table.c.tat), else_=now) + interval
        for _ in range(3):  # a row inserted concurrently by another process: try the update again
            with self.engine.begin() as conn:
                admitted = conn.execute(update(table).where(table.c.key_id == key_id, next_tat - now <= WINDOW)
                                        .values(tat=next_tat)).rowcount
                if admitted:
                    return 0.0
                tat = conn.execute(select(table.c.tat).where(table.c.key_id == key_id)).scalar()
                if tat is not None:
                    return max(tat, now) + interval - now - WINDOW
                try:
                    with conn.begin_nested():
                        conn.execute(insert(table).values(key_id=key_id, tat=now + interval))
                    return 0.0
                except IntegrityError:
                    continue
        return interval
