"""The kind of quantity a question asks for and the kinds a guideline sentence names (issue 18: "no source, no
rule"). Written from how staff ask and how guidelines state amounts, deadlines and ages — colloquial, lower-case
and misspelt questions among them — and not from the answer benchmark's questions."""

from __future__ import annotations

import pytest

from knowledge.quantity_kinds import QuantityKind as K
from knowledge.quantity_kinds import answers_best, answers_kind, asked_cues, named_kinds, names_quantity, unanswered


@pytest.mark.parametrize("question, expected", [
    # money
    ("Was kostet ein Dolmetscher pro Stunde?", {"money"}),
    ("Wie teuer ist die Fortbildung zur Kinderschutzfachkraft?", {"money"}),
    ("wieviel kostet die schulung", {"money"}),
    ("was kostet dat eigentlich", {"money"}),
    ("Kostet die Beratung was?", {"money"}),
    ("Ist die Schuldnerberatung für Klienten kostenlos?", {"money"}),
    ("Wie hoch ist die Übernachtungspauschale?", {"money"}),
    ("Bis zu welchem Betrag darf ich ohne Genehmigung bestellen?", {"money"}),
    ("Wie viel Taschengeld bekommen die Jugendlichen in der Wohngruppe?", {"money"}),
    ("Wie viel wird mir für die Fahrt zur Fortbildung erstattet?", {"money"}),
    ("In welcher Höhe werden Fortbildungskosten übernommen?", {"money"}),
    ("Welche Gebühr fällt für das Führungszeugnis an?", {"money"}),
    # time: a duration or a deadline
    ("Wie lange dauert die Prüfung eines Textes?", {"time"}),
    ("wie lang dauert das ungefähr", {"time"}),
    ("Wielange wird die Akte aufbewahrt?", {"time"}),
    ("Welche Kündigungsfrist gilt in der Probezeit?", {"time"}),
    ("Innerhalb welcher Zeit muss ich einen Arbeitsunfall melden?", {"time"}),
    ("Wie schnell muss ich bei einer Beschwerde zurückrufen?", {"time"}),
    ("Wie viele Tage Sonderurlaub gibt es bei einem Umzug?", {"time"}),
    ("Wie viel Zeit habe ich für die Stellungnahme?", {"time"}),
    # processing: how long handling takes
    ("Wie lange dauert die Bearbeitung eines Antrags?", {"processing"}),
    ("Bearbeitungszeit beim Elterngeld?", {"processing"}),
    ("wie lange brauchen die bei der Familienkasse um das zu bearbeiten", {"processing"}),
    ("Wie schnell wird über einen Widerspruch entschieden?", {"processing"}),
    ("Mit welcher Wartezeit muss ich bei der Schuldnerberatung rechnen?", {"processing"}),
    # date: a point in time
    ("Bis wann muss der Antrag beim Amt sein?", {"deadline"}),
    ("Ab wann gilt die neue Dienstvereinbarung?", {"start"}),
    ("An welchem Tag wird das Gehalt überwiesen?", {"date"}),
    ("Um wieviel Uhr beginnt die Nachtschicht?", {"date"}),
    ("Was ist der Stichtag für die Anmeldung zur Fortbildung?", {"date"}),
    ("Wann fängt der Spätdienst in der Tagespflege an?", {"start"}),
    ("wann beginnt die nachtbereitschaft", {"start"}),
    ("Wann ist Dienstschluss am Freitag?", {"deadline"}),
    # count and frequency
    ("Wie viele Personen dürfen im Dienstwagen mitfahren?", {"count"}),
    ("Wieviele Kinder sind höchstens in einer Gruppe?", {"count"}),
    ("Anzahl der Pflichtschulungen im ersten Jahr?", {"count"}),
    ("Wie oft muss der Feuerlöscher geprüft werden?", {"frequency"}),
    ("Wie häufig findet Supervision statt?", {"frequency"}),
    # share and age
    ("Wie viel Prozent der Kosten übernimmt der Träger?", {"share"}),
    ("Welchen Anteil zahlen die Eltern?", {"share"}),
    ("Ab welchem Alter dürfen Jugendliche allein übernachten?", {"age"}),
    ("Wie alt muss man für ein Ehrenamt im Fahrdienst sein?", {"age"}),
    ("Ab wie vielen Jahren darf ein Kind allein mit dem Bus fahren?", {"age"}),
    ("Gibt es eine Altersgrenze für Ehrenamtliche?", {"age"}),
    # two things asked at once
    ("Was kostet die Fahrt, und bis wann muss ich sie anmelden?", {"money", "deadline"}),
    # no particular kind: never judged by this rule
    ("Welche Unterlagen brauche ich?", set()),
    ("Wer ist für den Antrag auf Wohngeld zuständig?", set()),
    ("Darf ich Klientendaten per WhatsApp schicken?", set()),
    ("Wann muss das Jugendamt informiert werden?", set()),  # "wann" here asks for the condition
    ("Wann darf ich Daten ohne Einwilligung weitergeben?", set()),
    ("Wer bearbeitet die Anträge auf Sonderurlaub?", set()),  # who handles it, not how long
    ("Welche Kosten werden bei einer Dienstreise erstattet?", set()),  # which items, not how much
    ("Wie beantrage ich eine Dienstreise?", set()),
    ("Wie viel Urlaub darf ich ins nächste Jahr mitnehmen?", set()),  # an amount of no telling kind
    ("Das Seminar kostet 80 Euro, muss ich das vorher genehmigen lassen?", set()),  # a price stated, not asked
    ("Was passiert, wenn ich die Frist verpasse?", set()),
    ("Wie gehe ich mit einem Verdacht auf Kindeswohlgefährdung um?", set()),
])
def test_the_kind_a_question_asks_for(question, expected):
    assert {cue.name for cue in asked_cues(question)} == expected


