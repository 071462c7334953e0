"""Ports for the servers the tests start, without races between parallel test workers.

Asking the kernel for a free port (bind to port 0, close, hand the number on) leaves a gap until the server
binds it; in that gap another test worker can be handed the same number — its server then answers in place of
the one this test started (an nginx that could not bind looked "ready" because another worker's SafeGPT answered
on its port). So every xdist worker takes ports from a block of its own, below the kernel's ephemeral range
(32768–60999 by default, which the kernel uses for port 0 and outgoing connections), and skips ports in use.
"""

from __future__ import annotations

import itertools
import os
import random
import socket
import threading

FIRST_PORT = 20000
BLOCK = 1000  # ports per worker: gw0 20000–20999, gw1 21000–21999, …; a run without xdist uses the last block
WORKER_BLOCKS = 12  # 20000–31999, below the ephemeral range


def _block() -> int:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw") and worker[2:].isdigit():
        index = int(worker[2:])
        if index >= WORKER_BLOCKS - 1:
            raise RuntimeError(f"at most {WORKER_BLOCKS - 1} test workers have a port block of their own")
        return index
    return WORKER_BLOCKS - 1


_lock = threading.Lock()
# A random start within the block: a second test run on the same machine rarely walks the same numbers at once.
_cursor = itertools.count(random.randrange(BLOCK))


def _bindable(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """A port on 127.0.0.1 that is free now and that no other worker of this test run is handed."""
    start = FIRST_PORT + _block() * BLOCK
    with _lock:
        for _ in range(BLOCK):
            port = start + next(_cursor) % BLOCK
            if _bindable(port):
                return port
    raise RuntimeError(f"no free port in {start}–{start + BLOCK - 1}")
