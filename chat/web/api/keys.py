"""API keys of integrating systems: created (secret shown once), stored hashed, listed, revoked.

A key looks like ``sgpt_<key id>_<secret>``: the key id (12 hex digits) finds the row, the whole key is
compared by SHA-256 in constant time. The secret has 256 bits of entropy, so a fast hash is enough (slow
password hashes exist for guessable passwords and would cost every request tens of milliseconds).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import Engine, insert, select, update

from chat.llm.settings import DATA_CLASSES
from chat.web.api import messages as texts
from chat.web.api.schema import api_keys
from chat.web.api.settings import embedding_model_id

PREFIX = "sgpt"
_DUMMY_HASH = hashlib.sha256(b"no such key").hexdigest()


class ApiKeyError(Exception):
    """German, admin-actionable message."""


@dataclass(frozen=True)
class ApiKey:
    """One integrating system's key (without its secret)."""

    key_id: str
    system: str
    models: tuple[str, ...]
    data_classes: tuple[str, ...]
    rate_per_minute: int
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


@dataclass(frozen=True)
class NewApiKey:
    key: ApiKey
    secret: str = field(repr=False)  # the full key; shown once, never stored


def hash_key(presented: str) -> str:
    return hashlib.sha256(presented.encode("utf-8", "surrogatepass")).hexdigest()


def split_key(presented: str) -> str | None:
    """The key id of a well-formed key, else None."""
    prefix, _, rest = presented.partition("_")
    key_id, _, secret = rest.partition("_")
    if prefix != PREFIX or len(key_id) != 12 or not secret or any(c not in "0123456789abcdef" for c in key_id):
        return None
    return key_id


class ApiKeyService:
    """Keys in the database. ``known_models`` (names a key may list) is checked on :meth:`create`."""

    def __init__(self, engine: Engine, known_models: Iterable[str] | None = None) -> None:
        self.engine = engine
        self.known_models = tuple(known_models) if known_models is not None else None

    def create(self, system: str, models: Iterable[str], data_classes: Iterable[str] = ("none", "pseudonymised"),
               rate_per_minute: int = 60) -> NewApiKey:
        system = system.strip()
        models = tuple(dict.fromkeys(m.strip() for m in models if m.strip()))
        classes = tuple(dict.fromkeys(c.strip() for c in data_classes if c.strip()))
        if not system or len(system) > 120:
            raise ApiKeyError(texts.KEY_BAD_NAME)
        if not models:
            raise ApiKeyError(texts.KEY_NO_MODELS)
        if self.known_models is not None:
            unknown = sorted(set(models) - set(self.known_models))
            if unknown:
                raise ApiKeyError(texts.KEY_UNKNOWN_MODELS.format(models=unknown, known=list(self.known_models)))
        unknown_classes = sorted(set(classes) - set(DATA_CLASSES))
        if unknown_classes:
            raise ApiKeyError(texts.KEY_UNKNOWN_CLASSES.format(classes=unknown_classes, known=list(DATA_CLASSES)))
        if not 1 <= rate_per_minute <= 100_000:
            raise ApiKeyError(texts.KEY_BAD_RATE)
        key_id = secrets.token_hex(6)
        secret = f"{PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
        created = datetime.now(timezone.utc)
        with self.engine.begin() as conn:
            conn.execute(insert(api_keys).values(
                key_id=key_id, secret_hash=hash_key(secret), system=system, models=json.dumps(list(models)),
                data_classes=json.dumps(list(classes)), rate_per_minute=rate_per_minute, created_at=created,
                revoked_at=None))
        return NewApiKey(ApiKey(key_id, system, models, classes, rate_per_minute, created), secret)

    def verify(self, presented: str | None) -> ApiKey | None:
        """The active key matching ``presented``, else None (wrong, unknown, malformed or revoked alike)."""
        presented = (presented or "").strip()
        key_id = split_key(presented) if 0 < len(presented) <= 200 else None
        row = None
        if key_id is not None:
            with self.engine.connect() as conn:
                row = conn.execute(select(api_keys).where(api_keys.c.key_id == key_id)).first()
        # Compare even when there is no row, so that both failures take the same time.
        matches = hmac.compare_digest(hash_key(presented), row.secret_hash if row is not None else _DUMMY_HASH)
        if row is None or not matches or row.revoked_at is not None:
            return None
        return _from_row(row)

    def list(self) -> list[ApiKey]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(api_keys).order_by(api_keys.c.system, api_keys.c.id)).all()
        return [_from_row(r) for r in rows]

    def revoke(self, key_id: str) -> ApiKey:
        key_id = key_id.strip()
        with self.engine.begin() as conn:
            row = conn.execute(select(api_keys).where(api_keys.c.key_id == key_id)).first()
            if row is None:
                raise ApiKeyError(texts.KEY_NOT_FOUND.format(key_id=key_id[:40]))
            if row.revoked_at is not None:
                raise ApiKeyError(texts.KEY_ALREADY_REVOKED.format(key_id=key_id))
            conn.execute(update(api_keys).where(api_keys.c.id == row.id)
                         .values(revoked_at=datetime.now(timezone.utc)))
            row = conn.execute(select(api_keys).where(api_keys.c.id == row.id)).first()
        return _from_row(row)


def _from_row(row) -> ApiKey:
    return ApiKey(row.key_id, row.system, tuple(json.loads(row.models)), tuple(json.loads(row.data_classes)),
                  row.rate_per_minute, row.created_at, row.revoked_at)


def open_api_keys(app) -> ApiKeyService:
    """The key service of a :class:`chat.wiring.SafeGPT` (chat models plus the embedding model, if any)."""
    known = [e.model_name for e in app.settings.model_list]
    embedding = embedding_model_id(app.settings)
    if embedding:
        known.append(embedding)
    return ApiKeyService(app.engine, known)
