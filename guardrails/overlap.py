"""Resolution of overlapping and nested findings into non-overlapping spans."""

from __future__ import annotations

from guardrails.results import DetectedSpan

# When two findings cover the same text, the more specific type wins ties.
_PRIORITY = {
    "DE_ID_CARD": 36, "DE_PASSPORT": 35,
    "MANUAL": 100, "ORGANISATION_TERM": 90, "IBAN_CODE": 80, "EMAIL_ADDRESS": 80,
    "DE_TAX_ID": 75, "DE_SOCIAL_SECURITY": 75, "DE_HEALTH_INSURANCE": 75,
    "DATE_OF_BIRTH": 70, "CASE_NUMBER": 65, "ADDRESS": 60, "INSTITUTION": 58, "PHONE_NUMBER": 55,
    "PERSON": 50, "DATE_TIME": 40, "DE_PLZ": 10,
}


def _rank(span: DetectedSpan) -> tuple[float, int, int]:
    return (span.score, _PRIORITY.get(span.entity_type, 30), span.end - span.start)


# Findings at or above this score were confirmed by a check digit or exact list,
# so their boundaries are trusted over a weaker overlapping pattern.
VALIDATED_SCORE = 0.95


def _overlaps(a: DetectedSpan, b: DetectedSpan) -> bool:
    return a.start < b.end and b.start < a.end


def resolve_overlaps(spans: list[DetectedSpan]) -> list[DetectedSpan]:
    """Turn overlapping findings into non-overlapping ones; no character twice.

    Findings are taken best first (score, type priority, length). A weaker finding
    that overlaps a validated one (check digit, exact list) is dropped: the
    validated boundaries are exact ("DE89 … 00" followed by "2024"). Otherwise the
    two are merged into one span covering both, with the better one's type —
    cutting a finding short would leave part of a value in clear text.
    """
    accepted: list[DetectedSpan] = []
    for span in sorted((s for s in spans if s.end > s.start), key=_rank, reverse=True):
        hits = [a for a in accepted if _overlaps(a, span)]
        if not hits:
            accepted.append(span)
            continue
        if all(a.score >= VALIDATED_SCORE for a in hits) and span.score < VALIDATED_SCORE:
            continue
        best = max(hits, key=_rank)
        for a in hits:
            accepted.remove(a)
        accepted.append(
            DetectedSpan(
                start=min([span.start] + [a.start for a in hits]),
                end=max([span.end] + [a.end for a in hits]),
                entity_type=best.entity_type,
                score=best.score,
            )
        )
    # A merged span may now touch others; a final sweep guarantees disjointness.
    result: list[DetectedSpan] = []
    for span in sorted(accepted, key=lambda s: s.start):
        if result and span.start < result[-1].end:
            prev = result.pop()
            best = max((prev, span), key=_rank)
            span = DetectedSpan(prev.start, max(prev.end, span.end), best.entity_type, best.score)
        result.append(span)
    return result
