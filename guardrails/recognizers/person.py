"""Person names from name lists, cue words and a noun lexicon (entity PERSON)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.names import (
    DETERMINERS,
    FREQUENT_NOUN_SURNAMES,
    NAME_PARTICLES,
    PERSONAL_TITLES,
    PREPOSITIONS_BEFORE_NAMES,
    ROLE_CUES,
    SUBJECT_CONJUNCTIONS,
    SUBJECT_VERBS,
    TITLE_CUES,
    TRAILING_CUES,
    NameLexicon,
    fold,
)

# Words, including hyphenated double names ("Hans-Peter", "Müller-Lüdenscheidt").
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n]")

# Endings of German occupational surnames that are also nouns (Dreher, Schulze,
# Zimmermann, Seitz).
_SURNAME_ENDINGS = ("er", "mann", "ze", "tz", "el")

_PERSONAL_TITLES = PERSONAL_TITLES
_FORMS_OF_ADDRESS = frozenset(
    """doktor professor professorin kollege kollegin kollegen präsident präsidentin
    minister ministerin bürgermeister bürgermeisterin oberbürgermeister
    oberbürgermeisterin rechtsanwalt rechtsanwältin anwalt anwältin pfarrer pfarrerin
    pastor pastorin direktor direktorin vorsitzende vorsitzender abgeordnete
    abgeordneter landrat landrätin dezernent dezernentin leiter leiterin
    sachbearbeiter sachbearbeiterin betreuer betreuerin arzt ärztin lehrer lehrerin
    erzieher erzieherin nachbar nachbarin vermieter vermieterin kunde kundin
    senator senatorin staatssekretär staatssekretärin richterin""".split()
)


def _is_form_of_address(word: str) -> bool:
    low = word.lower()
    # Feminine role nouns ("Sozialarbeiterin") are forms of address too; "-in"
    # alone would also catch surnames such as "Eckstein".
    return low in _FORMS_OF_ADDRESS or (low.endswith(("erin", "innen")) and len(low) > 6)


# Capitalised adjectives in headings and at sentence start ("Stationär",
# "Ambulant", "Freundlich") are not in the noun lexicon; their endings give them away.
_ADJECTIVE_ENDINGS = ("lich", "isch", "ig", "bar", "los", "sam", "haft", "är", "ant", "ent", "iv", "ell")
# Endings of German abstract nouns and nominalised participles ("Löschung",
# "Mitarbeitende") and prefixes of participles ("Gespeichert", "Vereinbart").
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "nis", "tum", "tät", "ismus", "ende", "enden", "ender", "iert")
_VERB_PREFIXES = ("ge", "ver", "er", "be", "ent", "zer")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "O'", "O’")
# Pronouns after a sentence-initial word make it a verb: "Fügen Sie …".
_PRONOUNS_AFTER_VERB = frozenset({"Sie", "du", "wir", "ihr", "man", "es"})


def _name_shaped(word: str) -> bool:
    """Capital then lower case ("Xhevdeti", "McAllister"), not "SafeGPT" or "TVöD"."""
    if not word.isalpha() or not word[:1].isupper() or len(word) < 2:
        return False
    rest = word[1:]
    for prefix in _NAME_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            rest = word[len(prefix) + 1 :]
            break
    return rest.islower()


# Lower-case words ending like German verb forms or adverbs are not taken for names.
_VERB_ENDINGS = ("en", "st", "te", "ten", "lich", "isch", "ig", "weise")

# "(9 Jahre)" right before "Jahre".
_AGE_BEFORE = re.compile(r"\s?\(\d{1,3}\s$")

STRONG, AMBIGUOUS, UNKNOWN, INITIAL, OTHER = "strong", "ambiguous", "unknown", "initial", "other"


@dataclass
class _Token:
    start: int
    end: int
    text: str
    kind: str
    cap: bool
    sentence_initial: bool
    after_determiner: bool
    cue: str | None  # "title", "role" or None
    genitive: bool = False
    score: float = 0.0
    joins_next: bool = False  # "Surname, Firstname" written as one name


class PersonRecognizer(EntityRecognizer):
    """Finds person names in German text without a German NER model.

    A capitalised word from the name lists that is not an ordinary German word is
    a name ("Aylin", "Demir", "Öztürks" as genitive). Words that are both names
    and nouns ("Wolf", "Sommer") count only after a title ("Frau Sommer"), next to
    another name ("Lena Wolf"), or — for the most frequent surnames — when no
    article precedes them. Unknown capitalised words that are not nouns count
    after a title or role cue ("Klientin Xhevdeti", "Herr M.") or next to a known
    name. Lower-case typing ("gespräch mit frau demir") is handled for listed names.
    """

    def __init__(self, lexicon: NameLexicon) -> None:
        self._lex = lexicon
        self._kind_cache: dict[str, tuple[str, bool]] = {}
        super().__init__(
            supported_entities=["PERSON"],
            supported_language="de",
            name="PersonRecognizer",
            context=[],
        )

    def load(self) -> None:  # lists are loaded by NameLexicon
        pass

    def _kind_cached(self, word: str) -> tuple[str, bool]:
        # Word classes depend only on the word; the lexicon lookups (folding,
        # compound splitting) dominate the run time, so results are memoised.
        # A plain dict is safe across threads here (same value for a key).
        hit = self._kind_cache.get(word)
        if hit is None:
            hit = self._kind(word)
            if len(self._kind_cache) > 100_000:
                self._kind_cache.clear()
            self._kind_cache[word] = hit
        return hit

    # -- classification ------------------------------------------------------------

    def _kind(self, word: str) -> tuple[str, bool]:
        """Return (kind, genitive) for one word."""
        lex = self._lex
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            last = parts[-1] if parts else ""
            if last.endswith("s") and not lex.is_listed_name(last) and lex.is_listed_name(last[:-1]):
                parts[-1] = last[:-1]  # genitive of a double name: "Hans-Hermanns"
            if not parts or not word[:1].isupper():
                return OTHER, False
            listed = [lex.is_listed_name(p) or p.lower() in FREQUENT_NOUN_SURNAMES for p in parts]
            strong = [lex.is_listed_name(p) and not lex.is_homograph(p) for p in parts]
            plain = [
                fold(p) in NAME_PARTICLES
                or (
                    len(p) >= 2
                    and not p.isupper()
                    and not lex.is_common_word(p)
                    and not lex.is_compound_noun(p)
                )
                for p in parts
            ]
            if all(l or q for l, q in zip(listed, plain)):
                if any(strong):
                    return STRONG, False
                # "Müller-Schulze": two noun-like surnames, a name only after a cue.
                return (AMBIGUOUS if any(listed) else UNKNOWN), False
            return OTHER, False
        if len(word) < 2:
            return (INITIAL if word.isupper() else OTHER), False
        if word.isupper():
            # Abbreviations ("AWO", "SGB"); all-caps names only after a cue.
            return (AMBIGUOUS if lex.is_listed_name(word) else OTHER), False
        if not word.islower() and not _name_shaped(word):
            return OTHER, False  # "SuE", "SafeGPT", "TVöD": product names and acronyms
        if len(word) < 3:
            # Two-letter list names ("Le", "Do", "Ay") collide with abbreviations;
            # they count only after a cue or next to another name.
            short_unknown = word[:1].isupper() and not word.isupper() and not lex.is_common_word(word)
            return (UNKNOWN if short_unknown else OTHER), False
        if lex.is_listed_name(word):
            if lex.is_homograph(word):
                return AMBIGUOUS, False
            return STRONG, False
        if word.endswith("s") and len(word) > 3 and lex.is_listed_name(word[:-1]):
            # Genitive of a name ("Lisas", "Auroras"); not for everyday words
            # ("Sommers", "Winters").
            if not lex.is_homograph(word[:-1]) and not lex.is_function_word(word):
                return STRONG, True
        low = word.lower()
        if (
            _name_shaped(word)
            and not lex.is_common_word(word)
            and not lex.is_compound_noun(word)
            and not lex.is_place(word)
            and not low.endswith(_ADJECTIVE_ENDINGS)
            and not low.endswith(_NOUN_ENDINGS)
            and not (len(low) >= 6 and low.startswith(_VERB_PREFIXES) and low.endswith("t"))
        ):
            return UNKNOWN, False
        return OTHER, False

    def _tokens(self, text: str) -> list[_Token]:
        tokens: list[_Token] = []
        prev_end = 0
        prev_word = ""
        prev_prev_word = ""
        for m in _TOKEN.finditer(text):
            word = m.group()
            gap = text[prev_end : m.start()]
            low = word.lower()
            has_dot = text[m.end() : m.end() + 1] == "."
            cue = None
            if low in TITLE_CUES or (has_dot and low + "." in TITLE_CUES):
                cue = "title"
            elif low in ROLE_CUES:
                cue = "role"
            if cue == "title" and low in PERSONAL_TITLES and prev_word in DETERMINERS:
                cue = None  # "die Frau hat …": the noun, not a title
            prev_is_abbrev = bool(tokens) and tokens[-1].cue == "title"
            sentence_initial = not tokens or (
                bool(_SENTENCE_BREAK.search(gap)) and not prev_is_abbrev
            )
            kind, genitive = self._kind_cached(word)
            tokens.append(
                _Token(
                    start=m.start(),
                    end=m.end(),
                    text=word,
                    kind=kind if cue is None else OTHER,
                    cap=word[:1].isupper(),
                    sentence_initial=sentence_initial,
                    after_determiner=not _SENTENCE_BREAK.search(gap)
                    and (
                        prev_word in DETERMINERS
                        # "der wirksame Schutz": article + inflected adjective
                        or (prev_prev_word in DETERMINERS and prev_word.endswith(("e", "en", "er", "es", "em")))
                    ),
                    cue=cue,
                    genitive=genitive,
                )
            )
            prev_end = m.end()
            prev_prev_word, prev_word = prev_word, low
        return tokens

    # -- decision --------------------------------------------------------------------

    @staticmethod
    def _adjacent(text: str, left: _Token, right: _Token) -> bool:
        gap = text[left.end : right.start]
        if left.kind == INITIAL and gap in (". ", "."):
            return True  # "L. Zorić"
        if left.joins_next and gap == ", ":
            return True  # "Eichel, Donald"
        return gap in (" ", "-") or (gap.strip(" ") == "" and len(gap) <= 2)

    def _accept_after_cue(self, tok: _Token, cue_tok: _Token) -> bool:
        if tok.cue == "role" and cue_tok.text.lower() in _PERSONAL_TITLES:
            # "Herr Freund", "frau koch": a role word right after a title is a surname.
            return not _is_form_of_address(tok.text) and tok.text.lower() not in ("sohn", "tochter")
        if tok.cue is not None:
            return False
        if tok.cap:
            if tok.kind in (STRONG, UNKNOWN, INITIAL):
                return True
            if tok.kind == AMBIGUOUS:
                # "Frau Sommer" yes; "Sohn Gewalt" (role + plain noun) no.
                return cue_tok.cue == "title" or tok.text.lower() in FREQUENT_NOUN_SURNAMES
            # After "Frau"/"Herr" almost any capitalised word is a surname, even a
            # noun ("Frau Klos", "Herr Bartel") — except forms of address
            # ("Frau Kollegin", "Herr Bürgermeister").
            return (
                cue_tok.cue == "title"
                and cue_tok.text.lower() in _PERSONAL_TITLES
                and tok.kind == OTHER
                and tok.text.replace("-", "").isalpha()
                and not tok.text.isupper()
                and not self._lex.is_function_word(tok.text)
                and not _is_form_of_address(tok.text)
            )
        # Lower-case typing: listed names that are not ordinary words, frequent
        # surnames after a title ("fr. schneider"), and after a lower-case "frau" /
        # "herrn" any word that is not a function word ("gespräch mit frau drechsler").
        if tok.kind == STRONG or (
            tok.kind == AMBIGUOUS and cue_tok.cue == "title" and tok.text.lower() in FREQUENT_NOUN_SURNAMES
        ):
            return True
        return (
            not cue_tok.cap
            and cue_tok.text.lower() in _PERSONAL_TITLES
            and len(tok.text) >= 2
            and tok.text.replace("-", "").isalpha()
            and not self._lex.is_function_word(tok.text)
            and tok.text not in SUBJECT_VERBS
            and not _is_form_of_address(tok.text)
            and tok.text not in ROLE_CUES
        )

    def analyze(
        self,
        text: str,
        entities: List[str],
        nlp_artifacts: Optional[NlpArtifacts] = None,
    ) -> List[RecognizerResult]:
        """Return PERSON results; cue words are not part of the span."""
        tokens = self._tokens(text)
        n = len(tokens)

        # 1. Seeds from the lists.
        for i, tok in enumerate(tokens):
            if tok.kind == STRONG and tok.cap:
                nxt = tokens[i + 1] if i + 1 < n else None
                if tok.sentence_initial and nxt is not None and nxt.text in _PRONOUNS_AFTER_VERB:
                    continue  # "Fügen Sie …", "Prüfen wir …"
                tok.score = 0.85
            elif (
                tok.kind == AMBIGUOUS
                and tok.cap
                and not tok.sentence_initial
                and not tok.after_determiner
                and tok.text.lower() in FREQUENT_NOUN_SURNAMES
            ):
                tok.score = 0.65

        # 2. Cues: "Frau Dr. Aylin Demir", "Klientin Frau X", "frau demir".
        for i, cue_tok in enumerate(tokens):
            if cue_tok.cue is None:
                continue
            j = i + 1
            while j < n and tokens[j].cue == "title" and self._adjacent_cue(text, tokens[j - 1], tokens[j]):
                j += 1
            if j < n and self._adjacent_cue(text, tokens[j - 1], tokens[j]) and self._accept_after_cue(
                tokens[j], cue_tok
            ):
                tokens[j].score = max(tokens[j].score, 0.9)
                # "Frau Aylin Block": after title + first name, a noun is the surname.
                k = j + 1
                if (
                    k < n
                    and self._lex.is_first_name(tokens[j].text)
                    and self._adjacent(text, tokens[j], tokens[k])
                    and tokens[k].score == 0
                    and self._accept_after_cue(tokens[k], cue_tok)
                ):
                    tokens[k].score = 0.85

        self._context_rules(text, tokens)

        # 3. Neighbours of names: "Aylin Xhevdeti", "Lena Wolf", "von der".
        changed = True
        while changed:
            changed = False
            for i, tok in enumerate(tokens):
                if tok.score <= 0:
                    continue
                for j in (i - 1, i + 1):
                    if not 0 <= j < n or tokens[j].score > 0 or tokens[j].cue is not None:
                        continue
                    other = tokens[j]
                    left, right = (other, tok) if j < i else (tok, other)
                    if not self._adjacent(text, left, right):
                        continue
                    if tok.cap and j > i and other.kind == INITIAL and text[other.end : other.end + 1] == ".":
                        other.score = 0.8  # "Jovana P."
                        changed = True
                    elif (
                        tok.cap and j > i and other.kind == OTHER and self._name_like(other)
                        and self._lex.is_first_name(tok.text)
                    ):
                        other.score = 0.7  # "Winifred Blumstein", "Willie Bambach"
                        changed = True
                    elif tok.cap and other.cap and other.kind in (STRONG, AMBIGUOUS, UNKNOWN):
                        if other.kind == AMBIGUOUS and other.after_determiner:
                            continue
                        other.score = 0.8
                        changed = True
                    elif not tok.cap and not other.cap and other.kind == STRONG:
                        other.score = 0.7
                        changed = True
                # A first name followed by a noun that looks like an occupational
                # surname ("Tobias Dreher", "Kevin Schulze"): common in Germany.
                if i + 1 < n and tok.cap and tokens[i + 1].score == 0 and tokens[i + 1].cue is None:
                    nxt = tokens[i + 1]
                    if (
                        nxt.kind == OTHER
                        and nxt.cap
                        and "-" not in nxt.text
                        and nxt.text.lower().endswith(_SURNAME_ENDINGS)
                        and self._lex.is_first_name(tok.text)
                        and not self._lex.is_function_word(nxt.text)
                        and self._adjacent(text, tok, nxt)
                    ):
                        nxt.score = 0.7
                        changed = True
                # Particles between two names.
                k = i + 1
                while (
                    k < n
                    and tokens[k].text.lower() in NAME_PARTICLES
                    and self._adjacent(text, tokens[k - 1], tokens[k])
                ):
                    k += 1
                if k > i + 1 and k < n and self._adjacent(text, tokens[k - 1], tokens[k]):
                    nxt = tokens[k]
                    particles_open = any(p.score == 0 for p in tokens[i + 1 : k])
                    if nxt.cap and nxt.kind in (STRONG, UNKNOWN) and (nxt.score == 0 or particles_open):
                        nxt.score = max(nxt.score, 0.8)
                        for p in tokens[i + 1 : k]:
                            p.score = 0.8
                        changed = True

        # 4. Two unknown capitalised non-nouns in a row ("Xaver Quast"): in German
        # text almost only names (nouns, places and stop words are excluded); also
        # an unknown word next to a name-noun ("Mořic Richters").
        for a, b in zip(tokens, tokens[1:]):
            kinds = {a.kind, b.kind}
            if (
                a.score == 0 and b.score == 0 and a.cap and b.cap
                and (kinds == {UNKNOWN} or kinds == {UNKNOWN, AMBIGUOUS})
                and not (b.kind == AMBIGUOUS and b.after_determiner)
                and not self._lex.is_function_word(a.text) and not self._lex.is_function_word(b.text)
                and len(a.text) >= 3 and len(b.text) >= 3
                and self._adjacent(text, a, b)
            ):
                a.score = b.score = 0.6

        # "Vonn und Çimen", "Emanuela und Lulu": an unknown word joined to a name.
        for a, mid, b in zip(tokens, tokens[1:], tokens[2:]):
            if mid.text in ("und", "oder", "&") and a.cap and b.cap:
                if a.score > 0 and b.score == 0 and (
                    b.kind == UNKNOWN or (b.kind == AMBIGUOUS and not b.after_determiner)
                ):
                    b.score = 0.6
                elif b.score > 0 and a.score == 0 and (
                    a.kind == UNKNOWN or (a.kind == AMBIGUOUS and not a.sentence_initial)
                ):
                    a.score = 0.6

        # 5. Lower-case pairs of listed names without cue: "aylin demir".
        for a, b in zip(tokens, tokens[1:]):
            if (
                a.score == 0 and b.score == 0 and not a.cap and not b.cap
                and a.kind == STRONG and b.kind == STRONG
                and self._lex.is_first_name(a.text) and self._lex.is_last_name(b.text)
                and self._adjacent(text, a, b)
            ):
                a.score = b.score = 0.7

        return self._spans(text, tokens)

    def _name_like(self, tok: _Token) -> bool:
        """A capitalised word that may be part of a name when the context says so."""
        if not tok.cap or tok.cue is not None:
            return False
        if tok.kind in (STRONG, AMBIGUOUS, UNKNOWN, INITIAL):
            return True
        lex = self._lex
        # Not a noun, compound, place or form of address, just not listed.
        return (
            tok.kind == OTHER
            and _name_shaped(tok.text.split("-")[0])
            and not lex.is_common_word(tok.text)
            and not lex.is_compound_noun(tok.text)
            and not lex.is_place(tok.text)
            and not _is_form_of_address(tok.text)
        )

    def _context_rules(self, text: str, tokens: list[_Token]) -> None:
        """Names shown by their surroundings rather than by the lists."""
        n = len(tokens)
        lower_mode = self._lower_case_text(tokens)
        for i, tok in enumerate(tokens):
            nxt = tokens[i + 1] if i + 1 < n else None
            prev = tokens[i - 1] if i > 0 else None
            gap_after = text[tok.end : nxt.start] if nxt else text[tok.end :]
            # "L. Zorić", "H. König erhielt …": an initial and a name-like word.
            abbreviation = prev is not None and len(prev.text) == 1 and text[prev.end : prev.end + 1] == "."
            if tok.kind == INITIAL and not abbreviation and nxt is not None and gap_after in (". ", ".") and nxt.cap:
                if nxt.cue is None and _name_shaped(nxt.text.split("-")[0]) and not (
                    self._lex.is_function_word(nxt.text) or _is_form_of_address(nxt.text)
                    or (self._lex.is_common_noun(nxt.text) and not self._lex.is_listed_name(nxt.text)
                        and nxt.text.lower() not in FREQUENT_NOUN_SURNAMES and tok.score == 0)
                ):
                    tok.score = max(tok.score, 0.75)
                    nxt.score = max(nxt.score, 0.75)
            # "Eichel, Donald" / "Sommer, Rolf": surname, comma, listed first name.
            after_first = text[nxt.end : nxt.end + 6] if nxt is not None else ""
            if (
                nxt is not None and gap_after == ", " and nxt.kind == STRONG and nxt.cap
                and self._lex.is_first_name(nxt.text)
                and (
                    self._name_like(tok)
                    # "Assistenzbedarf Eichel, Donald:" — a noun surname, with a label after
                    or (tok.cap and tok.cue is None and not tok.after_determiner
                        and (after_first.startswith(":") or after_first.startswith(", geb")))
                )
            ):
                tok.score = max(tok.score, 0.75)
                nxt.score = max(nxt.score, 0.75)
                tok.joins_next = True
            # "Alois Baumbach, geb. …", "Masooma (Tochter …)", "Dolunay (9 Jahre)".
            if tok.text.lower() in TRAILING_CUES or (tok.text == "Jahre" and _AGE_BEFORE.search(text[: tok.start])):
                gap_before = text[prev.end : tok.start] if prev else ""
                if prev is not None and (
                    gap_before in (", ", " (", " ", ",", ": ") or _AGE_BEFORE.search(gap_before)
                ):
                    j = i - 1
                    chain = []
                    while j >= 0 and len(chain) < 3 and self._chain_word(tokens[j], lower_mode):
                        chain.append(tokens[j])
                        if j == 0:
                            break
                        link = text[tokens[j - 1].end : tokens[j].start]
                        if link == ", " and self._name_like(tokens[j - 1]) and len(chain) == 1:
                            tokens[j - 1].joins_next = True  # "Uluç, Alkan: Steuer-ID …"
                        elif not self._adjacent(text, tokens[j - 1], tokens[j]):
                            break
                        j -= 1
                    if any(t.kind in (STRONG, UNKNOWN, INITIAL, AMBIGUOUS) or not t.cap for t in chain):
                        for t in chain:
                            t.score = max(t.score, 0.7)
            # "Ulrik Fux bezieht …", "diyar bulak wohnt …": a name as sentence subject.
            if tok.text in SUBJECT_VERBS and prev is not None and text[prev.end : tok.start] == " ":
                j = i - 1
                chain = []
                while j >= 0 and len(chain) < 3 and self._chain_word(tokens[j], lower_mode, nouns=False):
                    chain.append(tokens[j])
                    if tokens[j].sentence_initial or j == 0 or not self._adjacent(text, tokens[j - 1], tokens[j]):
                        break
                    j -= 1
                if (
                    len(chain) >= 2 and chain[-1].sentence_initial
                    and chain[-1].kind in (STRONG, UNKNOWN)
                ):
                    for t in chain:
                        t.score = max(t.score, 0.65)
            # "Xena hat …", "Cecilie freut sich …": unknown word as a subject.
            if tok.kind == UNKNOWN and tok.cap and nxt is not None and nxt.text in SUBJECT_VERBS:
                if gap_after == " ":
                    tok.score = max(tok.score, 0.6)
            # "Laut Frau Lange wohnt Sbojislaw seit …": subject after the verb.
            if (
                tok.kind == UNKNOWN and tok.cap and not tok.sentence_initial and prev is not None
                and prev.text in SUBJECT_VERBS and text[prev.end : tok.start] == " "
                and nxt is not None and not nxt.cap and gap_after == " "
            ):
                tok.score = max(tok.score, 0.6)
            # "Habibullahs Schulbegleitung …": an unknown genitive before a noun.
            if (
                tok.kind == UNKNOWN and tok.cap and tok.sentence_initial and tok.text.endswith("s")
                and nxt is not None and nxt.cap and gap_after == " "
                and (self._lex.is_common_noun(nxt.text) or self._lex.is_compound_noun(nxt.text))
            ):
                tok.score = max(tok.score, 0.6)
            # "Entwicklungsbericht von Leuther?", "Ausflug mit Zenobiusz."
            if (
                tok.kind == UNKNOWN and tok.cap and prev is not None and len(tok.text) >= 3
                and prev.text.lower() in PREPOSITIONS_BEFORE_NAMES
                and (nxt is None or re.match(r"\s*[.,;:?!)]", gap_after) or nxt.text in ("und", "oder"))
            ):
                tok.score = max(tok.score, 0.6)
            # "wenn Utkan oft …", "dass dobrilo bei …": the subject after a conjunction.
            if prev is not None and prev.text.lower() in SUBJECT_CONJUNCTIONS and text[prev.end : tok.start] == " ":
                if (tok.cap and tok.kind == UNKNOWN) or (lower_mode and self._unknown_lower(tok)):
                    tok.score = max(tok.score, 0.6)
            # Chats typed in lower case: listed names count without a cue, and
            # unknown words as subject or after a preposition at the end.
            if lower_mode and not tok.cap:
                if tok.kind == STRONG and len(tok.text) >= 3:
                    tok.score = max(tok.score, 0.6)
                elif self._unknown_lower(tok) and (
                    (nxt is not None and nxt.text in SUBJECT_VERBS and gap_after == " ")
                    or (
                        prev is not None and prev.text.lower() in PREPOSITIONS_BEFORE_NAMES
                        and (nxt is None or re.match(r"\s*[.,;:?!)]", gap_after))
                    )
                ):
                    tok.score = max(tok.score, 0.6)

    def _chain_word(self, tok: _Token, lower_mode: bool, nouns: bool = True) -> bool:
        """May be part of a name that a following cue word or verb points at."""
        if tok.cue is not None:
            return False
        if not tok.cap:
            return lower_mode and (tok.kind == STRONG or self._unknown_lower(tok))
        return (
            tok.kind in (STRONG, AMBIGUOUS, UNKNOWN, INITIAL)
            or self._name_like(tok)
            or (
                tok.kind == OTHER
                and tok.text.replace("-", "").isalpha()
                and not self._lex.is_function_word(tok.text)
                and not _is_form_of_address(tok.text)
                and not self._lex.is_compound_noun(tok.text)
                and (nouns or not self._lex.is_common_noun(tok.text))
            )
        )

    def _unknown_lower(self, tok: _Token) -> bool:
        """A lower-case word that is no German word we know (in lower-case chats: a name)."""
        word = tok.text
        lex = self._lex
        return (
            not tok.cap and tok.cue is None and len(word) >= 3
            and word.replace("-", "").isalpha()
            and not lex.is_common_word(word) and not lex.is_compound_noun(word)
            and not lex.is_place(word) and word not in SUBJECT_VERBS
            and not word.endswith(_VERB_ENDINGS)
            and not (word.startswith("ge") and word.endswith("t"))  # participles: "gemeldet"
        )

    @staticmethod
    def _lower_case_text(tokens: list[_Token]) -> bool:
        """True for text typed (almost) without capitals, like many chat messages."""
        if len(tokens) < 3:
            return not any(t.cap for t in tokens)
        inner = [t for t in tokens if not t.sentence_initial]
        caps = sum(1 for t in inner if t.cap)
        # German capitalises every noun: even one capital in ~20 words means
        # normal typing.
        return caps <= len(inner) // 20

    @staticmethod
    def _adjacent_cue(text: str, left: _Token, right: _Token) -> bool:
        # "Frau Demir", "Hr. Demir", "Klientin: Demir", "Klientin, Frau Demir".
        gap = text[left.end : right.start]
        return gap.strip(" .:,\n") == "" and len(gap) <= 3

    def _spans(self, text: str, tokens: list[_Token]) -> List[RecognizerResult]:
        results: List[RecognizerResult] = []
        current: list[_Token] = []

        def flush() -> None:
            # Trailing particles are not part of the name.
            while current and current[-1].text.lower() in NAME_PARTICLES and current[-1].kind != STRONG:
                current.pop()
            if current:
                results.append(
                    RecognizerResult(
                        entity_type="PERSON",
                        start=current[0].start,
                        end=current[-1].end,
                        score=max(t.score for t in current),
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
            current.clear()

        for tok in tokens:
            if tok.score > 0:
                if current and not self._adjacent(text, current[-1], tok):
                    flush()
                current.append(tok)
            else:
                flush()
        flush()
        return results
