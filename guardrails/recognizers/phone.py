"""German telephone numbers in the formats people actually type."""

from __future__ import annotations

import re
from typing import Optional

from presidio_analyzer import Pattern, PatternRecognizer

# One separator between digit groups: space, dot, or a slash/hyphen with optional spaces.
_SEP = r"(?:[ \t]?[/\-–][ \t]?|[ \t.])"
_DIGIT_GROUPS = rf"(?:{_SEP}?\d{{1,8}}){{1,6}}"

_DATE_SHAPE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")
# Service numbers of organisations, never a client's: free hotlines (0800, "0800 111 0 111"
# of the Telefonseelsorge), shared-cost (0180), mass-call (0137) and premium (0900) numbers.
_SERVICE_PREFIXES = ("0800", "0180", "0137", "0900")


def _national_digits(text: str) -> str:
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if text.lstrip().startswith("+49"):
        return "0" + digits[2:]
    if digits.startswith("0049"):
        return "0" + digits[4:]
    return digits


class GermanPhoneRecognizer(PatternRecognizer):
    """+49 176 12345678, 0049 231 …, 0176-1234567, 0231/98765-0, (0231) 55 66 77.

    Check rule: 7 to 15 digits in total (E.164 allows at most 15) and not shaped
    like a date.
    """

    PATTERNS = [
        Pattern(
            "international (+49 / 0049, optional (0))",
            rf"(?<![\w+])(?:\+|00)[1-9]\d{{0,2}}[ \t\-/.]?(?:\(0\)[ \t]?)?\(?\d{{1,5}}\)?{_DIGIT_GROUPS}(?!\w)",
            0.7,
        ),
        Pattern(
            "area code in brackets",
            rf"(?<![\w])\(0(?:[ \t]?\d){{2,5}}\){_DIGIT_GROUPS}(?!\w)",  # also "(02 31) 44 55 66"
            0.7,
        ),
        Pattern(
            "national with leading 0",
            rf"(?<![\w.,/+\-])0[1-9]\d{{1,4}}{_DIGIT_GROUPS}(?![\w])",
            0.55,
        ),
    ]

    CONTEXT = [
        "telefon", "tel", "tel.", "telefonnummer", "rufnummer", "handy", "handynummer",
        "mobil", "mobilnummer", "fax", "anrufen", "erreichbar", "festnetz", "nummer",
        "whatsapp",
    ]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            supported_language="de",
            name="GermanPhoneRecognizer",
            global_regex_flags=re.DOTALL | re.MULTILINE,
        )

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        """Digit count in E.164 range, not a date such as 01.02.2024, not a service number."""
        digits = sum(ch.isdigit() for ch in pattern_text)
        if not 7 <= digits <= 15 or _DATE_SHAPE.match(pattern_text.strip()):
            return False
        if _national_digits(pattern_text).startswith(_SERVICE_PREFIXES):
            return False
        return None
