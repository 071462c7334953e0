"""Any OpenAI-compatible embeddings endpoint through LiteLLM (vLLM, Ollama, llama.cpp server, providers)."""

from __future__ import annotations

import os
from typing import Any

from .. import messages
from ..errors import KnowledgeError


class OpenAIEmbedder:
    """Calls ``litellm.embedding``; the vector size is learnt from the first answer."""

    def __init__(self, model: str, api_base: str | None = None, api_key: str | None = None,
                 timeout: float = 60.0) -> None:
        # Without this LiteLLM fetches a price list from the internet at import (5 s stall offline).
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        import litellm

        self._litellm = litellm
        self.model = model
        self.api_base = api_base
        # Local OpenAI-compatible servers accept any key, but the client insists on one.
        self._api_key = api_key or os.environ.get("OPENAI_API_KEY") or "sk-local"
        self.timeout = timeout
        self.name = f"openai:{model}"
        self._dimensions: int | None = None

    @property
    def dimensions(self) -> int:
        if self._dimensions is None:
            self.embed_query("Dimension")
        assert self._dimensions is not None
        return self._dimensions

    def _call(self, texts: list[str]) -> list[list[float]]:
        kwargs: dict[str, Any] = {"model": self.model, "input": texts, "api_key": self._api_key,
                                  "timeout": self.timeout}
        if self.api_base:
            kwargs["api_base"] = self.api_base
        try:
            response = self._litellm.embedding(**kwargs)
        except Exception as exc:  # noqa: BLE001 - LiteLLM wraps transport and HTTP errors in many types
            # The exception text may echo the input texts; only its type is reported.
            raise KnowledgeError(messages.EMBEDDING_FAILED.format(backend=self.model, reason=type(exc).__name__)) from None
        items = sorted(response.data, key=lambda item: _get(item, "index"))
        vectors = [list(map(float, _get(item, "embedding"))) for item in items]
        if len(vectors) != len(texts):
            raise KnowledgeError(messages.EMBEDDING_FAILED.format(backend=self.model, reason="Anzahl der Vektoren"))
        if vectors:
            self._dimensions = len(vectors[0])
        return vectors

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        return self._call(list(texts)) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._call([text])[0]


def _get(item: Any, key: str) -> Any:
    return item[key] if isinstance(item, dict) else getattr(item, key)
