"""Settings section ``[guardrails]`` of the SafeGPT configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pydantic


class GuardrailSettings(pydantic.BaseModel):
    """Configuration of detection and pseudonymisation.

    ``pseudonym_style``: ``"placeholder"`` writes typed placeholders such as
    ``[Person 1]``; ``"surrogate"`` writes realistic German surrogate values
    (e.g. another name), which usually gives more natural model answers.
    ``score_threshold``: findings below this score are ignored.
    ``always_mask``: organisation-specific terms (names from the case-management
    system, local institutions) that are always masked as ``ORGANISATION_TERM``.
    ``extra_case_number_patterns``: regular expressions for file and client numbers
    (Aktenzeichen, Fall-Nr. …) in the organisation's own formats.
    ``ner_backend``: name or path of an installed spaCy pipeline whose person and
    place findings are merged with the rules (e.g. ``de_core_news_lg``).
    ``special_category_terms_file``: extra Art. 9 terms, lines ``category<TAB>term``.
    ``unfamiliar_names``: also find names no list knows by their position in the sentence
    and the shipped name classifier ("sagte Lindqvist", "die Petrovs").
    """

    model_config = pydantic.ConfigDict(extra="forbid")

    pseudonym_style: Literal["placeholder", "surrogate"] = "placeholder"
    score_threshold: float = 0.5
    always_mask: list[str] = []
    extra_case_number_patterns: list[str] = []
    ner_backend: str | None = None
    special_category_terms_file: Path | None = None
    unfamiliar_names: bool = True
