"""Clean office and case-note sentences without any personal data (issue 15 §4, precision).

Masking an ordinary word makes answers worse. These classes hold German sentences of the kind
staff write every day, full of what a name finder may take for a name: capitalised nouns at the
sentence start and after articles (also nouns that are surnames elsewhere: "Der Richter", "Im
Sommer"), numbered rooms, houses, pages, buses and train cars ("Zimmer Nr. 12", "Wagen 8"),
authorities, insurers and national organisations ("Die Barmer hat geantwortet"), brands, apps and
software ("läuft über Threema"), holidays and greetings ("Frohes Fest", "Zuckerfest"), and telegraphic
case notes that drop the article of an institution, a vehicle, a pet, an object or a role noun in a
subject slot ("Nach dem Gespräch hat Kita die Mutter angerufen", "Im Sommer fährt Bus die Strecke
nicht"). Some are typed in lower case, as in chat.

Sources: every template and every filler word below was written for this benchmark from general
knowledge of German office life; nothing is read from the detector's lists
(`guardrails/data/`, its noun lexicon or its classifier's training data). A third of the
templates and a third of the filler words (by a stable hash) form the held-out split, generated
with its own seed; tune only on "dev".

No sentence contains a person: any detection in it is a false alarm.
"""

from __future__ import annotations

import random
import re
import zlib

from .builder import Sample

