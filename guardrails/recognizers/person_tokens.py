"""Word tokens of the person recognizer and the word classes it gives them."""

from __future__ import annotations

from dataclasses import dataclass

# Word classes: a listed name ("strong"), a listed name that is also a word ("ambiguous"),
# a capitalised word no lexicon knows ("unknown"), a single capital ("initial"), anything else.
STRONG, AMBIGUOUS, UNKNOWN, INITIAL, OTHER = "strong", "ambiguous", "unknown", "initial", "other"


@dataclass
class Token:
    """One word of the text with what the recognizer knows about it."""

    start: int
    end: int
    text: str
    kind: str
    cap: bool
    sentence_initial: bool
    after_determiner: bool
    cue: str | None  # "title", "role" or None
    genitive: bool = False
    prev_low: str = ""  # the word before, lower case ("" at the start)
    score: float = 0.0
    joins_next: bool = False  # "Surname, Firstname" written as one name
