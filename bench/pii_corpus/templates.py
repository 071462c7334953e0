"""Sentence templates for the PII benchmark corpus (written for this project).

Slot syntax, filled by `builder.py`:
  {P} {P_first} {P_last} {P_title} {P_dat} {P_gen} {P_title_gen} {P_comma} {P_initial}
      person P (client); Q (relative/child), S (staff member) offer the same slots.
      _title: "Frau Demir"/"Herr Demir"; _dat: "Frau Demir"/"Herrn Demir" (dative/accusative);
      _gen: "Aylin Demirs"; _title_gen: "Frau Demirs"/"Herrn Demirs"; _comma: "Demir, Aylin";
      _initial: "A. Demir".  Only the name itself is gold PERSON, never the title.
  {P?Klientin|Klient}   gender-dependent plain text for person P (also Q, S)
  {DOB} birth date; {DATE} other date; {PHONE} landline; {MOBILE}; {ANYPHONE}
  {EMAIL_P} {EMAIL_S} e-mail of P / of the staff member; {ADDR} street, PLZ town; {STREET}
  {IBAN} {STID} {RVNR} {KVNR} {CASE_AZ} {CASE_COURT} {CASE_FALL} {CASE_KD} {JOBCENTER_NR} {KFZ}
  {STREET} is a street name that takes "in der" (…straße, …gasse, …allee); {ADDR} any street
"""

from __future__ import annotations

