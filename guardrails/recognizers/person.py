"""Person names from name lists, cue words and a noun lexicon (entity PERSON)."""

from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.names import (
    DETERMINERS,
    FOREIGN_COMMON_WORDS,
    FREQUENT_NOUN_SURNAMES,
    LOWER_CASE_NON_NAMES,
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
from guardrails.name_classifier import NameClassifier
from guardrails.recognizers.bare_nouns import object_of_product_noun
from guardrails.recognizers.caseless_scripts import caseless as _caseless, foreign_sentence_members
from guardrails.recognizers.language_lists import language_list_members
from guardrails.recognizers.person_context import (
    FESTIVALS,
    MEDIUM_THRESHOLD,
    THING_PREPOSITIONS,
    TIME_NOUNS,
    ContextNameFinder,
)
from guardrails.recognizers.person_tokens import AMBIGUOUS, INITIAL, OTHER, STRONG, UNKNOWN, Token as _Token
from guardrails.recognizers.time_abbreviations import is_time_abbreviation

# Words, including hyphenated double names ("Hans-Peter", "Müller-Lüdenscheidt").
# U+0307 is the dot that Python's lower() leaves on a Turkish "İ" ("İmren" -> "i̇mren").
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|\u0307)*(?:[-'’][^\W\d_]+)*")
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
# "-ell" only after the letters of Latin adjectives ("aktuell", "formell",
# "generell"); "Wendell", "Odell" are names.
_ADJECTIVE_ENDINGS = ("lich", "isch", "ig", "bar", "los", "sam", "haft", "är", "ant", "ent", "iv",
                      "iell", "uell", "nell", "rell", "mell", "eell")
# The same adjectives inflected: "Gesetzlicher Betreuer", "Ambulanten Dienst".
_INFLECTED_ADJECTIVE_ENDINGS = tuple(
    stem + ending
    for stem in ("lich", "isch", "ig", "bar", "sam", "haft", "los")
    for ending in ("e", "er", "en", "em", "es")
)
# Endings of German abstract nouns and nominalised participles ("Löschung",
# "Mitarbeitende") and prefixes of participles ("Gespeichert", "Vereinbart").
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "nis", "tum", "tät", "ismus", "ende", "enden", "ender", "iert")
_VERB_PREFIXES = ("ge", "ver", "er", "be", "ent", "zer")
_STEM_VOWELS = frozenset("aeiouäöü")


def _has_noun_ending(low: str, endings: tuple[str, ...] = _NOUN_ENDINGS) -> bool:
    """Ends like a derived German noun ("Lösung", "Freiheit"): the ending after a stem with a vowel — a
    German derivation needs one ("Üb|ung"), so "Trung", "Dung", "Phung" are no "-ung" nouns but names."""
    return low.endswith(endings) and any(low.endswith(e) and _STEM_VOWELS.intersection(low[: -len(e)]) for e in endings)
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "O'", "O’")
# Pronouns after a sentence-initial word make it a verb: "Fügen Sie …".
_PRONOUNS_AFTER_VERB = frozenset({"Sie", "du", "wir", "ihr", "man", "es"})
# Imperatives, when right after the word (no comma): "Mach mir …", "Schick bitte …".
_AFTER_IMPERATIVE = frozenset({"mir", "mich", "dir", "dich", "uns", "euch", "bitte", "mal", "doch"})
# Heads of compounds that work like a cue: "Pflegefamilie Becke", "Kindesmutter Aydın".
_CUE_HEADS = {"familie": "title", "mutter": "role", "vater": "role", "tochter": "role", "sohn": "role",
              "bruder": "role", "schwester": "role"}
# Before "Familie", these make it a dative or genitive noun: "der Familie Zeit geben".
_OBLIQUE_DETERMINERS = frozenset("der einer jeder dieser ihrer seiner unserer meiner deiner eurer keiner".split())
# Cue words that are verbs: the noun after "sagte Anna" is more likely its object.
_VERB_CUES = frozenset("sagte meinte erzählte fragte berichtete erklärte antwortete schrieb heißt heisst".split())
# Roles that name one person: "Klientin Beutel hat …", "Sohn Kasper?" (not after
# an article or possessive: "sein Sohn Gewalt erlebt").
_PERSON_ROLES = frozenset(
    """klientin klient bewohnerin bewohner patientin patient betreute betreuter mandantin mandant
    teilnehmerin teilnehmer schülerin schüler azubi jugendliche jugendlicher sohn tochter
    enkel enkelin neffe nichte bruder schwester pflegekind""".split()
)
# Nouns that follow a name as its object or predicate ("hat Jonas Angst",
# "sag Anna Bescheid"), never as its surname.
_PREDICATE_NOUNS = frozenset(
    """angst hilfe geld zeit bescheid hunger durst fieber lust spaß ärger stress sorge sorgen
    recht glück pech mut heimweh post besuch unterricht nachhilfe essen arbeit schule
    urlaub ruhe bescheinigung antwort rat mühe freude kummer termin""".split()
)
# Finite verbs whose subject is a person (not "hat", "ist", "fehlt", "kommt": things do that too).
_ANIMATE_VERBS = frozenset(
    """freut sagt sagte braucht bekommt bekam wohnt wohnte lebt lebte arbeitet arbeitete ruft rief erhielt
    erhält bezieht besucht besuchte spielt isst schläft weint lacht benötigt meldet meldete bittet bat sucht
    suchte leidet klagt klagte erzählt erzählte berichtet berichtete schreibt schrieb schlief saß sprach
    weinte lachte spielte studierte studiert promovierte heiratete starb meinte betonte erklärte fragte
    antwortete widersprach kritisierte forderte lobte""".split()
)
# Finite verbs among the stop words: no adjective ending attaches to them.
_FINITE_STOP_WORDS = frozenset("bin bist ist hat hast war kann muss soll will darf mag wird".split())
_GREETINGS = frozenset("hallo hi hey liebe lieber liebes servus moin".split())
_SIGN_OFFS = frozenset("grüße grüßen gruß grüsse grüssen danke".split())
# Clause words after which a lower-case subject may start.
_CLAUSE_STARTERS = frozenset("und oder aber dann heute gestern jetzt".split()) | frozenset(
    "dass daß wenn weil ob obwohl als nachdem damit falls sobald".split()
)


