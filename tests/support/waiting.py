"""Waiting for something a server does in the background (history writes, readiness), without fixed sleeps."""

from __future__ import annotations

import asyncio
import time


async def wait_until(check, timeout: float, what: str) -> None:
    """Poll the blocking ``check`` (run in a worker thread) until it is true; fail with ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not await asyncio.to_thread(check):
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.5)
