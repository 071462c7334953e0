"""What the store's own tables hold — accounts, the audit log — and the database itself: storage records
for /transparenz and the Art. 30 record."""

from __future__ import annotations

from urllib.parse import urlsplit

from chat.settings import Settings
from privacy import Content as C
from privacy import DataCategory as D
from privacy import Elsewhere, Files, StorageRecord, Table
from privacy import PersonCategory as P
from privacy.messages import OPERATOR


def storage_records(settings: Settings) -> list[StorageRecord]:
    return [_account_record(), _audit_record(), _database_record(settings)]


def _account_record() -> StorageRecord:
    return (
    StorageRecord(
        key="accounts",
        title="Benutzerkonten",
        purpose="Anmeldung und Rollen (Mitarbeitende, Admin, Auswertung).",
        contents="Benutzername, Rolle, Bereich, gesperrt ja/nein, Anlagezeitpunkt, Passwort nur als Argon2-Hash "
                 "(bei Anmeldung über SSO kein Passwort), ein Zähler, der bei Sperre oder Passwortwechsel alle "
                 "offenen Anmeldungen beendet; bei SSO/OAuth die Kennung des Identitätsanbieters und die dortige "
                 "Kennung der Person (nie nur der Name).",
        stored=True,
        data=(D.ACCOUNT, D.CREDENTIALS),
        persons=(P.STAFF, P.ADMINS),
        locations=(Table("users", {"id": C.ID, "username": C.USERNAME, "password_hash": C.PASSWORD_HASH,
                                   "role": C.LABEL, "disabled": C.FLAG, "created_at": C.TIME,
                                   "department": C.DEPARTMENT, "token_version": C.NUMBER}),
                   Table("external_identities", {"issuer": C.ID, "subject": C.ID, "user_id": C.ID})),
        retention="Bis ein Admin das Konto sperrt; gesperrte Konten bleiben gespeichert (kein Löschen).",
        readers="Admins (Seite Benutzer, Befehl safegpt user list). " + OPERATOR,
        measures=("Passwörter nur als Argon2-Hash gespeichert.",),
    )
    )


def _audit_record() -> StorageRecord:
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


def _database_record(settings: Settings) -> StorageRecord:
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