# class -> templates; "{SLOT}" draws from FILL, "{SLOT/lower}" the same in lower case.
TEMPLATES: dict[str, list[str]] = {
    # Capitalised nouns at the start of a sentence and after articles, many of them nouns that are
    # also German surnames (Richter, Koch, Bauer, Zimmer, Wagen, Fest, Sommer, Winter, Vogel …).
    "clean_office": [
        "{NOUN} und {NOUN2} werden in der Teamsitzung besprochen.",
        "Der {MNOUN} ist seit gestern defekt, bitte den Hausmeister informieren.",
        "Die {FNOUN} liegt im Sekretariat zur Abholung bereit.",
        "Das {NNOUN} muss bis Freitag erledigt sein.",
        "{NOUN} fehlt noch, sonst ist die Akte vollständig.",
        "Im {MNOUN} stehen noch die Kartons vom Umzug.",
        "Laut {FNOUN} ist der Antrag fristgerecht eingegangen.",
        "Bitte {NOUN} und {NOUN2} bis zum Monatsende prüfen.",
        "Der Richter hat die Anhörung auf Dienstag verlegt.",
        "Der Koch der Wohngruppe ist diese Woche im Urlaub.",
        "Im Sommer fährt die Gruppe ans Meer, im Winter in den Harz.",
        "Der Bauer vom Nachbarhof liefert jeden Morgen frische Milch.",
        "Die Schneider-Werkstatt im Keller ist wieder geöffnet.",
        "Der Wagen der Einrichtung muss zum TÜV.",
        "Das Fest im Stadtteilzentrum war gut besucht.",
        "Die Kinder haben im Garten einen Vogel gefunden.",
        "Nach der Besprechung gibt es Kaffee und Kuchen im Gruppenraum.",
        "Der Fahrdienst bringt die Teilnehmenden um acht Uhr zur Werkstatt.",
        "Die Hilfeplanung wird im nächsten Quartal fortgeschrieben.",
        "Wegen Krankheit fällt die Supervision am Donnerstag aus.",
        "Dienstbesprechung: Urlaubsplanung, Fortbildungen und Brandschutzübung.",
        "Das Protokoll der Fallberatung ist im Ordner Qualitätsmanagement abgelegt.",
        "Neue Mitarbeitende bekommen am ersten Tag Schlüssel, Laptop und Dienstausweis.",
        "Die Heizung im Altbau fällt immer wieder aus.",
        "Der Elternabend findet in der Mensa statt.",
        "Für die Ferienfreizeit fehlen noch zwei Betreuungskräfte.",
        "Die Kasse für das Frühstück ist leer, bitte auffüllen.",
        "Morgen ist Brandschutzbegehung, alle Fluchtwege freihalten.",
        "Rückmeldung der Heimaufsicht: keine Beanstandungen.",
        "Die Spülmaschine in der Küche läuft wieder.",
        "Ab Montag gilt der neue Dienstplan für den Nachtdienst.",
        "Der Drucker im zweiten Stock druckt nur noch schwarz-weiß.",
        "Am Empfang liegen Flyer zur Schuldnerberatung aus.",
        "Der Förderantrag wurde fristgerecht eingereicht.",
        "Das Team bedankt sich für die Spende des Fördervereins.",
        "Die Anmeldung zur Inhouse-Schulung läuft bis Ende des Monats.",
        "Heute Nachmittag ist Putztag in der Wohngruppe.",
        "{NOUN/lower} und {NOUN2/lower} sind noch offen, kannst du das zusammenfassen",
        "schreib mir eine notiz zum thema {NOUN/lower} für die teamsitzung",
        "wie formuliere ich eine rückmeldung zur {FNOUN/lower}",
        "Die {FNOUN} wurde per Post verschickt.",
        "Zum {MNOUN} fehlt die Bedienungsanleitung.",
        "Vorher noch {NOUN} und {NOUN2} abzeichnen lassen.",
        "Ein {NNOUN} liegt noch nicht vor.",
        "Die Sonne scheint, die Gruppe geht in den Park.",
        "Der Vogel im Käfig gehört der Tagesgruppe.",
        "Die Stimmung im Team ist nach der Klausur besser.",
        "Wegen Glatteis beginnt der Frühdienst später.",
    ],
    # Numbered rooms, houses, floors, pages, lines, train cars, counters.
    "clean_numbers": [
        "Zimmer Nr. {NUM} ist frei.",
        "Das Beratungsgespräch findet in Zimmer {NUM} statt.",
        "{PLACE} {NUM} ist heute wegen Renovierung geschlossen.",
        "Bitte im {PLACE} {NUM} melden, nicht am Empfang.",
        "Die Unterlagen liegen in {PLACE} Nr. {NUM}.",
        "Siehe Seite {NUM} des Bescheids, Absatz {SMALL}.",
        "Auf Seite {NUM} steht die Rechtsbehelfsbelehrung.",
        "Die Gruppe fährt mit der Linie {NUM} bis zur Endhaltestelle.",
        "Treffpunkt ist Gleis {SMALL}, Wagen {SMALL}.",
        "Reserviert sind Plätze in Wagen {SMALL}, Platz {NUM} bis {NUM2}.",
        "Der Bus {NUM} fährt am Wochenende nur stündlich.",
        "Haus {LETTER} ist barrierefrei, Haus {LETTER2} leider nicht.",
        "Die Wohngruppe zieht in Haus {LETTER}, {FLOOR}.",
        "Gebäude {LETTER}, Raum {ROOM}: Sprechstunde der Schuldnerberatung.",
        "Station {SMALL}{LETTER} hat noch Betten frei.",
        "Tagesordnungspunkt {SMALL}: Verschiedenes.",
        "Anlage {SMALL} enthält die Kostenaufstellung.",
        "Kapitel {SMALL} des Handbuchs regelt die Schweigepflicht.",
        "Folie {NUM} der Präsentation bitte noch korrigieren.",
        "Schalter {SMALL} im Bürgeramt ist für Ausweise zuständig.",
        "Kasse {SMALL} ist heute nicht besetzt.",
        "Schließfach {NUM} gehört zur Wohngruppe.",
        "zimmer {NUM} ist ab montag wieder belegt",
        "ist raum {ROOM} heute frei oder nehmen wir zimmer {NUM}",
        "treffen wir uns an gleis {SMALL}?",
        "Der Schlüssel für Raum {ROOM} hängt im Sekretariat.",
        "Zimmer {NUM} und Zimmer {NUM2} werden zusammengelegt.",
        "Bitte Hausnummer {NUM} klingeln, der Eingang ist hinten.",
        "Nr. {NUM} auf der Warteliste ist inzwischen versorgt.",
        "Die Sprechstunde ist in Zimmer {NUM} im {FLOOR}.",
        "Wagen {SMALL} des Zuges ist für Gruppen reserviert.",
        "Ausgang {LETTER} führt direkt zum Parkplatz.",
        "Platz {NUM} in Reihe {SMALL} bleibt für die Dolmetscherin frei.",
        "Zeile {NUM} der Tabelle enthält einen Tippfehler.",
        "Abschnitt {SMALL}.{SMALL} der Richtlinie wurde geändert.",
        "Die Tagesgruppe nutzt künftig Trakt {LETTER}.",
        "Parkplatz {NUM} ist für den Dienstwagen reserviert.",
    ],
    # Authorities, insurers, banks, national organisations, service providers.
    "clean_orgs": [
        "Die {ORG} hat geantwortet.",
        "Die {ORG} hat den Antrag abgelehnt, wir legen Widerspruch ein.",
        "Antwort der {ORG} steht noch aus.",
        "{ORG} und Jobcenter streiten über die Zuständigkeit.",
        "Bei der {ORG} gibt es dafür ein eigenes Formular.",
        "Laut {ORG} dauert die Bearbeitung sechs Wochen.",
        "Der Bescheid der {ORG} kam heute mit der Post.",
        "Wir warten auf die Kostenzusage der {ORG}.",
        "Die Auskunft der {ORG} ist fehlerhaft.",
        "{BODY}: Termin nur nach Online-Buchung.",
        "Das {BODY} hat die Unterlagen zurückgeschickt.",
        "Im {BODY} war heute eine lange Schlange.",
        "Rückfrage beim {BODY} wegen der Meldebescheinigung.",
        "Die Überweisung kommt von der {BANK}.",
        "Das Konto bei der {BANK} ist gepfändet.",
        "Kontoauszüge der {BANK} liegen vor.",
        "schreib einen widerspruch an die {ORG/lower}",
        "wie lange braucht die {ORG/lower} normalerweise",
        "muss ich das ans {BODY/lower} schicken oder an die {ORG/lower}",
        "Die {ORG} zahlt die Fahrtkosten nur mit ärztlicher Verordnung.",
        "Mit der {ORG} ist eine Ratenzahlung vereinbart.",
        "Die Hotline der {ORG} war heute nicht erreichbar.",
        "{ORG} verlangt eine neue Bescheinigung vom Arbeitgeber.",
        "Ein Schreiben vom {BODY} ist eingegangen.",
        "Das {BODY} öffnet erst um neun Uhr.",
        "Die Filiale der {BANK} am Markt schließt Ende des Jahres.",
        "Überweisung an die {ORG} ist raus.",
    ],
    # Apps, software, devices, shops and products.
    "clean_brands": [
        "Die Videokonferenz läuft über {APP}.",
        "Die Fallbesprechung findet heute per {APP} statt.",
        "Bitte nicht über {APP} kommunizieren, nur über {APP2}.",
        "Die Eltern sind über {APP} gut zu erreichen.",
        "Das Protokoll liegt in {APP}.",
        "{APP} stürzt auf dem Diensthandy ständig ab.",
        "Für die Dokumentation nutzen wir {SOFTWARE}.",
        "In {SOFTWARE} fehlt noch der Eintrag vom Dienstag.",
        "{SOFTWARE} ist heute Vormittag wegen Wartung nicht erreichbar.",
        "Das Update von {SOFTWARE} kommt am Wochenende.",
        "Der neue Laptop von {DEVICE} ist da.",
        "Das Diensthandy ist ein {DEVICE}, das Ladekabel fehlt.",
        "Der Drucker von {DEVICE} braucht neuen Toner.",
        "Die Gutscheine sind von {SHOP}.",
        "Einkauf bei {SHOP} für das Gruppenfrühstück.",
        "Die Jugendlichen haben bei {SHOP} eingekauft.",
        "läuft das treffen über {APP/lower} oder {APP2/lower}?",
        "wie exportiere ich die liste aus {SOFTWARE/lower}",
        "kann ich das foto per {APP/lower} schicken",
        "Die Einladung zum Elternabend geht über {APP} raus.",
        "Ohne {SOFTWARE} können wir die Abrechnung nicht machen.",
        "Schulung zu {SOFTWARE} am Mittwoch im Seminarraum.",
        "Der Zugang zu {APP} ist beantragt.",
        "Die Lizenz für {SOFTWARE} läuft im Dezember aus.",
        "Das alte Handy von {DEVICE} wird entsorgt.",
        "Gutschein von {SHOP} als Dankeschön für die Ehrenamtlichen.",
        "{APP} ist im Dienst nicht erlaubt.",
    ],
    # Holidays, festivals, seasonal greetings.
    "clean_holidays": [
        "Wir wünschen Ihnen ein {GREETING}!",
        "Vielen Dank für die Zusammenarbeit und {GREETING}.",
        "Das Team wünscht allen ein {GREETING} und erholsame Tage.",
        "Liebe Kolleginnen und Kollegen, {GREETING}!",
        "An {HOLIDAY} bleibt die Beratungsstelle geschlossen.",
        "Vor {HOLIDAY} gibt es in der Kita ein kleines Fest.",
        "{HOLIDAY} fällt dieses Jahr auf einen Donnerstag.",
        "Die Feier zu {HOLIDAY} wird im Gemeinschaftsraum vorbereitet.",
        "Zu {HOLIDAY} kommen viele Familien zu Besuch.",
        "Über {HOLIDAY} ist die Notfallnummer besetzt.",
        "Frohes Fest und einen guten Rutsch ins neue Jahr!",
        "Schöne Feiertage und bis zum nächsten Jahr.",
        "Allen ein frohes Zuckerfest und schöne Tage mit der Familie.",
        "Frohe Ostern und erholsame Feiertage wünscht das Team.",
        "schreib einen gruß zu {HOLIDAY/lower} für die eltern",
        "was schreibe ich den familien zu {HOLIDAY/lower}",
        "frohes fest euch allen und danke für alles",
        "Nach {HOLIDAY} geht es mit dem normalen Dienstplan weiter.",
        "Ein {GREETING} wünscht das ganze Team der Beratungsstelle.",
        "Herzliche Grüße und {GREETING}!",
        "Zwischen {HOLIDAY} und Neujahr ist die Kita geschlossen.",
        "{HOLIDAY} feiern wir dieses Jahr mit den Familien im Garten.",
        "Danke für alles und ein {GREETING} wünscht die Wohngruppe.",
        "Ihnen und Ihrer Familie ein {GREETING}.",
        "Am Tag nach {HOLIDAY} ist die Verwaltung nur vormittags besetzt.",
    ],
    # Telegraphic case notes: articles dropped before institutions, vehicles, animals, objects and
    # role nouns that act or are acted on ("Nach dem Gespräch hat Kita die Mutter angerufen", "Im
    # Sommer fährt Bus die Strecke nicht", "Der Trainer hat Ball mitgebracht"), the positions where a
    # bare noun could be a nickname or a surname.
    "clean_casenotes": [
        "{FRONT} hat {INST} die Mutter angerufen.",
        "{FRONT} hat {INST} sofort angerufen.",
        "{INST} hat angerufen, Kind hat wieder Fieber.",
        "{INST} meldet sich morgen wegen des Termins.",
        "Im Gespräch sagte {INST}, dass es besser läuft.",
        "{FRONT} war {INST} nicht zu erreichen.",
        "Laut {INST} fehlt das Kind seit {DAY}.",
        "Seit {DAY} ist {INST} wegen Umbau geschlossen.",
        "Nach Rücksprache mit {INST} wird der Antrag verlängert.",
        "Kind wollte nicht in {INST}, {ROLE} hat es wieder abgeholt.",
        "{FRONT} fährt {VEHICLE} die Strecke nicht.",
        "{FRONT} kam {VEHICLE} erst um neun.",
        "{VEHICLE} kam zu spät, Termin verpasst.",
        "{FRONT} fiel {VEHICLE} wegen Streik aus.",
        "{FRONT} hat {VEHICLE} die Gruppe nicht mitgenommen.",
        "{FRONT} hat {ANIMAL} das Futter verweigert.",
        "{ANIMAL} muss am {DAY} zum Tierarzt.",
        "Für {ANIMAL} wird während des Klinikaufenthalts eine Pflegestelle gesucht.",
        "{FRONT} hat {ANIMAL} wieder in die Wohnung gemacht.",
        "Mit den Jungs hat der {MROLE} {GAME} gespielt.",
        "Der {MROLE} hat {GAME} mit den Kindern gespielt.",
        "{FRONT} hat {ROLE} {OBJECT} mitgebracht.",
        "{ROLE} hat {OBJECT} vergessen, kommt am {DAY} wieder.",
        "{OBJECT} liegt noch im Büro, bitte abholen.",
        "Bitte {OBJECT} nach dem Termin abholen.",
        "{FRONT} war {OBJECT} wieder weg.",
        "{ROLE} sagt, {INST} hat nicht angerufen.",
        "{FRONT} hat {ROLE} wieder nicht zurückgerufen.",
        "Am {DAY} bringt {ROLE} die Unterlagen vorbei.",
        "{FRONT} kam {ROLE} nicht zum Termin.",
        "Termin am {DAY}: {ROLE} und {ROLE2} kommen, {INST} wird informiert.",
        "{FRONT} stand {VEHICLE} wieder im Stau.",
        "Wegen {ANIMAL} gibt es Streit mit dem Vermieter.",
        "{ANIMAL} bleibt bis {DAY} bei der Nachbarin.",
        "{FRONT} hat {INST} den Hilfeplan geschickt.",
        "Von {INST} kam noch keine Rückmeldung.",
        "Bitte {OBJECT} aus dem Büro holen.",
        "{OBJECT} aus dem Schrank nehmen und {ROLE2} geben.",
        "Bitte {OBJECT} bei {INST} abgeben, {ROLE} weiß Bescheid.",
    ],
}