# (domain, kind, template)
CASE_NOTES: dict[str, list[str]] = {
    "youth": [
        "Hausbesuch bei {P_dat} am {DATE}: Die Wohnung war aufgeräumt, {Q_first} schlief noch.",
        "{P?Die Mutter|Der Vater} {P}, geb. {DOB}, hat den Antrag auf Hilfe zur Erziehung unterschrieben.",
        "{Q_first} ({Q?Tochter|Sohn} von {P_dat}) besucht seit dem Sommer die Kita.",
        "Gespräch mit {P_dat} über die Schulverweigerung von {Q_first}.",
        "{P_title_gen} Akte wurde an das Jugendamt übergeben, Az. {CASE_AZ}.",
        "Der Kinderschutzbogen für {Q}, geb. {DOB}, liegt vor.",
        "{P_title} war beim Hilfeplangespräch am {DATE} anwesend, {Q?die Tochter|der Sohn} nicht.",
        "Laut {P_dat} wohnt {Q_first} seit drei Wochen bei den Großeltern.",
        "Die Pflegefamilie {P_last} hat sich telefonisch unter {ANYPHONE} gemeldet.",
        "Inobhutnahme von {Q} am {DATE}, zuständig ist {S_title}.",
        "{Q_first} hat erzählt, dass {P?die Mutter|der Vater} nachts oft nicht zu Hause ist.",
        "{S_title} übernimmt ab sofort die Fallverantwortung für Familie {P_last}.",
        "Die Schule meldete, dass {Q} seit dem {DATE} nicht mehr erschienen ist.",
        "Rückruf {P_title} unter {MOBILE} wegen des Umgangs am Wochenende.",
        "Fall-Nr. {CASE_FALL}: {P}, wohnhaft {ADDR}, beantragt Hilfe nach § 27 SGB VIII.",
        "{P_first} und {Q_first} waren heute gemeinsam im Elterncafé.",
        "Beim Familiengericht ist das Verfahren unter dem Aktenzeichen {CASE_COURT} anhängig.",
        "{Q_gen} Zimmer ist zu klein, die Familie sucht eine größere Wohnung.",
        "Die Kita-Leitung, {S_title}, bittet um ein Gespräch mit {P_dat}.",
        "Vermerk: {P_comma}, geb. {DOB}, zwei Kinder, alleinerziehend.",
        "Vorgang {CASE_FALL} ({P_title}) wird an die Wirtschaftliche Jugendhilfe abgegeben.",
        "{Q_first_gen} Schulbegleitung wurde bis zum Ende des Schuljahres verlängert.",
        "{P_first_gen} Mutter hat heute zweimal in der Wohngruppe angerufen.",
    ],
    "care": [
        "{P_title}, geb. {DOB}, ist seit dem {DATE} in Pflegegrad 3 eingestuft.",
        "{Q?Die Tochter|Der Sohn} von {P_dat}, {Q}, ist unter {ANYPHONE} erreichbar.",
        "Bewohner{P?in|} {P} hat heute das Frühstück verweigert und klagte über Schwindel.",
        "{P_title_gen} Medikamente wurden von {S_dat} neu gestellt.",
        "Versichertennummer von {P_dat}: {KVNR}.",
        "Sturzprotokoll {P_comma}, Zimmer 14, Sturz am {DATE} gegen 6 Uhr.",
        "{P_initial} erhielt die Wundversorgung durch {S}.",
        "Angehörigengespräch mit {Q_dat} ({Q?Tochter|Sohn}) wegen der Heimkosten.",
        "{S_title} hat die Schicht mit {P_dat} getauscht, Rückfragen an {EMAIL_S}.",
        "Die Krankenversichertennummer {KVNR} von {P} wurde im Pflegebericht korrigiert.",
        "{P_first} hat nachts geklingelt, weil {P?sie|er} Schmerzen im Knie hatte.",
        "Der Pflegedienst fährt {P_dat} ab {DATE} auch zur Dialyse in der {STREET}.",
        "Neue Adresse von {P_dat}: {ADDR}.",
        "{Q?Betreuerin|Betreuer} von {P_dat} ist {Q}, Telefon {PHONE}.",
        "Überleitungsbogen für {P}, geboren am {DOB}, an das Krankenhaus geschickt.",
        "Die Versichertenkarte von {P_dat} mit der Nummer {KVNR} ist abgelaufen.",
        "Rentenversicherungsnummer {RVNR}, Krankenversichertennummer {KVNR}: beides für {P_dat} im System ergänzt.",
        "Angehörige{Q?|r} {Q} kommt mit dem Auto, Kennzeichen {KFZ}, zur Besuchszeit.",
    ],
    "disability": [
        "{P_title} (Werkstatt für Menschen mit Behinderung) war heute krank gemeldet.",
        "Teilhabeplan für {P}, geb. {DOB}, wurde mit {S_dat} besprochen.",
        "{P?Die Betreute|Der Betreute} {P_first} möchte in eine eigene Wohnung ziehen.",
        "{Q?Gesetzliche Betreuerin|Gesetzlicher Betreuer} von {P_dat} ist {Q_title}, Tel. {ANYPHONE}.",
        "{P_title_gen} Persönliches Budget wird ab {DATE} über das Konto {IBAN} ausgezahlt.",
        "Assistenzbedarf {P_comma}: 12 Stunden pro Woche, Kostenträger ist der Bezirk.",
        "Mit {P_dat} wurde der Antrag auf Eingliederungshilfe ausgefüllt, Az. {CASE_AZ}.",
        "Der Fahrdienst holt {P} künftig in der {STREET} ab.",
        "{S_title} begleitet {P_dat} am {DATE} zur Ärztin.",
        "Die Rentenversicherungsnummer {RVNR} gehört zu {P_dat}.",
        "{P_first} freut sich auf den Ausflug mit {S_first}.",
        "Klient{P?in|} {P_last} hat im Wohnheim Streit mit einem Mitbewohner gehabt.",
        "Beim Teilhabegespräch sagte {P_first}, dass {P?sie|er} gern im Garten arbeiten möchte.",
        "Das Kennzeichen des Fahrdienstes für {P_dat} ist {KFZ}.",
        "Sozialversicherungsnummer {P_title}: {RVNR}.",
        "Für den Werkstattvertrag von {P_dat} fehlen noch RV-Nr. {RVNR} und Steuer-ID {STID}.",
        "{P} (KVNR {KVNR}) hat einen neuen Rollstuhl beantragt.",
        "Die Grundsicherung für {P_dat} wird auf {IBAN} überwiesen, Rentenversicherungsnummer {RVNR}.",
        "{P_title} parkt mit dem Kennzeichen {KFZ} auf dem Behindertenparkplatz.",
    ],
    "debt": [
        "{P_title}, Kd.-Nr. {CASE_KD}, hat Schulden bei drei Inkassobüros.",
        "Pfändungsschutzkonto von {P}: {IBAN}.",
        "Die Steuer-ID von {P_dat} lautet {STID}.",
        "Schuldnerberatung: {P_comma}, geb. {DOB}, Gesamtschulden 23.400 Euro.",
        "{P_title_gen} Vermieter droht mit Kündigung wegen zwei Monatsmieten Rückstand.",
        "Der Gerichtsvollzieher war am {DATE} bei {P_dat} in der {STREET}.",
        "{P} bezieht Bürgergeld, BG-Nummer {JOBCENTER_NR}.",
        "Für {P_dat} wurde eine P-Konto-Bescheinigung ausgestellt, IBAN {IBAN}.",
        "Das Auto von {P_dat} mit dem Kennzeichen {KFZ} wurde gepfändet.",
        "{P_first} hat die Unterlagen zur Insolvenz noch nicht vollständig eingereicht.",
        "Die Steueridentifikationsnummer {STID} fehlt im Antrag von {P_dat}.",
        "Ratenzahlung vereinbart: {P_title} überweist monatlich 50 Euro von {IBAN}.",
        "Jobcenter-Kundennummer von {P_dat}: {JOBCENTER_NR}.",
        "{P_title} und {P?ihr|sein} Partner {Q} haben gemeinsam einen Kredit aufgenommen.",
        "Rückmeldung von {P_dat} per Mail an {EMAIL_P}: Die Mahnung ist angekommen.",
        "Für den Antrag auf Kindergeld braucht die Familienkasse die Steuer-ID {STID} von {Q_first}.",
        "{P_title} hat {P?ihre|seine} Steuer-Identifikationsnummer {STID} und die RV-Nummer {RVNR} mitgebracht.",
        "Rentenbescheid für {P}, Versicherungsnummer {RVNR}, liegt vor.",
        "Das Fahrzeug {KFZ} ist auf {P_dat} zugelassen und nicht pfändbar, weil es für die Arbeit gebraucht wird.",
        "Identifikationsnummer laut Steuerbescheid: {STID}.",
        "Unterlagen {P_comma}: Steuer-ID {STID}, KVNR {KVNR}, IBAN {IBAN}.",
    ],
}

