"""Route chat requests to the configured models through LiteLLM, and to nothing else."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from chat.llm.errors import ModelNotAllowed, ModelUnavailable, RoutingError
from chat.llm.fair_queue import FairQueue, Ticket
from chat.llm.litellm_env import litellm
from chat.llm.local_model import LocalModel
from chat.llm.local_provider import LocalProvider, is_local
from chat.llm.pieces import QueuePlace, StreamPiece
from chat.llm.settings import ModelEntry, RouterSettings

log = logging.getLogger(__name__)
_NOT_ALLOWED = "Dieses Modell ist nicht freigegeben. Bitte wählen Sie eines der angebotenen Modelle."


def _is_local(entry: ModelEntry) -> bool:
    return is_local(str(entry.litellm_params.get("model", "")))


class ModelRouter:
    """A ``litellm.Router`` built from the settings' ``model_list``; unlisted names never get through.

    Models that serve few requests at once (in-process llama.cpp: one) have a first-come-first-served
    waiting line here; :meth:`stream` reports the place in it before the answer."""

    def __init__(self, model_list: list[ModelEntry], router_cfg: RouterSettings,
                 local_models: dict[str, LocalModel]) -> None:
        self.entries: dict[str, ModelEntry] = {e.model_name: e for e in model_list}
        self._local = LocalProvider(local_models)
        self._local.install()
        self.queues: dict[str, FairQueue] = {}
        for e in model_list:
            slots = e.safegpt.max_parallel or (1 if _is_local(e) else None)
            if slots:
                self.queues[e.model_name] = FairQueue(slots)
        self._router = litellm.Router(
            model_list=[{"model_name": e.model_name, "litellm_params": self._litellm_params(e)} for e in model_list],
            num_retries=router_cfg.num_retries,
            timeout=router_cfg.timeout_seconds,
            fallbacks=[{k: v} for k, v in router_cfg.fallbacks.items()],
            set_verbose=False,
        )

    def _litellm_params(self, entry: ModelEntry) -> dict:
        params = dict(entry.litellm_params)
        if _is_local(entry):
            params["model"] = self._local.litellm_model(params["model"])
        return params

    def close(self) -> None:
        """Take this router's in-process models out of LiteLLM's process-wide provider map."""
        self._local.uninstall()

    def entry(self, model_name: str) -> ModelEntry:
        """The catalogue entry of ``model_name``; :class:`ModelNotAllowed` for a name the catalogue does not list."""
        try:
            return self.entries[model_name]
        except KeyError:
            raise ModelNotAllowed(_NOT_ALLOWED) from None

    async def warm_up(self) -> None:
        """Take LiteLLM's whole routing and streaming path once per model, so that the first user does not pay
        for its lazy imports (tokenizer, tracing) on the event loop and for loading the in-process models.
        In-process models answer one real token; remote ones get LiteLLM's mock response: nothing is sent."""
        for entry in self.entries.values():
            try:
                if _is_local(entry):
                    async for _ in self.stream(entry, [{"role": "user", "content": "Hallo"}], max_tokens=1):
                        pass
                else:
                    async for _ in self._pieces(entry.model_name, [{"role": "user", "content": "Hallo"}],
                                                {"max_tokens": 1, "mock_response": "Hallo"}):
                        pass
            except Exception as exc:  # a broken model shows up again, with a user message, on first use
                log.warning("warm-up of model %s failed: %s", entry.model_name, type(exc).__name__)

    async def stream(self, entry: ModelEntry, messages: list[dict], max_tokens: int | None = None
                     ) -> AsyncIterator[StreamPiece | QueuePlace]:
        """Stream the answer of ``entry`` (one of :attr:`entries`): first its place in the model's waiting line
        whenever that changes (:class:`QueuePlace`), then the answer (:class:`StreamPiece`). Leaving early — the
        user cancelled — frees the place or the slot. Raises :class:`RoutingError` subclasses only."""
        if self.entries.get(entry.model_name) is not entry:  # refuses unlisted models before anything is sent
            raise ModelNotAllowed(_NOT_ALLOWED)
        queue, ticket = self.queues.get(entry.model_name), Ticket()
        try:
            if queue is not None:
                async for ahead in queue.turns(ticket):
                    yield QueuePlace(ahead)
            # max_tokens only when set: an explicit None would replace the model entry's own max_tokens.
            async for piece in self._pieces(entry.model_name, messages,
                                            {"max_tokens": max_tokens} if max_tokens is not None else {}):
                yield piece
        finally:
            if queue is not None:
                queue.release(ticket)

    async def _pieces(self, model_name: str, messages: list[dict], params: dict) -> AsyncIterator[StreamPiece]:
        try:
            response = await self._router.acompletion(
                model=model_name, messages=messages, stream=True, stream_options={"include_usage": True}, **params,
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
