"""The keyword analysis: stems, compound parts, form numbers and paragraph references."""

from __future__ import annotations

import pytest

from knowledge.german_analyzer import GermanAnalyzer


@pytest.fixture(scope="module")
def analyzer() -> GermanAnalyzer:
    return GermanAnalyzer()


@pytest.mark.parametrize("word, parts", [
    ("reisekostenrichtlinie", {"reise", "kosten", "richtlinie"}),
    ("fahrtkostenerstattung", {"fahrt", "kosten", "erstattung"}),
    ("kindeswohlgefährdung", {"kindeswohl", "gefährdung"}),
    ("datenschutzbeauftragte", {"datenschutz", "beauftragte"}),
    ("hilfeplangespräch", {"hilfe", "plan", "gespräch"}),
])
def test_compounds_split_into_known_nouns(analyzer: GermanAnalyzer, word: str, parts: set[str]) -> None:
    assert parts <= set(analyzer.split_compound(word))


@pytest.mark.parametrize("word", ["mitarbeitende", "erstattung", "jugendamt", "verwaltung"])
def test_non_compounds_stay_whole(analyzer: GermanAnalyzer, word: str) -> None:
    assert analyzer.split_compound(word) == ()


@pytest.mark.parametrize("text", ["Formular F-12", "Formular F12", "formular f-12", "F‐12"])
def test_form_numbers_become_one_token(analyzer: GermanAnalyzer, text: str) -> None:
    assert "f12" in analyzer.tokens(text)


@pytest.mark.parametrize("text", ["§ 8a SGB VIII", "§8a", "§§ 8a", "Paragraph 8a", "paragraf 8 a"])
def test_paragraph_references_become_one_token(analyzer: GermanAnalyzer, text: str) -> None:
    assert "p8a" in analyzer.tokens(text)


def test_stemming_matches_inflections(analyzer: GermanAnalyzer) -> None:
    assert set(analyzer.tokens("Erstattungen")) & set(analyzer.tokens("Erstattung"))
    assert "kost" in analyzer.tokens("Fahrtkosten") and "kost" in analyzer.tokens("Kosten")


def test_stopwords_and_page_references_are_not_terms(analyzer: GermanAnalyzer) -> None:
    terms = analyzer.query_terms("Wie ist das mit der Bahncard (S. 12)?")
    assert [t.word for t in terms] == ["bahncard", "12"]