CHAT_QUESTIONS: dict[str, list[str]] = {
    "youth": [
        "Wie formuliere ich einen Hilfeplan für {Q_first} ({Q_age} Jahre), {Q?deren|dessen} Mutter {P} psychisch krank ist?",
        "Kannst du mir helfen, eine Stellungnahme für das Familiengericht zu {Q} zu schreiben?",
        "Fasse bitte das Gespräch mit {P_dat} vom {DATE} in drei Sätzen zusammen.",
        "Schreib eine Einladung zum Hilfeplangespräch an {P_dat}, {ADDR}.",
        "Ist es eine Kindeswohlgefährdung, wenn {Q_first} oft ohne Frühstück in die Schule kommt?",
        "Was muss in den Bericht über {P_title_gen} {Q?Tochter|Sohn} {Q_first}?",
    ],
    "care": [
        "Formuliere einen Pflegebericht für {P_dat}, geb. {DOB}, mit Sturzrisiko.",
        "Welche Leistungen stehen {P_dat} mit Pflegegrad 2 zu?",
        "Schreib der Tochter von {P_dat} ({EMAIL_P}), dass der Heimplatz frei ist.",
        "Wie erkläre ich {P_dat}, dass die Kurzzeitpflege nicht verlängert wird?",
        "Mach mir einen Dienstplan, in dem {S_first} und {Q_first} nicht zusammen Nachtdienst haben.",
    ],
    "disability": [
        "Wie beantrage ich ein Persönliches Budget für {P}, geb. {DOB}?",
        "Schreib in Leichter Sprache an {P_dat}, dass der Termin am {DATE} ausfällt.",
        "Was schreibe ich in den Entwicklungsbericht von {P_first}?",
        "Formuliere eine Mail an {Q_dat} ({Q?Betreuerin|Betreuer} von {P_first}), Tel. {ANYPHONE}.",
    ],
    "debt": [
        "Wie hoch ist der Pfändungsfreibetrag für {P_dat} mit zwei Kindern?",
        "Schreib ein Anschreiben an die Gläubiger von {P}, wohnhaft {ADDR}.",
        "Prüfe bitte, ob die IBAN {IBAN} von {P_dat} richtig ist.",
        "Kann {P_title} mit der Steuer-ID {STID} {P?ihre|seine} Steuererklärung online machen?",
        "Formuliere einen Antrag auf Ratenzahlung für {P}, Kundennummer {CASE_KD}.",
        "Die RV-Nummer von {P_dat} ist {RVNR}, wo trage ich die im Antrag ein?",
    ],
    "general": [
        "Bitte übersetze das Schreiben an {P_dat} ins Türkische.",
        "Korrigiere den Text: {P_title} hat am {DATE} angerufen und bittet um Rückruf unter {ANYPHONE}.",
        "Wie kann ich {S_dat} freundlich sagen, dass die Vorlage falsch war?",
        "Schreib eine kurze Notiz, dass {P} nicht zum Termin erschienen ist.",
        "Was bedeutet es, wenn {P_title} keinen Aufenthaltstitel mehr hat?",
    ],
}

