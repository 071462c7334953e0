"""German keyword retrieval over the registry's FTS5 table: BM25 candidates and a 0–1
coverage score (how much of the query, weighted by rarity, a chunk contains).

With a :class:`QueryExpander` the search forgives how people type: words the index does not know get
variants (near spellings, run-together words, abbreviations and synonyms), and chunks are ranked by
a weighted BM25 in which each query word counts with the better of its exact reading and its
weighted variants. Without variants the ranking is FTS5's own BM25, unchanged.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable

from .german_analyzer import GermanAnalyzer, QueryTerm
from .query_expansion import KeywordTerm, QueryExpander, Variant
from .vocabulary import Vocabulary

# FTS5's bm25() constants (sqlite/ext/fts5/fts5_aux.c), so the weighted score equals FTS5's when
# nothing is expanded.
BM25_K1 = 1.2
BM25_B = 0.75


class KeywordIndex:
    """Searches chunk tokens written by :class:`Registry` (same SQLite connection).

    ``generation`` returns the registry's change counter; the vocabulary used for fuzzy matching is
    rebuilt when it changes. ``expander`` None: exact keywords only (the behaviour before issue 18).
    """

    def __init__(self, db: sqlite3.Connection, analyzer: GermanAnalyzer, *,
                 expander: QueryExpander | None = None, generation: Callable[[], int] | None = None) -> None:
        self._db = db
        self.analyzer = analyzer
        self.expander = expander
        self._generation = generation
        self._vocabulary: Vocabulary | None = None
        self._vocabulary_generation: int | None = None

    def tokens(self, text: str) -> list[str]:
        """Index tokens of a chunk text (stored by the registry in the same transaction as the chunk)."""
        return self.analyzer.tokens(text)

    def query_terms(self, text: str) -> list[KeywordTerm]:
        """The question's keyword terms, with tolerant variants when an expander is configured."""
        if self.expander is None:
            return [KeywordTerm(t) for t in self.analyzer.query_terms(text)]
        return self.expander.expand(text, self.vocabulary())

    def vocabulary(self) -> Vocabulary:
        """All index tokens with their document frequency (cached until the index changes)."""
        generation = self._generation() if self._generation is not None else None
        if self._vocabulary is None or generation is None or generation != self._vocabulary_generation:
            df: dict[str, int] = {}
            total = 0
            for term, doc, count in self._db.execute("SELECT term, doc, cnt FROM chunk_vocab"):
                df[term] = doc
                total += count
            chunks = self._db.execute("SELECT count(*) FROM chunk_fts").fetchone()[0]
            self._vocabulary = Vocabulary(df, chunks, total)
            self._vocabulary_generation = generation
        return self._vocabulary

    # --- ranking -------------------------------------------------------------------------------
    def search(self, terms: list[KeywordTerm] | list[QueryTerm], limit: int) -> list[str]:
        """Chunk ids best first: FTS5 BM25, or the weighted BM25 when some term has variants."""
        groups = _as_groups(terms)
        exact_tokens = sorted({tok for g in groups if g.exact for tok in (g.exact.stem, *g.exact.parts)})
        variant_tokens = sorted({tok for g in groups for v in g.variants for t in v.terms for tok in (t.stem, *t.parts)}
                                - set(exact_tokens))
        if self.expander is None:
            return self._fts_exact(exact_tokens, limit)  # the search as it was before issue 18, SQL and all
        if not variant_tokens:
            return [cid for cid, _ in self._fts(exact_tokens, limit)]
        # Candidates: FTS5's best for the exact words (what the search found before) and for the variant
        # tokens alone, then one weighted ranking. The second query holds only the variant tokens, so it
        # is cheap; repeating the exact tokens in it would double the cost at 20,000 chunks.
        pool = dict(self._fts(exact_tokens, limit))
        pool.update(self._fts(variant_tokens, limit))
        vocabulary = self.vocabulary()
        scorer = _WeightedBm25(groups, vocabulary)
        scored = sorted(((scorer.score(tokens.split()), cid) for cid, tokens in pool.items()), key=lambda s: -s[0])
        return [cid for score, cid in scored[:limit] if score > 0]

    def _fts_exact(self, tokens: list[str], limit: int) -> list[str]:
        if not tokens:
            return []
        match = " OR ".join('"' + tok.replace('"', "") + '"' for tok in tokens)
        rows = self._db.execute(
            "SELECT chunks.chunk_id FROM chunk_fts JOIN chunks ON chunks.id = chunk_fts.rowid "
            "WHERE chunk_fts MATCH ? ORDER BY bm25(chunk_fts) LIMIT ?",
            (match, limit),
        )
        return [row[0] for row in rows]

    def _fts(self, tokens: list[str], limit: int) -> list[tuple[str, str]]:
        """(chunk id, its tokens) of the ``limit`` best chunks by FTS5 BM25. Ranked on the FTS table alone,
        then the few winners are looked up: joining or reading columns while ranking would touch every
        matching row (thousands at 20,000 chunks)."""
        if not tokens:
            return []
        match = " OR ".join('"' + tok.replace('"', "") + '"' for tok in tokens)
        rowids = [row[0] for row in self._db.execute(
            "SELECT rowid FROM chunk_fts WHERE chunk_fts MATCH ? ORDER BY bm25(chunk_fts) LIMIT ?", (match, limit))]
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        found = {row[0]: (row[1], row[2]) for row in self._db.execute(
            "SELECT chunks.id, chunks.chunk_id, chunk_fts.tokens FROM chunks JOIN chunk_fts ON chunk_fts.rowid = chunks.id "
            f"WHERE chunks.id IN ({marks})", rowids)}
        return [found[rowid] for rowid in rowids if rowid in found]

    def chunk_tokens(self, chunk_ids: list[str]) -> dict[str, list[str]]:
        """The index tokens of each chunk (header and text, as they were indexed)."""
        if not chunk_ids:
            return {}
        marks = ",".join("?" * len(chunk_ids))
        rows = self._db.execute(
            "SELECT chunks.chunk_id, chunk_fts.tokens FROM chunks JOIN chunk_fts ON chunk_fts.rowid = chunks.id "
            f"WHERE chunks.chunk_id IN ({marks})", chunk_ids)
        return {chunk_id: tokens.split() for chunk_id, tokens in rows}

    # --- coverage ------------------------------------------------------------------------------
    def coverage(self, terms: list[KeywordTerm] | list[QueryTerm], chunk_ids: list[str]) -> dict[str, float]:
        """For each chunk, the idf-weighted share of query terms it contains (0–1).

        A compound query word counts fully when its stem occurs, else by the share of its
        parts that occur. A query word unknown to the whole corpus gets the highest weight,
        so a question about something the guidelines never mention scores low. A word found only
        through a variant counts with the variant's weight (a typo match is weaker evidence).
        """
        groups = _as_groups(terms)
        if not groups or not chunk_ids:
            return {}
        total = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        needed = {tok for g in groups for t in _all_terms(g) for tok in (t.stem, *t.leaves)}
        all_tokens = sorted(needed)
        marks = ",".join("?" * len(all_tokens))
        df = dict(self._db.execute(f"SELECT term, doc FROM chunk_vocab WHERE term IN ({marks})", all_tokens).fetchall())

        def idf(count: int) -> float:
            return math.log(1 + (total - count + 0.5) / (count + 0.5))

        weights: list[float] = []
        for group in groups:
            term = group.exact
            if (term is None or not (df.get(term.stem) or any(df.get(leaf) for leaf in term.leaves))) \
                    and group.variants:
                # A word the index lacks but that stands for known words ("Testamant" for "testament",
                # "BTHG" for "Eingliederungshilfe") weighs as those would; its share then counts only
                # at the variant's reduced weight, so the guess can never outscore the typed word.
                weights.append(max(sum(idf(df.get(t.stem, 0)) for t in v.terms) / len(v.terms)
                                   for v in group.variants))
            elif term is None:
                weights.append(idf(0))
            elif df.get(term.stem) or not term.leaves:
                weights.append(idf(df.get(term.stem, 0)))
            else:
                # A compound the corpus never uses as a whole weighs as much as its parts,
                # unknown parts counting as rarest ("Bundeskanzler": "Bund" known, "Kanzler" not).
                weights.append(sum(idf(df.get(leaf, 0)) for leaf in term.leaves) / len(term.leaves))
        weight_sum = sum(weights) or 1.0

        marks = ",".join("?" * len(chunk_ids))
        rows = self._db.execute(
            "SELECT chunks.chunk_id, chunk_fts.tokens FROM chunks JOIN chunk_fts ON chunk_fts.rowid = chunks.id "
            f"WHERE chunks.chunk_id IN ({marks})",
            chunk_ids,
        )
        result: dict[str, float] = {}
        for chunk_id, token_text in rows:
            present = set(token_text.split())
            score = 0.0
            for group, weight in zip(groups, weights):
                share = _presence(group.exact, present) if group.exact is not None else 0.0
                for variant in group.variants:
                    if share >= 1.0:
                        break
                    found = sum(_presence(t, present) for t in variant.terms) / len(variant.terms)
                    share = max(share, variant.weight * found)
                score += weight * share
            result[chunk_id] = score / weight_sum
        return result


