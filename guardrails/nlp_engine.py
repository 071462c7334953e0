"""A German Presidio NLP engine that needs no downloaded model.

No German spaCy pipeline installs offline, and Presidio's default engine tries to
download one. ``spacy.blank("de")`` gives German tokenisation; a tiny component
sets ``lemma_`` to the lower-cased text so Presidio's context words still match.
"""

from __future__ import annotations

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

LANGUAGE = "de"
_LEMMA_COMPONENT = "safegpt_lower_lemma"


@Language.component(_LEMMA_COMPONENT)
def _lower_lemma(doc: Doc) -> Doc:
    for token in doc:
        token.lemma_ = token.lower_
    return doc


class BlankGermanNlpEngine(SpacyNlpEngine):
    """Presidio NLP engine over ``spacy.blank("de")``; tokens and lemmas, no NER."""

    def __init__(self) -> None:
        super().__init__(
            models=[{"lang_code": LANGUAGE, "model_name": "blank:de"}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={"PER": "PERSON"}
            ),
        )

    def load(self) -> None:
        """Build the blank pipeline (never calls ``spacy.load`` or downloads)."""
        nlp = spacy.blank(LANGUAGE)
        nlp.add_pipe(_LEMMA_COMPONENT)
        self.nlp = {LANGUAGE: nlp}
