"""Reisepass numbers, German and foreign (entity DE_PASSPORT)."""

from __future__ import annotations

from guardrails.recognizers.icao9303 import PASSPORT_FIRST_LETTERS
from guardrails.recognizers.identity_document import DocumentNumberRecognizer

CUE = (
    r"(?:Reisepass|Reisepass-?Nr|Reisepassnummer|Kinderreisepass|Pass|Pass-?Nr|Passnummer|"
    r"Pass-Nummer|Passport|Passport\s+No|Nationalpass)"
)


class DePassportNumberRecognizer(DocumentNumberRecognizer):
    """Entity DE_PASSPORT: "Reisepass C01X00T47", "Pass-Nr.: N012345678",
    bare "C01X00T478" (with the MRZ check digit)."""

    def __init__(self) -> None:
        super().__init__("DE_PASSPORT", CUE, PASSPORT_FIRST_LETTERS, "DePassportNumberRecognizer")
