"""Everything one SafeGPT instance wrote: database rows, files below its data directory, server log lines.

Read from outside the product (SQLAlchemy inspection, the file system, the log file), so the inventory test
compares what the product *says* it stores with what is really there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import create_engine, inspect, select, MetaData, Table

FERNET_TOKEN = re.compile(rb"gAAAAA[A-Za-z0-9_\-]{40,}={0,2}")
# "2026-12-05 21:38:12,123 WARNING chat.history.data_layer: …" (chat/cli.py logging.basicConfig)
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) ([\w.\-]+): ")


@dataclass
class Database:
    """Every row of every table, as dicts (column → value)."""

    rows: dict[str, list[dict]] = field(default_factory=dict)

    def cells(self):
        for table, rows in self.rows.items():
            for row in rows:
                for column, value in row.items():
                    yield table, column, row, value


def read_database(url: str) -> Database:
    engine = create_engine(url)
    try:
        names = inspect(engine).get_table_names()
        metadata = MetaData()
        found = Database()
        with engine.connect() as conn:
            for name in names:
                if name == "alembic_version":
                    continue
                table = Table(name, metadata, autoload_with=conn)
                found.rows[name] = [dict(r._mapping) for r in conn.execute(select(table))]
        return found
    finally:
        engine.dispose()


def files_below(root: Path) -> dict[str, Path]:
    """Relative POSIX path → path, for every file (not directory) below ``root``."""
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def decrypted_tokens(blob: bytes, key: bytes) -> list[str]:
    """Every Fernet token that ``blob`` contains anywhere (also in free pages of a database file), decrypted."""
    fernet = Fernet(key)
    found = []
    for match in FERNET_TOKEN.finditer(blob):
        try:
            found.append(fernet.decrypt(match.group(0)).decode("utf-8", "replace"))
        except InvalidToken:  # a token cut off by a page boundary or overwritten in part
            continue
    return found


@dataclass(frozen=True)
class LogLine:
    text: str
    logger: str | None  # None: not a logging line (start messages of the command, progress bars, tracebacks)


def log_lines(path: Path) -> list[LogLine]:
    lines = []
    for raw in re.split(r"[\r\n]+", path.read_text(encoding="utf-8", errors="replace")):
        if not raw.strip():
            continue
        match = LOG_LINE.match(raw)
        lines.append(LogLine(raw, match.group(2) if match else None))
    return lines
