"""Districts and small places next to a person or an address (LOCATION, "[Ort n]")."""

import pytest

from tests.guardrails.conftest import found

VALID = [
    ("Frau Demir aus Herne-Wanne kam zum Termin.", "Herne-Wanne"),
    ("Die Klientin wohnt in Bad Salzuflen-Schötmar.", "Bad Salzuflen-Schötmar"),
    ("Lindenstraße 5 in Dortmund-Hörde.", "Dortmund-Hörde"),
    ("Familie Yilmaz lebt in Hinterdorf.", "Hinterdorf"),
    ("Sie zieht nach Melsungen.", "Melsungen"),
    ("Wohnort: Kleinkleckersdorf", "Kleinkleckersdorf"),
    ("Er ist umgezogen nach Castrop-Rauxel.", "Castrop-Rauxel"),
    ("Hausbesuch in Gelsenkirchen-Buer am Dienstag", "Gelsenkirchen-Buer"),
    ("Herr K. aus Neu Wulmstorf rief an.", "Neu Wulmstorf"),
    ("wohnt seit 2019 in Frankenberg (Eder)", "Frankenberg"),
]
NEAR_MISSES = [
    "Er lebt in Trennung.",
    "Sie kommt aus Syrien und lebt jetzt in Berlin.",
    "Die Beratungsstelle liegt in Nordrhein-Westfalen.",
    "Die Eltern-Kind-Gruppe trifft sich in Dortmund.",
    "Die Familie lebt in Deutschland.",
    "Er wohnt in einer WG.",
    "Sie lebt in Armut.",
    "Der Ausflug geht nach Hinterdorf.",  # no person, no residence cue
    "Die Tagung in Baden-Württemberg war gut.",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_place_found(guardrail, text, expected):
    assert found(guardrail, text, "LOCATION") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_place_near_misses(guardrail, text):
    assert found(guardrail, text, "LOCATION") == []


def test_place_placeholder_restores(guardrail):
    conv = guardrail.conversation()
    text = "Frau Demir aus Herne-Wanne kam zum Termin."
    p = conv.protect(text)
    assert p.text == "Frau [Person 1] aus [Ort 1] kam zum Termin."
    assert conv.restore(p.text) == text
