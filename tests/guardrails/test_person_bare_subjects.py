"""Lone surnames and nicknames without a cue word (issue 15 §4, leaks):

- verbs of a life story ("studierte", "promovierte", "heiratete") are done only by people: a bare
  noun as their subject is a name (``ContextNameFinder._animate_subject``);
- "X und Y haben sich gestritten": a first member no lexicon knows and scored as a name leads the pair,
  so a noun joined to it is a name as well;
- a diminutive the lexicon does not list ("Bärchen", "mäuschen") is a noun like its stem and needs an
  article: bare after a subordinator or as the partner of speaking it is a nickname;
- "räumte X Fehler ein": after a fronted phrase the subject may be followed by a bare plural or mass
  object when a separable particle closes the clause; and after a noun of talking ("Rücksprache
  mit X") any singular count noun that notes do not write bare is the partner;
- Arabic name particles ("El", "Al", "Abu", "Ben" …) before a found name are part of it ("El Amrani");
- a noun that is also a plural leads a coordinated subject when the other member is a name
  ("Bommel und Zazie haben sich gestritten");
- states only people (or animals) are in — ill, absent, pregnant, dead — count like verbs only people do
  ("Specht war die ganze Woche krank"); kinship words of children ("Mama", "Papi") are role nouns and a share
  of a group ("Hälfte", "Mehrheit") is no one.

Sentences written for this test; negatives put things in the same slots.
"""

import pytest

from tests.guardrails.conftest import found

POSITIVES = {
    "a noun surname before 'studierte'": ("Fink studierte Jura in Leipzig und wurde später Richterin.", "Fink"),
    "a noun surname before 'promovierte'": ("Sperling promovierte über Armut im Alter.", "Sperling"),
    "a noun surname before 'heiratete'": ("Kessel heiratete früh und zog nach Bremen.", "Kessel"),
    "an unknown first member leads a quarrelling pair": ("Mecki und Brösel haben sich beim Essen gestritten.", "Brösel"),
    "the unknown first member itself": ("Schnuffi und Keks haben sich wieder gestritten.", "Schnuffi"),
    "diminutive after 'seit', article follows": ("Seit Mäuschen die Zahnspange trägt, lacht sie weniger.", "Mäuschen"),
    "diminutive after 'weil', negation article follows": ("Weil Knöpfchen keine Jacke dabei hatte, blieb er drinnen.", "Knöpfchen"),
    "lower-case diminutive as partner of speaking": ("wie rede ich mit hasilein über die noten", "hasilein"),
    "subject before a bare plural object, particle closes": ("Im Ausschuss räumte Brunnhuber Versäumnisse bei der Prüfung ein.", "Brunnhuber"),
    "subject before a bare mass object, particle closes": ("Nach der Prüfung zahlte Kaltenhauser Geld an die Kasse zurück.", "Kaltenhauser"),
    "partner of talking, a count noun": ("Nach Rücksprache mit Sperber wird die Frist verlängert.", "Sperber"),
    "an Arabic particle belongs to the name": ("Im Gespräch betonte El Amrani, dass die Miete gezahlt sei.", "El Amrani"),
    "a particle before a listed name": ("Gestern hat sich Abu Khalil beim Jugendamt gemeldet.", "Abu Khalil"),
    "a noun that is also a plural, joined to a name": ("Bommel und Zazie haben sich beim Spielen gestritten.", "Bommel"),
    "another noun-plural joined to a name": ("Krümel und Tjorven haben sich wieder gestritten.", "Krümel"),
    "a listed name that folding makes a noun, after 'seit'": ("Seit Hausler die Stelle hat, ist alles ruhiger.", "Hausler"),
    "a noun surname that is ill": ("Specht war die ganze Woche krank.", "Specht"),
    "a noun surname absent after a fronted phrase": ("Beim Hilfeplangespräch war Krug unentschuldigt abwesend.", "Krug"),
    "a noun surname, pregnant": ("Taube ist im fünften Monat schwanger.", "Taube"),
    "a noun surname reported ill": ("Laut Auskunft der Schule ist Kranich seit Montag erkrankt.", "Kranich"),
}


