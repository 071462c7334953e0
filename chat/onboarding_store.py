"""Database side of onboarding (issue 6): rules acknowledgements, prompts edited in the browser with their
version history, consultation sessions and their anonymous ratings.

Plain SQLAlchemy Core over the shared metadata; migrations in ``chat/db/migrations/versions/onboarding_*``.
Nothing here knows Chainlit or FastAPI.

Privacy: ratings carry no user name and no chat id — only the consultation session, the prompt, its version,
the value, a pseudonymised comment and the day. Aggregates are released only from ``min_ratings`` on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import (Boolean, Column, DateTime, Engine, ForeignKey, Integer, String, Table, Text,
                        UniqueConstraint, func, insert, select, update)

from chat.db.schema import metadata
from onboarding import Prompt, PromptVariable
from onboarding.prompt import STATUSES, VARIABLE_PATTERN

acknowledgements = Table(
    "onboarding_acknowledgements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(120), nullable=False),
    Column("rules_version", Integer, nullable=False),
    Column("acknowledged_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("username", "rules_version", name="uq_onboarding_ack_user_version"),
)

library_prompts = Table(
    "library_prompts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("prompt_id", String(80), nullable=False),
    Column("status", String(20), nullable=False),             # proposed | published | retired
    Column("current_version", Integer, nullable=False),       # newest edit
    Column("published_version", Integer, nullable=True),      # what chat users see while published
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("prompt_id", name="uq_library_prompts_prompt_id"),
)

library_prompt_versions = Table(
    "library_prompt_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("prompt_id", String(80), nullable=False),
    Column("version", Integer, nullable=False),
    Column("title", String(200), nullable=False),
    Column("category", String(80), nullable=False),
    Column("description", Text, nullable=False),
    Column("template", Text, nullable=False),
    Column("variables", Text, nullable=False),                # JSON list of {name,label,example,required,multiline}
    Column("author_role", String(120), nullable=False),
    Column("change", String(40), nullable=False),             # propose | edit | publish | retire
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("prompt_id", "version", name="uq_library_prompt_versions"),
)

consultation_sessions = Table(
    "consultation_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("prompt_ids", Text, nullable=False),               # JSON list, in the facilitator's order
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
)

consultation_ratings = Table(
    "consultation_ratings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("consultation_sessions.id"), nullable=False),
    Column("prompt_id", String(80), nullable=False),
    Column("prompt_version", Integer, nullable=False),
    Column("helpful", Boolean, nullable=False),
    Column("comment", Text, nullable=True),                   # pseudonymised before it gets here
    Column("day", String(10), nullable=False),                # ISO date only, no time of day
)


def _now() -> datetime:
    return datetime.now(timezone.utc)


class PromptValidationError(ValueError):
    """A prompt typed in the chat or the browser is incomplete; ``str()`` is German for the user."""


# -- acknowledgements --------------------------------------------------------------------------------------

class Acknowledgements:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def latest_version(self, username: str) -> int | None:
        """The highest rules version ``username`` acknowledged, or ``None``."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(acknowledgements.c.rules_version))
                                .where(acknowledgements.c.username == username)).scalar()

    def record(self, username: str, rules_version: int) -> None:
        """Store the acknowledgement (idempotent per user and version)."""
        with self.engine.begin() as conn:
            exists = conn.execute(select(acknowledgements.c.id).where(
                acknowledgements.c.username == username,
                acknowledgements.c.rules_version == rules_version)).first()
            if exists is None:
                conn.execute(insert(acknowledgements).values(
                    username=username, rules_version=rules_version, acknowledged_at=_now()))

    def entries(self, username: str) -> list[tuple[int, datetime]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(acknowledgements.c.rules_version, acknowledgements.c.acknowledged_at)
                                .where(acknowledgements.c.username == username)
                                .order_by(acknowledgements.c.rules_version)).all()
        return [(r.rules_version, r.acknowledged_at) for r in rows]


# -- prompts from the browser ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PromptDraft:
    """What a person typed for a prompt; variables default to their name as label."""

    title: str
    category: str
    description: str
    template: str = field(repr=False)
    variables: tuple[PromptVariable, ...] = ()
    author_role: str = "Mitarbeitende"


@dataclass(frozen=True)
class StoredPrompt:
    prompt_id: str
    status: str
    current_version: int
    published_version: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class PromptVersion:
    prompt_id: str
    version: int
    change: str
    created_at: datetime
    draft: PromptDraft


def default_label(name: str) -> str:
    return f"Angabe für „{name.replace('_', ' ')}“"


def variables_from_template(template: str, known: Iterable[PromptVariable] = ()) -> tuple[PromptVariable, ...]:
    """The variables ``{name}`` used in ``template`` in order of first use; labels kept from ``known``."""
    by_name = {v.name: v for v in known}
    names = list(dict.fromkeys(m.group(1) for m in VARIABLE_PATTERN.finditer(template)))
    return tuple(by_name.get(n) or PromptVariable(n, default_label(n), "", True, "\n" in template) for n in names)


