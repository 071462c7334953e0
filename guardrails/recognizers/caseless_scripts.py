"""Sentences in scripts without capitals (Arabic, Persian, Hebrew, Urdu, Hindi, Thai, CJK …).

Words of such scripts count as capitalised for the person rules, since no lower-case form tells a
name from a word there ("Gespräch mit شانا راسخ"). A run of them that holds a function word of its
language ("على", "في", "של", "的") is a quoted sentence, not a name ("Die Mutter schrieb: شكرا جزيلا
على المساعدة") when it has three words besides name particles; a run of four or more always is. Name particles ("آل", "أبو", "ابن", "أم") are no sign of a sentence.
Function words: spaCy's stop word lists of those languages (MIT).
"""

from __future__ import annotations

import importlib
from typing import Sequence

from guardrails.recognizers.person_tokens import Token

_LANGUAGES = ("ar", "fa", "ur", "he", "hi", "th", "am", "ti", "hy", "zh", "ja", "ko")
# A name is given name, father's name and family name at most, besides particles.
_MAX_NAME_WORDS = 3
_NAME_PARTICLES = frozenset({"ابن", "بن", "بنت", "أبو", "ابو", "آل", "ال", "أم", "ام", "عبد", "بو"})


def _stop_words() -> frozenset[str]:
    words: set[str] = set()
    for lang in _LANGUAGES:
        words |= importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS
    return frozenset(words) - _NAME_PARTICLES


_STOP_WORDS = _stop_words()


def caseless(word: str) -> bool:
    """True if ``word`` starts with a letter of a script without capitals."""
    first = word[:1]
    return first.isalpha() and not first.isupper() and not first.islower()


def _cjk_phrase(word: str) -> bool:
    # Chinese and Japanese write no spaces: five or more Han/kana signs are a phrase, a name has
    # two to four ("王小明", "欧阳娜娜").
    return len(word) >= 5 and all(0x3040 <= ord(ch) <= 0x30FF or 0x3400 <= ord(ch) <= 0x9FFF for ch in word)


def foreign_sentence_members(text: str, tokens: Sequence[Token]) -> set[int]:
    """Indices of caseless-script tokens that belong to a run holding a function word."""
    out: set[int] = set()
    i, n = 0, len(tokens)
    while i < n:
        if not caseless(tokens[i].text):
            i += 1
            continue
        j = i
        # Punctuation and vowel marks inside the run do not end it; a line break or a Latin word does.
        while j + 1 < n and caseless(tokens[j + 1].text) and "\n" not in text[tokens[j].end : tokens[j + 1].start]:
            j += 1
        run = [tokens[k].text for k in range(i, j + 1)]
        words = [w for w in run if w not in _NAME_PARTICLES]
        # A function word only counts beside two more words: "علي" (Ali) is also a spelling of "على" (on).
        if any(_cjk_phrase(w) for w in run) or len(words) > _MAX_NAME_WORDS or (len(words) == _MAX_NAME_WORDS and any(w in _STOP_WORDS for w in run)):
            out.update(range(i, j + 1))
        i = j + 1
    return out
