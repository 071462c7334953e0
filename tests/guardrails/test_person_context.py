"""Unfamiliar names without cue words (issue 15 §4): one table of positives and negatives per rule.

Every name here is checked to be in none of the detector's lists, so the position rules and the
name classifier are what finds it.
"""

import pytest

from guardrails.restore import genitive
from tests.guardrails.conftest import found, missed_names

UNLISTED = ["Brunnhuber", "Lindqvist", "Papadakis", "Wiegandt", "Hirschvogel", "Hoffstedt", "Oyelowo",
            "Sandvik", "Thorsrud", "Vasilakis", "Tanabe", "Haugland", "Mwakyusa", "Manni", "Ilvy", "Tasos",
            "Wilja"]

RULES = {
    "verb of saying": [
        ("„Das reicht nicht“, sagte Brunnhuber am Abend.", ["Brunnhuber"]),
        ("Wie Haugland betonte, sei die Finanzierung gesichert.", ["Haugland"]),
        ("Thorsrud widersprach dem Vorwurf.", ["Thorsrud"]),
    ],
    "subject after its verb": [
        ("Nach einer kurzen Pause fuhr Lindqvist mit dem Bericht fort.", ["Lindqvist"]),
        ("Erst im zweiten Wahlgang setzte sich Vasilakis durch.", ["Vasilakis"]),
    ],
    "subject after a conjunction": [
        ("Da Sandvik sich weigerte, wurde die Sitzung vertagt.", ["Sandvik"]),
        ("Wir wissen nicht, ob Tanabe kommt.", ["Tanabe"]),
    ],
    "end of a prepositional phrase": [
        ("Gestern gab es wieder Streit mit Papadakis.", ["Papadakis"]),
        ("Der Anruf kam von Mwakyusa, nicht vom Amt.", ["Mwakyusa"]),
    ],
    "role or relation noun": [
        ("Schulleiterin Wiegandt begrüßte die Eltern.", ["Wiegandt"]),
        ("Ihr Schwager Oyelowo holt sie ab.", ["Oyelowo"]),
        ("Prof . Hirschvogel sprach als Erster.", ["Hirschvogel"]),
    ],
    "noun as surname after a role noun or an academic title": [
        ("Oberbürgermeisterin Park eröffnete die neue Tafel.", ["Park"]),
        ("Prof . Blau von der Hochschule warnte vor Schlüssen.", ["Blau"]),
    ],
    "possessive before a noun": [
        ("Hoffstedts Antrag wurde abgelehnt.", ["Hoffstedts"]),
        ("Auf Papadakis' Wunsch findet das Gespräch ohne die Eltern statt.", ["Papadakis"]),
    ],
    "family plural": [
        ("Die Lindqvists wohnen im dritten Stock.", ["Lindqvists"]),
        ("Hausbesuch bei den Richters: Die Kinder waren in der Schule.", ["Richters"]),
    ],
    "list with a known name": [
        ("Kevin, Mia und Oyelowo haben beim Ausflug mitgemacht.", ["Kevin", "Mia", "Oyelowo"]),
    ],
    "two name-like words": [
        ("Eingeladen war auch Haugland Thorsrud vom Flüchtlingsrat.", ["Haugland Thorsrud"]),
    ],
    "nickname": [
        ("Manni aus der Wohngruppe hat heute Geburtstag.", ["Manni"]),
    ],
    "lower-case chat": [
        ("hab heute mit lindqvist gesprochen, der antrag ist durch", ["lindqvist"]),
    ],
    # second round: nouns, towns and adjectives as surnames, nicknames that are nouns
    "title and given name before a surname that is a word or a town": [
        ("Frau Ilvy Kranichfeld fragt, ob sie Wohngeld bekommt.", ["Ilvy Kranichfeld"]),
        ("Bitte Herrn Paul Winter zurückrufen.", ["Paul Winter"]),
        ("Herr Tasos Eiche hat angerufen.", ["Tasos Eiche"]),
        ("frau ilvy kranichfeld hat angerufen", ["ilvy kranichfeld"]),
    ],
    "an object after title and surname is no surname": [
        ("Wir haben Frau Demir Bescheid gegeben.", ["Demir"]),
        ("Herrn Yilmaz Unterlagen zuschicken.", ["Yilmaz"]),
        ("Mit Frau Oyelowo Rücksprache halten.", ["Oyelowo"]),
    ],
    "surname after a name found without a cue": [
        ("Anruf von Wilja Schau wegen der Brille.", ["Wilja Schau"]),
    ],
    "genitive before a noun without article": [
        ("Fischers Antrag wurde abgelehnt.", ["Fischers"]),
        ("Die Schule meldet sich wegen Wolfes Fehlzeiten.", ["Wolfes"]),
        ("Auf Moos' Wunsch bleibt die Tür offen.", ["Moos"]),
    ],
    "noun without article where only a person stands": [
        ("Wie Hase betonte, sei alles geklärt.", ["Hase"]),
        ("Heute wollte Krümel nicht in die Kita.", ["Krümel"]),
        ("Seit Jojo die Brille hat, liest er mehr.", ["Jojo"]),
        ("Jojo aus der Wohngruppe hat Geburtstag.", ["Jojo"]),
    ],
    "family plural in -s of any word": [
        ("Bei den Kluges war niemand zu Hause.", ["Kluges"]),
        ("waren die lindqvists heute beim termin", ["lindqvists"]),
    ],
    "addressee after 'VERB ich'": [
        ("Wie erkläre ich Krümel, dass der Umzug kommt?", ["Krümel"]),
        ("was schreib ich wolke zum geburtstag", ["wolke"]),
    ],
    "family addressed after 'VERB ich den'": [
        ("wie schreibe ich den ohlendieks, dass der termin ausfällt", ["ohlendieks"]),
        ("was sag ich den wachtels zum umzug", ["wachtels"]),
    ],
    "lower-case surname after a found given name, closing the phrase": [
        ("die mail von wilja hasselbrinck kam heute", ["wilja hasselbrinck"]),
        ("termin mit tasos ohlendiek verschoben", ["tasos ohlendiek"]),
    ],
    "after a given name in lower-case chat: an object noun, a participle, a plain adverb": [
        ("mit wilja kaffee trinken gehen", ["wilja"]),
        ("hab mit wilja ausführlich gesprochen", ["wilja"]),
        ("hab mit wilja gesprochen", ["wilja"]),
    ],
    "lower-case given name no lexicon knows, then a surname that is a word, before the verb": [
        ("wilja fuchs ruft ständig an", ["wilja fuchs"]),
    ],
    "listed noun-surname at the start before a verb only people do": [
        ("Geiger bittet um Rückruf wegen der Miete.", ["Geiger"]),
    ],
    "degree abbreviation as title": [
        ("Fallführende Fachkraft: Dipl.-Soz.päd. Kluge.", ["Kluge"]),
    ],
    "last word of a list of names": [
        ("Rebekka, Kamel und Kevin kommen mit.", ["Rebekka", "Kamel", "Kevin"]),
    ],
    "a name is that name everywhere in the text": [
        ("Sagte Lindqvist das? lindqvist meinte ja.", ["Lindqvist", "lindqvist"]),
    ],
}

