"""Remove chat uploads that were never sent: Chainlit keeps each tab's uploads under ``.files/<session id>/``
until the tab's session ends, and a crash or a killed process leaves them there for good.

Swept at start and then regularly: folders of sessions this process does not serve, untouched for a while
(another process on the same data directory may still be using a fresh one), and files older than
``max_file_age`` even in a live session (an attachment is read and deleted when its message is sent).
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger(__name__)


def sweep_uploads(files_dir: Path, live_sessions: Iterable[str], *, idle_seconds: float = 60.0,
                  max_file_age: float = 3600.0, now: float | None = None) -> int:
    """Delete leftovers below ``files_dir``; returns how many files and folders were removed."""
    now = time.time() if now is None else now
    live = set(live_sessions)
    removed = 0
    if not files_dir.is_dir():
        return 0
    for entry in files_dir.iterdir():
        try:
            if entry.name in live and entry.is_dir():
                for item in entry.iterdir():
                    if now - item.stat().st_mtime > max_file_age:
                        shutil.rmtree(item) if item.is_dir() else item.unlink()
                        removed += 1
            elif now - _newest(entry) > idle_seconds:
                shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
                removed += 1
        except FileNotFoundError:
            continue  # removed meanwhile by Chainlit or another process
    if removed:
        log.info("uploads: %d leftovers removed", removed)
    return removed


def _newest(entry: Path) -> float:
    newest = entry.lstat().st_mtime
    if entry.is_dir() and not entry.is_symlink():
        for item in entry.rglob("*"):
            try:
                newest = max(newest, item.lstat().st_mtime)
            except FileNotFoundError:
                pass
    return newest


async def sweep_regularly(files_dir: Path, live_sessions: Callable[[], Iterable[str]], every_seconds: float) -> None:
    """Sweep at once, then every ``every_seconds`` (runs as a task of the server)."""
    import asyncio

    while True:
        try:
            await asyncio.to_thread(sweep_uploads, files_dir, list(live_sessions()))
        except Exception as exc:  # keep serving; next round
            log.warning("uploads: sweep failed (%s)", type(exc).__name__)
        await asyncio.sleep(every_seconds)
