"""DRAFT (to be split next to each area's code once chat/ is reorganised): storage records of chat's areas."""

from __future__ import annotations

import os

from privacy import Content as C
from privacy import DataCategory as D
from privacy import Elsewhere, Files, Logs, StorageRecord, Table
from privacy import PersonCategory as P

OPERATOR = "technisch: der Betrieb/die IT mit Zugriff auf Server und Datenbank"


def _days(n: float) -> str:
    return "1 Tag" if n == 1 else f"{n:g} Tage"


def history_records(settings) -> list[StorageRecord]:
    on = settings.history.enabled
    days = settings.history.retention_days
    from_env = bool(os.environ.get("SAFEGPT_HISTORY_KEY"))
    key_where = ("in der Umgebungsvariable SAFEGPT_HISTORY_KEY des Servers" if from_env
                 else "in der Datei data/secrets/history.key auf dem Server")
    history = StorageRecord(
        key="history",
        title="Chatverlauf",
        purpose="Damit Beschäftigte ihre früheren Chats wieder öffnen und fortsetzen können.",
        contents=("Die Nachrichten so, wie sie geschrieben wurden – mit den echten Angaben zu Klientinnen und "
                  "Klienten; die Antworten; der Schritt „Geschützte Angaben“, der jede echte Angabe ihrem "
                  "Platzhalter zuordnet; die Namen angehängter Dateien (nicht die Dateien selbst); die als Quellen "
                  "gezeigten Auszüge aus Richtlinien; Titel und Sitzungseinstellungen des Chats. Unverschlüsselt "
                  "sind nur technische Kennungen, der Benutzername und die Zeitpunkte."),
        stored=on,
        data=(D.CHAT_CONTENT, D.CLIENT_DATA, D.PSEUDONYM_MAPPING, D.ACCOUNT, D.ACTIVITY),
        persons=(P.STAFF, P.CLIENTS),
        locations=(
            Table("chat_threads", {"id": C.ID, "author": C.USERNAME, "created_at": C.TIME, "updated_at": C.TIME,
                                   "data": C.CIPHERTEXT}),
            Table("chat_steps", {"id": C.ID, "thread_id": C.ID, "created_at": C.TIME, "data": C.CIPHERTEXT}),
            Table("chat_elements", {"id": C.ID, "thread_id": C.ID, "data": C.CIPHERTEXT}),
        ),
        retention=(f"{_days(days)} nach der letzten Nutzung eines Chats automatisch gelöscht (Prüfung stündlich). "
                   "Jede Person kann ihre Chats jederzeit selbst löschen, einzeln in der Seitenleiste des Chats "
                   "oder einzeln und alle unter „Meine Chats“ (/meine-daten); gelöscht werden alle Nachrichten, "
                   "Antworten, Angaben zu Anhängen und die Zuordnung der Platzhalter."),
        readers=("In SafeGPT nur die Person, die den Chat geführt hat – auch Admins nicht: es gibt keine Seite, "
                 "keine Schnittstelle und keinen Befehl, der die Chats einer anderen Person zeigt. Technisch "
                 "entschlüsseln kann den "
                 f"Verlauf, wer Zugriff auf den Server und auf den Schlüssel hat ({key_where}) – also der "
                 "Betrieb/die IT."),
        measures=(
            "Chatverlauf verschlüsselt gespeichert (Fernet: AES-128-CBC mit HMAC-SHA256); der Schlüssel liegt "
            "außerhalb der Datenbank.",
            "Ein Chat wird nur seinem Autor gezeigt; die Prüfung erfolgt auf dem Server.",
        ),
        enabled_by="[history] enabled",
        when_off=("Es wird kein Chatverlauf gespeichert. Nachrichten und Antworten stehen nur im geöffneten Chat; "
                  "nach dem Schließen des Chats oder einem Neustart des Servers sind sie weg."),
    )
    key = StorageRecord(
        key="history_key",
        title="Schlüssel des Chatverlaufs",
        purpose="Ver- und Entschlüsseln des Chatverlaufs.",
        contents="Ein zufälliger Schlüssel (Fernet).",
        stored=on and not from_env,
        data=(D.KEYS,),
        persons=(),
        locations=(Files("secrets/history.key", (C.SECRET_KEY,)),),
        retention="Solange der Chatverlauf entschlüsselbar bleiben soll.",
        readers="Der Betrieb/die IT (Dateirechte 0600, nur das Konto des Servers).",
        enabled_by="[history] enabled, SAFEGPT_HISTORY_KEY",
        when_off=("Keine Schlüsseldatei: " + ("der Schlüssel kommt aus der Umgebungsvariable SAFEGPT_HISTORY_KEY."
                                              if from_env else "es wird kein Chatverlauf gespeichert.")),
        audience="operation",
    )
    outage = StorageRecord(
        key="history_outage",
        title="Chatverlauf, während die Datenbank nicht erreichbar ist",
        purpose="Damit ein Chat weiterläuft, wenn die Datenbank kurz ausfällt.",
        contents="Neue Einträge des Chatverlaufs, bereits verschlüsselt – nur im Arbeitsspeicher des Servers.",
        stored=on,
        data=(D.CHAT_CONTENT, D.CLIENT_DATA, D.PSEUDONYM_MAPPING),
        persons=(P.STAFF, P.CLIENTS),
        locations=(),
        retention=("Bis die Datenbank wieder erreichbar ist (Prüfung alle 2 Sekunden); dann in den Chatverlauf "
                   "geschrieben. Startet der Server vorher neu, gehen diese Einträge verloren – der Chat weist "
                   "bei jeder Antwort darauf hin, solange die Datenbank nicht erreichbar ist."),
        readers="Niemand; sie liegen verschlüsselt im Arbeitsspeicher des Serverprozesses.",
        enabled_by="[history] enabled",
        when_off="Ohne Chatverlauf wird auch bei einem Datenbankausfall nichts zwischengespeichert.",
    )
    return [history, key, outage]


