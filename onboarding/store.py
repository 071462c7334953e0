"""Database side of onboarding (issue 6): rules acknowledgements, prompts added, proposed or edited in the
browser with their version history (including browser edits of file prompts), consultation sessions and their
anonymous ratings.

Plain SQLAlchemy Core over onboarding's own metadata (the engine is handed in); migrations in ``chat/store/db/migrations/versions/onboarding_*``.
Nothing here knows Chainlit, FastAPI or the chat package.

Privacy: ratings carry no user name and no chat id — only the consultation session, the prompt, its version,
the value, a pseudonymised comment and the day. Aggregates are released only from ``min_ratings`` on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import TypeVar

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    Row,
    Select,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from onboarding import Prompt, PromptVariable
from onboarding.prompt import STATUSES, VARIABLE_PATTERN

#: Onboarding's own tables. Their migrations live with SafeGPT's database (``chat/store/db/migrations/versions/
#: onboarding_*``); this package only needs an engine handed in.
metadata = MetaData()

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


T = TypeVar("T")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _fetch(engine: Engine, query: Select, to: Callable[[Row], T]) -> list[T]:
    """Run ``query`` on its own connection and map every row with ``to``."""
    with engine.connect() as conn:
        return [to(row) for row in conn.execute(query)]


def _fetch_one(engine: Engine, query: Select, to: Callable[[Row], T]) -> T | None:
    found = _fetch(engine, query.limit(1), to)
    return found[0] if found else None


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
        """Store the acknowledgement (idempotent per user and version, also when two sessions of the same user —
        two tabs, a double click — acknowledge at the same moment: the second finds the first's row)."""
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(self._row(username, rules_version)).first()
                if exists is None:
                    conn.execute(insert(acknowledgements).values(
                        username=username, rules_version=rules_version, acknowledged_at=_now()))
        except IntegrityError:
            with self.engine.connect() as conn:
                if conn.execute(self._row(username, rules_version)).first() is None:
                    raise  # not the other session's row: a real error

    @staticmethod
    def _row(username: str, rules_version: int) -> Select:
        return select(acknowledgements.c.id).where(acknowledgements.c.username == username,
                                                   acknowledgements.c.rules_version == rules_version)

    def entries(self, username: str) -> list[tuple[int, datetime]]:
        return _fetch(self.engine, select(acknowledgements.c.rules_version, acknowledgements.c.acknowledged_at)
                      .where(acknowledgements.c.username == username)
                      .order_by(acknowledgements.c.rules_version),
                      lambda r: (r.rules_version, r.acknowledged_at))


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
    from onboarding import chat_messages as texts

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


def _stored(row: Row) -> StoredPrompt:
    return StoredPrompt(row.prompt_id, row.status, row.current_version, row.published_version, row.created_at,
                        row.updated_at)


def _version(row: Row) -> PromptVersion:
    return PromptVersion(row.prompt_id, row.version, row.change, row.created_at,
                         PromptDraft(row.title, row.category, row.description, row.template,
                                     _variables_from_json(row.variables), row.author_role))


def _draft_of(prompt: Prompt) -> PromptDraft:
    return PromptDraft(prompt.title, prompt.category, prompt.description, prompt.template, prompt.variables,
                       prompt.author_role or "Redaktion")


class PromptStore:
    """Prompts proposed in the chat, added by admins, and browser edits of file prompts.

    Every change is a new version, nothing is lost. A file prompt (from ``onboarding/prompts/``) gets a row
    here on its first edit or retirement in the browser: the row starts with a copy of the file version
    (change ``file``), browser versions are numbered above it. Whether such an override is shown instead of
    the file is decided by :class:`onboarding.catalog.PromptCatalog`; :meth:`revert` makes the file apply again.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _add_version(self, conn, prompt_id: str, version: int, draft: PromptDraft, change: str) -> None:
        conn.execute(insert(library_prompt_versions).values(
            prompt_id=prompt_id, version=version, title=draft.title, category=draft.category,
            description=draft.description, template=draft.template, variables=_variables_json(draft.variables),
            author_role=draft.author_role, change=change, created_at=_now()))

    def _insert(self, conn, prompt_id: str, version: int, draft: PromptDraft, change: str, status: str) -> None:
        now = _now()
        conn.execute(insert(library_prompts).values(
            prompt_id=prompt_id, status=status, current_version=version,
            published_version=version if status == "published" else None, created_at=now, updated_at=now))
        self._add_version(conn, prompt_id, version, draft, change)

    def _new(self, draft: PromptDraft, taken_ids: Iterable[str], change: str, status: str) -> str:
        draft = validate_draft(draft)
        taken = set(taken_ids)
        base = slug(draft.title)
        with self.engine.begin() as conn:
            taken |= {r[0] for r in conn.execute(select(library_prompts.c.prompt_id))}
            prompt_id, n = base, 2
            while prompt_id in taken:
                prompt_id, n = f"{base}-{n}", n + 1
            self._insert(conn, prompt_id, 1, draft, change, status)
        return prompt_id

    def propose(self, draft: PromptDraft, taken_ids: Iterable[str] = ()) -> str:
        """Store a new prompt with status ``proposed``; returns its id (from the title, made unique)."""
        return self._new(draft, taken_ids, "propose", "proposed")

    def create(self, draft: PromptDraft, taken_ids: Iterable[str] = (), *, publish: bool = False) -> str:
        """An admin adds a prompt in the browser: version 1, published at once when ``publish``."""
        return self._new(draft, taken_ids, "create", "published" if publish else "proposed")

    def _row_or_adopt(self, conn, prompt_id: str, base: Prompt | None, status: str = "proposed"):
        row = conn.execute(select(library_prompts).where(library_prompts.c.prompt_id == prompt_id)).first()
        if row is None and base is not None and base.id == prompt_id:
            # The file version as the first history entry; not published: the file itself still applies.
            self._insert(conn, prompt_id, base.version, _draft_of(base), "file", status)
            row = conn.execute(select(library_prompts).where(library_prompts.c.prompt_id == prompt_id)).first()
        if row is None:
            raise KeyError(prompt_id)
        return row

    def edit(self, prompt_id: str, draft: PromptDraft, *, base: Prompt | None = None) -> int:
        """Save an edit as a new version (published prompts keep showing their published version).

        ``base`` is the file prompt with this id, if any: its first edit creates the database entry, and
        versions stay above the file's version so a version number never means two texts.
        """
        draft = validate_draft(draft)
        with self.engine.begin() as conn:
            row = self._row_or_adopt(conn, prompt_id, base)
            version = max(row.current_version, base.version if base else 0) + 1
            self._add_version(conn, prompt_id, version, draft, "edit")
            conn.execute(update(library_prompts).where(library_prompts.c.prompt_id == prompt_id)
                         .values(current_version=version, updated_at=_now()))
        return version

    def publish(self, prompt_id: str) -> int:
        """Publish the newest version; returns its number."""
        with self.engine.begin() as conn:
            row = self._row_or_adopt(conn, prompt_id, None)
            conn.execute(update(library_prompts).where(library_prompts.c.prompt_id == prompt_id).values(
                status="published", published_version=row.current_version, updated_at=_now()))
            return row.current_version

    def retire(self, prompt_id: str, *, base: Prompt | None = None) -> None:
        """Take the prompt out of the chat (a file prompt too, given as ``base``); history stays."""
        with self.engine.begin() as conn:
            self._row_or_adopt(conn, prompt_id, base, status="retired")
            conn.execute(update(library_prompts).where(library_prompts.c.prompt_id == prompt_id)
                         .values(status="retired", updated_at=_now()))

    def revert(self, prompt_id: str) -> None:
        """The file version applies again: the browser versions stay in the history, none is published."""
        with self.engine.begin() as conn:
            self._row_or_adopt(conn, prompt_id, None)
            conn.execute(update(library_prompts).where(library_prompts.c.prompt_id == prompt_id)
                         .values(status="proposed", published_version=None, updated_at=_now()))

    def get(self, prompt_id: str) -> StoredPrompt | None:
        return _fetch_one(self.engine, select(library_prompts).where(library_prompts.c.prompt_id == prompt_id),
                          _stored)

    def list(self) -> list[StoredPrompt]:
        return _fetch(self.engine, select(library_prompts).order_by(library_prompts.c.updated_at.desc()), _stored)

    def history(self, prompt_id: str) -> list[PromptVersion]:
        """All versions, newest first."""
        return _fetch(self.engine, select(library_prompt_versions)
                      .where(library_prompt_versions.c.prompt_id == prompt_id)
                      .order_by(library_prompt_versions.c.version.desc()), _version)

    def version(self, prompt_id: str, version: int) -> PromptVersion | None:
        return _fetch_one(self.engine, select(library_prompt_versions).where(
            library_prompt_versions.c.prompt_id == prompt_id, library_prompt_versions.c.version == version),
            _version)

    @staticmethod
    def to_prompt(stored: StoredPrompt, entry: PromptVersion, base: Prompt | None = None) -> Prompt:
        """The library ``Prompt`` of one stored version; audience and examples come from the file ``base``."""
        d = entry.draft
        status = stored.status if stored.status in STATUSES else "proposed"
        names = {v.name for v in d.variables}
        examples = {k: v for k, v in base.example_input.items() if k in names} if base else {}
        return Prompt(id=stored.prompt_id, title=d.title, category=d.category, description=d.description,
                      template=d.template, variables=d.variables, example_input=examples,
                      audience=base.audience if base else ("alle",), version=entry.version,
                      author_role=d.author_role, status=status)

    def as_prompt(self, stored: StoredPrompt, version: int | None = None, base: Prompt | None = None) -> Prompt | None:
        """The library ``Prompt`` of ``version`` (default: the published one for published prompts)."""
        entry = self.version(stored.prompt_id, version or stored.published_version or stored.current_version)
        return None if entry is None else self.to_prompt(stored, entry, base)

    def published(self) -> list[tuple[StoredPrompt, PromptVersion]]:
        """Every published prompt with its published version, in one query."""
        query = (select(library_prompts, library_prompt_versions.c.version, library_prompt_versions.c.title,
                        library_prompt_versions.c.category, library_prompt_versions.c.description,
                        library_prompt_versions.c.template, library_prompt_versions.c.variables,
                        library_prompt_versions.c.author_role, library_prompt_versions.c.change,
                        library_prompt_versions.c.created_at.label("version_created_at"))
                 .join(library_prompt_versions, and_(
                     library_prompt_versions.c.prompt_id == library_prompts.c.prompt_id,
                     library_prompt_versions.c.version == library_prompts.c.published_version))
                 .where(library_prompts.c.status == "published")
                 .order_by(library_prompts.c.updated_at.desc()))
        return _fetch(self.engine, query, lambda r: (_stored(r), PromptVersion(
            r.prompt_id, r.version, r.change, r.version_created_at,
            PromptDraft(r.title, r.category, r.description, r.template, _variables_from_json(r.variables),
                        r.author_role))))

    def published_prompts(self) -> list[Prompt]:
        return [self.to_prompt(stored, entry) for stored, entry in self.published()]


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
        return _fetch_one(self.engine, select(consultation_sessions).where(consultation_sessions.c.id == session_id),
                          self._session)

    def list(self, open_only: bool = False) -> list[ConsultationSession]:
        query = select(consultation_sessions).order_by(consultation_sessions.c.id.desc())
        if open_only:
            query = query.where(consultation_sessions.c.closed_at.is_(None))
        return _fetch(self.engine, query, self._session)

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
        rows = _fetch(self.engine, select(consultation_ratings.c.prompt_id, consultation_ratings.c.prompt_version,
                                          consultation_ratings.c.helpful, consultation_ratings.c.comment)
                      .where(consultation_ratings.c.session_id == session_id), lambda r: r)
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
