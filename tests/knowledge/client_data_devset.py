# ruff: noqa: E501 - one snippet a line, as a social worker would paste it
"""Development set of the curation check (issue 18): short snippets a social worker might paste into a
guideline by mistake (must block) and organisational text that must not block.

Written by hand for this check, independent of the benchmark's notes in ``bench/data/curation``; all
people, numbers and places are invented. Each snippet is embedded into an ordinary guideline document by
:func:`tests.knowledge.test_client_data_devset.embedded` the way an upload reaches the check (parser,
chunker, guardrail).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Snippet:
    kind: str
    text: str
    blocks: bool
    known_gap: str = ""  # why the check still misses it (the test expects the miss, strictly)


def _client(kind: str, text: str, known_gap: str = "") -> Snippet:
    return Snippet(kind, text, True, known_gap)


def _org(kind: str, text: str) -> Snippet:
    return Snippet(kind, text, False)


CLIENT = [
    # team chats (Teams, Signal, WhatsApp), often lower case
    _client("team_chat", "[09:14] Sandra K.: hat jemand heute mit Frau Öztürk telefoniert? Sie hat wieder wegen der Stromrechnung angerufen, ich ruf sie nach der Teamsitzung zurück"),
    _client("team_chat", "Jonas: kann jemand morgen den Termin bei Familie Nowak übernehmen? bin krank. die kleine Zofia braucht noch die Unterschrift für die Klassenfahrt"),
    _client("team_chat", "hey, kurze info: mehmet war gestern wieder nicht in der schule, mutter geht nicht ans telefon. meld mich später"),
    _client("team_chat", "@Lea kannst du bei Ahmad Haidari nachhaken ob die Duldung verlängert wurde? Termin Ausländerbehörde ist am Donnerstag"),
    _client("team_chat", "Mareike 10:32: Tran Van Minh hat seinen Schlüssel wieder verloren, Ersatz bestellt, zahlt er in Raten ab"),
    _client("team_chat", "nur zur info – bei olena ist der mann wieder aufgetaucht, sie hat angst und übernachtet heute bei ihrer schwester"),
    _client("team_chat", "Signal von Kai: Kofi Mensah sitzt seit heute früh in U-Haft, Anwalt informiert, Kinder sind bei der Tante"),
    _client("team_chat", "Wer hat Lust auf Pizza? Ach und: Herr Kowalczyk hat abgesagt, sein Sohn liegt im Krankenhaus"),
    _client("team_chat", "Schneider, Laura 09:41\nMoin! Kann jemand heute Nachmittag bei Herrn Haddad vorbeischauen? Ich schaffe es nicht, der Sozialdienst ist informiert."),
    _client("team_chat", "Tobias Berger (Ambulante Hilfen): Frau Lewandowska ist heute nicht zum Gespräch gekommen, ich versuch es morgen nochmal. @Kerstin kannst du bitte übernehmen?"),
    _client("team_chat", "Bianca, Teamleitung: Denkt bitte dran, dass Herr Adeyemi ab Montag in der Tagesklinik ist, keine Hausbesuche bis auf Weiteres.",
            known_gap="the sender's role word 'Teamleitung' is nearer than any client word"),
    _client("team_chat", "Kurze Frage ins Team: weiß jemand, ob Dragan Petrović inzwischen eine neue Wohnung gefunden hat? Sein Mietvertrag läuft Ende des Monats aus."),
    _client("team_chat", "Kerstin Vogel 14:22 – Info: Frau Celik hat die Unterlagen für die Kita-Anmeldung ihrer Tochter vergessen, bringt sie Donnerstag vorbei."),
    # night-shift handovers
    _client("handover", "Übergabe Nachtdienst 22–6 Uhr: Zi. 12 Herr Brandt unruhig, 2x aufgestanden, Bedarfsmedikation gegeben. Zi. 14 Frau Yıldız schläft durch."),
    _client("handover", "Nachtdienst: Marcel (WG 2) kam um 1:30 alkoholisiert zurück, Gespräch morgen mit Bezugsbetreuerin. Dennis und Luca ruhig."),
    _client("handover", "Übergabe an Frühdienst – Amira hat nachts viel geweint, wollte mit ihrer Mama telefonieren, hat nicht geklappt. Bitte im Blick behalten."),
    _client("handover", "Nachtbericht 14./15.03.: Bewohner Herbert Lindemann gegen 3 Uhr gestürzt, keine sichtbaren Verletzungen, Angehörige (Tochter) morgens informieren."),
    _client("handover", "Schichtübergabe: Fatou (Zi. 7) hat Fieber 38,9, Arzt für morgen angefragt. Svetlana hat ihr Zimmer nicht aufgeräumt, Konsequenz besprochen."),
    _client("handover", "ND: alles ruhig bis auf Zimmer 3 – Hr. Wiśniewski hat nach seiner Frau gerufen, beruhigt, um 4 wieder eingeschlafen"),
    # school e-mails
    _client("school_mail", "Sehr geehrte Damen und Herren, leider fehlt Leon Schubert aus der 7b seit zwei Wochen unentschuldigt. Die Eltern sind nicht erreichbar. Mit freundlichen Grüßen, Klassenlehrerin"),
    _client("school_mail", "Von: sekretariat@gs-am-park.de – Betreff: Yusuf Demir, Klasse 3a. Yusuf kam heute erneut ohne Frühstück und mit blauem Fleck am Arm. Wir bitten um Rückruf."),
    _client("school_mail", "Liebe Frau Becker, Mia hat sich im Unterricht deutlich verbessert, nur im Sport zieht sie sich weiter zurück. Können wir das beim Elterngespräch am 12.5. ansprechen?"),
    _client("school_mail", "Hallo zusammen, die Schulbegleitung für Noah Krüger endet zum Halbjahr, die Mutter hat den Folgeantrag noch nicht gestellt. Gruß, Förderschullehrerin Hahn"),
    _client("school_mail", "Info der Schule: Ayşe Kaplan (9c) hat heute erzählt, dass der Vater sie schlägt. Schulleitung hat den ASD eingeschaltet."),
    # callback notes
    _client("callback", "Rückruf erbeten: Frau Nguyen Thi Lan, wegen Kita-Platz für ihren Sohn, ab 15 Uhr erreichbar."),
    _client("callback", "Telefonnotiz 11.04.: Herr Abubakar hat angerufen, der Strom wird nächste Woche abgestellt, bittet dringend um Rückruf."),
    _client("callback", "RR Frau Szymańska – Termin beim Jobcenter verschoben auf Dienstag, braucht Begleitung"),
    _client("callback", "Anruf von Oma Gisela (Großmutter von Finn), will wissen wann Finn wieder nach Hause darf. Bitte zurückrufen."),
    _client("callback", "Rückrufbitte: Herr Petrenko – Vermieter hat gekündigt, Räumung im Juni angekündigt."),
    _client("callback", "Bitte Herrn Mwangi zurückrufen, er hat Fragen zur Nebenkostenabrechnung, Handy siehe Akte."),
    _client("callback", "Frau Bešić bittet um Rückruf bis Freitag: Die Krankenkasse hat die Kur abgelehnt."),
    _client("callback", "Anruferin: Frau Öztürk-Schulze, 15:40, möchte wissen, ob der Antrag schon bearbeitet ist. Bitte bis morgen melden."),
    _client("callback", "Tel.-Notiz 09.03.: Vermieterin von Fr. Adomako meldet Wasserschaden, Frau Adomako selbst nicht erreichbar, RR an Frau Adomako."),
    _client("callback", "Bitte zurückmelden bei Vesna Marković, 0157 22334455, es geht um die Unterlagen für die Kita.",
            known_gap="'Kita' makes the mobile number an office line; no client word near the name"),
    # voice memos
    _client("voice_memo", "Sprachmemo Hausbesuch: also ich war heute bei Frau Hoffmann, die Wohnung war sehr vermüllt, der Hund war nicht versorgt, sie selber wirkte verwirrt, ich schlag vor dass wir nächste Woche nochmal hin"),
    _client("voice_memo", "Diktat: Gespräch mit Dariusz, er sagt er hat seit drei Wochen nichts getrunken, will in die Entgiftung, wartet auf den Platz in der Klinik"),
    _client("voice_memo", "memo: termin mit kemal und seiner freundin, beide wollen zusammenziehen, wohnung in der nordstadt angeschaut, jobcenter muss noch zustimmen"),
    _client("voice_memo", "Transkript Sprachnachricht: Ja hallo, hier ist nochmal die Oksana, ich wollte nur sagen dass ich morgen nicht kommen kann, mein Kind ist krank"),
    # benefits
    _client("benefits", "Bürgergeld Familie Al-Khatib: Bescheid vom März falsch berechnet, Mehrbedarf für Schwangerschaft fehlt, Widerspruch bis 30.04."),
    _client("benefits", "Wohngeldantrag von Herrn Schmitz abgelehnt, Einkommen knapp über der Grenze, wir prüfen Kinderzuschlag"),
    _client("benefits", "Jobcenter hat Frau Adeyemi sanktioniert (30 %), weil sie den Termin am 02.02. verpasst hat – sie war im Krankenhaus."),
    _client("benefits", "Bei Familie Pham ist der Weiterbewilligungsantrag liegen geblieben, seit Januar kein Geld, Miete zwei Monate offen"),
    _client("benefits", "BuT-Antrag für Ali und Zeynep gestellt (Schulbedarf, Mittagessen), Bewilligung steht noch aus"),
    _client("benefits", "Herr Baranowski bekommt seit Oktober Grundsicherung, die Rente reicht nicht, Antrag auf Schwerbehindertenausweis läuft"),
    # family court / youth office
    _client("family_court", "Familiengericht, Verhandlung 18.06.: Umgang des Vaters mit Lina und Paul wird ausgesetzt, Verfahrensbeistand Frau Roth."),
    _client("family_court", "Jugendamt (ASD) Herr Keller: Inobhutnahme von Jamal am Freitag, Unterbringung in Bereitschaftspflege"),
    _client("family_court", "Stellungnahme für das Familiengericht: Die Kindesmutter, Frau Ivanova, ist aus unserer Sicht erziehungsfähig."),
    _client("family_court", "§ 8a-Meldung zu Emily (5 J.), Hinweise auf Vernachlässigung, Gespräch mit den Eltern am Montag"),
    _client("family_court", "Sorgerechtsverfahren Okafor: Vater will das Aufenthaltsbestimmungsrecht, Anhörung der Kinder Chidi und Ada geplant"),
    # chat transcripts
    _client("chat_transcript", "Chatverlauf Onlineberatung\nUser123: ich halt das nicht mehr aus\nBeraterin: Magst du mir sagen, wie du heißt?\nUser123: ich bin lea, 14, wohne bei meinem stiefvater"),
    _client("chat_transcript", "WhatsApp 21:47 Ramona: kannst du morgen kommen? der kevin hat wieder stress gemacht und die polizei war da"),
    _client("chat_transcript", "Kunde (Herr Yilmaz): Wann bekomme ich mein Geld?\nSachbearbeitung: Ihr Antrag wird geprüft."),
    _client("chat_transcript", "Protokoll Onlinechat 12.02.\nJenny: hi bin ich hier richtig\nBeraterin: Ja, schön dass du schreibst. Was ist los?\nJenny: meine mutter trinkt wieder und ich will da nicht mehr wohnen"),
    _client("contact_table", "| Name | Telefon | Bemerkung |\n|---|---|---|\n| Frau Kaya | 0176 1234567 | nur abends erreichbar |\n| Herr Sobczak | 0152 7654321 | spricht wenig Deutsch |"),
    # lists of residents
    _client("resident_list", "Zimmer 101 – Erika Hansen\nZimmer 102 – Walter Krause\nZimmer 103 – Hatice Arslan\nZimmer 104 – frei"),
    _client("resident_list", "Belegung WG Lindenhof: Tim (16), Nico (15), Samira (17), Anh (16)"),
    _client("resident_list", "| Zi. | Bewohnerin | Besonderheit |\n|---|---|---|\n| 4 | Margarete Vogt | Diabetes, Insulin morgens |\n| 5 | Irena Kaminski | Sturzgefahr |"),
    # other case notes
    _client("case_note", "Verlaufsnotiz: Frau D. Mahmoud war heute mit ihren drei Kindern da, Tochter Rania braucht eine Brille, Termin beim Augenarzt vereinbart."),
    _client("case_note", "Herr Osei hat seine Arbeitsstelle verloren und kann die Miete nicht mehr zahlen."),
    _client("case_note", "Gespräch mit Bogdan und seiner Ex-Partnerin über den Umgang mit den Kindern, sehr angespannt."),
    _client("case_note", "Frau Lehmann-Şahin hat heute ihren Aufenthaltstitel erhalten und möchte jetzt einen Deutschkurs beginnen."),
    _client("case_note", "K. Wagner (Spitzname Kalle) ist wieder obdachlos, schläft am Bahnhof, hat Essensgutscheine bekommen."),
    _client("case_note", "Termin mit Frau Hussein am 14.5. um 10 Uhr wegen Schulden bei der Stadtwerke-Rechnung."),
    _client("case_note", "Hausbesuch bei Vu Thi Hoa: Kühlschrank leer, Kinder Bao und My waren allein zu Hause."),
    _client("case_note", "Zwischenbericht Hilfe zur Erziehung: Kevin-Justin hat sich in der Gruppe gut eingelebt, Kontakte zur Mutter alle 14 Tage."),
    _client("case_note", "Frau Kovač ist schwanger, 24. SSW, möchte einen Antrag bei der Stiftung Mutter und Kind stellen."),
    _client("case_note", "Mustafa kam heute völlig übermüdet zur Gruppe, erzählte von Streit zu Hause."),
]

ORGANISATION = [
    _org("contact", "Ansprechpartnerin für Fragen zum Datenschutz ist Frau Katrin Albers, Datenschutzbeauftragte, Tel. 0521 44556-120."),
    _org("contact", "Bei Rückfragen wenden Sie sich an Herrn Stefan Yıldırım (Fachbereichsleitung Hilfen zur Erziehung)."),
    _org("contact", "Koordination Ehrenamt: Aleksandra Nowicka, montags bis mittwochs im Büro."),
    _org("office_hours", "Sprechzeiten der Schuldnerberatung: Dienstag 9–12 Uhr und Donnerstag 14–17 Uhr, Termine nach Vereinbarung."),
    _org("office_hours", "Die Beratungsstelle ist vom 23.12. bis 02.01. geschlossen. In Notfällen erreichen Sie den Krisendienst."),
    _org("hotline", "Hilfetelefon Gewalt gegen Frauen: 116 016, rund um die Uhr, anonym und in 18 Sprachen."),
    _org("hotline", "Rufbereitschaft der Leitung am Wochenende über das Diensthandy 0171 2233445."),
    _org("staff_list", "Team Ambulante Hilfen:\n- Julia Brandt, Teamleitung\n- Mehmet Aydın, Sozialpädagoge\n- Nguyen Van Duc, Erzieher\n- Olga Schewtschenko, Verwaltung"),
    _org("staff_list", "| Funktion | Name | Durchwahl |\n|---|---|---|\n| Leitung | Dr. Hannah Vogel | -10 |\n| Stellvertretung | Kwame Asante | -11 |\n| Sekretariat | Petra Roth | -12 |"),
    _org("imprint", "Impressum: Diakonisches Werk Nordheide e.V., Am Markt 4, 21244 Buchholz. Vertreten durch den Vorstand Pfarrer Martin Ebeling. Registergericht Tostedt VR 1234."),
    _org("imprint", "Verantwortlich im Sinne des Presserechts: Sabine Wolter, Referentin für Öffentlichkeitsarbeit."),
    _org("example", "Beispiel: Die Klientin berichtet im Erstgespräch von Mietschulden. Die Beraterin klärt zuerst, ob eine Räumungsklage droht."),
    _org("example", "Wenn ein Kind von Gewalt zu Hause erzählt, dokumentieren Sie die Aussage wörtlich und informieren die Leitung."),
    _org("example", "Fallbeispiel (Name geändert): Frau S. ist alleinerziehend und hat zwei Kinder. Sie bezieht Bürgergeld."),
    _org("procedure", "Bei Verdacht auf Kindeswohlgefährdung wird die insoweit erfahrene Fachkraft hinzugezogen; die Gefährdungseinschätzung erfolgt im Vier-Augen-Prinzip."),
    _org("procedure", "Übergaben im Nachtdienst werden im Übergabebuch dokumentiert; Namen der Bewohnerinnen und Bewohner werden nur mit Zimmernummer genannt."),
    _org("procedure", "Anträge auf Wohngeld stellen Ratsuchende bei der Wohngeldstelle der Stadt; wir helfen beim Ausfüllen."),
    _org("procedure", "Chats aus der Onlineberatung werden nach 30 Tagen gelöscht. Die Beraterinnen speichern keine Verläufe lokal."),
    _org("news", "Wir begrüßen unsere neue Kollegin Fatma Özdemir, die ab 1. Mai die Leitung der Kita Sonnenblume übernimmt."),
    _org("news", "Herzlichen Dank an Herrn Jürgen Meyer, der nach 25 Jahren als Hausmeister in den Ruhestand geht."),
    _org("training", "Die Fortbildung „Gesprächsführung mit Eltern“ leitet Dipl.-Psych. Anna Lindqvist am 14. März im Gemeindehaus."),
    _org("training", "Referentin: Prof. Dr. Marta Kowalska, Hochschule Düsseldorf, spricht über Kinderrechte in der Heimerziehung."),
    _org("contact", "Für die Abrechnung mit dem Jobcenter ist Frau Lisa Hartmann in der Buchhaltung zuständig, lisa.hartmann@caritas-nordheide.de."),
    _org("contact", "Schulsozialarbeit an der Gesamtschule Süd: Tobias Reinke, Raum 104, tobias.reinke@awo-sued.de"),
]

SNIPPETS = CLIENT + ORGANISATION
