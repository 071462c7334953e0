"""A lone surname as the subject right after the finite verb when the first field is no subject
(issue 15 §4, ``BareNounRules.subject_after_fronted_phrase``), and the partner after a noun of talking
("Nach Rücksprache mit X wird …", ``prepositional_object_before_verb``).

The first field is a prepositional phrase ("Im Interview", "Nach einer kurzen Pause") or a plural noun
phrase before a verb that is singular only ("Die Unterlagen hat …"): the subject then follows the
verb, and a singular count noun there needs an article. The names below are ordinary German words,
listed surnames that are words, or words no lexicon knows; the negatives put ordinary nouns, mass
nouns, nominalised infinitives, compounds and institutions in the same slots.
"""

import pytest

from tests.guardrails.conftest import found

POSITIVES = {
    "PP first field, a count noun before the object's article": (
        "Im Interview lobte Hase die Zusammenarbeit mit den Trägern.", "Hase"),
    "PP first field with an adjective, the verb bracket closed by 'fort'": (
        "Nach einer kurzen Pause fuhr Amsel mit der Rede fort.", "Amsel"),
    "PP first field, a word no lexicon knows, 'zurück' closes the clause before 'und'": (
        "Nach dem Krieg kehrte Brant in die Heimatstadt zurück und gründete einen Verein.", "Brant"),
    "PP first field with a year, a listed surname that is a word": (
        "Im Jahr 1998 gründete Weiss den ersten Verein der Stadt.", "Weiss"),
    "PP first field, a count noun before an adverb": (
        "Beim Sommerfest stand Igel lange am Grill.", "Igel"),
    "plural first field, singular 'hat', a listed surname that is a word": (
        "Die Unterlagen hat Moll vollständig mitgebracht.", "Moll"),
    "plural first field, singular 'hat', a noun": (
        "Die Unterlagen hat Haupt vollständig mitgebracht.", "Haupt"),
    "plural first field, singular modal, a count noun before the article": (
        "Die Kosten will Falke den Eltern nicht erstatten.", "Falke"),
    "partner after 'Rücksprache mit', a noun that looks like a name": (
        "Nach Rücksprache mit Kang wird der Antrag erst im nächsten Monat gestellt.", "Kang"),
    "partner after 'Rücksprache mit', a word only the splitter cuts": (
        "Nach Rücksprache mit Ferrighetto wird der Antrag erst im nächsten Monat gestellt.", "Ferrighetto"),
    "partner after 'Gespräch mit', before 'wurde'": (
        "Im Gespräch mit Überacker wurde vereinbart, die Miete direkt zu zahlen.", "Überacker"),
}


@pytest.mark.parametrize("text,name", POSITIVES.values(), ids=POSITIVES.keys())
def test_subject_after_a_fronted_phrase_is_a_name(guardrail, text: str, name: str) -> None:
    assert any(name in f for f in found(guardrail, text, "PERSON")), found(guardrail, text, "PERSON")


NEGATIVES = {
    "PP first field, a noun with its article": "Im Interview lobte der Minister die Zusammenarbeit.",
    "PP first field, a mass noun after the verb": "Im Winter hat Schnee die Straße blockiert.",
    "PP first field, an abstract noun in -ung": "Nach dem Umzug hat Wohnung die Heizung verloren.",
    "PP first field, a nominalised infinitive": "Im Frühjahr kehrte Leben in das Haus zurück.",
    "PP first field, a nominalised infinitive, another verb": "Nach dem Umbau kehrte Wissen in die Abteilung zurück.",
    "PP first field, a mass noun before a preposition": "Am Abend brach Feuer in der Küche aus.",
    "PP first field, mould before a preposition": "Im Herbst trat Schimmel an der Wand auf.",
    "PP first field, silence, no preposition": "Nach dem Gespräch trat Stille ein.",
    "PP first field, a copula and a predicate noun": "Im Jahr 2004 wurde Mitglied des Vorstands gewählt.",
    "PP first field, a noun of need": "Im Rahmen der Hilfeplanung wird Bedarf festgestellt.",
    "PP first field, an abstract noun before a particle": "Nach der Pause geht Arbeit weiter.",
    "PP first field, a drink before an adverb-like word": "Im Büro steht Kaffee bereit.",
    "PP first field, music before the object's article": "Beim Fest gab Musik den Ton an.",
    "PP first field, a compound": "Im Jahr 2004 erhielt Jugendamt das Zertifikat.",
    "plural first field, a predicate noun after the copula": "Die Unterlagen ist Teil der Akte.",
    "plural first field, a plural verb": "Die Kinder haben Hunger und wollen essen.",
    "plural first field, a compound": "Die Kosten hat Jugendamt vollständig übernommen.",
    "plural first field, mail (an object-like noun)": "Die Unterlagen hat Post heute gebracht.",
    "plural first field, a noun then a participle directly": "Die Kosten hat Amt übernommen.",
    "partner after 'Rücksprache mit', a school": "Nach Rücksprache mit Schule wird der Antrag gestellt.",
    "partner after 'Rücksprache mit', a day-care centre": "Nach Rücksprache mit Kita wird der Antrag gestellt.",
    "partner after 'Rücksprache mit', an office": "Nach Rücksprache mit Jugendamt wird der Antrag gestellt.",
    "'mit' after a thing": "Eine Wohnung mit Balkon wird dringend gesucht.",
    # Case notes drop the article of an institution that acts: "hat Hort/Schule/Praxis …".
    "PP first field, a practice in a note": "Nach dem Termin hat Praxis die Befunde direkt geschickt.",
    "PP first field, a school in a note": "Zum Hilfeplan hat Schule die Stellungnahme geschickt.",
    "PP first field, a clinic before an adverb": "Nach dem Aufenthalt hat Klinik sofort angerufen.",
    "PP first field, a workshop before the article": "Seit Oktober zahlt Werkstatt den Lohn wieder aus.",
    "the subject first, then the verb and an object": "Der Verein lobte Engagement und Ausdauer der Helfer.",
}


@pytest.mark.parametrize("text", NEGATIVES.values(), ids=NEGATIVES.keys())
def test_ordinary_words_after_a_fronted_phrase_are_no_names(guardrail, text: str) -> None:
    assert found(guardrail, text, "PERSON") == []


REFLEXIVE = {
    "a listed surname that is also a word after 'setzte sich'": (
        "Erst im zweiten Wahlgang setzte sich Jager gegen die Mitbewerber durch.", ["Jager"]),
    "a mass noun after 'zeigte sich'": ("Nach der Therapie zeigte sich Besserung bei allen Kindern.", []),
    "mould after 'bildete sich'": ("Im Keller bildete sich Schimmel an den Wänden.", []),
    "a noun with its article after 'setzte sich'": (
        "Im Sommer setzte sich der Verein für die Kinder ein.", []),
}


@pytest.mark.parametrize("text,names", REFLEXIVE.values(), ids=REFLEXIVE.keys())
def test_subject_after_verb_and_sich(guardrail, text: str, names: list[str]) -> None:
    assert found(guardrail, text, "PERSON") == names
