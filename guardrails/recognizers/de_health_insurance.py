"""Krankenversichertennummer (KVNR), also spaced ("A 123456780")."""

from __future__ import annotations

import re
from typing import Optional

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import DeHealthInsuranceRecognizer


class SpacedDeHealthInsuranceRecognizer(DeHealthInsuranceRecognizer):
    """Presidio's DE_HEALTH_INSURANCE plus spaced forms ("A 12345678 0", "A123 456 780").

    Check rule (§ 290 SGB V, Presidio's): letter as two digits (A=01), then the
    eight digits; factors 1,2,1,2…, cross-sum of products ≥ 10, sum mod 10 equals
    the last digit.
    """

    PATTERNS = DeHealthInsuranceRecognizer.PATTERNS + [
        Pattern(
            "KVNR (spaced)",
            r"\b[A-Z][ ]?\d{3}[ ]?\d{3}[ ]?\d{2}[ ]?\d\b",
            0.3,
        ),
        Pattern("KVNR (letter, 9 digits, any single spaces)", r"\b[A-Z](?:[ ]?\d){9}\b", 0.3),
    ]

    def __init__(self) -> None:
        super().__init__(patterns=list(self.PATTERNS))
        # The check digit guards every match, so lower-case typing ("a000500015")
        # is accepted as well.
        self.global_regex_flags = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        """Presidio's checksum on the text without spaces."""
        return super().validate_result(pattern_text.replace(" ", ""))
