"""The German recognizers Presidio ships (disabled by default there), enabled here."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    DeBsnrRecognizer,
    DeFuehrerscheinRecognizer,
    DeHandelsregisterRecognizer,
    DeKfzRecognizer,
    DeLanrRecognizer,
    DePlzRecognizer,
    DeTaxNumberRecognizer,
    DeVatIdRecognizer,
)

from guardrails.recognizers.de_health_insurance import SpacedDeHealthInsuranceRecognizer
from guardrails.recognizers.de_id_card import DeIdCardNumberRecognizer
from guardrails.recognizers.de_passport import DePassportNumberRecognizer
from guardrails.recognizers.de_social_security import SpacedDeSocialSecurityRecognizer
from guardrails.recognizers.de_tax_id import SpacedDeTaxIdRecognizer

_CASE_SENSITIVE = re.DOTALL | re.MULTILINE


def german_recognizers() -> list[EntityRecognizer]:
    """All 13 German identifier types; RV-Nr., Steuer-ID and KVNR extended with spaced forms,
    ID card and passport numbers by our own cue and ICAO 9303 check-digit rule.

    Presidio matches case-insensitively by default, which lets licence-plate and
    ID patterns fire on ordinary lower-case words ("bis am 12"). These identifiers
    are printed in upper case, so matching here is case-sensitive.
    """
    recognizers: list[EntityRecognizer] = [
        SpacedDeTaxIdRecognizer(),
        SpacedDeSocialSecurityRecognizer(),
        SpacedDeHealthInsuranceRecognizer(),
        DeIdCardNumberRecognizer(),
        DePassportNumberRecognizer(),
        DeTaxNumberRecognizer(),
        DeKfzRecognizer(),
        DeHandelsregisterRecognizer(),
        DePlzRecognizer(),
        DeLanrRecognizer(),
        DeBsnrRecognizer(),
        DeVatIdRecognizer(),
        DeFuehrerscheinRecognizer(),
    ]
    for rec in recognizers[5:]:  # the spaced ones and the document numbers above set their own flags
        rec.global_regex_flags = _CASE_SENSITIVE
    return recognizers
