"""Verb and adjective forms derived from the noun lexicon (issue 15 §4, second round)."""

import pytest

from guardrails import word_forms


@pytest.mark.parametrize("stem,forms", [
    ("hol", {"hol", "hole", "holst", "holt", "holte", "holten", "geholt"}),
    ("arbeit", {"arbeite", "arbeitest", "arbeitet", "arbeitete", "gearbeitet"}),
    ("bewillig", {"bewillige", "bewilligt", "bewilligte"}),
    ("formulier", {"formuliere", "formuliert"}),
    ("abhol", {"abgeholt"}),
])
def test_verb_forms(stem, forms):
    assert forms <= word_forms.verb_forms(stem)
    assert "ge" + stem + "t" not in word_forms.verb_forms("be" + stem)


def test_adjective_forms():
    assert {"streng", "strenge", "strenger", "strengen", "strengste"} <= word_forms.adjective_forms("streng")


def test_stems_from_nouns():
    verbs = word_forms.verb_stems([("Erklärung", "f"), ("Wiederholung", "f"), ("Macher", "m"), ("Macherin", "f"),
                                   ("Bagger", "m")])
    assert {"erklär", "wiederhol", "hol", "mach"} <= verbs
    assert "bagg" not in verbs  # no "Baggerin": not an agent noun
    adjectives = word_forms.adjective_stems([("Nettigkeit", "f", False), ("Freundlichkeit", "f", False),
                                             ("Kranke", "f", True)])
    assert {"nett", "freundlich", "krank"} <= adjectives


@pytest.mark.parametrize("word,known", [
    ("holt", True), ("mach", True), ("erkläre", True), ("streng", True), ("nettes", True), ("bewilligt", True),
    ("sabine", False), ("malte", False),  # given names stay names even where a stem would make them verbs
    ("lindqvist", False), ("Haus", False),  # a name; a noun is a noun
])
def test_lexicon_knows_verbs_and_adjectives(guardrail, word, known):
    assert guardrail.lexicon.is_verb_or_adjective(word) is known


def test_lexicon_genitive_and_plural_forms(guardrail):
    lex = guardrail.lexicon
    assert lex.is_genitive_noun("Fischers") and lex.is_genitive_noun("Baums")
    assert not lex.is_genitive_noun("Haus") and not lex.is_genitive_noun("Autos")
    assert lex.is_plural_only("Unterlagen") and not lex.is_plural_only("Winter")
    assert lex.is_neuter_noun("Kreuz") and lex.is_neuter_noun("Familienzentrum") and not lex.is_neuter_noun("Wohnung")
