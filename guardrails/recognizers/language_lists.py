"""Lists of languages ("Deutsch, English, Français und Español", "Ελληνικά, العربية, 日本語"): their
members are no persons, even those that are also names ("English", "Español") or that no list knows
("Κροάτικα", "Tonganesisk").

A list is words joined by commas, slashes, "&" or "und"/"oder"/"sowie"/"bzw". When at least two of
its members are names of languages, or one is and no other is a listed name, the list is one of
languages; a given name that is also a language ("Lea") counts for nothing. A member right after a title ("Frau Deutsch") stays
a name.
"""

from __future__ import annotations

import re
from typing import Sequence

from guardrails.names import NameLexicon
from guardrails.recognizers.person_tokens import Token

_JOINER_WORDS = frozenset({"und", "oder", "sowie", "bzw"})
_PUNCT_GAP = re.compile(r"\s*[,/&·]\s*")


def _joined(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """True if the members ``tokens[a]`` and ``tokens[b]`` (b = a+1 or a+2) are joined as a list."""
    if b == a + 1:
        return bool(_PUNCT_GAP.fullmatch(text[tokens[a].end : tokens[b].start]))
    mid = tokens[a + 1]
    return (mid.text.lower() in _JOINER_WORDS and text[tokens[a].end : mid.start].strip(" ,") == ""
            and text[mid.end : tokens[b].start].strip(" .") == "")


def language_list_members(text: str, tokens: Sequence[Token], lex: NameLexicon) -> set[int]:
    """Indices of the tokens that are members of a list of languages."""
    out: set[int] = set()
    i, n = 0, len(tokens)
    while i < n:
        group = [i]
        while True:
            last = group[-1]
            if last + 1 < n and tokens[last + 1].text.lower() not in _JOINER_WORDS and _joined(text, tokens, last, last + 1):
                group.append(last + 1)
            elif last + 2 < n and _joined(text, tokens, last, last + 2):
                group.append(last + 2)
            else:
                break
        if len(group) >= 2:
            # A given name that is also a language ("Lea", "Maya") is no evidence: "Jan und Lea".
            languages = sum(1 for j in group if lex.is_language_name(tokens[j].text) and not lex.is_first_name(tokens[j].text))
            # One language among words no name list knows is enough ("— Σουιδικά, Δανέζικα, Zürich");
            # beside a listed name it is not ("Kevin, Hindi und Mia" is no list of languages).
            listed = sum(1 for j in group if lex.is_listed_name(tokens[j].text) and not lex.is_language_name(tokens[j].text))
            if languages >= 2 or (languages == 1 and listed == 0):
                out.update(j for j in group if not (j > 0 and tokens[j - 1].cue == "title" and j - 1 not in group
                                                    and text[tokens[j - 1].end : tokens[j].start].strip(" .:") == ""))
        i = group[-1] + 1
    return out | _long_language_names(text, tokens, lex)


def _long_language_names(text: str, tokens: Sequence[Token], lex: NameLexicon) -> set[int]:
    """Names of languages of several words ("Tiếng Việt", "Tiếng Trung"): adjacent words of language names, one
    of them a language's name on its own ("Tiếng"). Their other words ("Trung", "Anh") are given names when they
    stand alone — and two such words together ("Lan Anh") are a person, not a language."""
    out: set[int] = set()
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while (j + 1 < n and lex.is_language_name(tokens[j + 1].text) and lex.is_language_name(tokens[i].text)
               and text[tokens[j].end : tokens[j + 1].start] == " "):
            j += 1
        run = range(i, j + 1)
        if j > i and any(lex.is_non_person_name(tokens[k].text) and lex.is_language_name(tokens[k].text)
                         and not lex.is_first_name(tokens[k].text) for k in run):
            out.update(run)
        i = j + 1
    return out
