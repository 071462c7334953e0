"""Person names: lists, cues, noun lexicon, genitives, double names, lower case."""

import pytest

from tests.guardrails.conftest import found

VALID = [
    # listed first and last names of Germany's population mix
    ("Frau Aylin Demir braucht Hilfe.", ["Aylin Demir"]),
    ("Gestern rief Mehmet Yılmaz an.", ["Mehmet Yılmaz"]),
    ("Gestern rief Mehmet Yilmaz an.", ["Mehmet Yilmaz"]),
    ("Termin mit Katarzyna Nowak am Montag.", ["Katarzyna Nowak"]),
    ("Natalja Iwanowa kommt später.", ["Natalja Iwanowa"]),
    ("Anna hat den Antrag gestellt.", ["Anna"]),
    # cue words; cue itself is not part of the span
    ("Herr Müller war da.", ["Müller"]),
    ("Gespräch mit Hr. Schneider", ["Schneider"]),
    ("Die Klientin Xhevdeti wirkt erschöpft.", ["Xhevdeti"]),
    ("Ihr Sohn Lukas geht zur Schule.", ["Lukas"]),
    ("Frau Dr. Kowalczyk hat angerufen.", ["Kowalczyk"]),
    ("Gespräch mit Herrn M. am Montag", ["M"]),
    # names that are also words: only with a cue or a neighbouring name
    ("Frau Sommer kommt morgen.", ["Sommer"]),
    ("Herr Wolf und der Wolf im Märchen.", ["Wolf"]),
    ("Lena Fuchs hat angerufen.", ["Lena Fuchs"]),
    # genitives
    ("Lisas Mutter hat angerufen.", ["Lisas"]),
    ("Herrn Öztürks Antrag liegt vor.", ["Öztürks"]),
    # double names and particles
    ("Hans-Peter Müller-Lüdenscheidt ist neu.", ["Hans-Peter Müller-Lüdenscheidt"]),
    ("Frau Fatma Öztürk-Yılmaz ist neu.", ["Fatma Öztürk-Yılmaz"]),
    ("Ein Brief von Ursula von der Leyen kam.", ["Ursula von der Leyen"]),
    # lower-case typing
    ("gespräch mit frau demir über die miete", ["demir"]),
    ("aylin demir hat angerufen", ["aylin demir"]),
    # unknown surname next to a known first name
    ("Aylin Xhemajli hat angerufen.", ["Aylin Xhemajli"]),
    ("Mein Klient Tobias Dreher hat Schulden.", ["Tobias Dreher"]),
    ("Kevin Schulze ist heute krank.", ["Kevin Schulze"]),
    # origins of Germany's population mix (curated and transliterated lists)
    ("Heute war Yonas Tesfay zum Gespräch da.", ["Yonas Tesfay"]),
    ("Nilofar Ahmadzai braucht einen Kitaplatz.", ["Nilofar Ahmadzai"]),
    ("Dragan Jovanović hat die Unterlagen gebracht.", ["Dragan Jovanović"]),
    ("Hausbesuch bei Familie Krasniqi.", ["Krasniqi"]),
    ("Mohammed Al-Khatib und seine Frau Rasha kommen.", ["Mohammed Al-Khatib", "Rasha"]),
    ("Frau Nguyen Thi Lan hat gekündigt.", ["Nguyen Thi Lan"]),
    # more cue shapes
    ("gespräch mit fr. schneider und ihrem sohn paul", ["schneider", "paul"]),
    ("frau dr. med. Schulz hat angerufen", ["Schulz"]),
    ("Familie Müller-Schulze aus dem 2. Stock", ["Müller-Schulze"]),
    ("Klientin: Jovana P.", ["Jovana P"]),
    ("Er heißt Jonathan und ist 14.", ["Jonathan"]),
    ("Kontakt: Herr Mehmet Ali Yılmaz, Tel. 0211 123456", ["Mehmet Ali Yılmaz"]),
    # surnames that are nouns, after a title
    ("Frau Klos hat angerufen.", ["Klos"]),
    ("Rückruf an Herrn Bartel.", ["Bartel"]),
    ("Frau Aylin Block war da.", ["Aylin Block"]),
    ("Wie erkläre ich Frau Eckstein, dass die Pflege endet?", ["Eckstein"]),
    # unknown names: two unknown capitalised non-nouns, foreign-looking endings
    ("Termin mit Quirin Bolzhauser am Dienstag.", ["Quirin Bolzhauser"]),
    ("Frau Przystupa hat eine neue Adresse.", ["Przystupa"]),
    # genitives of double names and of names that are rare nouns
    ("Hans-Hermanns Antrag liegt vor.", ["Hans-Hermanns"]),
    ("Auroras Mutter rief an.", ["Auroras"]),
    # context instead of lists: greetings, sign-offs, subject + verb, prepositions
    ("Hallo Mercan, Frau Dressler hat heute angerufen.", ["Mercan", "Dressler"]),
    ("Viele Grüße\nBernadeta", ["Bernadeta"]),
    ("Mit freundlichen Grüßen L. Zorić", ["L. Zorić"]),
    ("H. König erhielt die Wundversorgung.", ["H. König"]),
    ("Xena hat die Unterlagen zur Integrationshilfe gebracht.", ["Xena"]),
    ("Beim Teilhabegespräch sagte Abrehet, dass sie gern im Garten arbeitet.", ["Abrehet"]),
    ("Wie schreibe ich in den Entwicklungsbericht von Leuther?", ["Leuther"]),
    ("Ist es eine Kindeswohlgefährdung, wenn Utkan oft ohne Frühstück kommt?", ["Utkan"]),
    ("Vonn und Çimen waren heute gemeinsam im Park.", ["Vonn", "Çimen"]),
    ("Danke, Terenzio", ["Terenzio"]),
    ("Laut Frau Lange wohnt Sbojislaw seit drei Wochen bei ihr.", ["Lange", "Sbojislaw"]),
    ("Habibullahs Schulbegleitung wurde bewilligt.", ["Habibullahs"]),
    # name before a birth date, an identifier or an age
    ("Budget für Alois Baumbach, geb. 24.11.1957?", ["Alois Baumbach"]),
    ("Hilfeplan für Dolunay (9 Jahre), deren Mutter krank ist", ["Dolunay"]),
    ("Masooma (Tochter von Herrn Hasek) kommt.", ["Masooma", "Hasek"]),
    # surname, comma, first name
    ("Vermerk: Sommer, Rolf, geb. 3. Januar 1989", ["Sommer, Rolf"]),
    ("Assistenzbedarf Eichel, Donald: 12 Stunden pro Woche", ["Eichel, Donald"]),
    # lower-case chats
    ("gespräch mit herrn torrent-beckenbauer heute", ["torrent-beckenbauer"]),
    ("bitte zusammenfassen: frau kahveci ruft an", ["kahveci"]),
    ("tarek hat wieder nicht gegessen", ["tarek"]),
    ("mail bitte weiterleiten an parwana", ["parwana"]),
    # nouns as surnames next to a first name, a role word or a sign-off
    ("Unterlagen von Petra Scheune (Am Anger 3) prüfen", ["Petra Scheune"]),
    ("Die Akte von Klaus Feigenblatt wurde korrigiert.", ["Klaus Feigenblatt"]),
    ("Deren Mutter Ingrid Wanne ist krank.", ["Ingrid Wanne"]),
    ("Mit freundlichen Grüßen\nGudrun Schaufel", ["Gudrun Schaufel"]),
    ("Klient Löffel hat heute abgesagt.", ["Löffel"]),
    ("Was schreibe ich über Herrn Ohms Tochter Flöte?", ["Ohms", "Flöte"]),
    ("Die Pflegefamilie Tanne hat angerufen.", ["Tanne"]),
    ("Frau Grosse und Herr Kurz kommen.", ["Grosse", "Kurz"]),
    # one name found by a cue is the same name elsewhere in the text
    ("Herr Pflaume rief an; Jörg Pflaume ist sein Bruder.", ["Pflaume", "Jörg Pflaume"]),
    # greetings and sign-offs with words that are also nouns or places
    ("Hallo Reha,\nbitte ruf zurück.", ["Reha"]),
    ("Bis morgen.\nDanke, Eden", ["Eden"]),
    # unknown names: "-dell" is no adjective ending, pairs joined by "und", imperatives
    ("Die Schule meldete, dass Randell Berg fehlt.", ["Randell Berg"]),
    ("Mach mir einen Plan, in dem Zorwan und Eldiko nicht zusammen arbeiten.", ["Zorwan", "Eldiko"]),
    ("Für Kwabena Fenster, geb. 1.2.1990", ["Kwabena Fenster"]),
    ("Sturzprotokoll Tannhof, Ilvana, Zimmer 3", ["Tannhof, Ilvana"]),
    # lower-case chats: noun surnames, double names, unknown pairs, ages
    ("schreib eine notiz, dass paul hammer nicht da war.", ["paul hammer"]),
    ("hilfe bei antrag für greta mühle, geb 1.2.1990", ["greta mühle"]),
    ("bericht für hans-jörg tavaszi-kern schreiben", ["hans-jörg tavaszi-kern"]),
    ("brief zu zenobija kartalova zu schreiben", ["zenobija kartalova"]),
    ("plan für djordje (7 jahre) schreiben", ["djordje"]),
    ("i̇lkay hat heute angerufen", ["i̇lkay"]),
    # a first name before an object noun: the noun stays
    ("Seit Wochen hat Jonas Angst vor der Schule.", ["Jonas"]),
    ("Ich sage Anna Bescheid.", ["Anna"]),
]

