import pytest

from guardrails.recognizers.de_tax_id import SpacedDeTaxIdRecognizer
from tests.guardrails.conftest import found

VALID = [
    ("Steuer-ID 86095742719", "86095742719"),
    ("Steuer-ID: 86 095 742 719", "86 095 742 719"),
    ("IdNr 860 957 427 19", "860 957 427 19"),
    ("Identifikationsnummer 8609 574 2719", "8609 574 2719"),
    ("Steuer-ID 12345678903.", "12345678903"),
]
NEAR_MISSES = [
    "Steuer-ID 86095742718",  # check digit wrong
    "Steuer-ID 86 095 742 718",
    "Nummer 06095742719",  # leading zero
    "11111111111",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_tax_id_found(guardrail, text, expected):
    assert found(guardrail, text, "DE_TAX_ID") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_tax_id_near_misses(guardrail, text):
    assert found(guardrail, text, "DE_TAX_ID") == []


@pytest.mark.parametrize(("value", "ok"), [("86 095 742 719", True), ("86 095 742 718", False)])
def test_tax_id_check_digit(value, ok):
    assert SpacedDeTaxIdRecognizer().validate_result(value) is ok
