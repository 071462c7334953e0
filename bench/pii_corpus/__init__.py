"""Generated German evaluation corpus for the PII benchmark (`bench/pii.py`).

Deterministic and seeded: `generate(n, seed)` always returns the same samples. Names come from
`mimesis` locale data and hand-written lists (not from faker, which the detector uses); identifiers
are generated with valid check digits by `identifiers.py`.
"""

from .builder import GoldSpan, Sample, generate, long_messages

# Benchmark label -> entity names a detector may use for it. The benchmark's own labels are the
# keys; a detected span of any listed name counts as the same type ("type-strict" matching).
# Align with the names `guardrails` uses in one place here.
LABELS: dict[str, set[str]] = {
    "PERSON": {"PERSON", "PER"},
    "EMAIL_ADDRESS": {"EMAIL_ADDRESS", "EMAIL"},
    "PHONE_NUMBER": {"PHONE_NUMBER", "PHONE"},
    "DATE": {"DATE", "DATE_TIME", "DATE_OF_BIRTH"},
    "DATE_OF_BIRTH": {"DATE_OF_BIRTH", "BIRTH_DATE", "DATE_TIME", "DATE"},
    "ADDRESS": {"ADDRESS", "LOCATION", "STREET_ADDRESS", "DE_PLZ", "DE_ADDRESS"},
    "IBAN_CODE": {"IBAN_CODE", "IBAN"},
    "DE_TAX_ID": {"DE_TAX_ID"},
    "DE_SOCIAL_SECURITY": {"DE_SOCIAL_SECURITY"},
    "DE_HEALTH_INSURANCE": {"DE_HEALTH_INSURANCE"},
    "CASE_NUMBER": {"CASE_NUMBER", "CASE_ID", "DE_CASE_NUMBER", "CLIENT_NUMBER"},
    "DE_KFZ": {"DE_KFZ"},
}

# Labels whose values carry a check digit (target: recall 1.00)
CHECKSUM_LABELS = ("IBAN_CODE", "DE_TAX_ID", "DE_SOCIAL_SECURITY", "DE_HEALTH_INSURANCE")


def bench_label(detector_entity: str) -> str:
    """Map a detector entity name onto its benchmark label: the label of the same name, else the
    first label that accepts it (DATE_TIME -> DATE), else the name itself."""
    if detector_entity in LABELS:
        return detector_entity
    for label, names in LABELS.items():
        if detector_entity in names:
            return label
    return detector_entity


__all__ = ["CHECKSUM_LABELS", "GoldSpan", "LABELS", "Sample", "bench_label", "generate", "long_messages"]
