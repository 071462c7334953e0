import pytest

from tests.guardrails.conftest import found

VALID = [
    ("Termin am 14.03.2024 im Jugendamt.", "14.03.2024"),
    ("seit dem 3. Juni 2015 in Dortmund", "3. Juni 2015"),
    ("am 3 Juni kam sie", "3 Juni"),
    ("Frist bis 1.4.24", "1.4.24"),
    ("Eingang 2024-06-03", "2024-06-03"),
    ("am 03/06/2015 unterschrieben", "03/06/2015"),
    ("im März 2023 ausgezogen", "März 2023"),
    ("am 12. märz 2023 ausgezogen", "12. märz 2023"),
    ("am 1. Jänner 2020", "1. Jänner 2020"),
    ("am 7. Okt. 2022", "7. Okt. 2022"),
]
NEAR_MISSES = [
    "Das kostet 14.03 Euro.",
    "Version 1.2.3 ist installiert.",
    "Am 31.02.2024 gibt es nicht.",
    "Im Mai ist das Büro zu.",
    "Paragraph 3 Absatz 2",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_date_found(guardrail, text, expected):
    assert found(guardrail, text, "DATE_TIME") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_date_near_misses(guardrail, text):
    assert found(guardrail, text, "DATE_TIME") == []
