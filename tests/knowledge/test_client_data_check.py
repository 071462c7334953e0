"""The curation check tells the organisation's contact data (information) from client data (blocks),
with the real guardrail's detection and special-category detector as input."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from guardrails.guardrail import Guardrail
from guardrails.settings import GuardrailSettings
from knowledge.client_data_check import (
    ClientDataReport,
    Finding,
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
    # client data
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
