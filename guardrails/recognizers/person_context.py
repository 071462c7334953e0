"""Unfamiliar person names shown by where they stand (issue 15 §4).

The name lists cannot know "Lindqvist", "Kaltenegger" or "Okonkwo". A word is a *candidate* when
it is capitalised (or, in text typed in lower case, any word) and no lexicon knows it: not a noun
form or compound, not a place, not a function word, not a known brand or organisation word. A
candidate is taken for a name when the name classifier's score reaches the threshold of its
*position*:

- strong positions (threshold ``STRONG_THRESHOLD``): next to a verb of saying ("sagte X",
  "X betonte"), after a role or relation noun ("Trainerin X", "ihr Schwager X"), the end of a
  prepositional phrase ("mit X."), a plural of a family ("die Xs", "bei den Xs"), a possessive
  before a noun ("Xs Antrag", "X' Wunsch"), a member of a list with another name ("A, B und X"),
  after "nennen … nur", before "aus der/dem";
- medium positions (``MEDIUM_THRESHOLD``): the subject after a finite verb ("fuhr X fort",
  "setzte sich X durch"), after a subordinating conjunction ("da X sich …"), a sentence-initial
  subject before its verb ("X widersprach"), two name-like words in a row;
- anywhere else inside a sentence, not after an article: only very name-like words
  (``PLAIN_THRESHOLD``).

The subject of a verb of saying ("erklärte X,", "Wie X betonte", "Da X sich …") is a person: there a
word no lexicon knows counts whatever its score, and a bare singular count noun ("Klempner",
"Kessel") is a surname, since the noun would need an article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from guardrails.name_classifier import NameClassifier
from guardrails.names import (
    DETERMINERS,
    FOREIGN_COMMON_WORDS,
    LOWER_CASE_NON_NAMES,
    PERSONAL_TITLES,
    PREPOSITIONS_BEFORE_NAMES,
    SUBJECT_CONJUNCTIONS,
    SUBJECT_VERBS,
    NameLexicon,
)
from guardrails.recognizers.bare_nouns import (
    KNOWN_FINITE,
    BareNounRules,
    is_institution_head,
    object_of_product_noun,
    stands_bare_in_notes,
)
from guardrails.recognizers.person_tokens import AMBIGUOUS, INITIAL, OTHER, STRONG, UNKNOWN, Token

# Thresholds on the classifier's score by position. After a role noun a word no lexicon knows is a
# name unless the classifier is sure it is not ("Trainerin Odermatt"); elsewhere the weaker the
# position, the more name-like the word must look.
# Lowered in issue 15's second round (0.05/0.12/0.4 before): rare German surnames ("Graner",
# "Kinadeter") look like nouns to the classifier; on the dev split no clean sentence got a finding more.
ROLE_THRESHOLD = 0.0
STRONG_THRESHOLD = 0.01
MEDIUM_THRESHOLD = 0.02
PLAIN_THRESHOLD = 0.9
SUFFIX_THRESHOLD = 0.005
# Lower-case chat: verbs and adjectives are not in the noun lexicon, so more is asked of a word.
# Lowered in the second round (0.3/0.5/0.7 before), once verb and adjective forms are known words.
LOWER_CASE_THRESHOLDS = {3: 0.05, 2: 0.05, 1: 0.25, 0: 0.9}
# A word that only its ending made look like an adjective or participle ("Gehrig", "Hollig").
SHAPE_PENALTY = 0.25
# ... unless the classifier is sure of it all the same ("hat Beckert vollständig mitgebracht").
SHAPED_NAME_SCORE = 0.6
# The compound splitter also splits foreign names ("Xiao|ling", "Berre|fjord"); a made-up
# compound scores near 0, so a word this name-like is a name candidate all the same.
COMPOUND_OVERRIDE = 0.8
_TINY = 1e-6
LOOSE_LOWER_THRESHOLD = 0.4
LOWER_LOOSE_CANDIDATE = 0.7
VETO_THRESHOLD = 0.02
# A sentence-initial word before its verb: the weakest position that still counts.
SENTENCE_START_THRESHOLD = 0.2
_AFTER_VERB_FIRST = frozenset("Sie du wir ihr man es mir mich dir dich uns euch bitte mal doch".split())  # a candidate's score is never 0: 0 means "no candidate"

SPEECH_VERBS = frozenset(
    """sagte sagt sagten meinte meint betonte betont erklärte erklärt berichtete berichtet
    kritisierte kritisiert forderte fordert warnte warnt ergänzte ergänzt fragte fragt antwortete
    antwortet schrieb schreibt widersprach widerspricht räumte lobte lobt kündigte sprach spricht
    erzählte erzählt bestätigte bestätigt verteidigte verteidigt entgegnete erwiderte versicherte
    mahnte unterstrich bekräftigte zufolge so laut""".split()
)
# Verbs of saying that take a clause, not an object: the bare word next to them is their subject
# ("erklärte Klempner, man habe …", "Wie Kessel betonte, …"). Not "laut", "so", "zufolge"
# ("laut Gutachter": notes drop the article) nor "lobte"/"forderte" (an object may follow bare).
CLAUSE_SPEECH_VERBS = frozenset(
    """sagte sagt meinte meint betonte betont erklärte erklärt berichtete berichtet ergänzte ergänzt
    antwortete antwortet entgegnete entgegnet erwiderte erwidert versicherte versichert unterstrich
    bekräftigte bekräftigt widersprach widerspricht""".split()
)
# Particles of Arabic names, written capitalised before the family name ("El Idrissi", "Abu Khalil").
ARABIC_PARTICLES = frozenset("El Al Abu Ben Bin Ibn Ould Abd Ait".split())
# Prepositions before a person at the end of a phrase ("Anruf von X.", "gegenüber X betonte").
PREPOSITIONS = PREPOSITIONS_BEFORE_NAMES | frozenset("gegenüber laut neben hinter seitens mitsamt samt".split())
# Prepositions whose object is a place, a channel or a medium, never a person ("in Jira",
# "per Sdui", "via Signal").
THING_PREPOSITIONS = frozenset("in per via".split())
# Conjunctions after which the subject follows ("da X sich weigerte", "wie X betonte").
CONJUNCTIONS = SUBJECT_CONJUNCTIONS | frozenset("da wie seit bis während sodass weshalb wohingegen".split())
# Heads of nouns that name a role or relation of a person: "Trainerin", "Schulleiter", "Großtante".
ROLE_HEADS = (
    "leiter", "leiterin", "arzt", "ärztin", "meister", "meisterin", "betreuer", "betreuerin",
    "trainer", "trainerin", "rat", "rätin", "direktor", "direktorin", "sprecher", "sprecherin",
    "lehrer", "lehrerin", "pfleger", "pflegerin", "berater", "beraterin", "helfer", "helferin",
    "tante", "onkel", "schwager", "schwägerin", "gefährte", "gefährtin", "kollege", "kollegin",
    "freund", "freundin", "nachbar", "nachbarin", "architekt", "architektin", "anwalt", "anwältin",
    "richter", "richterin", "minister", "ministerin", "präsident", "präsidentin", "vorsitzende",
    "vorsitzender", "autor", "autorin", "künstler", "künstlerin", "spieler", "spielerin",
    "kommissar", "kommissarin", "pfarrer", "pfarrerin", "professor", "professorin", "arbeiter",
    "arbeiterin", "erzieher", "erzieherin", "mutter", "vater", "sohn", "tochter", "bruder",
    "schwester", "oma", "opa", "cousin", "cousine", "enkel", "enkelin", "neffe", "nichte",
    "vormund", "vormündin", "schüler", "schülerin", "kind", "klient", "klientin", "patient",
    "patientin", "bewohner", "bewohnerin", "mitarbeiter", "mitarbeiterin", "fachkraft",
    "therapeut", "therapeutin", "psychologe", "psychologin", "sekretär", "sekretärin", "abgeordnete",
    "abgeordneter", "bürgermeister", "bürgermeisterin", "dozent", "dozentin", "forscher",
    "forscherin", "journalist", "journalistin", "referent", "referentin", "hausmeister", "koch",
    "köchin", "fahrer", "fahrerin", "zeuge", "zeugin", "schriftsteller", "schriftstellerin",
    "maler", "malerin", "musiker", "musikerin", "sänger", "sängerin", "gründer", "gründerin",
    "partner", "partnerin", "ehemann", "ehefrau", "mann", "frau", "stürmer", "torwart", "doktor",
    "doktorin", "mama", "mami", "papa", "papi", "mutti", "vati", "omi", "opi",
)  # fmt: skip
_ABSTRACT_ENDINGS = ("ung", "heit", "keit", "schaft", "nis", "tum", "tät", "ion", "ismus", "ik", "enz", "anz")
_VERBISH_END = ("te", "ten", "t", "en", "e")
_LIST_JOINERS = frozenset({"und", "oder", "sowie", "&"})
_PLURAL_ARTICLES = frozenset({"die", "den", "der"})
# Finite auxiliaries and modals are stop words, but the subject follows them too ("darf X …").
_FINITE_AUXILIARIES = frozenset(
    "darf dürfen kann können muss müssen soll sollen will wollen möchte hat hatte ist war wird wurde".split()
)
# Nouns that follow a verb as its object or predicate, never as a subject ("haben Durst").
_OBJECT_LIKE_NOUNS = frozenset(
    """angst hilfe geld zeit bescheid hunger durst fieber lust spaß ärger stress sorge sorgen recht glück pech
    mut heimweh post besuch unterricht nachhilfe essen arbeit schule urlaub ruhe antwort rat mühe freude
    kummer termin absicht nachdruck bedarf wunsch
    hälfte mehrheit minderheit rest großteil""".split())
_PLURAL_VERBS = frozenset("sind waren haben hatten wollen wollten können konnten müssen mussten".split())
# Verbs that take a bare noun as part of the verb ("Ball spielen", "Rad fahren", "Ski laufen"): a noun
# right before one of their forms is that object, not a name.
_INCORPORATING_FORMS = frozenset(
    """spielen spielt spielte spielten gespielt fahren fährt fuhr fuhren gefahren laufen läuft lief liefen
    gelaufen""".split())
_NAMING_VERBS = frozenset("nennen nennt nannte nannten rufen ruft riefen".split())
# A modal verb wants a person as subject: "Heute wollte Jojo nicht mit", "darf Krümel auch …".
# Verbs of telling and writing to someone: "wie sag ich X, dass …", "was schreib ich X".
_TELLING_VERBS = frozenset(
    "sag sage erkläre erklär schreib schreibe antworte erzähl erzähle bring beibringe mitteile teile vermittle".split()
)
_MODALS = frozenset("will wollte möchte mochte mag darf durfte kann konnte soll sollte muss musste".split())
_AFTER_MODAL_SUBJECT = frozenset("nicht auch heute schon noch gern gerne lieber unbedingt sofort endlich wieder jetzt".split())
# Subordinators after which the subject stands; an article or "sich" right after the subject shows
# the clause goes on ("seit Kiwi die neue Brille hat", "weil Krüger keine …").
# Verb forms whose subject (or, with "mit … gesprochen", partner) is a person: crying, sleeping,
# quarrelling, wanting — and states only people (or animals) are in: ill, present or absent, pregnant, dead
# ("Fuchs war heute krank"). A thing does none of this; a bare count noun doing it is a name.
ANIMATE_FORMS = frozenset(
    """weint weinte geweint weinen schläft schlief geschlafen schlafen streitet stritt gestritten streiten
    lacht lachte gelacht lachen spielt spielte gespielt spielen hilft half geholfen helfen erzählt erzählte
    erzählen sagt sagte gesagt sagen wohnt wohnte gewohnt wohnen lebt lebte gelebt leben arbeitet arbeitete
    gearbeitet arbeiten isst aß gegessen essen trinkt trank getrunken lernt lernte gelernt lernen spricht
    sprach gesprochen sprechen besucht besuchte besucht mitgemacht mitmachen ruft rief gerufen freut freute
    gefreut ärgert ärgerte geärgert schreit schrie geschrien redet redete geredet träumt träumte geträumt
    kocht kochte gekocht tanzt tanzte getanzt singt sang gesungen malt malte gemalt feiert feierte gefeiert
    gefeiert lügt log gelogen haut gehauen schlägt schlug geschlagen beißt biss gebissen verweigert
    verweigerte verweigern weggelaufen abgehauen geklaut klaut telefoniert telefonierte telefonieren
    gestritten geweint vermisst vermisste kuschelt gekuschelt will wollte wollen möchte möchten mag mochte
    darf durfte dürfen angerufen anrufen gefragt erkundigt
    studiert studierte studierten promoviert promovierte heiratet heiratete geheiratet kandidiert kandidierte
    habilitierte emigrierte
    krank erkrankt anwesend abwesend schwanger gestorben verstorben""".split()
)
# Non-finite forms that close the verb bracket ("hat X geholfen", "konnte X nicht schlafen").
_ANIMATE_NONFINITE = frozenset(w for w in ANIMATE_FORMS if w.startswith("ge") or w.endswith("en"))
# Speaking with someone: "mit X wurde gesprochen", "wie spreche ich mit X über …".
_SPEAKING_FORMS = frozenset(
    "gesprochen spreche sprechen spricht sprach geredet rede reden redet telefoniert telefoniere telefonieren"
    # agreeing with someone: "Mit X wurde vereinbart, dass …"
    " vereinbart abgesprochen verabredet ausgehandelt".split())
_SINGULAR_FINITE = frozenset("will wollte möchte mag mochte darf durfte kann konnte soll sollte muss musste hat hatte ist war".split())
_PRONOUNS = frozenset("ich du er sie es wir ihr man".split())
_FINITE_BEFORE_SUBJECT = _FINITE_AUXILIARIES | _MODALS | frozenset("haben sind waren hatten wurde wurden".split())
_SUBORDINATORS = frozenset("seit weil da dass daß wenn ob obwohl nachdem als sobald falls".split())
_AFTER_SUBJECT = DETERMINERS | frozenset("sich ihn ihm ihr kein keine keinen".split())
# Nouns of time stand without article ("seit Januar", "bis Montag", "an Nikolaus", "zu Diwali"):
# months, weekdays, seasons, and the holidays and festivals of the faiths and customs of clients
# and staff in Germany.
FESTIVALS = frozenset(
    """ostern pfingsten weihnachten silvester neujahr karfreitag gründonnerstag ostersonntag ostermontag
    pfingstsonntag pfingstmontag himmelfahrt fronleichnam allerheiligen allerseelen reformationstag rosenmontag aschermittwoch fasching fastnacht karneval
    nikolaus nikolaustag heiligabend erntedank advent martinstag sankt-martin valentinstag muttertag
    vatertag weltkindertag halloween buß bettag ramadan zuckerfest opferfest bayram kurban ramazan
    chanukka hanukkah pessach purim sukkot diwali holi vesak nowruz newroz eid""".split()
)
TIME_NOUNS = FESTIVALS | frozenset(
    """januar februar märz april mai juni juli august september oktober november dezember montag dienstag
    mittwoch donnerstag freitag samstag sonnabend sonntag frühling sommer herbst winter mittag abend morgen
    nacht gestern vorgestern heute übermorgen vormittag nachmittag""".split()
)
# Prepositions before a name's genitive and its noun ("nach Xs Tod", "laut Xs Ärztin").
_GENITIVE_PREPOSITIONS = frozenset("nach laut wegen trotz zu mit von bei für über seit auf aus gegen ohne um unter vor".split())
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\n]")
_END = re.compile(r"[ \t]*(?:[,.;:?!)\n]|$)")


@dataclass(frozen=True)
class _Candidate:
    probability: float
    stem_end: int  # end of the name part inside the token (genitive/plural "s" excluded)


class ContextNameFinder:
    """Marks unfamiliar names by position and the name classifier (sets ``Token.score``)."""

    def __init__(self, lexicon: NameLexicon, classifier: NameClassifier,
                 unknown_lower: Callable[[Token], bool]) -> None:
        self._lex = lexicon
        self._clf = classifier
        self._unknown_lower = unknown_lower
        self._bare = BareNounRules(lexicon, self._is_role_noun, unknown_lower, TIME_NOUNS | _OBJECT_LIKE_NOUNS,
                                   self.probability)

    def __repr__(self) -> str:
        return f"ContextNameFinder({self._clf!r})"

    # -- candidates ------------------------------------------------------------------------

    def _known_word(self, word: str) -> bool:
        low = word.lower()
        lex = self._lex
        return (
            lex.is_common_word(word) or lex.is_compound_noun(word) or lex.is_place(word) or low in TIME_NOUNS
            or self._lex.is_non_person_name(low) or low in FOREIGN_COMMON_WORDS
        )

    def probability(self, word: str) -> float:
        """Name score of a word; a double name scores as the mean of its parts."""
        parts = [p for p in re.split(r"[-'’]", word) if p]
        if not parts:
            return 0.0
        return sum(self._clf.probability(p) for p in parts) / len(parts)

    def candidate(self, tok: Token, lower_mode: bool) -> float:
        """The name score of a word no lexicon knows; 0 for everything else."""
        if tok.score > 0 or tok.cue is not None or len(tok.text) < 2:
            return 0.0
        word = tok.text
        if tok.cap and tok.sentence_initial and self._lex.is_verb_or_adjective(word):
            return 0.0  # "Mach …", "Schreib …": an imperative at the start
        if tok.cap:
            if tok.kind == UNKNOWN and not self._lex.is_non_person_name(word) and word.lower() not in TIME_NOUNS:
                return max(self.probability(word), _TINY)
            if tok.kind != OTHER or self._lex.is_function_word(word) or self._lex.is_place(word):
                return 0.0
            if self._name_shaped_unknown(word):
                return max(self.probability(word) - SHAPE_PENALTY, _TINY)
            return self._compound_override(word)
        if lower_mode and self._unknown_lower(tok) and not self._lex.is_non_person_name(word):
            return max(self.probability(word), _TINY)
        if lower_mode and not self._lex.is_function_word(word):
            # Ends like a verb ("lindqvist", "-st") or cut as a compound: only if it looks like a name.
            loose = self._loose_lower(tok)
            return loose if loose >= LOWER_LOOSE_CANDIDATE else self._compound_override(word)
        return 0.0

    def _compound_override(self, word: str) -> float:
        """"Xiaoling", "Berrefjord", "Kang-Nam": split as compounds, scored as names."""
        low = word.lower()
        if self._lex.is_non_person_name(low) or low in FOREIGN_COMMON_WORDS or self._lex.is_common_noun(word) and "-" not in word:
            return 0.0
        if "-" not in word and not self._lex.is_compound_noun(word):
            return 0.0  # only what the splitter cut: "frei" is no compound
        parts = [p for p in word.split("-") if p]
        if any(self._lex.is_function_word(p) or len(p) < 2 or not p[1:].islower() for p in parts):
            return 0.0  # "InsO", "KI": abbreviations
        p = self.probability(word)
        return p if p >= COMPOUND_OVERRIDE else 0.0

    def _name_shaped_unknown(self, word: str) -> bool:
        return (
            word.isalpha() and word[1:].islower() and len(word) >= 3
            and not self._known_word(word) and not self._lex.is_function_word(word)
        )

    def _suffixed(self, tok: Token, lower_mode: bool) -> float:
        """Score of the stem of "Hoffstedts"/"Petrovs" (a word that is no German form itself)."""
        word = tok.text
        if tok.score > 0 or tok.cue is not None or len(word) < 4 or not word.endswith("s"):
            return 0.0
        if tok.cap != word[:1].isupper() or (not tok.cap and not lower_mode):
            return 0.0
        stem = word[:-1]
        lex = self._lex
        plain_word = lex.is_common_word(word) or lex.is_place(word) or lex.is_non_person_name(word)
        if plain_word or lex.is_function_word(word):
            return 0.0  # "Kurs", "Jahres", "Kids": a word in its own right
        if (lex.is_common_word(stem) or lex.is_place(stem) or self._lex.is_non_person_name(stem)) and not lex.is_listed_name(stem):
            return 0.0
        if word.endswith("es") and lex.is_function_word(word[:-2]):
            return 0.0  # "Neues", "Gutes": an inflected adjective
        p = self.probability(stem)
        if word.endswith("es"):
            # "Rotes Kreuz", "Freies Wohnen": adjectives look like genitives of names ending in -e.
            p = p if p >= 0.5 else 0.0
        if lex.is_compound_noun(stem) and p < COMPOUND_OVERRIDE:
            return 0.0  # "Jugendamts", "Baumhauers" — unless it looks like a name ("Kaljurands")
        return p

    def _prenominal_genitive(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"Fischers Antrag", "wegen Wolfes Fehlzeiten", "Grotkes Wohnung": an "-s" genitive before a noun.

        German puts a genitive before its noun without an article only for names; a common noun
        needs one ("des Fischers Antrag"). So a word that is only a noun's genitive ("Fischers",
        "Baums"), or the genitive of an unknown "-e" word ("Grotkes"), right before a noun and after
        no article is a name. Not: function words and adverbs ("Alles", "Montags"), places
        ("Berlins"), a compound written apart ("Kindes Wohl"), and an "-es" adjective before a
        neuter noun ("Rotes Kreuz", "Frohes Fest").
        """
        tok = tokens[i]
        word, lex = tok.text, self._lex
        if tok.score > 0 or tok.cue is not None or tok.after_determiner or len(word) < 4 or not word.endswith("s"):
            return False
        if not word.isalpha() or (not tok.cap and not lower_mode) or (tok.cap and not word[1:].islower()):
            return False
        if i + 1 >= len(tokens) or text[tok.end : tokens[i + 1].start] != " ":
            return False
        noun = self._head_after_adjectives(text, tokens, i + 1)
        if noun.cap != tok.cap or noun.cue is not None or not (
                lex.is_common_noun(noun.text) or lex.is_compound_noun(noun.text)):
            return False
        low = word.lower()
        if (lex.is_function_word(word) or lex.is_plural_only(word) or self._lex.is_non_person_name(low) or low in FOREIGN_COMMON_WORDS
                # a town ("Berlins Bürgermeister"); a town that is also a noun ("Adler") is a name here:
                # a noun's genitive would need an article
                or (lex.is_place(word[:-1]) and not lex.is_common_noun(word[:-1])) or lex.is_place(word)
                or lex.is_common_noun(low + noun.text.lower())):
            return False
        if low.endswith("es") and (low in lex.adjective_forms or (
                lex.is_neuter_noun(noun.text) and not lex.is_genitive_noun(word))):
            return False  # "Rotes Kreuz", "Freies Wohnen": an adjective ("Kohles Nachlass" is none)
        if lex.is_genitive_noun(word):
            return True
        stem = word[:-1]
        if lex.is_listed_name(stem) and not lex.is_common_word(stem) and not lex.is_common_word(word):
            return True  # "adenauers antrag" typed in lower case
        # "Grotkes", "Kohles": nouns in "-e" take no genitive "-s" (feminine) or "-ns" (masculine).
        return (stem.lower().endswith("e") and not lex.is_common_word(word) and not lex.is_function_word(stem)
                and not lex.is_verb_or_adjective(stem)
                and (lex.is_common_noun(stem) or self.probability(stem) >= VETO_THRESHOLD
                     # after a preposition the genitive stands inside a phrase ("Nach Zschunkes Einschätzung"):
                     # no adjective reading is left, so any word no lexicon knows
                     or (i > 0 and not tok.sentence_initial and tokens[i - 1].text.lower() in _GENITIVE_PREPOSITIONS
                         and not lex.is_common_word(stem) and not lex.is_place(stem))))

    def _head_after_adjectives(self, text: str, tokens: list[Token], j: int) -> Token:
        """The noun a genitive stands before, past up to two inflected adjectives ("Abts bekannteste
        Schriften", "Rusch' neuer Roman"); the token at ``j`` itself if no noun follows them."""
        k = j
        while (k < len(tokens) - 1 and k - j < 2 and not tokens[k].cap and tokens[k].text.endswith(("e", "en", "er", "es", "em"))
               and not self._lex.is_function_word(tokens[k].text) and text[tokens[k].end : tokens[k + 1].start] == " "):
            k += 1
        return tokens[k] if k > j and tokens[k].cap else tokens[j]

    def _apostrophe_possessive(self, text: str, tokens: list[Token], i: int, lower_mode: bool = False) -> bool:
        """"Moos' Wunsch", "Grass’ Roman": only names form a possessive with an apostrophe; in chat
        typed in lower case both words are lower case ("moos' antrag")."""
        tok = tokens[i]
        if (tok.score > 0 or tok.cue is not None or not (tok.cap or lower_mode) or tok.after_determiner or len(tok.text) < 3
                or text[tok.end : tok.end + 2] not in ("' ", "’ ") or i + 1 >= len(tokens)):
            return False
        noun = self._head_after_adjectives(text, tokens, i + 1)
        if not tok.cap and (noun.cap or self._lex.is_verb_or_adjective(noun.text)
                            or self._lex.is_common_word(tok.text) and not self._lex.is_listed_name(tok.text)):
            return False  # "kurs' ende": typed in lower case, a word is a word
        return (tok.text[-1:] in "sxzß" and (noun.cap or not tok.cap) and not self._lex.is_closed_class(tok.text)
                and (self._lex.is_common_noun(noun.text) or self._lex.is_compound_noun(noun.text)))

    # -- positions ---------------------------------------------------------------------------

    def is_role_noun(self, tok: Token) -> bool:
        """A noun naming a role or relation of a person ("Trainerin", "Schwager", "Architekten")."""
        return self._is_role_noun(tok)

    def _is_role_noun(self, tok: Token) -> bool:
        low = tok.text.lower()
        if tok.cap and self._lex.is_person_noun(tok.text) and not self._lex.is_listed_name(tok.text):
            return True  # "Sozialreformerin", "Tierärztin": any agent noun with an "-in" form
        for form in (low, low[:-2] if low.endswith("en") else low, low[:-1] if low.endswith("n") else low):
            if form.endswith(ROLE_HEADS) and (self._lex.is_common_word(form) or self._lex.is_compound_noun(form)
                                              or form in ROLE_HEADS):
                return True
        return False

    @staticmethod
    def _verbish(tok: Token) -> bool:
        """A lower-case word that ends like a finite verb ("widersprach" is not caught)."""
        low = tok.text
        return not tok.cap and (low in SUBJECT_VERBS or low in SPEECH_VERBS or (
            len(low) >= 3 and low.endswith(_VERBISH_END) and low not in DETERMINERS
            and low not in _AFTER_VERB_FIRST))

    def _content_word(self, tok: Token) -> bool:
        """A lower-case word that is no function word: a verb, adjective or adverb in normal text."""
        low = tok.text
        return not tok.cap and len(low) >= 3 and not self._lex.is_function_word(low) and low not in PREPOSITIONS

    def veto(self, tokens: list[Token], lower_mode: bool) -> None:
        """Take back what the cue rules found in words the classifier is sure are no names.

        In lower-case chat a role word is often a plain noun ("bei der oma übernachtet") and the
        word after it a verb; a sentence-initial participle ("Ausgezeichnet wurde …") looks like a
        subject. Listed names and words after "Frau"/"Herr" are never taken back.
        """
        for i, tok in enumerate(tokens):
            if tok.score <= 0 or tok.kind in (STRONG, AMBIGUOUS, INITIAL) or len(tok.text) < 3:
                continue
            prev = tokens[i - 1] if i > 0 else None
            if prev is not None and prev.text.lower() in PERSONAL_TITLES:
                continue
            if prev is not None and prev.score > 0 and i >= 2 and tokens[i - 2].text.lower() in PERSONAL_TITLES:
                continue  # "frau ilvy kranichfeld": the surname after title and given name
            if not (lower_mode and not tok.cap) and not (tok.sentence_initial and tok.kind == UNKNOWN):
                continue
            # The classifier learnt names in the nominative: "Juttes" scores by "Jutte" as well.
            stem_p = self.probability(tok.text[:-1]) if tok.text.endswith("s") and len(tok.text) > 4 else 0.0
            if max(self.probability(tok.text), stem_p) < VETO_THRESHOLD:
                tok.score = 0.0

    def apply(self, text: str, tokens: list[Token], lower_mode: bool) -> None:
        """Score unfamiliar names in ``tokens`` (in place)."""
        n = len(tokens)
        for i, tok in enumerate(tokens):
            if tok.score > 0 or tok.cue is not None:
                continue
            prev = tokens[i - 1] if i > 0 and not tok.sentence_initial else None
            prev2 = tokens[i - 2] if i > 1 and prev is not None and not prev.sentence_initial else None
            nxt = tokens[i + 1] if i + 1 < n and not tokens[i + 1].sentence_initial else None
            gap_before = text[prev.end : tok.start] if prev is not None else ""
            gap_after = text[tok.end : nxt.start] if nxt is not None else text[tok.end :]
            prev_low = prev.text.lower() if prev is not None else ""
            lower_word = lower_mode and not tok.cap
            # "erhielt El Fassi das …": an Arabic name particle belongs to the name; the position is
            # that of the particle ("erhielt El" is "erhielt X")
            particle = (prev is not None and prev.text in ARABIC_PARTICLES and gap_before == " " and tok.cap
                        and tok.kind == UNKNOWN and not prev.sentence_initial)
            if particle:
                prev, prev2 = prev2, (tokens[i - 3] if i > 2 and prev2 is not None and not prev2.sentence_initial else None)
                gap_before = text[prev.end : tokens[i - 1].start] if prev is not None else ""
                prev_low = prev.text.lower() if prev is not None else ""

            if self._prenominal_genitive(text, tokens, i, lower_mode) or self._apostrophe_possessive(text, tokens, i, lower_mode):
                tok.score = 0.6
                continue
            # Possessive and plural forms: "Hoffstedts Antrag", "die Petrovs", "bei den Xs".
            suffixed = self._suffixed(tok, lower_mode)
            # A capitalised unknown "-s" word before a noun or after a plural article has hardly
            # another reading (the lexicon knows the German and English plurals): almost any score.
            # In chat typed in lower case the noun is lower case too ("xs antrag ist durch"); before
            # a noun the "-s" word is a genitive there as well, so the same low score suffices.
            lower_noun = lower_word and nxt is not None and not nxt.cap and not (
                self._lex.is_verb_or_adjective(nxt.text) or self._lex.is_function_word(nxt.text))
            before_noun = suffixed > 0 and nxt is not None and gap_after == " " and (nxt.cap or lower_noun) and (
                self._lex.is_common_noun(nxt.text) or self._lex.is_compound_noun(nxt.text))
            need = LOWER_CASE_THRESHOLDS[2] if lower_word and not before_noun else SUFFIX_THRESHOLD
            if before_noun and not self._lex.is_compound_noun(tok.text[:-1]):
                need = _TINY  # a stem no lexicon knows, as a genitive before its noun: long made-up names score ~0
            if suffixed >= need:
                plural = prev_low in _PLURAL_ARTICLES and not before_noun
                # "Frohes Fest", "Gutes Neues": an "-es" adjective before a neuter noun, no genitive.
                adjective = before_noun and tok.text.lower().endswith("es") and self._lex.is_neuter_noun(nxt.text)
                if (before_noun and not tok.after_determiner and not adjective) or plural:
                    tok.score = 0.6
                    continue
            if (self._family_plural(tok, prev_low, nxt, gap_after) or self._role_then_noun(text, tokens, i)
                    or self._role_apposition(text, tokens, i) or self._sibilant_family(text, tokens, i)
                    or self._family_plural_s(text, tokens, i, lower_mode)
                    or self._addressee_after_ich(text, tokens, i, lower_mode)
                    or self._family_addressee_after_ich(text, tokens, i, lower_mode)
                    or self._bare_noun_person(text, tokens, i) or self._animate_subject(text, tokens, i, lower_mode)
                    or self._bare_noun_beside_speech_verb(text, tokens, i, lower_mode)
                    or self._bare.subject_after_finite_verb(text, tokens, i, lower_mode)
                    or self._bare.subject_after_fronted_phrase(text, tokens, i, lower_mode)
                    or self._bare.prepositional_object_before_verb(text, tokens, i, lower_mode)
                    or self._bare.beneficiary_before_occasion(text, tokens, i, lower_mode)
                    or self._bare.subject_with_possessive(text, tokens, i, lower_mode)
                    or self._bare.subject_after_reflexive(text, tokens, i, lower_mode)
                    or self._bare.subject_after_copula(text, tokens, i, lower_mode)):
                tok.score = 0.6
                continue
            p = self.candidate(tok, lower_mode) or self._after_title(tok, prev)
            if not p or prev_low in THING_PREPOSITIONS:
                continue  # "in Careplus", "per Sdui": a place, a channel or a system, not a person
            if object_of_product_noun(tokens, i):
                continue  # "Das Update von Sinfonie", "der Zugang zu Edupage": a product
            if prev_low == "über" and self._coordinated_with_thing(text, tokens, i):
                continue  # "über Sdui oder Teams", "über stashcat oder e-mail": one channel among others
            if prev_low in FESTIVALS and gap_before == " ":
                continue  # "Eid Mubarak", "Ramadan Kareem": a greeting for the feast, as the list seeds skip it
            apostrophe = text[tok.end : tok.end + 2] in ("' ", "’ ")
            strength = self._position(text, tokens, i, prev, prev2, nxt, gap_before, gap_after, apostrophe)
            if tok.sentence_initial and strength < 2:
                # "Salonen widersprach …" yes; "Prüfe bitte", "Fügen Sie", "Näheres regelt" no.
                if nxt is None or not self._verbish(nxt) or nxt.text in _AFTER_VERB_FIRST or p < SENTENCE_START_THRESHOLD:
                    continue
            if strength == 3 and tok.kind != UNKNOWN and not (prev is not None and prev.cue == "title"):
                strength = 2
            if tok.cap and tok.kind != UNKNOWN and strength < 2 and not (strength == 1 and p >= SHAPED_NAME_SCORE):
                continue  # "Ruhig bleiben", "Näheres": adjective-shaped words only in strong positions
            if tok.after_determiner and strength < 2:
                continue
            if lower_word:
                need = LOWER_CASE_THRESHOLDS.get(strength, 2.0)
            elif strength == 2 and tok.kind == UNKNOWN and self._subject_of_saying(tok, prev, nxt, gap_before, gap_after):
                # A capitalised word no lexicon knows (no noun, compound, place, brand) as the subject
                # of a verb of saying or before "sich" after a conjunction has no other reading left;
                # rare surnames score near 0. Not after a preposition: products
                # stand there too ("Ohne Sozplaner können wir …").
                need = _TINY
            else:
                need = {3: ROLE_THRESHOLD, 2: STRONG_THRESHOLD, 1: MEDIUM_THRESHOLD, 0: PLAIN_THRESHOLD}[strength]
            if p >= need:
                tok.score = 0.6
        for i, tok in enumerate(tokens):
            if (i > 0 and tok.score > 0 and tok.cap and tokens[i - 1].text in ARABIC_PARTICLES and tokens[i - 1].score == 0
                    and text[tokens[i - 1].end : tok.start] == " "):
                tokens[i - 1].score = tok.score  # "El Idrissi", "Abu Khalil": the particle is part of the name
        for i, tok in enumerate(tokens):
            if tok.score > 0 and tok.cue is None and tok.kind != STRONG and i > 0 and tokens[i - 1].cue is None:
                # a given name found by another rule (even as a genitive before a noun): the word after
                # it is still the surname of the apposition ("Die Sozialreformerin Pantelis Hirte gründete …")
                self._role_apposition(text, tokens, i)
        self._lists(text, tokens, lower_mode)
        self._pairs(text, tokens, lower_mode)
        self._given_names_before_double_surnames(text, tokens)
        self._greetings(text, tokens)

    def _greetings(self, text: str, tokens: list[Token]) -> None:
        """"Liebe Kolleginnen und Kollegen, Frohe Ostern!": an inflected adjective right before the name of
        a feast is a greeting, not a name after the role word; listed given names stay ("Anne Ostern")."""
        for a, b in zip(tokens, tokens[1:]):
            if (a.score > 0 and b.text.lower() in FESTIVALS and b.kind != STRONG and text[a.end : b.start] == " "
                    and a.kind != STRONG and a.cap and a.text.lower().endswith(("e", "es", "en", "er"))
                    and not self._lex.is_listed_name(a.text)):
                a.score = b.score = 0.0

    def _given_names_before_double_surnames(self, text: str, tokens: list[Token]) -> None:
        """"Gote Ohlson-Tandberg", "Wenjing-Na Yang-Loos": right before a found double surname, a
        capitalised word no article introduces is its given name — unless it is a word that names a
        role, a time, a place, an abstract thing or a compound ("Anruf", "Beratung Meier-Schulz")."""
        lex = self._lex
        for a, b in zip(tokens, tokens[1:]):
            if not (b.score > 0 and "-" in b.text and b.cap and a.score == 0 and a.cap and a.cue is None
                    and not a.after_determiner and text[a.end : b.start] == " " and len(a.text) >= 2):
                continue
            parts = a.text.split("-")
            if not all(p[:1].isupper() and p[1:].islower() and p.isalpha() for p in parts):
                continue
            low = a.text.lower()
            if (low in TIME_NOUNS or lex.is_place(a.text) or self._is_role_noun(a) or lex.is_non_person_name(low)
                    or low.endswith(_ABSTRACT_ENDINGS) or lex.is_compound_noun(a.text) or lex.is_plural_only(a.text)
                    or (len(parts) == 1 and lex.is_function_word(a.text))
                    or (lex.is_common_noun(a.text) and self.probability(a.text) < MEDIUM_THRESHOLD * 5)):
                continue
            a.score = 0.6

    def _position(self, text: str, tokens: list[Token], i: int, prev: Token | None, prev2: Token | None,
                  nxt: Token | None, gap_before: str, gap_after: str, apostrophe: bool) -> int:
        """3 after a role noun, 2 for a strong name position, 1 for a medium one, 0 for none."""
        prev_low = prev.text.lower() if prev is not None else ""
        nxt_low = nxt.text.lower() if nxt is not None else ""
        ends_phrase = nxt is None or bool(_END.match(gap_after)) or nxt_low in _LIST_JOINERS
        if prev is not None and (prev.cue == "title" and not gap_before.strip(" .:") or gap_before == " " and self._is_role_noun(prev)):
            return 3  # not across a dash, an emoji or a comma: "Familie 👩‍👩‍👧 — Ελληνικά" is a list
        if prev_low in SPEECH_VERBS or nxt_low in SPEECH_VERBS:
            return 2
        if apostrophe and nxt is not None and nxt.cap:
            return 2
        if prev_low in PREPOSITIONS and (ends_phrase or (nxt is not None and self._verbish(nxt))):
            return 2
        if nxt_low == "aus" and i + 2 < len(tokens) and tokens[i + 2].text.lower() in ("der", "dem", "den"):
            return 2
        if any(t.text.lower() in _NAMING_VERBS for t in tokens[max(0, i - 3) : i]):
            return 2
        if prev_low in CONJUNCTIONS:
            return 1 if prev_low not in ("da", "wie", "bis", "seit") else 2 if nxt is not None and (
                self._verbish(nxt) or nxt_low == "sich") else 1
        if prev is not None and (self._content_word(prev) or prev_low in _FINITE_AUXILIARIES) and gap_before == " ":
            return 1  # the subject after its verb: "fuhr Dressler fort", "lobte X die …"
        if prev_low == "sich" and prev2 is not None and self._content_word(prev2):
            return 1
        if prev_low in PREPOSITIONS:
            return 1
        if nxt is not None and self._verbish(nxt) and gap_after == " ":
            return 1
        return 0

    def _coordinated_with_thing(self, text: str, tokens: list[Token], i: int) -> bool:
        """``tokens[i]`` is joined by "oder"/"und" to a brand, app or ordinary noun that is no name
        ("über Sdui oder Teams", "über Stashcat oder E-Mail"): members of a coordination are of one kind,
        and the other one is a thing. Asked only after "über", where a channel stands: elsewhere the
        other member may be a family word the lexicon does not know as a person ("tjark und mama")."""
        for mid, other in ((i + 1, i + 2), (i - 1, i - 2)):
            if not (0 <= min(mid, other) and max(mid, other) < len(tokens)):
                continue
            joiner, tok = tokens[mid], tokens[other]
            a, b = (tokens[i], joiner) if mid > i else (joiner, tokens[i])
            c, d = (joiner, tok) if mid > i else (tok, joiner)
            if joiner.text not in ("oder", "und") or text[a.end : b.start] != " " or text[c.end : d.start] != " ":
                continue
            if tok.score > 0 or tok.cue is not None or tok.kind in (STRONG, AMBIGUOUS, UNKNOWN, INITIAL):
                continue
            lex = self._lex
            if lex.is_non_person_name(tok.text) or (lex.is_common_noun(tok.text) and not self._is_role_noun(tok)
                                                    and not lex.is_listed_name(tok.text)):
                return True
        return False

    def _lists(self, text: str, tokens: list[Token], lower_mode: bool) -> None:
        """"Kevin, Mia und Ben": when one member is a name, name-like others are too."""
        n = len(tokens)
        i = 0
        while i < n:
            members = [i]
            j = i
            while j + 1 < n:
                gap = text[tokens[j].end : tokens[j + 1].start]
                if gap == ", " and j + 1 < n:
                    members.append(j + 1)
                    j += 1
                    continue
                if gap == " " and tokens[j + 1].text.lower() in _LIST_JOINERS and j + 2 < n and \
                        text[tokens[j + 1].end : tokens[j + 2].start] == " ":
                    members.append(j + 2)
                    j += 2
                    break
                break
            if len(members) >= 2 and tokens[j].text.lower() not in _LIST_JOINERS and \
                    text[tokens[members[-2]].end : tokens[members[-1]].start].strip() in _LIST_JOINERS:
                # "Rotes Kreuz": a member followed by a capitalised word is an attribute.
                members = [k for k in members if not (
                    k + 1 < n and tokens[k + 1].cap and text[tokens[k].end : tokens[k + 1].start] == " ")]
                group = [tokens[k] for k in members]
                scores = [self.candidate(t, lower_mode) or (
                    self._loose_lower(t) if lower_mode and self._loose_lower(t) >= LOOSE_LOWER_THRESHOLD else 0.0)
                    for t in group]
                named = sum(1 for t in group if t.score > 0)
                likely = sum(1 for s in scores if s >= MEDIUM_THRESHOLD)
                if named + likely >= 2 and named + likely >= len(group) - 1:
                    for t, s in zip(group, scores):
                        if t.score == 0 and s > 0:  # any unknown word among names ("Xiaoling")
                            t.score = 0.6
                if len(group) >= 3 and named >= len(group) - 1:
                    # "Frank, Reena, Johan oder Jonas", "Rebekka, Will und Kevin", "Eduart, Kamel sowie
                    # Adolph": the one word left in a list of names is a name too, even a noun or a town.
                    for t in group:
                        if t.score == 0 and self._list_member(t):
                            t.score = 0.6
            i = max(j, i + 1) if len(members) >= 2 else i + 1

    def _list_member(self, tok: Token) -> bool:
        word = tok.text
        if tok.cue is not None or tok.after_determiner or len(word) < 2 or not word.replace("-", "").isalpha():
            return False
        if tok.cap:
            return word[1:].islower() and (not self._lex.is_closed_class(word) or self._lex.is_listed_name(word))
        return not self._lex.is_function_word(word) and not self._lex.is_verb_or_adjective(word)

    def _loose_lower(self, tok: Token) -> float:
        """Lower-case chat: a word no lexicon knows, even if it ends like a verb ("juliëtte")."""
        word = tok.text
        lex = self._lex
        if tok.cap or tok.cue is not None or tok.score > 0 or len(word) < 2 or not word.replace("-", "").isalpha():
            return 0.0
        if (lex.is_common_word(word) or lex.is_compound_noun(word) or lex.is_place(word)
                or lex.is_verb_or_adjective(word) or self._lex.is_non_person_name(word) or word in SUBJECT_VERBS or word in PREPOSITIONS or word in _LIST_JOINERS
                or word in LOWER_CASE_NON_NAMES or word in _AFTER_VERB_FIRST or word in TIME_NOUNS):
            return 0.0
        return self.probability(word)

    def _after_title(self, tok: Token, prev: Token | None) -> float:
        """"Prof. Hirschvogel", "Dr . Blau": after an academic title even a noun is a surname."""
        lex = self._lex
        if prev is None or prev.cue != "title" or not tok.cap or tok.kind not in (OTHER, AMBIGUOUS) or tok.score > 0:
            return 0.0
        if prev.text.lower().rstrip(".") in PERSONAL_TITLES or prev.text.lower().startswith("fam"):
            return 0.0  # after "Frau"/"Herr" the cue rules decide ("Frau Doktor" is no name)
        if not self._noun_surname(tok) or lex.is_place(tok.text):
            return 0.0
        return max(self.probability(tok.text), _TINY)

    def _noun_surname(self, tok: Token) -> bool:
        """A capitalised singular noun that can be a surname where the position says so."""
        word, low, lex = tok.text, tok.text.lower(), self._lex
        return (
            tok.cap and tok.cue is None and word.isalpha() and word[1:].islower() and len(word) >= 3
            and not lex.is_closed_class(word) and low not in FOREIGN_COMMON_WORDS and not self._lex.is_non_person_name(low)
            and not self._is_role_noun(tok) and not low.endswith(_ABSTRACT_ENDINGS)
        )

    def _role_then_noun(self, text: str, tokens: list[Token], i: int) -> bool:
        """"Oberbürgermeisterin Park eröffnete …": role noun, a noun as surname, then the verb.

        Only without an article before the role noun (a headline or note: "die Ärztin Hilfe"
        is no name) and only when a verb or the end of the phrase follows.
        """
        if i < 1 or i + 1 > len(tokens):
            return False
        tok, role = tokens[i], tokens[i - 1]
        if tok.score > 0 or tok.kind not in (OTHER, AMBIGUOUS) or text[role.end : tok.start] != " ":
            return False
        before_role = tokens[i - 2].text.lower() if i >= 2 and not role.sentence_initial else ""
        # With an article before the role ("die Ärztin Hilfe") only a listed name: "sein Schwager Kasper holt …"
        if (before_role in DETERMINERS and tok.kind != AMBIGUOUS) or not role.cap or role.cue is not None or not self._is_role_noun(role):
            return False
        if not self._noun_surname(tok):
            return False
        if self._lex.is_compound_noun(tok.text):
            return False
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or _END.match(text, tok.end):
            return True
        if nxt.text in _INCORPORATING_FORMS and self._lex.is_common_noun(tok.text):
            return False  # "hat der Trainer Ball gespielt": the game, not the trainer's name
        return text[tok.end : nxt.start] == " " and not nxt.cap and (
            nxt.text in SUBJECT_VERBS or nxt.text in SPEECH_VERBS or nxt.text.endswith(("te", "ten"))
            or (tok.kind == AMBIGUOUS and self._verbish(nxt) and not self._lex.is_function_word(nxt.text)))

    def _sibilant_family(self, text: str, tokens: list[Token], i: int) -> bool:
        """"Die Gitz wohnen …", "bei den Blix.": a name ending in s, x, z or ß takes no plural "-s";
        after "die"/"den" with a plural verb (or closing the phrase after "den") it is the family.
        Only words no lexicon knows and that look like names."""
        tok = tokens[i]
        word = tok.text
        if i < 1 or tok.score > 0 or tok.cue is not None or tok.kind != UNKNOWN or not word[-1:] in "sxzß":
            return False
        prev = tokens[i - 1]
        if prev.text.lower() not in ("die", "den") or text[prev.end : tok.start] != " ":
            return False
        nxt = tokens[i + 1] if i + 1 < len(tokens) and text[tok.end : tokens[i + 1].start] == " " else None
        plural_verb = nxt is not None and not nxt.cap and (
            nxt.text in _PLURAL_VERBS or (nxt.text.endswith("en") and len(nxt.text) > 3 and not self._lex.is_function_word(nxt.text)))
        closing = prev.text.lower() == "den" and _END.match(text, tok.end) is not None
        return (plural_verb or closing) and self.probability(word) >= STRONG_THRESHOLD

    def _role_apposition(self, text: str, tokens: list[Token], i: int) -> bool:
        """"die Ärztin Loreley Regen.", "Die Sozialreformerin Else Ranis gründete …": a person noun and
        two capitalised words closing the phrase are a role and a full name, even when the words are
        nouns or towns — two bare nouns after a role noun have no other reading."""
        if i < 1 or i + 1 >= len(tokens):
            return False
        role, tok, nxt = tokens[i - 1], tokens[i], tokens[i + 1]
        if tok.score > 0 and nxt.score > 0:
            return False
        if not (role.cap and self._is_role_noun(role)) or text[role.end : tok.start] != " " or text[tok.end : nxt.start] != " ":
            return False
        if not all(self._apposition_word(t) for t in (tok, nxt)):
            return False
        after = tokens[i + 2] if i + 2 < len(tokens) and text[nxt.end : tokens[i + 2].start] == " " else None
        if not (_END.match(text, nxt.end) or (after is not None and self._verbish(after))):
            return False
        nxt.score = nxt.score or 0.6
        return True

    def _apposition_word(self, tok: Token) -> bool:
        lex, word = self._lex, tok.text
        return (
            tok.cap and tok.cue is None and word.replace("-", "").isalpha() and word[1:].islower() and len(word) >= 2
            and not lex.is_closed_class(word) and not lex.is_plural_only(word) and not lex.is_non_person_name(word)
            and word.lower() not in TIME_NOUNS and not self._is_role_noun(tok)
            and not (word.lower().endswith(_ABSTRACT_ENDINGS) and lex.is_common_noun(word))
            and not (lex.is_compound_noun(word) and not lex.is_place(word) and not lex.is_listed_name(word))
        )

    def _animate_subject(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"Kiwi konnte nicht schlafen", "Flummi und Lakritz haben sich gestritten", "Beim Kochen hat
        Lakritz geholfen", "Mit Jojo wurde über … gesprochen": a singular noun without article as the
        subject of a verb only people do (or, after "mit", the partner of speaking) is a nickname or
        surname. German count nouns take an article as subjects; notes drop articles mostly for
        objects ("Brief schreiben"), which this does not look at."""
        tok = tokens[i]
        word, low, lex = tok.text, tok.text.lower(), self._lex
        if tok.score > 0 or tok.cue is not None or tok.after_determiner or len(word) < 3 or not word.isalpha():
            return False
        if tok.cap:
            if not word[1:].islower() or not (self._noun_surname(tok) or tok.kind == UNKNOWN) or lex.is_function_word(word):
                return False  # "Gestern rief …": an adverb before the verb
        elif (not lower_mode or lex.is_function_word(word) or word in SUBJECT_VERBS
              or (lex.is_verb_or_adjective(word) and not lex.is_common_noun(word))):
            return False
        if (low in TIME_NOUNS or lex.is_plural_only(word) or lex.is_non_person_name(word) or self._is_role_noun(tok)
                or low.endswith(_ABSTRACT_ENDINGS) or (lex.is_place(word) and not lex.is_common_noun(word))
                or (lex.is_compound_noun(word) and not low.endswith(("chen", "lein")))):
            return False
        if not tok.cap and not (lex.is_common_noun(word) or self._unknown_lower(tok) or lex.is_diminutive_noun(word)):
            return False  # "wie spreche ich mit bärchen über …": a diminutive the lexicon does not list
        if low in _OBJECT_LIKE_NOUNS or stands_bare_in_notes(lex, word, person_slot=True):
            return False  # "Kita hat angerufen", "Heute hat Bus die Gruppe nicht mitgenommen"
        clause_end = next((j for j in range(i + 1, len(tokens)) if _CLAUSE_BREAK.search(text[tokens[j - 1].end : tokens[j].start])),
                          len(tokens))
        clause_start = i
        while clause_start > 0 and not tokens[clause_start].sentence_initial and not _CLAUSE_BREAK.search(
                text[tokens[clause_start - 1].end : tokens[clause_start].start]):
            clause_start -= 1
        if not any(t.text.lower() in ANIMATE_FORMS or t.text.lower() in _SPEAKING_FORMS
                   for t in tokens[clause_start:clause_end]):
            return False
        clause = tokens[clause_start:clause_end]
        prev = tokens[i - 1] if i > clause_start else None
        nxt = tokens[i + 1] if i + 1 < clause_end else None
        prev_low = prev.text.lower() if prev is not None else ""
        if prev_low == "mit" and any(t.text.lower() in _SPEAKING_FORMS for t in clause):
            return True  # "Mit Jojo wurde über den Platz gesprochen", "spreche ich mit ente über …"
        # Plural or singular-and-plural forms ("Fussel") only joined to a found name.
        joined = prev_low in _LIST_JOINERS and i >= 2 and tokens[i - 2].score > 0
        # "Brummer will …": a singular verb shows a form that is also a plural is meant as singular.
        singular_verb = (prev is not None and prev.text in _SINGULAR_FINITE) or nxt is not None and (nxt.text in _SINGULAR_FINITE or (
            nxt.text in ANIMATE_FORMS and nxt.text.endswith(("t", "te"))))
        # "Bommel und Mausi haben sich gestritten": a name as the other member makes the plural reading unlikely
        joined_to_name = prev is None and nxt is not None and nxt.text.lower() in _LIST_JOINERS and i + 2 < clause_end and (
            tokens[i + 2].score > 0 or (tokens[i + 2].kind == UNKNOWN and self.probability(tokens[i + 2].text) >= MEDIUM_THRESHOLD))
        if lex.is_plural_noun(word) and not lex.is_listed_name(word) and not joined and not singular_verb and not joined_to_name:
            return False
        if prev is not None and prev_low in _FINITE_BEFORE_SUBJECT and not prev.cap and i - 1 > clause_start:
            # "Beim Kochen hat Lakritz … geholfen": the subject after its finite verb, the verb bracket
            # closed by a form only people do (not "die Kinder haben Durst und weinen").
            # The bracket closes at the clause end; a participle with an inseparable prefix ("verweigert",
            # "erzählt") is no "ge-" form but closes it all the same.
            closing = [t for j, t in enumerate(tokens[i + 1 : clause_end], i + 1)
                       if t.text.lower() in _LIST_JOINERS or t.text.lower() in _ANIMATE_NONFINITE
                       or (j == clause_end - 1 and t.text.lower() in ANIMATE_FORMS and not t.cap)]
            return bool(closing) and closing[0].text.lower() not in _LIST_JOINERS
        if prev is not None and i - 1 == clause_start and prev_low in _MODALS and nxt is not None and (
                nxt.text.lower() in DETERMINERS or nxt.text.lower() in ("nicht", "sich", "auch", "heute", "schon", "noch")):
            return True  # "darf richter die akte einsehen?", "will Kiwi nicht mehr …": the subject of a question
        first = prev is None or joined or (prev_low in _LIST_JOINERS and i - 2 == clause_start)
        after = tokens[i + 2] if i + 2 < clause_end else None
        coordinated = nxt is not None and nxt.text.lower() in _LIST_JOINERS
        if after is not None and not coordinated and (after.text in _PRONOUNS or after.kind == STRONG or after.score > 0):
            return False  # "Nachts rief Mehmet an": fronted, the subject follows
        # (after "und" stands the other member of the subject, decided below: "Ente und Fanny haben sich
        # gestritten"; "Brot und Butter haben wir gegessen" fails at "Butter", whose subject "wir" follows)
        if first and nxt is not None and not nxt.cap and (nxt.text in _MODALS or nxt.text in _PLURAL_VERBS
                                                          or nxt.text.lower() in ANIMATE_FORMS
                                                          or nxt.text in ("hat", "hatte", "ist", "war")):
            return True  # "Kiwi konnte …", "… und Lakritz haben sich gestritten"
        if prev is None and nxt is not None and nxt.text.lower() in _LIST_JOINERS and i + 2 < clause_end:
            if tok.cap and tok.kind == UNKNOWN and self.probability(word) >= STRONG_THRESHOLD and tokens[i + 2].cap:
                return True  # "Ecki und Krümel haben sich gestritten": a word no lexicon knows leads the pair
            return self._animate_subject(text, tokens, i + 2, lower_mode) or tokens[i + 2].score > 0
        return False

    @staticmethod
    def _subject_of_saying(tok: Token, prev: Token | None, nxt: Token | None, gap_before: str, gap_after: str) -> bool:
        """"erklärte X,", "X widersprach", "Da X sich …": a subject slot only a person fills."""
        if tok.sentence_initial:
            return False
        if prev is not None and gap_before == " " and prev.text in CLAUSE_SPEECH_VERBS:
            return True
        # Before the verb only right after the conjunction of a verb-final clause ("Wie X betonte", "als X
        # erklärte"): elsewhere the word before a participle is an adverbial ("bis Monatsende ergänzt werden").
        after_conjunction = prev is not None and gap_before == " " and prev.text.lower() in _SUBORDINATORS | {"wie"}
        return (after_conjunction and nxt is not None and gap_after == " "
                and (nxt.text in CLAUSE_SPEECH_VERBS or nxt.text == "sich"))

    def _bare_noun_beside_speech_verb(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"Gegenüber der Zeitung erklärte Klempner, …", "sagte Hobel am Abend", "Wie Kessel
        betonte, …": a singular count noun as the subject of a verb of saying needs an article; bare
        it is a surname that is also a noun — a person noun too ("Klempner", "Pförtner"). Not when a
        capitalised word follows (the role before a name: "sagte Sprecher Ohm"), not at a sentence
        start, not in text typed in lower case (chat drops articles)."""
        tok = tokens[i]
        word, lex = tok.text, self._lex
        if (lower_mode or not tok.cap or tok.sentence_initial or tok.after_determiner or tok.score > 0
                or tok.cue is not None or len(word) < 3 or not word.isalpha() or not word[1:].islower()):
            return False
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].sentence_initial else None
        if prev is None:
            return False
        gap_before = text[prev.end : tok.start]
        gap_after = text[tok.end : nxt.start] if nxt is not None else ""
        if nxt is not None and gap_after == " " and nxt.cap:
            return False
        if not self._subject_of_saying(tok, prev, nxt, gap_before, gap_after):
            return False
        if i + 2 < len(tokens) and tokens[i + 2].text == word:
            return False  # "erklärte Schritt für Schritt", "Wort für Wort": an adverbial pair
        low = word.lower()
        if (lex.is_function_word(word) or low in TIME_NOUNS or low in _OBJECT_LIKE_NOUNS or lex.is_plural_only(word)
                or lex.is_non_person_name(low) or low.endswith(_ABSTRACT_ENDINGS)
                or (lex.is_place(word) and not lex.is_common_noun(word)) or stands_bare_in_notes(lex, word)):
            return False  # "Im Gespräch sagte Kindergarten, …": an institution speaks through its staff
        if tok.kind == AMBIGUOUS:
            return True  # a listed name that is also a word ("Schlosser")
        if self._role_speaks_in_notes(word):
            return False  # "Im Telefonat sagte Sachbearbeiterin, …": notes drop the article of a role
        if not lex.is_common_word(word) and lex.is_compound_noun(word):
            return True  # only the splitter cuts it ("Fenster|hauer"): a made-up compound stands bare as a name
        return lex.is_common_noun(word) and lex.is_singular_count_noun(word)

    def _role_speaks_in_notes(self, word: str) -> bool:
        """A person noun that is never a surname: a feminine "-in" form ("Therapeutin", "Erzieherin") or a
        compound the lexicon lists ("Klassenlehrer", "Hausarzt"). Notes write such a role without its
        article as the speaker ("Im Gespräch meinte Klassenlehrerin, …"); a plain agent noun may be a
        surname there ("erklärte Klempner, …") and is left to the rule."""
        lex, low = self._lex, word.lower()
        if lex.is_listed_name(word):
            return False
        if low.endswith("in") and (lex.is_person_noun(word) or (
                low in lex.feminine_nouns and low[:-2] + "e" in lex.masculine_nouns)):
            return True  # "Sozialarbeiterin", also unlisted compounds; "Logopädin" (der Logopäde)
        return lex.is_common_noun(word) and lex.is_person_noun(word) and lex.is_compound_noun(word)

    def _bare_noun_person(self, text: str, tokens: list[Token], i: int) -> bool:
        """A singular noun without article where only a person stands: a nickname or a surname that
        is a word ("Wie Hase betonte", "Heute wollte Jojo nicht mit", "seit Kiwi die Brille hat").

        German count nouns take an article; without one, next to a verb of saying, as the subject a
        modal verb wants, after a subordinator with the clause going on, after "nennen … nur" or
        before "aus der Wohngruppe", the noun is a name. Not: role nouns, abstract nouns, compounds,
        nouns of time, plural-only forms, places.
        """
        tok = tokens[i]
        word, low, lex = tok.text, tok.text.lower(), self._lex
        if tok.score > 0 or tok.after_determiner or tok.kind not in (OTHER, AMBIGUOUS, UNKNOWN) or not self._noun_surname(tok):
            return False
        diminutive = lex.is_diminutive_noun(word)
        if tok.kind == UNKNOWN and not diminutive:
            return False  # "Seit Bärchen die neue Brille hat"
        # a listed name that only folding makes a noun ("Hausler" as "Häusler") is a name here as well
        if low in TIME_NOUNS or lex.is_plural_only(word) or (lex.is_compound_noun(word) and not diminutive) or not (
                lex.is_common_noun(word) or lex.is_place(word) or diminutive or tok.kind == AMBIGUOUS) or is_institution_head(word):
            return False  # "Im Gespräch sagte Schule, …": notes drop the article of an institution (a mass noun
            # here is a surname: "Wie Zucker betonte")
        prev = tokens[i - 1] if i > 0 and not tok.sentence_initial else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].sentence_initial else None
        if prev is not None and text[prev.end : tok.start] != " ":
            prev = None
        prev_low = prev.text.lower() if prev is not None else ""
        nxt_low = nxt.text.lower() if nxt is not None and text[tok.end : nxt.start] == " " else ""
        after = text[tok.end : tok.end + 2]
        if prev_low in SPEECH_VERBS and prev_low not in ("so", "laut", "zufolge") and after[:1] in (",", "."):
            return not self._role_speaks_in_notes(word)  # "erklärte Forst, man habe …"; not "erklärte Logopädin, …"
        if nxt_low in SPEECH_VERBS and prev_low in ("wie", "so"):
            return True  # "Wie Hase betonte"
        if lex.is_place(word) and not lex.is_common_noun(word):
            return False  # a town speaks only for its council: next to a verb of saying, nowhere else
        if prev_low in _MODALS and nxt_low in _AFTER_MODAL_SUBJECT:
            return True
        if prev_low in _SUBORDINATORS and nxt_low in _AFTER_SUBJECT:
            return True
        if prev_low == "nur" and any(t.text.lower() in _NAMING_VERBS for t in tokens[max(0, i - 4) : i]):
            return True
        return (nxt_low == "aus" and i + 2 < len(tokens) and tokens[i + 2].text.lower() in ("der", "dem")
                and not self._infinitive_request(text, tokens, i))

    def _infinitive_request(self, text: str, tokens: list[Token], i: int) -> bool:
        """"Bitte Akte aus dem Büro holen", "Formular aus dem Ordner nehmen und ausfüllen": a clause
        without a finite verb that ends in an infinitive is a request in note style, whose objects go
        without articles; a bare noun in it is no sign of a name."""
        start = i
        while start > 0 and not tokens[start].sentence_initial and not _CLAUSE_BREAK.search(
                text[tokens[start - 1].end : tokens[start].start]):
            start -= 1
        end = next((j for j in range(i + 1, len(tokens)) if tokens[j].sentence_initial
                    or _CLAUSE_BREAK.search(text[tokens[j - 1].end : tokens[j].start])), len(tokens))
        clause = tokens[start:end]
        last = clause[-1]
        if last.cap or not last.text.endswith("en") or self._lex.is_function_word(last.text):
            return False
        return not any(t.text in KNOWN_FINITE or t.text in _FINITE_BEFORE_SUBJECT or t.text in _PRONOUNS
                       for t in clause if not t.cap)

    def _addressee_after_ich(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"wie erkläre ich Jojo, dass …", "was schreib ich wolke zum geburtstag": the person a question
        about writing or telling is addressed to stands right after "VERB ich"; a noun there would
        need an article ("dem Team") or is a plural ("Kindern")."""
        tok = tokens[i]
        word, low, lex = tok.text, tok.text.lower(), self._lex
        if i < 2 or tok.score > 0 or tok.cue is not None or tok.after_determiner or len(word) < 3:
            return False
        if not word.replace("-", "").isalpha() or (not tok.cap and not lower_mode) or (tok.cap and not word[1:].islower()):
            return False
        ich, verb = tokens[i - 1], tokens[i - 2]
        if ich.text != "ich" or text[ich.end : tok.start] != " " or text[verb.end : ich.start] != " ":
            return False
        if not (lex.is_verb_or_adjective(verb.text) or verb.text.lower() in SPEECH_VERBS or verb.text.lower() in _TELLING_VERBS):
            return False
        if (lex.is_function_word(word) or lex.is_plural_only(word) or lex.is_verb_or_adjective(word)
                or low in TIME_NOUNS or self._lex.is_non_person_name(low) or low in FOREIGN_COMMON_WORDS or self._is_role_noun(tok)
                or low.endswith(_ABSTRACT_ENDINGS) or (lex.is_compound_noun(word) and not lex.is_listed_name(word))):
            return False
        return bool(re.match(r"\s*(?:[,?.!]|$|dass\b|zum\b|zur\b|über\b|wegen\b)", text[tok.end :]))

    def _family_addressee_after_ich(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"wie schreibe ich den blumsteins, dass …", "was sag ich den perrons": the dative plural after
        "VERB ich den" names the people a message goes to. A plural noun there is a role, a relation
        or a group ("den Eltern", "den Kollegen", "den Teams"), a nominalised adjective ("den
        Betroffenen") — anything else is a family."""
        tok = tokens[i]
        word, low, lex = tok.text, tok.text.lower(), self._lex
        if i < 3 or tok.score > 0 or tok.cue is not None or len(word) < 2 or not word.isalpha():
            return False
        if (not tok.cap and not lower_mode) or (tok.cap and not word[1:].islower()):
            return False
        den, ich, verb = tokens[i - 1], tokens[i - 2], tokens[i - 3]
        if den.text != "den" or ich.text != "ich" or any(
                text[a.end : b.start] != " " for a, b in ((verb, ich), (ich, den), (den, tok))):
            return False
        if not (verb.text.lower() in SPEECH_VERBS or verb.text.lower() in _TELLING_VERBS):
            return False
        stem = low[:-1] if low.endswith(("s", "n")) else low
        if (lex.is_function_word(word) or lex.is_plural_only(word) or lex.is_verb_or_adjective(word)
                or low in FOREIGN_COMMON_WORDS or lex.is_non_person_name(low) or self._is_role_noun(tok)
                or lex.is_person_noun(word) or lex.is_person_noun(stem) or stem in lex.mass_nouns
                or low.endswith(("ten", "nen", "enden", "igen", "ischen", "lichen")) or low in TIME_NOUNS):
            return False
        return bool(re.match(r"\s*(?:[,?.!]|$|dass\b|daß\b|zum\b|zur\b|wegen\b)", text[tok.end :]))

    def _family_plural(self, tok: Token, prev_low: str, nxt: Token | None, gap_after: str) -> bool:
        """"bei den Richters", "die Ecksteins": a noun's genitive singular after a plural article.

        German has no "den Richters"/"die Richters" except the family; plural forms of nouns
        ("die Autos") and anything before a noun ("die Kindes Mutter") are left alone.
        """
        word = tok.text
        lex = self._lex
        return (
            tok.cap and tok.score == 0 and tok.cue is None and prev_low in ("die", "den")
            and word.endswith("s") and len(word) >= 5 and not word.endswith("es")
            and lex.is_common_noun(word) and lex.is_common_noun(word[:-1])
            and not lex.is_plural_noun(word) and not lex.is_function_word(word)
            and word.lower() not in FOREIGN_COMMON_WORDS
            and not (nxt is not None and nxt.cap and gap_after == " ")
        )

    def _family_plural_s(self, text: str, tokens: list[Token], i: int, lower_mode: bool) -> bool:
        """"die Yuans", "bei den Grüns", "die herolds wollen …": a German plural in "-s" of a word that
        forms no such plural (a name, an unknown word, a noun or adjective with another plural)."""
        tok = tokens[i]
        word, lex = tok.text, self._lex
        if tok.score > 0 or tok.cue is not None or len(word) < 4 or not word.endswith("s") or not word.isalpha():
            return False
        if (not tok.cap and not lower_mode) or (tok.cap and not word[1:].islower()) or tok.sentence_initial or i == 0:
            return False
        if tokens[i - 1].text.lower() not in ("die", "den", "der") or text[tokens[i - 1].end : tok.start] != " ":
            return False
        nxt = tokens[i + 1] if i + 1 < len(tokens) and text[tok.end : tokens[i + 1].start] == " " else None
        if (nxt is not None and (lex.is_common_noun(nxt.text) or lex.is_compound_noun(nxt.text))
                and nxt.cap == tok.cap and not lex.is_function_word(nxt.text)):
            return False  # "die Kindes Mutter", "die Rotes-Kreuz-…": an attribute
        low, stem = word.lower(), word[:-1]
        if (lex.is_plural_noun(word) or lex.is_function_word(word) or low in FOREIGN_COMMON_WORDS or self._lex.is_non_person_name(low)
                or lex.is_place(stem) or (lex.is_common_word(word) and not lex.is_genitive_noun(word))):
            return False
        if lex.is_listed_name(stem) or lex.is_common_noun(stem) or lex.is_verb_or_adjective(stem):
            return True
        # German nouns form no plural in "-s" but loanwords, which the lexicon knows: the "-s" form of
        # a word no lexicon knows after a plural article is a family, unless the classifier is sure it is none.
        return not lex.is_common_word(stem) and self.probability(stem) >= STRONG_THRESHOLD

    def _after_found_name(self, text: str, a: Token, b: Token) -> float:
        """"Ørjan Berrefjord,": a name-like compound right after a found name, closing the phrase."""
        if not (a.score > 0 and b.cap and b.kind == OTHER and not self._lex.is_common_word(b.text)
                and not self._lex.is_place(b.text) and _END.match(text, b.end)):
            return 0.0
        p = self.probability(b.text)
        return p if p >= 0.2 else 0.0

    def _pairs(self, text: str, tokens: list[Token], lower_mode: bool) -> None:
        """"Bo Cheng", "Yuji Ki": two name-like words in a row, or one next to a found name."""
        for a, b in zip(tokens, tokens[1:]):
            if text[a.end : b.start] not in (" ", "-"):
                continue
            if a.score > 0 and b.score > 0:
                continue
            if (a.score == 0 and a.kind == OTHER and a.cap and self._name_shaped_unknown(a.text)) or (
                    b.score == 0 and b.kind == OTHER and b.cap and self._name_shaped_unknown(b.text)):
                continue  # "Gemeinsam Stark": adjective-shaped words are not paired
            pa = a.score or self.candidate(a, lower_mode) or (
                self.probability(a.text) if a.cap and a.kind in (STRONG, AMBIGUOUS) and not a.after_determiner else 0)
            pb = b.score or self.candidate(b, lower_mode) or (
                self.probability(b.text) if b.cap and b.kind in (STRONG, AMBIGUOUS) else 0) or (
                self._after_found_name(text, a, b))
            if lower_mode and a.score > 0 and not pb:
                pb = self._loose_lower(b) if self._loose_lower(b) >= LOOSE_LOWER_THRESHOLD else 0.0
            if not (pa and pb) or a.cue is not None or b.cue is not None:
                continue
            if a.score == 0 and a.text.lower() in FESTIVALS:
                continue  # "Ramadan Kareem", "Eid Mubarak": a greeting for the feast, as the list seeds skip it
            if (a.score or b.score) and max(pa, pb) >= STRONG_THRESHOLD and min(pa, pb) >= STRONG_THRESHOLD:
                a.score = a.score or 0.6
                b.score = b.score or 0.6
            elif (pa + pb) / 2 >= MEDIUM_THRESHOLD + (0.15 if lower_mode else 0) and min(pa, pb) >= STRONG_THRESHOLD:
                a.score = b.score = 0.6