def _name_shaped(word: str) -> bool:
    """Capital then lower case ("Xhevdeti", "McAllister"), not "SafeGPT" or "TVöD"; or a word of a
    script without capitals ("راسخ")."""
    if word.isalpha() and len(word) >= 2 and all(_caseless(ch) for ch in word):
        return True
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

# A label after "Surname, Firstname": "Bambach, Theobold:", "Brand, Gisa, Zimmer 14".
_LABEL_AFTER = re.compile(
    r"\s*(?::|,\s*(?:" + "|".join(re.escape(c) for c in sorted(TRAILING_CUES, key=len, reverse=True)) + r")\b)",
    re.IGNORECASE,
)
# What may follow a full name at the end of a phrase: "," "(" ";" ":" a line break, the end.
_NAME_END = re.compile(r"[ \t]*(?:[,(;:\n]|$)")
# After a name: punctuation, the end, or a finite verb ("Klientin Beutel hat …").
_NAME_END_OR_VERB = re.compile(
    r"[ \t]*(?:[,.;:?!()\n]|$|(?:" + "|".join(sorted(SUBJECT_VERBS, key=len, reverse=True)) + r"|nicht)\b)"
)

# Prepositions of time: "an Nikolaus", "bis Ostern", "vor Weihnachten".
_TIME_PREPOSITIONS = frozenset("an am zu zum vor nach bis seit über ab um gegen zwischen".split())

# A number right before a word ("223,92 Euro") or right after it ("Zimmer 12", "Wagen HD-ZU 966",
# "Raum Nr. 3"): the word counts or numbers something.
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*\s$")
_NUMBER_AFTER = re.compile(r"\s(?:Nr\.?\s?|No\.?\s?)?(?:\d|[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2}[- ]?\d)")

# "(9 Jahre)" right before "Jahre".
_AGE_BEFORE = re.compile(r"\s?\(\d{1,3}\s$")

