"""The draft check (issue 18): details in an answer that no shown source contains are found whatever their
spelling; citations whose passage shares nothing with their sentence are fixed or removed; echoed
instructions are found. Tables of real-format German examples and near misses."""

from __future__ import annotations

import pytest

from chat.core.answer_check import CitationFix, check_draft, cited_after, extract_details

WOHNGELD = ("Wohngeld wird in der Regel für 12 Monate bewilligt, in Ausnahmefällen bis zu 24 Monate. Die "
            "Wohngeldstelle setzt für fehlende Unterlagen eine Frist, meist zwei bis vier Wochen. Gegen einen "
            "Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch eingelegt werden. Lohnabrechnungen "
            "der letzten drei Monate. Checkliste F-12.")
REISE = ("Für Fahrten mit dem privaten Pkw wird eine Wegstreckenentschädigung von 0,30 Euro je gefahrenem "
         "Kilometer gezahlt. Übernachtungskosten werden bis 90 Euro pro Nacht erstattet. Die Abrechnung muss "
         "innerhalb von sechs Monaten eingehen, Fahrtkosten bis zum 10. des Folgemonats. Frühstück um 20 Prozent.")
KINDERSCHUTZ = ("Nach § 8a Abs. 4 SGB VIII hat das Sozialwerk eine Vereinbarung geschlossen. Dokumentation im Formular "
                "F-21 am selben Tag. Aufbewahrungsfrist: 10 Jahre. Meldung bis 15.04.2026, Frühdienst ab 06:00 Uhr. "
                "Das Sozialwerk hat drei eigene zertifizierte Kinderschutzfachkräfte.")
SOURCES = {1: WOHNGELD, 2: REISE, 3: KINDERSCHUTZ}


def unsupported(draft: str, sources=SOURCES, question: str = "") -> list[str]:
    return [u.text for u in check_draft(draft, sources, question=question).unsupported]


@pytest.mark.parametrize("draft", [
    "Wohngeld wird meist für zwölf Monate bewilligt.",            # number word = digits
    "Die Bewilligung gilt für 12 Monate, ausnahmsweise 2 Jahre.",  # 2 Jahre = 24 Monate
    "Lohnabrechnungen der letzten 3 Monate beilegen.",             # "drei Monate" vs "3 Monate"
    "Die Frist ist meist 14 bis 28 Tage.",                         # weeks written as days
    "Widerspruch innerhalb von einem Monat.",                      # "eines Monats" inflected differently
    "Es gibt 30 Cent pro Kilometer.",                              # 0,30 Euro as cents
    "Es gibt 0,30 € pro Kilometer.",                               # € sign after the amount
    "Es gibt € 0,30 pro Kilometer.",                               # € sign before
    "Hotel bis 90,00 EUR.",                                        # cents written out, EUR
    "Hotel bis 90,- €.",                                           # German ",-"
    "Abrechnung innerhalb eines halben Jahres.",                   # six months as a half year
    "Siehe § 8a SGB 8.",                                           # § without space, SGB in digits
    "Nach §8 a Abs. 4 SGB VIII.",                                  # letter separated, Absatz matches
    "Formular F 21 nutzen.",                                       # F-21 without hyphen
    "Bis zum 15. April 2026 melden.",                              # date in words
    "Bis zum 15.4. melden.",                                       # short numeric date, no year
    "Es gibt 3 Fachkräfte für Kinderschutz.",                      # counted noun: compound head
    "Frühdienst ab 6 Uhr.",                                        # 06:00 Uhr as "6 Uhr"
    "Frühstück wird um 20 % gekürzt.",                             # percent sign
    "Frühstück wird um zwanzig Prozent gekürzt.",                  # percent in words
    "Fahrtkosten bis zum 10. des Folgemonats.",                    # ordinal day
    "Aufbewahrung zehn Jahre.",
])
def test_details_the_sources_hold_pass_in_any_spelling(draft):
    assert unsupported(draft) == []


@pytest.mark.parametrize("draft, flagged", [
    ("Die Einschätzung erfolgt in drei Stufen.", ["drei"]),                       # the example
    ("Frist bis zum 31. März des Folgejahres.", ["31. März"]),                     # invented deadline
    ("Wohngeld wird für 18 Monate bewilligt.", ["18 Monate"]),
    ("Widerspruch innerhalb einer Woche.", ["einer Woche"]),                      # right number, wrong unit
    ("Widerspruch innerhalb von 4 Monaten.", ["4 Monaten"]),
    ("Es gibt 0,35 € pro Kilometer.", ["0,35 €"]),
    ("Es gibt 35 Cent pro Kilometer.", ["35 Cent"]),
    ("Hotel bis 95 Euro.", ["95 Euro"]),
    ("Siehe § 8b SGB VIII.", ["§ 8b SGB VIII"]),
    ("Nach § 8a Abs. 3 SGB VIII.", ["§ 8a Abs. 3 SGB VIII"]),                   # wrong Absatz
    ("Nach § 8a SGB XII.", ["§ 8a SGB XII"]),                                    # wrong book
    ("Formular F-22 nutzen.", ["F-22"]),
    ("Meldung bis 14.04.2026.", ["14.04.2026"]),
    ("Meldung bis 15.04.2027.", ["15.04.2027"]),                                 # right day, wrong year
    ("Meldung bis 15. Mai.", ["15. Mai"]),
    ("Frühdienst ab 6:30 Uhr.", ["6:30 Uhr"]),
    ("Frühstück wird um 25 Prozent gekürzt.", ["25 Prozent"]),
    ("Aufbewahrung fünfzehn Jahre.", ["fünfzehn Jahre"]),
    ("Es gibt zweihundertfünfzig Euro Zuschuss.", ["zweihundertfünfzig Euro"]),
])
def test_details_no_source_holds_are_marked(draft, flagged):
    assert unsupported(draft) == flagged


