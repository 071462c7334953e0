"""What a streamed answer is made of, from llama.cpp up to the pipeline: one shape on both sides of LiteLLM."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StreamPiece:
    """A piece of an answer: text, and on the last piece why it ended and the token counts."""

    text: str
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass(frozen=True)
class QueuePlace:
    """The request waits for a slot of its model; ``ahead`` requests must finish before it gets one."""

    ahead: int
