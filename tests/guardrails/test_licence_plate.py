import pytest

from tests.guardrails.conftest import found

VALID = [
    ("kennzeichen ms-ab 7481 gehört zu herrn x", "ms-ab 7481"),
    ("kennzeichen b co 8673 gehört", "b co 8673"),
    ("Kennzeichen: do f 4615", "do f 4615"),
    ("Kennzeichen DO AB 1234", "DO AB 1234"),  # Presidio's recognizer, upper case
]
NEAR_MISSES = [
    "ich komme bis am 12 uhr",
    "mit dem auto bis um 12",
    "kennzeichen fehlt noch",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_plate_found(guardrail, text, expected):
    assert found(guardrail, text, "DE_KFZ") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_plate_near_misses(guardrail, text):
    assert found(guardrail, text, "DE_KFZ") == []
