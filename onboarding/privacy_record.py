"""What onboarding stores: its storage records for /transparenz and the Art. 30 record."""

from __future__ import annotations

from privacy import Content as C
from privacy import DataCategory as D
from privacy import StorageRecord, Table
from privacy import PersonCategory as P
from privacy.messages import OPERATOR

from onboarding.settings import OnboardingSettings


def storage_records(settings: OnboardingSettings) -> list[StorageRecord]:
    """Prompt library and proposals, rules acknowledgements, consultation-hour ratings."""
    return [
        StorageRecord(
            key="prompt_library",
            title="Promptbibliothek und Vorschläge",
            purpose="Bewährte Vorlagen teilen; Vorschläge von Beschäftigten prüfen und veröffentlichen.",
            contents=("Titel, Kategorie, Beschreibung und Text jeder Vorlage mit allen Versionen. Vorschläge aus dem "
                      "Chat werden so gespeichert, wie sie eingegeben wurden – nicht pseudonymisiert: bitte keine "
                      "Klientenangaben hineinschreiben. Wer vorgeschlagen oder geändert hat, steht im Protokoll der "
                      "Verwaltungsaktionen."),
            stored=True,
            data=(D.STAFF_TEXT,),
            persons=(P.STAFF,),
            locations=(
                Table("library_prompts", {"id": C.ID, "prompt_id": C.LABEL, "status": C.LABEL,
                                          "current_version": C.NUMBER, "published_version": C.NUMBER,
                                          "created_at": C.TIME, "updated_at": C.TIME}),
                Table("library_prompt_versions", {"id": C.ID, "prompt_id": C.LABEL, "version": C.NUMBER,
                                                  "title": C.STAFF_TEXT, "category": C.LABEL,
                                                  "description": C.STAFF_TEXT, "template": C.STAFF_TEXT,
                                                  "variables": C.ADMIN_TEXT, "author_role": C.LABEL,
                                                  "change": C.LABEL, "created_at": C.TIME}),
            ),
            retention="Unbegrenzt, mit allen Versionen.",
            readers="Vorschläge: Admins. Veröffentlichte Vorlagen: alle Beschäftigten. " + OPERATOR,
        ),
        StorageRecord(
            key="acknowledgements",
            title="Bestätigung der Nutzungsregeln",
            purpose="Die Nutzungsregeln nur dann erneut zeigen, wenn eine neue Fassung gilt.",
            contents="Benutzername, Fassung der Regeln und Zeitpunkt der Bestätigung.",
            stored=True,
            data=(D.ACCOUNT, D.ACTIVITY),
            persons=(P.STAFF,),
            locations=(Table("onboarding_acknowledgements", {"id": C.ID, "username": C.USERNAME,
                                                             "rules_version": C.NUMBER,
                                                             "acknowledged_at": C.TIME}),),
            retention="Unbegrenzt (kein automatisches Löschen).",
            readers="Nur SafeGPT selbst; keine Seite zeigt sie. " + OPERATOR,
        ),
        _consultation_record(settings),
    ]


def _consultation_record(settings: OnboardingSettings) -> StorageRecord:
    k = settings.consultation_min_ratings
    return StorageRecord(
        key="consultation_ratings",
        title="Bewertungen in der KI-Sprechstunde",
        purpose="Gemeinsam erproben, welche Vorlagen im Team helfen.",
        contents=("Je Bewertung: Sprechstunde, Vorlage und Version, hilfreich oder nicht, Tag und ein optionaler "
                  "Kommentar – pseudonymisiert, bevor er gespeichert wird. Kein Name, keine Verbindung zum Chat. "
                  "Dazu Titel, Vorlagen und Zeiten der Sprechstunden."),
        stored=True,
        data=(D.PSEUDONYMISED_TEXT, D.AGGREGATE),
        persons=(P.STAFF, P.CLIENTS),
        locations=(
            Table("consultation_ratings", {"id": C.ID, "session_id": C.ID, "prompt_id": C.LABEL,
                                           "prompt_version": C.NUMBER, "helpful": C.FLAG,
                                           "comment": C.PSEUDONYMISED_TEXT, "day": C.DAY}),
            Table("consultation_sessions", {"id": C.ID, "title": C.ADMIN_TEXT, "prompt_ids": C.LABEL,
                                            "opened_at": C.TIME, "closed_at": C.TIME}),
        ),
        retention="Unbegrenzt.",
        readers=f"Admins, Ergebnisse erst ab {k} Bewertungen je Vorlage. " + OPERATOR,
    )