def _presence(term: QueryTerm, present: set[str]) -> float:
    if term.stem in present:
        return 1.0
    if term.leaves:
        # Squared: half of a compound's parts is weak evidence ("Bundes|kanzler").
        share = sum(leaf in present for leaf in term.leaves) / len(term.leaves)
        return share * share
    return 0.0


def _as_groups(terms: Iterable[KeywordTerm | QueryTerm]) -> list[KeywordTerm]:
    return [t if isinstance(t, KeywordTerm) else KeywordTerm(t) for t in terms]


def _all_terms(group: KeywordTerm) -> list[QueryTerm]:
    terms = [group.exact] if group.exact is not None else []
    return terms + [t for v in group.variants for t in v.terms]


class _WeightedBm25:
    """BM25 as FTS5 computes it, with each query word counted once: the better of its exact reading
    (stem and compound parts, summed as FTS5 does) and its variants times their weight."""

    def __init__(self, groups: list[KeywordTerm], vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        # FTS5 counts every distinct token of the query once; a token shared by two words (the
        # "wohngeld" in "Wohngeld" and "Wohngeldantrag") belongs to the first.
        seen: set[str] = set()
        self._groups: list[tuple[tuple[str, ...], tuple[Variant, ...]]] = []
        for group in groups:
            own: tuple[str, ...] = ()
            if group.exact is not None:
                own = tuple(tok for tok in dict.fromkeys((group.exact.stem, *group.exact.parts)) if tok not in seen)
                seen.update(own)
            self._groups.append((own, group.variants))
        self._idf: dict[str, float] = {}

    def score(self, tokens: list[str]) -> float:
        counts = Counter(tokens)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * len(tokens) / (self._vocabulary.average_length or 1.0))

        def bm25(token: str) -> float:
            tf = counts.get(token, 0)
            return self.idf(token) * tf * (BM25_K1 + 1) / (tf + norm) if tf else 0.0

        total = 0.0
        for own, variants in self._groups:
            best = sum(bm25(tok) for tok in own)
            for variant in variants:
                parts = [sum(bm25(tok) for tok in dict.fromkeys((t.stem, *t.parts))) for t in variant.terms]
                evidence = sum(parts) if variant.combine == "sum" else sum(parts) / len(parts)
                best = max(best, variant.weight * evidence)
            total += best
        return total

    def idf(self, token: str) -> float:
        if token not in self._idf:
            n, hits = self._vocabulary.chunk_count, self._vocabulary.frequency(token)
            value = math.log((n - hits + 0.5) / (hits + 0.5))
            self._idf[token] = value if value > 0 else 1e-6  # FTS5 clamps like this
        return self._idf[token]