def memory_record(settings) -> StorageRecord:
    from chat.history.live import IDLE_SECONDS

    api = settings.api
    return StorageRecord(
        key="pseudonym_memory",
        title="Zuordnung Platzhalter ↔ echte Angaben während eines Gesprächs",
        purpose="Damit dieselbe Person im ganzen Gespräch denselben Platzhalter behält und die Antwort die "
                "echten Angaben wieder enthält.",
        contents=("Je Gespräch: welche echte Angabe durch welchen Platzhalter ersetzt wurde, und die "
                  "pseudonymisierten bisherigen Nachrichten. Nur im Arbeitsspeicher des Serverprozesses, nie "
                  "unverschlüsselt auf der Festplatte und nie in Protokollen."),
        stored=True,
        data=(D.PSEUDONYM_MAPPING, D.CLIENT_DATA),
        persons=(P.CLIENTS,),
        locations=(),
        retention=(f"Im Chat: bis {IDLE_SECONDS / 3600:g} Stunden ohne Nutzung vergangen sind, der Chat gelöscht "
                   "wird oder der Server neu startet. Über die Schnittstelle /v1: "
                   f"{api.conversation_ttl_seconds / 60:g} Minuten nach der letzten Anfrage."),
        readers="Niemand; nur der Serverprozess selbst verwendet sie.",
    )


def chat_file_records(settings) -> list[StorageRecord]:
    session_hours = settings.server.session_hours
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
                       f"dem Chat; nach einem Absturz spätestens {session_hours + 1:g} Stunden nach der letzten "
                       "Änderung (stündliche Prüfung)."),
            readers="Nur die Person in ihrer Chat-Sitzung; technisch: der Betrieb/die IT mit Zugriff auf den Server.",
        ),
    ]


