"""A role or relation noun with its article or possessive, then a name (issue 15 §4): "sein Schwager
Kasper holt ihn ab", "mit dem Architekten Noel Linden". The capitalised role noun is no adjective:
the word after it does not stand "after a determiner" ("der wirksame Schutz" does). With an article
before the role only a listed name that is also a word counts, and only before its verb.
"""

import pytest

from tests.guardrails.conftest import found

POSITIVES = {
    "a relation noun after a possessive, a listed name that is a word, then the verb": (
        "Sein Schwager Kasper holt ihn nach der Entlassung ab.", ["Kasper"]),
    "a role noun after an article, a listed name that is a word": ("Der Lehrer Sommer kommt heute später.", ["Sommer"]),
    "a relation noun after a possessive, a season as surname": ("Meine Schwester Winter holt die Kinder ab.", ["Winter"]),
    "a role in the dative, then given name and surname": ("Verheiratet war sie mit dem Architekten Noel Linden.", ["Noel"]),
    "a role in the dative with an animal surname": ("Wir danken dem Kollegen Adler für die Hilfe.", ["Adler"]),
    "role, a given name read as a genitive, and a noun surname before the verb": (
        "Die Sozialreformerin Pantelis Hirte gründete 1921 den ersten Mütterverein der Stadt.", ["Pantelis Hirte"]),
    "a comma after a relation noun with article": (
        "Die Mutter, Spa-Stybbe Almlöf-Harkimo, wünscht einen Wechsel der Fachkraft.", ["Spa-Stybbe Almlöf-Harkimo"]),
}


@pytest.mark.parametrize("text,names", POSITIVES.values(), ids=POSITIVES.keys())
def test_name_after_a_role_noun_with_article(guardrail, text: str, names: list[str]) -> None:
    found_names = found(guardrail, text, "PERSON")
    assert all(any(n in f for f in found_names) for n in names), found_names


NEGATIVES = {
    "an object noun after a role with article": "Die Ärztin Hilfe leistete.",
    "'Bescheid geben' after a plural role in the dative": "Wir haben den Eltern Bescheid gegeben.",
    "time and rest given to children": "Wir geben den Kindern Zeit und Ruhe.",
    "'Recht geben' after a role": "Er hat dem Lehrer Recht gegeben.",
    "an organisation's name after 'Verein'": "Der Verein Lebenshilfe lädt ein.",
    "a town after 'Stadt'": "Die Stadt Essen hat gewählt.",
    "cake for the team": "Ich habe dem Team Kuchen mitgebracht.",
    "money lent to a brother": "Sie hat ihrem Bruder Geld geliehen.",
    "marks from the teacher": "Die Kinder bekommen vom Lehrer Noten.",
    "a time after a plural role": "Die Kinder Ende Juni holen wir ab.",
    "an adjective between article and noun still counts": "Der wirksame Schutz kommt zuerst.",
}


@pytest.mark.parametrize("text", NEGATIVES.values(), ids=NEGATIVES.keys())
def test_ordinary_words_after_a_role_noun_are_no_names(guardrail, text: str) -> None:
    assert found(guardrail, text, "PERSON") == []
