"""How much a single word looks like a person name rather than an ordinary German word.

A logistic regression over hashed character n-grams of the word, trained offline by
``guardrails/data/train_name_classifier.py`` on the project's name lists (positives) and the
inflected forms of the German noun lexicon (negatives). It knows no context: the person
recognizer asks it only about capitalised words that no lexicon knows and that stand where names
stand ("sagte Lindqvist", "mit Papadopoulos"), and combines its answer with that position.

The model file is ``guardrails/data/name_classifier.npz`` (see ``guardrails/data/SOURCES.md``).
"""

from __future__ import annotations

import math
import threading
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).resolve().parent / "data" / "name_classifier.npz"

# Part of the model's definition: the training script imports these, so features at training
# and at run time cannot drift apart.
NGRAM_SIZES = (2, 3, 4, 5)
HASH_BITS = 18


def ngram_ids(word: str, bits: int = HASH_BITS, sizes: tuple[int, ...] = NGRAM_SIZES) -> list[int]:
    """Hashed character n-grams of ``word`` (lower case, "<" and ">" mark start and end).

    CRC-32 rather than Python's ``hash``: the ids must be the same in every process.
    """
    text = f"<{word.lower()}>"
    mask = (1 << bits) - 1
    ids = []
    for n in sizes:
        for i in range(len(text) - n + 1):
            ids.append(zlib.crc32(text[i : i + n].encode("utf-8")) & mask)
    # Length as a feature of its own: names are short, German compounds long.
    ids.append(zlib.crc32(f"#len{min(len(word), 16)}".encode()) & mask)
    return ids


@dataclass(repr=False)
class NameClassifier:
    """Scores words with the shipped model; thread-safe, memoised per word."""

    weights: np.ndarray
    bias: float
    bits: int
    sizes: tuple[int, ...]
    _cache: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __repr__(self) -> str:
        return f"NameClassifier(features={len(self.weights)})"

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> "NameClassifier":
        """Read the model (a few hundred KB, ~10 ms)."""
        with np.load(path, allow_pickle=False) as data:
            weights = data["weights"].astype(np.float32)
            bias = float(data["bias"])
            bits = int(data["hash_bits"])
            sizes = tuple(int(n) for n in data["ngram_sizes"])
        if len(weights) != 1 << bits:
            raise ValueError(f"name classifier {path.name}: {len(weights)} weights for {bits} hash bits")
        return cls(weights=weights, bias=bias, bits=bits, sizes=sizes)

    def logit(self, word: str) -> float:
        ids = ngram_ids(word, self.bits, self.sizes)
        return float(self.weights[ids].sum()) + self.bias

    def probability(self, word: str) -> float:
        """P(name | word) between 0 and 1; the same for any capitalisation of the word."""
        key = word.lower()
        hit = self._cache.get(key)
        if hit is None:
            z = self.logit(key)
            hit = 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
            with self._lock:
                if len(self._cache) > 50_000:
                    self._cache.clear()
                self._cache[key] = hit
        return hit
