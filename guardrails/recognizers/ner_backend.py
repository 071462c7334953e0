"""Optional NER backend: an installed spaCy pipeline whose findings join the rules.

An operator who installs a German pipeline (``de_core_news_lg``) or any other
spaCy NER model names it in ``[guardrails].ner_backend``. Person and place
findings are filtered through the noun lexicon first: models not trained on
German tag capitalised nouns ("Antrag", "Schuldnerberatung") as persons.
"""

from __future__ import annotations

import threading
from typing import List, Optional

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails import messages
from guardrails.names import DETERMINERS, ROLE_CUES, TITLE_CUES, NameLexicon

LABELS = {"PERSON": "PERSON", "PER": "PERSON", "LOC": "LOCATION", "GPE": "LOCATION"}
_NER_COMPONENTS = {"tok2vec", "transformer", "ner", "curated_transformer"}


class NerBackendRecognizer(EntityRecognizer):
    """PERSON and LOCATION findings of a spaCy pipeline, cleaned with the lexicon."""

    SCORE = 0.6

    def __init__(self, model_name: str, lexicon: NameLexicon) -> None:
        self._model_name = model_name
        self._lex = lexicon
        self._lock = threading.Lock()  # spaCy pipelines are not guaranteed thread-safe
        self._nlp = None
        super().__init__(
            supported_entities=["PERSON", "LOCATION"],
            supported_language="de",
            name=f"NerBackendRecognizer({model_name})",
            context=[],
        )

    def load(self) -> None:
        """Load the pipeline now (at start-up), keeping only what NER needs."""
        if self._nlp is not None:
            return
        import spacy

        try:
            nlp = spacy.load(self._model_name)
        except Exception as exc:  # noqa: BLE001 - any loading failure means: not usable
            raise ValueError(
                messages.ERR_NER_BACKEND.format(name=self._model_name, error_type=type(exc).__name__)
            ) from None
        keep = [p for p in nlp.pipe_names if p in _NER_COMPONENTS]
        nlp.select_pipes(enable=keep)
        self._nlp = nlp

    def _clean(self, words: list[tuple[int, int, str]], label: str) -> list[tuple[int, int]]:
        """Drop cue words, articles and plain nouns; keep contiguous name-like words."""
        lex = self._lex
        kept = []
        for start, end, word in words:
            low = word.lower().rstrip(".")
            if low in TITLE_CUES or low in ROLE_CUES or low in DETERMINERS or lex.is_function_word(word):
                continue
            if not word[:1].isupper():
                continue
            if label == "PERSON" and not lex.is_listed_name(word) and (
                lex.is_common_word(word) or lex.is_compound_noun(word)
            ):
                continue
            if label == "LOCATION" and lex.is_common_noun(word) and not lex.is_place(word):
                continue
            kept.append((start, end))
        return kept

    def analyze(
        self,
        text: str,
        entities: List[str],
        nlp_artifacts: Optional[NlpArtifacts] = None,
    ) -> List[RecognizerResult]:
        """Run the model and return cleaned PERSON/LOCATION results."""
        self.load()
        with self._lock:
            doc = self._nlp(text)  # type: ignore[misc]
        results = []
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            words = [(t.idx, t.idx + len(t.text), t.text) for t in ent if not t.is_punct]
            kept = self._clean(words, label)
            if not kept:
                continue
            results.append(
                RecognizerResult(
                    entity_type=label,
                    start=kept[0][0],
                    end=kept[-1][1],
                    score=self.SCORE,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=self.name, original_score=self.SCORE, textual_explanation="NER backend"
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
