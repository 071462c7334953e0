"""The knowledge base: ingestion, atomic replacement, removal, reindexing and hybrid search."""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Self

from . import messages
from .chunking import chunk_blocks
from .embedders import Embedder, make_embedder
from .evidence import (Candidate, Evidence, Grounding, KeywordReading, asks_for_quantity, pack_vector, select_evidence,
                       unpack_vector)
from .errors import DocumentNotFound, EmptyDocument, KnowledgeError, ReindexRequired
from .german_analyzer import GermanAnalyzer
from .keyword_index import KeywordIndex
from .models import Chunk, DocumentInfo, DocumentPreview, Passage, PreviewChunk
from .parsers import parse_file
from .query_expansion import KeywordTerm, make_expander
from .parsers.metadata import normalise_date
from .paths import FILES_DIR, REGISTRY_FILE
from .registry import ChunkRecord, DocumentRecord, Registry, SentenceRecord
from .retrieval import fuse
from .sentences import chunk_units, split_units
from .settings import KnowledgeSettings
from .store import VectorStore
from .topic_terms import topic_terms

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger("safegpt.knowledge")

SearchMode = Literal["hybrid", "dense", "keyword"]



@dataclass
class _Prepared:
    """A parsed and chunked document version, not yet embedded or visible."""

    record: DocumentRecord
    chunks: list[ChunkRecord]
    embed_texts: list[str] = field(repr=False)
    metadatas: list[dict[str, Any]] = field(repr=False)
    tokens: list[list[str]] = field(repr=False)
    staged_dir: Path | None  # where the original file was copied for this revision
    sentences: list[SentenceRecord] = field(default_factory=list, repr=False)  # evidence units, no vectors yet
    sentence_texts: list[str] = field(default_factory=list, repr=False)  # distinct texts to embed
    sentence_text_of: list[int] = field(default_factory=list, repr=False)  # sentence -> index in sentence_texts

    @property
    def all_texts(self) -> list[str]:
        """Everything to embed: chunks first, then the distinct evidence units."""
        return self.embed_texts + self.sentence_texts