@pytest.mark.parametrize("text,name", POSITIVES.values(), ids=POSITIVES.keys())
def test_bare_subjects_are_names(guardrail, text: str, name: str) -> None:
    assert any(name in f for f in found(guardrail, text, "PERSON")), found(guardrail, text, "PERSON")


NEGATIVES = {
    "an institution before 'studierte' is no subject of a life story": "Hochschule studierte Nachfrage neu und passte Kurse an.",
    "a plural subject of 'studieren'": "Studenten studierten früher länger.",
    "a role noun before 'heiratete'": "Tochter heiratete letztes Jahr, Vater zahlte die Feier.",
    "a mass noun before 'studierte'": "Polizei studierte die Aufnahmen der Kamera.",
    "two known nouns in a pair of quarrels": "Hund und Katze haben sich im Garten gestritten.",
    "an unknown first member, a lower-case second": "Bibliothekskram und so haben sich angesammelt.",
    "a diminutive with its article": "Seit das Häschen im Garten wohnt, kommen die Kinder öfter.",
    "a listed diminutive after a subordinator with an article": "Weil das Brötchen keine Butter hatte, war er sauer.",
    "a diminutive used as a plural, no article after it": "Weil Plätzchen übrig sind, gibt es morgen noch welche.",
    "a mass noun subject after a fronted phrase before a bare object": "Nach dem Sturm riss Wind Dachziegel vom Haus ab.",
    "a role subject after a fronted phrase before a bare object": "Auf Nachfrage räumte Vorstand Fehler ein.",
    "a count noun subject before a singular count object": "Nach der Sitzung nahm Protokoll Bezug auf den Antrag.",
    "partner of talking, an institution": "Nach Rücksprache mit Kita wird der Platz verlängert.",
    "partner of talking, a role noun": "Nach Rücksprache mit Hausärztin wird die Dosis erhöht.",
    "partner of talking, a mass noun": "Nach Absprache mit Kasse wird der Betrag gestundet.",
    "partner of talking, a compound of things": "Nach Rücksprache mit Hausverwaltung wird die Heizung repariert.",
    "two plural nouns quarrelling": "Hunde und Katzen haben sich im Hof gestritten.",
    "two plural nouns, another verb": "Fenster und Türen haben sich verzogen.",
    "two role nouns in the plural": "Kinder und Eltern haben sich beim Fest gut unterhalten.",
    "a particle before a place": "Wir waren mit der Gruppe in El Arenal.",
    "the plural noun behind the folded name, after 'weil'": "Weil Häuser keine Heizung haben, frieren die Bewohner.",
    "an institution after 'seit' before an article": "Seit Hort die Öffnungszeiten verkürzt hat, fehlt ein Platz.",
    "a collective subject of calling": "Polizei hat angerufen, die Mutter ist im Krankenhaus.",
    "a pet that is ill": "Katze war krank, deshalb blieb die Familie zu Hause.",
    "a kinship word in a child's words, ill": "Mama war krank und Papa musste arbeiten.",
    "a kinship word calling": "Mutti hat gestern zweimal angerufen.",
    "a share of the group, ill": "Hälfte der Gruppe war krank, der Ausflug fiel aus.",
    "the majority absent": "Mehrheit war abwesend, die Sitzung wurde vertagt.",
    "a role noun, ill": "Erzieherin war krank, die Gruppe wurde aufgeteilt.",
    "a collective, absent": "Personal war zur Hälfte abwesend.",
    "a machine, broken, not ill": "Drucker war kaputt, der Bericht kommt morgen.",
}


@pytest.mark.parametrize("text", NEGATIVES.values(), ids=NEGATIVES.keys())
def test_things_in_the_same_slots_are_no_names(guardrail, text: str) -> None:
    assert found(guardrail, text, "PERSON") == []