def usage_records(settings) -> list[StorageRecord]:
    on = settings.usage.enabled
    k = settings.usage.department_k
    events = {"id": C.ID, "day": C.DAY, "kind": C.LABEL, "model": C.LABEL, "outcome": C.LABEL,
              "prompt_tokens": C.NUMBER, "completion_tokens": C.NUMBER, "latency_ms": C.NUMBER,
              "feedback": C.NUMBER, "pii_counts": C.LABEL, "prompt_id": C.LABEL, "sources": C.FILE_NAME,
              "no_source": C.FLAG, "department": C.DEPARTMENT}
    readers = f"Admin- und Auswertungsrolle, nur als Summen; Bereiche erst ab {k} verschiedenen Personen. " + OPERATOR
    return [
        StorageRecord(
            key="usage",
            title="Nutzungszahlen",
            purpose="Erkennen, ob und wie SafeGPT hilft (Einführung begleiten, Fehler und Auslastung sehen).",
            contents=("Je Anfrage: Tag (ohne Uhrzeit), Modell, Anzahl Tokens, Antwortzeit, Ergebnis oder Fehlerart, "
                      "Anzahl ersetzter Angaben je Art, genutzte Bibliotheksvorlage, zitierte Richtlinien-Dateien, "
                      "ggf. der Bereich. Kein Name, keine Kennung, kein Text. Um Bereiche erst ab "
                      f"{k} Personen zu zeigen, wird je Bereich und Monat ein Hashwert des Benutzernamens mit einem "
                      "monatlich gewechselten Schlüssel gezählt – ohne Verbindung zu den Anfragen."),
            stored=on,
            data=(D.AGGREGATE, D.HASHED_IDENTIFIERS),
            persons=(P.STAFF,),
            locations=(
                Table("usage_events", events, rows={"kind": "answer"}),
                Table("department_members", {"id": C.ID, "department": C.DEPARTMENT, "month": C.MONTH,
                                             "member": C.KEYED_HASH}),
                Table("usage_month_keys", {"month": C.MONTH, "key": C.SECRET_KEY}),
            ),
            retention=("Nutzungszahlen unbegrenzt (ohne Personenbezug). Die Hashwerte je Bereich bleiben; der "
                       "Schlüssel eines Monats wird zu Beginn des nächsten gelöscht, danach lässt sich kein "
                       "Hashwert mehr einer Person zuordnen."),
            readers=readers,
            measures=(f"Auswertungen nach Bereichen erst ab {k} verschiedenen Personen.",),
            enabled_by="[usage] enabled",
            when_off="Es werden keine Nutzungszahlen gespeichert.",
        ),
        StorageRecord(
            key="feedback",
            title="Rückmeldungen (hilfreich / nicht hilfreich)",
            purpose="Die Qualität der Antworten einschätzen.",
            contents=("Je Rückmeldung: Tag, Modell, ggf. Bibliotheksvorlage und Bereich, hilfreich oder nicht. Ohne "
                      "Namen und ohne Verbindung zum Chat. Ein Kommentar zur Rückmeldung wird nicht gespeichert."),
            stored=on,
            data=(D.AGGREGATE,),
            persons=(P.STAFF,),
            locations=(Table("usage_events", events, rows={"kind": "feedback"}),),
            retention="Unbegrenzt (ohne Personenbezug).",
            readers=readers,
            enabled_by="[usage] enabled",
            when_off="Rückmeldungen werden nicht gespeichert.",
        ),
        StorageRecord(
            key="metrics",
            title="Betriebskennzahlen (/metrics)",
            purpose="Überwachung des Betriebs (Prometheus).",
            contents=("Zähler je Modell und Ergebnis: Antworten, Tokens, Antwortzeiten, ersetzte Angaben je Art, "
                      "Rückmeldungen. Keine Namen, keine Texte, keine Bereiche."),
            stored=True,
            data=(D.AGGREGATE,),
            persons=(),
            locations=(),
            retention="Im Arbeitsspeicher bis zum nächsten Neustart des Servers.",
            readers="Jeder, der die Adresse /metrics des Servers erreicht (im Betrieb am Proxy abschirmen).",
            audience="operation",
        ),
    ]


def consultation_record(settings) -> StorageRecord:
    k = settings.onboarding.consultation_min_ratings
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


def prompt_records(settings) -> list[StorageRecord]:
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
    ]


