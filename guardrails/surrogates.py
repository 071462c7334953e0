"""Realistic German surrogate values for the ``surrogate`` pseudonym style.

Surrogates come from small fixed pools chosen to be clearly ordinary German
values that do not end in s/x/z (so a genitive "s" can be told apart). Numbers
use ranges reserved for fiction where such exist (030 23125 xxx are the
Bundesnetzagentur's numbers for film and print; example.org is reserved).
"""

from __future__ import annotations

import random
import re
import secrets

from guardrails.names import fold
from guardrails.recognizers.iban import iban_checksum_ok

FEMALE = """Anna Julia Lena Sarah Laura Katharina Sophie Marie Johanna Lea Miriam Carla
Helena Frieda Nora Paula Greta Ida Clara Emma Hanna Luisa Theresa Judith Verena
Annika Svenja Carolin Leonie Franziska""".split()
MALE = """Jan Paul Leon Philipp Matthias Florian Stefan Benedikt Anton Karl Oskar Emil
Daniel Martin Michael Christian Sebastian Tobias Johann Konrad Peter Frank Robert
Dominik Henrik Jakob Vincent Lennart Erik Ole""".split()
LAST = """Brandner Kessler Lindner Hollmann Seidler Reinhold Wendland Ostermann Brückner
Hagedorn Kirchhoff Lüdecke Marquardt Nolting Pankow Rieger Sattler Thiessen Uhlig
Vollmer Wiegand Zeidler Ackermann Bischoff Dreyer Eichler Falkenberg Gerlach
Heinemann Jordan Kaufmann Mertens Niemann Oltmann Pfeifer Quandt Riedel
Steiner Teichmann Ulrich Vogler Wegener Zander Berthold Dittmer Engelhardt Fiedler
Grote Hensel""".split()


class SurrogateFactory:
    """Creates surrogates for one conversation (own random stream, not reproducible)."""

    def __init__(self, seed: int | None = None) -> None:
        self._rng = random.Random(seed if seed is not None else secrets.randbits(64))
        self._used: set[str] = set()

    def person(self, gender: str, taken: set[str], number: int) -> tuple[str, str]:
        """A (first, last) surrogate that matches ``gender`` and no real name part."""
        pool = FEMALE if gender == "f" else MALE if gender == "m" else FEMALE + MALE
        firsts = [n for n in pool if fold(n) not in taken and n not in self._used]
        lasts = [n for n in LAST if fold(n) not in taken and n not in self._used]
        first = self._rng.choice(firsts) if firsts else f"Vorname{number}"
        last = self._rng.choice(lasts) if lasts else f"Nachname{number}"
        self._used.update((first, last))
        return first, last

    def value(self, entity_type: str, number: int, original: str) -> str:
        """A surrogate for a non-person value; "" means: use the placeholder."""
        if entity_type == "EMAIL_ADDRESS":
            return f"kontakt{number}@example.org"
        if entity_type == "PHONE_NUMBER":
            return f"030 23125 {number % 1000:03d}"
        if entity_type == "IBAN_CODE":
            return _iban(number)
        if entity_type in ("DATE_OF_BIRTH", "DATE_TIME"):
            return self._date(original, number)
        if entity_type == "ADDRESS":
            streets = ["Lindenstraße", "Birkenweg", "Ahornallee", "Eichendorffstraße", "Gartenweg"]
            return f"{streets[number % len(streets)]} {10 + number}"
        if entity_type == "CASE_NUMBER":
            return f"AZ-{4700 + number}"
        return ""

    def _date(self, original: str, number: int) -> str:
        # Keep the year: age decides which rules apply (child, pensioner …).
        year = re.search(r"(19|20)\d{2}", original)
        yyyy = year.group() if year else "2000"
        for k in range(number, number + 400):
            candidate = f"{(k * 7) % 28 + 1:02d}.{(k * 5) % 12 + 1:02d}.{yyyy}"
            if candidate not in self._used and candidate not in original:
                self._used.add(candidate)
                return candidate
        return ""


def _iban(number: int) -> str:
    bban = f"12030000{number:010d}"
    digits = "".join(str(int(c, 36)) for c in bban + "DE00")
    check = 98 - int(digits) % 97
    compact = f"DE{check:02d}{bban}"
    assert iban_checksum_ok(compact)
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
