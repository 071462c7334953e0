"""Hard negatives: ordinary numbers are never masked as identifiers (issue 15, section 2)."""

import pytest

from guardrails.recognizers.ordinary_numbers import is_ordinary_number, is_unit_word

# Sentences in which no number may be masked (person names are the name recognizer's business).
NOTHING = [
    "Der Regelbedarf beträgt 563,00 € im Monat, die Miete 1.250,00 €.",
    "Nach § 31 SGB X und Art. 9 DSGVO ist das zulässig.",
    "Das Gesetz vom 12.03.2021 gilt in der Fassung vom 1. Januar 2024.",
    "Die Verordnung vom 3.4.2019 regelt den Mehrbedarf nach § 30 Abs. 7 SGB XII.",
    "Rufen Sie die Telefonseelsorge unter 0800 111 0 111 oder 0800 111 0 222 an.",
    "Die Nummer gegen Kummer ist 116 111, das Hilfetelefon 08000 116 016.",
    "In der Zentrale, Durchwahl -23, oder unter der Behördennummer 115.",
    "Die Teamsitzung beginnt um 14:30 Uhr in Raum 2.14.",
    "Die Klientin ist 84 Jahre alt und hat 3 Kinder.",
    "Die Quote lag bei 12,5 % und 2023 bei 14 Prozent.",
    "Im Jahr 2024 wurden 1.234 Anträge gestellt, 17 % mehr als 2023.",
    "Die Akte hat 120 Seiten, Kapitel 4 beginnt auf Seite 37.",
    "Zimmer 12 und Zimmer Nr. 14 sind frei.",
    "Die Frist beträgt 4 Wochen bzw. 30 Tage.",
    "Art. 6 Abs. 1 lit. b DSGVO und § 67a SGB X gelten.",
    "Der Zuschuss von 150 Euro wird ab dem 3. Lebensjahr gezahlt.",
    "Sie zahlt 49,- € für das Deutschlandticket.",
    "Die Aktennotiz umfasst 2 Seiten.",
    "Die Kundennummer fehlt, der Betrag ist 1.250,00 € hoch.",
    "Das Aktenzeichen kommt mit der Post, Frist 14 Tage.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_ordinary_numbers_not_masked(guardrail, text):
    masked = [(text[s.start : s.end], s.entity_type) for s in guardrail.detect(text)]
    assert [m for m in masked if any(ch.isdigit() for ch in m[0]) or m[1] != "PERSON"] == []


@pytest.mark.parametrize(
    ("token", "ordinary"),
    [("1.250,00", True), ("12.03.2021", True), ("14:30", True), ("12,5%", True), ("3.", True),
     ("49,-", True), ("R-2025-11842", False), ("7.2210.331045.8", False), ("45602//0071234", False)],
)
def test_is_ordinary_number(token, ordinary):
    assert is_ordinary_number(token) is ordinary


def test_unit_words():
    assert is_unit_word("Kinder") and is_unit_word("Euro,") and not is_unit_word("bitte")
