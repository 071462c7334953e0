"""Numbers that are not identifiers: amounts, dates, times, percentages, counts.

A recognizer that takes "the digits after a cue" asks here first, so that
"Kundennummer fehlt, Betrag ist 1.250,00 €" or "Akte 120 Seiten" mask nothing.
"""

from __future__ import annotations

import re

_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:h|Uhr)?", re.IGNORECASE)
_AMOUNT = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})*,\d{1,2}(?:€|EUR)?|[-+]?\d+(?:,\d+)?(?:€|%|EUR)|[-+]?\d+,-", re.IGNORECASE)
_ORDINAL = re.compile(r"\d{1,2}\.")

# Words after a number that make it a quantity ("3 Kinder", "120 Seiten", "1.250 Euro").
UNIT_WORDS = frozenset(
    """euro eur € cent prozent % jahre jahr jahren jährige jährigen monate monat monaten wochen woche
    tage tag tagen stunden stunde std minuten min uhr mal kinder kind personen person seiten seite
    blatt blätter km kg g cm mm m qm m² m2 liter l stück stk punkte punkt plätze platz zimmer
    euro. tsd mio mrd""".split()
)


def is_ordinary_number(token: str) -> bool:
    """A date, a time, an amount, a percentage or an ordinal, as a whole token."""
    return bool(
        _DATE.fullmatch(token) or _TIME.fullmatch(token) or _AMOUNT.fullmatch(token) or _ORDINAL.fullmatch(token)
    )


def is_unit_word(word: str) -> bool:
    """A word that turns the number before it into a quantity."""
    return word.lower().strip(".,;:!?)") in UNIT_WORDS
