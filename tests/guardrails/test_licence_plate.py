import pytest

from tests.guardrails.conftest import found

VALID = [
    ("kennzeichen ms-ab 7481 gehört zu herrn x", "ms-ab 7481"),
    ("kennzeichen b co 8673 gehört", "b co 8673"),
    ("Kennzeichen: do f 4615", "do f 4615"),
    ("Kennzeichen DO AB 1234", "DO AB 1234"),  # Presidio's recognizer, upper case
    ("Kfz: HH-AB 123E", "HH-AB 123E"),  # electric
    ("sein Wagen (DO-XY-99H) steht vor der Tür", "DO-XY-99H"),  # historic
    ("Wagen DOAB123 auf dem Hof", "DOAB123"),  # typed without separators, after a cue
    ("kfz ms ab 7481", "ms ab 7481"),
    ("Sein Auto mit dem Kennzeichen B-MW 1234 wurde gepfändet", "B-MW 1234"),
    ("Pkw: GE-K 12", "GE-K 12"),
    ("Ihr Auto B-XY-99E steht", "B-XY-99E"),
    ("Kfz-Kennzeichen lautet m ab 12e", "m ab 12e"),
    ("Fahrzeug LÖ-AB 77 gehört dem Vater", "LÖ-AB 77"),
    ("das motorrad: bi-k 3", "bi-k 3"),
    ("Das Auto mit dem Kennzeichen MS J 2190 wurde gepfändet.", "MS J 2190"),  # not a name "MS J"
]
NEAR_MISSES = [
    "ich komme bis am 12 uhr",
    "mit dem auto bis um 12",
    "kennzeichen fehlt noch",
    "Im Pkw am 12. Mai",
    "das auto am ab 12",
    "Der Wagen ist 12 Jahre alt",
    "Auto um 9 abholen",
    "Mit dem Kfz zur Arbeit, ab 7 Uhr",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_plate_found(guardrail, text, expected):
    assert found(guardrail, text, "DE_KFZ") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_plate_near_misses(guardrail, text):
    assert found(guardrail, text, "DE_KFZ") == []
