"""The test servers' ports (tests/support/ports.py): parallel workers never share one, and a port in use is
skipped — the cause of an nginx test that once talked to another worker's SafeGPT server."""

from __future__ import annotations

import socket
import subprocess
import sys

from tests.support import ports

PORTS_OF_WORKER = """
import os, sys
os.environ["PYTEST_XDIST_WORKER"] = sys.argv[1]
from tests.support.ports import free_port
print(" ".join(str(free_port()) for _ in range(200)))
"""


def _ports_of(worker: str) -> set[int]:
    out = subprocess.run([sys.executable, "-c", PORTS_OF_WORKER, worker], capture_output=True, text=True, check=True,
                         cwd=ports.__file__.rsplit("/tests/", 1)[0]).stdout
    return {int(p) for p in out.split()}


def test_two_workers_are_handed_disjoint_ports_below_the_ephemeral_range():
    first, second = _ports_of("gw0"), _ports_of("gw1")
    assert len(first) == len(second) == 200  # no port handed out twice by one worker either
    assert not first & second
    low, _high = (int(v) for v in open("/proc/sys/net/ipv4/ip_local_port_range").read().split())
    assert max(first | second) < low


def test_a_port_in_use_is_skipped(monkeypatch):
    monkeypatch.setattr(ports, "_cursor", iter(range(10**6)))
    start = ports.FIRST_PORT + ports._block() * ports.BLOCK
    with socket.socket() as busy:
        try:
            busy.bind(("127.0.0.1", start))
        except OSError:  # already taken by something else: skipped all the same
            pass
        busy.listen()
        assert ports.free_port() != start
