"""Organisation-specific terms that are always masked (``always_mask`` setting)."""

from __future__ import annotations

import re
from typing import Sequence

from presidio_analyzer import PatternRecognizer


class OrganisationTermRecognizer(PatternRecognizer):
    """Entity ORGANISATION_TERM: exact terms from the admin's list, any case.

    Used for names from the case-management system or local institutions whose
    mention alone would identify a client.
    """

    def __init__(self, terms: Sequence[str]) -> None:
        cleaned = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
        super().__init__(
            supported_entity="ORGANISATION_TERM",
            deny_list=cleaned,
            deny_list_score=1.0,
            supported_language="de",
            name="OrganisationTermRecognizer",
            global_regex_flags=re.DOTALL | re.MULTILINE | re.IGNORECASE,
        )
