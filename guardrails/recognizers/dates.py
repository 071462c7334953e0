"""Calendar dates in German notation (DATE_TIME)."""

from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

MONTHS = (
    r"(?:Januar|Jänner|Jaenner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|"
    r"September|Oktober|November|Dezember|"
    r"Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)"
)
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:19\d{2}|20\d{2}|\d{2})"

NUMERIC_DATE = rf"{DAY}\.[ ]?{MONTH_NUM}\.[ ]?{YEAR}(?!\d)"
TEXT_DATE = rf"{DAY}\.?[ ]?{MONTHS}\.?(?:[ ]+(?:19|20)\d{{2}})?(?![\wäöü])"
ISO_DATE = r"(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
SLASH_DATE = rf"{DAY}/{MONTH_NUM}/(?:19|20)\d{{2}}(?!\d)"
MONTH_YEAR = rf"{MONTHS}[ ]+(?:19|20)\d{{2}}(?!\d)"

# The date of a law or regulation is public ("Gesetz vom 12.03.2021", "in der Fassung vom …").
_LAW_BEFORE = re.compile(
    r"(?:Gesetz\w*|\w+gesetz\w*|Verordnung\w*|\w+verordnung\w*|Fassung|Bekanntmachung|Satzung|Erlass\w*|"
    r"Richtlinie\w*|Novelle|BGBl\.?(?:\s?I{1,2})?(?:\s?S\.\s?\d+)?)\s+(?:vom|v\.)\s*$"
)

# Every date shape, for recognizers that need "some date" after a cue.
ANY_DATE = rf"(?:{NUMERIC_DATE}|{ISO_DATE}|{SLASH_DATE}|{TEXT_DATE})"


class GermanDateRecognizer(PatternRecognizer):
    """14.03.1987, 3. Juni 2015, 3 Juni, Juni 2015, 2015-06-03, 03/06/2015."""

    PATTERNS = [
        Pattern("numeric dd.mm.yyyy", rf"(?<![\w.]){NUMERIC_DATE}", 0.6),
        Pattern("day month-name year", rf"(?<![\w.]){TEXT_DATE}", 0.6),
        Pattern("ISO", rf"(?<![\w.-]){ISO_DATE}", 0.6),
        Pattern("dd/mm/yyyy", rf"(?<![\w/]){SLASH_DATE}", 0.6),
        Pattern("month-name year", rf"(?<![\w.]){MONTH_YEAR}", 0.5),
    ]

    CONTEXT = ["datum", "am", "seit", "bis", "vom", "termin", "geboren", "geb"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="DATE_TIME",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            supported_language="de",
            name="GermanDateRecognizer",
            # Month names may be typed in lower case ("3. juni 2015").
            global_regex_flags=re.DOTALL | re.MULTILINE | re.IGNORECASE,
        )

    def analyze(
        self,
        text: str,
        entities: List[str],
        nlp_artifacts: Optional[NlpArtifacts] = None,
        regex_flags: Optional[int] = None,
    ) -> List[RecognizerResult]:
        """Dates, except the dates of laws and regulations."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if not _LAW_BEFORE.search(text[max(0, r.start - 60) : r.start])]

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        """Reject impossible day/month combinations such as 31.02."""
        m = re.match(r"(\d{1,2})\.\s?(\d{1,2})\.", pattern_text)
        if m:
            day, month = int(m.group(1)), int(m.group(2))
            if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
                return False
        return None
