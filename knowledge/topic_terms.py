"""The topic words of a question — the nouns it is about — and the index tokens that count as a guideline
mentioning them (issue 18: "no source, no rule").

A question can share most of its words with a guideline sentence and still ask about something the guideline
never mentions: "Wie viel Kilometergeld gibt es für mein Motorrad?" against the car rate, "Wie hoch ist die
Verpflegungspauschale in Österreich?" against the domestic allowance. Such evidence does not answer *that*
question. :func:`knowledge.evidence.off_topic` checks that the passages the evidence is quoted from mention
every topic word; this module finds the topic words and their readings, read as the keyword index reads them:

* a topic word is a word written with a capital letter inside a sentence — in German, a noun or a name. A
  question typed all in lower (or upper) case has no topic words: nothing tells its nouns apart, and such a
  question is not judged by this rule at all;
* names the pseudonymisation found (and the word right before one: "Herrn", "Familie") are no topic;
* a word counts as mentioned by its stem, by a compound's last part (its head: "Stationsleitung" is a
  "Leitung"; "Einkommensgrenze" is not an "Einkommen"), by a longer word built
  on it ("Strafe" → "strafbar"), or by any tolerant reading of the keyword search, of the word or of its head:
  a near spelling ("gefärdung"), a run-together word, an abbreviation or synonym from the synonym table
  ("Privatauto" → "Auto" → "Pkw").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .german_analyzer import QueryTerm
from .query_expansion import KeywordTerm

# A sentence ends at these marks (or a dash joining two statements: "… gemacht – bekomm ich …").
_SENTENCE_END = re.compile(r"[.!?:;–—]\s")
_WORD = re.compile(r"[^\W\d_]+")
# Derived words share the stem as their start ("straf" → "strafbar"); shorter stems would join unrelated
# words ("rat" → "rathaus").
MIN_DERIVED_STEM = 5


@dataclass(frozen=True)
class TopicTerm:
    """A noun of the question and the ways a passage can mention it: each reading is a tuple of index
    tokens that must all be present (a stem; a compound's head; the words of a synonym)."""

    word: str = field(repr=False)
    readings: tuple[tuple[str, ...], ...] = field(repr=False)


def topic_terms(question: str, keyword_terms: Sequence[KeywordTerm], names: Iterable[str] = (),
                head_terms: Callable[[str], Sequence[KeywordTerm]] | None = None) -> list[TopicTerm]:
    """The topic words of ``question`` among its ``keyword_terms`` (:meth:`KeywordIndex.query_terms`), with
    their readings. ``names``: what the pseudonymisation replaced (client names), left out with the word
    before each. ``head_terms``: the keyword terms of a compound's last part (None: the head's own stem only)."""
    nouns = written_as_nouns(question, names)
    out: list[TopicTerm] = []
    for group in keyword_terms:
        term = group.exact
        if term is None or term.word not in nouns:
            continue
        readings = [*_readings(term)]
        variants = list(group.variants)
        if head_terms is not None and term.leaves:
            variants += [v for head in head_terms(term.word) for v in head.variants]
        for variant in variants:
            readings.append(tuple(t.stem for t in variant.terms))
        out.append(TopicTerm(term.word, tuple(dict.fromkeys(r for r in readings if r))))
    return out


def written_as_nouns(text: str, names: Iterable[str] = ()) -> set[str]:
    """Lower-cased words written with a capital inside a sentence (not first), except ``names`` and the word
    right before a name. Empty for a text without both cases."""
    if text == text.lower() or text == text.upper():
        return set()
    name_words = {w.lower() for name in names for w in _WORD.findall(name)}
    out: set[str] = set()
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence)
        for i, word in enumerate(words):
            if i == 0 or not word[0].isupper():
                continue
            low = word.lower()
            if low in name_words or (i + 1 < len(words) and words[i + 1].lower() in name_words):
                continue
            out.add(low)
    return out


def _readings(term: QueryTerm) -> list[tuple[str, ...]]:
    # The head alone suffices: a passage holding all parts of a compound holds its head.
    return [(term.stem,), (term.leaves[-1],)] if term.leaves else [(term.stem,)]


def unmatched(terms: Sequence[TopicTerm], tokens: Iterable[str]) -> list[str]:
    """The words of ``terms`` that no reading finds among ``tokens`` (the index tokens of the passages)."""
    present = set(tokens)
    return [t.word for t in terms if not any(_found(r, present) for r in t.readings)]


def _found(reading: tuple[str, ...], present: set[str]) -> bool:
    return all(token in present or (len(token) >= MIN_DERIVED_STEM and any(p.startswith(token) for p in present))
               for token in reading)
