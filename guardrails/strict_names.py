"""Strict mode (issue 15 §4): a second pass over an already pseudonymised text, in which a local model lists
the person names the rules let through ("… sagte Brunnhuber").

The model's answer is never trusted to add anything: :func:`parse_name_list` only reads candidate strings out
of it, and :func:`accepted_names` keeps a candidate only when it stands in the text verbatim as whole
word(s), outside every pseudonym and placeholder, is capitalised, and passes the guardrail's own word checks
(no function word, no ordinary noun, place, brand, language or role word unless it is a listed name). The
masking itself is :meth:`guardrails.conversation.ConversationGuard.mask_names`: consistent with the
conversation's vault, restored like any other person.

The completion is injected (:class:`NameLister` takes an async callable), so this module knows no model.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

import regex

from guardrails.messages import NAME_LIST_INSTRUCTION, NAME_LIST_TEXT_LABEL
from guardrails.names import NAME_PARTICLES, PERSONAL_TITLES, TITLE_CUES, NameLexicon

#: An async completion: chat messages in, the model's whole answer out.
Complete = Callable[[list[dict]], Awaitable[str]]

# A name is at most this long: a longer "line" is prose, not a name.
_MAX_WORDS = 4
_MAX_CHARS = 60
_WORD = regex.compile(r"[^\W\d_](?:[^\W\d_]|\u0307)*(?:[-'’][^\W\d_]+)*")
_BULLET = re.compile(r"^\s*(?:[-*•·–—>]+|\d{1,2}[.)]|[a-z][.)])\s*")
_QUOTES = "\"'„“”‚‘’«»`*_"
_TITLE_WORDS = frozenset(w.rstrip(".") for w in TITLE_CUES | PERSONAL_TITLES)


def name_list_messages(text: str) -> list[dict]:
    """The chat messages that ask the local model for the names still in ``text``."""
    return [{"role": "system", "content": NAME_LIST_INSTRUCTION},
            {"role": "user", "content": f"{NAME_LIST_TEXT_LABEL}:\n{text}"}]


def parse_name_list(answer: str) -> list[str]:
    """Candidate names in a model's answer: one per line (also split at commas and semicolons), bullets,
    numbering, quotes and a trailing full stop removed, leading titles ("Frau", "Dr.") dropped, duplicates
    once, in order. Nothing here is checked against the text yet."""
    found: list[str] = []
    for line in answer.splitlines():
        for piece in re.split(r"[,;]", _BULLET.sub("", line)):
            words = piece.strip().strip(_QUOTES).strip().rstrip(".:!?").strip(_QUOTES).split()
            while words and words[0].lower().rstrip(".") in _TITLE_WORDS:
                words = words[1:]
            candidate = " ".join(words)
            if candidate and len(candidate) <= _MAX_CHARS and len(words) <= _MAX_WORDS and candidate not in found:
                found.append(candidate)
    return found


def is_vetoed(candidate: str, lexicon: NameLexicon) -> bool:
    """True when the guardrail's lexicon says a word of ``candidate`` is no name: a function word, a
    lower-case word (other than a particle like "von"), an ordinary noun or compound, a role word, place,
    brand or language name, or a listed name that is also an everyday word ("Sommer")."""
    words = _WORD.findall(candidate)
    if not words or "".join(words) != "".join(candidate.split()).replace(".", ""):
        return True  # digits or symbols in it: no name
    for position, word in enumerate(words):
        if position and word in NAME_PARTICLES:
            continue
        if not word[:1].isupper() or lexicon.is_function_word(word):
            return True
        if lexicon.is_listed_name(word) and not lexicon.is_homograph(word):
            continue
        if (lexicon.is_common_word(word) or lexicon.is_compound_noun(word) or lexicon.is_person_noun(word)
                or lexicon.is_place(word) or lexicon.is_non_person_name(word) or lexicon.is_language_name(word)
                or lexicon.is_verb_or_adjective(word) or lexicon.is_plural_noun(word)
                or lexicon.is_homograph(word)):
            return True
    return False


def occurrences(text: str, name: str, reserved: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Where ``name`` stands in ``text`` verbatim as whole word(s), outside the ``reserved`` spans
    (pseudonyms and placeholders)."""
    pattern = regex.compile(rf"(?<![\w\-]){regex.escape(name)}(?![\w\-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)
            if not any(s < m.end() and m.start() < e for s, e in reserved)]


def accepted_names(candidates: Iterable[str], texts: Sequence[tuple[str, Sequence[tuple[int, int]]]],
                   lexicon: NameLexicon) -> list[str]:
    """The candidates that may be masked: each stands verbatim in at least one of ``texts`` (text, reserved
    spans) outside its reserved spans and is not vetoed. Longer names first, so "Anna Quastenberg" is masked
    as one person before "Quastenberg" alone."""
    kept = [c for c in dict.fromkeys(candidates)
            if not is_vetoed(c, lexicon) and any(occurrences(t, c, r) for t, r in texts)]
    return sorted(kept, key=len, reverse=True)


@dataclass(frozen=True)
class NameLister:
    """Asks a (local) model which person names are still in a pseudonymised text. ``complete`` is injected."""

    complete: Complete

    async def candidates(self, text: str) -> list[str]:
        """The model's candidates for ``text`` (unchecked: pass them through :func:`accepted_names`)."""
        return parse_name_list(await self.complete(name_list_messages(text)))
