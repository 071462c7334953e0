"""Singular count nouns without a determiner where German needs one: nicknames and surnames that
are words (issue 15 §4).

A German singular count noun takes a determiner ("der Spatz", "ein Igel", "seine Locke"); mass
nouns ("Zucker", "Regen"), nouns without a plural ("Ruhe"), abstract and action nouns ("Bedarf",
"Anspruch", "Hilfe") and nouns of time do not. So where a *subject* or the *object of a preposition*
stands, a bare singular count noun is a name: "Heute hat Locke das Frühstück verweigert", "Für
Spatz wird ein Platz gesucht", "Der Antrag von Feld fand keine Mehrheit".

Each rule looks only at positions where German grammar leaves no room for a bare count noun:

- ``subject_after_finite_verb``: the subject right after the finite verb, with the clause going on
  with an article or (not after "haben") an adverb ("Abends saß Bine lange allein", "hat hutmacher
  den bescheid schon bekommen"). Copulas ("ist", "wurde") are left out: "ist Mitglied des Vereins".
- ``subject_after_copula``: "war Rheder nicht anzutreffen / zu erreichen" (being reachable is said of
  people; a predicate noun takes no "nicht" right after).
- ``subject_after_reflexive``: "zog sich X aus der Politik zurück".
- ``prepositional_object_before_verb``: "für/bei/von/gegenüber X" (and "gemeinsam/zusammen mit X")
  at the end of the first field, right before the finite verb ("Für Bohne wird …", "Der Antrag von
  Feld fand …"). Not "mit X" on its own ("mit Brille sieht er …") nor "ohne X" ("ohne Termin geht
  nichts"): those take bare nouns of things.
- ``subject_with_possessive``: a sentence-initial bare count noun before its verb in a clause with a
  possessive ("bohne hat schon wieder sein handy verloren").
- ``beneficiary_before_occasion``: "für X zum/zur …" ("schreib was nettes für igel zum abschied").
- ``subject_after_fronted_phrase``: the first field is no subject — a prepositional phrase ("Im
  Interview lobte Hase die …", "Nach der Pause fuhr Amsel mit der Rede fort") or a plural noun phrase
  before a singular verb ("Die Unterlagen hat Moll vollständig mitgebracht") — so the subject stands
  right after the finite verb; a bare count noun (or a listed surname) there, before an article, an
  adverb or (with a separable particle closing the clause) a preposition or a bare plural or mass
  object ("Auf Nachfrage räumte Dreher Fehler bei der Planung ein"), is a name.
- ``prepositional_object_before_verb`` also takes the partner after a noun of talking ("Nach
  Rücksprache mit Kang wird …"), a word that looks like a name or a singular count noun that notes do
  not write bare: institutions stand there bare in notes ("Rücksprache mit Schule").

Telegraphic case notes drop articles of what acts in them: "Nach dem Gespräch hat Kita die Mutter
angerufen", "Im Sommer fährt Bus die Strecke nicht", "Heute hat Hamster das Futter verweigert". A noun
that ``stands_bare_in_notes`` — an institution's head word, a noun of ``data/mass_nouns.txt``
(substances, institutions, vehicles, pets) or a compound headed by one ("Regional|bahn") — is never
taken for a name by these rules, nor by the animate-subject and speech-verb rules of ``person_context``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from guardrails.names import DETERMINERS, SUBJECT_VERBS, SURNAME_HEADS, NameLexicon
from guardrails.recognizers.person_tokens import AMBIGUOUS, OTHER, UNKNOWN, Token

# Verb forms that are finite and let a subject follow; copulas and "werden" are not among them
# ("ist Teil des Plans", "wurde Mitglied der Partei": a bare predicate noun).
_COPULAS = frozenset("ist war sind waren wird wurde werden wurden bleibt blieb heißt hieß gilt galt".split())
_HAVE = frozenset("hat hatte haben hatten".split())
KNOWN_FINITE = (
    frozenset(
        """hat hatte haben hatten darf durfte kann konnte muss musste soll sollte will wollte möchte mag
        mochte sagt sagte meint meinte schreibt schrieb ruft rief kommt kam geht ging bringt brachte
        holt holte spielt spielte sitzt saß steht stand liegt lag schläft schlief isst aß weint weinte
        lacht lachte erzählt erzählte fragt fragte braucht brauchte bekommt bekam macht machte""".split()
    )
    | SUBJECT_VERBS
) - _COPULAS
# Determiners that open the next phrase after a subject ("hat Locke das Frühstück …").
_ARTICLES = frozenset(
    """der die das den dem des ein eine einen einem einer eines sein seine seinen seinem seiner
    ihr ihre ihren ihrem ihrer kein keine keinen keinem keiner""".split()
)
# An accusative of time after the article is an adverbial, not the start of an object ("hat Urlaub
# die ganze Woche").
_TIME_ADJECTIVES = ("ganz", "nächst", "letzt", "kommend", "vorig", "gesamt")
# Adverbs that follow a subject right after its verb ("saß Bine lange allein", "kam Locke nicht").
_ADVERBS_AFTER_SUBJECT = frozenset(
    """nicht lange allein heute gestern schon wieder nachts abends morgens mittags oft immer nie noch
    erst gern gerne sofort endlich kaum selten ständig plötzlich auch bereits wirklich total mal
    zuerst zuletzt erneut nochmals""".split()
)
# "war X nicht anzutreffen / zu erreichen / zu sprechen": being reachable is said of people.
_ZU_INFINITIVE = re.compile(r"(?:an|ab|auf|aus|ein|mit|vor|zurück)zu\w+en")
_PREPOSITIONS_AFTER_SUBJECT = frozenset("aus für gegen mit von bei nach zu in an auf um über".split())
_POSSESSIVES = frozenset("sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer".split())
_PREPOSITIONS = frozenset("für bei von gegenüber".split())
_PARTNER_ADVERBS = frozenset({"gemeinsam", "zusammen"})
# Nouns of talking and agreeing: "mit" after them names the partner ("Nach Rücksprache mit X wird …").
_TALK_NOUNS = ("rücksprache", "absprache", "gespräch", "telefonat", "kontakt", "treffen", "vereinbarung", "termin")
# A lexicon noun after a noun of talking must look this much like a name ("Kang"; not "Schule", "Kita").
TALK_PARTNER_SCORE = 0.5
# Prepositions that open a sentence-initial first field ("Im Interview", "Nach dem Krieg").
_FRONTING_PREPOSITIONS = frozenset(
    """im am beim vom zum zur ins ans auf nach vor bei seit in an mit laut trotz wegen während aus unter
    über dank gegenüber""".split()
)
# Finite forms that are singular only: a plural first field before them is no subject.
_SINGULAR_ONLY_FINITE = frozenset(
    "hat hatte wird wurde kann konnte muss musste soll sollte will wollte darf durfte mag mochte möchte".split()
)
# Separable verb particles closing a clause: "fuhr X mit der Rede fort", "kehrte X in die Stadt zurück".
_CLOSING_PARTICLES = frozenset("fort zurück ein an aus durch vor ab auf zu weiter hin her nach bei".split())
_INFLECTED_ADJECTIVE = ("e", "en", "er", "es", "em")
_OCCASION = frozenset({"zum", "zur"})
# Prefixes of action nouns made from verbs ("Bedarf", "Anspruch", "Verlust", "Eintritt"): such nouns
# stand bare in many fixed phrases ("bei Bedarf", "von Vorteil"); never taken for a name here.
_VERB_PREFIXES = (
    "be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "ab", "an", "auf", "aus", "ein", "nach", "vor",
    "zu", "über", "unter", "um", "durch", "wider", "rück", "bei", "mit",
)
_ABSTRACT_ENDINGS = ("ung", "heit", "keit", "schaft", "nis", "tum", "tät", "ion", "ismus", "ik", "enz", "anz")
# A word the compound splitter cuts but no lexicon lists ("Laus|ecker", "Hilfeplan|gespräch") counts as a
# bare noun only if the classifier finds it this name-like (productive German compounds score ~0).
MADE_UP_COMPOUND_SCORE = 0.02
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\n–—\"„“”]")


# Nouns of software and access whose prepositional object is a product, not a person ("Das Update von
# Sinfonie", "der Zugang zu Edupage", "die Lizenz für Careplus"): products are proper names without an
# article, like people.
PRODUCT_HEADS = (
    "update", "updates", "upgrade", "version", "app", "lizenz", "lizenzen", "zugang", "zugangs", "login",
    "konto", "account", "server", "software", "plattform", "installation", "schnittstelle", "datenbank",
    "zugangsdaten", "passwort", "download", "abo", "abonnement", "anbindung", "wartung", "nutzung",
    "einführung", "umstellung", "migration", "support", "hotline", "newsletter", "störung", "ausfall",
)


# Nouns of training whose "zu" names a topic or a product, never a person ("Schulung zu Carecenter");
# "bei", "mit" and "für" after them name people ("Schulung bei X") and are left alone.
TOPIC_HEADS = ("schulung", "schulungen", "einweisung", "fortbildung", "fortbildungen", "workshop", "webinar",
               "tutorial", "anleitung", "handbuch", "infoabend", "informationsabend")


def object_of_product_noun(tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` is the object of a preposition after a noun of software or access, or of "zu"
    after a noun of training."""
    if i < 2 or tokens[i].sentence_initial or tokens[i - 1].sentence_initial:
        return False
    head, prep = tokens[i - 2].text.lower(), tokens[i - 1].text.lower()
    if tokens[i - 2].cap and prep == "zu" and (head in TOPIC_HEADS or (len(head) > 10 and head.endswith(TOPIC_HEADS))):
        return True
    return tokens[i - 2].cap and prep in ("von", "zu", "für", "bei", "über", "mit") and (
        head in PRODUCT_HEADS or (len(head) > 8 and head.endswith(PRODUCT_HEADS)))


