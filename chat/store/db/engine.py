"""Open the database and bring its schema to the newest migration.

Each product area keeps its own migration branch (``branch_labels`` = area name, first revision
``depends_on="0001"``) so areas evolve their tables independently; ``upgrade heads`` applies all of them.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any constant: all SafeGPT processes starting at once on one PostgreSQL take turns migrating.
_MIGRATION_LOCK = 4_711_008


def normalise_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs that name no driver (SQLAlchemy would pick psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted rows are overwritten with zeros instead of lingering in free pages (a deleted chat's ciphertext
    # would otherwise stay readable to whoever holds the file and the history key).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def erase_freed_pages(engine: Engine) -> None:
    """After deleting personal data: empty SQLite's write-ahead log, which still holds the old pages until a
    checkpoint. Nothing to do on PostgreSQL (its VACUUM reclaims the space later; see /transparenz)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@contextlib.contextmanager
def _sqlite_file_lock(url: str) -> Iterator[None]:
    """SQLite does not lock for DDL the way PostgreSQL does: processes on one file take turns via flock."""
    path = url.removeprefix("sqlite:///")
    if not url.startswith("sqlite:///") or path in ("", ":memory:"):
        yield
        return
    with open(path + ".migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def open_database(url: str, migrate: bool = True, data_dir: Path | None = None) -> Engine:
    """Create the engine for ``url``; run pending migrations (idempotent) unless ``migrate`` is false.

    ``data_dir``: where migrations find files they carry into the database (the knowledge registry)."""
    url = normalise_url(url)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if migrate:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with _sqlite_file_lock(url), engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                # DDL is transactional on PostgreSQL: the second process waits, then finds nothing to do.
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            cfg.attributes["connection"] = connection
            cfg.attributes["data_dir"] = data_dir
            command.upgrade(cfg, "heads")
    return engine
