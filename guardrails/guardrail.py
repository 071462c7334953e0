"""The process-wide detector (``Guardrail``)."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict

from guardrails.analyzer import build_analyzer
from guardrails.conversation import ConversationGuard
from guardrails.name_classifier import NameClassifier
from guardrails.names import NameLexicon
from guardrails.nlp_engine import LANGUAGE
from guardrails.overlap import resolve_overlaps
from guardrails.recognizers import build_recognizers
from guardrails.results import DetectedSpan
from guardrails.settings import GuardrailSettings
from guardrails.special_categories import SpecialCategoryDetector

logger = logging.getLogger(__name__)

class _DropDetailRecords(logging.Filter):
    """Drops Presidio's DEBUG/INFO records: they quote the analysed text."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


def _silence_presidio_text_logging() -> None:
    # Presidio logs the words around each finding at DEBUG ("Context list is: …").
    # A filter on its logger keeps that out even if someone turns DEBUG on globally.
    presidio_logger = logging.getLogger("presidio-analyzer")
    if not any(isinstance(f, _DropDetailRecords) for f in presidio_logger.filters):
        presidio_logger.addFilter(_DropDetailRecords())
    presidio_logger.setLevel(logging.WARNING)


class _RecurringTextCache:
    """Detections of texts that recur across conversations (retrieved guideline passages, titles).

    A passage's spans and Art. 9 categories depend only on its text; the pseudonyms (the vault) stay per
    conversation. Keyed by a digest, so no text is held here; bounded (least recently used goes first);
    thread-safe.
    """

    def __init__(self, max_entries: int = 4096) -> None:
        self._max = max_entries
        self._spans: OrderedDict[bytes, tuple] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def get(self, key: bytes) -> tuple | None:
        with self._lock:
            spans = self._spans.get(key)
            if spans is not None:
                self._spans.move_to_end(key)
            return spans

    def put(self, key: bytes, spans: tuple) -> None:
        with self._lock:
            self._spans[key] = spans
            self._spans.move_to_end(key)
            while len(self._spans) > self._max:
                self._spans.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._spans.clear()


_WARM_UP_TEXT = "Frau Aylin Demir, geb. 14.03.1987, Tel. 0176 1234567, aylin@example.org"


class Guardrail:
    """Detects personal data in German text, fully offline.

    Build once per process (loads name lists, noun lexicon and the Presidio
    analyzer, about 1–2 s); ``detect`` is thread-safe. Each chat gets its own
    ``ConversationGuard`` from ``conversation()``.
    """

    def __init__(self, settings: GuardrailSettings) -> None:
        self.settings = settings
        _silence_presidio_text_logging()
        self.lexicon = NameLexicon.load()
        name_classifier = NameClassifier.load() if settings.unfamiliar_names else None
        recognizers = build_recognizers(settings, self.lexicon, name_classifier)
        if settings.ner_backend:
            from guardrails.recognizers.ner_backend import NerBackendRecognizer

            backend = NerBackendRecognizer(settings.ner_backend, self.lexicon)
            backend.load()  # fail at start-up with a clear message, not on the first chat
            recognizers.append(backend)
        self._analyzer = build_analyzer(recognizers)
        self._special = SpecialCategoryDetector.load(settings.special_category_terms_file)
        self._recurring = _RecurringTextCache()
        self._recurring_categories = _RecurringTextCache()
        # Presidio loads recognizers and compiles patterns lazily on first use;
        # doing it here keeps that out of concurrent detect() calls.
        self.detect(_WARM_UP_TEXT)
        logger.info("guardrail ready: %d recognizers", len(recognizers))

    def __repr__(self) -> str:
        return f"Guardrail(style={self.settings.pseudonym_style!r})"

    def detect(self, text: str, *, recurring: bool = False) -> list[DetectedSpan]:
        """Findings in ``text``: resolved, non-overlapping, sorted by position.

        ``recurring``: ``text`` recurs across conversations (a retrieved guideline passage, its title), so its
        findings are kept (under a digest, never the text) and the next detection of it is a lookup. Never
        for users' messages: what a person wrote is not kept in any form beyond their conversation."""
        if not recurring:
            return self._analyze(text)
        key = self._recurring.key(text)
        cached = self._recurring.get(key)
        if cached is None:
            cached = tuple(self._analyze(text))
            self._recurring.put(key, cached)
        return list(cached)

    def forget_recurring(self) -> None:
        """Drop the kept findings of recurring texts (benchmarks measure the cold path with it)."""
        self._recurring.clear()
        self._recurring_categories.clear()

    def _analyze(self, text: str) -> list[DetectedSpan]:
        results = self._analyzer.analyze(
            text=text, language=LANGUAGE, score_threshold=self.settings.score_threshold
        )
        spans = [DetectedSpan(r.start, r.end, r.entity_type, round(float(r.score), 4)) for r in results]
        return resolve_overlaps(spans)

    def special_categories(self, text: str, *, recurring: bool = False) -> tuple[str, ...]:
        """Art. 9 categories (names only) that ``text`` touches; ``recurring`` as in :meth:`detect` (the term
        scan of five retrieved passages cost about 8 ms CPU per message, more than their detection lookups)."""
        if not recurring:
            return self._special.categories(text)
        key = self._recurring_categories.key(text)
        cached = self._recurring_categories.get(key)
        if cached is None:
            cached = self._special.categories(text)
            self._recurring_categories.put(key, cached)
        return cached

    def conversation(self) -> ConversationGuard:
        """A fresh per-conversation vault."""
        return ConversationGuard(self)
