"""Texts of the fictional guideline documents of the retrieval evaluation set.

All documents are fictional and written by the SafeGPT project (Apache-2.0), like the samples in
``knowledge/samples/``. ``make_docs.py`` renders each entry into its target format.

Body markup (a small Markdown subset, so one text can become MD, HTML, TXT, DOCX and PDF):
``## `` / ``### `` headings, ``- `` bullet items, ``1. `` numbered items, ``| a | b |`` table rows
(first row is the header), ``**bold**`` inline, blank lines between paragraphs.
"""

from __future__ import annotations

DOCS: list[dict] = [
    # ------------------------------------------------------------------ 1
    {
        "file": "eingliederungshilfe-teilhabeplan.docx",
        "meta": {
            "Titel": "Eingliederungshilfe – Gesamtplan- und Teilhabeplanverfahren",
            "Version": "1.6",
            "Verantwortlich": "Bereichsleitung Teilhabe und Eingliederungshilfe",
            "Gültig bis": "2027-12-31",
            "Zielgruppe": "Eingliederungshilfe, Besondere Wohnformen, Assistenz",
        },
        "body": """
## 1. Zweck

Diese Arbeitshilfe beschreibt, wie die Fachkräfte des Sozialwerk Musterstadt e.V. Menschen mit Behinderungen im Gesamtplanverfahren nach §§ 117 ff. SGB IX und im Teilhabeplanverfahren nach §§ 19 ff. SGB IX begleiten. Ziel ist, dass die leistungsberechtigte Person ihre eigenen Wünsche und Ziele einbringt und die Leistungen der Eingliederungshilfe (Assistenz, Wohnen, Teilhabe am Arbeitsleben) passend bewilligt werden.

## 2. Begriffe

- **Gesamtplanverfahren**: Verfahren des Trägers der Eingliederungshilfe (in Musterstadt der Landkreis, Fachdienst Teilhabe) zur Ermittlung des Bedarfs und zur Planung der Leistungen.
- **Teilhabeplan**: wird erstellt, wenn mehrere Rehabilitationsträger beteiligt sind (z. B. Eingliederungshilfe und Agentur für Arbeit).
- **Bedarfsermittlung**: erfolgt mit dem landesweit einheitlichen Instrument, das sich an der ICF orientiert.
- **Gesamtplankonferenz**: Gespräch mit der leistungsberechtigten Person, dem Leistungsträger und – mit Zustimmung der Person – den Leistungserbringern.

## 3. Unsere Rolle

Das Sozialwerk ist Leistungserbringer. Wir entscheiden nicht über Leistungen. Wir unterstützen die Person dabei, ihren Bedarf zu beschreiben, und liefern auf Anforderung des Leistungsträgers einen fachlichen Entwicklungsbericht. Die Person entscheidet selbst, ob und welche Informationen wir weitergeben; dafür liegt eine schriftliche Schweigepflichtentbindung vor.

## 4. Ablauf

### 4.1 Vorbereitung

1. Spätestens **drei Monate vor Ablauf** des Bewilligungszeitraums prüft die Bezugsassistenz, ob ein Folgeantrag nötig ist, und bespricht ihn mit der Person.
2. Die Bezugsassistenz bereitet gemeinsam mit der Person den Bogen „Meine Ziele“ in Leichter Sprache vor. Die Person kann eine Vertrauensperson mitbringen.
3. Der Entwicklungsbericht wird nach der Vorlage „Entwicklungsbericht EGH“ erstellt und vor dem Versand mit der Person besprochen.

### 4.2 Gesamtplankonferenz

- Teilnahme der Bezugsassistenz nur mit Zustimmung der Person.
- Ziele werden **SMART** formuliert: spezifisch, messbar, attraktiv, realistisch, terminiert. Beispiel: „Ich fahre bis Juni allein mit dem Bus zur Werkstatt.“
- Die vereinbarten Ziele und Leistungen werden im Protokoll festgehalten; eine Kopie erhält die Person.

### 4.3 Nach der Bewilligung

- Der Bescheid wird mit der Person in verständlicher Sprache durchgesprochen.
- Die vereinbarten Ziele werden in die Assistenzplanung übernommen und in der Fachsoftware unter „Teilhabeziele“ erfasst.
- Bei Ablehnung oder Kürzung weisen wir auf die **Widerspruchsfrist von einem Monat** und auf die Ergänzende unabhängige Teilhabeberatung (EUTB) hin.

## 5. Fortschreibung

Der Gesamtplan wird in der Regel **alle zwei Jahre** überprüft, bei wesentlichen Veränderungen früher (z. B. Umzug, Wechsel der Arbeitsstelle, Verschlechterung der Gesundheit). Die Bezugsassistenz dokumentiert halbjährlich den Stand der Teilhabeziele in einer kurzen Zielauswertung.

## 6. Persönliches Budget

Personen können Leistungen als Persönliches Budget erhalten (§ 29 SGB IX). Wir beraten neutral über Vor- und Nachteile. Wird ein Budget gewählt, schließt das Sozialwerk mit der Person einen eigenen Dienstleistungsvertrag.

## 7. Dokumentation

Dokumentiert werden: Datum der Vorbereitungsgespräche, Weitergabe von Berichten (mit Datum und Empfänger), Ergebnisse der Gesamtplankonferenz, Bescheide und Widersprüche. Gesundheitsdaten werden nur weitergegeben, soweit sie für den Bedarf erforderlich sind und die Person zugestimmt hat.
""",
    },
    # ------------------------------------------------------------------ 2
    {
        "file": "schuldnerberatung-leitfaden.pdf",
        "meta": {
            "Titel": "Leitfaden Schuldner- und Insolvenzberatung",
            "Version": "2.0",
            "Verantwortlich": "Fachbereichsleitung Soziale Beratung",
            "Gültig bis": "2027-06-30",
            "Zielgruppe": "Schuldnerberatung, Soziale Beratung",
        },
        "body": """
## 1. Auftrag der Schuldnerberatung

Die Schuldner- und Insolvenzberatung des Sozialwerk Musterstadt e.V. ist eine nach Landesrecht anerkannte geeignete Stelle im Sinne von § 305 InsO. Sie berät überschuldete Privatpersonen kostenlos, vertraulich und unabhängig. Ziel ist die wirtschaftliche Stabilisierung des Haushalts und, wo möglich, die Entschuldung.

## 2. Zugang und Wartezeit

- Terminvergabe über das Servicetelefon oder die offene Sprechstunde (dienstags 9 bis 12 Uhr).
- Die Wartezeit auf ein Erstgespräch beträgt derzeit etwa sechs bis acht Wochen.
- **Krisenfälle** werden vorgezogen: drohende Wohnungsräumung, Strom- oder Gassperre, Kontopfändung ohne P-Konto. Für Krisenfälle gibt es jede Woche freigehaltene Termine.

## 3. Existenzsicherung zuerst

Bevor Schulden sortiert werden, wird die Existenz gesichert:

1. **Pfändungsschutzkonto (P-Konto)**: Jedes Girokonto kann auf Antrag innerhalb von vier Geschäftstagen in ein P-Konto umgewandelt werden. Der Grundfreibetrag ist dann vor Pfändung geschützt.
2. **P-Konto-Bescheinigung**: Für höhere Freibeträge (z. B. Unterhaltspflichten, Kindergeld) stellt die Beratungsstelle eine Bescheinigung nach § 903 ZPO aus. Vorlage und Anleitung liegen im Laufwerk der Schuldnerberatung.
3. **Miet- und Energieschulden** haben Vorrang vor allen anderen Forderungen. Bei drohender Sperre wird sofort Kontakt mit dem Versorger aufgenommen und eine Ratenzahlung angeboten; bei Mietschulden wird die Übernahme durch das Jobcenter oder Sozialamt geprüft.
4. Prüfung, ob Ansprüche auf Sozialleistungen nicht ausgeschöpft sind (Wohngeld, Kinderzuschlag, Bürgergeld).

## 4. Ablauf der Beratung

### 4.1 Erstgespräch

Im Erstgespräch werden die Lebenssituation, das Einkommen und die Ausgaben erfasst. Die Ratsuchenden bringen alle Mahnungen, Vollstreckungsbescheide, Verträge und Kontoauszüge mit. Wir erklären, dass sie ungeöffnete Post mitbringen dürfen; oft ist das der erste Schritt.

### 4.2 Haushaltsplan und Gläubigerübersicht

Gemeinsam werden ein Haushaltsplan und eine Gläubigerübersicht erstellt. Forderungen werden auf Verjährung, Berechtigung und überhöhte Inkassokosten geprüft.

### 4.3 Außergerichtliche Einigung

Mit den Gläubigern wird ein außergerichtlicher Einigungsversuch unternommen (Ratenzahlung, Vergleich, Verzicht). Scheitert er, stellt die Beratungsstelle die Bescheinigung über den gescheiterten Einigungsversuch aus.

### 4.4 Verbraucherinsolvenz

Die Verbraucherinsolvenz wird beim Amtsgericht Musterstadt beantragt. Die Restschuldbefreiung kann regulär nach **drei Jahren** erteilt werden. Während der Wohlverhaltensphase begleiten wir die Ratsuchenden auf Wunsch weiter.

## 5. Grundsätze

- Wir übernehmen keine Geldverwaltung und keine Zahlungen für Ratsuchende.
- Wir schließen keine Verträge im Namen der Ratsuchenden.
- Gläubiger erhalten nur die Daten, denen die Ratsuchenden schriftlich zugestimmt haben.
- Die Beratungsakte wird drei Jahre nach Abschluss gelöscht (siehe Richtlinie Datenschutz im Beratungsalltag).

## 6. Zusammenarbeit

Die Schuldnerberatung arbeitet eng mit der Allgemeinen Sozialen Beratung (z. B. Wohngeldanträge), der Mieterberatung und dem Jobcenter zusammen. Bei Spielsucht oder anderen Suchterkrankungen wird auf die Suchtberatung des Sozialwerks verwiesen.
""",
    },
    # ------------------------------------------------------------------ 3
    {
        "file": "hilfeplanverfahren-36.docx",
        "meta": {
            "Titel": "Hilfeplanverfahren nach § 36 SGB VIII in den Hilfen zur Erziehung",
            "Version": "2.2",
            "Verantwortlich": "Bereichsleitung Kinder- und Jugendhilfe",
            "Gültig bis": "2027-12-31",
            "Zielgruppe": "Hilfen zur Erziehung (ambulant und stationär)",
        },
        "body": """
## 1. Grundlage

Hilfen zur Erziehung werden vom Jugendamt gewährt. Nach § 36 SGB VIII entscheidet das Jugendamt im Zusammenwirken mehrerer Fachkräfte und stellt mit den Personensorgeberechtigten und dem Kind oder Jugendlichen einen **Hilfeplan** auf. Der Hilfeplan enthält den erzieherischen Bedarf, die Art der Hilfe und die notwendigen Leistungen. Er wird regelmäßig überprüft. Das Sozialwerk Musterstadt e.V. ist als freier Träger an der Aufstellung und Überprüfung beteiligt.

## 2. Beteiligung von Kindern, Jugendlichen und Eltern

- Kinder und Jugendliche werden ihrem Entwicklungsstand entsprechend beteiligt. Sie werden vor jedem Hilfeplangespräch gefragt, was sie sich wünschen, und dürfen eine Vertrauensperson mitbringen.
- Eltern werden auf ihr Wunsch- und Wahlrecht (§ 5 SGB VIII) hingewiesen.
- Für die Einladung nutzen wir die Vorlage in Leichter Sprache.

## 3. Ablauf

### 3.1 Erstes Hilfeplangespräch

Nach der Aufnahme findet innerhalb von **sechs Wochen** das erste Hilfeplangespräch beim Jugendamt statt. Die fallführende Fachkraft des Sozialwerks nimmt teil. Vereinbart werden Ziele, Umfang der Hilfe (z. B. Fachleistungsstunden pro Woche) und der Termin der nächsten Überprüfung.

### 3.2 Entwicklungsbericht

Vor jedem Fortschreibungsgespräch erstellt die fallführende Fachkraft einen **Entwicklungsbericht**. Er geht spätestens **zwei Wochen vor dem Termin** an das Jugendamt. Inhalt:

- Verlauf der Hilfe und Stand der Ziele aus dem letzten Hilfeplan,
- Entwicklung des Kindes bzw. Jugendlichen (Schule, Gesundheit, soziale Beziehungen),
- Zusammenarbeit mit den Eltern,
- Einschätzung und Empfehlung zur Fortsetzung, Änderung oder Beendigung.

Der Bericht wird vorher mit den Eltern und – altersgerecht – mit dem jungen Menschen besprochen. Abweichende Sichtweisen werden im Bericht benannt.

### 3.3 Fortschreibung

Der Hilfeplan wird in der Regel **halbjährlich** fortgeschrieben, bei stationären Hilfen mindestens einmal im Jahr. Bei wesentlichen Veränderungen (z. B. Schulwechsel, Krise, Rückführung) wird das Jugendamt sofort informiert und ein zusätzliches Gespräch angeregt.

## 4. Ziele formulieren

Ziele im Hilfeplan sollen konkret und überprüfbar sein. Statt „Die Familie soll stabiler werden“ besser: „Frau X. bringt die Kinder an mindestens vier Tagen pro Woche pünktlich zur Schule.“ Die Ziele werden in der Sprache der Familie formuliert, damit alle sie verstehen.

## 5. Verhältnis zum Kinderschutz

Das Hilfeplanverfahren ersetzt nicht das Verfahren bei Kindeswohlgefährdung. Ergeben sich während einer laufenden Hilfe gewichtige Anhaltspunkte für eine Gefährdung, gilt die Verfahrensanweisung Kinderschutz nach § 8a SGB VIII.

## 6. Beendigung der Hilfe

Eine Hilfe endet mit einem Abschlussgespräch und einem Abschlussbericht. Bei jungen Volljährigen wird rechtzeitig, mindestens ein Jahr vorher, über eine Hilfe nach § 41 SGB VIII und den Übergang (Careleaver) gesprochen.

## 7. Dokumentation

Hilfepläne, Entwicklungsberichte und Protokolle werden in der Fachsoftware in der Fallakte unter „Hilfeplanung“ abgelegt. Fristen für Berichte werden als Wiedervorlage eingetragen.
""",
    },
    # ------------------------------------------------------------------ 4
    {
        "file": "beschwerdemanagement.html",
        "meta": {
            "Titel": "Beschwerdemanagement für Klientinnen, Klienten, Angehörige und Mitarbeitende",
            "Version": "1.3",
            "Verantwortlich": "Stabsstelle Qualitätsmanagement",
            "Gültig bis": "2028-03-31",
            "Zielgruppe": "alle",
        },
        "body": """
## 1. Haltung

Beschwerden sind willkommen. Sie zeigen uns, wo wir besser werden können. Wer sich beschwert, darf dadurch keine Nachteile haben. Das gilt für Klientinnen und Klienten, Angehörige, gesetzliche Betreuerinnen und Betreuer, Kooperationspartner und Mitarbeitende.

## 2. Wege für Beschwerden

- persönlich bei jeder Mitarbeiterin und jedem Mitarbeiter,
- schriftlich mit dem **Beschwerdeformular F-30** (liegt in allen Einrichtungen aus, auch in Leichter Sprache),
- per E-Mail an beschwerde@sozialwerk-musterstadt.example,
- über die Beschwerde-Briefkästen in den Einrichtungen (werden zweimal pro Woche geleert),
- für Kinder und Jugendliche zusätzlich über die Vertrauenspersonen und die Kinderrechte-Sprechstunde in den Wohngruppen,
- anonym: Auch anonyme Beschwerden werden bearbeitet.

## 3. Bearbeitung

### 3.1 Annehmen

Wer eine Beschwerde annimmt, hört zu, bedankt sich und nimmt die Beschwerde ernst, auch wenn sie unberechtigt erscheint. Mündliche Beschwerden werden auf dem Formular F-30 festgehalten.

### 3.2 Fristen

| Schritt | Frist |
| Eingangsbestätigung an die beschwerdeführende Person | innerhalb von 3 Arbeitstagen |
| Weiterleitung an die zuständige Leitung | am selben Arbeitstag |
| Abschließende Antwort | innerhalb von 4 Wochen |
| Zwischennachricht, wenn die Klärung länger dauert | nach 4 Wochen |

### 3.3 Klären

Die zuständige Leitung klärt den Sachverhalt, spricht mit den Beteiligten und entscheidet über Maßnahmen. Lässt sich eine Beschwerde vor Ort nicht lösen, wird die Stabsstelle Qualitätsmanagement eingeschaltet.

### 3.4 Antworten

Die Antwort erfolgt schriftlich und verständlich. Sie enthält, was geklärt wurde, was sich ändert und an wen man sich wenden kann, wenn man nicht zufrieden ist (Geschäftsführung, externe Ombudsstelle der Jugendhilfe, Heimaufsicht).

## 4. Besondere Beschwerden

- Beschwerden mit Hinweisen auf **Gewalt, Übergriffe oder Kindeswohlgefährdung** werden sofort an die Leitung gegeben; es gelten das Schutzkonzept und die Verfahrensanweisung Kinderschutz.
- Beschwerden über Pflegefehler werden zusätzlich im Fehlermeldesystem erfasst.
- Beschwerden über die Geschäftsführung gehen an den Vorstand.

## 5. Auswertung

Alle Beschwerden werden anonymisiert im Beschwerderegister erfasst. Die Stabsstelle Qualitätsmanagement wertet das Register halbjährlich aus und berichtet der Geschäftsführung und den Leitungen. Wiederkehrende Themen werden in den Qualitätszirkeln bearbeitet.

## 6. Lob

Auch Lob wird erfasst und an die betroffenen Teams weitergegeben.
""",
    },
    # ------------------------------------------------------------------ 5
    {
        "file": "fortbildungsordnung.pdf",
        "meta": {
            "Titel": "Fortbildungsordnung",
            "Version": "3.1",
            "Verantwortlich": "Personalabteilung",
            "Gültig bis": "2028-12-31",
            "Zielgruppe": "alle",
        },
        "body": """
## 1. Grundsatz

Das Sozialwerk Musterstadt e.V. fördert die fachliche und persönliche Weiterentwicklung seiner Mitarbeitenden. Fortbildung ist Teil der Qualitätssicherung und dient der Bindung von Fachkräften.

## 2. Arten der Fortbildung

- **Pflichtfortbildungen**: vom Arbeitgeber angeordnet oder gesetzlich vorgeschrieben (z. B. Erste Hilfe, Brandschutz, Hygiene, Kinderschutz-Grundschulung, Datenschutz-Unterweisung, Expertenstandards in der Pflege). Sie gelten vollständig als Arbeitszeit, die Kosten trägt das Sozialwerk.
- **Fachliche Fortbildungen**: auf Wunsch der Mitarbeitenden mit Bezug zur Tätigkeit.
- **Weiterbildungen** mit Abschluss (z. B. Praxisanleitung, Wohnbereichsleitung, systemische Beratung, insoweit erfahrene Fachkraft).
- **Inhouse-Schulungen** aus dem jährlichen internen Fortbildungsprogramm.

## 3. Budget und Anspruch

Jede vollzeitbeschäftigte Person hat Anspruch auf **fünf Fortbildungstage pro Kalenderjahr**, Teilzeitkräfte anteilig. Jede Einrichtung hat ein eigenes Fortbildungsbudget. Über die Verteilung entscheidet die Leitung nach den Fortbildungsbedarfen aus den Jahresgesprächen.

## 4. Antrag

1. Der **Fortbildungsantrag F-15** wird spätestens **sechs Wochen vor Beginn** bei der direkten Leitung eingereicht (Intranet, Formulare > Personal).
2. Die Leitung entscheidet innerhalb von zwei Wochen und gibt den Antrag an die Personalabteilung weiter.
3. Die Anmeldung beim Bildungsträger erfolgt erst nach Genehmigung. Wer sich vorher selbst anmeldet, trägt das Kostenrisiko.
4. Für die Reise zur Fortbildung ist zusätzlich der Dienstreiseantrag F-07 nötig (siehe Reisekostenrichtlinie). Beide Anträge können gemeinsam eingereicht werden.

## 5. Kosten und Arbeitszeit

- Genehmigte fachliche Fortbildungen: Das Sozialwerk übernimmt die Teilnahmegebühren und Reisekosten. Die Fortbildungszeit gilt als Arbeitszeit, höchstens jedoch die tägliche Sollarbeitszeit.
- Fortbildungen an freien Tagen werden als Arbeitszeit gutgeschrieben, wenn sie vorher genehmigt wurden.
- Für Online-Fortbildungen gilt dasselbe wie für Präsenzfortbildungen.

## 6. Rückzahlungsvereinbarung

Für Weiterbildungen mit Kosten über **2.000 Euro** wird vor Beginn eine Rückzahlungsvereinbarung geschlossen. Verlässt die Person das Sozialwerk auf eigenen Wunsch innerhalb von 24 Monaten nach Abschluss, werden die Kosten anteilig zurückgezahlt (für jeden vollen Monat der Bindungsdauer verringert sich der Betrag um 1/24). Ohne unterschriebene Vereinbarung vor Beginn entfällt die Rückzahlung.

## 7. Bildungsurlaub

Unabhängig von dieser Ordnung besteht der gesetzliche Anspruch auf Bildungsurlaub nach dem Bildungsfreistellungsgesetz des Landes (fünf Arbeitstage pro Jahr bzw. zehn Tage in zwei Jahren). Bildungsurlaub wird mindestens sechs Wochen vorher über den Urlaubsantrag beantragt.

## 8. Nach der Fortbildung

- Die Teilnahmebescheinigung geht innerhalb von zwei Wochen an die Personalabteilung und kommt in die Personalakte.
- Wichtige Inhalte werden in der nächsten Teamsitzung kurz vorgestellt.
- Pflichtfortbildungen werden in der Schulungsübersicht der Einrichtung eingetragen; die Leitung achtet auf die Fristen für Auffrischungen.
""",
    },
    # ------------------------------------------------------------------ 6
    {
        "file": "arbeitszeit-ueberstunden.md",
        "meta": {
            "Titel": "Arbeitszeit, Gleitzeit und Überstunden",
            "Version": "2.4",
            "Verantwortlich": "Personalabteilung",
            "Gültig bis": "2027-12-31",
            "Zielgruppe": "alle (für Pflege ergänzend: Dienstplan und Schichtübergabe)",
        },
        "body": """
## 1. Geltungsbereich

Diese Richtlinie gilt für alle Mitarbeitenden des Sozialwerk Musterstadt e.V. Sie setzt die Betriebsvereinbarung Arbeitszeit um. Für Bereiche mit Schichtdienst (Pflege, stationäre Jugendhilfe) gelten ergänzend die Regeln zur Dienstplanung.

## 2. Regelmäßige Arbeitszeit

Die regelmäßige wöchentliche Arbeitszeit beträgt bei Vollzeit **39 Stunden**. Teilzeitkräfte arbeiten den im Arbeitsvertrag vereinbarten Anteil.

## 3. Gleitzeit in Verwaltung und Beratung

- Rahmenarbeitszeit: Montag bis Freitag von 7:00 bis 19:00 Uhr.
- **Kernzeit**: Montag bis Donnerstag von 9:00 bis 14:00 Uhr, Freitag von 9:00 bis 12:00 Uhr. In der Kernzeit ist Anwesenheit Pflicht, soweit kein Termin außer Haus, Urlaub oder Gleittag vorliegt.
- Beratungstermine mit Klientinnen und Klienten haben Vorrang vor der persönlichen Zeitplanung.
- Bis zu **zwölf Gleittage pro Jahr** können nach Absprache im Team genommen werden.

## 4. Zeiterfassung

Die Arbeitszeit wird täglich elektronisch erfasst (Terminal oder App). Pausen werden automatisch abgezogen: 30 Minuten bei mehr als sechs Stunden, 45 Minuten bei mehr als neun Stunden Arbeitszeit. Fehlbuchungen werden innerhalb von einer Woche über die Korrekturfunktion gemeldet.

## 5. Arbeitszeitkonto

- Plus- und Minusstunden werden auf dem Arbeitszeitkonto gebucht.
- Das Konto darf höchstens **40 Plusstunden** und **20 Minusstunden** aufweisen (Ampel: grün bis 20, gelb bis 40, rot darüber).
- Im gelben Bereich vereinbart die Leitung mit der Person einen Abbauplan.
- Zum **31. Dezember** wird der Stand geprüft; mehr als 40 Plusstunden werden nur mit Begründung der Leitung ins neue Jahr übertragen.

## 6. Überstunden

### 6.1 Anordnung

Überstunden sind Stunden über die geplante Arbeitszeit hinaus, die von der Leitung **angeordnet oder nachträglich genehmigt** wurden. Freiwillig länger bleiben ohne Anordnung erzeugt Gleitzeit, keine Überstunden.

### 6.2 Antrag und Nachweis

Kann eine Überstunde nicht vorher angeordnet werden (z. B. Krisenintervention, Notfall, verlängerte Übergabe), wird sie spätestens am nächsten Arbeitstag mit dem **Überstundennachweis F-18** und kurzer Begründung gemeldet.

### 6.3 Ausgleich

Überstunden werden vorrangig durch **Freizeit** ausgeglichen, und zwar innerhalb von drei Monaten. Ist das aus dienstlichen Gründen nicht möglich, werden sie mit dem Zuschlag nach Tarifvertrag ausgezahlt. Eine Auszahlung muss die Leitung bei der Personalabteilung beantragen.

## 7. Höchstgrenzen

Die tägliche Arbeitszeit darf zehn Stunden nicht überschreiten. Zwischen Ende und Beginn der Arbeit liegen mindestens elf Stunden Ruhezeit. Wer abends noch dienstliche E-Mails liest, unterbricht die Ruhezeit; deshalb gilt: Keine Erwartung an Erreichbarkeit nach Dienstschluss.

## 8. Mobiles Arbeiten

Mobiles Arbeiten ist nach der Dienstvereinbarung mobiles Arbeiten an bis zu zwei Tagen pro Woche möglich, wenn die Aufgabe es zulässt. Die Zeiterfassung gilt genauso.
""",
    },
    # ------------------------------------------------------------------ 7
    {
        "file": "urlaubsregelung.txt",
        "meta": {
            "Titel": "Urlaubsregelung",
            "Version": "1.9",
            "Verantwortlich": "Personalabteilung",
            "Gültig bis": "2028-12-31",
            "Zielgruppe": "alle",
        },
        "body": """
## 1. Urlaubsanspruch

Der Erholungsurlaub beträgt bei einer Fünf-Tage-Woche **30 Arbeitstage** im Kalenderjahr. Bei einer anderen Verteilung der Arbeitszeit wird der Anspruch umgerechnet (z. B. vier Arbeitstage pro Woche: 24 Urlaubstage). Schwerbehinderte Menschen erhalten zusätzlich fünf Arbeitstage Zusatzurlaub. Im Eintritts- und Austrittsjahr gibt es für jeden vollen Beschäftigungsmonat ein Zwölftel des Jahresurlaubs.

## 2. Urlaubsantrag

1. Urlaub wird mit dem **Urlaubsantrag F-03** in der Personal-App oder auf Papier beantragt.
2. Die Leitung entscheidet innerhalb einer Woche. Erst der genehmigte Antrag berechtigt zum Urlaub.
3. Urlaub von mehr als zwei Wochen am Stück wird möglichst drei Monate vorher beantragt.

## 3. Urlaubsplanung

Bis zum **31. Januar** trägt jede Person ihre Urlaubswünsche für das Jahr in die Urlaubsplanung des Teams ein. In den Schulferien haben Beschäftigte mit schulpflichtigen Kindern Vorrang, wenn sich Wünsche überschneiden; über mehrere Jahre wird fair gewechselt. In der Pflege und in den Wohngruppen wird die Urlaubsplanung mit dem Dienstplan abgestimmt.

## 4. Übertrag von Resturlaub

Urlaub soll im laufenden Jahr genommen werden. Resturlaub, der aus dienstlichen oder persönlichen Gründen nicht genommen werden konnte, wird ins Folgejahr übertragen und muss bis zum **31. März** des Folgejahres genommen werden. Danach verfällt er, sofern die Personalabteilung rechtzeitig schriftlich auf den drohenden Verfall hingewiesen hat. Die Personalabteilung verschickt diesen Hinweis jedes Jahr im Oktober.

## 5. Krankheit im Urlaub

Wer im Urlaub krank wird, meldet sich sofort bei der Leitung und legt eine ärztliche Bescheinigung vor bzw. die elektronische Arbeitsunfähigkeitsbescheinigung wird abgerufen. Die Krankheitstage werden nicht auf den Urlaub angerechnet. Der Urlaub verlängert sich dadurch nicht automatisch; die Tage werden neu beantragt.

## 6. Sonderurlaub und Arbeitsbefreiung

Arbeitsbefreiung unter Fortzahlung des Entgelts gibt es zum Beispiel bei:
- eigener Eheschließung: 1 Arbeitstag
- Niederkunft der Ehefrau oder Lebenspartnerin: 1 Arbeitstag
- Tod von Ehegatten, Kind oder Elternteil: 2 Arbeitstage
- Umzug aus dienstlichem Grund: 1 Arbeitstag
- schwerer Erkrankung eines Kindes unter 12 Jahren: bis zu 4 Arbeitstage im Jahr, soweit kein Anspruch gegenüber der Krankenkasse besteht

Unbezahlter Sonderurlaub kann aus wichtigem Grund gewährt werden, zum Beispiel für die Pflege von Angehörigen. Der Antrag geht über die Leitung an die Personalabteilung.

## 7. Urlaub und Erreichbarkeit

Im Urlaub besteht keine Pflicht, erreichbar zu sein oder dienstliche E-Mails zu lesen. Vor dem Urlaub werden eine Abwesenheitsnotiz und eine Vertretung eingerichtet. Laufende Fälle werden an die Vertretung übergeben.

## 8. Urlaubsabgeltung

Urlaub wird grundsätzlich nicht ausgezahlt. Nur wenn er wegen Beendigung des Arbeitsverhältnisses nicht mehr genommen werden kann, wird er abgegolten.
""",
    },
    # ------------------------------------------------------------------ 8
    {
        "file": "it-nutzung-passwoerter.html",
        "meta": {
            "Titel": "IT-Nutzungsrichtlinie und Umgang mit Passwörtern",
            "Version": "3.2",
            "Verantwortlich": "Leitung IT",
            "Gültig bis": "2027-06-30",
            "Zielgruppe": "alle",
        },
        "body": """
## 1. Geltung

Diese Richtlinie gilt für alle dienstlichen Geräte (PC, Laptop, Tablet, Diensthandy) und für alle Programme und Zugänge des Sozialwerk Musterstadt e.V. Sie ergänzt die Richtlinie Datenschutz im Beratungsalltag.

## 2. Passwörter

- Passwörter haben mindestens **12 Zeichen**. Empfohlen ist eine Passphrase aus mehreren Wörtern, z. B. vier zufällige Wörter mit Zahl.
- Jedes Passwort wird nur für **einen** Zugang verwendet. Dienstliche Passwörter werden nie privat genutzt.
- Passwörter werden nicht aufgeschrieben, nicht am Monitor befestigt und nicht weitergegeben – auch nicht an Kolleginnen, Kollegen oder die Leitung. Die IT fragt nie nach Ihrem Passwort.
- Ein Passwortwechsel ist nur nötig, wenn der Verdacht besteht, dass es bekannt geworden ist. Dann wird es sofort geändert und die IT informiert.
- Für dienstliche Zugänge steht der Passwortmanager des Sozialwerks zur Verfügung.

## 3. Zwei-Faktor-Anmeldung

Für E-Mail, Fachsoftware und Fernzugriff ist die **Zwei-Faktor-Authentifizierung** Pflicht. Als zweiter Faktor dient die Authenticator-App auf dem Diensthandy oder ein Hardware-Schlüssel. Bei Verlust des zweiten Faktors wird die IT-Hotline angerufen.

## 4. Passwort vergessen oder Konto gesperrt

Nach fünf falschen Eingaben wird das Konto für 15 Minuten gesperrt. Wer das Passwort vergessen hat, setzt es über das Self-Service-Portal zurück oder ruft die IT-Hotline an (Durchwahl 444, Montag bis Freitag 7:30 bis 17:00 Uhr). Außerhalb dieser Zeiten gibt es für die Pflege und die Wohngruppen eine Rufbereitschaft.

## 5. Geräte

- Bildschirm beim Verlassen des Platzes sperren (Windows-Taste + L).
- Keine privaten USB-Sticks an dienstliche Geräte anschließen.
- Software wird nur von der IT installiert. Apps auf dem Diensthandy nur aus dem freigegebenen Firmenbereich.
- Verlust oder Diebstahl eines Geräts wird sofort der IT und der Datenschutzbeauftragten Stelle gemeldet, damit das Gerät aus der Ferne gesperrt werden kann.
- Private Nutzung dienstlicher Geräte ist nicht erlaubt.

## 6. E-Mail und Phishing

- Vorsicht bei unerwarteten Anhängen und Links, auch von bekannten Absendern.
- Verdächtige E-Mails über den Button „Phishing melden“ an die IT weiterleiten, nicht selbst öffnen.
- Wer versehentlich auf einen Link geklickt oder Zugangsdaten eingegeben hat, meldet das sofort der IT. Schnelles Melden ist wichtiger als Scham.

## 7. Zugelassene Programme und KI

Es dürfen nur Programme genutzt werden, die im Softwareverzeichnis der IT freigegeben sind. Für Texte mit KI steht das interne Werkzeug SafeGPT zur Verfügung. Öffentliche KI-Chatbots, Übersetzungsdienste und Cloud-Speicher sind für dienstliche Inhalte mit Personenbezug gesperrt.

## 8. Kontrolle

Protokolldaten werden nur für die IT-Sicherheit ausgewertet, nicht für eine Leistungs- oder Verhaltenskontrolle der Mitarbeitenden. Näheres regelt die Betriebsvereinbarung IT.
""",
    },
    # ------------------------------------------------------------------ 9
    {
        "file": "hygieneplan-pflege.pdf",
        "meta": {
            "Titel": "Hygieneplan Pflege",
            "Version": "5.0",
            "Verantwortlich": "Hygienebeauftragte Pflegefachkraft in Abstimmung mit der Pflegedienstleitung",
            "Gültig bis": "2026-12-31",
            "Zielgruppe": "Pflege (stationär und ambulant), Hauswirtschaft",
        },
        "body": """
## 1. Zweck

Der Hygieneplan legt fest, wie Infektionen in den Pflegeeinrichtungen des Sozialwerk Musterstadt e.V. verhindert werden. Er setzt die Anforderungen des Infektionsschutzgesetzes (§ 36 IfSG) und die Empfehlungen der KRINKO um. Der Plan wird jährlich überprüft.

## 2. Händehygiene

Die hygienische Händedesinfektion ist die wichtigste Einzelmaßnahme. Sie erfolgt nach den **fünf Indikationen**:

1. vor Kontakt mit Bewohnerinnen und Bewohnern,
2. vor aseptischen Tätigkeiten (z. B. Verbandwechsel, Umgang mit Kathetern, Medikamente richten),
3. nach Kontakt mit potenziell infektiösen Materialien,
4. nach Kontakt mit Bewohnerinnen und Bewohnern,
5. nach Kontakt mit der unmittelbaren Umgebung.

Einwirkzeit: mindestens 30 Sekunden, Hände vollständig benetzt. Bei der Arbeit gilt: kein Schmuck an Händen und Unterarmen, keine künstlichen oder lackierten Fingernägel, Nägel kurz. Händewaschen nur bei sichtbarer Verschmutzung und nach Kontakt mit Norovirus oder Clostridioides difficile.

## 3. Schutzkleidung

- Einmalhandschuhe bei möglichem Kontakt mit Körperflüssigkeiten; nach dem Ausziehen Händedesinfektion.
- Schutzkittel bei Tätigkeiten mit Durchfeuchtungsgefahr und bei Isolierung.
- Mund-Nasen-Schutz bzw. FFP2-Maske nach Anordnung, z. B. bei Atemwegsinfektionen.
- Dienstkleidung wird täglich gewechselt und in der Einrichtung gewaschen (mindestens 60 °C).

## 4. Flächendesinfektion

Pflegearbeitsflächen, Nachttische und Handkontaktflächen werden täglich wischdesinfiziert. Verwendet werden nur die Mittel aus dem Desinfektionsplan (Aushang im Dienstzimmer) in der angegebenen Konzentration. Nach Isolierung erfolgt eine Schlussdesinfektion durch die Hauswirtschaft.

## 5. Multiresistente Erreger (MRSA, MRGN)

- Bei bekannter MRSA-Besiedlung keine generelle Isolierung im Pflegeheim, aber Basishygiene strikt einhalten; Schutzkittel und Handschuhe bei engem Kontakt (z. B. Körperpflege, Wundversorgung).
- Eigenes Pflegematerial (Blutdruckmessgerät, Stethoskop) im Zimmer belassen.
- Information bei Verlegung oder Krankenhauseinweisung über den Überleitungsbogen.
- Sanierung nur nach ärztlicher Anordnung.

## 6. Ausbruchsmanagement (z. B. Norovirus, Influenza)

- Ab **zwei Erkrankten** mit gleichen Symptomen in zeitlichem Zusammenhang wird die Pflegedienstleitung und die Hygienebeauftragte informiert.
- Die Einrichtung meldet Ausbrüche dem Gesundheitsamt (§ 6 Abs. 3 IfSG).
- Betroffene Bewohnerinnen und Bewohner bleiben möglichst im Zimmer; Mahlzeiten im Zimmer.
- Bei Norovirus: Flächen und Hände mit viruzidem Mittel desinfizieren, erkrankte Mitarbeitende bleiben bis **48 Stunden nach Abklingen** der Symptome zu Hause.

## 7. Umgang mit Wäsche und Abfall

Schmutzwäsche wird direkt am Bett in Wäschesäcke sortiert. Infektiöse Wäsche kommt in gekennzeichnete Säcke. Spitze und scharfe Gegenstände (Kanülen, Lanzetten) werden sofort in durchstichsichere Abwurfbehälter entsorgt; kein Recapping.

## 8. Nadelstichverletzung

Bei einer Nadelstichverletzung: Blutung fördern, Wunde desinfizieren, sofort die Leitung informieren und noch am selben Tag die Durchgangsärztin oder den Durchgangsarzt aufsuchen. Die Verletzung wird als Arbeitsunfall im Verbandbuch dokumentiert.

## 9. Schulung

Alle Mitarbeitenden in Pflege und Hauswirtschaft nehmen jährlich an der Hygieneschulung teil. Neue Mitarbeitende werden in der ersten Arbeitswoche eingewiesen.
""",
    },
    # ------------------------------------------------------------------ 10
    {
        "file": "medikamentengabe.docx",
        "meta": {
            "Titel": "Verfahrensanweisung Umgang mit Arzneimitteln und Medikamentengabe",
            "Version": "4.1",
            "Verantwortlich": "Pflegedienstleitung",
            "Gültig bis": "2027-03-31",
            "Zielgruppe": "Pflege, Besondere Wohnformen der Eingliederungshilfe",
        },
        "body": """
## 1. Grundsatz

Arzneimittel werden nur auf **ärztliche Anordnung** verabreicht. Die Anordnung muss schriftlich vorliegen (Medikamentenplan mit Unterschrift oder elektronische Verordnung). Telefonische Anordnungen sind nur im Notfall zulässig; sie werden von der Pflegefachkraft mit Uhrzeit dokumentiert und innerhalb von 24 Stunden ärztlich abgezeichnet.

## 2. Wer darf Medikamente geben?

- Richten und Verabreichen: Pflegefachkräfte.
- Pflegehilfskräfte und Assistenzkräfte dürfen bereits gerichtete Medikamente nur verabreichen, wenn sie dafür geschult sind und die Pflegefachkraft die Aufgabe schriftlich delegiert hat.
- Injektionen (z. B. Insulin) nur durch Pflegefachkräfte oder nach ärztlicher Delegation und Nachweis der Anleitung.

## 3. Die 6-R-Regel

Vor jeder Gabe wird geprüft:

1. richtige Person,
2. richtiges Arzneimittel,
3. richtige Dosierung,
4. richtige Applikationsart (z. B. oral, subkutan),
5. richtiger Zeitpunkt,
6. richtige Dokumentation.

## 4. Richten von Medikamenten

- Medikamente werden für höchstens **eine Woche** im Voraus gerichtet, in beschrifteten Wochendispensern.
- Das Richten erfolgt ungestört (Schild „Bitte nicht stören“) und nach dem **Vier-Augen-Prinzip**: Eine zweite Fachkraft kontrolliert den Dispenser gegen den Medikamentenplan und zeichnet ab.
- Tabletten werden nur geteilt, wenn sie eine Bruchkerbe haben oder die Apotheke das bestätigt hat. Vor dem Mörsern wird die Apotheke gefragt.
- Flüssige Arzneimittel und Tropfen werden erst unmittelbar vor der Gabe gerichtet.

## 5. Lagerung

Arzneimittel werden für jede Person getrennt und verschlossen im Medikamentenschrank gelagert. Kühlpflichtige Medikamente lagern im Medikamentenkühlschrank (2 bis 8 °C); die Temperatur wird täglich im Protokoll eingetragen. Das Anbruchsdatum wird auf Tropfflaschen, Salben und Säften vermerkt.

## 6. Betäubungsmittel

Betäubungsmittel (BtM) werden in einem gesonderten, doppelt verschlossenen BtM-Fach aufbewahrt. Jede Entnahme wird im **BtM-Buch** mit Datum, Menge, Name und Unterschrift eingetragen. Der Bestand wird monatlich von der Pflegedienstleitung geprüft. Die Schlüssel trägt die verantwortliche Pflegefachkraft am Körper.

## 7. Bedarfsmedikation

Bedarfsmedikation wird nur gegeben, wenn die ärztliche Anordnung Anlass, Einzeldosis, Höchstdosis pro Tag und Mindestabstand enthält. Jede Gabe wird mit Grund und Wirkung dokumentiert und bei der Schichtübergabe genannt.

## 8. Medikationsfehler

Fehler passieren. Wichtig ist, dass sie sofort gemeldet werden:

1. Person beobachten, bei Auffälligkeiten Ärztin oder Arzt bzw. Notruf informieren.
2. Die Pflegefachkraft bzw. Leitung sofort informieren.
3. Den Fehler im Pflegebericht dokumentieren und das **Meldeformular Medikationsfehler F-33** ausfüllen.

Meldungen dienen dem Lernen, nicht der Bestrafung. Die Pflegedienstleitung wertet sie anonymisiert im Qualitätszirkel aus.

## 9. Entsorgung

Abgelaufene oder abgesetzte Medikamente werden in der Apotheke zurückgegeben. Betäubungsmittel werden nur unter Zeugen vernichtet und im BtM-Buch ausgetragen.
""",
    },
    # ------------------------------------------------------------------ 11
    {
        "file": "notfallplan.md",
        "meta": {
            "Titel": "Notfallplan für alle Einrichtungen",
            "Version": "2.0",
            "Verantwortlich": "Fachkraft für Arbeitssicherheit in Abstimmung mit der Geschäftsführung",
            "Gültig bis": "2027-09-30",
            "Zielgruppe": "alle",
        },
        "body": """
## 1. Notrufnummern

| Notfall | Nummer |
| Feuerwehr und Rettungsdienst | 112 |
| Polizei | 110 |
| Giftnotruf | Nummer des zuständigen Giftinformationszentrums (Aushang) |
| Ärztlicher Bereitschaftsdienst | 116 117 |
| Interne Notfallnummer Geschäftsführung (24 h) | Aushang am Empfang |

Die Nummern hängen in jeder Einrichtung neben dem Telefon im Dienstzimmer und am Empfang aus.

## 2. Medizinischer Notfall

1. Ruhe bewahren, Eigenschutz beachten.
2. Notruf 112 absetzen: **Wo** ist es passiert? **Was** ist passiert? **Wie viele** Betroffene? **Welche** Verletzungen? **Warten** auf Rückfragen.
3. Erste Hilfe leisten; bei Bewusstlosigkeit ohne normale Atmung sofort Herzdruckmassage.
4. Den **Defibrillator (AED)** holen lassen. Standorte: Empfang Verwaltung, Seniorenzentrum Erdgeschoss, Kita Flur.
5. Eine Person weist den Rettungsdienst an der Tür ein.
6. In der Pflege: Notfallbogen und Medikamentenplan für den Rettungsdienst bereitlegen; Patientenverfügung beachten.

## 3. Brand

- Brand melden: Feuermelder drücken oder 112 rufen.
- Menschen in Gefahr warnen, Hilfsbedürftige mitnehmen.
- Türen schließen, nicht abschließen. Keine Aufzüge benutzen.
- Löschversuch nur ohne Eigengefährdung mit dem nächsten Feuerlöscher.
- Zum **Sammelplatz** gehen (siehe Flucht- und Rettungsplan) und dort die Anwesenheit prüfen.

## 4. Evakuierung

Die Evakuierung ordnet die Einsatzleitung der Feuerwehr oder die ranghöchste anwesende Leitung an. In Einrichtungen mit Bewohnerinnen und Bewohnern wird horizontal evakuiert: zuerst in den nächsten Brandabschnitt auf derselben Etage. Die Evakuierungslisten liegen in der roten Notfallmappe im Dienstzimmer. Jede Einrichtung übt die Räumung **einmal jährlich**.

## 5. Bedrohung und Gewalt

Bei Bedrohung durch Klientinnen, Klienten oder Besucher hat der Eigenschutz Vorrang. Raum verlassen, Kolleginnen und Kollegen alarmieren (Notrufknopf am Telefon, Codewort „Frau Doktor Weiß bitte in Raum …“), bei Gefahr sofort 110 wählen. Nach jedem Vorfall gibt es eine Nachbesprechung; Betroffene können die psychosoziale Notfallversorgung in Anspruch nehmen.

## 6. Vermisste Person

Wird eine Bewohnerin, ein Bewohner oder ein betreutes Kind vermisst, werden sofort Gebäude und Gelände abgesucht. Nach spätestens **30 Minuten** erfolglosem Suchen (bei Kindern und Menschen mit Demenz sofort) wird die Polizei verständigt. Die Personenbeschreibung im Notfallbogen wird bereitgehalten.

## 7. Stromausfall und IT-Ausfall

Bei Stromausfall Notbeleuchtung prüfen, Bewohnerinnen und Bewohner mit elektrischen Hilfsmitteln (z. B. Sauerstoffkonzentrator, Wechseldruckmatratze) zuerst versorgen. Die Pflegedokumentation wird bei IT-Ausfall auf den Papierbögen aus der Notfallmappe weitergeführt und später nachgetragen.

## 8. Nach dem Notfall

Jeder Notfall wird mit dem Ereignisbericht dokumentiert und an die Leitung gegeben. Verbrauchtes Material (Verbandkasten, AED-Elektroden) wird sofort ersetzt.
""",
    },
    # ------------------------------------------------------------------ 12
    {
        "file": "spenden-zuwendungen.txt",
        "meta": {
            "Titel": "Richtlinie Spenden, Geschenke und Zuwendungen",
            "Version": "1.5",
            "Verantwortlich": "Geschäftsführung, Stabsstelle Fundraising",
            "Gültig bis": "2028-06-30",
            "Zielgruppe": "alle",
        },
        "body": """
## 1. Zweck

Das Sozialwerk Musterstadt e.V. ist auf Spenden angewiesen und dankbar dafür. Gleichzeitig müssen wir unabhängig bleiben und jeden Anschein vermeiden, dass sich jemand Vorteile erkaufen kann. Diese Richtlinie regelt die Annahme von Spenden an das Sozialwerk und von Geschenken an einzelne Mitarbeitende.

## 2. Spenden an das Sozialwerk

- Geldspenden werden auf das Spendenkonto des Sozialwerks überwiesen. Bargeldspenden werden nur gegen Quittung aus dem Quittungsblock angenommen und am selben oder nächsten Arbeitstag bei der Verwaltung abgegeben.
- Jede Spende wird der Stabsstelle Fundraising mit dem **Formular Zuwendungsmeldung F-25** gemeldet.
- **Zuwendungsbestätigungen** (Spendenquittungen) stellt ausschließlich die Verwaltung aus. Bei Spenden bis 300 Euro genügt den Spendenden für das Finanzamt der Kontoauszug; auf Wunsch wird trotzdem eine Bestätigung ausgestellt. Sammelbestätigungen werden jeweils im Februar für das Vorjahr verschickt.
- Sachspenden (z. B. Spielzeug, Möbel, Kleidung) nimmt die Leitung der Einrichtung an, wenn sie gebraucht werden und in gutem Zustand sind. Für Sachspenden über 100 Euro Wert wird ebenfalls F-25 ausgefüllt.
- Zweckgebundene Spenden werden nur für den angegebenen Zweck verwendet.

## 3. Spenden, die wir nicht annehmen

- Spenden, die an Bedingungen geknüpft sind, die unserer Arbeit oder unserem Leitbild widersprechen,
- Spenden von Organisationen, die extremistische oder menschenfeindliche Ziele verfolgen,
- Spenden von Klientinnen, Klienten oder deren Angehörigen während einer laufenden Betreuung, wenn der Eindruck einer Gegenleistung entstehen kann; im Zweifel entscheidet die Geschäftsführung.
- Spenden, bei denen die Herkunft des Geldes unklar ist.

## 4. Geschenke an Mitarbeitende

4.1 Mitarbeitende dürfen keine Geschenke, Geld oder Vorteile für sich fordern oder annehmen, die im Zusammenhang mit ihrer Arbeit stehen.

4.2 Ausnahme: kleine Aufmerksamkeiten bis zu einem Wert von **25 Euro**, zum Beispiel Pralinen, Blumen oder selbst gebackener Kuchen, die offen übergeben werden. Diese sollen möglichst mit dem Team geteilt werden.

4.3 **Geldgeschenke** werden nie angenommen, auch keine kleinen Beträge und keine Gutscheine, die wie Bargeld genutzt werden können. Möchte jemand Geld geben, wird auf die Möglichkeit einer Spende an die Einrichtung hingewiesen.

4.4 Erbschaften und Vermächtnisse zugunsten einzelner Mitarbeitender, die Klientinnen oder Klienten betreut haben, dürfen nicht angenommen werden. In der Pflege gilt zusätzlich das Verbot nach dem Wohn- und Teilhabegesetz des Landes.

4.5 Geschenke über 25 Euro, die sich nicht ablehnen lassen, ohne jemanden zu kränken, werden der Leitung gemeldet. Die Leitung entscheidet, ob sie zurückgegeben oder der Einrichtung zur Verfügung gestellt werden.

## 5. Sponsoring

Sponsoringverträge mit Unternehmen (Gegenleistung: Nennung, Logo) schließt nur die Geschäftsführung. Sponsoren erhalten keine Daten von Klientinnen und Klienten und keinen Zugang zu Einrichtungen ohne Begleitung.

## 6. Transparenz

Das Sozialwerk veröffentlicht jährlich im Jahresbericht die Höhe der Spendeneinnahmen und deren Verwendung. Fragen zu Spenden beantwortet die Stabsstelle Fundraising.
""",
    },
    # ------------------------------------------------------------------ 13
    {
        "file": "elternarbeit-kita.html",
        "meta": {
            "Titel": "Zusammenarbeit mit Eltern in den Kindertageseinrichtungen",
            "Version": "2.1",
            "Verantwortlich": "Fachberatung Kindertageseinrichtungen",
            "Gültig bis": "2027-07-31",
            "Zielgruppe": "Kindertageseinrichtungen",
        },
        "body": """
## 1. Erziehungspartnerschaft

Eltern sind die wichtigsten Bezugspersonen ihrer Kinder und Expertinnen und Experten für ihr Kind. Die Kitas des Sozialwerk Musterstadt e.V. verstehen die Zusammenarbeit mit Eltern als Erziehungs- und Bildungspartnerschaft. Grundlage ist gegenseitiger Respekt, unabhängig von Herkunft, Sprache, Religion oder Familienform.

## 2. Aufnahme und Eingewöhnung

- Vor der Aufnahme findet ein **Aufnahmegespräch** statt. Dabei werden Gewohnheiten, Gesundheit, Allergien und Abholberechtigte besprochen.
- Die Eingewöhnung erfolgt nach dem Berliner Eingewöhnungsmodell und dauert in der Regel **zwei bis vier Wochen**. Ein Elternteil oder eine vertraute Person begleitet das Kind in dieser Zeit.
- Nach etwa acht Wochen findet ein Reflexionsgespräch zur Eingewöhnung statt.

## 3. Entwicklungsgespräche

Mit allen Eltern wird mindestens **einmal im Jahr**, rund um den Geburtstag des Kindes, ein Entwicklungsgespräch geführt. Grundlage sind die Beobachtungen und Bildungsdokumentation (Portfolio). Das Gespräch wird vorbereitet, dauert etwa 45 Minuten und wird kurz protokolliert; die Eltern erhalten auf Wunsch eine Kopie. Im letzten Kita-Jahr wird zusätzlich über den Übergang in die Schule gesprochen.

## 4. Tür-und-Angel-Gespräche

Kurze Gespräche beim Bringen und Abholen sind wichtig für den Austausch über den Tag. Vertrauliche Themen werden dort nicht besprochen; dafür wird ein eigener Termin angeboten.

## 5. Elternabende und Elternbeirat

- Elternabende finden mindestens zweimal im Kita-Jahr statt.
- Zu Beginn des Kita-Jahres wählen die Eltern bis zum 15. Oktober den **Elternbeirat**. Er wird bei wichtigen Entscheidungen angehört, z. B. bei Änderung der Öffnungszeiten oder der Schließtage.
- Einladungen werden mindestens zwei Wochen vorher verschickt, auf Wunsch in einfacher Sprache oder übersetzt.

## 6. Eltern mit anderen Familiensprachen

Für Entwicklungsgespräche und schwierige Gespräche wird eine Dolmetscherin oder ein Dolmetscher über den Dolmetscherpool angefragt. Kinder werden **nicht** als Übersetzer für ihre Eltern eingesetzt.

## 7. Konflikte und Beschwerden

Beschwerden von Eltern werden nach dem Beschwerdemanagement des Sozialwerks bearbeitet. Bei Konflikten zwischen Eltern und Fachkräften vermittelt die Kita-Leitung, bei Bedarf die Fachberatung.

## 8. Sorgen um ein Kind

Haben Fachkräfte Sorgen um die Entwicklung oder das Wohl eines Kindes, werden diese frühzeitig und offen mit den Eltern besprochen. Bei gewichtigen Anhaltspunkten für eine Kindeswohlgefährdung gilt die Verfahrensanweisung Kinderschutz nach § 8a SGB VIII.

## 9. Fotos und Datenschutz

Fotos von Kindern werden nur mit schriftlicher Einwilligung der Eltern gemacht und nur in der Kita verwendet. Eltern dürfen bei Festen fotografieren, aber Fotos anderer Kinder nicht in sozialen Netzwerken veröffentlichen; darauf wird in der Einladung hingewiesen. Informationen an Eltern werden über die Kita-App des Sozialwerks verschickt, nicht über private Messenger-Gruppen.
""",
    },
    # ------------------------------------------------------------------ 14
    {
        "file": "ehrenamt-leitlinien.docx",
        "meta": {
            "Titel": "Leitlinien für die Zusammenarbeit mit Ehrenamtlichen",
            "Version": "1.8",
            "Verantwortlich": "Koordinationsstelle Ehrenamt",
            "Gültig bis": "2028-12-31",
            "Zielgruppe": "Hauptamtliche, die Ehrenamtliche begleiten; Ehrenamtliche",
        },
        "body": """
## 1. Bedeutung des Ehrenamts

Rund 250 Ehrenamtliche engagieren sich im Sozialwerk Musterstadt e.V.: in der Hausaufgabenhilfe, im Besuchsdienst im Seniorenzentrum, in der Kleiderkammer, bei Patenschaften für Geflüchtete und im Fahrdienst. Ehrenamtliche ergänzen die Arbeit der Hauptamtlichen, sie ersetzen sie nicht.

## 2. Gewinnung und Einstieg

1. Interessierte melden sich bei der Koordinationsstelle Ehrenamt.
2. Im Erstgespräch werden Interessen, Zeit und passende Einsatzfelder besprochen.
3. Es folgt eine Hospitation im gewünschten Bereich.
4. Vor dem Einsatz wird die **Ehrenamtsvereinbarung F-40** unterschrieben. Sie beschreibt Aufgabe, Umfang, Ansprechperson und die Regeln zur Verschwiegenheit.

## 3. Erweitertes Führungszeugnis

Ehrenamtliche, die mit Kindern, Jugendlichen oder Menschen mit Behinderungen arbeiten, legen vor Beginn ein **erweitertes Führungszeugnis** vor (§ 72a SGB VIII). Es darf nicht älter als drei Monate sein und wird alle fünf Jahre erneuert. Die Koordinationsstelle stellt eine Bestätigung aus, damit das Führungszeugnis für Ehrenamtliche gebührenfrei ist. Es wird nur die Einsichtnahme dokumentiert; das Zeugnis selbst erhält die Person zurück.

## 4. Verschwiegenheit und Datenschutz

Ehrenamtliche unterschreiben eine Verschwiegenheitserklärung. Sie erhalten nur die Informationen über Klientinnen und Klienten, die sie für ihre Aufgabe brauchen. Fotos und Nachrichten über Klientinnen und Klienten werden nicht in sozialen Netzwerken oder privaten Messenger-Gruppen geteilt.

## 5. Begleitung

- Jede und jeder Ehrenamtliche hat eine feste hauptamtliche Ansprechperson.
- Mindestens einmal im Quartal gibt es ein Austauschtreffen.
- Ehrenamtliche können kostenlos an ausgewählten Fortbildungen des Sozialwerks teilnehmen.
- Bei belastenden Erlebnissen steht die Ansprechperson oder die Supervision zur Verfügung.

## 6. Versicherung

Ehrenamtliche sind während ihres Einsatzes über die Sammelversicherung des Sozialwerks haftpflicht- und unfallversichert; zusätzlich besteht in vielen Bereichen gesetzlicher Unfallversicherungsschutz. Ein Unfall wird sofort der Ansprechperson gemeldet.

## 7. Auslagen und Aufwandsentschädigung

- **Auslagen** (z. B. Fahrtkosten, Material) werden gegen Beleg erstattet. Für Fahrten mit dem eigenen Pkw gilt dieselbe Kilometerpauschale wie für Hauptamtliche (0,30 Euro je Kilometer). Die Abrechnung erfolgt quartalsweise mit dem Formular Auslagenerstattung Ehrenamt.
- Für regelmäßige Tätigkeiten kann eine **Ehrenamtspauschale** gezahlt werden, steuerfrei bis zur gesetzlichen Grenze pro Jahr. Wer bereits bei einer anderen Organisation die Pauschale erhält, teilt dies mit.
- Ehrenamtliche erhalten keine Geschenke oder Geld von Klientinnen und Klienten; es gilt die Richtlinie Spenden und Zuwendungen.

## 8. Anerkennung

Das Sozialwerk lädt jedes Jahr im Dezember zum Dankeschön-Abend ein. Auf Wunsch wird ein Ehrenamtsnachweis für Bewerbungen ausgestellt. Nach 100 Stunden Engagement im Jahr kann die Ehrenamtskarte des Landes beantragt werden.

## 9. Beendigung

Ein Ehrenamt kann jederzeit beendet werden. Es gibt ein Abschlussgespräch; Schlüssel und Unterlagen werden zurückgegeben.
""",
    },
    # ------------------------------------------------------------------ 15
    {
        "file": "gewaltpraevention-deeskalation.pdf",
        "meta": {
            "Titel": "Gewaltprävention und Deeskalation – Schutz von Mitarbeitenden",
            "Version": "1.1",
            "Verantwortlich": "Fachkraft für Arbeitssicherheit und Betriebsrat (gemeinsam)",
            "Gültig bis": "2027-12-31",
            "Zielgruppe": "alle, besonders Beratung, Wohngruppen, Eingliederungshilfe",
        },
        "body": """
## 1. Ziel

Mitarbeitende im Sozialwesen erleben immer wieder verbale oder körperliche Aggression. Das Sozialwerk Musterstadt e.V. nimmt das ernst. Diese Richtlinie beschreibt, wie wir Gewalt vorbeugen, in kritischen Situationen deeskalieren und Betroffene nach einem Vorfall unterstützen.

## 2. Vorbeugung

- Für jeden Arbeitsplatz mit Publikumsverkehr gibt es eine Gefährdungsbeurteilung „Übergriffe“.
- Beratungsräume sind so eingerichtet, dass die Mitarbeitenden die Tür ohne Hindernis erreichen (Platz zwischen Klient und Tür). Gegenstände, die als Waffe dienen können, liegen nicht offen.
- Jeder Beratungsraum hat einen stillen Alarm (Notrufknopf am Telefon oder PC).
- **Hausbesuche** bei bekannten Risiken erfolgen zu zweit. Vor jedem Hausbesuch wird im Teamkalender eingetragen, wo man ist und wann man zurück sein will. Wer sich 30 Minuten nach der geplanten Zeit nicht gemeldet hat, wird angerufen.
- Alle Mitarbeitenden mit Klientenkontakt nehmen innerhalb des ersten Jahres an einem **Deeskalationstraining** teil, danach alle drei Jahre an einer Auffrischung.

## 3. Deeskalation in der Situation

1. Ruhig bleiben, langsam und deutlich sprechen, die Person mit Namen ansprechen.
2. Abstand halten (mindestens zwei Armlängen), seitlich stehen, nicht festhalten.
3. Gefühle anerkennen („Ich sehe, dass Sie wütend sind“), nicht diskutieren, wer recht hat.
4. Einfache Wahlmöglichkeiten anbieten; keine Drohungen.
5. Frühzeitig Hilfe holen, lieber einmal zu früh als zu spät. Bei Gefahr: Raum verlassen und 110 rufen.

## 4. Nach einem Vorfall

- Jeder Vorfall – auch Beleidigungen und Drohungen – wird mit dem **Ereignisbericht Übergriff** dokumentiert und an die Leitung gegeben.
- Körperliche Verletzungen gelten als Arbeitsunfall; sie werden im Verbandbuch eingetragen und bei mehr als drei Tagen Arbeitsunfähigkeit der Berufsgenossenschaft gemeldet.
- Die Leitung führt innerhalb von drei Arbeitstagen ein Nachgespräch mit der betroffenen Person. Betroffene können zusätzlich Supervision oder die psychosoziale Beratung der Berufsgenossenschaft nutzen.
- Die Entscheidung über eine Strafanzeige trifft die betroffene Person gemeinsam mit der Leitung; das Sozialwerk unterstützt dabei.
- Ob die Beratung der Klientin oder des Klienten fortgesetzt wird und durch wen, entscheidet die Leitung nach Rücksprache mit der betroffenen Fachkraft.

## 5. Hausverbot

Bei schweren oder wiederholten Übergriffen kann die Geschäftsführung ein Hausverbot aussprechen. Es wird schriftlich begründet und befristet. Der Zugang zu notwendigen Hilfen wird auf anderem Weg gesichert (z. B. Beratung telefonisch oder in einer anderen Einrichtung).

## 6. Auswertung

Die Fachkraft für Arbeitssicherheit wertet die Ereignisberichte jährlich anonymisiert aus. Die Ergebnisse werden im Arbeitsschutzausschuss und mit dem Betriebsrat besprochen.
""",
    },
    # ------------------------------------------------------------------ 16
    {
        "file": "einarbeitung-neue-mitarbeitende.md",
        "meta": {
            "Titel": "Einarbeitung neuer Mitarbeitender",
            "Version": "2.0",
            "Verantwortlich": "Personalabteilung in Abstimmung mit den Bereichsleitungen",
            "Gültig bis": "2028-03-31",
            "Zielgruppe": "Leitungen, Patinnen und Paten, neue Mitarbeitende",
        },
        "body": """
## 1. Ziel

Eine gute Einarbeitung erleichtert den Start, senkt Fehler und bindet neue Kolleginnen und Kollegen an das Sozialwerk Musterstadt e.V. Jede neue Person erhält einen schriftlichen **Einarbeitungsplan** und eine Patin oder einen Paten aus dem Team.

## 2. Vor dem ersten Tag

- Die Leitung bestellt spätestens zwei Wochen vorher bei der IT den Zugang (Benutzerkonto, E-Mail, Fachsoftware) und das Diensthandy.
- Schlüssel, Namensschild und Dienstkleidung (in der Pflege) liegen bereit.
- Das Team wird informiert; die Patin oder der Pate wird benannt.

## 3. Der erste Tag

- Begrüßung durch die Leitung, Rundgang, Vorstellung im Team.
- Unterschrift der Verpflichtung auf Datengeheimnis und Schweigepflicht.
- Ausgabe der Zugangsdaten durch die IT; das erste Passwort wird sofort geändert und die Zwei-Faktor-Anmeldung eingerichtet.
- Übergabe des Einarbeitungsplans und der Checkliste „Erste Woche“.

## 4. Pflichtunterweisungen in den ersten Wochen

| Thema | Frist |
| Brandschutz und Notfallplan | erste Woche |
| Datenschutz-Unterweisung | erste Woche |
| Hygieneeinweisung (Pflege, Kita, Hauswirtschaft) | erste Woche |
| Arbeitssicherheit und Gefährdungsbeurteilung | erste Woche |
| Kinderschutz-Grundschulung (pädagogische Bereiche) | erste sechs Monate |
| Einweisung in Medikamentengabe (Pflege, Wohnformen) | vor der ersten selbstständigen Gabe |
| Einführung in SafeGPT mit Nutzungsregeln | erster Monat |

Die Unterweisungen werden auf der Checkliste abgezeichnet und in der Schulungsübersicht eingetragen.

## 5. Patenschaft

Die Patin oder der Pate ist in den ersten drei Monaten die erste Ansprechperson für Alltagsfragen: Wo finde ich Formulare? Wie funktioniert die Zeiterfassung? Wer ist für was zuständig? Für die Patenschaft werden im Dienstplan bzw. in der Arbeitsplanung zwei Stunden pro Woche eingeplant.

## 6. Gespräche in der Probezeit

- **Nach vier Wochen**: kurzes Feedbackgespräch mit der Leitung.
- **Nach drei Monaten**: Zwischengespräch zur Einarbeitung (Was läuft gut? Was fehlt noch?).
- **Spätestens zwei Wochen vor Ende der sechsmonatigen Probezeit**: Probezeitgespräch mit Entscheidung über die Übernahme. Das Gespräch wird protokolliert und der Personalabteilung übergeben.

## 7. Einführungstag

Alle neuen Mitarbeitenden nehmen innerhalb der ersten drei Monate am zentralen Einführungstag teil. Dort stellen sich Geschäftsführung, Betriebsrat, Datenschutzbeauftragte Stelle und die Fachbereiche vor. Die Termine stehen im Fortbildungsprogramm.

## 8. Abschluss der Einarbeitung

Die Einarbeitung ist abgeschlossen, wenn alle Punkte des Einarbeitungsplans abgezeichnet sind. Der abgezeichnete Plan kommt in die Personalakte.
""",
    },
]
