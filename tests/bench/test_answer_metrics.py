"""bench/answers.py scores with its own, simpler reading of numbers (not the product's checker): it must
see invented numbers in their usual spellings, decline statements, and echoes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from answer_metrics import instruction_echoes, numbers, says_not_covered, unsupported_numbers  # noqa: E402

SOURCE = "Wohngeld wird für 12 Monate bewilligt. Pauschale 0,30 Euro. Formular F-07. Nach § 8a SGB VIII. Ab 05:00 Uhr."


@pytest.mark.parametrize("text, expected", [
    ("zwölf Monate", {"12"}), ("0,30 €", {"0.3"}), ("F 7", {"f7"}), ("F-07", {"f7"}), ("§8a", {"§8a"}),
    ("5 Uhr", {"5"}), ("05:00 Uhr", {"5"}), ("innerhalb eines Monats", {"1"}), ("ein Antrag", set()),
    ("[Person 1] und [2]", set()), ("1. Punkt\n2. Punkt", set()), ("500.000 Einwohner", {"500000"}),
])
def test_numbers(text, expected):
    assert numbers(text) == expected


def test_unsupported_numbers_against_the_sources_and_the_question():
    assert unsupported_numbers("Es gibt 0,30 € für 12 Monate, Formular F-07, § 8a.", [SOURCE]) == set()
    assert unsupported_numbers("Es gibt drei Stufen und 0,35 €.", [SOURCE]) == {"3", "0.35"}
    assert unsupported_numbers("Bei 110 Euro", [SOURCE, "Hotel für 110 Euro?"]) == set()


@pytest.mark.parametrize("text, declined", [
    ("Keine passende Richtlinie gefunden: …", True),
    ("Dazu steht in den Richtlinien nichts.", True),
    ("In den Auszügen finden sich keine Angaben zur Höhe.", True),
    ("Die Richtlinie beantwortet diese Frage nicht.", True),
    ("Dazu habe ich in den internen Richtlinien keine eindeutige Antwort gefunden.", True),
    ("Die Einspringprämie beträgt 50 Euro.", False),
    ("Sie erhalten keine Erstattung.", False),
])
def test_decline_statements(text, declined):
    assert says_not_covered(text) is declined


def test_echoes_are_runs_of_instruction_words_not_in_question_or_sources():
    instructions = ("Die fachliche Entscheidung bleibt bei der Fachkraft.",)
    assert instruction_echoes("Gut. Die fachliche Entscheidung bleibt bei der Fachkraft.", instructions, [])
    assert not instruction_echoes("Die fachliche Entscheidung bleibt bei der Fachkraft.", instructions,
                                  ["Die fachliche Entscheidung bleibt bei der Fachkraft, sagt die Richtlinie."])
