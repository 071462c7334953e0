import pytest

from guardrails.recognizers.de_social_security import SpacedDeSocialSecurityRecognizer
from tests.guardrails.conftest import found

VALID = [
    ("RV-Nr. 15070649C103", "15070649C103"),
    ("Rentenversicherungsnummer 65 170839 J 003", "65 170839 J 003"),
    ("SV-Nummer: 15 07 06 49 C 10 3", "15 07 06 49 C 10 3"),
    ("Versicherungsnummer 15070649 C103", "15070649 C103"),
    ("rv-nr 15070649c103", "15070649c103"),  # lower-case typing
    # as printed on letters of the Rentenversicherung: 2 6 1 2 1
    ("Ihre Versicherungsnummer 65 170839 J 00 3 bitte angeben", "65 170839 J 00 3"),
    ("65 170839 j 00 3 steht auf dem Ausweis", "65 170839 j 00 3"),  # no cue, letter lower case
    ("Nummer laut Bescheid: 65-170839-J-003.", "65-170839-J-003"),
    ("SV-Ausweis 65170839 J 003", "65170839 J 003"),
    ("(65 1708 39 J 003)", "65 1708 39 J 003"),
    ("Die 65 170839J003 gehört Frau K.", "65 170839J003"),
]
NEAR_MISSES = [
    "RV-Nr. 15070649C104",  # check digit wrong
    "RV-Nr. 65 170839 J 004",
    "15139949C103",  # month 99
    "65 170839 J 00 4 steht da",  # spaced, wrong check digit
    "Am 12 03 2024 um 10 Uhr kam A 12 3 zu spät",  # digits and a letter, not eight digits before it
    "Paragraf 65 170839 Z",  # too short
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_rv_number_found(guardrail, text, expected):
    assert found(guardrail, text, "DE_SOCIAL_SECURITY") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_rv_number_near_misses(guardrail, text):
    assert found(guardrail, text, "DE_SOCIAL_SECURITY") == []


@pytest.mark.parametrize(
    ("value", "ok"),
    [("65 170839 J 003", True), ("65 170839 J 004", False), ("65 170839 j 00 3", True), ("65-170839-J-003", True)],
)
def test_rv_check_digit(value, ok):
    assert SpacedDeSocialSecurityRecognizer().validate_result(value) is ok
