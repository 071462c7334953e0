"""Document numbers of machine-readable travel documents (ICAO Doc 9303, Part 3).

German Personalausweis, Reisepass and electronic residence permit (eAT) numbers are
nine characters from a reduced alphabet: digits and the letters C F G H J K L M N
P R T V W X Y Z (no vowels and no letters that look like digits). The printed number
carries no check digit; the machine-readable zone appends one ("T22000129" on the
specimen card, "T220001293" in its MRZ), computed with weights 7-3-1.
"""

from __future__ import annotations

DOCUMENT_LETTERS = "CFGHJKLMNPRTVWXYZ"
DOCUMENT_ALPHABET = "0123456789" + DOCUMENT_LETTERS
# First letter of a German document number: passports (and children's passports) …
PASSPORT_FIRST_LETTERS = "CFGHJK"
# … and ID cards and residence permits.
ID_CARD_FIRST_LETTERS = "LMNPRTVWXYZ"

_WEIGHTS = (7, 3, 1)


def check_digit(chars: str) -> int:
    """ICAO 9303 check digit: digits count as themselves, A=10 … Z=35, "<" as 0;
    weights 7, 3, 1 repeating; the sum modulo 10."""
    total = 0
    for i, ch in enumerate(chars.upper()):
        if ch.isdigit():
            value = int(ch)
        elif "A" <= ch <= "Z":
            value = ord(ch) - ord("A") + 10
        elif ch == "<":
            value = 0
        else:
            raise ValueError("not an ICAO 9303 character")
        total += value * _WEIGHTS[i % 3]
    return total % 10


def ends_with_check_digit(value: str) -> bool:
    """True if the last character of ``value`` is the check digit of the others."""
    body, last = value[:-1], value[-1:]
    if not body or not last.isdigit():
        return False
    try:
        return check_digit(body) == int(last)
    except ValueError:
        return False
