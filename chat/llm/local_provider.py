"""LiteLLM custom provider ``safegpt-local``: the in-process llama.cpp models behind LiteLLM's interface.

Registered in ``litellm.custom_provider_map`` so that routing, fallbacks and timeouts treat the embedded
model like any other deployment (``model = "safegpt-local/<alias>"``).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator

from chat.llm.litellm_env import litellm
from chat.llm.local_model import Delta, LocalModel
from litellm.llms.custom_llm import CustomLLM, CustomLLMError
from litellm.types.utils import GenericStreamingChunk, ModelResponse

PROVIDER = "safegpt-local"
_END = object()


class LocalProvider(CustomLLM):
    def __init__(self, models: dict[str, LocalModel]) -> None:
        super().__init__()
        self.models = models

    def _model(self, model: str) -> LocalModel:
        alias = model.split("/", 1)[1] if model.startswith(PROVIDER + "/") else model
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
        for delta in local.stream_chat(messages, **self._limits(optional_params or {})):
            yield _chunk(delta)

    async def astreaming(self, model: str, messages: list, *args, optional_params: dict | None = None, **kwargs
                         ) -> AsyncIterator[GenericStreamingChunk]:
        local = self._model(model)
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()
        cancel = threading.Event()
        limits = self._limits(optional_params or {})

        def produce() -> None:
            try:
                for delta in local.stream_chat(messages, cancel=cancel, **limits):
                    loop.call_soon_threadsafe(queue.put_nowait, delta)
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
                        if isinstance(nxt, Delta) and not nxt.finish_reason:
                            parts.append(nxt.text)
                        else:
                            held.append(nxt)
                            break
                    item = Delta(text="".join(parts))
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


def _chunk(delta) -> GenericStreamingChunk:
    usage = None
    if delta.finish_reason:
        usage = {"prompt_tokens": delta.prompt_tokens, "completion_tokens": delta.completion_tokens,
                 "total_tokens": delta.prompt_tokens + delta.completion_tokens}
    return GenericStreamingChunk(
        text=delta.text, is_finished=delta.finish_reason is not None,
        finish_reason=delta.finish_reason or "", usage=usage, index=0, tool_use=None,
    )


def _response(model: str, text: str) -> ModelResponse:
    return ModelResponse(
        model=model, created=int(time.time()),
        choices=[{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
    )


def register(provider: LocalProvider) -> None:
    """Install ``provider`` as LiteLLM's handler for ``safegpt-local/…`` (replacing an earlier one)."""
    litellm.custom_provider_map = [m for m in litellm.custom_provider_map if m.get("provider") != PROVIDER]
    litellm.custom_provider_map.append({"provider": PROVIDER, "custom_handler": provider})
    from litellm.utils import custom_llm_setup

    custom_llm_setup()
