"""Usage counted per integrating system and model (a system is not a person); no text is stored.

One row per (UTC day, system, model, outcome) with request and token counts. Outcomes: ``ok``,
``refused_policy``, ``invalid_request``, ``model_not_found``, ``rate_limited``, ``upstream_error``,
``internal_error``. The model is counted by name only when it is one this SafeGPT serves; any other name a
caller sends (it is free text: a client's name in the ``model`` field was once stored verbatim) counts as
:data:`OTHER_MODEL`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from chat.web.api.schema import api_usage

log = logging.getLogger(__name__)
# What a request for a model this SafeGPT does not serve (or a request not read that far) is counted under.
OTHER_MODEL = "-"


@dataclass(frozen=True)
class UsageRow:
    day: str
    system: str
    model: str
    outcome: str
    requests: int
    prompt_tokens: int
    completion_tokens: int


class ApiUsageCounter:
    """Request and token counts of the ``/v1`` API per day, integrating system, model and outcome.

    Not the chat's :class:`chat.store.usage.UsageRecorder` (anonymous usage events of staff): an integrating
    system is not a person, so it is counted by name here."""

    def __init__(self, engine: Engine, models: Iterable[str] = ()) -> None:
        self.engine = engine
        self.models = frozenset(models)  # the names counted as they are; every other name is OTHER_MODEL

    def record(self, system: str, model: str, outcome: str, prompt_tokens: int = 0, completion_tokens: int = 0,
               *, day: str | None = None) -> None:
        day = day or datetime.now(timezone.utc).date().isoformat()
        model = model if model in self.models else OTHER_MODEL
        bucket = ((api_usage.c.day == day) & (api_usage.c.system == system[:120]) & (api_usage.c.model == model[:200])
                  & (api_usage.c.outcome == outcome))
        increment = dict(requests=api_usage.c.requests + 1,
                         prompt_tokens=api_usage.c.prompt_tokens + int(prompt_tokens),
                         completion_tokens=api_usage.c.completion_tokens + int(completion_tokens))
        for _ in range(3):
            try:
                with self.engine.begin() as conn:
                    if conn.execute(update(api_usage).where(bucket).values(**increment)).rowcount:
                        return
                    conn.execute(insert(api_usage).values(
                        day=day, system=system[:120], model=model[:200], outcome=outcome, requests=1,
                        prompt_tokens=int(prompt_tokens), completion_tokens=int(completion_tokens)))
                    return
            except IntegrityError:  # another request created the bucket first: update it
                continue

    async def arecord(self, system: str, model: str, outcome: str, prompt_tokens: int = 0,
                      completion_tokens: int = 0) -> None:
        """:meth:`record` off the event loop; a failure is logged, never raised into the answer."""
        try:
            await asyncio.to_thread(self.record, system, model, outcome, prompt_tokens, completion_tokens)
        except Exception as exc:  # noqa: BLE001 - counting must not break answering
            log.warning("api usage not recorded: %s", type(exc).__name__)

    def rows(self, days: int = 30) -> list[UsageRow]:
        since = (datetime.now(timezone.utc).date() - timedelta(days=days - 1)).isoformat()
        with self.engine.connect() as conn:
            rows = conn.execute(select(api_usage).where(api_usage.c.day >= since).order_by(
                api_usage.c.day, api_usage.c.system, api_usage.c.model, api_usage.c.outcome)).all()
        return [UsageRow(r.day, r.system, r.model, r.outcome, r.requests, r.prompt_tokens, r.completion_tokens)
                for r in rows]