# Sentences usually typed in lower case in a chat ("gespräch mit frau demir")
LOWER_CHAT = [
    "gespräch mit {P_dat} heute, {P?sie|er} braucht hilfe beim antrag",
    "kannst du eine mail an {P_dat} schreiben wegen dem termin am {DATE}",
    "{P_first} hat wieder nicht gegessen, was soll ich in die doku schreiben",
    "bitte zusammenfassen: {P_title} ruft an unter {MOBILE}, will rückruf",
    "{P} wohnt jetzt in der {STREET}, brief dahin schicken",
    "wie schreib ich dem jugendamt dass {Q_first} bei {P_dat} bleiben soll",
    "hilfe bei stellungnahme für {P}, geb {DOB}",
    "mail von {P_dat} an {EMAIL_P} weiterleiten an {S_first}",
    "{P_title_gen} iban ist {IBAN}, stimmt die",
    "kennzeichen {KFZ} gehört zu {P_dat}, parkausweis beantragen",
]

EMAILS = [
    "Sehr geehrte{P?|r} {P_title},\nanbei erhalten Sie den Bescheid zu Ihrem Antrag (Az. {CASE_AZ}).\nMit freundlichen Grüßen\n{S}",
    "Hallo {S_first},\n{P_title} hat heute angerufen ({ANYPHONE}) und bittet um einen Termin.\nViele Grüße\n{Q_first}",
    "Liebe{S?|r} {S_first},\nkannst du die Unterlagen von {P} ({ADDR}) bis {DATE} prüfen?\nDanke, {Q_first}",
    "Guten Tag {P_title},\nbitte überweisen Sie die Rate auf unser Konto, Ihre IBAN {IBAN} ist bei uns hinterlegt.\nIhre Schuldnerberatung",
    "Von: {EMAIL_S}\nAn: {EMAIL_P}\nBetreff: Termin am {DATE}\nGuten Tag {P_title}, der Termin findet statt.",
    "Sehr geehrte Damen und Herren,\nfür {P}, geb. {DOB}, KVNR {KVNR}, beantragen wir die Kostenübernahme.\nMit freundlichen Grüßen\n{S_initial}",
]

