"""Tolerant reading of a question for the keyword index: each query word keeps its exact reading and
may get variants — the index term it was probably meant to be ("Testamant" → "testament"), the words
it runs together ("kitaapp" → "kita" + "app"), or what an abbreviation or colloquial word stands for
("HzE" → "Hilfen zur Erziehung").

Variants carry a weight below 1 and are only ever an alternative to the exact reading (the better of
the two counts, never both), so a document that contains the word as typed always beats one that only
matches a guess. Only words the index does not know are fuzzed or split, and only when they are long
enough and not an ordinary German noun ("Wetter" is not turned into "weiter").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .german_analyzer import GermanAnalyzer, QueryTerm
from .settings import KnowledgeSettings
from .synonyms import DEFAULT_TABLE, SynonymTable, words
from .vocabulary import Neighbour, Vocabulary

VariantKind = Literal["fuzzy", "split", "synonym"]
# The organisation's table in the data directory, used when [knowledge] synonyms_file is not set.
DATA_DIR_TABLE = "synonyme.txt"


@dataclass(frozen=True)
class Tolerance:
    """How far the keyword side reads beyond the exact words (fixed defaults, measured with
    ``bench/retrieval.py`` on the tuning part of the question set)."""

    # Words shorter than this are never fuzzed: "Kur" vs "Kür", "Rat" vs "Rad" are different words.
    min_fuzzy_length: int = 5
    # Up to this length one edit is allowed, above it two.
    one_edit_up_to: int = 7
    fuzzy_weight_one_edit: float = 0.8
    fuzzy_weight_two_edits: float = 0.6
    split_weight: float = 0.9
    synonym_weight: float = 0.8
    # Parts of a run-together word must have at least this many letters.
    min_split_part: int = 3
    neighbours: int = 2


@dataclass(frozen=True)
class Variant:
    """Another reading of a query word: ``terms`` stand for it with ``weight`` (0–1).

    ``combine`` says how the terms' evidence adds up: "sum" for a run-together word (each part is a
    word the user meant), "mean" for an expansion ("Allgemeiner Sozialer Dienst" counts as one word).
    """

    terms: tuple[QueryTerm, ...]
    weight: float
    kind: VariantKind
    combine: Literal["sum", "mean"] = "mean"


@dataclass(frozen=True)
class KeywordTerm:
    """One word of the question: its exact reading (None for an abbreviation that is a stop word,
    "JA") and its variants."""

    exact: QueryTerm | None
    variants: tuple[Variant, ...] = field(default=())

    @property
    def label(self) -> str:
        if self.exact is not None:
            return self.exact.word
        return self.variants[0].terms[0].word if self.variants else ""


class QueryExpander:
    """Turns a question into :class:`KeywordTerm` s, given the index's current vocabulary."""

    def __init__(self, analyzer: GermanAnalyzer, synonyms: SynonymTable | None = None,
                 tolerance: Tolerance | None = None) -> None:
        self.analyzer = analyzer
        self.synonyms = synonyms
        self.tolerance = tolerance or Tolerance()
        # Keys of the synonym table are words the index may not contain ("Testament" when the
        # guideline says "Erbschaft"); a misspelt key is found like a misspelt index word.
        self._key_expansions = synonyms.stemmed_keys() if synonyms is not None else {}
        self._keys = Vocabulary({key: 1 for key in self._key_expansions}, 1, 1)

    def exact_terms(self, text: str) -> list[KeywordTerm]:
        """The question without any tolerance (the keyword search as it was before issue 18)."""
        return [KeywordTerm(t) for t in self.analyzer.query_terms(text)]

    def expand(self, text: str, vocabulary: Vocabulary) -> list[KeywordTerm]:
        base = self.analyzer.query_terms(text)
        variants: list[list[Variant]] = [[] for _ in base]
        by_stem = {term.stem: number for number, term in enumerate(base)}
        extra: list[KeywordTerm] = []
        for number, term in enumerate(base):
            if self._is_unknown_word(term, vocabulary):
                variants[number].extend(self._fuzzy(term, vocabulary))
                variants[number].extend(self._run_together(term, vocabulary))
                variants[number].extend(self._misspelt_key(term))
        if self.synonyms is not None:
            question_words = words(text)
            for match in self.synonyms.matches(question_words):
                found = self._expansions(match.expansions)
                if not found:
                    continue
                covered = [by_stem[s] for s in dict.fromkeys(self._stem(w) for w in question_words[match.start:match.end])
                           if s in by_stem]
                for number in covered:
                    variants[number].extend(found)
                if not covered:  # the key is a stop word ("JA" for Jugendamt)
                    extra.append(KeywordTerm(None, tuple(found)))
        return [KeywordTerm(term, tuple(v)) for term, v in zip(base, variants)] + extra

    # --- the three kinds of variant -------------------------------------------------------------
    def _is_unknown_word(self, term: QueryTerm, vocabulary: Vocabulary) -> bool:
        word = term.word
        if not word.isalpha() or len(word) < self.tolerance.min_fuzzy_length or vocabulary.frequency(term.stem):
            return False
        if term.leaves and all(vocabulary.frequency(leaf) for leaf in term.leaves):
            return False  # a new compound of known parts ("Wohngeldfrage") is matched through its parts
        return not self.analyzer.is_known_noun(word)

    def _fuzzy(self, term: QueryTerm, vocabulary: Vocabulary) -> list[Variant]:
        found = self._nearest(term, vocabulary)
        if not found:
            return []
        weight = self._fuzzy_weight(found[0].distance)
        return [Variant((QueryTerm(word=n.term, stem=n.term),), weight, "fuzzy") for n in found]

    def _misspelt_key(self, term: QueryTerm) -> list[Variant]:
        found = self._nearest(term, self._keys)
        if not found:
            return []
        weight = self._fuzzy_weight(found[0].distance) * self.tolerance.synonym_weight
        return [Variant(v.terms, weight, "synonym", v.combine)
                for n in found for v in self._expansions(self._key_expansions[n.term])]

    def _nearest(self, term: QueryTerm, vocabulary: Vocabulary) -> list[Neighbour]:
        """The closest vocabulary terms to the word's stem or to the word itself (the stemmer cuts a
        misspelt ending differently: "trainig" -> "train", but "training" stays whole)."""
        tol = self.tolerance
        max_distance = 1 if len(term.word) <= tol.one_edit_up_to else 2
        found: dict[str, Neighbour] = {}
        for form in dict.fromkeys((term.stem, term.word)):
            if len(form) < tol.min_fuzzy_length:
                continue  # "wet" (from "weter") is one edit from far too many words
            for n in vocabulary.neighbours(form, max_distance, limit=tol.neighbours):
                # Two edits only when the first letter agrees: typos rarely hit the first letter, and
                # without this rule long words collect unrelated neighbours.
                if (n.distance == 1 or n.term[0] == form[0]) and (
                        n.term not in found or n.distance < found[n.term].distance):
                    found[n.term] = n
        if not found:
            return []
        best = min(n.distance for n in found.values())
        closest = sorted((n for n in found.values() if n.distance == best), key=lambda n: (-n.df, n.term))
        return closest[:tol.neighbours]

    def _fuzzy_weight(self, distance: int) -> float:
        tol = self.tolerance
        return tol.fuzzy_weight_one_edit if distance == 1 else tol.fuzzy_weight_two_edits

    def _run_together(self, term: QueryTerm, vocabulary: Vocabulary) -> list[Variant]:
        """Two known words written as one ("kitaapp", "dienstfahrradausleihen")."""
        word, tol = term.word, self.tolerance
        best: tuple[tuple[int, int], str, str] | None = None
        for cut in range(tol.min_split_part, len(word) - tol.min_split_part + 1):
            left, right = word[:cut], word[cut:]
            right_stem = self._stem(right)
            if len(right_stem) < tol.min_split_part or not vocabulary.frequency(right_stem):
                continue
            for link in ("", "s", "es", "n", "en"):
                head = left[:len(left) - len(link)] if link else left
                if (link and not left.endswith(link)) or len(head) < tol.min_split_part:
                    continue
                if vocabulary.frequency(self._stem(head)):
                    rank = (min(len(head), len(right)), vocabulary.frequency(self._stem(head)))
                    if best is None or rank > best[0]:
                        best = (rank, head, right)
        if best is None:
            return []
        parts = tuple(self.analyzer.query_terms(f"{best[1]} {best[2]}"))
        return [Variant(parts, tol.split_weight, "split", combine="sum")] if len(parts) == 2 else []

    def _expansions(self, expansions: tuple[str, ...]) -> list[Variant]:
        out = []
        for expansion in expansions:
            terms = tuple(self.analyzer.query_terms(expansion))
            if terms:
                out.append(Variant(terms, self.tolerance.synonym_weight, "synonym"))
        return out

    def _stem(self, word: str) -> str:
        return self.analyzer.stem(word.lower())


def synonym_table_paths(settings: KnowledgeSettings, data_dir: Path) -> list[Path]:
    """The shipped table, then the organisation's (``synonyms_file``, or ``synonyme.txt`` in the data
    directory when that exists). A configured file that is missing is an error, not silently skipped."""
    paths = [DEFAULT_TABLE]
    if settings.synonyms_file is not None:
        configured = Path(settings.synonyms_file)
        paths.append(configured if configured.is_absolute() else Path(data_dir) / configured)
    elif (Path(data_dir) / DATA_DIR_TABLE).is_file():
        paths.append(Path(data_dir) / DATA_DIR_TABLE)
    return paths


def make_expander(settings: KnowledgeSettings, data_dir: Path, analyzer: GermanAnalyzer) -> QueryExpander | None:
    """The expander configured by ``settings`` (None when ``tolerant_keywords`` is off).

    Raises :class:`knowledge.synonyms.SynonymTableError` (German, with file and line) for a bad table."""
    if not settings.tolerant_keywords:
        return None
    table = SynonymTable.load(synonym_table_paths(settings, data_dir), analyzer.stem)
    return QueryExpander(analyzer, table)
