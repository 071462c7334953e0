"""German number words ("drei", "vierundzwanzig", "zweihundertfünfzig") as integers."""

from __future__ import annotations

_UNITS = {"ein": 1, "eins": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
          "acht": 8, "neun": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
          "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
         "neunzig": 90}


def parse_number_word(word: str) -> int | None:
    """The value of a German cardinal written as one word (up to 999 999), else None.

    >>> parse_number_word("vierundzwanzig"), parse_number_word("zweihundertfünfzig"), parse_number_word("Tag")
    (24, 250, None)
    """
    w = word.lower().replace("dreiss", "dreiß")  # Swiss spelling
    if not w or not w.isalpha():
        return None
    if "tausend" in w:
        head, _, tail = w.partition("tausend")
        high = 1 if head in ("", "ein") else _below_thousand(head)
        low = 0 if not tail else _below_thousand(tail)
        return None if high is None or low is None else high * 1000 + low
    return _below_thousand(w)


def _below_thousand(w: str) -> int | None:
    if "hundert" in w:
        head, _, tail = w.partition("hundert")
        high = 1 if head in ("", "ein") else _UNITS.get(head)
        low = 0 if not tail else _below_hundred(tail.removeprefix("und"))
        return None if high is None or low is None else high * 100 + low
    return _below_hundred(w)


def _below_hundred(w: str) -> int | None:
    if w in _UNITS and w != "eine":
        return _UNITS[w]
    if w in _TEENS:
        return _TEENS[w]
    if w in _TENS:
        return _TENS[w]
    if "und" in w:
        unit, _, tens = w.partition("und")
        if unit in _UNITS and unit != "eins" and tens in _TENS:
            return _UNITS[unit] + _TENS[tens]
    return None
