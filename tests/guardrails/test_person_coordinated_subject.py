"""Two bare nouns joined by "und" as the subject of a verb only people do (issue 15 §4,
``ContextNameFinder._animate_subject``): "Kiwi und Kalle haben sich gestritten". The second member
being a name already (a listed or an unfamiliar one) no longer hides the first; what stops "Brot und
Butter haben wir gegessen" is the pronoun subject after the verb, checked at the second member.
"""

import pytest

from tests.guardrails.conftest import found

POSITIVES = {
    "a noun joined to an unfamiliar name": ("Kiwi und Kalle haben sich im Flur wieder gestritten.", ["Kiwi", "Kalle"]),
    "a noun joined to a listed given name": ("Ente und Fanny haben sich gestritten.", ["Ente", "Fanny"]),
    "a noun joined to a name, another animate verb": ("Motte und Mimi haben heute lange gespielt.", ["Motte", "Mimi"]),
    "two nouns, neither a name (as before)": ("Flummi und Lakritz haben sich gestritten.", ["Flummi", "Lakritz"]),
}


@pytest.mark.parametrize("text,names", POSITIVES.values(), ids=POSITIVES.keys())
def test_coordinated_bare_subject_of_an_animate_verb_is_a_name(guardrail, text: str, names: list[str]) -> None:
    assert found(guardrail, text, "PERSON") == names


NEGATIVES = {
    "two foods, a pronoun subject after the verb": ("Brot und Butter haben wir gegessen.", []),
    "two things, a pronoun subject, a name in the next clause": (
        "Tisch und Stuhl haben wir gestern gekauft, Anna hat geholfen.", ["Anna"]),
    "a thing joined to a name, a pronoun subject after the verb": ("Brot und Anna haben wir gestern gesehen.", ["Anna"]),
    "two institutions, no animate verb": ("Schule und Kita haben heute geschlossen.", []),
    "two abstract nouns, no animate verb": ("Geld und Zeit haben gefehlt.", []),
    "light and warmth, no animate verb": ("Licht und Wärme haben im Winter gefehlt.", []),
    "food and a name in the next clause": ("Kaffee und Kuchen gab es, Lena hat gelacht.", ["Lena"]),
    "a noun with its article joined to a name": ("Der Hund und Fanny haben gespielt.", ["Fanny"]),
}


@pytest.mark.parametrize("text,names", NEGATIVES.values(), ids=NEGATIVES.keys())
def test_coordinated_things_are_no_names(guardrail, text: str, names: list[str]) -> None:
    assert found(guardrail, text, "PERSON") == names
