"""German keyword retrieval over the registry's FTS5 table: BM25 candidates and a 0–1
coverage score (how much of the query, weighted by rarity, a chunk contains)."""

from __future__ import annotations

import math
import sqlite3

from .german_analyzer import GermanAnalyzer, QueryTerm


class KeywordIndex:
    """Searches chunk tokens written by :class:`Registry` (same SQLite connection)."""

    def __init__(self, db: sqlite3.Connection, analyzer: GermanAnalyzer) -> None:
        self._db = db
        self.analyzer = analyzer

    def tokens(self, text: str) -> list[str]:
        """Index tokens of a chunk text (stored by the registry in the same transaction as the chunk)."""
        return self.analyzer.tokens(text)

    def search(self, terms: list[QueryTerm], limit: int) -> list[str]:
        """Chunk ids best first by BM25 over all tokens of the query terms."""
        tokens = sorted({tok for term in terms for tok in (term.stem, *term.parts)})
        if not tokens:
            return []
        match = " OR ".join('"' + tok.replace('"', "") + '"' for tok in tokens)
        rows = self._db.execute(
            "SELECT chunks.chunk_id FROM chunk_fts JOIN chunks ON chunks.id = chunk_fts.rowid "
            "WHERE chunk_fts MATCH ? ORDER BY bm25(chunk_fts) LIMIT ?",
            (match, limit),
        )
        return [row[0] for row in rows]

    def coverage(self, terms: list[QueryTerm], chunk_ids: list[str]) -> dict[str, float]:
        """For each chunk, the idf-weighted share of query terms it contains (0–1).

        A compound query word counts fully when its stem occurs, else by the share of its
        parts that occur. A query word unknown to the whole corpus gets the highest weight,
        so a question about something the guidelines never mention scores low.
        """
        if not terms or not chunk_ids:
            return {}
        total = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        all_tokens = sorted({tok for term in terms for tok in (term.stem, *term.leaves)})
        marks = ",".join("?" * len(all_tokens))
        df = dict(self._db.execute(f"SELECT term, doc FROM chunk_vocab WHERE term IN ({marks})", all_tokens).fetchall())

        def idf(count: int) -> float:
            return math.log(1 + (total - count + 0.5) / (count + 0.5))

        weights: list[float] = []
        for term in terms:
            if df.get(term.stem) or not term.leaves:
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
            for term, weight in zip(terms, weights):
                if term.stem in present:
                    score += weight
                elif term.leaves:
                    # Squared: half of a compound's parts is weak evidence ("Bundes|kanzler").
                    share = sum(leaf in present for leaf in term.leaves) / len(term.leaves)
                    score += weight * share * share
            result[chunk_id] = score / weight_sum
        return result
