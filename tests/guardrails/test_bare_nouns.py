"""Bare singular count nouns where German needs a determiner are names (issue 15 §4, bare_nouns.py).

One table of positives and hard negatives per rule; the nouns here are ordinary German words (none of
them a listed name), so only the position and the count/mass distinction decide.
"""

import pytest

from guardrails.names import NameLexicon
from tests.guardrails.conftest import found

POSITIVES = {
    "subject after the finite verb, then an article": [
        ("Heute Morgen hat Krümel das Mittagessen verweigert.", "Krümel"),
        ("Nach dem Sport hat Schnecke den Ball versteckt.", "Schnecke"),
        ("hat pinsel den antrag schon abgegeben", "pinsel"),
    ],
    "subject after a verb in second place, then an adverb": [
        ("Abends saß Kiesel lange vor dem Fernseher.", "Kiesel"),
        ("Gestern kam Zwiebel nicht zur Schule.", "Zwiebel"),
    ],
    "prepositional object before the finite verb": [
        ("Für Maus wird eine Pflegefamilie gesucht.", "Maus"),
        ("Der Vorschlag von Falke fand breite Zustimmung.", "Falke"),
        ("Gemeinsam mit Amsel schrieb sie ein Buch über Heimerziehung.", "Amsel"),
    ],
    "sentence-initial subject in a clause with a possessive": [
        ("schnecke hat schon wieder seine jacke vergessen, was mach ich", "schnecke"),
        ("Kiesel hat gestern ihre Schuhe im Bus liegen lassen.", "Kiesel"),
    ],
    "subject after a copula, then 'nicht' or an adverb of time": [
        ("Beim Hausbesuch war Kiesel nicht anzutreffen.", "Kiesel"),
    ],
    "genitive of an unknown -e word inside a prepositional phrase": [
        ("Nach Ohlendiekes Einschätzung reicht das Geld nicht.", "Ohlendiekes"),
    ],
    "subject after 'VERB sich'": [
        ("Später zog sich Kiesel aus dem Vorstand zurück.", "Kiesel"),
    ],
    "partner of an agreement after 'mit'": [
        ("Mit Kiesel wurde vereinbart, dass die Miete direkt überwiesen wird.", "Kiesel"),
    ],
    "a word only the compound splitter cuts, in a subject position": [
        ("Gestern kam Steinecker nicht zum Termin.", "Steinecker"),
    ],
    "für X zum/zur": [
        ("bitte was nettes für rabe zum geburtstag schreiben", "rabe"),
    ],
    "verb bracket closed by a participle with an inseparable prefix": [
        ("Im Gruppenraum hat Krümel zum ersten Mal von der Schule erzählt.", "Krümel"),
    ],
    "genitive before adjective and noun, town that is also a noun": [
        ("Nach Falkes Rückzug übernahm die Stellvertreterin.", "Falkes"),
        ("Zu Dachs' wichtigsten Büchern gehört eine Studie.", "Dachs"),
        ("Nach Adlers Rücktritt übernahm der Stellvertreter.", "Adlers"),
    ],
    "given name before a found double surname": [
        ("Neu im Beirat ist Ødegard Sølvberg-Tanninen.", "Ødegard"),
    ],
    "family plural of a word no lexicon knows": [
        ("Die Nachbarn der Ohlendieks haben angerufen.", "Ohlendieks"),
    ],
}

