"""Adapter that lets Chroma hold our embedder, registered so a collection can be reopened.

We always hand Chroma finished vectors, so the adapter is only there to (a) stop Chroma from
falling back to its default embedder, which downloads a model and fails offline, and (b) give
the collection a registered embedding-function name; without registration, reopening fails
with "Embedding function … not found".
"""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from .base import Embedder

ADAPTER_NAME = "safegpt"


@register_embedding_function
class ChromaEmbeddingAdapter(EmbeddingFunction[Documents]):
    """Chroma-side view of an :class:`Embedder`; without one (rebuilt from config) it refuses to embed."""

    def __init__(self, embedder: Embedder | None = None, embedder_name: str | None = None) -> None:
        self._embedder = embedder
        self._embedder_name = embedder.name if embedder is not None else (embedder_name or "unknown")

    def __call__(self, input: Documents) -> Embeddings:
        if self._embedder is None:
            raise RuntimeError("SafeGPT passes embeddings explicitly; open the collection through KnowledgeBase")
        import numpy as np

        return [np.asarray(v, dtype=np.float32) for v in self._embedder.embed_passages(list(input))]

    def embed_query(self, input: Documents) -> Embeddings:
        if self._embedder is None:
            raise RuntimeError("SafeGPT passes embeddings explicitly; open the collection through KnowledgeBase")
        import numpy as np

        return [np.asarray(self._embedder.embed_query(text), dtype=np.float32) for text in input]

    @staticmethod
    def name() -> str:
        return ADAPTER_NAME

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine"]

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingAdapter:
        return ChromaEmbeddingAdapter(embedder_name=config.get("embedder"))

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self._embedder_name}
