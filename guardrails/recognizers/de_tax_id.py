"""Steuer-ID (steuerliche Identifikationsnummer), also spaced ("12 345 678 903")."""

from __future__ import annotations

from typing import Optional

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import DeTaxIdRecognizer


class SpacedDeTaxIdRecognizer(DeTaxIdRecognizer):
    """Presidio's DE_TAX_ID plus the forms printed on letters: "12 345 678 903".

    Check rule (Presidio's): 11 digits, first not 0, no digit more than three times
    in the first ten, ISO 7064 MOD 11,10 check digit.
    """

    PATTERNS = DeTaxIdRecognizer.PATTERNS + [
        Pattern(
            "Steuer-ID (spaced 2-3-3-3)",
            r"\b[1-9]\d[ /]\d{3}[ /]\d{3}[ /]\d{3}\b",
            0.5,
        ),
        Pattern(
            "Steuer-ID (spaced 3-3-3-2 / 4-3-4)",
            r"\b(?:[1-9]\d{2}[ ]\d{3}[ ]\d{3}[ ]\d{2}|[1-9]\d{3}[ ]\d{3}[ ]\d{4})\b",
            0.5,
        ),
    ]

    def __init__(self) -> None:
        super().__init__(patterns=list(self.PATTERNS))

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        """Presidio's checksum on the digits without separators."""
        return super().validate_result(pattern_text.replace(" ", "").replace("/", ""))
