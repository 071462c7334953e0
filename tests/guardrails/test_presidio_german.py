"""The other German recognizers Presidio ships, enabled and case-sensitive here."""

import pytest

from guardrails.recognizers.presidio_german import german_recognizers
from tests.guardrails.conftest import found

VALID = [
    ("DE_ID_CARD", "Personalausweis L01X00T44", "L01X00T44"),
    ("DE_KFZ", "Kennzeichen DO AB 1234", "DO AB 1234"),
    ("DE_KFZ", "ihr Auto B-XY-99E steht", "B-XY-99E"),
    ("DE_LANR", "LANR 123456601 des Hausarztes", "123456601"),
    ("DE_VAT_ID", "USt-IdNr. DE136695976", "DE136695976"),
    ("DE_HANDELSREGISTER", "Handelsregister HRB 12345", "HRB 12345"),
    ("DE_TAX_NUMBER", "Steuernummer 181/815/08155 beim Finanzamt", "181/815/08155"),
]
NEAR_MISSES = [
    ("DE_KFZ", "mit dem Auto bis um 12 Uhr"),
    ("DE_KFZ", "Im Pkw am 12. Mai"),
    # Without a cue only a valid ICAO check digit counts (with a cue, see test_identity_documents.py).
    ("DE_ID_CARD", "Artikel L01X00T45 ist lieferbar"),
    ("DE_LANR", "Arztnummer 123456701"),
]


def test_all_thirteen_enabled():
    entities = {r.supported_entities[0] for r in german_recognizers()}
    assert entities == {
        "DE_TAX_ID", "DE_SOCIAL_SECURITY", "DE_HEALTH_INSURANCE", "DE_TAX_NUMBER",
        "DE_PASSPORT", "DE_ID_CARD", "DE_KFZ", "DE_HANDELSREGISTER", "DE_PLZ",
        "DE_LANR", "DE_BSNR", "DE_VAT_ID", "DE_FUEHRERSCHEIN",
    }


@pytest.mark.parametrize(("entity", "text", "expected"), VALID)
def test_german_identifier_found(guardrail, entity, text, expected):
    assert found(guardrail, text, entity) == [expected]


@pytest.mark.parametrize(("entity", "text"), NEAR_MISSES)
def test_german_identifier_near_misses(guardrail, entity, text):
    assert found(guardrail, text, entity) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ausweisnummer T22000124", "T22000124"), ("Reisepass C01X00T41", "C01X00T41")],
)
def test_id_card_and_passport_share_a_format(guardrail, text, expected):
    # Same ICAO format: either label is right, the value must be masked once.
    spans = [s for s in guardrail.detect(text) if s.entity_type in ("DE_ID_CARD", "DE_PASSPORT")]
    assert [text[s.start : s.end] for s in spans] == [expected]
