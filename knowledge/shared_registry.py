"""The document registry and keyword index kept in the main database (server mode), not in a SQLite file on a
shared volume.

An adapter, so the search itself does not change: the database (PostgreSQL) holds documents, chunks and their
index tokens and is the source of truth for every process; each process keeps a private SQLite mirror (FTS5,
in its own temporary folder) that :class:`~knowledge.keyword_index.KeywordIndex` and the reads of
:class:`~knowledge.registry.Registry` use as before. A change is written to the database and the mirror in one
step; when the database's generation counter moves (another process changed something), the mirror is rebuilt
from the database before the next read. SQLite over a network file system — whose locks often do not work —
is no longer needed, and the Helm chart needs no shared writable volume for registry and index.

The tables live on this module's own :data:`metadata` (``knowledge`` never imports ``chat``); the main
database's Alembic migrations create them and carry an existing ``knowledge.sqlite3`` over.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (Column, Engine, ForeignKey, Integer, LargeBinary, MetaData, String, Table, Text,
                        UniqueConstraint, delete, insert, select, update)

from .registry import ChunkRecord, DocumentRecord, Registry, SentenceRecord

metadata = MetaData()

knowledge_meta = Table(
    "knowledge_meta", metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)
knowledge_documents = Table(
    "knowledge_documents", metadata,
    Column("doc_id", String(200), primary_key=True),
    Column("source_file", String(500), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("version", String(100), nullable=False),
    Column("owner", Text, nullable=False),
    Column("valid_until", String(20), nullable=True),
    Column("audience", Text, nullable=False),
    Column("chunk_count", Integer, nullable=False),
    Column("added_at", String(40), nullable=False),
    Column("revision", String(100), nullable=False),
    Column("stored_path", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
)
knowledge_chunks = Table(
    "knowledge_chunks", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("chunk_id", String(300), nullable=False, unique=True),
    Column("doc_id", String(200), ForeignKey("knowledge_documents.doc_id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("idx", Integer, nullable=False),
    Column("section", Text, nullable=True),
    Column("section_path", Text, nullable=False),  # JSON list
    Column("page", Integer, nullable=True),
    Column("text", Text, nullable=False),
    Column("tokens", Text, nullable=False),  # the analyzer's index tokens, space-separated (as in the FTS table)
)

# The evidence units of each chunk with their vectors (issue 18), as in the file registry's ``sentences`` table:
# computed once at ingestion, read by chunk id when an answer quotes its evidence.
knowledge_sentences = Table(
    "knowledge_sentences", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("chunk_id", String(300), ForeignKey("knowledge_chunks.chunk_id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("lead", Text, nullable=True),
    Column("kind", String(40), nullable=False),
    Column("page", Integer, nullable=True),
    Column("vector", LargeBinary, nullable=True),
    UniqueConstraint("chunk_id", "idx", name="uq_knowledge_sentences_chunk_idx"),
)

LEGACY_FILE = "knowledge.sqlite3"  # the registry file under the data directory (knowledge_base.REGISTRY_FILE)
_DOC_FIELDS = ("doc_id", "title", "source_file", "version", "owner", "valid_until", "audience", "chunk_count",
               "added_at", "revision", "stored_path", "sha256")


class SharedRegistry(Registry):
    """A :class:`Registry` whose rows live in the main database; reads go to a private SQLite mirror."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._pg = None  # the database connection of the write transaction in progress
        self._sync_lock = threading.RLock()
        self._mirrored: int | None = None
        self._pinned = threading.local()  # inside snapshot(): reads use the mirror as it is
        self._ready = False  # while the mirror's own schema is created, transactions are the mirror's alone
        self._mirror_dir = Path(tempfile.mkdtemp(prefix="safegpt-knowledge-"))
        super().__init__(self._mirror_dir / "mirror.sqlite3")
        self._ready = True
        self._sync()

    def close(self) -> None:
        super().close()
        shutil.rmtree(self._mirror_dir, ignore_errors=True)

    # --- keeping the mirror current ----------------------------------------------------------------------
    def _shared_generation(self, conn) -> int:
        value = conn.execute(select(knowledge_meta.c.value).where(knowledge_meta.c.key == "generation")).scalar()
        return int(value) if value else 0

    def _sync(self) -> None:
        """Rebuild the mirror from the database when the database's generation differs from the mirror's."""
        if getattr(self._pinned, "depth", 0):
            return  # one read of several that must see the same state (snapshot)
        with self._sync_lock:
            if self._pg is not None:
                return  # inside our own write: the mirror is being changed in step
            with self.engine.connect() as conn:
                generation = self._shared_generation(conn)
                if generation == self._mirrored:
                    return
                meta = conn.execute(select(knowledge_meta)).all()
                documents = conn.execute(select(knowledge_documents)).all()
                chunks = conn.execute(select(knowledge_chunks).order_by(knowledge_chunks.c.id)).all()
                sentences = conn.execute(select(knowledge_sentences).order_by(knowledge_sentences.c.id)).all()
            with Registry.transaction(self) as db:
                db.execute("DELETE FROM sentences")
                db.execute("DELETE FROM chunk_fts")
                db.execute("DELETE FROM chunks")
                db.execute("DELETE FROM documents")
                db.execute("DELETE FROM meta")
                for row in meta:
                    Registry.set_meta(self, db, row.key, row.value)
                for row in documents:
                    db.execute(f"INSERT INTO documents ({', '.join(_DOC_FIELDS)}) VALUES ({', '.join('?' * 12)})",
                               tuple(getattr(row, f) for f in _DOC_FIELDS))
                for row in chunks:
                    db.execute("INSERT INTO chunks (id, chunk_id, doc_id, idx, section, section_path, page, text) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (row.id, row.chunk_id, row.doc_id, row.idx,
                                                                   row.section, row.section_path, row.page, row.text))
                    db.execute("INSERT INTO chunk_fts (rowid, tokens) VALUES (?, ?)", (row.id, row.tokens))
                Registry.insert_sentences(self, db, [SentenceRecord(row.chunk_id, row.idx, row.text, row.lead,
                                                                    row.kind, row.page, row.vector)
                                                     for row in sentences])
            self._mirrored = generation

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Bring the mirror up to date once; the reads inside (this thread's) all see that state and ask the
        database nothing. Without it, a search's chunk lookup and its document lookup each check the database's
        generation, and another process's removal in between makes the second fail. For reads only, under the
        knowledge base's lock (which keeps this process's writes out); nestable."""
        self._sync()
        self._pinned.depth = getattr(self._pinned, "depth", 0) + 1
        try:
            yield
        finally:
            self._pinned.depth -= 1

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write: the database and the mirror change together; the database commits first (it is the truth;
        a mirror left behind is rebuilt on the next read)."""
        if getattr(self._pinned, "depth", 0):
            raise RuntimeError("a knowledge registry write inside snapshot()")
        if not self._ready:
            with Registry.transaction(self) as db:
                yield db
            return
        with self._sync_lock:
            self._sync()
            with self.engine.begin() as pg:
                self._pg = pg
                try:
                    with Registry.transaction(self) as db:
                        yield db
                finally:
                    self._pg = None

    # --- reads check the generation first ---------------------------------------------------------------
    def generation(self) -> int:
        self._sync()
        return super().generation()

    def documents(self) -> list[DocumentRecord]:
        self._sync()
        return super().documents()

    def document(self, doc_id: str) -> DocumentRecord | None:
        self._sync()
        return super().document(doc_id)

    def chunks_by_id(self, chunk_ids: list[str]) -> dict[str, ChunkRecord]:
        self._sync()
        return super().chunks_by_id(chunk_ids)

    def sentences_of(self, chunk_ids: list[str]) -> dict[str, list[SentenceRecord]]:
        self._sync()
        return super().sentences_of(chunk_ids)

    # --- writes go to both ---------------------------------------------------------------------------------
    def _write(self):
        if self._pg is None:
            raise RuntimeError("a knowledge registry write outside transaction()")
        return self._pg

    def set_meta(self, db: sqlite3.Connection, key: str, value: str) -> None:
        super().set_meta(db, key, value)
        pg = self._write()
        if pg.execute(update(knowledge_meta).where(knowledge_meta.c.key == key).values(value=value)).rowcount == 0:
            pg.execute(insert(knowledge_meta).values(key=key, value=value))

    def bump_generation(self, db: sqlite3.Connection) -> int:
        pg = self._write()
        # The database's counter decides (another process may have moved it); the row is locked until commit.
        row = pg.execute(select(knowledge_meta.c.value).where(knowledge_meta.c.key == "generation")
                         .with_for_update()).scalar()
        new = (int(row) if row else 0) + 1
        self.set_meta(db, "generation", str(new))
        self._mirrored = new
        return new

    def insert_document(self, db: sqlite3.Connection, record: DocumentRecord) -> None:
        super().insert_document(db, record)
        i = record.info
        self._write().execute(insert(knowledge_documents).values(
            doc_id=i.doc_id, title=i.title, source_file=i.source_file, version=i.version, owner=i.owner,
            valid_until=i.valid_until, audience=i.audience, chunk_count=i.chunk_count, added_at=i.added_at,
            revision=record.revision, stored_path=record.stored_path, sha256=record.sha256))

    def delete_document(self, db: sqlite3.Connection, doc_id: str) -> list[str]:
        removed = super().delete_document(db, doc_id)
        pg = self._write()
        chunk_ids = select(knowledge_chunks.c.chunk_id).where(knowledge_chunks.c.doc_id == doc_id)
        pg.execute(delete(knowledge_sentences).where(knowledge_sentences.c.chunk_id.in_(chunk_ids)))
        pg.execute(delete(knowledge_chunks).where(knowledge_chunks.c.doc_id == doc_id))
        pg.execute(delete(knowledge_documents).where(knowledge_documents.c.doc_id == doc_id))
        return removed

    def insert_chunks(self, db: sqlite3.Connection, chunks: list[ChunkRecord], tokens: list[list[str]]) -> None:
        pg = self._write()
        for chunk, chunk_tokens in zip(chunks, tokens, strict=True):
            # The database hands out the row id, so every mirror numbers the chunk the same way.
            row_id = pg.execute(insert(knowledge_chunks).values(
                chunk_id=chunk.chunk_id, doc_id=chunk.doc_id, idx=chunk.index, section=chunk.section,
                section_path=json.dumps(list(chunk.section_path), ensure_ascii=False), page=chunk.page,
                text=chunk.text, tokens=" ".join(chunk_tokens)).returning(knowledge_chunks.c.id)).scalar_one()
            db.execute("INSERT INTO chunks (id, chunk_id, doc_id, idx, section, section_path, page, text) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (row_id, chunk.chunk_id, chunk.doc_id, chunk.index, chunk.section,
                        json.dumps(list(chunk.section_path), ensure_ascii=False), chunk.page, chunk.text))
            db.execute("INSERT INTO chunk_fts (rowid, tokens) VALUES (?, ?)", (row_id, " ".join(chunk_tokens)))

    def insert_sentences(self, db: sqlite3.Connection, sentences: list[SentenceRecord]) -> None:
        super().insert_sentences(db, sentences)
        if sentences:
            self._write().execute(insert(knowledge_sentences), [
                {"chunk_id": s.chunk_id, "idx": s.index, "text": s.text, "lead": s.lead, "kind": s.kind,
                 "page": s.page, "vector": s.vector} for s in sentences])


