"""Builds the offline German Presidio ``AnalyzerEngine``."""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry

from guardrails.nlp_engine import LANGUAGE, BlankGermanNlpEngine


def build_analyzer(recognizers: list[EntityRecognizer]) -> AnalyzerEngine:
    """An analyzer for ``de`` that never loads predefined recognizers or models.

    Passing our own NLP engine and a filled registry keeps Presidio from creating
    its defaults (which download ``en_core_web_lg``).
    """
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=BlankGermanNlpEngine(),
        supported_languages=[LANGUAGE],
    )