def validate_draft(draft: PromptDraft) -> PromptDraft:
    """Strip fields and check them; raises :class:`PromptValidationError` with a German message."""
    from chat import onboarding_messages as texts

    title, category, description = draft.title.strip(), draft.category.strip(), draft.description.strip()
    template = draft.template.strip()
    for value, label in ((title, "Titel"), (category, "Kategorie"), (description, "Beschreibung"),
                         (template, "Prompt-Text")):
        if not value:
            raise PromptValidationError(texts.FIELD_EMPTY.format(field=label))
    if len(title) > 200 or len(category) > 80:
        raise PromptValidationError(texts.FIELD_TOO_LONG)
    stripped = VARIABLE_PATTERN.sub("", template)
    if "{" in stripped or "}" in stripped:
        raise PromptValidationError(texts.STRAY_BRACE)
    variables = variables_from_template(template, draft.variables)
    return PromptDraft(title, category, description, template + "\n", variables,
                       draft.author_role.strip() or "Mitarbeitende")


def slug(title: str) -> str:
    text = title.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return (text or "prompt")[:60].strip("-")


def _variables_json(variables: Iterable[PromptVariable]) -> str:
    return json.dumps([{"name": v.name, "label": v.label, "example": v.example, "required": v.required,
                        "multiline": v.multiline} for v in variables], ensure_ascii=False)


def _variables_from_json(text: str) -> tuple[PromptVariable, ...]:
    return tuple(PromptVariable(d["name"], d["label"], d.get("example", ""), bool(d.get("required", True)),
                                bool(d.get("multiline", False))) for d in json.loads(text or "[]"))


class PromptStore:
    """Prompts proposed in the chat and edited by admins; every change is a new version, nothing is lost."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _add_version(self, conn, prompt_id: str, version: int, draft: PromptDraft, change: str) -> None:
        conn.execute(insert(library_prompt_versions).values(
            prompt_id=prompt_id, version=version, title=draft.title, category=draft.category,
            description=draft.description, template=draft.template, variables=_variables_json(draft.variables),
            author_role=draft.author_role, change=change, created_at=_now()))

    def propose(self, draft: PromptDraft, taken_ids: Iterable[str] = ()) -> str:
        """Store a new prompt with status ``proposed``; returns its id (from the title, made unique)."""
        draft = validate_draft(draft)
        taken = set(taken_ids)
        base = slug(draft.title)
        with self.engine.begin() as conn:
            taken |= {r[0] for r in conn.execute(select(library_prompts.c.prompt_id))}
            prompt_id, n = base, 2
            while prompt_id in taken:
                prompt_id, n = f"{base}-{n}", n + 1
            now = _now()
            conn.execute(insert(library_prompts).values(prompt_id=prompt_id, status="proposed", current_version=1,
                                                        published_version=None, created_at=now, updated_at=now))
            self._add_version(conn, prompt_id, 1, draft, "propose")
        return prompt_id

    def edit(self, prompt_id: str, draft: PromptDraft) -> int:
        """Save an edit as a new version (published prompts keep showing their published version)."""
        draft = validate_draft(draft)
        with self.engine.begin() as conn:
            row = self._row(conn, prompt_id)
            version = row.current_version + 1
            self._add_version(conn, prompt_id, version, draft, "edit")
            conn.execute(update(library_prompts).where(library_prompts.c.prompt_id == prompt_id)
                         .values(current_version=version, updated_at=_now()))
        return version

    def publish(self, prompt_id: str) -> int:
        """Publish the newest version; returns its number."""
        with self.engine.begin() as conn:
            row = self._row(conn, prompt_id)
            conn.execute(update(library_prompts).where(library_prompts.c.prompt_id == prompt_id).values(
                status="published", published_version=row.current_version, updated_at=_now()))
            return row.current_version

    def retire(self, prompt_id: str) -> None:
        with self.engine.begin() as conn:
            self._row(conn, prompt_id)
            conn.execute(update(library_prompts).where(library_prompts.c.prompt_id == prompt_id)
                         .values(status="retired", updated_at=_now()))

    @staticmethod
    def _row(conn, prompt_id: str):
        row = conn.execute(select(library_prompts).where(library_prompts.c.prompt_id == prompt_id)).first()
        if row is None:
            raise KeyError(prompt_id)
        return row

    def get(self, prompt_id: str) -> StoredPrompt | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(library_prompts).where(library_prompts.c.prompt_id == prompt_id)).first()
        return None if row is None else StoredPrompt(row.prompt_id, row.status, row.current_version,
                                                     row.published_version, row.created_at, row.updated_at)

    def list(self) -> list[StoredPrompt]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(library_prompts).order_by(library_prompts.c.updated_at.desc())).all()
        return [StoredPrompt(r.prompt_id, r.status, r.current_version, r.published_version, r.created_at,
                             r.updated_at) for r in rows]

    def history(self, prompt_id: str) -> list[PromptVersion]:
        """All versions, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(library_prompt_versions)
                                .where(library_prompt_versions.c.prompt_id == prompt_id)
                                .order_by(library_prompt_versions.c.version.desc())).all()
        return [PromptVersion(r.prompt_id, r.version, r.change, r.created_at,
                              PromptDraft(r.title, r.category, r.description, r.template,
                                          _variables_from_json(r.variables), r.author_role)) for r in rows]

    def version(self, prompt_id: str, version: int) -> PromptVersion | None:
        return next((v for v in self.history(prompt_id) if v.version == version), None)

    def as_prompt(self, stored: StoredPrompt, version: int | None = None) -> Prompt | None:
        """The library ``Prompt`` of ``version`` (default: the published one for published prompts)."""
        wanted = version or stored.published_version or stored.current_version
        entry = self.version(stored.prompt_id, wanted)
        if entry is None:
            return None
        d = entry.draft
        status = stored.status if stored.status in STATUSES else "proposed"
        return Prompt(id=stored.prompt_id, title=d.title, category=d.category, description=d.description,
                      template=d.template, variables=d.variables, audience=("alle",), version=entry.version,
                      author_role=d.author_role, status=status)

    def published_prompts(self) -> list[Prompt]:
        result = []
        for stored in self.list():
            if stored.status == "published" and stored.published_version:
                prompt = self.as_prompt(stored, stored.published_version)
                if prompt is not None:
                    result.append(prompt)
        return result


