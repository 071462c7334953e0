"""One GGUF model served in-process by llama.cpp, one generation at a time."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

from chat.llm.pieces import StreamPiece
from chat.llm.settings import LocalModelSettings

log = logging.getLogger(__name__)


class LocalModel:
    """A lazily loaded ``llama_cpp.Llama``. A ``Llama`` object is not thread-safe, so calls are serialised."""

    def __init__(self, alias: str, path: Path, settings: LocalModelSettings) -> None:
        self.alias = alias
        self.path = path
        self.settings = settings
        self._llm = None
        self._load_lock = threading.Lock()
        self.generation_lock = threading.Lock()

    def load(self):
        with self._load_lock:
            if self._llm is None:
                from llama_cpp import Llama

                log.info("loading local model %s", self.alias)
                self._llm = Llama(
                    model_path=str(self.path),
                    n_ctx=self.settings.n_ctx,
                    n_threads=self.settings.n_threads,
                    verbose=False,
                )
                if "tokenizer.chat_template" not in self._llm.metadata:
                    # Without a template llama.cpp silently falls back to the Llama-2 format.
                    log.warning("model %s has no chat template; answers may be poor", self.alias)
            return self._llm

    def close(self) -> None:
        with self._load_lock:
            if self._llm is not None:
                self._llm.close()
                self._llm = None

    def stream_chat(
        self,
        messages: list[dict],
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[StreamPiece]:
        """Generate an answer token by token. Holds the generation lock for the whole stream."""
        llm = self.load()
        with self.generation_lock:
            prompt_tokens = 0
            completion_tokens = 0
            stream = llm.create_chat_completion(
                messages=messages,
                max_tokens=max_tokens or self.settings.max_tokens,
                temperature=self.settings.temperature if temperature is None else temperature,
                repeat_penalty=self.settings.repeat_penalty,
                stream=True,
            )
            finish = None
            for chunk in stream:
                if cancel is not None and cancel.is_set():
                    finish = "cancelled"
                    break
                choice = chunk["choices"][0]
                text = choice.get("delta", {}).get("content") or ""
                if text:
                    completion_tokens += 1
                    yield StreamPiece(text=text)
                if choice.get("finish_reason"):
                    finish = choice["finish_reason"]
            # The context now holds prompt + answer; llama.cpp's stream reports no usage of its own.
            prompt_tokens = max(0, int(getattr(llm, "n_tokens", 0)) - completion_tokens)
            yield StreamPiece(text="", finish_reason=finish or "stop", prompt_tokens=prompt_tokens,
                        completion_tokens=completion_tokens)
