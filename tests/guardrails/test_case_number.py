import pytest

from tests.guardrails.conftest import found

VALID = [
    ("Aktenzeichen: 4 C 123/24", "4 C 123/24"),
    ("Az. 12-345/2024 bitte angeben", "12-345/2024"),
    ("Fall-Nr. 2024-0815", "2024-0815"),
    ("Kd.-Nr. 123456", "123456"),
    ("Kundennummer 987654321 im Jobcenter", "987654321"),
    ("BG-Nummer 12345BG0012345", "12345BG0012345"),
    ("Bescheid zu S 12 AS 1234/22 vom Sozialgericht", "S 12 AS 1234/22"),
    ("unser Zeichen 51.2-JH-0815", "51.2-JH-0815"),
    ("Vorgangsnummer: V-2024-77", "V-2024-77"),
    ("Bezug SGB-2024-00017 aus dem System", "SGB-2024-00017"),  # admin pattern (conftest)
    ("Bescheid zu Ihrem Antrag (Az. JA-HzE 2025/303).", "JA-HzE 2025/303"),
    ("Kundennummer von Herrn Peters: 298D790690.", "298D790690"),
]
NEAR_MISSES = [
    "Der Fall ist kompliziert.",
    "Aktenzeichen folgt später.",
    "Nach § 22 SGB II gilt das.",
    "Im Fall 2 war das anders.",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_case_number_found(guardrail, text, expected):
    assert found(guardrail, text, "CASE_NUMBER") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_case_number_near_misses(guardrail, text):
    assert found(guardrail, text, "CASE_NUMBER") == []


def test_bad_admin_pattern_error_names_index_not_pattern():
    from guardrails.recognizers.case_number import CaseNumberRecognizer

    with pytest.raises(ValueError) as info:
        CaseNumberRecognizer(["ok-\\d+", "(unclosed 4711"])
    assert "Nr. 2" in str(info.value)
    assert "4711" not in str(info.value)
