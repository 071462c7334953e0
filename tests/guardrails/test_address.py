import pytest

from tests.guardrails.conftest import found

VALID = [
    ("wohnhaft Lindenstraße 12, 44135 Dortmund.", "Lindenstraße 12, 44135 Dortmund"),
    ("wohnt in der Hauptstr. 5a", "Hauptstr. 5a"),
    ("Adresse: Karl-Marx-Straße 101 in 12043 Berlin", "Karl-Marx-Straße 101 in 12043 Berlin"),
    ("Sie wohnt Am Markt 3.", "Am Markt 3"),
    ("Alte Landstraße 7-9", "Alte Landstraße 7-9"),
    ("Post an 44135 Dortmund", "44135 Dortmund"),
    ("in 60311 Frankfurt am Main gemeldet", "60311 Frankfurt am Main"),
    ("Birkenweg 4 b", "Birkenweg 4 b"),
    ("Wilhelm-von-Siemens-Straße 70b, 36005 Coburg", "Wilhelm-von-Siemens-Straße 70b, 36005 Coburg"),
    ("an Frau X, Kohlhasenbrück 147, 84456 Otterndorf.", "Kohlhasenbrück 147, 84456 Otterndorf"),
    ("wohnt jetzt in der andreasstraße 22, brief dahin", "andreasstraße 22"),
    ("wohnhaft hettnerweg 99b, 68336 hockenheim.", "hettnerweg 99b, 68336 hockenheim"),
    ("in der rote-kreuz-straße 90", "rote-kreuz-straße 90"),
    # squares stay streets though numbered slots ("Parkplatz 28") are none
    ("Sie wohnt am Marktplatz 3 in Kassel.", "Marktplatz 3"),
    ("Rathausplatz 1, 44135 Dortmund", "Rathausplatz 1, 44135 Dortmund"),
    ("wohnhaft Lindenplatz 5", "Lindenplatz 5"),
    ("Er wohnt Am Parkplatz 3.", "Am Parkplatz 3"),
    # lower-case streets named with a preposition or an adjective, with PLZ and town after them
    ("neue adresse: am alten markt 3, 59065 hamm", "am alten markt 3, 59065 hamm"),
    ("sie ist zur tante gezogen, auf dem brink 19, 32052 herford", "auf dem brink 19, 32052 herford"),
    ("post geht an hinter der mühle 2a 79098 freiburg", "hinter der mühle 2a 79098 freiburg"),
    ("lindenweg 4, 32545 bad oeynhausen", "lindenweg 4, 32545 bad oeynhausen"),
    ("wohnhaft hettnerweg 9, 44135 dortmund seit märz", "hettnerweg 9, 44135 dortmund"),  # the town ends it
    # a post-office box
    ("Post bitte an Postfach 10 02 44, 44002 Dortmund.", "Postfach 10 02 44, 44002 Dortmund"),
    ("Antwort an Postfach 1207", "Postfach 1207"),
]
NEAR_MISSES = [
    "Die Straße ist laut.",
    "Sie bekam 12000 Euro Schulden.",
    "Es gibt 10000 Menschen in der Stadt.",
    "Am Montag 3 Termine.",
    "Paragraph 12 SGB II",
    "Im Jahr 2024 gab es mehr Anträge.",
    "am montag 3 termine, im jahr 2024 mehr",
    "Parkplatz 28 ist für den Dienstwagen reserviert.",
    "Stellplatz 3 ist ab Montag frei.",
    "Der Arbeitsplatz 12 steht im zweiten Büro.",
    "Sitzplatz 14 im Bus ist reserviert.",
    "Kitaplatz 2 wird im August frei.",
    "wir sehen uns am montag 3 mal und im raum 12 noch einmal",
    "zur gruppe 4 kommen neue kinder",
    "Das Postfach ist voll.",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_address_found(guardrail, text, expected):
    assert found(guardrail, text, "ADDRESS") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_address_near_misses(guardrail, text):
    assert found(guardrail, text, "ADDRESS") == []
