"""File, case and client numbers (Aktenzeichen, Fall-Nr., Kd.-Nr. …): CASE_NUMBER."""

from __future__ import annotations

import re
from typing import Sequence

from presidio_analyzer import Pattern, PatternRecognizer

from guardrails import messages

# Words after which a number is a file or client number.
_CUE = (
    r"(?:Aktenzeichen|Akten-?Nr\.?|Aktennummer|Az\.?|Gz\.?|Geschäftszeichen|"
    r"Fall-?Nr\.?|Fallnummer|Fall-Nummer|Kd\.?-?Nr\.?|Kunden-?Nr\.?|Kundennummer|"
    r"Kunden-Nummer|Vorgangs-?Nr\.?|Vorgangsnummer|Vorgang|Mitglieds-?Nr\.?|"
    r"Mitgliedsnummer|BG-?Nr\.?|BG-Nummer|Bedarfsgemeinschaftsnummer|Klienten-?Nr\.?|"
    r"Klientennummer|Klienten-ID|Personenkennziffer|PKZ|Leistungs-?Nr\.?|"
    r"Versicherungsschein-?Nr\.?|Vertrags-?Nr\.?|Vertragsnummer|Bescheid-?Nr\.?|"
    r"Unser\sZeichen|Ihr\sZeichen|Akte)"
)
# The number: a token with at least one digit, made of letters, digits, / - .
# and optionally followed by further short groups ("4 C 123/24", "123 456 789").
_ID = (
    r"(?:[A-Za-z]{1,6}(?:[-/.][A-Za-z]{1,6}){1,3}[ -]\d[\d/\-.]*\d"  # "JA-HzE 2025/303"
    r"|(?=[A-Za-z]{0,6}[-/.]?\s?\d)"
    r"[A-Za-z0-9][A-Za-z0-9/\-.]*[A-Za-z0-9]"
    r"(?:\s(?:[A-Z]{1,3}|\d{1,6}[A-Za-z0-9/\-.]*\d))*)"
)
# "Kundennummer von Herrn Akyüz: 719D984161": the cue earlier in the sentence.
_LATE_ID = r"(?=[A-Za-z0-9\-/]*\d[A-Za-z0-9\-/]*\d)[A-Za-z0-9][A-Za-z0-9\-/]{5,24}[A-Za-z0-9]"

COURT_FILE = r"(?:[A-Z]{1,2}\s)?\d{1,3}\s[A-Z]{1,3}[a-z]?(?:\s[A-Z]{1,3})?\s\d{1,6}/\d{2,4}"
JOBCENTER_BG = r"\d{5}BG\d{7}"


class CaseNumberRecognizer(PatternRecognizer):
    """Entity CASE_NUMBER.

    Cue + number ("Az. 4 C 123/24", "Fall-Nr.: 2024-0815", "Kd.-Nr. 123456"),
    court file numbers without cue ("S 12 AS 1234/22") and Jobcenter
    Bedarfsgemeinschaft numbers ("12345BG0012345"), plus the admin's own regexes.
    """

    CONTEXT = ["aktenzeichen", "az", "fall", "akte", "kundennummer", "vorgang"]

    def __init__(self, extra_patterns: Sequence[str] = ()) -> None:
        patterns = [
            Pattern("cue + number", rf"(?<=\b(?i:{_CUE})[:.]?[ \t]{{0,3}}){_ID}(?![\w])", 0.85),
            Pattern("court file number", rf"(?<![\w/]){COURT_FILE}(?![\w/])", 0.7),
            Pattern("Jobcenter BG number", rf"(?<!\w){JOBCENTER_BG}(?!\w)", 0.9),
            Pattern(
                "cue earlier in the sentence + ': number'",
                rf"(?<=\b(?i:{_CUE})[^.\n:]{{1,40}}:[ \t]{{1,2}}){_LATE_ID}(?![\w])",
                0.8,
            ),
        ]
        for index, regex in enumerate(extra_patterns, start=1):
            try:
                re.compile(regex)
            except re.error:
                # The message names the setting and index, never the pattern text
                # (an admin may have pasted a real number into it).
                raise ValueError(messages.ERR_BAD_CASE_PATTERN.format(index=index)) from None
            patterns.append(Pattern(f"admin pattern {index}", regex, 0.9))
        super().__init__(
            supported_entity="CASE_NUMBER",
            patterns=patterns,
            context=self.CONTEXT,
            supported_language="de",
            name="CaseNumberRecognizer",
            global_regex_flags=re.DOTALL | re.MULTILINE,
        )
