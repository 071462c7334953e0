"""Rentenversicherungsnummer (RV-Nr.), also in the spaced form "65 170839 J 003"."""

from __future__ import annotations

import re
from typing import Optional

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import DeSocialSecurityRecognizer


class SpacedDeSocialSecurityRecognizer(DeSocialSecurityRecognizer):
    """Presidio's DE_SOCIAL_SECURITY plus the printed form with spaces.

    The check digit (VKVV § 4) is Presidio's, applied after removing spaces:
    weights 2,1,2,5,7,1,2,1,2,1,2,1 over the digits with the letter as its
    two-digit alphabet position, cross-sum of each product, sum mod 10.
    """

    PATTERNS = DeSocialSecurityRecognizer.PATTERNS + [
        Pattern(
            "Rentenversicherungsnummer (spaced: 2 6 1 3)",
            r"\b\d{2}[ ]?\d{6}[ ]?[A-Z][ ]?\d{3}\b",
            0.4,
        ),
        Pattern(
            "Rentenversicherungsnummer (spaced: 2 2 2 2 1 2 1)",
            r"\b\d{2}[ ]\d{2}[ ]\d{2}[ ]\d{2}[ ][A-Z][ ]\d{2}[ ]\d\b",
            0.4,
        ),
    ]

    def __init__(self) -> None:
        super().__init__(patterns=list(self.PATTERNS))
        # The check digit guards every match, so lower-case typing is accepted too.
        self.global_regex_flags = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        """Presidio's check-digit rule on the text without spaces."""
        return super().validate_result(pattern_text.replace(" ", ""))