@contextmanager
def _legacy_registry(path: Path) -> Iterator[tuple[sqlite3.Connection, set[str]] | None]:
    """The registry file of earlier versions, read-only, with its table names; None when there is no such file."""
    if not path.is_file():
        yield None
        return
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield source, {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        source.close()


def copy_file_registry(path: Path, connection) -> int:
    """Carry an existing ``knowledge.sqlite3`` into the (empty) database tables; returns the documents copied.
    Used by the migration that creates the tables (server mode)."""
    with _legacy_registry(path) as legacy:
        if legacy is None or "documents" not in legacy[1]:
            return 0
        source = legacy[0]
        for key, value in source.execute("SELECT key, value FROM meta"):
            connection.execute(insert(knowledge_meta).values(key=key, value=value))
        documents = source.execute(f"SELECT {', '.join(_DOC_FIELDS)} FROM documents").fetchall()
        for row in documents:
            connection.execute(insert(knowledge_documents).values(dict(zip(_DOC_FIELDS, row))))
        for row in source.execute("SELECT chunks.chunk_id, chunks.doc_id, chunks.idx, chunks.section, "
                                  "chunks.section_path, chunks.page, chunks.text, chunk_fts.tokens FROM chunks "
                                  "JOIN chunk_fts ON chunk_fts.rowid = chunks.id ORDER BY chunks.id"):
            connection.execute(insert(knowledge_chunks).values(
                chunk_id=row[0], doc_id=row[1], idx=row[2], section=row[3], section_path=row[4], page=row[5],
                text=row[6], tokens=row[7]))
        return len(documents)


def copy_file_sentences(path: Path, connection) -> int:
    """Carry the evidence units of an existing ``knowledge.sqlite3`` into ``knowledge_sentences``, for the chunks the
    database holds (those :func:`copy_file_registry` carried over); returns the units copied. Used by the migration
    that creates the table (server mode)."""
    known = set(connection.execute(select(knowledge_chunks.c.chunk_id)).scalars())
    with _legacy_registry(path) as legacy:
        if legacy is None or not known or "sentences" not in legacy[1]:
            return 0
        rows = [{"chunk_id": row[0], "idx": row[1], "text": row[2], "lead": row[3], "kind": row[4], "page": row[5],
                 "vector": row[6]}
                for row in legacy[0].execute("SELECT chunk_id, idx, text, lead, kind, page, vector FROM sentences "
                                             "ORDER BY chunk_id, idx") if row[0] in known]
        if rows:
            connection.execute(insert(knowledge_sentences), rows)
        return len(rows)
