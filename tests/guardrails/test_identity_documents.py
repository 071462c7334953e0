"""Personalausweis and Reisepass numbers: cue or ICAO 9303 check digit."""

import pytest

from guardrails.recognizers.icao9303 import check_digit, ends_with_check_digit
from tests.guardrails.conftest import found

# Specimen documents of the Bundesdruckerei: ID card "T22000129" (MRZ "T220001293"),
# passport "C01X00T47" (MRZ "C01X00T478"); new-style ID card numbers mix letters.
VALID = [
    ("DE_ID_CARD", "Personalausweis L01X00T47 liegt in Kopie vor", "L01X00T47"),
    ("DE_ID_CARD", "Ausweisnummer: T22000129", "T22000129"),
    ("DE_ID_CARD", "Die Ausweisnr. lautet LZ6311T47.", "LZ6311T47"),
    ("DE_ID_CARD", "Perso-Nr. ist MF4K92XJ1", "MF4K92XJ1"),
    ("DE_ID_CARD", "perso l01x00t47 bitte kopieren", "l01x00t47"),  # typed in lower case
    ("DE_ID_CARD", "eAT-Nr. Y2R7K9M04 (Aufenthaltstitel)", "Y2R7K9M04"),
    ("DE_ID_CARD", "Kopie des Personalausweises (Nr. T22000129) anbei", "T22000129"),
    ("DE_ID_CARD", "MRZ-Zeile IDD<<T220001293<<<<<<<<<<<<<<<", "T220001293"),  # no cue: check digit
    ("DE_ID_CARD", "Nummer T220001293 auf der Rückseite", "T220001293"),
    ("DE_PASSPORT", "Reisepass C01X00T47, ausgestellt 2021", "C01X00T47"),
    ("DE_PASSPORT", "Pass-Nr.: C01X00T478", "C01X00T478"),  # with the check digit
    ("DE_PASSPORT", "syrischer Pass mit der Nummer N012345678", "N012345678"),  # foreign, cue only
    ("DE_PASSPORT", "Passnummer lautet U12345678", "U12345678"),
    ("DE_PASSPORT", "ohne Hinweis C01X00T478 im Text", "C01X00T478"),  # no cue: check digit
    ("DE_PASSPORT", "Reisepassnummer C01X00T47 8", "C01X00T47 8"),  # check digit typed apart
]
NEAR_MISSES = [
    ("DE_ID_CARD", "Artikel L01X00T45 ist lieferbar"),  # no cue, no valid check digit
    ("DE_ID_CARD", "Nummer T220001294 auf der Rückseite"),  # wrong MRZ check digit
    ("DE_ID_CARD", "Ausweis ist 2024 abgelaufen"),
    ("DE_ID_CARD", "Ausweis vom 12.03.2024"),
    ("DE_ID_CARD", "Ausweis liegt vor, Termin um 14:30"),
    ("DE_ID_CARD", "Personalausweis bis 2031 gültig"),
    ("DE_PASSPORT", "Pass auf, dass die 3 Kinder da sind"),
    ("DE_PASSPORT", "GTX1080TI und HRB123456 sind Codes"),
    ("DE_PASSPORT", "Reisepass abgelaufen, neuer beantragt"),
    ("DE_PASSPORT", "Die Bestellung FHK12345X kam"),  # no check digit at the end
]


@pytest.mark.parametrize(("entity", "text", "expected"), VALID)
def test_document_number_found(guardrail, entity, text, expected):
    spans = [s for s in guardrail.detect(text) if s.entity_type in ("DE_ID_CARD", "DE_PASSPORT")]
    assert [(s.entity_type, text[s.start : s.end]) for s in spans] == [(entity, expected)]


@pytest.mark.parametrize(("entity", "text"), NEAR_MISSES)
def test_document_number_near_misses(guardrail, entity, text):
    spans = [s for s in guardrail.detect(text) if s.entity_type in ("DE_ID_CARD", "DE_PASSPORT")]
    assert spans == []


@pytest.mark.parametrize(
    ("chars", "digit"), [("T22000129", 3), ("C01X00T47", 8), ("L01X00T4", 4), ("<<<", 0)]
)
def test_icao_check_digit(chars, digit):
    assert check_digit(chars) == digit


def test_ends_with_check_digit():
    assert ends_with_check_digit("T220001293")
    assert not ends_with_check_digit("T220001294")
    assert not ends_with_check_digit("T22000129X")
    assert not ends_with_check_digit("Ä220001293")