@pytest.mark.parametrize("text, expected", [
    ("Die Teilnahme kostet 30 €.", {K.MONEY}),
    ("Erstattet werden 0,30 Euro je gefahrenem Kilometer.", {K.MONEY}),
    ("Die Beratung ist für Ratsuchende kostenlos.", {K.MONEY}),
    ("Der Nachtzuschlag beträgt 25 Prozent des Stundenlohns.", {K.SHARE}),
    ("Die Eltern tragen die Hälfte der Kosten.", {K.SHARE}),
    ("Die Meldung erfolgt innerhalb von 72 Stunden.", {K.TIME}),
    ("Der Grundkurs umfasst zwei bis drei Wochen.", {K.TIME}),
    ("Das Protokoll ist unverzüglich an die Leitung weiterzuleiten.", {K.TIME}),
    ("Bewahren Sie die Akte zehn Jahre auf.", {K.TIME}),
    ("Die Abrechnung ist bis zum 15. des Folgemonats einzureichen.", {K.DATE}),
    ("Der Frühdienst beginnt um 6:30 Uhr.", {K.START, K.DATE}),
    ("Die Schadensmeldung geht noch am selben Tag an die Fuhrparkleitung.", {K.DATE}),
    ("Jede Gruppe hat höchstens zwölf Kinder.", {K.COUNT}),
    ("Es finden drei Termine statt.", {K.COUNT}),
    ("Zur Einstufung: keine, latente oder akute Gefährdung.", {K.COUNT}),  # the items answer "how many"
    ("Die Schulung wird alle zwei Jahre wiederholt.", {K.FREQUENCY}),
    ("Supervision findet monatlich statt.", {K.FREQUENCY}),
    ("Teilnehmen dürfen Jugendliche ab 16 Jahren.", {K.AGE}),
    ("Ab dem vollendeten 14. Lebensjahr wird das Kind selbst angehört.", {K.AGE}),
    ("Volljährige Klientinnen unterschreiben selbst.", {K.AGE}),
    ("Parkgebühren werden bis 15 Euro pro Tag ersetzt.", {K.MONEY, K.FREQUENCY}),
    ("Mitarbeitende ab 18 Jahren erhalten 30 Urlaubstage.", {K.AGE, K.TIME}),
    ("Im Jahr 2025 gilt eine Grenze von 2000 Euro.", {K.DATE, K.MONEY}),  # a year, and an amount that is none
    # digits that name where a rule stands: no quantity; a form or phone number: no quantity a cue asks for
    ("Die Pflicht ergibt sich aus § 8a Abs. 4 SGB VIII.", set()),
    ("Nutzen Sie das Formular F-12.", {K.IDENTIFIER}),
    ("Rückfragen unter Telefon 0341 998877.", {K.IDENTIFIER}),
    ("Bei Dienstreisen innerhalb Deutschlands gelten eigene Regeln.", set()),
    ("Das Fahrtenbuch liegt im Büro der Verwaltung.", set()),
    ("Mindestens eine Fachkraft ist im Haus.", {K.COUNT}),
    ("4.2 Dienstfahrzeuge werden über den Buchungskalender reserviert.", set()),  # a paragraph's number
    # A time beside words of handling says how long handling takes; a deadline or a grant period does not.
    ("Anträge werden in der Regel binnen zwei Wochen bearbeitet.", {K.TIME, K.PROCESSING}),
    ("Anfragen beantworten wir innerhalb von fünf Werktagen.", {K.TIME, K.PROCESSING}),
    ("Die Prüfgruppe prüft auf Anfrage (Vorlauf etwa drei Wochen).", {K.TIME, K.PROCESSING}),
    ("Das Amt setzt für fehlende Unterlagen eine Frist von zwei Wochen.", {K.TIME}),
    ("Die Leistung wird für zwölf Monate bewilligt.", {K.TIME}),
])
def test_the_kinds_a_sentence_names(text, expected):
    assert named_kinds(text) == expected


