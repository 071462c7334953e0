"""The curation check tells the organisation's contact data (information) from client data (blocks),
with the real guardrail's detection and special-category detector as input."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from guardrails.guardrail import Guardrail
from guardrails.recognizers.institution import InstitutionVocabulary
from guardrails.settings import GuardrailSettings
from knowledge.client_data_check import (
    ClientDataReport,
    Finding,
    OrganisationWords,
    Severity,
    check_texts,
    classify_findings,
)


@pytest.fixture(scope="module")
def guardrail() -> Guardrail:
    return Guardrail(GuardrailSettings())


def _judged(guardrail: Guardrail, text: str) -> dict[str, tuple[str, Severity]]:
    findings = classify_findings(text, guardrail.detect(text), guardrail.special_categories)
    return {f"{f.entity_type}:{f.value}" if f.entity_type == "SPECIAL_CATEGORY" else f.value: (f.reason, f.severity)
            for f in findings}


INFO, BLOCK = Severity.INFO, Severity.BLOCK


@pytest.mark.parametrize("text, value, reason, severity", [
    # the organisation's own contact data
    ("Ansprechpartnerin ist die Datenschutzbeauftragte, Frau Dr. Miriam Hollenbach, Tel. 0521 98765-310.",
     "Miriam Hollenbach", "contact_person", INFO),
    ("Ansprechpartnerin ist die Datenschutzbeauftragte, Frau Dr. Miriam Hollenbach, Tel. 0521 98765-310.",
     "0521 98765-310", "office_number", INFO),
    ("Beschwerden bitte an beschwerde@lebenshilfe-bergheide.de oder an den Briefkasten.",
     "beschwerde@lebenshilfe-bergheide.de", "function_mailbox", INFO),
    ("Auskunftsersuchen gehen an datenschutz@diakonie-lindenfeld.de.", "datenschutz@diakonie-lindenfeld.de",
     "function_mailbox", INFO),
    ("Der Förderverein ist erreichbar unter kita-sonnenschein@web.de.", "kita-sonnenschein@web.de",
     "function_mailbox", INFO),
    ("Rufbereitschaft nachts und am Wochenende: Diensthandy 0171 5550 1234", "0171 5550 1234", "office_number", INFO),
    ("Am Tag selbst ist das Orga-Handy erreichbar: 0160 9988 7766.", "0160 9988 7766", "office_number", INFO),
    ("Spendenkonto: Sparkasse Freiburg-Nördlicher Breisgau, IBAN DE67 6805 0101 0012 3456 78, BIC FRSPDE66XXX",
     "DE67 6805 0101 0012 3456 78", "organisation_account", INFO),
    ("Fachkraft für Arbeitssicherheit ist Herr Ralf Sommer. Er begleitet die Begehungen.", "Ralf Sommer",
     "contact_person", INFO),
    ("Ansprechpartnerin für Klientinnen und Klienten ist Frau Birgit Meier (Sozialberatung).", "Birgit Meier",
     "contact_person", INFO),
    ("Geschäftsführung | Dr. Ulrich Fahrenholz | -10 | gf@paritaet-mittelfranken.de", "Ulrich Fahrenholz",
     "contact_person", INFO),
    ("Das Muster: Name | Max Mustermann | Pflegegrad 3", "Max Mustermann", "placeholder", INFO),
    ("Termin: 12. März 2025 im Tagungshaus St. Lioba in Mannheim.", "Lioba", "institution_name", INFO),
    ("Fallbeispiel: Frau Elif Demir (Name geändert) ist alleinerziehend und sucht eine Wohnung.", "Elif Demir",
     "placeholder", INFO),
    # the organisation's institutions and addresses (the guardrail masks them as [Einrichtung n] / [Adresse n])
    ("Die Anmeldung für die Kita Regenbogenland (Lindenstraße 12, 33602 Bielefeld) erfolgt über die Leitung.",
     "Kita Regenbogenland", "institution_name", INFO),
    ("Die Anmeldung für die Kita Regenbogenland (Lindenstraße 12, 33602 Bielefeld) erfolgt über die Leitung.",
     "Lindenstraße 12, 33602 Bielefeld", "organisation_address", INFO),
    ("Postanschrift: Diakonisches Werk Lindenfeld e.V., Kirchplatz 3, 32105 Bad Salzuflen.",
     "Kirchplatz 3, 32105 Bad Salzuflen", "organisation_address", INFO),
    ("Unsere Beratungsstelle in Herne-Wanne, Hauptstraße 220, ist montags bis freitags geöffnet.",
     "Hauptstraße 220", "organisation_address", INFO),
    # client data
    ("Notiz: Familie Yilmaz aus Herne-Wanne, die Kinder besuchen die Kita Regenbogenland.", "Yilmaz",
     "client_name", BLOCK),
    ("Frau Yilmaz wohnt in der Gartenstraße 5 in Dortmund-Hörde und berichtet von Mietschulden.",
     "Gartenstraße 5", "client_address", BLOCK),
    ("Hilfeplan für Jonas Weber, geb. 14.03.2012: Ziele sind regelmäßiger Schulbesuch.", "14.03.2012",
     "birth_date", BLOCK),
    ("Hilfeplan für Jonas Weber, geb. 14.03.2012: Ziele sind regelmäßiger Schulbesuch.", "Jonas Weber",
     "client_name", BLOCK),
    ("Die Klientin Aylin Demir lebt mit ihren Kindern in einer Zweizimmerwohnung.", "Aylin Demir",
     "client_name", BLOCK),
    ("Rentenversicherungsnummer 15 070649 C 103 liegt der Akte bei.", "15 070649 C 103", "identifier", BLOCK),
    ("Neue Anschrift von Herrn Tim Kaya: Lindenweg 4, 50667 Köln, Handy 0176 1234567.", "0176 1234567",
     "client_phone", BLOCK),
    ("Neue Anschrift von Herrn Tim Kaya: Lindenweg 4, 50667 Köln, Handy 0176 1234567.", "Lindenweg 4, 50667 Köln",
     "client_address", BLOCK),
    ("Bitte an Frau Zainab Hammoud überweisen, IBAN DE21 3819 4821 9935 1819 09.",
     "DE21 3819 4821 9935 1819 09", "client_account", BLOCK),
    ("Sie ist per E-Mail unter aylin.demir@web.de erreichbar.", "aylin.demir@web.de", "private_email", BLOCK),
    ("Sehr geehrte Frau Beutel, wir bestätigen Ihren Antrag vom 02.05.", "Beutel", "client_name", BLOCK),
    ("Frau Petra Schulz leidet seit Jahren an einer Psychose.", "SPECIAL_CATEGORY:Petra Schulz", "health_detail",
     BLOCK),
])
def test_findings_are_judged_by_their_context(guardrail: Guardrail, text: str, value: str, reason: str,
                                              severity: Severity) -> None:
    judged = _judged(guardrail, text)
    assert judged.get(value) == (reason, severity), judged


@pytest.mark.parametrize("text", [
    # A place or institution where the organisation works is no client data on its own.
    "Die Wohngruppe Birkenweg in Bad Salzuflen-Schötmar sucht Ehrenamtliche; die Tischlerei Hoppe hilft mit.",
    "S – Situation: Herr M. hat seit dem Mittag Fieber, 38,6 °C.",  # an initial is already a pseudonym
    "Bei Verdacht auf Sucht verweisen wir an die Suchtberatung; Depressionen sind keine Seltenheit.",
    "Die Richtlinie gilt ab dem 01.01.2025 für alle Einrichtungen in Musterstadt.",
    "Kinder mit Masern, Windpocken oder Scharlach dürfen die Kita nicht besuchen.",
])
def test_nothing_blocks_in_ordinary_guideline_sentences(guardrail: Guardrail, text: str) -> None:
    findings = classify_findings(text, guardrail.detect(text), guardrail.special_categories)
    assert all(f.severity is Severity.INFO for f in findings), [(f.reason, f.value) for f in findings]


def test_a_role_named_elsewhere_makes_a_bare_name_staff(guardrail: Guardrail) -> None:
    text = ("Ihre Ansprechperson ist die Freiwilligenkoordinatorin, Frau Lea Sandmann.\n\n"
            "Impressum\nFotos und Texte: Lea Sandmann")
    names = [f for f in classify_findings(text, guardrail.detect(text), guardrail.special_categories)
             if f.entity_type == "PERSON"]
    assert names and all(f.reason == "contact_person" for f in names)


def test_an_erfunden_statement_excuses_names_but_not_a_pasted_record(guardrail: Guardrail) -> None:
    example = "Beispiel: Sehr geehrte Frau Karin Olbrich, Ihr Antrag ist eingegangen. (Die Namen sind erfunden.)"
    assert all(f.severity is Severity.INFO for f in
               classify_findings(example, guardrail.detect(example), guardrail.special_categories))
    pasted = example + "\nNachtrag zur Akte: Diagnose laut Entlassbrief Psychose, Patientin Sabine Kern, RV-Nr. 15 070649 C 103."
    blocking = [f.reason for f in classify_findings(pasted, guardrail.detect(pasted), guardrail.special_categories)
                if f.severity is Severity.BLOCK]
    assert "identifier" in blocking


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    entity_type: str
    score: float


@pytest.mark.parametrize("text, number", [
    ("Elterntelefon: 0800 111 0 550 (kostenlos und anonym)", "0800 111 0 550"),
    ("Nummer gegen Kummer: 116 111", "116 111"),
    ("Ärztlicher Bereitschaftsdienst 116117", "116117"),
    ("Sucht & Drogen Hotline: 01806 313031", "01806 313031"),
])
def test_public_service_numbers_are_information_whoever_reports_them(text: str, number: str) -> None:
    # The shipped guardrail already leaves most service numbers alone; another detector may not.
    start = text.index(number)
    findings = classify_findings(text, [_Span(start, start + len(number), "PHONE_NUMBER", 0.9)], lambda _t: ())
    assert [(f.reason, f.severity) for f in findings] == [("service_number", Severity.INFO)]


def test_works_on_any_spans_and_ignores_dates_places_and_weak_guesses() -> None:
    text = "Am 03.04.2025 in Köln: Ambulante Hilfen, Herr Jens Albrecht, Leitung IT."
    spans = [_Span(3, 13, "DATE_TIME", 0.6), _Span(17, 21, "LOCATION", 0.8), _Span(23, 39, "PERSON", 0.7),
             _Span(46, 59, "PERSON", 0.9)]
    findings = classify_findings(text, spans, lambda _text: ())
    assert [(f.value, f.reason) for f in findings] == [("Jens Albrecht", "contact_person")]


def test_report_merges_overlapping_chunks_and_keeps_the_severer_judgement(guardrail: Guardrail) -> None:
    first = "Leitung IT: Herr Jens Albrecht, Durchwahl 440."
    second = "Herr Jens Albrecht, Durchwahl 440. Der Klient Jens Albrecht wohnt seit Mai bei uns."
    report = check_texts([first, second], guardrail.detect, guardrail.special_categories)
    names = [f for f in report.findings if f.value == "Jens Albrecht"]
    assert len(names) == 1 and names[0].severity is Severity.BLOCK and report.blocked
    assert report.findings[0].severity is Severity.BLOCK  # blocking findings first


def test_summary_and_repr_never_show_values(guardrail: Guardrail) -> None:
    text = "Die Klientin Aylin Demir, geb. 14.03.1987, ist unter aylin.demir@web.de erreichbar."
    report = check_texts([text], guardrail.detect, guardrail.special_categories)
    assert report.blocked
    summary = report.summary()
    assert "Geburtsdatum: 1" in summary and "private E-Mail-Adresse einer Person: 1" in summary
    for secret in ("Aylin", "Demir", "14.03.1987", "web.de"):
        assert secret not in summary
        assert secret not in repr(report) and all(secret not in repr(f) for f in report.findings)
    shown = {f.reason: f.context for f in report.findings}
    assert "[14.03.1987]" in shown["birth_date"] and "geb." in shown["birth_date"]  # the admin sees the words around


def test_finding_labels_are_german() -> None:
    finding = Finding("EMAIL_ADDRESS", "function_mailbox", Severity.INFO, "info@example.org", "an", "oder")
    assert finding.label == "Funktionspostfach"
    assert ClientDataReport((finding,)).blocked is False


@pytest.mark.parametrize("word, known", [
    ("awo", True), ("e.v", True), ("ggmbh", True), ("caritas-sozialstation", True), ("jugendwerkstatt", True),
    ("kita-gebühren", True), ("förderverein", True),
    # towns ending like a weak head, everyday words, people's words
    ("mannheim", False), ("daheim", False), ("bleistift", False), ("mutter", False), ("wohnung", False),
])
def test_organisation_words_come_from_the_guardrails_institution_list(word: str, known: bool) -> None:
    assert (word in OrganisationWords.load()) is known


def test_the_check_follows_the_institution_list_it_is_given() -> None:
    # One home for carriers and legal forms: a carrier added to the guardrail's list makes its phone an
    # office line here too. A mobile number with nothing around it stays a person's.
    text = "Bei Fragen zur Ausgabe: Zwergenhilfe, 0176 2233 4455."
    start = text.index("0176")
    span = [_Span(start, start + len("0176 2233 4455"), "PHONE_NUMBER", 0.9)]
    without = classify_findings(text, span, lambda _t: (), organisation_words=OrganisationWords.load())
    listed = OrganisationWords.from_vocabulary(InstitutionVocabulary(carriers={"Zwergenhilfe"}))
    with_carrier = classify_findings(text, span, lambda _t: (), organisation_words=listed)
    assert [(f.reason, f.severity) for f in without] == [("client_phone", BLOCK)]
    assert [(f.reason, f.severity) for f in with_carrier] == [("office_number", INFO)]


@pytest.mark.parametrize("text, value, reason, severity", [
    # A table's header row says what every row holds: a duty roster of staff, or a list of clients.
    ("Rufdienst | Name | Handy\nMo | Frau Petra Lange | 0172 9081 3344\nDi | Herr Ole Brandt | 0151 2200 8876",
     "0151 2200 8876", "office_number", INFO),
    ("Klientin | Telefon | Termin\nFrau Petra Lange | 0172 9081 3344 | Dienstag\nHerr Ole Brandt | 0151 2200 8876 | -",
     "0151 2200 8876", "client_phone", BLOCK),
    # Someone's own number or address, whoever is named nearby.
    ("Bin ab Montag wieder da, erreichbar über das Diensthandy oder privat unter 0176 3344 5566.",
     "0176 3344 5566", "client_phone", BLOCK),
    ("Meine neue Adresse ab März: Birkenallee 7, 04275 Leipzig, bitte an die Beratungsstelle weitergeben.",
     "Birkenallee 7, 04275 Leipzig", "client_address", BLOCK),
    # ... but not a colleague's own extension or office
    ("Bei Rückfragen erreichen Sie mich unter meiner Durchwahl 0521 98765-219.", "0521 98765-219",
     "office_number", INFO),
    ("Sie finden mein Büro im Erdgeschoss, Kirchstraße 3, 33602 Bielefeld.", "Kirchstraße 3, 33602 Bielefeld",
     "organisation_address", INFO),
    # An age right after a name describes a case; a staff member is named with a role.
    ("Herr Dieter Vogel, 67, hat die Unterlagen noch nicht abgegeben.", "Dieter Vogel", "client_name", BLOCK),
    ("Im Erstgespräch erzählte Jana Ostrowski (ca. 15 Jahre), dass sie nicht nach Hause will.", "Jana Ostrowski",
     "client_name", BLOCK),
    ("Unsere Kollegin Sandra Pohl hat heute ihren letzten Arbeitstag in der Tagesgruppe.", "Sandra Pohl",
     "contact_person", INFO),
    ("Seit Januar ist Malte Jürgens als Praktikant im Fahrdienst.", "Malte Jürgens", "contact_person", INFO),
    # Debts and English case-file words put a name into a case.
    ("Betreff: Herr Jörg Wenzel – offene Forderung über 2.310 €, Ratenzahlung ist angeboten.", "Jörg Wenzel",
     "client_name", BLOCK),
    ("Client Jörg Wenzel, DOB 04/11/1979, missed two appointments.", "Jörg Wenzel", "client_name", BLOCK),
])
def test_tables_own_words_ages_and_staff_words(guardrail: Guardrail, text: str, value: str, reason: str,
                                               severity: Severity) -> None:
    judged = _judged(guardrail, text)
    assert judged.get(value) == (reason, severity), judged


def test_a_birth_date_next_to_a_placeholder_name_is_the_examples() -> None:
    text = "So sieht es aus: Ich, Erika Mustermann, geb. 12.08.1964, entbinde die Beratungsstelle von der Schweigepflicht."
    start = text.index("12.08.1964")
    findings = classify_findings(text, [_Span(start, start + 10, "DATE_OF_BIRTH", 0.9)], lambda _t: ())
    assert [(f.reason, f.severity) for f in findings] == [("placeholder", INFO)]
    real = text.replace("Erika Mustermann", "Erika Lindholm")
    start = real.index("12.08.1964")
    findings = classify_findings(real, [_Span(start, start + 10, "DATE_OF_BIRTH", 0.9)], lambda _t: ())
    assert [(f.reason, f.severity) for f in findings] == [("birth_date", BLOCK)]


# Rules of issue 18's second round, each with a near miss that must stay information. The hand-written
# development set behind them is tests/knowledge/client_data_devset.py (test_client_data_devset.py).
@pytest.mark.parametrize("text, value, blocks", [
    # relatives in the forms case notes use
    ("Familiengericht: Umgang des Vaters mit Lina und Paul wird ausgesetzt.", "Lina", True),
    ("Die Kindesmutter, Frau Ivanova, ist aus unserer Sicht erziehungsfähig.", "Ivanova", True),
    # a possessive before a family word: someone's own family ...
    ("Gespräch mit Bogdan und seiner Ex-Partnerin über den Umgang, sehr angespannt.", "Bogdan", True),
    # ... but not a spouse, which chronicles and staff news name too
    ("Unser Gründer Friedrich Adler baute das Haus gemeinsam mit seiner Frau auf.", "Friedrich Adler", False),
    # a room number: where someone lives in a home; an office is a "Raum"
    ("Übergabe: Zi. 12 Herr Brandt unruhig, 2x aufgestanden.", "Brandt", True),
    ("Übergabe: Raum 12 Herr Brandt, Sitzung um zehn.", "Brandt", False),
    # a school class; a legal paragraph is none
    ("Leider fehlt Leon Schubert aus der 7b seit zwei Wochen unentschuldigt.", "Leon Schubert", True),
    ("Nach § 8a SGB VIII wird Jana Kühn hinzugezogen.", "Jana Kühn", False),
    # an application or plan "für" someone
    ("BuT-Antrag für Ali und Zeynep gestellt, Bewilligung steht noch aus.", "Ali", True),
    ("Anträge nimmt Ali Yilmaz entgegen, die Bewilligung dauert drei Wochen.", "Ali Yilmaz", False),
    # a "Begleitung" is received, not led; a "Fachbereichsleitung" still is a role
    ("Die Schulbegleitung für Noah Krüger endet, die Mutter hat nichts beantragt.", "Noah Krüger", True),
    ("Bei Rückfragen: Herr Stefan Yıldırım (Fachbereichsleitung HzE).", "Stefan Yıldırım", False),
    # telephone notes and appointments about a person
    ("Rückrufbitte: Herr Petrenko, der Vermieter hat gekündigt.", "Petrenko", True),
    ("Tel.-Notiz: Frau Adomako selbst nicht erreichbar.", "Adomako", True),
    ("RR Frau Szymańska – Termin beim Jobcenter verschoben auf Dienstag.", "Szymańska", True),
    ("Termin bei Frau Szymańska, Sekretariat, nach Vereinbarung.", "Szymańska", False),
    # a name in a copied chat line after a sender with a clock time; a programme is no chat
    ("Mareike 10:32: Tran Van Minh hat seinen Schlüssel wieder verloren, Ersatz bestellt.", "Tran Van Minh", True),
    ("14:00 Anna Schmidt: Kinderschutz in der Praxis\n15:00 Bernd Kaiser: Elternarbeit", "Bernd Kaiser", False),
])
def test_client_stories_around_a_name(guardrail: Guardrail, text: str, value: str, blocks: bool) -> None:
    judged = _judged(guardrail, text)
    assert value in judged, judged
    assert (judged[value][1] is BLOCK) is blocks, judged


def test_a_chat_sender_is_not_made_a_client(guardrail: Guardrail) -> None:
    text = "Mareike 10:32: Tran Van Minh hat seinen Schlüssel wieder verloren, Ersatz bestellt."
    assert _judged(guardrail, text)["Mareike"][1] is INFO


@pytest.mark.parametrize("line, blocks", [
    ("nur zur info – bei olena ist der mann wieder aufgetaucht, sie übernachtet bei ihrer schwester.", True),
    ("hey, kurze info: mehmet war gestern wieder nicht in der schule, mutter geht nicht ans telefon.", True),
    # a line typed in lower case without a person in a client's story
    ("bitte keine namen in den chat eingeben, danke an alle und einen schönen tag.", False),
])
def test_a_line_typed_in_lower_case_is_read_on_its_own(guardrail: Guardrail, line: str, blocks: bool) -> None:
    # Inside a guideline the guardrail does not read lower-case names; the line alone, it does.
    guideline = ("Die Beratungsstelle hilft beim Antrag auf Wohngeld. Bringen Sie bitte den Mietvertrag und die "
                 "Einkommensnachweise mit.")
    text = f"{guideline}\n{line}\nDie Bearbeitung dauert etwa sechs Wochen."
    assert not check_texts([guideline], guardrail.detect, guardrail.special_categories).blocked
    assert check_texts([text], guardrail.detect, guardrail.special_categories).blocked is blocks