def account_records(settings) -> list[StorageRecord]:
    security = settings.security
    return [
        StorageRecord(
            key="accounts",
            title="Benutzerkonten",
            purpose="Anmeldung und Rollen (Mitarbeitende, Admin, Auswertung).",
            contents="Benutzername, Rolle, Bereich, gesperrt ja/nein, Anlagezeitpunkt, Passwort nur als Argon2-Hash "
                     "(bei Anmeldung über SSO kein Passwort).",
            stored=True,
            data=(D.ACCOUNT, D.CREDENTIALS),
            persons=(P.STAFF, P.ADMINS),
            locations=(Table("users", {"id": C.ID, "username": C.USERNAME, "password_hash": C.PASSWORD_HASH,
                                       "role": C.LABEL, "disabled": C.FLAG, "created_at": C.TIME,
                                       "department": C.DEPARTMENT}),),
            retention="Bis ein Admin das Konto sperrt; gesperrte Konten bleiben gespeichert (kein Löschen).",
            readers="Admins (Seite Benutzer, Befehl safegpt user list). " + OPERATOR,
            measures=("Passwörter nur als Argon2-Hash gespeichert.",),
        ),
        StorageRecord(
            key="login_attempts",
            title="Fehlgeschlagene Anmeldungen",
            purpose="Schutz vor dem Erraten von Passwörtern (Sperre nach zu vielen Fehlversuchen).",
            contents=("Je Benutzername und je IP-Adresse nur ein SHA-256-Hashwert, die Zahl der Fehlversuche und "
                      "Zeitpunkte; nie der Name, die Adresse oder das eingegebene Passwort."),
            stored=True,
            data=(D.HASHED_IDENTIFIERS, D.ACTIVITY),
            persons=(P.LOGIN_ATTEMPTS,),
            locations=(Table("login_attempts", {"key": C.HASH, "failures": C.NUMBER, "window_start": C.TIME,
                                                "locked_until": C.TIME}),),
            retention=(f"Nach erfolgreicher Anmeldung sofort gelöscht (für den Namen). Sonst beim nächsten "
                       f"Fehlversuch gelöscht, wenn älter als {2 * security.lockout_minutes:g} Minuten – ohne "
                       "weiteren Fehlversuch bleiben sie stehen."),
            readers="Nur SafeGPT selbst. " + OPERATOR,
            measures=(f"Sperre nach {security.max_failed_logins} Fehlversuchen je Name und "
                      f"{security.max_failed_logins_per_ip} je Adresse für {security.lockout_minutes:g} Minuten.",),
        ),
        StorageRecord(
            key="login_secrets",
            title="Anmeldeschlüssel und Startpasswort",
            purpose="Anmeldungen signieren; erstes Admin-Konto einrichten.",
            contents=("Der Schlüssel, mit dem SafeGPT Anmeldungen signiert (falls nicht aus CHAINLIT_AUTH_SECRET), "
                      "und – nur wenn SafeGPT das erste Admin-Konto selbst angelegt hat – dessen Startpasswort im "
                      "Klartext."),
            stored=True,
            data=(D.KEYS, D.CREDENTIALS),
            persons=(P.ADMINS,),
            locations=(Files("secrets/chainlit_auth_secret", (C.SECRET_KEY,)),
                       Files("secrets/initial_admin_password", (C.PASSWORD,))),
            retention="Bis der Betrieb die Datei löscht; das Startpasswort gilt, bis es geändert wird.",
            readers="Der Betrieb/die IT (Dateirechte 0600).",
            audience="operation",
        ),
    ]


def audit_record(settings) -> StorageRecord:
    return StorageRecord(
        key="audit_log",
        title="Protokoll der Verwaltungsaktionen",
        purpose="Nachvollziehen, wer Konten, Rollen, Wissensbasis, Promptbibliothek, Sprechstunden und "
                "Modellfreigaben geändert hat.",
        contents=("Wer (Benutzername eines Admins, bei Vorschlägen für die Promptbibliothek auch von "
                  "Beschäftigten; „config“ bei Änderungen der Einstellungsdatei), wann, welche Aktion an welchem "
                  "Objekt, mit einer kurzen Angabe – nie Inhalte von Chats oder Dokumenten."),
        stored=True,
        data=(D.ACCOUNT, D.ACTIVITY),
        persons=(P.ADMINS, P.STAFF),
        locations=(Table("audit_log", {"id": C.ID, "at": C.TIME, "actor": C.USERNAME, "area": C.LABEL,
                                       "action": C.LABEL, "target": C.OBJECT, "detail": C.DETAIL}),),
        retention="Unbegrenzt (kein automatisches Löschen).",
        readers="Admins (Seite Protokoll). " + OPERATOR,
    )


