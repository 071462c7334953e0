"""Named local institutions (entity INSTITUTION, placeholder "[Einrichtung n]").

"Ihr Sohn geht in die Kita Regenbogenland" together with a first name identifies a
family. The rule: an institution head word (Kita, Grundschule, Werkstatt, Pflegedienst,
Seniorenheim, Praxis, Bäckerei …; ``data/institution_words.tsv``) together with a
proper-name part names one local institution:

- after the head: "St. Martin", "Dr. Özdemir", "Am Lindenpark", a quoted name, or
  capitalised words that are no German noun, or nouns institutions take as names (nature,
  animals, fairy tales: "Sonnenschein", "Spatzennest"; ``namestem`` in the word list) — other
  nouns there are objects ("in der Schule Mathe gelernt", "der Kita Bescheid geben");
- before a legal form: "Tischlerei Hoppe GmbH", "Hoppe & Partner", "Sonnenkinder e.V.";
- in a hyphen compound ending in a head: "Anne-Frank-Gesamtschule".
A compound ending in a head is a head ("Jugendwerkstatt", "Ergotherapiepraxis").
Carriers and attributes before the head belong to the name ("AWO Wohngruppe Sonnenhof",
"Ev. Kita St. Martin"). Not masked: generic public bodies (Jugendamt, Jobcenter,
Wohngeldstelle, Krankenkasse, Agentur für Arbeit, Amtsgericht Dortmund — a court or an
authority with its town covers a whole district and names no one's household) and
well-known national organisations on their own (AOK, Caritas, Deutsche
Rentenversicherung): they carry no head word, or only "national" words.
Text typed entirely in lower case is not covered (no capital to tell a name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.names import NameLexicon

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "institution_words.tsv"

# Any script's letters: names of owners and patrons are often not German ("Yıldızoğlu GmbH").
_CAP = r"\p{Lu}\p{L}*(?:-\p{L}+)*"
_TITLE_NAME = rf"(?:Dr\.|Prof\.|Dres\.|Dipl\.-\w+\.?)(?:\s(?:med\.|dent\.|vet\.|rer\.\s?nat\.|phil\.))?(?:\s(?:Dr\.|med\.))?\s{_CAP}(?:\s{_CAP})?"
_SAINT = rf"(?:St\.|Sankt|Hl\.|Heilige[rn]?)\s{_CAP}(?:\s{_CAP})?"
_PLACE_PREP = r"(?:Am|An\sder|An\sden|Im|In\sder|Zum|Zur|Auf\sdem|Auf\sder|Unter\sden|Hinter\sder|Vor\sdem|Beim|Bei\sder)"
_LOWER_PREP = r"(?:am|an\sder|an\sden|im|zum|zur|auf\sdem|auf\sder|unter\sden|hinter\sder)"
_QUOTED = r"[„\"»‚'](?P<quoted>[^“\"«‘'\n]{2,40})[“\"«‘']"
# Common nouns that make a place name after a lower-case preposition ("Grundschule am Park").
_PLACE_HEADS = (
    "park", "platz", "hof", "garten", "wald", "berg", "bach", "see", "markt", "tor", "ring", "feld",
    "weg", "straße", "turm", "brunnen", "teich", "rain", "hang", "anger", "deich", "kanal", "hafen",
    "dom", "schloss", "mühle", "wiese", "aue", "heide", "kamp", "busch", "höhe", "tal", "burg",
)
_UNUMLAUT = str.maketrans("äöü", "aou")
_NOT_NAMES = frozenset(
    """montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende januar februar märz april
    mai juni juli august september oktober november dezember morgen vormittag mittag nachmittag abend
    nacht heute gestern anfang ende frau herr herrn familie kind kinder""".split()
)
# Everyday objects that follow these heads without naming one ("in der Schule Ärger",
# "der Kita Bescheid geben", "in der Praxis Erfahrung"); plural forms are caught by rule.
OBJECT_NOUNS = frozenset(
    """ärger stress streit hilfe unterstützung angst besuch zeit ruhe spaß erfolg mühe kontakt unterricht
    frühstück essen mittagessen abendessen sport bescheid auskunft nachricht post geld bescheinigung
    ärztin arzt erfahrung erfahrungen arbeit ausbildung praktikum förderung betreuung begleitung beratung
    pflege therapie behandlung medikation aufnahme entlassung anmeldung abmeldung kündigung platz
    eingewöhnung aufsicht pause ferien urlaub schluss beginn start schulbeginn anfang unterricht
    probleme schwierigkeiten zoff mobbing druck hunger durst fieber kopfschmerzen bauchschmerzen
    bescheid rückmeldung meldung anruf termin hausaufgaben nachhilfe prüfung klausur zeugnis noten
    hand fuß kopf mut vertrauen freude glück pech recht unrecht kosten gebühren beiträge regeln
    bus bahn auto fahrrad""".split()
)


@dataclass
class InstitutionVocabulary:
    """The words of ``data/institution_words.tsv`` by kind."""

    heads: set[str] = field(default_factory=set)
    weak_heads: set[str] = field(default_factory=set)
    carriers: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    legal_forms: list[str] = field(default_factory=list)
    national: set[str] = field(default_factory=set)
    name_stems: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> "InstitutionVocabulary":
        vocab = cls()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            word, kind = line.split("\t")[:2]
            {"head": vocab.heads, "weak": vocab.weak_heads, "carrier": vocab.carriers,
             "prefix": vocab.prefixes, "national": vocab.national,
             "namestem": vocab.name_stems}.get(kind, set()).add(word)
            if kind == "legal":
                vocab.legal_forms.append(word)
        vocab.legal_forms.sort(key=len, reverse=True)
        return vocab


class InstitutionRecognizer(EntityRecognizer):
    """Entity INSTITUTION: named local institutions (see the module docstring)."""

    def __init__(self, lexicon: NameLexicon, vocabulary: Optional[InstitutionVocabulary] = None) -> None:
        self._lex = lexicon
        v = vocabulary or InstitutionVocabulary.load()
        self._vocab = v
        alt = lambda words: "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        self._heads = frozenset(v.heads | v.weak_heads)
        # A compound ending in a head word is a head too ("Jugendwerkstatt", "Ergotherapiepraxis"):
        # German compounds keep their head at the end. Only for heads that are no everyday words.
        self._head_endings = tuple(sorted(h.lower() for h in v.heads if h[0].isupper() and len(h) >= 4))
        # Candidate words: capitalised, possibly hyphenated ("Anne-Frank-Gesamtschule").
        self._word = regex.compile(r"(?<![\w-])\p{Lu}[\p{L}\-]*")
        self._before = regex.compile(rf"(?:(?:{alt(v.carriers | v.prefixes)})\s){{1,2}}$")
        self._legal = regex.compile(rf"\s?(?:{alt(v.legal_forms)})(?![\w])")
        self._legal_form = regex.compile(rf"(?<![\w])(?:{alt(v.legal_forms)})(?![\w])")
        self._name_before = regex.compile(rf"(?<![\w-])(?P<name>{_CAP}(?:\s(?:&\s)?{_CAP}){{0,3}})\s?$")
        self._strong_name = regex.compile(rf"\s(?:{_TITLE_NAME}|{_SAINT}|{_PLACE_PREP}\s{_CAP}(?:[\s-]{_CAP})?|{_QUOTED})")
        self._lower_place = regex.compile(rf"\s{_LOWER_PREP}\s(?P<place>{_CAP}(?:-{_CAP})?)")
        self._cap_words = regex.compile(rf"(?:\s(?P<w>{_CAP}))+")
        self._national_words = {w.lower() for n in v.national for w in n.split()}
        self._name_stems = tuple(sorted(v.name_stems, key=len, reverse=True))
        self._name_stem_set = frozenset(v.name_stems)
        super().__init__(supported_entities=["INSTITUTION"], supported_language="de", name="InstitutionRecognizer")

    def load(self) -> None:  # everything is built in __init__
        pass

    def analyze(
        self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> List[RecognizerResult]:
        """Head + name (0.95 with a clear name part, 0.9 otherwise), legal forms (0.9). At 0.9 or
        more the whole name wins over a person found inside it ("Bäckerei Akbulut")."""
        spans: list[tuple[int, int, float]] = []
        for m in self._word.finditer(text):
            word = m.group().rstrip("-")
            if "-" in word:
                parts = word.split("-")
                if parts[-1] in self._heads and parts[-1] in self._vocab.heads and all(parts[:-1]) and not all(
                    self._lex.is_common_noun(p) for p in parts[:-1]
                ):  # "Anne-Frank-Gesamtschule"; "Eltern-Kind-Gruppe" is none
                    spans.append((self._extend_left(text, m.start()), self._extend_legal(text, m.start() + len(word)), 0.9))
                continue
            if word in self._heads or (len(word) > 6 and word.lower().endswith(self._head_endings)):
                found = self._named(text, m.start(), m.start() + len(word), word)
                if found:
                    spans.append(found)
        for m in self._legal_form.finditer(text):
            before = self._name_before.search(text[max(0, m.start() - 80) : m.start()])
            if not before:
                continue
            words = [w for w in re.split(r"[\s&]+", before.group("name")) if w]
            while words and (self._lex.is_function_word(words[0]) or words[0] in self._vocab.prefixes):
                words = words[1:]  # "Die Hoppe GmbH": the article is no part of the name
            if not words or all(w.lower() in self._national_words for w in words):
                continue
            start = m.start() - len(before.group()) + before.group().index(words[0])
            spans.append((self._extend_left(text, start), m.end(), 0.9))
        return [self._result(s, e, score) for s, e, score in spans]

    def _named(self, text: str, start: int, end: int, head: str) -> tuple[int, int, float] | None:
        weak = head in self._vocab.weak_heads
        strong = self._strong_name.match(text, end)
        if strong:
            quoted = strong.group("quoted")
            if quoted is None or not quoted.strip().islower():
                return self._extend_left(text, start), self._extend_legal(text, strong.end()), 0.95
        lower = self._lower_place.match(text, end)
        place = lower.group("place") if lower else ""
        # After a lower-case preposition a known place is a locative ("die Wohngruppe an der
        # Ostsee"), not a name; a place-like noun or an unknown word names the institution.
        if lower and not self._lex.is_place(place) and (
            not self._lex.is_common_noun(place) or place.lower().endswith(_PLACE_HEADS)
        ):
            if place.lower() not in _NOT_NAMES:
                return self._extend_left(text, start), self._extend_legal(text, lower.end()), 0.9
        words = self._cap_words.match(text, end)
        if not words:
            return None
        name_end = end
        for w_start, w_end in zip(words.starts("w"), words.ends("w")):
            if len(text[name_end:w_start]) != 1 or not self._is_name_word(text[w_start:w_end], weak):
                break
            name_end = w_end
            if name_end - end > 60:
                break
        if name_end == end:
            legal = self._legal.match(text, end)
            return (self._extend_left(text, start), legal.end(), 0.9) if legal else None
        return self._extend_left(text, start), self._extend_legal(text, name_end), 0.9

    def _is_name_word(self, word: str, weak_head: bool) -> bool:
        low = word.lower()
        if low in _NOT_NAMES or low in OBJECT_NOUNS or self._lex.is_function_word(word):
            return False
        if self._lex.is_place(word):
            return True  # "Grundschule Hörde", "Pflegedienst Halle"
        if word in self._vocab.heads or word in self._vocab.legal_forms or low in self._national_words:
            return False
        if self._lex.is_common_noun(word):
            if weak_head or self._looks_plural(low):
                return False
            return self._is_naming_noun(low)
        return True

    def _is_naming_noun(self, low: str) -> bool:
        """An ordinary noun that institutions take as a name: a diminutive ("Pünktchen") or a word
        that begins or ends with a naming word ("Sonnenschein", "Spatzennest", "Regenbogen")."""
        if low.endswith(("chen", "lein")) and len(low) > 6 and low[-5] not in "aeiouäöü":
            return True  # "Pünktchen", "Seepferdchen"; not "Kuchen"
        # short stems ("see", "ente") only as the head of a compound, after 3+ letters
        return low in self._name_stem_set or any(
            (len(stem) >= 4 and low.startswith(stem) and len(low) - len(stem) >= 3)
            or (low.endswith(stem) and len(low) - len(stem) >= 3)
            for stem in self._name_stems
        )

    def _looks_plural(self, low: str) -> bool:
        # "Probleme", "Termine", "Kinder", "Schwierigkeiten": a noun whose shorter form is a noun.
        for ending in ("en", "n", "e", "er", "s", "nen", ""):
            stem = low[: len(low) - len(ending)]
            if not ending and stem == low and not any(ch in low for ch in "äöü"):
                continue
            if low.endswith(ending) and stem != low and self._lex.is_common_noun(stem):
                return True
            # umlaut plurals: "Nöte" (Not), "Gärten" (Garten), "Mütter" (Mutter)
            plain = stem.translate(_UNUMLAUT)
            if low.endswith(ending) and plain != stem and self._lex.is_common_noun(plain):
                return True
        return low.endswith(("ungen", "heiten", "keiten", "schaften"))

    def _extend_left(self, text: str, start: int) -> int:
        m = self._before.search(text[max(0, start - 40) : start])
        return start - (len(m.group()) if m else 0)

    def _extend_legal(self, text: str, end: int) -> int:
        m = self._legal.match(text, end)
        return m.end() if m else end

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type="INSTITUTION",
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
