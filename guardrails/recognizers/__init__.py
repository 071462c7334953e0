"""Recognizers for German text, one module per identifier (Presidio style)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from guardrails.name_classifier import NameClassifier
from guardrails.names import NameLexicon
from guardrails.recognizers.address import GermanAddressRecognizer
from guardrails.recognizers.case_number import CaseNumberRecognizer
from guardrails.recognizers.date_of_birth import DateOfBirthRecognizer
from guardrails.recognizers.dates import GermanDateRecognizer
from guardrails.recognizers.email import OfflineEmailRecognizer
from guardrails.recognizers.iban import GermanIbanRecognizer
from guardrails.recognizers.institution import InstitutionRecognizer
from guardrails.recognizers.licence_plate import LowerCasePlateRecognizer
from guardrails.recognizers.organisation_term import OrganisationTermRecognizer
from guardrails.recognizers.person import PersonRecognizer
from guardrails.recognizers.phone import GermanPhoneRecognizer
from guardrails.recognizers.place import PlaceRecognizer
from guardrails.recognizers.presidio_german import german_recognizers
from guardrails.settings import GuardrailSettings


def build_recognizers(
    settings: GuardrailSettings, lexicon: NameLexicon, name_classifier: NameClassifier | None = None
) -> list[EntityRecognizer]:
    """Every rule-based recognizer the guardrail runs, configured from settings."""
    recognizers: list[EntityRecognizer] = [
        PersonRecognizer(lexicon, name_classifier),
        OfflineEmailRecognizer(),
        GermanPhoneRecognizer(),
        GermanDateRecognizer(),
        DateOfBirthRecognizer(),
        GermanIbanRecognizer(),
        GermanAddressRecognizer(is_common_word=lexicon.is_common_word),
        CaseNumberRecognizer(settings.extra_case_number_patterns),
        LowerCasePlateRecognizer(),
        InstitutionRecognizer(lexicon),
        PlaceRecognizer(lexicon),
        *german_recognizers(),
    ]
    if settings.always_mask:
        recognizers.append(OrganisationTermRecognizer(settings.always_mask))
    return recognizers
