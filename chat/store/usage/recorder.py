"""Write usage events (and update the aggregate Prometheus metrics) — never text, never who."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timezone

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from chat.core.feedback import FeedbackReason
from chat.store.usage import metrics
from chat.store.usage.schema import department_members, usage_events, usage_month_keys


class UsageRecorder:
    def __init__(self, engine: Engine, enabled: bool = True) -> None:
        self.engine = engine
        self.enabled = enabled

    def record_answer(self, *, model: str, outcome: str = "ok", prompt_tokens: int = 0,
                      completion_tokens: int = 0, latency_ms: int = 0, pii_types: Iterable[str] = (),
                      prompt_id: str | None = None, sources: Iterable[str] = (), no_source: bool = False,
                      department: str | None = None, member: str | None = None) -> None:
        """One answered (or failed) request. ``member`` (a user name) is used only to count distinct
        contributors of ``department`` in a separate table; it is never stored with the event."""
        pii = Counter(pii_types)
        metrics.observe_answer(model, outcome, prompt_tokens, completion_tokens, latency_ms / 1000, pii)
        if not self.enabled:
            return
        with self.engine.begin() as conn:
            conn.execute(insert(usage_events).values(
                day=_today(), kind="answer", model=model, outcome=outcome, prompt_tokens=prompt_tokens,
                completion_tokens=completion_tokens, latency_ms=latency_ms, feedback=None,
                pii_counts=json.dumps(dict(sorted(pii.items()))), prompt_id=prompt_id,
                sources=json.dumps(sorted(set(sources)), ensure_ascii=False), no_source=int(no_source),
                department=department))
        if department and member:
            self._count_member(department, member)

    def record_feedback(self, *, model: str, helpful: bool, prompt_id: str | None = None,
                        department: str | None = None) -> None:
        metrics.observe_feedback(model, helpful)
        if not self.enabled:
            return
        with self.engine.begin() as conn:
            conn.execute(insert(usage_events).values(
                day=_today(), kind="feedback", model=model, outcome="ok", prompt_tokens=0, completion_tokens=0,
                latency_ms=0, feedback=1 if helpful else -1, pii_counts="{}", prompt_id=prompt_id, sources="[]",
                no_source=0, department=department))

    def record_feedback_reason(self, *, model: str, reason: FeedbackReason | str, prompt_id: str | None = None,
                               department: str | None = None) -> None:
        """Why a not-helpful answer was not helpful, as one of the fixed codes; anything else is refused."""
        reason = FeedbackReason(reason)  # ValueError for anything but a known code: no free text gets stored
        metrics.observe_feedback_reason(reason.value)
        if not self.enabled:
            return
        with self.engine.begin() as conn:
            conn.execute(insert(usage_events).values(
                day=_today(), kind="feedback_reason", model=model, outcome="ok", prompt_tokens=0,
                completion_tokens=0, latency_ms=0, feedback=None, feedback_reason=reason.value, pii_counts="{}",
                prompt_id=prompt_id, sources="[]", no_source=0, department=department))

    def _count_member(self, department: str, member: str) -> None:
        month = _today().strftime("%Y-%m")
        key = self._month_key(month)
        digest = hmac.new(bytes.fromhex(key), member.encode(), hashlib.sha256).hexdigest()
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(department_members).values(department=department, month=month, member=digest))
        except IntegrityError:
            pass  # already counted this month

    def _month_key(self, month: str) -> str:
        with self.engine.begin() as conn:
            row = conn.execute(select(usage_month_keys.c.key).where(usage_month_keys.c.month == month)).first()
            if row:
                return row.key
            # Past months' keys go: from then on their member hashes cannot be tested against anyone.
            conn.execute(delete(usage_month_keys).where(usage_month_keys.c.month != month))
        key = secrets.token_hex(32)
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(usage_month_keys).values(month=month, key=key))
        except IntegrityError:  # another process was first
            with self.engine.connect() as conn:
                key = conn.execute(select(usage_month_keys.c.key).where(usage_month_keys.c.month == month)).scalar_one()
        return key


def _today() -> date:
    return datetime.now(timezone.utc).date()