@dataclass(frozen=True)
class BareNounRules:
    """Decides whether a token is a bare singular count noun in a position only a name can fill.

    ``is_role_noun`` (a role or relation: "Mutter", "Hausmeister") and ``unknown_lower`` (a
    lower-case word no lexicon knows) come from the person recognizer; ``excluded`` holds its
    other word classes that never count (time nouns, predicate nouns).
    """

    lexicon: NameLexicon
    is_role_noun: Callable[[Token], bool]
    unknown_lower: Callable[[Token], bool]
    excluded: frozenset[str] = frozenset()
    # name score of the classifier; a word only the compound splitter cuts ("Laus|ecker") needs it
    probability: Callable[[str], float] = lambda word: 0.0

    def bare_count_noun(self, tok: Token, lower_mode: bool) -> bool:
        """A singular count noun (or a word no lexicon knows) with no determiner before it."""
        word, low, lex = tok.text, tok.text.lower(), self.lexicon
        if tok.score > 0 or tok.cue is not None or tok.after_determiner or len(word) < 3 or not word.isalpha():
            return False
        if tok.cap and not word[1:].islower():
            return False
        if not tok.cap and not lower_mode:
            return False
        if (lex.is_function_word(word) or low in self.excluded or lex.is_plural_only(word)
                or lex.is_non_person_name(word) or self.is_role_noun(tok) or lex.is_person_noun(word)
                or low.endswith(_ABSTRACT_ENDINGS)):
            return False
        if tok.cap and tok.kind == UNKNOWN:
            return True
        if not tok.cap and (self.unknown_lower(tok) or (
                not lex.is_common_word(word) and not lex.is_verb_or_adjective(word) and not lex.is_place(word))):
            return True  # in chat typed in lower case, a "compound" no lexicon lists ("latulippe") too
        if (tok.cap and tok.kind == OTHER and not lex.is_common_word(word) and lex.is_compound_noun(word)
                and not lex.is_place(word) and not lex.is_verb_or_adjective(word)
                and not stands_bare_in_notes(lex, word)
                and self.probability(word) >= MADE_UP_COMPOUND_SCORE):
            return True  # "Lausecker": no lexicon lists it, only the splitter cuts it, and it looks like a name
        if tok.kind not in (OTHER, AMBIGUOUS):
            return False
        if not lex.is_singular_count_noun(word) or (lex.is_verb_or_adjective(word) and not tok.cap):
            return False
        if lex.is_compound_noun(word) and not low.endswith(("chen", "lein")):
            return False  # "Frühstück", "Tagesgruppe": a compound is a thing
        if stands_bare_in_notes(lex, word):
            return False  # "Heute hat Hort angerufen", "Gestern kam Sammeltaxi zu spät"
        return not any(low.startswith(p) and len(low) > len(p) + 2 for p in _VERB_PREFIXES)

    # -- positions -----------------------------------------------------------------------------

    def subject_after_finite_verb(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"Heute Morgen hat Locke das Frühstück verweigert", "Abends saß Bine lange allein"."""
        if i == 0 or tokens[i].sentence_initial or i + 1 >= len(tokens) or tokens[i + 1].sentence_initial:
            return False
        tok, verb, nxt = tokens[i], tokens[i - 1], tokens[i + 1]
        if text[verb.end : tok.start] != " " or text[tok.end : nxt.start] != " " or verb.cap and not lower_mode:
            return False
        if not self._finite(text, tokens, i - 1, lower_mode) or not self.bare_count_noun(tok, lower_mode):
            return False
        nxt_low = nxt.text.lower()
        if nxt_low in _ARTICLES and not nxt.cap:
            after = tokens[i + 2].text.lower() if i + 2 < len(tokens) else ""
            return not after.startswith(_TIME_ADJECTIVES)
        return nxt_low in _ADVERBS_AFTER_SUBJECT and not nxt.cap and verb.text.lower() not in _HAVE

    def subject_after_copula(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"Beim Hausbesuch war Rheder nicht anzutreffen": after a copula a bare noun is a predicate
        ("ist Teil des Plans", "wurde Mitglied der Partei") — which an article, a genitive or a
        preposition follows, never "nicht" or an adverb of time right away."""
        if i < 2 or tokens[i].sentence_initial or i + 1 >= len(tokens) or tokens[i + 1].sentence_initial:
            return False
        tok, verb, nxt = tokens[i], tokens[i - 1], tokens[i + 1]
        if verb.text not in _COPULAS or verb.sentence_initial or tokens[i - 2].sentence_initial and tokens[i - 2].text.lower() in ("es", "das", "dies"):
            return False
        if text[verb.end : tok.start] != " " or text[tok.end : nxt.start] != " " or nxt.cap:
            return False
        if lower_mode or nxt.text != "nicht" or i + 2 >= len(tokens) or not self.bare_count_noun(tok, lower_mode):
            return False  # "gestern war bus wieder zu spät": chat drops articles of things too
        after = tokens[i + 2].text
        return after == "zu" or bool(_ZU_INFINITIVE.fullmatch(after))  # "nicht anzutreffen", "nicht zu erreichen"

    def subject_after_reflexive(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"Später zog sich Armbruster aus der Politik zurück": the subject after "VERB sich", then a
        preposition, an article or an adverb. What stands there bare is otherwise a mass or abstract
        noun ("zeigte sich Besserung", "bildete sich Schimmel")."""
        if i < 2 or tokens[i].sentence_initial or i + 1 >= len(tokens) or tokens[i + 1].sentence_initial:
            return False
        tok, sich, verb, nxt = tokens[i], tokens[i - 1], tokens[i - 2], tokens[i + 1]
        if sich.text != "sich" or any(text[a.end : b.start] != " " for a, b in ((verb, sich), (sich, tok), (tok, nxt))):
            return False
        if not self._finite(text, tokens, i - 2, lower_mode) and not (self._content_word(verb) and not verb.sentence_initial):
            return False
        if nxt.cap or not (self.bare_count_noun(tok, lower_mode) or (not lower_mode and self._unlisted_name_shape(tok))):
            return False
        nxt_low = nxt.text.lower()
        return nxt_low in _ARTICLES or nxt_low in _ADVERBS_AFTER_SUBJECT or nxt_low in _PREPOSITIONS_AFTER_SUBJECT

    def prepositional_object_before_verb(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"Für Spatz wird ein Platz gesucht", "Der Antrag von Feld fand keine Mehrheit",
        "Gemeinsam mit Rusch veröffentlichte sie …": the prepositional object closes the first field."""
        if i == 0 or tokens[i].sentence_initial or i + 1 >= len(tokens) or tokens[i + 1].sentence_initial:
            return False
        tok, prep, verb = tokens[i], tokens[i - 1], tokens[i + 1]
        if text[prep.end : tok.start] != " " or text[tok.end : verb.start] != " ":
            return False
        prep_low = prep.text.lower()
        partner = prep_low == "mit" and i >= 2 and tokens[i - 2].text.lower() in _PARTNER_ADVERBS
        talk = (prep_low == "mit" and not partner and i >= 2 and tokens[i - 2].cap
                and tokens[i - 2].text.lower().endswith(_TALK_NOUNS))
        if prep_low not in _PREPOSITIONS and not partner and not talk:
            return False
        if verb.cap and not lower_mode or not self.bare_count_noun(tok, lower_mode) or object_of_product_noun(tokens, i):
            return False
        if talk and self.lexicon.is_common_word(tok.text) and self.probability(tok.text) < TALK_PARTNER_SCORE and (
                stands_bare_in_notes(self.lexicon, tok.text) or not self.lexicon.is_singular_count_noun(tok.text)):
            return False  # "Nach Rücksprache mit Schule wird …": notes drop the article of an institution
        if not (verb.text in KNOWN_FINITE or verb.text in _COPULAS or self._content_word(verb)):
            return False
        # Only capitalised words and function words before the preposition: the verb after the
        # object is the finite verb in second position, not the end of a longer clause.
        start = i - 1
        while start > 0 and not tokens[start].sentence_initial:
            start -= 1
        if any(_CLAUSE_BREAK.search(text[a.end : b.start]) for a, b in zip(tokens[start : i], tokens[start + 1 : i + 1])):
            return False
        return all(t.cap or self.lexicon.is_function_word(t.text) for t in tokens[start : i - 1])

    def subject_with_possessive(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"bohne hat schon wieder sein handy verloren": a sentence-initial bare count noun before its
        finite verb, in a clause that uses a possessive ("sein", "ihre") — the writer uses determiners,
        so the subject without one is a name. Telegraphic notes ("Termin wurde verschoben") have no
        possessive and copulas are left out."""
        tok = tokens[i]
        if not tok.sentence_initial or i + 1 >= len(tokens) or text[tok.end : tokens[i + 1].start] != " ":
            return False
        verb = tokens[i + 1]
        if verb.text not in KNOWN_FINITE or verb.cap or not self.bare_count_noun(tok, lower_mode):
            return False
        for a, b in zip(tokens[i + 1 :], tokens[i + 2 :]):
            if b.sentence_initial or _CLAUSE_BREAK.search(text[a.end : b.start]):
                return False
            if b.text.lower() in _POSSESSIVES and not b.cap:
                return True
        return False

    def beneficiary_before_occasion(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"schreib bitte was nettes für bohne zum abschied": "für X zum/zur …"."""
        if i == 0 or i + 1 >= len(tokens):
            return False
        tok, prep, nxt = tokens[i], tokens[i - 1], tokens[i + 1]
        return (prep.text.lower() == "für" and nxt.text.lower() in _OCCASION and text[prep.end : tok.start] == " "
                and text[tok.end : nxt.start] == " " and self.bare_count_noun(tok, lower_mode))

    def subject_after_fronted_phrase(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"Im Interview lobte Hase die Zusammenarbeit", "Nach der Pause fuhr Amsel mit der Rede fort",
        "Die Unterlagen hat Moll vollständig mitgebracht": the subject right after the finite verb when
        the first field cannot be the subject."""
        if lower_mode or i < 3 or tokens[i].sentence_initial or i + 1 >= len(tokens) or tokens[i + 1].sentence_initial:
            return False
        tok, verb, nxt = tokens[i], tokens[i - 1], tokens[i + 1]
        if verb.cap or text[verb.end : tok.start] != " " or text[tok.end : nxt.start] != " ":
            return False
        field = self._fronted_field(text, tokens, i - 1)
        if field is None:
            return False
        if not (self.bare_count_noun(tok, lower_mode) or self._unlisted_name_shape(tok)):
            return False
        if is_institution_head(tok.text):
            return False  # "Seit Oktober zahlt Werkstatt den Lohn aus": notes drop the article of an institution
        low = tok.text.lower()
        if low.endswith("en") and self.lexicon.is_neuter_noun(tok.text):
            return False  # "Im Frühjahr kehrte Leben in das Haus zurück": an infinitive used as a noun
        nxt_low = nxt.text
        if nxt.cap:
            # "Auf Nachfrage räumte Dreher Fehler ein": a bare plural or mass noun as the object, the
            # clause closed by a separable particle; not a listed name ("räumte Anna Fehler ein" is left
            # to the name rules) and not a singular count noun (that would be the subject's second half)
            return self._bare_object_then_particle(text, tokens, i + 1)
        if nxt_low in _ARTICLES:
            after = tokens[i + 2].text.lower() if i + 2 < len(tokens) else ""
            return not after.startswith(_TIME_ADJECTIVES)
        if nxt_low in _ADVERBS_AFTER_SUBJECT:
            return True
        if field == "plural":
            # "hat Moll vollständig mitgebracht": an adverb or adjective before the closing participle
            return self.lexicon.is_verb_or_adjective(nxt_low) and not self.lexicon.is_function_word(nxt_low) and (
                i + 2 < len(tokens) and not tokens[i + 2].cap)
        if nxt_low in _PREPOSITIONS_AFTER_SUBJECT:
            return self._closing_particle(text, tokens, i + 1) > i + 2
        return False

    def _bare_object_then_particle(self, text: str, tokens: list[Token], j: int) -> bool:
        """``tokens[j]`` is a bare plural or mass noun object ("Fehler", "Zweifel", "Geld") followed by a
        lower-case word, in a clause that a separable particle closes ("… Fehler bei der Planung ein")."""
        obj, lex = tokens[j], self.lexicon
        if j + 1 >= len(tokens) or tokens[j + 1].cap or text[obj.end : tokens[j + 1].start] != " ":
            return False
        if obj.score > 0 or obj.kind not in (OTHER, AMBIGUOUS) or lex.is_listed_name(obj.text) or not lex.is_common_noun(obj.text):
            return False
        if not (lex.is_plural_noun(obj.text) or obj.text.lower() in lex.mass_nouns):
            return False
        return self._closing_particle(text, tokens, j + 1) > j + 1

    @staticmethod
    def _closing_particle(text: str, tokens: list[Token], j: int) -> int:
        """Index of the separable particle closing the clause that ``tokens[j]`` is in ("… fort."), or -1."""
        end = next((k for k in range(j, len(tokens))
                    if k + 1 == len(tokens) or _CLAUSE_BREAK.search(text[tokens[k].end : tokens[k + 1].start])
                    or tokens[k + 1].text in ("und", "oder", "aber")), -1)
        return end if end >= 0 and tokens[end].text in _CLOSING_PARTICLES else -1

    def _unlisted_name_shape(self, tok: Token) -> bool:
        """A listed name that is also a word ("Weiss", "Moll"), or a capitalised word no lexicon knows
        that only its ending made look like an adjective ("Brant"): bare where a subject stands."""
        word, lex = tok.text, self.lexicon
        if not tok.cap or tok.cue is not None or tok.after_determiner or tok.score > 0 or len(word) < 3:
            return False
        if not word.isalpha() or not word[1:].islower() or lex.is_function_word(word) or word.lower() in self.excluded:
            return False
        if tok.kind == AMBIGUOUS:
            return not lex.is_plural_only(word) and not self.is_role_noun(tok)
        return (tok.kind == OTHER and not lex.is_common_word(word) and not lex.is_compound_noun(word)
                and not lex.is_place(word) and not lex.is_non_person_name(word) and not lex.is_verb_or_adjective(word))

    def _fronted_field(self, text: str, tokens: list[Token], j: int) -> str | None:
        """What stands before the finite verb at ``j`` when that is no subject: "pp" for a prepositional
        phrase opening the sentence ("Im Interview", "Nach einer kurzen Pause", "Im Jahr 2004"), "plural"
        for a plural noun phrase before a verb that is singular only ("Die Unterlagen hat …")."""
        verb = tokens[j]
        if verb.cap or not verb.text.isalpha() or verb.text in _COPULAS:
            return None
        start = j - 1
        while start > 0 and not tokens[start].sentence_initial:
            start -= 1
        field = tokens[start:j]
        if not (2 <= len(field) <= 5) or not field[0].sentence_initial or not field[0].cap:
            return None
        if any(_CLAUSE_BREAK.search(text[a.end : b.start]) for a, b in zip(tokens[start:j], tokens[start + 1 : j + 1])):
            return None
        lex = self.lexicon
        first = field[0].text.lower()
        if first in _FRONTING_PREPOSITIONS:
            if not (verb.text in KNOWN_FINITE or (self._content_word(verb) and not lex.is_common_noun(verb.text))):
                return None
            if not (field[-1].cap or field[-1].text.isdigit()):
                return None
            if all(t.cap or t.text.isdigit() or lex.is_function_word(t.text)
                   or (t.after_determiner and t.text.endswith(_INFLECTED_ADJECTIVE)) for t in field[1:]):
                return "pp"
            return None
        if (len(field) == 2 and first in ("die", "diese", "alle") and verb.text in _SINGULAR_ONLY_FINITE
                and lex.is_plural_only(field[1].text)):
            return "plural"
        return None

    # -- helpers -------------------------------------------------------------------------------

    def _content_word(self, tok: Token) -> bool:
        return (not tok.cap and len(tok.text) >= 3 and tok.text.isalpha()
                and not self.lexicon.is_function_word(tok.text) and tok.text not in _PREPOSITIONS)

    def _finite(self, text: str, tokens: list[Token], j: int, lower_mode: bool) -> bool:
        """The token at ``j`` is a finite verb: a known form, or (in normal typing) the lower-case word
        right after a one-word first field ("Abends saß …")."""
        verb = tokens[j]
        low = verb.text.lower()
        if low in _COPULAS or (verb.cap and not lower_mode):
            return False
        if low in KNOWN_FINITE:
            return True
        return (not lower_mode and j >= 1 and tokens[j - 1].sentence_initial and tokens[j - 1].cap
                and text[tokens[j - 1].end : verb.start] == " " and self._content_word(verb)
                and not self.lexicon.is_common_noun(verb.text))


# Shortest modifier and head of a compound whose head stands bare ("Schul|bus", "Regional|bahn").
_BARE_HEAD_MIN = 3
_MODIFIER_MIN = 3


def is_institution_head(word: str) -> bool:
    """"Kita", "Hort", "Werkstatt", "Verein": an institution's head word (``data/institution_words.tsv``,
    strong and weak heads). Case notes drop its article when the institution acts ("Kita hat
    angerufen"); on its own it is never a person's name."""
    return word[:1].upper() + word[1:].lower() in _institution_heads()


def stands_bare_in_notes(lexicon: NameLexicon, word: str, person_slot: bool = False) -> bool:
    """A noun that notes write without an article where it acts or is acted on, so that its bare
    form is no sign of a name: an institution's head word ("Hort hat angerufen"), a noun of the
    mass-noun list (``data/mass_nouns.txt``: "Polizei hat …", "Bus kam zu spät", "Hund muss zum
    Tierarzt"), or a compound whose head is one of them ("Regional|bahn", "Sammel|taxi", "Kinder|krippe",
    "Meer|schwein|chen") — the lexicon lists many such compounds whole, so the splitter does not cut them.
    A listed name is excepted unless it is an institution's head word: "Frost", "Pfeffer", "Stein" are
    mass nouns and common surnames, and where only a person stands they are the surname. In such a slot
    (``person_slot``: the subject of a verb only people and animals do) only institutions, the vehicles
    and pets of ``data/actor_nouns.txt`` and compounds headed by them count: other mass nouns there are
    surnames too ("Zucker hat angerufen")."""
    low = word.lower()
    if is_institution_head(word):
        return True
    if lexicon.is_listed_name(word):
        return False  # "erklärte Frost, …", "Wie Pfeffer betonte": a listed surname that is a mass noun speaks
    bare = lexicon.actor_nouns if person_slot else lexicon.mass_nouns
    if low in bare:
        return True
    if not lexicon.is_common_noun(word):
        # a compound no lexicon lists is the splitter's to judge ("Kaltwasser" may be a surname), unless
        # a vehicle, pet or institution heads it ("Bürger|bus", "Bürger|amt", "Betreuungs|gericht")
        return lexicon.is_compound_noun(word) and _headed_by(lexicon.actor_nouns, low)
    if low.endswith(("chen", "lein")):
        low = low[:-4]  # "Meerschweinchen": the diminutive of a compound is a compound
    return _headed_by(bare, low)


def _headed_by(heads: frozenset[str], low: str) -> bool:
    """``low`` ends in one of ``heads`` or in an institution's head word, after a modifier, and that head is no
    common ending of family names ("-stein", "-hof")."""
    for cut in range(_MODIFIER_MIN, len(low) - _BARE_HEAD_MIN + 1):
        head = low[cut:]
        if (head in heads or is_institution_head(head)) and head not in SURNAME_HEADS:
            return True
    return False


@functools.cache
def _institution_heads() -> frozenset[str]:
    """Head words of institutions ("Kita", "Hort", "Schule", "Praxis"; ``data/institution_words.tsv``)."""
    from guardrails.recognizers.institution import InstitutionVocabulary

    vocabulary = InstitutionVocabulary.load()
    return frozenset(vocabulary.heads | vocabulary.weak_heads)
