"""The German recognizers Presidio ships (disabled by default there), enabled here."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    DeBsnrRecognizer,
    DeFuehrerscheinRecognizer,
    DeHandelsregisterRecognizer,
    DeIdCardRecognizer,
    DeKfzRecognizer,
    DeLanrRecognizer,
    DePassportRecognizer,
    DePlzRecognizer,
    DeTaxNumberRecognizer,
    DeVatIdRecognizer,
)

from guardrails.recognizers.de_health_insurance import SpacedDeHealthInsuranceRecognizer
from guardrails.recognizers.de_social_security import SpacedDeSocialSecurityRecognizer
from guardrails.recognizers.de_tax_id import SpacedDeTaxIdRecognizer

_CASE_SENSITIVE = re.DOTALL | re.MULTILINE


def german_recognizers() -> list[EntityRecognizer]:
    """All 13 German Presidio recognizers; three extended with spaced forms.

    Presidio matches case-insensitively by default, which lets licence-plate and
    ID patterns fire on ordinary lower-case words ("bis am 12"). These identifiers
    are printed in upper case, so matching here is case-sensitive.
    """
    recognizers: list[EntityRecognizer] = [
        SpacedDeTaxIdRecognizer(),
        SpacedDeSocialSecurityRecognizer(),
        SpacedDeHealthInsuranceRecognizer(),
        DeTaxNumberRecognizer(),
        DePassportRecognizer(),
        DeIdCardRecognizer(),
        DeKfzRecognizer(),
        DeHandelsregisterRecognizer(),
        DePlzRecognizer(),
        DeLanrRecognizer(),
        DeBsnrRecognizer(),
        DeVatIdRecognizer(),
        DeFuehrerscheinRecognizer(),
    ]
    for rec in recognizers[3:]:  # the three spaced ones above set their own flags
        rec.global_regex_flags = _CASE_SENSITIVE
    return recognizers
