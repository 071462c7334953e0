"""What the /v1 API stores: its storage records for /transparenz and the Art. 30 record."""

from __future__ import annotations

from chat.settings import Settings
from privacy import Content as C
from privacy import DataCategory as D
from privacy import StorageRecord, Table


def storage_records(settings: Settings) -> list[StorageRecord]:
    """Keys of integrating systems and their usage counters."""
    return [
        StorageRecord(
            key="api",
            title="Schnittstelle für Fachsysteme (/v1)",
            purpose="Eigene Systeme des Trägers nutzen denselben geschützten Weg; Zugriff und Nutzung steuern.",
            contents=("Je Schlüssel: öffentliche Kennung, SHA-256-Hashwert des Geheimnisses, Name des Systems, "
                      "erlaubte Modelle und Datenklassen, Ratenlimit, Zeitpunkte, der nächste erlaubte Zeitpunkt des Ratenlimits (für alle Prozesse gemeinsam). Je Tag, System, Modell und "
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
                Table("api_rate_limits", {"key_id": C.ID, "tat": C.TIME}),
            ),
            retention="Unbegrenzt; widerrufene Schlüssel bleiben mit Widerrufszeitpunkt stehen.",
            readers="Der Betrieb (Befehl safegpt apikey). ",
            audience="operation",
        ),
    ]
