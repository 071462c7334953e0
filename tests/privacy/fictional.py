"""Fictional client details made up for one test run, from nothing SafeGPT uses itself.

Names are built from random syllables (not from the product's name lists), numbers are random with valid
formats (IBAN with its mod-97 check digits). Each value is unique to the run, so finding it anywhere in what
an instance stored can only mean it was stored there.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_ONSETS = ["b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kl", "l", "m", "n", "p", "pf", "r", "s", "sch", "st",
           "t", "tr", "v", "w", "z"]
_VOWELS = ["a", "e", "i", "o", "u", "ei", "au", "ö", "ü"]
_CODAS = ["", "n", "l", "r", "s", "ck", "tz", "ng", "m"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                   for _ in range(syllables)).capitalize()


def _iban(rng: random.Random) -> str:
    bban = "".join(str(rng.randrange(10)) for _ in range(18))
    digits = int(bban + "131400")  # "DE" = 13 14, check digits 00
    check = 98 - digits % 97
    return f"DE{check:02d}{bban}"


@dataclass(frozen=True)
class Client:
    first: str
    last: str
    birth: str
    phone: str
    iban: str

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}"

    def values(self) -> list[str]:
        """The strings to search for: each alone identifies this client."""
        return [self.last, self.birth, self.phone, self.iban]


def make_client(rng: random.Random) -> Client:
    return Client(first=_word(rng, 2), last=_word(rng, 3) + rng.choice(["er", "sky", "mann", "ow"]),
                  birth=f"{rng.randrange(1, 28):02d}.{rng.randrange(1, 13):02d}.{rng.randrange(1940, 2010)}",
                  phone=f"0{rng.randrange(150, 180)} {rng.randrange(1000000, 9999999)}", iban=_iban(rng))
