"""Stop reading a request body once it passes a limit (uploads without a declared size)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

Receive = Callable[[], Awaitable[dict]]


def limited_receive(receive: Receive, limit: int, too_large: Callable[[], Exception]) -> Receive:
    """An ASGI ``receive`` that raises ``too_large()`` as soon as the body read so far passes ``limit`` bytes."""
    seen = 0

    async def limited() -> dict:
        nonlocal seen
        event = await receive()
        if event["type"] == "http.request":
            seen += len(event.get("body", b""))
            if seen > limit:
                raise too_large()
        return event

    return limited