CLEAN = [
    "Das Integrationsamt hat den Antrag bewilligt.",  # unlisted compound
    "Die Freie Wohlfahrtspflege umfasst Caritas, Diakonie, Rotes Kreuz und Arbeiterwohlfahrt.",
    "Im Februar beginnt das Programm „Gemeinsam Stark“ für Alleinerziehende.",
    "Prüfe bitte, ob die Unterlagen vollständig sind.",  # imperative at the start
    "Näheres regelt die Dienstvereinbarung.",
    "Ruhig bleiben und langsam sprechen.",
    "Die Autos stehen vor der Tür.",  # a real plural in -s
    "Wir zahlen die Kosten des Sohnes.",
    "Wir treffen uns bei Aldi am Eingang.",  # brand
    "Die Videokonferenz läuft über Microsoft Teams.",
    "Am Dienstag tagt der Ausschuss in Gelsenkirchen.",
    "Wie das Jugendamt betonte, ist die Frist abgelaufen.",
    "Mit Bürgergeld und Wohngeld kommt die Familie knapp aus.",
    "Die Jobs im Lager sind befristet.",
    "Frau Doktor hat die Visite verschoben.",  # a form of address, not a surname
    "Die Ärztin Hilfe leisten lassen.",  # role noun after an article: no name position
    "Kinderarzt Termin am Montag.",
    # lower-case chat: role words as plain nouns, verbs after them (taken back by the classifier)
    "ist es ok wenn der sohn bei der oma übernachtet",
    "übersetze das bitte ins englische, der vater spricht kaum deutsch",
    "schreib der tochter, dass der heimplatz frei ist",
    "hab heute mit dem vermieter gesprochen, er meinte die kaution kommt",
    "kurze frage: darf man die akte kopieren",
    "die kinder und die eltern streiten ständig, tipps?",
    # a greeting for a feast after the feast's name
    "Wir wünschen allen Familien Ramadan Kareem.",
    "Danke für die Hilfe beim Fest und Diwali Mubarak!",
    # the people a message goes to: roles, groups, nominalised adjectives
    "wie schreibe ich den eltern, dass der termin ausfällt",
    "was sag ich den kollegen zum dienstplan",
    "wie erkläre ich den betroffenen, dass die frist läuft",
    "wie schreibe ich den teams, dass die sitzung ausfällt",
    # second round: verbs and adjectives in lower-case chat, towns and adjectives before nouns
    "wer holt morgen die schlüssel beim hausmeister ab",
    "mach eine tagesordnung für die teamsitzung",
    "wie erkläre ich kindern den umzug in eine neue gruppe",
    "ist das so okay oder klingt das zu streng",
    "sollen wir das per mail machen",
    "kannst du mir was nettes für die karte schreiben",
    "Berlins Bürgermeister eröffnet das Fest.",
    "Rotes Kreuz und Diakonie helfen gemeinsam.",
    "Montags Training, dienstags Schwimmen.",
    "Weil Geld fehlt, ruht das Projekt.",
    "Seit Januar die Mieten gestiegen sind, kommen mehr Anfragen.",
    "Wie Corona gezeigt hat, braucht es digitale Angebote.",
    "Sommer beginnt dieses Jahr früh.",
    "Wie erkläre ich Kindern, dass der Umzug kommt?",
    "was schreib ich dazu, bitte kurz",
]


