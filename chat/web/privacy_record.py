"""What the server writes beside the database: chat session files, its log, technical files — storage
records for /transparenz and the Art. 30 record — and the retention of session files the server applies."""

from __future__ import annotations

from chat.settings import Settings
from privacy import Content as C
from privacy import DataCategory as D
from privacy import Files, Logs, StorageRecord
from privacy import PersonCategory as P
from privacy.messages import NOT_FILLED_IN

# Chainlit keeps a closed session (and its files) one hour for a reconnect.
SESSION_GRACE_HOURS = 1


def session_files_max_age_hours(settings: Settings) -> float:
    """After this many hours without a change a session's files are removed, also after a crash: no session
    lasts longer than a login (``session_hours``) plus the reconnect window."""
    return settings.server.session_hours + SESSION_GRACE_HOURS


def storage_records(settings: Settings) -> list[StorageRecord]:
    return [*_chat_file_records(settings), _server_log_record(settings), _technical_record()]


def _chat_file_records(settings: Settings) -> list[StorageRecord]:
    max_age = session_files_max_age_hours(settings)
    return [
        StorageRecord(
            key="chat_session_files",
            title="Arbeitsdateien einer Chat-Sitzung",
            purpose="Anhänge annehmen und als Quellen gezeigte Richtlinien-Auszüge im Browser anzeigen.",
            contents=("Angehängte Dateien, bis ihr Text gelesen ist (dann sofort gelöscht), und die Auszüge aus "
                      "Richtlinien, die unter einer Antwort als Quellen gezeigt werden."),
            stored=True,
            data=(D.CLIENT_DATA, D.GUIDELINES),
            persons=(P.CLIENTS, P.NAMED_IN_GUIDELINES),
            locations=(Files("chainlit/.files/*", (C.ATTACHMENT, C.GUIDELINE_TEXT)),
                       Files("chat_uploads/*", (C.ATTACHMENT,))),
            retention=("Angehängte Dateien: gelöscht, sobald ihr Text gelesen ist (Sekunden), auch wenn das Lesen "
                       "scheitert. Richtlinien-Auszüge: gelöscht eine Stunde nach dem Ende der Chat-Sitzung und mit "
                       f"dem Chat; nach einem Absturz spätestens {max_age:g} Stunden nach der letzten "
                       "Änderung (stündliche Prüfung)."),
            readers="Nur die Person in ihrer Chat-Sitzung; technisch: der Betrieb/die IT mit Zugriff auf den Server.",
        ),
    ]


def _server_log_record(settings: Settings) -> StorageRecord:
    org = settings.privacy
    return StorageRecord(
        key="server_log",
        title="Server-Protokoll",
        purpose="Betrieb und Fehlersuche.",
        contents=("Start- und Betriebsmeldungen, Warnungen und Fehler mit Fehlerart und Programmstelle, Kennungen "
                  "von Richtlinien-Dokumenten. Beim allerersten Start, wenn SafeGPT das erste Admin-Konto anlegt: "
                  "dessen Benutzername und Startpasswort. Nie Nachrichtentexte, Klientenangaben oder Namen von "
                  "Beschäftigten."),
        stored=True,
        data=(D.TECHNICAL,),
        persons=(P.ADMINS,),
        locations=(Logs(("chat", "knowledge", "guardrails", "onboarding", "privacy", "uvicorn", "chainlit",
                         "alembic", "httpx", "LiteLLM", "litellm", "chromadb", "py.warnings"),
                        "Standardausgabe des Serverprozesses (z. B. journald oder docker logs)"),),
        retention=org.server_log_retention or NOT_FILLED_IN.format(field="server_log_retention"),
        readers="Der Betrieb/die IT.",
        audience="operation",
    )


def _technical_record() -> StorageRecord:
    return StorageRecord(
        key="technical_files",
        title="Technische Dateien",
        purpose="Betrieb der Anwendung.",
        contents="Modelldateien, die aus den Einstellungen erzeugte Konfiguration der Chat-Oberfläche, "
                 "Übersetzungen und leere Sperrdateien. Keine personenbezogenen Daten.",
        stored=True,
        data=(),
        persons=(),
        locations=(Files("models/*", (C.PROGRAM,)), Files("chainlit/.chainlit/*", (C.PROGRAM,)),
                   Files("chainlit/chainlit*.md", (C.PROGRAM,)), Files("chainlit/public/*", (C.PROGRAM,)),
                   Files(".setup.lock", (C.EMPTY,)), Files("*.migrate-lock", (C.EMPTY,))),
        retention="Bis zur nächsten Aktualisierung.",
        readers="Der Betrieb/die IT.",
        audience="operation",
    )
