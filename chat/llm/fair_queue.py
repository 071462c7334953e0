"""A first-come-first-served waiting line in front of a model that serves few requests at once.

The in-process llama.cpp model answers one request at a time. Staff whose request waits are told their
place in the line, and can leave it (cancel) at any moment without blocking those behind them.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator


class Ticket:
    """One request's place in a :class:`FairQueue`."""

    __slots__ = ("_wake",)

    def __init__(self) -> None:
        self._wake = asyncio.Event()


class FairQueue:
    def __init__(self, slots: int = 1) -> None:
        if slots < 1:
            raise ValueError("slots must be at least 1")
        self.slots = slots
        self._waiting: deque[Ticket] = deque()
        self._holders: set[Ticket] = set()

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    @property
    def busy(self) -> int:
        return len(self._holders)

    async def turns(self, ticket: Ticket) -> AsyncIterator[int]:
        """Wait for ``ticket``'s turn, yielding how many requests are ahead whenever that changes.

        Ends (without yielding) once the ticket holds a slot; the caller must then :meth:`release` it.
        Leaving early — cancellation or closing the iterator — frees the place in line.
        """
        self._waiting.append(ticket)
        last = None
        try:
            while True:
                ticket._wake.clear()
                index = self._waiting.index(ticket)
                free = self.slots - len(self._holders)
                if index < free:
                    self._waiting.remove(ticket)
                    self._holders.add(ticket)
                    return
                # how many requests must finish before this one gets a slot
                ahead = index - free + 1
                if ahead != last:
                    last = ahead
                    yield ahead
                await ticket._wake.wait()
        except BaseException:
            if ticket in self._waiting:
                self._waiting.remove(ticket)
                self._wake_all()
            raise

    def release(self, ticket: Ticket) -> None:
        self._holders.discard(ticket)
        self._wake_all()

    def _wake_all(self) -> None:
        for waiting in self._waiting:
            waiting._wake.set()
