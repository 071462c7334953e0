"""Vector storage in Chroma: embedded (PersistentClient under ``data_dir/chroma``) or a
``chroma run`` server (HttpClient). Vectors are always computed by us and passed in."""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings

from . import messages
from .embedders.base import Embedder
from .embedders.chroma_adapter import ChromaEmbeddingAdapter
from .errors import KnowledgeError
from .paths import CHROMA_DIR
from .settings import KnowledgeSettings


def collection_name(base: str, embedder_name: str) -> str:
    """Physical collection name: one collection per embedder, since vector sizes differ.

    Chroma allows 3–512 characters of [a-zA-Z0-9._-], starting and ending alphanumeric.
    """
    tag = re.sub(r"[^a-zA-Z0-9]+", "-", embedder_name).strip("-").lower()[:40]
    if tag != embedder_name:
        tag = f"{tag}-{hashlib.sha1(embedder_name.encode()).hexdigest()[:8]}"
    name = f"{re.sub(r'[^a-zA-Z0-9._-]+', '-', base).strip('-._')}-{tag}"
    return name[:500]


class VectorStore:
    """One Chroma collection holding the chunk vectors, ids and metadata (cosine space)."""

    def __init__(self, settings: KnowledgeSettings, data_dir: Path, embedder: Embedder) -> None:
        self._settings = settings
        self._data_dir = data_dir
        self._embedder = embedder
        self._client = self._connect()
        self._adapter = ChromaEmbeddingAdapter(embedder)
        self.name = collection_name(settings.collection, embedder.name)
        self._collection = self._open()

    def _connect(self) -> Any:
        settings = self._settings
        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if settings.chroma_mode == "http":
            try:
                client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                             settings=chroma_settings)
                client.heartbeat()
                return client
            except Exception as exc:  # connection errors come in several types
                raise KnowledgeError(messages.CHROMA_UNREACHABLE.format(host=settings.chroma_host,
                                                                         port=settings.chroma_port)) from exc
        path = self._data_dir / CHROMA_DIR
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)

    @property
    def embedded(self) -> bool:
        return self._settings.chroma_mode == "embedded"

    def reload(self) -> None:
        """Reopen the embedded store to see vectors another process wrote.

        An embedded Chroma keeps its vector index in memory and does not notice writes by
        other processes (e.g. ``safegpt kb add`` while the server runs); the server would then
        find the new documents only by keyword. A server (http mode) needs no reload.
        """
        if not self.embedded:
            return
        self.close()
        self._client = self._connect()
        self._collection = self._open()

    def _open(self) -> Any:
        return self._client.get_or_create_collection(
            self.name,
            embedding_function=self._adapter,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"created_by": "safegpt"},
        )

    def add(self, ids: list[str], embeddings: Sequence[Sequence[float]], metadatas: list[dict[str, Any]],
            documents: list[str]) -> None:
        batch = max(1, min(self._client.get_max_batch_size(), 1000))
        for start in range(0, len(ids), batch):
            end = start + batch
            self._collection.add(
                ids=ids[start:end],
                embeddings=[list(v) for v in embeddings[start:end]],
                metadatas=[{k: v for k, v in m.items() if v is not None} for m in metadatas[start:end]],
                documents=documents[start:end],
            )

    def delete(self, ids: list[str]) -> None:
        for start in range(0, len(ids), 1000):
            self._collection.delete(ids=ids[start:start + 1000])

    def query(self, embedding: Sequence[float], n: int) -> list[tuple[str, float]]:
        """Nearest chunks as (chunk id, cosine similarity), best first."""
        count = self._collection.count()
        if count == 0:
            return []
        result = self._collection.query(query_embeddings=[list(embedding)], n_results=min(n, count),
                                        include=["distances"])
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(result["ids"][0], result["distances"][0])]

    def all_ids(self) -> list[str]:
        ids: list[str] = []
        offset = 0
        while True:
            page = self._collection.get(include=[], limit=5000, offset=offset)["ids"]
            ids.extend(page)
            if len(page) < 5000:
                return ids
            offset += len(page)

    def count(self) -> int:
        return self._collection.count()

    def recreate(self) -> None:
        """Drop and recreate the collection (reindex builds it anew)."""
        with contextlib.suppress(Exception):  # not existing is fine
            self._client.delete_collection(self.name)
        self._collection = self._open()

    def drop(self, name: str) -> None:
        """Delete another collection (the one built with the previous embedder, after reindex)."""
        if name != self.name:
            with contextlib.suppress(Exception):  # already gone
                self._client.delete_collection(name)

    def close(self) -> None:
        close = getattr(self._client, "close", None)
        if close is not None:
            close()
