"""What a conversation guard needs from the detector: the contract between ``ConversationGuard`` and
``Guardrail``, so the per-conversation part does not import the detector that creates it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from guardrails.results import DetectedSpan
from guardrails.settings import GuardrailSettings

if TYPE_CHECKING:  # for the annotation only: guardrails.names loads spaCy's stop words, the pii CLI must not
    from guardrails.names import NameLexicon


class Detector(Protocol):
    """Finds client data in text; :class:`guardrails.guardrail.Guardrail` is the implementation."""

    settings: GuardrailSettings
    lexicon: NameLexicon

    def detect(self, text: str, *, recurring: bool = False) -> list[DetectedSpan]:
        """Findings in ``text``: resolved, non-overlapping, sorted by position; ``recurring`` texts (retrieved
        passages, never users' messages) may be answered from earlier detections of the same text."""
        ...

    def special_categories(self, text: str, *, recurring: bool = False) -> tuple[str, ...]:
        """Art. 9 categories (names only) that ``text`` touches; ``recurring`` as in :meth:`detect`."""
        ...
