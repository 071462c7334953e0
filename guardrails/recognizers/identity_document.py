"""Shared rule of the identity-document recognizers (ID card, passport).

With a cue ("Personalausweis", "Pass-Nr.", "Ausweisnummer ist …") the following
token is the number whatever its alphabet, so foreign passports ("N012345678",
"U12345678") are found too. Without a cue a German-format number counts only when
it carries a valid ICAO 9303 check digit: nine characters plus the MRZ check digit
("T220001293"), or nine characters whose last one checks the first eight (the
form Presidio and some forms use). A bare nine-character code without a check
digit and without a cue stays unmasked: it cannot be told from a product code.
"""

from __future__ import annotations

import re
from typing import List, Optional

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.recognizers.icao9303 import DOCUMENT_ALPHABET, ends_with_check_digit

# Between cue and number: ":", "Nr.", "Nummer", "lautet", "ist", "(" in any order.
_GAP = (
    r"(?:[ \t]*(?:[:#(=]|Nr\.?|Nummer|No\.?|lautet|ist|lautete|war|mit(?:[ \t]+der)?[ \t]+Nummer)[ \t]*){0,3}[ \t]*"
)
# The value after a cue: 6–12 letters and digits with at least two digits, optionally
# the MRZ check digit after a space.
_CUED_VALUE = r"(?=[A-Za-z0-9]*\d[A-Za-z0-9]*\d)[A-Za-z0-9]{6,12}(?:[ ]\d(?![\w/.,-]))?"
# A cue earlier in the clause: "Die Ausweisnr. von Frau Tonat lautet P181H61R4".
_LATE = r"(?:(?![.!?;\n][ \t\n]|[!?;\n]).){1,50}?(?::|[ \t](?:lautet|lautete|ist))[ \t]+"
_DOC = f"[{DOCUMENT_ALPHABET}]"


class DocumentNumberRecognizer(EntityRecognizer):
    """Base class: ``entity`` after ``cue``; without a cue, check-digit-valid numbers
    starting with one of ``first_letters``."""

    def __init__(self, entity: str, cue: str, first_letters: str, name: str) -> None:
        self._cued = regex.compile(
            rf"(?<![\w-])(?:{cue})(?:es|s)?(?![\w-])[.]?(?:{_GAP}|{_LATE})(?P<value>{_CUED_VALUE})(?![\w/-])",
            regex.IGNORECASE,
        )
        first = f"[{first_letters}]"
        # Upper case only: lower-case 9-letter strings are ordinary typing.
        self._bare = regex.compile(rf"(?<![\w-])(?P<value>{first}{_DOC}{{7}}(?:{_DOC}\d|\d))(?![\w-])")
        super().__init__(supported_entities=[entity], supported_language="de", name=name)

    def load(self) -> None:  # patterns are compiled in __init__
        pass

    def analyze(
        self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> List[RecognizerResult]:
        """Cued numbers (score 0.9) and bare numbers with a valid check digit (1.0)."""
        results = []
        cued_starts = set()
        for m in self._cued.finditer(text):
            start, end = m.span("value")
            value = m.group("value")
            if " " in value and not ends_with_check_digit(value.replace(" ", "")):
                end = start + value.index(" ")  # the trailing digit is not its check digit
            cued_starts.add(start)
            results.append(self._result(start, end, 0.9))
        for m in self._bare.finditer(text):
            start, end = m.span("value")
            if start not in cued_starts and ends_with_check_digit(m.group("value")):
                results.append(self._result(start, end, EntityRecognizer.MAX_SCORE))
        return results

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.supported_entities[0],
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
