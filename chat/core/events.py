"""The typed events of one answer (:meth:`chat.core.pipeline.Pipeline.answer` yields them in this order):
``Protected`` → ``Retrieved`` → ``Routed`` → ``Queued``* → ``AnswerDelta``* → ``AnswerDone``.

The Chainlit handlers, ``safegpt ask`` and the ``/v1`` API turn them into what their users see.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guardrails import DataClass
from knowledge import Passage


@dataclass(frozen=True)
class Source:
    number: int
    passage: Passage


@dataclass(frozen=True)
class Protected:
    """What the guardrail replaced in the user's message (shown to that user only)."""

    replacements: tuple[tuple[str, str, str], ...] = field(repr=False)  # (entity_type, original, pseudonym)
    data_class: DataClass


@dataclass(frozen=True)
class Retrieved:
    sources: tuple[Source, ...]
    # German note for the user when grounding was on but nothing reached knowledge.min_score.
    notice: str | None = None
    # German note when the question was searched by keyword only (its data class may not go to the embedder).
    search_notice: str | None = None


@dataclass(frozen=True)
class Routed:
    model_name: str
    display_name: str
    notice: str | None  # German text when the request went to another model than chosen
    # The data class of everything this request sends (system text, passages, history, message).
    data_class: DataClass = DataClass.NONE


@dataclass(frozen=True)
class Queued:
    """The chosen model is busy: ``ahead`` requests must finish first. Cancelling leaves the line."""

    ahead: int


@dataclass(frozen=True)
class AnswerDelta:
    text: str = field(repr=False)


@dataclass(frozen=True)
class AnswerDone:
    text: str = field(repr=False)
    sources: tuple[Source, ...]
    cited: tuple[int, ...]
    model_name: str
    display_name: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float
    notice: str | None = None  # as in Retrieved: "Keine passende Richtlinie gefunden …"


Event = Protected | Retrieved | Routed | Queued | AnswerDelta | AnswerDone