# --- sentences without PII: many capitalised nouns, numbers and legal references --------------
NO_PII_FIXED = [
    "Der Antrag auf Hilfe zur Erziehung wurde vom Jugendamt bewilligt.",
    "Die Schuldnerberatung bietet jeden Dienstag eine offene Sprechstunde an.",
    "Nach § 35a SGB VIII besteht ein Anspruch auf Eingliederungshilfe für seelisch behinderte Kinder.",
    "Der Regelsatz für Alleinstehende beträgt seit Januar 563 Euro im Monat.",
    "Die Pflegekasse übernimmt bei Pflegegrad 2 bis zu 796 Euro für Sachleistungen.",
    "Der Medizinische Dienst kommt zur Begutachtung in die Wohnung.",
    "Die Teamsitzung findet um 14:30 Uhr in Raum 2.14 statt.",
    "Bitte die Vorlage für den Entwicklungsbericht im Ordner Qualitätsmanagement ablegen.",
    "Der Datenschutzbeauftragte hat die neue Richtlinie zur Aktenführung freigegeben.",
    "Die Mutter hat angerufen und den Termin abgesagt.",
    "Der Vater kommt morgen mit dem Sohn zur Beratung.",
    "Die Klientin war pünktlich und gut vorbereitet.",
    "Der Betreuer hat die Unterlagen vollständig eingereicht.",
    "Die Bewohnerin aus Zimmer 12 braucht Unterstützung beim Essen.",
    "Frau Doktor hat die Visite auf Donnerstag verschoben.",
    "Das Landratsamt verlangt eine Bescheinigung über das Einkommen der letzten drei Monate.",
    "Im Hilfeplan werden Ziele, Maßnahmen und Zuständigkeiten festgehalten.",
    "Die Werkstatt für Menschen mit Behinderung schließt zwischen Weihnachten und Neujahr.",
    "Die Pfändungsfreigrenze steigt im Sommer wieder an.",
    "Für die Kostenübernahme braucht das Sozialamt eine ärztliche Stellungnahme.",
    "Das Familiengericht hat eine Anhörung angesetzt.",
    "Die Heimaufsicht prüft im Herbst die Personalausstattung.",
    "Eine Kindeswohlgefährdung wird immer im Vier-Augen-Prinzip eingeschätzt.",
    "Mit der Insolvenzordnung kann nach drei Jahren die Restschuldbefreiung erteilt werden.",
    "Die Fachberatung Gewaltschutz ist unter der Nummer des Hilfetelefons erreichbar.",
    "Der Gesamtplan nach dem Bundesteilhabegesetz wird jährlich fortgeschrieben.",
    "Die Verhinderungspflege kann bis zu sechs Wochen im Jahr genutzt werden.",
    "Der Zuschuss für Klassenfahrten wird über Bildung und Teilhabe beantragt.",
    "Die Einrichtung hat 24 Plätze im stationären Wohnen und 8 Plätze im Trainingswohnen.",
    "Die Supervision für das Team ist jeden zweiten Montag.",
    "Laut Dienstanweisung werden Gesprächsnotizen innerhalb von 48 Stunden dokumentiert.",
    "Die Krankenkasse hat den Rollstuhl nach Widerspruch doch genehmigt.",
    "Der Kinder- und Jugendnotdienst ist rund um die Uhr besetzt.",
    "Das Jobcenter verlangt Kontoauszüge der letzten drei Monate.",
    "Die Wohngeldstelle braucht den aktuellen Mietvertrag und die Nebenkostenabrechnung.",
    "Die Tagespflege hat montags bis freitags von 8 bis 16 Uhr geöffnet.",
    "Der Elternabend in der Kita beginnt um 19 Uhr.",
    "Die Schulbegleitung wird vom Träger der Eingliederungshilfe finanziert.",
    "Die Beratungsstelle ist über die Feiertage geschlossen.",
    "Der Hausnotruf wurde in der Nacht zweimal ausgelöst.",
    "Pflegegrad, Pflegestufe und Pflegebedürftigkeit werden im Infoblatt erklärt.",
    "Für den Wohnberechtigungsschein zählt das Einkommen aller Haushaltsmitglieder.",
    "Das Bundesteilhabegesetz trennt Fachleistungen von existenzsichernden Leistungen.",
    "Die Stiftung fördert Projekte der Offenen Kinder- und Jugendarbeit.",
    "Im Stadtteilzentrum gibt es dienstags eine Hausaufgabenhilfe.",
    "Die Mitarbeitervertretung muss der neuen Dienstvereinbarung zustimmen.",
    "Die Fortbildung zum Thema Traumapädagogik ist ausgebucht.",
    "Das Amtsgericht hat die Betreuung um weitere sieben Jahre verlängert.",
    "Die Hilfe für junge Volljährige kann bis zum 21. Lebensjahr gewährt werden.",
    "Die Ambulante Pflege rechnet nach Leistungskomplexen ab.",
    "Im August beginnt das neue Ausbildungsjahr in der Werkstatt.",
    "Im Mai ist die Einrichtung wegen der Renovierung nur eingeschränkt erreichbar.",
    "Frau Doktor und Herr Pfarrer besuchen das Seniorenheim an Ostern.",
    "Die Rose im Garten der Wohngruppe blüht wieder.",
    "Ernst gemeint war der Hinweis der Heimaufsicht auf jeden Fall.",
    "Hoffnung gibt der Familie die Zusage für die neue Wohnung.",
    "gespräch mit der mutter war gut, sie kommt nächste woche wieder",
    "kannst du mir eine vorlage für einen hilfeplan schreiben",
    "wie beantrage ich pflegegrad 3 für eine bewohnerin",
    "was ist der unterschied zwischen schuldnerberatung und insolvenzberatung",
]