FILL: dict[str, list[str]] = {
    # written for the telegraphic case notes, not taken from the detector's lists
    "INST": ["Kita", "Hort", "Schule", "Kindergarten", "Grundschule", "Klinik", "Praxis", "Werkstatt",
             "Internat", "Heim", "Ambulanz", "Station", "Verein", "Tagesstätte", "Jugendamt", "Jobcenter",
             "Krankenkasse", "Pflegedienst", "Hausverwaltung", "Beratungsstelle", "Wohngruppe", "Tagesklinik",
             "Ausländerbehörde", "Förderschule", "Krippe", "Ganztag", "OGS", "Sozialamt", "Betreuungsgericht"],
    "VEHICLE": ["Bus", "Bahn", "Zug", "Taxi", "Straßenbahn", "Fahrdienst", "Schulbus", "Rufbus", "Tram",
                "Krankenwagen", "Nachtbus", "Sammeltaxi", "S-Bahn", "Regionalbahn", "Linienbus", "Fähre"],
    "ANIMAL": ["Hund", "Katze", "Kater", "Hamster", "Kaninchen", "Wellensittich", "Meerschweinchen",
               "Schildkröte", "Hündin", "Welpe", "Pferd", "Papagei"],
    "OBJECT": ["Handy", "Laptop", "Schlüssel", "Ausweis", "Rucksack", "Fahrrad", "Brille", "Paket",
               "Rezept", "Tablet", "Formular", "Hörgerät", "Rollator", "Portemonnaie", "Schulranzen"],
    "ROLE": ["Mutter", "Vater", "Oma", "Opa", "Betreuer", "Betreuerin", "Nachbar", "Vermieter", "Lehrerin",
             "Erzieherin", "Bruder", "Schwester", "Tante", "Onkel", "Vormund", "Hausarzt", "Dolmetscherin",
             "Pflegemutter", "Stiefvater", "Schulbegleiterin"],
    "ROLE2": ["Mutter", "Vater", "Oma", "Betreuerin", "Vormund", "Pflegevater", "Lehrer", "Dolmetscher"],
    "MROLE": ["Trainer", "Betreuer", "Erzieher", "Praktikant", "Hausmeister", "Zivi", "Opa", "Nachbar"],
    "GAME": ["Ball", "Fußball", "Karten", "Schach", "Tischtennis", "Basketball", "Billard", "Memory", "Uno",
             "Federball", "Verstecken", "Fangen", "Mensch ärgere dich nicht"],
    "DAY": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Monatsende"],
    "FRONT": ["Nach dem Gespräch", "Nach den Ferien", "Im Sommer", "Am Montag", "Seit Dienstag", "Heute früh",
              "Gestern", "Vormittags", "Bei Regen", "Laut Protokoll", "Wegen Streik", "Nach der Übergabe",
              "In der Nacht", "Am Wochenende", "Zum Glück", "Leider", "Im Winter", "Nach dem Hausbesuch",
              "Seit Wochen", "Am Freitag", "Trotz Absprache", "Heute", "Beim Elterngespräch"],
    "NOUN": ["Dienstplan", "Fahrtenbuch", "Kassenbuch", "Hausordnung", "Urlaubsantrag", "Verwendungsnachweis",
             "Jahresbericht", "Schlüsselliste", "Medikamentenplan", "Hygieneplan", "Brandschutzordnung",
             "Hilfeplan", "Inventarliste", "Fortbildungsplan", "Stellenbeschreibung", "Teilnehmerliste",
             "Putzplan", "Speiseplan", "Materialbestellung", "Elternbrief", "Hausaufgabenheft",
             "Betriebskostenabrechnung", "Gefährdungsbeurteilung", "Leistungsbeschreibung", "Förderplan"],
    "NOUN2": ["Zeiterfassung", "Raumbelegung", "Fahrkostenabrechnung", "Reisekosten", "Dokumentation",
              "Aktenablage", "Postmappe", "Telefonliste", "Notfallplan", "Wochenplan", "Einkaufsliste",
              "Übergabebuch", "Besucherliste", "Schichtplan", "Wäscheplan", "Geburtstagsliste"],
    "MNOUN": ["Kopierer", "Aufzug", "Beamer", "Kühlschrank", "Wasserkocher", "Bollerwagen", "Rollstuhl",
              "Dienstwagen", "Kleinbus", "Gruppenraum", "Flur", "Keller", "Schrank", "Briefkasten",
              "Getränkeautomat", "Fahrradkeller", "Zaun", "Sandkasten"],
    "FNOUN": ["Stellungnahme", "Meldebescheinigung", "Kostenzusage", "Bescheinigung", "Vollmacht",
              "Schweigepflichtentbindung", "Abrechnung", "Vereinbarung", "Mahnung", "Einladung",
              "Teilnahmebestätigung", "Schlüsselübergabe", "Hausmitteilung", "Rufbereitschaft", "Dienstanweisung"],
    "NNOUN": ["Protokoll", "Formular", "Gutachten", "Zeugnis", "Attest", "Angebot", "Konzept", "Budget",
              "Rundschreiben", "Infoblatt", "Merkblatt", "Handout", "Dienstzimmer", "Elterngespräch"],
    "NUM": ["3", "7", "12", "14", "21", "28", "35", "42", "104", "117", "203", "215", "312", "8", "19", "56"],
    "NUM2": ["44", "46", "58", "61", "73", "88", "92", "95"],
    "SMALL": ["1", "2", "3", "4", "5", "6", "7", "9"],
    "ROOM": ["1.12", "2.04", "3.17", "0.08", "E 14", "2.21", "1.03", "U 02"],
    "LETTER": ["A", "B", "C", "D", "E", "F"],
    "LETTER2": ["B", "C", "D", "G", "H"],
    "FLOOR": ["Erdgeschoss", "erster Stock", "zweites Obergeschoss", "Dachgeschoss", "Souterrain"],
    "PLACE": ["Raum", "Zimmer", "Büro", "Besprechungsraum", "Gruppenraum", "Sitzungssaal", "Beratungszimmer",
              "Seminarraum", "Werkraum", "Turnhalle", "Trakt", "Saal"],
    "ORG": ["Barmer", "Schufa", "AOK", "DAK", "Techniker Krankenkasse", "Knappschaft", "HEK", "hkk", "Viactiv",
            "Mobil Krankenkasse", "IKK classic", "Audi BKK", "SBK", "Debeka", "Allianz", "HUK-Coburg", "Ergo",
            "Creditreform", "Familienkasse", "Elterngeldstelle", "Rentenversicherung", "Berufsgenossenschaft",
            "Unfallkasse", "Bundesagentur für Arbeit", "Verbraucherzentrale", "Caritas", "Diakonie",
            "Lebenshilfe", "Johanniter", "Malteser", "Arbeiterwohlfahrt", "Volkshochschule", "GEZ",
            "Beihilfestelle", "Novitas BKK", "Pronova BKK", "Signal Iduna", "Landeskasse", "Deutsche Bahn",
            "Telekom", "Vodafone", "Stadtkasse"],
    "BODY": ["Bürgeramt", "Standesamt", "Ordnungsamt", "Sozialamt", "Jugendamt", "Gesundheitsamt",
             "Finanzamt", "Versorgungsamt", "Landratsamt", "Bürgerbüro", "Rathaus", "Amtsgericht",
             "Sozialgericht", "Integrationsamt", "Wohnungsamt", "Einwohnermeldeamt", "Ausländeramt",
             "Straßenverkehrsamt", "Schulamt", "Katasteramt"],
    "BANK": ["Sparkasse", "Volksbank", "Postbank", "Commerzbank", "Deutschen Bank", "Raiffeisenbank",
             "ING", "Targobank", "Santander", "Sparda-Bank", "N26", "GLS Bank", "Bank für Sozialwirtschaft"],
    "APP": ["WhatsApp", "Threema", "Signal", "Telegram", "Teams", "Zoom", "Webex", "Jitsi", "BigBlueButton",
            "Skype", "Moodle", "Padlet", "Slack", "Facetime", "Discord", "Instagram", "Nextcloud Talk",
            "Wire", "Element", "Matrix", "Edupage", "Schulmanager", "Sdui", "Kita-Info-App", "Stashcat"],
    "APP2": ["E-Mail", "Telefon", "Threema Work", "das Intranet", "Briefpost", "Teams", "Signal"],
    "SOFTWARE": ["Vivendi", "Medifox", "Connext", "SoPart", "Excel", "Word", "Outlook", "SharePoint",
                 "OneDrive", "DATEV", "Lexware", "SAP", "Navision", "Dropbox", "Nextcloud", "PowerPoint",
                 "Thunderbird", "Firefox", "Acrobat", "OpenProject", "Confluence", "Jira", "Citrix", "Elster",
                 "Kitaplus", "Little Bird", "KiTa-Manager", "Careplus", "Sinfonie", "Carecenter"],
    "DEVICE": ["Lenovo", "Dell", "Samsung", "Apple", "Huawei", "Xiaomi", "Brother", "Canon", "Epson",
               "Kyocera", "Ricoh", "Fujitsu", "Acer", "Asus", "Nokia", "Motorola", "Gigaset", "Medion"],
    "SHOP": ["Aldi", "Lidl", "Rewe", "Edeka", "Netto", "Penny", "Kaufland", "Rossmann", "dm", "Ikea",
             "Tchibo", "Deichmann", "KiK", "Takko", "Woolworth", "Action", "Tedi", "Primark", "Decathlon",
             "Thalia", "Hugendubel", "Mediamarkt", "Saturn", "Obi", "Hornbach", "Toom", "Fressnapf",
             "Douglas", "Galeria", "Norma"],
    "HOLIDAY": ["Ostern", "Pfingsten", "Weihnachten", "Silvester", "Neujahr", "Karfreitag", "Ostermontag",
                "Pfingstmontag", "Himmelfahrt", "Fronleichnam", "Allerheiligen", "Reformationstag",
                "Rosenmontag", "Fasching", "Karneval", "Nikolaus", "Heiligabend", "Erntedank", "Ramadan",
                "Zuckerfest", "Opferfest", "Chanukka", "Diwali", "Nowruz", "Halloween", "Muttertag",
                "Vatertag", "Weltkindertag", "Valentinstag", "Martinstag", "Buß- und Bettag", "Advent"],
    "GREETING": ["frohes Fest", "Frohes Fest", "frohe Weihnachten", "Frohe Ostern", "schönes Zuckerfest",
                 "gesegnetes Opferfest", "frohes Chanukka", "gutes neues Jahr", "schönes Wochenende",
                 "Frohes neues Jahr", "schönes Pfingstfest", "friedliches Weihnachtsfest", "Ramadan Kareem",
                 "Eid Mubarak", "schönes Diwali-Fest", "gesegnetes Fest", "frohes Nowruz", "schöne Adventszeit"],
}  # fmt: skip

