import pytest

from tests.guardrails.conftest import found

VALID = [
    ("Tel. +49 176 12345678", "+49 176 12345678"),
    ("erreichbar unter 0049 231 9876543", "0049 231 9876543"),
    ("Handy 0176 12345678.", "0176 12345678"),
    ("Handy 0176-12345678", "0176-12345678"),
    ("Telefon 0231/98765-0", "0231/98765-0"),
    ("Telefon 0231 / 98765-0", "0231 / 98765-0"),
    ("Festnetz (0231) 55 66 77", "(0231) 55 66 77"),
    ("+49 (0)30 1234567", "+49 (0)30 1234567"),
    ("ruft an von 01761234567", "01761234567"),
    ("Fax 030 12345678", "030 12345678"),
    ("Tel +49-231-98765-0", "+49-231-98765-0"),
    ("Tel. +49 (231) 98765", "+49 (231) 98765"),
    ("Tel.: 0231.98765", "0231.98765"),
    ("Türkische Nummer +90 532 123 45 67", "+90 532 123 45 67"),
    ("Mobil: 0151/2345 6789", "0151/2345 6789"),
    ("hat angerufen ((0911) 15 92 35) und", "(0911) 15 92 35"),
    ("Festnetz: (02 31) 44 55 66", "(02 31) 44 55 66"),  # the area code spaced, as on old letterheads
    ("Oma erreichbar unter (0 23 02) 91 77 30", "(0 23 02) 91 77 30"),
]
NEAR_MISSES = [
    "Termin am 01.02.2024 um 10 Uhr.",
    "Es kostet 0,50 Euro.",
    "Im Jahr 2024 waren es 12345 Fälle.",
    "Zimmer 012 im 3. Stock",
    "Paragraph 0815",
    "Raum (02) 12 im Keller",
    # service numbers of organisations, never a client's (issue 15)
    "Telefonseelsorge 0800 111 0 111",
    "Hilfetelefon 08000 116 016 rund um die Uhr",
    "Hotline +49 800 1110111",
    "Service 0180 5 123456 (14 ct/min)",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_phone_found(guardrail, text, expected):
    assert found(guardrail, text, "PHONE_NUMBER") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_phone_near_misses(guardrail, text):
    assert found(guardrail, text, "PHONE_NUMBER") == []