NEAR_MISSES = [
    "Die Schuldnerberatung hat den Antrag auf Wohngeld geprüft.",
    "Der Richter hat entschieden.",
    "Im Sommer fahren viele in den Urlaub.",
    "Der Wolf lebt im Wald.",
    "Die Frau hat Angst vor dem Jobcenter.",
    "Sehr geehrte Damen und Herren, bitte prüfen Sie den Bescheid.",
    "Beste Grüße aus dem Team Eingliederungshilfe",
    "Am Freitag ist das Büro der Caritas geschlossen.",
    "Die Mutter hat Sorgen wegen der Kita.",
    "Das Kind braucht einen Platz in der Kita.",
    "Die Steuer-ID fehlt noch.",
    "Mit Frau und Kind kam er zur Beratung.",
    "Ich bin Sozialarbeiterin bei der AWO in Bochum.",
    "Braun ist eine schöne Farbe.",
    "Fast alle Klienten kamen pünktlich.",
    "Sehr geehrter Herr Oberbürgermeister,",
    "Die Kita Sonnenblume hat ab Montag wieder geöffnet.",
    "Der Sozialdienst katholischer Frauen lädt zur Mitgliederversammlung ein.",
    "Bitte formuliere diesen Text in Leichter Sprache.",
    "Sehr geehrte Frau Kollegin, anbei die Unterlagen.",
    "Liebe Frau Sozialarbeiterin, danke!",
    "Wir nutzen Microsoft Teams und Google Maps.",
    "Die Beratungsstelle Pro Familia berät.",
    # seen in the shipped guideline samples
    "Vergütung nach TVöD SuE S 12",
    "Fügen Sie den Text ein.",
    "Klare, lebendige Sprache; höchstens 15 Wörter.",
    "Unbekannte Felder werden ignoriert.",
    "soweit dadurch der wirksame Schutz nicht in Frage gestellt wird",
    "## Wofür SafeGPT da ist",
    "Dienst  Stationär  Ambulant",
    "Die Frau hat Angst, die frau ist müde.",
    "Danke, dass Sie sich gemeldet haben.",
    "Hallo zusammen, hallo Team!",
    "Viele Grüße aus der Geschäftsstelle",
    "wenn das kind oft ohne frühstück kommt",
    "mail bitte weiterleiten an die leitung",
    "Morgen früh Teambesprechung, danach Supervision mit der Leitung.",
    # first name + object noun; "Familie" as a dative noun; inflected adjectives
    "Wir sollten der Familie Zeit geben.",
    "Sein Sohn Gewalt erlebt.",
    "Gesetzlicher Betreuer und Gesetzliche Betreuerin sind bestellt.",
    "Hallo Team, die Sitzung fällt aus.",
    "Mit freundlichen Grüßen\nIhr Jugendamt",
    "Pflege, Ernährung: selbständig",
    "mach mir bitte einen dienstplan",
    "sie ist psychisch krank und braucht hilfe",
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_person_found(guardrail, text, expected):
    assert found(guardrail, text, "PERSON") == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_person_near_misses(guardrail, text):
    assert found(guardrail, text, "PERSON") == []


# Lower-case names after a capitalised role word or a title, and in text typed in lower case, are names. (A
# rule that took every lower-case word after a capitalised role word for no name — "Mutter holt es ab" — was tried
# and left out: it loses "Die Mutter ayse kommt".)
@pytest.mark.parametrize(("text", "expected"), [
    ("Heute kam Frau demir zum Termin, sie war pünktlich.", "demir"),
    ("meine klientin frau holt kommt morgen nicht", "holt"),
    ("die mutter aylin demir holt das kind ab", "aylin demir"),
    ("Die Mutter ayse kommt morgen wieder.", "ayse"),  # a lower-case name that is nothing else
    ("Gestern rief Tante fatma an und sagte ab.", "fatma"),
])
def test_lower_case_names_after_titles_and_in_lower_case_text_stay(guardrail, text, expected):
    assert any(expected in f for f in found(guardrail, text, "PERSON")), found(guardrail, text, "PERSON")
