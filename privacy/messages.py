"""German words of the privacy record: locations, data classes, headings of the report."""

NOT_FILLED_IN = "nicht eingetragen – bitte in der Einstellungsdatei unter [privacy] {field} eintragen"

# Model locations as the policy table names them ([policy] in safegpt.toml).
LOCATIONS = {
    "local": "auf dem SafeGPT-Server selbst (lokal, nichts verlässt den Server)",
    "on-prem": "im eigenen Rechenzentrum des Trägers",
    "eu-cloud": "bei einem Cloud-Anbieter in der EU (Auftragsverarbeitung nach Art. 28 DSGVO)",
}
UNKNOWN_LOCATION = "Standort „{location}“ (von der Organisation zu beschreiben und zu prüfen)"

# What a model may receive, one data class each (guardrails.DataClass values).
DATA_CLASSES = {
    "none": "Texte ohne personenbezogene Daten",
    "pseudonymised": "pseudonymisierte Texte (Klientenangaben durch Platzhalter ersetzt)",
    "residual_risk": "Texte mit Restrisiko (Angaben, die nicht sicher ersetzt werden konnten oder von Hand markiert wurden)",
    "special_category": "Texte mit besonders geschützten Angaben (Art. 9 DSGVO, z. B. Gesundheit)",
}
NOTHING = "nichts"

MODEL_KIND = "Sprachmodell"
EMBEDDING_KIND = "Einbettungsdienst (wandelt Fragen und Richtlinientexte in Zahlenvektoren)"
EMBEDDING_QUESTIONS = "Fragen: {kind}"
EMBEDDING_GUIDELINES = "die Texte der internen Richtlinien (beim Aufnehmen)"

REPORT_TITLE = "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO) – SafeGPT"
ACTIVITY_NAME = "KI-Assistent SafeGPT für Beschäftigte"
ACTIVITY_PURPOSE = ("Beschäftigte bei Texten und Fragen des Arbeitsalltags unterstützen (Dokumentation, Briefe, "
                    "Anträge, Auskünfte aus den internen Richtlinien), ohne dass Klientenangaben das System "
                    "unverschlüsselt verlassen.")
THIRD_COUNTRY_NONE = "keine – alle Empfänger liegen auf dem eigenen Server, im eigenen Rechenzentrum oder in der EU"
THIRD_COUNTRY_CHECK = "bitte prüfen: {names} (Standort nicht als lokal, eigenes Rechenzentrum oder EU bekannt)"
GENERAL_MEASURES = (
    "Klientenangaben werden vor dem Senden an ein Sprachmodell durch Platzhalter ersetzt (Pseudonymisierung).",
    "Ein Modell erhält eine Nachricht nur, wenn seine Freigabe und die Richtlinie für seinen Standort die "
    "Datenklasse der Nachricht erlauben.",
    "Anmeldung mit persönlichem Konto; Rollen (Mitarbeitende, Admin, Auswertung) werden bei jeder Anfrage auf "
    "dem Server geprüft.",
    "Keine Seite, keine Schnittstelle und kein Befehl zeigt einer Person die Chats einer anderen.",
    "Keine Auswertung über einzelne Beschäftigte; Bereiche erst ab einer Mindestzahl von Personen.",
    "Kein Nachrichtentext und keine Klientenangabe in Protokollen, Kennzahlen oder Fehlermeldungen.",
    "Zur Laufzeit keine Verbindung ins Internet außer zu freigegebenen Modellen.",
)

# Who can read stored data outside the application itself: whoever runs the server.
OPERATOR = "technisch: der Betrieb/die IT mit Zugriff auf Server und Datenbank"


def days(count: float) -> str:
    """"1 Tag", "30 Tage"."""
    return "1 Tag" if count == 1 else f"{count:g} Tage"
