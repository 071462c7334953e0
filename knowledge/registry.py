"""The document registry: a small SQLite file that is the source of truth for which document
versions and chunks exist. Chroma holds only vectors; a chunk is visible to search only while
its row is here, so replacing a document is one SQLite transaction (atomic for readers)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .models import DocumentInfo


@dataclass(frozen=True)
class DocumentRecord:
    """A registry row: the public :class:`DocumentInfo` plus where its original file is kept."""

    info: DocumentInfo
    revision: str
    stored_path: str  # relative to the knowledge data directory
    sha256: str


@dataclass(frozen=True)
class SentenceRecord:
    """An evidence unit of a chunk (see :mod:`knowledge.sentences`) and its unit-length vector (float16)."""

    chunk_id: str
    index: int
    text: str = field(repr=False)
    lead: str | None = field(repr=False)
    kind: str
    page: int | None
    vector: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class ChunkRecord:
    """A registry row for one chunk."""

    chunk_id: str
    doc_id: str
    index: int
    section: str | None
    section_path: tuple[str, ...]
    page: int | None
    text: str = field(repr=False)


def _m1_initial(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            source_file TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            version TEXT NOT NULL,
            owner TEXT NOT NULL,
            valid_until TEXT,
            audience TEXT NOT NULL,
            chunk_count INTEGER NOT NULL,
            added_at TEXT NOT NULL,
            revision TEXT NOT NULL,
            stored_path TEXT NOT NULL,
            sha256 TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE chunks (
            id INTEGER PRIMARY KEY,
            chunk_id TEXT NOT NULL UNIQUE,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id),
            idx INTEGER NOT NULL,
            section TEXT,
            section_path TEXT NOT NULL,
            page INTEGER,
            text TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX chunks_doc ON chunks(doc_id)")
    # Tokens are produced by GermanAnalyzer (stemmed, compounds split); FTS5 only stores and ranks them.
    db.execute("CREATE VIRTUAL TABLE chunk_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0')")
    db.execute("CREATE VIRTUAL TABLE chunk_vocab USING fts5vocab(chunk_fts, 'row')")


def _m2_sentences(db: sqlite3.Connection) -> None:
    # Evidence units of each chunk (issue 18) with their vectors. Kept here rather than in Chroma: they are only
    # ever read by chunk id, and living in the registry they are replaced and removed in the same transaction as
    # their chunk. A knowledge base indexed before this migration has none until `safegpt kb reindex`.
    db.execute(
        """CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            chunk_id TEXT NOT NULL REFERENCES chunks(chunk_id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            lead TEXT,
            kind TEXT NOT NULL,
            page INTEGER,
            vector BLOB,
            UNIQUE (chunk_id, idx)
        )"""
    )


# Append new migrations; never edit a released one. PRAGMA user_version counts applied ones.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_m1_initial, _m2_sentences]


class Registry:
    """Documents and chunks in SQLite (WAL mode, so readers never see half a replacement)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE in ``transaction``).
        self.db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def _migrate(self) -> None:
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                migration(self.db)
                self.db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any exception."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the registry. A file registry is one state already (the knowledge base's
        lock orders its readers and writers); :class:`knowledge.shared_registry.SharedRegistry` pins its mirror."""
        yield

    def close(self) -> None:
        self.db.close()

    # --- meta --------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, db: sqlite3.Connection, key: str, value: str) -> None:
        db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   (key, value))

    def generation(self) -> int:
        """Counter of committed changes; lets other processes notice that they must reload."""
        value = self.get_meta("generation")
        return int(value) if value else 0

    def bump_generation(self, db: sqlite3.Connection) -> int:
        row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        new = (int(row[0]) if row else 0) + 1
        self.set_meta(db, "generation", str(new))
        return new

    # --- documents ---------------------------------------------------------------------------
    _DOC_COLUMNS = ("doc_id, title, source_file, version, owner, valid_until, audience, chunk_count, added_at, "
                    "revision, stored_path, sha256")

    def _record(self, row: tuple) -> DocumentRecord:
        return DocumentRecord(info=DocumentInfo(*row[:9]), revision=row[9], stored_path=row[10], sha256=row[11])

    def documents(self) -> list[DocumentRecord]:
        rows = self.db.execute(f"SELECT {self._DOC_COLUMNS} FROM documents ORDER BY title COLLATE NOCASE, doc_id")
        return [self._record(row) for row in rows]

    def document(self, doc_id: str) -> DocumentRecord | None:
        row = self.db.execute(f"SELECT {self._DOC_COLUMNS} FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return self._record(row) if row else None

    def by_source_file(self, source_file: str) -> DocumentRecord | None:
        row = self.db.execute(f"SELECT {self._DOC_COLUMNS} FROM documents WHERE source_file = ?",
                              (source_file,)).fetchone()
        return self._record(row) if row else None

    def doc_id_taken(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def insert_document(self, db: sqlite3.Connection, record: DocumentRecord) -> None:
        i = record.info
        db.execute(
            f"INSERT INTO documents ({self._DOC_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (i.doc_id, i.title, i.source_file, i.version, i.owner, i.valid_until, i.audience, i.chunk_count,
             i.added_at, record.revision, record.stored_path, record.sha256),
        )

    def delete_document(self, db: sqlite3.Connection, doc_id: str) -> list[str]:
        """Delete the document, its chunks and their keyword entries; return the deleted chunk ids."""
        ids = [row[0] for row in db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))]
        db.execute("DELETE FROM chunk_fts WHERE rowid IN (SELECT id FROM chunks WHERE doc_id = ?)", (doc_id,))
        db.execute("DELETE FROM sentences WHERE chunk_id IN (SELECT chunk_id FROM chunks WHERE doc_id = ?)", (doc_id,))
        db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        return ids

    # --- chunks ------------------------------------------------------------------------------
    def insert_chunks(self, db: sqlite3.Connection, chunks: list[ChunkRecord], tokens: list[list[str]]) -> None:
        for chunk, chunk_tokens in zip(chunks, tokens, strict=True):
            cursor = db.execute(
                "INSERT INTO chunks (chunk_id, doc_id, idx, section, section_path, page, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (chunk.chunk_id, chunk.doc_id, chunk.index, chunk.section,
                 json.dumps(list(chunk.section_path), ensure_ascii=False), chunk.page, chunk.text),
            )
            db.execute("INSERT INTO chunk_fts (rowid, tokens) VALUES (?, ?)", (cursor.lastrowid, " ".join(chunk_tokens)))

    def insert_sentences(self, db: sqlite3.Connection, sentences: list[SentenceRecord]) -> None:
        db.executemany(
            "INSERT INTO sentences (chunk_id, idx, text, lead, kind, page, vector) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(s.chunk_id, s.index, s.text, s.lead, s.kind, s.page, s.vector) for s in sentences],
        )

    def sentences_of(self, chunk_ids: list[str]) -> dict[str, list[SentenceRecord]]:
        """The evidence units of these chunks, in order; a chunk indexed before they existed is missing."""
        out: dict[str, list[SentenceRecord]] = {}
        if not chunk_ids:
            return out
        marks = ",".join("?" * len(chunk_ids))
        rows = self.db.execute(
            f"SELECT chunk_id, idx, text, lead, kind, page, vector FROM sentences WHERE chunk_id IN ({marks}) "
            "ORDER BY chunk_id, idx", chunk_ids)
        for row in rows:
            out.setdefault(row[0], []).append(SentenceRecord(*row))
        return out

    def term_document_counts(self, terms: list[str]) -> dict[str, int]:
        """In how many chunks each keyword-index token occurs (tokens never indexed are left out)."""
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        return dict(self.db.execute(f"SELECT term, doc FROM chunk_vocab WHERE term IN ({marks})", terms).fetchall())

    def sentence_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM sentences").fetchone()[0]

    def chunks_without_sentences(self) -> int:
        return self.db.execute(
            "SELECT count(*) FROM chunks WHERE chunk_id NOT IN (SELECT chunk_id FROM sentences)").fetchone()[0]

    def chunks_by_id(self, chunk_ids: list[str]) -> dict[str, ChunkRecord]:
        if not chunk_ids:
            return {}
        marks = ",".join("?" * len(chunk_ids))
        rows = self.db.execute(
            f"SELECT chunk_id, doc_id, idx, section, section_path, page, text FROM chunks WHERE chunk_id IN ({marks})",
            chunk_ids,
        )
        return {row[0]: ChunkRecord(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])), row[5], row[6])
                for row in rows}

    def chunk_ids(self, doc_id: str | None = None) -> list[str]:
        if doc_id is None:
            return [row[0] for row in self.db.execute("SELECT chunk_id FROM chunks")]
        return [row[0] for row in self.db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))]

    def chunk_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM chunks").fetchone()[0]