def test_examples_are_unlisted(guardrail):
    lex = guardrail.lexicon
    assert [w for w in UNLISTED if lex.is_listed_name(w) or lex.is_common_word(w)] == []


@pytest.mark.parametrize(
    "text,expected", [case for cases in RULES.values() for case in cases],
    ids=[f"{rule}: {text[:30]}" for rule, cases in RULES.items() for text, _ in cases],
)
def test_unfamiliar_name_found(guardrail, text, expected):
    assert found(guardrail, text, "PERSON") == expected


@pytest.mark.parametrize("text", CLEAN)
def test_no_name_in_clean_sentence(guardrail, text):
    assert found(guardrail, text, "PERSON") == []


def test_without_the_setting_only_lists_and_cues_count():
    from guardrails import GuardrailSettings
    from guardrails.guardrail import Guardrail

    plain = Guardrail(GuardrailSettings(unfamiliar_names=False))
    # "widersprach" is no cue word of the list rules; only the context layer takes the word after it for a name.
    text = "„Das reicht nicht“, widersprach Brunnhuber am Abend."
    assert found(plain, text, "PERSON") == []
    assert found(Guardrail(GuardrailSettings()), text, "PERSON") == ["Brunnhuber"]


@pytest.mark.parametrize("text,name", [
    ("Hoffstedts Antrag wurde abgelehnt, Hoffstedt will klagen.", "Hoffstedt"),
    ("Die Lindqvists wohnen im dritten Stock.", "Lindqvist"),
    ("Auf Papadakis' Wunsch findet das Gespräch statt.", "Papadakis"),
    ("Hausbesuch bei den Richters: Die Kinder waren in der Schule.", "Richter"),
    ("Frau Ilvy Kranichfeld fragt, ob sie Wohngeld bekommt.", "Kranichfeld"),
    ("Die Schule meldet sich wegen Wolfes Fehlzeiten.", "Wolfe"),
    ("waren die herolds heute beim termin", "herold"),
    ("Heute wollte Krümel nicht in die Kita, Krümel hatte Bauchweh.", "Krümel"),
])
def test_new_forms_restore_exactly_and_leave_nothing(guardrail, text, name):
    conv = guardrail.conversation()
    protected = conv.protect(text)
    assert name not in protected.text
    assert conv.restore(protected.text) == text