# -- consultation hours ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ConsultationSession:
    id: int
    title: str
    prompt_ids: tuple[str, ...]
    opened_at: datetime
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class RatingSummary:
    """Ratings of one prompt version in one session; counts only when ``released`` (enough ratings)."""

    prompt_id: str
    version: int
    released: bool
    count: int | None
    helpful: int | None
    comments: tuple[str, ...] = field(default=(), repr=False)

    @property
    def helpful_share(self) -> float | None:
        return None if not self.released or not self.count else self.helpful / self.count


class Consultations:
    def __init__(self, engine: Engine, min_ratings: int = 5) -> None:
        self.engine = engine
        self.min_ratings = min_ratings

    def open(self, title: str, prompt_ids: Iterable[str]) -> int:
        ids = list(dict.fromkeys(prompt_ids))
        if not title.strip() or not ids:
            raise ValueError("title and at least one prompt are required")
        with self.engine.begin() as conn:
            return conn.execute(insert(consultation_sessions).values(
                title=title.strip()[:200], prompt_ids=json.dumps(ids), opened_at=_now(), closed_at=None)
            ).inserted_primary_key[0]

    def close(self, session_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(consultation_sessions).where(consultation_sessions.c.id == session_id)
                         .values(closed_at=_now()))

    @staticmethod
    def _session(row) -> ConsultationSession:
        return ConsultationSession(row.id, row.title, tuple(json.loads(row.prompt_ids)), row.opened_at,
                                   row.closed_at)

    def get(self, session_id: int) -> ConsultationSession | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(consultation_sessions).where(consultation_sessions.c.id == session_id)).first()
        return None if row is None else self._session(row)

    def list(self, open_only: bool = False) -> list[ConsultationSession]:
        query = select(consultation_sessions).order_by(consultation_sessions.c.id.desc())
        if open_only:
            query = query.where(consultation_sessions.c.closed_at.is_(None))
        with self.engine.connect() as conn:
            return [self._session(r) for r in conn.execute(query).all()]

    def rate(self, session_id: int, prompt_id: str, version: int, helpful: bool, comment: str | None = None,
             *, day: date | None = None) -> None:
        """Store one anonymous rating. ``comment`` must already be pseudonymised by the caller."""
        session = self.get(session_id)
        if session is None or not session.is_open or prompt_id not in session.prompt_ids:
            raise ValueError("consultation session is not open or does not offer this prompt")
        comment = (comment or "").strip()[:2000] or None
        with self.engine.begin() as conn:
            conn.execute(insert(consultation_ratings).values(
                session_id=session_id, prompt_id=prompt_id, prompt_version=version, helpful=helpful,
                comment=comment, day=(day or date.today()).isoformat()))

    def count(self, session_id: int) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(consultation_ratings)
                                .where(consultation_ratings.c.session_id == session_id)).scalar() or 0

    def summaries(self, session_id: int) -> list[RatingSummary]:
        """Per prompt and version; below ``min_ratings`` only the fact that there are too few is shown."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(consultation_ratings.c.prompt_id, consultation_ratings.c.prompt_version,
                                       consultation_ratings.c.helpful, consultation_ratings.c.comment)
                                .where(consultation_ratings.c.session_id == session_id)).all()
        groups: dict[tuple[str, int], list] = {}
        for r in rows:
            groups.setdefault((r.prompt_id, r.prompt_version), []).append(r)
        result = []
        for (prompt_id, version), items in sorted(groups.items()):
            if len(items) >= self.min_ratings:
                comments = tuple(sorted(c for c in (i.comment for i in items) if c))  # sorted: no order to link
                result.append(RatingSummary(prompt_id, version, True, len(items),
                                            sum(1 for i in items if i.helpful), comments))
            else:
                result.append(RatingSummary(prompt_id, version, False, None, None))
        return result
