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
    ``strict_names`` (issue 15 §4, off by default): before a request leaves the house (a model whose
    location is not ``local``), the local model ``strict_names_model`` lists the person names still
    present in the already pseudonymised text; each one that really stands in the text and passes the
    guardrail's own word checks is masked as a person too. If that model fails or takes longer than
    ``strict_names_timeout_seconds``, the request is not sent.
    """

    model_config = pydantic.ConfigDict(extra="forbid")

    pseudonym_style: Literal["placeholder", "surrogate"] = "placeholder"
    score_threshold: float = 0.5
    always_mask: list[str] = []
    extra_case_number_patterns: list[str] = []
    ner_backend: str | None = None
    special_category_terms_file: Path | None = None
    unfamiliar_names: bool = True
    strict_names: bool = False
    strict_names_model: str = "lokal"
    strict_names_timeout_seconds: float = pydantic.Field(default=60.0, gt=0)
