"""Class corpus of issue 15 (sections 2 and 3): one small seeded set of sentences per class.

Kept apart from `generate()` so the main corpus (and its figures) stays comparable across
versions. Positive classes carry gold spans; negative classes carry "NEG" spans (a public
body, a national organisation, a non-identifying place) that must stay unmasked, or none
(ordinary numbers: nothing in the sentence may be masked as an identifier).
"""

from __future__ import annotations

import random

from . import identifier_classes as idc
from . import institution_classes as inst
from .builder import GoldSpan, Sample

NEGATIVE_LABEL = "NEG"
# Detected types that count as "an identifier" when they hit an ordinary number.
IDENTIFIER_TYPES = {"CASE_NUMBER", "DE_SOCIAL_SECURITY", "DE_ID_CARD", "DE_PASSPORT", "DE_KFZ", "DE_TAX_ID",
                    "DE_TAX_NUMBER", "DE_HEALTH_INSURANCE", "IBAN_CODE", "PHONE_NUMBER", "DE_LANR", "DE_BSNR",
                    "DE_FUEHRERSCHEIN", "DE_HANDELSREGISTER", "DE_VAT_ID", "US_BANK_NUMBER", "US_DRIVER_LICENSE",
                    "US_PASSPORT", "US_SSN", "UK_NHS", "CREDIT_CARD", "MEDICAL_LICENSE", "ITIN", "US_ITIN"}


def _assemble(segments: list[tuple[str, str | None, str]]) -> tuple[str, tuple[GoldSpan, ...]]:
    text, spans, pos = [], [], 0
    for part, label, source in segments:
        if label:
            spans.append(GoldSpan(pos, pos + len(part), label, source))
        text.append(part)
        pos += len(part)
    return "".join(text), tuple(spans)


def generate_classes(per_class: int = 60, seed: int = 20261125) -> list[Sample]:
    """`per_class` sentences for every positive and negative class, deterministic for a seed."""
    rng = random.Random(seed * 7 + 15)
    out: list[Sample] = []
    groups = [("identifier", idc.POSITIVE, "positive"), ("institution/place", inst.POSITIVE, "positive"),
              ("institution/place", inst.NEGATIVE, "negative")]
    for group, classes, polarity in groups:
        for name, make in classes.items():
            for i in range(per_class):
                text, spans = _assemble(make(rng))
                out.append(Sample(f"class-{len(out):05d}", text, spans, group, name, (polarity,)))
    for name, make_text in idc.NEGATIVES.items():
        for i in range(per_class):
            out.append(Sample(f"class-{len(out):05d}", make_text(rng), (), "ordinary numbers", name, ("negative",)))
    return out
