"""The topic words of a question (issue 18: "no source, no rule"): which words count as what the question is
about, and which index tokens count as a passage mentioning them — tolerant of inflection, compounds, typos
and synonyms, so that an answerable question is not turned away for how it was typed."""

from __future__ import annotations

import pytest

from knowledge.german_analyzer import GermanAnalyzer, QueryTerm
from knowledge.query_expansion import KeywordTerm, Variant
from knowledge.topic_terms import TopicTerm, topic_terms, unmatched, written_as_nouns


@pytest.fixture(scope="module")
def analyzer() -> GermanAnalyzer:
    return GermanAnalyzer()


def terms_of(analyzer: GermanAnalyzer, question: str) -> list[KeywordTerm]:
    return [KeywordTerm(t) for t in analyzer.query_terms(question)]


@pytest.mark.parametrize("question, nouns", [
    ("Wie viel Kilometergeld gibt es für mein Motorrad?", {"kilometergeld", "motorrad"}),
    ("Wie hoch ist die Pauschale in Österreich? Gilt das auch für Tagungen?", {"pauschale", "österreich", "tagungen"}),
    ("Schaden am Privatauto – bis wann melde ich das?", {"privatauto"}),  # after the dash a new statement starts
])
def test_nouns_are_the_words_written_with_a_capital_inside_a_sentence(question, nouns):
    assert written_as_nouns(question) == nouns


@pytest.mark.parametrize("question, names, absent", [
    ("Motorrad oder Auto, was ist günstiger?", (), "motorrad"),            # the first word of a sentence
    ("wie viel kilometergeld gibt es fürs motorrad", (), "motorrad"),       # typed in lower case: no nouns at all
    ("WIE VIEL GIBT ES FÜRS MOTORRAD", (), "motorrad"),                     # nor in capitals
    ("Welche Frist gilt für den Bescheid von Herrn Kaya?", ("Kaya",), "kaya"),   # a name the guard replaced
    ("Welche Frist gilt für den Bescheid von Herrn Kaya?", ("Kaya",), "herrn"),  # and the word before it
    ("Wie viel bekommt Familie [Person 1]?", ("Haddad", "[Person 1]"), "person"),  # a pseudonym likewise
])
def test_sentence_starts_lower_case_questions_and_names_are_no_nouns(question, names, absent):
    assert absent not in written_as_nouns(question, names)


@pytest.mark.parametrize("question, passage, reason", [
    ("Was gilt für Dienstreisen?", "Bei einer Dienstreise gilt", "same stem, other form"),
    ("Wer genehmigt die Stationsleitung?", "die Leitung genehmigt", "the compound's head"),
    ("Wie hoch ist die Strafe?", "Ein Verstoß ist strafbar", "a word built on the stem"),
])
def test_a_topic_counts_as_mentioned_by_its_form_its_head_or_a_derived_word(analyzer, question, passage, reason):
    topics = topic_terms(question, terms_of(analyzer, question))
    assert topics, reason
    assert unmatched(topics, analyzer.tokens(passage)) == [], reason


@pytest.mark.parametrize("question, passage, missing", [
    ("Wie viel Kilometergeld gibt es für mein Motorrad?", "Kilometergeld für den privaten Pkw: 0,30 Euro",
     ["motorrad"]),
    ("Welche Einkommensgrenze gilt beim Wohngeld?", "Wohngeld erhalten Haushalte mit geringem Einkommen",
     ["einkommensgrenze"]),  # the modifier alone is not the compound: an income is no income limit
    ("Wie viel Tagegeld gibt es in Österreich?", "Tagegeld bei Dienstreisen in Deutschland: 14 Euro",
     ["österreich"]),
])
def test_a_topic_no_passage_mentions_is_unmatched(analyzer, question, passage, missing):
    topics = topic_terms(question, terms_of(analyzer, question))
    assert unmatched(topics, analyzer.tokens(passage)) == missing


def test_a_misspelt_or_synonym_reading_of_the_keyword_search_counts(analyzer):
    # What the keyword search read for the word: "Gefärdungseinschätzung" → the index's "gefahrdungseinschatz",
    # "Knöllchen" → "Verwarnungsgeld".
    typo = QueryTerm("gefärdungseinschätzung", "gefardungseinschatz")
    slang = QueryTerm("knöllchen", "knollch")
    fixed = analyzer.query_terms("Gefährdungseinschätzung")[0]
    synonym = analyzer.query_terms("Verwarnungsgeld")[0]
    terms = [KeywordTerm(typo, (Variant((fixed,), 0.6, "fuzzy"),)), KeywordTerm(slang, (Variant((synonym,), 0.8, "synonym"),))]
    question = "Wer macht die Gefärdungseinschätzung und wer zahlt das Knöllchen?"
    topics = topic_terms(question, terms)
    assert [t.word for t in topics] == ["gefärdungseinschätzung", "knöllchen"]
    passage = analyzer.tokens("Die Gefährdungseinschätzung macht die Fachkraft. Ein Verwarnungsgeld zahlt, wer parkt.")
    assert unmatched(topics, passage) == []
    assert unmatched(topics, analyzer.tokens("Die Fachkraft entscheidet.")) == ["gefärdungseinschätzung", "knöllchen"]


def test_a_compound_counts_as_mentioned_by_a_synonym_of_its_head(analyzer):
    question = "Wie viel gibt es für das Dienstauto?"
    pkw = analyzer.query_terms("Pkw")[0]

    def head_terms(word: str) -> list[KeywordTerm]:
        assert word == "dienstauto"
        return [KeywordTerm(analyzer.query_terms("Auto")[0], (Variant((pkw,), 0.8, "synonym"),))]

    with_synonyms = topic_terms(question, terms_of(analyzer, question), head_terms=head_terms)
    without = topic_terms(question, terms_of(analyzer, question))
    passage = analyzer.tokens("Für den privaten Pkw gibt es 0,30 Euro je Kilometer.")
    assert unmatched(with_synonyms, passage) == []
    assert unmatched(without, passage) == ["dienstauto"]


def test_topic_terms_keep_their_words_out_of_repr():
    assert "motorrad" not in repr(TopicTerm("motorrad", (("motorrad",),)))
