"""Train the name classifier shipped as ``guardrails/data/name_classifier.npz``.

Run: ``.venv/bin/python guardrails/data/train_name_classifier.py`` (needs ``faker`` and
``german-nouns``, both in the lock; the product only reads the .npz). Deterministic: full-batch
training with a fixed number of steps and no random draws, so the same inputs give the same
file; the data split is by a CRC-32 hash of each word (seed below), not by a random generator.

Positives: the shipped name lists (``first_names.tsv``, ``last_names.tsv``: faker + the
project's curated list) plus, for the classifier only, faker person providers of origins the
lists lack (Nordic, Dutch-Belgian, Irish, Estonian, Greek transliterated here, Japanese and
Chinese romanised, Ghanaian, Zulu, Indian, Indonesian, Vietnamese, Brazilian, Mexican).
Wiktionary's given and family names from ``german-nouns`` (tagged Vorname/Nachname) count as
positives too. Negatives: every inflected form of every common noun in ``german-nouns``
(Wiktionary, CC BY-SA 4.0), spaCy's German stop words, and compounds of two of those nouns made
up with a seeded generator ("Integrations|amt"): at run time the classifier only sees words the
lexicon does not know, and an unlisted compound is the most frequent of those that is no name.
Words in both classes are left out.

Prints the size, the training time and the accuracy on the held-out tenth; ``--check`` trains
and compares with the shipped file instead of writing it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import random
import sys
import time
import unicodedata
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from guardrails.name_classifier import HASH_BITS, MODEL_FILE, NGRAM_SIZES, ngram_ids  # noqa: E402

DATA_DIR = Path(__file__).resolve().parent
SPLIT_SEED = 15  # words with crc32(seed:word) % 10 == 0 are held out; also seeds the compounds
SYNTHETIC_COMPOUNDS = 60_000
STEPS = 300
LEARNING_RATE = 0.05
L2 = 1e-6

# Latin-script faker locales used for the classifier only (not for the shipped lists).
EXTRA_LOCALES = ["sv_SE", "da_DK", "no_NO", "fi_FI", "nl_BE", "is_IS", "et_EE", "ga_IE", "tw_GH",
                 "zu_ZA", "en_IN", "id_ID", "vi_VN", "pt_BR", "es_MX"]  # fmt: skip
ROMANISED = {"ja_JP": ("first_romanized_names", "last_romanized_names"),
             "zh_CN": ("first_romanized_names", "last_romanized_names")}
_GREEK = {"α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
          "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
          "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o"}  # fmt: skip


def _greek_to_latin(name: str) -> str:
    low = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))
    for pair, latin in (("ου", "ou"), ("αυ", "av"), ("ευ", "ev"), ("γγ", "ng"), ("μπ", "mp"), ("ντ", "nt")):
        low = low.replace(pair, latin)
    return "".join(_GREEK.get(c, c) for c in low)


def _names_of(provider: type, attrs: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for attr in attrs:
        values = getattr(provider, attr, ())
        out.update(values.keys() if isinstance(values, dict) else values)
    return out


def positive_words() -> set[str]:
    """Lower-case name words the classifier learns as names."""
    words: set[str] = set()
    for file in ("first_names.tsv", "last_names.tsv"):
        for line in (DATA_DIR / file).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                words.add(line.split("\t")[0])
    name_attrs = ("first_names", "first_names_female", "first_names_male", "last_names",
                  "last_names_female", "last_names_male", "last_names_without_suffix")
    for loc in EXTRA_LOCALES:
        words |= _names_of(importlib.import_module(f"faker.providers.person.{loc}").Provider, name_attrs)
    for loc, attrs in ROMANISED.items():
        words |= _names_of(importlib.import_module(f"faker.providers.person.{loc}").Provider, attrs)
    greek = _names_of(importlib.import_module("faker.providers.person.el_GR").Provider, name_attrs)
    words |= {_greek_to_latin(n) for n in greek}
    words |= _lexicon_names()
    return _clean(words)


def _lexicon_names() -> set[str]:
    from german_nouns.config import CSV_FILE_PATH

    out: set[str] = set()
    with open(CSV_FILE_PATH, encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)
        for row in reader:
            if set(row[1].split(",")) & {"Vorname", "Nachname"}:
                out.add(row[0])
    return out


def negative_words() -> set[str]:
    """Lower-case ordinary German words: noun forms and stop words."""
    from german_nouns.config import CSV_FILE_PATH
    from spacy.lang.de.stop_words import STOP_WORDS

    name_tags = {"Vorname", "Nachname", "Eigenname", "Toponym", "Straßenname"}
    words: set[str] = set(STOP_WORDS)
    with open(CSV_FILE_PATH, encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)
        for row in reader:
            if set(row[1].split(",")) & name_tags:
                continue
            words.add(row[0])
            words.update(row[7:])
    nouns = _clean(words)
    return nouns | _compounds(sorted(nouns))


def _compounds(nouns: list[str]) -> set[str]:
    """Made-up compounds of two nouns with a German linking element ("arbeits|zeit")."""
    rng = random.Random(SPLIT_SEED)
    modifiers = [n for n in nouns if 3 <= len(n) <= 10]
    heads = [n for n in nouns if 3 <= len(n) <= 12]
    out: set[str] = set()
    while len(out) < SYNTHETIC_COMPOUNDS:
        out.add(rng.choice(modifiers) + rng.choice(("", "", "s", "n", "en", "er")) + rng.choice(heads))
    return out


def _clean(words: set[str]) -> set[str]:
    out = set()
    for w in words:
        w = unicodedata.normalize("NFC", w.strip()).lower()
        # One word of letters (hyphenated parts are scored one by one at run time).
        if len(w) >= 2 and w.isalpha():
            out.add(w)
    return out


def _held_out(word: str) -> bool:
    return zlib.crc32(f"{SPLIT_SEED}:{word}".encode("utf-8")) % 10 == 0


def _design(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    ids: list[int] = []
    offsets = [0]
    for w in words:
        ids.extend(ngram_ids(w, HASH_BITS, NGRAM_SIZES))
        offsets.append(len(ids))
    return np.asarray(ids, dtype=np.int64), np.asarray(offsets, dtype=np.int64)


def _scores(w: np.ndarray, b: float, ids: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    return np.add.reduceat(w[ids], offsets[:-1]) + b


def train(pos: set[str], neg: set[str]) -> dict[str, object]:
    both = pos & neg
    pos, neg = pos - both, neg - both
    words = sorted(pos) + sorted(neg)
    y = np.concatenate([np.ones(len(pos)), np.zeros(len(neg))]).astype(np.float64)
    test = np.array([_held_out(w) for w in words])
    train_words = [w for w, t in zip(words, test) if not t]
    y_train = y[~test]
    ids, offsets = _design(train_words)
    counts = np.diff(offsets)
    example = np.repeat(np.arange(len(train_words)), counts)
    # Balanced classes: each class weighs half.
    sample_w = np.where(y_train == 1, 0.5 / y_train.sum(), 0.5 / (len(y_train) - y_train.sum()))
    size = 1 << HASH_BITS
    w = np.zeros(size)
    b = 0.0
    m_w, v_w = np.zeros(size), np.zeros(size)
    m_b = v_b = 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, STEPS + 1):
        z = _scores(w, b, ids, offsets)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = (p - y_train) * sample_w
        grad_w = np.bincount(ids, weights=err[example], minlength=size) + L2 * w
        grad_b = err.sum()
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w**2
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b**2
        lr = LEARNING_RATE * np.sqrt(1 - beta2**step) / (1 - beta1**step)
        w -= lr * m_w / (np.sqrt(v_w) + eps)
        b -= lr * m_b / (np.sqrt(v_b) + eps)
    weights = w.astype(np.float16)
    test_words = [wd for wd, t in zip(words, test) if t]
    t_ids, t_off = _design(test_words)
    t_pred = _scores(weights.astype(np.float64), b, t_ids, t_off) > 0
    y_test = y[test].astype(bool)
    return {
        "weights": weights,
        "bias": np.float64(b),
        "hash_bits": np.int64(HASH_BITS),
        "ngram_sizes": np.asarray(NGRAM_SIZES, dtype=np.int64),
        "data_sha256": np.str_(fingerprint(pos, neg)),
        "stats": {
            "positives": len(pos), "negatives": len(neg), "dropped_both": len(both),
            "test_accuracy": float((t_pred == y_test).mean()),
            "test_name_recall": float(t_pred[y_test].mean()),
            "test_noun_rejection": float((~t_pred[~y_test]).mean()),
        },
    }


def fingerprint(pos: set[str], neg: set[str]) -> str:
    """SHA-256 of the training data and settings: changes when either changes."""
    h = hashlib.sha256()
    h.update(repr((HASH_BITS, NGRAM_SIZES, STEPS, LEARNING_RATE, L2, SPLIT_SEED)).encode())
    for label, words in (("pos", pos), ("neg", neg)):
        h.update(label.encode())
        h.update("\n".join(sorted(words)).encode("utf-8"))
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    ap.add_argument("--check", action="store_true", help="train and compare with the shipped file")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    model = train(positive_words(), negative_words())
    seconds = time.perf_counter() - t0
    stats = model.pop("stats")
    print(f"trained in {seconds:.1f} s: {stats}")
    if args.check:
        with np.load(args.out, allow_pickle=False) as shipped:
            same = (str(shipped["data_sha256"]) == str(model["data_sha256"])
                    and np.array_equal(shipped["weights"], model["weights"]))
        print("shipped model matches" if same else "shipped model DIFFERS from a fresh training")
        return 0 if same else 1
    np.savez_compressed(args.out, **model)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
