"""Audit log of admin actions: who, when, what (area, action, object). Never message or document text.

One table for every area (users, roles, knowledge base, prompt library, model catalogue, policy, API keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Engine, Integer, String, Table, insert, select

from chat.store.db.schema import metadata

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(120), nullable=False),   # an admin's user name, "cli:<os user>" or "system"
    Column("area", String(40), nullable=False),     # users | knowledge | prompts | models | policy | apikeys …
    Column("action", String(40), nullable=False),   # add | replace | remove | publish | disable | set-role …
    Column("target", String(255), nullable=False),  # object id / name (a document file name, a user name)
    Column("detail", String(500), nullable=False, default=""),  # short, never free text from users
)


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    area: str
    action: str
    target: str
    detail: str


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, actor: str, area: str, action: str, target: str, detail: str = "") -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(audit_log).values(
                at=datetime.now(timezone.utc), actor=actor[:120], area=area[:40], action=action[:40],
                target=target[:255], detail=detail[:500]))

    def entries(self, area: str | None = None, limit: int = 500) -> list[AuditEntry]:
        query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if area:
            query = query.where(audit_log.c.area == area)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [AuditEntry(r.at, r.actor, r.area, r.action, r.target, r.detail) for r in rows]


def cli_actor() -> str:
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except Exception:
        return "cli"