class PersonRecognizer(EntityRecognizer):
    """Finds person names in German text without a German NER model.

    A capitalised word from the name lists that is not an ordinary German word is
    a name ("Aylin", "Demir", "Öztürks" as genitive). Words that are both names
    and nouns ("Wolf", "Sommer") count only after a title ("Frau Sommer"), next to
    another name ("Lena Wolf"), or — for the most frequent surnames — when no
    article precedes them. Unknown capitalised words that are not nouns count
    after a title or role cue ("Klientin Xhevdeti", "Herr M.") or next to a known
    name. Lower-case typing ("gespräch mit frau demir") is handled for listed names.
    With a ``NameClassifier``, unfamiliar names without a cue are found by their position
    ("sagte Lindqvist", "die Petrovs", "Kevin, Mia und Ben"; see ``person_context``).
    """

    def __init__(self, lexicon: NameLexicon, classifier: NameClassifier | None = None) -> None:
        self._lex = lexicon
        # Without a classifier only the lists and cue words count (the recognizer as before issue 15).
        self._context = ContextNameFinder(lexicon, classifier, self._unknown_lower) if classifier else None
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
            if parts and word.islower():
                # "adelfried-bruno": lower-case typing of a double name.
                listed_lower = [lex.is_listed_name(p) and not lex.is_homograph(p) for p in parts]
                if any(listed_lower) and all(
                    l or p in NAME_PARTICLES or (len(p) >= 3 and not lex.is_common_word(p))
                    for l, p in zip(listed_lower, parts)
                ):
                    return STRONG, False
                return OTHER, False
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
            short_unknown = (word[:1].isupper() and not word.isupper() or _caseless(word)) and not lex.is_common_word(word)
            return (UNKNOWN if short_unknown else OTHER), False
        if lex.is_non_person_name(word) and not lex.is_listed_name(word):
            return OTHER, False  # "Asus", "Barmer": a brand or organisation, not the genitive of "Asu"
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
            and not lex.is_non_person_name(word)
            and low not in TIME_NOUNS
            and not low.endswith(_ADJECTIVE_ENDINGS)
            and not low.endswith(_INFLECTED_ADJECTIVE_ENDINGS)
            # inflected stop-word adjectives: "Leichte Sprache", "Ganzen", "Eigenes"
            # (not a finite verb before the ending: "Bine" is no "bin" + "-e")
            and not any(low.endswith(e) and lex.is_function_word(low[: -len(e)]) and low[: -len(e)] not in _FINITE_STOP_WORDS
                        for e in ("e", "en", "er", "es", "em"))
            and not _has_noun_ending(low)
            and not (len(low) >= 6 and low.startswith(_VERB_PREFIXES) and low.endswith("t"))
            # lower case: "holt", "mach"; capitalised only at a sentence start ("Mach …"), decided there
            and not (word.islower() and lex.is_verb_or_adjective(word))
        ):
            return UNKNOWN, False
        return OTHER, False

    def _tokens(self, text: str) -> list[_Token]:
        tokens: list[_Token] = []
        prev_end = 0
        prev_word = ""
        prev_prev_word = ""
        for m in _TOKEN.finditer(text):
            word = m.group().replace("\u0307", "")
            gap = text[prev_end : m.start()]
            low = word.lower()
            # "Prof. X" and, as some text is tokenised, "Prof . X".
            has_dot = text[m.end() : m.end() + 1] == "." or text[m.end() : m.end() + 2] == " ."
            cue = None
            if low in TITLE_CUES or (has_dot and low + "." in TITLE_CUES):
                cue = "title"
            elif low in ROLE_CUES:
                cue = "role"
            elif word[:1].isupper() and len(low) >= 9:
                head = next((h for h in _CUE_HEADS if low.endswith(h) and len(low) > len(h) + 3), None)
                if head is not None and "-" not in low:
                    cue = _CUE_HEADS[head]
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
                    cap=word[:1].isupper() or _caseless(word),  # "شانا راسخ": no capitals to go by
                    sentence_initial=sentence_initial,
                    after_determiner=not _SENTENCE_BREAK.search(gap)
                    and (
                        prev_word in DETERMINERS
                        # "der wirksame Schutz": article + inflected adjective; not a role noun ("sein
                        # Schwager Kasper", "mit dem Architekten Noel Linden": a role, then the name)
                        or (prev_prev_word in DETERMINERS and prev_word.endswith(("e", "en", "er", "es", "em"))
                            and not (tokens and self._role_noun(tokens[-1])))
                    ),
                    cue=cue,
                    genitive=genitive,
                    prev_low="" if _SENTENCE_BREAK.search(gap) else prev_word,
                )
            )
            prev_end = m.end()
            prev_prev_word, prev_word = prev_word, low
        return tokens

    # -- decision --------------------------------------------------------------------

    def _role_noun(self, tok: _Token) -> bool:
        """A capitalised noun inside the sentence that names a role or relation ("Schwager", "Architekten")."""
        return (tok.cap and not tok.sentence_initial and self._context is not None
                and self._context.is_role_noun(tok))

    @staticmethod
    def _family_plural_form(tok: _Token) -> bool:
        """"die Buhls", "bei den Herolds": after a plural article an "-s" form is the family."""
        return tok.prev_low in ("die", "den") and tok.text.endswith("s")

    @staticmethod
    def _adjacent(text: str, left: _Token, right: _Token) -> bool:
        gap = text[left.end : right.start]
        if left.kind == INITIAL and gap in (". ", "."):
            return True  # "L. Zorić"
        if left.joins_next and gap == ", ":
            return True  # "Eichel, Donald"
        return gap in (" ", "-") or (gap.strip(" ") == "" and len(gap) <= 2)

    @staticmethod
    def _verb_first(text: str, tok: _Token, nxt: _Token) -> bool:
        """A sentence-initial word followed by a pronoun is a verb ("Fügen Sie", "Mach mir")."""
        return nxt.text in _PRONOUNS_AFTER_VERB or (
            nxt.text in _AFTER_IMPERATIVE and text[tok.end : nxt.start] == " "
        )

    def _attributive_adjective(self, text: str, tok: _Token) -> bool:
        """"Frohes Fest", "Gutes Neues Jahr": a word in "-es" right before a neuter noun is an adjective
        (a genitive name before a noun would need the noun to be anything, an adjective agrees)."""
        if not tok.text.endswith("es") or self._lex.is_listed_name(tok.text):
            return False
        m = re.match(r" (\w+)", text[tok.end :])
        return bool(m) and m.group(1)[:1].isupper() and self._lex.is_neuter_noun(m.group(1))

    @staticmethod
    def _feast_day(tok: _Token) -> bool:
        """"an Nikolaus", "zwischen Nikolaus und Neujahr": a holiday that is also a given name, after a
        preposition of time."""
        return tok.text.lower() in TIME_NOUNS and tok.prev_low in _TIME_PREPOSITIONS

    def _noun_surname_ok(self, tok: _Token, compounds: bool = False) -> bool:
        """A capitalised word that may be a surname although it is a noun ("Haupt", "Hase").

        Only where the context already says "name here"; abstract nouns
        ("Unterstützung"), compounds, function words and forms of address never are.
        """
        word = tok.text
        low = word.lower()
        return (
            tok.cap
            and tok.cue is None
            and word.replace("-", "").isalpha()
            and not word.isupper()
            and len(word) >= 3
            and not self._lex.is_closed_class(word)
            and not _is_form_of_address(word)
            and low not in FOREIGN_COMMON_WORDS
            and not _has_noun_ending(low, _NOUN_ENDINGS + ("ion", "tion"))
            and low not in _PREDICATE_NOUNS
            and (compounds or not (self._lex.is_compound_noun(word) and not self._lex.is_listed_name(word)))
        )

    def _accept_after_cue(self, tok: _Token, cue_tok: _Token, text: str = "", lower_mode: bool = False) -> bool:
        if tok.kind == UNKNOWN and self._attributive_adjective(text, tok):
            return False  # "Liebe Kollegen, Frohes Fest": an adjective before its noun
        if tok.cue == "role" and cue_tok.text.lower() in _PERSONAL_TITLES:
            # "Herr Freund", "frau koch": a role word right after a title is a surname.
            return not _is_form_of_address(tok.text) and tok.text.lower() not in ("sohn", "tochter")
        if tok.cue is not None:
            return False
        if tok.cap:
            if tok.kind in (STRONG, UNKNOWN, INITIAL):
                return True
            person_role = (
                cue_tok.text.lower() in _PERSON_ROLES
                and cue_tok.prev_low not in DETERMINERS
                and bool(text)
                and text[cue_tok.end : tok.start] == " "
                and _NAME_END_OR_VERB.match(text, tok.end) is not None
            )
            if tok.kind == AMBIGUOUS:
                # "Frau Sommer" yes; "sein Sohn Gewalt" (role + plain noun) no.
                return cue_tok.cue == "title" or tok.text.lower() in FREQUENT_NOUN_SURNAMES or person_role
            if person_role and tok.kind == OTHER and self._noun_surname_ok(tok, compounds=True):
                return True  # "Klientin Beutel hat …", "Tochter Frederica?"
            # After "Frau"/"Herr" almost any capitalised word is a surname, even a
            # noun ("Frau Klos", "Herr Bartel") — except forms of address
            # ("Frau Kollegin", "Herr Bürgermeister").
            if (
                cue_tok.cue == "title"
                and cue_tok.text.lower() in _PERSONAL_TITLES
                and tok.kind == OTHER
                and tok.text.replace("-", "").isalpha()
                and not tok.text.isupper()
                and not self._lex.is_closed_class(tok.text)
                and not _is_form_of_address(tok.text)
            ):
                return True
            # "(Pflege)familie Becke", "Familie Dunkle-Kocher" — but not "der Familie Zeit geben".
            return (
                cue_tok.text.lower().endswith("familie")
                and cue_tok.prev_low not in _OBLIQUE_DETERMINERS
                and tok.kind == OTHER
                and self._noun_surname_ok(tok)
            )
        # Lower-case typing: listed names that are not ordinary words, frequent
        # surnames after a title ("fr. schneider"), and after a lower-case "frau" /
        # "herrn" any word that is not a function word ("gespräch mit frau drechsler").
        if tok.kind == STRONG or (
            tok.kind == AMBIGUOUS and cue_tok.cue == "title" and tok.text.lower() in FREQUENT_NOUN_SURNAMES
        ):
            return True
        if lower_mode and cue_tok.cue == "role" and not cue_tok.cap and self._unknown_lower(tok):
            return True  # "deren mutter oray bakırcıoğlu …"
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

    def _name_slot(self, text: str, cue_tok: _Token, given: _Token, nxt: _Token, lower_mode: bool) -> bool:
        """"Frau Ilvy Kranichfeld fragt …", "Herrn Paul Winter", "Betreuer Wei Bogen hat …".

        After a title or role word and a name that is not known as a surname only, the next word is
        the surname whatever else it could be (a town, a noun, an adjective) — unless it is a word
        that follows a surname as object ("Frau Okonkwo Bescheid geben"), an abstract noun, a
        compound, a function word or a form of address, or another capitalised word follows it.
        """
        if cue_tok.text.lower() in _VERB_CUES:
            return False
        return self._surname_slot(text, given, nxt, lower_mode, after_title=cue_tok.cue == "title")

    def _surname_slot(self, text: str, given: _Token, nxt: _Token, lower_mode: bool, after_title: bool = False) -> bool:
        """``nxt`` may be the surname after the given name ``given`` (see ``_name_slot``).

        After a title and a given name, an occupation or form of address is the surname ("Herr Dr.
        Helmut Anwalt", "Herr Youssouf Tierarzt"): it is a form of address only right after the title.
        """
        if nxt.score > 0 or nxt.cue is not None or nxt.sentence_initial or text[given.end : nxt.start] != " ":
            return False
        word = nxt.text
        person_noun = after_title and nxt.cap and self._lex.is_person_noun(word) and _NAME_END_OR_VERB.match(text, nxt.end) is not None
        if self._lex.is_last_name(given.text) and not self._lex.is_first_name(given.text) and (
                self._lex.is_common_noun(word) or self._lex.is_compound_noun(word) or not nxt.cap):
            return False  # "Frau Demir Rücksprache …": a surname already, the noun is an object
        if person_noun and given.cap and not given.genitive:
            return True
        if given.kind == INITIAL or len(given.text) < 2 or given.genitive:
            return False
        if (given.text.endswith("s") and self._lex.is_listed_name(given.text[:-1]) and not self._lex.is_first_name(given.text)
                and (self._lex.is_common_noun(word) or self._lex.is_compound_noun(word) or not nxt.cap)):
            return False  # "Herrn Öztürks Antrag": a genitive before its noun ("Herrn Markos Braubach" is none)
        word, low = nxt.text, nxt.text.lower()
        if nxt.cap != given.cap or (not nxt.cap and not lower_mode):
            return False
        if (
            not word.replace("-", "").isalpha() or len(word) < 2 or word.isupper()
            or self._lex.is_closed_class(word) or _is_form_of_address(word) or low in _PREDICATE_NOUNS
            or (_has_noun_ending(low, _NOUN_ENDINGS + ("ion",)) and not self._lex.is_place(word) and not self._lex.is_listed_name(word))
            or low in SUBJECT_VERBS
            or (self._lex.is_compound_noun(word) and not self._lex.is_place(word) and not self._lex.is_listed_name(word))
            or (self._lex.is_plural_only(word) and not self._lex.is_listed_name(word))
        ):
            return False
        return True

    def analyze(
        self,
        text: str,
        entities: List[str],
        nlp_artifacts: Optional[NlpArtifacts] = None,
    ) -> List[RecognizerResult]:
        """Return PERSON results; cue words are not part of the span."""
        tokens = self._tokens(text)
        n = len(tokens)
        lower_mode = self._lower_case_text(tokens)

        # 1. Seeds from the lists.
        for i, tok in enumerate(tokens):
            if tok.kind == STRONG and tok.cap:
                nxt = tokens[i + 1] if i + 1 < n else None
                if tok.sentence_initial and nxt is not None and self._verb_first(text, tok, nxt):
                    continue  # "Fügen Sie …", "Prüfen wir …"
                if self._feast_day(tok) or tok.prev_low in FESTIVALS and text[tokens[i - 1].end : tok.start] == " ":
                    continue  # "an Nikolaus": the feast day; "Ramadan Kareem", "Eid Mubarak": a greeting
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
                tokens[j], cue_tok, text, lower_mode
            ):
                tokens[j].score = max(tokens[j].score, 0.9)
                # "Frau Aylin Block": after title + first name, a noun is the surname.
                k = j + 1
                signature = cue_tok.text.lower() in _SIGN_OFFS and "\n" in text[cue_tok.end : tokens[j].start]
                if (
                    k < n
                    and (self._lex.is_first_name(tokens[j].text) or signature)
                    and self._adjacent(text, tokens[j], tokens[k])
                    and tokens[k].score == 0
                    # "Frau Aylin Bescheid geben", "Herrn Emre Unterlagen schicken": an object
                    and tokens[k].text.lower() not in _PREDICATE_NOUNS
                    and not (self._lex.is_plural_only(tokens[k].text) and not self._lex.is_listed_name(tokens[k].text))
                    and (
                        self._accept_after_cue(tokens[k], cue_tok, text, lower_mode)
                        # "Mutter Achim Grosz", "Grüßen\nHanne Haupt": after a role
                        # word and a first name, a noun is the surname as well.
                        or (tokens[j].cap and cue_tok.text.lower() not in _VERB_CUES
                            and self._noun_surname_ok(tokens[k], compounds=signature)
                            and (not signature or _NAME_END.match(text, tokens[k].end) is not None))
                    )
                ):
                    tokens[k].score = 0.85
                elif k < n and self._name_slot(text, cue_tok, tokens[j], tokens[k], lower_mode):
                    tokens[k].score = 0.85

        self._context_rules(text, tokens)
        if lower_mode or self._nouns_typed_lower(tokens):
            self._capitalised_in_lower_text(tokens)

        # A word found as a name by a cue is that name elsewhere in the text too
        # ("Frau Gottschalk … Ada Gottschalk", "Herr Grosse … Koçhan Grosse").
        found_words = {t.text for t in tokens if t.score >= 0.6 and len(t.text) >= 3}
        if found_words:
            for tok in tokens:
                if (
                    tok.score == 0 and tok.text in found_words and tok.cue is None
                    and not tok.after_determiner and not self._lex.is_closed_class(tok.text)
                ):
                    tok.score = 0.7

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
                    elif (
                        lower_mode and not tok.cap and not other.cap and j > i
                        and (
                            other.kind == AMBIGUOUS or self._unknown_lower(other)
                            or other.text in FREQUENT_NOUN_SURNAMES
                            # "bodo hase, geb …", "harold freund wohnt …": a noun after a
                            # first name, closing the phrase
                            or (self._lex.is_first_name(tok.text) and not self._lex.is_homograph(tok.text)
                                and self._lower_noun_surname_ok(other)
                                and _NAME_END_OR_VERB.match(text, other.end) is not None)
                        )
                        and (self._lex.is_first_name(tok.text) or tok.kind != STRONG)
                    ):
                        # Lower-case chats: "eugen schulte", "tazia macchia" after a found name.
                        other.score = 0.65
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
                    elif (
                        nxt.kind in (OTHER, AMBIGUOUS)
                        and self._lex.is_first_name(tok.text)
                        and not self._lex.is_homograph(tok.text)
                        and self._adjacent(text, tok, nxt)
                        and self._noun_surname_ok(nxt, compounds=True)
                        and (
                            _NAME_END.match(text, nxt.end)
                            or not nxt.text.lower().endswith(("en", "ern", "nen"))
                        )
                    ):
                        # "Hans Hase (…", "Wiebke Feigenbaum wurde …", a signature
                        # "Hanne Haupt": a listed first name and a singular noun are a
                        # full name (object nouns such as "Angst", plurals excluded).
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
                if (
                    a.score == 0 and b.score == 0 and a.kind == UNKNOWN and b.kind == UNKNOWN
                    and not a.sentence_initial and len(a.text) >= 3 and len(b.text) >= 3
                    and text[a.end : mid.start] == " " and text[mid.end : b.start] == " "
                ):
                    a.score = b.score = 0.6  # "in dem Sohail und Arleta nicht …"
                elif b.score > 0 and a.score == 0 and a.kind == OTHER and self._lex.is_place(a.text) and not (
                    self._lex.is_common_noun(a.text) or a.sentence_initial
                ):
                    a.score = 0.6  # "Xanten und Dierk": a place name used as a name
                elif a.score > 0 and b.score == 0 and b.kind == OTHER and self._lex.is_place(b.text) and not (
                    self._lex.is_common_noun(b.text)
                ):
                    b.score = 0.6
                elif a.score > 0 and b.score == 0 and (
                    b.kind == UNKNOWN or (b.kind == AMBIGUOUS and not b.after_determiner)
                ):
                    b.score = 0.6
                elif b.score > 0 and a.score == 0 and (
                    a.kind == UNKNOWN or (a.kind == AMBIGUOUS and not a.sentence_initial)
                ):
                    a.score = 0.6

        # "rojda und cecilio" in a lower-case chat.
        if lower_mode:
            for a, mid, b in zip(tokens, tokens[1:], tokens[2:]):
                if mid.text in ("und", "oder") and not a.cap and not b.cap:
                    if a.score > 0 and b.score == 0 and self._unknown_lower(b):
                        b.score = 0.6
                    elif b.score > 0 and a.score == 0 and self._unknown_lower(a):
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

        if self._context is not None:
            self._context.veto(tokens, lower_mode)
            self._context.apply(text, tokens, lower_mode)
        self._surnames_after_given_names(text, tokens, lower_mode)
        self._designations(text, tokens)
        self._propagate(tokens)
        languages = language_list_members(text, tokens, self._lex) | foreign_sentence_members(text, tokens)
        for i, tok in enumerate(tokens):
            if tok.score > 0 and (i in languages or is_time_abbreviation(text, tokens, i)):
                # "Mo–Fr", "am Di", "15. Jan. 2027": a weekday or month, not "Mo" or "Jan";
                # "Deutsch, English und Español": languages, not Mr English; "شكرا جزيلا على …": a sentence
                tok.score = 0.0
        return self._spans(text, tokens)

    def _surnames_after_given_names(self, text: str, tokens: list[_Token], lower_mode: bool) -> None:
        """"Kwame Asante", "Wilja Schau", "Bo-Ubbi Stampe-Olsson": the word after a name found without
        a cue is its surname whatever else it is (noun, town), unless it is an object of the clause."""
        for a, b in zip(tokens, tokens[1:]):
            if a.score <= 0 or b.score > 0 or not a.cap or not b.cap or a.cue is not None:
                continue
            if b.text.lower() in TIME_NOUNS or self._lex.is_function_word(b.text):
                continue
            if a.text.endswith("s") and not self._lex.is_first_name(a.text):
                continue  # "Hoffstedts Antrag": a possessive found before its noun
            if self._surname_slot(text, a, b, lower_mode):
                b.score = 0.65
        if lower_mode:
            surnames: set[int] = set()
            for j, (a, b) in enumerate(zip(tokens, tokens[1:])):
                if j not in surnames and self._lower_surname_after_given_name(text, a, b):
                    b.score = 0.65
                    surnames.add(j + 1)  # a surname is followed by no second one

    def _lower_surname_after_given_name(self, text: str, given: _Token, nxt: _Token) -> bool:
        """"mit edith oberem verschoben", "die mail von luann ingersleben": in chat typed in lower case,
        the word after a found given name closing the phrase is the surname if it is no ordinary noun,
        verb or plain adjective — a word no lexicon lists, a town, or an inflected adjective form (an
        adjective inflects only before its noun, never after a name)."""
        word, lex = nxt.text, self._lex
        if not (given.score > 0 and not given.cap and not nxt.cap
                and (lex.is_first_name(given.text) or not lex.is_last_name(given.text))
                and nxt.score == 0 and nxt.cue is None and text[given.end : nxt.start] == " "
                and len(word) >= 3 and word.isalpha()):
            return False
        if (lex.is_closed_class(word) or word in SUBJECT_VERBS or word in _PREDICATE_NOUNS or word in TIME_NOUNS
                or word in LOWER_CASE_NON_NAMES or _is_form_of_address(word) or word in lex.verb_forms
                # participles: "gesprochen", "verschoben"
                or (word.startswith(("ge", "ver", "be", "er", "ent", "zer")) and word.endswith(("t", "en")) and len(word) >= 6)
                or word.endswith(("iert", "ieren"))
                or (lex.is_common_noun(word) and not lex.is_listed_name(word))
                or (word in lex.adjective_forms and not word.endswith(("em", "en", "er", "es", "e")))):
            return False
        rest = text[nxt.end :]
        return bool(re.match(r"[ \t]*(?:[,.;:?!)\n]|$)", rest) or re.match(r" (?:(?:ge|ver|be|er|ent|zer)\w+(?:t|en)|\w+iert)\b", rest))

    def _nouns_typed_lower(self, tokens: list[_Token]) -> bool:
        """Chat that writes its nouns in lower case ("kannst du Schulzes widerspruch kürzer machen"):
        a lower-case noun, and at most two capitalised words inside the sentences."""
        inner_caps = sum(1 for t in tokens if t.cap and not t.sentence_initial)
        if inner_caps == 0 or inner_caps > 2:
            return False
        lex = self._lex
        return any(
            not t.cap and len(t.text) >= 4 and lex.is_common_noun(t.text) and not lex.is_function_word(t.text)
            and not lex.is_verb_or_adjective(t.text) and t.text not in SUBJECT_VERBS
            for t in tokens
        )

    def _capitalised_in_lower_text(self, tokens: list[_Token]) -> None:
        """"kannst du Schulzes widerspruch kürzer machen": in a text typed in lower case, the writer
        capitalised this word on purpose — a listed name, a frequent noun-surname, a word no lexicon
        knows, or the genitive of one is a name there (not a brand, place, time noun or a noun after
        an article)."""
        lex = self._lex
        for tok in tokens:
            word = tok.text
            if (tok.score > 0 or not tok.cap or tok.sentence_initial or tok.cue is not None or tok.after_determiner
                    or len(word) < 3 or not word.isalpha() or not word[1:].islower()):
                continue
            stems = [word] + ([word[:-1]] if word.endswith("s") else [])
            for stem in stems:
                low = stem.lower()
                if (lex.is_non_person_name(stem) or low in TIME_NOUNS or lex.is_function_word(stem)
                        or (lex.is_place(stem) and not lex.is_listed_name(stem))):
                    break
                kind, _ = self._kind_cached(stem)
                if (lex.is_listed_name(stem) or low in FREQUENT_NOUN_SURNAMES or kind == UNKNOWN) and not (
                        stem is word and lex.is_common_noun(word) and not lex.is_listed_name(word)):
                    tok.score = 0.6
                    break

    def _designations(self, text: str, tokens: list[_Token]) -> None:
        """Take back words that count or number something: "223,92 Euro aus der …", "für Wagen
        HD-ZU 966", "Parkplatz 21". A name found by the lists or after a title stays; a word found
        only by its position is a unit after a number and a designation before one."""
        for i, tok in enumerate(tokens):
            if tok.score <= 0 or tok.kind not in (UNKNOWN, OTHER, AMBIGUOUS) or not tok.cap:
                continue
            if i > 0 and tokens[i - 1].cue is not None:
                continue
            if _NUMBER_BEFORE.search(text, 0, tok.start) or _NUMBER_AFTER.match(text, tok.end):
                tok.score = 0.0

    def _propagate(self, tokens: list[_Token]) -> None:
        """A word found as a name anywhere in the text is that name everywhere in it, in any case and
        as genitive or plural ("Lindqvist sagte … lindqvists Antrag", "Grotke … Grotkes Wohnung");
        a common word after an article stays a word ("Frau Sommer … im Sommer")."""
        found = {t.text.casefold() for t in tokens if t.score > 0 and len(t.text) >= 3 and t.kind != INITIAL}
        if not found:
            return
        for tok in tokens:
            if tok.score > 0 or tok.cue is not None or len(tok.text) < 3:
                continue
            low = tok.text.casefold()
            if low not in found and not (low.endswith("s") and (low[:-1] in found or low[:-2] in found and low.endswith("es"))):
                continue
            if self._lex.is_closed_class(tok.text) or (tok.after_determiner and self._lex.is_common_word(tok.text)):
                continue
            tok.score = 0.7

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
                    (self._lex.is_function_word(nxt.text) and not self._lex.is_listed_name(nxt.text))
                    or _is_form_of_address(nxt.text)
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
                # "Kevin, Mia und Ben": names in a list are different people.
                and not re.match(r"\s*(?:,|und\b|oder\b|sowie\b)", text[nxt.end :])
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
            # "Bambach, Theobold:", "Brand, Gisa, Zimmer 14", "Keçeci, Köksal: …":
            # surname, comma, a first name the lists miss, then a label.
            elif (
                nxt is not None and gap_after == ", " and nxt.cap and tok.cap and tok.cue is None
                and not tok.after_determiner and tok.score == 0
                and (nxt.kind == UNKNOWN or (nxt.kind == STRONG and self._lex.is_first_name(nxt.text)))
                and (self._name_like(tok) or self._noun_surname_ok(tok))
                and _LABEL_AFTER.match(text, nxt.end)
            ):
                tok.score = max(tok.score, 0.7)
                nxt.score = max(nxt.score, 0.7)
                tok.joins_next = True
            # "Hallo Reha,", "Liebe Eden,": one word after a greeting at the start of a
            # line; "Danke, Eden" closing the text. The word is a name even if a noun.
            if (
                nxt is not None and nxt.score == 0 and nxt.cue is None and nxt.cap
                and not nxt.after_determiner
                and (
                    (tok.text.lower() in _GREETINGS and gap_after == " "
                     and text[max(0, tok.start - 80) : tok.start].rstrip(" \t")[-1:] in ("", "\n")
                     and re.match(r"[ \t]*(?:[,!\n]|$)", text[nxt.end :]))
                    or (tok.text.lower() in _SIGN_OFFS and gap_after in (", ", "\n", ",\n", " ")
                        and re.match(r"[ \t]*(?:\n|$)", text[nxt.end :]))
                )
                and (nxt.kind in (STRONG, UNKNOWN, AMBIGUOUS) or self._noun_surname_ok(nxt)
                     or self._lex.is_first_name(nxt.text))
            ):
                nxt.score = max(nxt.score, 0.7)
            # "durch Sigmond Halle.", "dass Zelda Brand nicht …": after a preposition or
            # a conjunction, an unknown word and a singular noun form a name.
            if (
                tok.kind == UNKNOWN and tok.cap and tok.score == 0 and not tok.sentence_initial
                and prev is not None and len(tok.text) >= 3
                and (prev.text.lower() in PREPOSITIONS_BEFORE_NAMES or prev.text.lower() in SUBJECT_CONJUNCTIONS
                     or prev.text.lower() == "durch")
                and nxt is not None and gap_after == " " and nxt.score == 0
                and nxt.kind in (OTHER, AMBIGUOUS) and self._noun_surname_ok(nxt, compounds=True)
                and not nxt.text.lower().endswith(("en", "ern", "nen"))
                and _NAME_END_OR_VERB.match(text, nxt.end)
            ):
                tok.score = nxt.score = 0.6
            # "Alois Baumbach, geb. …", "Masooma (Tochter …)", "Dolunay (9 Jahre)".
            age = tok.text.lower() == "jahre" and _AGE_BEFORE.search(text[: tok.start])
            if tok.text.lower() in TRAILING_CUES or age:
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
                # "laureline kopp ruft …": in lower-case chat a surname that is also a word ("kopp") counts
                # as the last part when a given name no lexicon knows starts the chain.
                while j >= 0 and len(chain) < 3 and (self._chain_word(tokens[j], lower_mode, nouns=False) or (
                        lower_mode and not chain and tokens[j].kind == AMBIGUOUS and not tokens[j].cap and j > 0
                        and self._adjacent(text, tokens[j - 1], tokens[j]) and self._unknown_lower(tokens[j - 1]))):
                    chain.append(tokens[j])
                    if tokens[j].sentence_initial or j == 0 or not self._adjacent(text, tokens[j - 1], tokens[j]):
                        break
                    j -= 1
                if (
                    len(chain) >= 2 and chain[-1].sentence_initial
                    and (chain[-1].kind in (STRONG, UNKNOWN) or (lower_mode and self._unknown_lower(chain[-1])))
                ):
                    for t in chain:
                        t.score = max(t.score, 0.65)
            # "Geiger bittet um Rückruf", "Horn studierte …": a listed surname that is also a noun,
            # at the start without article, before a verb only people do.
            if (
                tok.kind == AMBIGUOUS and tok.cap and tok.sentence_initial and tok.score == 0
                and nxt is not None and gap_after == " " and nxt.text in _ANIMATE_VERBS
                and tok.text.lower() not in TIME_NOUNS and not self._lex.is_function_word(tok.text)
            ):
                tok.score = max(tok.score, 0.6)
            # "Xena hat …", "Cecilie freut sich …": unknown word as a subject.
            # Not after an article: "Die Barmer hat …", "vom Wagen ist …" name a thing or a body.
            # Nor the object of a software or training noun: "Der Zugang zu Stashcat ist beantragt".
            if tok.kind == UNKNOWN and tok.cap and nxt is not None and nxt.text in SUBJECT_VERBS and (
                    not tok.after_determiner or self._family_plural_form(tok)) and tok.prev_low not in THING_PREPOSITIONS \
                    and not object_of_product_noun(tokens, i):
                # ... unless the classifier is sure it is none ("Arbeit und Soziales wurde …")
                if gap_after == " " and (self._context is None or self._context.probability(tok.text) >= MEDIUM_THRESHOLD):
                    tok.score = max(tok.score, 0.6)
            # "Laut Frau Lange wohnt Sbojislaw seit …": subject after the verb.
            if (
                tok.kind == UNKNOWN and tok.cap and not tok.sentence_initial and prev is not None
                and prev.text in SUBJECT_VERBS and text[prev.end : tok.start] == " "
                and nxt is not None and not nxt.cap and gap_after == " "
                # "Heute ist Putztag in …": a predicate noun the lexicon misses looks like no name
                and (self._context is None or self._context.probability(tok.text) >= MEDIUM_THRESHOLD)
            ):
                tok.score = max(tok.score, 0.6)
            # "Habibullahs Schulbegleitung …": an unknown genitive before a noun.
            if (
                tok.kind == UNKNOWN and tok.cap and tok.sentence_initial and tok.text.endswith("s")
                and nxt is not None and nxt.cap and gap_after == " "
                and (self._lex.is_common_noun(nxt.text) or self._lex.is_compound_noun(nxt.text))
                # not a town ("Berlins Bürgermeister") nor an adjective before a neuter noun ("Rotes Kreuz")
                and not self._lex.is_place(tok.text[:-1])
                and not (tok.text.endswith("es") and self._lex.is_neuter_noun(nxt.text))
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
                clause_start = prev is None or tok.sentence_initial or prev.text in _CLAUSE_STARTERS or bool(
                    re.search(r"[,;(]", text[prev.end : tok.start])
                )
                if tok.kind == STRONG and len(tok.text) >= 3 and not self._lex.is_verb_or_adjective(tok.text) and not self._feast_day(tok) and not (
                    tok.sentence_initial and nxt is not None and self._verb_first(text, tok, nxt)
                ):
                    tok.score = max(tok.score, 0.6)
                elif (
                    prev is not None and prev.text in PREPOSITIONS_BEFORE_NAMES and nxt is not None
                    and self._unknown_lower(tok) and gap_after == " "
                    and (nxt.kind == STRONG or self._unknown_lower(nxt))
                    and re.match(r"[ \t]*(?:[,.;:?!)]|$|zu\b|nicht\b)", text[nxt.end :])
                ):
                    # "zu amanuel simonet zu schreiben": two unknown words after a preposition
                    tok.score = max(tok.score, 0.6)
                    nxt.score = max(nxt.score, 0.6)
                elif self._unknown_lower(tok) and (
                    (nxt is not None and nxt.text in SUBJECT_VERBS and gap_after == " " and clause_start)
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
            # "yuting gao kommt …": a town name is a surname as often as a word ("Gao", "Braubach")
            return lower_mode and (tok.kind == STRONG or self._unknown_lower(tok) or (
                self._lex.is_place(tok.text) and not self._lex.is_common_word(tok.text)
                and not self._lex.is_verb_or_adjective(tok.text) and len(tok.text) >= 3))
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
        if "-" in word and not tok.cap and tok.cue is None:
            parts = word.split("-")
            return all(
                len(p) >= 2 and p.isalpha()
                and (lex.is_listed_name(p) or p in NAME_PARTICLES or self._unknown_lower_word(p))
                for p in parts
            ) and not all(p in NAME_PARTICLES for p in parts)
        return not tok.cap and tok.cue is None and self._unknown_lower_word(word)

    def _lower_noun_surname_ok(self, tok: _Token) -> bool:
        word = tok.text
        return (
            tok.cue is None and len(word) >= 3 and word.replace("-", "").isalpha()
            and word not in LOWER_CASE_NON_NAMES and word not in SUBJECT_VERBS
            and word not in _PREDICATE_NOUNS and word not in PREPOSITIONS_BEFORE_NAMES
            and not self._lex.is_closed_class(word)
            and not _is_form_of_address(word)
        )

    def _unknown_lower_word(self, word: str) -> bool:
        lex = self._lex
        return (
            len(word) >= 3
            and word not in LOWER_CASE_NON_NAMES
            and word.replace("-", "").isalpha()
            and not lex.is_common_word(word) and not lex.is_compound_noun(word)
            and not lex.is_place(word) and word not in SUBJECT_VERBS
            and not lex.is_verb_or_adjective(word)
            and word not in TIME_NOUNS and not lex.is_non_person_name(word)
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