CLEAN_CLASSES = list(TEMPLATES)
_SLOT = re.compile(r"\{([A-Z0-9]+)(/lower)?\}")


def split_of(text: str) -> str:
    """"dev" or "heldout": a stable split of templates and filler words (a third held out)."""
    return "heldout" if zlib.crc32(("clean:" + text).encode("utf-8")) % 3 == 0 else "dev"


def _pool(values: list[str], split: str) -> list[str]:
    own = [v for v in values if split_of(v) == split]
    return own or values


def _fill(rng: random.Random, template: str, split: str) -> str:
    def sub(m: re.Match[str]) -> str:
        value = rng.choice(_pool(FILL[m.group(1)], split))
        return value.lower() if m.group(2) else value

    return _SLOT.sub(sub, template)


def generate_clean(per_class: int, seed: int, split: str = "dev") -> list[Sample]:
    """``per_class`` clean sentences for every class of one split, deterministic for (seed, split)."""
    if split not in ("dev", "heldout"):
        raise ValueError(split)
    rng = random.Random(f"{seed}:clean:{split}")
    out: list[Sample] = []
    for cls, templates in TEMPLATES.items():
        own = [t for t in templates if split_of(t) == split]
        for _ in range(per_class):
            template = rng.choice(own)
            text = _fill(rng, template, split)
            lower = text == text.lower()
            tags = (f"class:{cls}", f"split:{split}") + (("lowercase",) if lower else ())
            out.append(Sample(f"clean-{split}-{len(out):05d}", text, (), "chat" if lower else "office",
                              f"running_{cls}", tags))
    return out