def api_records(settings) -> list[StorageRecord]:
    return [
        StorageRecord(
            key="api",
            title="Schnittstelle für Fachsysteme (/v1)",
            purpose="Eigene Systeme des Trägers nutzen denselben geschützten Weg; Zugriff und Nutzung steuern.",
            contents=("Je Schlüssel: öffentliche Kennung, SHA-256-Hashwert des Geheimnisses, Name des Systems, "
                      "erlaubte Modelle und Datenklassen, Ratenlimit, Zeitpunkte. Je Tag, System, Modell und "
                      "Ergebnis: Zahl der Anfragen und Tokens. Kein Text, keine Person."),
            stored=True,
            data=(D.AGGREGATE, D.CREDENTIALS),
            persons=(),
            locations=(
                Table("api_keys", {"id": C.ID, "key_id": C.ID, "secret_hash": C.HASH, "system": C.SYSTEM_NAME,
                                   "models": C.LABEL, "data_classes": C.LABEL, "rate_per_minute": C.NUMBER,
                                   "created_at": C.TIME, "revoked_at": C.TIME}),
                Table("api_usage", {"id": C.ID, "day": C.DAY, "system": C.SYSTEM_NAME, "model": C.LABEL,
                                    "outcome": C.LABEL, "requests": C.NUMBER, "prompt_tokens": C.NUMBER,
                                    "completion_tokens": C.NUMBER}),
            ),
            retention="Unbegrenzt; widerrufene Schlüssel bleiben mit Widerrufszeitpunkt stehen.",
            readers="Der Betrieb (Befehl safegpt apikey). ",
            audience="operation",
        ),
    ]


def database_record(settings) -> StorageRecord:
    from urllib.parse import urlsplit

    url = settings.db_url
    sqlite = url.startswith("sqlite")
    where = (Files("safegpt.db*", (C.DATABASE_FILE,)),) if sqlite else (
        Elsewhere(f"PostgreSQL-Datenbank auf {urlsplit(url).hostname or 'dem Datenbankserver'}"),)
    return StorageRecord(
        key="database",
        title="Datenbank",
        purpose="Hält die Tabellen der übrigen Einträge dieser Seite.",
        contents="Die Tabellen, die bei den einzelnen Einträgen genannt sind."
                 + (" Als SQLite-Datei mit Schreibprotokoll (-wal) und Sperrdateien." if sqlite else ""),
        stored=True,
        data=(),
        persons=(),
        locations=where,
        retention="Siehe die einzelnen Einträge.",
        readers=OPERATOR[0].upper() + OPERATOR[1:] + ".",
        audience="operation",
    )


def server_log_record(settings) -> StorageRecord:
    org = settings.privacy
    from privacy.messages import NOT_FILLED_IN

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


def backup_record(settings) -> StorageRecord:
    from privacy.messages import NOT_FILLED_IN

    days = settings.privacy.backup_retention_days
    return StorageRecord(
        key="backups",
        title="Sicherungskopien",
        purpose="Wiederherstellung nach einem Ausfall.",
        contents=("Kopien der Datenbank (mit dem verschlüsselten Chatverlauf), der Wissensbasis und der "
                  "Schlüssel, wie sie der Betrieb nach docs/OPERATIONS.md Abschnitt 4 anlegt. Gelöschte Chats "
                  "sind darin enthalten, bis die Kopie gelöscht wird."),
        stored=True,
        data=(D.CHAT_CONTENT, D.CLIENT_DATA, D.ACCOUNT, D.GUIDELINES),
        persons=(P.STAFF, P.CLIENTS, P.ADMINS),
        locations=(Elsewhere("beim Betrieb, außerhalb von SafeGPT"),),
        retention=(f"{_days(days)} (Angabe des Betriebs)" if days
                   else NOT_FILLED_IN.format(field="backup_retention_days")),
        readers="Der Betrieb/die IT. Den Chatverlauf darin kann nur lesen, wer auch den Schlüssel hat; der "
                "Schlüssel soll getrennt von den Kopien aufbewahrt werden.",
        audience="operation",
    )


def technical_record(settings) -> StorageRecord:
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


def guideline_upload_record(settings) -> StorageRecord:
    from chat.kb_ingest import UPLOADS_DIR

    return StorageRecord(
        key="guideline_uploads",
        title="Hochgeladene Richtlinien vor der Aufnahme",
        purpose="Eine hochgeladene Richtlinie prüfen, bevor sie in die Wissensbasis kommt.",
        contents=("Die hochgeladene Datei und die Formularangaben, solange ein Admin die Aufnahme noch bestätigen "
                  "muss (bei gefundenen Klientenangaben)."),
        stored=True,
        data=(D.GUIDELINES,),
        persons=(P.NAMED_IN_GUIDELINES, P.ADMINS),
        locations=(Files(UPLOADS_DIR + "/*", (C.GUIDELINE_FILE, C.USERNAME)),),
        retention="Gelöscht, sobald die Richtlinie aufgenommen oder abgelehnt ist; unbestätigte nach einer Stunde.",
        readers="Admins. " + OPERATOR,
        audience="operation",
    )
