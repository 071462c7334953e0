"""Weekday and month abbreviations ("Mo", "Di", "Jan.", "Okt") read as times, not as names.

Several of them are also given names or nicknames ("Mo", "Jan", "Jun", "Do"), so the word alone
decides nothing. What decides is what stands around it: a number ("Mo 9 Uhr", "15. Jan. 2027"),
another weekday or month ("Mo–Fr", "Di und Do", "Jan/Feb"), a preposition of time ("am Mo",
"ab Okt"), or the full form it is explained by ("nicht „Mo“, sondern „Montag“"). Without such a
sign the word stays for the person rules to judge ("Mo hat angerufen", "Jan kommt morgen").
"""

from __future__ import annotations

import re
from typing import Sequence

from guardrails.recognizers.person_tokens import Token

# Abbreviation -> the full form it stands for (lower case).
WEEKDAYS = {"mo": "montag", "di": "dienstag", "mi": "mittwoch", "do": "donnerstag", "fr": "freitag",
            "sa": "samstag", "so": "sonntag"}
MONTHS = {"jan": "januar", "feb": "februar", "mär": "märz", "mrz": "märz", "apr": "april", "jun": "juni",
          "jul": "juli", "aug": "august", "sep": "september", "sept": "september", "okt": "oktober",
          "nov": "november", "dez": "dezember"}
ABBREVIATIONS = WEEKDAYS | MONTHS
_FULL_FORMS = frozenset(ABBREVIATIONS.values()) | frozenset({"mai", "sonnabend"})
# Words before a weekday that make it a time ("am Mo", "jeden Di", "bis Fr").
_BEFORE_WEEKDAY = frozenset("am ab bis seit jeden jeder jedem zum vom nächsten kommenden diesen letzten "
                            "übernächsten immer außer ausser".split())
# Before a month "von"/"an" are too often "von Jan" (a person): only these.
_BEFORE_MONTH = frozenset("im ab bis seit zum vom ende anfang mitte".split())
# Between two times of a range or list: "Mo–Fr", "Mo, Di", "Di und Do", "Jan bis März".
_JOIN = re.compile(r"\.?\s*(?:[-–—/,&+]|und|oder|bis)\s*", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"\d[.)]?\s*$")
_NUMBER_AFTER = re.compile(r"^\.?,?\s*\d")
_SENTENCE = re.compile(r"[.!?\n]\s")
_QUOTES = "„“”\"'‚‘’«»‹›("
# After an explained abbreviation: "„Mo“ steht für …", "Mo = Montag", "Mo (Montag)", "Mo: Montag".
_EXPLAINED_AFTER = re.compile(r"^[“”\"'‘’»›]?\s*(?:=|\(|:|steht\b|heißt\b|bedeutet\b|für\b)")


def _time_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in ABBREVIATIONS or low in _FULL_FORMS


def is_time_abbreviation(text: str, tokens: Sequence[Token], i: int) -> bool:
    """True if ``tokens[i]`` is a weekday or month abbreviation that the context makes a time."""
    tok = tokens[i]
    low = tok.text.lower()
    if low not in ABBREVIATIONS:
        return False
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.cue == "title" and not text[prev.end : tok.start].strip(" ."):
        return False  # "Herr Mo", "Frau Do": a surname after a title
    before, after = text[max(0, tok.start - 12) : tok.start], text[tok.end : tok.end + 12]
    if _NUMBER_BEFORE.search(before) or _NUMBER_AFTER.search(after):
        return True  # "Mo 9 Uhr", "15. Jan. 2027", "Jan 2027"
    for j in (i - 2, i - 1, i + 1, i + 2):
        if 0 <= j < len(tokens) and _time_word(tokens[j].text):
            gap = text[min(tok.end, tokens[j].end) : max(tok.start, tokens[j].start)]
            if _JOIN.fullmatch(gap):
                return True  # "Mo–Fr", "Di und Do", "Jan/Feb"
    if prev is not None and text[prev.end : tok.start] == " " and prev.text.lower() in (
            _BEFORE_WEEKDAY if low in WEEKDAYS else _BEFORE_MONTH):
        return True  # "am Mo", "ab Okt"
    start = max((m.end() for m in _SENTENCE.finditer(text, 0, tok.start)), default=0)
    end = next((m.start() for m in _SENTENCE.finditer(text, tok.end)), len(text))
    sentence = text[start:end].lower()
    quoted = text[tok.start - 1 : tok.start] in _QUOTES if tok.start else False
    explained = quoted or bool(_EXPLAINED_AFTER.match(text[tok.end : tok.end + 10].lstrip(".")))
    return explained and re.search(rf"\b{ABBREVIATIONS[low]}\b", sentence) is not None
