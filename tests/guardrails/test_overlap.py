import pytest

from guardrails.overlap import resolve_overlaps
from guardrails.results import DetectedSpan as S

CASES = [
    # nested: the container wins (e-mail around a name)
    ([S(0, 18, "EMAIL_ADDRESS", 1.0), S(0, 5, "PERSON", 0.85)], [S(0, 18, "EMAIL_ADDRESS", 1.0)]),
    # same span, higher score wins
    ([S(5, 15, "DATE_TIME", 0.6), S(5, 15, "DATE_OF_BIRTH", 0.95)], [S(5, 15, "DATE_OF_BIRTH", 0.95)]),
    # partial overlap of two unvalidated findings: merged, nothing left in clear text
    ([S(0, 10, "PERSON", 0.85), S(6, 20, "ADDRESS", 0.75)], [S(0, 20, "PERSON", 0.85)]),
    # a weaker pattern running past a validated identifier is dropped
    ([S(5, 32, "IBAN_CODE", 1.0), S(20, 37, "PHONE_NUMBER", 0.55)], [S(5, 32, "IBAN_CODE", 1.0)]),
    # disjoint findings stay apart and sorted
    ([S(10, 12, "PERSON", 0.9), S(0, 3, "PERSON", 0.9)], [S(0, 3, "PERSON", 0.9), S(10, 12, "PERSON", 0.9)]),
    # chains collapse into one
    ([S(0, 5, "PERSON", 0.8), S(4, 9, "PERSON", 0.8), S(8, 12, "CASE_NUMBER", 0.85)], [S(0, 12, "CASE_NUMBER", 0.85)]),
    # empty spans are ignored
    ([S(3, 3, "PERSON", 0.9)], []),
]


@pytest.mark.parametrize(("spans", "expected"), CASES)
def test_resolve_overlaps(spans, expected):
    assert resolve_overlaps(spans) == expected


def test_result_never_overlaps(guardrail):
    text = (
        "Frau Aylin Demir, aylin.demir@web.de, IBAN DE89 3704 0044 0532 0130 00 2024, "
        "Lindenstraße 12, 44135 Dortmund, geb. 14.03.1987, Tel. 0231/98765-0, Az. 4 C 123/24"
    )
    spans = guardrail.detect(text)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