# Combinatorial sentences without PII
NO_PII_SUBJECTS = [
    "Der Antrag auf Eingliederungshilfe", "Die Kostenzusage für die Schulbegleitung",
    "Der Widerspruch gegen den Bescheid", "Die Verlängerung der Hilfe für junge Volljährige",
    "Der Antrag auf Wohngeld", "Die Anfrage der Pflegekasse", "Der Zuschuss zur Erstausstattung",
    "Die Stellungnahme der Fachkraft", "Der Entwicklungsbericht der Wohngruppe",
    "Die Meldung nach § 8a SGB VIII", "Der Antrag auf Verhinderungspflege",
    "Der Vergleichsvorschlag an die Gläubiger", "Die Bescheinigung für das P-Konto",
    "Der Antrag auf Kinderzuschlag", "Die Kündigung des Stromvertrags",
    "Der Antrag auf Kostenübernahme für die Tagesgruppe", "Die Anfrage zur Kurzzeitpflege",
    "Die Beschwerde über den Fahrdienst", "Der Bericht zur Hilfeplanfortschreibung",
    "Die Abrechnung der Fachleistungsstunden",
]  # fmt: skip
NO_PII_AGENTS = [
    "vom Jugendamt", "von der Pflegekasse", "vom Sozialamt", "vom Jobcenter",
    "von der Krankenkasse", "vom Bezirk", "vom Landschaftsverband", "von der Familienkasse",
    "von der Wohngeldstelle", "vom Amtsgericht", "von der Heimaufsicht", "vom Träger",
    "von der Bereichsleitung", "von der Geschäftsführung", "vom Medizinischen Dienst",
]  # fmt: skip
NO_PII_VERBS = [
    "bewilligt", "abgelehnt", "geprüft", "weitergeleitet", "zurückgeschickt", "angefordert",
    "bearbeitet", "genehmigt", "beanstandet", "nachgefordert",
]  # fmt: skip
NO_PII_TAILS = [
    "", " und muss bis Monatsende ergänzt werden", ", eine Rückmeldung folgt in zwei Wochen",
    ", der Bescheid liegt in der Akte", ", bitte im Teamgespräch besprechen",
    " und wird im Qualitätszirkel ausgewertet", ", die Frist beträgt einen Monat",
]  # fmt: skip
