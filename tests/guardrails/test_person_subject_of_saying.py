"""A lone surname as the subject of a verb of saying (issue 15 §4): "erklärte X, …", "Wie X betonte",
"Da X sich …". A singular count noun there needs an article, so a bare noun is a surname that is also a
word; a word no lexicon knows is a name whatever the classifier scores it.
"""

import random

import pytest

from tests.guardrails.conftest import found, missed_names
from tests.privacy.fictional import make_client

# Random-syllable surnames (tests/privacy/fictional.py): nothing the detector's lists or classifier knows.
SAYING_CONTEXTS = [
    "Gegenüber der Zeitung erklärte {last}, man habe alle Fristen eingehalten.",
    "Wie {last} betonte, sei die Finanzierung gesichert.",
    "Da {last} sich weigerte, wurde die Sitzung vertagt.",
    "„Das reicht nicht“, sagte {last} am Abend.",
]


@pytest.mark.parametrize("context", SAYING_CONTEXTS)
def test_made_up_surnames_as_subject_of_saying(guardrail, context):
    rng = random.Random(20261207)
    clients = [make_client(rng) for _ in range(200)]
    missed = missed_names(guardrail, ((c.last, context.format(last=c.last)) for c in clients))
    assert len(missed) <= 2, missed  # ≤ 1 %


NOUN_SURNAMES = {
    "a person noun bare after the verb of saying": (
        "Gegenüber dem Sender erklärte Klempner, man prüfe den Fall.", ["Klempner"]),
    "a listed name that is also a word, between 'da' and 'sich'": (
        "Da Schlosser sich weigerte, wurde die Sitzung vertagt.", ["Schlosser"]),
    "a thing noun bare between 'wie' and the verb of saying": (
        "Wie Kessel betonte, sei die Frist gewahrt.", ["Kessel"]),
    "a thing noun bare after 'sagte', an adverbial after it": (
        "„Wir bleiben dran“, sagte Hobel am Rande der Sitzung.", ["Hobel"]),
    "a compound only the splitter cuts, after the verb of saying": (
        "Dazu erklärte Fensterhauer, man werde prüfen.", ["Fensterhauer"]),
}


@pytest.mark.parametrize("text,expected", NOUN_SURNAMES.values(), ids=NOUN_SURNAMES.keys())
def test_noun_surname_as_subject_of_saying(guardrail, text, expected):
    assert found(guardrail, text, "PERSON") == expected


ORDINARY_WORDS = {
    "an adverbial pair 'N für N' after the verb": "Er erklärte Schritt für Schritt das Verfahren.",
    "'laut' is a preposition, notes drop the article": "Laut Gutachter besteht keine Gefahr.",
    "'lobte' takes a bare object": "Der Verband lobte Engagement und Ausdauer der Helfer.",
    "a noun with its article": "Wie der Kessel zeigte, war der Druck zu hoch.",
    "a product after a preposition, not a subject of saying": "Ohne Sozplaner können wir die Abrechnung nicht machen.",
    "an abstract noun between 'wie' and the verb": "Wie Erfahrung zeigt, hilft ein Anruf.",
    "a time noun after 'bis' before a participle of saying": (
        "Der Antrag wurde vom Jobcenter nachgefordert und muss bis Monatsende ergänzt werden."),
    "a noun after a preposition before a participle of saying": "Das Verfahren wird zu Beginn erklärt.",
    "a bare noun before a passive participle": "Die Fristen werden in Abschnitt 4 ausführlich erklärt.",
}


@pytest.mark.parametrize("text", ORDINARY_WORDS.values(), ids=ORDINARY_WORDS.keys())
def test_ordinary_words_in_the_same_positions_stay(guardrail, text):
    assert found(guardrail, text, "PERSON") == []


def test_role_noun_before_a_name_is_not_the_name(guardrail):
    assert found(guardrail, "Dazu erklärte Sprecherin Wiegandt, man werde prüfen.", "PERSON") == ["Wiegandt"]
