"""Rentenversicherungsnummer (RV-Nr.) in every spacing it is printed or typed in."""

from __future__ import annotations

import re
from typing import Optional

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import DeSocialSecurityRecognizer

# Between any two characters: nothing, one or two spaces, a hyphen, a slash or a dot
# ("12 345678 A 12 3", "12 34 56 78 A123", "12-345678-A-123", "12345678/a/123").
_SEP = r"(?:[ ]{1,2}|[ ]?[-/.][ ]?)?"
# 8 digits (area, birth date), the letter of the birth name, serial (2) and check digit.
_ANY_SPACING = rf"(?<![\w/.-])\d(?:{_SEP}\d){{7}}{_SEP}[A-Za-z]{_SEP}\d{_SEP}\d{_SEP}\d(?![\w/-])"
_SEPARATORS = re.compile(r"[ /.\-]")


class SpacedDeSocialSecurityRecognizer(DeSocialSecurityRecognizer):
    """Presidio's DE_SOCIAL_SECURITY plus every spacing of the printed form.

    The check digit (VKVV § 4) is Presidio's, applied after removing separators:
    weights 2,1,2,5,7,1,2,1,2,1,2,1 over the digits with the letter as its
    two-digit alphabet position, cross-sum of each product, sum mod 10; birth day
    and month must be possible. Any grouping is accepted because only the check
    digit decides ("12 345678 A 12 3" on letters, "65 170839 J 003" on the card,
    "12 34 56 78 a 123" typed).
    """

    PATTERNS = DeSocialSecurityRecognizer.PATTERNS + [
        Pattern("Rentenversicherungsnummer (any spacing)", _ANY_SPACING, 0.4),
    ]

    def __init__(self) -> None:
        super().__init__(patterns=list(self.PATTERNS))
        # The check digit guards every match, so lower-case typing is accepted too.
        self.global_regex_flags = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        """Presidio's check-digit rule on the text without separators."""
        return super().validate_result(_SEPARATORS.sub("", pattern_text))
