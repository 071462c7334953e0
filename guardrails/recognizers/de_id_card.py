"""Personalausweis and residence-permit numbers (entity DE_ID_CARD)."""

from __future__ import annotations

from guardrails.recognizers.icao9303 import ID_CARD_FIRST_LETTERS
from guardrails.recognizers.identity_document import DocumentNumberRecognizer

# "Personalausweis", "Ausweis-Nr.", "Perso", "PA-Nr.", "Ausweisnummer", and the cards of
# non-German clients: elektronischer Aufenthaltstitel, Ankunftsnachweis, Duldung.
CUE = (
    r"(?:Personalausweis|Personalausweis-?Nr|Personalausweisnummer|Ausweis|Ausweis-?Nr|"
    r"Ausweisnummer|Ausweis-Nummer|Ausweisdokument|Personalausweisdaten|Perso|Perso-?Nr|PA-?Nr|"
    r"ID-?Karte|ID-?Card|Identitätskarte|Identity\s+Card|Dokumentennummer|Dokumenten-?Nr|"
    r"Aufenthaltstitel|Aufenthaltstitel-?Nr|eAT|eAT-?Nr|Aufenthaltserlaubnis|"
    r"Ankunftsnachweis|Duldung|Seriennummer\s+des\s+Ausweises)"
)


class DeIdCardNumberRecognizer(DocumentNumberRecognizer):
    """Entity DE_ID_CARD: "Personalausweis L01X00T47", "Ausweisnr. ist T22000129",
    bare "T220001293" (with the MRZ check digit)."""

    def __init__(self) -> None:
        super().__init__("DE_ID_CARD", CUE, ID_CARD_FIRST_LETTERS, "DeIdCardNumberRecognizer")
