import pytest

from tests.guardrails.conftest import found

VALID = [
    ("Schreiben Sie an aylin.demir@web.de bitte.", "aylin.demir@web.de"),
    ("Mail: M.Mustermann-Yilmaz@t-online.de", "M.Mustermann-Yilmaz@t-online.de"),
    ("kontakt: jonas_k@gmx.net.", "jonas_k@gmx.net"),
    ("Antwort an info@caritas-dortmund.de", "info@caritas-dortmund.de"),
]
NEAR_MISSES = [
    "Die Adresse lautet web.de ohne Namen.",
    "Das @-Zeichen fehlt: aylin.demir web.de",
    "foo@bar ohne Domainendung",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_email_found(guardrail, text, expected):
    assert found(guardrail, text, "EMAIL_ADDRESS") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_email_near_misses(guardrail, text):
    assert found(guardrail, text, "EMAIL_ADDRESS") == []


def test_web_de_inside_email_is_one_span(guardrail):
    text = "aylin.demir@web.de"
    assert [(s.start, s.end, s.entity_type) for s in guardrail.detect(text)] == [(0, 18, "EMAIL_ADDRESS")]
