"""Settings of the guarded API (the ``[api]`` section once ``chat.settings.Settings`` carries it)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ApiSettings(BaseModel):
    """Limits of the OpenAI-compatible API.

    ``max_body_bytes`` caps one request body (1 MB holds ~50 maximal chat messages); bigger bodies get 413
    before they are parsed. Conversations named by the caller (``safegpt.conversation_id``) keep their
    pseudonym vault in memory only, for ``conversation_ttl_seconds`` after their last use and at most
    ``max_conversations`` at a time (least recently used go first). ``embeddings = "knowledge"`` serves
    ``/v1/embeddings`` with the knowledge base's embedder; ``"off"`` answers 404 there.
    """

    model_config = ConfigDict(extra="forbid")

    max_body_bytes: int = Field(default=1_000_000, ge=1_000)
    max_messages: int = Field(default=200, ge=1)
    conversation_ttl_seconds: float = Field(default=3600.0, gt=0)
    max_conversations: int = Field(default=1000, ge=1)
    embeddings: Literal["knowledge", "off"] = "knowledge"
    max_embedding_inputs: int = Field(default=256, ge=1)


def api_settings(settings) -> ApiSettings:
    """The API section of ``settings``; the defaults while ``Settings`` has no ``api`` field."""
    value = getattr(settings, "api", None)
    return value if isinstance(value, ApiSettings) else ApiSettings()


def embedding_model_id(settings) -> str | None:
    """The model id clients pass to ``/v1/embeddings`` (the knowledge base's embedder), or None when off."""
    if api_settings(settings).embeddings == "off":
        return None
    knowledge = settings.knowledge
    if knowledge.embedder == "openai":
        return f"embedding-{knowledge.embedding_model}".replace("/", "-")
    return f"embedding-{knowledge.embedder}"
