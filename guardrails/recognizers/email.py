"""E-mail addresses (Presidio's pattern, German context, offline domain check)."""

from __future__ import annotations

import functools
from typing import Optional

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer for German text without network access.

    Presidio validates the domain with the module-level ``tldextract.extract``,
    which downloads the public suffix list on first use. This recognizer owns a
    ``TLDExtract`` that only reads the snapshot bundled with tldextract.
    """

    CONTEXT = ["email", "e-mail", "mail", "mailadresse", "e-mail-adresse", "erreichbar"]

    def __init__(self) -> None:
        super().__init__(supported_language="de", context=self.CONTEXT)
        self._extract = offline_domain_extractor()

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        """Accept only addresses whose domain has a known public suffix."""
        return self._extract(pattern_text).fqdn != ""


@functools.cache
def offline_domain_extractor() -> tldextract.TLDExtract:
    """One per process: it reads the bundled suffix list (about 0.4 s of CPU) on its first call, then only looks
    up; never fetches."""
    extract = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)
    extract("warm-up@example.org")
    return extract
