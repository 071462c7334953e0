"""Telegraphic case notes drop articles (issue 15 §4, precision): a bare noun in a subject slot is a
name only when notes would not write that noun bare (``bare_nouns.stands_bare_in_notes``).

Never a lone name: an institution's head word ("Hort", "Krippe", "Verein"), a noun of the mass-noun
list (vehicles, pets, institutions written bare: ``data/mass_nouns.txt``), a lexicon noun that is a
compound of things ("Kleinbus", "Rettungswagen"), and a game or vehicle before "spielen"/"fahren"
after a role noun ("hat der Betreuer Ball gespielt"). A bare noun before "aus der/dem" is a nickname
("Jojo aus der Wohngruppe") only outside a request in note style ("Bitte Akte aus dem Büro holen"),
and a word coordinated with a brand or an ordinary noun after "über" is a channel ("über Sdui oder
Teams"). Nicknames and surnames that are ordinary nouns in the very same slots are still found.
Sentences written for this test.
"""

import pytest

from tests.guardrails.conftest import found

NEGATIVES = {
    "institution head after the verb, article of the object follows":
        "Nach der Teamsitzung hat Hort den Vater informiert.",
    "institution head after a fronted phrase, adverb follows": "Seit den Osterferien hat Krippe wieder geöffnet.",
    "institution head as sentence subject of a verb of calling": "Krippe hat heute früh zweimal angerufen.",
    "weak institution head as subject of calling": "Am Vormittag hat Verein die Familie angerufen.",
    "institution head beside a verb of saying": "Beim Runden Tisch erklärte Werkstatt, dass ein Platz frei wird.",
    "institution head after a subordinator": "Seit Hort die Zeiten geändert hat, kommt er später.",
    "vehicle after a fronted phrase": "Am Samstag fährt Bus die Haltestelle am Markt nicht an.",
    "vehicle after a finite verb and an adverb": "Heute kam Taxi wieder viel zu spät.",
    "vehicle, a lexicon compound of things": "Nach dem Ausflug hat Kleinbus die Kinder nicht abgeholt.",
    "another compound of things as subject": "In der Nacht kam Rettungswagen erst nach zwanzig Minuten.",
    "a pet as subject of an animate verb": "Seit dem Umzug hat Hund das Fressen verweigert.",
    "a pet before its verb": "Katze muss nächste Woche geimpft werden, Termin steht.",
    "a pet after 'für' before the verb": "Für Kaninchen wird während der Reha ein Platz gesucht.",
    "a pet after a fronted phrase, article follows": "Über Nacht hat Hamster die Tapete angenagt.",
    "a diminutive of a compound of things": "Am Morgen hat Meerschweinchen den Käfig verlassen.",
    "game after a role noun with article": "Am Nachmittag hat der Erzieher Ball gespielt.",
    "game after a role noun, present tense": "Nach dem Essen will die Praktikantin Ball spielen.",
    "a request in note style: object before 'aus dem'": "Bitte Ordner aus dem Regal nehmen.",
    "a request in note style, two infinitives": "Zettel aus der Mappe holen und abheften.",
    "a request after a comma": "Wenn Zeit ist, Stempel aus der Schublade holen.",
    "an app coordinated with a brand after 'über'": "geht das auch über schoolfox oder teams?",
    "an app coordinated with an ordinary noun after 'über'": "läuft die elternpost über kitaflow oder telefon?",
}


@pytest.mark.parametrize("text", NEGATIVES.values(), ids=NEGATIVES.keys())
def test_nouns_notes_write_bare_are_no_names(guardrail, text: str) -> None:
    assert found(guardrail, text, "PERSON") == []


POSITIVES = {
    "nickname after a fronted phrase, article follows": ("Beim Abendessen hat Spatz den Teller weggeschoben.", "Spatz"),
    "nickname after the verb, adverb follows": ("Gestern saß Locke lange allein im Garten.", "Locke"),
    "nickname as subject of an animate verb": ("Heute Morgen hat Krümel das Frühstück verweigert.", "Krümel"),
    "nickname after 'für' before the verb": ("Für Bohne wird ein Platz in der Gruppe gesucht.", "Bohne"),
    "a surname that is a noun beside a verb of saying": ("Im Ausschuss erklärte Kessel, man werde nachbessern.", "Kessel"),
    "surname after a role noun with article, then a verb": ("Gestern hat die Trainerin Odermatt angerufen.", "Odermatt"),
    "a listed surname that is a mass noun beside a verb of saying": ("Vor dem Ausschuss erklärte Pfeffer, man prüfe das.", "Pfeffer"),
    "another one after 'Wie' before the verb of saying": ("Wie Frost betonte, fehlt das Geld.", "Frost"),
    "nickname before 'aus der' with a finite verb": ("Gestern hat Krümel aus der Wohngruppe gefehlt.", "Krümel"),
    "nickname before 'aus der', sentence subject": ("Spatz aus der Tagesgruppe kommt heute später.", "Spatz"),
    "a name coordinated with a person after 'über'": ("Das läuft über Lindqvist oder Frau Bauer.", "Lindqvist"),
}


@pytest.mark.parametrize("text,name", POSITIVES.values(), ids=POSITIVES.keys())
def test_names_in_the_same_slots_are_still_found(guardrail, text: str, name: str) -> None:
    assert any(name in f for f in found(guardrail, text, "PERSON")), found(guardrail, text, "PERSON")
