import pytest

from tests.guardrails.conftest import found

VALID = [
    ("Frau Demir (geb. 14.03.1987)", "14.03.1987"),
    ("geboren am 3. Juni 1990 in Ankara", "3. Juni 1990"),
    ("Geburtsdatum: 01.02.2003", "01.02.2003"),
    ("Geb.-Datum 1987-03-14", "1987-03-14"),
    ("Jonas, * 05.05.2015, besucht die Kita", "05.05.2015"),
    ("Sohn Lukas (Jg. 2012)", "2012"),
    ("geboren 1987 in Izmir", "1987"),
    ("GEB. 14.03.1987", "14.03.1987"),
    ("Der Vater (Jg. 79) ist arbeitslos.", "79"),
    ("die mutter, jahrgang 05, wohnt bei uns", "05"),
    ("Bewohnerin Jahrgang '58, Pflegegrad 3", "'58"),
    ("Geburtstag am 14.2., sie wird 16", "14.2."),
    ("geb. 3. 11. in Mersin", "3. 11."),
]
NEAR_MISSES = [
    "Termin am 14.03.1987 beim Amt.",
    "Der Antrag wurde 1987 gestellt.",
    "Geburtsurkunde liegt vor.",
    "Sie geht in Jahrgang 10 der Gesamtschule.",  # a school grade
    "Die Jg. 12 schreibt morgen die Klausur.",
    "Jahrgang 7 fährt am 3. Mai ins Landheim.",
    "Die Geburtstagsfeier ist am 14.2. im Gruppenraum.",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_date_of_birth_found(guardrail, text, expected):
    assert found(guardrail, text, "DATE_OF_BIRTH") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_date_of_birth_near_misses(guardrail, text):
    assert found(guardrail, text, "DATE_OF_BIRTH") == []
