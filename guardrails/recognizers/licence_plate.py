"""Licence plates typed in lower case after a cue ("kennzeichen ms-ab 7481")."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

_CUE = r"(?:kennzeichen|kfz-kennzeichen|nummernschild|amtliches\s+kennzeichen)"
_PLATE = r"[a-zäöü]{1,3}[- ][a-z]{1,2}[- ]?\d{1,4}[eh]?"


class LowerCasePlateRecognizer(PatternRecognizer):
    """Entity DE_KFZ, complementing Presidio's DeKfzRecognizer (upper case only).

    Lower-case "ab cd 12" shapes are everywhere in ordinary text ("bis am 12"),
    so this recognizer only fires right after a plate cue word.
    """

    PATTERNS = [
        Pattern("plate after cue", rf"(?<=\b{_CUE}[:\s]{{1,3}}){_PLATE}(?![\w])", 0.85),
    ]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="DE_KFZ",
            patterns=list(self.PATTERNS),
            context=["kennzeichen"],
            supported_language="de",
            name="LowerCasePlateRecognizer",
            global_regex_flags=re.DOTALL | re.MULTILINE | re.IGNORECASE,
        )