@pytest.mark.parametrize("question, evidence, missing", [
    # The evidence names a quantity, but of another kind: not an answer.
    ("Was kostet die Prüfung eines Textes?", "Die Prüfung hat einen Vorlauf von etwa drei Wochen.", ["money"]),
    ("Ab welchem Alter darf ein Kind allein nach Hause gehen?", "Die Meldung erfolgt innerhalb von 72 Stunden.",
     ["age"]),
    ("Wie viele Kinder sind in einer Gruppe?", "Die Gruppe trifft sich monatlich.", ["count"]),
    ("Wie viel Prozent übernimmt der Träger?", "Erstattet werden bis zu 50 Euro.", ["share"]),
    ("Wie lange dauert die Bearbeitung?", "Die Bearbeitung kostet 20 Euro.", ["processing"]),
    ("Wie lange dauert die Bearbeitung?", "Das Amt setzt eine Frist von zwei Wochen für fehlende Unterlagen.",
     ["processing"]),
    ("Wie lange braucht das Amt, um den Antrag zu bearbeiten?", "Bewilligt wird für zwölf Monate.", ["processing"]),
    ("Wann beginnt der Frühdienst?", "Im Frühdienst sind drei Fachkräfte im Haus.", ["start"]),
    ("wieviel kostet die fahrt und bis wann muss ich mich anmelden", "Anmeldung bis zum 1. März.", ["money"]),
    # A quantity of a kind that answers it.
    ("Wie lange dauert die Prüfung?", "Die Prüfung hat einen Vorlauf von etwa drei Wochen.", []),
    ("Bis wann muss ich den Unfall melden?", "Melden Sie den Unfall innerhalb von 24 Stunden.", []),
    ("Innerhalb welcher Frist muss ich widersprechen?", "Widerspruch ist bis zum 30. Juni möglich.", []),
    ("Wie hoch ist der Nachtzuschlag?", "Der Nachtzuschlag beträgt 20 Prozent des Stundenlohns.", []),
    ("Wie oft ist die Schulung?", "Die Schulung wird alle zwei Jahre wiederholt.", []),
    ("Wie lange dauert die Bearbeitung?", "Anträge werden meist innerhalb von drei Wochen bearbeitet.", []),
    ("Wann beginnt der Frühdienst?", "Frühdienst: 6:00 bis 14:00 Uhr.", []),
    ("Kostet das die Klientin was?", "Die Beratung ist kostenlos.", []),
    # No kind asked: never unanswered by this rule, whatever the evidence.
    ("Welche Unterlagen brauche ich?", "Bringen Sie den Ausweis mit.", []),
])
def test_evidence_of_another_kind_leaves_the_question_unanswered(question, evidence, missing):
    assert unanswered(question, [evidence]) == missing
    # A unit answering one of two asked kinds still answers the question in part (it scores higher).
    assert answers_kind(question, evidence) is (len(missing) < len(asked_cues(question)))


