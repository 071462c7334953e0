"""Route chat requests to the configured models through LiteLLM, and to nothing else."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from chat.llm.errors import ModelNotAllowed, ModelUnavailable, RoutingError
from chat.llm.fair_queue import FairQueue, Ticket
from chat.llm.litellm_env import litellm
from chat.llm.local_model import LocalModel
from chat.llm.local_provider import LocalProvider, register
from chat.llm.settings import ModelEntry, RouterSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StreamPiece:
    text: str
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


class ModelRouter:
    """A ``litellm.Router`` built from the settings' ``model_list``; unlisted names never get through."""

    def __init__(self, model_list: list[ModelEntry], router_cfg: RouterSettings,
                 local_models: dict[str, LocalModel]) -> None:
        self.entries: dict[str, ModelEntry] = {e.model_name: e for e in model_list}
        register(LocalProvider(local_models))
        self.queues: dict[str, FairQueue] = {}
        for e in model_list:
            local = str(e.litellm_params.get("model", "")).startswith("safegpt-local/")
            slots = e.safegpt.max_parallel or (1 if local else None)
            if slots:
                self.queues[e.model_name] = FairQueue(slots)
        self._router = litellm.Router(
            model_list=[{"model_name": e.model_name, "litellm_params": dict(e.litellm_params)}
                        for e in model_list],
            num_retries=router_cfg.num_retries,
            timeout=router_cfg.timeout_seconds,
            fallbacks=[{k: v} for k, v in router_cfg.fallbacks.items()],
            set_verbose=False,
        )

    def entry(self, model_name: str) -> ModelEntry:
        try:
            return self.entries[model_name]
        except KeyError:
            raise ModelNotAllowed(
                "Dieses Modell ist nicht freigegeben. Bitte wählen Sie eines der angebotenen Modelle."
            ) from None

    async def warm_up(self) -> None:
        """Load the in-process models and take LiteLLM's routing path once (one token each), so that
        the first user does not pay for lazy imports and model loading. Remote models get no request."""
        for name, entry in self.entries.items():
            if not str(entry.litellm_params.get("model", "")).startswith("safegpt-local/"):
                continue
            queue, ticket = self.queues.get(name), Ticket()
            try:
                if queue is not None:
                    async for _ in queue.turns(ticket):
                        pass
                async for _ in self.stream(name, [{"role": "user", "content": "Hallo"}], max_tokens=1):
                    pass
            except Exception as exc:  # a broken model shows up again, with a user message, on first use
                log.warning("warm-up of model %s failed: %s", name, type(exc).__name__)
            finally:
                if queue is not None:
                    queue.release(ticket)

    async def stream(self, model_name: str, messages: list[dict], max_tokens: int | None = None
                     ) -> AsyncIterator[StreamPiece]:
        """Stream the answer of ``model_name``. Raises :class:`RoutingError` subclasses only."""
        self.entry(model_name)  # refuses unlisted names before anything is sent
        try:
            # max_tokens only when set: an explicit None would replace the model entry's own max_tokens.
            limit = {"max_tokens": max_tokens} if max_tokens is not None else {}
            response = await self._router.acompletion(
                model=model_name, messages=messages, stream=True, stream_options={"include_usage": True}, **limit,
            )
            async for chunk in response:
                usage = getattr(chunk, "usage", None)
                if not chunk.choices:
                    if usage:
                        yield StreamPiece("", None, usage.prompt_tokens or 0, usage.completion_tokens or 0)
                    continue
                choice = chunk.choices[0]
                text = getattr(choice.delta, "content", None) or ""
                if text or choice.finish_reason:
                    yield StreamPiece(text, choice.finish_reason)
        except RoutingError:
            raise
        except Exception as exc:  # LiteLLM/HTTP errors: never echo their text (it may quote the prompt)
            log.warning("model %s failed: %s", model_name, type(exc).__name__)
            raise ModelUnavailable(
                "Das Sprachmodell ist gerade nicht erreichbar. Ihre Nachricht ist nicht verloren – "
                "bitte senden Sie sie in einem Moment erneut."
            ) from None
