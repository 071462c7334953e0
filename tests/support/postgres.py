"""A real PostgreSQL server from Debian's package, started in a temporary directory on 127.0.0.1.

``make test`` installs the package (``system-test-deps``). PostgreSQL refuses to run as root, so as root
the cluster belongs to the ``postgres`` system user the package creates and every server command runs
through ``runuser``. Authentication is ``trust`` on loopback only: the server lives as long as the tests.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.ports import free_port

SUPERUSER = "safegpt"


def postgres_bin() -> Path | None:
    """The newest installed ``/usr/lib/postgresql/<version>/bin`` (None when the package is missing)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


@dataclass
class PostgresServer:
    """One running cluster; :meth:`create_database` hands out a fresh, empty database per test."""

    bin_dir: Path
    root: Path
    port: int
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "safegpt") -> str:
        import psycopg

        name = f"{prefix}_{next(self._names)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def start(self) -> None:
        """Start the (stopped) cluster again on the same port and data directory."""
        _pg_ctl_start(self)
        _wait_ready(self)

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(_as_owner([str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", mode, "-w",
                                  "stop"]), capture_output=True, timeout=60)

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def start_postgres(port: int | None = None) -> PostgresServer:
    """initdb + pg_ctl start on a free port; raises ``RuntimeError`` with the server log when it fails."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed: run 'make system-test-deps' (apt-get install postgresql)")
    # Not under pytest's tmp_path: that is private to root and the postgres user could not enter it.
    root = Path(tempfile.mkdtemp(prefix="safegpt-pg-"))
    root.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data = root / "data"
    port = port or free_port()
    init = subprocess.run(_as_owner([str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
                                     "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]),
                          capture_output=True, text=True, timeout=120)
    if init.returncode != 0:
        raise RuntimeError(f"initdb failed:\n{init.stdout[-2000:]}\n{init.stderr[-2000:]}")
    server = PostgresServer(bin_dir, root, port)
    try:
        _pg_ctl_start(server)
    except RuntimeError:
        server.cleanup()
        raise
    _wait_ready(server)
    return server


def _pg_ctl_start(server: PostgresServer) -> None:
    options = (f"-c listen_addresses=127.0.0.1 -c port={server.port} -c unix_socket_directories='' -c fsync=off "
               f"-c max_connections=200 -c shared_buffers=64MB")
    log = server.root / "server.log"
    start = subprocess.run(_as_owner([str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-l", str(log),
                                      "-o", options, "-w", "-t", "60", "start"]),
                           capture_output=True, text=True, timeout=90)
    if start.returncode != 0:
        text = log.read_text() if log.exists() else start.stderr
        raise RuntimeError(f"PostgreSQL did not start:\n{text[-3000:]}")


def _wait_ready(server: PostgresServer, timeout: float = 30) -> None:
    import psycopg

    deadline = time.time() + timeout
    while True:
        try:
            with psycopg.connect(f"host=127.0.0.1 port={server.port} user={SUPERUSER} dbname=postgres",
                                 connect_timeout=2):
                return
        except psycopg.OperationalError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)