def test_any_evidence_unit_may_answer_and_every_asked_kind_must_be():
    question = "Was kostet die Fahrt, und bis wann muss ich sie anmelden?"
    assert unanswered(question, ["Anmeldung bis zum 1. März.", "Die Fahrt kostet 5 Euro."]) == []
    assert unanswered(question, ["Die Fahrt kostet 5 Euro."]) == ["deadline"]


@pytest.mark.parametrize("text, expected", [
    # A start: "ab"/"seit" before a point in time, a verb of beginning before a time of day, a range of times.
    ("Das Pflegegeld wird ab dem Ersten des Folgemonats überwiesen.", {K.START}),
    ("Die neue Regel gilt seit 1. April.", {K.START}),
    ("ab montag ist die kita wieder offen", {K.START}),
    ("Der Zuschuss gilt ab Dienstantritt.", {K.START}),
    ("Die Beratungsstelle öffnet dienstags um 9 Uhr.", {K.START, K.DATE}),
    ("Spätdienst: 13:30 - 21:00 Uhr", {K.START, K.DATE}),
    # No start: a deadline, an age, a duration.
    ("Die Rechnung ist bis zum 10. einzureichen.", {K.DATE}),
    ("Krankmeldungen für die Nacht gehen bis 18:00 Uhr ein.", {K.DATE}),
    ("Ab 16 Jahren dürfen Jugendliche allein fahren.", {K.AGE}),
    ("Ab zwei Wochen Abwesenheit wird vertreten.", {K.TIME}),
])
def test_a_start_is_told_from_a_deadline(text, expected):
    assert named_kinds(text) == expected


@pytest.mark.parametrize("question, evidence, best, answered", [
    # A question for a beginning prefers a start and still takes another point in time.
    ("Wann beginnt die Nachtschicht?", "Nachtschicht: 21:00 – 06:15 Uhr.", True, True),
    ("wann fangt die kita morgens an", "Die Kita öffnet um 7 Uhr.", True, True),
    ("Ab wann bekommt man das Geld?", "Ausgezahlt wird ab dem Ersten des Monats.", True, True),
    ("Seit wann gilt die Regel?", "Die Regel gilt seit 1. März 2026.", True, True),
    ("Wann beginnt die Nachtschicht?", "Krankmeldungen für die Nacht bis 18:00 Uhr.", False, True),
    # Until when, how long: a start alone does not answer.
    ("Für wie lange wird die Hilfe bewilligt?", "Die Hilfe wird ab dem Ersten des Monats gezahlt.", False, False),
    ("Bis wann muss ich das Formular abgeben?", "Das Formular gilt ab 1. Januar.", False, False),
    ("bis wann muss dat weg", "Spätestens am Freitag.", True, True),
])
def test_a_question_for_a_beginning_prefers_a_start(question, evidence, best, answered):
    cues = asked_cues(question)
    assert answers_best(cues, evidence) is best
    assert answers_kind(question, evidence) is answered


@pytest.mark.parametrize("text, expected", [
    # One notion of "names a number at all": any kind named in words or digits.
    ("Gezahlt wird ab dem Ersten des Monats der Antragstellung.", True),  # a start
    ("Die Kita öffnet montags um halb acht.", True),  # a weekday
    ("Der Bericht geht jedes Quartal an die Leitung.", True),
    ("Die Beratung ist unentgeltlich.", True),
    ("Das Formular Z-3 liegt im Intranet.", True),  # what "Welche Formularnummer …?" asks for
    ("Wer das Kind abholt, steht im Abholbogen.", False),
    ("Einstufung: gering, mittel oder hoch.", False),  # an enumeration answers "how many" only
    ("Hausbesuche innerhalb von Musterstadt sind Dienstgänge.", False),  # "innerhalb" of a place
    ("7.1 Der Fahrdienst wird über die Zentrale bestellt.", False),  # a paragraph's number
    ("siehe § 45 SGB VIII", False),
])
def test_names_quantity_is_one_notion_with_the_kinds(text, expected):
    assert names_quantity(text) is expected
