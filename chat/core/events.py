"""The typed events of one answer (:meth:`chat.core.pipeline.Pipeline.answer` yields them in this order):
``Protected`` → ``Retrieved`` → ``EvidenceFound`` → ``Routed`` → ``Queued``* → ``AnswerDelta``* → ``AnswerDone``.
When no model is asked (a question the guidelines answer only unclearly or not at all), ``Routed`` and
``Queued`` are left out and the one ``AnswerDelta`` is SafeGPT's own answer.

The Chainlit handlers, ``safegpt ask`` and the ``/v1`` API turn them into what their users see.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chat.core.answer_check import DraftCheck
from guardrails import DataClass
from knowledge import Passage
from knowledge.evidence import Evidence


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
class EvidenceFound:
    """The guideline sentences that answer the question, to be shown before any model text (issue 18), and
    what the answer will do with them: ``grounded`` (a model explains them), ``ask_back`` or ``decline``
    (SafeGPT answers itself, no model), ``open`` (no guideline: a model writes without the organisation's
    rules). ``action`` is empty when the knowledge base was not asked."""

    evidence: Evidence
    action: str
    notice: str | None = None  # German note said first when no guideline could be used (as in Retrieved)


@dataclass(frozen=True)
class Routed:
    model_name: str
    display_name: str
    notice: str | None  # German text when the request went to another model than chosen
    # The data class of everything this request sends (system text, passages, history, message).
    data_class: DataClass = DataClass.NONE
    # Strict mode (guardrails.strict_names): seconds the local model's name check took (None: not run) and
    # how many names it found that the rules had let through (masked before sending).
    name_check_seconds: float | None = None
    names_masked: int = 0


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
    # Issue 18: what the answer rests on and what the check found. ``text`` is the model's draft as streamed
    # (or SafeGPT's own answer when ``model_name`` is empty); ``chat.core.answer_render.answer_markdown`` turns
    # the whole into what a user sees: evidence first, then the draft with its marks.
    evidence: Evidence | None = None
    action: str = ""
    check: DraftCheck | None = None


Event = Protected | Retrieved | EvidenceFound | Routed | Queued | AnswerDelta | AnswerDone
