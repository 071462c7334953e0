"""The storage inventory: every record of every area, built once from the running settings.

The transparency page, ``/transparenz.json``, ``safegpt privacy report`` and the storage inventory test all
read this one object. The lookups below answer the test's question for each thing a real instance wrote:
which record declares it?
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone

from privacy import messages as texts
from privacy.records import Content, Files, Recipient, StorageRecord, Table
from privacy.settings import PrivacySettings


class InventoryError(ValueError):
    """Two records contradict each other, or a record is malformed (a programming error, found at start)."""


@dataclass(frozen=True)
class Inventory:
    records: tuple[StorageRecord, ...]
    recipients: tuple[Recipient, ...]
    organisation: PrivacySettings = field(default_factory=PrivacySettings)
    generated_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def __post_init__(self) -> None:
        keys = [r.key for r in self.records]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise InventoryError(f"storage records declared twice: {duplicates}")
        for record in self.records:
            if not record.stored and not record.when_off:
                raise InventoryError(f"record {record.key!r} can be switched off but says nothing for that case")

    def record(self, key: str) -> StorageRecord:
        for record in self.records:
            if record.key == key:
                return record
        raise KeyError(key)

    def stored(self) -> list[StorageRecord]:
        return [r for r in self.records if r.stored]

    def switched_off(self) -> list[StorageRecord]:
        return [r for r in self.records if not r.stored]

    # -- what covers a thing an instance wrote ---------------------------------------------------------------
    def tables(self) -> dict[str, list[tuple[StorageRecord, Table]]]:
        """Table name → the records (and their declarations) that write it."""
        found: dict[str, list[tuple[StorageRecord, Table]]] = {}
        for record in self.records:
            for table in record.tables():
                found.setdefault(table.name, []).append((record, table))
        return found

    def records_for_row(self, table: str, row: Mapping[str, object]) -> list[tuple[StorageRecord, Table]]:
        """The records that declare ``row`` of ``table`` (by the table and, for shared tables, its values)."""
        return [(r, t) for r, t in self.tables().get(table, []) if t.holds(row)]

    def column_content(self, table: str, column: str, row: Mapping[str, object]) -> list[Content]:
        return [t.columns[column] for _, t in self.records_for_row(table, row) if column in t.columns]

    def records_for_file(self, relative_path: str) -> list[tuple[StorageRecord, Files]]:
        """Records whose file pattern matches ``relative_path`` (POSIX, relative to the data directory)."""
        return [(r, f) for r in self.records for f in r.files() if fnmatch.fnmatchcase(relative_path, f.pattern)]

    def records_for_logger(self, logger: str) -> list[StorageRecord]:
        return [r for r in self.records for log in r.logs() if log.covers(logger)]


def _location(location: str) -> tuple[str, bool | None]:
    """German words for a policy location, and whether it is known to be inside the EU (None: unknown)."""
    if location in texts.LOCATIONS:
        return texts.LOCATIONS[location], False
    return texts.UNKNOWN_LOCATION.format(location=location), None


def model_recipient(name: str, location: str, receives: Iterable[str], approved_by: str = "",
                    approved_on: str = "") -> Recipient:
    """An approved model as a recipient, with its location and data classes in German words."""
    classes = tuple(texts.DATA_CLASSES.get(c, c) for c in receives) or (texts.NOTHING,)
    where, outside_eu = _location(location)
    return Recipient(name=name, kind=texts.MODEL_KIND, location=where, receives=classes, approved_by=approved_by,
                     approved_on=approved_on, outside_eu=outside_eu)


def embedding_recipient(name: str, location: str, receives: Iterable[str]) -> Recipient:
    """An embedding service outside the process (``[knowledge] embedder = "openai"``): it receives the questions
    of the data classes its location may receive, and the guidelines' texts when they are indexed."""
    classes = tuple(texts.DATA_CLASSES.get(c, c) for c in receives)
    where, outside_eu = _location(location)
    return Recipient(name=name, kind=texts.EMBEDDING_KIND, location=where,
                     receives=(*(texts.EMBEDDING_QUESTIONS.format(kind=c) for c in classes), texts.EMBEDDING_GUIDELINES),
                     outside_eu=outside_eu)
