import pytest

from guardrails.recognizers.iban import iban_checksum_ok
from tests.guardrails.conftest import found

VALID = [
    ("IBAN DE89 3704 0044 0532 0130 00 bitte", "DE89 3704 0044 0532 0130 00"),
    ("IBAN DE89370400440532013000.", "DE89370400440532013000"),
    ("IBAN: DE 89 3704 0044 0532 0130 00", "DE 89 3704 0044 0532 0130 00"),
    ("Konto DE8937040044 0532013000", "DE8937040044 0532013000"),
    ("AT61 1904 3002 3457 3201 ist österreichisch", "AT61 1904 3002 3457 3201"),
    ("IBAN DE89 3704 0044 0532 0130 00 2024 überwiesen", "DE89 3704 0044 0532 0130 00"),
    ("iban de89 3704 0044 0532 0130 00", "de89 3704 0044 0532 0130 00"),
    ("IBAN DE89-3704-0044-0532-0130-00", "DE89-3704-0044-0532-0130-00"),
]
NEAR_MISSES = [
    "IBAN DE89 3704 0044 0532 0130 01",  # wrong check digits
    "DE12 ist keine IBAN",
    "Referenz AB12 3456 7890 1234 5678 90",
    "ab 1200 Euro bis 2024 zahlbar",
    "Treffen um 10 Uhr in der Beratungsstelle",  # passes mod 97 by chance
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_iban_found(guardrail, text, expected):
    assert found(guardrail, text, "IBAN_CODE") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_iban_near_misses(guardrail, text):
    assert found(guardrail, text, "IBAN_CODE") == []


@pytest.mark.parametrize(
    ("compact", "ok"),
    [("DE89370400440532013000", True), ("DE89370400440532013001", False), ("DE8937040044053201300", False)],
)
def test_iban_checksum(compact, ok):
    assert iban_checksum_ok(compact) is ok
