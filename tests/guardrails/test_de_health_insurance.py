import pytest

from guardrails.recognizers.de_health_insurance import SpacedDeHealthInsuranceRecognizer
from tests.guardrails.conftest import found

VALID = [
    ("KVNR A000500015", "A000500015"),
    ("Versichertennummer A 000500015", "A 000500015"),
    ("Krankenkasse AOK, Nr. A123 456 780", "A123 456 780"),
    ("KVNR: A 123 456 78 0", "A 123 456 78 0"),
    ("KVNR A 0005 0001 5 liegt vor", "A 0005 0001 5"),
    ("kvnr a000500015", "a000500015"),  # lower-case typing; the check digit guards it
]
NEAR_MISSES = [
    "KVNR A000500016",  # check digit wrong
    "KVNR A 000 500 016",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_kvnr_found(guardrail, text, expected):
    assert found(guardrail, text, "DE_HEALTH_INSURANCE") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_kvnr_near_misses(guardrail, text):
    assert found(guardrail, text, "DE_HEALTH_INSURANCE") == []


@pytest.mark.parametrize(("value", "ok"), [("A 000500015", True), ("A 000500016", False)])
def test_kvnr_check_digit(value, ok):
    assert SpacedDeHealthInsuranceRecognizer().validate_result(value) is ok