def test_numbers_from_the_question_are_not_invented():
    question = "Mein Hotel in München kostet 110 Euro, ich war 10 Stunden unterwegs."
    assert unsupported("Bei 110 Euro und 10 Stunden gilt: bis 90 Euro.", question=question) == []
    assert unsupported("Bei 110 Euro gilt: bis 90 Euro.") == ["110 Euro"]


def test_citations_placeholders_and_list_numbers_are_not_details():
    draft = "1. [Person 1] reicht den Antrag ein [2].\n2. Danach wartet [Person 2] auf den Bescheid [1]."
    assert extract_details(draft) == []


@pytest.mark.parametrize("draft, fixes", [
    # the example: Wohngeld rule cited with the source about travel costs
    ("Gegen den Bescheid ist Widerspruch innerhalb eines Monats möglich [2].", [(2, 1)]),
    ("Die Kilometerpauschale beträgt 0,30 Euro [1].", [(1, 2)]),
    ("Die Kilometerpauschale beträgt 0,30 Euro [2].", []),                   # right source: untouched
    ("Das ist so geregelt [7].", [(7, None)]),                               # no such source: removed
    ("Bitte beachten Sie die Hinweise [3].", [(3, None)]),                   # shares nothing with any source
])
def test_citations_that_share_nothing_are_replaced_or_removed(draft, fixes):
    check = check_draft(draft, SOURCES)
    assert [(f.cited, f.replacement) for f in check.citations] == fixes
    for f in check.citations:
        assert draft[f.start:f.end] == f"[{f.cited}]"


def test_a_word_all_sources_share_does_not_make_a_citation_fit():
    sources = {1: "Wohngeld: Kein Wohngeld erhalten Personen, die Bürgergeld beziehen.",
               2: "Wohngeld: Fachliche Fragen klärt die Fachbereichsleitung."}
    check = check_draft("Wer Bürgergeld bezieht, erhält kein Wohngeld [2].", sources)
    assert [(f.cited, f.replacement) for f in check.citations] == [(2, 1)]


def test_cited_after_applies_the_fixes():
    draft = "Widerspruch innerhalb eines Monats [2]. Pauschale 0,30 Euro [2]. Unsinn [9]."
    check = check_draft(draft, SOURCES)
    assert check.citations == (CitationFix(draft.index("[2]"), draft.index("[2]") + 3, 2, 1),
                               CitationFix(draft.index("[9]"), draft.index("[9]") + 3, 9, None))
    assert cited_after(check, draft, 3) == (1, 2)


def test_echoed_instruction_sentences_are_found_not_the_question():
    instructions = ["Antworten Sie in höchstens drei kurzen Sätzen und nur mit dem, was im Richtlinientext steht."]
    draft = ("Wohngeld wird für 12 Monate bewilligt [1]. Antworten Sie in höchstens drei kurzen Sätzen und nur mit "
             "dem, was im Richtlinientext steht.")
    check = check_draft(draft, SOURCES, instructions=instructions)
    assert len(check.echoes) == 1 and draft[check.echoes[0].start:].startswith("Antworten Sie")
    assert not check.unsupported  # "drei" inside the echo is not reported twice
    # the same words in the user's own question are no echo
    quiet = check_draft(draft, SOURCES, instructions=instructions, question=instructions[0])
    assert quiet.echoes == ()


@pytest.mark.parametrize("draft, evidence, conflict", [
    ("Ja, sie kann zusätzlich Wohngeld beantragen.", ["Kein Wohngeld erhalten in der Regel Personen, die Bürgergeld beziehen."], True),
    ("Nein, in der Regel nicht.", ["Kein Wohngeld erhalten in der Regel Personen, die Bürgergeld beziehen."], False),
    ("Nein, das geht nicht.", ["Sie gilt über das Ende des Arbeitsverhältnisses hinaus."], True),
    ("Ja. Sie gilt auch danach.", ["Sie gilt über das Ende des Arbeitsverhältnisses hinaus."], False),
    ("Nein – eine Nachricht per Messenger reicht nicht.", ["Eine Nachricht per Messenger reicht nicht."], False),
    ("Die Kilometerpauschale beträgt 0,30 Euro.", ["Kein Zuschlag für Mitfahrende."], False),  # no yes/no: no verdict
    ("Ja.", [], False),                                                                         # nothing quoted
])
def test_yes_or_no_against_the_quoted_evidence(draft, evidence, conflict):
    assert check_draft(draft, SOURCES, evidence=evidence).conflict is conflict
