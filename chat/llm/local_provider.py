"""LiteLLM custom provider ``safegpt-local``: the in-process llama.cpp models behind LiteLLM's interface.

Registered in ``litellm.custom_provider_map`` so that routing, fallbacks and timeouts treat the embedded
model like any other deployment (``model = "safegpt-local/<alias>"`` in the settings). That map is
process-wide, so each router's provider is installed under a name of its own (``safegpt-local-<id>``): a
second application in the same process gets its own models and never replaces the first one's.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator

from chat.llm.litellm_env import litellm
from chat.llm.local_model import LocalModel
from chat.llm.pieces import StreamPiece
from litellm.llms.custom_llm import CustomLLM, CustomLLMError
from litellm.types.utils import GenericStreamingChunk, ModelResponse

PROVIDER = "safegpt-local"
_END = object()


def is_local(litellm_model: str) -> bool:
    """``litellm_params.model`` names an in-process model (``safegpt-local/<alias>``)."""
    return litellm_model.startswith(PROVIDER + "/")


class LocalProvider(CustomLLM):
    """The in-process models of one router, installed in LiteLLM under :attr:`name` while in use."""

    def __init__(self, models: dict[str, LocalModel]) -> None:
        super().__init__()
        self.models = models
        self.name = f"{PROVIDER}-{uuid.uuid4().hex[:12]}"

    def litellm_model(self, configured: str) -> str:
        """``safegpt-local/<alias>`` as this provider's LiteLLM model name."""
        return f"{self.name}/{configured.split('/', 1)[1]}"

    def install(self) -> None:
        """Make LiteLLM send this provider's model names here (nothing else in the process changes)."""
        litellm.custom_provider_map.append({"provider": self.name, "custom_handler": self})
        from litellm.utils import custom_llm_setup

        custom_llm_setup()

    def uninstall(self) -> None:
        litellm.custom_provider_map = [m for m in litellm.custom_provider_map if m.get("provider") != self.name]
        for known in (litellm.provider_list, litellm._custom_providers):
            if self.name in known:
                known.remove(self.name)

    def _model(self, model: str) -> LocalModel:
        alias = model.split("/", 1)[-1]
        try:
            return self.models[alias]
        except KeyError:
            raise CustomLLMError(status_code=404, message=f"unknown local model {alias!r}") from None

    @staticmethod
    def _limits(optional_params: dict) -> dict:
        return {"max_tokens": optional_params.get("max_tokens"), "temperature": optional_params.get("temperature")}

    def streaming(self, model: str, messages: list, *args, optional_params: dict | None = None, **kwargs
                  ) -> Iterator[GenericStreamingChunk]:
        local = self._model(model)
        for piece in local.stream_chat(messages, **self._limits(optional_params or {})):
            yield _chunk(piece)

    async def astreaming(self, model: str, messages: list, *args, optional_params: dict | None = None, **kwargs
                         ) -> AsyncIterator[GenericStreamingChunk]:
        local = self._model(model)
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()
        cancel = threading.Event()
        limits = self._limits(optional_params or {})

        def produce() -> None:
            try:
                for piece in local.stream_chat(messages, cancel=cancel, **limits):
                    loop.call_soon_threadsafe(queue.put_nowait, piece)
            except BaseException as exc:  # handed to the consumer, raised there
                loop.call_soon_threadsafe(queue.put_nowait, exc)
            finally:
                loop.call_soon_threadsafe(queue.put_nowait, _END)

        worker = loop.run_in_executor(None, produce)
        held: list = []  # an item taken while coalescing that must not be merged
        try:
            while True:
                item = held.pop() if held else await queue.get()
                if item is _END:
                    break
                if isinstance(item, BaseException):
                    raise CustomLLMError(status_code=500, message=f"local model failed: {type(item).__name__}")
                if not item.finish_reason and not queue.empty():
                    # Tokens that piled up while this loop was busy go on as one chunk: each chunk costs
                    # LiteLLM's stream wrapper and the pipeline a fixed amount of work. Never waits for more.
                    parts = [item.text]
                    while not queue.empty():
                        nxt = queue.get_nowait()
                        if isinstance(nxt, StreamPiece) and not nxt.finish_reason:
                            parts.append(nxt.text)
                        else:
                            held.append(nxt)
                            break
                    item = StreamPiece(text="".join(parts))
                yield _chunk(item)
        finally:
            # The reader went away (user cancelled, timeout): stop generating so the next request gets the model.
            cancel.set()
            await asyncio.shield(worker)

    def completion(self, model: str, messages: list, *args, optional_params: dict | None = None, **kwargs
                   ) -> ModelResponse:
        text = "".join(d.text for d in self._model(model).stream_chat(messages, **self._limits(optional_params or {})))
        return _response(model, text)

    async def acompletion(self, model: str, messages: list, *args, optional_params: dict | None = None, **kwargs
                          ) -> ModelResponse:
        local = self._model(model)
        limits = self._limits(optional_params or {})
        text = await asyncio.to_thread(lambda: "".join(d.text for d in local.stream_chat(messages, **limits)))
        return _response(model, text)


def _chunk(piece: StreamPiece) -> GenericStreamingChunk:
    """LiteLLM's shape of a piece at its custom-provider boundary (the router turns it back into a piece)."""
    usage = None
    if piece.finish_reason:
        usage = {"prompt_tokens": piece.prompt_tokens, "completion_tokens": piece.completion_tokens,
                 "total_tokens": piece.prompt_tokens + piece.completion_tokens}
    return GenericStreamingChunk(
        text=piece.text, is_finished=piece.finish_reason is not None,
        finish_reason=piece.finish_reason or "", usage=usage, index=0, tool_use=None,
    )


def _response(model: str, text: str) -> ModelResponse:
    return ModelResponse(
        model=model, created=int(time.time()),
        choices=[{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
    )
