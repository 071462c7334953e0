"""Dates of birth: a date (or a birth year) after a birth cue such as "geb."."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from guardrails.recognizers.dates import ANY_DATE, DAY, MONTH_NUM

# Cues that say the following date is a birth date. "*" is the genealogical sign.
_CUE = (
    r"(?:geb\.|geboren(?:\s+am)?|Geburtsdatum|Geb\.-?\s?Dat(?:um|\.)?|Geburtstag|"
    r"Geb\.-?Datum|Jahrgang|Jg\.|DOB|\*)"
)
_GAP = r"[ \t]*[:,]?[ \t]*(?:am[ \t]+|den[ \t]+|im[ \t]+Jahr[ \t]+)?"


class DateOfBirthRecognizer(PatternRecognizer):
    """Entity DATE_OF_BIRTH: "geb. 14.03.1987", "geboren am 3. Juni 1990", "Jg. 1987".

    Only the date is the span; the cue stays readable for the model. Dates without
    a cue are DATE_TIME (see dates.py); a birth date is the stronger identifier.
    """

    PATTERNS = [
        Pattern("cue + date", rf"(?<={_CUE}{_GAP}){ANY_DATE}", 0.95),
        Pattern("cue + birth year", rf"(?<={_CUE}{_GAP})(?:19|20)\d{{2}}(?!\d|\.\d)", 0.85),
        # A birthday without its year ("Geburtstag am 14.2., sie wird 16"): with the age, as identifying.
        Pattern("cue + day and month", rf"(?<={_CUE}{_GAP}){DAY}\.[ ]?{MONTH_NUM}\.(?![ ]?\d)", 0.85),
        # "Jg. 79", "Jahrgang '05": a two-digit year after the year-group cue. Not 1–13, which after "Jahrgang"
        # is a school grade ("Jahrgang 10").
        Pattern("year-group cue + two-digit year",
                rf"(?<=(?:Jahrgang|Jg\.)[ \t]*:?[ \t]*)[’']?(?:0\d|1[4-9]|[2-9]\d)(?![\d.,]\d|\d)", 0.85),
    ]

    CONTEXT = ["geboren", "geb", "geburtsdatum", "geburtstag"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="DATE_OF_BIRTH",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            supported_language="de",
            name="DateOfBirthRecognizer",
            global_regex_flags=re.DOTALL | re.MULTILINE | re.IGNORECASE,
        )