NEGATIVES = {
    "mass noun, noun without plural": [
        "Heute hat Regen das Sommerfest verhindert.",
        "Heute hat Strom die Heizung wieder angetrieben.",
        "Für Ruhe sorgt am Abend der Nachtdienst.",
        "Für Essen wird in der Tagesgruppe gesorgt.",
        "Zucker hat seinen Preis.",
        "Bei Fieber wird das Kind abgeholt.",
    ],
    "noun declined like an adjective": [
        "Der Regelsatz für Alleinstehende beträgt seit Januar 563 Euro im Monat.",
        "Die Beratung für Angehörige findet montags statt.",
    ],
    "action noun in a fixed phrase": [
        "Bei Bedarf wird ein weiterer Termin vereinbart.",
        "Wegen Krankheit fällt der Kurs aus.",
        "Von Amts wegen wird geprüft.",
    ],
    "copula with a predicate noun": [
        "Das ist Teil des Hilfeplans.",
        "Sie ist Mitglied des Elternbeirats.",
    ],
    "ohne/mit with a thing": [
        "Ohne Termin geht im Bürgerbüro nichts.",
        "Mit Brille sieht er an der Tafel besser.",
    ],
    "time noun, accusative of time": [
        "Diese Woche fällt Mittwoch die Sprechstunde aus.",
        "Im Sommer hat Urlaub die ganze Woche Vorrang.",
    ],
    "role noun, collective, institution": [
        "Heute hat Vater das Kind abgeholt.",
        "Beim Hausbesuch hat Mutter den Brief nicht geöffnet.",
        "Gestern hat Polizei den Mann festgenommen.",
        "Dann hat Team den Plan besprochen.",
        "Der Brief von Gericht kam gestern.",
        "Am Dienstag hat Kita den ganzen Tag geschlossen.",
        "Heute hat Frau Doktor den Termin abgesagt.",
    ],
    "product after a noun of software or access": [
        "Das Update von Sinfonie kommt am Wochenende.",
        "Der Zugang zu Lernraum ist beantragt.",
        "Die Lizenz für Kitaplus läuft im Dezember aus.",
    ],
    "thing in chat or without a reachability infinitive after a copula": [
        "gestern war bus wieder zu spät",
        "Heute war Bus nicht pünktlich.",
    ],
    "role noun typed in lower case": [
        "heute hat chef den dienstplan geändert",
    ],
    "predicate noun after a copula": [
        "Das war Absicht und kein Versehen.",
        "Sie ist Mitglied im Elternbeirat.",
        "Das wird Thema der nächsten Sitzung.",
    ],
    "mass or abstract noun after 'VERB sich'": [
        "Später zeigte sich Besserung bei den Hausaufgaben.",
        "Im Keller bildete sich Schimmel an der Wand.",
        "Am Ende fand sich Platz für alle Kinder.",
    ],
    "a productive compound no lexicon lists": [
        "Gestern kam Hilfeplanentwurf nicht mehr zur Sprache.",
    ],
    "telegraphic note without a possessive": [
        "Termin wurde auf den Montag verschoben.",
        "Antrag hat die Frist knapp verpasst.",
    ],
    "headline, plural, coordination": [
        "Stadt plant neues Bad im Norden.",
        "Von Haus zu Haus gingen die Helfer.",
        "Für Kind und Familie gibt es Beratung.",
        "Die Autos stehen vor dem Haus.",
        "Morgens trinkt Opa gern Kaffee.",
    ],
}


@pytest.mark.parametrize(
    "text,name", [case for cases in POSITIVES.values() for case in cases],
    ids=[f"{rule}: {text[:30]}" for rule, cases in POSITIVES.items() for text, _ in cases],
)
def test_bare_count_noun_in_a_name_position_is_found(guardrail, text: str, name: str) -> None:
    assert any(name in span.split() for span in found(guardrail, text, "PERSON"))


@pytest.mark.parametrize(
    "text", [t for texts in NEGATIVES.values() for t in texts],
    ids=[f"{rule}: {t[:30]}" for rule, texts in NEGATIVES.items() for t in texts],
)
def test_determinerless_noun_that_german_allows_is_no_name(guardrail, text: str) -> None:
    assert found(guardrail, text, "PERSON") == []


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    return NameLexicon.load()


@pytest.mark.parametrize("word,count", [
    ("Locke", True), ("Igel", True), ("Kiesel", True), ("Termin", True),
    ("Ruhe", False),  # no plural in the lexicon
    ("Zucker", False), ("Regen", False), ("Polizei", False), ("Klavier", False),  # mass_nouns.txt
    ("Kinder", False),  # a plural form only
    ("Alleinstehende", False),  # declined like an adjective
])
def test_count_nouns_from_the_lexicon_and_the_mass_noun_list(lexicon: NameLexicon, word: str, count: bool) -> None:
    assert lexicon.is_singular_count_noun(word) is count


@pytest.mark.parametrize("text,surname", [
    ("Beratung Meier-Schulz am Montag.", "Meier-Schulz"),  # an abstract noun before it
    ("Heute Müller-Lüdenscheidt angerufen.", "Müller-Lüdenscheidt"),  # an adverb
    ("Sozialarbeiterin Öztürk-Lindner kommt später.", "Öztürk-Lindner"),  # a role noun
])
def test_word_before_a_double_surname_that_is_no_given_name(guardrail, text: str, surname: str) -> None:
    assert found(guardrail, text, "PERSON") == [surname]
