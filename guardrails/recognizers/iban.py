"""IBANs in every spacing people use ("DE89 3704 …", "DE 89 …", unspaced)."""

from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# Lengths per country (SWIFT IBAN registry) for the countries clients here bank in;
# other countries are accepted with a plausible length and a valid checksum.
IBAN_LENGTHS = {
    "DE": 22, "AT": 20, "CH": 21, "LI": 21, "LU": 20, "NL": 18, "BE": 16, "FR": 27,
    "IT": 27, "ES": 24, "PL": 28, "TR": 26, "RO": 24, "HR": 21, "BA": 20, "RS": 22,
    "GR": 27, "BG": 22, "CZ": 24, "DK": 18, "GB": 22, "HU": 28, "PT": 25, "SE": 24,
    "UA": 29, "SI": 19, "SK": 24, "AL": 28, "XK": 20, "MK": 19, "ME": 22, "LT": 20,
    "LV": 21, "EE": 20, "FI": 18, "IE": 22, "NO": 15, "CY": 28, "MT": 31, "IS": 26,
    "MD": 24, "GE": 22, "AZ": 28, "LB": 28, "JO": 30, "PS": 29, "IQ": 23, "TN": 24,
    "EG": 29, "SA": 24, "AE": 23, "IL": 23, "KZ": 20, "BY": 28, "MC": 27, "SM": 27,
}

# A candidate run: country code, check digits, then up to 30 alphanumerics with
# single spaces or hyphens anywhere. Trailing tokens are trimmed in validation.
_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}[ ]?\d{2}(?:[ \-]?[A-Za-z0-9]){10,30}(?![A-Za-z0-9])"
)


def iban_checksum_ok(compact: str) -> bool:
    """ISO 13616 mod-97 check on an IBAN without spaces."""
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    # Only countries with a known IBAN length: an unknown "country" is almost
    # always ordinary text that passed mod 97 by chance (1 in 97).
    if IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    if sum(ch.isdigit() for ch in compact[4:]) < 0.6 * len(compact[4:]):
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


class GermanIbanRecognizer(PatternRecognizer):
    """Entity IBAN_CODE; checksum-validated, so a match is certain (score 1.0)."""

    CONTEXT = ["iban", "konto", "kontonummer", "bankverbindung", "überweisung", "bank"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="IBAN_CODE",
            patterns=[Pattern("IBAN candidate", _CANDIDATE.pattern, 0.5)],
            context=self.CONTEXT,
            supported_language="de",
            name="GermanIbanRecognizer",
        )

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        """True if the text, without spaces and hyphens, is a valid IBAN."""
        return iban_checksum_ok(re.sub(r"[ \-]", "", pattern_text).upper())

    def analyze(
        self,
        text: str,
        entities: List[str],
        nlp_artifacts: Optional[NlpArtifacts] = None,
        regex_flags: Optional[int] = None,
    ) -> List[RecognizerResult]:
        """Find candidates and trim trailing characters until the checksum holds.

        The run may swallow a following number ("… 3000 00 2024"), so candidates
        are shortened from the right, one character at a time, to the longest
        valid IBAN.
        """
        results = []
        for match in _CANDIDATE.finditer(text):
            start, end = match.span()
            while end - start >= 14:
                candidate = text[start:end]
                if candidate[-1] not in " -" and self.validate_result(candidate):
                    results.append(
                        RecognizerResult(
                            entity_type="IBAN_CODE",
                            start=start,
                            end=end,
                            score=EntityRecognizer.MAX_SCORE,
                            analysis_explanation=self.build_regex_explanation(
                                self.name, "IBAN candidate", _CANDIDATE.pattern, 0.5, True, 0
                            ),
                            recognition_metadata={
                                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            },
                        )
                    )
                    break
                end -= 1
        return results