class KnowledgeBase:
    """Guideline documents in Chroma plus a German keyword index, searchable together.

    State lives under ``data_dir``: ``chroma/`` (embedded mode), ``knowledge.sqlite3`` (document
    registry and keyword index) and ``knowledge_files/`` (a copy of each original, for reindex).
    Methods are thread-safe; one process should write at a time.
    """

    def __init__(self, settings: KnowledgeSettings, data_dir: Path, embedder: Embedder | None = None, *,
                 registry_engine: Engine | None = None) -> None:
        """``registry_engine``: keep registry and keyword index in that database (server mode,
        :mod:`knowledge.shared_registry`) instead of ``knowledge.sqlite3`` under ``data_dir``."""
        self.settings = settings
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.embedder: Embedder = embedder if embedder is not None else make_embedder(settings)
        self._lock = threading.RLock()
        self._closed = False
        self._query_vectors: dict[str, list[float]] = {}
        if registry_engine is not None:
            from .shared_registry import SharedRegistry

            self._registry: Registry = SharedRegistry(registry_engine)
        else:
            self._registry = Registry(self.data_dir / REGISTRY_FILE)
        try:
            self._store = VectorStore(settings, self.data_dir, self.embedder)
        except BaseException:
            self._registry.close()
            raise
        analyzer = GermanAnalyzer()
        try:
            expander = make_expander(settings, self.data_dir, analyzer)
        except BaseException:
            self._store.close()
            self._registry.close()
            raise
        self._keywords = KeywordIndex(self._registry.db, analyzer, expander=expander,
                                      generation=self._registry.generation)
        self._files = self.data_dir / FILES_DIR
        indexed_with = self._registry.get_meta("embedder")
        if indexed_with is None or not self._registry.documents():
            with self._registry.transaction() as db:
                self._registry.set_meta(db, "embedder", self.embedder.name)
                self._registry.set_meta(db, "collection", self._store.name)
            indexed_with = self.embedder.name
        # Documents embedded by another model cannot be searched with this one.
        self._stale_embedder = indexed_with if indexed_with != self.embedder.name else None
        self._generation = self._registry.generation()

    # --- public API ----------------------------------------------------------------------------
    def add(self, path: Path, *, title: str | None = None, version: str | None = None, owner: str | None = None,
            valid_until: str | None = None, audience: str | None = None, progress: bool = False,
            before_index: Callable[[list[str]], None] | None = None) -> DocumentInfo:
        """Ingest a file (PDF, DOCX, MD, HTML, TXT) and return its document info.

        Adding a file whose name is already in the knowledge base replaces that document
        atomically: the new version becomes searchable in the same instant the old one
        disappears, and if anything fails before that, the old version stays untouched.
        Metadata not given (title, owner, valid_until, audience) is taken from the file or the
        previous version; ``version`` defaults to the previous version plus one (or "1");
        ``audience`` defaults to "alle".

        ``before_index`` is called with the chunk texts before anything is embedded or stored;
        raising from it aborts the ingestion (used for the client-data check).
        """
        with self._lock:
            self._refresh()
            self._require_current_embedder()
            path = Path(path)
            started = time.monotonic()
            prepared = self._prepare(path, title=title, version=version, owner=owner,
                                     valid_until=_normalise_date(valid_until), audience=audience)
            try:
                if before_index is not None:
                    before_index([c.text for c in prepared.chunks])
                vectors = self._embed(prepared.all_texts, progress, messages.PROGRESS_EMBED)
                self._commit(prepared, vectors)
            except BaseException:
                self._discard_staged(prepared)
                raise
            info = prepared.record.info
            log.info("knowledge document added doc_id=%s chunks=%d seconds=%.1f", info.doc_id, info.chunk_count,
                     time.monotonic() - started)
            return info

    def preview(self, path: Path) -> DocumentPreview:
        """Parse and chunk ``path`` as :meth:`add` would, without storing anything."""
        path = Path(path)
        parsed = parse_file(path)
        chunks = chunk_blocks(parsed.blocks, self.settings.chunk_size, self.settings.chunk_overlap)
        if not chunks:
            raise EmptyDocument(messages.EMPTY_DOCUMENT.format(name=path.name))
        with self._lock:
            old = self._registry.by_source_file(path.name)
        return DocumentPreview(
            source_file=path.name,
            title=parsed.title or (old.info.title if old else None) or path.stem,
            metadata=dict(parsed.metadata),
            replaces=old.info.doc_id if old else None,
            chunks=[PreviewChunk(section=c.section, page=c.page, text=c.text) for c in chunks],
        )

    def list_documents(self) -> list[DocumentInfo]:
        """All documents, sorted by title."""
        with self._lock:
            return [record.info for record in self._registry.documents()]

    def get(self, doc_id: str) -> DocumentInfo:
        """One document; raises :class:`DocumentNotFound`."""
        with self._lock:
            return self._record(doc_id).info

    def remove(self, doc_id: str) -> int:
        """Delete a document with all its chunks; returns the number of chunks removed."""
        with self._lock:
            self._refresh()
            self._record(doc_id)  # raises DocumentNotFound
            with self._registry.transaction() as db:
                removed = self._registry.delete_document(db, doc_id)
                self._generation = self._registry.bump_generation(db)
            self._delete_vectors(removed)
            shutil.rmtree(self._files / doc_id, ignore_errors=True)
            log.info("knowledge document removed doc_id=%s chunks=%d", doc_id, len(removed))
            return len(removed)

    def reindex(self, progress: bool = False) -> int:
        """Re-parse, re-chunk and re-embed every document from its stored original.

        Needed after changing the embedder or the chunking settings. Each document is replaced
        atomically, so search keeps working during a reindex with the same embedder. Returns
        the number of chunks now indexed.
        """
        with self._lock:
            self._refresh()
            records = self._registry.documents()
            prepared: list[_Prepared] = []
            for record in records:
                stored = self._files / record.stored_path
                if not stored.is_file():
                    raise KnowledgeError(messages.SOURCE_MISSING.format(doc_id=record.info.doc_id))
                info = record.info
                prepared.append(self._prepare(stored, title=info.title, version=info.version, owner=info.owner,
                                              valid_until=info.valid_until, audience=info.audience,
                                              previous=record))
            total = sum(len(p.chunks) for p in prepared)
            bar = _progress_bar(sum(len(p.all_texts) for p in prepared), messages.PROGRESS_REINDEX) if progress else None
            try:
                for item in prepared:
                    vectors = self._embed(item.all_texts, False, "", bar=bar)
                    try:
                        self._commit(item, vectors)
                    except BaseException:
                        self._discard_staged(item)
                        raise
            finally:
                if bar is not None:
                    bar.close()
            self._sweep_orphans()
            old_collection = self._registry.get_meta("collection")
            with self._registry.transaction() as db:
                self._registry.set_meta(db, "embedder", self.embedder.name)
                self._registry.set_meta(db, "collection", self._store.name)
                self._generation = self._registry.bump_generation(db)
            if old_collection and old_collection != self._store.name:
                self._store.drop(old_collection)
            self._stale_embedder = None
            log.info("knowledge reindexed documents=%d chunks=%d", len(prepared), total)
            return total

    def search(self, query: str, k: int | None = None, *, mode: SearchMode = "hybrid",
               min_score: float | None = None) -> list[Passage]:
        """Hybrid search: dense and German keyword candidates fused by reciprocal rank.

        Returns at most ``k`` (default ``top_k``) passages, best first, each with
        ``score >= min_score`` (default from the settings); an empty list means nothing
        relevant was found. ``mode="dense"`` or ``"keyword"`` uses one retriever alone
        (for evaluation); ``min_score=0`` returns the plain ranking.
        """
        with self._lock, self._registry.snapshot():
            self._refresh()
            self._require_current_embedder()
        if not query.strip():
            return []
        k = k or self.settings.top_k
        threshold = self.settings.min_score if min_score is None else min_score
        use_dense = mode in ("hybrid", "dense")
        use_keyword = mode in ("hybrid", "keyword")
        # Outside the lock: embedding is the slow part and the embedder has its own lock.
        query_vector = self._embed_query(query) if use_dense else None
        with self._lock, self._registry.snapshot():  # chunks and their documents from one state
            self._refresh()
            terms = self._keywords.query_terms(query)
            n = max(self.settings.candidates, k)
            dense = self._store.query(query_vector, n) if query_vector is not None else []
            keyword = self._keywords.search(terms, n) if use_keyword else []
            chunks = self._registry.chunks_by_id(list(dict.fromkeys([cid for cid, _ in dense] + keyword)))
            # Vectors of versions that were replaced or whose removal failed are ignored here.
            dense = [(cid, cos) for cid, cos in dense if cid in chunks]
            keyword = [cid for cid in keyword if cid in chunks]
            coverage = self._keywords.coverage(terms, list(chunks)) if use_keyword else {}
            fused = fuse(dense, keyword, coverage, self.embedder.name)
            documents: dict[str, DocumentInfo] = {}
            passages: list[Passage] = []
            for item in fused:
                if item.relevance < threshold:
                    continue
                chunk = chunks[item.chunk_id]
                if chunk.doc_id not in documents:
                    documents[chunk.doc_id] = self._record(chunk.doc_id).info
                doc = documents[chunk.doc_id]
                passages.append(Passage(
                    chunk_id=chunk.chunk_id, doc_id=chunk.doc_id, title=doc.title, source_file=doc.source_file,
                    section=chunk.section, page=chunk.page, text=chunk.text, score=round(item.relevance, 4),
                    version=doc.version, owner=doc.owner, valid_until=doc.valid_until, audience=doc.audience,
                    dense_score=None if item.dense is None else round(item.dense, 4),
                    keyword_score=None if item.keyword is None else round(item.keyword, 4),
                ))
                if len(passages) >= k:
                    break
            return passages

    def evidence(self, query: str, passages: list[Passage], limit: int = 3, *, dense: bool = True,
                 names: Iterable[str] = ()) -> Evidence:
        """The one to ``limit`` units of ``passages`` (a :meth:`search` result for ``query``) that answer the
        question, quoted verbatim, and whether they do so clearly (see :mod:`knowledge.evidence`).

        Uses the unit vectors stored at ingestion; passages indexed before those existed are split and
        embedded now (slower; ``reindex`` stores them). ``dense=False`` never hands the query to the embedder
        (for a question that may not go where the embedder runs): keyword overlap alone. ``names``: what the
        pseudonymisation replaced in ``query`` (a client's name is not what the question is about)."""
        if not passages:
            return Evidence(Grounding.NONE, reason="no_passages")
        query_vector = self._embed_query(query) if dense else None
        with self._lock, self._registry.snapshot():
            self._refresh()
            stored = self._registry.sentences_of([p.chunk_id for p in passages])
            terms = self._keywords.query_terms(query)
            tokens, topics = {}, []
            if asks_for_quantity(query):  # the only questions whose topics are checked (evidence.off_topic)
                tokens = self._keywords.chunk_tokens([p.chunk_id for p in passages])
                topics = topic_terms(query, terms, names, self._compound_head_terms)
        missing = [p for p in passages if p.chunk_id not in stored]
        if missing:
            stored.update(self._units_on_the_fly(missing))
        candidates = [
            Candidate(index, unit.text, unit.lead, unit.kind, unit.page,
                      unpack_vector(unit.vector) if unit.vector else None)
            for index, passage in enumerate(passages) for unit in stored.get(passage.chunk_id, [])
        ]
        return select_evidence(query, query_vector, passages, candidates, self.embedder.name, limit=limit,
                               min_score=self.settings.evidence_min_score, topics=topics,
                               passage_tokens=[tokens.get(p.chunk_id, []) for p in passages],
                               keywords=KeywordReading(tuple(terms), self._keywords.analyzer.query_terms))

    def _compound_head_terms(self, word: str) -> list[KeywordTerm]:
        """The keyword terms (with synonyms and near spellings) of a compound's last part."""
        leaves = self._keywords.analyzer.compound_leaves(word)
        return self._keywords.query_terms(leaves[-1]) if leaves else []

    def _units_on_the_fly(self, passages: list[Passage]) -> dict[str, list[SentenceRecord]]:
        log.info("knowledge: %d passages without stored sentences; run reindex", len(passages))
        out: dict[str, list[SentenceRecord]] = {}
        texts: list[str] = []
        for p in passages:
            units = split_units(p.text, p.section)
            out[p.chunk_id] = [SentenceRecord(p.chunk_id, i, u.text, u.lead, u.kind, p.page)
                               for i, u in enumerate(units)]
            texts.extend(_unit_embed_text(p.section, u.lead, u.text) for u in units)
        vectors = iter(self.embedder.embed_passages(texts) if texts else [])
        return {cid: [replace(r, vector=pack_vector(next(vectors))) for r in records] for cid, records in out.items()}

    def _embed_query(self, query: str) -> list[float]:
        """The query's vector; the last few are remembered, so search and evidence embed a question once."""
        with self._lock:
            cached = self._query_vectors.get(query)
        if cached is not None:
            return cached
        vector = self.embedder.embed_query(query)
        with self._lock:
            self._query_vectors[query] = vector
            while len(self._query_vectors) > 16:
                self._query_vectors.pop(next(iter(self._query_vectors)))
        return vector

    def outbound_notice(self) -> str | None:
        """German statement of what leaves this server when documents are indexed (a remote embedder receives
        every chunk's text); ``None`` when the embedder runs in this process."""
        if not self.settings.embedder_is_remote:
            return None
        return messages.REMOTE_EMBEDDER_NOTICE.format(
            model=self.settings.embedding_model, location=self.settings.embedder_location,
            endpoint=self.settings.embedding_api_base or messages.DEFAULT_ENDPOINT)

    def stats(self) -> dict[str, Any]:
        """Counts for health checks and dashboards (no document text)."""
        with self._lock, self._registry.snapshot():
            return {"documents": len(self._registry.documents()), "chunks": self._registry.chunk_count(),
                    "vectors": self._store.count(), "sentences": self._registry.sentence_count(),
                    "chunks_without_sentences": self._registry.chunks_without_sentences(),
                    "embedder": self.embedder.name,
                    "collection": self._store.name, "reindex_required": self._stale_embedder is not None}

    def close(self) -> None:
        """Release the SQLite and Chroma handles (a second call does nothing)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._registry.close()
            self._store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- ingestion steps -----------------------------------------------------------------------
    def _prepare(self, path: Path, *, title: str | None, version: str | None, owner: str | None,
                 valid_until: str | None, audience: str | None, previous: DocumentRecord | None = None) -> _Prepared:
        parsed = parse_file(path)
        chunks = chunk_blocks(parsed.blocks, self.settings.chunk_size, self.settings.chunk_overlap)
        if not chunks:
            raise EmptyDocument(messages.EMPTY_DOCUMENT.format(name=path.name))
        source_file = previous.info.source_file if previous else path.name
        old = previous or self._registry.by_source_file(source_file)
        doc_id = old.info.doc_id if old else self._new_doc_id(source_file)
        revision = uuid.uuid4().hex[:12]
        # Precedence: given by the admin > declared in the file > previous version > default.
        declared = parsed.metadata
        info = DocumentInfo(
            doc_id=doc_id,
            title=title or parsed.title or (old.info.title if old else None) or Path(source_file).stem,
            source_file=source_file,
            version=version or declared.get("version") or (_next_version(old.info.version) if old else "1"),
            owner=owner if owner is not None else declared.get("owner") or (old.info.owner if old else ""),
            valid_until=(valid_until if valid_until is not None
                         else declared.get("valid_until") or (old.info.valid_until if old else None)),
            audience=audience or declared.get("audience") or (old.info.audience if old else "alle"),
            chunk_count=len(chunks),
            added_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        data = path.read_bytes()
        record = DocumentRecord(info=info, revision=revision,
                                stored_path=f"{doc_id}/{revision}/{source_file}",
                                sha256=hashlib.sha256(data).hexdigest())
        chunk_records = [ChunkRecord(chunk_id=f"{doc_id}:{revision}:{c.index:04d}", doc_id=doc_id, index=c.index,
                                     section=c.section, section_path=c.section_path, page=c.page, text=c.text)
                         for c in chunks]
        sentences: list[SentenceRecord] = []
        sentence_texts: dict[str, int] = {}
        sentence_text_of: list[int] = []
        for chunk_record, units in zip(chunk_records, chunk_units(parsed.blocks, chunks)):
            for index, (unit, page) in enumerate(units):
                sentences.append(SentenceRecord(chunk_record.chunk_id, index, unit.text, unit.lead, unit.kind,
                                                page if page is not None else chunk_record.page))
                embed = _unit_embed_text(chunk_record.section, unit.lead, unit.text)
                sentence_text_of.append(sentence_texts.setdefault(embed, len(sentence_texts)))
        headers = [_header(info.title, c) for c in chunks]
        embed_texts = [f"{h}\n{c.text}" for h, c in zip(headers, chunks)]
        tokens = [self._keywords.tokens(text) for text in embed_texts]
        # Staged last, so that nothing is left behind when any step above fails.
        staged_dir = self._files / doc_id / revision
        staged_dir.mkdir(parents=True, exist_ok=True)
        try:
            (staged_dir / source_file).write_bytes(data)
        except BaseException:  # e.g. a full disk: no half-written copy stays behind
            shutil.rmtree(staged_dir, ignore_errors=True)
            raise
        return _Prepared(record=record, chunks=chunk_records, embed_texts=embed_texts,
                         metadatas=[_metadata(info, revision, c) for c in chunks], tokens=tokens,
                         staged_dir=staged_dir, sentences=sentences, sentence_texts=list(sentence_texts),
                         sentence_text_of=sentence_text_of)

    def _embed(self, texts: list[str], progress: bool, label: str, bar: Any = None) -> list[list[float]]:
        own_bar = _progress_bar(len(texts), label) if progress and bar is None else None
        vectors: list[list[float]] = []
        size = self.settings.embedding_batch_size
        try:
            for start in range(0, len(texts), size):
                batch = texts[start:start + size]
                vectors.extend(self.embedder.embed_passages(batch))
                for b in (own_bar, bar):
                    if b is not None:
                        b.update(len(batch))
        finally:
            if own_bar is not None:
                own_bar.close()
        if len(vectors) != len(texts):
            raise KnowledgeError(messages.EMBEDDING_FAILED.format(backend=self.embedder.name, reason="Anzahl der Vektoren"))
        return vectors

    def _commit(self, prepared: _Prepared, vectors: list[list[float]]) -> None:
        """Write vectors, then switch registry rows in one transaction, then clean up the old version.

        ``vectors`` holds the chunk vectors followed by those of the distinct evidence units."""
        unit_vectors = [pack_vector(v) for v in vectors[len(prepared.chunks):]]
        vectors = vectors[:len(prepared.chunks)]
        sentences = [replace(s, vector=unit_vectors[i]) for s, i in zip(prepared.sentences, prepared.sentence_text_of)]
        ids = [c.chunk_id for c in prepared.chunks]
        try:
            self._store.add(ids, vectors, prepared.metadatas, [c.text for c in prepared.chunks])
        except BaseException:
            self._delete_vectors(ids)
            raise
        doc_id = prepared.record.info.doc_id
        old = self._registry.document(doc_id)
        try:
            with self._registry.transaction() as db:
                old_ids = self._registry.delete_document(db, doc_id) if old else []
                self._registry.insert_document(db, prepared.record)
                self._registry.insert_chunks(db, prepared.chunks, prepared.tokens)
                self._registry.insert_sentences(db, sentences)
                self._generation = self._registry.bump_generation(db)
        except BaseException:
            self._delete_vectors(ids)
            raise
        # The switch is done; from here on failures only leave unreachable leftovers.
        self._delete_vectors(old_ids)
        if old is not None and old.revision != prepared.record.revision:
            shutil.rmtree(self._files / doc_id / old.revision, ignore_errors=True)

    def _discard_staged(self, prepared: _Prepared) -> None:
        current = self._registry.document(prepared.record.info.doc_id)
        if prepared.staged_dir is not None and (current is None or current.revision != prepared.record.revision):
            shutil.rmtree(prepared.staged_dir, ignore_errors=True)

    def _delete_vectors(self, ids: list[str]) -> None:
        if not ids:
            return
        try:
            self._store.delete(ids)
        except Exception as exc:  # noqa: BLE001 - search ignores vectors without registry rows; reindex sweeps them
            log.warning("knowledge: could not delete %d vectors (%s); they are ignored", len(ids), type(exc).__name__)

    def _sweep_orphans(self) -> None:
        known = set(self._registry.chunk_ids())
        orphans = [cid for cid in self._store.all_ids() if cid not in known]
        self._delete_vectors(orphans)

    # --- helpers -------------------------------------------------------------------------------
    def _record(self, doc_id: str) -> DocumentRecord:
        record = self._registry.document(doc_id)
        if record is None:
            raise DocumentNotFound(messages.DOC_NOT_FOUND.format(doc_id=doc_id))
        return record

    def _refresh(self) -> None:
        """Reload the embedded vector store if another process changed the knowledge base."""
        generation = self._registry.generation()
        if generation != self._generation:
            self._store.reload()
            self._generation = generation
            indexed_with = self._registry.get_meta("embedder")
            stale = indexed_with is not None and indexed_with != self.embedder.name and self._registry.documents()
            self._stale_embedder = indexed_with if stale else None

    def _require_current_embedder(self) -> None:
        if self._stale_embedder is not None:
            raise ReindexRequired(messages.REINDEX_REQUIRED.format(old=self._stale_embedder, new=self.embedder.name))

    def _new_doc_id(self, source_file: str) -> str:
        base = _slug(source_file) or "dokument"
        candidate, n = base, 2
        while self._registry.doc_id_taken(candidate):
            candidate, n = f"{base}-{n}", n + 1
        return candidate


def _header(title: str, chunk: Chunk) -> str:
    """Context line embedded and indexed with each chunk: document title and heading path."""
    path = [p for p in chunk.section_path if p != title]
    return " › ".join([title, *path])


def _unit_embed_text(section: str | None, lead: str | None, text: str) -> str:
    """What is embedded for an evidence unit: its heading gives a short sentence its topic."""
    return " ".join(x for x in (f"{section}:" if section else None, lead, text) if x)


def _metadata(info: DocumentInfo, revision: str, chunk: Chunk) -> dict[str, Any]:
    return {"doc_id": info.doc_id, "revision": revision, "chunk_index": chunk.index, "title": info.title,
            "source_file": info.source_file, "section": chunk.section, "page": chunk.page,
            "version": info.version, "owner": info.owner, "valid_until": info.valid_until,
            "audience": info.audience}


_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "§": "par"})


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower().translate(_TRANSLIT)).strip("-")[:60].strip("-")


def _next_version(version: str) -> str:
    match = re.match(r"^(.*?)(\d+)$", version)
    if match:
        return f"{match.group(1)}{int(match.group(2)) + 1}"
    return date.today().isoformat()


def _normalise_date(value: str | None) -> str | None:
    """Accept YYYY-MM-DD or TT.MM.JJJJ; return ISO; raise a German error otherwise."""
    if value is None or not value.strip():
        return None
    iso = normalise_date(value)
    if iso is None:
        raise KnowledgeError(messages.INVALID_DATE.format(value=value.strip()))
    return iso


def _progress_bar(total: int, label: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="Abschn.", file=sys.stderr, leave=False, dynamic_ncols=True)
