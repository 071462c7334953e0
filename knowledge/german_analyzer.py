"""German text analysis for the keyword index: tokens, stop words, stemming, compound splitting,
and exact tokens for form numbers ("F-12") and paragraph references ("§ 8a")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import snowballstemmer

# Function words that carry no retrieval signal. Kept short on purpose: negations ("nicht",
# "kein") and modal verbs ("muss", "darf") are left in because rules hinge on them.
STOPWORDS = frozenset(["aber", "als", "also", "am", "an", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "da", "damit", "dann", "das", "dass", "dem", "den", "denen", "der", "des", "dessen", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwa", "euch", "euer", "eure", "für", "gegen", "hab", "habe", "haben", "hat", "hatte", "hier", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "im", "in", "ins", "ist", "ja", "jede", "jedem", "jeden", "jeder", "jedes", "man", "mein", "meine", "mich", "mir", "mit", "nach", "nun", "nur", "ob", "oder", "ohne", "sich", "sie", "sind", "so", "soll", "sollen", "über", "um", "und", "uns", "unser", "unter", "vom", "von", "vor", "war", "waren", "was", "wie", "wir", "wird", "wo", "zu", "zum", "zur", "denn", "eigentlich", "eben", "mal", "gibt", "geht", "bitte", "genau", "welche", "welcher", "welches", "wann", "warum", "wer", "wem", "wen", "wieso", "weshalb", "wenn", "werden", "wurde", "kann", "können", "einfach", "gerade", "sehr", "viel", "paragraph", "paragraf", "paragraphen", "paragrafen"])
# Endings that look like nouns but are suffixes ("Mitarbeit|ende", "Betreu|ung").
_FALSE_TAILS = frozenset({"ende", "enden", "ender", "endes", "tung", "ungen", "heit", "keit", "lich", "isch", "ling", "nung"})

# "§ 8a", "§8a", "§§ 8a", "Paragraph 8a", "Paragraf 8 a" -> one token "p8a".
_PARAGRAPH = re.compile(r"(?:§§?|\bparagra(?:ph|f)(?:en|s)?\b)\s*(\d{1,4})\s?([a-z])?\b", re.IGNORECASE)
# Form and document codes: "F-12", "F12", "AB-3", "VA 7b" -> "f12", "ab3", "va7b".
_CODE = re.compile(r"\b([A-Za-zÄÖÜäöü]{1,4})[-‐–/]?(\d{1,4}[a-z]?)\b")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_LINKING = ("", "s", "es", "n", "en", "e", "er", "ns")


@dataclass(frozen=True)
class QueryTerm:
    """One query word with the index tokens that stand for it (its stem and compound parts)."""

    word: str
    stem: str
    parts: tuple[str, ...] = field(default=())  # stems of all compound parts (every level)
    leaves: tuple[str, ...] = field(default=())  # stems of the smallest parts


@functools.lru_cache(maxsize=1)
def _noun_lexicon() -> frozenset[str]:
    """Lower-cased German noun forms from the ``german-nouns`` package (Wiktionary, CC BY-SA 4.0).

    Loaded once per process on first use (about 0.3 s); used only to split compounds.
    """
    from german_nouns.config import PACKAGE_PATH

    words: set[str] = set()
    with open(PACKAGE_PATH / "index.txt", encoding="utf-8") as handle:
        for line in handle:
            word = line.split("\t", 1)[0].strip().lower()
            if len(word) >= 3 and word.isalpha():
                words.add(word)
    return frozenset(words)


class GermanAnalyzer:
    """Turns German text into index tokens; the same analysis runs on chunks and on queries."""

    def __init__(self, split_compounds: bool = True) -> None:
        self._stemmer = snowballstemmer.stemmer("german")
        self._lexicon = _noun_lexicon() if split_compounds else frozenset()
        self._split_cache: dict[str, tuple[str, ...]] = {}
        self._tree_cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._stem_cache: dict[str, str] = {}
        self._term_cache: dict[str, QueryTerm] = {}

    # --- public -------------------------------------------------------------------------------
    def tokens(self, text: str) -> list[str]:
        """All index tokens of ``text`` (with repetitions, so term frequency counts)."""
        out: list[str] = self._special_tokens(text)
        for term in self._terms(text):
            out.append(term.stem)
            out.extend(term.parts)
        return out

    def query_terms(self, text: str) -> list[QueryTerm]:
        """The query's words (stop words removed), each with its stem and compound parts.

        Form numbers and paragraph references become terms of their own.
        """
        terms = [QueryTerm(word=tok, stem=tok) for tok in dict.fromkeys(self._special_tokens(text))]
        seen = {t.stem for t in terms}
        for term in self._terms(text):
            if term.stem not in seen:
                seen.add(term.stem)
                terms.append(term)
        return terms

    def stem(self, word: str) -> str:
        """Snowball stem of a lower-case word (umlauts folded: "gefährdung" -> "gefahrd")."""
        cached = self._stem_cache.get(word)
        if cached is None:
            cached = self._stemmer.stemWord(word)
            if len(self._stem_cache) < 100_000:  # bounded: queries bring new words forever
                self._stem_cache[word] = cached
        return cached

    def is_known_noun(self, word: str) -> bool:
        """True for a lower-case word that is a German noun form, or a compound of such nouns.

        Used to keep ordinary words that the guidelines never mention ("wetter") from being read
        as typos of words they do mention."""
        return word in self._lexicon or bool(self.split_compound(word))

    def split_compound(self, word: str) -> tuple[str, ...]:
        """Split a lower-case compound into known nouns, keeping every level:
        "reisekostenrichtlinie" -> reisekosten, reise, kosten, richtlinie. Returns () for a word
        that has no split into at least two known parts."""
        return self._decompose(word)[0]

    def compound_leaves(self, word: str) -> tuple[str, ...]:
        """The smallest parts of a compound ("reisekostenrichtlinie" -> reise, kosten, richtlinie)."""
        return self._decompose(word)[1]

    def _decompose(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if word in self._tree_cache:
            return self._tree_cache[word]
        top = self._split(word, top=True) if self._lexicon and len(word) >= 7 else None
        if not top or len(top) < 2:
            result: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        else:
            parts: list[str] = []
            leaves: list[str] = []
            for part in top:
                sub_parts, sub_leaves = self._decompose(part)
                parts.append(part)
                parts.extend(sub_parts)
                leaves.extend(sub_leaves or (part,))
            result = (tuple(dict.fromkeys(parts)), tuple(leaves))
        self._tree_cache[word] = result
        return result

    # --- internals ----------------------------------------------------------------------------
    def _special_tokens(self, text: str) -> list[str]:
        out = [f"p{num}{(letter or '').lower()}" for num, letter in _PARAGRAPH.findall(text)]
        for letters, number in _CODE.findall(text):
            if letters.lower() in {"p", "s"} and not number[-1].isalpha():
                continue  # "S. 12", "p 3" are page references, not codes
            out.append(f"{letters.lower()}{number.lower()}")
        return out

    def _terms(self, text: str) -> list[QueryTerm]:
        terms: list[QueryTerm] = []
        for match in _WORD.finditer(text):
            for word in match.group(0).lower().split("-"):
                if not word or word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
                    continue
                terms.append(self._term(word))
        return terms

    def _term(self, word: str) -> QueryTerm:
        """One lower-case word analysed; remembered, since the same words recur in every text (the evidence
        ranking analyses the units of each retrieved passage at query time)."""
        cached = self._term_cache.get(word)
        if cached is not None:
            return cached
        stem = self.stem(word)
        parts: tuple[str, ...] = ()
        leaves: tuple[str, ...] = ()
        if word.isalpha():
            all_parts, leaf_parts = self._decompose(word)
            parts = tuple(p for p in dict.fromkeys(map(self.stem, all_parts)) if p != stem)
            leaves = tuple(dict.fromkeys(map(self.stem, leaf_parts)))
        term = QueryTerm(word=word, stem=stem, parts=parts, leaves=leaves)
        if len(self._term_cache) < 100_000:  # bounded like the stems
            self._term_cache[word] = term
        return term

    def _split(self, word: str, top: bool = False) -> list[str] | None:
        """Fewest-parts split of ``word`` into lexicon nouns, allowing linking elements (Fugen-s …)."""
        if not top and word in self._lexicon:
            return [word]
        best: list[str] | None = None
        # The last part carries the meaning in German compounds and must be a noun of >= 4 letters.
        for cut in range(3, len(word) - 3):
            head, tail = word[:cut], word[cut:]
            if tail not in self._lexicon or tail in _FALSE_TAILS:
                continue
            for link in _LINKING:
                if link and not head.endswith(link):
                    continue
                stem = head[: len(head) - len(link)] if link else head
                if len(stem) < 3:
                    continue
                head_parts = self._split_cached(stem)
                if head_parts is None:
                    continue
                candidate = head_parts + [tail]
                if best is None or (len(candidate), -min(map(len, candidate))) < (len(best), -min(map(len, best))):
                    best = candidate
        return best

    def _split_cached(self, word: str) -> list[str] | None:
        key = "\0" + word
        if key not in self._split_cache:
            result = self._split(word)
            self._split_cache[key] = tuple(result) if result else ()
        cached = self._split_cache[key]
        return list(cached) if cached else None
