"""Calendar dates in German notation (DATE_TIME)."""

from __future__ import annotations

import re
from typing import Optional

from presidio_analyzer import Pattern, PatternRecognizer

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

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        """Reject impossible day/month combinations such as 31.02."""
        m = re.match(r"(\d{1,2})\.\s?(\d{1,2})\.", pattern_text)
        if m:
            day, month = int(m.group(1)), int(m.group(2))
            if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
                return False
        return None
