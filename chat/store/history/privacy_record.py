"""What the chat history stores: its storage records for /transparenz and the Art. 30 record."""

from __future__ import annotations

import os

from chat.settings import Settings
from chat.store.history.live import IDLE_SECONDS
from privacy import Content as C
from privacy import DataCategory as D
from privacy import Files, StorageRecord, Table
from privacy import PersonCategory as P
from privacy.messages import days as days_text


def storage_records(settings: Settings) -> list[StorageRecord]:
    """The encrypted history, its key, what is kept while the database is down, and the pseudonym
    mappings of open conversations (memory only)."""
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
        retention=(f"{days_text(days)} nach der letzten Nutzung eines Chats automatisch gelöscht (Prüfung stündlich). "
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
        # chat/store/history/keys.py writes it there (the inventory test fails on any other name).
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
    return [history, key, outage, _memory_record(settings)]


def _memory_record(settings: Settings) -> StorageRecord:
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
