"""What the accessibility statement says, as data: the views that are checked, how, and what is known not to
conform (BITV 2.0 § 7, model of the EU implementing decision 2018/1523).

Two kinds of known issue: those found by axe-core (``axe_rule`` set; the browser test fails when such a finding
appears that is not declared here, and when a declared one no longer appears anywhere), and those that follow
from the configuration or from what SafeGPT does not offer (``check`` names the test that confirms each).
Findings of impact "serious" or "critical" are never declared: they are fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from chat.settings import Settings

# When the list below was last compared with the pages (the tests re-check it on every run).
REVIEWED = date(2026, 12, 6)
STANDARD = "BITV 2.0 (WCAG 2.1, Konformitätsstufe AA; EN 301 549)"


@dataclass(frozen=True)
class CheckedView:
    """One page or state the automatic checks look at (tests/browser/test_accessibility.py)."""

    key: str
    title: str


@dataclass(frozen=True)
class KnownIssue:
    """Something known not to conform, with the reason and what to do instead."""

    key: str
    criterion: str          # WCAG success criterion, e.g. "2.2.1 Zeitlich anpassbar"
    where: str
    problem: str
    reason: str
    alternative: str
    axe_rule: str | None = None  # the axe-core rule that finds it, if any
    check: str = ""              # the test that confirms it is (still) so


CHECKED_VIEWS: tuple[CheckedView, ...] = (
    CheckedView("login", "Anmeldeseite"),
    CheckedView("onboarding", "Einführung und Nutzungsregeln beim ersten Anmelden"),
    CheckedView("chat", "Chat mit Begrüßung und Promptbibliothek"),
    CheckedView("answer", "Chat mit Antwort, geöffneten „Geschützten Angaben“ und Quellenangaben"),
    CheckedView("source", "Geöffnete Quelle in der Seitenleiste"),
    CheckedView("feedback", "Rückmeldung zu einer Antwort mit Auswahl des Grundes"),
    CheckedView("new_chat", "Neuer Chat"),
    CheckedView("admin", "Verwaltungsseiten (Übersicht, Nutzung, Modelle, Benutzer, Protokoll, Wissensbasis, "
                         "Promptbibliothek, KI-Sprechstunden, Transparenz)"),
    CheckedView("statement", "Diese Erklärung"),
)

METHOD = (
    "Selbstbewertung. Bei jeder Änderung an SafeGPT laufen automatische Prüfungen in einem echten Browser "
    "(Chromium): axe-core {axe_version} mit allen Regeln für WCAG 2.0 und 2.1 der Stufen A und AA sowie den "
    "bewährten Verfahren, auf jeder der unten genannten Ansichten in heller und dunkler Darstellung; der ganze "
    "Kernablauf nur mit der Tastatur (anmelden, Regeln bestätigen, Vorlage wählen, schreiben und senden, Quelle "
    "und „Geschützte Angaben“ öffnen, Rückmeldung geben, übersehene Angabe schützen, neuer Chat); Anmeldung, "
    "Einführung und Chat in einem 360 Pixel breiten Fenster und bei 200 % Vergrößerung ohne waagerechtes "
    "Scrollen. Eine Prüfung mit Screenreadern durch betroffene Menschen steht noch aus."
)


def known_issues(settings: Settings) -> list[KnownIssue]:
    """The declared non-conformities for this configuration."""
    issues = [
        KnownIssue(
            key="guided_question_timeout",
            criterion="2.2.1 Zeitlich anpassbar",
            where="Geführte Vorlagen der Promptbibliothek und KI-Sprechstunden",
            problem=(f"Eine Rückfrage wartet {settings.chat.guided_question_minutes:g} Minuten auf Ihre Antwort und "
                     "bricht dann ohne vorherige Warnung ab; die Frist lässt sich im Chat nicht verlängern."),
            reason="Die Chat-Oberfläche (Chainlit) bietet für Rückfragen keine Verlängerung an.",
            alternative=("Ihre bisherigen Eingaben bleiben im Chat stehen. Starten Sie die Vorlage neu, oder "
                         "schreiben Sie Ihre Bitte frei in das Eingabefeld. Die Administration kann die Frist "
                         "verlängern ([chat] guided_question_minutes)."),
            check="test_declared_time_limits_are_real",
        ),
    ]
    if settings.server.session_hours < 20:  # WCAG 2.2.1: limits over 20 hours are exempt
        issues.append(KnownIssue(
            key="session_lifetime",
            criterion="2.2.1 Zeitlich anpassbar",
            where="Anmeldung",
            problem=(f"Eine Anmeldung gilt {settings.server.session_hours:g} Stunden; danach müssen Sie sich neu "
                     "anmelden, ohne vorherige Warnung."),
            reason="Begrenzte Anmeldedauer zum Schutz der Daten von Klientinnen und Klienten (Sicherheitsvorgabe).",
            alternative="Ihre Chats bleiben gespeichert; nach der neuen Anmeldung finden Sie sie in der Seitenleiste.",
            check="test_declared_time_limits_are_real",
        ))
    issues.append(KnownIssue(
        key="sign_language",
        criterion="BITV 2.0 § 4 (Erläuterungen in Deutscher Gebärdensprache)",
        where="Diese Erklärung",
        problem="Es gibt noch keine Erläuterungen in Deutscher Gebärdensprache (Videos).",
        reason="Die Videos müssen vom Träger erstellt werden und liegen noch nicht vor.",
        alternative="Die Erläuterungen in Leichter Sprache stehen unten auf dieser Seite.",
        check="test_statement_page_names_every_declared_issue",
    ))
    return issues


def conformance(issues: list[KnownIssue]) -> str:
    """BITV wording of the conformance status."""
    return "teilweise vereinbar" if issues else "vollständig vereinbar"
