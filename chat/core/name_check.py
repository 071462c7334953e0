"""Strict mode in the pipeline (issue 15 §4, ``[guardrails] strict_names``): before a request leaves the house,
the local model lists the person names still present in its pseudonymised text.

:class:`NameCheck` asks an injected :class:`guardrails.strict_names.NameLister` (the completion callable is
the configured local model, :func:`router_completion`) and keeps only the names the conversation's guard
accepts (in the text verbatim, outside every pseudonym, no vetoed word). It fails closed: a local model that
fails or times out raises :class:`NameCheckFailed`, and the request is not sent. Nothing of the texts or the
names reaches a log or an exception message.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from chat.core import messages as texts
from chat.llm.errors import RoutingError
from chat.llm.pieces import StreamPiece
from chat.llm.router import ModelRouter
from chat.llm.settings import ModelEntry
from guardrails.conversation import ConversationGuard
from guardrails.settings import GuardrailSettings
from guardrails.strict_names import Complete, NameLister

log = logging.getLogger(__name__)
# A list of names is short; a model that starts to explain is cut off here.
_LIST_MAX_TOKENS = 96


class NameCheckFailed(RoutingError):
    """The strict name check could not be completed; the request was not sent. ``str()`` is German."""


@dataclass(frozen=True)
class NameCheckResult:
    """The names to mask (accepted from the model's list), how many it listed, and the seconds it took."""

    names: tuple[str, ...] = field(repr=False)
    listed: int
    seconds: float


def router_completion(router: ModelRouter, entry: ModelEntry, max_tokens: int = _LIST_MAX_TOKENS) -> Complete:
    """A completion callable over ``entry`` of ``router`` (its waiting line included): the whole answer text."""

    async def complete(messages: list[dict]) -> str:
        parts = [piece.text async for piece in router.stream(entry, messages, max_tokens=max_tokens)
                 if isinstance(piece, StreamPiece)]
        return "".join(parts)

    return complete


def leaves_the_house(entry: ModelEntry) -> bool:
    """Strict mode applies to every model whose location is not ``local``."""
    return entry.safegpt.location != "local"


@dataclass(frozen=True)
class NameCheck:
    """Lists and accepts the names still in the pseudonymised parts of one request."""

    lister: NameLister
    timeout_seconds: float

    @classmethod
    def from_settings(cls, settings: GuardrailSettings, router: ModelRouter) -> "NameCheck | None":
        """The configured check, or ``None`` when strict mode is off."""
        if not settings.strict_names:
            return None
        entry = router.entry(settings.strict_names_model)
        return cls(NameLister(router_completion(router, entry)), settings.strict_names_timeout_seconds)

    async def run(self, guard: ConversationGuard, parts: Sequence[str]) -> NameCheckResult:
        """The names to mask in ``parts`` (pseudonymised texts of one request). Raises :class:`NameCheckFailed`
        when the local model fails or does not answer within ``timeout_seconds``."""
        started = time.perf_counter()
        try:
            candidates = await asyncio.wait_for(self.lister.candidates("\n\n".join(parts)), self.timeout_seconds)
        except TimeoutError:
            log.warning("strict name check: no answer within %.0f s, request not sent", self.timeout_seconds)
            raise NameCheckFailed(texts.NAME_CHECK_FAILED) from None
        except Exception as exc:  # the model's error text may quote the prompt: its type only
            log.warning("strict name check failed (%s), request not sent", type(exc).__name__)
            raise NameCheckFailed(texts.NAME_CHECK_FAILED) from None
        names = await asyncio.to_thread(guard.accept_names, candidates, list(parts))
        seconds = time.perf_counter() - started
        log.info("strict name check: %d listed, %d masked, %.2f s", len(candidates), len(names), seconds)
        return NameCheckResult(tuple(names), len(candidates), seconds)
