"""The embedder interface every backend implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Embedder(Protocol):
    """Turns text into vectors. Passages (chunks) and queries may be embedded differently.

    ``name`` identifies the model; the index remembers it, and a different name means the
    documents must be re-embedded (``kb reindex``).
    """

    name: str
    dimensions: int

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        """Embed document chunks, in order."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """Embed one search query."""
        ...
