"""The typed storage record: what one area of SafeGPT writes, why, about whom, for how long, who reads it.

Each area that stores something declares its records next to its own code, built from the running
settings. The inventory (:mod:`privacy.inventory`) collects them; the transparency page, the Art. 30 record
and the storage inventory test all read that one inventory, so what the page says and what the code writes
cannot drift apart unnoticed.

Locations are precise enough for a test to check them against a real instance: a database table with
every column and what it holds, a file pattern below the data directory, a logger name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum


class Content(Enum):
    """What a column or file holds. The value is the German wording shown on the page."""

    ID = "technische Kennung"
    TIME = "Zeitpunkt"
    DAY = "Datum ohne Uhrzeit"
    MONTH = "Monat"
    NUMBER = "Zahl"
    FLAG = "Ja/Nein-Angabe"
    LABEL = "feste Kennzeichnung (z. B. Rolle, Modell, Ergebnis, Aktion)"
    USERNAME = "Benutzername"
    DEPARTMENT = "Bereich (Abteilung)"
    PASSWORD_HASH = "Passwort als Argon2-Hash (nicht umkehrbar)"
    HASH = "SHA-256-Hashwert (nicht umkehrbar)"
    KEYED_HASH = "Hashwert mit monatlich gewechseltem Schlüssel (HMAC)"
    CIPHERTEXT = "verschlüsselter Inhalt (Fernet: AES-128 + HMAC)"
    SECRET_KEY = "geheimer Schlüssel"
    PASSWORD = "Passwort im Klartext"
    ADMIN_TEXT = "von Admins gepflegter Text (Titel, Beschreibungen, Vorlagen)"
    STAFF_TEXT = "von Beschäftigten eingegebener Text, unverändert"
    PSEUDONYMISED_TEXT = "pseudonymisierter Freitext (Klientenangaben durch Platzhalter ersetzt)"
    GUIDELINE_TEXT = "Text aus den internen Richtlinien"
    FILE_NAME = "Dateiname"
    SYSTEM_NAME = "Name eines angebundenen Fachsystems"
    VECTORS = "Zahlenvektoren (Embeddings) und Suchindex"
    ATTACHMENT = "an eine Chatnachricht angehängte Datei"
    GUIDELINE_FILE = "Originaldatei einer Richtlinie"
    OBJECT = "betroffenes Objekt (Benutzername, Dokument, Vorlage, Modell oder Sprechstunde)"
    DETAIL = "kurze Angabe (z. B. Rolle, Version, Zahl der Abschnitte, Zahl gefundener Angaben je Art)"
    DATABASE_FILE = "Datenbankdatei (Inhalt: siehe die Tabellen)"
    PROGRAM = "Programm- oder Einstellungsdatei ohne personenbezogene Daten"
    EMPTY = "leere Sperrdatei"


class DataCategory(Enum):
    """Categories of data (Art. 30 (1) c GDPR), in German."""

    CHAT_CONTENT = "Chatinhalte: Nachrichten, Antworten, Namen angehängter Dateien"
    CLIENT_DATA = ("Angaben zu Klientinnen und Klienten, wie Beschäftigte sie schreiben – auch besondere "
                   "Kategorien nach Art. 9 DSGVO (z. B. Gesundheit)")
    PSEUDONYM_MAPPING = "Zuordnung echter Angaben zu Platzhaltern („Geschützte Angaben“)"
    ACCOUNT = "Kontodaten: Benutzername, Rolle, Bereich"
    CREDENTIALS = "Anmeldedaten: Passwort-Hash, Schlüssel"
    ACTIVITY = "Zeitpunkt und Art einzelner Handlungen"
    AGGREGATE = "Zählungen ohne Personenbezug"
    PSEUDONYMISED_TEXT = "pseudonymisierte Freitexte"
    STAFF_TEXT = "von Beschäftigten verfasste Texte"
    GUIDELINES = "interne Richtlinien des Trägers (können Namen von Ansprechpersonen enthalten)"
    HASHED_IDENTIFIERS = "Hashwerte von Benutzernamen und IP-Adressen"
    TECHNICAL = "technische Ereignisse und Fehlerarten"
    KEYS = "kryptografische Schlüssel"


class PersonCategory(Enum):
    """Categories of data subjects (Art. 30 (1) c GDPR), in German."""

    STAFF = "Beschäftigte, die SafeGPT nutzen"
    ADMINS = "Beschäftigte mit Admin- oder Auswertungsrolle"
    CLIENTS = "Klientinnen und Klienten, über die Beschäftigte schreiben"
    NAMED_IN_GUIDELINES = "in Richtlinien genannte Personen (z. B. Ansprechpersonen)"
    LOGIN_ATTEMPTS = "Personen, die sich anzumelden versuchen"


@dataclass(frozen=True)
class Table:
    """A database table this record writes: every column with what it holds.

    ``rows`` narrows the record to rows with these column values, for tables two records share
    (e.g. usage events of kind ``answer`` and ``feedback``)."""

    name: str
    columns: Mapping[str, Content]
    rows: Mapping[str, str] = field(default_factory=dict)

    def where(self) -> str:
        return f"Tabelle {self.name}"

    def holds(self, row: Mapping[str, object]) -> bool:
        return all(str(row.get(column)) == value for column, value in self.rows.items())


@dataclass(frozen=True)
class Files:
    """Files below the data directory matching ``pattern`` (a glob on the relative path, ``**`` for any depth)."""

    pattern: str
    contents: tuple[Content, ...]

    def where(self) -> str:
        return f"Dateien data/{self.pattern}"


@dataclass(frozen=True)
class Elsewhere:
    """Storage outside the data directory that SafeGPT writes to or relies on (a Chroma server, backups)."""

    description: str

    def where(self) -> str:
        return self.description


@dataclass(frozen=True)
class Logs:
    """Lines of the server log written by these loggers (name prefixes), or start messages of the command."""

    loggers: tuple[str, ...]
    description: str

    def where(self) -> str:
        return self.description

    def covers(self, logger: str) -> bool:
        return any(logger == name or logger.startswith(name + ".") for name in self.loggers)


Location = Table | Files | Elsewhere | Logs


@dataclass(frozen=True)
class StorageRecord:
    """One kind of stored data, described from the running configuration (German texts for the page).

    ``stored`` is False when the setting ``enabled_by`` switches it off: then nothing of it may exist
    (the inventory test holds the code to that), and the page shows ``when_off`` instead."""

    key: str
    title: str
    purpose: str
    contents: str
    stored: bool
    data: tuple[DataCategory, ...]
    persons: tuple[PersonCategory, ...]
    locations: tuple[Location, ...]
    retention: str
    readers: str
    measures: tuple[str, ...] = ()
    enabled_by: str = ""
    when_off: str = ""
    audience: str = "staff"  # "staff": concerns every user's own data; "operation": the organisation's running

    def tables(self) -> tuple[Table, ...]:
        return tuple(loc for loc in self.locations if isinstance(loc, Table))

    def files(self) -> tuple[Files, ...]:
        return tuple(loc for loc in self.locations if isinstance(loc, Files))

    def logs(self) -> tuple[Logs, ...]:
        return tuple(loc for loc in self.locations if isinstance(loc, Logs))

    @property
    def personal(self) -> bool:
        """Whether the record concerns people at all (else it is listed as technical data)."""
        return bool(self.persons)


@dataclass(frozen=True)
class Recipient:
    """Someone outside SafeGPT's own process who receives data: an approved model or an embedding service."""

    name: str
    kind: str            # German: "Sprachmodell", "Einbettungsdienst"
    location: str        # German words for the location
    receives: tuple[str, ...]  # German: the data classes it may receive
    approved_by: str = ""
    approved_on: str = ""
    outside_eu: bool | None = False  # None: unknown location, to be checked by the organisation