def test_model_genitive_of_unfamiliar_name_restores_in_german_spelling(guardrail):
    conv = guardrail.conversation()
    protected = conv.protect("Gestern gab es wieder Streit mit Papadakis.")
    placeholder = protected.replacements[0]
    pseudonym = protected.text[placeholder.start : placeholder.end]
    assert conv.restore(f"{pseudonym}s Antrag") == genitive("Papadakis", "s") + " Antrag"


# Surnames made of random syllables (tests/privacy/fictional.py, nothing the detector's lists or classifier knows).
# Cut at a noun they happen to end in ("Pimgrong|eimer", "Vosgört|einer") they looked like compounds, and after
# "Familie", or as the surname after a given name, a compound is no name: one in twenty passed in clear — found by
# the storage-inventory test ("Schreibe einen Brief an Familie Geinbrückbreimer").
FICTIONAL_CONTEXTS = [
    "Schreibe einen Brief an Familie {last} zum Anlass.",
    "Wir haben mit der Familie {last} gesprochen.",
    "Frau {first} {last} kommt morgen.",
    "Brief an {last}",
]


def test_surnames_no_lexicon_knows_are_found_even_where_a_noun_ends_them(guardrail):
    import random

    from tests.privacy.fictional import make_client

    rng = random.Random(20261206)
    clients = [make_client(rng) for _ in range(300)]
    for context in FICTIONAL_CONTEXTS:
        missed = missed_names(guardrail, ((c.last, context.format(first=c.first, last=c.last)) for c in clients))
        assert len(missed) <= 3, (context, missed)  # ≤ 1 %; it was 5 % for the first three


@pytest.mark.parametrize("text", [
    "Wir beantragen für die Familie Wohngeld.",
    "Sie hat für die Familie Schulbegleitung beantragt.",
    "Für die Familie Eingliederungshilfe beantragen.",
    "Gespräch mit dem Schulleiter am Montag.",
    "Termin beim Ortsvorsteher.",
    "Die Schuldnerberater helfen.",
])
def test_compound_nouns_after_family_or_an_article_stay(guardrail, text):
    assert found(guardrail, text, "PERSON") == []


@pytest.mark.parametrize("given", ["Kyung", "Hyung", "Tsung", "Shung"])
def test_a_short_given_name_in_ung_is_no_derived_noun(guardrail, given):
    # A German "-ung" noun has a vowel before the ending ("Üb|ung"); "Kyung" has none: a name, with its surname.
    text = f"Heute kam {given} Bronosdrölow vorbei."
    assert found(guardrail, text, "PERSON") == [f"{given} Bronosdrölow"]
